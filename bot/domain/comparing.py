"""Two sessions compared: which comes first, or whether they share a place.

"Is the workshop before or after the keynote?", "¿qué va primero, X o Y?", "O painel e a
oficina são no mesmo lugar?": the answer sets both side by side. The KB's own overview, an FAQ
that tells of both, answers when it has one; else both sessions are listed with their days and
places.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.dates import either_side
from bot.domain.knowledge import KnowledgeBase
from bot.domain.lang import words_of
from bot.domain.language import tokens
from bot.domain.lexicon import ARTICLES
from bot.domain.terms import Term
from bot.domain.tuning import TUNING
from bot.domain.vocabulary import Vocabulary

_OR = words_of("OR_WORDS")  # "before or after", "X or Y"
_AFTER = words_of("TIME_AFTER")
_FIRST = words_of("COMPARE_FIRST")  # "which comes first, X or Y?"
_SAME = words_of("COMPARE_SAME")  # "the same place", "sedes distintas"
_PLACES = words_of("COMPARE_PLACES")
_OVERVIEWS = TUNING.overviews
_POOL = TUNING.pool


@dataclass(frozen=True)
class Comparison:
    """What a comparison names: its sessions, in the order of the programme, and the FAQ of
    the KB that tells of them all (None when none does)."""

    sessions: tuple[str, ...]
    overview: str | None


def asks_to_compare(words: list[str]) -> bool:
    """True when a question sets two things side by side: "before or after", "first ... or",
    "the same place", "different venues"."""
    said = set(words)
    sides = any(w in _AFTER and either_side(words, k) for k, w in enumerate(words))
    # "which comes first, the X or the Y?" (not "o primeiro emprego": a first of a noun)
    first = bool(_OR & said) and any(
        w in _FIRST and (k + 1 == len(words) or words[k + 1] in _OR | ARTICLES)
        for k, w in enumerate(words)
    )
    place = bool(_SAME & said and _PLACES & said)
    return sides or first or place


class Comparer:
    """Finds the sessions a comparison names and the KB's overview of them."""

    def __init__(self, kb: KnowledgeBase, vocab: Vocabulary) -> None:
        self.kb, self.vocab = kb, vocab
        self._faqs = frozenset(f.id for f in kb.faqs)
        # The terms of each session's title and keywords: what names it (not its questions,
        # which may name its day).
        norm = vocab.index.normaliser
        self._naming = {
            s.id: frozenset(
                t.text
                for text in (*s.title.values(), *s.keywords.all())
                for t in norm.terms(tokens(text), repair=False)
            )
            for s in kb.sessions
        }

    def _told(self, faq: str) -> int:
        """How many sessions an FAQ tells of (by a word of each one's title or keywords)."""
        explains = self.vocab.index.explains
        return sum(
            1 for named_by in self._naming.values() if any(explains(faq, t) for t in named_by)
        )

    def compare(self, words: list[str], terms: list[Term]) -> Comparison | None:
        """The comparison a question asks, when it names two sessions or more, else None."""
        if not asks_to_compare(words):
            return None
        index = self.vocab.index
        asked = {t.text for t in terms if t.text not in self.vocab.not_topics}
        named: dict[str, str] = {}  # session -> the question's term that names it
        for t in terms:
            if t.text not in asked:
                continue
            # Of the sessions a word names, the one named by most of the question's words
            # ("the board election": the election, not the credential check for it), the
            # KB's first of those alike.
            sessions = [e for e, named_by in self._naming.items() if t.text in named_by]
            if sessions:
                best = max(sessions, key=lambda e: len(asked & self._naming[e]))
                named.setdefault(best, t.text)
        if len(named) < 2:
            return None
        order = {s.id: k for k, s in enumerate(self.kb.dated)}
        ids = tuple(sorted(named, key=lambda e: order.get(e, len(order))))
        tells = [f for f in self._faqs if all(index.explains(f, term) for term in named.values())]
        # The overview: of the FAQs that tell of them all (the few closest to the question),
        # the one telling of most sessions (the week's days and places).
        hits = index.search((t.text for t in terms), limit=_POOL)  # (the others score 0)
        close = {h.entry: h.score for h in hits}
        nearest = sorted(tells, key=lambda f: (-close.get(f, 0.0), f))[:_OVERVIEWS]
        overview = max(nearest, key=lambda f: (self._told(f), close.get(f, 0.0)), default=None)
        return Comparison(ids, overview)
