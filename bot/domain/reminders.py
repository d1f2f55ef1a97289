"""Day-before reminders: which subscriber is due for which event day, and what has changed.

Times are event-local (the knowledge base's time zone), never the machine's. A reminder for
day D is due at D-1 `reminder_at`; it may still go out, marked late, until the day begins
(its earliest known start time, else 00:00 because the programme publishes no times), and is
skipped after that. A session without a date of its own (a workshop's visit) is
reminded about with its parent, but its date and time stay "to be confirmed".
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from bot.domain.knowledge import KnowledgeBase, Session

DEFAULT_REMINDER_AT = dt.time(18, 0)
# Sweeps run every 30-60 s and 10,000 messages at 30/s take about 6 minutes, so a reminder
# sent within this grace is on time; one sent later (the bot was down) says it is late.
LATE_AFTER = dt.timedelta(minutes=15)


def reminder_time(kb: KnowledgeBase, override: dt.time | None = None) -> dt.time:
    """Return the event-local reminder time: the setting, else the knowledge base's, else 18:00."""
    if override is not None:
        return override
    if kb.event.reminder_at is not None:
        return kb.event.reminder_at
    return DEFAULT_REMINDER_AT


@dataclass(frozen=True)
class Subscription:
    user_id: int
    sessions: frozenset[str] | None = None  # None: every session, including ones added later

    @property
    def all_sessions(self) -> bool:
        return self.sessions is None

    def covers(self, session_id: str) -> bool:
        """Return whether this subscription asks for reminders about `session_id`."""
        return self.sessions is None or session_id in self.sessions


@dataclass(frozen=True)
class Subscriber:
    """A reachable user with a subscription: where and in which language to remind them."""

    subscription: Subscription
    chat_id: int
    language: str

    @property
    def user_id(self) -> int:
        return self.subscription.user_id


@dataclass(frozen=True)
class ReminderDay:
    day: dt.date
    due_at: dt.datetime
    begins_at: dt.datetime
    sessions: tuple[Session, ...]  # each dated session, followed by its undated parts


class Timing(enum.StrEnum):
    ON_TIME = "on_time"
    LATE = "late"  # due a while ago (the bot was down) but the day has not begun
    MISSED = "missed"  # the day has begun: record it as skipped, never send it


@dataclass(frozen=True)
class Due:
    subscriber: Subscriber
    day: ReminderDay
    sessions: tuple[Session, ...]
    timing: Timing


def reminder_days(kb: KnowledgeBase, reminder_at: dt.time) -> tuple[ReminderDay, ...]:
    """Return every event day with sessions, when its reminder is due and when the day begins."""
    tz = kb.event.tz
    days = sorted({s.date for s in kb.sessions if s.date is not None})
    result = []
    for day in days:
        dated = kb.sessions_on(day)
        ordered: list[Session] = []
        for session in dated:
            ordered.append(session)
            ordered += kb.undated_parts(session)
        first_start = min((s.start for s in dated if s.start is not None), default=dt.time.min)
        result.append(
            ReminderDay(
                day=day,
                due_at=dt.datetime.combine(day - dt.timedelta(days=1), reminder_at, tz),
                begins_at=dt.datetime.combine(day, first_start, tz),
                sessions=tuple(ordered),
            )
        )
    return tuple(result)


def timing(day: ReminderDay, now: dt.datetime) -> Timing | None:
    """Return how a reminder for `day` sent at `now` would be timed (None: not due yet)."""
    if now < day.due_at:
        return None
    if now >= day.begins_at:
        return Timing.MISSED
    return Timing.LATE if now >= day.due_at + LATE_AFTER else Timing.ON_TIME


def due_reminders(
    kb: KnowledgeBase,
    now: dt.datetime,
    reminder_at: dt.time,
    subscribers: Iterable[Subscriber],
    recorded: Collection[tuple[int, dt.date]],
) -> list[Due]:
    """Return the (subscriber, day) reminders due at `now` that `recorded` does not hold yet."""
    open_days = []
    for day in reminder_days(kb, reminder_at):
        when = timing(day, now)
        if when is not None:
            open_days.append((day, when))
    if not open_days:
        return []
    subscribers = list(subscribers)
    found = []
    for day, when in open_days:
        # Many subscribers share a choice of sessions: filter each distinct choice once.
        chosen: dict[frozenset[str] | None, tuple[Session, ...]] = {None: day.sessions}
        for subscriber in subscribers:
            if (subscriber.user_id, day.day) in recorded:
                continue
            wanted = subscriber.subscription.sessions
            sessions = chosen.get(wanted)
            if sessions is None and wanted is not None:
                sessions = chosen[wanted] = tuple(s for s in day.sessions if s.id in wanted)
            if sessions:
                found.append(Due(subscriber, day, sessions, when))
    return found


def session_group(kb: KnowledgeBase, session_id: str) -> frozenset[str]:
    """Return a session with its undated parts: what choosing it in a menu selects."""
    session = kb.session(session_id)
    parts = {s.id for s in kb.undated_parts(session)} if session is not None else set()
    return frozenset({session_id} | parts)


def upcoming(
    kb: KnowledgeBase, subscription: Subscription, now: dt.datetime, reminder_at: dt.time
) -> list[tuple[ReminderDay, tuple[Session, ...]]]:
    """Return each day not begun yet with the sessions a subscription is reminded about."""
    found = []
    for day in reminder_days(kb, reminder_at):
        chosen = tuple(s for s in day.sessions if subscription.covers(s.id))
        if chosen and now < day.begins_at:
            found.append((day, chosen))
    return found


def next_due(kb: KnowledgeBase, now: dt.datetime, reminder_at: dt.time) -> dt.datetime | None:
    """Return the next instant after `now` when a day's reminders come due (None: no more)."""
    later = [d.due_at for d in reminder_days(kb, reminder_at) if d.due_at > now]
    return min(later, default=None)


@dataclass(frozen=True)
class Fingerprint:
    """What a reminder announced about a session: its own date, times and venue."""

    date: dt.date | None
    start: dt.time | None
    end: dt.time | None
    venue: str | None


def fingerprint(session: Session) -> Fingerprint:
    """Return the date, times and venue a reminder about `session` announces."""
    return Fingerprint(session.date, session.start, session.end, session.venue)


@dataclass(frozen=True)
class Announced:
    """What a user was last told about a session."""

    user_id: int
    session_id: str
    fingerprint: Fingerprint


@dataclass(frozen=True)
class Change:
    user_id: int
    session: Session
    before: Fingerprint
    after: Fingerprint


def changed_sessions(
    kb: KnowledgeBase, announced: Iterable[Announced], today: dt.date | None = None
) -> list[Change]:
    """Return each session whose date, time or venue differs from what its user was told.

    Sessions removed from the knowledge base are left out (there is nothing to describe), and
    so are changes that only concern days before `today`.
    """
    current = {s.id: (s, fingerprint(s)) for s in kb.sessions}
    order = {s.id: i for i, s in enumerate(kb.sessions)}
    changes = []
    for told in announced:
        found = current.get(told.session_id)
        if found is None or found[1] == told.fingerprint:
            continue
        session, now = found
        dates = [d for d in (told.fingerprint.date, kb.session_date(session)) if d is not None]
        if today is not None and dates and max(dates) < today:
            continue
        changes.append(Change(told.user_id, session, told.fingerprint, now))
    return sorted(changes, key=lambda c: (c.user_id, order[c.session.id]))


def by_user(changes: Sequence[Change]) -> dict[int, tuple[Session, ...]]:
    """Group changed sessions by the user to tell, in programme order."""
    grouped: dict[int, list[Session]] = {}
    for change in changes:
        grouped.setdefault(change.user_id, []).append(change.session)
    return {user: tuple(sessions) for user, sessions in grouped.items()}
