"""Words of a question: accent folding, tokens, stopwords, light stemming, language detection."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from bot.domain.lang import LANGUAGES
from bot.domain.lexicon import ABBREVIATIONS, OTHER_WORDS, PHRASAL
from bot.domain.tuning import TUNING

if TYPE_CHECKING:
    from lingua import LanguageDetector

MAX_TOKENS = TUNING.max_tokens

_APOSTROPHE_S = re.compile(r"(\w)['’]s\b")
_APOSTROPHE = re.compile(r"['’`´]")
# A hyphen after a prefix of one or two letters joins one word ("e-mail", "wi-fi").
_PREFIXED = re.compile(r"\b([^\W\d_]{1,2})-(?=[^\W\d_]{2})")
_TOKEN = re.compile(r"[^\W_]+(?:_[^\W_]+)*")


DEFAULT_LANGS = ("es", "en")  # a text's candidate languages unless the KB names others
_OTHER = TUNING.other_language
_T = TUNING


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


_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"(?<=[a-z\u00df-\u00ff])(?=[A-Z\u00c0-\u00de])|_")  # "DatosAbiertos"


def unhashed(text: str) -> str:
    """`text` with its hashtags read as words ("#DatosAbiertos" -> "Datos Abiertos",
    "#devfest" -> "devfest")."""
    if "#" not in text:
        return text
    return _HASHTAG.sub(lambda m: _CAMEL.sub(" ", m.group(1)), text)


_ACCENTED = {
    "a": "aáàâãä",
    "e": "eéèêë",
    "i": "iíìîï",
    "o": "oóòôõö",
    "u": "uúùûü",
    "c": "cç",
    "n": "nñ",
}


def accented(folded: str) -> str:
    """A pattern of one character per letter matching `folded` as written, with or without
    accents ("pregunto" finds "preguntó"); spaces stay spaces."""
    return "".join(f"[{_ACCENTED[c]}]" if c in _ACCENTED else re.escape(c) for c in folded)


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One pattern finding any of `phrases` (folded words) as whole words in folded text,
    longest first, whatever spaces or marks part their words."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return re.compile(
        "|".join(r"\b" + r"\W+".join(map(re.escape, p.split())) + r"\b" for p in ordered)
    )


def folded_spans(text: str) -> tuple[str, list[int]]:
    """`text` folded (see `fold`) with, for each folded character and one past the last, the
    index in `text` it comes from: folding may lengthen ("…", "ß") or drop (a combining accent)
    characters, so offsets in the folded text are mapped back through it."""
    parts: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(text):
        f = fold(c)
        parts.append(f)
        origin.extend([i] * len(f))
    origin.append(len(text))
    return "".join(parts), origin


def fold(text: str) -> str:
    """Lowercase `text` and strip its accents (so 'Sesión' and 'sesion' read the same)."""
    folded = text.casefold().translate(_LATIN)
    if folded.isascii():
        return folded
    return _NON_ASCII.sub(lambda m: _strip_marks(m.group()), folded)


def tokens(text: str, limit: int = MAX_TOKENS) -> list[str]:
    """Split `text` into folded word tokens ("What's the sesión?" -> what, the, sesion)."""
    folded = _APOSTROPHE.sub("", _APOSTROPHE_S.sub(r"\1", fold(text)))
    folded = _PREFIXED.sub(r"\1", folded) if "-" in folded else folded
    found: list[str] = []
    for match in _TOKEN.finditer(folded):
        found.append(match.group())
        if len(found) >= limit:
            break
    return found


def holds_pair(words: list[str], pairs: frozenset[tuple[str, str]]) -> bool:
    """True when two words in a row are one of `pairs` ("fly in", "that day")."""
    return any(pair in pairs for pair in zip(words, words[1:], strict=False))


_ASIDE = re.compile(r"\s*\([^)]*\)")  # "Sal y cenizas (segunda función)": a note in brackets


def without_asides(text: str) -> str:
    """`text` without its notes in brackets ("Estación Fluvial (pasta party)": the name)."""
    return _ASIDE.sub("", text).strip()


def holds_run(words: list[str], run: tuple[str, ...]) -> bool:
    """True when `run` stands in `words` as consecutive words ("sala", "3" in "na sala 3")."""
    n = len(run)
    return n > 0 and any(tuple(words[i : i + n]) == run for i in range(len(words) - n + 1))


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
    """Spell out the texting abbreviations of `lang` ("dnd" -> "donde", "pls" -> "please") and
    read its phrases of two words as one ("take part" -> "participate", "the"). (A KB's own
    synonyms join words into one term later, for that KB; these are the language's, for every
    KB, and come before typo repair would read "part" as "party".)"""
    table = ABBREVIATIONS.get(lang, {})
    out = [table.get(w, w) for w in words]
    verbs = PHRASAL.get(lang, {})
    for i, pair in enumerate(pairwise(words)):
        if (verb := verbs.get(pair)) is not None:
            out[i : i + 2] = [verb, "the"]
    return out


_RUN = re.compile(r"(\w)\1{2,}")  # a letter three times or more ("graciaaas")
_HELD_END = re.compile(r"([aeiou])\1$")  # a final vowel twice ("holaa", "oii"; not "miss")


def unstretched(words: list[str], known: frozenset[str]) -> list[str]:
    """Undo letters held for emphasis ("holaa", "oii", "graciaaas") in the words no list
    knows, when the word without them is a word some list knows. A letter doubled inside a
    word is spelling ("perro", "coffee"), not emphasis."""
    out = []
    for w in words:
        short = _HELD_END.sub(r"\1", _RUN.sub(r"\1", w)) if w not in known else w
        out.append(short if short in known else w)
    return out


# Each language's diminutive endings (bot/domain/lang/), longest first.
_DIMINUTIVES = sorted(
    {d for module in LANGUAGES.values() for d in getattr(module, "DIMINUTIVES", ())},
    key=lambda d: -len(d[0]),
)
_DIMINUTIVE_BASE = TUNING.diminutive_base


def undiminished(words: list[str], known: frozenset[str]) -> list[str]:
    """The diminutives no list knows as the word they make small, when some list knows it
    ("mi perrito" -> "perro", "um cafezinho" -> "cafe")."""
    out = []
    for w in words:
        if w not in known:
            for end, plain in _DIMINUTIVES:
                kept = len(w) - len(end)
                base = w[: -len(end)] + plain
                if w.endswith(end) and kept >= (_DIMINUTIVE_BASE if plain else 3) and base in known:
                    w = base
                    break
        out.append(w)
    return out


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
    if len(word) >= 5 and word.endswith(("an", "en", "am", "em")):  # tratan/trata, começam
        word = word[:-1]
    elif len(word) >= 6 and word.endswith("ing"):  # booking/book, speaking/speak
        word = word[:-3]
    return word


@dataclass(frozen=True)
class LanguageEvidence:
    """Words known to belong to only one language (e.g. taken from the knowledge base)."""

    own: dict[str, frozenset[str]] = field(default_factory=dict)  # language -> its own words
    shared: frozenset[str] = frozenset()  # words several languages use ("agenda", "hotel")
    # language -> words it shares with some, not all, of the others ("sesion": es and pt)
    some: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_texts(cls, *texts: Iterable[str], **by_lang: Iterable[str]) -> LanguageEvidence:
        """Collect the words that appear in the texts of one language but no other.

        Positional texts are Spanish then English (the v1 languages); keywords name any.
        """
        named = dict(zip(("es", "en"), texts, strict=False)) | by_lang
        words = {
            lang: {t for text in items for t in tokens(text, limit=10_000) if not t.isdigit()}
            for lang, items in named.items()
        }
        own = {
            lang: frozenset(ws - set().union(*(o for k, o in words.items() if k != lang)))
            for lang, ws in words.items()
        }
        seen: dict[str, int] = {}
        for ws in words.values():
            for w in ws:
                seen[w] = seen.get(w, 0) + 1
        some = {
            lang: frozenset(w for w in ws if 1 < seen[w] < len(words)) for lang, ws in words.items()
        }
        return cls(own, frozenset(w for w, n in seen.items() if n > 1), some)

    @cached_property
    def known(self) -> frozenset[str]:
        """Every word some language is known to use: no ending needs guessing for it."""
        found = set(self.shared).union(*self.own.values())
        return frozenset(found.union(*(m.FUNCTION_WORDS for m in LANGUAGES.values())))

    @property
    def es(self) -> frozenset[str]:
        return self.own.get("es", frozenset())

    @property
    def en(self) -> frozenset[str]:
        return self.own.get("en", frozenset())


def language_scores(
    text: str,
    words: list[str],
    evidence: LanguageEvidence = LanguageEvidence(),
    langs: tuple[str, ...] = DEFAULT_LANGS,
) -> dict[str, float]:
    """Return each candidate language's evidence for a short text and its folded tokens."""
    # Accents of a capitalised name ("Ana Pérez") say nothing of the sentence's language.
    lowered = " ".join(w for k, w in enumerate(text.split()) if k == 0 or not w[:1].isupper())
    lowered = lowered.lower()
    scores: dict[str, float] = {}
    for lang in langs:
        data = LANGUAGES.get(lang)
        marks = sum(1 for c in lowered if data is not None and c in data.MARKS)
        accents = sum(1 for c in lowered if data is not None and c in data.ACCENTS)
        scores[lang] = _T.lang_letter * (
            min(_T.lang_letters, marks) + min(_T.lang_letters, accents)
        )
        if data is not None and data.PATTERN and re.search(data.PATTERN, lowered):
            scores[lang] += _T.lang_spelling  # a spelling only this language has ("é", "ção")
    known = evidence.known
    for word in words:
        # A function word several of the languages share (Spanish "o" is "or", Portuguese "o"
        # is "the") is evidence for each of them, split between them.
        sharing = _sharing(langs).get(word, 1)
        for lang in langs:
            own = evidence.own.get(lang, frozenset())
            if _is_function(word, lang):
                scores[lang] += _T.lang_function / sharing  # ...or an abbreviation ("qnts")
            elif word in own:
                scores[lang] += _T.lang_own
            elif word in evidence.some.get(lang, ()):
                # A word of a few of the languages (Spanish and Portuguese "programa") is weaker
                # evidence for each; the first declared of them breaks the tie.
                scores[lang] += _T.lang_shared
            if word not in known and len(word) >= 4 and not word.isdigit():
                scores[lang] += _T.lang_ending if word.endswith(_endings(lang)) else 0.0
    return scores


def _is_function(word: str, lang: str) -> bool:
    return word in _function_words(lang) or word in ABBREVIATIONS.get(lang, ())


@lru_cache(maxsize=64)
def _sharing(langs: tuple[str, ...]) -> dict[str, int]:
    """How many of `langs` each function word (or texting abbreviation) belongs to."""
    counts: dict[str, int] = {}
    for lang in langs:
        for word in _function_words(lang) | frozenset(ABBREVIATIONS.get(lang, ())):
            counts[word] = counts.get(word, 0) + 1
    return counts


def _function_words(lang: str) -> frozenset[str]:
    data = LANGUAGES.get(lang)
    return data.FUNCTION_WORDS if data is not None else frozenset()


def _endings(lang: str) -> tuple[str, ...]:
    data = LANGUAGES.get(lang)
    return data.ENDINGS if data is not None else ()


def detect_language(
    text: str,
    words: list[str] | None = None,
    evidence: LanguageEvidence = LanguageEvidence(),
    hint: str | None = None,
    langs: tuple[str, ...] = DEFAULT_LANGS,
    default: str | None = None,
) -> str | None:
    """Return the language of a short text among `langs`, `hint` when the text is ambiguous,
    else None (also for a text in a language none of them is). When the evidence ties
    languages the caller's `default` is not among, the first of them in `langs` wins."""
    words = tokens(text) if words is None else words
    scores = language_scores(text, words, evidence, langs)
    fallback = hint if hint in langs else None
    others = OTHER_WORDS - {w for lang in langs for w in _function_words(lang)}
    other = _OTHER * sum(1 for w in words if w in others)
    if other >= 2 * _OTHER and other > max(scores.values(), default=0.0):  # French, German...
        return fallback
    best = max(scores.values(), default=0.0)
    leaders = [lang for lang, score in scores.items() if score == best]
    if best > 0 and len(leaders) == 1:
        return leaders[0]
    if best > 0 and fallback is None and default is not None and default not in leaders:
        return leaders[0]  # tied languages the default is not one of: the first declared
    if best > 0 and fallback is None and default in leaders:
        # A tie with the default language ("site do congresso": "do" is English and
        # Portuguese) goes to the language a character model reads, if any.
        return break_tie(text, leaders, langs)
    return fallback


def break_tie(text: str, leaders: list[str], langs: tuple[str, ...]) -> str | None:
    """Return which of the tied `leaders` lingua's character n-grams find `text` likeliest in,
    among the languages `langs` it knows (None when it knows fewer than two of the leaders).

    Measured in bench/langid.py: n-grams tell apart languages as far as English and
    Portuguese on two or three words, but not Spanish and Portuguese words both spell alike
    ("sala", "horario"), so the matcher asks them only about a tie the default
    language is in, and never about a message with no evidence at all."""
    detector = _ngram_detector(langs)
    if detector is None:
        return None
    confidence = {
        c.language.iso_code_639_1.name.lower(): c.value
        for c in detector.compute_language_confidence_values(text)
    }
    known = [lang for lang in leaders if lang in confidence]
    if len(known) < 2:
        return None
    return max(known, key=lambda lang: confidence[lang])


@lru_cache(maxsize=16)
def _ngram_detector(langs: tuple[str, ...]) -> LanguageDetector | None:
    """Lingua in low-accuracy mode (trigrams only: +12-15 MB) for `langs`, built on first use."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = []
    for lang in langs:
        try:
            codes.append(IsoCode639_1.from_str(lang))
        except ValueError:  # a language lingua does not model
            continue
    if len(codes) < 2:
        return None
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()
