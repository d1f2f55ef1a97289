"""The user store keeps a bounded number of users in memory, and stays right when it forgets."""

from __future__ import annotations

from bot.storage.db import Database
from bot.storage.users import UserStore


async def test_memory_is_bounded_however_many_users_write() -> None:
    db = await Database.open(":memory:")
    store = UserStore(db, cached=100)
    for user_id in range(1, 1001):
        await store.seen(user_id, user_id, "en")
    assert store.cached == 100
    first = await store.get(1)  # long forgotten from memory: read back from SQLite
    assert first is not None and first.chat_id == 1 and first.active
    assert await store.set_language(1, "es")
    assert (await store.get(1)).lang == "es"  # type: ignore[union-attr]
    await db.close()


async def test_blocking_marks_the_cached_user_and_the_stored_one() -> None:
    db = await Database.open(":memory:")
    store = UserStore(db, cached=2)
    for user_id in (10, 20, 30):
        await store.seen(user_id, user_id, None)
    assert await store.set_active(30, False)  # cached
    assert await store.set_active(10, False)  # evicted: only SQLite knows it
    assert not (await store.get(30)).active  # type: ignore[union-attr]
    assert not (await store.get(10)).active  # type: ignore[union-attr]
    assert [u.user_id for u in await store.active()] == [20]
    await store.forget(20)
    assert await store.get(20) is None
    await db.close()
