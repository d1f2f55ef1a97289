"""The fake Bot API server answers python-telegram-bot's real requests like Telegram does."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter

from bot.telegram.limiter import retry_after_seconds
from tests.conftest import TOKEN
from tests.fakeapi import FakeBotApi, UploadedFile


async def test_send_message_returns_a_real_message_and_is_recorded(
    api: FakeBotApi, bot: Bot
) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Sí", callback_data="lang:es")]])
    message = await bot.send_message(42, "<b>Hola</b>", parse_mode="HTML", reply_markup=markup)

    assert message.message_id == 1
    assert message.chat.id == 42
    assert message.from_user is not None and message.from_user.id == bot.id
    assert message.reply_markup == markup
    [call] = api.sent(42)
    assert call.params["parse_mode"] == "HTML"
    assert call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "lang:es"


async def test_documents_venues_and_edits(api: FakeBotApi, bot: Bot) -> None:
    await bot.send_document(7, document=b"BEGIN:VCALENDAR", filename="programme.ics")
    venue = await bot.send_venue(7, latitude=-0.18, longitude=-78.48, title="Hall", address="Q")
    edited = await bot.edit_message_text("new", chat_id=7, message_id=venue.message_id)

    [call] = api.sent(7, "sendDocument")
    assert call.params["document"] == UploadedFile("programme.ics", b"BEGIN:VCALENDAR")
    assert venue.venue is not None and venue.venue.title == "Hall"
    assert isinstance(edited, object) and getattr(edited, "text", None) == "new"
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("new", chat_id=7, message_id=venue.message_id)


async def test_long_polling_delivers_pushed_updates_once(api: FakeBotApi, bot: Bot) -> None:
    polling = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    api.push_message(9, "/start clinic", language_code="es")
    [update] = await polling
    assert update.message is not None and update.message.text == "/start clinic"
    assert update.message.parse_entities(["bot_command"])
    assert update.effective_user is not None and update.effective_user.language_code == "es"

    assert await bot.get_updates(offset=update.update_id + 1, timeout=0) == ()


async def test_faults_and_blocked_chats(api: FakeBotApi, bot: Bot) -> None:
    api.fail_next("sendMessage", chat_id=1, code=429, retry_after=3)
    api.fail_next("sendMessage", code=400)
    api.block(2)

    with pytest.raises(RetryAfter) as excinfo:
        await bot.send_message(1, "a")
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(1, "b")
    with pytest.raises(Forbidden, match="blocked"):
        await bot.send_message(2, "c")
    await bot.send_message(1, "d")

    assert retry_after_seconds(excinfo.value) == 3
    assert api.texts(1) == ["d"]
    assert [c.status for c in api.rejected()] == [429, 400, 403]


async def test_enforced_limits_refuse_a_second_message_to_a_chat_within_a_second(
    api: FakeBotApi, bot: Bot
) -> None:
    api.enforce_limits(per_second=30, per_chat_per_second=1)
    await bot.send_message(1, "first")
    await bot.send_message(2, "other chat")

    with pytest.raises(RetryAfter):
        await bot.send_message(1, "too soon")
    assert api.copies() == {1: 1, 2: 1}


async def test_enforced_limits_cap_messages_per_second(api: FakeBotApi, bot: Bot) -> None:
    api.enforce_limits(per_second=5, per_chat_per_second=None)
    results = await asyncio.gather(
        *(bot.send_message(chat, "hi") for chat in range(1, 9)), return_exceptions=True
    )

    assert sum(isinstance(r, RetryAfter) for r in results) == 3
    assert len(api.sent()) == 5


async def test_deleting_the_webhook_can_drop_pending_updates(api: FakeBotApi, bot: Bot) -> None:
    api.push_message(9, "old")
    await bot.delete_webhook(drop_pending_updates=True)
    api.push_message(9, "new")

    [update] = await bot.get_updates(timeout=0)
    assert update.message is not None and update.message.text == "new"


class ManualTime:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def timed() -> AsyncIterator[tuple[FakeBotApi, Bot, ManualTime]]:
    clock = ManualTime()
    async with FakeBotApi(monotonic=clock) as fake, Bot(TOKEN, base_url=fake.base_url) as b:
        yield fake, b, clock


async def test_strict_mode_counts_every_message_method_in_one_window(
    timed: tuple[FakeBotApi, Bot, ManualTime],
) -> None:
    api, bot, clock = timed
    api.strict()
    first = await bot.send_message(1, "a")
    await bot.edit_message_text("b", chat_id=1, message_id=first.message_id)
    await bot.send_document(2, document=b"x", filename="p.ics")
    await bot.send_venue(3, latitude=-0.2, longitude=-78.5, title="Hall", address="Q")
    for chat in range(10, 36):
        await bot.send_message(chat, "bulk")
    await bot.send_chat_action(1, "typing")  # not a message: never counted nor refused

    with pytest.raises(RetryAfter) as excinfo:
        await bot.send_message(99, "the 31st in one second")
    assert retry_after_seconds(excinfo.value) == 1  # whole seconds, at least one
    clock.now += 1.0
    await bot.send_message(99, "a second later")


async def test_strict_mode_allows_a_chat_a_burst_of_three_then_one_a_second(
    timed: tuple[FakeBotApi, Bot, ManualTime],
) -> None:
    api, bot, clock = timed
    api.strict()
    for text in "abc":
        await bot.send_message(5, text)
    with pytest.raises(RetryAfter):
        await bot.send_message(5, "d")
    await bot.send_message(6, "another chat is fine")
    clock.now += 1.0
    await bot.send_message(5, "d")
    with pytest.raises(RetryAfter):
        await bot.send_message(5, "e")


async def test_the_penalty_mode_answers_a_storm_with_a_long_wait_for_everything(
    timed: tuple[FakeBotApi, Bot, ManualTime],
) -> None:
    api, bot, clock = timed
    api.strict(penalty=20)
    for chat in range(1, 31):
        await bot.send_message(chat, "hi")
    with pytest.raises(RetryAfter) as overall:
        await bot.send_message(31, "one too many")
    clock.now += 5
    with pytest.raises(RetryAfter) as later:
        await bot.send_message(32, "still banned")

    assert retry_after_seconds(overall.value) == 20
    assert retry_after_seconds(later.value) == 15
    clock.now += 15
    await bot.send_message(32, "free again")


async def test_strict_mode_allows_a_group_twenty_messages_a_minute(
    timed: tuple[FakeBotApi, Bot, ManualTime],
) -> None:
    api, bot, clock = timed
    api.strict()
    for _ in range(20):
        await bot.send_message(-100, "hi")
        clock.now += 1.0
    with pytest.raises(RetryAfter) as excinfo:
        await bot.send_message(-100, "the 21st within a minute")
    await bot.send_message(100, "a private chat is not held back")

    assert retry_after_seconds(excinfo.value) == 40
    clock.now += 40
    await bot.send_message(-100, "a minute after the first")


async def test_forum_topics_and_an_upgraded_group_answer_like_telegram(
    api: FakeBotApi, bot: Bot
) -> None:
    api.add_group(-1005, {bot.id}, topics={45})
    in_topic = await bot.send_message(-1005, "hi", message_thread_id=45)
    with pytest.raises(BadRequest, match="Message thread not found"):
        await bot.send_message(-1005, "hi", message_thread_id=46)
    api.add_group(-1006, {bot.id})
    api.migrate(-77, -1006)
    with pytest.raises(ChatMigrated) as moved:
        await bot.send_message(-77, "hi")
    with pytest.raises(ChatMigrated):
        await bot.get_chat(-77)  # any method naming the old group

    assert in_topic.message_thread_id == 45 and in_topic.is_topic_message
    assert (await bot.get_chat(-1005)).is_forum and not (await bot.get_chat(-1006)).is_forum
    assert moved.value.new_chat_id == -1006
