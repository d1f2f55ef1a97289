"""End to end: subscriptions and day-before reminders through the real application.

The rehearsal clock (CONFBOT_NOW) runs forward in real time, so each test starts the bot a
few seconds before the instant it is about.
"""

from __future__ import annotations

from tests.e2e.conftest import BotFactory
from tests.e2e.test_conversation import buttons, say
from tests.fakeapi import Call, FakeBotApi

BLOCKED, ALICE, BETO, CARLA = 201, 202, 203, 204
SECONDS_BEFORE_THE_EVE = "2015-10-20T17:59:56-05:00"  # the clinic's eve, 4 s before 18:00
JUST_AFTER_THE_EVE = "2015-10-20T18:00:30-05:00"
EVE_MIDDAY = "2015-10-20T12:00:00-05:00"
EVE_EVENING = "2015-10-20T20:00:00-05:00"  # the bot was down at 18:00
A_WEEK_BEFORE = "2015-10-12T10:00:00-05:00"
# One sweep every 30 s backs up the wake-up at 18:00: allow for one on a loaded machine.
REMINDER_WAIT = 40.0


def reminders(api: FakeBotApi, chat: int) -> list[Call]:
    """Return the day-before reminders `chat` received (in either language)."""
    return [
        c
        for c in api.sent(chat)
        if str(c.params.get("text", "")).startswith(("<b>Reminder:", "<b>Recordatorio:"))
    ]


def edits(api: FakeBotApi) -> list[Call]:
    return api.sent(method="editMessageText")


async def press(api: FakeBotApi, user: int, data: str, message_id: int) -> Call:
    """Press an inline button and return the bot's answer to the callback query."""
    before = len(api.sent(method="answerCallbackQuery"))
    api.push_callback(user, data, message_id)
    await api.wait_for(before + 1, method="answerCallbackQuery")
    return api.sent(method="answerCallbackQuery")[before]


async def pick(api: FakeBotApi, user: int, data: str, message_id: int) -> tuple[Call, Call]:
    """Press a picker button; return the answer to the press and the edited picker."""
    before = len(edits(api))
    answer = await press(api, user, data, message_id)
    await api.wait_for(before + 1, method="editMessageText")
    return answer, edits(api)[before]


async def test_the_reminder_arrives_at_six_the_evening_before_once_across_a_restart(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot(CONFBOT_NOW=SECONDS_BEFORE_THE_EVE) as bot:
        await say(api, BLOCKED, "/subscribe")
        await say(api, ALICE, "/subscribe", language_code="en")
        await say(api, BETO, "/subscribe", language_code="es")
        api.block(BLOCKED)
        await api.wait_for(lambda a: bool(reminders(a, ALICE) and reminders(a, BETO)), 40)
        await say(api, CARLA, "/subscribe")  # after the 18:00 sweep, just before a restart
    [english], [spanish] = reminders(api, ALICE), reminders(api, BETO)
    text = english.params["text"]
    assert "Reminder: tomorrow, Wednesday 21 October 2015" in text
    assert "7th Citizen Security Clinic" in text and "Field visit" in text
    assert "date and time to be confirmed" in text and "late" not in text
    assert ("📍 JW Marriott Hotel", "1venue:jw-marriott") in buttons(english)
    assert ("📅 Add to calendar", "1ics:clinic") in buttons(english)
    assert "Recordatorio: mañana" in spanish.params["text"]
    assert "Clínica de Seguridad Ciudadana" in spanish.params["text"]
    assert ("📅 Añadir al calendario", "1ics:clinic") in buttons(spanish)
    assert [c.status for c in api.calls if c.chat_id == BLOCKED][-1] == 403
    assert await bot.rows("SELECT active FROM users WHERE user_id = ?", BLOCKED) == [(0,)]

    # Feedback requests for the day before would race the /mysubscriptions reply: off here.
    async with start_bot(CONFBOT_NOW=JUST_AFTER_THE_EVE, CONFBOT_FEEDBACK="off") as bot:
        # The start-up sweep sends what is still due (Carla's) and nothing twice.
        await api.wait_for(lambda a: bool(reminders(a, CARLA)), REMINDER_WAIT)
        [mine] = await say(api, ALICE, "/mysubscriptions")
    assert (
        len(reminders(api, ALICE)) == len(reminders(api, BETO)) == len(reminders(api, CARLA)) == 1
    )
    assert len([c for c in api.calls if c.chat_id == BLOCKED and c.method == "sendMessage"]) == 2
    assert await bot.rows(
        "SELECT user_id, status FROM reminder_deliveries WHERE day = '2015-10-21' ORDER BY user_id"
    ) == [(BLOCKED, "blocked"), (ALICE, "delivered"), (BETO, "delivered"), (CARLA, "delivered")]
    assert "Reminder sent." in mine.params["text"]
    assert "Friday 23 October 2015" in mine.params["text"]


async def test_a_reminder_missed_while_down_goes_out_late_on_start(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot(CONFBOT_NOW=EVE_MIDDAY):
        await say(api, ALICE, "/subscribe")
        await say(api, BETO, "/subscribe", language_code="es")
    async with start_bot(CONFBOT_NOW=EVE_EVENING) as bot:
        await api.wait_for(lambda a: bool(reminders(a, ALICE) and reminders(a, BETO)), 10)
    [english], [spanish] = reminders(api, ALICE), reminders(api, BETO)
    assert "This reminder is late" in english.params["text"]
    assert "7th Citizen Security Clinic" in english.params["text"]
    assert "llega tarde" in spanish.params["text"]
    assert await bot.rows(
        "SELECT day, status, late FROM reminder_deliveries WHERE user_id = ? ORDER BY day", ALICE
    ) == [
        ("2015-10-19", "skipped", 0),
        ("2015-10-20", "skipped", 0),
        ("2015-10-21", "delivered", 1),
    ]


async def test_the_picker_toggles_sessions_in_place(api: FakeBotApi, start_bot: BotFactory) -> None:
    async with start_bot(CONFBOT_NOW=A_WEEK_BEFORE):
        [panel] = await say(api, ALICE, "/subscribe")
        message_id = panel.result["message_id"]
        off, after_off = await pick(api, ALICE, "1sub:dialogue", message_id)
        _none, after_none = await pick(api, ALICE, "1sub:none", message_id)
        on, after_clinic = await pick(api, ALICE, "1sub:clinic", message_id)
        [mine] = await say(api, ALICE, "/mysubscriptions")
    choices = buttons(panel)
    assert (
        "a reminder at 18:00 (America/Guayaquil) the day before each session"
        in (panel.params["text"])
    )
    assert [data for _label, data in choices] == [
        "1sub:dialogue",
        "1sub:subregional",
        "1sub:clinic",
        "1sub:advisory",
        "1sub:all",
        "1sub:none",
    ]
    assert all(label.startswith("✅") for label, _data in choices[:4])
    assert all(len(data.encode()) <= 64 for _label, data in choices)
    assert off.params["text"] == "Reminder off: Third Regional Policy Dialogue on Citizen Security"
    assert [label[0] for label, _data in buttons(after_off)[:4]] == ["☐", "✅", "✅", "✅"]
    assert after_off.params["message_id"] == message_id
    assert "No session is chosen" in after_none.params["text"]
    assert [label[0] for label, _data in buttons(after_none)[:4]] == ["☐", "☐", "☐", "☐"]
    assert on.params["text"].startswith("Reminder on: 7th Citizen Security Clinic")
    assert [label[0] for label, _data in buttons(after_clinic)[:4]] == ["☐", "☐", "✅", "☐"]
    text = mine.params["text"]
    assert "Wednesday 21 October 2015" in text and "Field visit" in text  # it follows the clinic
    assert "Reminder: Tuesday 20 October 2015, 18:00." in text
    assert "Policy Dialogue" not in text and "Advisory" not in text


async def test_unsubscribing_stops_the_reminders_in_both_languages(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot(CONFBOT_NOW=A_WEEK_BEFORE) as bot:
        [panel] = await say(api, BETO, "/subscribe", language_code="es")
        [bye] = await say(api, BETO, "/unsubscribe", language_code="es")
        [nothing] = await say(api, BETO, "/mysubscriptions", language_code="es")
        [again] = await say(api, ALICE, "/unsubscribe")
        [none] = await say(api, ALICE, "/mysubscriptions")
        assert await bot.rows("SELECT COUNT(*) FROM subscriptions") == [(0,)]
    assert "Recordatorios" in panel.params["text"] and "18:00" in panel.params["text"]
    assert ("Todas las sesiones", "1sub:all") in buttons(panel)
    assert "Listo" in bye.params["text"] and "/subscribe" in bye.params["text"]
    assert "No tienes recordatorios" in nothing.params["text"]
    assert "You had no reminders" in again.params["text"]
    assert "You have no reminders" in none.params["text"]


async def test_old_or_unknown_picker_buttons_are_answered_politely(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot(CONFBOT_NOW=A_WEEK_BEFORE):
        await say(api, ALICE, "/start")
        unknown = await press(api, ALICE, "1sub:no-such-session", 9999)
        undated = await press(api, ALICE, "1sub:field-visit", 9999)
        before = len(api.sent(ALICE))
        await press(api, ALICE, "1sub:clinic", 9999)  # a picker too old to edit: a new one comes
        await api.wait_for(lambda a: len(a.sent(ALICE)) > before)
        [resent] = api.sent(ALICE)[before:]
        [group] = await say(api, ALICE, "/subscribe", chat_id=-7001, chat_type="supergroup")
    assert unknown.params["text"] == "That button is out of date."
    assert undated.params["text"] == "That button is out of date."
    assert [label[0] for label, _data in buttons(resent)[:4]] == ["☐", "☐", "✅", "☐"]
    assert "private" in group.params["text"]
