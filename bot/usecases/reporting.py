"""The organisers' report (/stats and `confbot report`): gather it from the stores (its text:
bot/texts/reports.py)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Sequence

from bot.domain.feedback import summarise_feedback
from bot.domain.questions import Report, count_languages, summarise
from bot.domain.tickets import summarise_tickets
from bot.storage.feedback import FeedbackStore
from bot.storage.questions import QuestionStore
from bot.storage.subscriptions import SubscriptionStore
from bot.storage.tickets import TicketStore
from bot.storage.users import UserStore


async def gather_report(
    users: UserStore,
    subscriptions: SubscriptionStore,
    questions: QuestionStore,
    now: dt.datetime,
    tz: dt.tzinfo,
    since: dt.datetime | None = None,
    tickets: TicketStore | None = None,
    feedback: FeedbackStore | None = None,
    session_order: Sequence[str] = (),
) -> Report:
    """Read the stores and build the report; `today` is the event-local day of `now`."""
    subscribers = await subscriptions.active_subscribers()
    logged = await questions.since(since)
    # Grouping thousands of misses is CPU work: in a thread, so nobody else's answer waits.
    summary = await asyncio.to_thread(summarise, logged, now.astimezone(tz).date(), tz)
    return Report(
        users=dict(sorted((await users.count_by_language()).items())),
        subscribers=count_languages(s.language for s in subscribers),
        questions=summary,
        since=since,
        tickets=summarise_tickets(await tickets.all()) if tickets is not None else None,
        feedback=(summarise_feedback(await feedback.ratings(), session_order) if feedback else ()),
    )
