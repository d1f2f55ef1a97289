"""Read an iCalendar (.ics) programme: one talk per VEVENT (RFC 5545).

DTSTART/DTEND (or DURATION) with a TZID, in UTC or floating; SUMMARY, DESCRIPTION, UID,
CATEGORIES (the track), LOCATION (room and venue) and GEO (the venue's coordinates).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import icalendar

from bot.kbimport.frab import clean, prose, zone
from bot.kbimport.model import Place, Programme, SourceError, Talk


def read_ics(data: bytes) -> Programme:
    """Read an iCalendar file."""
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except ValueError as exc:
        raise SourceError(f"not a valid iCalendar file ({exc})") from exc
    if calendar.name != "VCALENDAR":
        raise SourceError("not an iCalendar file (no BEGIN:VCALENDAR)")
    events = list(calendar.walk("VEVENT"))
    notes: list[str] = []
    rooms_and_places = _rooms_and_places([clean(e.get("LOCATION")) for e in events])
    talks: list[Talk] = []
    for event, (room, place) in zip(events, rooms_and_places, strict=True):
        talk = _talk(event, room, place)
        if talk is None:
            notes.append(f"skipped a VEVENT without DTSTART: '{clean(event.get('SUMMARY'))}'")
            continue
        if event.get("RRULE"):
            notes.append(f"'{talk.title}' repeats (RRULE): imported its first occurrence only")
        talks.append(talk)
    geo = next((e.get("GEO") for e in events if e.get("GEO") is not None), None)
    places = {t.place for t in talks if t.place}
    place = places.pop() if len(places) == 1 else None
    if place and geo is not None:
        place = Place(place.name, place.address, float(geo.latitude), float(geo.longitude))
        talks = [replace(t, place=place) if t.place else t for t in talks]
    days = [d for t in talks for d in (_local_day(t.start) or t.day,) if d is not None]
    return Programme(
        source="iCalendar .ics",
        title=clean(calendar.get("X-WR-CALNAME") or calendar.get("NAME")),
        start_date=min(days, default=None),
        end_date=max(days, default=None),
        timezone=_timezone(calendar, talks),
        place=place,
        talks=tuple(talks),
        notes=tuple(notes),
    )


def _talk(event: Any, room: str, place: Place | None) -> Talk | None:
    if event.get("DTSTART") is None:
        return None
    try:
        start, end = event.start, event.end
    except (ValueError, TypeError, KeyError):
        return None
    categories = [clean(c) for c in getattr(event, "categories", ()) if clean(c)]
    uid = clean(event.get("UID")) or clean(event.get("SUMMARY"))
    talk = Talk(
        key=uid.partition("@")[0] or uid,  # "talk-7@host": the host is the same for every event
        uid=uid,
        title=clean(event.get("SUMMARY")),
        room=room,
        place=place,
        track=categories[0] if categories else "",
        description=prose(event.get("DESCRIPTION")),
    )
    if not isinstance(start, dt.datetime):  # an all-day entry: a date, no times
        return replace(talk, day=start)
    if not isinstance(end, dt.datetime) or end <= start:
        end = None
    return replace(talk, start=start, end=end)


def _local_day(instant: dt.datetime | None) -> dt.date | None:
    return instant.date() if instant else None


def _timezone(calendar: Any, talks: Sequence[Talk]) -> str:
    """Return the calendar's own time zone: X-WR-TIMEZONE, its VTIMEZONE, or its times'."""
    candidates = [clean(calendar.get("X-WR-TIMEZONE"))]
    candidates += [clean(tz.get("TZID")) for tz in calendar.walk("VTIMEZONE")]
    candidates += [
        str(getattr(t.start.tzinfo, "key", "")) for t in talks if t.start and t.start.tzinfo
    ]
    return next((c for c in candidates if c and c != "UTC" and zone(c)), "")


def _rooms_and_places(locations: list[str]) -> list[tuple[str, Place | None]]:
    """Split LOCATIONs like "Room 2, Convention Centre, Main St 1" into room and venue.

    The trailing parts every location shares are the venue (its first part the name, all of
    them the address); what comes before is the room. One location for everything is the
    venue itself; locations with nothing in common are rooms of one unnamed venue.
    """
    distinct = sorted({loc for loc in locations if loc})
    split = {loc: [p.strip() for p in loc.split(",") if p.strip()] for loc in distinct}
    if len(distinct) == 1:
        parts = split[distinct[0]]
        place = Place(parts[0], distinct[0] if len(parts) > 1 else "")
        return [("", place if loc else None) for loc in locations]
    shared = _shared_tail(list(split.values()))
    if not shared:
        return [(loc, None) for loc in locations]
    place = Place(shared[0], ", ".join(shared) if len(shared) > 1 else "")
    return [
        (", ".join(split[loc][: len(split[loc]) - len(shared)]), place) if loc else ("", None)
        for loc in locations
    ]


def _shared_tail(parts: list[list[str]]) -> list[str]:
    if not parts:
        return []
    tail: list[str] = []
    for i in range(1, min(len(p) for p in parts) + 1):
        candidates = {p[-i].casefold() for p in parts}
        if len(candidates) != 1:
            break
        tail.insert(0, parts[0][-i])
    # A shared tail that leaves no location a room of its own names nothing useful.
    if not any(len(p) > len(tail) for p in parts):
        return []
    return tail
