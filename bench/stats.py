"""Benchmark: /stats over 10,000 logged questions (7,500 long distinct misses, the worst case
for grouping): how long the report takes (target <= 2 s) and the longest the event loop stalls
meanwhile (target: no stall a reply would notice, <= 50 ms).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.domain import questions
from bot.storage.db import Database
from bot.storage.questions import QuestionStore
from bot.storage.subscriptions import SubscriptionStore
from bot.storage.users import UserStore
from bot.usecases.reporting import gather_report
from tests.e2e.test_stats_load import seed

LOGGED = 10_000


async def _stall_meter(stop: asyncio.Event, worst: list[float]) -> None:
    while not stop.is_set():
        before = time.perf_counter()
        await asyncio.sleep(0.005)
        worst[0] = max(worst[0], time.perf_counter() - before - 0.005)


async def run() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        await seed(path, LOGGED)
        db = await Database.open(path)
        tz = ZoneInfo("America/Guayaquil")
        now = dt.datetime(2015, 10, 21, 12, tzinfo=tz)
        stop, worst = asyncio.Event(), [0.0]
        meter = asyncio.create_task(_stall_meter(stop, worst))
        times = []
        for _ in range(3):
            questions._group.cache_clear()  # a cold report each time
            start = time.perf_counter()
            await gather_report(UserStore(db), SubscriptionStore(db), QuestionStore(db), now, tz)
            times.append(time.perf_counter() - start)
        start = time.perf_counter()
        await gather_report(UserStore(db), SubscriptionStore(db), QuestionStore(db), now, tz)
        cached = time.perf_counter() - start
        stop.set()
        await meter
        await db.close()
    print(
        f"/stats report, {LOGGED:,} logged questions: cold {min(times):.2f}-{max(times):.2f} s,"
        f" cached {cached:.2f} s (target <= 2 s)"
    )
    print(f"longest event-loop stall meanwhile: {worst[0] * 1000:.1f} ms (target <= 50 ms)")


def main() -> None:
    asyncio.run(run())


if __name__ == "__main__":
    main()
