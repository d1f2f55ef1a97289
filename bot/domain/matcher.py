"""Answer a question from the knowledge base: an entry, the schedule, or an honest "not sure"."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from bot.domain.corpus import documents, texts_by_language
from bot.domain.cues import COURTESY, day_off_words, mannerly, past_courtesy, rewrite, session_step
from bot.domain.dates import DateReader, mark_numeric_dates
from bot.domain.index import Hit, Index, is_small_number
from bot.domain.introductions import past_introduction
from bot.domain.knowledge import KnowledgeBase, iter_entry_ids
from bot.domain.language import (
    LanguageEvidence,
    detect_language,
    expand,
    fold,
    names,
    split_codes,
    stem,
    tokens,
)
from bot.domain.lexicon import BRANDS, OFF_DOMAIN, OFF_DOMAIN_PHRASES, OWNERSHIP, arithmetic
from bot.domain.schedule import SCHEDULE_WORDS, following, plan
from bot.domain.terms import Term

THRESHOLD = 45.0  # below this score the matcher abstains
DEFAULT_LANG = "en"
DEFAULT_SUGGESTIONS = ("components", "dates", "venues")
_MAX_CHARS = 2000  # a question is read from its start; nobody types more in a chat
_SUGGEST_FLOOR = 12.0
_DAY_POOL = 8  # hits looked at for a session on the day a question names
_DAY_FLOOR = 25.0  # ...and how well such a session must still fit the question's words
_DAY_SHARE = 0.4
_FEW_TOPICS = 4  # a day question with fewer topic words abstains on any unknown one
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,40}>")  # markup pasted into a question is not words
# Courtesy words: they alone ask for a greeting, but must not outweigh a real question.
_COURTESY = "hello hi hey hola thanks thank gracias buenos buenas good morning please favor"
# Words that frame a question about any topic ("tell me about", "do they give", "recommend"):
# never the topic itself, whether or not the KB happens to use them.
_META = (
    "focus focuses talk talks discuss discussed cover covers covered mean means describe info "
    "details detail learn say says trata tratan habla hablan enfoca enfoque detalles cubre deal "
    "significa recommend recommended recommendation suggest recomienda recomiendas recomendar "
    "recomendado recomendados sugerir give gives provide provided dan dar entregan ofrecen "
    "offer offered bring brings llevar traer llevo traigo consiste consisten consist consists "
    "aborda abordan abordara abordaran abordar tackle tackles tackled"
)
_PLACE_NOUNS = frozenset(["hotel", "hotels", "centro", "center", "centre", "edificio", "building"])
# Units of time ("this year", "cuántos años"): they measure, they are not what is asked about.
_SPANS = "year years ano anos"
_STRAY = 0.9  # a topic word this rare (one entry's keyword) must be explained by the answer


@dataclass(frozen=True)
class Reply:
    """The matcher's answer to one question, in data: rendering to text happens elsewhere."""

    question: str
    lang: str  # "es" | "en": the answer language
    kind: str  # "entry" | "schedule" | "abstain"
    # The FAQ/session that answered; None when abstaining. Schedule answers report the first
    # session they list (a day's or a week's listing alike: "what's on this week" -> the
    # week's first session) and "schedule" when the period asked about holds none.
    entry: str | None
    score: float  # 0..100
    day: dt.date | None = None  # schedule answers: the day asked about
    sessions: tuple[str, ...] = ()  # schedule answers: the session ids listed, in order
    suggestions: tuple[str, ...] = ()  # abstentions: up to 3 entry ids, likeliest first
    relative: str = ""  # schedule answers: today/tomorrow/yesterday/next/last-day/week/ended


class Matcher:
    """Answers questions about one knowledge base; the index is built once, then read only."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        # The event's own name and city tell no entry from another.
        event = kb.event
        # A venue's proper name says where, not what: "wifi at ECU 911" asks about wifi.
        venue_names = [
            w
            for v in kb.venues
            for n in v.name.values()
            for w in tokens(n)
            if w not in _PLACE_NOUNS
        ]
        event_words = [*event.name.values(), *(event.city.values() if event.city else ()), "event"]
        self.index = Index(
            documents(kb),
            kb.synonyms,
            damped={
                **dict.fromkeys(event_words, 0.35),
                **dict.fromkeys(venue_names, 0.7),
                _COURTESY: 0.3,
                _META: 0.3,
                "how many": 0.5,
                _SPANS: 0.35,
            },
            light_words=(*SCHEDULE_WORDS, *_META.split()),
        )
        term = self.index.normaliser.term
        # Courtesy and framing words are neither topics nor evidence of being on topic.
        # Nor are the event's own name and city: every question about anything may hold them.
        named = [w for text in event_words for w in tokens(text)]
        self.framing = frozenset(
            term(w) for w in (*_COURTESY.split(), *_META.split(), "who", *named)
        )
        venue_words = [w for v in kb.venues for n in v.name.values() for w in tokens(n)]
        self.aspects = frozenset(term(w) for w in (*SCHEDULE_WORDS, *venue_words))
        self.measures = (self.index.normaliser.terms(["how", "many"])[0].text, term("price"))
        self.not_topics = self.aspects | self.framing  # beside a day, not what is asked
        self.courtesy = frozenset(term(w) for w in COURTESY)
        self.courteous = frozenset(self.index.exact.get(w, "") for w in COURTESY)  # greeting...
        by_lang = texts_by_language(kb)
        self.evidence = LanguageEvidence.from_texts(by_lang.get("es", []), by_lang.get("en", []))
        self.off_domain = frozenset(stem(w) for w in OFF_DOMAIN)
        self.off_phrases: dict[str, list[tuple[str, ...]]] = defaultdict(list)  # by first stem
        for phrase in OFF_DOMAIN_PHRASES:
            stems = tuple(stem(w) for w in phrase)
            self.off_phrases[stems[0]].append(stems)
        self.dates = DateReader(kb.event.start_date, kb.event.end_date)
        ids = list(iter_entry_ids(kb))
        defaults = tuple(i for i in DEFAULT_SUGGESTIONS if i in ids)
        self.defaults = defaults or tuple(ids[:3])

    def answer(
        self,
        question: str,
        now: dt.datetime,
        lang: str | None = None,
        hint: str | None = None,
    ) -> Reply:
        """Answer `question` asked at `now`.

        lang forces the answer language; hint (user's Telegram language) breaks ties when the
        text is ambiguous.
        """
        text = _TAG.sub(" ", question[:_MAX_CHARS])
        words = tokens(mark_numeric_dates(fold(text)))
        if lang not in ("es", "en"):
            spelled = self.index.normaliser.spelled(words)
            found = detect_language(text, spelled, self.evidence, hint)
            lang = found or (hint if hint in ("es", "en") else DEFAULT_LANG)
        words = rewrite(split_codes(expand(words, lang)), self.kb.event.start_date.year)
        words = past_introduction(words, self._topical)
        terms = self.index.normaliser.terms(words)
        if self._off_domain(words, terms):
            return self._abstain(question, lang, self.index.search(t.text for t in terms))
        local = _local(now, self.kb.event.tz)
        when = self.dates.read(words, local.date())
        if when is not None:
            after = None
            used = when.consumed | (day_off_words(words) if when.day else frozenset())
            rest = [t for t in terms if not t.within(used)]
            topical = [t for t in rest if t.text not in self.not_topics]
            # In a short question one unknown word is another topic ("weather on monday"); a long
            # message may also name the asker's ministry or country: most words must be unknown.
            few = len(topical) < _FEW_TOPICS
            if topical and (
                self._mostly_unknown(topical) or (few and any(not t.known for t in topical))
            ):
                return self._abstain(question, lang, self.index.search(t.text for t in rest))
            if topical:
                hits = self.index.search((t.text for t in topical), limit=_DAY_POOL)
                on_day = self._on_day(hits, when.day if when.relative != "week" else None)
                if on_day is not None and not self._stray(on_day, topical, words):
                    return Reply(question, lang, "entry", on_day.entry, on_day.score)
                if hits and hits[0].score >= THRESHOLD:
                    if self._stray(hits[0], topical, words):
                        return self._abstain(question, lang, hits)
                    step = session_step(words)
                    after = following(self.kb, hits[0].entry, step) if step else None
                    if after is None:
                        return Reply(question, lang, "entry", hits[0].entry, hits[0].score)
            p = after or plan(self.kb, when, local)
            ids = tuple(s.id for s in p.sessions)
            return Reply(
                question, lang, "schedule", ids[0] if ids else "schedule", 100.0,
                day=p.day, sessions=ids, relative=p.relative,
            )  # fmt: skip
        exact = self.index.exact.get(" ".join(words))
        if exact is not None:
            return Reply(question, lang, "entry", exact, 100.0)
        if not (terms := past_courtesy(terms, self.courtesy, self.index.topics)):
            return self._abstain(question, lang, [])
        near = self.index.search((t.text for t in terms), strong=names(text))
        hits = self._owner_first(mannerly(near, terms, self.courtesy, self.courteous), terms)
        if (
            hits
            and hits[0].score >= THRESHOLD
            and not self._mostly_unknown(terms)
            and not self._stray(hits[0], terms, words)
        ):
            return Reply(question, lang, "entry", hits[0].entry, hits[0].score)
        return self._abstain(question, lang, hits)

    def _off_domain(self, words: list[str], terms: list[Term]) -> bool:
        """True when a word places the question in another domain.

        A word the knowledge base is asked about (its questions and keywords) is never off
        domain; one it only mentions inside a name ("Banco Interamericano") still is, and so does
        one only read as a typo of an asked word ("arepas" is no slip for "areas").
        """
        for t in terms:
            word = words[t.index]
            off = word in OFF_DOMAIN or stem(word) in self.off_domain
            own = t.text == self.index.normaliser.term(word)
            if off and t.size == 1 and not (own and self.index.asks(t.text)):
                return True
        brand = any(w in BRANDS for w in words) and any(w in OWNERSHIP for w in words)
        if brand or arithmetic(words):
            return True
        stems = tuple(stem(w) for w in words)  # "interest rates" as "interest rate"
        return any(
            stems[i : i + len(p)] == p
            for i, s in enumerate(stems)
            for p in self.off_phrases.get(s, ())
        )

    def _topical(self, word: str) -> bool:
        """True when the KB is asked about this word and it places no question elsewhere."""
        off = word in OFF_DOMAIN or stem(word) in self.off_domain
        return not off and self.index.normaliser.term(word) in self.index.topics

    def _on_day(self, hits: list[Hit], day: dt.date | None) -> Hit | None:
        """The hit that is a session on `day`, when the question's words name it well enough.

        "the meeting on the 23rd" is the meeting held on the 23rd, even if another day's
        meeting is phrased closer to "meeting".
        """
        if day is None or not hits:
            return None
        ids = {s.id for s in self.kb.sessions_on(day)}
        floor = max(_DAY_FLOOR, hits[0].score * _DAY_SHARE)
        return next((h for h in hits if h.entry in ids and h.score >= floor), None)

    def _owner_first(self, hits: list[Hit], terms: list[Term]) -> list[Hit]:
        """Put first the hit asked about the question's rarest topic word, when the top one only
        mentions it in its answer ("qué división organiza la clínica": divisions, not organiser).
        """
        if len(hits) < 2:
            return hits
        rare = [
            t.text
            for t in terms
            if t.text in self.index.topics
            and t.text not in self.not_topics
            and self.index.weight(t.text) >= _STRAY
        ]
        if not rare or all(self.index.owns(hits[0].entry, t) for t in rare):
            return hits
        for h in hits[1:]:
            if h.score >= THRESHOLD and all(self.index.owns(h.entry, t) for t in rare):
                return [h, *(x for x in hits if x is not h)]
        return hits

    def _stray(self, hit: Hit, terms: list[Term], words: list[str]) -> bool:
        """True when a weighty topic word of the question is one the answering entry lacks.

        "a qué hora abre el banco" matches the times entry on "hora", but the bank is what is
        asked about and that entry never mentions it: two topics, and the answer covers neither.
        """
        term = self.index.normaliser.term
        asked = {t.text for t in terms}
        if any(a in asked and not self.index.explains(hit.entry, a) for a in self.measures):
            return True  # "how many" or "how much" asked of an entry that has no count or price
        return any(
            t.known
            and t.text in self.index.topics
            and (t.size > 1 or term(words[t.index]) == t.text)  # typed, not a repaired typo
            and t.text not in self.not_topics
            and self.index.weight(t.text) >= _STRAY
            and not self.index.explains(hit.entry, t.text)
            for t in terms
        )

    def _mostly_unknown(self, terms: list[Term]) -> bool:
        """True when more of the question's real words are unknown to the KB than known."""
        content = [t for t in terms if t.text not in self.framing]
        known = sum(1 for t in content if t.known)
        unknown = sum(
            1
            for t in content
            if not t.known
            and (len(t.text) > 2 or t.text.isdigit())
            and t.text not in self.index.light
            and not is_small_number(t.text)
        )
        return unknown > known or (unknown > 0 and known <= 1)

    def _abstain(self, question: str, lang: str, hits: list[Hit]) -> Reply:
        likely = tuple(h.entry for h in hits if h.score >= _SUGGEST_FLOOR)[:3]
        score = hits[0].score if hits else 0.0
        return Reply(question, lang, "abstain", None, score, suggestions=likely or self.defaults)


def _local(now: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """Return `now` in the event's time zone (a naive `now` already is event-local)."""
    if now.tzinfo is None:
        return now.replace(tzinfo=tz)
    try:
        return now.astimezone(tz)
    except OverflowError:  # the first or last representable day: its date is close enough
        return now.replace(tzinfo=tz)
