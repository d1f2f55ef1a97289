"""Session feedback: when each session's request is due, who gets it, and what came back.

A request for a session is due at its end time when the knowledge base gives one, else at the
feedback time (event-local, default 19:00) on the session's day. A request that came due while
the bot was down still goes out up to 12 hours late (the next morning), then is skipped: by then
the session is no longer fresh, and a new subscriber is not asked about yesterday's sessions.
A session without a date of its own (the date is "to be confirmed") gets no request: nobody
knows whether it took place.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from bot.domain.knowledge import KnowledgeBase, Session
from bot.domain.reminders import Subscriber

COMMENT_WINDOW = dt.timedelta(minutes=10)
TOO_LATE = dt.timedelta(hours=12)  # after this a request due while the bot was down is skipped
RATINGS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class FeedbackDue:
    subscriber: Subscriber
    session: Session
    missed: bool = False  # due more than TOO_LATE ago: record it as skipped, never send it

    @property
    def key(self) -> tuple[int, str]:
        return (self.subscriber.user_id, self.session.id)


def due_at(kb: KnowledgeBase, session: Session, feedback_at: dt.time) -> dt.datetime | None:
    """Return when the request for `session` is due (None: it has no date of its own)."""
    if session.date is None:
        return None
    if session.end is None:
        return dt.datetime.combine(session.date, feedback_at, kb.event.tz)
    return dt.datetime.combine(session.end_date or session.date, session.end, kb.event.tz)


def due_feedback(
    kb: KnowledgeBase,
    now: dt.datetime,
    feedback_at: dt.time,
    subscribers: Iterable[Subscriber],
    recorded: Collection[tuple[int, str]],
    opted_out: Collection[int] = frozenset(),
) -> list[FeedbackDue]:
    """Return the (subscriber, session) requests due at `now` that `recorded` does not hold."""
    sessions = []
    for session in kb.sessions:
        when = due_at(kb, session, feedback_at)
        if when is not None and when <= now:
            sessions.append((session, now - when > TOO_LATE))
    if not sessions:
        return []
    found = []
    for subscriber in subscribers:
        if subscriber.user_id in opted_out:
            continue
        for session, missed in sessions:
            if (subscriber.user_id, session.id) in recorded:
                continue
            if subscriber.subscription.covers(session.id):
                found.append(FeedbackDue(subscriber, session, missed))
    return found


def next_due(kb: KnowledgeBase, now: dt.datetime, feedback_at: dt.time) -> dt.datetime | None:
    """Return the next instant after `now` when a session's requests come due."""
    later = [
        when
        for when in (due_at(kb, s, feedback_at) for s in kb.sessions)
        if when is not None and when > now
    ]
    return min(later, default=None)


@dataclass(frozen=True)
class Rating:
    """One user's feedback on one session, as stored (no user id leaves the store)."""

    session_id: str
    rating: int | None
    comment: str | None


@dataclass(frozen=True)
class SessionFeedback:
    """What attendees said about one session."""

    session_id: str
    count: int
    average: float | None
    distribution: dict[int, int]  # rating -> how many, for 1..5
    comments: tuple[str, ...] = field(default_factory=tuple)


def summarise_feedback(
    ratings: Iterable[Rating], order: Sequence[str] = ()
) -> tuple[SessionFeedback, ...]:
    """Group ratings and comments by session, in programme order (`order`), then by id."""
    by_session: dict[str, list[Rating]] = {}
    for rating in ratings:
        by_session.setdefault(rating.session_id, []).append(rating)
    rank = {session_id: i for i, session_id in enumerate(order)}
    result = []
    for session_id in sorted(by_session, key=lambda s: (rank.get(s, len(rank)), s)):
        rows = by_session[session_id]
        values = [r.rating for r in rows if r.rating is not None]
        counts = Counter(values)
        result.append(
            SessionFeedback(
                session_id=session_id,
                count=len(values),
                average=sum(values) / len(values) if values else None,
                distribution={n: counts[n] for n in RATINGS},
                comments=tuple(r.comment for r in rows if r.comment),
            )
        )
    return tuple(result)
