"""Per-language resources of the matcher: one module per language, data only.

Each module defines `BUILTINS`: for every question confbot answers without a KB entry
(greetings, thanks, help, the event's own facts, a venue's address and directions), the ways
people ask it in that language. Adding a language is adding a module here and naming it in
LANGUAGES.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from bot.domain.lang import en, es, pt

LANGUAGES: dict[str, ModuleType] = {"en": en, "es": es, "pt": pt}


def builtin_phrasings(lang: str) -> dict[str, tuple[str, ...]]:
    """One language's phrasings of each built-in question, by question (none if unknown)."""
    module = LANGUAGES.get(lang)
    return dict(module.BUILTINS) if module is not None else {}


def words_of(name: str, lang: str | None = None) -> frozenset[str]:
    """One word list (e.g. "ASPECTS") of `lang`, or the union over every language."""
    found: set[str] = set()
    for code, module in LANGUAGES.items():
        if lang is None or code == lang:
            found |= getattr(module, name, frozenset())
    return frozenset(found)


def by_language(name: str, empty: Any = frozenset()) -> dict[str, Any]:
    """One resource (e.g. "NUMBER_WORDS") of each language, by language code (`empty` for a
    language that has none)."""
    return {code: getattr(module, name, empty) for code, module in LANGUAGES.items()}


def merged(name: str) -> dict[Any, Any]:
    """One word table (e.g. "MONTHS", "TIME_PHRASES") of every language, joined."""
    found: dict[Any, Any] = {}
    for module in LANGUAGES.values():
        found.update(getattr(module, name, {}))
    return found


def concept_groups() -> list[tuple[str, ...]]:
    """Each concept's words in every language, as one synonym group ("party", "fiesta",
    "festa"), the English word first."""
    groups: dict[str, list[str]] = {}
    for module in LANGUAGES.values():
        for concept, words in getattr(module, "CONCEPTS", {}).items():
            groups.setdefault(concept, [concept]).extend(w for w in words if w != concept)
    return [tuple(dict.fromkeys(ws)) for ws in groups.values()]
