"""Terms of a question: synonym phrases, stopwords, plurals and typo repair against the KB."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.domain.lang import by_language
from bot.domain.language import stem, tokens
from bot.domain.lexicon import STOPWORDS
from bot.domain.tuning import TUNING

_MAX_PHRASE = TUNING.max_phrase
_STOPWORD_LIST = sorted(STOPWORDS)
_PREFIX = TUNING.family
# Letters texted for their sound, of every language: ("k", "qu") reads "ekipo" as "equipo".
_SOUNDALIKES = tuple(dict.fromkeys(p for ps in by_language("SOUNDALIKES", ()).values() for p in ps))


@dataclass(frozen=True)
class Term:
    """One normalised word of a question: its term, the token it came from, whether it is known."""

    text: str
    index: int
    known: bool
    size: int = 1  # tokens it spans (a synonym phrase spans several)

    def within(self, indices: frozenset[int]) -> bool:
        """True when any of its tokens is among `indices`."""
        return any(i in indices for i in range(self.index, self.index + self.size))


class Normaliser:
    """Turn folded tokens into terms: synonym phrases, stopwords, typo repair, plurals."""

    def __init__(
        self,
        synonyms: Iterable[Iterable[str]],
        vocabulary: Iterable[str] = (),
        real: Iterable[str] = (),
        letters: Iterable[str] = (),
        kept: Iterable[str] = (),
    ) -> None:
        # Words a language list knows (Portuguese "fala", "who speaks"): never a typo of a KB word.
        self.real = frozenset(real)
        # Letters the KB writes as a word of their own ("analysis with R"), not stopwords.
        self.letters = frozenset(w for w in letters if w not in STOPWORDS)
        # A word the KB gives alone as a keyword ("final" of a pitch final) is a word of its
        # own there, though a language list calls it light ("the final day").
        self.kept = frozenset(w for w in kept if w in STOPWORDS)
        self.stopwords = STOPWORDS - self.kept
        self.words: dict[str, str] = {}
        self.phrases: dict[tuple[str, ...], str] = {}
        for group in synonyms:
            members = [tuple(tokens(m)) for m in group]
            members = [m for m in members if m]
            if not members:
                continue
            canonical = "_".join(stem(w) for w in members[0])
            for m in members:
                if len(m) == 1:
                    self.words.setdefault(m[0], canonical)
                    self.words.setdefault(stem(m[0]), canonical)
                else:
                    self.phrases.setdefault(tuple(stem(w) for w in m[:_MAX_PHRASE]), canonical)
        self.vocabulary = frozenset(w for w in vocabulary if w not in self.stopwords)
        self.stems = frozenset(stem(w) for w in self.vocabulary)
        # Typos rarely touch the first letter: grouping by it keeps repair fast and cautious.
        groups: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in self.vocabulary:
            if not word.isdigit():
                groups[(word[0], len(word))].append(word)
        self._groups = {key: tuple(sorted(ws)) for key, ws in groups.items()}
        families: dict[str, list[str]] = defaultdict(list)
        for word in sorted(self.vocabulary):
            if len(word) >= _PREFIX and not word.isdigit():
                families[word[:_PREFIX]].append(word)
        self._families = {key: tuple(ws) for key, ws in families.items()}
        self.repair = lru_cache(maxsize=8192)(self._repair)

    def term(self, word: str) -> str:
        """Return the canonical term of one known word."""
        return self.words.get(word) or self.words.get(stem(word)) or stem(word)

    def terms(self, words: list[str], repair: bool = True) -> list[Term]:
        """Return the terms of folded tokens, dropping stopwords (longest synonym phrase first)."""
        found: list[Term] = []
        i = 0
        while i < len(words):
            for size in range(min(_MAX_PHRASE, len(words) - i), 1, -1):
                canonical = self.phrases.get(tuple(stem(w) for w in words[i : i + size]))
                if canonical:
                    found.append(Term(canonical, i, True, size))
                    i += size
                    break
            else:
                term = self._word(words[i], i, repair)
                if term:
                    found.append(term)
                i += 1
        return found

    def spelled(self, words: list[str]) -> list[str]:
        """Return the tokens with unknown words replaced by the word they are likely typos of."""
        out = []
        for w in words:
            known = w in self.words or w in STOPWORDS or w in self.vocabulary or w.isdigit()
            known = known or w in self.real  # "fala" is Portuguese, no slip for "falta"
            out.append(w if known else self.repair(w) or w)
        return out

    def _word(self, word: str, i: int, repair: bool) -> Term | None:
        if word in self.words:
            return Term(self.words[word], i, True)
        if word in self.stopwords or (
            len(word) == 1 and not word.isdigit() and word not in self.letters
        ):
            return None  # a stray letter is noise
        if word in self.vocabulary or word.isdigit() or not repair or word in self.real:
            return Term(self.term(word), i, word in self.vocabulary)
        if stem(word) in self.stems:  # "lugares" when the KB only says "lugar"
            return Term(self.term(word), i, True)
        if len(word) <= TUNING.short_word and self.slip_of_stopword(word):  # "wht", "teh", "qe"
            return None
        fixed = self.repair(word)
        if fixed is None:
            return Term(stem(word), i, False)
        return Term(self.term(fixed), i, True)

    @staticmethod
    @lru_cache(maxsize=4096)
    def slip_of_stopword(word: str) -> bool:
        """True when a short unknown word is a stopword with a letter dropped or swapped."""
        found = process.extract(word, _STOPWORD_LIST, scorer=OSA.distance, score_cutoff=1)
        return any(_slip(word, candidate) for candidate, _, _ in found)

    def _repair(self, word: str) -> str | None:
        """Return the vocabulary word `word` is most likely a typo of, or None."""
        if len(word) < 3 or any(c.isdigit() for c in word):
            return None
        edits = 2 if len(word) >= TUNING.long_word else 1
        candidates: list[str] = []
        for n in range(len(word) - edits, len(word) + edits + 1):
            candidates.extend(self._groups.get((word[0], n), ()))
        found = process.extract(
            word, candidates, scorer=OSA.distance, score_cutoff=edits, limit=None
        )
        # Nearest first; at equal distance, a word the synonyms know (a concept) first.
        for candidate, _, _ in sorted(found, key=lambda f: (f[1], f[0] not in self.words, f[0])):
            if len(word) > TUNING.slip_free or _slip(word, candidate):
                return candidate
        family = self._families.get(word[:_PREFIX], ())
        best_family = max(family, key=lambda w: (_common_prefix(w, word), -len(w)), default=None)
        if best_family and _common_prefix(best_family, word) >= len(word) - 3:
            return best_family
        # Spelled as it sounds ("kasa"): the KB's word written the usual way.
        return next(
            (
                spelled
                for sound, letters in _SOUNDALIKES
                if sound in word and (spelled := word.replace(sound, letters)) in self.vocabulary
            ),
            None,
        )


def is_slip(word: str, candidate: str) -> bool:
    """True when `word` is `candidate` with a letter missing or two letters swapped."""
    return word != candidate and OSA.distance(word, candidate) == 1 and _slip(word, candidate)


def _slip(word: str, candidate: str) -> bool:
    """True when a short word is `candidate` with a letter missing or two letters swapped.

    Other one-letter changes turn too many real short words into KB words ("cake" -> "cafe",
    "paris" -> "pais"), so short words are repaired only for these two common slips.
    """
    if len(candidate) == len(word) + 1:
        return True
    return len(candidate) == len(word) and sorted(candidate) == sorted(word)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
