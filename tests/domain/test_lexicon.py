"""Chat filler, texting abbreviations, other languages, off-domain words and the asked day."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.domain.language import detect_language, expand, split_codes, stem
from bot.domain.matcher import Matcher

BEFORE = dt.datetime(2015, 10, 10, 12, tzinfo=dt.timezone(dt.timedelta(hours=-5)))


def test_abbreviations_are_spelled_out_in_their_language_only() -> None:
    assert expand(["dnd", "es"], "es") == ["donde", "es"]
    assert expand(["dnd", "5e"], "en") == ["dnd", "5e"]
    assert expand(["wat", "time"], "en") == ["what", "time"]


@pytest.mark.parametrize(
    "text", ["quelle est la capitale de la France", "wie spät ist es", "dov'è il colosseo"]
)
def test_other_languages_are_neither_spanish_nor_english(text: str) -> None:
    assert detect_language(text) is None
    assert detect_language(text, hint="es") == "es"


def test_a_word_both_languages_use_is_no_evidence(matcher: Matcher) -> None:
    assert detect_language("agenda", evidence=matcher.vocab.evidence) is None


@pytest.mark.parametrize(
    "question",
    ["clinic hours at the hospital", "security camera prices", "horario de la clínica dental"],
)
def test_a_word_from_another_domain_makes_it_off_topic(matcher: Matcher, question: str) -> None:
    assert matcher.answer(question, BEFORE).entry is None


def test_chat_filler_does_not_hide_the_question(matcher: Matcher) -> None:
    question = "sorry to bother you, my boss asked me to find out when the donors meeting is"
    assert matcher.answer(question, BEFORE).entry == "advisory"


@pytest.mark.parametrize(
    ("question", "entry"),
    [("what's the meeting on the 23rd for", "advisory"), ("la reunión del 20", "subregional")],
)
def test_a_session_on_the_day_asked_about_wins(matcher: Matcher, question: str, entry: str) -> None:
    assert matcher.answer(question, BEFORE).entry == entry


def test_part_of_day_words_keep_a_schedule_question(matcher: Matcher) -> None:
    reply = matcher.answer("what's on tomorrow morning", BEFORE.replace(day=18))
    assert (reply.kind, reply.entry) == ("schedule", "dialogue")


def test_the_weeks_name_is_not_a_time(matcher: Matcher) -> None:
    reply = matcher.answer("para qué sirve esta semana de seguridad", BEFORE)
    assert reply.kind == "entry"


def test_codes_split_and_plurals_in_ies_meet() -> None:
    assert split_codes(["ecu911", "21st", "oct21"]) == ["ecu", "911", "21st", "oct", "21"]
    assert stem("countries") == stem("country")


@pytest.mark.parametrize(
    "question", ["how do you say hello in spanish", "cómo se dice hola en inglés"]
)
def test_requests_for_something_else_abstain(matcher: Matcher, question: str) -> None:
    assert matcher.answer(question, BEFORE).entry is None


def test_one_known_word_and_one_unknown_is_too_little(matcher: Matcher) -> None:
    assert matcher.answer("how do i learn spanish fast", BEFORE).entry is None
    assert matcher.answer("is there wi-fi at ecu 911", BEFORE).entry == "wifi"
