"""Broadcasts end to end: SQLite, the paced sender, a real PTB Bot and the fake Bot API."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram import Bot
from telegram.ext import ExtBot

from bot.domain.broadcast import Progress, Tally
from bot.domain.clock import SystemClock
from bot.domain.delivery import Deliver, Outcome, OutgoingMessage
from bot.storage.broadcasts import BroadcastStore, Status
from bot.storage.db import Database
from bot.storage.users import UserStore
from bot.telegram.limiter import Outbox
from bot.telegram.sender import TelegramSender
from bot.usecases.broadcasting import BroadcastService, Preview
from tests.conftest import TOKEN
from tests.fakeapi import FakeBotApi

ROOT = Path(__file__).resolve().parents[2]
ADMIN = 1
TEXT = "/broadcast es: La clínica pasa a la sala B.\nen: The clinic moves to room <B>."


async def open_db(path: Path, users: int) -> Database:
    db = await Database.open(path)
    store = UserStore(db)
    for user_id in range(1001, 1001 + users):
        await store.seen(user_id, user_id, "es" if user_id % 3 == 0 else "en")
    return db


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await open_db(tmp_path / "confbot.sqlite3", users=240)
    yield database
    await database.close()


def service(db: Database, deliver: Deliver, concurrency: int = 32) -> BroadcastService:
    return BroadcastService(
        BroadcastStore(db), UserStore(db), deliver, SystemClock(), concurrency, progress_every=0.2
    )


async def confirmed(broadcasts: BroadcastService) -> int:
    preview = await broadcasts.create_draft(ADMIN, TEXT)
    assert isinstance(preview, Preview)
    assert await broadcasts.confirm(preview.broadcast_id, ADMIN)
    return preview.broadcast_id


async def test_every_reachable_user_gets_exactly_one_copy_despite_faults(
    api: FakeBotApi, db: Database
) -> None:
    api.enforce_limits(per_second=120, per_chat_per_second=1)
    for chat_id in range(1001, 1011):
        api.block(chat_id)
    api.fail_next("sendMessage", chat_id=1011, code=400)
    api.fail_next("sendMessage", chat_id=1100, code=429, retry_after=1)
    api.fail_next("sendMessage", chat_id=1200, code=429, retry_after=1)
    updates: list[Progress] = []

    async def progress(update: Progress) -> None:
        updates.append(update)

    async with ExtBot(TOKEN, base_url=api.base_url, rate_limiter=Outbox(120, 1)) as bot:
        broadcasts = service(db, TelegramSender(bot))
        broadcast_id = await confirmed(broadcasts)
        report = await broadcasts.run(broadcast_id, progress)

    reachable = set(range(1012, 1241))
    assert report.tally == Tally(total=240, delivered=229, blocked=10, not_found=1)
    assert api.copies() == {chat: 1 for chat in reachable}
    assert api.texts(1014) == ["La clínica pasa a la sala B."]
    assert api.texts(1013) == ["The clinic moves to room &lt;B&gt;."]
    # Only the two forced 429s: the pacing itself never tripped the enforced limits.
    assert sorted(c.status for c in api.rejected() if c.status != 403) == [400, 429, 429]
    assert {u.user_id for u in await UserStore(db).active()} == set(range(1011, 1241))
    assert updates and updates[-1].tally.done <= 240
    [record] = await broadcasts.history()
    assert record.status is Status.DONE and record.tally == report.tally


async def test_only_the_admin_who_made_the_preview_sends_it_and_only_once(
    api: FakeBotApi, bot: Bot, db: Database
) -> None:
    broadcasts = service(db, TelegramSender(bot))
    preview = await broadcasts.create_draft(ADMIN, "/broadcast hello")
    assert isinstance(preview, Preview) and preview.total == 240

    assert not await broadcasts.confirm(preview.broadcast_id, admin_id=2)
    with pytest.raises(ValueError):
        await broadcasts.run(preview.broadcast_id)
    assert api.sent() == []

    assert await broadcasts.confirm(preview.broadcast_id, ADMIN)
    assert not await broadcasts.confirm(preview.broadcast_id, ADMIN)
    await broadcasts.run(preview.broadcast_id)
    again = await broadcasts.run(preview.broadcast_id)

    assert again.sent == 0
    assert set(api.copies().values()) == {1} and len(api.copies()) == 240


class CrashingDeliver:
    """Deliver, but "die" (cancel the run) on the n-th message, before or after it leaves."""

    def __init__(self, deliver: Deliver, crash_on: int, after_sending: bool) -> None:
        self.deliver, self.crash_on, self.after_sending = deliver, crash_on, after_sending
        self.calls = 0
        self.run: asyncio.Task[object] | None = None

    async def __call__(self, chat_id: int, message: OutgoingMessage) -> Outcome:
        self.calls += 1
        if self.calls == self.crash_on:
            if self.after_sending:
                await self.deliver(chat_id, message)
            assert self.run is not None
            self.run.cancel()
            await asyncio.Event().wait()
        return await self.deliver(chat_id, message)


@pytest.mark.parametrize("after_sending", [False, True])
async def test_a_crashed_broadcast_resumes_without_second_copies(
    api: FakeBotApi, bot: Bot, tmp_path: Path, after_sending: bool
) -> None:
    path = tmp_path / "crash.sqlite3"
    db = await open_db(path, users=40)
    sender = TelegramSender(bot)
    crashing = CrashingDeliver(sender, crash_on=15, after_sending=after_sending)
    first = service(db, crashing, concurrency=1)
    broadcast_id = await confirmed(first)
    crashing.run = asyncio.create_task(first.run(broadcast_id))
    with pytest.raises(asyncio.CancelledError):
        await crashing.run
    await db.close()
    assert len(api.copies()) == (15 if after_sending else 14)

    db = await Database.open(path)
    [report] = await service(db, sender).resume_unfinished()
    await db.close()

    assert report.tally == Tally(total=40, delivered=40)
    copies = api.copies()
    assert len(copies) == 40
    # The documented case: the message that reached Telegram just before the crash.
    assert sorted(copies.values()) == [1] * 39 + [2 if after_sending else 1]


async def test_a_killed_process_resumes_on_restart_without_duplicates(
    api: FakeBotApi, bot: Bot, tmp_path: Path
) -> None:
    path = tmp_path / "killed.sqlite3"
    db = await open_db(path, users=60)
    broadcast_id = await confirmed(service(db, TelegramSender(bot)))
    await db.close()
    api.enforce_limits(per_second=30, per_chat_per_second=1)
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.telegram.broadcast_child",
        str(path),
        api.base_url,
        str(broadcast_id),
        "30",
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        await api.wait_for(10, timeout=30)
        # A long flood wait: the child holds everything back, so nothing is in flight when killed.
        api.fail_next("sendMessage", code=429, retry_after=5)
        await api.wait_for(lambda fake: bool(fake.rejected()), timeout=10)
        await asyncio.sleep(0.5)
    finally:
        child.send_signal(signal.SIGKILL)
        await child.wait()
    sent_before_kill = len(api.sent())
    assert 10 <= sent_before_kill < 60

    db = await Database.open(path)
    async with ExtBot(TOKEN, base_url=api.base_url, rate_limiter=Outbox(30, 1)) as paced:
        [report] = await service(db, TelegramSender(paced)).resume_unfinished()
    await db.close()

    assert report.tally == Tally(total=60, delivered=60)
    assert report.sent == 60 - sent_before_kill
    assert api.copies() == {chat: 1 for chat in range(1001, 1061)}
