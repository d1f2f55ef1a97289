"""Messages in a language the bot does not speak for this event."""

from __future__ import annotations

import pytest

from bot.domain.foreign import foreign_language

SHIPPED = ("es", "en", "pt")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Wann beginnt die Konferenz?", "de"),
        ("Quelle est l'adresse de la conférence ?", "fr"),
        ("Wo ist das Hotel?", "de"),
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
        "Was ist das?",  # "was" is English too, "das" Portuguese: too mixed to tell
        "",
    ],
)
def test_spoken_languages_and_short_texts_are_not_foreign(text: str) -> None:
    assert foreign_language(text, SHIPPED) is None


def test_portuguese_is_foreign_only_to_an_event_that_does_not_speak_it() -> None:
    text = "Onde é a clínica? Não sei o endereço"

    assert foreign_language(text, ("es", "en")) == "pt"
    assert foreign_language(text, ("pt",)) is None
