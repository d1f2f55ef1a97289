"""Timetable answers: what is on when, composed from the programme the knowledge base holds.

Part of the matcher's answering stage. From a day, a time of day or a part of the day, a room or
track, a speaker, a session stepped from ("what's after the keynote?", "after lunch"), the first
or last of a day, or a trip ("I arrive on the 20th, what do I miss?"), it picks the sessions
that answer as a Plan; the matcher turns that into a reply. Every session, room, track and
speaker comes from the KB.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from bot.domain.clock_words import Clock
from bot.domain.cues import AFTER_WORDS, SESSION_NOUNS, asks_next, session_step
from bot.domain.date_words import NEXT_WORD, ORDINAL_DAYS, PRIOR_WORD, THAT_DAY
from bot.domain.dates import When, mark_numeric_dates
from bot.domain.index import Hit
from bot.domain.knowledge import KnowledgeBase, Session
from bot.domain.lang import words_of
from bot.domain.language import (
    fold,
    holds_pair,
    holds_run,
    names,
    stem,
    tokens,
    without_asides,
)
from bot.domain.lexicon import STOPWORDS
from bot.domain.reading import Reader
from bot.domain.schedule import Plan, at_clock, caught, edge, following, missed, plan, runs_at
from bot.domain.sentences import asking_words, asks, split_sentences
from bot.domain.terms import Term
from bot.domain.tuning import TUNING
from bot.domain.vocabulary import Vocabulary, strand_key

THRESHOLD = TUNING.threshold  # below this score the matcher abstains
_DAY_POOL = TUNING.day_pool
_DAY_FLOOR = TUNING.day_floor
_DAY_SHARE = TUNING.day_share
_STORY_WORDS = TUNING.story_words
_FIRST_NAME = TUNING.first_name
_LUNCH_END = dt.time(TUNING.lunch_end)
_VEHICLE_REACH = TUNING.vehicle_reach
_ANY_KIND = words_of("DAY_SESSION_NOUNS")  # "session", "actividad": no kind of session
_ALIKE = TUNING.alike  # sessions scoring this close fit alike


class Timetable:
    """Plans of sessions that answer a time question, for one KB."""

    def __init__(self, kb: KnowledgeBase, vocab: Vocabulary, reader: Reader) -> None:
        self.kb = kb
        self.vocab = vocab
        self.reader = reader
        # Sessions shown more than once under one title ("Coffee break" each day, "Sal y
        # cenizas" and "Sal y cenizas (segunda función)"): each one's showings, in order.
        by_title: dict[tuple[str, ...], list[Session]] = {}
        for s in kb.sessions:
            if s.date is not None:
                by_title.setdefault(_core(s), []).append(s)
        self._showings = {
            s.id: tuple(sorted(same, key=lambda s: (s.date or dt.date.min, s.start or dt.time.min)))
            for same in by_title.values()
            if len(same) > 1
            for s in same
        }
        # ...and the words of each one's note in brackets ("segunda función"), which name it.
        self._apart = {
            s.id: frozenset(w for t in s.title.values() for w in tokens(fold(t)))
            - _core_words(s)
            - STOPWORDS
            for s in kb.sessions
            if s.id in self._showings
        }

    def stated_days(self, words: list[str], today: dt.date) -> list[dt.date]:
        """Every day a sentence names ("Tuesday to Thursday, 14 to 16 September")."""
        found: list[dt.date] = []
        left = list(words)
        for _ in range(4):
            when = self.vocab.dates.read(left, today)
            if when is None or when.day is None or when.relative == "week":
                break
            found += [d for d in (when.day, when.until) if d is not None and d not in found]
            left = ["the" if i in when.consumed else w for i, w in enumerate(left)]
        return found

    def strand(
        self, words: list[str], topical: list[Term], when: When, clock: Clock | None,
        local: dt.datetime, lang: str,
    ) -> Plan | None:  # fmt: skip
        """What is on in one room or track at the time asked ("o que tem na sala Tietê amanhã
        de manhã?", "the next talk in the mobile track"), when the question asks nothing else."""
        named = [self.vocab.strand_of[w] for w in words if w in self.vocab.strand_of]
        place = {i for i, w in enumerate(words) if w in self.vocab.strand_any}
        stepped = session_step(words, self.vocab.session_words) != 0
        if stepped and any(words[i] in self.vocab.title_words for i in place):
            return None  # "after the poster session": a step from that session, not its room
        if not named:  # else a venue ("what's on at the hotel on Tuesday?")
            named = [self.vocab.venue_strand[w] for w in words if w in self.vocab.venue_strand]
            place = {i for i, w in enumerate(words) if w in self.vocab.venue_strand}
        if not named:
            return None
        # Of two rooms, the one named last is asked about ("I'm in the foyer: what's on in
        # room B?"); the other only says where the asker is.
        key = named[-1]
        plain = self.vocab.generic_nouns | self.vocab.session_aspects.get(lang, frozenset())
        if key.startswith("venue:"):  # beside a venue, any other word names the topic ("the
            plain = frozenset(  # workshop", "a hotel room"), but for sessions in the plural
                t.text
                for t in topical
                if t.text in self.vocab.generic_nouns and stem(words[t.index]) != words[t.index]
            )
        if any(t.known and not t.within(frozenset(place)) and t.text not in plain for t in topical):
            return None  # a topic beside the room: the topic's session answers
        kind = key.split(":", 1)[0]
        local_kb = replace(
            self.kb, sessions=tuple(s for s in self.kb.sessions if self._in(s, key, kind))
        )
        if clock is not None and when.day is not None and when.relative != "week":
            found = at_clock(local_kb, when.day, clock, local)
            if found is not None and found.sessions:
                return found
        found = plan(local_kb, when, local)
        # "who gives the accessibility keynote on Friday?": the one keynote of that track then.
        nouns = {w for w in words if w in SESSION_NOUNS and stem(w) == w}
        one = [
            s for s in found.sessions
            if nouns & {w for t in s.title.values() for w in tokens(t)}
        ]  # fmt: skip
        if nouns and len(one) == 1:
            return replace(found, sessions=(one[0],))
        rank = next((ORDINAL_DAYS[w] for w in words if ORDINAL_DAYS.get(w) in (0, -1)), None)
        if rank is not None and found.sessions and found.relative != "week":
            return replace(found, sessions=(found.sessions[rank],))  # "the last mobile talk"
        return found if found.sessions else None

    def _in(self, session: Session, key: str, kind: str) -> bool:
        if kind == "venue":
            venue = self.kb.session_venue(session)
            return venue is not None and key == f"venue:{venue.id}"
        called = self.kb.session_room(session) if kind == "room" else session.track
        return called is not None and strand_key(kind, called) == key

    def track(self, words: list[str]) -> Plan | None:
        """The sessions of a track the question names with a track word ("what's in the data
        science track?", "charlas del eje de producto"), in programme order."""
        if not any(w in self.vocab.track_words for w in words):
            return None
        asked = set(words)
        for called, sessions in self.vocab.tracks.items():
            if any(set(n) <= asked for n in called):
                return Plan("track", None, sessions)
        # Else the one track most of whose name's content words the question holds, two at
        # least ("the data science track" for "Data Science and Society").
        found: list[tuple[float, tuple[Session, ...]]] = []
        for called, sessions in self.vocab.tracks.items():
            best = 0.0
            for name in called:
                content = {w for w in name if w not in STOPWORDS}
                held = len(content & asked)
                if held >= 2 and held * 2 > len(content):
                    best = max(best, held / len(content))
            if best:
                found.append((best, sessions))
        found.sort(key=lambda f: -f[0])
        if found and (len(found) == 1 or found[0][0] > found[1][0]):
            return Plan("track", None, found[0][1])
        return None

    def speaker(self, words: list[str], terms: list[Term], text: str, lang: str) -> Plan | None:
        """All the sessions of a speaker the question names ("talks by Ana Pérez", "¿qué
        presenta Julián?") when it asks nothing else of them; one session is a plain entry."""
        asked = set(words)
        capitalised = names(text)
        for name, sessions in self.vocab.speakers.items():
            full = set(name) <= asked
            # A first name alone, when one speaker has it: capitalised, or long enough not to
            # be a common word ("hannah", not "will").
            called = name[0] in capitalised or len(name[0]) >= _FIRST_NAME
            first = called and name[0] in asked and self.vocab.first_names[name[0]] == 1
            if len(sessions) < 2 or not (full or first):
                continue
            aspects = self.vocab.session_aspects.get(lang, frozenset())
            rest = [
                t
                for t in terms
                if words[t.index] not in name
                and t.text not in aspects
                and not (t.text in self.vocab.index.light and not t.known)
                and t.text not in self.vocab.framing
                and t.text not in self.vocab.generic_nouns
            ]
            # The speaker's own affiliation ("Ana Pérez da Universidade X") says who, not what; in
            # a long message, words the KB never uses are the asker's story ("meu chefe
            # perguntou..."), not another topic.
            own = self.vocab.affiliations.get(name, frozenset())
            rest = [t for t in rest if words[t.index] not in own]
            if len(words) >= _STORY_WORDS:  # known as typed, not only as a repaired typo
                term = self.vocab.index.normaliser.term
                rest = [t for t in rest if t.known and term(words[t.index]) == t.text]
            if not rest:
                return Plan("speaker", None, sessions)
        return None

    def anchor(self, hits: list[Hit], words: list[str], when: When, local: dt.datetime) -> str:
        """The session a question steps from ("after lunch on Saturday", "antes do keynote de
        sábado"): of the sessions it names well enough, the one on the day it states, else the
        namesake meant (see _namesake)."""
        steps = {NEXT_WORD, PRIOR_WORD}
        days = self.stated_days([w if w not in steps else "the" for w in words], local.date())
        if days:
            floor = max(_DAY_FLOOR, hits[0].score * _DAY_SHARE)
            on_day = {s.id for day in days for s in self.kb.sessions_on(day)}
            named = [h for h in hits if h.score >= floor and h.entry in on_day]
            if named:
                return named[0].entry
            when = When("", days[0], when.consumed)
        # A step is taken from a session: an FAQ about the same thing ("what size is a
        # poster?") yields to the session it names well enough ("after the poster session").
        floor = max(_DAY_FLOOR, hits[0].score * _DAY_SHARE)
        dated = [h for h in hits if h.score >= floor and self.dated_session(h.entry)]
        # Sessions that fit alike ("Cusco: coffee break", "Arequipa: coffee break"): today's.
        alike = [h for h in dated if h.score >= dated[0].score * _ALIKE]
        today = [h for h in alike if self._date_of(h.entry) == local.date()]
        return self._namesake((today or dated or hits)[0].entry, when, local)

    def _date_of(self, entry: str) -> dt.date | None:
        session = self.kb.session(entry)
        return self.kb.session_date(session) if session is not None else None

    def dated_session(self, entry: str) -> bool:
        session = self.kb.session(entry)
        return session is not None and self.kb.session_date(session) is not None

    def rest_of(self, local: dt.datetime) -> Plan | None:
        """What remains of today from now ("what's left today?"): the sessions not over yet, a
        session without a published time included (it may still be on). None on a day of no
        session: the day's own answer says so."""
        day, now = local.date(), local.time()
        todays = self.kb.sessions_on(day)
        if not todays:
            return None
        left = tuple(s for s in todays if s.overnight or (s.end or s.start or dt.time.max) > now)
        return Plan("catch", day, left)

    def namesake(self, entry: str, words: list[str], when: When | None, local: dt.datetime) -> str:
        """The session meant of those shown under one title ("Sal y cenizas", "Sal y cenizas
        (segunda función)"), when the words name none of them apart (see _namesake)."""
        if entry not in self._showings or self._apart[entry].intersection(words):
            return entry  # one shown once, or "the second screening of..."
        return self._namesake(entry, when or When(""), local)

    def _namesake(self, entry: str, when: When, local: dt.datetime) -> str:
        """Of sessions sharing a title ("Coffee break" each day), the one meant: on the day
        asked, else the one running now or next today, else the last one before now."""
        same = self._showings.get(entry, ())
        if not same:
            return entry
        if when.day is not None and when.relative not in ("next", "now", "week"):
            return next((s.id for s in same if s.date == when.day), entry)
        today = [s for s in same if s.date == local.date()]
        now = local.time()
        running = [s for s in today if s.end is not None and runs_at(s, now)]
        later = [s for s in today if (s.start or dt.time.min) > now]
        if today:  # today's: the one on now, else the next, else the last ("just had coffee")
            return (running or later or today[-1:])[0].id
        coming = [s for s in same if (s.date or dt.date.min) > local.date()]
        return (coming[0] if coming else same[-1]).id

    def _trip_day(self, today: dt.date, timed: bool, arriving: bool) -> dt.date:
        """The day of an arrival or departure asked with a time and no day ("I arrive at 11"):
        before the event, its first day for an arrival, its last for a departure (today's 11:00
        a week before misses nothing); else today."""
        event = self.kb.event
        if not timed or today >= event.start_date:
            return today
        return event.start_date if arriving else event.end_date

    def stay(
        self, question: str, words: list[str], terms: list[Term], when: When, clock: Clock | None,
        local: dt.datetime, lang: str, catching: bool, arriving: bool,
    ) -> Plan:  # fmt: skip
        """What someone arriving or leaving on the day asked misses ("I land on the 20th, what
        do I miss?") or can still attend ("...what will I still catch?"), of the topic asked
        when the question names one ("which mobile talks do I miss?")."""
        at = clock.start if clock is not None and not clock.now else None
        # A day read from the time's own words ("I arrive at 11") is only today by default.
        dayed = clock is None or not when.consumed <= clock.consumed
        day = (when.day if dayed else None) or self._trip_day(
            local.date(), at is not None, arriving
        )
        stepped = session_step(words, self.vocab.session_words) > 0
        vehicle = clock is not None and self._vehicle_time(words, clock)
        if at is not None and stepped and vehicle:
            at = None  # "right after the closing, my flight leaves at 18:00": the closing's end
        if at is None and stepped:  # "after lunch on Friday"
            trip = (
                self.vocab.leave
                | self.vocab.arrive
                | self.vocab.miss
                | self.vocab.missed
                | self.vocab.catch
            )
            candidates = [
                t
                for t in terms
                if not t.within(when.consumed | self.reader.ride(words))
                and words[t.index] not in trip
            ]  # the trip's own words ("leave", "miss") say nothing of the session stepped from
            # ...and the words right after "after" name it ("after lunch. Which sessions...?").
            naming = _stepped_from(candidates, words)
            hits = self.vocab.index.search((t.text for t in naming or candidates), limit=_DAY_POOL)
            anchor = self.kb.session(self.anchor(hits, words, when, local)) if hits else None
            if anchor is not None and anchor.date == day and anchor.end is not None:
                at = anchor.end
                # The session stepped from is no topic of what is missed ("...after lunch":
                # not the lunches).
                stepped_from = {t.index for t in terms if self.vocab.index.owns(anchor.id, t.text)}
                when = replace(when, consumed=when.consumed | stepped_from)
        if not self.vocab.lunch_sessions and self._after_meal(words) and (at is None or vehicle):
            at = _LUNCH_END  # "I leave right after lunch" where the programme has no lunch
        if not catching:
            if not arriving:  # "here for Monday, I fly back on Tuesday early": the leaving day
                gone = next((i for i, w in enumerate(words) if w in self.vocab.leave), 0)
                then = self.vocab.dates.read(words[gone:], local.date()) if gone else None
                if then is not None and then.day and then.day != day:
                    day = then.day
                    later = clock is not None and min(clock.consumed) > gone
                    at = at if later else None
            found = missed(self.kb, day, at, not arriving)
        else:
            gone = next((i for i, w in enumerate(words) if w in self.vocab.leave), 0)
            first = self.vocab.dates.read(words[:gone], local.date()) if arriving and gone else None
            last = self.vocab.dates.read(words[gone:], local.date()) if first is not None else None
            if first is not None and first.day and last is not None and last.day:
                late = clock is not None and min(clock.consumed) > gone  # the time's side
                arrival, departure = (None, at) if late else (at, None)
                found = caught(self.kb, (first.day, arrival), (last.day, departure))
            elif arriving:  # "...what can I still see that day?": until that day's end
                that_day = holds_pair(words, THAT_DAY)
                found = caught(self.kb, (day, at), (day, None) if that_day else None)
                # "I get there on Thursday night. What can I catch on Friday?": that later day.
                asked_day = self._asked_day(question, local.date())
                if asked_day is not None and asked_day > day:
                    kept = tuple(s for s in found.sessions if s.date == asked_day)
                    found = replace(found, sessions=kept)
            else:  # leaving: what is still on from now until then
                now = (
                    (local.date(), local.time())
                    if local.date() >= self.kb.event.start_date
                    else None
                )
                found = caught(self.kb, now, (day, at))
        used = when.consumed | (clock.consumed if clock is not None else frozenset())
        # The topic is the asking sentences' ("I work in AI... what will I miss?" asks all;
        # "...ainda pego a festa de frevo? que horas acaba?" asks of the party).
        asking = asking_words(question)
        asked = set().union(*asking) if asking else set(words)
        plain = (
            self.vocab.not_topics
            | self.vocab.generic_nouns
            | self.vocab.session_aspects.get(lang, frozenset())
        )
        used |= self.reader.ride(words)
        topic = [
            t.text
            for t in terms
            if t.known and t.text in self.vocab.index.topics and not t.within(used)
            and t.text.isalpha() and words[t.index] in asked
            and t.text not in plain and t.text not in self.vocab.index.light
        ]  # fmt: skip
        kept = tuple(
            s for s in found.sessions if any(self.vocab.index.owns(s.id, t) for t in topic)
        )
        if topic and not kept:  # "I leave at 6pm, will I miss the awards?" (at 17:30): no
            hits = self.vocab.index.search(topic)
            named = self.kb.session(hits[0].entry) if hits and hits[0].score >= THRESHOLD else None
            if named is not None:  # (an undated one: its entry says when it will be known)
                return Plan("", named.date, (named,))
        return self.of_kind(replace(found, sessions=kept) if kept else found, words)

    def past_lunch(self, words: list[str], when: When | None, local: dt.datetime) -> Plan | None:
        """What is on after lunch ("what's after lunch?", "o que tem depois do almoço?") in a
        programme without a lunch of its own: the day's sessions from the usual end of lunch,
        or all of that day's when it publishes no times. None when the programme has a lunch
        (a step from that session answers) or the question is not after lunch."""
        if when is not None and when.relative not in ("next", "", "today", "tomorrow"):
            return None
        meal = self._after_meal(words)
        if not meal:
            return None
        day = (when.day if when is not None else None) or local.date()
        if self.vocab.lunch_sessions:
            titled = {
                w for s in self.vocab.lunch_sessions for t in s.title.values() for w in tokens(t)
            }
            if meal & titled:
                return None  # "after lunch" names the session: a step from it answers
            # "después de comer" beside a session called "Comida": what follows that day's.
            lunch = next((s for s in self.vocab.lunch_sessions if s.date and s.date >= day), None)
            return following(self.kb, lunch.id) if lunch is not None else None
        found = at_clock(self.kb, day, Clock(_LUNCH_END, None, window=True), local)
        if found is not None and found.sessions and found.day == day:
            return found
        listed = plan(self.kb, When("", day), local)
        return listed if listed.sessions else None

    def _after_meal(self, words: list[str]) -> set[str]:
        """The lunch words of "after lunch", "depois do almoço" (none if not asked after it)."""
        return {
            m for i, w in enumerate(words) if w in AFTER_WORDS
            for m in self.vocab.lunch_words.intersection(words[i + 1 : i + 3])
        }  # fmt: skip

    def _vehicle_time(self, words: list[str], clock: Clock) -> bool:
        """True when the time read is a vehicle's ("mi vuelo sale a las 18:00", "my train is
        at 6"): a way of travelling a few words before it."""
        first = min(clock.consumed)
        return any(
            w in self.vocab.builtins.travel for w in words[max(0, first - _VEHICLE_REACH) : first]
        )

    def _asked_day(self, question: str, today: dt.date) -> dt.date | None:
        """The day the last asking sentence of a message of several names, else None."""
        sentences = split_sentences(question)
        asking = [s for s in sentences if asks(s)]
        if len(sentences) < 2 or not asking:
            return None
        when = self.vocab.dates.read(tokens(mark_numeric_dates(fold(asking[-1]))), today)
        return when.day if when is not None else None

    def of_kind(self, p: Plan, words: list[str]) -> Plan:
        """Of a listing, the sessions of the kind the question names when the programme's
        titles use that noun ("which symposia on Wednesday?": the day's symposia)."""
        kinds = {
            self.vocab.index.normaliser.term(w)
            for w in words
            if w in SESSION_NOUNS and stem(w) not in _ANY_KIND  # "which sessions": any kind
        }
        kept = tuple(s for s in p.sessions if kinds & self.vocab.title_terms.get(s.id, frozenset()))
        return replace(p, sessions=kept) if kept else p

    def room_spots(self, question: str, words: list[str]) -> frozenset[int]:
        """Where the question names a room by its whole name ("sala", "3" in "na sala 3"), as
        written: the reader's words may say a room word's meaning instead ("sala": where)."""
        said = tokens(fold(question))
        words = said if len(said) == len(words) else words
        return frozenset(
            i + k
            for run in self.vocab.room_of_run
            for i in range(len(words) - len(run) + 1)
            if tuple(words[i : i + len(run)]) == run
            for k in range(len(run))
        )

    def in_room(self, p: Plan, question: str, spots: frozenset[int]) -> Plan:
        """Of a listing, the sessions in the room whose whole name the question holds ("o que há
        na sala 3 depois do almoço?": of the sessions in parallel then, Sala 3's); of two, the
        one the asking sentence names ("...na sala 2? tenho de escolher entre isso e a sala 1")."""
        if len(p.sessions) < 2 or not spots:  # (spots: see room_spots)
            return p
        asking = asking_words(question)
        for said in [*asking, tokens(fold(question))]:
            kept = tuple(
                s
                for s in p.sessions
                if (room := self.kb.session_room(s))
                and any(holds_run(said, tuple(tokens(name))) for name in room.values())
            )
            if kept:
                return replace(p, sessions=kept)
        return p

    def edge(self, words: list[str], when: When) -> Plan | None:
        """The first or last session of the day asked, for "when does day 3 end/start?"."""
        if when.day is None or when.relative in ("week", "next"):
            return None
        if any(w in self.vocab.day_end for w in words):
            return edge(self.kb, when.day, last=True)
        if any(w in self.vocab.day_start for w in words):
            return edge(self.kb, when.day, last=False)
        return self.ordinal_edge(words, when)

    def ordinal_edge(self, words: list[str], when: When) -> Plan | None:
        """The first or last session of the day asked ("the last talk on Tuesday")."""
        if when.day is None or when.relative in ("week", "next"):
            return None
        for w, after in zip(words, words[1:], strict=False):
            if ORDINAL_DAYS.get(w) in (0, -1) and after in self.vocab.generic_nouns_raw:
                last = ORDINAL_DAYS[w] == -1
                # A talk has speakers: registration and the coffee break are no "first talk".
                given = [s for s in self.kb.sessions_on(when.day) if s.speakers and s.start]
                if given and after in self.vocab.talk_nouns:
                    return Plan("", when.day, (given[-1] if last else given[0],))
                return edge(self.kb, when.day, last=last)
        return None

    def at_clock(self, when: When, clock: Clock | None, local: dt.datetime) -> Plan | None:
        """The sessions at the time of day asked, when the day has published times."""
        if clock is None or when.day is None or when.relative == "week":
            return None
        found = at_clock(self.kb, when.day, clock, local)
        if found is not None and found.relative == "next" and found.day is None:
            return plan(self.kb, When("next"), local)  # nothing more today: the next day's
        return found

    def next_of_current(
        self, hits: list[Hit], sought: list[Term], words: list[str], dated: list[str], when: When,
        local: dt.datetime,
    ) -> Plan | None:  # fmt: skip
        """What follows the session a question names when it asks what is next in general ("estou
        no almoço agora, qual é a próxima atividade?"): the asker is at that session."""
        if when.relative not in ("now", "next", "") or not asks_next(words):
            return None
        if all(t.text in self.vocab.generic_nouns for t in sought):
            return None  # no session named: the next one from now (see plan)
        floor = max(_DAY_FLOOR, hits[0].score * _DAY_SHARE) if hits else 0.0
        if not hits or hits[0].score < floor or not self.dated_session(hits[0].entry):
            return None
        return following(self.kb, self.anchor(hits, dated, when, local), 1)


def _stepped_from(terms: list[Term], words: list[str]) -> list[Term]:
    """The terms that name the session stepped from: the first after "after" (two words on at
    most) and those next to it ("after the coffee break. Which sessions..." -> coffee, break)."""
    steps = [i for i, w in enumerate(words) if w in AFTER_WORDS]
    first = next((t for t in terms if any(0 < t.index - i <= 2 for i in steps)), None)
    if first is None:
        return []
    named = [first]
    for t in terms:
        if t.index == named[-1].index + named[-1].size:
            named.append(t)
    return named


def _core(session: Session) -> tuple[str, ...]:
    """A session's titles without their notes in brackets: one film's showings share it."""
    return tuple(without_asides(t).casefold() for t in session.title.values())


def _core_words(session: Session) -> set[str]:
    return {w for t in _core(session) for w in tokens(fold(t))}
