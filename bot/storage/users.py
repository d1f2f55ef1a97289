"""Users: who talks to the bot, in which language, and whether they still can be reached."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from bot.storage.db import Database


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


class UserStore:
    """Users in SQLite, with an in-memory copy so a busy bot does not write on every message."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._cache: dict[int, User] = {}

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
        for user_id, user in list(self._cache.items()):
            if user.chat_id == chat_id:
                self._cache[user_id] = replace(user, active=active)
        return changed > 0

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
        self._cache.pop(user_id, None)


def _user(row: Any) -> User:
    return User(row["user_id"], row["chat_id"], row["lang"], row["tg_lang"], bool(row["active"]))
