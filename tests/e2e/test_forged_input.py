"""Forged or out-of-place buttons get a polite answer, never a traceback; a mention after an
emoji in a group is still a mention (entity offsets count UTF-16 units)."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

import pytest

from tests.e2e.conftest import ADMIN, BotFactory
from tests.e2e.test_conversation import say
from tests.fakeapi import FakeBotApi

STRANGER = 8080
GROUP = -100500


def press(api: FakeBotApi, user: int, data: str, **where: Any) -> None:
    """Push a button press from `user`; `where` replaces the message (e.g. an inline one)."""
    query: dict[str, Any] = {
        "id": f"q{len(api.calls)}-{data[:8]}",
        "from": {"id": user, "is_bot": False, "first_name": "F", "language_code": "en"},
        "chat_instance": "ci",
        "data": data,
    }
    query |= where or {
        "message": {
            "message_id": 1,
            "date": 1,
            "chat": {"id": user, "type": "private"},
            "from": api.bot_user,
            "text": "…",
        }
    }
    api.push_update({"callback_query": query})


def answers(api: FakeBotApi) -> list[str]:
    return [c.params.get("text", "") for c in api.sent(method="answerCallbackQuery")]


def answered_after(before: int, api: FakeBotApi) -> bool:
    return len(answers(api)) > before


def in_group(api: FakeBotApi) -> dict[str, Any]:
    chat = {"id": GROUP, "type": "supergroup", "title": "G"}
    return {"message": {"message_id": 7, "date": 1, "chat": chat, "from": api.bot_user}}


async def test_forged_and_out_of_place_buttons_are_answered_politely(
    api: FakeBotApi, start_bot: BotFactory, caplog: pytest.LogCaptureFixture
) -> None:
    cases = [
        (STRANGER, "1sub:all", {"inline_message_id": "inline-1"}),  # on an inline message
        (STRANGER, "1sub:all", in_group(api)),  # someone the bot never met, in a group
        (ADMIN, "1bc:send:" + "9" * 56, {}),  # a 56-digit broadcast id
        (ADMIN, "1bc:send:1", in_group(api)),  # an admin confirming from a group
        (STRANGER, "1bc:cancel:1", {}),  # not an admin
        (STRANGER, "1cmd:schedule", {"inline_message_id": "inline-2"}),
        (STRANGER, "1lang:xx", {"inline_message_id": "inline-3"}),
        (STRANGER, "1ask:../../etc/passwd:xx", {}),
        (STRANGER, "\x00" * 64, {}),
    ]
    async with start_bot() as bot:
        for user, data, where in cases:
            before = len(answers(api))
            press(api, user, data, **where)
            await api.wait_for(partial(answered_after, before))
        subscriptions = await bot.rows("SELECT user_id FROM subscriptions")
    assert subscriptions == []
    everything = " ".join(api.texts())
    assert "something went wrong" not in everything
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    [inline, group, huge, from_group, stranger, *_] = answers(api)
    assert inline == group == "That button is out of date."
    assert huge == from_group == "This preview was already sent or cancelled."
    assert stranger == "Sorry, only the organisers can send announcements."


async def test_a_mention_after_an_emoji_is_answered(api: FakeBotApi, start_bot: BotFactory) -> None:
    async with start_bot():
        [reply] = await say(
            api, 8081, "🙂🙂 @confbot_test_bot where is the clinic?",
            chat_id=GROUP, chat_type="supergroup",
        )  # fmt: skip
    assert "Clinic" in reply.params["text"]
