"""Benchmarks: the reminder due set for 10,000 subscribers (target <= 100 ms), and one real
sweep delivering 2,000 reminders through the TelegramSender and the application's Outbox to the
strict fake Bot API (Telegram's limits; target >= 28 msg/s, 0 lost, 0 duplicates).

`python -m bench.reminders --deliveries 300` for a quick run (the full one takes ~70 s).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from telegram.ext import ExtBot

from bot.domain.clock import FixedClock
from bot.domain.knowledge import KnowledgeBase, load_knowledge
from bot.domain.reminders import Subscriber, Subscription, due_reminders
from bot.i18n import Translator
from bot.storage.db import Database
from bot.storage.subscriptions import ReminderLog, SubscriptionStore
from bot.storage.users import UserStore
from bot.telegram.limiter import Outbox
from bot.telegram.sender import TelegramSender
from bot.usecases.reminding import ReminderService
from tests.fakeapi import FakeBotApi

ROOT = Path(__file__).resolve().parent.parent
SUBSCRIBERS = 10_000
TARGET_MS = 100.0
RUNS = 20
DELIVERIES = 2_000
LIMIT = 30  # messages/s the fake enforces, and the sender's rate, as in production
TARGET_RATE = 28.0
TOKEN = "5550001:BENCH-reminders"


def main(deliveries: int = DELIVERIES) -> None:
    """Print the due-set and the delivery figures."""
    kb = load_knowledge(ROOT / "knowledge")
    due_set(kb)
    asyncio.run(delivery(kb, deliveries))


def due_set(kb: KnowledgeBase) -> None:
    """Time the due-set computation for 10,000 subscribers and print the figures."""
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
    print(
        f"  median {median:.1f} ms, worst {worst:.1f} ms over {RUNS} runs "
        f"(target <= {TARGET_MS:.0f} ms): {verdict}"
    )
    print(f"  nothing recorded yet (eve of 19 Oct): {len(first_day):,} due in {fresh_ms:.1f} ms")


async def seed_subscribers(db: Database, chats: range) -> None:
    """Store one user per chat (es and en alternately), each subscribed to every session."""
    async with db.transaction() as conn:
        await conn.executemany(
            "INSERT INTO users (user_id, chat_id, tg_lang, active, created_at, updated_at)"
            " VALUES (?, ?, ?, 1, '2015-10-01', '2015-10-01')",
            [(u, u, "es" if u % 2 else "en") for u in chats],
        )
        await conn.executemany(
            "INSERT INTO subscriptions (user_id, sessions, created_at, updated_at)"
            " VALUES (?, NULL, '2015-10-01', '2015-10-01')",
            [(u,) for u in chats],
        )


async def delivery(kb: KnowledgeBase, subscribers: int) -> None:
    """Run one real sweep on the eve of the clinic for `subscribers`; print rate and losses."""
    chats = range(1, subscribers + 1)
    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "bench.sqlite3")
        await seed_subscribers(db, chats)
        # The 19th and 20th are over: only the clinic's reminders (21 Oct) are due.
        await ReminderLog(db).skip(
            due_reminders(
                kb,
                dt.datetime(2015, 10, 20, 12, 0, tzinfo=kb.event.tz),
                dt.time(18, 0),
                await SubscriptionStore(db).active_subscribers(),
                set(),
            )
        )
        async with (
            FakeBotApi() as api,
            ExtBot(TOKEN, base_url=api.base_url, rate_limiter=Outbox(LIMIT)) as bot,
        ):
            api.strict()
            service = ReminderService(
                kb,
                SubscriptionStore(db),
                ReminderLog(db),
                UserStore(db),
                FixedClock(dt.datetime(2015, 10, 20, 18, 0, 5, tzinfo=kb.event.tz)),
                Translator(ROOT / "locales"),
                TelegramSender(bot),
            )
            started = time.monotonic()
            report = await service.sweep()
            seconds = time.monotonic() - started
            again = await service.sweep()
            copies, refused = api.copies(), len(api.rejected())
        await db.close()
    lost = sum(1 for chat in chats if copies[chat] == 0)
    duplicates = sum(n - 1 for n in copies.values() if n > 1)
    rate = report.delivered / seconds
    verdict = "OK" if rate >= TARGET_RATE and not lost and not duplicates else "OFF TARGET"
    print(f"reminders: one sweep to {subscribers:,} subscribers, strict fake ({LIMIT} msg/s)")
    print(
        f"  delivered {report.delivered:,} in {seconds:.1f} s: {rate:.2f} msg/s "
        f"(target >= {TARGET_RATE:.0f})"
    )
    print(f"  lost {lost}, duplicates {duplicates}: {verdict}")
    print(f"  429s from the fake: {refused}; a second sweep sent {again.delivered}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--deliveries", type=int, default=DELIVERIES)
    main(parser.parse_args().deliveries)
