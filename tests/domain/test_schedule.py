"""Reading the day a question means, and what the programme holds for it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from bot.domain.dates import DateReader, When, mark_numeric_dates
from bot.domain.knowledge import KnowledgeBase
from bot.domain.language import fold, tokens
from bot.domain.matcher import Matcher
from bot.domain.schedule import plan

OCT = 10
READER = DateReader(dt.date(2015, OCT, 19), dt.date(2015, OCT, 23))
TUESDAY = dt.date(2015, OCT, 20)
QUITO = dt.timezone(dt.timedelta(hours=-5))


def read(text: str, today: dt.date = TUESDAY) -> When | None:
    return READER.read(tokens(mark_numeric_dates(fold(text))), today)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("what's on tomorrow?", 21),
        ("¿qué hay pasado mañana?", 22),
        ("the day after tomorrow", 22),
        ("¿qué hubo ayer?", 19),
        ("hoy", 20),
        ("tonight", 20),
        ("el lunes", 19),
        ("What's on Friday?", 23),
        ("el 21 de octubre", 21),
        ("October 21st", 21),
        ("oct 22", 22),
        ("what's on the 20th?", 20),
        ("¿qué hay el 19?", 19),
        ("miércoles 21", 21),
        ("21/10", 21),
        ("2015-10-23", 23),
        ("el último día", 23),
        ("the first day", 19),
        ("on Saturday", 24),
        ("el fin de semana", 24),
        ("the clinic is on Thursday the 22nd, right?", 22),
        ("¿es el jueves el 22?", 22),
        # Portuguese reads from its own lists (bot/domain/lang/pt.py).
        ("o que tem no terceiro dia?", 21),
        ("e depois de amanhã?", 22),
        ("anteontem", 18),
        ("no fim de semana", 24),
        ("o que rola na quinta-feira?", 22),
    ],
)
def test_reads_the_day(text: str, day: int) -> None:
    when = read(text)
    assert when is not None
    assert when.day == dt.date(2015, OCT, day)


def test_dates_outside_the_event_month_and_year() -> None:
    assert (w := read("25 de noviembre")) and w.day == dt.date(2015, 11, 25)
    assert (w := read("October 21, 2016")) and w.day == dt.date(2016, OCT, 21)


@pytest.mark.parametrize(
    "text",
    [
        "the 7th clinic",
        "la 7.ª clínica",
        "what happens at ECU 911",
        "what are the 3 pillars",
        "¿a qué hora por la mañana?",
        "May I bring a guest?",
        "where is the clinic",
    ],
)
def test_numbers_and_words_that_are_not_days(text: str) -> None:
    assert read(text) is None


def test_relative_words_are_kept_for_the_answer() -> None:
    assert (w := read("what's on tomorrow")) and w.relative == "tomorrow"
    assert (w := read("¿qué sigue?")) and w.relative == "next"
    assert (w := read("¿qué hay esta semana?")) and w.relative == "week"


def at(day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2015, OCT, day, hour, tzinfo=QUITO)


def test_next_before_during_and_after_the_event(kb: KnowledgeBase) -> None:
    nxt = When("next")
    before = plan(kb, nxt, at(10))
    assert (before.day, [s.id for s in before.sessions]) == (dt.date(2015, OCT, 19), ["dialogue"])
    assert [s.id for s in plan(kb, nxt, at(21)).sessions] == ["advisory"]  # 22nd is empty
    last = plan(kb, nxt, at(23))
    assert (last.relative, [s.id for s in last.sessions]) == ("last-day", ["advisory"])
    assert plan(kb, nxt, at(28)).relative == "ended"


def test_a_day_without_sessions_is_empty(kb: KnowledgeBase) -> None:
    assert plan(kb, When("", dt.date(2015, OCT, 22)), at(20)).sessions == ()


def test_the_field_visit_is_not_placed_on_the_clinic_day(kb: KnowledgeBase) -> None:
    day = plan(kb, When("", dt.date(2015, OCT, 21)), at(20))
    assert [s.id for s in day.sessions] == ["clinic"]


def test_next_uses_start_times_when_the_programme_has_them(kb: KnowledgeBase) -> None:
    afternoon = [
        dataclasses.replace(s, start=dt.time(15, 0)) if s.id == "subregional" else s
        for s in kb.sessions
    ]
    timed = dataclasses.replace(kb, sessions=tuple(afternoon))
    assert [s.id for s in plan(timed, When("next"), at(20, 9)).sessions] == ["subregional"]
    assert [s.id for s in plan(timed, When("next"), at(20, 16)).sessions] == ["clinic"]


def test_the_event_time_zone_decides_today(matcher: Matcher) -> None:
    late_monday = dt.datetime(2015, OCT, 20, 3, 0, tzinfo=dt.UTC)  # 22:00 on the 19th in Quito
    reply = matcher.answer("¿qué hay hoy?", late_monday)
    assert (reply.day, reply.sessions) == (dt.date(2015, OCT, 19), ("dialogue",))
    naive = matcher.answer("what's on today", dt.datetime(2015, OCT, 19, 23, 30))
    assert naive.day == dt.date(2015, OCT, 19)  # a naive instant is event-local time
