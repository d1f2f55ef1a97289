"""Fuzz the whole bot in-process: 10,000+ generated messages, button presses and webhook bodies
go through the real application (every handler, the error handler, the webhook route) with
the Bot API answered in memory. Nothing may raise a traceback or say "something went wrong"."""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from telegram import Update

from bot.config import load_settings
from bot.domain.buttons import VERSION
from bot.domain.flood import FloodGuard
from bot.services import LiveKnowledge
from bot.telegram.app import App, build_application
from bot.telegram.webhook import Intake, webhook_app
from tests.conftest import in_process_env
from tests.fakeapi import FakeBotApi, InProcessRequest

ROOT = Path(__file__).resolve().parents[1]
ADMIN = 900
BOT = {"id": 5550001, "is_bot": True, "first_name": "Confbot", "username": "confbot_test_bot"}
SECRET = "fuzz-secret"
MESSAGES, BUTTONS, BODIES = 3_500, 3_500, 3_500  # 10,500 inputs
BATCH = 50

PIECES = [
    "where", "is", "the", "clinic", "clínica", "dónde", "es", "la", "mañana", "tomorrow", "21",
    "octubre", "21/10", "2015-10-21", "hoy", "wifi", "hotel", "?", "¿", "!", "@confbot_test_bot",
    "@someone_else", "/start", "/start clinic", "/start ../../x", "/help", "/schedule", "/today",
    "/next", "/venues", "/calendar", "/calendar nope", "/language", "/language es", "/language xx",
    "/idioma en", "/subscribe", "/mysubscriptions", "/unsubscribe", "/forgetme", "/stats",
    "/reload", "/broadcast", "/broadcast hola", "/broadcast es: hola\nen: hi", "/broadcasts",
    "/unknown", "/ask", "/ask where is it", "/feedback", "/drafts",
    "/start@confbot_test_bot", "/help@other_bot", "<b>", "</i>", "&amp;", "&#0;",
    "\x00", "\u202e", "\ufeff", "🙂", "👍🏽", "🇪🇨", "❶", "➀", "⓵", "፩", "١٢", "𝟐𝟏", "½", "Ⅻ",
    "中文", "مرحبا", "Где", "\U0001f600", "' OR 1=1 --", "%s %d {0} {event}", "\n", "\t", "  ",
    "a" * 300, "x" * 5000, "🙂" * 200, "ñ" * 50,
]  # fmt: skip
PRESSES = [
    "ask:", "ask:clinic:es", "ask:clinic:xx", "ask:../../etc:en", "venue:", "venue:jw-marriott",
    "venue:nope", "ics:", "ics:clinic", "ics:../x", "cmd:schedule", "cmd:today", "cmd:next",
    "cmd:venues", "cmd:calendar", "cmd:help", "cmd:nope", "lang:es", "lang:en", "lang:xx",
    "sub:all", "sub:none", "sub:clinic", "sub:nope", "sub:", "bc:send:1", "bc:cancel:1",
    "bc:send:" + "9" * 56, "bc:send:-1", "bc:send:", "bc:nope:1", "", "\x00", "🙂" * 16,
    "org:q:1", "org:q:", "org:q:" + "9" * 40, "org:send:1", "org:name:1", "org:hide:1",
    "org:cancel:1", "org:faq:1", "org:nope:1", "fb:clinic:5", "fb:clinic:1", "fb:clinic:c",
    "fb:clinic:9", "fb:clinic:", "fb:nope:3", "fb:", "fb:clinic:-1", "fb:clinic:❶",
    "org:q:٣", "org:send:❶",
]  # fmt: skip
# Each as the current version's buttons carry it, as an older bot's (unversioned), and another.
DATA = [*(VERSION + p for p in PRESSES), *PRESSES, *("9" + p for p in PRESSES)]


class Generator:
    """Seeded random updates: messages, button presses and raw webhook bodies."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.ids = iter(range(1, 10**9))

    def user(self) -> dict[str, Any]:
        rng = self.rng
        user_id = rng.choice([ADMIN, *range(1000, 1400)])
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": rng.choice(["Ana", "Ben", "Zoë 🙂", "\u202e", ""]) or "X",
            "language_code": rng.choice(["es", "en", "es-419", "pt-BR", "zz", None]),
        }

    def chat(self, user: dict[str, Any]) -> dict[str, Any]:
        if self.rng.random() < 0.8:
            return {"id": user["id"], "type": "private"}
        group = self.rng.choice([-100123, -100777])  # a group, or the organisers' chat
        return {"id": group, "type": self.rng.choice(["group", "supergroup"]), "title": "G"}

    def text(self) -> str:
        rng = self.rng
        glue = rng.choice([" ", "", "\n"])
        return glue.join(rng.choice(PIECES) for _ in range(rng.randint(0, 8)))[:4096]

    def message(self) -> dict[str, Any]:
        user = self.user()
        message: dict[str, Any] = {
            "message_id": next(self.ids),
            "date": int(time.time()),
            "chat": self.chat(user),
            "from": user,
        }
        roll = self.rng.random()
        if roll < 0.9:
            text = self.text()
            message["text"] = text or "?"
            message["entities"] = _entities(message["text"])
        elif roll < 0.95:
            message["sticker"] = {
                "file_id": "s", "file_unique_id": "s", "width": 1, "height": 1,
                "is_animated": False, "is_video": False, "type": "regular",
            }  # fmt: skip
        else:
            message["reply_to_message"] = {"message_id": 1, "date": 1, "chat": message["chat"],
                                           "from": BOT, "text": "earlier"}  # fmt: skip
            message["text"] = self.text() or "?"
        kind = "edited_message" if self.rng.random() < 0.03 else "message"
        return {"update_id": next(self.ids), kind: message}

    def press(self) -> dict[str, Any]:
        rng = self.rng
        user = self.user()
        data = rng.choice(DATA) + rng.choice(["", "", str(rng.randint(0, 99)), "🙂", ":x"])
        query: dict[str, Any] = {
            "id": str(next(self.ids)),
            "from": user,
            "chat_instance": "ci",
            "data": data.encode()[:64].decode("utf-8", "ignore"),
        }
        if rng.random() < 0.1:
            query["inline_message_id"] = "inline"
        else:
            query["message"] = {"message_id": rng.randint(1, 50), "date": 1,
                                "chat": self.chat(user), "from": BOT, "text": "…"}  # fmt: skip
        return {"update_id": next(self.ids), "callback_query": query}

    def body(self) -> bytes:
        rng = self.rng
        roll = rng.random()
        if roll < 0.5:
            update = self.message() if rng.random() < 0.6 else self.press()
            return json.dumps(_mutate(update, rng)).encode()
        if roll < 0.7:
            return rng.choice(
                [
                    b"",
                    b"null",
                    b"[]",
                    b"{}",
                    b'"x"',
                    b"1e999",
                    b"{",
                    b"\xff\xfe",
                    b"[" * 5000,
                    b'{"update_id": 99999999999999999999999999}',
                    b'{"update_id": -1}',
                    b'{"update_id": 1.5}',
                    b'{"update_id": 1, "message": []}',
                ]  # fmt: skip
            )
        raw = bytearray(json.dumps(self.message()).encode())
        for _ in range(rng.randint(1, 5)):  # flip bytes
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return bytes(raw)


def _entities(text: str) -> list[dict[str, Any]]:
    found, offset = [], 0
    for word in text.split(" "):
        units = len(word.encode("utf-16-le")) // 2
        if word.startswith("/") and offset == 0 and len(word) > 1:
            found.append({"type": "bot_command", "offset": 0, "length": units})
        elif word.startswith("@") and len(word) > 3:
            found.append({"type": "mention", "offset": offset, "length": units})
        offset += units + 1
    return found


def _mutate(value: Any, rng: random.Random) -> Any:
    """Randomly drop keys, retype values and nest garbage in a valid update."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key != "update_id" and rng.random() < 0.05:
                continue
            out[key] = _mutate(item, rng)
        return out
    if rng.random() < 0.03:
        return rng.choice([None, "", -1, 2**70, [], {}, "🙂", True, 1.5])
    return value


@pytest.fixture
async def bot() -> AsyncIterator[tuple[App, FakeBotApi]]:
    # "ask the organisers" on
    settings = load_settings(in_process_env(ADMIN, CONFBOT_ORGANISERS_CHAT="-100777"))
    api = FakeBotApi()
    app, services = await build_application(
        settings, LiveKnowledge(settings.knowledge), request=InProcessRequest(api)
    )
    services.flood = FloodGuard(burst=10**9)  # every generated message reaches the handlers
    async with app:
        assert app.post_init is not None and app.post_stop is not None
        await app.post_init(app)
        yield app, api
        await app.post_stop(app)
    await services.close()


async def test_ten_thousand_generated_inputs_cause_no_traceback(
    bot: tuple[App, FakeBotApi], caplog: pytest.LogCaptureFixture
) -> None:
    app, api = bot
    gen = Generator(seed=2015)
    caplog.set_level(logging.WARNING)
    for _ in range(MESSAGES // BATCH):  # a batch at a time, as the bot takes them concurrently
        batch = [Update.de_json(gen.message(), app.bot) for _ in range(BATCH)]
        await asyncio.gather(*(app.process_update(u) for u in batch))
    for _ in range(BUTTONS // BATCH):
        batch = [Update.de_json(gen.press(), app.bot) for _ in range(BATCH)]
        await asyncio.gather(*(app.process_update(u) for u in batch))
    statuses: dict[int, int] = {}
    server = TestServer(webhook_app(app, "/hook", SECRET, Intake()))
    async with TestClient(server) as client:
        for _ in range(BODIES):
            headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
            async with client.post("/hook", data=gen.body(), headers=headers) as response:
                statuses[response.status] = statuses.get(response.status, 0) + 1
    tracebacks = [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert tracebacks == [], tracebacks[0].getMessage()
    texts = [str(c.params.get("text", "")) for c in api.calls if c.ok]
    assert not [t for t in texts if "something went wrong" in t]
    # As strict as Telegram: every message the bot sent was valid HTML within the limits. The
    # only refusals are for what the generator made up: presses on messages that never were,
    # and an organisers' group the fake does not know.
    refused = {(c.method, c.description) for c in api.calls if not c.ok}
    assert {d for _, d in refused} <= {
        "Bad Request: message to edit not found",
        "Bad Request: chat not found",
    }, sorted(refused)[:5]
    assert set(statuses) <= {200, 400}, statuses
    assert statuses[200] > 100 and statuses[400] > 100  # both kinds of body were exercised
    assert len(texts) > MESSAGES // 2  # the bot did answer
