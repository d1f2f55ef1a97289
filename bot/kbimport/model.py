"""The neutral programme every schedule reader produces and the writer turns into YAML."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class SourceError(ValueError):
    """The source cannot be read; the message says what is wrong with it and where."""


@dataclass(frozen=True)
class Speaker:
    name: str
    bio: str = ""


@dataclass(frozen=True)
class Place:
    """A venue the source names (iCalendar LOCATION, frab's conference venue)."""

    name: str
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Talk:
    """One programme item as the source gives it; times are aware datetimes."""

    key: str  # the source's short id (pretalx code, frab id, iCalendar UID)
    uid: str  # the source's most unique id (guid, UID); tells apart repeats of one talk
    title: str
    start: dt.datetime | None = None  # aware
    end: dt.datetime | None = None  # aware
    day: dt.date | None = None  # for items without a time (all-day calendar entries)
    room: str = ""
    place: Place | None = None
    track: str = ""
    kind: str = ""  # talk, workshop…
    language: str = ""
    subtitle: str = ""
    abstract: str = ""
    description: str = ""
    speakers: tuple[Speaker, ...] = ()


@dataclass(frozen=True)
class Programme:
    """A whole schedule: the conference's own facts and its talks."""

    source: str  # e.g. "frab/pretalx schedule.xml"
    title: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    timezone: str = ""  # an IANA name when the source gives one
    url: str = ""
    language: str = ""
    place: Place | None = None
    talks: tuple[Talk, ...] = field(default_factory=tuple)
    notes: tuple[str, ...] = ()  # things the reader skipped or guessed, told to the organiser
