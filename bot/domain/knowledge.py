"""The knowledge base: organiser-edited YAML loaded into frozen records, all or nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.domain.knowledge_reader import TOP_KEYS, LineLoader, Reader
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
    Venue,
)

__all__ = [
    "LANGS", "Event", "Faq", "KnowledgeBase", "KnowledgeError", "Localized", "Phrases",
    "Problem", "Session", "Venue", "check_knowledge", "iter_entry_ids", "knowledge_files",
    "load_knowledge",
]  # fmt: skip


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


def read_file(path: Path, into: Collected) -> list[Problem]:
    """Read one YAML file's sections into `into`; return the problems found in it."""
    name = str(path)
    reader = Reader(name)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=LineLoader)  # noqa: S506
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return [Problem(name, line, f"YAML syntax error: {exc.problem or exc}")]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError) as exc:
        return [Problem(name, 1, f"cannot read: {exc}")]
    if raw is None:
        return []
    top = reader.mapping(raw, 1, "the file")
    if top is None:
        return reader.problems
    for key, value in top.items():
        line = reader.line_of(top, key)
        here = Problem(name, line, "")
        if key not in TOP_KEYS:
            reader.problem(line, f"unknown section '{key}' (known: {', '.join(sorted(TOP_KEYS))})")
        elif key == "event":
            m = reader.mapping(value, line, "event")
            event = reader.event(m) if m is not None else None
            if event:
                into.events.append((event, here))
        elif key == "synonyms":
            into.synonyms.extend(reader.synonyms(value, line))
        else:
            if not isinstance(value, list):
                reader.problem(line, f"{key}: must be a list")
                continue
            build = {"venues": reader.venue, "sessions": reader.session, "faqs": reader.faq}[key]
            for item in value:
                item_line = getattr(item, "line", line)
                m = reader.mapping(item, item_line, f"an entry of {key}")
                if m is not None and isinstance(m.get("id"), str):
                    into.ids.append((m["id"], Problem(name, item_line, "")))
                record = build(m) if m is not None else None
                if record is not None:
                    getattr(into, key).append((record, Problem(name, item_line, "")))
    return reader.problems


def cross_check(c: Collected, root: str) -> list[Problem]:
    """Check what spans records and files: one event, unique ids, references, dates."""
    problems: list[Problem] = []

    def at(where: Problem, message: str) -> None:
        problems.append(Problem(where.path, where.line, message))

    if not c.events:
        problems.append(Problem(root, 0, "no valid 'event' section found"))
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
    event = c.events[0][0] if c.events else None
    for s, where in c.sessions:
        if s.venue is not None and s.venue not in known:
            at(where, f"session '{s.id}': venue '{s.venue}' is not a known venue")
        if s.part_of is not None and (s.part_of not in known or s.part_of == s.id):
            at(where, f"session '{s.id}': part_of '{s.part_of}' is not another session")
        if s.date is None and s.part_of is None:
            at(where, f"session '{s.id}': needs a date (or part_of a session that has one)")
        if s.venue is None and s.part_of is None:
            at(where, f"session '{s.id}': needs a venue (or part_of a session that has one)")
        if event and s.date and not event.start_date <= s.date <= event.end_date:
            at(where, f"session '{s.id}': date {s.date} is outside the event's dates")
        if not s.questions.es or not s.questions.en:
            at(where, f"session '{s.id}': give at least one question in es and in en")
    return problems


def knowledge_files(path: Path) -> list[Path]:
    """Return the YAML files that make up the knowledge base at `path` (a file or a folder)."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]


def load_knowledge(path: Path | str) -> KnowledgeBase:
    """Load and validate the knowledge base at `path`; raise KnowledgeError with every problem."""
    root = Path(path)
    if not root.exists():
        raise KnowledgeError([Problem(str(root), 0, "no such file or folder")])
    files = knowledge_files(root)
    if not files:
        raise KnowledgeError([Problem(str(root), 0, "no .yaml files found")])
    collected = Collected()
    problems: list[Problem] = []
    for file in files:
        problems += read_file(file, collected)
    if not any("YAML syntax error" in p.message for p in problems):
        # A file that could not be parsed hides its records: cross-checks would cascade.
        problems += cross_check(collected, str(root))
    if problems:
        raise KnowledgeError(problems)
    return KnowledgeBase(
        event=collected.events[0][0],
        venues=tuple(v for v, _ in collected.venues),
        sessions=tuple(s for s, _ in collected.sessions),
        faqs=tuple(f for f, _ in collected.faqs),
        synonyms=tuple(collected.synonyms),
    )


def check_knowledge(path: Path | str) -> list[Problem]:
    """Return every problem in the knowledge base at `path` (empty when it is valid)."""
    try:
        load_knowledge(path)
    except KnowledgeError as exc:
        return exc.problems
    return []


def iter_entry_ids(kb: KnowledgeBase) -> Iterator[str]:
    """Yield the ids of every answerable entry: sessions then FAQs."""
    yield from (s.id for s in kb.sessions)
    yield from (f.id for f in kb.faqs)
