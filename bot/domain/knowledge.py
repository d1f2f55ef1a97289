"""The knowledge base: organiser-edited YAML loaded into frozen records, all or nothing."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.domain.knowledge_reader import TOP_KEYS, LineLoader, Reader, declared_languages
from bot.domain.records import (
    LANGS,
    Event,
    Faq,
    KnowledgeBase,
    KnowledgeError,
    Localized,
    Phrases,
    Problem,
    Session,
    Speaker,
    Venue,
)

__all__ = [
    "LANGS", "Event", "Faq", "KnowledgeBase", "KnowledgeError", "Localized", "Phrases",
    "Problem", "Session", "Speaker", "Venue", "check_knowledge", "iter_entry_ids",
    "knowledge_files", "load_knowledge",
]  # fmt: skip

MAX_FILE_BYTES = 5 * 1024 * 1024  # a programme of thousands of talks fits in far less
MAX_ENTRIES = 5000  # venues + sessions + FAQs: more is a mistake, or an attack on the loader
# Every entry has one `id:`, written as `- id: x` or in flow style `- {id: x, …}`.
_ENTRY = re.compile(rb"(?:^|[\s{,-])id[ \t]*:", re.MULTILINE)
_TOP = re.compile(r"^[A-Za-z_][^:\n]*:", re.MULTILINE)
_WARNINGS_SHOWN = 5  # "no 'pt' text" warnings listed per file before they are summed up

Raw = tuple[Path, Any, list[Problem]]


@dataclass
class Collected:
    """The records read so far from every file, each with where it was found."""

    events: list[tuple[Event, Problem]] = field(default_factory=list)
    venues: list[tuple[Venue, Problem]] = field(default_factory=list)
    sessions: list[tuple[Session, Problem]] = field(default_factory=list)
    faqs: list[tuple[Faq, Problem]] = field(default_factory=list)
    synonyms: list[tuple[str, ...]] = field(default_factory=list)
    # Every id seen, even on records too broken to build, so duplicates are still reported.
    ids: list[tuple[str, Problem]] = field(default_factory=list)
    event_written: bool = False  # an `event:` section exists, even one too broken to build


_QUOTE_IT = ' (a text with "?" or ": " inside [ ] or { }, or after a key? quote it: "…")'
_STARTS = {
    "\t": " (a tab? indent with spaces, not tabs)",
    "@": ' (a text cannot begin with @: quote it: "@…")',
    "`": ' (a text cannot begin with `: quote it: "`…")',
    "%": ' (a text cannot begin with %: quote it: "%…")',
}


def _hint(problem: str, context: str, found: str) -> str:
    """Return a fix for the YAML mistakes organisers make most; `found` is the character at
    the error (libyaml's messages do not name it).
    """
    if "cannot start any token" in problem:
        return _STARTS.get(found, " (a tab? indent with spaces, not tabs)" if not found else "")
    if "but got '?'" in problem or "but got ':'" in problem or "mapping values" in problem:
        return _QUOTE_IT
    if "expected ',' or" in problem:  # [a: b, c] or {en: Yes: here}
        return _QUOTE_IT
    if "undefined alias" in problem:
        return ' (a text cannot begin with *: quote it: "*…")'
    if "expected '-' indicator" in problem or "expected <block end>" in problem:
        return " (check the indentation: entries of one list start with '- ' in the same column)"
    if "quoted scalar" in context:
        return " (a quote is not closed)"
    return ""


def _syntax_problem(name: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 0)
    problem, context = str(exc.problem or exc), str(exc.context or "")
    lines = text.splitlines()
    row = lines[line - 1] if mark and line <= len(lines) else ""
    found = row[column - 1] if 0 < column <= len(row) else ""
    hint = _hint(problem, context, found)
    return Problem(name, line, f"YAML syntax error: {problem}{hint}", column)


def _parse(text: str, name: str) -> tuple[Any, list[Problem]]:
    """Parse YAML text; return the tree and the duplicate keys found (as warnings)."""
    loader = LineLoader(text)
    try:
        tree = loader.get_single_data()
    finally:
        loader.dispose()
    duplicates = [
        Problem(name, line, f"'{key}' is given twice: only the last one counts", col, True)
        for key, line, col in getattr(loader, "duplicates", [])
    ]
    return tree, duplicates + _cut_by_comments(text, name)


# `key: value #text`: in YAML " #" starts a comment, so an unquoted "Calle 67 #53-108" or
# "Follow us #Event2027" silently loses its end. A comment's "#" is usually followed by a space.
_CUT = re.compile(r"^\s*(?:- +)?[\w-]+: +(?P<kept>[^'\"|>\[{\s#][^#]*?) #(?P<lost>\S.*)$")


def _cut_by_comments(text: str, name: str) -> list[Problem]:
    """Warn about plain values whose " #…" YAML reads as a comment rather than as text."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        cut = _CUT.match(line)
        if cut:
            message = (
                f"the value ends at '{cut['kept'].strip()}': YAML reads ' #{cut['lost']}' as a "
                "comment; put the value in quotes if it belongs to it"
            )
            found.append(Problem(name, number, message, cut.start("lost"), True))
    return found


def _chunks(text: str) -> list[tuple[int, str]]:
    """Split a file at its top-level keys, then each list at its items: (first line, text)."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if _TOP.match(line)] or [0]
    starts = [0, *starts[1:]] if starts[0] != 0 else starts
    pieces: list[tuple[int, str]] = []
    for n, begin in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        block = lines[begin:end]
        items = [i for i, line in enumerate(block) if re.match(r"^\s*- ", line)]
        indent = min((len(block[i]) - len(block[i].lstrip()) for i in items), default=-1)
        heads = [i for i in items if len(block[i]) - len(block[i].lstrip()) == indent]
        if not heads or heads[0] == 0:
            pieces.append((begin, "".join(block)))
            continue
        for k, head in enumerate(heads):
            stop = heads[k + 1] if k + 1 < len(heads) else len(block)
            # Re-parse the item under its section's key, on its own lines.
            key = block[0].split(":", 1)[0]
            pad = "\n" * (begin + head - 1)
            pieces.append((-1, f"{pad}{key}:\n{''.join(block[head:stop])}"))
    return pieces


def _merge(into: Any, tree: Any) -> None:
    for key, value in tree.items():
        if key in into and isinstance(into[key], list) and isinstance(value, list):
            into[key].extend(value)
        elif key not in into:
            into[key] = value
            into.key_marks[key] = tree.key_marks.get(key, (0, 0))


def parse_file(path: Path) -> Raw:
    """Read and parse one YAML file; a syntax error in one section or entry spares the rest."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return path, None, [Problem(name, 1, f"cannot read: {exc.strerror or exc}")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return path, None, [Problem(name, line, "not UTF-8 text: save the file as UTF-8")]
    try:
        tree, warnings = _parse(text, name)
        return path, tree, warnings
    except yaml.MarkedYAMLError as exc:
        first = _syntax_problem(name, exc, text)
    except yaml.YAMLError as exc:
        return path, None, [Problem(name, 1, f"YAML error: {exc}")]
    # Report every broken section or entry, and keep reading the others.
    problems: list[Problem] = []
    merged: Any = None
    for _, piece in _chunks(text):
        try:
            tree, warnings = _parse(piece, name)
        except yaml.YAMLError as exc:
            if isinstance(exc, yaml.MarkedYAMLError):
                problems.append(_syntax_problem(name, exc, piece))
            continue
        problems += warnings
        if tree is None or not isinstance(tree, dict):
            continue
        if merged is None:
            merged = tree
        else:
            _merge(merged, tree)
    syntax = [p for p in problems if p.message.startswith("YAML syntax error")]
    return path, merged, problems if syntax else [first, *problems]


def build_file(raw: Raw, languages: tuple[str, ...], into: Collected) -> list[Problem]:
    """Build the records of one parsed file into `into`; return the problems found in it."""
    path, tree, _ = raw
    reader = Reader(str(path), languages)
    if tree is None:
        return []
    top = reader.mapping(tree, (1, 1), "the file")
    if top is None:
        return reader.problems
    for key, value in top.items():
        at = reader.at(top, key)
        here = Problem(str(path), at[0], "")
        if key not in TOP_KEYS:
            known = ", ".join(sorted(TOP_KEYS))
            reader.problem(at, f"unknown section '{key}' (known: {known})")
        elif key == "event":
            into.event_written = True
            m = reader.mapping(value, at, "event")
            event = reader.event(m) if m is not None else None
            if event:
                into.events.append((event, here))
        elif key == "synonyms":
            into.synonyms.extend(reader.synonyms(value, at))
        elif not isinstance(value, list):
            reader.problem(at, f"{key}: must be a list")
        else:
            build = {"venues": reader.venue, "sessions": reader.session, "faqs": reader.faq}[key]
            for item in value:
                item_at = reader.at(item) if hasattr(item, "line") else at
                m = reader.mapping(item, item_at, f"an entry of {key}")
                where = Problem(str(path), item_at[0], "", item_at[1])
                if m is not None and isinstance(m.get("id"), str):
                    into.ids.append((m["id"], where))
                record = build(m) if m is not None else None
                if record is not None:
                    getattr(into, key).append((record, where))
    return reader.problems


def _cycles(sessions: list[tuple[Session, Problem]]) -> list[tuple[Session, Problem]]:
    """Return the sessions whose part_of chain comes back to themselves."""
    parent = {s.id: s.part_of for s, _ in sessions}
    looping = []
    for s, where in sessions:
        seen, current = {s.id}, s.part_of
        while current is not None and current in parent:
            if current == s.id:
                looping.append((s, where))
                break
            if current in seen:
                break
            seen.add(current)
            current = parent[current]
    return looping


def cross_check(c: Collected, root: str) -> list[Problem]:
    """Check what spans records and files: one event, unique ids, references, dates."""
    problems: list[Problem] = []

    def at(where: Problem, message: str, warning: bool = False) -> None:
        problems.append(Problem(where.path, where.line, message, where.column, warning))

    if not c.event_written:  # a broken one has had its problems reported
        problems.append(Problem(root, 0, "no 'event' section found"))
    for _, where in c.events[1:]:
        at(where, "a second 'event' section (there must be exactly one)")
    seen: dict[str, Problem] = {}
    for ident, where in c.ids:
        if ident in seen:
            first = seen[ident]
            at(where, f"duplicate id '{ident}' (first at {first.path}:{first.line})")
        else:
            seen[ident] = where
    # References may point at records that were themselves reported broken: only a name
    # that appears nowhere is a new problem.
    known = set(seen)
    venues = {v.id for v, _ in c.venues}
    sessions = {s.id: s for s, _ in c.sessions}
    event = c.events[0][0] if c.events else None
    for s, where in c.sessions:
        if s.venue is not None and s.venue not in known:
            at(where, f"session '{s.id}': venue '{s.venue}' is not a known venue")
        elif s.venue is not None and s.venue in sessions:
            at(where, f"session '{s.id}': venue '{s.venue}' is a session, not a venue")
        if s.part_of is not None and (s.part_of not in known or s.part_of == s.id):
            at(where, f"session '{s.id}': part_of '{s.part_of}' is not another session")
        if s.date is None and s.part_of is None:
            at(where, f"session '{s.id}': needs a date (or part_of a session that has one)")
        if s.venue is None and s.part_of is None and venues:
            at(where, f"session '{s.id}': needs a venue (or part_of a session that has one)")
        if event and s.date and not event.start_date <= s.date <= event.end_date:
            at(where, f"session '{s.id}': date {s.date} is outside the event's dates")
    for s, where in _cycles(c.sessions):
        at(where, f"session '{s.id}': part_of goes round in a circle back to itself")
    return problems


def _summarise(problems: list[Problem]) -> list[Problem]:
    """Keep a few "no 'xx' text" warnings per file and language, then one line with the rest."""
    kept: list[Problem] = []
    counts: dict[tuple[str, str], int] = {}
    for p in problems:
        found = re.search(r"no '(\w+)' text", p.message) if p.warning else None
        if found is None:
            kept.append(p)
            continue
        key = (p.path, found.group(1))
        counts[key] = counts.get(key, 0) + 1
        if counts[key] <= _WARNINGS_SHOWN:
            kept.append(p)
    for (path, lang), n in counts.items():
        if n > _WARNINGS_SHOWN:
            more = n - _WARNINGS_SHOWN
            kept.append(Problem(path, 0, f"…and {more} more texts without '{lang}'", 0, True))
    return kept


def knowledge_files(path: Path) -> list[Path]:
    """Return the YAML files that make up the knowledge base at `path` (a file or a folder)."""
    if path.is_dir():
        # Hidden files are an editor's or an OS's (macOS's ._event.yaml, a .swp), not the KB.
        return sorted(
            p
            for p in path.iterdir()
            if p.suffix in (".yaml", ".yml") and not p.name.startswith(".") and p.is_file()
        )
    return [path]


def _oversized(files: list[Path]) -> list[Problem]:
    """Refuse files over the size limit before reading any of them."""
    problems = []
    limit = MAX_FILE_BYTES // 1024 // 1024
    for file in files:
        try:
            size = file.stat().st_size
        except OSError:
            continue
        if size > MAX_FILE_BYTES:
            message = f"file is {size / 1024 / 1024:.1f} MB, over the {limit} MB limit"
            problems.append(Problem(str(file), 1, message))
    return problems


def _too_many(files: list[Path]) -> list[Problem]:
    """Refuse a knowledge base with more entries than the limit, before parsing it."""
    total = 0
    for file in files:
        try:
            if file.stat().st_size <= MAX_FILE_BYTES:
                total += len(_ENTRY.findall(file.read_bytes()))
        except OSError:
            continue
    if total > MAX_ENTRIES:
        message = f"{total} entries (venues, sessions, FAQs): more than the limit of {MAX_ENTRIES}"
        return [Problem(str(files[0].parent), 0, message)]
    return []


def _languages(raws: list[Raw]) -> tuple[str, ...]:
    for _, tree, _ in raws:
        event = tree.get("event") if isinstance(tree, dict) else None
        if isinstance(event, dict) and "languages" in event:
            return declared_languages(event["languages"]) or LANGS
    return LANGS


def _timed_parts_dated(sessions: list[Session]) -> tuple[Session, ...]:
    """Give a part that has its own start time, but no date, its parent's date.

    A timed part happens on its parent's day; a part with neither date nor time (a visit
    whose date the programme does not give) stays undated: "to be confirmed".
    """
    by_id = {s.id: s for s in sessions}
    for _ in range(len(sessions)):
        changed = False
        for s in list(by_id.values()):
            parent = by_id.get(s.part_of or "")
            if s.date is None and s.start is not None and parent and parent.date is not None:
                by_id[s.id] = dataclasses.replace(s, date=parent.date)
                changed = True
        if not changed:
            break
    return tuple(by_id[s.id] for s in sessions)


def _read(path: Path | str) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Read the knowledge base at `path`: the base (None on any error) and every problem."""
    root = Path(path)
    if not root.exists():
        return None, [Problem(str(root), 0, "no such file or folder")]
    if root.is_file() and root.suffix.lower() not in (".yaml", ".yml"):
        hint = (
            f": a programme to import? confbot import {root} --into DIR"
            if root.suffix.lower() in (".xml", ".json", ".ics")
            else ""
        )
        return None, [Problem(str(root), 0, f"not a .yaml file{hint}")]
    files = knowledge_files(root)
    if not files:
        inside = sorted(p for p in root.glob("*/*.y*ml") if not p.parent.name.startswith("."))
        hint = f" (there are in {inside[0].parent})" if inside else ""
        return None, [Problem(str(root), 0, f"no .yaml files found{hint}")]
    refused = _oversized(files) or _too_many(files)
    if refused:
        return None, refused
    raws = [parse_file(file) for file in files]
    problems = [p for _, _, found in raws for p in found]
    languages = _languages(raws)
    collected = Collected()
    for raw in raws:
        problems += build_file(raw, languages, collected)
    unreadable = any(tree is None and found for _, tree, found in raws)
    if not unreadable and not any("YAML syntax error" in p.message for p in problems):
        # A file that could not be parsed hides its records: cross-checks would cascade.
        problems += cross_check(collected, str(root))
    # In file order, each once (a slip can break several of a file's pieces the same way);
    # a file's "…and N more" summary (line 0) after its lines.
    problems = sorted(
        dict.fromkeys(_summarise(problems)),
        key=lambda p: (p.path, p.line or float("inf"), p.column),
    )
    if any(not p.warning for p in problems):
        return None, problems
    event = collected.events[0][0]
    venues = tuple(
        dataclasses.replace(v, city=event.city) if v.city is None else v
        for v, _ in collected.venues
    )
    kb = KnowledgeBase(
        event=event,
        venues=venues,
        sessions=_timed_parts_dated([s for s, _ in collected.sessions]),
        faqs=tuple(f for f, _ in collected.faqs),
        synonyms=tuple(collected.synonyms),
    )
    return kb, problems


def load_knowledge(path: Path | str) -> KnowledgeBase:
    """Load and validate the knowledge base at `path`; raise KnowledgeError on any error."""
    kb, problems = _read(path)
    if kb is None:
        raise KnowledgeError([p for p in problems if not p.warning] or problems)
    return kb


def check_knowledge(path: Path | str) -> list[Problem]:
    """Return every problem in the knowledge base at `path`, warnings included."""
    return _read(path)[1]


def iter_entry_ids(kb: KnowledgeBase) -> Iterator[str]:
    """Yield the ids of every answerable entry: sessions then FAQs."""
    yield from (s.id for s in kb.sessions)
    yield from (f.id for f in kb.faqs)
