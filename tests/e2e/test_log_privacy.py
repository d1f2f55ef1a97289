"""At DEBUG the log holds neither the secrets nor who the users are or what they wrote."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import aiohttp
import pytest

from bot.logs import configure_logging
from tests.e2e.conftest import TOKEN, BotFactory
from tests.e2e.test_webhook import SECRET, free_port, update
from tests.fakeapi import FakeBotApi

NAME, SURNAME, USERNAME = "Zéphyrine", "Quattlebaum", "zeph_private"
QUESTION = "xyzzy plover where is the clinic"


@pytest.fixture
def debug_log() -> Iterator[io.StringIO]:
    """Configure logging as `confbot run` does at DEBUG; collect what it writes."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    levels = {n: logging.getLogger(n).level for n in ("telegram", "aiosqlite", "aiohttp")}
    configure_logging("DEBUG", secrets=(TOKEN, SECRET))
    written = io.StringIO()
    handler = root.handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(written)
    yield written
    root.handlers[:], _ = saved[0], root.setLevel(saved[1])
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


async def test_debug_logs_keep_secrets_names_and_texts_out(
    api: FakeBotApi, start_bot: BotFactory, debug_log: io.StringIO
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    body = update(333, QUESTION)
    body["message"]["from"] |= {"first_name": NAME, "last_name": SURNAME, "username": USERNAME}  # type: ignore[index]
    async with (
        start_bot(CONFBOT_WEBHOOK_URL=url, CONFBOT_WEBHOOK_SECRET=SECRET, CONFBOT_PORT=str(port)),
        aiohttp.ClientSession() as http,
    ):
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        async with http.post(url, json=body, headers=headers) as response:
            assert response.status == 200
        async with http.post(url, json=body | {"update_id": 2}, headers={}) as refused:
            assert refused.status == 401
    log = debug_log.getvalue()
    assert logging.getLogger().level == logging.DEBUG and "confbot is running" in log
    for private in (NAME, SURNAME, USERNAME, "xyzzy", SECRET, TOKEN, TOKEN.split(":")[1]):
        assert private not in log, private
    assert len(api.sent(333)) == 1
