"""Broadcast and reminder-like delivery against the strict fake Bot API (Telegram's limits).

The bot is the application's: an ExtBot whose rate limiter is the Outbox. Prints the pace
first to last as the fake accepted the messages (target >= 29 msg/s with 30 msg/s enforced,
0 x 429), lost messages, duplicates and resident memory. The fake runs in its own process, so
the memory figures are the sending side's alone. `python -m bench.broadcast --recipients 300`
for a quick run.
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

from telegram.ext import ExtBot

from bot.domain.broadcast import Progress
from bot.domain.clock import SystemClock
from bot.domain.delivery import Outcome, OutgoingMessage
from bot.storage.broadcasts import BroadcastStore
from bot.storage.db import Database
from bot.storage.users import UserStore
from bot.telegram.limiter import Outbox
from bot.telegram.sender import TelegramSender
from bot.usecases.broadcasting import BroadcastService, Preview
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

    async def stats(self) -> tuple[Counter[int], int, list[tuple[float, int]]]:
        """Return the accepted copies per chat, the refused calls and when messages arrived."""
        self._conn.send("stats")
        return await asyncio.get_running_loop().run_in_executor(None, self._conn.recv)

    def stop(self) -> None:
        self._conn.send("stop")
        self._process.join(5)


def _serve_fake(conn: Connection) -> None:
    async def serve() -> None:
        async with FakeBotApi() as api:
            api.strict()
            conn.send(api.base_url)
            loop = asyncio.get_running_loop()
            while await loop.run_in_executor(None, conn.recv) == "stats":
                arrivals = [(c.at, c.chat_id) for c in api.sent()]
                conn.send((api.copies(), len(api.rejected()), arrivals))

    asyncio.run(serve())


async def losses(api: RemoteFake, chats: Iterable[int]) -> tuple[int, int, int, float]:
    """Return (chats that got no copy, extra copies, refused calls, msg/s first to last)."""
    copies, refused, arrivals = await api.stats()
    wanted = set(chats)
    lost = sum(1 for chat in wanted if copies[chat] == 0)
    duplicates = sum(n - 1 for chat, n in copies.items() if n > 1 and chat in wanted)
    mine = [at for at, chat in arrivals if chat in wanted]
    pace = (len(mine) - 1) / (mine[-1] - mine[0]) if len(mine) > 1 else 0.0
    return lost, duplicates, refused, pace


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
    lost, duplicates, refused, pace = await losses(api, range(1, recipients + 1))
    print(f"broadcast: {recipients} recipients, strict fake ({LIMIT} msg/s, 1 msg/s per chat)")
    print(
        f"  {pace:.2f} msg/s first to last as the fake accepted them (target >= 29); the run "
        f"took {report.seconds:.1f} s, {report.per_second:.2f} msg/s with its start and end"
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
    gate = asyncio.Semaphore(4)  # as many in flight as ReminderService keeps

    async def one(chat_id: int) -> Outcome:
        async with gate:
            return await sender(chat_id, message)

    started = time.monotonic()
    outcomes = await asyncio.gather(*(one(chat) for chat in chats))
    seconds = time.monotonic() - started
    lost, duplicates, refused, pace = await losses(api, chats)
    delivered = outcomes.count(Outcome.DELIVERED)
    print(f"reminder-like delivery: {recipients} recipients through the same sender")
    print(f"  {pace:.2f} msg/s first to last; {seconds:.1f} s, {recipients / seconds:.2f} msg/s")
    print(f"  delivered {delivered}, lost {lost}, duplicates {duplicates}")
    print(f"  429s from the fake (both runs): {refused}")


async def run(api: RemoteFake, recipients: int, reminder_recipients: int) -> None:
    async with ExtBot(TOKEN, base_url=api.base_url, rate_limiter=Outbox(LIMIT)) as bot:
        # One Outbox for the whole bot, as in production: Telegram's limit is per bot.
        sender = TelegramSender(bot)
        with tempfile.TemporaryDirectory() as folder:
            await broadcast(api, sender, Path(folder), recipients)
        if reminder_recipients:
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
