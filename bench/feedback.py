"""Benchmark: 2,000 session-feedback requests due at once (the Dialogue ends, 19:00), sent by
one real sweep through the TelegramSender to the fake Bot API enforcing Telegram's 30 msg/s
(target >= 28 msg/s when nothing else is sent, 0 lost, 0 duplicates), then a second sweep and a
"restarted" service that must send nothing.

`python -m bench.feedback --requests 300` for a quick run (the full one takes ~70 s).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import tempfile
import time
from pathlib import Path

from telegram import Bot
from telegram.ext import ExtBot

from bench.reminders import seed_subscribers
from bot.domain.clock import FixedClock
from bot.domain.knowledge import KnowledgeBase, load_knowledge
from bot.i18n import Translator
from bot.storage.db import Database
from bot.storage.feedback import FeedbackStore
from bot.storage.subscriptions import SubscriptionStore
from bot.storage.users import UserStore
from bot.telegram.limiter import Outbox
from bot.telegram.sender import TelegramSender
from bot.usecases.feedbacking import FeedbackService
from tests.fakeapi import FakeBotApi

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = 2_000
LIMIT = 30  # messages/s the fake enforces, and the sender's rate, as in production
TARGET_RATE = 28.0
TOKEN = "5550001:BENCH-feedback"


def main(requests: int = REQUESTS) -> None:
    """Print the delivery figures."""
    asyncio.run(delivery(load_knowledge(ROOT / "knowledge"), requests))


def service(db: Database, kb: KnowledgeBase, bot: Bot, at: dt.datetime) -> FeedbackService:
    return FeedbackService(
        lambda: kb,
        SubscriptionStore(db),
        FeedbackStore(db),
        UserStore(db),
        FixedClock(at),
        Translator(ROOT / "locales"),
        TelegramSender(bot),
        dt.time(19, 0),
    )


async def delivery(kb: KnowledgeBase, subscribers: int) -> None:
    """Sweep once at 19:00 on the Dialogue's day for `subscribers`; print rate and losses."""
    chats = range(1, subscribers + 1)
    at = dt.datetime(2015, 10, 19, 19, 0, 5, tzinfo=kb.event.tz)
    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "bench.sqlite3")
        await seed_subscribers(db, chats)
        async with (
            FakeBotApi() as api,
            ExtBot(TOKEN, base_url=api.base_url, rate_limiter=Outbox(LIMIT)) as bot,
        ):
            api.strict()
            first = service(db, kb, bot, at)
            started = time.monotonic()
            report = await first.sweep()
            seconds = time.monotonic() - started
            again = await first.sweep()
            restarted = await service(db, kb, bot, at + dt.timedelta(minutes=1)).sweep()
            copies, refused = api.copies(), len(api.rejected())
        statuses = await FeedbackStore(db).statuses()
        await db.close()
    lost = sum(1 for chat in chats if copies[chat] == 0)
    duplicates = sum(n - 1 for n in copies.values() if n > 1)
    rate = report.delivered / seconds
    ok = rate >= TARGET_RATE and not lost and not duplicates and not again.done
    verdict = "OK" if ok and not restarted.done else "OFF TARGET"
    print(
        f"feedback: {subscribers:,} requests due at once (the Dialogue, 19 Oct 19:00), "
        f"fake enforcing {LIMIT} msg/s"
    )
    print(
        f"  delivered {report.delivered:,} in {seconds:.1f} s: {rate:.2f} msg/s "
        f"(target >= {TARGET_RATE:.0f})"
    )
    print(f"  lost {lost}, duplicates {duplicates}, 429s from the fake {refused}: {verdict}")
    print(
        f"  a second sweep sent {again.done}, a restarted service sent {restarted.done}; "
        f"rows: {statuses}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=REQUESTS)
    main(parser.parse_args().requests)
