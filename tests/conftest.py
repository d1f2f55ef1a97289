"""Fixtures shared by the Telegram tests: the fake Bot API server and a real PTB Bot on it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot

from tests.fakeapi import FakeBotApi

TOKEN = "5550001:SECRET-test-token"


def in_process_env(admin: int, **extra: str) -> dict[str, str]:
    """The environment of an in-process bot on the shipped KB: a database in memory, `admin`
    its organiser, the clock on Tuesday 20 October 2015 at 09:00, no pacing."""
    return {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "CONFBOT_DB": ":memory:",
        "CONFBOT_ADMINS": str(admin),
        "CONFBOT_NOW": "2015-10-20T09:00:00-05:00",
        "CONFBOT_RATE_LIMIT": "0",
        **extra,
    }


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi() as fake:
        yield fake


@pytest.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=api.base_url) as real_bot:
        yield real_bot
