"""Which language the bot talks in, and how it names languages."""

from __future__ import annotations

from bot.i18n import fallback_lang, language_list, native_name, pick_lang, supported_lang

SHIPPED = ("es", "en", "pt")


def test_a_users_choice_then_telegrams_language_then_english() -> None:
    assert pick_lang(("pt", "es-419"), SHIPPED) == "pt"
    assert pick_lang((None, "pt-BR"), SHIPPED) == "pt"
    assert pick_lang((None, "de-AT"), SHIPPED) == "en"
    assert pick_lang((None, None), SHIPPED) == "en"


def test_without_english_the_fallback_is_the_events_default_language() -> None:
    assert fallback_lang(("pt", "es")) == "pt"
    assert pick_lang(("en",), ("pt", "es")) == "pt"


def test_only_the_events_languages_are_supported() -> None:
    assert supported_lang("pt_BR", ("es", "en")) is None
    assert supported_lang("PT-br", SHIPPED) == "pt"


def test_languages_are_named_in_the_readers_language_or_in_themselves() -> None:
    assert language_list(SHIPPED, "es") == "español, inglés y portugués"
    assert language_list(SHIPPED, "pt") == "espanhol, inglês e português"
    assert language_list(SHIPPED, "en", native=True) == "Español, English, and Português"
    assert native_name("pt") == "português"
