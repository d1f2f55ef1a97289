"""`confbot report [--since ISO] [--csv] [--db PATH]`: the organisers' statistics, as /stats."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sqlite3
import sys
from pathlib import Path

from bot.config import load_settings
from bot.domain.clock import parse_instant
from bot.domain.knowledge import load_knowledge
from bot.domain.questions import Report
from bot.i18n import LANGS, Translator
from bot.services import make_clock
from bot.storage.db import Database
from bot.storage.feedback import FeedbackStore
from bot.storage.questions import QuestionStore
from bot.storage.subscriptions import SubscriptionStore
from bot.storage.tickets import TicketStore
from bot.storage.users import UserStore
from bot.texts.reports import render_report, report_csv
from bot.usecases.reporting import gather_report

HELP = (
    "print the statistics /stats shows: users, questions, answer rate, top answers and misses,"
    " questions to the organisers, session feedback"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--since", help="count questions from this ISO-8601 date or instant (event-local time)"
    )
    parser.add_argument(
        "--csv",
        action="store_true",
        help="one CSV table with columns section,name,value,detail (for spreadsheets)",
    )
    parser.add_argument("--db", type=Path, help="the SQLite database (default: CONFBOT_DB)")
    parser.add_argument("--lang", choices=LANGS, default="en", help="language of the text report")


def main(args: argparse.Namespace) -> int:
    settings = load_settings()
    kb = load_knowledge(settings.knowledge)
    tz = kb.event.tz
    try:
        since = parse_instant(args.since, tz) if args.since else None
    except ValueError:
        print(
            f"confbot: --since '{args.since}' is not an ISO-8601 date or instant", file=sys.stderr
        )
        return 2
    db_path: Path = args.db or settings.db
    if not db_path.exists():  # opening would create an empty database: say so instead
        print(f"confbot: no database at {db_path}", file=sys.stderr)
        return 1
    order = [s.id for s in kb.sessions]
    try:
        report = asyncio.run(_gather(db_path, make_clock(settings, kb).now(), tz, since, order))
    except (sqlite3.Error, OSError) as exc:
        print(f"confbot report: cannot open the database {db_path}: {exc}", file=sys.stderr)
        return 1
    if args.csv:
        sys.stdout.write(report_csv(report))
    else:
        print(render_report(report, Translator(settings.locales), args.lang, as_html=False))
    return 0


async def _gather(
    path: Path, now: dt.datetime, tz: dt.tzinfo, since: dt.datetime | None, order: list[str]
) -> Report:
    db = await Database.open(path)
    try:
        return await gather_report(
            UserStore(db),
            SubscriptionStore(db),
            QuestionStore(db),
            now,
            tz,
            since,
            tickets=TicketStore(db),
            feedback=FeedbackStore(db),
            session_order=order,
        )
    finally:
        await db.close()
