"""The knowledge base: organiser-edited YAML loaded into frozen records, all or nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from bot.domain.knowledge_reader import Collected, cross_check, read_file
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
