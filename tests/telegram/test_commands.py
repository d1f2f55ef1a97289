"""The Telegram side of the command table: a handler for each command, localised menus."""

from __future__ import annotations

from pathlib import Path

from bot.i18n import Translator
from bot.telegram.commands import ACTIONS, action
from bot.telegram.menus import _commands
from bot.usecases.commands import COMMANDS, HANDOFF

ROOT = Path(__file__).resolve().parents[2]


def test_every_command_has_a_handler_and_every_handler_a_command() -> None:
    for command in COMMANDS:
        assert callable(action(command)), command.name  # raises when it has neither
    assert set(ACTIONS) <= {c.name for c in COMMANDS}


def test_the_menu_lists_the_canonical_names_described_in_the_users_language() -> None:
    translator = Translator(ROOT / "locales")
    spanish = {c.command: c.description for c in _commands(translator, "es", admin=False)}
    assert spanish["today"] == "Lo que hay hoy"
    assert "hoy" not in spanish and "stats" not in spanish
    hidden = _commands(translator, "en", admin=True, off=frozenset({HANDOFF}))
    assert [c.command for c in hidden][-3:] == ["broadcasts", "stats", "reload"]
