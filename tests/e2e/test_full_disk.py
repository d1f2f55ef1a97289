"""A full or read-only database: attendees still get answers, the organisers are told once,
settings that could not be saved are said to be so, and /healthz reports the state."""

from __future__ import annotations

import sqlite3

import aiohttp
import pytest

import bot.telegram.app as app_module
from bot.services import Services
from bot.storage.db import Database
from tests.e2e.conftest import ADMIN, BotFactory
from tests.e2e.test_conversation import say
from tests.e2e.test_webhook import SECRET, free_port, update
from tests.fakeapi import FakeBotApi

ATTENDEE = 701
CLINIC = "7th Citizen Security Clinic"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[Services]:
    """Collect the services of the bot the test starts (to break its database while it runs)."""
    found: list[Services] = []
    real = app_module.build_services

    async def capture(*args: object, **kwargs: object) -> Services:
        services = await real(*args, **kwargs)  # type: ignore[arg-type]
        found.append(services)
        return services

    monkeypatch.setattr(app_module, "build_services", capture)
    return found


async def fill_up(db: Database) -> None:
    """Cap the database at its current size and use up every free byte: the disk is full."""
    [[pages]] = await db.conn.execute_fetchall("PRAGMA page_count")
    await db.conn.execute(f"PRAGMA max_page_count = {pages}")
    fillers = (  # rows smaller than any the bot writes, in key order: no gap fits one
        "INSERT INTO users (user_id, chat_id, active, created_at, updated_at)"
        " VALUES (-1000000 + ?, 0, 1, '', '')",
        "INSERT INTO questions (asked_at, text, lang, kind, score) VALUES ('', '', '', '', ?)",
    )
    for sql in fillers:
        with pytest.raises(sqlite3.OperationalError, match="full"):
            for n in range(100_000):
                await db.conn.execute(sql, (n,))


def alerts(api: FakeBotApi) -> list[str]:
    return [t for t in api.texts(ADMIN) if "database" in t]


async def test_a_full_disk_costs_nobody_an_answer(
    api: FakeBotApi, start_bot: BotFactory, started: list[Services]
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    right = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    async with (
        start_bot(CONFBOT_WEBHOOK_URL=url, CONFBOT_WEBHOOK_SECRET=SECRET, CONFBOT_PORT=str(port)),
        aiohttp.ClientSession() as http,
    ):
        [services] = started
        await fill_up(services.db)

        async def post(text: str, update_id: int) -> str:
            before = len(api.sent(ATTENDEE))
            body = update(ATTENDEE, text) | {"update_id": update_id}
            async with http.post(url, json=body, headers=right) as response:
                assert response.status == 200
            await api.wait_for(lambda a: len(a.sent(ATTENDEE)) > before)
            return api.texts(ATTENDEE)[-1]

        answers = [await post("where is the clinic?", n) for n in range(1, 4)]
        language = await post("/language es", 4)
        async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
            assert response.status == 200
            full = await response.json()
        await api.wait_for(lambda a: len(alerts(a)) >= 1)

        await services.db.conn.execute("PRAGMA max_page_count = 1000000")  # space is freed
        services.db.health.recovery_seconds = 0  # rather than a minute of working writes
        recovered = await post("/language en", 5)
        async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
            healthy = await response.json()
    assert all(CLINIC in a for a in answers)
    assert "no pude guardar esta elección" in language
    assert "something went wrong" not in " ".join(api.texts(ATTENDEE))
    [alert] = alerts(api)  # once, not once per question
    assert "I cannot write to my database (full: database or disk is full)" in alert
    assert full["ok"] is False and full["running"] is True
    assert full["database"]["state"] == "full" and full["database"]["failed_writes"] >= 4
    assert recovered.startswith("Done: I will talk to you in English.")
    assert healthy["ok"] is True and healthy["database"]["state"] == "ok"


async def test_a_read_only_database_is_said_so(
    api: FakeBotApi, start_bot: BotFactory, started: list[Services]
) -> None:
    async with start_bot():
        [services] = started
        await services.db.conn.execute("PRAGMA query_only = ON")
        [answer] = await say(api, ATTENDEE, "¿dónde es la clínica?")
        [language] = await say(api, ATTENDEE, "/language en")
        await api.wait_for(lambda a: len(alerts(a)) >= 1)
    assert "Clínica" in answer.params["text"]
    assert "could not save this choice" in language.params["text"]
    [alert] = alerts(api)
    assert "(read-only: attempt to write a readonly database)" in alert
