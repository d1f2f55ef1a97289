"""Times of day, "now", "day 2" and a session's neighbours, on a KB with published times."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from bot.domain.clock_words import mark_hours, mark_times
from bot.domain.knowledge import KnowledgeBase, load_knowledge
from bot.domain.language import fold, tokens
from bot.domain.matcher import Matcher
from bot.i18n import Translator
from bot.texts.answers import render_text

ROOT = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2026, 3, 10, 10, 45)  # Tuesday, day 1, during the pandas workshop


@pytest.fixture(scope="module")
def timed() -> KnowledgeBase:
    return load_knowledge(ROOT / "tests" / "domain" / "kbs" / "timed.yaml")


@pytest.fixture(scope="module")
def clock_matcher(timed: KnowledgeBase) -> Matcher:
    return Matcher(timed)


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("a las 10", ["a", "las", "t1000"]),
        ("at 3pm", ["at", "t1500"]),
        ("at 3", ["at", "t1500"]),  # a bare early hour at a conference is the afternoon
        ("15h", ["t1500"]),
        ("10:30", ["t1030"]),
        ("às 14h", ["as", "t1400"]),
        ("a las 5 y media", ["a", "las", "t1730", "the", "the"]),  # half past: minutes 30
        ("às 7 e meia da noite", ["as", "t1930", "the", "the", "da", "noite"]),
        ("a las 4 de la tarde", ["a", "las", "t1600", "de", "la", "tarde"]),
        ("at 9 in the morning", ["at", "t0900", "in", "the", "morning"]),
        ("on the 11 of march", ["on", "the", "11", "of", "march"]),  # a date, not a time
        ("anything at 3:15?", ["anything", "at", "t0315a"]),  # one digit, early: either
        ("a las 4:45", ["a", "las", "t0445a"]),
        ("at 04:45", ["at", "t0445"]),  # two digits: as written
        ("at 9:15", ["at", "t0915"]),
        ("3:15 in the morning", ["t0315", "in", "the", "morning"]),
        ("às 3h15", ["as", "t0315"]),  # the 24-hour "h" is as written
    ],
)
def test_times_of_day_are_marked(text: str, marked: list[str]) -> None:
    assert mark_hours(tokens(mark_times(fold(text)))) == marked


@pytest.mark.parametrize(
    ("question", "sessions", "relative"),
    [
        ("what's on at 11 on day 2?", ("closing",), "at"),  # nothing runs then: the next one
        ("what is on now?", ("pandas-workshop",), "now"),
        ("qué hay ahora", ("pandas-workshop",), "now"),
        ("¿qué hay a las 4?", ("social",), "at"),
        ("what's on at 3pm", ("maps-talk",), "at"),
        ("o que tem às 14h?", ("maps-talk",), "at"),
        ("what's on tonight", ("social",), "window"),
        # Spanish "la tarde" starts after lunch: from 14:00 until the evening.
        ("qué hay esta tarde", ("maps-talk",), "window"),
        ("what's on at 9 tomorrow", ("ml-talk",), "at"),
        ("what's on day 2", ("ml-talk", "closing"), ""),
        ("what's after the coffee break?", ("pandas-workshop",), "after"),
        ("what's before lunch?", ("pandas-workshop",), "before"),
    ],
)
def test_what_is_on_at_a_time(
    clock_matcher: Matcher, question: str, sessions: tuple[str, ...], relative: str
) -> None:
    reply = clock_matcher.answer(question, NOW)
    assert (reply.kind, reply.sessions, reply.relative) == ("schedule", sessions, relative)
    assert reply.entry == sessions[0]


def test_now_after_the_last_session_of_the_day_is_the_next_day(clock_matcher: Matcher) -> None:
    reply = clock_matcher.answer("what's on now?", dt.datetime(2026, 3, 10, 23, 0))
    assert reply.sessions[0] == "ml-talk" and reply.day == dt.date(2026, 3, 11)


def test_a_time_with_nothing_on_says_so(clock_matcher: Matcher, timed: KnowledgeBase) -> None:
    reply = clock_matcher.answer("what's on at 23:00?", NOW)
    assert reply.entry == "schedule"
    text = render_text(reply, timed, Translator(ROOT / "locales"))
    assert text.startswith("Nothing is scheduled on Tuesday 10 March at that time.")


def test_the_answer_names_the_time_room_speakers_and_track(
    clock_matcher: Matcher, timed: KnowledgeBase
) -> None:
    tr = Translator(ROOT / "locales")
    listing = render_text(clock_matcher.answer("¿qué hay a las 4?", NOW), timed, tr)
    assert listing.splitlines()[0] == "Martes 10 de marzo, lo siguiente después de las 16:00:"
    assert "19:00–22:00 Noche social — Campus de Ingeniería, Rooftop bar" in listing
    card = render_text(clock_matcher.answer("who speaks at the opening keynote?", NOW), timed, tr)
    assert "Aula Magna" in card and "Speakers: Ana Pérez (Universidad de los Andes)" in card
    track = render_text(clock_matcher.answer("when is the pandas workshop", NOW), timed, tr)
    assert "Lab 2" in track and "Track: Data science" in track


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("what does Ana talk about at the keynote?", "opening-keynote"),
        ("who is Marta Ruiz", "maps-talk"),
        ("which room is the pandas workshop in?", "pandas-workshop"),
        ("what's in the civic tech track?", "maps-talk"),
        ("where is the roof top bar?", "social"),  # the KB writes it "Rooftop"
        ("¿qué charlas hay en el track de data science?", "pandas-workshop"),
    ],
)
def test_speakers_rooms_and_tracks_name_sessions(
    clock_matcher: Matcher, question: str, entry: str
) -> None:
    assert clock_matcher.answer(question, NOW).entry == entry


@pytest.mark.parametrize(
    ("question", "now", "sessions"),
    [
        ("I arrive on day 2, what do I miss?", NOW, 7),  # all of day 1
        ("I only get in on day 2, what do I miss?", NOW, 7),
        ("llego mañana a las 10, ¿qué me pierdo?", NOW, 8),  # day 1 and the 09:30 talk
        ("I leave at 3pm today, what will I miss?", NOW, 3),
        ("I can only stay until 3pm today, what will I miss?", NOW, 3),
        ("solo me quedo hasta las 3 de la tarde, ¿qué me pierdo hoy?", NOW, 3),
    ],
)
def test_arriving_or_leaving_misses_what_is_before_or_after(
    clock_matcher: Matcher, question: str, now: dt.datetime, sessions: int
) -> None:
    reply = clock_matcher.answer(question, now)
    assert reply.relative == "missed" and len(reply.sessions) == sessions


@pytest.mark.parametrize(
    ("question", "header", "sessions"),
    [
        ("I land on day 2, what will I still catch?", "You can still attend:",
         ["ml-talk", "closing"]),
        ("llego hoy después del almuerzo, ¿qué me pierdo?", "Te perderías:",
         ["welcome", "opening-keynote", "coffee-1", "pandas-workshop", "lunch-1"]),
        ("I arrive today at 11 and leave tomorrow, what can I still attend?",
         "You can still attend:", ["lunch-1", "maps-talk", "social", "ml-talk", "closing"]),
        ("I arrive on day 1 and leave on day 2 at 10, what can I still attend?",
         "You can still attend:", ["welcome", "opening-keynote", "coffee-1", "pandas-workshop",
                                   "lunch-1", "maps-talk", "social", "ml-talk"]),
        ("I arrive today at 2pm, what can I still see that day?", "You can still attend:",
         ["maps-talk", "social"]),
        ("I arrive today at 11, which data science talks will I miss?", "You would miss:",
         ["pandas-workshop"]),
    ],
)  # fmt: skip
def test_an_arrival_or_departure_window_and_its_topic(
    clock_matcher: Matcher, timed: KnowledgeBase, question: str, header: str, sessions: list[str]
) -> None:
    reply = clock_matcher.answer(question, NOW)
    assert list(reply.sessions) == sessions
    assert render_text(reply, timed, Translator(ROOT / "locales")).startswith(header)


def test_what_did_i_miss_yesterday_is_that_days_programme(clock_matcher: Matcher) -> None:
    reply = clock_matcher.answer("what did I miss yesterday?", dt.datetime(2026, 3, 11, 9, 0))
    assert reply.relative == "yesterday" and reply.sessions[0] == "welcome"


@pytest.mark.parametrize(
    ("question", "entry"),
    [("what time does day 2 end?", "closing"), ("when does day 1 start?", "welcome")],
)
def test_a_days_start_and_end(clock_matcher: Matcher, question: str, entry: str) -> None:
    assert clock_matcher.answer(question, NOW).entry == entry


def test_the_coffee_break_meant_is_todays_next_or_last(timed: KnowledgeBase) -> None:
    first = timed.session("coffee-1")
    assert first is not None
    second = dataclasses.replace(
        first, id="coffee-2", date=dt.date(2026, 3, 11),
        start=dt.time(11, 0), end=dt.time(11, 30),
    )  # fmt: skip
    kb = dataclasses.replace(timed, sessions=(*timed.sessions, second))
    matcher = Matcher(kb)
    day_two = dt.datetime(2026, 3, 11, 10, 0)
    assert matcher.answer("what's after the coffee break?", day_two).sessions == ("closing",)
    assert matcher.answer("what's after the coffee break?", NOW).sessions == ("pandas-workshop",)


def test_a_track_lists_its_sessions(clock_matcher: Matcher, timed: KnowledgeBase) -> None:
    reply = clock_matcher.answer("what's in the data science track?", NOW)
    assert reply.sessions == ("pandas-workshop", "ml-talk")
    text = render_text(reply, timed, Translator(ROOT / "locales"))
    assert text.splitlines()[0] == "Track: Data science"


@pytest.mark.parametrize(
    ("question", "sessions"),
    [
        ("what's on between 10 and 12?", ("coffee-1", "pandas-workshop")),
        ("¿qué hay de 2pm a 4?", ("maps-talk",)),
        ("o que tem das 14h às 16h?", ("maps-talk",)),
    ],
)
def test_a_range_of_times_is_a_window(
    clock_matcher: Matcher, question: str, sessions: tuple[str, ...]
) -> None:
    reply = clock_matcher.answer(question, dt.datetime(2026, 3, 10, 8, 0))
    assert (reply.relative, reply.sessions) == ("window", sessions)


def test_a_speakers_sessions_are_listed(clock_matcher: Matcher, timed: KnowledgeBase) -> None:
    reply = clock_matcher.answer("talks by Ana Pérez", NOW)
    assert reply.lang == "en" and reply.sessions == ("opening-keynote", "ml-talk")
    text = render_text(reply, timed, Translator(ROOT / "locales"))
    assert text.splitlines()[0] == "Speakers: Ana Pérez (Universidad de los Andes)"


@pytest.mark.parametrize("question", ["when does hannah teach?", "which session is hannah's?"])
def test_a_speakers_sessions_by_lowercase_first_name_and_role_verb(question: str) -> None:
    kb = load_knowledge(ROOT / "examples" / "small-workshop" / "knowledge")
    reply = Matcher(kb).answer(question, dt.datetime(2027, 1, 1, 9, 0))
    hers = [s.id for s in kb.sessions if any(p.name == "Hannah Pike" for p in s.speakers)]
    assert (reply.kind, sorted(reply.sessions)) == ("schedule", sorted(hers))


@pytest.mark.parametrize(
    ("question", "now", "sessions"),
    [
        ("what's on this afternoon?", dt.datetime(2026, 3, 10, 14, 30), ["maps-talk"]),
        (
            "what's on this afternoon?",
            dt.datetime(2026, 3, 10, 9, 0),
            ["pandas-workshop", "lunch-1", "maps-talk"],
        ),
        ("¿qué hay esta noche?", dt.datetime(2026, 3, 10, 18, 30), ["social"]),
    ],
)
def test_a_part_of_today_asked_during_it_starts_now(
    clock_matcher: Matcher, question: str, now: dt.datetime, sessions: list[str]
) -> None:
    assert list(clock_matcher.answer(question, now).sessions) == sessions


@pytest.mark.parametrize(
    ("question", "now", "sessions"),
    [
        # "after this": the session the sentence before names, the one that began last today.
        ("Just had lunch. What's next after this?", dt.datetime(2026, 3, 10, 14, 5), ["maps-talk"]),
        ("Just had my coffee in the break. What comes after this?",
         dt.datetime(2026, 3, 10, 10, 20), ["pandas-workshop"]),
    ],
)  # fmt: skip
def test_after_this_steps_from_the_session_just_named(
    clock_matcher: Matcher, question: str, now: dt.datetime, sessions: list[str]
) -> None:
    assert list(clock_matcher.answer(question, now).sessions) == sessions


def test_a_step_is_taken_from_the_session_not_an_faq_about_the_same_thing() -> None:
    kb = load_knowledge(ROOT / "examples" / "lima-health" / "knowledge")
    reply = Matcher(kb).answer(
        "o que vem depois da sessão de pôsteres?", dt.datetime(2027, 5, 19, 15, 10)
    )
    assert reply.relative == "after" and reply.entry == "d1-plenaria-amr"


@pytest.mark.parametrize("question", ["what's the schedule?", "¿cuál es el programa?", "agenda"])
def test_the_whole_programme_when_no_entry_says_it(
    clock_matcher: Matcher, timed: KnowledgeBase, question: str
) -> None:
    reply = clock_matcher.answer(question, NOW)
    assert reply.relative == "week" and len(reply.sessions) == 9
    text = render_text(reply, timed, Translator(ROOT / "locales"))
    assert "Closing panel" in text or "Panel de cierre" in text


def test_a_one_day_events_programme_is_its_day() -> None:
    kb = load_knowledge(ROOT / "examples" / "small-workshop" / "knowledge")
    reply = Matcher(kb).answer("what's the programme?", dt.datetime(2027, 3, 1, 9, 0))
    assert reply.kind == "schedule" and reply.day == dt.date(2027, 3, 11) and reply.sessions


def test_of_two_rooms_the_one_named_last_is_asked_about(clock_matcher: Matcher) -> None:
    reply = clock_matcher.answer("I'm in the lobby, what's on in lab 2 now?", NOW)
    assert reply.sessions == ("pandas-workshop",)


def test_who_gives_the_one_session_at_a_time_gets_its_speakers(
    clock_matcher: Matcher, timed: KnowledgeBase
) -> None:
    reply = clock_matcher.answer("who is speaking at 2pm today?", NOW)
    assert (reply.kind, reply.entry) == ("entry", "maps-talk")
    assert "Marta Ruiz" in render_text(reply, timed, Translator(ROOT / "locales"))
    assert clock_matcher.answer("what's on at 2pm?", NOW).kind == "schedule"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # A talk has speakers: the social evening is the day's last session, not its last talk.
        ("what's the last talk on Tuesday?", "maps-talk"),
        ("¿cuál es la última charla del martes?", "maps-talk"),
        ("what's the first talk on Wednesday?", "ml-talk"),
    ],
)
def test_the_first_or_last_session_of_a_day(
    clock_matcher: Matcher, question: str, entry: str
) -> None:
    assert clock_matcher.answer(question, NOW).sessions == (entry,)


def test_a_step_from_a_session_named_only_in_its_summary() -> None:
    kb = load_knowledge(ROOT / "examples" / "bogota-tech" / "knowledge")
    reply = Matcher(kb).answer("what's after the LLM talk?", dt.datetime(2027, 9, 14, 10, 0))
    assert (reply.relative, reply.sessions) == ("after", ("d1-almuerzo",))


@pytest.mark.parametrize(
    "question", ["¿qué simposios hay el jueves?", "quais simpósios tem na quinta?"]
)
def test_a_kind_of_session_on_a_day_lists_those_of_that_kind(question: str) -> None:
    kb = load_knowledge(ROOT / "examples" / "lima-health" / "knowledge")
    reply = Matcher(kb).answer(question, dt.datetime(2027, 5, 17, 10, 0))
    assert reply.sessions == ("d2-simp-chagas", "d2-simp-iaas", "d2-simp-enfermeria")


def test_a_portuguese_weekday_after_na_is_that_day() -> None:
    kb = load_knowledge(ROOT / "examples" / "lima-health" / "knowledge")
    reply = Matcher(kb).answer(
        "chego na quinta à tarde, ainda pego algum simpósio?", dt.datetime(2027, 5, 17)
    )
    assert reply.relative == "catch" and reply.day == dt.date(2027, 5, 20)
    assert all("simp" in s for s in reply.sessions)


def test_a_one_digit_time_is_the_afternoons_when_only_then_something_runs(
    clock_matcher: Matcher,
) -> None:
    # Day 1 runs 08:30 to the evening: "1:45" can only be 13:45; "9:15" is the morning's.
    reply = clock_matcher.answer("anything on at 1:45?", NOW)
    assert (reply.relative, reply.start) == ("at", dt.time(13, 45))
    reply = clock_matcher.answer("what's happening at 9:15?", NOW)
    assert reply.start == dt.time(9, 15)


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("is there anything after 4pm?", dt.time(16), None),
        ("¿qué hay después de las 4 de la tarde?", dt.time(16), None),
        ("tem alguma coisa depois das 16h?", dt.time(16), None),
        ("anything on before 10?", dt.time(0), dt.time(10)),
        # Negated, "before" is when one can first be there.
        ("we can't be there before 4pm, anything on then?", dt.time(16), None),
        ("no llego antes de las 4 de la tarde, ¿hay algo?", dt.time(16), None),
        ("¿no hay nada antes de las 10?", dt.time(0), dt.time(10)),  # no arrival: until 10
    ],
)
def test_after_or_before_a_time_is_a_window_on_that_side(
    clock_matcher: Matcher, timed: KnowledgeBase, question: str, start: dt.time, end: dt.time
) -> None:
    reply = clock_matcher.answer(question, NOW.replace(hour=8))
    assert (reply.relative, reply.start, reply.end) == ("window", start, end)
    text = render_text(reply, timed, Translator(ROOT / "locales"))
    assert ("until 10:00" in text or "hasta las 10:00" in text) == (end is not None)


@pytest.mark.parametrize(
    ("question", "relative", "sessions"),
    [
        # Arriving at night misses that day's sessions, an untimed one too (taken at noon).
        ("I get in on Monday night, what will I miss?", "missed", ("mayors",)),
        ("Chego na segunda à noite. O que eu perco?", "missed", ("mayors",)),
        # "what's left", over the days after: from the arrival on.
        ("I land Tuesday evening, anything left?", "catch", ("harbour-dinner", "dunes",
                                                             "boat-trip", "farewell")),
        ("Llego el martes por la noche, ¿qué me queda?", "catch", ("harbour-dinner", "dunes",
                                                                   "boat-trip", "farewell")),
        # A later day asked in its own sentence: that day only, untimed ones at noon.
        ("I only get there Tuesday night. What can I still catch on Wednesday?", "catch",
         ("dunes", "boat-trip", "farewell")),
        # Leaving early on a day misses that day; the day one only comes for is not the one.
        ("Vengo para el martes y me regreso el miércoles temprano. ¿Qué me pierdo?", "missed",
         ("dunes", "boat-trip", "farewell")),
        ("I'm leaving early on Wednesday, what do I miss?", "missed",
         ("dunes", "boat-trip", "farewell")),
    ],
)  # fmt: skip
def test_an_arrival_or_departure_at_a_part_of_the_day(
    question: str, relative: str, sessions: tuple[str, ...]
) -> None:
    kb = load_knowledge(ROOT / "tests" / "domain" / "kbs" / "trip.yaml")
    reply = Matcher(kb).answer(question, dt.datetime(2026, 5, 20, 10))
    assert (reply.relative, reply.sessions) == (relative, sessions)


def test_leaving_after_a_named_session_answers_that_session() -> None:
    # The farewell is at 16:00: leaving at 6pm misses nothing of it, and its time says so.
    kb = load_knowledge(ROOT / "tests" / "domain" / "kbs" / "trip.yaml")
    matcher = Matcher(kb)
    now = dt.datetime(2026, 5, 20, 10)
    reply = matcher.answer("I leave on Wednesday at 6pm, will I miss the farewell?", now)
    assert (reply.entry, reply.sessions) == ("farewell", ("farewell",))
    reply = matcher.answer("I leave on Wednesday at 3pm, will I miss the farewell?", now)
    assert (reply.relative, reply.sessions) == ("missed", ("farewell",))


def test_after_a_session_with_a_part_of_the_day_steps_from_it(clock_matcher: Matcher) -> None:
    reply = clock_matcher.answer("what's on this afternoon after lunch?", NOW)
    assert (reply.relative, reply.sessions) == ("after", ("maps-talk",))


def test_a_days_listing_puts_an_untimed_session_after_the_timed_ones() -> None:
    kb = load_knowledge(ROOT / "tests" / "domain" / "kbs" / "trip.yaml")
    reply = Matcher(kb).answer("what's on Wednesday?", dt.datetime(2026, 5, 20, 10))
    assert reply.sessions == ("dunes", "farewell", "boat-trip")


@pytest.mark.parametrize("question", ["¿qué sigue después del café?", "o que vem depois do café?"])
def test_after_a_word_of_a_sessions_title_steps_from_that_session(
    clock_matcher: Matcher, question: str
) -> None:
    # "Pausa para el café": "café" is no session noun, but it names that session here.
    reply = clock_matcher.answer(question, NOW.replace(hour=9, minute=50))
    assert (reply.relative, reply.sessions) == ("after", ("pandas-workshop",))


@pytest.mark.parametrize(
    "question",
    ["I can only come from about 9 until noon, which talks can I see?",
     "what's on from 9 until noon tomorrow?"],
)  # fmt: skip
def test_a_hedged_hour_and_noon_make_a_window(clock_matcher: Matcher, question: str) -> None:
    reply = clock_matcher.answer(question, NOW.replace(day=10, hour=7))
    assert (reply.relative, reply.start, reply.end) == ("window", dt.time(9), dt.time(12))
