"""Asked only where or when, a session answer is short; asked what, it is complete."""

import datetime as dt
from pathlib import Path

import pytest

from bot.domain.focus import Focus, focus
from bot.domain.knowledge import KnowledgeBase
from bot.domain.matcher import Matcher
from bot.i18n import Translator
from bot.texts.answers import render_text

ROOT = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2015, 10, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("¿Dónde es la clínica?", Focus.WHERE),
        ("donde queda el ECU 911", Focus.WHERE),
        ("when is the dialogue", Focus.WHEN),
        ("¿a qué hora empieza?", Focus.WHEN),
        ("what day is the clinic", Focus.WHEN),
        ("qué es la clínica", Focus.ABOUT),
        ("what is the clinic about? where is it?", Focus.ABOUT),
        ("clinic", Focus.ABOUT),
        ("onde fica a clínica?", Focus.WHERE),  # Portuguese reads from its own word lists
        ("que horas começa o diálogo?", Focus.WHEN),
        ("quando é a visita de campo?", Focus.WHEN),
        ("do que trata a clínica?", Focus.ABOUT),
    ],
)
def test_the_focus_of_a_question(question: str, expected: Focus) -> None:
    assert focus(question) is expected


def answer(kb: KnowledgeBase, matcher: Matcher, question: str) -> str:
    return render_text(matcher.answer(question, NOW), kb, Translator(ROOT / "locales"))


def test_where_gets_the_place_and_day_not_the_whole_description(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    short = answer(kb, matcher, "¿Dónde es la clínica?")
    full = answer(kb, matcher, "¿Qué es la clínica?")
    assert "JW Marriott" in short and "21 de octubre" in short
    assert "la dirección" in short  # not published: the organisers will confirm
    assert "(v)" not in short and "(v)" in full
    assert len(short) < len(full) / 2


def test_where_is_the_field_visit_invents_no_place(kb: KnowledgeBase, matcher: Matcher) -> None:
    text = answer(kb, matcher, "where is the field visit?")
    assert "JW Marriott" not in text
    assert "Place to be confirmed by the organisers." in text
