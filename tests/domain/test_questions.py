"""The realistic question set: >= 95% answered right, and every off-topic question abstains."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.answers import render_text
from bot.domain.clock import parse_instant
from bot.domain.knowledge import KnowledgeBase
from bot.domain.matcher import Matcher
from bot.i18n import Translator

ROOT = Path(__file__).resolve().parents[2]
CASES = yaml.safe_load((Path(__file__).with_name("questions.yaml")).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator(ROOT / "locales")


def failure(case: dict[str, Any], matcher: Matcher, kb: KnowledgeBase, tr: Translator) -> str:
    """Return why the answer to one case is wrong, or '' when it is right."""
    now = parse_instant(str(case.get("now") or CASES["default_now"]), kb.event.tz)
    reply = matcher.answer(case["q"], now)
    text = render_text(reply, kb, tr)
    expected = case["entry"]
    allowed = expected if isinstance(expected, list) else [expected]
    problems = []
    if reply.entry not in allowed:
        problems.append(f"entry {reply.entry!r} (score {reply.score}), expected {expected!r}")
    if case["lang"] != "any" and reply.lang != case["lang"]:
        problems.append(f"lang {reply.lang}, expected {case['lang']}")
    missing = [s for s in case["has"] if s.casefold() not in text.casefold()]
    if missing:
        problems.append(f"answer lacks {missing}: {text[:160]!r}")
    return "; ".join(problems)


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
    questions = CASES["questions"]
    failures = []
    for case in questions:
        why = failure(case, matcher, kb, translator)
        if why:
            failures.append((case, why))
    for case, why in failures:
        print(f"FAIL {case['q']!r}: {why}")
    rate = 1 - len(failures) / len(questions)
    print(f"pass rate {rate:.1%} ({len(questions) - len(failures)}/{len(questions)})")
    offtopic_answered = [c["q"] for c, why in failures if c.get("offtopic") and "entry" in why]
    assert not offtopic_answered, f"off-topic questions answered: {offtopic_answered}"
    assert rate >= 0.95


def test_time_zone_decides_the_day(matcher: Matcher) -> None:
    late_monday = dt.datetime(2015, 10, 20, 3, 0, tzinfo=dt.UTC)  # 22:00 on the 19th in Quito
    reply = matcher.answer("what's on today?", late_monday)
    assert reply.day == dt.date(2015, 10, 19)
    assert reply.sessions == ("dialogue",)
