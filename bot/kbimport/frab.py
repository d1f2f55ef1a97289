"""Read frab-format schedules: pretalx's and frab's `schedule.xml` and `schedule.json`.

Both carry the same data (the JSON form is described by c3voc's schedule schema): a
conference (title, start, end, time_zone_name, tracks) and days, each with rooms holding
events (guid, id, pretalx's code, date as an ISO-8601 instant, start HH:MM, duration HH:MM or
HH:MM:SS, room, title, subtitle, track, type, language, abstract, description, persons).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from typing import Any

from bot.kbimport.model import Programme, SourceError, Speaker, Talk, clean, prose, zone

_DURATION = re.compile(r"^(\d{1,3}):(\d{1,2})(?::(\d{1,2}))?$")
_HHMM = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2})?$")


def parse_duration(text: str) -> dt.timedelta | None:
    """Read a frab duration: HH:MM, or HH:MM:SS as frab's schema allows."""
    match = _DURATION.match(text.strip())
    if not match:
        return None
    first, second, third = match.groups()
    if third is None:
        return dt.timedelta(hours=int(first), minutes=int(second))
    return dt.timedelta(hours=int(first), minutes=int(second), seconds=int(third))


def parse_date(text: str) -> dt.date | None:
    """Read a date, or the date of an ISO-8601 instant."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def parse_instant(text: str, tz: dt.tzinfo | None) -> dt.datetime | None:
    """Read an ISO-8601 date-time; one without an offset is local time in `tz`."""
    text = text.strip()
    if "T" not in text and " " not in text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is None and tz is not None:
        value = value.replace(tzinfo=tz)
    return value


def talk_times(
    date: str, start: str, duration: str, end: str, day: dt.date | None, tz: dt.tzinfo | None
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Work out a talk's start and end from frab's redundant fields."""
    begins = parse_instant(date, tz)
    if begins is None:
        on = parse_date(date) or day
        match = _HHMM.match(start.strip())
        if on is None or not match:
            return None, None
        try:
            begins = dt.datetime.combine(on, dt.time(int(match[1]), int(match[2])), tzinfo=tz)
        except ValueError:  # 25:00
            return None, None
    ends = parse_instant(end, tz) if end else None
    if ends is None:
        length = parse_duration(duration) if duration else None
        try:
            ends = begins + length if length else None
        except OverflowError:
            ends = None
    if ends is not None and ends <= begins:
        ends = None
    return begins, ends


def _key(*candidates: object) -> str:
    return next((clean(c) for c in candidates if clean(c)), "")


def read_xml(data: bytes) -> Programme:
    """Read a frab/pretalx schedule.xml."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise SourceError(f"not well-formed XML ({exc})") from exc
    except (LookupError, ValueError) as exc:  # encoding="nonsense" in the declaration
        raise SourceError(f"unreadable XML ({exc})") from exc
    if root.tag != "schedule" or root.find("conference") is None:
        raise SourceError("not a frab/pretalx schedule.xml (no <schedule><conference>)")
    conference = root.find("conference")
    assert conference is not None

    def text(node: ET.Element | None, tag: str) -> str:
        return clean(node.findtext(tag)) if node is not None else ""

    tz_name = text(conference, "time_zone_name")
    tz = zone(tz_name)
    notes = [] if tz or not tz_name else [f"unknown time zone '{tz_name}' in the source"]
    talks: list[Talk] = []
    for day in root.iter("day"):
        on = parse_date(day.get("date", ""))
        for room in day.iter("room"):
            on_date, previous = on, ""
            for event in room.iter("event"):
                start = text(event, "start")
                # frab's XML gives only HH:MM on the conference day, in time order, and a day
                # runs past midnight: a start earlier than the one before is on the next date.
                if on_date and not text(event, "date") and _HHMM.match(start):
                    if previous and start.zfill(5) < previous:
                        on_date += dt.timedelta(days=1)
                    previous = start.zfill(5)
                begins, ends = talk_times(
                    text(event, "date"), start, text(event, "duration"), text(event, "end"),
                    on_date, tz,
                )  # fmt: skip
                persons = event.find("persons")
                speakers = tuple(
                    Speaker(clean(p.text))
                    for p in (persons.iter("person") if persons is not None else ())
                    if clean(p.text)
                )
                talks.append(
                    Talk(
                        key=_key(
                            event.get("code"),
                            event.get("id"),
                            event.get("guid"),
                            text(event, "slug"),
                        ),
                        uid=_key(
                            event.get("guid"),
                            event.get("id"),
                            event.get("code"),
                            text(event, "slug"),
                        ),
                        title=text(event, "title"),
                        start=begins,
                        end=ends,
                        day=on,
                        room=text(event, "room") or clean(room.get("name")),
                        track=text(event, "track"),
                        kind=text(event, "type"),
                        language=text(event, "language"),
                        subtitle=text(event, "subtitle"),
                        abstract=prose(event.findtext("abstract")),
                        description=prose(event.findtext("description")),
                        speakers=speakers,
                    )  # fmt: skip
                )
    return Programme(
        source="frab/pretalx schedule.xml",
        title=text(conference, "title"),
        start_date=parse_date(text(conference, "start")),
        end_date=parse_date(text(conference, "end")),
        timezone=tz_name if tz else "",
        url=text(conference, "url") or text(root, "url"),
        talks=tuple(talks),
        notes=tuple(notes),
    )


def read_json(data: bytes) -> Programme:
    """Read a frab/pretalx schedule.json (schedule.conference.days[].rooms{room: [talks]})."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(f"not valid JSON ({exc})") from exc
    schedule = document.get("schedule", document) if isinstance(document, dict) else None
    conference = schedule.get("conference") if isinstance(schedule, dict) else None
    if not isinstance(conference, dict) or not isinstance(conference.get("days"), list):
        raise SourceError("not a frab/pretalx schedule.json (no schedule.conference.days)")
    tz_name = clean(conference.get("time_zone_name"))
    tz = zone(tz_name)
    notes = [] if tz or not tz_name else [f"unknown time zone '{tz_name}' in the source"]
    talks: list[Talk] = []
    for day in conference["days"]:
        if not isinstance(day, dict):
            continue
        on = parse_date(clean(day.get("date")))
        rooms = day.get("rooms")
        for room_name, items in _room_items(rooms):
            for item in items:
                if isinstance(item, dict):
                    talks.append(_json_talk(item, room_name, on, tz))
    return Programme(
        source="frab/pretalx schedule.json",
        title=clean(conference.get("title")),
        start_date=parse_date(clean(conference.get("start"))),
        end_date=parse_date(clean(conference.get("end"))),
        timezone=tz_name if tz else "",
        url=clean(conference.get("url") or schedule.get("url")),  # type: ignore[union-attr]
        talks=tuple(talks),
        notes=tuple(notes),
    )


def _room_items(rooms: object) -> Iterable[tuple[str, list[Any]]]:
    if isinstance(rooms, Mapping):
        for name, items in rooms.items():
            if isinstance(items, list):
                yield clean(name), items


def _json_talk(
    item: Mapping[str, Any], room: str, on: dt.date | None, tz: dt.tzinfo | None
) -> Talk:
    begins, ends = talk_times(
        clean(item.get("date")), clean(item.get("start")), clean(item.get("duration")),
        clean(item.get("end")), on, tz,
    )  # fmt: skip
    speakers = tuple(
        Speaker(clean(p.get("name") or p.get("public_name")), prose(p.get("biography")))
        for p in item.get("persons") or ()
        if isinstance(p, Mapping) and clean(p.get("name") or p.get("public_name"))
    )
    return Talk(
        key=_key(item.get("code"), item.get("id"), item.get("guid"), item.get("slug")),
        uid=_key(item.get("guid"), item.get("id"), item.get("code"), item.get("slug")),
        title=clean(item.get("title")),
        start=begins,
        end=ends,
        day=on,
        room=clean(item.get("room")) or room,
        track=clean(item.get("track")),
        kind=clean(item.get("type")),
        language=clean(item.get("language")),
        subtitle=clean(item.get("subtitle")),
        abstract=prose(item.get("abstract")),
        description=prose(item.get("description")),
        speakers=speakers,
    )
