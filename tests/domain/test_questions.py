"""The realistic question set: >= 95% answered right, and every off-topic question abstains."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from question_sets import load_set, run_set

from bot.domain.knowledge import KnowledgeBase
from bot.domain.matcher import Matcher
from bot.i18n import Translator

ROOT = Path(__file__).resolve().parents[2]
CASES = load_set("questions.yaml")


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator(ROOT / "locales")


def test_question_set_is_big_and_varied() -> None:
    questions = CASES["questions"]
    offtopic = [c for c in questions if c.get("offtopic")]
    assert len(questions) >= 170
    assert {c["lang"] for c in questions} >= {"es", "en"}
    assert 0.12 <= len(offtopic) / len(questions) <= 0.2
    assert sum(1 for c in questions if c.get("now")) >= 25


def test_pass_rate_and_offtopic_abstention(
    matcher: Matcher, kb: KnowledgeBase, translator: Translator
) -> None:
    result = run_set("questions.yaml", matcher, kb, translator)
    print(result.report())
    assert not result.offtopic_answered, f"off-topic questions answered: {result.offtopic_answered}"
    assert result.rate >= 0.95


def test_time_zone_decides_the_day(matcher: Matcher) -> None:
    late_monday = dt.datetime(2015, 10, 20, 3, 0, tzinfo=dt.UTC)  # 22:00 on the 19th in Quito
    reply = matcher.answer("what's on today?", late_monday)
    assert reply.day == dt.date(2015, 10, 19)
    assert reply.sessions == ("dialogue",)
