"""Fixtures shared by the Telegram tests: the fake Bot API server and a real PTB Bot on it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot

from tests.fakeapi import FakeBotApi

TOKEN = "5550001:SECRET-test-token"


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi() as fake:
        yield fake


@pytest.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=api.base_url) as real_bot:
        yield real_bot
