"""Rendering a matcher reply: what the user reads, in plain text and in Telegram HTML."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from bot.domain.knowledge import Faq, KnowledgeBase, Localized, Phrases, iter_entry_ids
from bot.domain.matcher import Matcher, Reply
from bot.i18n import Translator
from bot.texts.answers import LABEL_LIMIT, entry_label, render_html, render_text

ROOT = Path(__file__).resolve().parents[2]
MONDAY = dt.datetime(2015, 10, 19, 9, tzinfo=dt.timezone(dt.timedelta(hours=-5)))


@pytest.fixture(scope="module")
def tr() -> Translator:
    return Translator(ROOT / "locales")


def test_tomorrow_in_spanish(matcher: Matcher, kb: KnowledgeBase, tr: Translator) -> None:
    text = render_text(matcher.answer("¿qué hay mañana?", MONDAY), kb, tr)
    assert text.startswith("Mañana, martes 20 de octubre:")
    assert "Reuniones subregionales de autoridades" in text


def test_times_are_never_invented(matcher: Matcher, kb: KnowledgeBase, tr: Translator) -> None:
    for question in ("what's on tomorrow?", "what's next?", "what's on this week?"):
        text = render_text(matcher.answer(question, MONDAY), kb, tr)
        assert "Times will be confirmed by the organisers." in text
        assert not re.search(r"\b\d{1,2}:\d{2}\b", text)


def test_the_field_visit_comes_with_the_clinic_undated(
    matcher: Matcher, kb: KnowledgeBase, tr: Translator
) -> None:
    text = render_text(matcher.answer("what's on the 21st?", MONDAY), kb, tr)
    assert "Clinic" in text
    assert "Field visit: Rehabilitation Penitentiary Center — date and time to be confirmed" in text


def test_an_empty_day_says_so_with_the_week_dates(
    matcher: Matcher, kb: KnowledgeBase, tr: Translator
) -> None:
    saturday = MONDAY.replace(day=17)  # two days before the week
    text = render_text(matcher.answer("what's on today?", saturday), kb, tr)
    assert text.startswith("Nothing is scheduled today, Saturday 17 October.")
    assert "Citizen Security Week: Monday 19 October to Friday 23 October 2015." in text
    # An empty day the KB explains in an FAQ of its own, named or as today: that FAQ.
    text = render_text(matcher.answer("what's on Thursday?", MONDAY), kb, tr)
    assert text.startswith("The programme lists no activity for Thursday 22 October 2015")
    text = render_text(matcher.answer("what's on today?", MONDAY.replace(day=22)), kb, tr)
    assert text.startswith("The programme lists no activity for Thursday 22 October 2015")


def test_after_the_event_next_says_it_ended(
    matcher: Matcher, kb: KnowledgeBase, tr: Translator
) -> None:
    later = MONDAY.replace(month=11)
    text = render_text(matcher.answer("¿qué sigue?", later), kb, tr)
    assert "ya terminó" in text and "19 de octubre" in text


def test_an_abstention_lists_its_suggestions(kb: KnowledgeBase, tr: Translator) -> None:
    reply = Reply("zzz", "en", "abstain", None, 0.0, suggestions=("dates", "clinic"))
    lines = render_text(reply, kb, tr).splitlines()
    assert lines[0] == "I'm not sure what you mean. Did you mean:"
    assert lines[1:] == [
        f"• {entry_label('dates', kb, 'en')}",
        f"• {entry_label('clinic', kb, 'en')}",
    ]


def test_an_empty_question_gets_help(kb: KnowledgeBase, tr: Translator) -> None:
    reply = Reply("", "es", "abstain", None, 0.0, suggestions=("dates",))
    text = render_text(reply, kb, tr)
    assert text.startswith("Semana de la Seguridad Ciudadana: pregúntame por el programa")


def test_html_escapes_every_value_and_bolds_titles(kb: KnowledgeBase, tr: Translator) -> None:
    odd = Faq(
        "odd", Localized.of(es="<b>x</b> & y", en="<i>x</i> & y"), Phrases.of(es=["a"], en=["a"])
    )
    sessions = tuple(
        dataclasses.replace(s, title=Localized.of(es="A & <B>", en="A & <B>"))
        if s.id == "clinic"
        else s
        for s in kb.sessions
    )
    weird = dataclasses.replace(kb, faqs=(*kb.faqs, odd), sessions=sessions)
    faq_html = render_html(Reply("", "en", "entry", "odd", 100.0), weird, tr)
    assert faq_html == "&lt;i&gt;x&lt;/i&gt; &amp; y"
    day = Reply(
        "", "en", "schedule", "clinic", 100.0, day=dt.date(2015, 10, 21), sessions=("clinic",)
    )
    assert "<b>A &amp; &lt;B&gt;</b>" in render_html(day, weird, tr)
    assert "A & <B>" in render_text(day, weird, tr)


def test_labels_are_short(kb: KnowledgeBase) -> None:
    for entry in iter_entry_ids(kb):
        for lang in ("es", "en"):
            label = entry_label(entry, kb, lang)
            assert 0 < len(label) <= LABEL_LIMIT
    assert entry_label("clinic", kb, "es").startswith("7.ª Clínica")
