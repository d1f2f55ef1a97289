"""`confbot chat`: talk to the bot in the terminal, no Telegram token needed."""

from __future__ import annotations

import argparse
import asyncio
import html
import os
import re
import sqlite3
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from bot.cli import rehearsal
from bot.config import load_settings
from bot.domain.delivery import OutgoingMessage
from bot.i18n import pick_lang
from bot.logs import configure_logging
from bot.services import build_services
from bot.texts.outgoing import Document, Out, VenuePin
from bot.usecases.commands import find
from bot.usecases.conversation import Conversation

HELP = "talk to the bot in this terminal (the same conversation as on Telegram)"
_TAG = re.compile(r"<[^>]+>")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    rehearsal.add_arguments(parser, default_lang="from $LANG")
    parser.add_argument(
        "--out",
        type=Path,
        metavar="PATH",
        help="where /calendar writes its .ics file (a file or a folder; default: a temporary file)",
    )


def plain(text: str) -> str:
    """Turn the bot's HTML into terminal text."""
    return html.unescape(_TAG.sub("", text))


class Terminal:
    """Print what the bot sends; numbered buttons can be pressed by typing their number."""

    def __init__(self, out: Path | None = None) -> None:
        self.buttons: list[str] = []
        self.out = out

    def show(self, outs: list[Out]) -> None:
        self.buttons = []
        for out in outs:
            if isinstance(out, OutgoingMessage):
                print(plain(out.text))
                labels = []
                for row in out.buttons:
                    for button in row:
                        if button.callback_data:
                            self.buttons.append(button.callback_data)
                            labels.append(f"[{len(self.buttons)}] {button.label}")
                if labels:
                    print("  ".join(labels))
            elif isinstance(out, VenuePin):
                print(f"📍 {out.title}, {out.address} ({out.latitude}, {out.longitude})")
            elif isinstance(out, Document):
                try:
                    print(f"{out.caption}\n→ {self.save(out)}")
                except OSError as exc:  # a wrong --out costs the file, not the conversation
                    print(f"confbot chat: cannot write {out.filename} to {self.out}: {exc}")
        print()

    def save(self, document: Document) -> Path:
        """Write a file the bot sends to --out, else to a new temporary file; return where."""
        if self.out is None:
            stem, dot, suffix = document.filename.rpartition(".")
            handle, name = tempfile.mkstemp(prefix=f"{stem}-", suffix=f"{dot}{suffix}")
            os.close(handle)
            path = Path(name)
        else:
            path = self.out / document.filename if self.out.is_dir() else self.out
        path.write_bytes(document.data)
        return path.resolve()


async def converse(
    wanted: str | None, lines: object, out: Path | None = None, db: Path | None = None
) -> None:
    # Without --db the terminal chat keeps nothing: an in-memory database.
    services = await build_services(replace(load_settings(), db=db or Path(":memory:")))
    talk, screen = Conversation(services), Terminal(out)
    lang = pick_lang((wanted, os.environ.get("LANG")), talk.spoken())
    try:  # from the greeting on: the database (and its thread) is closed whatever happens
        screen.show(talk.start(lang))
        for raw in lines:  # type: ignore[attr-defined]
            text = str(raw).strip()
            if not text:
                continue
            if text in ("/quit", "/exit"):
                break
            if text.isascii() and text.isdigit() and 0 < int(text) <= len(screen.buttons):
                data = screen.buttons[int(text) - 1]
                chosen = talk.chosen_language(data)
                if chosen is not None:
                    lang = chosen
                    screen.show(talk.language_set(lang))
                else:
                    screen.show(talk.callback(lang, data) or talk.stale(lang))
            elif text.startswith("/"):
                typed, *args = text.split()
                command = find(typed)  # the table of bot.usecases.commands: aliases too
                if command is None:
                    screen.show(talk.unknown_command(lang, typed.lower()))
                elif command.reply is None or not command.terminal:
                    screen.show(talk.telegram_only(lang, typed.lower()))
                else:
                    screen.show(command.reply(talk, lang, args))
            else:
                reply, outs = talk.ask(text, None, lang)
                screen.show(outs)
                if db is not None:
                    await rehearsal.log_question(
                        services.questions, reply, services.clock.now(), "chat"
                    )
            sys.stdout.flush()
    finally:
        await services.close()


def _prompted_lines() -> object:
    while True:
        try:
            yield input("› ")
        except EOFError:
            return


def main(args: argparse.Namespace) -> int:
    settings = load_settings()
    configure_logging("WARNING", secrets=(settings.token,))
    lines = _prompted_lines() if sys.stdin.isatty() else sys.stdin
    try:
        asyncio.run(converse(args.lang, lines, args.out, args.db))
    except BrokenPipeError:
        raise  # the reader left (`confbot chat | head`): not a database problem
    except (sqlite3.Error, OSError) as exc:
        print(f"confbot chat: cannot open the database {args.db}: {exc}", file=sys.stderr)
        return 1
    return 0
