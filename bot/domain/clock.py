"""Clocks: the bot's notion of 'now', injected so tests and rehearsals can move time."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """Return the current instant, time-zone aware."""
        ...


class SystemClock:
    """The real time."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class RehearsalClock:
    """Start at a given instant and run forward in real time (CONFBOT_NOW)."""

    def __init__(self, start: dt.datetime) -> None:
        self._start = start
        self._t0 = time.monotonic()

    def now(self) -> dt.datetime:
        return self._start + dt.timedelta(seconds=time.monotonic() - self._t0)


class FixedClock:
    """A clock that moves only when told to (tests)."""

    def __init__(self, at: dt.datetime) -> None:
        self._at = at

    def now(self) -> dt.datetime:
        return self._at

    def set(self, at: dt.datetime) -> None:
        self._at = at

    def advance(self, **delta: float) -> None:
        self._at += dt.timedelta(**delta)


class Timer(Protocol):
    """Seconds for pacing: a monotonic reading and a sleep (tests run them on virtual time)."""

    def monotonic(self) -> float:
        """Return seconds on a clock that never goes back."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Wait `seconds` on this timer."""
        ...


class SystemTimer:
    """The real monotonic clock and asyncio's sleep."""

    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


def parse_instant(text: str, tz: dt.tzinfo) -> dt.datetime:
    """Parse an ISO-8601 date or instant; a value without an offset is read in `tz`."""
    value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=tz)


def event_local(now: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """Return `now` in the event's time zone (a naive `now` already is event-local)."""
    if now.tzinfo is None:
        return now.replace(tzinfo=tz)
    try:
        return now.astimezone(tz)
    except OverflowError:  # the first or last representable day: its date is close enough
        return now.replace(tzinfo=tz)
