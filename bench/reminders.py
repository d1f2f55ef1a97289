"""Benchmark: the reminder due set for 10,000 subscribers (target <= 100 ms)."""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from pathlib import Path

from bot.domain.knowledge import load_knowledge
from bot.domain.reminders import Subscriber, Subscription, due_reminders

ROOT = Path(__file__).resolve().parent.parent
SUBSCRIBERS = 10_000
TARGET_MS = 100.0
RUNS = 20


def main() -> None:
    """Time the due-set computation for 10,000 subscribers and print the figures."""
    kb = load_knowledge(ROOT / "knowledge")
    rng = random.Random(4)
    ids = [s.id for s in kb.sessions]
    subscribers = []
    for user_id in range(1, SUBSCRIBERS + 1):
        # Most take the default (every session); the rest choose one to three sessions.
        chosen = None if rng.random() < 0.7 else frozenset(rng.sample(ids, rng.randint(1, 3)))
        lang = rng.choice(("es", "en"))
        subscribers.append(Subscriber(Subscription(user_id, chosen), user_id, lang))
    # The eve of the clinic: the 19th and 20th are settled (half skipped or delivered).
    tz = kb.event.tz
    now = dt.datetime(2015, 10, 20, 18, 0, 30, tzinfo=tz)
    recorded = {(u, dt.date(2015, 10, d)) for u in range(1, SUBSCRIBERS + 1) for d in (19, 20)}
    reminder_at = dt.time(18, 0)

    timings = []
    due = []
    for _ in range(RUNS):
        start = time.perf_counter()
        due = due_reminders(kb, now, reminder_at, subscribers, recorded)
        timings.append((time.perf_counter() - start) * 1000)
    fresh_start = time.perf_counter()
    first_day = due_reminders(kb, now - dt.timedelta(days=2), reminder_at, subscribers, set())
    fresh_ms = (time.perf_counter() - fresh_start) * 1000

    median, worst = statistics.median(timings), max(timings)
    verdict = "OK" if worst <= TARGET_MS else "OVER TARGET"
    print(f"reminders: due set for {SUBSCRIBERS:,} subscribers, eve of 21 Oct: {len(due):,} due")
    print(f"  median {median:.1f} ms, worst {worst:.1f} ms over {RUNS} runs "
          f"(target <= {TARGET_MS:.0f} ms): {verdict}")  # fmt: skip
    print(f"  nothing recorded yet (eve of 19 Oct): {len(first_day):,} due in {fresh_ms:.1f} ms")


if __name__ == "__main__":
    main()
