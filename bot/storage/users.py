"""Users: who talks to the bot, in which language, and whether they still can be reached."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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


class UserStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def seen(self, user_id: int, chat_id: int, tg_lang: str | None) -> None:
        """Record that the user wrote to the bot (creating them, refreshing their language)."""
        now = _stamp()
        await self.db.write(
            "INSERT INTO users (user_id, chat_id, tg_lang, active, created_at, updated_at)"
            " VALUES (?, ?, ?, 1, ?, ?)"
            " ON CONFLICT(user_id) DO UPDATE SET chat_id = excluded.chat_id,"
            " tg_lang = COALESCE(excluded.tg_lang, users.tg_lang), updated_at = excluded.updated_at",
            (user_id, chat_id, tg_lang, now, now),
        )

    async def get(self, user_id: int) -> User | None:
        row = await self.db.fetchone(
            "SELECT user_id, chat_id, lang, tg_lang, active FROM users WHERE user_id = ?",
            (user_id,),
        )
        return _user(row) if row else None

    async def set_language(self, user_id: int, lang: str) -> None:
        await self.db.write(
            "UPDATE users SET lang = ?, updated_at = ? WHERE user_id = ?", (lang, _stamp(), user_id)
        )

    async def set_active(self, chat_id: int, active: bool) -> bool:
        """Mark the user behind `chat_id` reachable or not; return whether anything changed."""
        changed = await self.db.write(
            "UPDATE users SET active = ?, updated_at = ? WHERE chat_id = ? AND active != ?",
            (int(active), _stamp(), chat_id, int(active)),
        )
        return changed > 0

    async def active(self) -> list[User]:
        """Return every user who can be messaged."""
        rows = await self.db.fetchall(
            "SELECT user_id, chat_id, lang, tg_lang, active FROM users WHERE active = 1"
            " ORDER BY user_id"
        )
        return [_user(r) for r in rows]

    async def forget(self, user_id: int) -> None:
        await self.db.write("DELETE FROM users WHERE user_id = ?", (user_id,))


def _user(row: object) -> User:
    r = row  # aiosqlite.Row supports item access by name
    return User(r["user_id"], r["chat_id"], r["lang"], r["tg_lang"], bool(r["active"]))  # type: ignore[index]
