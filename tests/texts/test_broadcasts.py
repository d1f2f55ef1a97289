"""What the admin reads about a broadcast, in Spanish and English."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.domain.broadcast import (
    Audience,
    BroadcastDraft,
    DraftError,
    Progress,
    Refusal,
    Report,
    Tally,
)
from bot.i18n import Translator
from bot.storage.broadcasts import BroadcastRecord, Status
from bot.texts.broadcasts import (
    CANCEL,
    SEND,
    history_text,
    parse_callback,
    preview_message,
    progress_text,
    refusal_text,
    report_text,
)
from bot.usecases.broadcasting import Preview

ROOT = Path(__file__).resolve().parents[2]
T = Translator(ROOT / "locales")
QUITO = dt.timezone(dt.timedelta(hours=-5))


def test_the_preview_shows_both_versions_escaped_and_the_buttons_in_spanish() -> None:
    draft = BroadcastDraft({"es": "Sala <B> & C", "en": "Room B"}, Audience.SUBSCRIBERS)

    message = preview_message(Preview(7, draft, {"es": 2, "en": 1}), T, "es")

    assert "Vista previa del anuncio #7" in message.text
    assert "Solo suscriptores: 3 destinatarios (Español: 2, Inglés: 1)" in message.text
    assert "Sala &lt;B&gt; &amp; C" in message.text and "Room B" in message.text
    [[send, cancel]] = message.buttons
    assert (send.label, cancel.label) == ("Enviar", "Cancelar")
    assert parse_callback(send.callback_data or "") == (SEND, 7)
    assert parse_callback(cancel.callback_data or "") == (CANCEL, 7)


def test_a_single_text_preview_in_english() -> None:
    message = preview_message(Preview(1, BroadcastDraft({"*": "Hi"}), {"en": 1}), T, "en")

    assert "Everyone who started the bot: 1 recipient (English: 1)" in message.text
    assert "<b>Everyone gets</b>\nHi" in message.text


def test_foreign_or_malformed_callback_data_is_not_ours() -> None:
    assert parse_callback("1bc:send:") is None
    assert parse_callback("1lang:es") is None
    assert parse_callback("1bc:delete:3") is None


def test_refusals_explain_the_syntax() -> None:
    text = refusal_text(Refusal(DraftError.UNKNOWN_MARKER, "fr"), T, "es")

    assert text.startswith("Marcador de idioma desconocido «fr».")
    assert "con su marcador (es:, en:):\n/broadcast es: La sesión de la tarde" in text
    too_long = refusal_text(Refusal(DraftError.TOO_LONG, "en"), T, "en")
    assert too_long.startswith("The English version is too long: Telegram allows 4096")


def test_any_language_of_the_event_is_named_in_the_readers_language() -> None:
    draft = BroadcastDraft({"pt": "Sala B", "es": "Sala B"})

    message = preview_message(Preview(2, draft, {"pt": 3, "es": 1}), T, "pt")
    refusal = refusal_text(Refusal(DraftError.EMPTY, "pt"), T, "es", ("es", "en", "pt"))

    assert "Todos que iniciaram o bot: 4 destinatários (Português: 3, Espanhol: 1)" in message.text
    assert "<b>Português</b>\nSala B" in message.text
    assert refusal.startswith("La versión en portugués está vacía.")
    assert "(es:, en:, pt:)" in refusal


def test_progress_and_report() -> None:
    tally = Tally(total=240, delivered=200, blocked=10, not_found=1, failed=2)

    progress = progress_text(Progress(3, tally, 5.0), T, "en")
    report = report_text(Report(3, tally, seconds=8.04, sent=213), T, "es")

    assert progress == "Sending broadcast #3: 213 of 240 (200 delivered, 13 not reached)"
    assert "Entregados: 200 de 240" in report
    assert "Bloquearon el bot: 10" in report
    assert "Tiempo: 8,0 s (26,5 mensajes/s)" in report


def test_history_shows_who_when_what_and_counts() -> None:
    record = BroadcastRecord(
        id=4,
        admin_id=99,
        created_at=dt.datetime(2015, 10, 19, 14, 5, tzinfo=dt.UTC),
        draft=BroadcastDraft({"es": "Almuerzo <ya>", "en": "Lunch"}),
        status=Status.DONE,
        started_at=None,
        finished_at=None,
        tally=Tally(total=3, delivered=2, blocked=1),
    )

    text = history_text([record], T, "en", QUITO)

    assert '#4 · 2015-10-19 09:05 UTC-0500 · <a href="tg://user?id=99">99</a> · sent' in text
    assert "<i>Almuerzo &lt;ya&gt;</i>" in text
    assert "2 of 3 delivered, 1 blocked, 0 not found, 0 failed" in text
    assert history_text([], T, "es", QUITO) == "Todavía no hay anuncios."
