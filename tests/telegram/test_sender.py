"""TelegramSender over HTTP against the fake Bot API: faults turned into outcomes.

The bot is the application's kind: an ExtBot whose rate limiter is the Outbox (pacing itself is
tested on virtual time in test_outbox.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram import Bot
from telegram.ext import ExtBot

from bot.domain.budget import Priority
from bot.domain.delivery import Button, Outcome, OutgoingMessage
from bot.services import MarkingBlocked
from bot.storage.db import Database
from bot.storage.users import UserStore
from bot.telegram.limiter import Outbox
from bot.telegram.sender import TelegramSender
from tests.conftest import TOKEN
from tests.fakeapi import FakeBotApi

HELLO = OutgoingMessage("Hola <b>Quito</b>")


@pytest.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[ExtBot[Priority]]:
    async with ExtBot(TOKEN, base_url=api.base_url, rate_limiter=Outbox()) as ext_bot:
        yield ext_bot


async def test_a_429_is_waited_out_and_the_message_arrives_once(
    api: FakeBotApi, bot: ExtBot[Priority]
) -> None:
    api.fail_next("sendMessage", chat_id=1, code=429, retry_after=1)
    send = TelegramSender(bot)
    outbox = bot.rate_limiter
    assert isinstance(outbox, Outbox)

    first = asyncio.create_task(send(1, HELLO))
    while not outbox.refused:  # the second message is asked for once the refusal is known
        await asyncio.sleep(0.005)
    outcomes = [await send(2, HELLO), await first]

    assert outcomes == [Outcome.DELIVERED, Outcome.DELIVERED]
    assert api.copies() == {1: 1, 2: 1}
    [refused] = api.rejected()
    # Telegram refuses everything during a flood wait, so nothing else left during it.
    assert all(c.at >= refused.at + 1.0 for c in api.sent())


async def test_a_user_who_blocked_the_bot_is_marked_inactive(api: FakeBotApi, bot: Bot) -> None:
    db = await Database.open(Path(":memory:"))
    users = UserStore(db)
    for user in (7, 8):
        await users.seen(user, user, "en")
    api.block(7)
    send = MarkingBlocked(TelegramSender(bot), users)

    assert await send(7, HELLO) is Outcome.BLOCKED
    assert await send(8, HELLO) is Outcome.DELIVERED
    assert [u for u in (7, 8) if (await users.get(u)).active] == [8]  # type: ignore[union-attr]
    await db.close()


async def test_bad_requests_do_not_raise(api: FakeBotApi, bot: Bot) -> None:
    api.fail_next("sendMessage", chat_id=1, code=400)
    api.fail_next(
        "sendMessage", chat_id=2, code=400, description="Bad Request: can't parse entities"
    )
    send = TelegramSender(bot)

    assert await send(1, HELLO) is Outcome.NOT_FOUND
    assert await send(2, HELLO) is Outcome.FAILED
    assert api.sent() == []


async def test_network_errors_are_retried_then_given_up(api: FakeBotApi, bot: Bot) -> None:
    api.fail_next("sendMessage", chat_id=1, code=502, times=2)
    api.fail_next("sendMessage", chat_id=2, code=502, times=10)
    send = TelegramSender(bot, network_retries=3, backoff=0.01)

    assert await send(1, HELLO) is Outcome.DELIVERED
    assert await send(2, HELLO) is Outcome.FAILED
    assert api.copies() == {1: 1}
    assert len(api.rejected()) == 2 + 4


async def test_a_migrated_group_gets_the_message_at_its_new_id(api: FakeBotApi, bot: Bot) -> None:
    api.migrate(-100, -1000000000100)

    assert await TelegramSender(bot)(-100, HELLO) is Outcome.DELIVERED
    assert api.copies() == {-1000000000100: 1}


async def test_html_and_buttons_reach_telegram(api: FakeBotApi, bot: Bot) -> None:
    message = OutgoingMessage("<b>Sala B</b>", ((Button("Map", "map:1"), Button("OK", "ok:1")),))

    await TelegramSender(bot)(3, message)

    [call] = api.sent(3)
    assert call.params["parse_mode"] == "HTML"
    assert call.params["text"] == "<b>Sala B</b>"
    assert call.params["reply_markup"] == {
        "inline_keyboard": [
            [
                {"text": "Map", "callback_data": "map:1"},
                {"text": "OK", "callback_data": "ok:1"},
            ]
        ]
    }


async def test_one_chat_gets_its_messages_in_order_within_its_limit(
    api: FakeBotApi, bot: Bot
) -> None:
    api.strict()
    send = TelegramSender(bot)

    outcomes = await asyncio.gather(*(send(5, OutgoingMessage(str(i))) for i in range(4)))

    assert outcomes == [Outcome.DELIVERED] * 4
    assert api.rejected() == []
    assert api.texts(5) == ["0", "1", "2", "3"]


async def test_logs_never_show_the_token(
    api: FakeBotApi, bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="bot")
    api.fail_next("sendMessage", chat_id=1, code=502, times=10, description=f"Bad Gateway {TOKEN}")
    api.fail_next("sendMessage", chat_id=2, code=400, description="Bad Request: no " + TOKEN)

    await TelegramSender(bot, network_retries=1, backoff=0.01)(1, HELLO)
    await TelegramSender(bot)(2, HELLO)

    assert "chat 1" in caplog.text and "chat 2" in caplog.text
    assert TOKEN not in caplog.text


async def test_a_reply_without_a_priority_retries_a_429_through_the_outbox(
    api: FakeBotApi, bot: Bot
) -> None:
    api.fail_next("sendMessage", code=429, retry_after=1)
    message = await bot.send_message(4, "hi")

    assert message.chat.id == 4
    assert api.copies() == {4: 1}
    assert [c.status for c in api.calls if c.method == "sendMessage"] == [429, 200]


async def test_a_plain_bot_without_the_outbox_reports_a_429_as_failed(api: FakeBotApi) -> None:
    api.fail_next("sendMessage", code=429, retry_after=1)
    async with Bot(TOKEN, base_url=api.base_url) as plain:
        assert await TelegramSender(plain)(7, HELLO) is Outcome.FAILED
