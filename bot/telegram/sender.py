"""Deliver messages to many chats within Telegram's flood limits (broadcasts and reminders).

Pacing: message starts are spaced 1/rate apart, and a message occupies the one-second window
from the moment it leaves until one second after Telegram answered, because Telegram counts it
at an arrival time we cannot see. At most `rate` messages are in that window, so no second on
Telegram's side can hold more than `rate` of ours, however the network jitters; several are in
flight at once, so the pace is reached. A chat gets its next message no sooner than
`per_chat_interval` after Telegram answered the previous one.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
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

from bot.domain.delivery import Button, Outcome, OutgoingMessage
from bot.telegram.limiter import NO_RETRY, retry_after_seconds

log = logging.getLogger(__name__)
OnBlocked = Callable[[int], Awaitable[None]]


def to_markup(buttons: tuple[tuple[Button, ...], ...]) -> InlineKeyboardMarkup | None:
    """Return the inline keyboard for rows of domain buttons (None when there are none)."""
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.label, callback_data=b.callback_data, url=b.url) for b in row]
            for row in buttons
        ]
    )


class Pacer:
    """Decide when the next message may leave: overall rate, flood pauses, per-chat gaps."""

    def __init__(self, rate_per_second: float, per_chat_interval: float) -> None:
        self._capacity = max(1, math.floor(rate_per_second)) if rate_per_second > 0 else 0
        self._spacing = 1.0 / rate_per_second if rate_per_second > 0 else 0.0
        self._per_chat = per_chat_interval
        self._next_start = 0.0
        self._paused_until = 0.0
        self._open = 0
        self._expiries: deque[float] = deque()  # answer time + 1 s of recent messages
        self._released = asyncio.Event()
        self._turn = asyncio.Lock()  # waiters for a slot are served in arrival order
        self._chat_locks: dict[int, asyncio.Lock] = {}
        self._chat_waiters: dict[int, int] = {}
        self._chat_free_at: dict[int, float] = {}

    def pause(self, seconds: float) -> None:
        """Hold every message back for `seconds` (Telegram said: retry after)."""
        self._paused_until = max(self._paused_until, time.monotonic() + seconds)

    @asynccontextmanager
    async def chat(self, chat_id: int) -> AsyncIterator[None]:
        """Hold the chat for one delivery (with its retries), after the per-chat gap."""
        lock = self._chat_locks.setdefault(chat_id, asyncio.Lock())
        self._chat_waiters[chat_id] = self._chat_waiters.get(chat_id, 0) + 1
        try:
            async with lock:
                wait = self._chat_free_at.get(chat_id, 0.0) - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                yield
        finally:
            self._chat_waiters[chat_id] -= 1
            if not self._chat_waiters[chat_id]:
                del self._chat_waiters[chat_id], self._chat_locks[chat_id]

    @asynccontextmanager
    async def slot(self, chat_id: int) -> AsyncIterator[None]:
        """Wait for a place in the overall window; hold it while the request is in flight."""
        if self._capacity:
            await self._acquire()
        try:
            yield
        finally:
            now = time.monotonic()
            if self._capacity:
                self._open -= 1
                self._expiries.append(now + 1.0)
                self._released.set()
            self._chat_free_at[chat_id] = now + self._per_chat
            if len(self._chat_free_at) > 4096:
                self._forget_idle_chats(now)

    async def _acquire(self) -> None:
        async with self._turn:
            while True:
                now = time.monotonic()
                while self._expiries and self._expiries[0] <= now:
                    self._expiries.popleft()
                wait = max(self._paused_until, self._next_start) - now
                if self._open + len(self._expiries) >= self._capacity:
                    if not self._expiries:
                        self._released.clear()
                        await self._released.wait()
                        continue
                    wait = max(wait, self._expiries[0] - now)
                if wait <= 0:
                    break
                await asyncio.sleep(wait)
            self._open += 1
            self._next_start = now + self._spacing

    def _forget_idle_chats(self, now: float) -> None:
        for chat_id in [c for c, at in self._chat_free_at.items() if at <= now]:
            del self._chat_free_at[chat_id]


class TelegramSender:
    """`Deliver` over a PTB Bot: HTML messages, paced, retried, never raising for a bad chat."""

    def __init__(
        self,
        bot: Bot,
        rate_per_second: float = 30.0,
        per_chat_interval: float = 1.0,
        on_blocked: OnBlocked | None = None,
        network_retries: int = 3,
        backoff: float = 0.5,
        flood_retries: int = 20,
    ) -> None:
        self._bot = bot
        # The application's RetryLimiter would wait out a 429 inside the call; the sender
        # handles it itself (pausing its pacing), so it asks for no retries there.
        limited = isinstance(bot, ExtBot) and bot.rate_limiter is not None
        self._extra: dict[str, Any] = {"rate_limit_args": NO_RETRY} if limited else {}
        self._pacer = Pacer(rate_per_second, per_chat_interval)
        self._on_blocked = on_blocked
        self._network_retries = network_retries
        self._backoff = backoff
        self._flood_retries = flood_retries

    async def __call__(self, chat_id: int, message: OutgoingMessage) -> Outcome:
        """Send `message` to `chat_id` and say what happened; a migrated group gets it anew."""
        async with self._pacer.chat(chat_id):
            outcome, moved_to = await self._deliver(chat_id, message)
        if moved_to is not None:
            log.info("chat %s moved to %s: resending there", chat_id, moved_to)
            async with self._pacer.chat(moved_to):
                outcome, _ = await self._deliver(moved_to, message)
        if outcome is Outcome.BLOCKED and self._on_blocked is not None:
            try:
                await self._on_blocked(chat_id)
            except Exception:
                log.exception("on_blocked(%s) failed", chat_id)
        return outcome

    async def _deliver(self, chat_id: int, message: OutgoingMessage) -> tuple[Outcome, int | None]:
        floods = failures = 0
        markup = to_markup(message.buttons)
        while True:
            async with self._pacer.slot(chat_id):
                try:
                    await self._bot.send_message(
                        chat_id,
                        message.text,
                        parse_mode=ParseMode.HTML,
                        reply_markup=markup,
                        **self._extra,
                    )
                    return Outcome.DELIVERED, None
                except RetryAfter as exc:
                    delay = retry_after_seconds(exc)
                    self._pacer.pause(delay)
                    floods += 1
                    log.info("flood limit: every send waits %.1f s (chat %s)", delay, chat_id)
                    if floods > self._flood_retries:
                        log.warning("chat %s: still flood-limited, giving up", chat_id)
                        return Outcome.FAILED, None
                    continue
                except Forbidden as exc:
                    log.info("chat %s: %s", chat_id, self._safe(exc))
                    return Outcome.BLOCKED, None
                except ChatMigrated as exc:
                    return Outcome.FAILED, exc.new_chat_id
                except BadRequest as exc:
                    if "chat not found" in exc.message.lower():
                        log.info("chat %s: not found", chat_id)
                        return Outcome.NOT_FOUND, None
                    log.warning(
                        "chat %s: Telegram refused the message: %s", chat_id, self._safe(exc)
                    )
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
            await asyncio.sleep(self._backoff * 2 ** (failures - 1))

    def _safe(self, error: Exception) -> str:
        """Describe an error without the bot token (it can appear in URLs of HTTP errors)."""
        return str(error).replace(self._bot.token, "<token>")
