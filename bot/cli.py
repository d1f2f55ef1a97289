"""The `confbot` command line: one sub-command per module in bot/commands."""

from __future__ import annotations

import argparse
import importlib
import sys

from bot.config import ConfigError
from bot.domain.knowledge import KnowledgeError

# Each module defines HELP, add_arguments(parser) and main(args) -> exit status.
COMMANDS = ("run", "chat", "ask", "check", "init", "import", "reminders", "report", "drafts")
MODULES = {"import": "import_schedule"}  # `import` is a Python keyword


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="confbot", description="A bilingual (es/en) Telegram assistant for conferences."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"bot.commands.{MODULES.get(name, name)}")
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(handler=module.main)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the confbot command line."""
    args = build_parser().parse_args(argv)
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


if __name__ == "__main__":
    sys.exit(main())
