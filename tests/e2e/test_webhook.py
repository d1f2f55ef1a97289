"""End to end: webhook mode checks Telegram's secret header and serves /healthz."""

from __future__ import annotations

import socket

import aiohttp

from tests.e2e.conftest import BotFactory
from tests.fakeapi import FakeBotApi

SECRET = "webhook-secret_123"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def update(user: int, text: str) -> dict[str, object]:
    return {
        "update_id": 1,
        "message": {
            "message_id": 1,
            "date": 1,
            "text": text,
            "chat": {"id": user, "type": "private"},
            "from": {"id": user, "is_bot": False, "first_name": "W", "language_code": "en"},
            "entities": [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
            if text.startswith("/")
            else [],
        },  # fmt: skip
    }


async def test_webhook_mode(api: FakeBotApi, start_bot: BotFactory) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    async with (
        start_bot(CONFBOT_WEBHOOK_URL=url, CONFBOT_WEBHOOK_SECRET=SECRET, CONFBOT_PORT=str(port)),
        aiohttp.ClientSession() as http,
    ):
        [registered] = api.sent(method="setWebhook")
        async with http.post(url, json=update(301, "/help")) as no_secret:
            assert no_secret.status == 401
        wrong = {"X-Telegram-Bot-Api-Secret-Token": "nope"}
        async with http.post(url, json=update(301, "/help"), headers=wrong) as bad:
            assert bad.status == 401
        right = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        async with http.post(url, data=b"{not json", headers=right) as broken:
            assert broken.status == 400
        async with http.post(url, json=[1, 2], headers=right) as not_an_update:
            assert not_an_update.status == 400
        async with http.post(url, json=update(302, "/help"), headers=right) as good:
            assert good.status == 200
        await api.wait_for(lambda a: len(a.sent(302)) == 1)
        async with http.get(f"http://127.0.0.1:{port}/healthz") as health:
            assert health.status == 200 and (await health.json())["ok"] is True
    assert registered.params["url"] == url
    assert registered.params["secret_token"] == SECRET
    assert api.sent(301) == []
    assert "/schedule" in api.texts(302)[0]
    assert not api.sent(method="getUpdates")  # no long polling in webhook mode
