"""What an organiser's /broadcast message means."""

from __future__ import annotations

from bot.domain.broadcast import (
    ANY_LANGUAGE,
    Audience,
    BroadcastDraft,
    DraftError,
    Refusal,
    Report,
    Tally,
    parse_broadcast,
)


def draft(text: str) -> BroadcastDraft:
    parsed = parse_broadcast(text)
    assert isinstance(parsed, BroadcastDraft), parsed
    return parsed


def test_a_plain_text_goes_to_everyone_in_every_language() -> None:
    parsed = draft("/broadcast The clinic moves to room B.")

    assert parsed.audience is Audience.EVERYONE
    assert parsed.texts == {ANY_LANGUAGE: "The clinic moves to room B."}
    assert parsed.text_for("es") == parsed.text_for("en") == "The clinic moves to room B."


def test_colon_markers_on_the_same_line_give_each_language_its_version() -> None:
    parsed = draft("/broadcast es: La clínica pasa a la sala B.\nen: The clinic moves to room B.")

    assert parsed.text_for("es") == "La clínica pasa a la sala B."
    assert parsed.text_for("en") == "The clinic moves to room B."


def test_bracket_markers_on_their_own_lines_keep_multiline_texts() -> None:
    parsed = draft("/broadcast@confbot subscribers\n[ES]\nMañana:\n9:00\n[en]\nTomorrow:\n9:00")

    assert parsed.audience is Audience.SUBSCRIBERS
    assert parsed.texts == {"es": "Mañana:\n9:00", "en": "Tomorrow:\n9:00"}


def test_a_missing_version_falls_back_to_the_other_language() -> None:
    parsed = draft("en: Lunch is served")

    assert parsed.text_for("es") == "Lunch is served"


def test_subscriber_keywords_in_either_language() -> None:
    assert draft("--subscribers hi").audience is Audience.SUBSCRIBERS
    assert draft("suscriptores hola").audience is Audience.SUBSCRIBERS
    assert draft("subscribers-only is a word").audience is Audience.EVERYONE


def test_lines_that_merely_look_like_markers_stay_text() -> None:
    assert draft("PS: bring your badge").texts == {ANY_LANGUAGE: "PS: bring your badge"}
    marked = draft("en: Hello\nPS: bring your badge")
    assert marked.texts == {"en": "Hello\nPS: bring your badge"}


def test_the_text_is_escaped_for_html() -> None:
    assert draft("Room <B> & co").html_for("en") == "Room &lt;B&gt; &amp; co"


def test_refusals() -> None:
    assert parse_broadcast("/broadcast") == Refusal(DraftError.EMPTY)
    assert parse_broadcast("/broadcast subscribers  ") == Refusal(DraftError.EMPTY)
    assert parse_broadcast("es: hola\nen:") == Refusal(DraftError.EMPTY, "en")
    assert parse_broadcast("[fr] bonjour") == Refusal(DraftError.UNKNOWN_MARKER, "fr")
    assert parse_broadcast("es: hola\nde:\nhallo") == Refusal(DraftError.UNKNOWN_MARKER, "de")
    assert parse_broadcast("es: a\nes: b") == Refusal(DraftError.DUPLICATE_LANGUAGE, "es")


def test_the_length_limit_counts_characters_as_telegram_does() -> None:
    assert isinstance(parse_broadcast("x" * 4096), BroadcastDraft)
    assert isinstance(parse_broadcast("&" * 4096), BroadcastDraft)  # escaped, still 4,096 shown
    assert parse_broadcast("x" * 4097) == Refusal(DraftError.TOO_LONG, ANY_LANGUAGE)
    assert parse_broadcast("es: ok\nen: " + "<" * 4097) == Refusal(DraftError.TOO_LONG, "en")


def test_tallies_and_rates() -> None:
    tally = Tally(total=10, delivered=6, blocked=1, not_found=1, failed=0)

    assert (tally.done, tally.pending) == (8, 2)
    assert Report(1, tally, seconds=2.0, sent=8).per_second == 4.0
    assert Report(1, tally, seconds=0.0, sent=0).per_second == 0.0


EVENT_LANGUAGES = ("pt", "es", "en")  # an event whose default language is Portuguese


def test_any_language_the_event_declares_has_a_marker() -> None:
    parsed = parse_broadcast("en: Room B.\n[pt]\nSala B.\nes: Sala B.", EVENT_LANGUAGES)

    assert isinstance(parsed, BroadcastDraft)
    assert list(parsed.texts) == ["pt", "es", "en"]  # kept in the event's order
    assert parsed.text_for("pt") == "Sala B."


def test_a_marker_of_a_language_the_event_does_not_speak_is_text_or_refused() -> None:
    plain = parse_broadcast("pt: Sala B.")  # an es/en event: "pt:" is just text
    assert isinstance(plain, BroadcastDraft) and plain.texts == {ANY_LANGUAGE: "pt: Sala B."}
    assert parse_broadcast("es: hola\n[pt]\nolá") == Refusal(DraftError.UNKNOWN_MARKER, "pt")


def test_a_missing_version_falls_back_to_the_events_default_language() -> None:
    parsed = parse_broadcast("en: Room B.\nes: Sala B.\npt: Sala B (pt).", EVENT_LANGUAGES)

    assert isinstance(parsed, BroadcastDraft)
    assert parsed.text_for("fr") == "Sala B (pt)."
    only_two = parse_broadcast("en: Room B.\nes: Sala B.", EVENT_LANGUAGES)
    assert isinstance(only_two, BroadcastDraft) and only_two.text_for("pt") == "Sala B."
