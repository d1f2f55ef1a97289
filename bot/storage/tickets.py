"""Tickets for the organisers, the messages relayed for them, and FAQ drafts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.domain.delivery import Outcome
from bot.domain.tickets import MAX_OPEN, WAITING, FaqDraft, Status, Ticket
from bot.storage.db import Database

_COLUMNS = (
    "id, user_id, chat_id, lang, text, name, status, followed_up, created_at, sent_at, answered_at,"
    " undelivered_at"
)


def _stamp(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="seconds")


def _instant(raw: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(raw) if raw else None


def _ticket(row: Any) -> Ticket:
    created = _instant(row["created_at"])
    assert created is not None
    return Ticket(
        id=row["id"],
        user_id=row["user_id"],
        chat_id=row["chat_id"],
        lang=row["lang"],
        text=row["text"],
        name=row["name"],
        status=Status(row["status"]),
        followed_up=bool(row["followed_up"]),
        created_at=created,
        sent_at=_instant(row["sent_at"]),
        answered_at=_instant(row["answered_at"]),
        undelivered_at=_instant(row["undelivered_at"]),
    )


class TicketStore:
    """Tickets in SQLite: each status change is one committed statement."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def draft(
        self, user_id: int, chat_id: int, lang: str, text: str, at: dt.datetime
    ) -> Ticket:
        """Record a question the attendee has not confirmed yet."""
        row = await self.db.write_returning(
            "INSERT INTO tickets (user_id, chat_id, lang, text, created_at)"
            f" VALUES (?, ?, ?, ?, ?) RETURNING {_COLUMNS}",
            (user_id, chat_id, lang, text, _stamp(at)),
        )
        assert row is not None
        return _ticket(row)

    async def drop_drafts(self, before: dt.datetime) -> int:
        """Delete the drafts (and cancelled ones) created before `before`; return how many."""
        return await self.db.write(
            "DELETE FROM tickets WHERE status IN ('draft', 'cancelled') AND created_at < ?",
            (_stamp(before),),
        )

    async def get(self, ticket_id: int) -> Ticket | None:
        row = await self.db.fetchone(f"SELECT {_COLUMNS} FROM tickets WHERE id = ?", (ticket_id,))
        return _ticket(row) if row else None

    async def set_name(self, ticket_id: int, user_id: int, name: str | None) -> Ticket | None:
        """Share (or stop sharing) the attendee's name on their draft."""
        row = await self.db.write_returning(
            f"UPDATE tickets SET name = ? WHERE id = ? AND user_id = ? AND status = 'draft'"
            f" RETURNING {_COLUMNS}",
            (name, ticket_id, user_id),
        )
        return _ticket(row) if row else None

    async def cancel(self, ticket_id: int, user_id: int) -> bool:
        """Drop a draft; return whether it was one."""
        changed = await self.db.write(
            "UPDATE tickets SET status = 'cancelled' WHERE id = ? AND user_id = ?"
            " AND status = 'draft'",
            (ticket_id, user_id),
        )
        return changed > 0

    async def confirm(self, ticket_id: int, user_id: int) -> tuple[Ticket | None, bool]:
        """Claim a draft for sending unless the user has MAX_OPEN waiting; (ticket, over limit)."""
        waiting = ", ".join(f"'{s}'" for s in WAITING)
        async with self.db.transaction() as conn:
            async with conn.execute(
                "SELECT (SELECT status FROM tickets WHERE id = ? AND user_id = ?),"
                f" (SELECT COUNT(*) FROM tickets WHERE user_id = ? AND status IN ({waiting}))",
                (ticket_id, user_id, user_id),
            ) as cur:
                row = await cur.fetchone()
            if row is None or row[0] != Status.DRAFT:
                return None, False  # sent already, cancelled, or not theirs
            if row[1] >= MAX_OPEN:
                return None, True
            async with conn.execute(
                "UPDATE tickets SET status = 'sending' WHERE id = ? AND user_id = ?"
                f" AND status = 'draft' RETURNING {_COLUMNS}",
                (ticket_id, user_id),
            ) as cur:
                claimed = await cur.fetchone()
                await cur.fetchall()
        return (_ticket(claimed) if claimed else None), False

    async def posted(self, ticket_id: int, outcome: Outcome, at: dt.datetime) -> None:
        """Record whether the ticket reached the organisers' chat."""
        delivered = outcome is Outcome.DELIVERED
        await self.db.write(
            "UPDATE tickets SET status = ?, sent_at = ? WHERE id = ? AND status = 'sending'",
            (Status.OPEN if delivered else Status.FAILED, _stamp(at) if delivered else None,
             ticket_id),
        )  # fmt: skip

    async def sending(self) -> list[Ticket]:
        """Return the tickets a crash left between confirmed and posted."""
        rows = await self.db.fetchall(
            f"SELECT {_COLUMNS} FROM tickets WHERE status = 'sending' ORDER BY id"
        )
        return [_ticket(r) for r in rows]

    async def answered(self, ticket_id: int, at: dt.datetime) -> bool:
        """Mark the ticket answered (first answer only); return whether this call did."""
        changed = await self.db.write(
            "UPDATE tickets SET status = 'answered', answered_at = ? WHERE id = ?"
            " AND status = 'open'",
            (_stamp(at), ticket_id),
        )
        return changed > 0

    async def undelivered(self, ticket_id: int, at: dt.datetime) -> bool:
        """Mark that an answer could not reach the attendee; return whether this call did."""
        changed = await self.db.write(
            "UPDATE tickets SET undelivered_at = ? WHERE id = ? AND undelivered_at IS NULL",
            (_stamp(at), ticket_id),
        )
        return changed > 0

    async def moved_to(self, chat_id: int) -> int | None:
        """Return the supergroup the group `chat_id` became, if Telegram said so."""
        row = await self.db.fetchone(
            "SELECT to_chat FROM chat_moves WHERE from_chat = ?", (chat_id,)
        )
        return int(row[0]) if row else None

    async def record_move(self, chat_id: int, to_chat: int, at: dt.datetime) -> None:
        """Remember that the group `chat_id` is now the supergroup `to_chat`."""
        await self.db.write(
            "INSERT INTO chat_moves (from_chat, to_chat, moved_at) VALUES (?, ?, ?)"
            " ON CONFLICT (from_chat) DO UPDATE SET to_chat = excluded.to_chat,"
            " moved_at = excluded.moved_at",
            (chat_id, to_chat, _stamp(at)),
        )

    async def follow_up(self, ticket_id: int) -> bool:
        """Use the attendee's one answer back; return False when it was already used."""
        changed = await self.db.write(
            "UPDATE tickets SET followed_up = 1 WHERE id = ? AND followed_up = 0", (ticket_id,)
        )
        return changed > 0

    async def relay(
        self, chat_id: int, message_id: int, ticket_id: int, direction: str, text: str,
        at: dt.datetime,
    ) -> bool:  # fmt: skip
        """Record a message to relay; False when it was recorded before (seen twice)."""
        changed = await self.db.write(
            "INSERT OR IGNORE INTO ticket_messages"
            " (chat_id, message_id, ticket_id, direction, text, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (chat_id, message_id, ticket_id, direction, text, _stamp(at)),
        )
        return changed > 0

    async def pending_relays(
        self, ticket_id: int | None = None
    ) -> list[tuple[int, int, int, str, str]]:
        """Return (chat, message, ticket, direction, text) not relayed yet, in the order written."""
        where = "status = 'pending'" + (" AND ticket_id = ?" if ticket_id is not None else "")
        rows = await self.db.fetchall(
            "SELECT chat_id, message_id, ticket_id, direction, text FROM ticket_messages"
            f" WHERE {where} ORDER BY created_at, message_id",
            (ticket_id,) if ticket_id is not None else (),
        )
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    async def relayed(self, chat_id: int, message_id: int, outcome: Outcome) -> None:
        await self.db.write(
            "UPDATE ticket_messages SET status = ? WHERE chat_id = ? AND message_id = ?",
            (outcome.value, chat_id, message_id),
        )

    async def answers(self, ticket_id: int) -> list[str]:
        """Return the organisers' replies to a ticket, in the order written."""
        rows = await self.db.fetchall(
            "SELECT text FROM ticket_messages WHERE ticket_id = ? AND direction = 'answer'"
            " ORDER BY created_at, message_id",
            (ticket_id,),
        )
        return [r["text"] for r in rows]

    async def all(self) -> list[Ticket]:
        rows = await self.db.fetchall(f"SELECT {_COLUMNS} FROM tickets ORDER BY id")
        return [_ticket(r) for r in rows]

    async def add_draft(self, ticket: Ticket, answer: str, at: dt.datetime) -> FaqDraft | None:
        """Draft a FAQ entry from an answered ticket; None when it was drafted already."""
        row = await self.db.write_returning(
            "INSERT OR IGNORE INTO faq_drafts (ticket_id, lang, question, answer, created_at)"
            " VALUES (?, ?, ?, ?, ?) RETURNING id, ticket_id, lang, question, answer, created_at",
            (ticket.id, ticket.lang, ticket.text, answer, _stamp(at)),
        )
        return _draft(row) if row else None

    async def drafts(self) -> list[FaqDraft]:
        rows = await self.db.fetchall(
            "SELECT id, ticket_id, lang, question, answer, created_at FROM faq_drafts ORDER BY id"
        )
        return [_draft(r) for r in rows]


def _draft(row: Any) -> FaqDraft:
    created = _instant(row["created_at"])
    assert created is not None
    return FaqDraft(
        row["id"], row["ticket_id"], row["lang"], row["question"], row["answer"], created
    )
