"""Broadcast and reminder-like delivery against the fake Bot API enforcing Telegram's limits.

Prints the achieved rate (target >= 28 msg/s with 30 msg/s enforced), lost messages,
duplicates and resident memory. The fake runs in its own process, so the memory figures are
the sending side's alone. `python -m bench.broadcast --recipients 300` for a quick run.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import resource
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from multiprocessing.connection import Connection
from pathlib import Path

from telegram import Bot

from bot.broadcasting import BroadcastService, Preview
from bot.domain.broadcast import Progress
from bot.domain.clock import SystemClock
from bot.domain.delivery import Outcome, OutgoingMessage
from bot.storage.broadcasts import BroadcastStore
from bot.storage.db import Database
from bot.storage.users import UserStore
from bot.telegram.sender import TelegramSender
from tests.fakeapi import FakeBotApi

TOKEN = "5550001:BENCH-token"
LIMIT = 30


def rss_mb() -> float:
    """Return the current resident set size in MB."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 1e6


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


class RemoteFake:
    """The fake Bot API in a child process, asked for its counts over a pipe."""

    def __init__(self) -> None:
        self._conn, child = multiprocessing.get_context("fork").Pipe()
        self._process = multiprocessing.get_context("fork").Process(
            target=_serve_fake, args=(child,), daemon=True
        )
        self._process.start()
        self.base_url: str = self._conn.recv()

    async def stats(self) -> tuple[Counter[int], int]:
        """Return the accepted copies per chat and the number of refused calls."""
        self._conn.send("stats")
        return await asyncio.get_running_loop().run_in_executor(None, self._conn.recv)

    def stop(self) -> None:
        self._conn.send("stop")
        self._process.join(5)


def _serve_fake(conn: Connection) -> None:
    async def serve() -> None:
        async with FakeBotApi() as api:
            api.enforce_limits(per_second=LIMIT, per_chat_per_second=1)
            conn.send(api.base_url)
            loop = asyncio.get_running_loop()
            while await loop.run_in_executor(None, conn.recv) == "stats":
                conn.send((api.copies(), len(api.rejected())))

    asyncio.run(serve())


async def losses(api: RemoteFake, chats: Iterable[int]) -> tuple[int, int, int]:
    """Return (chats that got no copy, extra copies, refused calls) among `chats`."""
    copies, refused = await api.stats()
    lost = sum(1 for chat in chats if copies[chat] == 0)
    duplicates = sum(n - 1 for n in copies.values() if n > 1)
    return lost, duplicates, refused


async def broadcast(api: RemoteFake, sender: TelegramSender, folder: Path, recipients: int) -> None:
    db = await Database.open(folder / "bench.sqlite3")
    users = UserStore(db)
    async with db.transaction() as conn:
        await conn.executemany(
            "INSERT INTO users (user_id, chat_id, tg_lang, active, created_at, updated_at)"
            " VALUES (?, ?, ?, 1, '2015-10-01', '2015-10-01')",
            [(u, u, "es" if u % 2 else "en") for u in range(1, recipients + 1)],
        )
    samples: list[float] = []

    async def progress(update: Progress) -> None:
        samples.append(rss_mb())
        if len(samples) % 10 == 0:
            print(f"  … {update.tally.done}/{update.tally.total} in {update.seconds:.0f} s")

    service = BroadcastService(BroadcastStore(db), users, sender, SystemClock())
    preview = await service.create_draft(1, "es: La clínica pasa a la sala B.\nen: Room B.")
    assert isinstance(preview, Preview)
    await service.confirm(preview.broadcast_id, 1)
    before, peak_before = rss_mb(), peak_rss_mb()
    report = await service.run(preview.broadcast_id, progress)
    after, peak_after = rss_mb(), peak_rss_mb()
    await db.close()
    lost, duplicates, refused = await losses(api, range(1, recipients + 1))
    print(f"broadcast: {recipients} recipients, fake enforcing {LIMIT} msg/s and 1 msg/s per chat")
    print(
        f"  duration {report.seconds:.1f} s, achieved {report.per_second:.2f} msg/s (target >= 28)"
    )
    print(f"  delivered {report.tally.delivered}, lost {lost}, duplicates {duplicates}")
    print(f"  429s from the fake: {refused}")
    print(f"  RSS {before:.1f} MB before, {after:.1f} MB after", end="")
    if samples:
        print(f" (during: {min(samples):.1f}-{max(samples):.1f} MB)", end="")
    print(f"; peak {peak_before:.1f} -> {peak_after:.1f} MB")


async def reminders(api: RemoteFake, sender: TelegramSender, recipients: int) -> None:
    chats = range(100_001, 100_001 + recipients)
    message = OutgoingMessage("<b>Mañana</b> 09:00 · Sala B")
    gate = asyncio.Semaphore(32)

    async def one(chat_id: int) -> Outcome:
        async with gate:
            return await sender(chat_id, message)

    started = time.monotonic()
    outcomes = await asyncio.gather(*(one(chat) for chat in chats))
    seconds = time.monotonic() - started
    lost, duplicates, refused = await losses(api, chats)
    delivered = outcomes.count(Outcome.DELIVERED)
    print(f"reminder-like delivery: {recipients} recipients through the same sender")
    print(f"  duration {seconds:.1f} s, achieved {recipients / seconds:.2f} msg/s (target >= 28)")
    print(f"  delivered {delivered}, lost {lost}, duplicates {duplicates}")
    print(f"  429s from the fake (both runs): {refused}")


async def run(api: RemoteFake, recipients: int, reminder_recipients: int) -> None:
    async with Bot(TOKEN, base_url=api.base_url) as bot:
        # One sender for the whole bot, as in production: Telegram's limit is per bot.
        sender = TelegramSender(bot, rate_per_second=LIMIT)
        with tempfile.TemporaryDirectory() as folder:
            await broadcast(api, sender, Path(folder), recipients)
        await reminders(api, sender, reminder_recipients)


def main(recipients: int = 5000, reminder_recipients: int = 2000) -> None:
    """Print the broadcast and reminder delivery figures."""
    api = RemoteFake()
    try:
        asyncio.run(run(api, recipients, reminder_recipients))
    finally:
        api.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--recipients", type=int, default=5000)
    parser.add_argument("--reminders", type=int, default=2000)
    args = parser.parse_args()
    main(args.recipients, args.reminders)
