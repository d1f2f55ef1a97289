"""Users: who talks to the bot, in which language, and whether they still can be reached."""

from __future__ import annotations

import datetime as dt
import logging
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any

from bot.storage.db import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class User:
    user_id: int
    chat_id: int
    lang: str | None
    tg_lang: str | None
    active: bool

    @property
    def language(self) -> str:
        """Return the language to talk to this user in: their choice, else Telegram's, else en."""
        return self.lang or self.tg_lang or "en"


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


_COLUMNS = "user_id, chat_id, lang, tg_lang, active"


class _Recent:
    """The most recently used users, at most `size` of them, findable by user and by chat."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._users: OrderedDict[int, User] = OrderedDict()
        self._by_chat: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._users)

    def __contains__(self, user_id: int) -> bool:
        return user_id in self._users

    def __getitem__(self, user_id: int) -> User:
        self._users.move_to_end(user_id)
        return self._users[user_id]

    def get(self, user_id: int) -> User | None:
        return self[user_id] if user_id in self._users else None

    def __setitem__(self, user_id: int, user: User) -> None:
        old = self._users.get(user_id)
        if old is not None and self._by_chat.get(old.chat_id) == user_id:
            del self._by_chat[old.chat_id]
        self._users[user_id] = user
        self._users.move_to_end(user_id)
        self._by_chat[user.chat_id] = user_id
        while len(self._users) > self.size:
            _, evicted = self._users.popitem(last=False)
            if self._by_chat.get(evicted.chat_id) == evicted.user_id:
                del self._by_chat[evicted.chat_id]

    def by_chat(self, chat_id: int) -> User | None:
        user_id = self._by_chat.get(chat_id)
        return None if user_id is None else self._users.get(user_id)

    def pop(self, user_id: int) -> None:
        user = self._users.pop(user_id, None)
        if user is not None and self._by_chat.get(user.chat_id) == user_id:
            del self._by_chat[user.chat_id]


CACHED_USERS = 10_000  # memory stays flat however many attendees write (a miss reads SQLite)


class UserStore:
    """Users in SQLite, with an in-memory copy so a busy bot does not write on every message."""

    def __init__(self, db: Database, cached: int = CACHED_USERS) -> None:
        self.db = db
        self._cache = _Recent(cached)

    @property
    def cached(self) -> int:
        """Return how many users are held in memory."""
        return len(self._cache)

    async def seen(self, user_id: int, chat_id: int, tg_lang: str | None) -> User:
        """Record that the user wrote to the bot (creating or reactivating them); return them."""
        known = self._cache.get(user_id) or await self.get(user_id)
        fresh = tg_lang is None or (known is not None and known.tg_lang == tg_lang)
        if known is not None and known.active and known.chat_id == chat_id and fresh:
            return known
        now = _stamp()
        row = await self.db.write_returning(
            "INSERT INTO users (user_id, chat_id, tg_lang, active, created_at, updated_at)"
            " VALUES (?, ?, ?, 1, ?, ?)"
            " ON CONFLICT(user_id) DO UPDATE SET chat_id = excluded.chat_id, active = 1,"
            " tg_lang = COALESCE(excluded.tg_lang, users.tg_lang),"
            f" updated_at = excluded.updated_at RETURNING {_COLUMNS}",
            (user_id, chat_id, tg_lang, now, now),
        )
        assert row is not None
        user = self._cache[user_id] = _user(row)
        return user

    async def get(self, user_id: int) -> User | None:
        if user_id in self._cache:
            return self._cache[user_id]
        row = await self.db.fetchone(f"SELECT {_COLUMNS} FROM users WHERE user_id = ?", (user_id,))
        if row is None:
            return None
        user = self._cache[user_id] = _user(row)
        return user

    async def set_language(self, user_id: int, lang: str) -> bool:
        """Store the user's language; return False when they are not stored (nothing saved)."""
        changed = await self.db.write(
            "UPDATE users SET lang = ?, updated_at = ? WHERE user_id = ?", (lang, _stamp(), user_id)
        )
        if user_id in self._cache:
            self._cache[user_id] = replace(self._cache[user_id], lang=lang)
        return changed > 0

    async def set_active(self, chat_id: int, active: bool) -> bool:
        """Mark the user behind `chat_id` reachable or not; return whether anything changed."""
        changed = await self.db.write(
            "UPDATE users SET active = ?, updated_at = ? WHERE chat_id = ? AND active != ?",
            (int(active), _stamp(), chat_id, int(active)),
        )
        user = self._cache.by_chat(chat_id)
        if user is not None:
            self._cache[user.user_id] = replace(user, active=active)
        return changed > 0

    async def mark_unreachable(self, chat_id: int) -> bool:
        """Mark the user behind `chat_id` inactive: they blocked the bot or their chat is gone.

        The one place this happens (a reply refused, a message sent on the bot's own, a
        block notice): no reminder, broadcast or request goes to them until they write again.
        """
        changed = await self.set_active(chat_id, False)
        if changed:
            log.info(
                "chat %s cannot be reached (blocked the bot or gone): marked inactive", chat_id
            )
        return changed

    async def active(self) -> list[User]:
        """Return every user who can be messaged."""
        rows = await self.db.fetchall(
            f"SELECT {_COLUMNS} FROM users WHERE active = 1 ORDER BY user_id"
        )
        return [_user(r) for r in rows]

    async def count_by_language(self) -> dict[str, int]:
        """Return how many reachable users talk in each language."""
        rows = await self.db.fetchall(
            "SELECT COALESCE(lang, tg_lang, 'en') AS language, COUNT(*) AS n FROM users"
            " WHERE active = 1 GROUP BY language"
        )
        return {r["language"]: r["n"] for r in rows}

    async def forget(self, user_id: int) -> None:
        """Delete the user (their subscriptions and deliveries follow by cascade)."""
        await self.db.write("DELETE FROM users WHERE user_id = ?", (user_id,))
        self._cache.pop(user_id)


def _user(row: Any) -> User:
    return User(row["user_id"], row["chat_id"], row["lang"], row["tg_lang"], bool(row["active"]))
