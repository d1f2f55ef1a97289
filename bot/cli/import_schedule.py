"""`confbot import SOURCE --into DIR`: a pretalx/frab or iCalendar programme as YAML."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from bot.kbimport import READERS, SourceError, read_source
from bot.kbimport.folder import scan
from bot.kbimport.model import zone
from bot.kbimport.writer import Options, language_of, plan_import, write_files

HELP = "import a programme (pretalx/frab schedule.xml or schedule.json, or an .ics calendar)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", help="the schedule: a file, or its http(s) URL")
    parser.add_argument(
        "--into",
        type=Path,
        required=True,
        metavar="DIR",
        help="the knowledge folder (created if missing); your own files in it are never changed",
    )
    parser.add_argument(
        "--format", choices=sorted(READERS), help="the source's format (default: detected)"
    )
    parser.add_argument(
        "--timezone",
        metavar="TZ",
        help="IANA time zone for times given without one, and for a new event section "
        "(default: the source's)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="say what the import would change; write nothing"
    )
    parser.add_argument(
        "--lang",
        metavar="LL",
        help="language of the source's texts, e.g. es (default: the source's, else en)",
    )


def source_name(source: str) -> str:
    """Return how the imported files name their source: a URL whole, a file by its name."""
    return source if source.startswith(("https://", "http://")) else Path(source).name


def main(args: argparse.Namespace) -> int:
    if args.timezone and zone(args.timezone) is None:
        print(f"confbot import: unknown time zone '{args.timezone}'", file=sys.stderr)
        return 2
    if args.lang and language_of(args.lang) != args.lang:
        print(f"confbot import: --lang wants a two-letter code, not '{args.lang}'", file=sys.stderr)
        return 2
    if args.into.exists() and not args.into.is_dir():
        print(f"confbot import: {args.into} is not a folder", file=sys.stderr)
        return 2
    try:
        programme = read_source(args.source, args.format)
        if not programme.title:
            programme = replace(programme, title=Path(urlsplit(args.source).path).stem)
        outcome = plan_import(
            programme,
            scan(args.into),
            Options(args.timezone or "", args.lang or ""),
            source_name(args.source),
        )
        if not args.dry_run:
            write_files(outcome)
    except SourceError as exc:
        print(f"confbot import: {args.source}: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"confbot import: cannot write into {args.into}: {exc}", file=sys.stderr)
        return 1
    for note in outcome.notes:
        print(f"note: {note}")
    for label, ids in (
        ("new", outcome.added),
        ("gone", outcome.removed),
        ("changed", outcome.changed),
    ):
        if ids:
            print(f"{label} since the last import: {len(ids)} ({', '.join(ids)})")
    written = [str(path) for path, text in outcome.files.items() if text is not None]
    verb = "would be written into" if args.dry_run else "into"
    print(
        f"{outcome.sessions} session(s) and {outcome.venues} venue(s) from {args.source} "
        f"{verb} {', '.join(written)}"
    )
    if not args.dry_run:
        print(f"next: confbot check {args.into}")
    return 0
