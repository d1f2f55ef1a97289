"""Questions every event answers without a KB entry: hello, thanks, help, the event's own facts
(what, when, where, who organises, contact, how long, website) and a venue's address and
directions. The KB's own FAQs win: these are looked at only when no entry answers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.domain.index import Document, Index
from bot.domain.knowledge import KnowledgeBase, Venue
from bot.domain.lang import LANGUAGES, builtin_phrasings, merged, words_of
from bot.domain.language import tokens
from bot.domain.lexicon import ARTICLES, STOPWORDS
from bot.domain.tuning import TUNING

_ENOUGH = TUNING.builtin_enough
_SPAN = ("event:start", "event:end")  # asked together, they ask when it runs
_COGNATE = TUNING.cognate
_ORIGIN_WORDS = TUNING.origin_words
_SINGULAR = merged("PERSONS")  # a group asks as one person does ("we" -> "i")
_COURTESY = ("greeting", "thanks", "help")  # their entry ids are the keys themselves


@dataclass(frozen=True)
class Builtin:
    """A built-in answer: its entry id (greeting, thanks, help, event or a venue's id) and
    which fact it gives (the key, e.g. "event:when")."""

    entry: str
    aspect: str
    score: float
    asked: tuple[str, ...] = ()  # the words that asked it (not the event's name)


class Builtins:
    """The built-in questions one knowledge base can answer, with their own small index."""

    def __init__(self, kb: KnowledgeBase, sessions: frozenset[str] = frozenset()) -> None:
        """`sessions`: the nouns the KB's own sessions go by ("when is the workshop?" asks of
        a session called a workshop, not of the event)."""
        self.kb = kb
        # One index per language: "datas" is Portuguese for dates, "data" English for data.
        self.indexes: dict[str, Index] = {}
        for lang in (*kb.languages, *LANGUAGES):
            phrasings = {k: v for k, v in builtin_phrasings(lang).items() if self._can_answer(k)}
            if phrasings and lang not in self.indexes:
                self.indexes[lang] = Index(Document(k, ps) for k, ps in phrasings.items())
        # Words of the built-in questions ("address", "parking"): asked of any venue, never an
        # unknown topic beside its name.
        # (Every phrasing's, answerable or not: "street address" of a venue without one.)
        self.words = frozenset().union(
            *(i.normaliser.vocabulary for i in self.indexes.values()),
            *(
                p.split()
                for code in LANGUAGES
                for ps in builtin_phrasings(code).values()
                for p in ps
            ),
        )
        # The event's own name may stand beside a built-in question ("who organises <event>?").
        event = kb.event
        names = [*event.name.values(), *(event.city.values() if event.city else ())]
        venues = [n for v in kb.venues for n in v.name.values()]
        self.spare = frozenset(w for n in (*names, *venues) for w in tokens(n))
        # Initials of a place of several words ("São Paulo" -> sp, "Ciudad de México" -> cm).
        parts = [p for n in names for p in n.split(",")]
        self.spare |= {
            "".join(w[0] for w in ws) for ws in (tokens(p) for p in parts) if len(ws) >= 2
        }
        self.event_words = frozenset(w for n in event.name.values() for w in tokens(n))
        self.venue_words: list[tuple[Venue, frozenset[str], frozenset[str]]] = []
        for v in kb.venues:
            called = frozenset(w for n in v.name.values() for w in tokens(n) if w not in STOPWORDS)
            stems = frozenset(w[:_COGNATE] for w in called if len(w) >= _COGNATE)
            self.venue_words.append((v, called, stems))
        self.named_words = frozenset(w for _, called, _ in self.venue_words for w in called)
        self.prefixes = frozenset(
            w[:_COGNATE] for n in venues for w in tokens(n) if len(w) >= _COGNATE
        )
        # Ways of saying hello, as folded words: a greeting before a question is no question.
        self.greetings = {
            code: frozenset(tuple(tokens(p)) for p in builtin_phrasings(code).get("greeting", ()))
            for code in LANGUAGES
        }
        self.organisers = words_of("ORGANISER_NOUNS")
        self.origin = words_of("ORIGIN")
        self.starts = {code: words_of("ORIGIN", code) for code in LANGUAGES}  # by language
        # (sorted: a question's noun is tried as each of them, in one order)
        self.event_nouns = {code: sorted(words_of("EVENT_NOUNS", code)) for code in LANGUAGES}
        self.venue_nouns_of = {code: sorted(words_of("VENUE_NOUNS", code)) for code in LANGUAGES}
        self.means = words_of("MEANS")  # "by", "en", "de": how one travels
        self.travel = words_of("TRAVEL")
        self.venue_nouns = words_of("VENUE_NOUNS")  # "el lugar", "o local": a venue, whichever
        self.nouns = words_of("EVENT_NOUNS") - sessions
        self.what = words_of("WHAT")
        self.spare |= (self.nouns | self.organisers) - sessions
        # Words only the event's name has (not its city's): one of them alone names the event.
        cities = {w for c in (event.city.values() if event.city else ()) for w in tokens(c)}
        cities |= {
            w for v in kb.venues for c in (v.city.values() if v.city else ()) for w in tokens(c)
        }
        self.city_words = frozenset(cities)  # "Bogotá" names no venue, whatever its name says
        self.own_name = frozenset(
            w
            for n in event.name.values()
            for w in tokens(n)
            if len(w) >= 4 and not w.isdigit() and w not in cities
        )

    def _spare(self, word: str) -> bool:
        """True for a word of the event's or a venue's name, or its cognate in another
        language ("university" for "Universidad de los Andes")."""
        return word in self.spare or (len(word) >= _COGNATE and word[:_COGNATE] in self.prefixes)

    def _names_a_venue(self, word: str) -> bool:
        return self.names_venue([word]) is not None and word not in STOPWORDS

    def names_venue(self, words: list[str]) -> Venue | None:
        """The venue the words name by a word of its name or a cognate of one, else None; of
        several, the one named by most words ("the Experimental Pavilion, by tram" names the
        pavilion, not a tram depot), the first on a tie."""
        said = {w for w in words if len(w) > 2}
        named = [
            (sum(1 for w in said if w in called or w[:_COGNATE] in stems), v)
            for v, called, stems in self.venue_words
        ]
        most = max((n for n, _ in named), default=0)
        return next((v for n, v in named if n == most), None) if most else None

    def venue_by_name(self, words: list[str], last: bool = False) -> Venue | None:
        """The one venue the words name by more of its own words than any other venue, words
        the event's name does not share ("the annex", "the tap room"), else None; with
        `last`, of venues named alike by two words or more the one named last ("estoy en A y
        luego quiero ir a B")."""
        named = [
            (
                sum(1 for w in set(words) if w in called and w not in self.event_words),
                max((i for i, w in enumerate(words) if w in called), default=-1),
                v,
            )
            for v, called, _ in self.venue_words
        ]
        named = sorted((n for n in named if n[0] > 0), key=lambda n: (-n[0], -n[1]))
        tied = len(named) > 1 and named[1][0] == named[0][0]
        # (Of a tie, one word each is no name: "the pavilion" of two pavilions.)
        if not named or (tied and not (last and named[0][0] > 1)):
            return None
        return named[0][2]

    def _can_answer(self, key: str) -> bool:
        event, venues = self.kb.event, self.kb.venues
        if key in _COURTESY:
            return self.kb.faq(key) is None  # the KB's own greeting wins
        return {
            "event:organiser": event.organiser is not None,
            "event:contact": event.contact is not None or event.website is not None,
            "event:website": event.website is not None,
            "event:where": bool(venues) or event.city is not None,
            "venue:address": any(v.address is not None for v in venues),
            "venue:directions": any(v.directions or v.address for v in venues),
        }.get(key, True)

    def answerable(self) -> list[str]:
        """The built-in questions this KB can answer ("greeting", "event:when", ...)."""
        return sorted({k for index in self.indexes.values() for k in index.ids})

    def find(self, words: list[str], lang: str) -> Builtin | None:
        """The built-in question these folded tokens ask in `lang`, if they ask nothing else.

        Where a trip starts ("cómo llego en metro desde el centro") says nothing of what is
        asked: read past it, the words may still ask the way to a venue."""
        # "hola, ¿dónde es el evento?": what follows a greeting is what is asked.
        greeted = self._greeted(words, lang)
        if 0 < greeted < len(words) and (after := self.find(words[greeted:], lang)) is not None:
            return after
        found = self._find(words, lang, frozenset())
        # ...nor how ("by TransMilenio", "en Trensurb"): the word after a link of means.
        means = frozenset(i + 1 for i, w in enumerate(words) if w in self.means)
        starts = self.starts.get(lang, frozenset())  # (English "do" is no Portuguese "do")
        if found is not None or not (starts.intersection(words) or means):
            return found
        found = self._find(words, lang, self.trip_start(words, lang) | means)
        return found if found is not None and found.aspect == "venue:directions" else None

    def trip_start(
        self, words: list[str], lang: str, inside: frozenset[int] = frozenset()
    ) -> frozenset[int]:
        """Where a trip starts ("...from the airport?", "desde a estação"): each origin word of
        `lang` (but those at `inside`) and the few words after it (`TUNING.origin_words`)."""
        starts = self.starts.get(lang, frozenset())
        return frozenset(
            j
            for i, w in enumerate(words)
            if w in starts and i not in inside
            for j in range(i, i + 1 + _ORIGIN_WORDS)
        )

    def _greeted(self, words: list[str], lang: str) -> int:
        """How many of the first words are a greeting ("hi", "buenas tardes"): 0 if none."""
        greetings = self.greetings.get(lang, frozenset())
        return next(
            (n for n in range(min(len(words), 4), 0, -1) if tuple(words[:n]) in greetings), 0
        )

    def _find(self, words: list[str], lang: str, origin: frozenset[int]) -> Builtin | None:
        index = self.indexes.get(lang)
        if index is None:
            return None
        words = [_SINGULAR.get(w, w) for w in words]  # "how do we get there?" as "...I..."
        # No typo repair: against so small a vocabulary it turns "dta" into "date".
        terms = index.normaliser.terms(words, repair=False)
        stems = index.normaliser.stems
        known = [t.known or t.text in stems for t in terms]
        spare = [
            t
            for t, k in zip(terms, known, strict=True)
            if self._spare(words[t.index]) or (t.index in origin and not k)
        ]
        asked = [t for t in terms if t not in spare]
        exact = index.exact.get(" ".join(words))
        if exact is None and origin:  # "how do I get to the venue from the airport?"
            exact = index.exact.get(" ".join(w for i, w in enumerate(words) if i not in origin))
        nouns = self.event_nouns.get(lang, [])
        if exact is None and set(nouns).intersection(words):  # "who is hosting the hackathon?"
            for noun in nouns:  # ...as "who is hosting the event?"
                exact = exact or index.exact.get(" ".join(noun if w in nouns else w for w in words))
        if exact is None and self.names_venue(words) is not None:
            # "how do I get to the university?" asks as "how do I get to the venue?" does.
            for noun in self.venue_nouns_of.get(lang, []):
                # A name of several words ("the university campus") is one venue noun.
                generic = [noun if self._names_a_venue(w) else w for w in words]
                # ...and its article is any article ("how do I get to el venue").
                generic = [
                    "the" if w in ARTICLES and generic[i + 1 : i + 2] == [noun] else w
                    for i, w in enumerate(generic)
                ]
                generic = [
                    w
                    for i, w in enumerate(generic)
                    if i == 0 or w != noun or generic[i - 1] != noun
                ]
                exact = exact or index.exact.get(" ".join(generic))
        if exact is not None:
            found = self._builtin(exact, words, 100.0)
            return replace(found, asked=tuple(words[t.index] for t in asked))
        if any(
            not t.known and t.text not in stems and words[t.index] not in self.venue_nouns
            and not self._names_a_venue(words[t.index])  # "how do I get to El Altillo?"
            for t in asked
        ):  # fmt: skip
            return None
        if not terms and (within := index.within(words)) is not None:
            return self._builtin(within, words, _ENOUGH)  # "what sort of things can I ask you?"
        if not asked:  # "what is <event>?": the name alone, two words of it at least
            named = {words[t.index] for t in spare}
            if named & self.organisers and "event:organiser" in self.indexes[lang].ids:
                return Builtin("event", "event:organiser", _ENOUGH)  # "who are the organisers?"
            # ...or one word only its name (or "the event") has, asked of ("what is X?").
            framed = any(w in self.what for w in words) and all(
                w in named or w in STOPWORDS for w in words
            )
            one = framed and named & (self.nouns | self.own_name)
            if named and (len(named) >= min(2, len(self.spare)) or one):
                return Builtin("event", "event:what", _ENOUGH)
            return None
        hits = index.search(t.text for t in asked)
        if set(_SPAN) <= {h.entry for h in hits[:3]} and all(
            any(index.owns(e, t.text) and not index.owns(other, t.text) for t in asked)
            for e, other in (_SPAN, _SPAN[::-1])
        ):  # "when does it start and end?", a word of each: when it runs, first day to last
            both = sum(h.score for h in hits[:3] if h.entry in _SPAN)
            found = self._builtin("event:when", words, min(100.0, both))
            return replace(found, asked=tuple(words[t.index] for t in asked))
        if not hits or hits[0].score < _ENOUGH:
            return None
        # A way of travelling is a topic of its own ("¿a qué hora cierra el metro?" asks of
        # the metro, not when the event ends): only the way to a venue is asked with it.
        if hits[0].entry != "venue:directions" and any(
            words[t.index] in self.travel for t in asked
        ):
            return None
        found = self._builtin(hits[0].entry, words, hits[0].score)
        return replace(found, asked=tuple(words[t.index] for t in asked))

    def _builtin(self, key: str, words: list[str], score: float) -> Builtin:
        if key in _COURTESY:
            return Builtin(key, key, score)
        if key == "event:where" and (venue := self.venue_by_name(words)) is not None:
            return Builtin(venue.id, "venue:address", score)  # "where's the tap room?"
        if key.startswith("venue:"):
            venue = self._venue(words)
            return Builtin(venue.id if venue else "event", key, score)
        return Builtin("event", key, score)

    def _venue(self, words: list[str]) -> Venue | None:
        """The venue the words name, else the first with an address (or the first)."""
        named = self.names_venue(words)
        if named is not None:
            return named
        return next((v for v in self.kb.venues if v.address), None) or next(
            iter(self.kb.venues), None
        )
