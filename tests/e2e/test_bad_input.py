"""End to end: stickers, edits, huge messages, HTML, stale buttons, Telegram errors, floods."""

from __future__ import annotations

import asyncio
import time

from tests.e2e.conftest import BotFactory
from tests.e2e.test_conversation import say
from tests.fakeapi import FakeBotApi

ALICE, BETO = 201, 202


def sticker(user: int) -> dict[str, object]:
    return {
        "message": {
            "message_id": 77,
            "date": int(time.time()),
            "chat": {"id": user, "type": "private"},
            "from": {"id": user, "is_bot": False, "first_name": "A", "language_code": "es"},
            "sticker": {
                "file_id": "s1",
                "file_unique_id": "u1",
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
            },
        }
    }


async def test_non_text_gets_a_helpful_reply_and_edits_are_ignored(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot():
        api.push_update(sticker(ALICE))
        await api.wait_for(lambda a: len(a.sent(ALICE)) == 1)
        api.push_update(
            {
                "edited_message": {
                    "message_id": 3,
                    "date": 1,
                    "edit_date": 2,
                    "text": "where is the clinic?",
                    "chat": {"id": ALICE, "type": "private"},
                    "from": {"id": ALICE, "is_bot": False, "first_name": "A"},
                }
            }
        )
        [after] = await say(api, ALICE, "/help")
    [reply, _help] = api.sent(ALICE)
    assert "solo puedo leer" in reply.params["text"].lower() or "texto" in reply.params["text"]
    assert after is _help  # nothing was sent for the edit


async def test_huge_messages_html_and_unknown_commands(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot():
        huge = await say(api, ALICE, "clinic " + "x" * 4089)
        [html] = await say(api, ALICE, "<b>where</b> is the clinic & the <script>?")
        [unknown] = await say(api, ALICE, "/frobnicate <now>")
    assert all(len(call.params["text"]) <= 4096 for call in huge)
    assert "JW Marriott" in html.params["text"]
    assert "<script>" not in html.params["text"]
    assert "/frobnicate" in unknown.params["text"] and "/help" in unknown.params["text"]
    assert not api.rejected()


async def test_old_or_foreign_buttons_are_answered_not_crashed(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot():
        api.push_callback(ALICE, "something-from-an-old-version", message_id=4242)
        await api.wait_for(1, method="answerCallbackQuery")
        api.push_callback(ALICE, "1ask:no-such-entry", message_id=4243)
        await api.wait_for(2, method="answerCallbackQuery")
        await api.wait_for(lambda a: len(a.sent(ALICE)) == 1)
        [still_fine] = await say(api, ALICE, "/help")
    first = api.sent(method="answerCallbackQuery")[0]
    assert "out of date" in first.params["text"]
    assert "out of date" in api.sent(ALICE)[0].params["text"]
    assert "/schedule" in still_fine.params["text"]


async def test_a_429_is_waited_out_and_the_reply_arrives_once(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot():
        api.fail_next("sendMessage", chat_id=ALICE, code=429, retry_after=1)
        started = time.monotonic()
        [reply] = await say(api, ALICE, "/help")
    assert time.monotonic() - started >= 1.0
    assert "/schedule" in reply.params["text"]
    assert len(api.rejected("sendMessage")) == 1
    assert api.copies()[ALICE] == 1


async def test_users_who_block_the_bot_are_marked_inactive(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot() as bot:
        await say(api, ALICE, "/start")
        await say(api, BETO, "/start")
        api.push_update(
            {
                "my_chat_member": {
                    "chat": {"id": ALICE, "type": "private"},
                    "from": {"id": ALICE, "is_bot": False, "first_name": "A"},
                    "date": int(time.time()),
                    "old_chat_member": {"status": "member", "user": api.bot_user},
                    "new_chat_member": {
                        "status": "kicked",
                        "user": api.bot_user,
                        "until_date": 0,
                    },
                }
            }
        )
        api.block(BETO)
        api.push_message(BETO, "/help")
        await api.wait_for(lambda a: len(a.rejected("sendMessage")) >= 1)
        for _ in range(50):
            if len(await bot.rows("SELECT 1 FROM users WHERE active = 0")) == 2:
                break
            await asyncio.sleep(0.05)
        inactive = {row[0] for row in await bot.rows("SELECT user_id FROM users WHERE active = 0")}
        api.unblock(BETO)
        await say(api, BETO, "/start")
        reactivated = await bot.rows("SELECT active FROM users WHERE user_id = ?", BETO)
    assert inactive == {ALICE, BETO}
    assert reactivated == [(1,)]


async def test_one_flooding_user_does_not_starve_the_others(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot():
        for i in range(30):
            api.push_message(ALICE, f"where is the clinic {i}")
        [answer] = await say(api, BETO, "where is the clinic?")
        await asyncio.sleep(0.5)
    flood = api.texts(ALICE)
    assert "JW Marriott" in answer.params["text"]
    assert len(flood) < 15
    assert sum("very fast" in text for text in flood) == 1


async def test_a_hundred_presses_of_one_button_send_one_file(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot():
        [clinic] = await say(api, ALICE, "what is the clinic?")
        for _ in range(100):
            api.push_callback(ALICE, "1ics:clinic", clinic.result["message_id"])
        await api.wait_for(100, method="answerCallbackQuery")
        await asyncio.sleep(0.5)
    assert len(api.sent(ALICE, "sendDocument")) == 1
    answers = api.sent(method="answerCallbackQuery")
    assert len(answers) == 100
    assert all(not c.params.get("text") for c in answers)  # quiet: a repeat is no misdeed


async def test_button_presses_count_in_the_flood_guard(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot():
        for message_id in range(1000, 1020):  # twenty different messages' Programme buttons
            api.push_callback(ALICE, "1cmd:schedule", message_id)
        await api.wait_for(20, method="answerCallbackQuery")
        await asyncio.sleep(0.5)
        [answer] = await say(api, BETO, "where is the clinic?")
    schedules = api.sent(ALICE)
    assert 8 <= len(schedules) < 12  # the burst, and what refilled meanwhile
    toasts = [c.params.get("text") for c in api.sent(method="answerCallbackQuery")]
    assert len(toasts) == 20
    assert sum(bool(t) and "very fast" in str(t) for t in toasts) == 1
    assert "JW Marriott" in answer.params["text"]
