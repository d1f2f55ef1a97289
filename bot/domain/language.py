"""Words of a question: accent folding, tokens, stopwords, light stemming and es/en detection."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from bot.domain.lexicon import ABBREVIATIONS, EN_WORDS, ES_WORDS, OTHER_WORDS

MAX_TOKENS = 64  # a question longer than this is read from its start only

_APOSTROPHE_S = re.compile(r"(\w)['’]s\b")
_APOSTROPHE = re.compile(r"['’`´]")
_TOKEN = re.compile(r"[^\W_]+(?:_[^\W_]+)*")
_SPANISH_MARKS = re.compile(r"[ñáéíóúü¿¡]")


# Endings typical of one language, weak evidence for words no list knows.
_ES_ENDINGS = (
    "cion",
    "ciones",
    "dad",
    "dades",
    "mente",
    "ando",
    "iendo",
    "ar",
    "os",
    "as",
    "o",
    "a",
)
_EN_ENDINGS = (
    "tion",
    "tions",
    "ing",
    "ness",
    "ship",
    "ful",
    "ed",
    "ly",
    "th",
    "sh",
    "ck",
    "w",
    "y",
)


_OTHER = 2.5  # weight of a function word of another language (they often share "la", "de")


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    # Only ASCII digits are numbers: other digits (❶ ➀ ⓵ ፩ ١), which int() cannot always
    # read, become spaces. Fullwidth and circled ones (２ ①) decompose to ASCII above.
    return "".join(
        " " if c.isdigit() and not c.isascii() else c
        for c in decomposed
        if not unicodedata.combining(c)
    )


# Latin letters with marks, folded once: most questions then need no per-character work.
_LATIN = {i: _strip_marks(chr(i)) for i in range(0xA0, 0x250) if _strip_marks(chr(i)) != chr(i)}


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold(text: str) -> str:
    """Lowercase `text` and strip its accents (so 'Clínica' and 'clinica' read the same)."""
    folded = text.casefold().translate(_LATIN)
    if folded.isascii():
        return folded
    return _NON_ASCII.sub(lambda m: _strip_marks(m.group()), folded)


def tokens(text: str, limit: int = MAX_TOKENS) -> list[str]:
    """Split `text` into folded word tokens ("What's the clínica?" -> what, the, clinica)."""
    folded = _APOSTROPHE.sub("", _APOSTROPHE_S.sub(r"\1", fold(text)))
    found: list[str] = []
    for match in _TOKEN.finditer(folded):
        found.append(match.group())
        if len(found) >= limit:
            break
    return found


def names(text: str, limit: int = MAX_TOKENS) -> frozenset[str]:
    """Return the stemmed, folded words capitalised mid-sentence ("weather in Paris" -> paris)."""
    found = set()
    plain = _APOSTROPHE.sub("", _APOSTROPHE_S.sub(r"\1", text[:2000]))
    for k, match in enumerate(_TOKEN.finditer(plain)):
        if k >= limit:
            break
        word = match.group()
        before = plain[: match.start()].rstrip()
        starts_sentence = not before or before[-1] in ".!?¿¡:;\"'«(\n"
        if word[:1].isupper() and not word.isupper() and not starts_sentence:
            found.add(stem(fold(word)))
    return frozenset(found)


def expand(words: list[str], lang: str) -> list[str]:
    """Spell out the texting abbreviations of `lang` ("dnd" -> "donde", "pls" -> "please")."""
    table = ABBREVIATIONS.get(lang, {})
    return [table.get(w, w) for w in words]


_CODE = re.compile(r"^([a-z]{2,})(\d+)$")


def split_codes(words: list[str]) -> list[str]:
    """Split letters run into a number ("room12" -> room, 12; "oct21" -> oct, 21)."""
    out: list[str] = []
    for w in words:
        m = _CODE.match(w)
        out.extend((m[1], m[2]) if m else (w,))
    return out


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Strip a plural ending so 'sessions'/'session' and 'reuniones'/'reunion' meet."""
    if len(word) >= 5 and word.endswith("ies"):  # countries/country, activities/activity
        return word[:-3] + "y"
    if len(word) >= 6 and word.endswith("es") and word[-3] in "lnrdz":
        return word[:-2]
    if len(word) >= 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) >= 5 and word.endswith(("an", "en")):  # Spanish verbs: tratan/trata
        word = word[:-1]
    elif len(word) >= 6 and word.endswith("ing"):  # booking/book, speaking/speak
        word = word[:-3]
    return word


@dataclass(frozen=True)
class LanguageEvidence:
    """Words known to belong to only one language (e.g. taken from the knowledge base)."""

    es: frozenset[str] = frozenset()
    en: frozenset[str] = frozenset()
    shared: frozenset[str] = frozenset()  # words both languages use ("agenda", "hotel")

    @classmethod
    def from_texts(cls, es_texts: Iterable[str], en_texts: Iterable[str]) -> LanguageEvidence:
        """Collect the words that appear in the texts of one language but not the other."""
        es = {t for text in es_texts for t in tokens(text, limit=10_000)}
        en = {t for text in en_texts for t in tokens(text, limit=10_000)}
        numbers = {t for t in es | en if t.isdigit()}
        return cls(
            frozenset(es - en - numbers), frozenset(en - es - numbers), frozenset(es & en - numbers)
        )


def language_scores(
    text: str, words: list[str], evidence: LanguageEvidence = LanguageEvidence()
) -> tuple[float, float]:
    """Return (Spanish, English) evidence for a short text and its folded tokens."""
    es = 2.0 * min(3, len(_SPANISH_MARKS.findall(text.lower())))
    en = 0.0
    for word in words:
        es += 1.5 if word in ES_WORDS else 1.0 if word in evidence.es else 0.0
        en += 1.5 if word in EN_WORDS else 1.0 if word in evidence.en else 0.0
        known = (
            word in ES_WORDS
            or word in EN_WORDS
            or word in evidence.es
            or word in evidence.en
            or word in evidence.shared
        )
        if not known and len(word) >= 4 and not word.isdigit():
            es += 0.5 if word.endswith(_ES_ENDINGS) else 0.0
            en += 0.5 if word.endswith(_EN_ENDINGS) else 0.0
    return es, en


def detect_language(
    text: str,
    words: list[str] | None = None,
    evidence: LanguageEvidence = LanguageEvidence(),
    hint: str | None = None,
) -> str | None:
    """Return 'es' or 'en' for a short text, `hint` when the text is ambiguous, else None."""
    words = tokens(text) if words is None else words
    es, en = language_scores(text, words, evidence)
    other = _OTHER * sum(1 for w in words if w in OTHER_WORDS)
    if other >= 2 * _OTHER and other > max(es, en):  # French, German, Italian...: neither
        return hint if hint in ("es", "en") else None
    if es > en:
        return "es"
    if en > es:
        return "en"
    return hint if hint in ("es", "en") else None
