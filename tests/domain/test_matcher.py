"""What the matcher answers: entries, schedule answers and honest abstentions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.domain.knowledge import iter_entry_ids, load_knowledge
from bot.domain.matcher import Matcher

ROOT = Path(__file__).resolve().parents[2]

BEFORE = dt.datetime(2015, 10, 10, 12, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
MONDAY = BEFORE.replace(day=19)


@pytest.mark.parametrize(
    "question",
    ["", "   ", "the", "what", "security", "seguridad", "citizen", "¿?", "el de la"],
)
def test_generic_words_alone_never_answer(matcher: Matcher, question: str) -> None:
    assert matcher.answer(question, BEFORE).kind == "abstain"


@pytest.mark.parametrize(
    "question",
    [
        "What is the capital of France?",
        "weather in Paris",
        "how is the weather in Quito?",
        "a recipe for empanadas",
        "who won the football game",
        "asdfgh",
        "¿cuántos habitantes tiene Quito?",
        "what's the weather like tomorrow?",
    ],
)
def test_off_topic_questions_abstain(matcher: Matcher, question: str) -> None:
    reply = matcher.answer(question, MONDAY)
    assert (reply.kind, reply.entry) == ("abstain", None)
    assert 1 <= len(reply.suggestions) <= 3
    assert set(reply.suggestions) <= set(iter_entry_ids(matcher.kb))


def test_nothing_close_suggests_the_programme_dates_and_venues(matcher: Matcher) -> None:
    assert matcher.answer("asdfgh", BEFORE).suggestions == ("components", "dates", "venues")


def test_a_vague_question_suggests_the_likeliest_entries(matcher: Matcher) -> None:
    assert "about" in matcher.answer("security", BEFORE).suggestions


def test_answers_in_the_language_of_the_question(matcher: Matcher) -> None:
    assert matcher.answer("donde es la clinica", BEFORE).lang == "es"
    assert matcher.answer("where is the clinic", BEFORE, hint="es").lang == "en"


def test_lang_forces_and_hint_breaks_ties(matcher: Matcher) -> None:
    assert matcher.answer("where is the clinic", BEFORE, lang="es").lang == "es"
    assert matcher.answer("wifi", BEFORE, hint="es").lang == "es"
    assert matcher.answer("wifi", BEFORE, hint="en").lang == "en"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("wehre is the clinc", "clinic"),
        ("cuando es el dialogo", "dialogue"),
        ("visita de campo", "field-visit"),
        ("registraton", "registration"),
        ("Hola, ¿dónde es la clínica?", "clinic"),
    ],
)
def test_typos_accents_synonyms_and_greetings(matcher: Matcher, question: str, entry: str) -> None:
    assert matcher.answer(question, BEFORE).entry == entry


def test_a_topic_with_a_day_answers_the_topic(matcher: Matcher) -> None:
    reply = matcher.answer("is the clinic tomorrow?", MONDAY)
    assert (reply.kind, reply.entry) == ("entry", "clinic")


def test_a_day_alone_answers_from_the_schedule(matcher: Matcher) -> None:
    reply = matcher.answer("what's on tomorrow?", MONDAY)
    assert (reply.kind, reply.entry, reply.relative) == ("schedule", "subregional", "tomorrow")
    assert reply.day == dt.date(2015, 10, 20)
    assert reply.sessions == ("subregional",)


def test_an_empty_day_is_a_schedule_answer_without_sessions(matcher: Matcher) -> None:
    # (The shipped KB's empty Thursday gets its FAQ, see spare-day below.)
    reply = matcher.answer("¿qué hay hoy?", MONDAY.replace(day=17))
    assert (reply.kind, reply.entry, reply.sessions) == ("schedule", "schedule", ())
    assert reply.day == dt.date(2015, 10, 17)


def test_where_and_when_about_a_day_stay_schedule_answers(matcher: Matcher) -> None:
    reply = matcher.answer("¿dónde es lo de mañana?", MONDAY)
    assert (reply.kind, reply.sessions) == ("schedule", ("subregional",))


def test_an_unknown_topic_with_a_day_abstains(matcher: Matcher) -> None:
    assert matcher.answer("is there a party tonight?", MONDAY).kind == "abstain"


def test_scores_stay_between_0_and_100(matcher: Matcher) -> None:
    for question in ("clinic", "where", "the", "asdf", "what's next", "hola"):
        assert 0.0 <= matcher.answer(question, BEFORE).score <= 100.0


def test_pasted_markup_and_stray_letters_are_not_words(matcher: Matcher) -> None:
    assert matcher.answer("<b>where</b> is the clinic & the <script>?", BEFORE).entry == "clinic"
    assert matcher.answer("x where is the clinic b", BEFORE).entry == "clinic"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # What would be brought along is the topic: one the KB never mentions is not covered.
        ("¿puedo traer a mi perro a la noche social?", None),
        ("can I bring my laptop to the pandas workshop?", None),
        ("can I bring my own lunch?", "lunch-1"),
        # A task asked of the assistant, and a later edition the KB never names.
        ("can you translate the maps talk into French for me?", None),
        ("is there a social evening in 2031?", None),
        ("when is the social evening?", "social"),
    ],
)
def test_coverage_of_what_is_really_asked(question: str, entry: str | None) -> None:
    kb = load_knowledge(ROOT / "tests" / "domain" / "kbs" / "timed.yaml")
    assert Matcher(kb).answer(question, dt.datetime(2026, 3, 10, 9, 0)).entry == entry


@pytest.mark.parametrize("question", ["quando é a festa?", "¿dónde es la fiesta?"])
def test_everyday_conference_words_meet_across_languages(question: str) -> None:
    # The KB calls it an "after-party" in every language; "festa" and "fiesta" still find it.
    kb = load_knowledge(ROOT / "examples" / "sao-paulo-devfest" / "knowledge")
    assert Matcher(kb).answer(question, dt.datetime(2027, 11, 10, 10, 0)).entry == "after-party"


def test_a_verb_after_a_clitic_is_no_topic_the_kb_lacks() -> None:
    kb = load_knowledge(ROOT / "tests" / "domain" / "kbs" / "timed.yaml")
    reply = Matcher(kb).answer("¿cómo me conecto a internet aquí?", dt.datetime(2026, 3, 10, 9))
    assert reply.entry == "wifi"


def test_the_first_session_of_a_topic_on_a_day() -> None:
    kb = load_knowledge(ROOT / "examples" / "sao-paulo-devfest" / "knowledge")
    reply = Matcher(kb).answer(
        "What's the first mobile talk on Saturday?", dt.datetime(2027, 11, 10)
    )
    assert reply.entry == "swiftui-compose"


@pytest.mark.parametrize(
    "question", ["¿quién va a hablar sobre mapas?", "¿de qué va a tratar la charla de mapas?"]
)
def test_a_framing_verb_in_the_infinitive_is_still_framing(question: str) -> None:
    kb = load_knowledge(ROOT / "tests" / "domain" / "kbs" / "timed.yaml")
    assert Matcher(kb).answer(question, dt.datetime(2026, 3, 9, 10)).entry == "maps-talk"


@pytest.mark.parametrize(
    "question", ["¿hay alguna charla ahora?", "tá rolando alguma palestra agora?"]
)
def test_a_session_noun_and_a_time_ask_for_any_session_then(question: str) -> None:
    # The KB's FAQ about recorded talks mentions talks; it is not what is asked.
    kb = load_knowledge(ROOT / "examples" / "sao-paulo-devfest" / "knowledge")
    reply = Matcher(kb).answer(question, dt.datetime(2027, 11, 12, 10, 40))
    assert reply.kind == "schedule" and reply.relative == "now"


@pytest.mark.parametrize(
    "question", ["a palestra de flutter já começou?", "has the flutter talk started?"]
)
def test_a_start_asked_in_the_past_tense(question: str) -> None:
    kb = load_knowledge(ROOT / "examples" / "sao-paulo-devfest" / "knowledge")
    assert Matcher(kb).answer(question, dt.datetime(2027, 11, 12, 10, 40)).entry == "flutter-web"


@pytest.mark.parametrize(
    "question",
    ["¿desde cuándo existe la iniciativa del BID?", "desde quando existe a iniciativa do BID?"],
)
def test_an_existence_verb_beside_the_organiser_is_no_topic_of_its_own(
    matcher: Matcher, question: str
) -> None:
    assert matcher.answer(question, BEFORE).entry == "initiative"


def test_what_one_would_bring_along_is_what_is_asked() -> None:
    kb = load_knowledge(ROOT / "examples" / "bogota-tech" / "knowledge")
    question = "Queremos ir al taller de series de tiempo, pero no sé si hay que llevar computador."
    assert Matcher(kb).answer(question, dt.datetime(2027, 9, 13, 10)).entry == "laptop"


def test_a_greeting_beside_a_day_question_is_no_topic() -> None:
    kb = load_knowledge(ROOT / "examples" / "sao-paulo-devfest" / "knowledge")
    question = "bom dia, o credenciamento de sábado começa que horas?"
    assert Matcher(kb).answer(question, dt.datetime(2027, 11, 12, 10, 40)).entry == (
        "d2-credenciamento"
    )


def _timed_with(tmp_path: Path, extra: str, end: str = "2026-03-11") -> Matcher:
    """The timed KB with more FAQs appended (`extra`: YAML items under faqs:), ending `end`."""
    text = (ROOT / "tests" / "domain" / "kbs" / "timed.yaml").read_text(encoding="utf-8")
    text = text.replace("end_date: 2026-03-11", f"end_date: {end}")
    path = tmp_path / "kb.yaml"
    path.write_text(text.rstrip("\n") + "\n" + extra, encoding="utf-8")
    return Matcher(load_knowledge(path))


_HELP_DESK = """  - id: help-desk
    questions: {en: [where is the help desk?], es: [¿dónde está la mesa de ayuda?]}
    keywords: {en: [help, desk, support], es: [ayuda, mesa, soporte]}
    answer: {en: "By the lobby.", es: "Junto al lobby."}
"""


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("hey hey, good afternoon", "greeting"),
        ("hola hola, buenas noches!", "greeting"),
        ("ok, thank you, that was super helpful :)", "thanks"),
        ("great, many thanks for the info", "thanks"),
        ("mil gracias, muy amable", "thanks"),
        ("valeu, muito obrigado pela ajuda!", "thanks"),
        ("help", "help"),
        ("ayuda", "help"),
        ("where is the help desk", "help-desk"),
        ("thanks, and is there wifi?", "wifi"),
    ],
)
def test_a_message_of_manners_alone_is_a_greeting_thanks_or_help(
    tmp_path: Path, question: str, entry: str
) -> None:
    # The KB's help desk lists "help" as a keyword: a bare "help" still asks for help.
    matcher = _timed_with(tmp_path, _HELP_DESK)
    assert matcher.answer(question, dt.datetime(2026, 3, 10, 9)).entry == entry


_SPARE_DAY = """  - id: spare-day
    questions:
      en: [Why is there nothing on Thursday?, Is March 12 a day off?, thursday]
      es: [¿Por qué no hay nada el jueves?, ¿El 12 de marzo es libre?]
    answer: {en: "Thursday 12 is left free for hallway meetings.", es: "El jueves 12 queda libre."}
"""


@pytest.mark.parametrize(
    "question",
    ["anything going on thursday?", "is the 12th a rest day or what", "¿y el jueves qué hay?"],
)
def test_an_empty_day_the_kb_explains_answers_with_that_entry(
    tmp_path: Path, question: str
) -> None:
    # The meetup runs Tuesday to Thursday with nothing listed on Thursday the 12th.
    matcher = _timed_with(tmp_path, _SPARE_DAY, end="2026-03-12")
    assert matcher.answer(question, dt.datetime(2026, 3, 1, 9)).entry == "spare-day"


def test_today_on_an_explained_empty_day_is_that_entry(tmp_path: Path) -> None:
    # Today or tomorrow as for the day named: the FAQ says why ("left free for hallway
    # meetings"), where "nothing is scheduled" says only that.
    matcher = _timed_with(tmp_path, _SPARE_DAY, end="2026-03-12")
    assert matcher.answer("what's on today?", dt.datetime(2026, 3, 12, 9)).entry == "spare-day"
    assert matcher.answer("¿y mañana?", dt.datetime(2026, 3, 11, 9)).entry == "spare-day"
    # A day with sessions is listed, whatever the FAQ says.
    assert matcher.answer("what's on wednesday?", dt.datetime(2026, 3, 1, 9)).kind == "schedule"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("where's the old mill?", "mill"),
        ("where is the lantern bar exactly", "lantern"),
        ("¿dónde queda el bar lantern?", "lantern"),
        ("where is it?", "event"),
    ],
)
def test_a_venue_asked_by_its_name_answers_that_venue(question: str, entry: str) -> None:
    kb = load_knowledge(ROOT / "tests" / "domain" / "kbs" / "venues.yaml")
    assert Matcher(kb).answer(question, dt.datetime(2026, 4, 20, 10)).entry == entry


@pytest.mark.parametrize(
    "question",
    ["Two things: is there wifi? and when is the social evening?",
     "Dos cosas: ¿hay wifi? y ¿cuándo es la noche social?"],
)  # fmt: skip
def test_two_questions_are_answered_in_the_order_asked(question: str) -> None:
    kb = load_knowledge(ROOT / "tests" / "domain" / "kbs" / "timed.yaml")
    reply = Matcher(kb).answer(question, dt.datetime(2026, 3, 1, 9))
    assert (reply.entry, [p.entry for p in reply.parts]) == ("wifi", ["social"])


@pytest.mark.parametrize(
    "question",
    [
        'Sorry to bother you, the programme lists "open data in cities" but I cannot see '
        "where it is held. Could you help?",
        "Perdón, vi «Limpieza de datos» en la agenda y no encuentro el aula, ¿me ayudan?",
    ],
)
def test_a_quoted_title_even_in_part_names_its_session(question: str) -> None:
    kb = load_knowledge(ROOT / "tests" / "domain" / "kbs" / "timed.yaml")
    entry = Matcher(kb).answer(question, dt.datetime(2026, 3, 1, 9)).entry
    assert entry == ("opening-keynote" if "open data" in question else "pandas-workshop")


_LANGUAGES = """  - id: languages
    questions: {en: [what language are the talks in?, is there interpretation?],
                es: [¿en qué idioma son las charlas?, ¿hay traducción simultánea?]}
    keywords: {en: [language, english, spanish, interpretation, translation],
               es: [idioma, inglés, español, interpretación, traducción]}
    answer: {en: "Keynotes are interpreted.", es: "Las plenarias tienen interpretación."}
"""


@pytest.mark.parametrize(
    "question",
    [
        "Me contaron que la conferencia del martes es en inglés y no hablo nada 🙈 "
        "¿van a traducir?",
    ],
)
def test_a_day_told_in_a_story_does_not_outweigh_what_is_asked(
    tmp_path: Path, question: str
) -> None:
    matcher = _timed_with(tmp_path, _LANGUAGES)
    assert matcher.answer(question, dt.datetime(2026, 3, 1, 9)).entry == "languages"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Could you give me Ana Pérez's email? I'd like to invite her to a seminar.", None),
        ("¿me pasas el número de teléfono de Luis Gómez?", None),
        ("how can I contact the organisers?", "event"),
        ("when does Ana Pérez speak?", "opening-keynote"),
    ],
)
def test_a_speakers_own_contact_details_are_not_in_the_kb(question: str, entry: str) -> None:
    kb = load_knowledge(ROOT / "tests" / "domain" / "kbs" / "timed.yaml")
    assert Matcher(kb).answer(question, dt.datetime(2026, 3, 1, 9)).entry == entry


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("best taco spot near the campus for after the social evening?", "abstain"),
        ("any karaoke bars open after the closing?", "abstain"),
        ("what's on after the coffee break?", "schedule"),
    ],
)
def test_a_short_question_about_a_thing_the_kb_never_names_abstains(
    question: str, kind: str
) -> None:
    kb = load_knowledge(ROOT / "tests" / "domain" / "kbs" / "timed.yaml")
    assert Matcher(kb).answer(question, dt.datetime(2026, 3, 10, 9)).kind == kind


_TRIP = """  - id: trip
    questions: {en: [is there a trip on Friday?], es: [¿hay paseo el viernes?]}
    keywords: {en: [trip, excursion, boat], es: [paseo, excursión]}
    answer: {en: "A boat trip on Friday 13 at 9:00, after the meetup.", es: "Paseo el viernes 13."}
"""


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("is there wifi on friday morning?", None),  # the meetup ends on Wednesday
        ("is there wifi on wednesday?", "wifi"),
        ("what time does the boat trip leave on friday morning?", "trip"),  # its own day
    ],
)
def test_an_faq_asked_of_a_day_after_the_event_abstains_unless_it_names_that_day(
    tmp_path: Path, question: str, entry: str | None
) -> None:
    matcher = _timed_with(tmp_path, _TRIP)
    assert matcher.answer(question, dt.datetime(2026, 3, 1, 9)).entry == entry


def test_day_two_in_english_and_el_dia_2_in_spanish(tmp_path: Path) -> None:
    # An event held from the 2nd to the 3rd: English "day 2" is the event's second day, Spanish
    # "el día 2" the 2nd of the month (its first day).
    text = (ROOT / "tests" / "domain" / "kbs" / "timed.yaml").read_text(encoding="utf-8")
    path = tmp_path / "kb.yaml"
    path.write_text(text.replace("2026-03-10", "2026-03-02").replace("2026-03-11", "2026-03-03"))
    matcher = Matcher(load_knowledge(path))
    now = dt.datetime(2026, 2, 20, 10)
    assert matcher.answer("what's on day 2?", now).day == dt.date(2026, 3, 3)
    assert matcher.answer("¿qué hay el día 2?", now).day == dt.date(2026, 3, 2)
