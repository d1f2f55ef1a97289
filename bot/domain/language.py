"""Words of a question: accent folding, tokens, stopwords, light stemming and es/en detection."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

MAX_TOKENS = 64  # a question longer than this is read from its start only

_APOSTROPHE_S = re.compile(r"(\w)['’]s\b")
_APOSTROPHE = re.compile(r"['’`´]")
_TOKEN = re.compile(r"[^\W_]+(?:_[^\W_]+)*")
_SPANISH_MARKS = re.compile(r"[ñáéíóúü¿¡]")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Folded (lowercase, accent-free) words that carry no topic. Question words that do carry one
# (where/donde, when/cuando, what time/que hora, why) are deliberately absent: the synonyms map
# them to the aspects they ask about.
STOPWORDS_EN = _words(
    """a an the is are was were be been being am do does did doing have has had having i me my
    mine we our us you your it its this that these those there here of in on at to for from by
    with about as into onto than then so and or but if not no any anything some something all
    what which who whom whose how will would shall should can could may might must also just
    please tell know want wanna like need give show let get got im ive id dont doesnt isnt arent
    wont cant whats thing things one ones out up very really whether else again more much other
    held available after before tell show explain take takes taking took until during anyone
    anybody someone somebody"""
)
STOPWORDS_ES = _words(
    """el la los las lo un una unos unas de del al a en y e o u que quien quienes cual cuales
    como es son ser sera seran fue fueron esta estan estar este estos estas ese esa esos esas eso
    esto hay habra haber ha han he se me te le les nos mi mis tu tus su sus mio por para con sin
    sobre entre hasta desde si no ni ya muy mas pero tambien algo alguna alguno algun favor
    quiero quisiera saber puedo puede pueden podria podemos tengo tiene tienen tenemos hacer
    decir dime dices sabes q k xq porfa porfavor usted ustedes yo vos habido hubo habia sido
    disponible disponibles antes cuentame cuentenme explicame muestrame hablame indicame
    ensename mismo misma mismos mismas cualquiera alguien hace hacen realiza realizan realizara
    cuanto cuanta cuantos cuantas"""
)
STOPWORDS = STOPWORDS_EN | STOPWORDS_ES

# Function words (and a few very common ones) that tell Spanish from English in a short text.
_ES_WORDS = _words(
    """el la los las lo un una unos unas de del al en y que quien quienes cual cuales como
    cuando donde cuanto cuanta cuantos cuantas es son esta estan este hay habra se mi por
    para con sin sobre pero tambien puedo tengo tiene hoy manana ayer ahora sigue siguiente
    despues lunes martes miercoles jueves viernes sabado domingo octubre dia dias fecha hora
    semana evento gracias hola ayuda buenos buenas q xq porque porfa favor algo nada donde
    proximo proxima"""
)
_EN_WORDS = _words(
    """the is are was what whats when where how who which why do does did can could i my we you
    your it its this that there on at of for to from with will would should be have has an and
    today tomorrow yesterday now next after week day days date time event thanks thank hello
    hey help please any anything something get tell"""
)


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


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Strip a plural ending so 'sessions'/'session' and 'reuniones'/'reunion' meet."""
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

    @classmethod
    def from_texts(cls, es_texts: Iterable[str], en_texts: Iterable[str]) -> LanguageEvidence:
        """Collect the words that appear in the texts of one language but not the other."""
        es = {t for text in es_texts for t in tokens(text, limit=10_000)}
        en = {t for text in en_texts for t in tokens(text, limit=10_000)}
        numbers = {t for t in es | en if t.isdigit()}
        return cls(frozenset(es - en - numbers), frozenset(en - es - numbers))


def language_scores(
    text: str, words: list[str], evidence: LanguageEvidence = LanguageEvidence()
) -> tuple[float, float]:
    """Return (Spanish, English) evidence for a short text and its folded tokens."""
    es = 2.0 * min(3, len(_SPANISH_MARKS.findall(text.lower())))
    en = 0.0
    for word in words:
        es += 1.5 if word in _ES_WORDS else 1.0 if word in evidence.es else 0.0
        en += 1.5 if word in _EN_WORDS else 1.0 if word in evidence.en else 0.0
        known = word in _ES_WORDS or word in _EN_WORDS or word in evidence.es or word in evidence.en
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
    es, en = language_scores(text, tokens(text) if words is None else words, evidence)
    if es > en:
        return "es"
    if en > es:
        return "en"
    return hint if hint in ("es", "en") else None
