"""Deliver messages to many chats and say what happened to each (broadcasts and reminders).

Pacing is not done here: every call goes through the application's `Outbox` (its rate limiter),
which keeps the whole bot inside Telegram's limits and waits out 429s. This sender marks its
messages with a priority (bulk by default, so replies to users go first) and turns Telegram's
answer into an `Outcome`: delivered, blocked, chat not found, failed.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import ExtBot

from bot.domain.budget import Priority
from bot.domain.clock import SystemTimer, Timer
from bot.domain.delivery import Button, Outcome, OutgoingMessage

log = logging.getLogger(__name__)


def to_markup(buttons: tuple[tuple[Button, ...], ...]) -> InlineKeyboardMarkup | None:
    """Return the inline keyboard for rows of domain buttons (None when there are none)."""
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.label, callback_data=b.callback_data) for b in row]
            for row in buttons
        ]
    )


def priority_args(bot: Bot, priority: Priority | None) -> dict[str, Any]:
    """Return the keyword that tells the application's Outbox who waits for this call."""
    if priority is None or priority is Priority.REPLY:
        return {}  # the Outbox's default; a bot without a rate limiter refuses the keyword
    if isinstance(bot, ExtBot) and bot.rate_limiter is not None:
        return {"rate_limit_args": priority}
    return {}


class TelegramSender:
    """`Deliver` over a PTB Bot: HTML messages with a priority, never raising for a bad chat."""

    def __init__(
        self,
        bot: Bot,
        priority: Priority = Priority.BULK,
        network_retries: int = 3,
        backoff: float = 0.5,
        timer: Timer | None = None,
    ) -> None:
        self._bot = bot
        self._extra = priority_args(bot, priority)
        self._network_retries = network_retries
        self._backoff = backoff
        self._timer = timer or SystemTimer()

    def with_priority(self, priority: Priority) -> TelegramSender:
        """Return the same sender for messages of another priority (e.g. to organisers)."""
        return TelegramSender(
            self._bot,
            priority,
            self._network_retries,
            self._backoff,
            self._timer,
        )

    async def __call__(self, chat_id: int, message: OutgoingMessage) -> Outcome:
        """Send `message` to `chat_id` and say what happened; a migrated group gets it anew."""
        outcome, moved_to = await self._deliver(chat_id, message)
        if moved_to is not None:
            log.info("chat %s moved to %s: resending there", chat_id, moved_to)
            outcome, _ = await self._deliver(moved_to, message)
        return outcome

    async def _deliver(self, chat_id: int, message: OutgoingMessage) -> tuple[Outcome, int | None]:
        failures = 0
        markup = to_markup(message.buttons)
        while True:
            try:
                await self._bot.send_message(
                    chat_id,
                    message.text,
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup,
                    **self._extra,
                )
                return Outcome.DELIVERED, None
            except RetryAfter:
                # The Outbox waited out every 429 it could; this one it gave up on.
                log.warning("chat %s: still flood-limited, giving up", chat_id)
                return Outcome.FAILED, None
            except Forbidden as exc:
                log.info("chat %s: %s", chat_id, self._safe(exc))
                return Outcome.BLOCKED, None
            except ChatMigrated as exc:
                return Outcome.FAILED, exc.new_chat_id
            except BadRequest as exc:
                if "chat not found" in exc.message.lower():
                    log.info("chat %s: not found", chat_id)
                    return Outcome.NOT_FOUND, None
                log.warning("chat %s: Telegram refused the message: %s", chat_id, self._safe(exc))
                return Outcome.FAILED, None
            except NetworkError as exc:  # TimedOut too; BadRequest is handled above
                failures += 1
                error = self._safe(exc)
            except TelegramError as exc:
                log.warning("chat %s: %s", chat_id, self._safe(exc))
                return Outcome.FAILED, None
            if failures > self._network_retries:
                log.warning(
                    "chat %s: giving up after %d network errors: %s", chat_id, failures, error
                )
                return Outcome.FAILED, None
            log.info("chat %s: network error (%s), retrying", chat_id, error)
            await self._timer.sleep(self._backoff * 2 ** (failures - 1))

    def _safe(self, error: Exception) -> str:
        """Describe an error without the bot token (it can appear in URLs of HTTP errors)."""
        return str(error).replace(self._bot.token, "<token>")
