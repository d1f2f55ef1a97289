"""What a knowledge folder already holds: hand-written files, and the files an import owns."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.domain.knowledge import knowledge_files

# The first lines of every file `confbot import` owns carry this marker; a file without it is
# the organiser's and is never written to.
MARKER = "# confbot-import: this file is rewritten by every import"
SESSIONS_FILE = "imported-sessions.yaml"
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml if built
VENUES_FILE = "imported-venues.yaml"


def owned(path: Path) -> bool:
    """Tell whether `path` was written by `confbot import` (its marker in the first lines)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = [handle.readline() for _ in range(12)]
    except OSError:
        return False
    return any(line.strip() == MARKER for line in head)


@dataclass
class Folder:
    """The knowledge folder as the importer sees it."""

    path: Path
    event: dict[str, Any] | None = None  # the hand-written event section, if any
    event_file: Path | None = None
    hand_ids: dict[str, str] = field(default_factory=dict)  # id -> "session"/"venue"/"faq"
    hand_venues: list[str] = field(default_factory=list)
    previous_sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    previous_venues: dict[str, dict[str, Any]] = field(default_factory=dict)
    unreadable: list[Path] = field(default_factory=list)

    @property
    def languages(self) -> list[str]:
        """Return the event's languages (first = default), as the knowledge base declares."""
        declared = (self.event or {}).get("languages")
        if isinstance(declared, list) and declared and all(isinstance(x, str) for x in declared):
            return [str(x) for x in declared]
        return ["es", "en"]

    @property
    def timezone(self) -> str:
        value = (self.event or {}).get("timezone")
        return value if isinstance(value, str) else ""


def scan(path: Path) -> Folder:
    """Read the YAML files in `path`, telling the organiser's from the importer's."""
    folder = Folder(path)
    if not path.is_dir():
        return folder
    for file in knowledge_files(path):
        try:
            data = yaml.load(file.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            folder.unreadable.append(file)
            continue
        if not isinstance(data, dict):
            continue
        # Only the import's own file names can be its; a copy elsewhere (marker and all) is
        # the organiser's.
        previous = {SESSIONS_FILE: folder.previous_sessions, VENUES_FILE: folder.previous_venues}
        if file.name in previous and owned(file):
            section = "sessions" if file.name == SESSIONS_FILE else "venues"
            for item in data.get(section) or ():
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    previous[file.name][item["id"]] = item
            continue
        if "event" in data and folder.event_file is None:
            event = data["event"]
            folder.event, folder.event_file = (event if isinstance(event, dict) else {}), file
        for section, kind in (("venues", "venue"), ("sessions", "session"), ("faqs", "faq")):
            for item in data.get(section) or ():
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    folder.hand_ids.setdefault(item["id"], kind)
                    if kind == "venue":
                        folder.hand_venues.append(item["id"])
    return folder
