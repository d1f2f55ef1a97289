"""The code knows conferences, not this one: no word of the shipped event in bot/ or locales/.

The words come from the shipped knowledge base itself (knowledge/*.yaml): its entry ids, the
event's, organiser's, city's and venues' names, the organiser's acronyms and the session ids.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase, Localized, iter_entry_ids, load_knowledge
from bot.domain.language import fold, tokens

ROOT = Path(__file__).resolve().parents[2]
# Ids the code may name because every knowledge base has them: the built-in answers and the
# sections of the file format.
GENERIC_IDS = {"greeting", "thanks", "help", "event", "schedule", "venues", "sessions", "faqs"}
_STOPWORDS = {"de", "la", "el", "of", "the", "on", "for", "and", "y", "del", "en", "in"}


def _values(text: Localized | None) -> tuple[str, ...]:
    return text.values() if text is not None else ()


def _texts(kb: KnowledgeBase) -> list[str]:
    event = kb.event
    found = [*_values(event.name), *_values(event.organiser), *_values(event.city)]
    for v in kb.venues:
        found += [*_values(v.name), *_values(v.city)]
    return found


def _lowercase_words(kb: KnowledgeBase) -> set[str]:
    """Words the KB writes in lower case somewhere: common words, not names."""
    texts = [*kb.event.description.values()]
    texts += [a for f in kb.faqs for a in f.answer.values()]
    texts += [q for f in kb.faqs for q in f.questions.all()]
    return {w for t in texts for w in re.findall(r"\b[a-záéíóúñ]+\b", t)}


@cache
def distinctive() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Return (phrases, words, ids) that name the shipped event and nothing else."""
    kb = load_knowledge(ROOT / "knowledge")
    lower = _lowercase_words(kb)
    phrases: set[str] = set()
    words: set[str] = set()
    for text in _texts(kb):
        phrases.add(" ".join(tokens(text)))
        raw = re.findall(r"[^\W_]+", text)
        words |= {fold(w) for w in raw if w.isupper() and len(w) >= 2}  # acronyms: IDB, BID
        words |= {fold(w) for w in raw if w[:1].isupper() and w.lower() not in lower}
    for name in kb.event.name.values():  # "citizen security", "seguridad ciudadana"
        ws = [w for w in tokens(name) if w not in _STOPWORDS]
        phrases |= {f"{a} {b}" for a, b in zip(ws, ws[1:], strict=False)}
    phrases |= {" ".join(tokens(t)) for s in kb.sessions for t in s.title.values()}
    words.add(fold(str(kb.event.timezone).rsplit("/", 1)[-1]))  # the time zone's city
    for s in kb.sessions:
        parts = s.id.split("-")
        (words if len(parts) == 1 else phrases).add(" ".join(parts))
    words = {w for w in words if len(w) >= 2 and not w.isdigit()}
    # Ids are checked as quoted strings when they are names (a session's, a venue's, or
    # not a plain word): a FAQ id such as "language" is also an ordinary field or word.
    named = {s.id for s in kb.sessions} | {v.id for v in kb.venues}
    ids = frozenset(i for i in iter_entry_ids(kb) if i in named or not i.isalpha())
    ids |= {v.id for v in kb.venues}
    return frozenset(phrases), frozenset(words), ids


def _files() -> list[Path]:
    code = sorted((ROOT / "bot").rglob("*.py"))
    return (
        code + sorted((ROOT / "locales").rglob("*.po")) + sorted((ROOT / "locales").glob("*.pot"))
    )


def _offences(path: Path) -> list[str]:
    phrases, words, ids = distinctive()
    text = path.read_text(encoding="utf-8")
    folded = " ".join(tokens(text, limit=10**7))
    found = [p for p in phrases if re.search(rf"\b{re.escape(p)}\b", folded)]
    found += [w for w in words if re.search(rf"\b{re.escape(w)}s?\b", folded)]
    found += [i for i in ids if re.search(rf"""["']{re.escape(i)}["']""", text)]
    return sorted(found)


def test_the_distinctive_words_are_found() -> None:
    phrases, words, ids = distinctive()
    assert {"idb", "bid", "quito", "ecuador", "marriott", "clinic"} <= words
    assert "citizen security" in phrases and "seguridad ciudadana" in phrases
    assert {"clinic", "day-22", "ecu911"} <= ids
    assert "hotel" not in words and "week" not in words  # common words are not names


@pytest.mark.parametrize("path", _files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_word_of_the_shipped_event_in_code_or_catalogs(path: Path) -> None:
    assert _offences(path) == []
