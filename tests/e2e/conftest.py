"""Run the real application (`serve`, the `confbot run` code path) against the fake Bot API."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from bot.config import load_settings
from bot.telegram.app import serve
from tests.fakeapi import FakeBotApi

TOKEN = "5550001:SECRET-e2e-token"
ADMIN = 900
DURING_THE_CLINIC = "2015-10-21T10:00:00-05:00"


class RunningBot:
    """A handle on one running bot process-equivalent: its database and its stop switch."""

    def __init__(self, db: Path, stop: asyncio.Event, task: asyncio.Task[None]) -> None:
        self.db, self.stop, self.task = db, stop, task

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        """Read the bot's SQLite database (as an operator would)."""
        with sqlite3.connect(self.db) as conn:
            return conn.execute(sql, params).fetchall()

    async def settled_rows(
        self, sql: str, expected: list[tuple[Any, ...]], timeout: float = 5.0
    ) -> list[tuple[Any, ...]]:
        """Read rows the bot writes after replying (the question log), once they are there."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while (found := self.rows(sql)) != expected and loop.time() < deadline:
            await asyncio.sleep(0.02)
        return found


BotFactory = Callable[..., AbstractAsyncContextManager[RunningBot]]


@pytest.fixture
def start_bot(api: FakeBotApi, tmp_path: Path) -> BotFactory:
    """Return a factory: `async with start_bot(CONFBOT_NOW=...) as bot:` runs the real app."""

    @asynccontextmanager
    async def running(**env: str) -> AsyncIterator[RunningBot]:
        values = {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "CONFBOT_DB": str(tmp_path / "confbot.sqlite3"),
            "CONFBOT_ADMINS": str(ADMIN),
            "CONFBOT_NOW": DURING_THE_CLINIC,
            "CONFBOT_RATE_LIMIT": "0",
            # Session feedback requests would interleave with other features' replies; the
            # feedback tests turn it on.
            "CONFBOT_FEEDBACK": "off",
        }
        values.update(env)
        settings = load_settings(values)
        stop, ready = asyncio.Event(), asyncio.Event()
        task = asyncio.create_task(serve(settings, stop=stop, ready=ready))
        waiter = asyncio.create_task(ready.wait())
        done, _ = await asyncio.wait({task, waiter}, timeout=15, return_when="FIRST_COMPLETED")
        if task in done:
            waiter.cancel()
            task.result()  # raises the start-up error
        assert waiter in done, "the bot did not start within 15 s"
        handle = RunningBot(settings.db, stop, task)
        try:
            yield handle
        finally:
            stop.set()
            await asyncio.wait_for(task, 15)

    return running
