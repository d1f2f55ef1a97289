"""The programme as an iCalendar (.ics) file, built with the maintained `icalendar` library."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable

from icalendar import Calendar, Event

from bot.domain.knowledge import KnowledgeBase, Session
from bot.i18n import Translator
from bot.texts.sessions import SessionText

PRODID = "-//confbot//Conference assistant//EN"


def _event_key(kb: KnowledgeBase) -> str:
    """Name the event in every UID: two conferences' "opening" must not be one calendar entry
    (a calendar treats a known UID as an update), yet a re-export updates in place.
    """
    name = unicodedata.normalize("NFKD", kb.event.name.get(kb.default_lang)).casefold()
    slug = re.sub(r"[^a-z0-9]+", "-", name.encode("ascii", "ignore").decode()).strip("-")
    return f"{kb.event.start_date:%Y%m%d}.{slug[:40].strip('-') or 'event'}"


def _event(
    kb: KnowledgeBase,
    session: Session,
    lang: str,
    gettext: Callable[[str], str],
    stamp: dt.datetime,
) -> Event | None:
    day = session.date
    if day is None:  # e.g. a visit whose date is not published, so it has no slot
        return None
    tz = kb.event.tz
    event = Event()
    event.add("uid", f"{session.id}@{_event_key(kb)}.confbot")
    event.add("dtstamp", stamp)
    event.add("summary", session.title.get(lang))
    if session.start:
        event.add("dtstart", dt.datetime.combine(day, session.start, tzinfo=tz))
        if session.end:
            last = day + dt.timedelta(days=session.overnight)  # past midnight: the next day
            event.add("dtend", dt.datetime.combine(last, session.end, tzinfo=tz))
    else:  # no published time: an all-day event, never an invented hour
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
    text = SessionText(kb, lang, gettext)
    venue = text.venue(session)
    if venue:
        event.add("location", text.place(session, address=True))
        if venue.has_coordinates:
            event.add("geo", (venue.latitude, venue.longitude))
    parts = [about] if (about := text.about(session)) else []
    for child in kb.undated_parts(session):
        brief = text.about(child, brief=True)
        parts.append(f"{child.title.get(lang)}: {brief}" if brief else child.title.get(lang))
    if session.know:
        parts.append(session.know.get(lang))
    if parts:
        event.add("description", "\n\n".join(parts))
    return event


def programme_ics(
    kb: KnowledgeBase,
    lang: str,
    translator: Translator,
    stamp: dt.datetime,
    session_id: str | None = None,
) -> bytes:
    """Return the programme (or one session) as an .ics file in the event's time zone."""
    _ = translator.get(lang).gettext
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", kb.event.name.get(lang))
    cal.add("x-wr-timezone", kb.event.timezone)
    cal.add("x-wr-caldesc", _("Programme of {event}").format(event=kb.event.name.get(lang)))
    for session in kb.sessions:
        if session_id is not None and session.id != session_id:
            continue
        event = _event(kb, session, lang, _, stamp)
        if event is not None:
            cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
