"""End to end: the webhook under slow clients, floods, replays, hostile bodies and a stop."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pytest

import bot.telegram.handlers as handlers_module
from bot.telegram import webhook
from tests.e2e.conftest import BotFactory, RunningBot
from tests.e2e.test_webhook import SECRET, free_port, update
from tests.fakeapi import FakeBotApi

RIGHT = {"X-Telegram-Bot-Api-Secret-Token": SECRET}


class Hook:
    """A webhook-mode bot: its URL, port and an HTTP session to post to it."""

    def __init__(self, bot: RunningBot, port: int, http: aiohttp.ClientSession) -> None:
        self.bot, self.port, self.http = bot, port, http
        self.url = f"http://127.0.0.1:{port}/telegram"

    async def post(self, body: Any, headers: dict[str, str] = RIGHT) -> int:
        async with self.http.post(self.url, json=body, headers=headers) as response:
            return response.status

    async def raw(self, data: bytes, wait: float = 10.0) -> bytes:
        """Send raw bytes on a new connection; return the server's first answer (b"": closed)."""
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        writer.write(data)
        try:
            return await asyncio.wait_for(reader.read(65536), wait)
        finally:
            writer.close()


@pytest.fixture
def hook(start_bot: BotFactory) -> Callable[[], Any]:
    @asynccontextmanager
    async def running() -> AsyncIterator[Hook]:
        port = free_port()
        url = f"http://127.0.0.1:{port}/telegram"
        env = {"CONFBOT_WEBHOOK_URL": url, "CONFBOT_WEBHOOK_SECRET": SECRET}
        async with (
            start_bot(CONFBOT_PORT=str(port), **env) as bot,
            aiohttp.ClientSession() as http,
        ):
            yield Hook(bot, port, http)

    return running


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> tuple[asyncio.Event, asyncio.Event]:
    """Hold every conversation reply until released: (entered, release)."""
    entered, release = asyncio.Event(), asyncio.Event()
    real = handlers_module.send_outs

    async def held(*args: Any, **kwargs: Any) -> None:
        entered.set()
        await release.wait()
        await real(*args, **kwargs)

    monkeypatch.setattr(handlers_module, "send_outs", held)
    return entered, release


def question(user: int, update_id: int) -> dict[str, Any]:
    return update(user, "where is the clinic?") | {"update_id": update_id}


async def test_a_replayed_update_is_answered_once(api: FakeBotApi, hook: Any) -> None:
    async with hook() as h:
        assert await h.post(question(401, 77)) == 200
        assert await h.post(question(401, 77)) == 200
        assert await h.post(question(401, 78)) == 200
    assert len(api.sent(401)) == 2


async def test_hostile_requests_get_4xx_never_500(api: FakeBotApi, hook: Any) -> None:
    deep = b"[" * 150_000 + b"]" * 150_000
    async with hook() as h:
        body = json.dumps(question(402, 1)).encode()
        for secret in ("sécret".encode(), b"\xff\xfe", SECRET.encode() + "é".encode()):
            head = b"POST /telegram HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: "
            answer = await h.raw(
                head + secret + b"\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body)
                + body
            )  # fmt: skip
            assert answer.startswith(b"HTTP/1.1 401"), answer[:40]
        for bad in (deep, b'{"update_id": "1"}', b"{}", b'{"update_id": 1, "message": 5}', b"\xff"):
            async with h.http.post(h.url, data=bad, headers=RIGHT) as response:
                assert response.status == 400, bad[:20]
        assert await h.post(question(402, 2)) == 200  # still serving
    assert len(api.sent(402)) == 1


async def test_slow_clients_are_cut_off(
    api: FakeBotApi, hook: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(webhook, "HEADER_TIMEOUT", 0.5)
    monkeypatch.setattr(webhook, "BODY_TIMEOUT", 0.5)
    async with hook() as h:
        # Headers that never end: the connection is closed without an answer.
        assert await h.raw(b"POST /telegram HTTP/1.1\r\nHost: x\r\n") == b""
        # A body that never comes: 408.
        head = b"POST /telegram HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: "
        answer = await h.raw(head + SECRET.encode() + b"\r\nContent-Length: 500\r\n\r\n{")
        assert answer.startswith(b"HTTP/1.1 408")
        assert await h.post(question(403, 1)) == 200
    assert len(api.sent(403)) == 1


async def test_connections_over_the_cap_get_503(
    api: FakeBotApi, hook: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(webhook, "MAX_CONNECTIONS", 2)
    async with hook() as h:
        idle = [await asyncio.open_connection("127.0.0.1", h.port) for _ in range(2)]
        await asyncio.sleep(0.1)  # let the server register them
        assert (await h.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")).startswith(
            b"HTTP/1.1 503"
        )
        for _reader, writer in idle:
            writer.close()
        await asyncio.sleep(0.1)
        async with h.http.get(f"http://127.0.0.1:{h.port}/healthz") as health:
            assert health.status == 200


async def test_a_full_backlog_answers_503_so_telegram_retries(
    api: FakeBotApi,
    hook: Any,
    gate: tuple[asyncio.Event, asyncio.Event],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(webhook, "MAX_PENDING", 1)
    entered, release = gate
    async with hook() as h:
        first = asyncio.create_task(h.post(question(404, 1)))
        await entered.wait()
        assert await h.post(question(405, 2)) == 503
        release.set()
        assert await first == 200
        assert await h.post(question(405, 2)) == 200  # Telegram's retry
    assert len(api.sent(404)) == 1 and len(api.sent(405)) == 1


async def test_a_stop_finishes_the_updates_in_progress(
    api: FakeBotApi, hook: Any, gate: tuple[asyncio.Event, asyncio.Event]
) -> None:
    entered, release = gate
    async with hook() as h:
        first = asyncio.create_task(h.post(question(406, 1)))
        await entered.wait()
        h.bot.stop.set()
        for _ in range(100):  # the bot starts draining: new updates are turned away
            await asyncio.sleep(0.02)
            if await h.post(question(407, 2)) == 503:
                break
        else:
            raise AssertionError("new updates were still taken while stopping")
        release.set()
        assert await first == 200
        await asyncio.wait_for(h.bot.task, 15)
    assert len(api.sent(406)) == 1 and api.sent(407) == []


async def test_an_update_unanswered_after_the_grace_period_is_not_acknowledged(
    api: FakeBotApi,
    hook: Any,
    gate: tuple[asyncio.Event, asyncio.Event],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(webhook, "STOP_GRACE", 0.3)
    entered, release = gate
    async with hook() as h:
        first = asyncio.create_task(h.post(question(408, 1)))
        await entered.wait()
        h.bot.stop.set()
        with pytest.raises(aiohttp.ClientError):
            await first  # no 200: Telegram keeps the update and delivers it again
        await asyncio.wait_for(h.bot.task, 15)
        release.set()
    assert api.sent(408) == []
