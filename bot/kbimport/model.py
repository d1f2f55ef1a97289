"""The neutral programme every schedule reader produces and the writer turns into YAML.

Its texts are plain (no control characters, no HTML) and its time zones IANA names: the
helpers below are how every reader gets them so.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HTML = re.compile(r"</?(?:br|p|a|b|i|u|em|strong|ul|ol|li|div|span|h[1-6])\b[^>]*>", re.I)
_LINK = re.compile(r"<a\b[^>]*?href=[\"']([^\"']+)[\"'][^>]*>(.*?)</a>", re.I | re.S)
_BREAK = re.compile(r"<br\s*/?>|</?(?:p|div|li|h[1-6])\b[^>]*>", re.I)
_BLANKS = re.compile(r"\n{3,}")
_TAG = re.compile(r"<[^>]+>")


class SourceError(ValueError):
    """The source cannot be read; the message says what is wrong with it and where."""


@dataclass(frozen=True)
class Speaker:
    name: str
    bio: str = ""


@dataclass(frozen=True)
class Place:
    """A venue the source names (the shared part of iCalendar LOCATIONs)."""

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
    place: Place | None = None
    talks: tuple[Talk, ...] = field(default_factory=tuple)
    notes: tuple[str, ...] = ()  # things the reader skipped or guessed, told to the organiser


def clean(value: object) -> str:
    """Return a source text stripped of control characters and outer blanks ('' for None)."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


def prose(value: object) -> str:
    """Return a description as plain text: calendar tools often export HTML (<br>, <a href>)."""
    text = clean(value)
    if not _HTML.search(text):
        return text
    text = _LINK.sub(lambda m: f"{m[2]} ({m[1]})" if m[2].strip() != m[1] else m[1], text)
    text = _BREAK.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    return _BLANKS.sub("\n\n", "\n".join(line.strip() for line in text.splitlines())).strip()


def zone(name: str) -> dt.tzinfo | None:
    """Return the IANA time zone `name`, or None when it is empty or unknown."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
