"""One bot per database: a second `confbot run` on the same database refuses to start."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

from bot.storage.lock import AlreadyRunning, InstanceLock
from tests.e2e.test_run_cli import TOKEN, run_bot, spawn_bot
from tests.fakeapi import FakeBotApi


async def start_first(env: dict[str, str]) -> asyncio.subprocess.Process:
    """Start `confbot run` and wait until it says it is running."""
    process = await spawn_bot(env, asyncio.subprocess.DEVNULL, asyncio.subprocess.PIPE)
    assert process.stderr is not None
    while True:
        line = await asyncio.wait_for(process.stderr.readline(), 60)
        assert line, "the first bot ended before it was running"
        if b"confbot is running" in line:
            break
    # Keep reading its log so that the pipe never fills.
    asyncio.get_running_loop().create_task(process.stderr.read())
    return process


async def test_a_second_bot_on_the_same_database_exits_naming_the_running_one(
    api: FakeBotApi, tmp_path: Path
) -> None:
    db = tmp_path / "shared.sqlite3"
    env = {"TELEGRAM_API_BASE_URL": api.base_url, "CONFBOT_DB": str(db)}
    first = await start_first(env)
    try:
        code, out = await run_bot(env)
        assert code == 1
        assert f"another confbot is already running on the database {db}" in out
        assert f"pid {first.pid} on " in out
        assert "Traceback" not in out and TOKEN not in out
        assert (db.stat().st_mode & 0o777) == 0o600
    finally:
        first.send_signal(signal.SIGKILL)  # a crash: the kernel releases the lock
        await first.wait()
    again = await start_first(env)  # nothing stale is left behind
    again.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(again.wait(), 30) == 0


async def test_another_database_runs_alongside(api: FakeBotApi, tmp_path: Path) -> None:
    first = await start_first(
        {"TELEGRAM_API_BASE_URL": api.base_url, "CONFBOT_DB": str(tmp_path / "a.sqlite3")}
    )
    second = await start_first(
        {"TELEGRAM_API_BASE_URL": api.base_url, "CONFBOT_DB": str(tmp_path / "b.sqlite3")}
    )
    for process in (first, second):
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 30) == 0


def test_two_paths_to_one_database_share_the_lock(tmp_path: Path) -> None:
    real = tmp_path / "data" / "bot.sqlite3"
    real.parent.mkdir()
    (tmp_path / "link").symlink_to(real.parent)
    first = InstanceLock(real)
    first.acquire()
    try:
        second = InstanceLock(tmp_path / "link" / "bot.sqlite3")
        try:
            second.acquire()
        except AlreadyRunning as exc:
            assert f"pid {os.getpid()} on " in str(exc)
        else:
            raise AssertionError("a second lock was taken through the symlink")
    finally:
        first.release()
    again = InstanceLock(tmp_path / "link" / "bot.sqlite3")
    again.acquire()  # released: free again
    again.release()
