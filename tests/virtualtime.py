"""Virtual time for pacing tests: a `Timer` whose clock jumps ahead whenever every task waits.

`await timer.run(coroutine)` runs the coroutine; each time the event loop has nothing left to
do but wait on this timer, the clock moves to the earliest sleeper's deadline and wakes it. A
minute of pacing takes milliseconds, and the order of events is exactly as in real time.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import Awaitable
from typing import Any, TypeVar

T = TypeVar("T")


class VirtualTimer:
    """A `Timer` (monotonic + sleep) on virtual seconds."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def monotonic(self) -> float:
        return self._now

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self._now + seconds, next(self._order), future))
        await future  # a cancelled sleep leaves a cancelled future: skipped when popped

    async def run(self, work: Awaitable[T], limit: float = 3600.0) -> T:
        """Run `work` to the end, jumping over idle time (at most `limit` virtual seconds)."""
        task: asyncio.Future[T] = asyncio.ensure_future(work)
        deadline = self._now + limit
        stuck = 0
        while not task.done():
            await _settle()
            if task.done():
                break
            while self._sleepers and self._sleepers[0][2].done():
                heapq.heappop(self._sleepers)
            if not self._sleepers:
                # Waiting on something that is not time (a thread, a socket): let it finish.
                stuck += 1
                if stuck > 5000:
                    task.cancel()
                    raise AssertionError("deadlock: every task waits, none on the timer")
                await asyncio.sleep(0.001)
                continue
            stuck = 0
            at, _, future = heapq.heappop(self._sleepers)
            if at > deadline:
                task.cancel()
                raise AssertionError(f"still running after {limit} virtual seconds")
            self._now = max(self._now, at)
            future.set_result(None)
        return task.result()


async def _settle() -> None:
    """Yield until no callback is ready to run (every task waits on something)."""
    loop: Any = asyncio.get_running_loop()
    ready = getattr(loop, "_ready", None)
    quiet = 0
    while quiet < (3 if ready is not None else 50):
        await asyncio.sleep(0)
        quiet = quiet + 1 if ready is None or not ready else 0
