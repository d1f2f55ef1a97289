"""`confbot run` as an operator starts it: clear one-line errors, and the token never shown."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from tests.fakeapi import FakeBotApi

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "5550001:SECRET-token-never-shown"


async def spawn_bot(env: dict[str, str], stdout: int, stderr: int) -> asyncio.subprocess.Process:
    """Start `confbot run` as a user would, with the test token and `env` on top."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        env={**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, **env},
        cwd=ROOT,
        stdout=stdout,
        stderr=stderr,
    )


async def run_bot(env: dict[str, str]) -> tuple[int, str]:
    process = await spawn_bot(env, asyncio.subprocess.PIPE, asyncio.subprocess.STDOUT)
    out, _ = await asyncio.wait_for(process.communicate(), 60)
    return process.returncode or 0, out.decode()


async def test_a_rejected_token_is_explained_without_printing_it(
    api: FakeBotApi, tmp_path: Path
) -> None:
    api.fail_next("getMe", code=401, description="Unauthorized", times=5)
    code, out = await run_bot(
        {"TELEGRAM_API_BASE_URL": api.base_url, "CONFBOT_DB": str(tmp_path / "db.sqlite3")}
    )
    assert code == 1
    assert "Telegram rejected TELEGRAM_BOT_TOKEN" in out
    assert TOKEN not in out and "SECRET" not in out
    assert "Traceback" not in out


async def test_an_unreachable_server_and_a_bad_database_path_are_explained(
    tmp_path: Path,
) -> None:
    code, out = await run_bot(
        {"TELEGRAM_API_BASE_URL": "http://127.0.0.1:9", "CONFBOT_DB": str(tmp_path / "x.db")}
    )
    assert code == 1 and "cannot reach the Bot API at http://127.0.0.1:9" in out
    code, out = await run_bot({"CONFBOT_DB": str(tmp_path / "missing" / "dir" / "x.db")})
    assert code == 1 and "cannot open the database" in out
    assert "Traceback" not in out and TOKEN not in out


async def test_invalid_settings_name_the_variable() -> None:
    code, out = await run_bot({"CONFBOT_ADMINS": "alice"})
    assert code == 2
    assert "CONFBOT_ADMINS: 'alice' is not a Telegram user id" in out
