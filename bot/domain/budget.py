"""Telegram's flood limits seen from the sending side: when may the next message leave?

Telegram counts a message when it arrives, an instant we cannot see: somewhere between the
moment we send it and the moment its answer comes back. So the budget counts conservatively:

- overall, a message occupies the one-second window from when it leaves until one second after
  its answer arrived. At most `per_second` messages occupy the window at any instant, so no
  second on Telegram's side can hold more than `per_second` of ours, however the network
  jitters. The round trip is the safety margin (a few ms here, more on the internet);
- per chat, a token bucket of `chat_burst` messages refilled at `chat_per_second` (a group or
  channel, whose id is negative, at `group_per_minute` a minute, burst included), one message
  in flight at a time, refilled only from the moment the previous answer arrived: our gaps are
  never longer than Telegram's, so our bucket never holds more than Telegram's does.

A 429 pauses everything (`pause_all`) or one chat (`pause_chat`) until Telegram's retry_after.
Plain numbers in, plain numbers out: the caller owns the clock.
"""

from __future__ import annotations

import enum
import math
from collections import deque
from dataclasses import dataclass

NEVER = math.inf


class Priority(enum.IntEnum):
    """Who waits for a message: lower values leave first."""

    REPLY = 0  # an answer to what a user just sent or pressed
    ADMIN = 1  # organisers' messages that answer nothing: progress, reports, reload notices
    BULK = 2  # broadcasts and reminders: whatever budget is left


@dataclass
class _Chat:
    tokens: float
    per_second: float  # refill rate
    landed: float = -NEVER  # when the answer to its last message arrived
    in_flight: bool = False
    paused_until: float = -NEVER


class SendBudget:
    """The overall window and per-chat buckets; ask when a message may leave, then tell."""

    def __init__(
        self,
        per_second: int = 30,
        chat_burst: int = 3,
        chat_per_second: float = 1.0,
        group_per_minute: float = 20,
        window: float = 1.0,
    ) -> None:
        self.per_second = per_second
        self.chat_burst = chat_burst
        self.chat_per_second = chat_per_second
        # In any minute: the burst, plus what refills in the rest of it.
        self.group_per_second = max(group_per_minute - chat_burst, 1) / 60
        self.window = window
        self._open = 0  # messages sent whose answer has not arrived
        self._expiries: deque[float] = deque()  # answer time + window, in order
        self._paused_until = -NEVER
        self._chats: dict[int, _Chat] = {}

    # -- questions ------------------------------------------------------------------------------

    def free_at(self, now: float) -> float:
        """Return when the overall window has room for one more message (NEVER: after a land)."""
        while self._expiries and self._expiries[0] <= now:
            self._expiries.popleft()
        at = max(now, self._paused_until)
        if self._open + len(self._expiries) < self.per_second:
            return at
        if len(self._expiries) > self._open + len(self._expiries) - self.per_second:
            # Room comes back when enough of the landed messages leave the window.
            return max(at, self._expiries[self._open + len(self._expiries) - self.per_second])
        return NEVER  # the window is all in flight: wait for answers

    def chat_free_at(self, chat_id: int | None, now: float) -> float:
        """Return when `chat_id` may get its next message (NEVER while one is in flight)."""
        chat = self._chats.get(chat_id) if chat_id is not None else None
        if chat is None:
            return now
        if chat.in_flight:
            return NEVER
        tokens = self._tokens(chat, now)
        at = now if tokens >= 1 else chat.landed + (1 - chat.tokens) / chat.per_second
        return max(at, now, chat.paused_until)

    def chat_is_busy(self, chat_id: int | None, now: float) -> bool:
        """Return whether `chat_id` had messages recently enough to be near its own limit."""
        chat = self._chats.get(chat_id) if chat_id is not None else None
        return chat is not None and (chat.in_flight or self._tokens(chat, now) < self.chat_burst)

    @property
    def paused_until(self) -> float:
        return self._paused_until

    @property
    def in_flight(self) -> int:
        """How many messages left and have no answer yet."""
        return self._open

    # -- events ---------------------------------------------------------------------------------

    def depart(self, chat_id: int | None, now: float) -> None:
        """Count a message that leaves now (after `free_at` and `chat_free_at` allowed it)."""
        self._open += 1
        if chat_id is None:
            return
        chat = self._chats.get(chat_id)
        if chat is None:
            if len(self._chats) >= 4096:
                self._forget_idle(now)
            chat = self._chats[chat_id] = self._new_chat(chat_id, float(self.chat_burst))
        chat.tokens = self._tokens(chat, now) - 1
        chat.in_flight = True

    def land(self, chat_id: int | None, now: float) -> None:
        """Count the answer to a message that left: it stays in the window one more second."""
        self._open -= 1
        self._expiries.append(now + self.window)
        chat = self._chats.get(chat_id) if chat_id is not None else None
        if chat is not None:
            chat.in_flight = False
            chat.landed = now

    def pause_all(self, until: float) -> None:
        """Hold every message back until `until` (a flood wait for the whole bot)."""
        self._paused_until = max(self._paused_until, until)

    def pause_chat(self, chat_id: int, until: float) -> None:
        """Hold the messages to one chat back until `until` (that chat's flood wait)."""
        chat = self._chats.get(chat_id) or self._chats.setdefault(
            chat_id, self._new_chat(chat_id, 0.0)
        )
        chat.paused_until = max(chat.paused_until, until)

    # -- internals ------------------------------------------------------------------------------

    def _new_chat(self, chat_id: int, tokens: float) -> _Chat:
        rate = self.chat_per_second if chat_id > 0 else self.group_per_second
        return _Chat(tokens, rate)

    def _tokens(self, chat: _Chat, now: float) -> float:
        if chat.landed == -NEVER:
            return chat.tokens
        refill = max(0.0, now - chat.landed) * chat.per_second
        return min(float(self.chat_burst), chat.tokens + refill)

    def _forget_idle(self, now: float) -> None:
        for chat_id in [
            c
            for c, chat in self._chats.items()
            if not chat.in_flight
            and chat.paused_until <= now
            and self._tokens(chat, now) >= self.chat_burst
        ]:
            del self._chats[chat_id]
