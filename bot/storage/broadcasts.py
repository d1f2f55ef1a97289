"""Broadcasts in SQLite: drafts, the confirmed recipient list, each recipient's status."""

from __future__ import annotations

import datetime as dt
import enum
import json
from dataclasses import dataclass
from typing import Any

from bot.domain.broadcast import Audience, BroadcastDraft, Tally
from bot.domain.delivery import Outcome
from bot.storage.db import Database


class Status(enum.StrEnum):
    DRAFT = "draft"
    CONFIRMED = "confirmed"  # recipients written, nothing sent yet
    SENDING = "sending"
    DONE = "done"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Recipient:
    user_id: int
    chat_id: int
    lang: str


@dataclass(frozen=True)
class BroadcastRecord:
    id: int
    admin_id: int
    created_at: dt.datetime
    draft: BroadcastDraft
    status: Status
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    tally: Tally


_AUDIENCE = {
    Audience.EVERYONE: "u.active = 1",
    Audience.SUBSCRIBERS: (
        "u.active = 1 AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.user_id = u.user_id)"
    ),
}
_LANGUAGE = "COALESCE(u.lang, u.tg_lang, 'en')"
_LIVE_TALLY = (
    "SELECT COUNT(*) AS total, SUM(status = 'delivered') AS delivered,"
    " SUM(status = 'blocked') AS blocked, SUM(status = 'not_found') AS not_found,"
    " SUM(status = 'failed') AS failed FROM broadcast_recipients WHERE broadcast_id = ?"
)


def _stamp(at: dt.datetime) -> str:
    return at.isoformat(timespec="seconds")


class BroadcastStore:
    """Every broadcast and its recipients; each change is committed before it takes effect."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(self, admin_id: int, draft: BroadcastDraft, now: dt.datetime) -> int:
        """Save a draft; return its id."""
        texts = json.dumps(dict(draft.texts), ensure_ascii=False)
        async with (
            self.db.transaction() as conn,
            conn.execute(
                "INSERT INTO broadcasts (admin_id, created_at, texts, audience)"
                " VALUES (?, ?, ?, ?)",
                (admin_id, _stamp(now), texts, draft.audience.value),
            ) as cur,
        ):
            assert cur.lastrowid is not None
            return cur.lastrowid

    async def get(self, broadcast_id: int) -> BroadcastRecord | None:
        row = await self.db.fetchone("SELECT * FROM broadcasts WHERE id = ?", (broadcast_id,))
        return await self._record(row) if row else None

    async def audience_by_language(self, audience: Audience) -> dict[str, int]:
        """Count who would get a broadcast to `audience` now, by language."""
        rows = await self.db.fetchall(
            f"SELECT {_LANGUAGE} AS language, COUNT(*) AS n FROM users u"
            f" WHERE {_AUDIENCE[audience]} GROUP BY language"
        )
        return {row["language"]: row["n"] for row in rows}

    async def confirm(self, broadcast_id: int, admin_id: int, now: dt.datetime) -> bool:
        """Confirm the draft (only its admin, only once) and fix its recipients, atomically."""
        async with self.db.transaction() as conn:
            async with conn.execute(
                "UPDATE broadcasts SET status = 'confirmed' WHERE id = ? AND admin_id = ?"
                " AND status = 'draft' RETURNING audience",
                (broadcast_id, admin_id),
            ) as cur:
                row = await cur.fetchone()
            if row is None:
                return False
            await conn.execute(
                "INSERT INTO broadcast_recipients"
                " (broadcast_id, user_id, chat_id, lang, updated_at)"
                f" SELECT ?, u.user_id, u.chat_id, {_LANGUAGE}, ? FROM users u"
                f" WHERE {_AUDIENCE[Audience(row['audience'])]}",
                (broadcast_id, _stamp(now)),
            )
            await conn.execute(
                "UPDATE broadcasts SET total = (SELECT COUNT(*) FROM broadcast_recipients"
                " WHERE broadcast_id = ?) WHERE id = ?",
                (broadcast_id, broadcast_id),
            )
        return True

    async def cancel(self, broadcast_id: int, admin_id: int, now: dt.datetime) -> bool:
        """Drop a draft (only its admin); a confirmed broadcast cannot be cancelled."""
        changed = await self.db.write(
            "UPDATE broadcasts SET status = 'cancelled', finished_at = ?"
            " WHERE id = ? AND admin_id = ? AND status = 'draft'",
            (_stamp(now), broadcast_id, admin_id),
        )
        return changed == 1

    async def start(self, broadcast_id: int, now: dt.datetime) -> int:
        """Mark a confirmed broadcast as sending; put interrupted sends back in the queue.

        Return how many recipients were interrupted mid-send (a crash): they are sent again.
        """
        async with self.db.transaction() as conn:
            await conn.execute(
                "UPDATE broadcasts SET status = 'sending', started_at = COALESCE(started_at, ?)"
                " WHERE id = ? AND status IN ('confirmed', 'sending')",
                (_stamp(now), broadcast_id),
            )
            async with conn.execute(
                "UPDATE broadcast_recipients SET status = 'pending', updated_at = ?"
                " WHERE broadcast_id = ? AND status = 'sending'",
                (_stamp(now), broadcast_id),
            ) as cur:
                return cur.rowcount

    async def pending(self, broadcast_id: int, after_user_id: int, limit: int) -> list[Recipient]:
        """Return up to `limit` recipients still to send to, by user id after `after_user_id`."""
        rows = await self.db.fetchall(
            "SELECT user_id, chat_id, lang FROM broadcast_recipients WHERE broadcast_id = ?"
            " AND status = 'pending' AND user_id > ? ORDER BY user_id LIMIT ?",
            (broadcast_id, after_user_id, limit),
        )
        return [Recipient(r["user_id"], r["chat_id"], r["lang"]) for r in rows]

    async def mark_sending(self, broadcast_id: int, user_id: int, now: dt.datetime) -> None:
        """Record that the message is about to be handed to Telegram."""
        await self.db.write(
            "UPDATE broadcast_recipients SET status = 'sending', attempts = attempts + 1,"
            " updated_at = ? WHERE broadcast_id = ? AND user_id = ?",
            (_stamp(now), broadcast_id, user_id),
        )

    async def record(
        self, broadcast_id: int, user_id: int, outcome: Outcome, now: dt.datetime
    ) -> None:
        """Record what Telegram answered for one recipient."""
        await self.db.write(
            "UPDATE broadcast_recipients SET status = ?, updated_at = ?"
            " WHERE broadcast_id = ? AND user_id = ?",
            (outcome.value, _stamp(now), broadcast_id, user_id),
        )

    async def tally(self, broadcast_id: int) -> Tally:
        """Count the recipients by status, as they are now."""
        row = await self.db.fetchone(_LIVE_TALLY, (broadcast_id,))
        return _tally(row)

    async def finish(self, broadcast_id: int, now: dt.datetime) -> Tally:
        """Mark the broadcast done and keep its final counts; return them."""
        async with self.db.transaction() as conn:
            async with conn.execute(_LIVE_TALLY, (broadcast_id,)) as cur:
                tally = _tally(await cur.fetchone())
            await conn.execute(
                "UPDATE broadcasts SET status = 'done', finished_at = ?, total = ?, delivered = ?,"
                " blocked = ?, not_found = ?, failed = ? WHERE id = ?",
                (_stamp(now), tally.total, tally.delivered, tally.blocked, tally.not_found,
                 tally.failed, broadcast_id),
            )  # fmt: skip
        return tally

    async def unfinished(self) -> list[int]:
        """Return the broadcasts confirmed but not done (a crash interrupted them), oldest first."""
        rows = await self.db.fetchall(
            "SELECT id FROM broadcasts WHERE status IN ('confirmed', 'sending') ORDER BY id"
        )
        return [row["id"] for row in rows]

    async def history(self, limit: int = 10) -> list[BroadcastRecord]:
        """Return the latest confirmed or cancelled broadcasts, newest first."""
        rows = await self.db.fetchall(
            "SELECT * FROM broadcasts WHERE status != 'draft' ORDER BY id DESC LIMIT ?", (limit,)
        )
        return [await self._record(row) for row in rows]

    async def _record(self, row: Any) -> BroadcastRecord:
        status = Status(row["status"])
        if status in (Status.CONFIRMED, Status.SENDING):
            tally = await self.tally(row["id"])
        else:
            tally = _tally(row)
        return BroadcastRecord(
            id=row["id"],
            admin_id=row["admin_id"],
            created_at=dt.datetime.fromisoformat(row["created_at"]),
            draft=BroadcastDraft(json.loads(row["texts"]), Audience(row["audience"])),
            status=status,
            started_at=_instant(row["started_at"]),
            finished_at=_instant(row["finished_at"]),
            tally=tally,
        )


def _instant(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _tally(row: Any) -> Tally:
    return Tally(
        total=row["total"] or 0,
        delivered=row["delivered"] or 0,
        blocked=row["blocked"] or 0,
        not_found=row["not_found"] or 0,
        failed=row["failed"] or 0,
    )
