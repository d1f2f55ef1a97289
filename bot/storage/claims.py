"""Claimed deliveries: one row per (user, what) that a sweep claims as pending before it sends,
so that two sweeps, or a sweep after a restart, never send the same message twice.
Reminders (per user and day) and feedback requests (per user and session) both keep one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.storage.db import Database

_CHUNK = 500  # rows per statement: one statement per row would take seconds for 10,000 users


async def claim_rows(
    db: Database,
    table: str,
    key: str,
    rows: Mapping[tuple[int, str], Sequence[object]],
    status: str,
    now: str,
    extra: Sequence[str] = (),
) -> set[tuple[int, str]]:
    """Write `rows` ((user_id, `key`) -> the values of the `extra` columns) with `status` in one
    transaction; a row already there changes only while it is still pending (what a crash
    between claiming and settling leaves). Return the keys this call claimed.
    `table`, `key` and `extra` are the caller's constants, never input.
    """
    if not rows:
        return set()  # an idle sweep takes no write lock
    columns = ("user_id", key, "status", *extra, "created_at", "updated_at")
    updates = ", ".join(f"{c} = excluded.{c}" for c in ("status", *extra, "updated_at"))
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES {{values}}"
        f" ON CONFLICT(user_id, {key}) DO UPDATE SET {updates}"
        f" WHERE {table}.status = 'pending' RETURNING user_id, {key}"
    )
    row = "(" + ", ".join("?" * len(columns)) + ")"
    keys = list(rows)
    claimed: set[tuple[int, str]] = set()
    async with db.transaction() as conn:
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i : i + _CHUNK]
            params: list[object] = []
            for k in chunk:
                params += [*k, status, *rows[k], now, now]
            async with conn.execute(
                sql.format(values=", ".join([row] * len(chunk))), params
            ) as cur:
                claimed.update((r[0], r[1]) for r in await cur.fetchall())
    return claimed
