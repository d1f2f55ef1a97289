"""Long messages: greetings and sign-offs dropped, each question answered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.domain.knowledge import load_knowledge
from bot.domain.matcher import Matcher
from bot.domain.sentences import asks, confirms, salutes, split_sentences
from bot.i18n import Translator
from bot.texts.answers import render_text

ROOT = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2026, 3, 10, 9, 0)


def test_a_message_splits_into_sentences_and_questions() -> None:
    text = (
        "Dear organisers, greetings from Lima. I would like to know the address. Best regards, Ana"
    )
    sentences = split_sentences(text)
    assert sentences == [
        "Dear organisers, greetings from Lima.",
        "I would like to know the address.",
        "Best regards, Ana",
    ]
    assert [asks(s) for s in sentences] == [False, True, False]
    assert split_sentences("¿dónde? ¿cuándo?") == []  # one-word fragments are not read alone


def test_clauses_joined_by_and_are_separate_questions() -> None:
    text = "where's the social evening and what's the wifi password?"
    assert split_sentences(text) == [text]
    assert split_sentences(text, clauses=True) == [
        "where's the social evening",
        "what's the wifi password?",
    ]
    assert salutes("Estimados organizadores:") and not salutes("¿dónde es?")


def test_a_formal_email_is_answered_from_its_question() -> None:
    kb = load_knowledge(ROOT / "tests" / "domain" / "kbs" / "timed.yaml")
    reply = Matcher(kb).answer(
        "Dear organisers, I hope this finds you well. My team is travelling from Quito. "
        "I would like to know who is speaking at the opening keynote. Best regards, Ana",
        NOW,
    )
    assert reply.entry == "opening-keynote"


def test_each_question_of_a_message_is_answered() -> None:
    kb = load_knowledge(ROOT / "tests" / "domain" / "kbs" / "timed.yaml")
    reply = Matcher(kb).answer("Where is the pandas workshop and is there wifi?", NOW)
    assert {reply.entry, *(p.entry for p in reply.parts)} == {"pandas-workshop", "wifi"}
    text = render_text(reply, kb, Translator(ROOT / "locales"))
    assert "Lab 2" in text and "Network: AndesData" in text


@pytest.mark.parametrize(
    ("question", "entry", "first_line"),
    [
        ("lunch is at 12:30, right?", "lunch-1", "Yes."),
        ("lunch is at 1, right?", "lunch-1", "No."),
        ("the maps talk is tomorrow, right?", "maps-talk", "No."),
        ("Andes Data Days is on 10 and 11 March, right?", "event", "Yes."),
        ("the event is on 12 March, right?", "event", "No."),
        ("la noche social es el martes, ¿verdad?", "social", "Sí."),
        ("the maps talk is on Wednesday the 11th, right?", "maps-talk", "No."),
    ],
)
def test_a_confirmation_gets_yes_or_no_with_the_facts(
    question: str, entry: str, first_line: str
) -> None:
    kb = load_knowledge(ROOT / "tests" / "domain" / "kbs" / "timed.yaml")
    reply = Matcher(kb).answer(question, NOW)
    text = render_text(reply, kb, Translator(ROOT / "locales"))
    assert reply.entry == entry and text.splitlines()[0] == first_line


def test_a_question_without_topic_asks_of_the_sentence_before() -> None:
    kb = load_knowledge(ROOT / "tests" / "domain" / "kbs" / "timed.yaml")
    reply = Matcher(kb).answer(
        "My team loves civic data and we will come to Maps for everyone. When is it?", NOW
    )
    assert reply.entry == "maps-talk"


def test_a_reason_after_the_question_is_a_clause_of_its_own() -> None:
    text = "Will the talks be recorded, so the rest of the team can watch them later?"
    assert split_sentences(text, clauses=True) == [
        "Will the talks be recorded",
        "the rest of the team can watch them later?",
    ]
    assert split_sentences("qual a sala do codelab porque quero assistir", clauses=True) == [
        "qual a sala do codelab",
        "quero assistir",
    ]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("estoy armando el presupuesto y necesito saber cuántos días dura el evento",
         "cuántos días dura el evento"),
        # ...whether it asks "whether", and when someone else asks it through the writer.
        ("Before we book, we would need to know whether there is a fee",
         "whether there is a fee"),
        ("Um colega me pergunta se vai ter certificado", "se vai ter certificado"),
        ("Me preguntaba si las charlas se graban", "si las charlas se graban"),
        ("desde la Cancillería nos consultan quiénes serán los expositores",
         "quiénes serán los expositores"),
        ("we have to find out how we register", "how we register"),
    ],
)  # fmt: skip
def test_what_follows_a_wish_to_know_is_the_question(text: str, asked: str) -> None:
    assert split_sentences(text, clauses=True)[-1] == asked


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # The story names a session; the question asks about another one.
        ("Estoy armando mi agenda para el martes. En la mañana quiero ir al taller de limpieza"
         " de datos con pandas. ¿A qué hora es la charla de mapas?", "maps-talk"),
        ("I am planning my Tuesday: the pandas workshop in the morning, then lunch. Who gives"
         " the maps talk?", "maps-talk"),
        ("I will attend the opening keynote about open data. When is the machine learning"
         " talk?", "ml-talk"),
        # The question only points back at the story: the story's session answers.
        ("My team loves civic data and we will come to Maps for everyone. Where is it?",
         "maps-talk"),
    ],
)  # fmt: skip
def test_the_sentence_that_asks_wins_over_the_story(question: str, entry: str) -> None:
    kb = load_knowledge(ROOT / "tests" / "domain" / "kbs" / "timed.yaml")
    assert Matcher(kb).answer(question, NOW).entry == entry


@pytest.mark.parametrize(
    ("sentence", "confirm", "salute"),
    [
        ("a festa é no sábado, confere?", True, False),  # each language's tags
        ("o almoço é às 12, né", True, False),
        ("Prezados organizadores,", False, True),
        ("Atenciosamente, Ana", False, True),
        ("Saludos cordiales", False, True),
    ],
)
def test_tags_and_salutations_of_every_language(sentence: str, confirm: bool, salute: bool) -> None:
    assert confirms(sentence) is confirm and salutes(sentence) is salute


def test_a_framing_verb_is_not_the_topic() -> None:
    kb = load_knowledge(ROOT / "examples" / "sao-paulo-devfest" / "knowledge")
    now = dt.datetime(2027, 11, 12, 8, 0)
    assert Matcher(kb).answer("tenho que trazer notebook pro codelab?", now).entry == (
        "codelab-cloud-run"
    )


@pytest.mark.parametrize(
    ("question", "order"),
    [
        ("what time is the maps talk and is there wifi?", ["maps-talk", "wifi"]),
        ("is there wifi and what time is the maps talk?", ["wifi", "maps-talk"]),
    ],
)
def test_several_questions_are_answered_in_the_order_asked(question: str, order: list[str]) -> None:
    kb = load_knowledge(ROOT / "tests" / "domain" / "kbs" / "timed.yaml")
    reply = Matcher(kb).answer(question, NOW)
    assert [reply.entry, *(p.entry for p in reply.parts)] == order


def test_a_question_without_topic_asks_of_a_session_named_by_one_rare_word() -> None:
    kb = load_knowledge(ROOT / "tests" / "domain" / "kbs" / "timed.yaml")
    reply = Matcher(kb).answer(
        "We would love to catch the pandas session. When is it and where?", NOW
    )
    assert reply.entry == "pandas-workshop"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Questions without topic ask of the nearest sentence that names something, even past
        # a built-in reading of their own ("when does it start?" is not the event's start).
        ("Vi en el programa que hay un panel el martes por la tarde. ¿Cuándo empieza y dónde es?",
         "d1-panel"),
        # Where a room is, in a message that goes on about it.
        ("Hola, una pregunta: ¿dónde queda la sala Monserrate? Es que me dijeron que ahí es la"
         " charla de LLMs.", "agora"),
    ],
)  # fmt: skip
def test_questions_that_point_back_in_a_longer_message(question: str, entry: str) -> None:
    kb = load_knowledge(ROOT / "examples" / "bogota-tech" / "knowledge")
    assert Matcher(kb).answer(question, dt.datetime(2027, 9, 13, 10)).entry == entry


def test_a_reported_question_and_an_indirect_second_one_are_clauses() -> None:
    text = "Mi jefa me preguntó quién organiza el congreso y si hay un correo de contacto"
    assert split_sentences(text, clauses=True) == [
        "Mi jefa me preguntó",
        "quién organiza el congreso",
        "si hay un correo de contacto",
    ]


@pytest.mark.parametrize(
    ("sentence", "asking"),
    [
        # A question joined to the one before by "and", maybe after a preposition, texted.
        ("y a q hora arranca", True),
        ("y dónde es", True),
        ("and at what time", True),
        ("and to which room do I go", True),  # "to" stays English, no texted "tô"
        ("e onde fica", True),
        # (guards) Statements so joined ask nothing.
        ("y nos vemos mañana", False),
        ("a las 3 llego", False),
        ("and then I fly home", False),
    ],
)
def test_a_question_joined_by_and_asks(sentence: str, asking: bool) -> None:
    assert asks(sentence) is asking
