"""The `confbot` command line: one sub-command per module in bot/commands."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from bot.config import ConfigError
from bot.domain.knowledge import KnowledgeError

# Each module defines HELP, add_arguments(parser) and main(args) -> exit status.
COMMANDS = ("run", "chat", "ask", "check", "init", "import", "reminders", "report", "drafts")
MODULES = {"import": "import_schedule"}  # `import` is a Python keyword


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """Build the command line; with `chosen`, import only that command's module (`confbot
    check` should not pay for loading the bot, the matcher and the Telegram glue).
    """
    parser = argparse.ArgumentParser(
        prog="confbot",
        description="A Telegram assistant for conferences, in the languages of its knowledge base.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        if chosen in COMMANDS and name != chosen:
            sub.add_parser(name)
            continue
        module = importlib.import_module(f"bot.cli.{MODULES.get(name, name)}")
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(handler=module.main)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the confbot command line."""
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv[0] if argv else None).parse_args(argv)
    try:
        return int(args.handler(args))
    except ConfigError as exc:
        print(f"confbot: configuration error: {exc}", file=sys.stderr)
        return 2
    except KnowledgeError as exc:
        print("confbot: the knowledge base has problems:", *exc.problems, sep="\n", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `confbot report | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return 141


if __name__ == "__main__":
    sys.exit(main())
