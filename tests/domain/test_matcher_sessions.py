"""What the matcher answers about sessions asked the way attendees write: a session's place
and time before an FAQ about another side of it, informal spellings, speakers, tracks, "next"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.domain.knowledge import load_knowledge
from bot.domain.matcher import Matcher

ROOT = Path(__file__).resolve().parents[2]
TIMED = ROOT / "tests" / "domain" / "kbs" / "timed.yaml"


def _timed_with(tmp_path: Path, extra: str) -> Matcher:
    """The timed KB with more FAQs appended (`extra`: YAML items under faqs:)."""
    text = TIMED.read_text(encoding="utf-8")
    path = tmp_path / "kb.yaml"
    path.write_text(text.rstrip("\n") + "\n" + extra, encoding="utf-8")
    return Matcher(load_knowledge(path))


_SOCIAL_TICKET = """  - id: social-ticket
    questions:
      en: [how do I buy a ticket for the social evening?, how much is the social evening?]
      es: [¿cómo compro la entrada de la noche social?, ¿cuánto cuesta la noche social?]
    keywords: {en: [ticket, plus-one], es: [entrada, acompañante]}
    answer: {en: "A ticket costs 20 dollars.", es: "La entrada cuesta 20 dólares."}
"""


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Where or when a session is: the session (its place and time), not the FAQ on its price.
        ("where is the social evening?", "social"),
        ("¿dónde es la noche social?", "social"),
        ("what time does the social evening start?", "social"),
        # The FAQ still answers what it owns: the ticket, the price.
        ("where do I buy a ticket for the social evening?", "social-ticket"),
        ("how much is the social evening?", "social-ticket"),
    ],
)
def test_where_or_when_a_session_is_asks_the_session(
    tmp_path: Path, question: str, entry: str
) -> None:
    matcher = _timed_with(tmp_path, _SOCIAL_TICKET)
    assert matcher.answer(question, dt.datetime(2026, 3, 1, 9)).entry == entry


@pytest.mark.parametrize(
    ("question", "day"),
    [
        ("what's on wendesday?", dt.date(2026, 3, 11)),
        ("¿qué hay el mircoles?", dt.date(2026, 3, 11)),
        ("what's on tomorow?", dt.date(2026, 3, 11)),
    ],
)
def test_a_day_typed_with_a_slip_is_still_that_day(question: str, day: dt.date) -> None:
    reply = Matcher(load_knowledge(TIMED)).answer(question, dt.datetime(2026, 3, 10, 9))
    assert reply.kind == "schedule" and reply.day == day


def test_a_word_the_kb_uses_is_no_slip_of_a_day() -> None:
    # "quito" is one letter from nothing the date reader knows; "monday" alone stays Monday.
    reply = Matcher(load_knowledge(TIMED)).answer("population of quito", dt.datetime(2026, 3, 10))
    assert reply.kind == "abstain"


_R_WORKSHOP = """  - id: r-faq
    questions:
      en: [are there places left in the R workshop?]
      es: [¿quedan cupos en el taller de R?]
    keywords: {en: [places, spots], es: [cupos]}
    answer: {en: "Yes, 5 places left.", es: "Sí, quedan 5 cupos."}
"""


def _with_r_workshop(tmp_path: Path) -> Matcher:
    text = (
        TIMED.read_text(encoding="utf-8")
        .replace(
            "title: {en: Data cleaning with pandas, es: Limpieza de datos con pandas}",
            'title: {en: "Workshop: data cleaning with R", es: "Taller: limpieza de datos con R"}\n'
            "    description: {en: Bring a laptop with RStudio., es: Trae un portátil.}",
        )
        .replace(
            "title: {en: Maps for everyone, es: Mapas para todos}",
            'title: {en: "Workshop: maps for everyone", es: "Taller: mapas para todos"}',
        )
    )
    path = tmp_path / "kb.yaml"
    path.write_text(text.rstrip("\n") + "\n" + _R_WORKSHOP, encoding="utf-8")
    return Matcher(load_knowledge(path))


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # A capital letter the KB writes as a word ("with R") names that session.
        ("in which room is the R workshop?", "pandas-workshop"),
        ("taller de R en q sala", "pandas-workshop"),
        ("are there places left in the R workshop?", "r-faq"),
        # What one would bring, said only in a session's description, is asked of it.
        ("do I need to bring a laptop to the R workshop?", "pandas-workshop"),
    ],
)
def test_a_letter_that_names_a_session(tmp_path: Path, question: str, entry: str) -> None:
    reply = _with_r_workshop(tmp_path).answer(question, dt.datetime(2026, 3, 1, 9))
    assert reply.entry == entry


@pytest.mark.parametrize(
    "question",
    [
        "I'm at lunch now, what's next?",
        "estoy en el almuerzo ahora, ¿cuál es la próxima actividad?",
        "hola, estoy en el almuerzo y quería saber cuál es la siguiente sesión y dónde es",
    ],
)
def test_what_is_next_at_a_session_is_what_follows_it(question: str) -> None:
    # 13:00 on the first day, at lunch (12:30-14:00): the maps talk follows, at 14:00.
    reply = Matcher(load_knowledge(TIMED)).answer(question, dt.datetime(2026, 3, 10, 13))
    assert reply.kind == "schedule" and reply.sessions[0] == "maps-talk"


def test_the_next_of_a_named_kind_is_not_what_follows_it() -> None:
    # "the next coffee break" is a coffee break, not the session after one.
    reply = Matcher(load_knowledge(TIMED)).answer(
        "when is the next coffee break?", dt.datetime(2026, 3, 10, 9)
    )
    assert reply.entry == "coffee-1"


@pytest.mark.parametrize(
    "question",
    [
        "Hi, my manager asked me whether Ana Pérez from the Universidad de los Andes is "
        "speaking at the event and on which days, could you tell me?",
        "Hola, mi jefe me preguntó si Ana Pérez de la Universidad de los Andes va a hablar "
        "y en qué días, ¿me ayudas?",
    ],
)
def test_a_speaker_asked_with_affiliation_in_a_story(question: str) -> None:
    reply = Matcher(load_knowledge(TIMED)).answer(question, dt.datetime(2026, 3, 1, 9))
    assert reply.kind == "schedule" and reply.sessions == ("opening-keynote", "ml-talk")


def test_a_track_named_by_most_of_its_words(tmp_path: Path) -> None:
    text = TIMED.read_text(encoding="utf-8").replace(
        "track: Civic tech", "track: Civic tech and cities"
    )
    path = tmp_path / "kb.yaml"
    path.write_text(text, encoding="utf-8")
    matcher = Matcher(load_knowledge(path))
    reply = matcher.answer(
        "Which sessions are on the civic tech track, and are they in English?",
        dt.datetime(2026, 3, 1, 9),
    )
    assert reply.kind == "schedule" and reply.sessions == ("maps-talk",)


@pytest.mark.parametrize(
    "question",
    [
        "My boss asked me who organises this meetup and if there is an email to ask for an "
        "invitation letter, can you help?",
        "Mi jefe me preguntó quién organiza este encuentro y si hay un correo para pedir una "
        "carta de invitación, ¿me ayudan?",
    ],
)
def test_a_reported_question_and_a_second_joined_by_if(question: str) -> None:
    # What the boss asked is the question; "and if there is..." is a second one.
    reply = Matcher(load_knowledge(TIMED)).answer(question, dt.datetime(2026, 3, 1, 9))
    assert (reply.entry, reply.aspect) == ("event", "event:organiser")


def test_a_long_sentence_holding_a_phrasing_whole_answers_with_it() -> None:
    # The FAQ asks "¿hay transporte desde el aeropuerto?"-like things; the story around it
    # ("my delegation will need...") dilutes the score, not what is asked.
    matcher = Matcher(load_knowledge(ROOT / "knowledge"))
    question = (
        "Bom dia, minha delegação vai precisar de transporte do aeroporto até o hotel, "
        "tem traslado?"
    )
    assert matcher.answer(question, dt.datetime(2015, 10, 10)).entry == "transport"


def _two_venues(tmp_path: Path) -> Matcher:
    """The timed KB with a second venue, the Old Town Hall, where the social evening is."""
    text = TIMED.read_text(encoding="utf-8")
    text = text.replace(
        "sessions:\n",
        "  - id: hall\n    name: {en: Old Town Hall, es: Antiguo Ayuntamiento}\n"
        "    address: Carrera 7 No. 10-20\nsessions:\n",
        1,
    ).replace("    venue: campus\n    room: Rooftop bar", "    venue: hall\n    room: Rooftop bar")
    path = tmp_path / "kb.yaml"
    path.write_text(text, encoding="utf-8")
    return Matcher(load_knowledge(path))


@pytest.mark.parametrize(
    ("question", "aspect"),
    [
        ("entonces todo es en el Campus de Ingeniería, ¿no?", "event:where"),
        (
            "so everything is at the Engineering Campus except Tuesday evening, right?",
            "event:where",
        ),
        # A word the KB never uses beside the venue is another question: it abstains.
        ("so the Old Town Hall has a spa, right?", ""),
    ],
)
def test_a_claim_of_where_everything_is_answers_where_things_are(
    tmp_path: Path, question: str, aspect: str
) -> None:
    reply = _two_venues(tmp_path).answer(question, dt.datetime(2026, 3, 1))
    assert reply.aspect == aspect


@pytest.mark.parametrize(
    "question",
    [
        "so the social evening is at the Old Town Hall and not at the Engineering Campus, right?",
        "entonces la noche social es en el Antiguo Ayuntamiento y no en el Campus de "
        "Ingeniería, ¿cierto?",
        # One word of a venue's name after "en el" names it too; "o sea", "sino" are no topics.
        "o sea que la noche social no es en el campus sino en el ayuntamiento, ¿cierto?",
    ],
)
def test_venues_named_in_a_confirmation_are_the_claim_not_the_topic(
    tmp_path: Path, question: str
) -> None:
    reply = _two_venues(tmp_path).answer(question, dt.datetime(2026, 3, 1))
    assert reply.entry == "social"


_PARKING = """  - id: parking
    questions: {en: [is there parking?], es: [¿hay estacionamiento?]}
    answer: {en: "Parking costs 5 dollars a day.", es: "El estacionamiento cuesta 5 dólares."}
"""


@pytest.mark.parametrize(
    "question",
    [
        "I'm driving in on Tuesday, is there somewhere to leave the car?",
        "voy en carro el martes, ¿hay dónde dejar el carro cerca?",
    ],
)
def test_leaving_the_car_asks_for_parking(tmp_path: Path, question: str) -> None:
    matcher = _timed_with(tmp_path, _PARKING)
    assert matcher.answer(question, dt.datetime(2026, 3, 1, 9)).entry == "parking"


@pytest.mark.parametrize(
    "question",
    [
        "Hello, we stay until Tuesday. Do the Gold Museum and Monserrate open on Sunday?",
        "Hola, me quedo hasta el martes. ¿El Museo del Oro y Monserrate abren el domingo?",
        "Hi, I'll be there on Tuesday. Is Monserrate open in the evening?",
    ],
)
def test_a_statement_does_not_answer_for_a_question_about_something_else(
    question: str,
) -> None:
    # The stay names a day of the programme; the question asks about places the KB never names.
    reply = Matcher(load_knowledge(TIMED)).answer(question, dt.datetime(2026, 3, 1))
    assert reply.kind == "abstain"


@pytest.mark.parametrize(
    "question",
    [
        "como chego da rodoviária até o local?",
        "como faço para chegar do hotel até o local do evento?",
    ],
)
def test_where_a_trip_starts_in_portuguese_is_no_topic(question: str) -> None:
    # "da rodoviária", "do hotel": the origin, as "desde" is; the way to the venue is asked.
    kb = load_knowledge(ROOT / "examples" / "sao-paulo-devfest" / "knowledge")
    reply = Matcher(kb).answer(question, dt.datetime(2027, 11, 1))
    assert reply.aspect == "venue:directions"


def test_a_word_one_letter_short_of_a_day_at_its_start_is_no_slip() -> None:
    # "artes" is "martes" without its first letter: arts, not Tuesday.
    matcher = Matcher(load_knowledge(TIMED))
    assert matcher.answer("¿hay algo de artes?", dt.datetime(2026, 3, 1)).kind == "abstain"
    assert matcher.answer("¿hay algo el martes?", dt.datetime(2026, 3, 1)).kind == "schedule"


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("entonces el panel de cierre es el miércoles, ¿no?", "yes"),
        ("entonces el panel de cierre es el martes, ¿no?", "no"),
    ],
)
def test_no_as_a_tag_asks_to_confirm(question: str, verdict: str) -> None:
    reply = Matcher(load_knowledge(TIMED)).answer(question, dt.datetime(2026, 3, 1))
    assert (reply.entry, reply.verdict) == ("closing", verdict)


def test_a_ponencia_is_a_session_noun(tmp_path: Path) -> None:
    # "la ponencia sobre X" asks of the session on X, whatever else speaks of talks.
    text = TIMED.read_text(encoding="utf-8").replace(
        "title: {en: Maps for everyone, es: Mapas para todos}",
        "title: {en: OpenStreetMap for everyone, es: OpenStreetMap para todos}",
    )
    path = tmp_path / "kb.yaml"
    path.write_text(text.rstrip("\n") + "\n" + _R_WORKSHOP, encoding="utf-8")
    matcher = Matcher(load_knowledge(path))
    reply = matcher.answer("la ponencia sobre openstreetmap a qué hora es", dt.datetime(2026, 3, 1))
    assert reply.entry == "maps-talk"


@pytest.mark.parametrize(
    "question", ["where do I pick up my lanyard?", "¿dónde se recoge el lanyard?"]
)
def test_where_asked_of_words_only_a_session_summary_holds(tmp_path: Path, question: str) -> None:
    text = TIMED.read_text(encoding="utf-8").replace(
        "title: {en: Welcome and registration, es: Bienvenida y registro}",
        "title: {en: Welcome and registration, es: Bienvenida y registro}\n"
        "    summary: {en: Pick up your lanyard and a coffee., es: Recoge tu lanyard y un café.}",
    )
    path = tmp_path / "kb.yaml"
    path.write_text(text, encoding="utf-8")
    reply = Matcher(load_knowledge(path)).answer(question, dt.datetime(2026, 3, 1))
    assert reply.entry == "welcome"


@pytest.mark.parametrize(
    "question",
    ["is the field visit of the clinic on the 21st?", "a visita de campo da clínica é no dia 21?"],
)
def test_a_part_of_a_dated_session_is_on_its_day(question: str) -> None:
    # The shipped KB's field visit is part of the clinic (21 October) with no date of its own.
    matcher = Matcher(load_knowledge(ROOT / "knowledge"))
    assert matcher.answer(question, dt.datetime(2015, 10, 10)).entry == "field-visit"


@pytest.mark.parametrize(
    "question",
    [
        "on Wednesday after lunch we go to the campus, right?",
        "el miércoles después del almuerzo vamos al campus, ¿cierto?",
    ],
)
def test_a_confirmation_checks_the_namesake_on_the_day_it_states(
    tmp_path: Path, question: str
) -> None:
    # A lunch each day: Wednesday's is the one stated, and it is on Wednesday.
    text = TIMED.read_text(encoding="utf-8").replace(
        "  - id: closing\n",
        "  - id: lunch-2\n    title: {en: Lunch, es: Almuerzo}\n    date: 2026-03-11\n"
        '    start: "12:30"\n    end: "14:00"\n    venue: campus\n  - id: closing\n',
    )
    path = tmp_path / "kb.yaml"
    path.write_text(text, encoding="utf-8")
    reply = Matcher(load_knowledge(path)).answer(question, dt.datetime(2026, 3, 1))
    assert (reply.entry, reply.verdict) == ("lunch-2", "yes")
