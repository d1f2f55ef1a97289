"""`confbot ask`: answer a question, or one per line of stdin, the way the bot would."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import io
import json
import sqlite3
import sys
from collections.abc import Iterable
from pathlib import Path

from bot.cli import rehearsal
from bot.config import load_settings
from bot.domain.clock import SystemClock, parse_instant
from bot.domain.knowledge import KnowledgeBase, load_knowledge
from bot.domain.matcher import Matcher, Reply
from bot.i18n import Translator
from bot.storage.db import Database
from bot.storage.questions import QuestionStore
from bot.texts.answers import render_text

HELP = "answer a question (or one per line of stdin) as the bot would; --json for tools"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    rehearsal.add_arguments(parser, default_lang="the question's own")
    parser.add_argument(
        "--now",
        metavar="ISO-8601",
        help="the bot's clock (default: CONFBOT_NOW, else the real time); "
        "without an offset it is the event's local time",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object per line")
    parser.add_argument(
        "question", nargs="*", help="the question (default: read one per line from stdin)"
    )


def main(args: argparse.Namespace) -> int:
    settings = load_settings()
    kb = load_knowledge(settings.knowledge)
    try:
        now = _now(args.now, settings.now, kb)
    except ValueError:
        print(f"confbot ask: --now '{args.now}' is not an ISO-8601 instant", file=sys.stderr)
        return 2
    if args.lang is not None and args.lang not in kb.languages:
        speaks = ", ".join(kb.languages)
        print(
            f"confbot ask: --lang {args.lang}: this knowledge base speaks {speaks}", file=sys.stderr
        )
        return 2
    matcher, translator = Matcher(kb), Translator(settings.locales)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")  # JSON readers expect UTF-8
    questions = [" ".join(args.question)] if args.question else _lines(sys.stdin)
    replies = (
        matcher.answer(raw.encode("utf-8", "replace").decode("utf-8"), now, lang=args.lang)
        for raw in questions  # (re-encoded: undecodable argv bytes)
    )
    if args.db is not None:
        try:
            asyncio.run(_answer_and_log(replies, args.db, now, kb, translator, args.json))
        except (sqlite3.Error, OSError) as exc:
            print(f"confbot ask: cannot open the database {args.db}: {exc}", file=sys.stderr)
            return 1
        return 0
    for reply in replies:
        print(format_reply(reply, kb, translator, as_json=args.json), flush=True)
    return 0


async def _answer_and_log(
    replies: Iterable[Reply],
    path: Path,
    now: dt.datetime,
    kb: KnowledgeBase,
    translator: Translator,
    as_json: bool,
) -> None:
    db = await Database.open(path)
    try:
        store = QuestionStore(db)
        for reply in replies:
            print(format_reply(reply, kb, translator, as_json=as_json), flush=True)
            await rehearsal.log_question(store, reply, now, "ask")
    finally:
        await db.close()


def format_reply(reply: Reply, kb: KnowledgeBase, translator: Translator, as_json: bool) -> str:
    """Return one output line for a reply: JSON, or the answer with its lines joined by ' / '."""
    text = render_text(reply, kb, translator)
    if not as_json:
        return " / ".join(line.strip() for line in text.splitlines() if line.strip())
    return json.dumps(
        {
            "question": reply.question,
            "lang": reply.lang,
            "entry": reply.entry,
            "score": reply.score,
            "answer": text,
            "suggestions": list(reply.suggestions),
        },
        ensure_ascii=False,
    )


def _now(option: str | None, configured: dt.datetime | None, kb: KnowledgeBase) -> dt.datetime:
    tz = kb.event.tz
    if option:
        return parse_instant(option, tz)
    if configured is not None:
        return configured if configured.tzinfo else configured.replace(tzinfo=tz)
    return SystemClock().now()


def _lines(stream: io.TextIOBase | Iterable[str]) -> Iterable[str]:
    if isinstance(stream, io.TextIOWrapper):
        # One question per line, in UTF-8; a stray bad byte must not stop a batch.
        stream.reconfigure(encoding="utf-8", errors="replace")
    for line in stream:
        yield line.rstrip("\r\n")
