"""End to end: attendees talk to the real application through a fake Bot API server."""

from __future__ import annotations

import json
from typing import Any

from tests.e2e.conftest import BotFactory
from tests.fakeapi import Call, FakeBotApi

ALICE, BETO = 101, 102


async def say(
    api: FakeBotApi, user: int, text: str, replies: int = 1, method: str | None = None, **kw: Any
) -> list[Call]:
    """Send `text` as `user` and return the bot's next `replies` calls to that chat."""
    chat = kw.get("chat_id", user)
    before = len(api.sent(chat, method))
    api.push_message(user, text, **kw)
    await api.wait_for(lambda a: len(a.sent(chat, method)) >= before + replies)
    return api.sent(chat, method)[before:]


def buttons(call: Call) -> list[tuple[str, str]]:
    markup = call.params.get("reply_markup") or {}
    if isinstance(markup, str):
        markup = json.loads(markup)
    return [
        (b["text"], b.get("callback_data", ""))
        for row in markup.get("inline_keyboard", [])
        for b in row
    ]


async def test_start_greets_in_the_users_language_with_a_menu(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot():
        [hello] = await say(api, ALICE, "/start", language_code="en")
        [hola] = await say(api, BETO, "/start", language_code="es-419")
    assert "Citizen Security Week" in hello.params["text"]
    assert hello.params["parse_mode"] == "HTML"
    assert "Semana de la Seguridad Ciudadana" in hola.params["text"]
    assert ("Programa", "1cmd:schedule") in buttons(hola)
    assert ("Programme", "1cmd:schedule") in buttons(hello)


async def test_a_deep_link_opens_the_session(api: FakeBotApi, start_bot: BotFactory) -> None:
    async with start_bot():
        _welcome, clinic = await say(api, ALICE, "/start clinic", replies=2)
    assert "Clinic" in clinic.params["text"]
    assert ("📅 Add to calendar", "1ics:clinic") in buttons(clinic)
    assert any(data == "1venue:jw-marriott" for _label, data in buttons(clinic))


async def test_every_command_answers(api: FakeBotApi, start_bot: BotFactory) -> None:
    async with start_bot():
        [schedule] = await say(api, ALICE, "/schedule")
        [today] = await say(api, ALICE, "/today")
        [upcoming] = await say(api, ALICE, "/next")
        [venues] = await say(api, ALICE, "/venues")
        [helptext] = await say(api, ALICE, "/help")
        [language] = await say(api, ALICE, "/language")
        [ics] = await say(api, ALICE, "/calendar", method="sendDocument")
    text = schedule.params["text"]
    for title in ("Policy Dialogue", "Clinic", "Advisory Group"):
        assert title in text
    assert "No activity on the programme" in text  # Thursday 22 October
    assert "Clinic" in today.params["text"]  # the clock says 21 October 2015, 10:00 in Quito
    assert "Advisory" in upcoming.params["text"] or "23" in upcoming.params["text"]
    assert "ECU 911" in venues.params["text"] and "JW Marriott" in venues.params["text"]
    assert "/subscribe" in helptext.params["text"]
    assert buttons(language) == [
        ("Español", "1lang:es"),
        ("English", "1lang:en"),
        ("Português", "1lang:pt"),
    ]
    document = ics.params["document"]
    assert document.filename == "programme.ics"
    assert b"BEGIN:VEVENT" in document.data and b"DTSTART;VALUE=DATE:20151021" in document.data


async def test_free_text_is_answered_in_the_questions_language(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot():
        [english] = await say(api, ALICE, "where is the clinic?")
        [spanish] = await say(api, ALICE, "donde es la clinica")
        [dialogue] = await say(api, BETO, "cuando es el dialogo regional", language_code="es")
    assert "JW Marriott" in english.params["text"]
    assert "JW Marriott" in spanish.params["text"] and "Clínica" in spanish.params["text"]
    assert "19" in dialogue.params["text"] and "octubre" in dialogue.params["text"]


async def test_an_unsure_answer_offers_buttons_that_answer(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot():
        [unsure] = await say(api, ALICE, "what is the capital of France?")
        choices = buttons(unsure)
        assert choices and all(data.startswith("1ask:") for _label, data in choices)
        before = len(api.sent(ALICE))
        api.push_callback(ALICE, choices[0][1], unsure.result["message_id"])
        await api.wait_for(lambda a: len(a.sent(ALICE)) > before)
        await api.wait_for(1, method="answerCallbackQuery")
    assert api.sent(ALICE)[-1].params["text"] != unsure.params["text"]


async def test_language_with_an_argument_sets_it_at_once(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot():
        [done] = await say(api, ALICE, "/language es", language_code="en")
        [helptext] = await say(api, ALICE, "/ayuda", language_code="en")
    assert "español" in done.params["text"]
    assert "Cómo usarme" in helptext.params["text"]


async def test_the_language_choice_wins_over_telegrams(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot():
        [menu] = await say(api, ALICE, "/language", language_code="en")
        api.push_callback(ALICE, "1lang:es", menu.result["message_id"])
        await api.wait_for(lambda a: "español" in a.texts(ALICE)[-1])
        [helptext] = await say(api, ALICE, "/help", language_code="en")
    assert "Escribe" in helptext.params["text"] or "pregunta" in helptext.params["text"]


async def test_groups_only_get_answers_when_they_address_the_bot(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    group = -5001
    async with start_bot():
        api.push_message(ALICE, "where is the clinic?", chat_id=group, chat_type="supergroup")
        api.push_message(ALICE, "/help@someotherbot", chat_id=group, chat_type="supergroup")
        mention = f"@{api.bot_user['username']} where is the clinic?"
        [answer] = await say(api, ALICE, mention, chat_id=group, chat_type="supergroup")
        [helptext] = await say(
            api, ALICE, f"/help@{api.bot_user['username']}", chat_id=group, chat_type="supergroup"
        )
    assert "JW Marriott" in answer.params["text"]
    assert "/schedule" in helptext.params["text"]
    assert len(api.sent(group)) == 2  # the unaddressed message and the other bot's command: silence


async def test_a_brief_where_answer_offers_the_full_description(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot():
        [brief] = await say(api, ALICE, "where is the clinic?")
        assert ("ℹ️ More", "1ask:clinic:en") in buttons(brief)
        api.push_callback(ALICE, "1ask:clinic:en", brief.result["message_id"])
        await api.wait_for(lambda a: len(a.sent(ALICE)) == 2)
    full = api.texts(ALICE)[1]
    assert "(v)" not in brief.params["text"] and "(v)" in full


async def test_other_telegram_languages_get_english(api: FakeBotApi, start_bot: BotFactory) -> None:
    async with start_bot() as bot:
        [hello] = await say(api, 150, "/start", language_code="de-at")
        [plain] = await say(api, 151, "/start", language_code=None)
        stored = await bot.rows("SELECT tg_lang FROM users WHERE user_id IN (150, 151)")
    assert "Citizen Security Week" in hello.params["text"]
    assert "Citizen Security Week" in plain.params["text"]
    assert stored == [(None,), (None,)]


async def test_a_suggestion_answers_in_the_language_it_was_offered_in(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot():
        [menu] = await say(api, ALICE, "/language")
        api.push_callback(ALICE, "1lang:es", menu.result["message_id"])
        await api.wait_for(lambda a: "español" in a.texts(ALICE)[-1])
        [unsure] = await say(api, ALICE, "what is the capital of France?")
        label, data = buttons(unsure)[0]
        assert data.endswith(":en")
        api.push_callback(ALICE, data, unsure.result["message_id"])
        await api.wait_for(lambda a: len(a.sent(ALICE)) == 4)
    assert "I'm not sure" in unsure.params["text"]
    answer = api.texts(ALICE)[-1]
    assert answer != unsure.params["text"]
    assert " el " not in answer and " la " not in answer  # English, like the question


async def test_menus_and_descriptions_are_set_in_both_languages(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot():
        pass
    menus = {
        (c.params.get("language_code"), json.dumps(c.params.get("scope"), sort_keys=True)): [
            command["command"] for command in c.params["commands"]
        ]
        for c in api.sent(method="setMyCommands")
    }
    default = json.dumps({"type": "default"}, sort_keys=True)
    admin = json.dumps({"type": "chat", "chat_id": 900}, sort_keys=True)
    assert {
        "start",
        "schedule",
        "today",
        "next",
        "venues",
        "calendar",
        "subscribe",
        "language",
    } <= set(menus[("es", default)])
    assert "broadcast" not in menus[("es", default)] and "broadcast" not in menus[(None, default)]
    assert {"broadcast", "broadcasts", "stats", "reload"} <= set(menus[("es", admin)])
    descriptions = {
        c.params.get("language_code"): c.params["description"]
        for c in api.sent(method="setMyDescription")
    }
    assert "español" in descriptions["es"] and "Spanish" in descriptions["en"]
    shorts = {c.params.get("language_code") for c in api.sent(method="setMyShortDescription")}
    assert {"es", "en"} <= shorts
    for call in api.sent(method="setMyCommands"):
        assert all(command["description"] for command in call.params["commands"])
