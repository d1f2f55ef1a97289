"""Any text at any time gets an answer or an abstention: never an exception."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.domain.knowledge import KnowledgeBase, iter_entry_ids
from bot.domain.matcher import Matcher
from bot.i18n import Translator
from bot.texts.answers import render_html, render_text

ROOT = Path(__file__).resolve().parents[2]
TRANSLATOR = Translator(ROOT / "locales")
NOW = dt.datetime(2015, 10, 20, 10, tzinfo=dt.UTC)
WORDS = st.sampled_from(
    ["clínica", "mañana", "the", "21st", "de", "octubre", "where", "¿", "?", "911", "7.ª", "hoy",
     "next", "el", "lunes", "2015-10-21", "21/10", "'s", "🙂", "\x00", "\u202e", "中文"]
)  # fmt: skip


def check(matcher: Matcher, kb: KnowledgeBase, question: str, now: dt.datetime) -> None:
    reply = matcher.answer(question, now)
    assert reply.kind in ("entry", "schedule", "abstain")
    assert reply.lang in kb.languages
    assert 0.0 <= reply.score <= 100.0
    assert set(reply.suggestions) <= set(iter_entry_ids(kb)) and len(reply.suggestions) <= 3
    assert (reply.entry is None) == (reply.kind == "abstain")
    assert render_text(reply, kb, TRANSLATOR)
    assert render_html(reply, kb, TRANSLATOR)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=st.text())
def test_any_unicode_text(matcher: Matcher, kb: KnowledgeBase, question: str) -> None:
    check(matcher, kb, question, NOW)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(WORDS, max_size=12), now=st.datetimes(timezones=st.just(dt.UTC)))
def test_question_like_text_at_any_instant(
    matcher: Matcher, kb: KnowledgeBase, words: list[str], now: dt.datetime
) -> None:
    check(matcher, kb, " ".join(words), now)


@pytest.mark.parametrize(
    "question",
    [
        "",
        "x" * 10_000,
        "¿qué hay mañana? " * 700,
        "🙂" * 5000,
        "\x00\x01\x02\x1b[31m\t\r\n",
        "مرحبا، أين العيادة؟",
        "Где проходит клиника?",
        "\udcff\ud800 lone surrogates",
        "31/02 99/99 2015-13-45 9999-12-31",
    ],
)
def test_extreme_questions(matcher: Matcher, kb: KnowledgeBase, question: str) -> None:
    check(matcher, kb, question, NOW)


def test_the_ends_of_time(matcher: Matcher, kb: KnowledgeBase) -> None:
    for now in (dt.datetime.min.replace(tzinfo=dt.UTC), dt.datetime.max.replace(tzinfo=dt.UTC)):
        for question in ("what's on tomorrow?", "¿qué hubo ayer?", "next week", "what's next"):
            check(matcher, kb, question, now)
