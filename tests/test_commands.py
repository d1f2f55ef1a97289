"""The one command table: names and aliases, the menus, /help and the terminal chat."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.cli.chat import converse
from bot.i18n import Translator
from bot.usecases.commands import COMMANDS, FEEDBACK, HANDOFF, find, help_lines, menu

ROOT = Path(__file__).resolve().parents[1]
TELEGRAM_NAME = re.compile(r"[a-z0-9_]{1,32}")


def test_every_name_and_alias_is_a_telegram_command_name_of_one_command_only() -> None:
    seen: dict[str, str] = {}
    for command in COMMANDS:
        for name in command.names():
            assert TELEGRAM_NAME.fullmatch(name), name
            assert seen.setdefault(name, command.name) == command.name, name


def test_aliases_are_found_whatever_the_case_or_the_bot_named() -> None:
    assert find("/Hoy@confbot_bot") is find("today")
    assert find("/programacao") is find("/schedule")
    assert find("/lugares") is find("/sedes") is find("/locais") is find("/venues")
    assert find("/perguntar") is find("/preguntar") is find("/ask")
    assert find("/ajuda") is find("/ayuda") is find("/help")
    assert find("/frobnicate") is None and find("/") is None


def test_the_menus_show_the_canonical_names_and_hide_what_is_off() -> None:
    everyone = [c.name for c in menu(admin=False)]
    organisers = [c.name for c in menu(admin=True)]
    assert everyone[:5] == ["start", "schedule", "today", "next", "venues"]
    assert "hoy" not in everyone and "programa" not in everyone  # aliases stay out
    assert "stats" not in everyone and organisers[: len(everyone)] == everyone
    assert organisers[len(everyone) :] == ["broadcast", "broadcasts", "stats", "reload", "drafts"]
    quiet = [c.name for c in menu(admin=True, off=frozenset({HANDOFF, FEEDBACK}))]
    assert not {"ask", "drafts", "feedback"} & set(quiet)


def test_help_shows_the_aliases_of_the_readers_language_only() -> None:
    translator = Translator(ROOT / "locales")
    english = help_lines("en", frozenset(), translator.get("en").gettext)
    spanish = help_lines("es", frozenset({FEEDBACK}), translator.get("es").gettext)
    portuguese = help_lines("pt", frozenset({HANDOFF, FEEDBACK}), translator.get("pt").gettext)
    assert english[0] == "/schedule — the programme, day by day"
    assert english[-2:] == [
        "/ask — a question for the organisers: a person answers it here",
        "/feedback off — no requests to rate sessions afterwards",
    ]
    assert spanish[0] == "/schedule — el programa, día por día (/programa)"
    assert "/venues — dónde ocurre todo (/sedes, /lugares)" in spanish
    assert spanish[-1].startswith("/ask — una pregunta") and spanish[-1].endswith("(/preguntar)")
    assert "/language — mudar o idioma (/idioma)" in portuguese
    assert not [line for line in portuguese if "/ask" in line or "/feedback" in line]


async def test_the_terminal_chat_takes_the_spanish_and_portuguese_aliases(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.setenv("CONFBOT_NOW", "2015-10-20T09:00:00-05:00")
    shown = {}
    for lang, typed in [
        ("es", ("/today", "/hoy", "/programa", "/siguiente", "/lugares", "/ayuda", "/preguntar")),
        ("pt", ("/today", "/hoje", "/programacao", "/proximo", "/locais", "/ajuda", "/perguntar")),
    ]:
        capsys.readouterr()
        await converse(lang, [])
        hello = capsys.readouterr().out
        for command in typed:
            await converse(lang, [command])
            shown[lang, command] = capsys.readouterr().out.removeprefix(hello)
    assert shown["es", "/hoy"] == shown["es", "/today"]
    assert "Reuniones subregionales" in shown["es", "/hoy"]  # what is on 20 October 2015
    assert "Cómo usarme" in shown["es", "/ayuda"] and "(/programa)" in shown["es", "/ayuda"]
    assert shown["pt", "/hoje"] == shown["pt", "/today"]
    for lang, command in shown:
        assert "no conozco" not in shown[lang, command].lower(), command
        assert "não conheço" not in shown[lang, command].lower(), command
    assert "funciona en el bot de Telegram" in shown["es", "/preguntar"]
    assert "/preguntar" in shown["es", "/preguntar"]
