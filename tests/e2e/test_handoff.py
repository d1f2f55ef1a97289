"""End to end: "Ask the organisers" through the real application and the fake Bot API."""

from __future__ import annotations

import html
from typing import Any

import pytest

import bot.services as services_module
from bot.domain.flood import FloodGuard
from tests.e2e.conftest import ADMIN, BotFactory
from tests.e2e.test_conversation import buttons, say
from tests.fakeapi import Call, FakeBotApi

ORGANISERS = -1001234567890
ALICE, BEN, MEMBER, STRANGER = 301, 302, 401, 402
BOT_ID = 5550001
RELAY_WAIT = 10.0  # generous on a loaded machine: `python -m bench.handoff` measures the 3 s goal


def org_env() -> dict[str, str]:
    return {"CONFBOT_ORGANISERS_CHAT": str(ORGANISERS)}


async def press(
    api: FakeBotApi, user: int, data: str, message_id: int, chat: int | None = None
) -> Call:
    before = len(api.sent(method="answerCallbackQuery"))
    api.push_callback(user, data, message_id, chat_id=chat)
    await api.wait_for(before + 1, method="answerCallbackQuery")
    return api.sent(method="answerCallbackQuery")[before]


def reply_in_group(
    api: FakeBotApi, user: int, text: str, to: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    """A message in the organisers' chat (`to`'s chat) replying to the bot's message `to`."""
    return api.push_message(
        user, text, chat_id=to["chat"]["id"], chat_type="supergroup", reply_to_message=to, **extra
    )


def answers(api: FakeBotApi, chat: int) -> list[str]:
    return [t for t in api.texts(chat) if "Answer from the organisers" in t]


async def ask_and_send(api: FakeBotApi, user: int, question: str, group: int = ORGANISERS) -> Call:
    """Abstain → button → preview → Send; return the ticket as the organisers' chat got it."""
    [unsure] = await say(api, user, question)
    [(label, data)] = [b for b in buttons(unsure) if b[1].startswith("1org:q:")]
    assert label == "Ask the organisers"
    before = len(api.sent(user))
    await press(api, user, data, unsure.result["message_id"])
    await api.wait_for(lambda a: len(a.sent(user)) > before)
    preview = api.sent(user)[before]
    assert question in preview.params["text"]
    [send] = [d for label, d in buttons(preview) if label == "Send"]
    in_group = len(api.sent(group))
    await press(api, user, send, preview.result["message_id"])
    edits = len(api.sent(user, "editMessageText"))
    await api.wait_for(lambda a: len(a.sent(user, "editMessageText")) > edits)
    return api.sent(group)[in_group]


async def test_a_question_reaches_the_organisers_and_their_reply_comes_back(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    api.add_group(ORGANISERS, {BOT_ID, MEMBER})
    async with start_bot(**org_env()):
        [unsure] = await say(api, ALICE, "what is the capital of France?")
        [(label, data)] = [b for b in buttons(unsure) if b[1].startswith("1org:q:")]
        assert label == "Ask the organisers"
        await press(api, ALICE, data, unsure.result["message_id"])
        await api.wait_for(lambda a: len(a.sent(ALICE)) >= 2)
        preview = api.sent(ALICE)[1]
        text = preview.params["text"]
        assert "what is the capital of France?" in text
        assert "Language: English" in text and "Your name is not shared." in text
        assert not api.sent(ORGANISERS)  # nothing leaves before Send
        labels = [label for label, _data in buttons(preview)]
        assert labels == ["Send", "Share my name", "Cancel"]
        await press(api, ALICE, buttons(preview)[0][1], preview.result["message_id"])
        await api.wait_for(lambda a: bool(a.sent(ORGANISERS)))
        [ticket] = api.sent(ORGANISERS)
        group_text = ticket.params["text"]
        assert "🎫 #1" in group_text and "· en ·" in group_text and "Responde" in group_text
        assert "what is the capital of France?" in group_text and "User301" not in group_text
        assert buttons(ticket) == [("➕ FAQ", "1org:faq:1")]
        await api.wait_for(lambda a: bool(a.sent(ALICE, "editMessageText")))
        [confirmed] = api.sent(ALICE, "editMessageText")
        assert "Sent to the organisers as 🎫 #1" in confirmed.params["text"]

        reply_in_group(api, STRANGER, "It is Lyon, trust me", ticket.result)
        await api.wait_for(
            lambda a: any(
                c.params.get("user_id") == STRANGER for c in a.sent(method="getChatMember")
            )
        )
        reply_in_group(api, MEMBER, "Paris <b>of course</b> & more", ticket.result)
        await api.wait_for(lambda a: len(answers(a, ALICE)) == 1, RELAY_WAIT)
        reply_in_group(api, MEMBER, "Second thought: see you there", ticket.result)
        await api.wait_for(lambda a: len(answers(a, ALICE)) == 2, RELAY_WAIT)
        [reaction] = api.sent(method="setMessageReaction")
        assert reaction.params["message_id"] == ticket.result["message_id"]

        relayed = api.sent(ALICE)[-2]
        [ack] = await say(api, ALICE, "Thanks! And the venue?", reply_to_message=relayed.result)
        assert "Sent to the organisers (🎫 #1)" in ack.params["text"]
        await api.wait_for(lambda a: len(a.sent(ORGANISERS)) == 2)
        [_ticket, back] = api.sent(ORGANISERS)
        assert "🎫 #1" in back.params["text"] and "Thanks! And the venue?" in back.params["text"]
        [again] = await say(api, ALICE, "One more thing", reply_to_message=relayed.result)
        assert "already answered back" in again.params["text"]

        faq = await press(api, MEMBER, "1org:faq:1", ticket.result["message_id"], chat=ORGANISERS)
        assert "Borrador de FAQ guardado" in faq.params["text"]  # the KB's default language
        [drafts] = await say(api, ADMIN, "/drafts")
    first, second = answers(api, ALICE)
    assert "Paris &lt;b&gt;of course&lt;/b&gt; &amp; more" in first
    assert "Second thought" in second
    assert not any("Lyon" in t for t in api.texts(ALICE))  # a non-member cannot inject
    assert len(api.sent(ORGANISERS)) == 2  # the second answer back was not relayed
    assert "id: ticket-1" in drafts.params["text"]
    assert "Paris" in drafts.params["text"]


async def test_a_restart_loses_nothing_and_relays_nothing_twice(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    api.add_group(ORGANISERS, {BOT_ID, MEMBER})
    async with start_bot(**org_env()):
        [preview] = await say(api, ALICE, "/ask is there a creche for children?")
    async with start_bot(**org_env()):  # the preview survives a restart; Send still works
        [send] = [d for label, d in buttons(preview) if label == "Send"]
        await press(api, ALICE, send, preview.result["message_id"])
        await api.wait_for(lambda a: bool(a.sent(ORGANISERS)))
        [ticket] = api.sent(ORGANISERS)
        assert "is there a creche for children?" in ticket.params["text"]
    # The bot is down when the organiser answers: the reply waits in Telegram's queue.
    first = reply_in_group(api, MEMBER, "Yes, on the first floor", ticket.result)
    async with start_bot(**org_env()):
        await api.wait_for(lambda a: len(answers(a, ALICE)) == 1, 10)
        # Telegram delivers the same message again (e.g. offset not confirmed before a crash).
        api.push_update({"message": first["message"]})
        reply_in_group(api, MEMBER, "Open from 8:00", ticket.result)
        await api.wait_for(lambda a: len(answers(a, ALICE)) == 2, RELAY_WAIT)
    async with start_bot(**org_env()):
        [hello] = await say(api, ALICE, "/start")
    texts = answers(api, ALICE)
    assert len(texts) == 2
    assert "first floor" in texts[0] and "8:00" in texts[1]
    assert "first floor" not in hello.params["text"]


async def test_the_bot_says_when_it_is_not_in_the_organisers_chat(
    api: FakeBotApi, start_bot: BotFactory, caplog: Any
) -> None:
    api.add_group(ORGANISERS, {MEMBER})  # the bot was never added
    async with start_bot(**org_env()):
        [unsure] = await say(api, ALICE, "what is the capital of France?")
        [cannot] = await say(api, ALICE, "/ask where can I park?")
    assert not [b for b in buttons(unsure) if b[1].startswith("1org:")]
    assert "cannot be reached" in cannot.params["text"]
    assert any("not a member" in r.message or "cannot reach" in r.message for r in caplog.records)
    [warning] = api.texts(ADMIN)
    assert "not a member of the organisers' chat (-1001234567890)" in html.unescape(warning)


async def test_at_most_three_questions_wait_at_once(
    api: FakeBotApi, start_bot: BotFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Twelve messages and presses within a fraction of a second would rightly meet the flood
    # guard (8 at once, then 1/s): a person takes seconds for them, this test milliseconds.
    monkeypatch.setattr(services_module, "FloodGuard", lambda: FloodGuard(burst=20))
    api.add_group(ORGANISERS, {BOT_ID, MEMBER})
    async with start_bot(**org_env()):
        for n in range(3):
            await ask_and_send(api, ALICE, f"question number {n} about parking?")
        [preview] = await say(api, ALICE, "/preguntar ¿hay estacionamiento?")
        [send] = [d for label, d in buttons(preview) if label in ("Send", "Enviar")]
        await press(api, ALICE, send, preview.result["message_id"])
        await api.wait_for(lambda a: len(a.sent(ALICE, "editMessageText")) == 4)
        refused = api.sent(ALICE, "editMessageText")[-1]
        [forgot] = await say(api, ALICE, "/forgetme")
    assert "already have 3 questions waiting" in refused.params["text"]
    assert len(api.sent(ORGANISERS)) == 3
    assert "questions to the organisers" in forgot.params["text"]


async def test_tickets_go_to_the_forum_topic_and_replies_in_it_come_back(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    api.add_group(ORGANISERS, {BOT_ID, MEMBER}, topics={45})
    async with start_bot(**org_env(), CONFBOT_ORGANISERS_TOPIC="45"):
        ticket = await ask_and_send(api, ALICE, "what is the capital of France?")
        assert ticket.params["message_thread_id"] == 45
        # In a forum a reply carries its topic; the bot's message it answers is in it too.
        reply_in_group(
            api, MEMBER, "Paris", ticket.result, message_thread_id=45, is_topic_message=True
        )
        await api.wait_for(lambda a: len(answers(a, ALICE)) == 1, RELAY_WAIT)
        relayed = api.sent(ALICE)[-1]
        [ack] = await say(api, ALICE, "Thanks! And the venue?", reply_to_message=relayed.result)
        await api.wait_for(lambda a: len(a.sent(ORGANISERS)) == 2)
    [back] = api.sent(ORGANISERS)[1:]
    assert "Paris" in answers(api, ALICE)[0]
    assert "Thanks! And the venue?" in back.params["text"]
    assert back.params["message_thread_id"] == 45


async def test_a_topic_that_does_not_exist_is_reported_by_its_setting(
    api: FakeBotApi, start_bot: BotFactory, caplog: Any
) -> None:
    api.add_group(ORGANISERS, {BOT_ID, MEMBER}, topics={45})
    async with start_bot(**org_env(), CONFBOT_ORGANISERS_TOPIC="46"):
        [preview] = await say(api, ALICE, "/ask where can I park?")
        [send] = [d for label, d in buttons(preview) if label == "Send"]
        await press(api, ALICE, send, preview.result["message_id"])
        await api.wait_for(lambda a: bool(a.sent(ALICE, "editMessageText")))
    [sorry] = api.sent(ALICE, "editMessageText")
    assert "could not reach the organisers" in sorry.params["text"]
    assert not api.sent(ORGANISERS)
    assert "CONFBOT_ORGANISERS_TOPIC 46: no such forum topic" in caplog.text


async def test_a_topic_in_a_chat_without_topics_is_reported_at_start(
    api: FakeBotApi, start_bot: BotFactory, caplog: Any
) -> None:
    api.add_group(ORGANISERS, {BOT_ID, MEMBER})  # a supergroup, not a forum
    async with start_bot(**org_env(), CONFBOT_ORGANISERS_TOPIC="45"):
        pass
    assert "CONFBOT_ORGANISERS_TOPIC 45: the organisers' chat -1001234567890 has no topics" in (
        caplog.text
    )


OLD_GROUP, SUPERGROUP = -4001234567, -1009876543210


async def test_a_group_upgraded_to_a_supergroup_is_followed_and_remembered(
    api: FakeBotApi, start_bot: BotFactory, caplog: Any
) -> None:
    env = {"CONFBOT_ORGANISERS_CHAT": str(OLD_GROUP)}
    api.add_group(OLD_GROUP, {BOT_ID, MEMBER})
    async with start_bot(**env) as bot:
        # The organisers upgrade their group while the bot runs: the old id now answers 400
        # with parameters.migrate_to_chat_id.
        api.add_group(SUPERGROUP, {BOT_ID, MEMBER})
        api.migrate(OLD_GROUP, SUPERGROUP)
        ticket = await ask_and_send(api, ALICE, "what is the capital of France?", SUPERGROUP)
        assert "what is the capital of France?" in ticket.params["text"]
        reply_in_group(api, MEMBER, "Paris", ticket.result)
        await api.wait_for(lambda a: len(answers(a, ALICE)) == 1, RELAY_WAIT)
        moves = await bot.rows("SELECT from_chat, to_chat FROM chat_moves")
    [refused] = api.rejected("sendMessage")
    assert refused.chat_id == OLD_GROUP
    assert moves == [(OLD_GROUP, SUPERGROUP)]
    assert f"set CONFBOT_ORGANISERS_CHAT={SUPERGROUP}" in caplog.text
    [told] = api.texts(ADMIN)  # the organisers in CONFBOT_ADMINS, in private, once
    assert f"Set CONFBOT_ORGANISERS_CHAT={SUPERGROUP}" in told
    caplog.clear()
    async with start_bot(**env):  # the setting still names the old group
        await ask_and_send(api, BEN, "is there a creche for children?", SUPERGROUP)
    assert len(api.rejected("sendMessage")) == 1  # straight to the supergroup this time
    assert not [c for c in api.rejected() if c.chat_id == OLD_GROUP and c.method != "sendMessage"]
    assert f"Set CONFBOT_ORGANISERS_CHAT={SUPERGROUP}" in caplog.text
    assert len(api.sent(SUPERGROUP)) == 2
    assert len(api.texts(ADMIN)) == 1  # not told again at the restart


async def test_an_answer_to_an_attendee_who_blocked_the_bot_is_reported_once(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    api.add_group(ORGANISERS, {BOT_ID, MEMBER})
    async with start_bot(**org_env()) as bot:
        ticket = await ask_and_send(api, ALICE, "what is the capital of France?")
        api.block(ALICE)
        first = reply_in_group(api, MEMBER, "Paris", ticket.result)
        await api.wait_for(lambda a: len(a.sent(ORGANISERS)) == 2, RELAY_WAIT)
        reply_in_group(api, MEMBER, "Paris, really", ticket.result)
        await bot.settled_rows(
            "SELECT status FROM ticket_messages", [("blocked",), ("blocked",)], RELAY_WAIT
        )
        [stats] = await say(api, ADMIN, "/stats")
    _ticket, notice = api.sent(ORGANISERS)  # once, not once per undelivered answer
    assert notice.params["text"] == "🎫 #1 · no entregada: quien preguntó bloqueó el bot."
    assert notice.params["reply_parameters"]["message_id"] == first["message"]["message_id"]
    assert len(api.rejected("sendMessage")) == 2
    assert "answers not delivered (the attendee blocked the bot): 1" in stats.params["text"]
    assert await bot.rows("SELECT undelivered_at IS NOT NULL FROM tickets") == [(1,)]


async def test_in_portuguese_the_button_the_preview_and_perguntar_are_portuguese(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    api.add_group(ORGANISERS, {BOT_ID, MEMBER})
    async with start_bot(**org_env()):
        [unsure] = await say(api, ALICE, "qual é a capital da França?", language_code="pt")
        [usage] = await say(api, BEN, "/perguntar", language_code="pt")
        [preview] = await say(api, BEN, "/perguntar Tem estacionamento?", language_code="pt")
        [send] = [d for label, d in buttons(preview) if label == "Enviar"]
        api.push_callback(BEN, send, preview.result["message_id"], language_code="pt")
        await api.wait_for(lambda a: bool(a.sent(BEN, "editMessageText")))
    assert [label for label, d in buttons(unsure) if d.startswith("1org:q:")] == [
        "Perguntar aos organizadores"
    ]
    assert "/perguntar Tem estacionamento?" in usage.params["text"]
    assert "Isto é exatamente o que os organizadores vão ver:" in preview.params["text"]
    assert "Idioma: Português" in preview.params["text"]
    [confirmed] = api.sent(BEN, "editMessageText")
    assert "Enviado aos organizadores como 🎫 #1" in confirmed.params["text"]
    [ticket] = api.sent(ORGANISERS)
    assert "Tem estacionamento?" in ticket.params["text"] and "· pt ·" in ticket.params["text"]


async def test_replies_in_the_supergroup_are_relayed_once_telegram_announces_the_upgrade(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    api.add_group(OLD_GROUP, {BOT_ID, MEMBER})
    async with start_bot(CONFBOT_ORGANISERS_CHAT=str(OLD_GROUP)) as bot:
        ticket = await ask_and_send(api, ALICE, "what is the capital of France?", OLD_GROUP)
        api.add_group(SUPERGROUP, {BOT_ID, MEMBER})
        api.migrate(OLD_GROUP, SUPERGROUP)
        # The service message Telegram sends in the old group (the bot gets it in privacy mode).
        api.push_update(
            {
                "message": {
                    "message_id": 99,
                    "date": ticket.result["date"],
                    "migrate_to_chat_id": SUPERGROUP,
                    "chat": {"id": OLD_GROUP, "type": "group", "title": "Organisers"},
                    "from": {"id": MEMBER, "is_bot": False, "first_name": "Member"},
                }
            }
        )
        moves = await bot.settled_rows(
            "SELECT from_chat, to_chat FROM chat_moves", [(OLD_GROUP, SUPERGROUP)]
        )
        # The history moved with the group: the ticket is now a message of the supergroup.
        moved_ticket = {**ticket.result, "chat": {"id": SUPERGROUP, "type": "supergroup"}}
        reply_in_group(api, MEMBER, "Paris", moved_ticket)
        await api.wait_for(lambda a: len(answers(a, ALICE)) == 1, RELAY_WAIT)
    assert moves == [(OLD_GROUP, SUPERGROUP)]
    assert "Paris" in answers(api, ALICE)[0]
