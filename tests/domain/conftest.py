"""Shared fixtures for domain tests: the shipped knowledge base and its matcher, built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase, load_knowledge
from bot.domain.matcher import Matcher

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge(ROOT / "knowledge")


@pytest.fixture(scope="session")
def matcher(kb: KnowledgeBase) -> Matcher:
    return Matcher(kb)
