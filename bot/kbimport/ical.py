"""Read an iCalendar (.ics) programme: one talk per VEVENT, or per occurrence (RFC 5545).

DTSTART/DTEND (or DURATION) with a TZID, in UTC or floating; SUMMARY, DESCRIPTION, UID,
CATEGORIES (the track), LOCATION (room and venue) and GEO (the venue's coordinates).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from itertools import islice
from typing import Any

import icalendar
from dateutil.rrule import rrulestr
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from bot.kbimport.model import Place, Programme, SourceError, Talk, clean, prose, zone

MAX_REPEATS = 100  # occurrences of one repeating event (a daily item over a long festival)


def read_ics(data: bytes) -> Programme:
    """Read an iCalendar file."""
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except ValueError as exc:
        raise SourceError(f"not a valid iCalendar file ({exc})") from exc
    except (AttributeError, KeyError, TypeError, IndexError) as exc:
        # The library's own bugs on damaged input (a VCALENDAR nested where a VTIMEZONE
        # belongs): still a file we cannot read, said as such rather than a traceback.
        raise SourceError(f"not a valid iCalendar file ({type(exc).__name__})") from exc
    if calendar.name != "VCALENDAR":
        raise SourceError("not an iCalendar file (no BEGIN:VCALENDAR)")
    every = list(calendar.walk("VEVENT"))
    # A cancelled event is not on the programme; a cancelled occurrence of a series still
    # counts as moved below, so the series skips that day.
    events = [e for e in every if clean(e.get("STATUS")).upper() != "CANCELLED"]
    notes = [
        f"skipped '{clean(e.get('SUMMARY'))}': cancelled (STATUS:CANCELLED)"
        for e in every
        if e not in events and _recurrence(e) is None
    ]
    rooms_and_places = _rooms_and_places([clean(e.get("LOCATION")) for e in events])
    moved = {
        (clean(e.get("UID")), _stamp(when)) for e in every if (when := _recurrence(e)) is not None
    }
    talks: list[Talk] = []
    for event, (room, place) in zip(events, rooms_and_places, strict=True):
        talk = _talk(event, room, place)
        if talk is None:
            notes.append(f"skipped a VEVENT without DTSTART: '{clean(event.get('SUMMARY'))}'")
            continue
        if (when := _recurrence(event)) is not None:  # one occurrence of a series, moved
            talks.append(_occurrence(talk, when))
        elif event.get("RRULE") is not None:
            talks += _repeats(event, talk, moved, notes)
        else:
            talks += _days(event, talk)
    places = {t.place for t in talks if t.place}
    place = places.pop() if len(places) == 1 else None
    geo = next((g for e in events if (g := _geo(e)) is not None), None)
    if place and geo is not None:
        place = Place(place.name, place.address, *geo)
        talks = [replace(t, place=place) if t.place else t for t in talks]
    # No start_date/end_date: a calendar has none of its own, and its events' days are only
    # known once their times are in the event's time zone (the writer's work).
    return Programme(
        source="iCalendar .ics",
        title=clean(calendar.get("X-WR-CALNAME") or calendar.get("NAME")),
        timezone=_timezone(calendar, talks),
        place=place,
        talks=tuple(talks),
        notes=tuple(notes),
    )


def _geo(event: Any) -> tuple[float, float] | None:
    """Return a VEVENT's GEO as (latitude, longitude) when it is a real place on Earth."""
    try:
        geo = event.get("GEO")
        lat, lon = (float(geo.latitude), float(geo.longitude)) if geo is not None else (0, 0)
    except (ValueError, TypeError, AttributeError):
        return None
    return (lat, lon) if geo is not None and abs(lat) <= 90 and abs(lon) <= 180 else None


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
    if not isinstance(end, dt.datetime) or (end.tzinfo is None) != (start.tzinfo is None):
        end = None  # no end, or one in another kind of time than the start (damaged)
    elif end <= start:
        end = None
    return replace(talk, start=start, end=end)


def _recurrence(event: Any) -> dt.date | None:
    """Return the RECURRENCE-ID of a VEVENT that moves one occurrence of a series."""
    if event.get("RECURRENCE-ID") is None:
        return None
    try:
        when = event.decoded("RECURRENCE-ID")
    except (ValueError, TypeError, KeyError):
        return None
    return when if isinstance(when, dt.date) else None


def _stamp(when: dt.date) -> str:
    """Name one occurrence of a series, whatever zone its RECURRENCE-ID is written in."""
    if isinstance(when, dt.datetime) and when.tzinfo is not None:
        return f"{when.astimezone(dt.UTC):%Y%m%dT%H%M%S}Z"
    return when.strftime("%Y%m%dT%H%M%S") if isinstance(when, dt.datetime) else f"{when:%Y%m%d}"


def _occurrence(talk: Talk, series_at: dt.date, **times: Any) -> Talk:
    """Return one occurrence of a repeating talk, its id and uid told apart by its date."""
    key, uid = f"{talk.key}-{series_at:%Y%m%d}", f"{talk.uid}#{_stamp(series_at)}"
    return replace(talk, key=key, uid=uid, **times)


def _repeats(event: Any, talk: Talk, moved: set[tuple[str, str]], notes: list[str]) -> list[Talk]:
    """Expand an RRULE (with EXDATEs) into one talk per occurrence, up to MAX_REPEATS."""
    first = talk.start or (dt.datetime.combine(talk.day, dt.time()) if talk.day else None)
    try:
        rule = event.get("RRULE").to_ical().decode()
        series = rrulestr(f"RRULE:{rule}", dtstart=first, forceset=True)
        for exdates in _as_list(event.get("EXDATE")):
            for value in exdates.dts:
                series.exdate(
                    value.dt
                    if isinstance(value.dt, dt.datetime)
                    else dt.datetime.combine(value.dt, dt.time())
                )
        occurrences = list(islice(series, MAX_REPEATS + 1))
    except (ValueError, TypeError, AttributeError):
        notes.append(f"'{talk.title}' repeats in a way not understood: imported once")
        return [talk]
    if len(occurrences) > MAX_REPEATS:
        notes.append(f"'{talk.title}' repeats more than {MAX_REPEATS} times: the first kept")
    length = talk.end - talk.start if talk.start and talk.end else None
    found = []
    for when in occurrences[:MAX_REPEATS]:
        if talk.start is None:  # an all-day series
            if (talk.uid, _stamp(when.date())) not in moved:
                found.append(_occurrence(talk, when.date(), day=when.date()))
        elif (talk.uid, _stamp(when)) not in moved:
            end = when + length if length else None
            found.append(_occurrence(talk, when, start=when, end=end))
    return found


def _days(event: Any, talk: Talk) -> list[Talk]:
    """Return an all-day entry spanning several days (an exhibition) as one talk per day."""
    end = getattr(event, "end", None)
    if talk.day is None or not isinstance(end, dt.date) or isinstance(end, dt.datetime):
        return [talk]
    days = min((end - talk.day).days, MAX_REPEATS)  # DTEND of an all-day entry is exclusive
    if days <= 1:
        return [talk]
    dates = [talk.day + dt.timedelta(days=n) for n in range(days)]
    return [_occurrence(talk, day, day=day) for day in dates]


def _as_list(value: Any) -> list[Any]:
    return [] if value is None else value if isinstance(value, list) else [value]


def _timezone(calendar: Any, talks: Sequence[Talk]) -> str:
    """Return the calendar's own time zone: X-WR-TIMEZONE, its VTIMEZONE, or its times'."""
    candidates = [clean(calendar.get("X-WR-TIMEZONE"))]
    candidates += [clean(tz.get("TZID")) for tz in calendar.walk("VTIMEZONE")]
    candidates += [
        str(getattr(t.start.tzinfo, "key", "")) for t in talks if t.start and t.start.tzinfo
    ]
    # Outlook and Exchange name Windows zones ("Pacific Standard Time"): their IANA names.
    candidates = [WINDOWS_TO_OLSON.get(c, c) for c in candidates]
    return next((c for c in candidates if c and c != "UTC" and zone(c)), "")


def _rooms_and_places(locations: list[str]) -> list[tuple[str, Place | None]]:
    """Split LOCATIONs like "Room 2, Convention Centre, Main St 1" into room and venue.

    Trailing parts that several locations share are a venue (its first part the name, all of
    them the address); what comes before is the room. The longest such tail is taken first,
    so two venues with rooms of their own, and a dinner at "Restaurant X, Calle 5, Town" next
    to a centre's rooms in Town, stay apart. A location no other shares is a venue of its own
    when it reads like an address (it has a comma); one location for everything is the venue
    itself; single words with nothing in common are rooms of one unnamed venue.
    """
    distinct = sorted({loc for loc in locations if loc})
    split = {loc: [p.strip() for p in loc.split(",") if p.strip()] for loc in distinct}
    found: dict[str, tuple[str, Place | None]] = {}
    rest = [loc for loc in distinct if split[loc]]
    while tail := _longest_shared_tail([split[loc] for loc in rest]):
        place = Place(tail[0], ", ".join(tail) if len(tail) > 1 else "")
        key = [t.casefold() for t in tail]
        for loc in [loc for loc in rest if _ends_with(split[loc], key)]:
            found[loc] = (", ".join(split[loc][: len(split[loc]) - len(tail)]), place)
            rest.remove(loc)
    for loc in rest:
        parts = split[loc]
        if len(distinct) == 1 or len(parts) > 1:
            found[loc] = ("", Place(parts[0], loc if len(parts) > 1 else ""))
        else:
            found[loc] = (loc, None)
    return [found.get(loc, ("", None)) for loc in locations]


def _ends_with(parts: list[str], tail: list[str]) -> bool:
    return (
        len(parts) >= len(tail) and [p.casefold() for p in parts[len(parts) - len(tail) :]] == tail
    )


def _longest_shared_tail(parts: list[list[str]]) -> list[str]:
    """The longest run of trailing parts two or more locations share, one of them with a room
    before it (a tail that leaves no location a room of its own names nothing useful)."""
    tails: dict[tuple[str, ...], list[list[str]]] = {}
    for p in parts:
        for n in range(1, len(p) + 1):
            tails.setdefault(tuple(x.casefold() for x in p[-n:]), []).append(p)
    shared = [
        (len(key), key, holders)
        for key, holders in tails.items()
        if len(holders) >= 2 and any(len(h) > len(key) for h in holders)
    ]
    if not shared:
        return []
    size, _, holders = max(shared, key=lambda s: (s[0], len(s[2])))
    return holders[0][-size:]
