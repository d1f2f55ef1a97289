"""Turn an imported programme into knowledge-base YAML files the import owns."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.kbimport.folder import MARKER, SESSIONS_FILE, VENUES_FILE, Folder, owned
from bot.kbimport.model import Place, Programme, SourceError, Talk, zone

_NOT_ID = re.compile(r"[^a-z0-9_-]+")
_LANG = re.compile(r"^[a-z]{2}$")
_CLOCK = re.compile(r"^\d\d:\d\d$")
MAX_ID = 48
# What each import rewrites from the source; any other field an organiser adds to an imported
# session (questions, keywords, know, part_of) is kept across imports.
SOURCE_FIELDS = (
    "id",
    "title",
    "summary",
    "description",
    "date",
    "start",
    "end",
    "venue",
    "room",
    "track",
    "speakers",
)
DEFAULT_VENUE = "main"


@dataclass(frozen=True)
class Options:
    timezone: str = ""  # the time zone of times the source gives without one, and of a new event
    language: str = ""  # the language the source's texts are in


@dataclass
class Outcome:
    """The files to write (path -> text, None to remove) and what to tell the organiser."""

    files: dict[Path, str | None] = field(default_factory=dict)
    sessions: int = 0
    venues: int = 0
    event_written: bool = False
    notes: list[str] = field(default_factory=list)
    # Against the previous import (all empty on the first): session ids new, gone and changed.
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


def slug(text: str) -> str:
    """Return `text` as a knowledge-base id: 1-48 of a-z, 0-9, '_' and '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_ID.sub("-", ascii_text.lower()).strip("-_")[:MAX_ID].strip("-_")


def _hashed(base: str, uid: str) -> str:
    digest = hashlib.sha1(uid.encode("utf-8")).hexdigest()[:6]  # noqa: S324 (an id, no secret)
    return f"{base[: MAX_ID - 7].rstrip('-_')}-{digest}" if base else digest


def language_of(code: str) -> str:
    """Return the two-letter language of a source's code ('en-US' -> 'en'), or ''."""
    head = code.strip().lower().replace("_", "-").split("-")[0]
    return head if _LANG.match(head) else ""


class Plan:
    """Work out the YAML for one programme imported into one folder."""

    def __init__(self, programme: Programme, folder: Folder, options: Options) -> None:
        self.programme, self.folder, self.options = programme, folder, options
        self.outcome = Outcome(notes=list(programme.notes))
        self.has_event = folder.event_file is not None
        self.tz_name = self._timezone()
        self.tz = zone(self.tz_name) or dt.UTC
        self.floating = zone(options.timezone or programme.timezone) or self.tz
        self.languages = folder.languages if self.has_event else [self._source_language()]
        self.default = self.languages[0]
        self.session_id_set: set[str] = set()

    def _timezone(self) -> str:
        for name in (self.folder.timezone, self.options.timezone, self.programme.timezone):
            if name and zone(name):
                return name
        self.outcome.notes.append(
            "the source names no time zone: times are read as UTC (use --timezone to choose)"
        )
        return "UTC"

    def _source_language(self) -> str:
        if self.options.language:
            return self.options.language
        found = Counter(language_of(t.language) for t in self.programme.talks)
        found.pop("", None)
        if found:
            return found.most_common(1)[0][0]
        self.outcome.notes.append(
            "the source does not say its language: texts are filed under 'en' "
            "(use --lang to choose)"
        )
        return "en"

    def text(self, value: str, language: str = "") -> dict[str, str]:
        """Key a source text by its language (the talk's, else --lang) when the event speaks it,
        else by the event's default language."""
        lang = language_of(language) or language_of(self.options.language)
        return {lang if lang in self.languages else self.default: value}

    # -- times -------------------------------------------------------------------------------

    def local(self, instant: dt.datetime) -> dt.datetime:
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=self.floating)
        return instant.astimezone(self.tz)

    def when(self, talk: Talk) -> dict[str, Any] | None:
        """Return date, start and end in the event's time zone (None: the talk has no date)."""
        if talk.start is None:
            return {"date": talk.day} if talk.day else None
        begins = self.local(talk.start)
        times: dict[str, Any] = {"date": begins.date(), "start": begins.strftime("%H:%M")}
        if talk.end is not None:
            ends = self.local(talk.end)
            same_day = ends.date() == begins.date() and ends > begins
            # Past midnight, the KB's rule: an evening start and an end by noon the next day.
            overnight = ends.date() == begins.date() + dt.timedelta(days=1) and (
                begins.hour >= 12 and ends.time() <= dt.time(12)
            )
            if same_day or overnight:
                times["end"] = ends.strftime("%H:%M")
            else:
                self.outcome.notes.append(
                    f"'{talk.title}' ends on another day ({begins:%Y-%m-%d %H:%M} to "
                    f"{ends:%Y-%m-%d %H:%M}): written with its start time only"
                )
        return times

    # -- ids ---------------------------------------------------------------------------------

    def session_ids(self, talks: list[Talk]) -> list[str]:
        """Give each talk a stable id from its source id; clashes get a hash of the source's."""
        bases = [slug(t.key) or slug(t.title) or "session" for t in talks]
        counts = Counter(bases)
        reserved = {i for i, kind in self.folder.hand_ids.items() if kind != "session"}
        reserved |= {"all", "none"}  # the /subscribe picker's own buttons (sub:all, sub:none)
        return [
            _hashed(base, talk.uid or talk.key or talk.title)
            if counts[base] > 1 or base in reserved
            else base
            for base, talk in zip(bases, talks, strict=True)
        ]

    # -- records -----------------------------------------------------------------------------

    def venue_for(self, place: Place | None, venues: dict[str, dict[str, Any]]) -> str:
        """Return the venue id for a talk held at `place` (None: the source names no venue)."""
        hand = self.folder.hand_venues
        if place is None:
            if len(hand) == 1:
                return hand[0]
            vid, name = DEFAULT_VENUE, self.programme.title
        else:
            vid, name = slug(place.name) or DEFAULT_VENUE, place.name
        if vid in hand:
            return vid
        if self.folder.hand_ids.get(vid) not in (None, "venue") or vid in self.session_id_set:
            vid = _hashed(vid, name)
        if vid not in venues:
            venues[vid] = self._venue(vid, name, place)
            if place is None and vid not in self.folder.previous_venues:
                self.outcome.notes.append(
                    f"the source names no venue: venue '{vid}' carries the event's name; give it "
                    f"its real name and address in {VENUES_FILE} (kept across imports)"
                )
        return vid

    def _venue(self, vid: str, name: str, place: Place | None) -> dict[str, Any]:
        previous = dict(self.folder.previous_venues.get(vid, {}))
        record: dict[str, Any] = {"id": vid}
        record["name"] = (
            self.text(name) if place is not None or "name" not in previous else previous["name"]
        )
        if place is not None and place.address:
            record["address"] = self.text(place.address)
        if place is not None and place.latitude is not None and place.longitude is not None:
            record["latitude"], record["longitude"] = place.latitude, place.longitude
        for key, value in previous.items():
            record.setdefault(key, value)
        return record

    def session(self, sid: str, talk: Talk, venue: str, times: dict[str, Any]) -> dict[str, Any]:
        lang = talk.language
        record: dict[str, Any] = {"id": sid, "title": self.text(talk.title or sid, lang)}
        if talk.subtitle:
            record["summary"] = self.text(talk.subtitle, lang)
        parts = [talk.abstract, talk.description]
        description = "\n\n".join(p for i, p in enumerate(parts) if p and p not in parts[:i])
        if description:
            record["description"] = self.text(description, lang)
        record.update(times)
        record["venue"] = venue
        if talk.room:
            record["room"] = talk.room
        if talk.track:
            record["track"] = talk.track
        if talk.speakers:
            record["speakers"] = [
                {"name": s.name, **({"bio": self.text(s.bio, lang)} if s.bio else {})}
                for s in talk.speakers
            ]
        previous = self.folder.previous_sessions.get(sid, {})
        for key, value in previous.items():
            if key not in SOURCE_FIELDS:
                record[key] = value
        if talk.kind:  # "workshop", "panel": a word attendees ask with, not a summary
            record["keywords"] = _with_keyword(previous.get("keywords"), self.text(talk.kind, lang))
        return record

    def event(self, dates: list[dt.date]) -> dict[str, Any]:
        p = self.programme
        starts = [d for d in (p.start_date, *dates) if d]
        ends = [d for d in (p.end_date, *dates) if d]
        record: dict[str, Any] = {
            "languages": _Flow(self.languages),
            "name": self.text(p.title),
            "start_date": min(starts),
            "end_date": max(ends),
            "timezone": self.tz_name,
        }
        if p.url.startswith(("https://", "http://")):
            record["website"] = p.url
        return record

    def build(self, source_name: str) -> Outcome:
        outcome, folder = self.outcome, self.folder
        talks, seen = [], set()
        for talk in self.programme.talks:
            if talk.uid and talk.uid in seen:
                outcome.notes.append(f"'{talk.title}' is listed twice in the source: kept once")
                continue
            seen.add(talk.uid)
            talks.append(talk)
        venues: dict[str, dict[str, Any]] = {}
        sessions: list[dict[str, Any]] = []
        ids = self.session_ids(talks)
        self.session_id_set = set(ids)
        for sid, talk in zip(ids, talks, strict=True):
            if folder.hand_ids.get(sid) == "session":
                outcome.notes.append(f"session '{sid}' is in your own files: left as you wrote it")
                continue
            try:
                times = self.when(talk)
            except (OverflowError, ValueError):
                times = None
            if times is None:
                outcome.notes.append(f"'{talk.title}' has no date in the source: not imported")
                continue
            place = talk.place or self.programme.place
            venue = self.venue_for(place, venues)
            if talk.place is None and self.programme.place is not None:
                outcome.notes.append(
                    f"'{talk.title}' has no location in the source: put at venue '{venue}'"
                )
            sessions.append(self.session(sid, talk, venue, times))
        if not any(s.get("date") for s in sessions) and not self.has_event:
            raise SourceError("no talk in the source has a date")
        sessions.sort(key=_order)
        self._check_dates([s["date"] for s in sessions])
        self._compare(sessions)
        outcome.sessions, outcome.venues = len(sessions), len(venues)
        header = _header(source_name, self.programme.source)
        outcome.files[folder.path / SESSIONS_FILE] = header + _dump({"sessions": sessions})
        outcome.files[folder.path / VENUES_FILE] = (
            header + _dump({"venues": list(venues.values())}) if venues else None
        )
        if not self.has_event:
            name = (
                "event.yaml" if not (folder.path / "event.yaml").exists() else "imported-event.yaml"
            )
            outcome.files[folder.path / name] = _event_header(source_name) + _dump(
                {"event": self.event([s["date"] for s in sessions])}
            )
            outcome.event_written = True
        return outcome

    def _compare(self, sessions: list[dict[str, Any]]) -> None:
        previous = self.folder.previous_sessions
        if not previous:
            return
        now = {s["id"]: s for s in sessions}
        self.outcome.added = [i for i in now if i not in previous]
        self.outcome.removed = sorted(i for i in previous if i not in now)
        self.outcome.changed = [
            i
            for i, s in now.items()
            if i in previous and any(s.get(k) != previous[i].get(k) for k in SOURCE_FIELDS)
        ]

    def _check_dates(self, dates: list[dt.date]) -> None:
        """Tell when imported sessions fall outside the dates of the organiser's event section."""
        event = self.folder.event or {}
        first, last = event.get("start_date"), event.get("end_date")
        if not (isinstance(first, dt.date) and isinstance(last, dt.date)):
            return
        outside = sorted({d for d in dates if not first <= d <= last})
        if outside:
            days = ", ".join(d.isoformat() for d in outside)
            self.outcome.notes.append(
                f"sessions on {days} fall outside the event's dates ({first} to {last}) in "
                f"{self.folder.event_file}: widen start_date/end_date there"
            )


def _with_keyword(keywords: Any, kind: dict[str, str]) -> dict[str, list[str]]:
    """Add the source's talk type to the keywords an organiser gave, once per language."""
    merged = {
        str(lang): [str(w) for w in words]
        for lang, words in (keywords.items() if isinstance(keywords, dict) else ())
        if isinstance(words, list)
    }
    for lang, word in kind.items():
        words = merged.setdefault(lang, [])
        if word.casefold() not in (w.casefold() for w in words):
            words.insert(0, word.lower())
    return merged


def _order(session: dict[str, Any]) -> tuple[Any, ...]:
    return (session["date"], session.get("start", ""), session.get("room", ""), session["id"])


def plan_import(programme: Programme, folder: Folder, options: Options, source: str) -> Outcome:
    """Return the files an import of `programme` into `folder` writes, and its notes."""
    for name in (SESSIONS_FILE, VENUES_FILE):
        path = folder.path / name
        if path.exists() and not owned(path):
            raise SourceError(
                f"{path} was not written by confbot import: rename it so the import "
                "does not overwrite your work"
            )
    if not programme.talks:
        raise SourceError("the source holds no talks or events")
    return Plan(programme, folder, options).build(source)


def write_files(outcome: Outcome) -> None:
    """Write (or remove) the planned files; each one is replaced whole, never half-written.

    A running bot re-reads the folder as files change: venues and the event go first and the
    sessions that name them after, and a file is removed last, so no step leaves a session
    pointing at a venue that is not there yet.
    """
    writes = sorted(
        ((p, t) for p, t in outcome.files.items() if t is not None),
        key=lambda item: item[0].name == SESSIONS_FILE,
    )
    for path, text in writes:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    for path in (p for p, t in outcome.files.items() if t is None):
        if path.exists() and owned(path):
            path.unlink()


def _header(source_name: str, kind: str) -> str:
    return (
        f"{MARKER}\n"
        f"# Imported from {source_name} ({kind}).\n"
        "# Importing again replaces what came from the source; fields you add to a session\n"
        "# (questions, keywords, know, part_of) or a venue (address, coordinates, directions,\n"
        "# notes) are kept. To change a session entirely, copy it with its id into a file of\n"
        "# your own: the import then leaves it to you.\n\n"
    )


def _event_header(source_name: str) -> str:
    return (
        f"# The event, as {source_name} gives it: written once by `confbot import` and yours\n"
        "# to edit (add city, organiser, contact, description, more languages…).\n\n"
    )


# libyaml's emitter when PyYAML has it (several times faster on a large programme).
_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[valid-type,misc]
    """Block style; multi-line texts as literal blocks so they stay readable."""

    def ignore_aliases(self, data: Any) -> bool:
        return True  # never `start_date: &id001 …` / `end_date: *id001`: each value written out


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else '"' if _CLOCK.match(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _Flow(list[str]):
    """A short list written on one line: `languages: [es, en]`."""


def _flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


class _PyDumper(yaml.SafeDumper):
    """PyYAML's own emitter, for texts libyaml would escape (an emoji as "\\U0001F40D")."""

    ignore_aliases = _Dumper.ignore_aliases


for _class in (_Dumper, _PyDumper):
    _class.add_representer(str, _text)
    _class.add_representer(_Flow, _flow)


def _dump(data: dict[str, Any]) -> str:
    options: dict[str, Any] = {
        "sort_keys": False,
        "allow_unicode": True,
        "width": 100,
        "default_flow_style": False,
    }
    text = yaml.dump(data, Dumper=_Dumper, **options)
    if "\\U" in text:  # libyaml escapes characters beyond U+FFFF, such as emoji
        text = yaml.dump(data, Dumper=_PyDumper, **options)
    return str(text)
