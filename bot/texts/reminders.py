"""Reminder and change-notice messages, rendered in the reader's language (HTML)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from bot.domain.buttons import encode
from bot.domain.delivery import Button, OutgoingMessage
from bot.domain.knowledge import KnowledgeBase, Session, Venue
from bot.domain.reminders import Timing
from bot.i18n import Translator, pick_lang
from bot.texts.answers import format_day


def _html(text: str) -> str:
    # Telegram's HTML mode knows only &lt; &gt; &amp; &quot;: leave quotes alone in text.
    return escape(text, quote=False)


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
        parts = [f"<b>{_html(heading)}</b>"]
        if timing is Timing.LATE:
            note = _("This reminder is late: it is usually sent at {time} the day before.")
            time = f"{reminder_at:%H:%M}"
            parts.append(f"<i>{_html(note.format(time=time))}</i>")
        parts += [self._session(s, lang, with_date=False) for s in sessions]
        return OutgoingMessage("\n\n".join(parts), self._buttons(sessions, lang))

    def changes(self, lang: str, sessions: Sequence[Session]) -> OutgoingMessage:
        """Render a notice that the date, time or venue of `sessions` changed."""
        lang = pick_lang((lang,), self.kb.languages)
        _ = self.translator.get(lang).gettext
        heading = _("Programme change: the organisers updated a session you were reminded about.")
        parts = [f"<b>{_html(heading)}</b>"]
        parts += [self._session(s, lang, with_date=True) for s in sessions]
        return OutgoingMessage("\n\n".join(parts), self._buttons(sessions, lang))

    def _session(self, session: Session, lang: str, with_date: bool) -> str:
        _ = self.translator.get(lang).gettext
        lines = [f"<b>{_html(session.title.get(lang))}</b>"]
        parent = self.kb.session(session.part_of) if session.part_of else None
        if parent is not None:
            part = _("Part of: {session}").format(session=parent.title.get(lang))
            lines.append(_html(part))
        lines.append(_html(_("When: {when}").format(when=self._when(session, lang, with_date))))
        lines.append(_html(_("Where: {where}").format(where=self._where(session, lang))))
        if session.speakers:
            names = ", ".join(p.name for p in session.speakers)
            lines.append(_html(_("Speakers: {names}").format(names=names)))
        if session.know is not None:
            lines.append(_html(session.know.get(lang)))
        return "\n".join(lines)

    def _when(self, session: Session, lang: str, with_date: bool) -> str:
        _ = self.translator.get(lang).gettext
        if session.date is None:
            # An undated part of a session is never said to be on its parent's day.
            return _("date and time to be confirmed by the organisers")
        if session.start is None:
            time = _("time to be confirmed by the organisers")
        elif session.end is None:
            time = _("from {start}").format(start=f"{session.start:%H:%M}")
        else:
            time = _("from {start} to {end}").format(
                start=f"{session.start:%H:%M}", end=f"{session.end:%H:%M}"
            )
        if not with_date:
            return time
        return _("{date}, {time}").format(date=format_day(session.date, lang, _, True), time=time)

    def _where(self, session: Session, lang: str) -> str:
        _ = self.translator.get(lang).gettext
        venue = self._venue(session)
        if venue is None:
            return _("place to be confirmed by the organisers")
        room = self.kb.session_room(session)
        room_text = f"{room.get(lang)}, " if room is not None else ""
        if venue.address is None:
            return room_text + _("{place} (the organisers will confirm the address)").format(
                place=venue.place(lang)
            )
        return room_text + venue.place(lang, address=True)

    def _venue(self, session: Session) -> Venue | None:
        if session.venue is None and session.date is None:
            return None  # an undated part need not be at its parent's venue
        return self.kb.session_venue(session)

    def _buttons(self, sessions: Sequence[Session], lang: str) -> tuple[tuple[Button, ...], ...]:
        _ = self.translator.get(lang).gettext
        rows: list[tuple[Button, ...]] = []
        venues: list[str] = []
        for session in sessions:
            venue = self._venue(session)
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
