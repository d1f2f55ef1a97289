"""End to end: languages as data. A Portuguese-speaking attendee gets Portuguese everywhere, and
another event's knowledge base shows nothing of the shipped 2015 event."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from bot.domain.clock import FixedClock
from bot.telegram import sweeps
from tests.e2e.conftest import ADMIN, BotFactory
from tests.e2e.test_broadcasts import press
from tests.e2e.test_conversation import buttons, say
from tests.e2e.test_reminders import REMINDER_WAIT, SECONDS_BEFORE_THE_EVE
from tests.fakeapi import FakeBotApi

LUCIA, PEDRO, HANS = 601, 602, 603
WORKSHOP = Path(__file__).resolve().parent / "workshop"
SMALL_WORKSHOP = Path(__file__).resolve().parents[2] / "examples" / "small-workshop" / "knowledge"
# Words only the shipped 2015 event uses: none may show when another event is loaded (unless
# that event's own knowledge base uses the word too, as a workshop may run a "clinic").
SHIPPED_WORDS = (
    r"Citizen Security",
    r"Seguridad Ciudadana",
    r"Segurança Cidadã",
    r"Quito",
    r"\bBID\b",
    r"\bIDB\b",
    r"ECU 911",
    r"Marriott",
    r"cl[ií]nica",
    r"clinic",
    r"di[áa]logo",
    r"dialogue",
    r"field visit",
    r"visita de campo",
)


def shipped_event_words(knowledge: Path) -> re.Pattern[str]:
    """Return a pattern of the shipped event's words that `knowledge` itself never uses."""
    own = " ".join(p.read_text(encoding="utf-8") for p in knowledge.glob("*.yaml"))
    words = [w for w in SHIPPED_WORDS if not re.search(w, own, re.IGNORECASE)]
    return re.compile("|".join(words), re.IGNORECASE)


def _menu(api: FakeBotApi, code: str | None) -> list[str]:
    """Return the public command menu's descriptions set for Telegram language `code`."""
    for call in api.sent(method="setMyCommands"):
        scope: Any = call.params.get("scope") or {}
        public = "chat_id" not in str(scope)
        if public and call.params.get("language_code") == code:
            return [c["description"] for c in call.params["commands"]]
    raise AssertionError(f"no public menu for {code}")


def _description(api: FakeBotApi, method: str, code: str | None) -> str:
    for call in api.sent(method=method):
        if call.params.get("language_code") == code:
            key = "description" if method == "setMyDescription" else "short_description"
            return str(call.params[key])
    raise AssertionError(f"no {method} for {code}")


async def test_a_portuguese_speaker_gets_the_greeting_help_and_menus_in_portuguese(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot():
        [hello] = await say(api, LUCIA, "/start", language_code="pt-BR")
        [helptext] = await say(api, LUCIA, "/help", language_code="pt-BR")
        [menu] = await say(api, LUCIA, "/language", language_code="pt-BR")
        [answer] = await say(api, LUCIA, "Quando é a clínica?", language_code="pt-BR")
        [ajuda] = await say(api, LUCIA, "/ajuda", language_code="pt-BR")
    assert answer.params["text"].startswith("<b>7ª Clínica de Segurança Cidadã")
    assert "Quarta-feira, 21 de outubro de 2015 · horário a ser confirmado" in answer.params["text"]
    assert ("📅 Adicionar ao calendário", "1ics:clinic") in buttons(answer)
    assert ajuda.params["text"] == helptext.params["text"]  # /ajuda is /help
    text = hello.params["text"]
    assert text.startswith("Olá! Sou o assistente deste evento: <b>Semana da Segurança Cidadã</b>")
    assert "de segunda-feira, 19 de outubro a sexta-feira, 23 de outubro de 2015" in text
    assert "em espanhol, inglês ou português. Por exemplo:" in text
    assert "• <i>Quando é a Semana da Segurança Cidadã?</i>" in text  # the KB's first FAQ
    assert ("Programação", "1cmd:schedule") in buttons(hello)
    assert helptext.params["text"].startswith("<b>Como me usar</b>")
    assert "/language — mudar o idioma" in helptext.params["text"]
    assert buttons(menu) == [
        ("Español", "1lang:es"),
        ("English", "1lang:en"),
        ("Português", "1lang:pt"),
    ]
    assert "A programação, dia a dia" in _menu(api, "pt")
    assert "Mudar o idioma" in _menu(api, "pt")
    assert _description(api, "setMyDescription", "pt").startswith(
        "Semana da Segurança Cidadã (Quito, Equador): respondo suas perguntas em espanhol, "
        "inglês e português"
    )
    assert _description(api, "setMyShortDescription", "pt").startswith(
        "Semana da Segurança Cidadã: seu assistente"
    )
    # Everyone else (no language the bot speaks) gets the English menu.
    assert "The programme, day by day" in _menu(api, None)


async def test_choosing_portuguese_with_a_button_switches_the_whole_conversation(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot():
        [menu] = await say(api, PEDRO, "/language", language_code="en")
        api.push_callback(PEDRO, "1lang:pt", menu.result["message_id"])
        await api.wait_for(lambda a: len(a.sent(PEDRO)) == 2)
        [schedule] = await say(api, PEDRO, "/schedule", language_code="en")
    assert api.texts(PEDRO)[1].startswith("Pronto: vou falar com você em português.")
    text = schedule.params["text"]
    assert text.startswith("<b>Programação — Semana da Segurança Cidadã</b>")
    assert "Terceiro Diálogo Regional de Política sobre Segurança Cidadã — ECU 911" in text
    assert "Os horários serão confirmados pelos organizadores." in text  # no session has a time


async def test_a_message_in_a_language_the_bot_does_not_speak_says_which_it_speaks(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot():
        [reply] = await say(api, HANS, "Wann beginnt die Konferenz?", language_code="de")
    assert reply.params["text"].startswith("<i>I speak Español, English, and Português.</i>")


async def test_a_portuguese_speaker_gets_the_reminder_in_portuguese(
    api: FakeBotApi, start_bot: BotFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A clock the test moves past 18:00, and sweeps every 0.1 s: no waiting in real time.
    clock = FixedClock(dt.datetime.fromisoformat(SECONDS_BEFORE_THE_EVE))
    monkeypatch.setattr(sweeps, "TICK", 0.1)
    async with start_bot(clock=clock):
        [subscribed] = await say(api, LUCIA, "/subscribe", language_code="pt-BR")
        clock.advance(seconds=5)
        await api.wait_for(lambda a: any("Lembrete:" in t for t in a.texts(LUCIA)), REMINDER_WAIT)
    assert "Você vai receber um lembrete às 18:00" in subscribed.params["text"]
    [reminder] = [c for c in api.sent(LUCIA) if "Lembrete:" in str(c.params["text"])]
    text = reminder.params["text"]
    assert text.startswith("<b>Lembrete: amanhã, quarta-feira, 21 de outubro de 2015</b>")
    assert "<b>7ª Clínica de Segurança Cidadã (Clínica Intensiva de Capacitação)</b>" in text
    assert "Visita de campo: Centro Penitenciário de Reabilitação" in text
    assert "Quando: horário a ser confirmado pelos organizadores" in text
    assert ("📅 Adicionar ao calendário", "1ics:clinic") in buttons(reminder)


async def test_a_broadcast_reaches_a_portuguese_speaker_in_portuguese(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    announcement = (
        "/broadcast es: La sesión de la tarde pasa a la sala B.\n"
        "en: The afternoon session moves to room B.\n"
        "pt: A sessão da tarde passa para a sala B."
    )
    async with start_bot():
        await say(api, LUCIA, "/start", language_code="pt-BR")
        await say(api, PEDRO, "/start", language_code="es")
        [preview] = await say(api, ADMIN, announcement, language_code="pt")
        await press(api, ADMIN, "1bc:send:1", preview.result["message_id"])
        await api.wait_for(lambda a: len(a.sent(LUCIA)) == 2 and len(a.sent(PEDRO)) == 2)
    assert "Prévia do comunicado #1" in preview.params["text"]
    assert "3 destinatários (Espanhol: 1, Português: 2)" in preview.params["text"]  # with the admin
    assert api.texts(LUCIA)[1] == "A sessão da tarde passa para a sala B."
    assert api.texts(PEDRO)[1] == "La sesión de la tarde pasa a la sala B."


async def test_another_events_knowledge_base_shows_nothing_of_the_shipped_event(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    env = {"CONFBOT_KNOWLEDGE": str(WORKSHOP), "CONFBOT_NOW": "2026-09-17T08:00:00-03:00"}
    async with start_bot(**env):
        [ola] = await say(api, LUCIA, "/start", language_code="pt-BR")
        [hello] = await say(api, PEDRO, "/start", language_code="en")
        [ajuda] = await say(api, LUCIA, "/help", language_code="pt-BR")
        [helptext] = await say(api, PEDRO, "/help", language_code="en")
        [programa] = await say(api, LUCIA, "/schedule", language_code="pt-BR")
        [schedule] = await say(api, PEDRO, "/schedule", language_code="en")
        [idioma] = await say(api, LUCIA, "/language", language_code="pt-BR")
        [example] = await say(api, LUCIA, "Quando é “Boas-vindas”?", language_code="pt-BR")
    seen = [c.params["text"] for c in (ola, hello, ajuda, helptext, programa, schedule, idioma)]
    seen += [label for c in (ola, hello, idioma) for label, _data in buttons(c)]
    for code in ("pt", "en", None):
        seen += _menu(api, code)
        seen.append(_description(api, "setMyDescription", code))
        seen.append(_description(api, "setMyShortDescription", code))
    leaks = [text for text in seen if shipped_event_words(WORKSHOP).search(text)]
    assert not leaks
    assert ola.params["text"].startswith("Olá! Sou o assistente deste evento: <b>Oficina")
    assert "• <i>Quando é “Boas-vindas”?</i>" in ola.params["text"]
    assert example.params["text"].startswith("<b>Boas-vindas</b>\nQuinta-feira, 17 de setembro")
    assert "• <i>Tem wi-fi?</i>" in ola.params["text"]
    assert "em português ou inglês" in ola.params["text"]
    assert "in Portuguese or English" in hello.params["text"]
    assert "• 09:00–10:00 Boas-vindas — Campus Central, Sala 1" in programa.params["text"]
    assert "• 11:30–11:50 Demonstração de mapas — Campus Central, Sala 2" in programa.params["text"]
    assert "horários" not in programa.params["text"]  # every session has its times
    assert "confirmed" not in schedule.params["text"]  # every session has its times
    assert buttons(idioma) == [("Português", "1lang:pt"), ("English", "1lang:en")]
    assert "Open Data Workshop (Porto Alegre, Brasil)" in _description(
        api, "setMyDescription", "en"
    )
    # The default language of this event is Portuguese, but English is what a stranger shares.
    assert "The programme, day by day" in _menu(api, None)


async def test_the_small_workshop_example_shows_nothing_of_the_shipped_event(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    env = {"CONFBOT_KNOWLEDGE": str(SMALL_WORKSHOP), "CONFBOT_NOW": "2027-03-10T12:00:00+00:00"}
    async with start_bot(**env):
        [hello] = await say(api, PEDRO, "/start", language_code="en")
        [ola] = await say(api, LUCIA, "/start", language_code="pt-BR")
        [helptext] = await say(api, PEDRO, "/help", language_code="en")
        [schedule] = await say(api, PEDRO, "/schedule", language_code="en")
        [language] = await say(api, PEDRO, "/language", language_code="en")
    seen = [c.params["text"] for c in (hello, ola, helptext, schedule, language)]
    seen += [label for c in (hello, language) for label, _data in buttons(c)]
    for code in ("en", None):
        seen += _menu(api, code)
        seen.append(_description(api, "setMyDescription", code))
        seen.append(_description(api, "setMyShortDescription", code))
    pattern = shipped_event_words(SMALL_WORKSHOP)
    assert "Quito" in pattern.pattern and "clinic" not in pattern.pattern
    assert not [text for text in seen if pattern.search(text)]
    assert (
        "Reproducible Research in Practice</b> (Thursday 11 March 2027, Leeds"
        in (hello.params["text"])
    )
    assert "• <i>When is “Welcome and introductions”?</i>" in hello.params["text"]
    assert ola.params["text"] == hello.params["text"]  # an English-only event answers in English
    assert "in English. For example:" in hello.params["text"]
    assert (
        "• 09:00–09:30 Arrival, coffee and setup check — Clarendon Innovation Hub, Room 2.14"
        in (schedule.params["text"])
    )
    assert "confirmed" not in schedule.params["text"]  # every session has its times
    assert buttons(language) == [("English", "1lang:en")]
