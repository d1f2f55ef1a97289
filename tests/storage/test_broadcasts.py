"""Broadcasts in SQLite: only the draft's admin confirms it, once; recipients fixed at confirm."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator

import pytest

from bot.domain.broadcast import Audience, BroadcastDraft, Tally
from bot.domain.delivery import Outcome
from bot.storage.broadcasts import BroadcastStore, Recipient, Status
from bot.storage.db import Database
from bot.storage.users import UserStore

NOW = dt.datetime(2015, 10, 19, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
ADMIN = 1
DRAFT = BroadcastDraft({"es": "Sala B", "en": "Room B"})


@pytest.fixture
async def db() -> AsyncIterator[Database]:
    database = await Database.open(":memory:")
    users = UserStore(database)
    for user_id, lang in [(10, "es"), (11, "en"), (12, None), (13, "es")]:
        await users.seen(user_id, user_id, lang)
    await users.set_active(13, False)
    yield database
    await database.close()


async def subscribe(db: Database, user_id: int) -> None:
    """Subscribe a user, whatever columns the subscriptions migration added besides user_id."""
    await db.write(
        "CREATE TABLE IF NOT EXISTS subscriptions (user_id INTEGER PRIMARY KEY, created_at TEXT,"
        " updated_at TEXT)"
    )
    columns = {row["name"] for row in await db.fetchall("PRAGMA table_info(subscriptions)")}
    stamps = [c for c in ("created_at", "updated_at") if c in columns]
    names = ", ".join(["user_id", *stamps])
    marks = ", ".join("?" * (1 + len(stamps)))
    await db.write(
        f"INSERT INTO subscriptions ({names}) VALUES ({marks})",
        (user_id, *[NOW.isoformat()] * len(stamps)),
    )


async def test_a_draft_is_confirmed_only_by_its_admin_and_only_once(db: Database) -> None:
    store = BroadcastStore(db)
    broadcast_id = await store.create(ADMIN, DRAFT, NOW)

    assert not await store.confirm(broadcast_id, admin_id=2, now=NOW)
    assert await store.confirm(broadcast_id, ADMIN, NOW)
    assert not await store.confirm(broadcast_id, ADMIN, NOW)
    assert not await store.cancel(broadcast_id, ADMIN, NOW)

    record = await store.get(broadcast_id)
    assert record is not None and record.status is Status.CONFIRMED
    assert record.draft == DRAFT
    assert record.tally == Tally(total=3)


async def test_confirming_writes_every_active_recipient_with_their_language(db: Database) -> None:
    store = BroadcastStore(db)
    broadcast_id = await store.create(ADMIN, DRAFT, NOW)
    await store.confirm(broadcast_id, ADMIN, NOW)

    assert await store.pending(broadcast_id, after_user_id=0, limit=10) == [
        Recipient(10, 10, "es"),
        Recipient(11, 11, "en"),
        Recipient(12, 12, "en"),
    ]
    assert await store.pending(broadcast_id, after_user_id=10, limit=1) == [Recipient(11, 11, "en")]


async def test_a_cancelled_draft_cannot_be_confirmed(db: Database) -> None:
    store = BroadcastStore(db)
    broadcast_id = await store.create(ADMIN, DRAFT, NOW)

    assert not await store.cancel(broadcast_id, admin_id=2, now=NOW)
    assert await store.cancel(broadcast_id, ADMIN, NOW)
    assert not await store.confirm(broadcast_id, ADMIN, NOW)
    assert await store.unfinished() == []


async def test_subscribers_only(db: Database) -> None:
    store = BroadcastStore(db)
    await subscribe(db, 11)
    await subscribe(db, 13)  # blocked the bot: not a recipient
    draft = BroadcastDraft({"*": "hi"}, Audience.SUBSCRIBERS)

    assert await store.audience_by_language(Audience.SUBSCRIBERS) == {"en": 1}
    assert await store.audience_by_language(Audience.EVERYONE) == {"es": 1, "en": 2}
    broadcast_id = await store.create(ADMIN, draft, NOW)
    await store.confirm(broadcast_id, ADMIN, NOW)
    assert await store.pending(broadcast_id, 0, 10) == [Recipient(11, 11, "en")]


async def test_interrupted_sends_are_queued_again_and_history_counts_outcomes(
    db: Database,
) -> None:
    store = BroadcastStore(db)
    broadcast_id = await store.create(ADMIN, DRAFT, NOW)
    await store.confirm(broadcast_id, ADMIN, NOW)
    await store.start(broadcast_id, NOW)
    for user_id in (10, 11, 12):
        await store.mark_sending(broadcast_id, user_id, NOW)
    await store.record(broadcast_id, 10, Outcome.DELIVERED, NOW)
    await store.record(broadcast_id, 11, Outcome.BLOCKED, NOW)

    assert await store.unfinished() == [broadcast_id]
    assert await store.start(broadcast_id, NOW) == 1  # 12 was in flight when "the bot died"
    assert await store.pending(broadcast_id, 0, 10) == [Recipient(12, 12, "en")]
    [live] = await store.history()
    assert live.status is Status.SENDING and live.tally == Tally(3, delivered=1, blocked=1)

    await store.record(broadcast_id, 12, Outcome.NOT_FOUND, NOW)
    final = await store.finish(broadcast_id, NOW + dt.timedelta(seconds=5))

    [done] = await store.history()
    assert final == done.tally == Tally(3, delivered=1, blocked=1, not_found=1)
    assert done.status is Status.DONE and done.finished_at == NOW + dt.timedelta(seconds=5)
    assert done.started_at == NOW and done.admin_id == ADMIN
    assert await store.unfinished() == []


async def test_drafts_stay_out_of_the_history(db: Database) -> None:
    store = BroadcastStore(db)
    await store.create(ADMIN, DRAFT, NOW)

    assert await store.history() == []


async def test_two_simultaneous_presses_on_send_confirm_once(db: Database) -> None:
    store = BroadcastStore(db)
    broadcast_id = await store.create(ADMIN, DRAFT, NOW)

    results = await asyncio.gather(*(store.confirm(broadcast_id, ADMIN, NOW) for _ in range(5)))

    assert sorted(results) == [False] * 4 + [True]
    assert len(await store.pending(broadcast_id, 0, 100)) == 3
