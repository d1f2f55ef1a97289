"""`confbot init DIR`: a small, commented knowledge base to start from."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from importlib import resources
from pathlib import Path
from string import Template

from bot.kbimport.model import zone

HELP = "write a small, commented knowledge base (event, venue, two sessions, an FAQ) into DIR"
FILES = ("event.yaml", "venues.yaml", "sessions.yaml", "faqs.yaml")
SKELETON_LANGS = ("es", "en", "pt")  # the languages the skeleton's example texts are written in
_TEXT_LINE = re.compile(r"^\s+([a-z]{2}):(\s|$)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help="a new or empty folder")
    parser.add_argument(
        "--languages",
        default="es,en",
        metavar="LL,LL",
        help="the event's languages, the default first (default: es,en; examples in es, en, pt)",
    )
    parser.add_argument(
        "--timezone",
        default="UTC",
        metavar="TZ",
        help="the event's IANA time zone, e.g. America/Bogota (default: UTC)",
    )
    parser.add_argument(
        "--start",
        metavar="YYYY-MM-DD",
        type=dt.date.fromisoformat,
        help="the first day (default: four weeks from today); the skeleton lasts two days",
    )


def skeleton(name: str, languages: list[str], timezone: str, day1: dt.date) -> str:
    """Return one skeleton file with its example texts in `languages` only; a language the
    examples are not written in gets a copy of the English text, so the skeleton passes check.
    """
    text = resources.files("bot").joinpath("skeleton", name).read_text(encoding="utf-8")
    copies = [lang for lang in languages if lang not in SKELETON_LANGS]
    keep, lines, block, dropping = set(languages), [], [], -1
    for line in [*text.splitlines(keepends=True), ""]:
        indent = len(line) - len(line.lstrip())
        if dropping >= 0 and indent > dropping and line.strip():
            block.append(line)  # the rest of a language's text (a list of questions)
            continue
        if block:
            lang = _TEXT_LINE.match(block[0])[1]  # type: ignore[index]
            if lang in keep:
                lines += block
            if lang == "en":
                for other in copies:
                    lines += [block[0].replace("en:", f"{other}:", 1), *block[1:]]
            block, dropping = [], -1
        match = _TEXT_LINE.match(line)
        if match and match[1] in SKELETON_LANGS:
            block, dropping = [line], indent
            continue
        lines.append(line)
    return Template("".join(lines)).substitute(
        languages="[" + ", ".join(languages) + "]",
        timezone=timezone,
        day1=day1.isoformat(),
        day2=(day1 + dt.timedelta(days=1)).isoformat(),
    )


def main(args: argparse.Namespace) -> int:
    asked = (lang.strip().lower() for lang in args.languages.split(","))
    languages = list(dict.fromkeys(lang for lang in asked if lang))  # es,es is es
    if not languages or not all(re.fullmatch(r"[a-z]{2}", lang) for lang in languages):
        print("confbot init: --languages wants two-letter codes, e.g. es,en", file=sys.stderr)
        return 2
    if zone(args.timezone) is None:
        print(f"confbot init: unknown time zone '{args.timezone}'", file=sys.stderr)
        return 2
    folder: Path = args.folder
    if folder.exists() and not folder.is_dir():
        print(f"confbot init: {folder} is not a folder", file=sys.stderr)
        return 2
    existing = sorted(p.name for p in folder.glob("*.y*ml")) if folder.exists() else []
    if existing:
        print(
            f"confbot init: {folder} already holds {', '.join(existing)}; nothing was written "
            "(init starts a new knowledge base: give a new or empty folder)",
            file=sys.stderr,
        )
        return 1
    day1 = args.start or dt.date.today() + dt.timedelta(weeks=4)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            (folder / name).write_text(skeleton(name, languages, args.timezone, day1), "utf-8")
    except OSError as exc:
        print(f"confbot init: cannot write into {folder}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    missing = [lang for lang in languages if lang not in SKELETON_LANGS]
    print(f"wrote {', '.join(str(folder / n) for n in FILES)}")
    if missing:
        print(
            f"note: the examples have no {', '.join(missing)} texts: the English ones stand in "
            "for them until you translate them"
        )
    print(
        f"next: edit them, then `confbot check {folder}` "
        f"and `CONFBOT_KNOWLEDGE={folder} confbot chat`"
    )
    return 0
