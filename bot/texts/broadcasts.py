"""What the admin reads about broadcasts, in their language: preview, progress, report, history.

Buttons under a preview carry `bc:send:<id>` and `bc:cancel:<id>` (bot.domain.buttons).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from babel.numbers import format_decimal

from bot.domain.broadcast import (
    ANY_LANGUAGE,
    LANGUAGES,
    MAX_LENGTH,
    Audience,
    DraftError,
    Progress,
    Refusal,
    Report,
    Tally,
    escape,
)
from bot.domain.buttons import decode, encode
from bot.domain.delivery import Button, OutgoingMessage
from bot.i18n import N_, Translator, language_name
from bot.storage.broadcasts import BroadcastRecord, Status
from bot.usecases.broadcasting import Preview

SEND, CANCEL = "send", "cancel"
_SHOWN = 1500  # characters of each version shown in a preview, so it fits one message
_EXCERPT = 120
_STATUS_NAMES = {
    Status.DRAFT: N_("draft"),
    Status.CONFIRMED: N_("waiting to be sent"),
    Status.SENDING: N_("sending"),
    Status.DONE: N_("sent"),
    Status.CANCELLED: N_("cancelled"),
}


def parse_callback(data: str) -> tuple[str, int] | None:
    """Return (SEND or CANCEL, broadcast id) for a preview button's callback data."""
    pressed = decode(data, "bc")
    if pressed is None or len(pressed.fields) != 2 or pressed.fields[0] not in (SEND, CANCEL):
        return None
    number = pressed.number(1)
    return None if number is None else (pressed.fields[0], number)


def preview_message(preview: Preview, translator: Translator, lang: str) -> OutgoingMessage:
    """Show the draft, who gets it, and the Send / Cancel buttons."""
    _ = translator.get(lang).gettext
    ngettext = translator.get(lang).ngettext
    versions = list(preview.draft.texts)

    def order(code: str) -> tuple[int, str]:  # the versions' languages first, in their order
        return (versions.index(code) if code in versions else len(versions), code)

    counts = ", ".join(
        _("{language}: {n}").format(language=_name(code, lang), n=n)
        for code, n in sorted(preview.recipients.items(), key=lambda item: order(item[0]))
        if n
    )
    who = (
        _("Subscribers only")
        if preview.draft.audience is Audience.SUBSCRIBERS
        else _("Everyone who started the bot")
    )
    recipients = ngettext("{n} recipient", "{n} recipients", preview.total).format(n=preview.total)
    lines = [
        "<b>" + _("Broadcast preview #{id}").format(id=preview.broadcast_id) + "</b>",
        f"{escape(who)}: {escape(recipients)}" + (f" ({escape(counts)})" if counts else ""),
    ]
    for code, text in preview.draft.texts.items():
        if code == ANY_LANGUAGE:
            header = _("Everyone gets")
        elif len(preview.draft.texts) == 1:
            header = _("{language} (for everyone)").format(language=_name(code, lang))
        else:
            header = _name(code, lang)
        shown = text if len(text) <= _SHOWN else text[:_SHOWN] + "…"
        lines += ["", f"<b>{escape(header)}</b>", escape(shown)]
    lines += ["", escape(_("Nothing has been sent yet."))]
    buttons = (
        (
            Button(_("Send"), encode("bc", SEND, preview.broadcast_id)),
            Button(_("Cancel"), encode("bc", CANCEL, preview.broadcast_id)),
        ),
    )
    return OutgoingMessage("\n".join(lines), buttons)


def _name(code: str, lang: str) -> str:
    """Return a language's name for a reader of `lang`, capitalised ('Portugués')."""
    name = language_name(code, lang)
    return name[:1].upper() + name[1:]


def refusal_text(
    refusal: Refusal, translator: Translator, lang: str, languages: Sequence[str] = LANGUAGES
) -> str:
    """Explain why a /broadcast text was not accepted, and how to write one."""
    _ = translator.get(lang).gettext
    known = refusal.detail and refusal.detail != ANY_LANGUAGE
    name = language_name(refusal.detail, lang) if known else ""
    if refusal.error is DraftError.TOO_LONG:
        problem = (
            _("The {language} version is too long: Telegram allows {n} characters.")
            if name
            else _("The text is too long: Telegram allows {n} characters.")
        ).format(language=name, n=MAX_LENGTH)
    elif refusal.error is DraftError.UNKNOWN_MARKER:
        problem = _("Unknown language marker “{marker}”.").format(marker=refusal.detail)
    elif refusal.error is DraftError.DUPLICATE_LANGUAGE:
        problem = _("The {language} version is given twice.").format(language=name)
    elif name:
        problem = _("The {language} version is empty.").format(language=name)
    else:
        problem = _("Write the announcement after the command.")
    return escape(problem) + "\n\n" + usage_text(translator, lang, languages)


def usage_text(translator: Translator, lang: str, languages: Sequence[str] = LANGUAGES) -> str:
    """Explain the /broadcast syntax, with the event's language markers."""
    _ = translator.get(lang).gettext
    return escape(
        _(
            "Usage: /broadcast TEXT — the same text for everyone, or a version per language,"
            " each starting a line with its marker ({markers}):\n"
            "/broadcast es: La sesión de la tarde pasa a la sala B.\n"
            "en: The afternoon session moves to room B.\n"
            "Start with the word subscribers to send only to subscribers."
        ).format(markers=", ".join(f"{code}:" for code in languages))
    )


def _counts(tally: Tally) -> dict[str, int]:
    """A tally's figures by the names the messages use ({unreachable}: not delivered)."""
    unreachable = tally.blocked + tally.not_found + tally.failed
    return {
        "done": tally.done,
        "total": tally.total,
        "delivered": tally.delivered,
        "blocked": tally.blocked,
        "not_found": tally.not_found,
        "failed": tally.failed,
        "unreachable": unreachable,
    }


def progress_text(progress: Progress, translator: Translator, lang: str) -> str:
    """Say how far a broadcast has got (the admin's progress message is edited with this)."""
    _ = translator.get(lang).gettext
    return escape(
        _(
            "Sending broadcast #{id}: {done} of {total} ({delivered} delivered,"
            " {unreachable} not reached)"
        ).format(id=progress.broadcast_id, **_counts(progress.tally))
    )


def report_text(report: Report, translator: Translator, lang: str) -> str:
    """Summarise a finished broadcast."""
    _ = translator.get(lang).gettext
    tally = report.tally
    lines = [
        "<b>" + escape(_("Broadcast #{id} sent").format(id=report.broadcast_id)) + "</b>",
        _("Delivered: {n} of {total}").format(n=tally.delivered, total=tally.total),
        _("Blocked the bot: {n}").format(n=tally.blocked),
        _("Chat not found: {n}").format(n=tally.not_found),
        _("Failed: {n}").format(n=tally.failed),
        _("Time: {seconds} s ({rate} messages/s)").format(
            seconds=_decimal(report.seconds, lang), rate=_decimal(report.per_second, lang)
        ),
    ]
    return "\n".join(lines[:1] + [escape(line) for line in lines[1:]])


def history_text(
    records: Sequence[BroadcastRecord], translator: Translator, lang: str, tz: dt.tzinfo | None
) -> str:
    """List past broadcasts: who, when, what, and how it went."""
    _ = translator.get(lang).gettext
    if not records:
        return escape(_("No broadcasts yet."))
    blocks = ["<b>" + escape(_("Latest broadcasts")) + "</b>"]
    for record in records:
        when = record.created_at.astimezone(tz).strftime("%Y-%m-%d %H:%M UTC%z")
        who = f'<a href="tg://user?id={record.admin_id}">{record.admin_id}</a>'
        text = next(iter(record.draft.texts.values()))
        excerpt = text if len(text) <= _EXCERPT else text[:_EXCERPT] + "…"
        counts = _(
            "{delivered} of {total} delivered, {blocked} blocked, {not_found} not found,"
            " {failed} failed"
        ).format(**_counts(record.tally))
        status = _(_STATUS_NAMES[record.status])
        blocks.append(
            f"#{record.id} · {when} · {who} · {escape(status)}\n"
            f"<i>{escape(excerpt)}</i>\n{escape(counts)}"
        )
    return "\n\n".join(blocks)


def not_admin_text(translator: Translator, lang: str) -> str:
    """Politely refuse /broadcast to someone who is not an organiser."""
    _ = translator.get(lang).gettext
    return escape(_("Sorry, only the organisers can send announcements."))


def stale_text(translator: Translator, lang: str) -> str:
    """Answer a Send / Cancel press on a preview that was already sent or cancelled."""
    _ = translator.get(lang).gettext
    return escape(_("This preview was already sent or cancelled."))


def cancelled_text(translator: Translator, lang: str) -> str:
    """Confirm that a draft was dropped."""
    _ = translator.get(lang).gettext
    return escape(_("Cancelled: nothing was sent."))


def _decimal(value: float, lang: str) -> str:
    return format_decimal(value, format="#,##0.0", locale=lang)
