"""Feedback requests (claimed before sending, settled after), ratings, comments, opt-outs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bot.domain.delivery import Outcome
from bot.domain.feedback import FeedbackDue, Rating
from bot.storage.claims import claim_rows
from bot.storage.db import Database


def _stamp(at: dt.datetime | None = None) -> str:
    return (at or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).isoformat(timespec="seconds")


class FeedbackStore:
    """Who was asked about which session, and what they answered."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def recorded(self) -> set[tuple[int, str]]:
        """Return the (user, session) requests that are settled; pending ones are not."""
        rows = await self.db.fetchall(
            "SELECT user_id, session_id FROM feedback_requests WHERE status != 'pending'"
        )
        return {(r["user_id"], r["session_id"]) for r in rows}

    async def claim(self, dues: Sequence[FeedbackDue]) -> list[FeedbackDue]:
        """Record `dues` as pending in one transaction; return those this call claimed."""
        return await self._insert(dues, "pending")

    async def skip(self, dues: Sequence[FeedbackDue]) -> None:
        """Record `dues` as skipped so that they never go out."""
        await self._insert(dues, "skipped")

    async def _insert(self, dues: Sequence[FeedbackDue], status: str) -> list[FeedbackDue]:
        by_key = {d.key: d for d in dues}
        rows = dict.fromkeys(by_key, ())
        claimed = await claim_rows(
            self.db, "feedback_requests", "session_id", rows, status, _stamp()
        )
        return [due for key, due in by_key.items() if key in claimed]

    async def settle(self, due: FeedbackDue, outcome: Outcome) -> None:
        await self.db.write(
            "UPDATE feedback_requests SET status = ?, updated_at = ?"
            " WHERE user_id = ? AND session_id = ?",
            (outcome.value, _stamp(), *due.key),
        )

    async def statuses(self) -> dict[str, int]:
        rows = await self.db.fetchall(
            "SELECT status, COUNT(*) AS n FROM feedback_requests GROUP BY status"
        )
        return {r["status"]: r["n"] for r in rows}

    async def rate(self, user_id: int, session_id: str, rating: int, until: dt.datetime) -> None:
        """Set (or change) the user's rating; their next message until `until` is a comment."""
        await self.db.write(
            "INSERT INTO feedback (user_id, session_id, rating, comment_until, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(user_id, session_id) DO UPDATE SET"
            " rating = excluded.rating, comment_until = excluded.comment_until,"
            " updated_at = excluded.updated_at",
            (user_id, session_id, rating, _stamp(until), _stamp()),
        )

    async def await_comment(self, user_id: int, session_id: str, until: dt.datetime) -> None:
        """Take the user's next message until `until` as their comment on the session."""
        await self.db.write(
            "INSERT INTO feedback (user_id, session_id, comment_until, updated_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT(user_id, session_id) DO UPDATE SET"
            " comment_until = excluded.comment_until, updated_at = excluded.updated_at",
            (user_id, session_id, _stamp(until), _stamp()),
        )

    async def comment(self, user_id: int, session_id: str, text: str) -> None:
        await self.db.write(
            "UPDATE feedback SET comment = ?, comment_until = NULL, updated_at = ?"
            " WHERE user_id = ? AND session_id = ?",
            (text, _stamp(), user_id, session_id),
        )

    async def awaiting(self, now: dt.datetime) -> dict[int, tuple[str, dt.datetime]]:
        """Return, per user, the session whose comment they may still send, and until when."""
        rows = await self.db.fetchall(
            "SELECT user_id, session_id, comment_until FROM feedback"
            " WHERE comment_until > ? ORDER BY comment_until",
            (_stamp(now),),
        )
        return {
            r["user_id"]: (r["session_id"], dt.datetime.fromisoformat(r["comment_until"]))
            for r in rows
        }

    async def ratings(self) -> list[Rating]:
        """Return every rating and comment, without who gave it."""
        rows = await self.db.fetchall(
            "SELECT session_id, rating, comment FROM feedback"
            " WHERE rating IS NOT NULL OR comment IS NOT NULL ORDER BY updated_at"
        )
        return [Rating(r["session_id"], r["rating"], r["comment"]) for r in rows]

    async def set_enabled(self, user_id: int, enabled: bool) -> None:
        """Turn feedback requests on or off for the user."""
        if enabled:
            await self.db.write("DELETE FROM feedback_optout WHERE user_id = ?", (user_id,))
        else:
            await self.db.write(
                "INSERT OR IGNORE INTO feedback_optout (user_id) VALUES (?)", (user_id,)
            )

    async def enabled(self, user_id: int) -> bool:
        row = await self.db.fetchone("SELECT 1 FROM feedback_optout WHERE user_id = ?", (user_id,))
        return row is None

    async def opted_out(self) -> set[int]:
        rows = await self.db.fetchall("SELECT user_id FROM feedback_optout")
        return {r["user_id"] for r in rows}
