"""An event held in several towns: the town a question names qualifies it as a day does."""

from __future__ import annotations

import datetime as dt

import pytest
from question_sets import set_knowledge

from bot.domain.language import fold, tokens

GIRA = "examples/gira-andina/knowledge"  # one day in each of three towns
BEFORE = dt.datetime(2027, 10, 1, 10)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # The three towns' opening talks fit alike: the town named says which.
        ("quien da la charla de apertura en guayaquil", "guayaquil-apertura"),
        ("a q hora es el meetup en cuenca", "cuenca-meetup"),
        ("where's the Guayaquil meetup", "guayaquil-meetup"),
        # The event's place, asked of one town, is that town's venue.
        ("where is the Quito venue?", "quito-uasb"),
        ("¿dónde es en Guayaquil?", "guayaquil-maac"),
    ],
)
def test_the_town_named_says_which(question: str, entry: str) -> None:
    kb, matcher = set_knowledge(GIRA)
    assert matcher.answer(question, BEFORE).entry == entry


def test_the_start_asked_of_a_town_is_that_towns_day() -> None:
    kb, matcher = set_knowledge(GIRA)
    reply = matcher.answer("a q hora empieza en cuenca", BEFORE)
    assert reply.day == dt.date(2027, 10, 20)
    assert reply.sessions[0] == "cuenca-acreditacion"
    assert all(s.startswith("cuenca-") for s in reply.sessions)


def test_what_follows_a_session_of_the_town_named() -> None:
    kb, matcher = set_knowledge(GIRA)
    reply = matcher.answer("y despues del almuerzo en quito q sigue?", BEFORE)
    assert reply.relative == "after"
    assert reply.sessions[0] == "quito-panel"


def test_towns_of_an_event() -> None:
    kb, matcher = set_knowledge(GIRA)
    places = matcher.places
    assert places.named(tokens(fold("¿hay algo en Cuenca?"))) == ("cuenca",)
    # Two towns name a trip between them, not one town's programme.
    assert places.named(tokens(fold("transporte entre Quito y Cuenca"))) is None
    assert places.town("cuenca-meetup") == ("cuenca",)
    assert places.town("costo") is None  # an FAQ is in no town
    # An event held in one town has no towns to tell apart.
    kb, matcher = set_knowledge("knowledge")
    assert not matcher.places.towns
