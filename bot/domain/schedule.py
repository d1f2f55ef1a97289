"""What the programme holds for the time a question asks about."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.domain.dates import When, shift
from bot.domain.knowledge import KnowledgeBase, Session

# Words that only say "what is on" (so a question made of them and a day is a schedule question).
_SCHEDULE_TEXT = (
    "happen happens happening happened occur occurs occurred going on planned scheduled "
    "programmed plan plans agenda schedule programme program activity activities session "
    "sessions event events anything nothing pasa pasara pasando paso ocurre ocurrio ocurriendo "
    "sucede sucedio sucediendo toca tenemos hay algo nada programado programada "
    "programa actividad actividades sesion sesiones evento eventos plan planes cronograma "
    "where venue place donde lugar sede when cuando day dia time hora start begin end empieza "
    "comienza inicia termina acaba go goes going voy vamos ir come comes coming viene vienen "
    "morning afternoon evening night tonight noon early late temprano tarde noche mediodia last "
    "ultimo ultima miss missed perdi perdimos meeting meetings reunion reuniones"
)
SCHEDULE_WORDS = tuple(_SCHEDULE_TEXT.split())


@dataclass(frozen=True)
class Plan:
    """What the schedule says for a When: a day (or none) and its sessions, in order."""

    relative: str  # as When, plus "last-day" (next asked on the last day) and "ended"
    day: dt.date | None
    sessions: tuple[Session, ...]


def plan(kb: KnowledgeBase, when: When, now: dt.datetime) -> Plan:
    """Return what the schedule holds for `when`, asked at the event-local instant `now`."""
    today = now.date()
    if when.relative == "week" and when.day is not None:
        last = shift(when.day, 6)
        found = tuple(s for s in _dated(kb) if when.day <= (s.date or when.day) <= last)
        return Plan("week", when.day, found)
    if when.relative == "next":
        later = [s for s in _dated(kb) if _starts_after(s, now)]
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
    if day is None:
        return None
    dated = _dated(kb)
    that_way = [s for s in dated if ((s.date or day) - day).days * step > 0]
    if that_way:
        near = that_way[0].date if step > 0 else that_way[-1].date
        return Plan("next" if step > 0 else "", near, tuple(s for s in dated if s.date == near))
    monday = shift(day, -day.weekday())
    return Plan("week", monday, tuple(s for s in dated if (s.date or day) >= monday))


def _dated(kb: KnowledgeBase) -> list[Session]:
    dated = [s for s in kb.sessions if s.date is not None]
    return sorted(dated, key=lambda s: (s.date or dt.date.min, s.start or dt.time.min, s.id))


def _starts_after(session: Session, now: dt.datetime) -> bool:
    """True for a session on a later day, or later today when its start time is published."""
    if session.date is None:
        return False
    if session.date > now.date():
        return True
    return session.date == now.date() and session.start is not None and session.start > now.time()
