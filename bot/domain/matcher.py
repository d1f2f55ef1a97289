"""Answer a question from the knowledge base: an entry, the schedule, or an honest "not sure".

The matcher runs the stages in order: its Reader reads each message or sentence (reading.py),
the matcher understands what is asked of which entries (here: the message's sentences and
clauses, several questions, confirmations, sessions, FAQs and built-ins), its Timetable answers
time questions (timetable.py) and its Decider says what the KB does not cover (deciding.py).
What the KB's words mean to all of them is derived once, in vocabulary.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from itertools import pairwise

from bot.domain.clock import event_local
from bot.domain.clock_words import Clock, mark_hours, mark_times, read_clock
from bot.domain.comparing import Comparer, Comparison
from bot.domain.cues import (
    DAY_STEP_WORDS,
    OTHER_EDITIONS,
    day_off_words,
    day_step,
    last_year,
    mannerly,
    past_courtesy,
    session_step,
)
from bot.domain.date_words import DAY_WORDS, FEIRA_DAYS, ORDINAL_DAYS, THAT_DAY, TIME_NAMES
from bot.domain.date_words import LINKS as DATE_LINKS
from bot.domain.date_words import PHRASES as TIME_PHRASES
from bot.domain.dates import When, mark_numeric_dates, shift
from bot.domain.deciding import Decider
from bot.domain.focus import Focus, asks_hour, focus
from bot.domain.index import Hit
from bot.domain.knowledge import KnowledgeBase
from bot.domain.lang import builtin_phrasings, words_of
from bot.domain.language import fold, holds_pair, holds_run, names, stem, tokens, unhashed
from bot.domain.lexicon import STOPWORDS
from bot.domain.numerals import spelled_numbers
from bot.domain.places import Places, Town
from bot.domain.reading import REQUESTS, Reader
from bot.domain.schedule import Plan, following, plan
from bot.domain.sentences import (
    asks,
    confirms,
    indirect,
    joined,
    lead_statement,
    opens_question,
    salutes,
    split_sentences,
    wished_for,
)
from bot.domain.terms import Term
from bot.domain.timetable import Timetable
from bot.domain.tuning import TUNING
from bot.domain.vocabulary import Vocabulary

THRESHOLD = TUNING.threshold  # below this score the matcher abstains
_MAX_CHARS = TUNING.max_chars
_SUGGEST_FLOOR = TUNING.suggest_floor
_ENOUGH = TUNING.builtin_enough
_DAY_POOL = TUNING.day_pool
_DAY_FLOOR = TUNING.day_floor
_DAY_SHARE = TUNING.day_share
_FEW_TOPICS = TUNING.few_topics
_STRAY = TUNING.stray
_CLOSE = TUNING.close
_PAST_ASKED = frozenset(["did", "didnt"])
# Words of time phrases ("fim de semana", "this week") and the weekday suffix ("segunda-feira").
ALL_WORDS = frozenset(w for phrase in TIME_PHRASES for w in phrase) | {"feira"}
_ASKS_WHERE = words_of("FOCUS_WHERE") & words_of("QUESTION_WORDS")  # "where", "dónde"
# A day's programme, a week's or a range of days'.
_PLAIN_LISTINGS = frozenset(["", "today", "tomorrow", "yesterday", "week", "range"])
_MAX_PARTS = TUNING.max_parts
_EVENT_NAMED = TUNING.event_named
_PASSAGE = re.compile(r";\s*|(?<=[.!?])\s+")  # a description's passages (a block's talks)
_PASSAGE_WORDS, _PASSAGE_WEIGHT = TUNING.passage_words, TUNING.passage_weight
_ONE_DAY = frozenset(("", "today", "tomorrow"))  # a listing of one day
_WHICH = words_of("WHICH")
_WAY_ASKED = tuple(tuple(p.split()) for p in words_of("WAY_ASKED"))  # "how do I get to"
_DAY_ASKED = frozenset(("today", "tomorrow", "now", "next"))  # a listing asked of a day or now
_NAMED = TUNING.named
_COURTESY_ASPECTS = frozenset(["greeting", "thanks", "help"])  # built-ins that ask nothing
_STORY_WORDS = TUNING.story_words
_ALIKE = TUNING.alike  # scores this close fit alike
_LEFT = words_of("LEFT_WORDS")  # "what's left today?": what remains of the day
_COPULAS = words_of("COPULAS")  # "la gala es el jueves?": what follows is claimed of it
# Built-in answers about the event's time that, asked of one of its towns, are that town's day.
_TOWN_DAY = frozenset(["event:when", "event:what", "event:start", "event:end"])


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
    relative: str = ""  # schedule answers: today/tomorrow/yesterday/next/last-day/week/ended,
    # now/at/window (a time of day), after/before (a session's neighbours on its day)
    start: dt.time | None = None  # at/window/now: the time of day asked about
    end: dt.time | None = None  # window: its end (None: the end of the day)
    until: dt.date | None = None  # range: its last day ("del 19 al 21")
    # Built-in answers (no KB entry): "greeting", "thanks", "help", "event:when", "venue:address"…
    aspect: str = ""
    # The other questions of a message of several ("where is it, and what's the wifi?").
    parts: tuple[Reply, ...] = ()
    # A confirmation asked ("lunch is at 1, right?"): "yes", "no" or "partly"; else "".
    verdict: str = ""
    # What the question wants of a session: its place, its time or what it is about.
    focus: Focus = Focus.ABOUT
    # The passage of the session's description the question names (a talk of a block and its
    # presenter: "11:50 «…» — Duarte Meireles"), for an answer that shows no description.
    passage: str = ""


class Matcher:
    """Answers questions about one knowledge base; its stages are built once, then read only."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.vocab = Vocabulary(kb)
        self.decider = Decider(kb, self.vocab)
        self.reader = Reader(kb, self.vocab)
        self.timetable = Timetable(kb, self.vocab, self.reader)
        self.places = Places(kb)
        self.comparer = Comparer(kb, self.vocab)

    def answer(
        self,
        question: str,
        now: dt.datetime,
        lang: str | None = None,
        hint: str | None = None,
    ) -> Reply:
        """Answer `question` asked at `now`.

        lang forces the answer language; hint (user's Telegram language) breaks ties when the
        text is ambiguous. A message of several sentences is read whole first; when that finds
        nothing, each sentence is read on its own, greetings and sign-offs are dropped, and the
        best answer to a question among them answers (the others ride along as `parts`).
        """
        # "¿qué hay el martes? perdón, quise decir el miércoles": the day corrected is not asked.
        said = self.reader.corrected(question, event_local(now, self.kb.event.tz).date())
        said = unhashed(said)  # "#DatosAbiertos agenda"
        said = self.reader.here(said)  # "I'm in Hall B. What's next in this room?"
        reply = self._answer_message(said, now, lang, hint)
        reply = reply if said == question else replace(reply, question=question)
        reply = self._departure(reply, now)
        reply = self._way_asked(reply, said)  # "how do I get to <a venue> by tram?"
        town = self._town(question)  # "I'm only in Cusco: what's on?"
        reply = self._own(reply if town is None else self._in_town(reply, town))
        parts = tuple(replace(self._own(p), focus=focus(p.question)) for p in reply.parts)
        reply = replace(reply, focus=focus(question), parts=parts)
        return self._passage(reply) if reply.focus is not Focus.ABOUT else reply

    def _passage(self, reply: Reply) -> Reply:
        """The one passage of the answering session's description (between ";" and sentence
        ends) holding the question's rare words ("quando apresenta a Larissa Moreira Campos?":
        her talk's line, with its time), when the answer is a card without the description."""
        session = self.kb.session(reply.entry) if reply.kind == "entry" and reply.entry else None
        if session is None or session.description is None:
            return reply
        titled = {w for t in session.title.values() for w in tokens(fold(t))}
        term, weight = self.vocab.index.normaliser.term, self.vocab.index.weight
        rare = {
            w
            for w in tokens(fold(reply.question))
            if w not in STOPWORDS and w not in titled and weight(term(w)) >= _PASSAGE_WEIGHT
        }
        passages = _PASSAGE.split(session.description.get(reply.lang))
        held = [(len(rare.intersection(tokens(fold(p)))), p.strip()) for p in passages]
        best = max(held, default=(0, ""))
        if best[0] < _PASSAGE_WORDS or [n for n, _ in held].count(best[0]) > 1:
            return reply  # (none, or several alike: no one passage is named)
        return replace(reply, passage=best[1])

    def _claims_session(self, question: str, terms: list[Term]) -> bool:
        """True for a claim about a session a word names alone ("the election is on Friday,
        right? I don't want to miss it"): the claim is checked, not what the trip misses."""
        return confirms(question) and any(
            self.timetable.dated_session(sole)
            for t in terms
            if (sole := self.vocab.index.sole(t.text)) is not None
        )

    def _manners_opening(
        self,
        question: str,
        sentences: list[str],
        now: dt.datetime,
        lang: str | None,
        hint: str | None,
    ) -> Reply | None:
        """The thanks or greeting a message of several words opens with when none of its
        sentences asks or requests anything, else None. (A problem told after a greeting, "Good
        morning! My badge has the wrong name on it.", gets the greeting, which says what to
        ask: a guard on the KB's topics it names lost every case this fixed.)"""
        words = tokens(question)
        if not sentences or any(asks(s) for s in sentences) or REQUESTS.intersection(words):
            return None
        first = tokens(sentences[0])
        thanks = next((w for w in first[:3] if w in self.vocab.thank_words), None)
        opening = next(
            (first[:n] for n in (3, 2, 1) if tuple(first[:n]) in self.vocab.greetings), None
        )
        said = [thanks] if thanks else opening
        if not said or len(said) == len(words) or asks(" ".join(first[len(said) :])):
            return None  # ("hey whats this bot for": a question after the greeting)
        reply = self._answer_one(" ".join(said), now, lang, hint)
        return reply if reply.entry in _COURTESY_ASPECTS else None

    def _day_beside(self, words: list[str], terms: list[Term], local: dt.datetime) -> Plan | None:
        """What the day before or after a session holds ("what's on the day before the
        awards?", "o dia seguinte ao workshop"), whatever it is, else None."""
        step = day_step(words, self.vocab.session_words)
        if not step:
            return None
        hits = self.vocab.index.search(
            t.text
            for t in terms
            if t.text not in self.vocab.not_topics and words[t.index] not in DAY_STEP_WORDS
        )
        day = self._session_day(hits[0].entry) if hits and hits[0].score >= THRESHOLD else None
        return None if day is None else plan(self.kb, When("", shift(day, step)), local)

    def _way_asked(self, reply: Reply, question: str) -> Reply:
        """The directions to the one venue a sentence names by its own words when it asks the
        way there ("¿cómo se llega a <a venue> en metro?"), where a session held there, a
        listing, the event or nothing answered (a KB's own FAQ on getting there stays); beside
        other questions, the directions ride along as a part."""
        if (
            reply.kind == "entry"
            and reply.entry != "event"
            and self.kb.session(reply.entry or "") is None
        ) or confirms(question):  # (a claim about where something is is checked)
            return reply
        if not self._way_cue(tokens(question)):
            return reply  # (most messages: no sentence to read)
        sentences = split_sentences(question[:_MAX_CHARS]) or [question]
        builtins = self.vocab.builtins
        ways = [s for s in sentences if self._asks_way(s)]
        # ...asked alone when every other sentence that asks, asks the way too ("¿Qué metro
        # tomo?"), or tells the story of it.
        alone = not any(asks(s) for s in sentences if s not in ways)
        for sentence in ways:
            words = tokens(sentence)
            venue = builtins.venue_by_name(self._past_origin(words, reply.lang), last=True)
            if venue is None and alone:  # "Estoy en A y luego voy a B, ¿cuánto se tarda a pie?"
                told = tokens(question[:_MAX_CHARS])
                venue = builtins.venue_by_name(self._past_origin(told, reply.lang), last=True)
            if venue is None or not (venue.directions or venue.address):
                continue
            aspect = "venue:directions" if venue.directions else "venue:address"
            way = Reply(reply.question, reply.lang, "entry", venue.id, 100.0, aspect=aspect)
            if alone:
                return replace(way, parts=reply.parts)
            if all((p.entry, p.aspect) != (venue.id, aspect) for p in reply.parts):
                return replace(reply, parts=(*reply.parts, way)[:_MAX_PARTS])
            return reply
        return reply

    def _asks_way(self, sentence: str) -> bool:
        """True when a sentence asks the way somewhere ("how do I get to", "en tranvía"), not
        when ("¿a qué hora es la visita? iré en metro")."""
        return self._way_cue(tokens(sentence)) and not asks_hour(sentence)

    def _way_cue(self, words: list[str]) -> bool:
        """True when the words say a way somewhere: a phrase of WAY_ASKED, or a means or "which"
        before a way of travelling ("en tranvía", "which bus", "¿qué metro tomo?")."""
        builtins = self.vocab.builtins
        return any(holds_run(words, run) for run in _WAY_ASKED) or any(
            (a in builtins.means or a in _WHICH) and b in builtins.travel
            for a, b in pairwise(words)
        )

    def _past_origin(self, words: list[str], lang: str) -> list[str]:
        """The words but where a trip starts ("...from the faculty?", "desde a estação"): the
        origin word and the few after it, unless the word stands between two words of venues'
        names ("Edifício dos Estudos Gerais")."""
        named = self.vocab.builtins.named_words
        inside = frozenset(
            i for i in range(1, len(words) - 1) if {words[i - 1], words[i + 1]} <= named
        )
        origin = self.vocab.builtins.trip_start(words, lang, inside)
        return [w for i, w in enumerate(words) if i not in origin]

    def _asked_beside_trip(self, terms: list[Term], when: When, local: dt.datetime) -> bool:
        """True when a day gone by, missed, comes with a topic an entry other than a session
        answers ("perdi o de ontem, já tem gravação?"): that is asked, not what the day held."""
        if when.day is None or when.day >= local.date():
            return False
        rest = [
            t.text
            for t in terms
            if not t.within(when.consumed)
            and t.known
            and t.text not in self.vocab.index.light
            and t.text not in self.vocab.not_topics
        ]
        hits = self.vocab.index.search(rest) if rest else []
        return bool(hits) and hits[0].score >= THRESHOLD and self.kb.session(hits[0].entry) is None

    def _departure(self, reply: Reply, now: dt.datetime) -> Reply:
        """The way to a venue asked at what time ("what time does the bus to the winery
        leave?"): the one session held there (of one title, maybe on several days: the next,
        else the first), its time; the way there says no time. A venue of several sessions
        (a start area, a campus) keeps the way there."""
        if reply.aspect != "venue:directions" or not asks_hour(reply.question):
            return reply
        held = [s for s in self.kb.dated if (v := self.kb.session_venue(s)) and v.id == reply.entry]
        if not held or len({s.title.get(reply.lang) for s in held}) > 1:
            return reply
        local = event_local(now, self.kb.event.tz)
        later = [
            s for s in held if (s.date, s.start or dt.time.max) >= (local.date(), local.time())
        ]
        chosen = (later or held)[0]
        return replace(reply, entry=chosen.id, aspect="", score=100.0)

    def _own(self, reply: Reply) -> Reply:
        """A built-in answer about the event given by the KB's own FAQ for it, when it has one
        (see _own_answers): read as a built-in until here, answered by the organisers' words."""
        own = self.vocab.own_answers.get(reply.aspect)
        if own is None:
            return reply
        return replace(reply, entry=own, aspect="", suggestions=())

    def _answer_message(
        self, question: str, now: dt.datetime, lang: str | None, hint: str | None
    ) -> Reply:
        """Answer a whole message: at once, then sentence by sentence (see answer)."""
        whole = self._answer_one(question, now, lang, hint)
        sentences = split_sentences(question[:_MAX_CHARS])
        if whole.kind == "abstain" or whole.entry in _COURTESY_ASPECTS:
            # "Good evening from Lima! I'm Ana, ... just dropping in to say hello":
            # asking nothing, a message opening with manners is those manners.
            opening = self._manners_opening(question, sentences, now, lang or whole.lang, hint)
            if opening is not None:
                return replace(opening, question=question)
        whole = self._story_told(sentences, whole, now, lang, hint)
        if whole.kind == "schedule" and whole.relative in _PLAIN_LISTINGS:
            whole = self._past_story_day(question, sentences, whole, now, lang, hint)
        if whole.kind == "abstain" or whole.entry in _COURTESY_ASPECTS:
            quoted = self._quoted_session(question)
            if quoted is not None:  # «Escritura académica en el primer año»: that session
                return replace(whole, kind="entry", entry=quoted, score=100.0, suggestions=())
        if confirms(question):
            whole = self._confirm(whole, now)
        clauses = split_sentences(question[:_MAX_CHARS], clauses=True)
        if len(clauses) < 2:
            return whole
        lang = lang or whole.lang
        texts = [*sentences, *(c for c in clauses if c not in sentences)]
        # A greeting or thanks ("Hola de nuevo, mil disculpas..."), or a day's listing read off
        # a long message's dates, may stand for a question one of its sentences asks.
        listing = whole.kind == "schedule" and whole.relative in _PLAIN_LISTINGS
        manners = whole.entry in _COURTESY_ASPECTS or listing
        if whole.kind != "abstain" and not manners:  # answered: only more questions add to it
            texts = [c for c in clauses if asks(c)]
            if len(texts) < 2:
                return whole
        read = [(s, self._answer_one(s, now, lang, hint)) for s in texts]
        # "¿cuál es el banco más grande del país y cuántos clientes tiene?": a question joined
        # by "and" to one of another domain asks of that too.
        of_off = [
            b for a, b in pairwise(clauses)
            if any(joined(t, a, b) for t in sentences) and self._off(a, now, lang, hint)
        ]  # fmt: skip
        read = [(s, r) for s, r in read if s not in of_off]
        # "...on Tuesday evening, right? I want to tell my co-authors.": the claim is checked.
        read = [(s, self._confirm(r, now) if confirms(s) else r) for s, r in read]
        follow = self._follow_ups(clauses, question, lang, now)
        if follow:  # "When is it?" asks of the sentence before, not on its own
            asked_of = {c for c, _ in follow}  # ...nor does the sentence holding it
            read = [
                (s, r)
                for s, r in read
                if s not in asked_of and not (r.aspect and any(c in s for c in asked_of))
            ] + follow
        found = [
            (s, r)
            for s, r in read
            if r.kind != "abstain"
            and r.aspect not in _COURTESY_ASPECTS
            and r.entry not in _COURTESY_ASPECTS
            and not salutes(s)
        ]
        if whole.kind == "abstain":  # "I'm looking for a job at <org>, who do I send my CV to?"
            found = self._past_off_statements(found, sentences, now, lang, hint)
        if not found:
            # "...I'm not sure what kind of things it can tell me. What can you help me with?":
            # asked what the bot can do, word for word, and nothing else answered.
            helped = [
                r for s, r in read if r.entry == "help" and r.score >= 100.0 and s in sentences
            ]
            return replace(helped[0], question=question) if helped else whole
        # A question asked with its mark before a wish told without one ("...Tuesday, right? I
        # want to tell my co-authors when to come."): the wish says why, the mark what.
        marks = [t for t in sentences if "?" in t or "¿" in t]
        marked = [(s, r) for s, r in found if any(s in t for t in marks)]
        asked = marked or [(s, r) for s, r in found if asks(s)] or found
        if whole.kind == "abstain" and not any(asks(s) for s, _ in asked):
            # Only a statement answered ("les escribo desde la Universidad..."): when a sentence
            # asks about a topic of its own and nothing answers it, that is what was asked.
            stated = {r.entry for _, r in asked if r.entry}
            topics = [
                t.text
                for q in sentences
                if asks(q) and not salutes(q)
                for t in self.vocab.index.normaliser.terms(tokens(fold(q)), repair=False)
                if t.known
                and t.text in self.vocab.index.topics
                and t.text not in self.vocab.not_topics
            ]
            vocabulary = self.vocab.index.normaliser.stems
            strange = [  # a name the KB never uses ("o Museu do Bairro abre no domingo?")
                n for q in sentences if asks(q) and not salutes(q) for n in names(q)
                if n not in vocabulary
            ]  # fmt: skip
            strange += [  # ...or an everyday-world thing ("does the hotel have a gym?")
                w for q in sentences if asks(q) and not salutes(q) for w in tokens(fold(q))
                if w in self.vocab.off_words or stem(w) in self.vocab.off_domain
            ]  # fmt: skip
            explained = any(self.vocab.index.explains(e, t) for e in stated for t in topics)
            if (strange or topics) and not explained:
                return whole
        # A built-in (the venue, the organiser) answering a clause cut from a sentence ("in
        # which room" of "in which room and at what time is the talk") yields to an entry.
        # (What follows a wish to know ends its sentence: "I'd like to know who..." asks it.)
        wished = [(s, r) for s, r in asked if any(wished_for(t, s) for t in sentences)]
        # (...but a clause naming the event asks the event's own: "when is <the event> this
        # year and where is it held?")
        named = [(s, r) for s, r in asked if r.aspect.startswith("event:") and self._names_event(s)]
        own = [
            (s, r)
            for s, r in asked
            if not r.aspect or s in sentences or (s, r) in wished or (s, r) in named
        ]
        own = own or [(s, r) for s, r in found if not r.aspect or s in sentences] or asked
        # A built-in answer ("when does it start?" -> the event's start) yields to the entry a
        # question without topic asks of ("…a panel on Tuesday. When does it start?").
        answered = whole.kind != "abstain" and not manners and not (follow and whole.aspect)
        questions = [(s, r) for s, r in own if asks(s) and r.kind == "entry"]
        if listing and (not questions or any(_back_to_day(s) for s, _ in own)):
            answered = True  # no question names anything better than the day's programme
        best = whole if answered else max(own, key=lambda sr: sr[1].score)[1]
        others = tuple(r for _, r in asked if (r.entry, r.aspect) != (best.entry, best.aspect))
        # Several questions are answered in the order they are asked ("what time does
        # registration open and what's the wifi password?"), when the best is one of them.
        at: dict[str | None, int] = {
            r.entry: question.find(s)
            for s, r in reversed(asked)
            if (opens_question(s) or s.rstrip().endswith("?") or indirect(s))
            and (
                r.kind == "entry" and r.score >= THRESHOLD
                and (not r.aspect and self._names_topic(s) or s in sentences)
                or r.kind == "schedule" and r.relative in _DAY_ASKED  # "what's on today and..."
                # ...or on a day named ("what's on Monday?"; "at what time does it start on
                # Thursday?" asks of what another question named).
                or r.kind == "schedule" and r.relative == "" and not asks_hour(s)
            )
        }  # fmt: skip
        marked_all = len(sentences) > 1 and all("?" in t and not confirms(t) for t in sentences)
        if answered and best.entry not in at and marked_all and len(at) == len(sentences):
            # "who is organizing this? the bank or the government?": each question answered on
            # its own, the whole message read as one answers none of them: the first answers.
            first = min(others, key=lambda r: at.get(r.entry, len(question)))
            best, others = first, tuple(r for r in others if r is not first)
        elif others and best.entry in at:
            first = min(others, key=lambda r: at.get(r.entry, len(question)))
            if at.get(first.entry, len(question)) < at[best.entry]:
                best, others = first, (best, *(r for r in others if r is not first))
        return replace(best, question=question, parts=others[:_MAX_PARTS])

    def _past_off_statements(
        self, found: list[tuple[str, Reply]], sentences: list[str], now: dt.datetime,
        lang: str | None, hint: str | None,
    ) -> list[tuple[str, Reply]]:  # fmt: skip
        """The answers found, less those to a question that follows a statement of another
        domain in its sentence: the statement says what the question is about."""
        tainted = [
            t for t in sentences
            if (lead := lead_statement(t)) is not None and self._off(lead, now, lang, hint)
        ]  # fmt: skip
        return [(s, r) for s, r in found if not any(s in t for t in tainted)]

    def _off(self, text: str, now: dt.datetime, lang: str | None, hint: str | None) -> bool:
        """True when `text` is read as asking about another domain than the KB's."""
        r = self.reader.read(text, now, lang, hint)
        return self.decider.off_domain(r.words, r.terms, names(r.text))

    def _story_told(
        self, sentences: list[str], whole: Reply, now: dt.datetime, lang: str | None,
        hint: str | None,
    ) -> Reply:  # fmt: skip
        """A story, then a question ("I'm planning my Friday. I want the Kubernetes talk at
        10:30. Which Cloud talk is at 11:30?"): the sentence that asks answers, when it
        answers on its own; the story's sessions and times only set the scene."""
        asking = [s for s in sentences if asks(s) and not salutes(s)]
        # A sentence with its question mark asks; a wish beside it ("I want to catch one of the
        # oral sessions.", "Es para organizar los traslados.") tells why.
        marked = [s for s in asking if "?" in s or "¿" in s]
        asking = marked or asking
        if not asking or len(asking) == len(sentences) or whole.kind == "abstain":
            return whole
        if whole.relative in ("missed", "catch") or whole.entry is None:
            return whole  # the trip the story tells is what is asked about
        lang = lang or whole.lang
        # "Bom dia. Vocês poderiam me dizer...?": a greeting before the question asks nothing.
        courteous = len(asking) == 1 and all(
            salutes(s) or self._answer_one(s, now, lang, hint).entry in _COURTESY_ASPECTS
            for s in sentences[: sentences.index(asking[0])]
        )
        if courteous:
            # A question, then why it is asked ("which days are at which venue? booking cars
            # for the team"): the reason's words set the scene, the question answers on its own.
            reply = self._answer_one(asking[0], now, lang, hint)
            if reply.kind != "abstain" and reply.entry not in _COURTESY_ASPECTS:
                return replace(reply, question=whole.question)
        for s in asking:
            if _back_to_day(s) or not self._names_topic(s):
                continue  # "what is that?", "that day": of the story
            if self._asked_of(whole.entry, s):
                return whole  # the first question naming a topic asks what the whole answers
            reply = self._answer_one(s, now, lang, hint)
            # A venue the question names ("the street address of X?") answers; other built-ins
            # (the event's dates, its organiser) are the story's setting.
            venue = reply.aspect.startswith("venue:") and self.kb.venue(reply.entry) is not None
            if reply.kind == "abstain" or reply.entry in _COURTESY_ASPECTS:
                continue
            if reply.aspect and not venue:
                continue
            return replace(reply, question=whole.question)
        return whole

    def _past_story_day(
        self, question: str, sentences: list[str], whole: Reply, now: dt.datetime,
        lang: str | None, hint: str | None,
    ) -> Reply:  # fmt: skip
        """A day's listing read off a story's day ("I present on Thursday. Until when can I
        send my slides?"): when no asking sentence names a day, the message read past the
        story's days answers, if an entry answers it well."""
        asking = [s for s in sentences if asks(s)]
        if not asking or len(asking) == len(sentences):
            return whole
        today = event_local(now, self.kb.event.tz).date()
        if any(self.vocab.dates.read(tokens(mark_numeric_dates(fold(s))), today) for s in asking):
            return whole
        alt = self._answer_one(question, now, lang or whole.lang, hint, undated=True)
        if alt.kind == "entry" and alt.score >= THRESHOLD and not alt.aspect:
            return replace(alt, question=question)
        # A long story weighs its likeliest entry down: it answers when it holds a topic word
        # of the question asked ("...¿van a traducir?": the languages FAQ, on translation).
        first = alt.suggestions[0] if alt.kind == "abstain" and alt.suggestions else None
        if first is not None and any(self._asked_of(first, s) for s in asking):
            return Reply(question, alt.lang, "entry", first, alt.score)
        return whole

    def _quoted_session(self, question: str) -> str | None:
        """The one session whose title holds every word of a quoted span of the message (two
        words at least, "«...»", "“...”", '"..."'), even part of the title; else None."""
        found: set[str] = set()
        for m in _QUOTED.finditer(question[:_MAX_CHARS]):
            span = next(g for g in m.groups() if g)
            said = {w for w in tokens(fold(span)) if w not in STOPWORDS}
            if len(said) < 2:
                continue
            for session in self.kb.sessions:
                titled = {w for t in session.title.values() for w in tokens(fold(t))}
                if said <= titled:
                    found.add(session.id)
        return found.pop() if len(found) == 1 else None

    def _beyond(self, entry: str, when: When, clock: Clock | None) -> bool:
        """True when a time of a day after the event ("the subway on Sunday morning", the
        event ending Saturday) is asked of an FAQ: the city then, not the event."""
        event = self.kb.event
        last = event.end_date + dt.timedelta(days=1)  # a night past midnight still counts
        late = when.day is not None and when.day > last
        morning = clock is not None and (clock.start or dt.time()) >= _MORNING_AFTER
        after_night = when.day == last and morning
        named = when.day in self.vocab.faq_days.get(entry, frozenset())  # the FAQ asks of that day
        return (late or after_night) and self.kb.faq(entry) is not None and not named

    def _asked_of(self, entry: str, sentence: str) -> bool:
        """True when a topic word of `sentence` is one `entry` is asked about."""
        terms = self.vocab.index.normaliser.terms(tokens(fold(sentence)))
        plain = self.vocab.not_topics | self.vocab.generic_nouns | self.vocab.index.light
        return any(
            t.known and t.text not in plain and self.vocab.index.owns(entry, t.text) for t in terms
        )

    def _names_event(self, sentence: str) -> bool:
        """True when `sentence` calls the event by its name ("the Open Data Summit")."""
        return len(self.vocab.name_words.intersection(tokens(sentence))) >= _EVENT_NAMED

    def _names_topic(self, sentence: str) -> bool:
        """True when `sentence` names a topic of the KB ("the maps talk"), not only what it
        asks of one ("what is that?", "where was it held?")."""
        terms = self.vocab.index.normaliser.terms(tokens(fold(sentence)))
        return any(
            t.known
            and (t.text in self.vocab.index.topics or t.text not in self.vocab.index.light)
            and t.text not in self.vocab.not_topics
            for t in terms
        )

    def _answer_one(
        self, question: str, now: dt.datetime, lang: str | None, hint: str | None,
        undated: bool = False,
    ) -> Reply:  # fmt: skip
        """Answer one sentence (or a whole message read as one), as `answer` reads its
        arguments; `undated` reads past its days and times (a story's, not what is asked)."""
        town = self._town(question)
        reply = self._answer_read(question, now, lang, hint, undated, town)
        return reply if town is None else self._in_town(reply, town)

    def _town(self, question: str) -> Town | None:
        """The one town a question names, at an event held in several (else None, unread)."""
        return self.places.named(tokens(fold(question))) if self.places.towns else None

    def _of_town(self, hits: list[Hit], town: Town | None) -> list[Hit]:
        """The hits not in another town than the one named (all of them when none is)."""
        if town is None:
            return hits
        return [h for h in hits if self.places.town(h.entry) in (None, town)]

    def _in_town(self, reply: Reply, town: Town) -> Reply:
        """The answer of the town a question names, at an event held in several: its sessions
        of a listing, its venue, its day, or its session of the kind answered ("the opening
        talk in Cusco" when the opening talks of three towns fit alike)."""
        places, entry = self.places, reply.entry
        if reply.kind == "schedule":
            kept = tuple(s for s in reply.sessions if places.town(s) == town)
            if not kept or len(kept) == len(reply.sessions):
                return reply
            return replace(reply, entry=kept[0], sessions=kept)
        if reply.kind != "entry" or entry is None or places.town(entry) == town:
            return reply
        venue = places.main_venue(town)
        if venue is not None and (
            self.kb.venue(entry) is not None
            or reply.aspect == "event:where"
            or reply.aspect.startswith("venue:")
        ):  # "where is the event in Arequipa?", "how do I get there in Cusco?"
            aspect = reply.aspect if reply.aspect.startswith("venue:") else "venue:address"
            return replace(reply, entry=venue, aspect=aspect)
        if reply.aspect in _TOWN_DAY:  # "when does it start in Cusco?": that town's day
            there = [s for s in self.kb.dated if places.town(s.id) == town and s.date]
            if not there:
                return reply
            end = reply.aspect == "event:end"
            day = (max if end else min)(s.date for s in there if s.date)
            ids = tuple(s.id for s in self.kb.sessions_on(day) if places.town(s.id) == town)
            ids = ids[-1:] if end else ids  # "when does it end there?": its last session
            if not ids:
                return reply
            return Reply(
                reply.question, reply.lang, "schedule", ids[0], 100.0, day=day, sessions=ids
            )
        if reply.aspect:
            return reply
        # A session of another town, or an FAQ that does not tell of this one: this town's
        # session that fits the question as well (as a day's session does, see _on_day).
        words = tokens(fold(reply.question))
        terms = self.vocab.index.normaliser.terms(words)
        if any(self.vocab.index.explains(entry, t.text) for t in terms if t.text in town):
            return reply  # the FAQ tells of the town
        floor = max(_DAY_FLOOR, reply.score * _DAY_SHARE)
        pool = self.vocab.index.search((t.text for t in terms), limit=_DAY_POOL)
        here = next((h for h in pool if places.town(h.entry) == town and h.score >= floor), None)
        return reply if here is None else replace(reply, entry=here.entry, score=here.score)

    def _answer_read(
        self, question: str, now: dt.datetime, lang: str | None, hint: str | None,
        undated: bool, town: Town | None,
    ) -> Reply:  # fmt: skip
        """Answer one sentence, read by the Reader (see _answer_one), of the `town` it names
        when the event is held in several."""
        r = self.reader.read(question, now, lang, hint)
        lang, text, plain, words, terms = r.lang, r.text, r.plain, r.words, r.terms
        arriving, staying, missing, catching = r.arriving, r.staying, r.missing, r.catching
        if r.manners is not None:
            return manners_reply(self.kb, question, lang, r.manners, self.vocab.defaults)
        if r.stated is not None:  # "so the closing is at <venue> and not at <venue>, right?"
            where = self._where_confirmed(r.stated, question, lang)
            if where is not None:
                return where
        compared = self.comparer.compare(tokens(question), terms)
        if compared is not None and self._one_question(question):
            return self._compared(question, lang, compared)  # "is the workshop before or after…"
        if (venue := self._address_of(plain, terms)) is not None:
            return self._address(question, lang, venue, plain)  # "la dirección exacta del Hotel X"
        if not r.stay and self.decider.off_domain(words, terms, names(text)):
            return self._abstain(question, lang, self.vocab.index.search(t.text for t in terms))
        if self.vocab.contact_words.intersection(words) and self.vocab.unreachable.intersection(
            words
        ):
            # "what's <speaker>'s email?": the KB has no way to reach a speaker in person.
            return self._abstain(question, lang, self.vocab.index.search(t.text for t in terms))
        local, dated, when, clock = r.local, r.dated, r.when, r.clock
        if undated and when is not None:
            gone = when.consumed
            words = ["the" if i in gone else w for i, w in enumerate(words)]
            terms = self.vocab.index.normaliser.terms(words)
            when, clock = None, None
        past = any(w in _PAST_ASKED for w in words)  # "what did I miss yesterday": that day
        away = (missing or catching) and not past
        if (
            when is not None
            and when.day
            and away
            and not self._claims_session(question, terms)
            and not self._asked_beside_trip(terms, when, r.local)
        ):
            if staying:
                trip = self.timetable.stay(
                    question, words, terms, when, clock, local, lang, catching, arriving
                )
                return self._schedule(question, lang, trip)
            # Busy then ("a meeting on Tuesday morning: would I miss anything?"): that time's.
            # Now is no time one is busy at ("I lost track of time, what's on now?").
            if when.relative != "now":
                window = self.timetable.at_clock(when, clock, local) if clock is not None else None
                return self._schedule(question, lang, window or plan(self.kb, when, local))
        if (beside := self._day_beside(words, terms, local)) is not None:
            return self._schedule(question, lang, beside)  # "the day before the awards"
        if (meal := self.timetable.past_lunch(plain, when, local)) is not None:
            return self._schedule(question, lang, meal)  # "o que tem depois do almoço?"
        if when is not None:
            after = None
            used = when.consumed | (day_off_words(words) if when.day else frozenset())
            placed = self.vocab.builtins.names_venue(plain) is not None
            if placed or when.relative == "week":  # "how do I get to X on Thursday?"
                past_day = [
                    w
                    for i, w in enumerate(words)
                    if i not in used and not (w in DATE_LINKS and i + 1 in used)
                ]  # "...on Thursday": the day and its link
                way = self._builtin(question, lang, past_day)
                # "who is putting this week together?": this week is the event itself.
                kind = "venue:" if placed else "event:"
                if way is not None and way.aspect.startswith(kind):
                    return way
            rest = [t for t in terms if not t.within(used)]
            # "when is the Medicine talk?" at the Faculty of Medicine: a session named as its
            # venue is, asked when (not where) it is.
            session_asked = bool(self.vocab.generic_nouns_raw.intersection(words)) and not (
                self.vocab.where_words.intersection(words)
            )
            topical = [
                t
                for t in rest
                if (
                    t.text not in self.vocab.not_topics
                    or session_asked
                    and t.text in self.vocab.venue_titled
                )
                and (t.known or t.text not in self.vocab.index.light)
                and words[t.index] not in self.vocab.greeting_words  # "bom dia, o credenciamento…"
            ]
            strand = self.timetable.strand(words, topical, when, clock, local, lang)
            if strand is not None:
                return self._one_asked(question, lang, strand, words)
            named = [t for t in topical if t.known and t.text not in self.vocab.generic_nouns]
            if not named and (first := self.timetable.ordinal_edge(words, when)) is not None:
                return self._one_asked(question, lang, first, words)  # "the last talk today"
            # In a short question one unknown word is another topic ("weather on monday"); a long
            # message may also name the asker's ministry or country: most words must be unknown.
            few = len(topical) < _FEW_TOPICS
            if topical and (
                self.decider.mostly_unknown(topical) or (few and any(not t.known for t in topical))
            ):
                return self._abstain(question, lang, self.vocab.index.search(t.text for t in rest))
            # "The first mobile talk": the ordinal says which one, not what about.
            # ...but "the closing" alone names a session.
            sought = [t for t in topical if not self._ordinal_of(words, t.index)]
            # "what's in Sala 3 after lunch?": the room says where, not what (see in_room).
            spots = self.timetable.room_spots(question, words)
            sought = [t for t in sought if not t.within(spots)]
            # "what's left today?": what remains of it, no topic "left" (see Timetable.rest_of).
            rest_of = when.relative in ("today", "now") and bool(_LEFT.intersection(words))
            sought = [t for t in sought if not (rest_of and words[t.index] in _LEFT)]
            # "¿hay alguna charla ahora?": a session noun alone asks for any session then; an
            # FAQ that mentions talks is not what is asked.
            generic = all(t.text in self.vocab.generic_nouns for t in sought)
            plural = all(stem(words[t.index]) != words[t.index] for t in sought)
            if generic and plural and sought and not session_step(words, self.vocab.session_words):
                sought = []  # "¿qué simposios hay el jueves?": that day's symposia, listed
            if sought:
                hits = self.vocab.index.search((t.text for t in sought), limit=_DAY_POOL)
                hits = self._of_town(hits, town)
                now_on = self.timetable.next_of_current(hits, sought, words, dated, when, local)
                if now_on is not None:  # "I'm at lunch: what's the next activity?"
                    return self._one_asked(question, lang, now_on, words)
                on_day = self._on_day(hits, when.day if when.relative != "week" else None, words)
                if on_day is not None and self._claimed_elsewhere(
                    question, hits, on_day, when, words
                ):
                    on_day = None  # "la gala es el jueves, ¿cierto?": the gala, checked
                # "after dinner tonight"
                stepped = session_step(words, self.vocab.session_words) != 0
                stray = on_day is not None and self.decider.stray(on_day, topical, words, question)
                if on_day is not None and not stray and not stepped:
                    return Reply(question, lang, "entry", on_day.entry, on_day.score)
                checked = self._checked(question, hits, when.day)
                if checked is not None:  # "the talk is on Thursday, right?": no, on Wednesday
                    return Reply(question, lang, "entry", checked.entry, checked.score)
                # "the treatment for what I have now"; "ramen places for after X": words the KB
                # never uses, and nothing answers.
                short = len(words) <= TUNING.short_question
                unknown = short and any(not t.known and t.text.isalpha() for t in sought)
                # "¿dónde alquilo un auto el domingo?": a day's listing says no where.
                placing = bool(_ASKS_WHERE.intersection(tokens(question)))
                unasked = few or when.relative == "now" or unknown or placing
                if unasked and len(sought) >= 2 and (not hits or hits[0].score < THRESHOLD):
                    return self._abstain(question, lang, hits)  # a topic nothing answers
                if generic and hits and self.kb.session(hits[0].entry) is None:
                    hits = []
                if hits and hits[0].score >= THRESHOLD:
                    if self.decider.stray(hits[0], topical, words, question):
                        return self._abstain(question, lang, hits)
                    step = session_step(words, self.vocab.session_words)
                    entry = hits[0].entry
                    if step:
                        entry = self.timetable.anchor(hits, dated, when, local)
                    after = following(self.kb, entry, step) if step else None
                    if after is None and self._beyond(hits[0].entry, when, clock):
                        return self._abstain(question, lang, hits)
                    if after is None:
                        return Reply(question, lang, "entry", hits[0].entry, hits[0].score)
                elif hits and self._clearly_a_session(hits):  # "after the LLM talk"
                    step = session_step(words, self.vocab.session_words)
                    anchor = self.timetable.anchor(hits, dated, when, local) if step else None
                    after = following(self.kb, anchor, step) if anchor else None
            p = (
                after
                or self.timetable.at_clock(when, clock, local)  # "what starts at 4?": then
                or self.timetable.edge(words, when)
                or (self.timetable.rest_of(local) if rest_of else None)
                or plan(self.kb, when, local)
            )
            p = self.timetable.of_kind(p, words) if generic else p
            p = self.timetable.in_room(p, question, spots)
            event = self.kb.event
            spanned = bool(
                p.day and p.until and p.day <= event.start_date <= event.end_date <= p.until
            )
            if p.relative == "range" and spanned and not sought:  # "del 19 al 23?": its dates
                return Reply(question, lang, "entry", "event", 100.0, aspect="event:when")
            return self._one_asked(question, lang, p, words)
        exact = self.vocab.index.exact.get(" ".join(words))
        if exact is not None:
            return Reply(question, lang, "entry", exact, 100.0)
        if not terms and (within := self.vocab.index.within(words)) is not None:
            return Reply(question, lang, "entry", within, _ENOUGH)  # "what can I ask you, then?"
        if (track := self.timetable.track(words)) is not None:
            return self._schedule(question, lang, track)
        if (talks := self.timetable.speaker(words, terms, text, lang)) is not None:
            return self._schedule(question, lang, talks)
        if (room := self._room_asked(words, terms)) is not None:  # "where is room B?"
            return Reply(question, lang, "entry", room, 100.0, aspect="venue:address")
        if not (terms := past_courtesy(terms, self.vocab.courtesy, self.vocab.index.topics)):
            whole = self._programme(words, terms)
            if whole is not None and self._builtin(question, lang, plain) is None:
                return self._schedule(question, lang, whole)
            return self._builtin(question, lang, plain) or self._abstain(question, lang, [])
        near = self.vocab.index.search((t.text for t in terms), strong=names(text))
        near = self._of_town(near, town)
        hits = self._owner_first(
            mannerly(near, terms, self.vocab.courtesy, self.vocab.courteous), terms
        )
        hits = self._session_first(hits, terms, words)
        brought = self._brought_owner(hits, words, terms)
        if brought is not None:  # "do we need to bring a laptop to the workshop?"
            return Reply(question, lang, "entry", brought.entry, brought.score)
        if (
            hits
            and (hits[0].score >= THRESHOLD or self._wholly_asked(hits[0], words, text))
            and not self.decider.mostly_unknown(terms)
            and not self.decider.stray(hits[0], terms, words, question)
        ):
            # Built-ins tell of this edition: "will it happen again?" asks of another one.
            other = OTHER_EDITIONS in words
            if last_year(words) and self.timetable.dated_session(hits[0].entry):
                return self._abstain(question, lang, hits)  # this edition's session: not asked
            builtin = None if other else self._builtin(question, lang, plain, hits[0])
            if builtin is not None:
                return builtin  # the entry matched the event's name, not what is asked of it
            # Of a film shown twice, the showing on the day asked, else on now or next.
            entry = self.timetable.namesake(hits[0].entry, words, when, local)
            return Reply(question, lang, "entry", entry, hits[0].score)
        if self.vocab.builtins.names_venue(plain) is not None:  # "how do I get to the university?"
            builtin = self._builtin(question, lang, plain)
            if builtin is not None and builtin.aspect.startswith("venue:"):
                return builtin
        builtin = self._builtin(question, lang, plain)
        titled = any(
            w in self.vocab.title_words
            and w not in self.vocab.event_nouns
            and w not in self.vocab.index.normaliser.stopwords
            for w in words
        )
        if builtin is not None and builtin.score >= 100.0 and not titled:
            return builtin  # a built-in phrasing word for word, naming no session
        answered = self._session_by_topic(question, lang, terms, words) or builtin
        if answered is None and (whole := self._programme(words, terms)) is not None:
            return self._schedule(question, lang, whole)
        return answered or self._abstain(question, lang, hits)

    def _programme(self, words: list[str], terms: list[Term]) -> Plan | None:
        """The whole programme, for "what's the schedule?" when no entry says it: a one-day
        event's day, else every day's sessions."""
        if not self.vocab.programme_nouns.intersection(words):
            return None
        if any(
            t.text not in self.vocab.not_topics and t.text not in self.vocab.index.light
            for t in terms
        ):
            return None  # "the schedule of the workshop": a topic, not the whole programme
        event = self.kb.event
        sessions = tuple(s for s in self.kb.sessions if s.date is not None)
        if not sessions:
            return None
        if event.start_date == event.end_date:
            return Plan("", event.start_date, self.kb.sessions_on(event.start_date))
        monday = event.start_date - dt.timedelta(days=event.start_date.weekday())
        ordered = sorted(sessions, key=lambda s: (s.date or monday, s.start or dt.time.min))
        return Plan("week", monday, tuple(ordered))

    def _room_asked(self, words: list[str], terms: list[Term]) -> str | None:
        """The venue of the one room a question asks where it is ("onde fica o auditório
        Ipiranga?"), when it asks nothing else of it."""
        if not self.vocab.where_words.intersection(words):
            return None
        rooms = {
            self.vocab.strand_of[w]
            for w in words
            if self.vocab.strand_of.get(w, "").startswith("room:")
        }
        if len(rooms) != 1:
            return None
        named = {
            i
            for i, w in enumerate(words)
            if w in self.vocab.strand_any or w in self.vocab.where_words
        }
        if any(
            t.known and t.index not in named and t.text not in self.vocab.not_topics for t in terms
        ):
            return None
        return self.vocab.room_venue.get(rooms.pop()) or None

    def _brought_owner(self, hits: list[Hit], words: list[str], terms: list[Term]) -> Hit | None:
        """The entry asked about what one would bring along, when the KB names that thing as
        one of its topics ("do we need to bring a laptop to the workshop?": the laptop's
        answer, not the workshop's)."""
        by_index = {t.index: t for t in terms}
        for i, w in enumerate(words):
            if w not in self.vocab.bring:
                continue
            brought = next((by_index[j] for j in range(i + 1, i + 4) if j in by_index), None)
            if brought is None or not brought.known:
                return None
            # The entry asked about it, else the one whose text says to bring it ("bring a
            # laptop with R installed", in a workshop's description).
            owner = next((h for h in hits if self.vocab.index.owns(h.entry, brought.text)), None)
            if owner is None and brought.text not in self.vocab.index.topics:
                owner = next(
                    (h for h in hits if self.vocab.index.explains(h.entry, brought.text)), None
                )
            return owner if owner is not None and owner.score >= _DAY_FLOOR else None
        return None

    def _follow_ups(
        self, clauses: list[str], question: str, lang: str, now: dt.datetime
    ) -> list[tuple[str, Reply]]:
        """ "…the traveller's medicine symposium. When is it?": a question with no topic of its
        own asks about the entry the sentence before names in full (a title or phrasing)."""
        found = []
        for k, clause in enumerate(clauses[1:], start=1):
            if not asks(clause) or not self._topicless(clause, lang):
                continue
            # The nearest clause before that names something ("…a panel on Tuesday. Who takes
            # part, and when does it start?": both ask of the panel).
            before = next(
                (c for c in reversed(clauses[:k]) if not self._topicless(c, lang)), clauses[k - 1]
            )
            words = tokens(fold(before))
            terms = self.vocab.index.normaliser.terms(words)
            if self.decider.off_domain(words, terms, names(before)):
                # "...la próxima asamblea en 2031? ¿ya tiene fecha?": asked of that, nothing.
                if asks(before):
                    found.append((clause, self._abstain(question, lang, [])))
                continue
            hits = self.vocab.index.search((t.text for t in terms), limit=_DAY_POOL)
            named = hits and (hits[0].closeness >= _NAMED or self._names_alone(hits, terms))
            if named and hits[0].score >= _SUGGEST_FLOOR:
                reply = Reply(question, lang, "entry", hits[0].entry, hits[0].score)
                step = session_step(tokens(fold(clause)), self.vocab.session_words)
                after = following(self.kb, self._latest(hits, now), step) if step else None
                found.append((clause, self._schedule(question, lang, after) if after else reply))
        return found

    def _checked(self, question: str, hits: list[Hit], day: dt.date | None) -> Hit | None:
        """The session a confirmation states a day of, whatever its real day: the verdict is
        read from it (see _confirm), not from an entry about the day stated."""
        if not hits or not confirms(question):
            return None
        floor = max(_DAY_FLOOR, hits[0].score * _DAY_SHARE)
        dated = [h for h in hits if h.score >= floor and self.timetable.dated_session(h.entry)]
        # Of namesakes ("lunch" each day), the one on the day stated: "lunch is on Friday, right?"
        # (one that fits alike: not a film of that day that mentions the gala claimed).
        alike = [h for h in dated if h.score >= dated[0].score * _ALIKE] if dated else []
        on = next((h for h in alike if self._session_day(h.entry) == day), None)
        return on or next(iter(dated), None)

    def _claimed_elsewhere(
        self, question: str, hits: list[Hit], on_day: Hit, when: When, words: list[str]
    ) -> bool:
        """True when a confirmation claims a day of the session it names best, held another day
        ("la gala es el jueves, ¿cierto?", the gala being on Wednesday): that session is checked,
        not a Thursday film that mentions the gala. The day claimed follows the verb ("es el
        jueves"); a day before it names which one ("a reunião de terça é no auditório?")."""
        if not confirms(question) or not when.consumed:
            return False
        verb = next((i for i, w in enumerate(words) if w in _COPULAS), None)
        if verb is None or min(when.consumed) < verb:
            return False
        best = next((h for h in hits if self.timetable.dated_session(h.entry)), None)
        return best is not None and best is not on_day and on_day.score < best.score * _ALIKE

    def _session_day(self, entry: str) -> dt.date | None:
        session = self.kb.session(entry)
        return self.kb.session_date(session) if session is not None else None

    def _clearly_a_session(self, hits: list[Hit]) -> bool:
        """True when the top hit, though named only in passing (a word of its summary), is a
        dated session far ahead of any other: enough to step from ("after the LLM talk")."""
        top = hits[0]
        second = hits[1].score if len(hits) > 1 else 0.0
        return (
            top.score >= _SUGGEST_FLOOR
            and second < top.score * _DAY_SHARE
            and self.timetable.dated_session(top.entry)
        )

    def _names_alone(self, hits: list[Hit], terms: list[Term]) -> bool:
        """True when the top hit owns a rare word of the sentence that no other hit owns ("I'd
        love to see the OpenTelemetry session"): the sentence names it, however briefly."""
        rare = {
            t.text
            for t in terms
            if t.known
            and t.text not in self.vocab.not_topics
            and self.vocab.index.weight(t.text) >= _STRAY
            and self.vocab.index.owns(hits[0].entry, t.text)
        }
        return bool(rare) and not any(
            self.vocab.index.owns(h.entry, r) for h in hits[1:] for r in rare
        )

    def _latest(self, hits: list[Hit], now: dt.datetime) -> str:
        """Of the sessions a sentence names well enough, the one that began last before now
        today ("just had a coffee in the break": this afternoon's, not this morning's)."""
        local = event_local(now, self.kb.event.tz)
        floor = _DAY_FLOOR  # the moment says which: a looser fit than a day's (_on_day)
        began = [
            s
            for h in hits
            if h.score >= floor
            and (s := self.kb.session(h.entry)) is not None
            and s.date == local.date()
            and s.start is not None
            and s.start <= local.time()
        ]
        return max(began, key=lambda s: s.start or dt.time.min).id if began else hits[0].entry

    def _topicless(self, clause: str, lang: str) -> bool:
        """True when a question holds nothing but what it asks ("when is it?", "¿dónde?")."""
        aspects = self.vocab.session_aspects.get(lang, frozenset())
        terms = self.vocab.index.normaliser.terms(tokens(fold(clause)))
        return all(
            t.text in aspects or t.text in self.vocab.index.light or t.text in self.vocab.not_topics
            for t in terms
        )

    def _confirm(self, reply: Reply, now: dt.datetime) -> Reply:
        """Say yes, no or partly to "lunch is at 1, right?" from the facts the answer holds."""
        words = mark_hours(tokens(mark_times(mark_numeric_dates(fold(reply.question)))))
        words = spelled_numbers(words, reply.lang)  # "del diecinueve al veintitrés"
        local = event_local(now, self.kb.event.tz)
        days = self.timetable.stated_days(words, local.date())
        clock = read_clock(words, local.time())
        at = clock.start if clock is not None and not clock.window and not clock.now else None
        session = self.kb.session(reply.entry) if reply.kind == "entry" else None
        event = self.kb.event
        # "the week runs 19 to 24 October, right?": a range from the event's first day or to
        # its last claims when the event runs, whatever session its days hold.
        ranged = self.vocab.dates.read(words, local.date())
        spans = (
            ranged is not None
            and ranged.until is not None
            and (ranged.day == event.start_date or ranged.until == event.end_date)
        )
        checks: list[bool] = []
        if spans and ranged is not None:
            checks = [(ranged.day, ranged.until) == (event.start_date, event.end_date)]
            reply = replace(reply, kind="entry", entry="event", aspect="event:when", score=100.0)
        elif session is not None and session.date is not None:
            checks += [session.date in days] if days else []
            checks += [session.start == at] if at is not None and session.start else []
        elif (
            days
            and any(w in self.vocab.event_nouns for w in words)
            and not any(self.reader.placed(words))
        ):
            # (a claim of where things are, venue by venue, is answered by where they are)
            checks = [event.start_date <= d <= event.end_date for d in days]
            if all(checks):
                checks.append(event.start_date in days or len(days) == 1)
            reply = replace(reply, kind="entry", entry="event", aspect="event:when", score=100.0)
        if not checks:
            return reply
        verdict = "yes" if all(checks) else "no" if not any(checks) else "partly"
        return replace(reply, verdict=verdict)

    def _one_asked(self, question: str, lang: str, p: Plan, words: list[str]) -> Reply:
        """A listing of one session, asked who gives it ("which Cloud talk is at 11:30 and
        who presents it?"): that session's own answer, with its speakers."""
        if len(p.sessions) == 1 and self.vocab.who.intersection(words):
            return Reply(question, lang, "entry", p.sessions[0].id, 100.0)
        # "¿A qué hora empieza lo del lunes?": the day's one session, asked when (its time, or
        # the organisers' note on it when none is published).
        if len(p.sessions) == 1 and p.relative in _ONE_DAY and asks_hour(question):
            return Reply(question, lang, "entry", p.sessions[0].id, 100.0)
        return self._schedule(question, lang, p)

    @staticmethod
    def _one_question(question: str) -> bool:
        """True when a message asks one thing (a comparison in a message of several questions
        yields to them: the session asked about answers both)."""
        return len([c for c in split_sentences(question, clauses=True) if asks(c)]) <= 1

    def _compared(self, question: str, lang: str, compared: Comparison) -> Reply:
        """The KB's overview of the sessions compared, else both listed with their days and
        places (from the first's day to the last's)."""
        if compared.overview is not None:
            return Reply(question, lang, "entry", compared.overview, 100.0)
        held = [s for e in compared.sessions if (s := self.kb.session(e)) and s.date]
        days = sorted({s.date for s in held if s.date})
        if not days:
            return Reply(question, lang, "entry", compared.sessions[0], 100.0)
        spread = "range" if len(days) > 1 else ""
        until = days[-1] if len(days) > 1 else None
        return self._schedule(question, lang, Plan(spread, days[0], tuple(held), until=until))

    def _schedule(self, question: str, lang: str, p: Plan) -> Reply:
        ids = tuple(s.id for s in p.sessions)
        # An empty day (named, today, tomorrow) that the KB explains in an entry of its own.
        if not ids and p.relative in _ONE_DAY and p.day in self.vocab.day_notes:
            return Reply(question, lang, "entry", self.vocab.day_notes[p.day], 100.0, day=p.day)
        if p.day is None and len(p.sessions) == 1 and p.sessions[0].date is None:
            return Reply(question, lang, "entry", ids[0], 100.0)  # undated: its entry says so
        return Reply(
            question, lang, "schedule", ids[0] if ids else "schedule", 100.0,
            day=p.day, sessions=ids, relative=p.relative, start=p.start, end=p.end,
            until=p.until,
        )  # fmt: skip

    def _address_of(self, words: list[str], terms: list[Term]) -> str | None:
        """The venue whose street address the words ask ("necesito la dirección exacta del
        Hotel X para coordinar..."): the address noun next to its name, with nothing the KB
        does not know in between ("the address of the Argentine consulate in <city>" asks of
        the consulate). The rest of the message is why it is asked."""
        asked = [i for i, w in enumerate(words) if w in self.vocab.address_words]
        if not asked:
            return None
        # Unknown to the KB and to every built-in question ("exact", "street" are asked of any
        # place): a thing of its own, like a consulate.
        unknown = {
            t.index
            for t in terms
            if not t.known and words[t.index] not in self.vocab.builtins.words
        }
        city = self.vocab.builtins.city_words
        for v, called, _ in self.vocab.builtins.venue_words:
            at = [i for i, w in enumerate(words) if w in called and w not in city]
            for a in asked:
                for i in at:
                    lo, hi = sorted((a, i))
                    if not any(lo < j < hi for j in unknown):
                        return v.id
        return None

    def _address(self, question: str, lang: str, venue: str, words: list[str]) -> Reply:
        """A venue's address: the KB's own FAQ about addresses when it has one (it may say
        the programme gives none), else the venue's own facts."""
        term = self.vocab.index.normaliser.term
        asked = [term(w) for w in words if w in self.vocab.address_words]
        hits = self.vocab.index.search(asked, limit=1)
        if hits and self.kb.faq(hits[0].entry) and self.vocab.index.owns(hits[0].entry, asked[0]):
            return Reply(question, lang, "entry", hits[0].entry, 100.0)
        return Reply(question, lang, "entry", venue, 100.0, aspect="venue:address")

    def _on_day(self, hits: list[Hit], day: dt.date | None, words: list[str]) -> Hit | None:
        """The hit that is a session on `day`, when the question's words name it well enough.

        "the meeting on the 23rd" is the meeting held on the 23rd, even if another day's
        meeting is phrased closer to "meeting"; "the first mobile talk on Saturday" is the
        earliest of that day's that fit (the last, the latest).
        """
        if day is None or not hits:
            return None
        on = list(self.kb.sessions_on(day))
        # ...and the parts of that day's sessions that carry no date of their own ("the lab
        # tour of the workshop on the 21st"), after them.
        on += [s for s in self.kb.sessions if s.date is None and self.kb.session_date(s) == day]
        order = {s.id: k for k, s in enumerate(on)}
        floor = max(_DAY_FLOOR, hits[0].score * _DAY_SHARE)
        fit = [h for h in hits if h.entry in order and h.score >= floor]
        rank = next((ORDINAL_DAYS[w] for w in words if ORDINAL_DAYS.get(w) in (0, -1)), None)
        if fit and rank is not None:
            pick = min if rank == 0 else max
            return pick(fit, key=lambda h: order[h.entry])
        return fit[0] if fit else None

    def _owner_first(self, hits: list[Hit], terms: list[Term]) -> list[Hit]:
        """Put first the hit asked about the question's rarest topic word, when the top one only
        mentions it in its answer ("qué división organiza el taller": divisions, not organiser).
        """
        if len(hits) < 2:
            return hits
        rare = [
            t.text
            for t in terms
            if t.text in self.vocab.index.topics
            and t.text not in self.vocab.not_topics
            and self.vocab.index.weight(t.text) >= _STRAY
        ]
        if not rare or all(self.vocab.index.owns(hits[0].entry, t) for t in rare):
            return hits
        for h in hits[1:]:
            if h.score >= THRESHOLD and all(self.vocab.index.owns(h.entry, t) for t in rare):
                return [h, *(x for x in hits if x is not h)]
        return hits

    def _where_confirmed(self, words: list[str], question: str, lang: str) -> Reply | None:
        """A confirmation of where things are that names venues and days only ("so everything
        is at the Grand Hotel except Monday, correct?", "na segunda é no campus e o resto da
        semana no hotel, é isso?"): the KB's answer to where the event is, else the built-in."""
        placed = self.reader.placed(words)
        if not any(placed):
            return None
        plain = self.vocab.not_topics | self.vocab.all_aspects | self.vocab.courtesy
        for i, w in enumerate(words):
            if placed[i] or w in STOPWORDS or w in TIME_NAMES or w in FEIRA_DAYS or w in ALL_WORDS:
                continue
            if w.isdigit() or w in self.vocab.confirm_words or w in self.vocab.filler:
                continue
            if self.vocab.index.normaliser.term(w) in plain:
                continue
            return None  # a topic, or a word the KB never uses: not only where things are
        asks_where = [tokens(p) for p in builtin_phrasings(lang).get("event:where", ())]
        for phrasing in asks_where:
            found = self.vocab.index.exact.get(" ".join(phrasing))
            if found is not None:
                return Reply(question, lang, "entry", found, 100.0)
        hits = self.vocab.index.search(
            t.text for p in asks_where[:1] for t in self.vocab.index.normaliser.terms(p)
        )
        if hits and hits[0].score >= THRESHOLD and self.kb.session(hits[0].entry) is None:
            return Reply(question, lang, "entry", hits[0].entry, hits[0].score)
        return self._builtin(question, lang, asks_where[0]) if asks_where else None

    def _wholly_asked(self, hit: Hit, words: list[str], text: str) -> bool:
        """True when a long sentence holds one of the entry's phrasings whole ("...a gente vai
        precisar de transporte do aeroporto, vocês oferecem traslado?"): its story's words
        dilute the score, not what it asks. (A message of several sentences is read sentence
        by sentence instead.)"""
        return (
            len(words) >= _STORY_WORDS
            and len(split_sentences(text)) <= 1
            and hit.closeness >= TUNING.whole
            and hit.coverage >= TUNING.whole_coverage
        )

    def _described(self, hits: list[Hit], topic: list[Term], words: list[str]) -> bool:
        """True when a where or when question's every topic word is in one dated session's
        text, far ahead of any other entry ("where do I pick up my badge?": the check-in,
        whose summary says "pick up your badge")."""
        if not self.vocab.place_time_words.intersection(words) or not self._clearly_a_session(hits):
            return False
        top = hits[0].entry
        return all(t.known and self.vocab.index.explains(top, t.text) for t in topic)

    def _session_first(self, hits: list[Hit], terms: list[Term], words: list[str]) -> list[Hit]:
        """Put first the session a where or when question names, when an FAQ about another
        of its sides ("how much is the gala dinner?") ranks just above it: "where is the gala
        dinner?" wants the dinner's place and time. The FAQ keeps its place when it owns a word
        of the question the session does not ("where do I buy the dinner ticket?"), or when it
        is itself about where or when and shares another word with the question; about when
        alone ("opening hours" owning "hora"), it yields to a session all the question's other
        words name ("¿a qué hora es la clausura?") scoring a share of it."""
        if len(hits) < 2 or self.kb.session(hits[0].entry) is not None:
            return hits
        asked = {
            self.vocab.index.normaliser.term(w) for w in words if w in self.vocab.place_time_words
        }
        top = hits[0]
        if not asked:
            return hits
        owned = [
            t.text
            for t in terms
            if t.known and t.text not in asked and self.vocab.index.owns(top.entry, t.text)
        ]
        # An FAQ about when or where itself ("opening hours") that shares no other word with
        # the question ("a qué hora es la clausura?") yields to the session the rest names.
        timed = any(self.vocab.index.owns(top.entry, a) for a in asked)
        if timed and any(t not in self.vocab.framing for t in owned):
            return hits
        named = [
            t.text
            for t in terms
            if t.known and t.text not in asked and t.text not in self.vocab.not_topics
        ]
        if timed and not named:
            return hits
        share = TUNING.hours_share if timed else TUNING.session_share
        for h in hits[1:]:
            if h.score < top.score * share:
                break
            if self.timetable.dated_session(h.entry) and all(
                self.vocab.index.owns(h.entry, t) for t in (named if timed else owned)
            ):
                return [h, *(x for x in hits if x is not h)]
        return hits

    def _session_by_topic(
        self, question: str, lang: str, terms: list[Term], words: list[str]
    ) -> Reply | None:
        """The session a question names when the rest of it only asks for one of its facts.

        "when is the git session?", "who teaches the Make class?": when, who and session say
        what is asked of the session, and every session answers them (date, time, room,
        speakers), so they are left out of the search for it.
        """
        term = self.vocab.index.normaliser.term
        # ...and "open", "end" of "when does registration open?".
        edges = {term(w) for w in words if w in self.vocab.day_start or w in self.vocab.day_end}
        aspects = self.vocab.session_aspects.get(lang, frozenset()) | edges
        # Unknown words that only name a kind of session ("la charla de rust") are left out too.
        topic = [
            t
            for t in terms
            if t.text not in aspects and (t.known or t.text not in self.vocab.index.light)
        ]
        if not topic or any(self.decider.unknown_topic(t) for t in topic):
            return None
        if all(t.text in self.vocab.framing for t in topic):
            return None  # only the event's own name is left: the event is asked about
        named = [t for t in topic if t.text not in self.vocab.generic_nouns]  # "la charla de rust"
        hits: list[Hit] = []
        if len(topic) < len(terms):  # the whole question was searched already
            hits = self.vocab.index.search(t.text for t in topic)
        if named and len(named) < len(topic) and (not hits or hits[0].score < THRESHOLD):
            hits = self.vocab.index.search(t.text for t in named)
        hits = self._worded_first(self._session_first(hits, topic, words), topic, words)
        if hits and hits[0].score < THRESHOLD and self._described(hits, topic, words):
            return Reply(question, lang, "entry", hits[0].entry, hits[0].score)
        if not hits or hits[0].score < THRESHOLD or self.kb.session(hits[0].entry) is None:
            return None
        if self.decider.stray(hits[0], topic, words, question) or self.decider.mostly_unknown(
            topic
        ):
            return None
        return Reply(question, lang, "entry", hits[0].entry, hits[0].score)

    def _ordinal_of(self, words: list[str], i: int) -> bool:
        """True when the word at i is an ordinal of the session or day after it ("the first
        talk", "the closing session"), not a session's own name ("the closing")."""
        if words[i] not in ORDINAL_DAYS:
            return False
        after = words[i + 1 : i + 3]
        return any(w in self.vocab.generic_nouns_raw or w in DAY_WORDS for w in after)

    def _worded_first(self, hits: list[Hit], topic: list[Term], words: list[str]) -> list[Hit]:
        """Of sessions that fit alike, first the one whose title holds the question's words as
        typed: "the opening" is the "Opening and keynote", not the workshop on "open models"."""
        if len(hits) < 2:
            return hits
        typed = {words[t.index] for t in topic}
        alike = [h for h in hits if h.score >= hits[0].score * _ALIKE]
        worded = next(
            (h for h in alike if typed <= self.vocab.title_words_of.get(h.entry, set())), None
        )
        return hits if worded is None else [worded, *(h for h in hits if h is not worded)]

    def _builtin(
        self, question: str, lang: str, words: list[str], rival: Hit | None = None
    ) -> Reply | None:
        """A greeting, thanks, help or the event's own facts, when no KB entry answered (or
        the `rival` entry matched only the event's name and not what the question asks)."""
        found = self.vocab.builtins.find(words, lang)
        if found is None:
            return None
        term = self.vocab.index.normaliser.term
        # The rival wins by owning what is asked, not only its question word ("when do I put
        # up my poster?" owns "when", not "when is the congress?").
        plain = self.vocab.aspects | self.vocab.session_aspects.get(lang, frozenset())
        # ...nor by a word that asks where or when ("onde fica", "dónde queda").
        owned = [
            w for w in found.asked if term(w) not in plain and w not in self.vocab.place_time_words
        ]
        owned += [w for w in words if w in self.vocab.index.normaliser.kept]  # "the final?"
        if (
            rival is not None
            and (
                rival.closeness >= _CLOSE
                or any(self.vocab.index.owns(rival.entry, term(w)) for w in owned)
            )
            # "who organises it?" asks who, not how to reach them ("write to the organisers")
            and not (
                found.aspect == "event:organiser"
                and self.vocab.who.intersection(words)
                and not self._names_organiser(rival.entry)
            )
        ):
            return None  # the KB's own entry says it: it wins
        suggestions = self.vocab.defaults if found.aspect == "help" else ()
        return Reply(
            question, lang, "entry", found.entry, found.score,
            suggestions=suggestions, aspect=found.aspect,
        )  # fmt: skip

    def _names_organiser(self, entry: str) -> bool:
        """True when an FAQ's answer names the organiser: "who organises it?" is answered by
        who, not by how to write to them ("contact the organisation at...")."""
        faq, organiser = self.kb.faq(entry), self.kb.event.organiser
        if faq is None or organiser is None:
            return True
        said = [fold(t) for t in faq.answer.values()]
        # The name as written, or its first part ("Comunidad X (a volunteer community...)").
        called = {fold(re.split(r"[(,;]", name)[0]).strip() for name in organiser.values()}
        return any(name and name in text for name in called for text in said)

    def _abstain(self, question: str, lang: str, hits: list[Hit]) -> Reply:
        score = hits[0].score if hits else 0.0
        suggested = self.decider.suggestions(hits)
        return Reply(question, lang, "abstain", None, score, suggestions=suggested)


_MORNING_AFTER = dt.time(TUNING.morning_after)
_QUOTED = re.compile(r'«([^»]{3,200})»|“([^”]{3,200})”|"([^"]{3,200})"|‘([^’]{3,200})’')


def manners_reply(
    kb: KnowledgeBase, question: str, lang: str, key: str, defaults: tuple[str, ...]
) -> Reply:
    """The reply to a greeting, thanks or a call for help: the KB's own entry of that id when
    it has one, else the built-in answer."""
    suggestions = defaults if key == "help" else ()
    if kb.faq(key) is not None:
        return Reply(question, lang, "entry", key, 100.0, suggestions=suggestions)
    return Reply(question, lang, "entry", key, 100.0, suggestions=suggestions, aspect=key)


def _back_to_day(sentence: str) -> bool:
    words = tokens(fold(sentence))
    return holds_pair(words, THAT_DAY)
