"""Questions handed to the organisers: tickets, their limits, markers and FAQ drafts.

A ticket's number travels in the text of every message the bot sends about it ("🎫 #12"), so a
reply to such a message tells which ticket it answers without any message id being stored.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import yaml

MAX_OPEN = 3  # tickets an attendee may have waiting for an answer at once
MAX_TEXT = 1000  # a question or relayed reply longer than this is cut (Telegram allows 4,096)
MARK = "🎫"
_MARKER = re.compile(rf"{MARK} ?#(\d{{1,9}})\b")


class Status(enum.StrEnum):
    DRAFT = "draft"  # shown to the attendee, not confirmed
    SENDING = "sending"  # confirmed, being posted to the organisers' chat
    OPEN = "open"  # in the organisers' chat, no answer yet
    ANSWERED = "answered"
    CANCELLED = "cancelled"
    FAILED = "failed"  # the organisers' chat could not be reached


WAITING = (Status.SENDING, Status.OPEN)  # what counts against MAX_OPEN


@dataclass(frozen=True)
class Ticket:
    id: int
    user_id: int
    chat_id: int
    lang: str
    text: str
    name: str | None
    status: Status
    followed_up: bool
    created_at: dt.datetime
    sent_at: dt.datetime | None = None
    answered_at: dt.datetime | None = None
    undelivered_at: dt.datetime | None = None  # an answer found the attendee had blocked the bot


def marker(ticket_id: int) -> str:
    """Return the ticket's marker, as it appears in every message about it."""
    return f"{MARK} #{ticket_id}"


def ticket_in(text: str | None) -> int | None:
    """Return the ticket number a message of the bot is about (None: it is about none)."""
    match = _MARKER.search(text or "")
    return int(match[1]) if match else None


def clean(text: str, limit: int = MAX_TEXT) -> str:
    """Return a question or reply as it will be shared: trimmed, cut to `limit` characters."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class TicketSummary:
    """Open and answered tickets, and how long answers took."""

    open: int = 0
    answered: int = 0
    median_to_answer: dt.timedelta | None = None
    undelivered: int = 0  # answered, but the attendee had blocked the bot


def summarise_tickets(tickets: Iterable[Ticket]) -> TicketSummary:
    """Count open and answered tickets; the median is over answered ones (sent → first answer)."""
    waits = []
    open_count = answered = undelivered = 0
    for ticket in tickets:
        undelivered += ticket.undelivered_at is not None
        if ticket.status in WAITING:
            open_count += 1
        elif ticket.status is Status.ANSWERED:
            answered += 1
            if ticket.sent_at is not None and ticket.answered_at is not None:
                waits.append((ticket.answered_at - ticket.sent_at).total_seconds())
    median = dt.timedelta(seconds=round(statistics.median(waits))) if waits else None
    return TicketSummary(open_count, answered, median, undelivered)


@dataclass(frozen=True)
class FaqDraft:
    """A knowledge-base FAQ entry drafted from an answered ticket."""

    id: int
    ticket_id: int
    lang: str
    question: str
    answer: str
    created_at: dt.datetime

    @property
    def entry_id(self) -> str:
        return f"ticket-{self.ticket_id}"


def draft_answer(answers: Sequence[str]) -> str:
    """Join the organisers' replies to a ticket into one FAQ answer, in the order sent."""
    return "\n\n".join(a.strip() for a in answers if a.strip())


def drafts_yaml(drafts: Sequence[FaqDraft]) -> str:
    """Return the drafts as a `faqs:` section ready to paste into the knowledge base."""
    entries = [
        {
            "id": d.entry_id,
            "questions": {d.lang: [d.question]},
            "answer": {d.lang: d.answer},
        }
        for d in drafts
    ]
    text = yaml.safe_dump(
        {"faqs": entries}, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False
    )
    return str(text)
