"""What `confbot ask` and `confbot chat` share: answering in a language the knowledge base
declares, and logging the questions to a --db, as the bot does, to rehearse `confbot report`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
from pathlib import Path

from bot.domain.matcher import Reply
from bot.storage.questions import QuestionStore


def add_arguments(parser: argparse.ArgumentParser, default_lang: str) -> None:
    """Add --lang (its default said by `default_lang`) and --db."""
    parser.add_argument(
        "--lang",
        type=str.lower,
        metavar="CODE",
        help=f"answer in this language, one the knowledge base declares (default: {default_lang})",
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="log the questions to this SQLite database, as the bot does, to rehearse "
        "`confbot report --db PATH` (default: nothing is kept)",
    )


async def log_question(store: QuestionStore, reply: Reply, now: dt.datetime, command: str) -> None:
    """Log a question after answering it; a database that refuses costs no answer."""
    try:
        await store.record(reply, None, now)
    except sqlite3.Error as exc:  # answered all the same; say why it is not in the log
        print(f"confbot {command}: the question was not logged ({exc})", file=sys.stderr)
