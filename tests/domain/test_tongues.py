"""Messages in a language the bot does not speak for this event."""

from __future__ import annotations

import pytest

from bot.domain.tongues import foreign_language, reply_language

SHIPPED = ("es", "en", "pt")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Wann beginnt die Konferenz?", "de"),
        ("Quelle est l'adresse de la conférence ?", "fr"),
        ("Wo ist das Hotel?", "de"),
        ("Was ist das?", "de"),
    ],
)
def test_a_clearly_foreign_message_is_recognised(text: str, language: str) -> None:
    assert foreign_language(text, SHIPPED) == language


@pytest.mark.parametrize(
    "text",
    [
        "¿Dónde es la clínica?",
        "where is the clinic?",
        "Onde é a clínica? Não sei o endereço",
        "hola",
        "ECU 911",
        "Hallo",  # one German word is not enough to tell
        "",
    ],
)
def test_spoken_languages_and_short_texts_are_not_foreign(text: str) -> None:
    assert foreign_language(text, SHIPPED) is None


def test_portuguese_is_foreign_only_to_an_event_that_does_not_speak_it() -> None:
    text = "Onde é a clínica? Não sei o endereço"

    assert foreign_language(text, ("es", "en")) == "pt"
    assert foreign_language(text, ("pt",)) is None


@pytest.mark.parametrize(
    ("text", "detected", "language"),
    [
        ("Quando é a clínica?", "es", "pt"),  # accents read as Spanish; the words are Portuguese
        ("O que tem amanhã?", "es", "pt"),
        ("Quais são as datas?", "en", "pt"),
        ("vai ter tradução simultânea para o português?", "es", "pt"),
        ("bom dia, tudo bem?", "es", "pt"),
        ("¿Dónde es la clínica?", "es", "es"),
        ("where is the clinic?", "en", "en"),
        ("ECU 911", "en", "en"),  # nothing to tell: the matcher's choice stands
        ("hola, where is it?", "en", "en"),  # two languages' words: the matcher's choice stands
        ("wie spät ist es", "en", "en"),  # German, whatever "es" looks like
    ],
)
def test_the_reply_language_is_the_one_whose_words_the_question_uses(
    text: str, detected: str, language: str
) -> None:
    assert reply_language(text, detected, SHIPPED) == language


def test_only_the_events_languages_are_candidates() -> None:
    assert reply_language("Quando é a clínica?", "es", ("es", "en")) == "es"
