"""`confbot check [PATH] [--strict]`: validate a knowledge base and print every problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.config import load_settings
from bot.domain.knowledge import check_knowledge

HELP = "validate a knowledge base; print each problem as file:line:column: message"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="a knowledge folder or YAML file (default: CONFBOT_KNOWLEDGE)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (e.g. a missing translation) as errors",
    )


def main(args: argparse.Namespace) -> int:
    path = args.path or load_settings().knowledge
    problems = check_knowledge(path)
    for problem in problems:
        print(problem, file=sys.stdout)
    errors = sum(1 for p in problems if not p.warning or args.strict)
    warnings = len(problems) - errors
    if errors:
        print(f"{errors} problem(s) in {path}", file=sys.stderr)
        return 1
    print(f"{path}: OK" + (f" ({warnings} warning(s))" if warnings else ""))
    return 0
