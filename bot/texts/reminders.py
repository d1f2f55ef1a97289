"""Reminder and change-notice messages, rendered in the reader's language (HTML)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bot.domain.buttons import encode
from bot.domain.delivery import Button, OutgoingMessage
from bot.domain.knowledge import KnowledgeBase, Session
from bot.domain.reminders import Timing
from bot.i18n import Translator, pick_lang
from bot.texts.sessions import HTML, SessionText, format_day


class Renderer:
    """Turn reminders and change notices into HTML messages in the reader's language."""

    def __init__(self, kb: KnowledgeBase, translator: Translator) -> None:
        self.kb = kb
        self.translator = translator

    def reminder(
        self,
        lang: str,
        day: dt.date,
        sessions: Sequence[Session],
        timing: Timing,
        today: dt.date,
        reminder_at: dt.time,
    ) -> OutgoingMessage:
        """Render one subscriber's reminder about `day`'s `sessions`."""
        lang = pick_lang((lang,), self.kb.languages)
        _ = self.translator.get(lang).gettext
        date = format_day(day, lang, _, year=True)  # as every other answer writes a day
        if day == today:
            heading = _("Reminder: today, {date}").format(date=date)
        else:
            heading = _("Reminder: tomorrow, {date}").format(date=date)
        parts = [HTML.bold(heading)]
        if timing is Timing.LATE:
            note = _("This reminder is late: it is usually sent at {time} the day before.")
            time = f"{reminder_at:%H:%M}"
            parts.append(f"<i>{HTML.escape(note.format(time=time))}</i>")
        parts += [self._text(lang).reminder(s, with_date=False) for s in sessions]
        return OutgoingMessage("\n\n".join(parts), self._buttons(sessions, lang))

    def changes(self, lang: str, sessions: Sequence[Session]) -> OutgoingMessage:
        """Render a notice that the date, time or venue of `sessions` changed."""
        lang = pick_lang((lang,), self.kb.languages)
        _ = self.translator.get(lang).gettext
        heading = _("Programme change: the organisers updated a session you were reminded about.")
        parts = [HTML.bold(heading)]
        parts += [self._text(lang).reminder(s, with_date=True) for s in sessions]
        return OutgoingMessage("\n\n".join(parts), self._buttons(sessions, lang))

    def _text(self, lang: str) -> SessionText:
        return SessionText(self.kb, lang, self.translator.get(lang).gettext, HTML)

    def _buttons(self, sessions: Sequence[Session], lang: str) -> tuple[tuple[Button, ...], ...]:
        _ = self.translator.get(lang).gettext
        rows: list[tuple[Button, ...]] = []
        venues: list[str] = []
        text = self._text(lang)
        for session in sessions:
            venue = text.venue(session)
            if venue is not None and venue.id not in venues:
                venues.append(venue.id)
                rows.append((Button(f"📍 {venue.name.get(lang)}", encode("venue", venue.id)),))
        dated = [s for s in sessions if s.date is not None]
        for session in dated:
            label = _("Add to calendar")
            if len(dated) > 1:
                label = _("Add to calendar: {session}").format(session=session.title.get(lang))
            rows.append((Button(f"📅 {label}", encode("ics", session.id)),))
        return tuple(rows)
