"""End to end: "Ask the organisers" through the real application and the fake Bot API."""

from __future__ import annotations

import html
from typing import Any

from tests.e2e.conftest import ADMIN, BotFactory
from tests.e2e.test_conversation import buttons, say
from tests.fakeapi import Call, FakeBotApi

ORGANISERS = -1001234567890
ALICE, MEMBER, STRANGER = 301, 401, 402
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


def reply_in_group(api: FakeBotApi, user: int, text: str, to: dict[str, Any]) -> dict[str, Any]:
    """A message in the organisers' chat replying to the bot's message `to`."""
    return api.push_message(
        user, text, chat_id=ORGANISERS, chat_type="supergroup", reply_to_message=to
    )


def answers(api: FakeBotApi, chat: int) -> list[str]:
    return [t for t in api.texts(chat) if "Answer from the organisers" in t]


async def ask_and_send(api: FakeBotApi, user: int, question: str) -> Call:
    """Abstain → button → preview → Send; return the ticket as the organisers' chat got it."""
    [unsure] = await say(api, user, question)
    [(label, data)] = [b for b in buttons(unsure) if b[1].startswith("org:q:")]
    assert label == "Ask the organisers"
    before = len(api.sent(user))
    await press(api, user, data, unsure.result["message_id"])
    await api.wait_for(lambda a: len(a.sent(user)) > before)
    preview = api.sent(user)[before]
    assert question in preview.params["text"]
    [send] = [d for label, d in buttons(preview) if label == "Send"]
    in_group = len(api.sent(ORGANISERS))
    await press(api, user, send, preview.result["message_id"])
    edits = len(api.sent(user, "editMessageText"))
    await api.wait_for(lambda a: len(a.sent(user, "editMessageText")) > edits)
    return api.sent(ORGANISERS)[in_group]


async def test_a_question_reaches_the_organisers_and_their_reply_comes_back(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    api.add_group(ORGANISERS, {BOT_ID, MEMBER})
    async with start_bot(**org_env()):
        [unsure] = await say(api, ALICE, "what is the capital of France?")
        [(label, data)] = [b for b in buttons(unsure) if b[1].startswith("org:q:")]
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
        assert "🎫 #1" in group_text and "· en ·" in group_text and "Responda" in group_text
        assert "what is the capital of France?" in group_text and "User301" not in group_text
        assert buttons(ticket) == [("➕ FAQ", "org:faq:1")]
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

        faq = await press(api, MEMBER, "org:faq:1", ticket.result["message_id"], chat=ORGANISERS)
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
    assert not [b for b in buttons(unsure) if b[1].startswith("org:")]
    assert "cannot be reached" in cannot.params["text"]
    assert any("not a member" in r.message or "cannot reach" in r.message for r in caplog.records)
    [warning] = api.texts(ADMIN)
    assert "not a member of the organisers' chat (-1001234567890)" in html.unescape(warning)


async def test_at_most_three_questions_wait_at_once(api: FakeBotApi, start_bot: BotFactory) -> None:
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
