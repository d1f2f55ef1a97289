"""Ordinary replies: no throughput cap, but a 429 is waited out and retried instead of lost."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
import warnings
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

log = logging.getLogger(__name__)


def retry_after_seconds(error: RetryAfter) -> float:
    """Return how long Telegram asked us to wait (a timedelta in PTB 22.x, an int before)."""
    with warnings.catch_warnings():
        # Reading `retry_after` warns about the int -> timedelta migration; both are handled.
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value: Any = error.retry_after
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return float(value)


NO_RETRY = -1  # rate_limit_args: let the caller handle a 429 (must be truthy: see below)


class RetryLimiter(BaseRateLimiter[int]):
    """Retry a request Telegram refused with 429 after the delay it gave, pausing all requests.

    Replies are not throttled: the bot answers hundreds of users a second. Broadcasts and
    reminders pace themselves in `TelegramSender`, which passes `rate_limit_args=NO_RETRY` to
    handle a 429 itself (python-telegram-bot drops a falsy `rate_limit_args`, so "0" would not
    reach this limiter).
    """

    def __init__(self, max_retries: int = 3) -> None:
        self.max_retries = max_retries
        self._resume_at = 0.0

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Call `callback`; on RetryAfter wait the given delay (all requests wait) and retry."""
        retries = self.max_retries if rate_limit_args is None else max(0, rate_limit_args)
        for attempt in range(retries + 1):
            # Telegram refuses every request during a flood wait, so the others wait too.
            pause = self._resume_at - time.monotonic()
            if pause > 0:
                await asyncio.sleep(pause)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                delay = retry_after_seconds(exc)
                self._resume_at = max(self._resume_at, time.monotonic() + delay)
                if attempt == retries:
                    if retries:
                        log.warning("%s: still flood-limited after %d retries", endpoint, retries)
                    raise
                log.info("%s: flood-limited, retrying in %.1f s", endpoint, delay)
        raise AssertionError("unreachable")
