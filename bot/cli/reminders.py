"""`confbot reminders --at ISO-8601`: preview what the reminder sweep would send (sends nothing)."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sqlite3
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from bot.config import load_settings
from bot.domain.clock import parse_instant
from bot.domain.knowledge import KnowledgeBase, load_knowledge
from bot.domain.reminders import (
    Due,
    ReminderDay,
    Subscriber,
    Timing,
    due_reminders,
    next_due,
    reminder_days,
    reminder_time,
    timing,
)
from bot.i18n import Translator, pick_lang
from bot.storage.db import Database
from bot.storage.subscriptions import ReminderLog, SubscriptionStore
from bot.texts.reminders import Renderer

HELP = "preview the reminders due at an instant: per day, session and language (sends nothing)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--at", required=True, help="ISO-8601 instant; without an offset it is event-local time"
    )
    parser.add_argument("--db", type=Path, help="the SQLite database (default: CONFBOT_DB)")


def main(args: argparse.Namespace) -> int:
    settings = load_settings()
    kb = load_knowledge(settings.knowledge)
    try:
        at = parse_instant(args.at, kb.event.tz).astimezone(kb.event.tz)
    except ValueError:
        print(f"confbot: --at '{args.at}' is not an ISO-8601 instant", file=sys.stderr)
        return 2
    db_path: Path = args.db or settings.db
    try:
        subscribers, recorded = asyncio.run(_read(db_path))
    except (sqlite3.Error, OSError) as exc:
        print(f"confbot reminders: cannot open the database {db_path}: {exc}", file=sys.stderr)
        return 1
    reminder_at = reminder_time(kb, settings.reminder_at)
    dues = due_reminders(kb, at, reminder_at, subscribers, recorded)
    renderer = Renderer(kb, Translator(settings.locales))
    print(render_preview(kb, renderer, at, reminder_at, dues))
    return 0


async def _read(path: Path) -> tuple[list[Subscriber], set[tuple[int, dt.date]]]:
    if not path.exists():  # preview only: never create a database
        return [], set()
    db = await Database.open(path)
    try:
        return (
            await SubscriptionStore(db).active_subscribers(),
            await ReminderLog(db).recorded(),
        )
    finally:
        await db.close()


def render_preview(
    kb: KnowledgeBase,
    renderer: Renderer,
    at: dt.datetime,
    reminder_at: dt.time,
    dues: Sequence[Due],
) -> str:
    """Describe, for an operator, the reminders due at `at` and the messages they would be."""
    tz = kb.event.timezone
    out = [
        f"At {at:%Y-%m-%d %H:%M} ({tz}); reminders go out at {reminder_at:%H:%M} the day before."
    ]
    days = reminder_days(kb, reminder_at)
    open_days = [(d, timing(d, at)) for d in days if timing(d, at) not in (None, Timing.MISSED)]
    for day in days:
        if timing(day, at) is Timing.MISSED:
            n = sum(1 for d in dues if d.day.day == day.day)
            out.append(f"{day.day}: the day has begun; {n} unsent reminder(s) would be skipped.")
    for day, when in open_days:
        assert when is not None
        out += _day(renderer, at, reminder_at, day, when, [d for d in dues if d.day.day == day.day])
    if not open_days:
        coming = next_due(kb, at, reminder_at)
        later = f"next due {coming:%Y-%m-%d %H:%M}." if coming else "no more reminder days."
        out.append(f"Nothing is due at this instant; {later}")
    return "\n".join(out)


def _day(
    renderer: Renderer,
    at: dt.datetime,
    reminder_at: dt.time,
    day: ReminderDay,
    when: Timing,
    dues: Sequence[Due],
) -> list[str]:
    label = "LATE (with a late note)" if when is Timing.LATE else "on time"
    langs = renderer.kb.languages

    def lang_of(due: Due) -> str:
        return pick_lang((due.subscriber.language,), langs)

    by_lang = Counter(lang_of(d) for d in dues)
    out = [
        "",
        f"== {day.day} (due {day.due_at:%Y-%m-%d %H:%M}, {label}) ==",
        f"Recipients: {len(dues)} ({', '.join(f'{k} {by_lang[k]}' for k in langs)})",
    ]
    for session in day.sessions:
        per = Counter(lang_of(d) for d in dues if session in d.sessions)
        counts = ", ".join(f"{k} {per[k]}" for k in langs)
        out.append(f"  {session.id}: {session.title.get('en')} - {counts}")
    variants = Counter((lang_of(d), d.sessions) for d in dues)
    if not variants:
        variants = Counter({(lang, day.sessions): 0 for lang in langs})
    today = at.date()
    for (lang, sessions), n in sorted(variants.items(), key=lambda v: v[0][0]):
        ids = " + ".join(s.id for s in sessions)
        message = renderer.reminder(lang, day.day, sessions, when, today, reminder_at)
        out += ["", f"--- {lang}, {ids}: {n} recipient(s) ---", message.text]
        for row in message.buttons:
            out.append("  " + "  ".join(f"[{b.label} -> {b.callback_data}]" for b in row))
    return out
