"""The bot's commands, in one table: names, aliases, menus, /help, who may use them, where.

Everything that lists commands reads this table: the Telegram handlers (bot/telegram/commands.py),
the command menus, /help, the terminal chat (`confbot chat`) and the menu buttons (`cmd:NAME`).
A command's `reply` is what the conversation answers, the same on Telegram and in the terminal;
commands without one need Telegram (a chat to remind, organisers to ask, a database to change),
and the Telegram adapter gives each of them its handler by name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.i18n import N_

if TYPE_CHECKING:  # the conversation reads this table: no import cycle at run time
    from bot.texts.outgoing import Out
    from bot.usecases.conversation import Conversation

Reply = Callable[["Conversation", str, Sequence[str]], "list[Out]"]

# Features a configuration can turn off; their commands leave the menus and /help.
HANDOFF, FEEDBACK, REMINDERS = "handoff", "feedback", "reminders"


@dataclass(frozen=True)
class Command:
    """One command: what it is called, who sees it, what it answers."""

    name: str  # canonical, shown in the menus (Telegram: [a-z0-9_], at most 32)
    description: str  # the menu's line (a catalog message)
    # Other names per language, typed like the name; /help shows them, the menus do not.
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    help: str | None = None  # /help's line ("{command} — …", a catalog message); None: not listed
    admin: bool = False  # organisers only (CONFBOT_ADMINS), in a private chat
    private: bool = False  # only in a private chat with the bot
    feature: str | None = None  # HANDOFF, FEEDBACK, REMINDERS: hidden when that feature is off
    terminal: bool = True  # `confbot chat` answers it (else it says it needs Telegram)
    reply: Reply | None = None  # the conversation's answer (None: the adapter's handler)

    def names(self) -> tuple[str, ...]:
        """Return the name and every alias, without repeats."""
        every = (self.name, *(a for names in self.aliases.values() for a in names))
        return tuple(dict.fromkeys(every))

    def aliases_in(self, lang: str) -> tuple[str, ...]:
        return tuple(a for a in self.aliases.get(lang, ()) if a != self.name)


def _start(talk: Conversation, lang: str, args: Sequence[str]) -> list[Out]:
    return talk.start(lang, args[0] if args else None)


def _calendar(talk: Conversation, lang: str, args: Sequence[str]) -> list[Out]:
    return talk.calendar(lang, args[0].lower() if args else None)


COMMANDS: tuple[Command, ...] = (
    # In menu order: the menus list the canonical names in this order.
    Command("start", N_("Welcome and main menu"), reply=_start),
    Command(
        "schedule",
        N_("The programme, day by day"),
        {"es": ("programa",), "pt": ("programacao",)},
        help=N_("{command} — the programme, day by day"),
        reply=lambda talk, lang, _args: talk.schedule(lang),
    ),
    Command(
        "today",
        N_("What is on today"),
        {"es": ("hoy",), "pt": ("hoje",)},
        help=N_("{command} — what is on today"),
        reply=lambda talk, lang, _args: talk.relative(lang, "today"),
    ),
    Command(
        "next",
        N_("What comes next"),
        {"es": ("siguiente",), "pt": ("proximo",)},
        help=N_("{command} — what comes next"),
        reply=lambda talk, lang, _args: talk.relative(lang, "next"),
    ),
    Command(
        "venues",
        N_("Where everything happens"),
        {"es": ("sedes", "lugares"), "pt": ("locais",)},
        help=N_("{command} — where everything happens"),
        reply=lambda talk, lang, _args: talk.venues(lang),
    ),
    Command(
        "calendar",
        N_("The programme as a calendar file"),
        {"es": ("calendario",), "pt": ("calendario",)},
        help=N_("{command} — the programme as a calendar file"),
        reply=_calendar,
    ),
    Command(
        "subscribe",
        N_("Reminders the evening before each session"),
        {"es": ("suscribirme",)},
        help=N_("{command} — a reminder the evening before each session"),
        private=True,
        feature=REMINDERS,
        terminal=False,
    ),
    Command(
        "mysubscriptions",
        N_("Your reminders"),
        {"es": ("missuscripciones",)},
        private=True,
        feature=REMINDERS,
        terminal=False,
    ),
    Command(
        "unsubscribe",
        N_("Stop the reminders"),
        {"es": ("desuscribirme",)},
        private=True,
        feature=REMINDERS,
        terminal=False,
    ),
    Command(
        "ask",
        N_("Ask the organisers a question"),
        {"es": ("preguntar",), "pt": ("perguntar",)},
        help=N_("{command} — a question for the organisers: a person answers it here"),
        private=True,
        feature=HANDOFF,
        terminal=False,
    ),
    Command(
        "feedback",
        N_("Rate sessions afterwards: on or off"),
        help=N_("{command} off — no requests to rate sessions afterwards"),
        private=True,
        feature=FEEDBACK,
        terminal=False,
    ),
    Command(
        "language",
        N_("Change the language"),
        {"es": ("idioma",), "pt": ("idioma",)},
        help=N_("{command} — change the language"),
        # On Telegram `/language es` also sets it (the adapter's handler); here, the menu.
        reply=lambda talk, lang, _args: talk.language_menu(lang),
    ),
    Command(
        "help",
        N_("How to use the bot"),
        {"es": ("ayuda",), "pt": ("ajuda",)},
        reply=lambda talk, lang, _args: talk.help(lang),
    ),
    Command(
        "forgetme",
        N_("Delete what the bot stores about you"),
        help=N_("{command} — delete what I store about you"),
        terminal=False,
    ),
    Command("broadcast", N_("Send an announcement to everyone"), admin=True, terminal=False),
    Command("broadcasts", N_("History of announcements"), admin=True, terminal=False),
    Command("stats", N_("Questions, answers and misses"), admin=True, terminal=False),
    Command("reload", N_("Reload the knowledge base"), admin=True, terminal=False),
    Command(
        "drafts",
        N_("FAQ drafts from answered questions"),
        admin=True,
        feature=HANDOFF,
        terminal=False,
    ),
)

_BY_NAME: dict[str, Command] = {name: c for c in COMMANDS for name in c.names()}


def find(typed: str) -> Command | None:
    """Return the command `typed` names ("/Hoy", "hoy@confbot" or "hoy"), or None."""
    name = typed.strip().removeprefix("/").partition("@")[0].lower()
    return _BY_NAME.get(name)


def features_off(settings: Settings) -> frozenset[str]:
    """Return the features this configuration turns off (their commands are hidden)."""
    off = set()
    if settings.organisers_chat is None:
        off.add(HANDOFF)
    if not settings.feedback:
        off.add(FEEDBACK)
    return frozenset(off)


def menu(admin: bool, off: frozenset[str] = frozenset()) -> Iterator[Command]:
    """Yield the commands of a menu, in order: everyone's, then the organisers' for admins."""
    for command in COMMANDS:
        if (admin or not command.admin) and command.feature not in off:
            yield command


def help_lines(lang: str, off: frozenset[str], gettext: Callable[[str], str]) -> list[str]:
    """Return /help's command lines in `lang`: the optional features' last."""
    listed = [c for c in COMMANDS if c.help and not c.admin and c.feature not in off]
    listed.sort(key=lambda c: c.feature in (HANDOFF, FEEDBACK))
    lines = []
    for command in listed:
        assert command.help is not None
        line = gettext(command.help).format(command=f"/{command.name}")
        aliases = command.aliases_in(lang)
        if aliases:
            line += " (" + ", ".join(f"/{a}" for a in aliases) + ")"
        lines.append(line)
    return lines
