"""At start: a damaged database or one from a newer release is refused with a clear message,
and a periodic job that keeps failing is reported to the organisers once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from aiohttp import web

from bot.storage.db import Database
from bot.telegram import sweeps
from bot.usecases.reminding import ReminderService
from tests.e2e.conftest import ADMIN, BotFactory
from tests.e2e.test_run_cli import TOKEN, run_bot
from tests.e2e.test_webhook import free_port
from tests.fakeapi import FakeBotApi


async def test_a_database_from_a_newer_release_is_refused(api: FakeBotApi, tmp_path: Path) -> None:
    db = tmp_path / "newer.sqlite3"
    await (await Database.open(db)).close()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 99")
    code, out = await run_bot({"TELEGRAM_API_BASE_URL": api.base_url, "CONFBOT_DB": str(db)})
    assert code == 1
    assert f"cannot open the database CONFBOT_DB={db}: its schema is version 99, newer" in out
    assert "Traceback" not in out and TOKEN not in out
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (99,)  # untouched


async def test_a_damaged_database_is_refused(api: FakeBotApi, tmp_path: Path) -> None:
    db = tmp_path / "damaged.sqlite3"
    await (await Database.open(db)).close()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("CREATE TABLE filler (x TEXT)")
        conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 200)
        conn.execute("CREATE INDEX filler_x ON filler(x)")
    data = bytearray(db.read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page * 2):  # scribble over every other page
        data[offset + 8 : offset + 200] = b"\xa5" * 192
    db.write_bytes(bytes(data))
    code, out = await run_bot({"TELEGRAM_API_BASE_URL": api.base_url, "CONFBOT_DB": str(db)})
    assert code == 1
    assert f"cannot open the database CONFBOT_DB={db}" in out
    assert "PRAGMA quick_check reports damage" in out or "malformed" in out, out
    assert "Traceback" not in out


async def test_a_failing_reminder_sweep_alerts_the_organisers_once(
    api: FakeBotApi, start_bot: BotFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0

    async def broken_sweep(self: ReminderService) -> None:
        nonlocal calls
        calls += 1
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(ReminderService, "sweep", broken_sweep)
    monkeypatch.setattr(sweeps, "TICK", 0.05)
    async with start_bot():
        await api.wait_for(lambda a: any("periodic task" in t for t in a.texts(ADMIN)))
        seen = calls
        await api.wait_for(lambda a: calls >= seen + 5, timeout=10)
    [alert] = [t for t in api.texts(ADMIN) if "periodic task" in t]
    assert "“sending reminders” has failed 3 times in a row" in alert
    assert "OperationalError: disk I/O error" in alert


async def test_a_proxy_answering_404_is_not_a_rejected_token(tmp_path: Path) -> None:
    async def not_found(_request: web.Request) -> web.Response:
        return web.Response(status=404, text="<html><body>404 page not found</body></html>")

    server = web.Application()
    server.router.add_route("*", "/{tail:.*}", not_found)
    runner = web.AppRunner(server)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        code, out = await run_bot(
            {"TELEGRAM_API_BASE_URL": f"http://127.0.0.1:{port}", "CONFBOT_DB": str(tmp_path / "d")}
        )
    finally:
        await runner.cleanup()
    assert code == 1
    assert f"the server at http://127.0.0.1:{port} answered Not Found (404) with a page" in out
    assert "rejected" not in out and "Traceback" not in out and TOKEN not in out


async def test_a_json_404_names_both_suspects(api: FakeBotApi, tmp_path: Path) -> None:
    api.fail_next("getMe", code=404, description="Not Found", times=5)
    code, out = await run_bot(
        {"TELEGRAM_API_BASE_URL": api.base_url, "CONFBOT_DB": str(tmp_path / "d")}
    )
    assert code == 1
    assert "answered 404 Not Found: TELEGRAM_BOT_TOKEN is malformed" in out
    assert "TELEGRAM_API_BASE_URL is not a Bot API server" in out
