"""One outgoing budget: every message the bot sends waits its turn here, replies first.

`Outbox` is python-telegram-bot's rate limiter for the application's bot, so it sees every API
call with its method, chat and `rate_limit_args` (a `Priority`; none means a reply). Calls that
are not messages (answerCallbackQuery, sendChatAction, setMessageReaction, getMe…) go straight
through. Messages (send*, editMessage*, copy/forward) queue by priority, then arrival, and
leave when `SendBudget` allows: Telegram's 30/s overall and its per-chat limit. Bulk messages
are also spaced evenly, so the window frees a place for a reply every few tens of ms.

A 429 for a chat that was near its own limit pauses that chat; any other 429 pauses everything.
The refused call is retried after the pause, keeping its place: a 429 means Telegram did not
take the message, so nothing is lost or sent twice. A reply kept waiting more than
`typing_after` seconds shows "typing…" in its chat (a chat action, not a message).
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import datetime as dt
import itertools
import logging
import warnings
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

from bot.domain.budget import NEVER, Priority, SendBudget
from bot.domain.clock import SystemTimer, Timer

log = logging.getLogger(__name__)
ShowTyping = Callable[[int], Awaitable[object]]
_NOT_MESSAGES = frozenset({"sendChatAction"})
_MESSAGES = ("send", "forward", "copy", "editMessage")


def retry_after_seconds(error: RetryAfter) -> float:
    """Return how long Telegram asked us to wait (a timedelta in PTB 22.x, an int before)."""
    with warnings.catch_warnings():
        # Reading `retry_after` warns about the int -> timedelta migration; both are handled.
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value: Any = error.retry_after
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return float(value)


def is_message(endpoint: str) -> bool:
    """Return whether a Bot API method counts against Telegram's message limits."""
    return endpoint.startswith(_MESSAGES) and endpoint not in _NOT_MESSAGES


def _chat_of(data: dict[str, Any]) -> int | None:
    try:
        return int(data["chat_id"])
    except (KeyError, TypeError, ValueError):
        return None  # an inline message, or a channel's @username: counted overall only


@dataclass(order=True)
class _Ticket:
    priority: int
    seq: int
    chat_id: int | None = field(compare=False)
    queued: float = field(compare=False)
    granted: asyncio.Future[None] | None = field(default=None, compare=False)
    typed: float = field(default=-NEVER, compare=False)
    chat_was_busy: bool = field(default=False, compare=False)


class Outbox(BaseRateLimiter[Priority]):
    """The application's rate limiter: one queue and one budget for every message."""

    def __init__(
        self,
        per_second: int = 30,
        chat_burst: int = 3,
        timer: Timer | None = None,
        group_per_minute: int = 20,
        typing_after: float = 2.5,
        typing_every: float = 4.5,
        max_flood_retries: int = 20,
    ) -> None:
        self.budget = SendBudget(per_second, chat_burst, group_per_minute=group_per_minute)
        self.timer = timer or SystemTimer()
        self.typing_after = typing_after
        self.typing_every = typing_every
        self.max_flood_retries = max_flood_retries
        self.show_typing: ShowTyping | None = None  # set once the bot exists
        self.refused = 0  # 429s Telegram answered (for logs and benches)
        self._spacing = 1.0 / per_second
        self._next_bulk = -NEVER
        self._waiting: list[_Ticket] = []  # sorted: priority, then arrival
        self._seq = itertools.count()
        self._wake = asyncio.Event()
        self._dispatcher: asyncio.Task[None] | None = None
        self._typing: asyncio.Task[None] | None = None

    async def initialize(self) -> None:
        """Nothing to set up: the dispatcher starts with the first message."""

    async def shutdown(self) -> None:
        """Stop the dispatcher; messages still queued are the callers' to cancel."""
        if self.refused:
            log.info("Telegram refused %d message(s) with 429 during this run", self.refused)
        for task in (self._dispatcher, self._typing):
            if task is not None and not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._dispatcher = self._typing = None

    @property
    def waiting(self) -> int:
        """How many messages wait for their turn."""
        return len(self._waiting)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: Priority | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Send a message when the budget allows (other calls at once); wait out 429s."""
        if not is_message(endpoint):
            return await callback(*args, **kwargs)
        priority = Priority.REPLY if rate_limit_args is None else rate_limit_args
        chat_id = _chat_of(data)
        ticket = _Ticket(priority, next(self._seq), chat_id, self.timer.monotonic())
        for attempt in itertools.count():
            await self._turn(ticket)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                self._land(ticket)
                self._flood_wait(ticket, retry_after_seconds(exc), endpoint)
                if attempt >= self.max_flood_retries:
                    log.warning("%s to chat %s: still flood-limited, giving up", endpoint, chat_id)
                    raise
            finally:
                self._land(ticket)  # once: a ticket that landed already is left alone
        raise AssertionError("unreachable")

    # -- the queue ------------------------------------------------------------------------------

    async def _turn(self, ticket: _Ticket) -> None:
        """Queue `ticket` and wait until the dispatcher lets it leave.

        With nobody waiting and the budget free, it leaves at once: no round trip through the
        dispatcher task, which cost up to a quarter of the throughput with the limits off.
        """
        ticket.granted = asyncio.get_running_loop().create_future()
        now = self.timer.monotonic()
        if not self._waiting and self._may_leave(ticket, now) <= now:
            self._leave(ticket, now)
            return
        bisect.insort(self._waiting, ticket)
        self._ensure_running()
        self._wake.set()
        try:
            await ticket.granted
        except asyncio.CancelledError:
            if ticket.granted.done() and not ticket.granted.cancelled():
                self._land(ticket)  # let go just as it was cancelled: give the place back
            else:
                self._remove(ticket)
            raise

    def _land(self, ticket: _Ticket) -> None:
        if ticket.granted is None:
            return
        ticket.granted = None
        self.budget.land(ticket.chat_id, self.timer.monotonic())
        self._wake.set()

    def _remove(self, ticket: _Ticket) -> None:
        ticket.granted = None
        with contextlib.suppress(ValueError):
            self._waiting.remove(ticket)
        self._wake.set()

    def _flood_wait(self, ticket: _Ticket, seconds: float, endpoint: str) -> None:
        self.refused += 1
        until = self.timer.monotonic() + seconds
        if ticket.chat_id is not None and ticket.chat_was_busy:
            self.budget.pause_chat(ticket.chat_id, until)
            log.info("flood limit for chat %s: its messages wait %.0f s", ticket.chat_id, seconds)
        else:
            self.budget.pause_all(until)
            log.warning("flood limit (%s): every message waits %.0f s", endpoint, seconds)

    def _ensure_running(self) -> None:
        if self._dispatcher is None or self._dispatcher.done():
            self._dispatcher = asyncio.create_task(self._dispatch_forever(), name="outbox")

    async def _dispatch_forever(self) -> None:
        while True:
            self._wake.clear()
            wait = self._dispatch()
            if wait == 0:
                continue
            waiter = asyncio.ensure_future(self._wake.wait())
            sleeper = asyncio.ensure_future(self.timer.sleep(wait)) if wait < NEVER else None
            try:
                await asyncio.wait(
                    [t for t in (waiter, sleeper) if t], return_when="FIRST_COMPLETED"
                )
            finally:
                for task in (waiter, sleeper):
                    if task is not None:
                        task.cancel()

    def _dispatch(self) -> float:
        """Let every message leave that may; return seconds until the next one could."""
        now = self.timer.monotonic()
        budget = self.budget
        next_at = NEVER
        for ticket in list(self._waiting):
            if ticket.granted is None or ticket.granted.done():  # its caller was cancelled
                self._waiting.remove(ticket)
                continue
            free = budget.free_at(now)
            if free > now:
                next_at = min(next_at, free)
                break
            at = self._may_leave(ticket, now)
            if at > now:
                next_at = min(next_at, at)
                continue
            self._waiting.remove(ticket)
            self._leave(ticket, now)
        next_at = min(next_at, self._typing_due(now))
        return max(0.0, next_at - now) if next_at < NEVER else NEVER

    def _may_leave(self, ticket: _Ticket, now: float) -> float:
        """When `ticket` may leave: the budget's overall and per-chat limits, bulk's spacing."""
        at = max(self.budget.free_at(now), self.budget.chat_free_at(ticket.chat_id, now))
        return max(at, self._next_bulk) if ticket.priority is Priority.BULK else at

    def _leave(self, ticket: _Ticket, now: float) -> None:
        """Let `ticket` go now: count it against the budget and wake its caller."""
        assert ticket.granted is not None
        ticket.chat_was_busy = self.budget.chat_is_busy(ticket.chat_id, now)
        self.budget.depart(ticket.chat_id, now)
        if ticket.priority is Priority.BULK:
            # On a grid, so that the dispatcher waking late does not slow the pace down.
            self._next_bulk = max(self._next_bulk, now - self._spacing / 2) + self._spacing
        ticket.granted.set_result(None)

    # -- "typing…" for replies kept waiting -----------------------------------------------------

    def _typing_due(self, now: float) -> float:
        """Start showing "typing…" where it is due; return when it is due next."""
        if self.show_typing is None:
            return NEVER
        due, next_at = [], NEVER
        for ticket in self._waiting:
            if ticket.priority is not Priority.REPLY or ticket.chat_id is None:
                continue
            at = max(ticket.queued + self.typing_after, ticket.typed + self.typing_every)
            if at <= now:
                due.append(ticket)
            else:
                next_at = min(next_at, at)
        if due and (self._typing is None or self._typing.done()):
            chats = list(dict.fromkeys(t.chat_id for t in due if t.chat_id is not None))
            for ticket in due:
                ticket.typed = now
            self._typing = asyncio.create_task(self._show_typing(chats), name="outbox-typing")
        elif due:
            next_at = now + 0.1  # the previous round is still being sent
        return next_at

    async def _show_typing(self, chats: list[int]) -> None:
        assert self.show_typing is not None
        show = self.show_typing
        for start in range(0, len(chats), 8):  # a few at a time: the connection pool is shared
            results = await asyncio.gather(
                *(show(chat) for chat in chats[start : start + 8]), return_exceptions=True
            )
            for chat, result in zip(chats[start : start + 8], results, strict=True):
                if isinstance(result, Exception):
                    log.debug("could not show typing in chat %s: %s", chat, type(result).__name__)
