"""`confbot drafts [--yaml] [--db PATH]`: the FAQ entries drafted from answered tickets."""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
from pathlib import Path

from bot.config import load_settings
from bot.domain.tickets import FaqDraft, drafts_yaml
from bot.storage.db import Database
from bot.storage.tickets import TicketStore

HELP = "print the FAQ entries drafted with ➕ FAQ from answered tickets (--yaml: ready to paste)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--yaml",
        action="store_true",
        help="print a faqs: section ready to paste into the knowledge base",
    )
    parser.add_argument("--db", type=Path, help="the SQLite database (default: CONFBOT_DB)")


def main(args: argparse.Namespace) -> int:
    db_path: Path = args.db or load_settings().db
    if not db_path.exists():
        print(f"confbot: no database at {db_path}", file=sys.stderr)
        return 1
    try:
        drafts = asyncio.run(_drafts(db_path))
    except (sqlite3.Error, OSError) as exc:
        print(f"confbot drafts: cannot open the database {db_path}: {exc}", file=sys.stderr)
        return 1
    if args.yaml:
        sys.stdout.write(drafts_yaml(drafts) if drafts else "faqs: []\n")
        return 0
    if not drafts:
        print("No FAQ drafts yet: organisers press ➕ FAQ on an answered ticket.")
    for draft in drafts:
        print(f"#{draft.ticket_id} [{draft.lang}] {draft.question}\n  → {draft.answer}\n")
    return 0


async def _drafts(path: Path) -> list[FaqDraft]:
    db = await Database.open(path)
    try:
        return await TicketStore(db).drafts()
    finally:
        await db.close()
