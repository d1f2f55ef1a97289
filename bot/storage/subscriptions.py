"""Subscriptions, and the record of every reminder and change notice that was sent."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.domain.delivery import Outcome
from bot.domain.reminders import (
    Announced,
    Due,
    Fingerprint,
    Subscriber,
    Subscription,
    Timing,
    fingerprint,
)
from bot.storage.claims import claim_rows
from bot.storage.db import Database

PENDING = "pending"
SKIPPED = "skipped"


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _encode_sessions(sessions: frozenset[str] | None) -> str | None:
    return None if sessions is None else json.dumps(sorted(sessions))


def _decode_sessions(raw: str | None) -> frozenset[str] | None:
    return None if raw is None else frozenset(json.loads(raw))


def encode_fingerprint(fp: Fingerprint) -> str:
    """Serialise a fingerprint to JSON."""
    return json.dumps(
        {
            "date": fp.date.isoformat() if fp.date else None,
            "start": fp.start.isoformat("minutes") if fp.start else None,
            "end": fp.end.isoformat("minutes") if fp.end else None,
            "venue": fp.venue,
        },
        sort_keys=True,
    )


def decode_fingerprint(raw: str) -> Fingerprint:
    """Read a fingerprint written by encode_fingerprint."""
    data: dict[str, Any] = json.loads(raw)
    return Fingerprint(
        date=dt.date.fromisoformat(data["date"]) if data.get("date") else None,
        start=dt.time.fromisoformat(data["start"]) if data.get("start") else None,
        end=dt.time.fromisoformat(data["end"]) if data.get("end") else None,
        venue=data.get("venue"),
    )


class SubscriptionStore:
    """Who is subscribed to reminders, and to which sessions."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def subscribe_all(self, user_id: int) -> None:
        """Subscribe the user to every session (the default)."""
        await self._save(user_id, None)

    async def set_sessions(self, user_id: int, session_ids: Iterable[str]) -> None:
        """Subscribe the user to exactly these sessions."""
        await self._save(user_id, frozenset(session_ids))

    async def toggle(
        self, user_id: int, session_ids: str | Collection[str], every: Collection[str]
    ) -> Subscription:
        """Add or remove a session (with its parts); `every` is what "all sessions" means now."""
        group = {session_ids} if isinstance(session_ids, str) else set(session_ids)
        async with self.db.transaction() as conn:
            async with conn.execute(
                "SELECT sessions FROM subscriptions WHERE user_id = ?", (user_id,)
            ) as cur:
                row = await cur.fetchone()
            if row is None:
                chosen: frozenset[str] = frozenset()
            else:
                current = _decode_sessions(row["sessions"])
                chosen = frozenset(every) if current is None else current
            chosen = chosen - group if group <= chosen else chosen | group
            await conn.execute(_UPSERT, (user_id, _encode_sessions(chosen), _stamp(), _stamp()))
        return Subscription(user_id, chosen)

    async def unsubscribe(self, user_id: int) -> bool:
        """Stop all reminders for the user; return whether they were subscribed."""
        return await self.db.write("DELETE FROM subscriptions WHERE user_id = ?", (user_id,)) > 0

    async def get(self, user_id: int) -> Subscription | None:
        """Return the user's subscription, if any."""
        row = await self.db.fetchone(
            "SELECT sessions FROM subscriptions WHERE user_id = ?", (user_id,)
        )
        return Subscription(user_id, _decode_sessions(row["sessions"])) if row else None

    async def active_subscribers(self) -> list[Subscriber]:
        """Return every subscriber who can be messaged, with their chat and language."""
        rows = await self.db.fetchall(
            "SELECT s.user_id, s.sessions, u.chat_id,"
            " COALESCE(u.lang, u.tg_lang, 'en') AS language"
            " FROM subscriptions s JOIN users u ON u.user_id = s.user_id"
            " WHERE u.active = 1 ORDER BY s.user_id"
        )
        return [
            Subscriber(
                Subscription(r["user_id"], _decode_sessions(r["sessions"])),
                r["chat_id"],
                r["language"],
            )
            for r in rows
        ]

    async def _save(self, user_id: int, sessions: frozenset[str] | None) -> None:
        now = _stamp()
        await self.db.write(_UPSERT, (user_id, _encode_sessions(sessions), now, now))


_UPSERT = (
    "INSERT INTO subscriptions (user_id, sessions, created_at, updated_at) VALUES (?, ?, ?, ?)"
    " ON CONFLICT(user_id) DO UPDATE SET sessions = excluded.sessions,"
    " updated_at = excluded.updated_at"
)


@dataclass(frozen=True)
class PendingNotice:
    id: int
    user_id: int
    session_ids: tuple[str, ...]


class ReminderLog:
    """Every (user, day) reminder and change notice, with what became of it."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def recorded(self) -> set[tuple[int, dt.date]]:
        """Return the (user, day) reminders that are settled; pending ones are not."""
        rows = await self.db.fetchall(
            "SELECT user_id, day FROM reminder_deliveries WHERE status != 'pending'"
        )
        return {(r["user_id"], dt.date.fromisoformat(r["day"])) for r in rows}

    async def statuses_of(self, user_id: int) -> dict[dt.date, str]:
        """Return what became of each of the user's reminders, by event day."""
        rows = await self.db.fetchall(
            "SELECT day, status FROM reminder_deliveries WHERE user_id = ?", (user_id,)
        )
        return {dt.date.fromisoformat(r["day"]): r["status"] for r in rows}

    async def claim(self, dues: Sequence[Due]) -> list[Due]:
        """Record `dues` as pending in one transaction; return those this call claimed."""
        return await self._insert(dues, PENDING)

    async def skip(self, dues: Sequence[Due]) -> None:
        """Record `dues` as skipped so that they never go out."""
        await self._insert(dues, SKIPPED)

    async def _insert(self, dues: Sequence[Due], status: str) -> list[Due]:
        by_key = {(d.subscriber.user_id, d.day.day.isoformat()): d for d in dues}
        rows = {key: (int(due.timing is Timing.LATE),) for key, due in by_key.items()}
        claimed = await claim_rows(
            self.db, "reminder_deliveries", "day", rows, status, _stamp(), extra=("late",)
        )
        return [due for key, due in by_key.items() if key in claimed]

    async def settle(self, due: Due, outcome: Outcome) -> None:
        """Record what became of a claimed reminder and, if delivered, what it announced."""
        now = _stamp()
        user_id = due.subscriber.user_id
        async with self.db.transaction() as conn:
            await conn.execute(
                "UPDATE reminder_deliveries SET status = ?, updated_at = ?"
                " WHERE user_id = ? AND day = ?",
                (outcome.value, now, user_id, due.day.day.isoformat()),
            )
            if outcome is Outcome.DELIVERED:
                for session in due.sessions:
                    await conn.execute(
                        _ANNOUNCE,
                        (user_id, session.id, encode_fingerprint(fingerprint(session)), now),
                    )

    async def statuses(self) -> dict[str, int]:
        """Return how many reminders are in each status."""
        rows = await self.db.fetchall(
            "SELECT status, COUNT(*) AS n FROM reminder_deliveries GROUP BY status"
        )
        return {r["status"]: r["n"] for r in rows}

    async def announced(self) -> list[Announced]:
        """Return what every user was last told about every session."""
        rows = await self.db.fetchall("SELECT user_id, session_id, fingerprint FROM announced")
        return [
            Announced(r["user_id"], r["session_id"], decode_fingerprint(r["fingerprint"]))
            for r in rows
        ]

    async def claim_notice(self, user_id: int, told: Sequence[tuple[str, Fingerprint]]) -> int:
        """Record a pending change notice and what it tells; return its id."""
        now = _stamp()
        ids = json.dumps([session_id for session_id, _ in told])
        async with self.db.transaction() as conn:
            async with conn.execute(
                "INSERT INTO change_notices (user_id, sessions, status, created_at, updated_at)"
                " VALUES (?, ?, 'pending', ?, ?)",
                (user_id, ids, now, now),
            ) as cur:
                notice_id = cur.lastrowid
            for session_id, fp in told:
                await conn.execute(_ANNOUNCE, (user_id, session_id, encode_fingerprint(fp), now))
        assert notice_id is not None
        return notice_id

    async def settle_notice(self, notice_id: int, outcome: Outcome) -> None:
        """Record what became of a change notice."""
        await self.db.write(
            "UPDATE change_notices SET status = ?, updated_at = ? WHERE id = ?",
            (outcome.value, _stamp(), notice_id),
        )

    async def pending_notices(self) -> list[PendingNotice]:
        """Return the change notices a crash left unsettled."""
        rows = await self.db.fetchall(
            "SELECT id, user_id, sessions FROM change_notices WHERE status = 'pending' ORDER BY id"
        )
        return [
            PendingNotice(r["id"], r["user_id"], tuple(json.loads(r["sessions"]))) for r in rows
        ]


_ANNOUNCE = (
    "INSERT INTO announced (user_id, session_id, fingerprint, updated_at) VALUES (?, ?, ?, ?)"
    " ON CONFLICT(user_id, session_id) DO UPDATE SET fingerprint = excluded.fingerprint,"
    " updated_at = excluded.updated_at"
)
