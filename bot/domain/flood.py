"""A per-user flood guard, so one chatty user cannot starve the others."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Verdict(enum.Enum):
    ALLOW = "allow"
    WARN = "warn"  # the first message over the limit: tell the user to slow down
    DROP = "drop"  # later ones: ignore quietly until the bucket refills


@dataclass
class _Bucket:
    tokens: float
    updated: float
    warned: bool = False


class FloodGuard:
    """A token bucket per user: `burst` messages at once, then `per_second` on average."""

    def __init__(self, burst: int = 8, per_second: float = 1.0, max_users: int = 100_000) -> None:
        self.burst = burst
        self.per_second = per_second
        self.max_users = max_users
        self._buckets: dict[int, _Bucket] = {}

    def check(self, user_id: int, now: float) -> Verdict:
        """Take one message from `user_id` at monotonic time `now` and judge it."""
        bucket = self._buckets.get(user_id)
        if bucket is None:
            if len(self._buckets) >= self.max_users:  # forget idle users rather than grow forever
                self._buckets.clear()
            bucket = self._buckets[user_id] = _Bucket(float(self.burst), now)
        bucket.tokens = min(
            float(self.burst), bucket.tokens + (now - bucket.updated) * self.per_second
        )
        bucket.updated = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            bucket.warned = False
            return Verdict.ALLOW
        if bucket.warned:
            return Verdict.DROP
        bucket.warned = True
        return Verdict.WARN


class RepeatedPresses:
    """Tell a repeated press of the same button apart from a new one.

    Impatient users press a button again and again while its answer is on its way; each press
    of the same button on the same message within `window` seconds of the first gets no reply
    of its own (one answer, not a pile of copies).
    """

    def __init__(self, window: float = 3.0, max_keys: int = 100_000) -> None:
        self.window = window
        self.max_keys = max_keys
        self._first: dict[tuple[object, ...], float] = {}

    def is_repeat(self, key: tuple[object, ...], now: float) -> bool:
        """Return whether `key` (user, message, button data…) was pressed within the window."""
        first = self._first.get(key)
        if first is not None and now - first < self.window:
            return True
        if len(self._first) >= self.max_keys:
            self._first = {k: t for k, t in self._first.items() if now - t < self.window}
        self._first[key] = now
        return False
