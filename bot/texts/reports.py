"""The organisers' report (/stats and `confbot report`) as text: Telegram HTML, plain, or CSV."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
from collections.abc import Callable, Mapping

from babel.dates import format_datetime
from babel.numbers import format_decimal, format_percent

from bot.domain.feedback import RATINGS, SessionFeedback
from bot.domain.questions import Report
from bot.domain.tickets import TicketSummary
from bot.i18n import Translator

LABEL_LIMIT = 120  # a pasted paragraph must not fill the admin's screen


def _short(text: str) -> str:
    return text if len(text) <= LABEL_LIMIT else text[: LABEL_LIMIT - 1].rstrip() + "…"


def _by_language(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{lang} {n}" for lang, n in counts.items()) or "–"


def render_report(report: Report, translator: Translator, lang: str, as_html: bool) -> str:
    """Render the report in `lang`: Telegram HTML (values escaped) or plain text."""
    _ = translator.get(lang).gettext
    esc: Callable[[str], str] = html.escape if as_html else str
    bold: Callable[[str], str] = (lambda s: f"<b>{html.escape(s)}</b>") if as_html else str
    q = report.questions
    lines = [bold(_("Statistics"))]
    if report.since is not None:
        since = format_datetime(report.since, "d MMM y HH:mm", locale=lang)
        lines.append(esc(_("Questions since {since}").format(since=since)))
    for title, counts in (
        (_("Users: {n} ({by_language})"), report.users),
        (_("Subscribers: {n} ({by_language})"), report.subscribers),
    ):
        n = sum(counts.values())
        lines.append(esc(title.format(n=n, by_language=_by_language(counts))))
    lines.append(
        esc(_("Questions today: {today} · total: {total}").format(today=q.today, total=q.total))
    )
    if q.answer_rate is None:
        lines.append(esc(_("Answer rate: no questions yet")))
    else:
        rate = format_percent(q.answer_rate, locale=lang)
        text = _("Answer rate: {rate} ({answered} of {total})")
        lines.append(esc(text.format(rate=rate, answered=q.answered, total=q.total)))
    lines += ["", bold(_("Most matched entries"))]
    lines += [f"• {esc(entry)} — {n}" for entry, n in q.top_entries] or [esc(_("None yet."))]
    lines += ["", bold(_("Top unanswered questions (similar ones grouped)"))]
    for group in q.top_unanswered:
        line = f"• {esc(_short(group.label))} — {group.count}"
        if len(group.variants) > 1:
            line += " " + esc(_("(wordings: {n})").format(n=len(group.variants)))
        lines.append(line)
    if not q.top_unanswered:
        lines.append(esc(_("None yet.")))
    if report.tickets is not None:
        lines += ["", bold(_("Questions to the organisers")), esc(_tickets_line(report.tickets, _))]
    lines += ["", bold(_("Session feedback"))]
    for session in report.feedback:
        lines.append(esc(_feedback_line(session, _, lang)))
        lines += [f"  “{esc(_short(text))}”" for text in session.comments]
    if not report.feedback:
        lines.append(esc(_("None yet.")))
    return "\n".join(lines)


def _duration(delta: dt.timedelta) -> str:
    minutes = round(delta.total_seconds() / 60)
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"


def _tickets_line(tickets: TicketSummary, _: Callable[[str], str]) -> str:
    median = "–" if tickets.median_to_answer is None else _duration(tickets.median_to_answer)
    text = _("Open: {open} · answered: {answered} · median time to answer: {median}")
    line = text.format(open=tickets.open, answered=tickets.answered, median=median)
    if tickets.undelivered:
        undelivered = _("answers not delivered (the attendee blocked the bot): {n}")
        line += " · " + undelivered.format(n=tickets.undelivered)
    return line


def _feedback_line(session: SessionFeedback, _: Callable[[str], str], lang: str) -> str:
    average = "–" if session.average is None else format_decimal(session.average, "0.0", lang)
    spread = " ".join(f"{n}★ {session.distribution[n]}" for n in RATINGS)
    text = _("{session} — ratings: {count}, average {average} ({spread})")
    return text.format(
        session=session.session_id, count=session.count, average=average, spread=spread
    )


CSV_COLUMNS = ("section", "name", "value", "detail")


def report_csv(report: Report) -> str:
    """Export the report as one CSV table; the `section` column says what each row is."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    q = report.questions
    rows: list[tuple[str, str, object, str]] = []
    rows += [("users", lang, n, "") for lang, n in report.users.items()]
    rows += [("subscribers", lang, n, "") for lang, n in report.subscribers.items()]
    rows += [
        ("questions", "today", q.today, ""),
        ("questions", "total", q.total, ""),
        ("questions", "answered", q.answered, ""),
        ("questions", "answer_rate", "" if q.answer_rate is None else f"{q.answer_rate:.3f}", ""),
    ]
    rows += [("top_entry", entry, n, "") for entry, n in q.top_entries]
    rows += [("unanswered", g.label, g.count, " | ".join(g.variants)) for g in q.top_unanswered]
    if report.tickets is not None:
        t = report.tickets
        median = t.median_to_answer
        rows += [
            ("tickets", "open", t.open, ""),
            ("tickets", "answered", t.answered, ""),
            (
                "tickets",
                "median_seconds_to_answer",
                "" if median is None else int(median.total_seconds()),
                "",
            ),
            ("tickets", "undelivered_blocked", t.undelivered, ""),
        ]
    for f in report.feedback:
        average = "" if f.average is None else f"{f.average:.2f}"
        rows += [
            ("feedback_count", f.session_id, f.count, ""),
            ("feedback_average", f.session_id, average, ""),
        ]
        rows += [("feedback_rating", f.session_id, f.distribution[n], str(n)) for n in RATINGS]
        rows += [("feedback_comment", f.session_id, "", text) for text in f.comments]
    writer.writerows(
        (section, _cell(name), value, _cell(detail)) for section, name, value, detail in rows
    )
    return out.getvalue()


def _cell(text: str) -> str:
    """Keep an attendee's text a text in a spreadsheet: a cell starting with = + - @ (or a tab
    or carriage return) would be read as a formula ("CSV injection"), so it gets a leading '.
    """
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
