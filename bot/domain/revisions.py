"""What a knowledge-base reload changed, for the organiser who made the edit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.domain.knowledge import KnowledgeBase


class _Entry(Protocol):
    @property
    def id(self) -> str: ...


@dataclass(frozen=True)
class EntryChanges:
    """Ids of one kind of entry (sessions or FAQs) added, removed and edited."""

    before: int
    after: int
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True)
class Revision:
    """The difference between the knowledge base served before a reload and after it."""

    sessions: EntryChanges
    faqs: EntryChanges
    other: bool  # the event, venues or synonyms changed

    @property
    def any(self) -> bool:
        return self.sessions.any or self.faqs.any or self.other


def _compare(old: Sequence[_Entry], new: Sequence[_Entry]) -> EntryChanges:
    before = {e.id: e for e in old}
    after = {e.id: e for e in new}
    return EntryChanges(
        before=len(before),
        after=len(after),
        added=tuple(i for i in after if i not in before),
        removed=tuple(i for i in before if i not in after),
        changed=tuple(i for i in after if i in before and after[i] != before[i]),
    )


def compare(old: KnowledgeBase, new: KnowledgeBase) -> Revision:
    """Return what changed between two knowledge bases."""
    return Revision(
        sessions=_compare(old.sessions, new.sessions),
        faqs=_compare(old.faqs, new.faqs),
        other=(old.event, old.venues, old.synonyms) != (new.event, new.venues, new.synonyms),
    )
