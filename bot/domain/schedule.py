"""What the programme holds for the time a question asks about."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.domain.clock_words import Clock
from bot.domain.dates import When, shift
from bot.domain.knowledge import KnowledgeBase, Session
from bot.domain.tuning import TUNING

_BACKGROUND = dt.timedelta(hours=TUNING.background_hours)  # runs beside the others
# Words that only say "what is on" (so a question made of them and a day is a schedule question).
_SCHEDULE_TEXT = (
    "happen happens happening happened occur occurs occurred going on planned scheduled "
    "programmed plan plans agenda schedule programme program activity activities session "
    "sessions event events anything nothing pasa pasara pasando paso ocurre ocurrio ocurriendo "
    "decorrer decorre decorrendo "
    "sucede sucedio sucediendo toca tenemos hay algo nada programado programada "
    "programa actividad actividades sesion sesiones evento eventos plan planes cronograma "
    "where venue place donde lugar sede when cuando day dia time hora start begin end empieza "
    "comienza inicia termina acaba go goes going voy vamos ir come comes coming viene vienen "
    "morning afternoon evening night tonight noon early late temprano tarde noche mediodia last "
    "ultimo ultima miss missed perdi perdimos meeting meetings reunion reuniones "
    "programacao acontece acontecendo atividade atividades sessao sessoes quando onde"
)
SCHEDULE_WORDS = tuple(_SCHEDULE_TEXT.split())


@dataclass(frozen=True)
class Plan:
    """What the schedule says for a When: a day (or none) and its sessions, in order."""

    relative: str  # as When, plus "last-day", "ended", "now", "at" and "window" (see at_clock)
    day: dt.date | None
    sessions: tuple[Session, ...]
    start: dt.time | None = None  # "at"/"window"/"now": the time asked about
    end: dt.time | None = None  # "window": its end (None: the end of the day)
    until: dt.date | None = None  # "range": its last day ("del 19 al 21")


def at_clock(kb: KnowledgeBase, day: dt.date, clock: Clock, now: dt.datetime) -> Plan | None:
    """What is on at a time of day ("at 11", "now") or in a part of it ("this afternoon").

    A point in time gets the sessions running then, else the next ones to start; a window the
    sessions that start in it or run into it. None when the day publishes no times (the
    day's listing answers instead).
    """
    timed = [s for s in kb.sessions_on(day) if s.start is not None]
    # A session of the day before that runs past midnight (22:00–02:00) is still on.
    spill = [s for s in kb.dated if s.overnight and s.end_date == day]
    if not timed and not spill:
        return None
    start = clock.start or now.time()
    late = [s for s in spill if s.end is not None and start < s.end]
    if late and not clock.window:
        return Plan("now" if clock.now else "at", day, tuple(late), start)
    if not timed:
        return None
    if clock.window:
        last = clock.end or dt.time.max
        if clock.part and day == now.date() and start < now.time() < last:
            start = now.time()  # "tonight", asked at 18:30: what has ended is not on tonight
        found = [s for s in timed if _overlaps(s, start, last)]
        return Plan("window", day, tuple(found), start, clock.end)
    running = [s for s in timed if runs_at(s, start)]
    if clock.either and not running:
        pm = dt.time(start.hour + 12, start.minute)  # "what's at 2:30?" on an afternoon
        running = [s for s in timed if runs_at(s, pm)]
        start = pm if running else start
    if running:
        return Plan("now" if clock.now else "at", day, tuple(running), start)
    later = [s for s in timed if s.start is not None and s.start >= start]
    if not later:
        return Plan("next", None, ()) if clock.now else Plan("at", day, (), start)
    first = later[0].start
    return Plan(
        "next" if clock.now else "at", day, tuple(s for s in later if s.start == first), start
    )


def runs_at(s: Session, t: dt.time) -> bool:
    """True when the session is on at t (a session with no end only at its start)."""
    if s.start is None:
        return False
    if s.end is None:
        return s.start == t
    return s.start <= t if s.overnight else s.start <= t < s.end


def _overlaps(s: Session, first: dt.time, last: dt.time) -> bool:
    if s.start is None:
        return False
    still_on = s.end is not None and (s.overnight or s.end > first)
    return first <= s.start < last or (s.start < first and still_on)


def plan(kb: KnowledgeBase, when: When, now: dt.datetime) -> Plan:
    """Return what the schedule holds for `when`, asked at the event-local instant `now`."""
    today = now.date()
    if when.until is not None and when.day is not None:  # "what's on from the 20th to the 22nd?"
        found = tuple(s for s in kb.dated if when.day <= (s.date or when.day) <= when.until)
        return Plan("range", when.day, found, until=when.until)
    if when.relative == "week" and when.day is not None:
        last = shift(when.day, 6)
        found = tuple(s for s in kb.dated if when.day <= (s.date or when.day) <= last)
        return Plan("week", when.day, found)
    if when.relative == "next":
        later = [s for s in kb.dated if _starts_after(s, now)]
        if later:
            first_day = later[0].date
            return Plan("next", first_day, tuple(s for s in later if s.date == first_day))
        todays = kb.sessions_on(today)
        if todays:
            return Plan("last-day", today, todays)
        return Plan("ended", None, ())
    day = when.day or today
    relative = "today" if when.relative == "now" else when.relative
    return Plan(relative, day, kb.sessions_on(day))


def following(kb: KnowledgeBase, entry: str, step: int = 1) -> Plan | None:
    """What comes after session `entry` ("what's after the keynote?"), or before it when `step`
    is negative: the nearest dated day's sessions that way, or the whole week when there is none.
    None when `entry` is no dated session.
    """
    session = kb.session(entry)
    day = kb.session_date(session) if session else None
    if day is None or session is None:
        return None
    dated = kb.dated
    same_day = _beside(session, [s for s in dated if s.date == day and s.id != session.id], step)
    if same_day:
        return Plan("after" if step > 0 else "before", day, same_day)
    that_way = [s for s in dated if ((s.date or day) - day).days * step > 0]
    if that_way:
        near = that_way[0].date if step > 0 else that_way[-1].date
        return Plan("next" if step > 0 else "", near, tuple(s for s in dated if s.date == near))
    if session.overnight and step > 0:  # the night's last: nothing follows it
        return Plan("after", day, ())
    monday = shift(day, -day.weekday())
    return Plan("week", monday, tuple(s for s in dated if (s.date or day) >= monday))


def _beside(session: Session, others: list[Session], step: int) -> tuple[Session, ...]:
    """The sessions of the same day that come right after (or before) one with a start time."""
    if session.start is None:
        return ()
    if step > 0:
        if session.overnight:  # it ends after midnight: nothing of its day comes after it
            return ()
        edge = session.end or session.start
        later = [s for s in others if s.start is not None and s.start >= edge]
        starts = sorted({s.start for s in later if s.start is not None})
        # Sessions that run for hours (an expo, a registration desk) starting first are no
        # more what comes next than the talks starting after them: those come along.
        shown = starts[:1]
        if len(starts) > 1 and all(_lasts(s) for s in later if s.start == starts[0]):
            shown = starts[:2]
        return tuple(s for s in later if s.start in shown)
    earlier = [s for s in others if s.start is not None and s.start < session.start]
    last = earlier[-1].start if earlier else None
    return tuple(s for s in earlier if s.start == last)


def _lasts(session: Session) -> bool:
    """True for a session that runs for hours (see TUNING.background_hours)."""
    length = session.length
    return length is not None and not session.overnight and length >= _BACKGROUND


def _starts_after(session: Session, now: dt.datetime) -> bool:
    """True for a session on a later day, or later today when its start time is published."""
    if session.date is None:
        return False
    if session.date > now.date():
        return True
    return session.date == now.date() and session.start is not None and session.start > now.time()


def missed(kb: KnowledgeBase, day: dt.date, at: dt.time | None, leaving: bool) -> Plan:
    """What someone arriving on `day` (at `at`) misses, or leaving then misses after it."""
    dated = kb.dated
    moment = (day, at or (dt.time.max if leaving else dt.time.min))

    def when(s: Session) -> tuple[dt.date, dt.time]:
        # With a time of arrival or departure ("Monday night"), a session with no published
        # time is taken to start at noon, as `caught` takes it; without one, it is not missed.
        unknown = _NOON if at is not None else (dt.time.min if leaving else dt.time.max)
        return (s.date or day, s.start or unknown)

    if leaving:
        found = [s for s in dated if when(s) >= moment and (s.date != day or at is not None)]
        found += [s for s in dated if at is None and s.date is not None and s.date > day]
        found = sorted(set(found), key=dated.index)
    else:
        found = [s for s in dated if when(s) < moment]
    if at is not None:  # in the order they are taken to happen: an untimed one at noon
        found = sorted(found, key=lambda s: (s.date or day, s.start or _NOON))
    return Plan("missed", day, tuple(found), at)


def caught(
    kb: KnowledgeBase,
    arrival: tuple[dt.date, dt.time | None] | None,
    departure: tuple[dt.date, dt.time | None] | None,
) -> Plan:
    """What someone there from `arrival` until `departure` (a day, maybe a time) can attend.

    A session with no published time is taken to start at noon: it counts on the arrival day
    when the arrival is no later, on the departure day when the departure is later.
    """
    found = []
    for s in kb.dated:
        day, start = s.date or dt.date.min, s.start or _NOON
        if arrival is not None:
            first, at = arrival
            if day < first or day == first and at is not None and start < at:
                continue
        if departure is not None:
            last, at = departure
            if day > last or day == last and at is not None and start >= at:
                continue
        found.append(s)
    found.sort(key=lambda s: (s.date or dt.date.min, s.start or _NOON))  # untimed: at noon
    moment = arrival or departure
    return Plan("catch", moment[0] if moment else None, tuple(found), moment[1] if moment else None)


_NOON = dt.time(12)  # when a session with no published time is taken to start


def edge(kb: KnowledgeBase, day: dt.date, last: bool) -> Plan | None:
    """The day's first or last session(s), when the day publishes start times."""
    timed = [s for s in kb.sessions_on(day) if s.start is not None]
    if not timed:
        return None
    if last:
        final = max(_finish(s) for s in timed)
        return Plan("", day, tuple(s for s in timed if _finish(s) == final))
    first = timed[0].start
    return Plan("", day, tuple(s for s in timed if s.start == first))


def _finish(s: Session) -> tuple[bool, dt.time]:
    """Order sessions by when they end; one past midnight ends after every other of its day."""
    return (s.overnight, s.end or s.start or dt.time.min)
