"""Words read beside others: day abbreviations and offsets, free days, editions, rooms, money."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.domain.cues import SessionWords, day_off_words, session_step
from bot.domain.cues import rewrite as rewrite_words
from bot.domain.dates import DateReader
from bot.domain.matcher import Matcher

TUESDAY = dt.datetime(2015, 10, 20, 10, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
READER = DateReader(dt.date(2015, 10, 19), dt.date(2015, 10, 23))


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("whats on wed", 21),
        ("que hay el vie", 23),
        ("thurs", 22),
        ("in 2 days", 22),
        ("dentro de tres dias", 23),
        ("two days from now", 22),
        ("dos dias despues", 22),
        ("in a couple of days", 22),
        ("next thursday", 22),
        ("next monday", 26),  # the event's Monday has passed: the coming one
    ],
)
def test_abbreviations_and_offsets_name_a_day(words: str, day: int) -> None:
    when = READER.read(words.split(), TUESDAY.date())
    assert when is not None and when.day == dt.date(2015, 10, day)


@pytest.mark.parametrize("words", ["the programme of 5 days", "how many days", "3 days long"])
def test_a_count_of_days_alone_is_no_date(words: str) -> None:
    assert READER.read(words.split(), TUESDAY.date()) is None


def test_rewrite_keeps_positions_and_reads_words_beside_sessions(matcher: Matcher) -> None:
    def rewrite(words: list[str]) -> list[str]:
        return rewrite_words(words, 2015, matcher.vocab.session_words)

    assert rewrite(["where", "was", "the", "first", "clinic"])[3] == "previous"
    assert rewrite(["the", "seventh", "clinic"])[1] == "seventh"  # this edition's own number
    assert rewrite(["the", "fifth", "question", "of", "the", "clinic"])[1] == "fifth"
    assert rewrite(["numero", "de", "sala", "del", "dialogo"]) == [
        "the",
        "the",
        "venue",
        "del",
        "dialogo",
    ]
    assert rewrite(["book", "a", "room"]) == ["book", "a", "room"]
    assert rewrite(["is", "it", "over"])[2] == "end"
    assert rewrite(["acabo", "de", "llegar"])[0] == "acabo"


def test_day_off_words_only_when_a_free_day_is_asked() -> None:
    assert day_off_words(["why", "is", "there", "nothing"]) == frozenset({0, 3})
    assert day_off_words(["what", "happens"]) == frozenset()
    assert day_off_words(["kick", "off"]) == frozenset()


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("is thursday free?", "day-22"),  # the KB explains its empty Thursday in an FAQ
        ("el jueves hay descanso?", "day-22"),
        ("is friday free", "advisory"),
        ("is the clinic free", "cost"),
        ("where was the second dialogue", "history-dialogues"),
        ("la primera clínica dónde fue", "history-clinics"),
        ("what room is the dialogue in", "dialogue"),
        ("how much is a room at the jw marriott", "accommodation"),
        ("tomorrow's room?", "clinic"),
        ("is wednesday busy", "clinic"),
        ("where was the clinic last year", "history-clinics"),
        ("is there a day off during the week", "day-22"),
        ("hotel room tonight", "accommodation"),
        ("ayúdame", "help"),
        ("is it over?", "dates"),
        ("what is the first session", "dialogue"),
        ("en qué país fue el primer diálogo", "history-dialogues"),
        ("why no events on oct 22", "day-22"),  # the KB says why, in an FAQ
    ],
)
def test_words_beside_others_pick_the_entry(matcher: Matcher, question: str, entry: str) -> None:
    assert matcher.answer(question, TUESDAY).entry == entry


@pytest.mark.parametrize(
    "question",
    [
        "what's the exchange rate",
        "tipo de cambio",
        "interest rates at the bank",
        "how much is a taxi to the old town",
        "what currency do they use",
        "best time to visit quito",
        "is the marriott gym free",
    ],
)
def test_money_questions_outside_the_event_abstain(matcher: Matcher, question: str) -> None:
    assert matcher.answer(question, TUESDAY).kind == "abstain"


@pytest.mark.parametrize(
    ("question", "sessions", "relative"),
    [
        ("what's after the clinic?", ("advisory",), "next"),
        ("¿qué viene después del diálogo?", ("subregional",), "next"),
        ("que hay tras la visita", ("advisory",), "next"),
        ("what comes after the donors meeting?", ("dialogue", "subregional", "clinic"), "week"),
        ("what's before the donors meeting?", ("clinic",), ""),
    ],
)
def test_after_a_session_is_the_following_sessions_day(
    matcher: Matcher, question: str, sessions: tuple[str, ...], relative: str
) -> None:
    reply = matcher.answer(question, TUESDAY)
    assert reply.kind == "schedule" and reply.relative == relative
    assert reply.sessions[: len(sessions)] == sessions


def test_other_years_next_year_and_another_name_other_editions(matcher: Matcher) -> None:
    def rewrite(words: list[str], year: int) -> list[str]:
        return rewrite_words(words, year, matcher.vocab.session_words)

    assert rewrite(["was", "there", "a", "clinic", "in", "2013"], 2015)[-1] == "previous"
    assert rewrite(["the", "2015", "clinic"], 2015)[1] == "2015"
    assert "previous" in rewrite(["habra", "otra", "clinica", "el", "proximo", "ano"], 2015)
    assert "2013" in rewrite(["what", "happened", "in", "2013"], 2015)  # no edition named


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("how much is a night at the Marriott?", "accommodation"),
        ("cuanto sale una noche en el hotel", "accommodation"),
        ("what year was it", "dates"),
        ("en que año fue", "dates"),
        ("cuantos años tienes", None),
    ],
)
def test_hotel_nights_and_which_year(matcher: Matcher, question: str, entry: str | None) -> None:
    assert matcher.answer(question, TUESDAY).entry == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("what year did the clinics start?", "history-clinics"),
        ("will there be an 8th clinic?", "history-clinics"),
        ("what year is the clinic?", "clinic"),
        ("will it happen again?", "history-clinics"),
        ("whats the dialogue about again", "dialogue"),
        ("¿cuánto dura la clínica?", "clinic"),
        ("how long is the week?", "dates"),
        ("who's the host?", "organiser"),
        ("xq el bid hace esto", "why"),
        ("¿por qué el bid hace esto?", "why"),
        ("kien organiza", "organiser"),
        ("when is this whole thing happening?", "dates"),
        ("anything happening?", "subregional"),
        ("how can I stay updated?", "follow"),
        ("kuales son los pilares", "pillars"),
        ("so uh what's the clinic even about", "clinic"),
        ("ok but like who's invited", "audience"),
        ("can u send me the slides", "materials"),
        ("Which dialogue was sub-regional?", "history-dialogues"),
    ],
)
def test_when_clinics_began_and_later_editions(matcher: Matcher, question: str, entry: str) -> None:
    assert matcher.answer(question, TUESDAY).entry == entry


@pytest.mark.parametrize(
    "question",
    [
        "how do I prevent my car from being stolen?",
        "¿dónde queda la sede del BID en Washington?",
        "¿qué idioma se habla en Ecuador?",
        "what language do they speak in Quito?",
        "what's the IDB's annual budget?",
    ],
)
def test_near_misses_about_the_country_or_the_bank_abstain(matcher: Matcher, question: str) -> None:
    assert matcher.answer(question, TUESDAY).entry is None


def test_session_nouns_and_editions_come_from_the_titles(matcher: Matcher) -> None:
    words = SessionWords.from_kb(matcher.kb)
    assert words.names_session("clinics") and words.names_session("dialogo")
    assert words.numbers_edition("clinic") == 7 and words.numbers_edition("dialogue") == 3
    assert SessionWords().numbers_edition("clinic") is None  # no KB, no such session


def test_behind_is_no_step_after_a_session() -> None:
    # Portuguese "por trás da clínica" is behind it; Spanish "tras la visita" is after it.
    assert session_step(["quem", "esta", "por", "tras", "da", "oficina"]) == 0
    assert session_step(["que", "hay", "tras", "la", "charla"]) == 1
