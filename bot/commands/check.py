"""`confbot check [PATH]`: validate a knowledge base and print every problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.config import load_settings
from bot.domain.knowledge import check_knowledge

HELP = "validate a knowledge base; print each problem as file:line: message"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="a knowledge folder or YAML file (default: CONFBOT_KNOWLEDGE)",
    )


def main(args: argparse.Namespace) -> int:
    path = args.path or load_settings().knowledge
    problems = check_knowledge(path)
    for problem in problems:
        print(problem, file=sys.stdout)
    if problems:
        print(f"{len(problems)} problem(s) in {path}", file=sys.stderr)
        return 1
    print(f"{path}: OK")
    return 0
