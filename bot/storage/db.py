"""The SQLite database: one connection, WAL, versioned migrations, a commit per change."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import aiosqlite

log = logging.getLogger(__name__)
_MIGRATION = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """Return (version, name, sql) of every migration shipped in bot/storage/migrations."""
    found = []
    for entry in resources.files("bot.storage").joinpath("migrations").iterdir():
        match = _MIGRATION.match(entry.name)
        if match:
            found.append((int(match[1]), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


class SchemaTooNew(sqlite3.DatabaseError):
    """The database was migrated by a newer confbot: this one must not touch it."""


class DatabaseCorrupt(sqlite3.DatabaseError):
    """PRAGMA quick_check found damage."""


async def _check_integrity(conn: aiosqlite.Connection, path: Path | str) -> None:
    """Refuse a damaged database at start, rather than failing at some later write."""
    rows = await conn.execute_fetchall("PRAGMA quick_check(5)")
    problems = [str(r[0]) for r in rows]
    if problems != ["ok"]:
        raise DatabaseCorrupt(
            "PRAGMA quick_check reports damage (" + "; ".join(problems)[:300] + "): restore "
            f"a backup, or try `sqlite3 {path} .recover`"
        )


@dataclass
class DatabaseHealth:
    """Whether the last write worked; what went wrong since when (GET /healthz shows it)."""

    state: str = "ok"  # ok | full | read-only | io-error | locked | error
    error: str | None = None
    since: dt.datetime | None = None
    failed_writes: int = 0
    # A full disk still lets some writes through (an update in place): the database counts as
    # recovered only after writes have worked for this long since the last failure.
    recovery_seconds: float = 60.0
    _last_failure: float = field(default=0.0, repr=False)
    # Called when the state changes (ok -> trouble, trouble -> ok).
    listener: Callable[[DatabaseHealth], None] | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.state == "ok"

    def failed(self, exc: sqlite3.Error) -> None:
        self.failed_writes += 1
        self._last_failure = time.monotonic()
        state = _classify(exc)
        if state != self.state:
            self.state, self.error = state, str(exc)
            self.since = dt.datetime.now(dt.UTC)
            self._changed()

    def succeeded(self) -> None:
        if self.state != "ok" and time.monotonic() - self._last_failure >= self.recovery_seconds:
            self.state, self.error, self.since = "ok", None, dt.datetime.now(dt.UTC)
            self._changed()

    def _changed(self) -> None:
        if self.listener is not None:
            self.listener(self)

    def as_dict(self) -> dict[str, object]:
        return {
            "state": self.state,
            "error": self.error,
            "since": self.since.isoformat(timespec="seconds") if self.since else None,
            "failed_writes": self.failed_writes,
        }


def _classify(exc: sqlite3.Error) -> str:
    text = str(exc).lower()
    for words, state in (("full", "full"), ("readonly", "read-only"), ("read-only", "read-only"),
                         ("disk i/o", "io-error"), ("locked", "locked")):  # fmt: skip
        if words in text:
            return state
    return "error"


class Database:
    """An open SQLite database at the newest schema version."""

    def __init__(self, conn: aiosqlite.Connection, path: Path | None = None) -> None:
        self.conn = conn
        self.path = path  # None in memory
        self.health = DatabaseHealth()
        # One connection is shared by every coroutine: writes take turns so that one
        # coroutine's statements never land inside another's open transaction.
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path | str) -> Database:
        """Open (creating if needed) and migrate the database at `path` (':memory:' for tests)."""
        folder = Path(path).parent
        if str(path) != ":memory:" and not folder.is_dir():
            # Checked here: a failed aiosqlite.connect leaves its worker thread to die noisily.
            raise sqlite3.OperationalError(f"unable to open database file: no folder {folder}")
        if str(path) != ":memory:":
            # Created owner-only: it holds question texts. SQLite gives its -wal and -shm files
            # the database file's permissions.
            os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
        conn = await aiosqlite.connect(str(path), isolation_level=None)
        try:
            conn.row_factory = aiosqlite.Row
            for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=5000",
                           "synchronous=NORMAL"):  # fmt: skip
                await conn.execute(f"PRAGMA {pragma}")
            await _check_integrity(conn, path)
            db = cls(conn, None if str(path) == ":memory:" else Path(path))
            await db.migrate()
        except BaseException:
            await conn.close()
            raise
        return db

    async def migrate(self) -> None:
        """Apply every migration newer than the database's user_version, each in a transaction."""
        async with self.conn.execute("PRAGMA user_version") as cur:
            row = await cur.fetchone()
        current = int(row[0]) if row else 0
        known = migrations()
        newest = known[-1][0] if known else 0
        if current > newest:
            raise SchemaTooNew(
                f"its schema is version {current}, newer than this confbot knows ({newest}): "
                "it was written by a newer release; run that release, or restore a backup"
            )
        for version, name, sql in known:
            if version <= current:
                continue
            log.info("applying migration %s", name)
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(sql):
                    await self.conn.execute(statement)
                await self.conn.execute(f"PRAGMA user_version={version}")
                await self.conn.execute("COMMIT")
            except BaseException:
                await self.conn.execute("ROLLBACK")
                raise

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """Run the block in one write transaction, committed at the end or rolled back."""
        async with self._write_lock, self._watched():
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                await self.conn.execute("COMMIT")
            except BaseException:
                # A failed COMMIT (disk full) must not leave the transaction open; SQLite may
                # have rolled it back already.
                with contextlib.suppress(sqlite3.Error):
                    await self.conn.execute("ROLLBACK")
                raise

    @asynccontextmanager
    async def _watched(self) -> AsyncIterator[None]:
        """Record in `health` whether the writes in the block worked."""
        try:
            yield
        except sqlite3.OperationalError as exc:  # full, read-only, I/O error, locked
            self.health.failed(exc)
            raise
        self.health.succeeded()

    async def write(self, sql: str, params: tuple[object, ...] = ()) -> int:
        """Run one write statement (atomic on its own, autocommitted); return the rows changed."""
        async with self._write_lock, self._watched(), self.conn.execute(sql, params) as cur:
            return cur.rowcount

    # Each statement below is one trip to aiosqlite's thread (execute_fetchall), not three or
    # four (execute, fetch, fetch the rest, close): at 2,000 updates a second the trips, not
    # SQLite, were the cost.
    async def write_returning(
        self, sql: str, params: tuple[object, ...] = ()
    ) -> aiosqlite.Row | None:
        """Run one write statement with a RETURNING clause; return its first row."""
        async with self._write_lock, self._watched():
            rows = list(await self.conn.execute_fetchall(sql, params))
            return rows[0] if rows else None

    async def fetchall(self, sql: str, params: tuple[object, ...] = ()) -> list[aiosqlite.Row]:
        """Run one query and return every row."""
        return list(await self.conn.execute_fetchall(sql, params))

    async def fetchone(self, sql: str, params: tuple[object, ...] = ()) -> aiosqlite.Row | None:
        """Run one query and return its first row, if any (the queries here are keyed)."""
        rows = list(await self.conn.execute_fetchall(sql, params))
        return rows[0] if rows else None

    async def close(self) -> None:
        await self.conn.close()


def _statements(sql: str) -> list[str]:
    """Split a script into statements (sqlite3 knows where one ends, comments included)."""
    statements, pending = [], ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip() and not all(
        ln.strip().startswith("--") or not ln.strip() for ln in pending.splitlines()
    ):
        raise ValueError(f"incomplete SQL statement in migration: {pending.strip()[:80]}")
    return statements
