"""The Telegram adapter's handlers, in process: PTB's request layer answered by the fake Bot API.

No HTTP server and no polling: each update goes straight to `Application.process_update`, and
what the bot sent is read from the fake. The end-to-end tests (tests/e2e) run the real process
over HTTP; these check the adapter's wiring (commands, aliases, buttons, the admin gate) fast.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from telegram import Update

from bot.config import load_settings
from bot.domain.buttons import encode
from bot.services import LiveKnowledge
from bot.telegram.app import App, build_application
from tests.conftest import in_process_env
from tests.fakeapi import FakeBotApi, InProcessRequest

ADMIN, ALICE, BETO, GROUP = 900, 401, 402, -100555


@pytest.fixture
async def bot() -> AsyncIterator[tuple[App, FakeBotApi]]:
    settings = load_settings(in_process_env(ADMIN))
    api = FakeBotApi()
    knowledge = LiveKnowledge(settings.knowledge)
    app, services = await build_application(settings, knowledge, request=InProcessRequest(api))
    async with app:  # no post_init: these tests need no background loop
        yield app, api
    await services.close()


async def process(app: App, update: dict[str, Any]) -> None:
    await app.process_update(Update.de_json(update, app.bot))


async def say(app: App, api: FakeBotApi, user: int, text: str, **where: Any) -> list[str]:
    """Send `text` as `user`; return the texts of the messages the bot answered with."""
    before = len(api.calls)
    await process(app, api.push_message(user, text, **where))
    return [str(c.params["text"]) for c in api.calls[before:] if c.method == "sendMessage" and c.ok]


async def press(app: App, api: FakeBotApi, user: int, data: str) -> tuple[str, list[str]]:
    """Press a button carrying `data`; return the press's answer and the messages sent."""
    before = len(api.calls)
    await process(app, api.push_callback(user, data, message_id=4242))
    calls = api.calls[before:]
    [answer] = [str(c.params.get("text", "")) for c in calls if c.method == "answerCallbackQuery"]
    return answer, [str(c.params["text"]) for c in calls if c.method == "sendMessage"]


async def test_a_command_is_answered(bot: tuple[App, FakeBotApi]) -> None:
    app, api = bot
    [today] = await say(app, api, ALICE, "/today")
    assert "Subregional meetings of authorities" in today  # 20 October 2015


async def test_an_alias_answers_as_its_command_in_the_users_language(
    bot: tuple[App, FakeBotApi],
) -> None:
    app, api = bot
    [hoy] = await say(app, api, BETO, "/hoy", language_code="es")
    [today] = await say(app, api, BETO, "/today", language_code="es")
    [hoje] = await say(app, api, ALICE, "/hoje", language_code="pt")
    assert hoy == today and "Reuniones subregionales" in hoy
    assert hoje.startswith("Hoje, terça-feira, 20 de outubro:")


async def test_a_menu_button_runs_its_command_and_an_old_one_is_out_of_date(
    bot: tuple[App, FakeBotApi],
) -> None:
    app, api = bot
    answer, [schedule] = await press(app, api, ALICE, encode("cmd", "schedule"))
    assert answer == "" and "Programme" in schedule
    for old in ("cmd:schedule", "sub:all", "bc:send:1", "fb:clinic:5", "org:q:1", "lang:es"):
        stale, sent = await press(app, api, ADMIN, old)  # buttons of before the version byte
        assert (stale, sent) == ("That button is out of date.", []), old


async def test_admin_commands_are_refused_politely_to_others_and_in_groups(
    bot: tuple[App, FakeBotApi],
) -> None:
    app, api = bot
    [refused] = await say(app, api, ALICE, "/stats")
    [announce] = await say(app, api, ALICE, "/broadcast hello")
    [in_group] = await say(app, api, ADMIN, "/reload", chat_id=GROUP, chat_type="supergroup")
    [report] = await say(app, api, ADMIN, "/stats")
    assert refused == "Sorry, /stats is only for the organisers."
    assert announce == "Sorry, only the organisers can send announcements."
    assert in_group == "Please use /reload in a private chat with me."
    assert report.startswith("<b>Statistics</b>\nUsers: 2 (en 2)")  # Alice and the admin
