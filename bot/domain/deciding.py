"""Deciding: whether the knowledge base covers what a question asks, or the matcher abstains.

The last stage of the matcher. A question is off the KB's domain when its salient words are
things the KB never covers: an everyday-world word it never uses ("restaurant", "weather"), a
task ("write me a script"), a later edition, something brought along that the KB never
mentions, the organiser's or a venue's own business ("the bank's stock price"). An answer is
refused when the question's real words are mostly unknown to the KB, or when a weighty topic
word of the question is one the answering entry never explains. Nothing here names any event:
every word list is the KB's (its vocabulary) or a language's (bot/domain/lang/).
"""

from __future__ import annotations

from itertools import pairwise

from bot.domain.clock_words import DAY_PART_WORDS
from bot.domain.corpus import documents
from bot.domain.date_words import TIME_NAMES
from bot.domain.index import Hit, is_small_number
from bot.domain.knowledge import KnowledgeBase
from bot.domain.lang import words_of
from bot.domain.language import fold, stem, tokens
from bot.domain.lexicon import BRANDS, OPENING, OWNERSHIP, PLACE, STOPWORDS, arithmetic
from bot.domain.sentences import asking_words
from bot.domain.terms import Term
from bot.domain.tuning import TUNING
from bot.domain.vocabulary import Vocabulary

_BESIDE = TUNING.beside
_YEARS = words_of("YEAR_WORDS")
_NEXT = words_of("NEXT_YEAR")  # beside a year word: the next one ("next year", "que viene")
_DISTANCE = words_of("DISTANCE")
_EXITS = words_of("EXITS")  # leaving a place ("acabo de salir del X"): the way from it
_STRAY = TUNING.stray
_PAIRED = TUNING.paired
_TIME_UNITS = words_of("TIME_UNITS")  # "30 minutes": a length, no count of things
_SUGGEST_FLOOR = TUNING.suggest_floor


def _counted(word: str) -> bool:
    """True for a word a number can count ("30 seats"), not its unit of time or date."""
    return word.isalpha() and not {word} & (STOPWORDS | TIME_NAMES | _TIME_UNITS)


class Decider:
    """Decides what a question's words leave uncovered, for one KB's vocabulary."""

    def __init__(self, kb: KnowledgeBase, vocab: Vocabulary) -> None:
        self.kb = kb
        self.vocab = vocab
        # What each entry counts: the things its answer writes after a number ("30 seats"),
        # not a date's month or weekday, a time's unit or a function word.
        term = vocab.index.normaliser.term
        self.counted = {
            d.id: frozenset(
                term(b)
                for text in d.body
                for a, b in pairwise(tokens(fold(text)))
                if a.isdigit() and _counted(b)
            )
            for d in documents(kb)
        }

    def off_domain(self, words: list[str], terms: list[Term], named: frozenset[str]) -> bool:
        """True when a word places the question in another domain.

        A word the knowledge base is asked about (its questions and keywords) is never off
        domain; one it only mentions inside a name ("Banco Mundial") still is, and so does
        one only read as a typo of an asked word ("arepas" is no slip for "areas").
        """
        if self.task(words) or self.brought(words, terms) or self.later_year(words):
            return True
        for t in terms:
            word = words[t.index]
            off = word in self.vocab.off_words or stem(word) in self.vocab.off_domain
            own = t.text == self.vocab.index.normaliser.term(word)
            if off and t.size == 1 and not (own and self.vocab.index.asks(t.text)):
                return True
        if self.beside_identity(terms, words) or self.office_hours(words, terms):
            return True
        brand = any(w in BRANDS for w in words) and any(w in OWNERSHIP for w in words)
        if brand or arithmetic(words):
            return True
        stems = tuple(stem(w) for w in words)  # "interest rates" as "interest rate"

        def fits(i: int, phrase: tuple[str, ...]) -> bool:
            found = stems[i : i + len(phrase)]
            return len(found) == len(phrase) and all(
                f == p or (p == PLACE and (f in self.vocab.places or f in named))
                for f, p in zip(found, phrase, strict=True)
            )

        return any(
            fits(i, p) for i, s in enumerate(stems) for p in self.vocab.off_phrases.get(s, ())
        )

    def task(self, words: list[str]) -> bool:
        """True when the assistant is asked to do a task ("can you write me a script?",
        "¿puedes traducir...?"): nothing the knowledge base answers."""
        return bool(self.vocab.tasks.intersection(words) and self.vocab.address.intersection(words))

    def brought(self, words: list[str], terms: list[Term]) -> bool:
        """True when what someone would bring along is a thing the KB never mentions ("can I
        bring my dog to the dinner?"): that thing, not the dinner, is what is asked."""
        by_index = {t.index: t for t in terms}
        for i, w in enumerate(words):
            if w not in self.vocab.bring:
                continue
            brought = next((by_index[j] for j in range(i + 1, i + 4) if j in by_index), None)
            if brought is not None and self.unknown_topic(brought):
                return True
        return False

    def later_year(self, words: list[str]) -> bool:
        """True when a year after the event's that the KB never names is asked about ("the
        next edition, in 2031?"): another edition, which the KB does not cover."""
        last = self.kb.event.end_date.year
        vocabulary = self.vocab.index.normaliser.vocabulary
        if any(
            w.isdigit() and len(w) == 4 and last < int(w) and w not in vocabulary for w in words
        ):
            return True
        # "next year", "el año que viene", "o ano que vem", when no entry is asked about a year.
        years = [i for i, w in enumerate(words) if w in _YEARS]
        beside = {w for i in years for w in (*words[max(0, i - 1) : i], *words[i + 1 : i + 3])}
        asked = any(
            self.vocab.index.asks(self.vocab.index.normaliser.term(words[i])) for i in years
        )
        return bool(years) and bool(beside & _NEXT) and not asked

    def office_hours(self, words: list[str], terms: list[Term]) -> bool:
        """True when the organiser is asked when it opens ("what time does the bank open")."""
        return any(
            t.text in self.vocab.organiser
            and any(
                w in OPENING
                for k, w in enumerate(words[max(0, t.index - 2) : t.index + t.size + 2])
                if not t.index <= k + max(0, t.index - 2) < t.index + t.size
            )
            for t in terms
        )

    def beside_identity(self, terms: list[Term], words: list[str]) -> bool:
        """True when an unknown word stands next to the organiser's, city's or a venue's name.

        "the bank's stock price", "a job at the ministry", "the hotel's spa": the question is about
        that organisation or place itself, which the knowledge base does not cover.
        """
        content = [
            t for t in terms if t.text not in self.vocab.framing or t.text in self.vocab.identity
        ]
        # The way there is no other place: "from the airport to <venue>", "cómo llego desde...".
        way = {
            i
            for i, w in enumerate(words)
            if w in self.vocab.arrive
            or w in _EXITS
            or w in self.vocab.builtins.travel
            or w in _DISTANCE
        }  # ("is it far from the hotel?": how far; "acabo de salir del X": the way from it)
        if way:  # "how do I get to <venue> by TTC?": how one travels there
            way |= {i + 1 for i, w in enumerate(words) if w in self.vocab.builtins.means}
        way |= {  # ("from", "desde": Portuguese "do"/"da" are also English "do", "of the")
            j
            for i, w in enumerate(words)
            if w in self.vocab.builtins.origin and len(w) > 3
            for j in range(i, i + 4)
        }
        for k, t in enumerate(content):
            if t.text not in self.vocab.identity:
                continue
            near = content[max(0, k - _BESIDE) : k + _BESIDE + 1]
            if any(
                self.unknown_topic(u) and u.index not in way and not self.either(t, u, words)
                for u in near
            ):
                return True
        return False

    @staticmethod
    def either(a: Term, b: Term, words: list[str]) -> bool:
        """True when two words are alternatives ("in Lyon or Paris?"): which one is asked."""
        first, last = sorted((a.index, b.index))
        return any(w in ("or", "o", "ou") for w in words[first + 1 : last])

    def unknown_topic(self, term: Term) -> bool:
        """True for a word the KB never uses that could be a topic (not a number, not filler)."""
        text = term.text
        if term.known or not text.isalpha() or len(text) <= 2 or text in self.vocab.index.light:
            return False
        if text in self.vocab.identity:  # a word of a venue's own name ("Campus de Ingeniería")
            return False
        if text in TIME_NAMES:  # "the campus on Wednesday": a day, not the campus's topic
            return False
        return text not in self.vocab.builtins.words  # "la dirección del Ágora": asked of the venue

    def stray(self, hit: Hit, terms: list[Term], words: list[str], question: str) -> bool:
        """True when a weighty topic word of the question is one the answering entry lacks.

        "a qué hora abre el banco" matches the times entry on "hora", but the bank is what is
        asked about and that entry never mentions it: two topics, and the answer covers neither.
        """
        term = self.vocab.index.normaliser.term
        asked = {t.text for t in terms}
        # ...or of a thing it writes a number of ("how many seats": "30 seats").
        counted = self.counted.get(hit.entry, frozenset())
        measured = {b.text for a, b in pairwise(terms) if a.text in self.vocab.measures}
        if not measured & counted and any(
            a in asked and not self.vocab.index.explains(hit.entry, a) for a in self.vocab.measures
        ):
            return True  # "how many" or "how much" asked of an entry that has no count or price
        # A way of travelling an FAQ never mentions ("¿cuánto cuesta el boleto del metro?" is no
        # question for the tickets FAQ): the metro's, not the event's. (A session may be about
        # buses in words the question does not use.)
        travel = self.vocab.builtins.travel
        if self.kb.faq(hit.entry) is not None and any(
            t.size == 1  # ("leave the car" is parking, a concept of its own)
            and words[t.index] in travel
            and not self.vocab.index.explains(hit.entry, t.text)
            for t in terms
        ):
            return True
        # A session named by a word of its title that no other entry is asked about ("el
        # shakeout del sábado... de dónde sale?"): the other words, weighing no more, ask
        # something of it (a heavier word still strays).
        # (Named where the question asks: "...the pillars? I'm preparing notes for the donors'
        # meeting" names that meeting in a statement only.)
        own = self.vocab.title_words_of.get(hit.entry, frozenset())
        named = [
            t for t in terms if words[t.index] in own and self.vocab.index.sole(t.text) == hit.entry
        ]
        asking = {w for said in asking_words(question) for w in said} if named else set()
        naming = max(
            (self.vocab.index.weight(t.text) for t in named if words[t.index] in asking),
            default=0.0,
        )
        return any(
            t.known
            and t.text in self.vocab.index.topics
            and (t.size > 1 or term(words[t.index]) == t.text)  # typed, not a repaired typo
            # A part of the day says when ("o ônibus de manhã"), not what: the entry may
            # answer it with times.
            and words[t.index] not in DAY_PART_WORDS
            and t.text not in self.vocab.not_topics
            and self.vocab.index.weight(t.text) >= _STRAY
            and self.vocab.index.weight(t.text) > naming
            and not self.vocab.index.explains(hit.entry, t.text)
            # (a topic another entry is asked about, beside what a strong match answers: two of
            # the KB's topics, the answer one of them: "is lunch included in the fee?")
            and not (hit.score >= _PAIRED and self.vocab.index.asks(t.text))
            for t in terms
        )

    def mostly_unknown(self, terms: list[Term]) -> bool:
        """True when more of the question's real words are unknown to the KB than known."""
        content = [t for t in terms if t.text not in self.vocab.framing]
        known = sum(1 for t in content if t.known)
        unknown = sum(
            1
            for t in content
            if not t.known
            and (len(t.text) > 2 or t.text.isdigit())
            and t.text not in self.vocab.index.light
            and not is_small_number(t.text)
        )
        return unknown > known or (unknown > 0 and known <= 1)

    def suggestions(self, hits: list[Hit]) -> tuple[str, ...]:
        """Up to three entries to suggest when abstaining: the likeliest hits, else the
        entries that say what, when and where the event is."""
        likely = tuple(h.entry for h in hits if h.score >= _SUGGEST_FLOOR)[:3]
        return likely or self.vocab.defaults
