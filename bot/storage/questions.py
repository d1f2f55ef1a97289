"""The question log: what was asked and how it was answered, with a salted hash for the asker."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Sequence
from typing import Any

from bot.domain.matcher import Reply
from bot.domain.questions import LoggedQuestion
from bot.storage.db import Database

MAX_TEXT = 1000  # longer messages are stored cut: the matcher only reads their start anyway


def _stamp(at: dt.datetime) -> str:
    # One fixed form (UTC, seconds) so that instants compare as strings in SQL.
    return at.astimezone(dt.UTC).isoformat(timespec="seconds")


class QuestionStore:
    """Free-text questions in SQLite; the user is only ever stored as a salted hash."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._salt: bytes | None = None

    async def _key(self) -> bytes:
        if self._salt is None:
            await self.db.write(
                "INSERT OR IGNORE INTO question_salt (id, salt) VALUES (1, ?)",
                (secrets.token_hex(32),),
            )
            row = await self.db.fetchone("SELECT salt FROM question_salt WHERE id = 1")
            assert row is not None
            self._salt = bytes.fromhex(row["salt"])
        return self._salt

    async def asker(self, user_id: int) -> str:
        """Return the pseudonym the log uses for `user_id`: HMAC-SHA256 under this DB's salt."""
        return hmac.new(await self._key(), str(user_id).encode(), hashlib.sha256).hexdigest()

    async def record(self, reply: Reply, user_id: int | None, at: dt.datetime) -> int:
        """Log one answered (or abstained) question; return its id."""
        asker = await self.asker(user_id) if user_id is not None else None
        entry = reply.entry if reply.kind != "abstain" else None
        row = await self.db.write_returning(
            "INSERT INTO questions (asked_at, asker, text, lang, kind, entry, score)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (_stamp(at), asker, reply.question[:MAX_TEXT], reply.lang, reply.kind, entry,
             round(reply.score, 1)),
        )  # fmt: skip
        assert row is not None
        return int(row[0])

    async def asked_by(self, question_id: int, user_id: int) -> tuple[str, str] | None:
        """Return (text, language) of a question `user_id` asked (None: not theirs, or gone)."""
        row = await self.db.fetchone(
            "SELECT text, lang FROM questions WHERE id = ? AND asker = ?",
            (question_id, await self.asker(user_id)),
        )
        return (row["text"], row["lang"]) if row else None

    async def since(self, start: dt.datetime | None = None) -> list[LoggedQuestion]:
        """Return the questions asked at or after `start` (all when None), oldest first."""
        rows = await self.db.fetchall(
            "SELECT asked_at, text, lang, kind, entry, score FROM questions"
            " WHERE asked_at >= ? ORDER BY asked_at, id",
            (_stamp(start) if start else "",),
        )
        # Thousands of rows take tens of milliseconds to convert: not on the event loop.
        return await asyncio.to_thread(_logged, rows)

    async def forget(self, user_id: int) -> int:
        """Delete every question `user_id` asked; return how many."""
        return await self.db.write(
            "DELETE FROM questions WHERE asker = ?", (await self.asker(user_id),)
        )

    async def purge(self, before: dt.datetime) -> int:
        """Delete the questions asked before `before` (retention); return how many."""
        return await self.db.write("DELETE FROM questions WHERE asked_at < ?", (_stamp(before),))


def _logged(rows: Sequence[Any]) -> list[LoggedQuestion]:
    return [
        LoggedQuestion(
            r["text"],
            r["lang"],
            r["kind"],
            r["entry"],
            r["score"],
            dt.datetime.fromisoformat(r["asked_at"]),
        )  # fmt: skip
        for r in rows
    ]
