"""A session, written every way the bot shows one: a listing line, a card (asked when or
where), the full answer, a reminder. Also how a day is written, and the few "not published
yet" phrases every renderer uses for a time, date, place or address the KB does not give.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from babel.dates import format_date

from bot.domain.focus import Focus
from bot.domain.knowledge import KnowledgeBase, Session, Speaker, Venue
from bot.i18n import N_

# What is not published yet, said one way everywhere (always pointing at the organisers).
TIME_TBC = N_("time to be confirmed by the organisers")
DATE_TIME_TBC = N_("date and time to be confirmed by the organisers")
PLACE_TBC = N_("place to be confirmed by the organisers")
ADDRESS_TBC = N_("address to be confirmed by the organisers")
TIMES_TBC = N_("Times will be confirmed by the organisers.")  # under a listing missing some


@dataclass(frozen=True)
class Style:
    """How values are escaped and titles emphasised: plain text or Telegram HTML."""

    escape: Callable[[str], str]
    bold: Callable[[str], str]


def _escape(text: str) -> str:
    return html.escape(text, quote=False)  # Telegram text needs only <, > and & escaped


PLAIN = Style(escape=lambda s: s, bold=lambda s: s)
HTML = Style(escape=_escape, bold=lambda s: f"<b>{_escape(s)}</b>")


def format_day(day: dt.date, lang: str, gettext: Callable[[str], str], year: bool = False) -> str:
    """Return 'Wednesday 21 October' / 'miércoles 21 de octubre' (the pattern is translated)."""
    pattern = gettext("EEEE d MMMM y") if year else gettext("EEEE d MMMM")
    return format_date(day, pattern, locale=lang)


def cap(text: str) -> str:
    """Capitalise the first letter ('miércoles…' -> 'Miércoles…')."""
    return text[:1].upper() + text[1:]


def hhmm(t: dt.time | None) -> str:
    return f"{t:%H:%M}" if t is not None else ""


class SessionText:
    """Write sessions in one language and style; every renderer of a session goes through it."""

    def __init__(
        self, kb: KnowledgeBase, lang: str, gettext: Callable[[str], str], style: Style = PLAIN
    ) -> None:
        self.kb, self.lang, self._, self.style = kb, lang, gettext, style

    def date(self, day: dt.date, year: bool = False) -> str:
        return format_day(day, self.lang, self._, year)

    def times(self, s: Session) -> str:
        """'09:00–10:30', '09:00' or '' (no published time)."""
        if s.start is None:
            return ""
        return f"{s.start:%H:%M}–{s.end:%H:%M}" if s.end else f"{s.start:%H:%M}"

    def venue(self, s: Session) -> Venue | None:
        """Where a session is known to be held: its own venue, else its block's when it is in the
        block's room or has a day of its own. An undated part of a block with no room (an
        outing) may be elsewhere: its place is not known."""
        if s.venue is None and s.date is None and self.kb.session_room(s) is None:
            return None
        return self.kb.session_venue(s)

    def place(self, s: Session, address: bool = False) -> str:
        """'Room 2, Venue[, street], City', or '' where the place is not known."""
        venue = self.venue(s)
        if venue is None:
            return ""
        room = self.kb.session_room(s)
        place = venue.place(self.lang, address=address)
        return f"{room.get(self.lang)}, {place}" if room else place

    def about(self, s: Session, brief: bool = False) -> str | None:
        """The description (brief: the one-line summary), None where it would only repeat the
        title (the KB falls back to the title when a session has neither)."""
        text = ((s.summary or s.description) if brief else s.description).get(self.lang)
        return None if text == s.title.get(self.lang) else text

    def speakers(self, people: Sequence[Speaker], affiliations: bool = True) -> str:
        """'Speakers: Ana (Uni A), Bo'."""
        names = [
            f"{p.name} ({p.affiliation.get(self.lang)})"
            if affiliations and p.affiliation
            else p.name
            for p in people
        ]
        return self._("Speakers: {names}").format(names=", ".join(names))

    def people(self, s: Session) -> list[str]:
        """Who speaks (with their affiliations) and the session's track, when the KB says."""
        esc, lines = self.style.escape, []
        if s.speakers:
            lines.append(esc(self.speakers(s.speakers)))
        if s.track is not None:
            lines.append(esc(self._("Track: {track}").format(track=s.track.get(self.lang))))
        return lines

    def line(
        self, s: Session, with_day: bool = False, summary: bool = False, bold: bool = True
    ) -> list[str]:
        """A session in a listing: '• [day: ][time ]title[ — venue, room]', its summary when
        asked, then one line per part whose date is not published."""
        esc = self.style.escape
        venue = self.venue(s)
        places = [venue.name.get(self.lang)] if venue else []
        room = self.kb.session_room(s)
        places += [room.get(self.lang)] if room is not None else []  # parallel sessions
        where = f" — {esc(', '.join(places))}" if places else ""
        when = f"{self.times(s)} " if s.start else ""
        day = f"{esc(cap(self.date(s.date)))}: " if with_day and s.date else ""
        title = self.style.bold(s.title.get(self.lang)) if bold else esc(s.title.get(self.lang))
        lines = [f"• {day}{when}{title}{where}"]
        if summary and s.summary is not None:
            lines.append(f"  {esc(s.summary.get(self.lang))}")
        lines += [f"  ↳ {esc(self.undated(part))}" for part in self.kb.undated_parts(s)]
        return lines

    def undated(self, part: Session) -> str:
        """'<title> — date and time to be confirmed by the organisers.'"""
        return f"{part.title.get(self.lang)} — {self._(DATE_TIME_TBC)}."

    def times_note(self, sessions: Sequence[Session]) -> list[str]:
        """The note under a listing in which some session has no published time."""
        if all(s.start is not None for s in sessions):
            return []
        return [self.style.escape(self._(TIMES_TBC))]

    def full(self, s: Session) -> list[str]:
        """The full answer about a session: its card's head, then its description and what to
        know."""
        esc = self.style.escape
        lines = self._head(s, address=False)
        lines += [esc(text)] if (text := self.about(s)) else []
        lines += [esc(s.know.get(self.lang))] if s.know is not None else []
        return lines

    def card(self, s: Session, about: Focus) -> list[str]:
        """A session asked about only when or where: its head (asked where: with the street),
        the one-line summary, then where it is not known or the venue's notes; asked what is not
        published (its time, its place), the organisers' note on the session as well."""
        esc, where = self.style.escape, about is Focus.WHERE
        lines = self._head(s, address=where)
        lines += [esc(text)] if (text := self.about(s, brief=True)) else []
        venue = self.venue(s)
        if where and venue is None:
            lines.append(esc(cap(self._(PLACE_TBC)) + "."))
        elif where and venue is not None and venue.notes is not None:
            lines.append(esc(venue.notes.get(self.lang)))
        # Asked what is not published (its time, its place), the organisers' own words on what
        # to know ("the times will be confirmed by..."): they may say when it will be known.
        unknown = s.start is None if about is Focus.WHEN else where and venue is None
        if unknown and s.know is not None:
            lines.append(esc(s.know.get(self.lang)))
        return lines

    def answer(self, s: Session, about: Focus = Focus.ABOUT) -> list[str]:
        """The session as the answer to a question about it (`about`: what was asked)."""
        return self.full(s) if about is Focus.ABOUT else self.card(s, about)

    def _head(self, s: Session, address: bool) -> list[str]:
        """Title; day · time · place (or of which block, date and time to be confirmed); who."""
        _ = self._
        facts: list[str] = []
        if s.date is not None:
            facts.append(cap(self.date(s.date, year=True)))
            facts.append(self.times(s) or _(TIME_TBC))
        parent = self.kb.session(s.part_of) if s.part_of else None
        if parent is not None and s.date is None:
            block = parent.title.get(self.lang)
            block += f", {self.date(parent.date, year=True)}" if parent.date else ""
            facts += [_("Part of: {session}").format(session=block), _(DATE_TIME_TBC)]
        facts += [place] if (place := self.place(s, address=address)) else []
        lines = [self.style.bold(s.title.get(self.lang)), self.style.escape(" · ".join(facts))]
        return lines + self.people(s)

    def reminder(self, s: Session, with_date: bool) -> str:
        """A session in a reminder or a change notice: what, of which block, when, where, who."""
        _, esc = self._, self.style.escape
        lines = [self.style.bold(s.title.get(self.lang))]
        parent = self.kb.session(s.part_of) if s.part_of else None
        if parent is not None:
            lines.append(esc(_("Part of: {session}").format(session=parent.title.get(self.lang))))
        lines.append(esc(_("When: {when}").format(when=self.when(s, with_date))))
        lines.append(esc(_("Where: {where}").format(where=self.where(s))))
        if s.speakers:
            lines.append(esc(self.speakers(s.speakers, affiliations=False)))
        if s.know is not None:
            lines.append(esc(s.know.get(self.lang)))
        return "\n".join(lines)

    def when(self, s: Session, with_date: bool) -> str:
        """'from 09:00 to 10:00' ('Monday 19 October 2015, from…' with the date)."""
        _ = self._
        if s.date is None:
            # An undated part of a session is never said to be on its parent's day.
            return _(DATE_TIME_TBC)
        if s.start is None:
            time = _(TIME_TBC)
        elif s.end is None:
            time = _("from {start}").format(start=hhmm(s.start))
        else:
            time = _("from {start} to {end}").format(start=hhmm(s.start), end=hhmm(s.end))
        if not with_date:
            return time
        return _("{date}, {time}").format(date=self.date(s.date, year=True), time=time)

    def where(self, s: Session) -> str:
        """The full place with its street, saying what is not published yet."""
        venue = self.venue(s)
        if venue is None:
            return self._(PLACE_TBC)
        place = self.place(s, address=venue.address is not None)
        return place if venue.address is not None else f"{place} ({self._(ADDRESS_TBC)})"
