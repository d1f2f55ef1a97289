"""Read knowledge-base YAML into records, collecting every problem with its line and column."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import yaml

from bot.domain.records import (
    LANGS,
    Event,
    Faq,
    Localized,
    Phrases,
    Problem,
    Session,
    Speaker,
    Venue,
)

# 48 at most: an id travels in button data ("ask:<id>:es"), which Telegram caps at 64 bytes.
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,47}$")
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_LANG = re.compile(r"^[a-z]{2}$")
_URL = re.compile(r"^https?://\S+$")
_NOON = dt.time(12)  # a session past midnight starts after it and ends before it

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present


class _Map(dict[str, Any]):
    line = 0
    column = 0
    key_marks: dict[str, tuple[int, int]]


class _Seq(list[Any]):
    line = 0
    column = 0


class _Int(int):
    """An integer as written (`0x1F`, `010`), so a text that looks like one keeps its spelling."""

    source = ""


class _Float(float):
    """A number with a point as written (`1.10`), for the same reason."""

    source = ""


class _Word(str):
    """A plain yes/no/on/off/true/false: nothing in a knowledge base is a flag, so it is text."""


def written(value: object) -> str:
    """Return a scalar as the organiser wrote it (`Yes`, `1.10`), not as YAML 1.1 reads it."""
    return str(getattr(value, "source", "") or value)


class LineLoader(_Base):
    """Keep the (1-based) line and column of every mapping, key and list for problem reports."""

    duplicates: list[tuple[str, int, int]]

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> _Map:
        result = _Map()
        result.line, result.column = node.start_mark.line + 1, node.start_mark.column + 1
        result.key_marks = {}
        for key_node, value_node in node.value:
            key = str(self.construct_object(key_node, deep=True))
            value = self.construct_object(value_node, deep=True)
            mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:  # YAML keeps the last silently: say so
                self.__dict__.setdefault("duplicates", []).append((key, *mark))
            result[key] = value
            result.key_marks[key] = mark
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> _Seq:
        result = _Seq(self.construct_object(child, deep=True) for child in node.value)
        result.line, result.column = node.start_mark.line + 1, node.start_mark.column + 1
        return result

    def construct_timestamp(self, node: yaml.ScalarNode) -> object:
        """Read a date; an impossible one (2015-10-32) stays text so the check can report it."""
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


def _keep_int(loader: LineLoader, node: yaml.ScalarNode) -> _Int:
    number = _Int(loader.construct_yaml_int(node))
    number.source = node.value
    return number


def _keep_float(loader: LineLoader, node: yaml.ScalarNode) -> _Float:
    number = _Float(loader.construct_yaml_float(node))
    number.source = node.value
    return number


def _keep_word(loader: LineLoader, node: yaml.ScalarNode) -> _Word:
    return _Word(node.value)


LineLoader.add_constructor("tag:yaml.org,2002:int", _keep_int)
LineLoader.add_constructor("tag:yaml.org,2002:float", _keep_float)
LineLoader.add_constructor("tag:yaml.org,2002:bool", _keep_word)
LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, LineLoader.construct_mapping
)
LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, LineLoader.construct_sequence
)
LineLoader.add_constructor("tag:yaml.org,2002:timestamp", LineLoader.construct_timestamp)

TOP_KEYS = {"event", "venues", "sessions", "faqs", "synonyms"}
_EVENT_KEYS = {
    "name", "city", "start_date", "end_date", "timezone", "organiser", "contact",
    "description", "reminder_at", "languages", "website",
}  # fmt: skip
_VENUE_KEYS = {"id", "name", "city", "address", "latitude", "longitude", "notes", "directions"}
_SESSION_KEYS = {
    "id", "title", "summary", "description", "date", "start", "end", "venue", "part_of",
    "know", "questions", "keywords", "room", "track", "speakers",
}  # fmt: skip
_SPEAKER_KEYS = {"name", "affiliation", "bio"}
_FAQ_KEYS = {"id", "answer", "questions", "keywords"}
# Session ids the /subscribe picker's buttons use for themselves (sub:all, sub:none).
_RESERVED_SESSION_IDS = {"all": "All sessions", "none": "None"}


def _zone_hint(written: object) -> str:
    """Suggest the IANA name meant by a time zone written in the wrong case or as an offset."""
    text = str(written).strip()
    names = {name.casefold(): name for name in available_timezones()}
    if text.casefold() in names:
        return f" (did you mean {names[text.casefold()]}?)"
    return " (an IANA name such as America/Bogota or Europe/Madrid, not an offset)"


def declared_languages(value: Any) -> tuple[str, ...] | None:
    """Return `event.languages` when it is a valid list of language codes, else None."""
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        codes = tuple(v.strip().lower() for v in value)
        if all(_LANG.match(c) for c in codes) and len(set(codes)) == len(codes):
            return codes
    return None


class Reader:
    """Turn one file's raw mappings into records, collecting problems instead of raising."""

    def __init__(self, path: str, languages: tuple[str, ...] = LANGS) -> None:
        self.path = path
        self.languages = languages
        self.default = languages[0]
        self.problems: list[Problem] = []

    def problem(self, at: tuple[int, int], message: str, warning: bool = False) -> None:
        self.problems.append(Problem(self.path, at[0], message, at[1], warning))

    def at(self, node: Any, key: str | None = None) -> tuple[int, int]:
        """Return (line, column) of `key` in a mapping, or of the node itself."""
        marks = getattr(node, "key_marks", {})
        if key is not None and key in marks:
            return marks[key]
        return getattr(node, "line", 0), getattr(node, "column", 0)

    def mapping(self, value: Any, at: tuple[int, int], what: str) -> _Map | None:
        if isinstance(value, _Map):
            return value
        self.problem(at, f"{what} must be a mapping")
        return None

    def check_keys(self, m: _Map, allowed: set[str], required: set[str], what: str) -> None:
        for key in m:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.problem(self.at(m, key), f"{what}: unknown field '{key}' (known: {known})")
        for key in sorted(required - set(m)):
            self.problem(self.at(m), f"{what}: missing required field '{key}'")

    def text(self, value: Any, at: tuple[int, int], what: str) -> Localized | None:
        """Read a text: a plain string (the default language's) or a mapping of language."""
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            text = written(value).strip()
            if text:
                return Localized(((self.default, text),), self.default)
            self.problem(at, f"{what}: is empty")
            return None
        if not isinstance(value, _Map):
            self.problem(at, f"{what}: must be a text or a mapping of language to text")
            return None
        texts: dict[str, str] = {}
        reported = len(self.problems)
        for lang, item in value.items():
            if not _LANG.match(lang):
                self.problem(self.at(value, lang), f"{what}: '{lang}' is not a language code")
            elif lang not in self.languages:
                self.problem(
                    self.at(value, lang),
                    f"{what}: '{lang}' is not in event.languages "
                    f"({', '.join(self.languages)}): ignored",
                    warning=True,
                )
            elif isinstance(item, list | dict):
                shape = "list" if isinstance(item, list) else "mapping"
                self.problem(
                    self.at(value, lang),
                    f"{what}: the '{lang}' text is a {shape}, not a text (quote it: \"…\")",
                )
            elif not isinstance(item, str | int | float) or not written(item).strip():
                self.problem(self.at(value, lang), f"{what}: the '{lang}' text is empty")
            else:
                texts[lang] = written(item).strip()
        if not texts:
            if not any(not p.warning for p in self.problems[reported:]):
                self.problem(at, f"{what}: give a text in {self.default}")
            return None
        for lang in self.languages:
            if lang not in texts:
                fallback = self.default if self.default in texts else next(iter(texts))
                self.problem(
                    at, f"{what}: no '{lang}' text ({fallback} is shown instead)", warning=True
                )
        return Localized.from_mapping(texts, self.default)

    def localized(self, m: _Map, key: str, what: str, required: bool = True) -> Localized | None:
        if m.get(key) is None:
            if required:
                self.problem(self.at(m, key), f"{what}.{key}: give a text in {self.default}")
            return None
        return self.text(m[key], self.at(m, key), f"{what}.{key}")

    def phrases(self, m: _Map, key: str, what: str) -> Phrases:
        value = m.get(key)
        if value is None:
            return Phrases()
        if isinstance(value, _Seq):  # a plain list: the default language's
            value = {self.default: value}
        if not isinstance(value, dict):
            self.problem(
                self.at(m, key), f"{what}.{key}: must be a mapping of language to a list of texts"
            )
            return Phrases()
        found: list[tuple[str, tuple[str, ...]]] = []
        for lang, items in value.items():
            at = self.at(value, lang) if isinstance(value, _Map) else self.at(m, key)
            if lang not in self.languages:
                self.problem(
                    at,
                    f"{what}.{key}: '{lang}' is not in event.languages "
                    f"({', '.join(self.languages)}): ignored",
                    warning=True,
                )
                continue
            if not isinstance(items, list):
                self.problem(at, f"{what}.{key}.{lang}: must be a list of texts")
                continue
            good = []
            for item in items:
                if isinstance(item, dict):  # [what is it: the venue] reads as a mapping
                    self.problem(
                        self.at(item) if isinstance(item, _Map) else at,
                        f"{what}.{key}.{lang}: an item with ': ' became a mapping; "
                        'quote it ("...")',
                    )
                elif isinstance(item, str | int | float) and written(item).strip():
                    good.append(written(item).strip())
                else:
                    self.problem(at, f"{what}.{key}.{lang}: items must be non-empty texts")
            found.append((lang, tuple(good)))
        return Phrases(tuple(found))

    def date(self, m: _Map, key: str, what: str) -> dt.date | None:
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(self.at(m, key), f"{what}.{key}: '{value}' is not a date (YYYY-MM-DD)")
        return None

    def time(self, m: _Map, key: str, what: str) -> dt.time | None:
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, int) and ":" in written(value):  # YAML 1.1: 18:00 is 1080
            value = f"{value // 60:02d}:{value % 60:02d}"
        value = written(value) if isinstance(value, int | float) else value
        if isinstance(value, str) and _HHMM.match(value):
            return dt.time.fromisoformat(value)
        self.problem(
            self.at(m, key), f"{what}.{key}: '{value}' is not a time (HH:MM, quoted: \"09:30\")"
        )
        return None

    def ident(self, m: _Map, what: str) -> str | None:
        value = m.get("id")
        if not isinstance(value, str) or not _ID.match(value):
            self.problem(
                self.at(m, "id"), f"{what}: id '{value}' must be 1-48 of a-z, 0-9, '_' or '-'"
            )
            return None
        return value

    def reference(self, m: _Map, key: str, what: str) -> str | None:
        value = m.get(key)
        if value is None or isinstance(value, str):
            return value
        self.problem(self.at(m, key), f"{what}.{key}: must be an id")
        return None

    def coordinate(self, m: _Map, key: str, limit: float, what: str) -> float | None:
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) <= limit:
            return float(value)
        quoted = " (a number: write it without quotes)" if isinstance(value, str) else ""
        self.problem(self.at(m, key), f"{what}.{key}: '{value}' is not a valid {key}{quoted}")
        return None

    def event(self, m: _Map) -> Event | None:
        required = {"name", "start_date", "end_date", "timezone"}
        self.check_keys(m, _EVENT_KEYS, required, "event")
        if "languages" in m and declared_languages(m["languages"]) is None:
            codes = [str(c).strip().lower() for c in m["languages"] or ()]
            twice = [c for n, c in enumerate(codes) if c in codes[:n] and _LANG.match(c)]
            self.problem(
                self.at(m, "languages"),
                f"event.languages: '{twice[0]}' is listed twice"
                if twice and isinstance(m["languages"], list)
                else "event.languages: must be a list of two-letter codes, e.g. [es, en, pt]",
            )
        start, end = self.date(m, "start_date", "event"), self.date(m, "end_date", "event")
        if start and end and end < start:
            self.problem(self.at(m, "end_date"), "event: end_date is before start_date")
        tz = m.get("timezone")
        try:
            ZoneInfo(str(tz))
        except (ZoneInfoNotFoundError, ValueError):
            self.problem(
                self.at(m, "timezone"), f"event.timezone: unknown time zone '{tz}'{_zone_hint(tz)}"
            )
            tz = None
        website = m.get("website")
        if website is not None and not (isinstance(website, str) and _URL.match(website)):
            self.problem(self.at(m, "website"), "event.website: must be a URL (https://…)")
            website = None
        name = self.localized(m, "name", "event")
        city = self.localized(m, "city", "event", required=False)
        organiser = self.localized(m, "organiser", "event", required=False)
        contact = self.localized(m, "contact", "event", required=False)
        description = self.localized(m, "description", "event", required=False) or name
        reminder_at = self.time(m, "reminder_at", "event")
        if not (name and description and start and end and tz):
            return None
        return Event(
            name=name, city=city, start_date=start, end_date=end, timezone=str(tz),
            organiser=organiser, contact=contact, description=description,
            reminder_at=reminder_at, languages=self.languages, website=website,
        )  # fmt: skip

    def venue(self, m: _Map) -> Venue | None:
        what = f"venue '{m.get('id')}'"
        self.check_keys(m, _VENUE_KEYS, {"id", "name"}, what)
        ident = self.ident(m, "venue")
        name = self.localized(m, "name", what)
        lat = self.coordinate(m, "latitude", 90, what)
        lon = self.coordinate(m, "longitude", 180, what)
        if (m.get("latitude") is None) != (m.get("longitude") is None):  # not a bad one again
            self.problem(self.at(m), f"{what}: give both latitude and longitude, or neither")
        optional = {
            key: self.localized(m, key, what, required=False)
            for key in ("city", "address", "notes", "directions")
        }
        if not (ident and name):
            return None
        return Venue(ident, name, latitude=lat, longitude=lon, **optional)

    def speakers(self, m: _Map, what: str) -> tuple[Speaker, ...]:
        value = m.get("speakers")
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(self.at(m, "speakers"), f"{what}.speakers: must be a list")
            return ()
        found = []
        for item in value:
            if isinstance(item, str) and item.strip():  # a bare name
                found.append(Speaker(item.strip()))
                continue
            sm = self.mapping(item, self.at(m, "speakers"), f"{what}.speakers: each speaker")
            if sm is None:
                continue
            self.check_keys(sm, _SPEAKER_KEYS, {"name"}, f"{what}: speaker")
            name = sm.get("name")
            if not isinstance(name, str) or not name.strip():
                if "name" in sm:  # a missing one is reported by check_keys
                    self.problem(self.at(sm, "name"), f"{what}: a speaker's name is empty")
                continue
            found.append(
                Speaker(
                    name.strip(),
                    self.localized(sm, "affiliation", f"{what}: speaker", required=False),
                    self.localized(sm, "bio", f"{what}: speaker", required=False),
                )
            )
        return tuple(found)

    def session(self, m: _Map) -> Session | None:
        what = f"session '{m.get('id')}'"
        self.check_keys(m, _SESSION_KEYS, {"id", "title"}, what)
        ident = self.ident(m, "session")
        if ident in _RESERVED_SESSION_IDS:
            self.problem(
                self.at(m, "id"),
                f"{what}: the id '{ident}' is reserved (the reminder picker's "
                f"'{_RESERVED_SESSION_IDS[ident]}' button): choose another",
            )
            ident = None
        title = self.localized(m, "title", what)
        summary = self.localized(m, "summary", what, required=False)
        description = self.localized(m, "description", what, required=False)
        start, end = self.time(m, "start", what), self.time(m, "end", what)
        # An end before the start runs past midnight (a party 22:00-02:00): an evening start
        # and a morning end. Anything else is a typo, as an end equal to the start is.
        if start and end and (end == start or (end < start and not _overnight(start, end))):
            self.problem(self.at(m, "end"), f"{what}: end is not after start")
        if end and m.get("start") is None:
            self.problem(self.at(m, "end"), f"{what}: has an end but no start")
        day = self.date(m, "date", what)
        room = self.localized(m, "room", what, required=False)
        track = self.localized(m, "track", what, required=False)
        speakers = self.speakers(m, what)
        venue, part_of = self.reference(m, "venue", what), self.reference(m, "part_of", what)
        if not (ident and title) or (day is None and m.get("date") is not None):
            return None  # reported above; cross-checks on a broken record would only repeat it
        return Session(
            id=ident,
            title=title,
            summary=summary,
            description=description or summary or title,
            date=day,
            start=start,
            end=end,
            venue=venue,
            part_of=part_of,
            know=self.localized(m, "know", what, required=False),
            questions=self.phrases(m, "questions", what),
            keywords=self.phrases(m, "keywords", what),
            room=room,
            track=track,
            speakers=speakers,
        )

    def faq(self, m: _Map) -> Faq | None:
        what = f"faq '{m.get('id')}'"
        self.check_keys(m, _FAQ_KEYS, {"id", "answer", "questions"}, what)
        ident = self.ident(m, "faq")
        answer = self.localized(m, "answer", what)
        questions = self.phrases(m, "questions", what)
        if "questions" in m and not questions.all():
            self.problem(self.at(m, "questions"), f"{what}: give at least one question")
        if not (ident and answer):
            return None
        return Faq(ident, answer, questions, self.phrases(m, "keywords", what))

    def synonyms(self, value: Any, at: tuple[int, int]) -> list[tuple[str, ...]]:
        if not isinstance(value, list) or not all(
            isinstance(g, list) and len(g) >= 2 and all(isinstance(w, str) and w for w in g)
            for g in value
        ):
            self.problem(at, "synonyms: must be a list of groups, each a list of 2+ words")
            return []
        return [tuple(group) for group in value]


def _overnight(start: dt.time, end: dt.time) -> bool:
    """True for a plausible session past midnight: it starts at noon or later, ends by noon."""
    return start >= _NOON and end <= _NOON
