"""One running bot per database: an exclusive OS lock on a sidecar `<db>.lock` file.

Two processes on one database would both send every reminder and broadcast (each resets and
re-claims the other's rows). The lock is `flock`: the kernel releases it when the process ends,
however it ends (kill -9, a crash, a power cut), so a stale lock can never keep the bot down.
The file also says who holds it (pid, host, start time) for the error message.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; the bot runs unguarded there (see the README)
    fcntl = None  # type: ignore[assignment]


class AlreadyRunning(RuntimeError):
    """Another confbot holds the database; the message names it and the running instance."""

    def __init__(self, db: Path, holder: str) -> None:
        super().__init__(
            f"another confbot is already running on the database {db} ({holder}); "
            "stop it first, or give this one its own CONFBOT_DB"
        )
        self.db, self.holder = db, holder


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


class InstanceLock:
    """Hold the database's lock file for the life of the bot (`acquire` ... `release`)."""

    def __init__(self, db: Path) -> None:
        self.db = db
        # Next to the real file: two paths to one database (a symlink, ../) share one lock.
        self.path = lock_path(db.resolve()) if str(db) != ":memory:" else db
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise AlreadyRunning naming the process that holds it."""
        if fcntl is None or str(self.db) == ":memory:":
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = _describe(os.read(fd, 4096))
            os.close(fd)
            raise AlreadyRunning(self.db, holder) from None
        started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        record = {"pid": os.getpid(), "host": socket.gethostname(), "started": started}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(record).encode() + b"\n", 0)
        self._fd = fd

    def release(self) -> None:
        """Give the lock back (the file stays: deleting it would race with a starting bot)."""
        if self._fd is None:
            return
        os.ftruncate(self._fd, 0)
        os.close(self._fd)  # closing the descriptor releases the flock
        self._fd = None


def _describe(raw: bytes) -> str:
    """Return "pid 123 on host, started 2026-…" from the lock file, or a fallback."""
    try:
        record = json.loads(raw.decode("utf-8"))
        return f"pid {int(record['pid'])} on {record['host']}, started {record['started']}"
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return "a process that has not written its details yet"
