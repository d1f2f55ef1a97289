"""Outgoing messages and what happened to each: shared by reminders and broadcasts."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol


class Outcome(enum.StrEnum):
    DELIVERED = "delivered"
    BLOCKED = "blocked"  # 403: the user blocked the bot or deleted their account
    NOT_FOUND = "not_found"  # 400 "chat not found"
    FAILED = "failed"  # any other error that retrying did not fix


@dataclass(frozen=True, kw_only=True)
class OutcomeCounts:
    """How many messages ended each way (the field names are the Outcome values)."""

    delivered: int = 0
    blocked: int = 0
    not_found: int = 0
    failed: int = 0

    @property
    def done(self) -> int:
        return self.delivered + self.blocked + self.not_found + self.failed


@dataclass(frozen=True)
class Button:
    """An inline button: a press sends `callback_data` back to the bot."""

    label: str
    callback_data: str


@dataclass(frozen=True)
class OutgoingMessage:
    """A message to send: HTML text (values already escaped) and rows of inline buttons."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()


class Deliver(Protocol):
    async def __call__(self, chat_id: int, message: OutgoingMessage) -> Outcome:
        """Send `message` to `chat_id` within Telegram's limits; never raise for a bad chat."""
        ...
