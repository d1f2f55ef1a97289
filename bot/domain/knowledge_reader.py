"""Read knowledge-base YAML files into records, collecting every problem with its line."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from bot.domain.records import LANGS, Event, Faq, Localized, Phrases, Problem, Session, Venue

# 48 at most: an id travels in button data ("ask:<id>:es"), which Telegram caps at 64 bytes.
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,47}$")
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class _Map(dict[str, Any]):
    line = 0
    key_lines: dict[str, int]


class _Seq(list[Any]):
    line = 0


class LineLoader(yaml.SafeLoader):
    """Keep the (1-based) line of every mapping, key and list so problems can point at it."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> _Map:  # type: ignore[override]
        result = _Map()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            value = self.construct_object(value_node, deep=True)
            result[str(key)] = value
            result.key_lines[str(key)] = key_node.start_mark.line + 1
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> _Seq:
        result = _Seq(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        return result

    def construct_timestamp(self, node: yaml.ScalarNode) -> object:
        """Read a date; an impossible one (2015-10-32) stays text so the check can report it."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    LineLoader.construct_mapping,
)
LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    LineLoader.construct_sequence,
)
LineLoader.add_constructor("tag:yaml.org,2002:timestamp", LineLoader.construct_timestamp)

TOP_KEYS = {"event", "venues", "sessions", "faqs", "synonyms"}
_EVENT_KEYS = {
    "name", "city", "start_date", "end_date", "timezone", "organiser", "contact",
    "description", "reminder_at",
}  # fmt: skip
_VENUE_KEYS = {"id", "name", "city", "address", "latitude", "longitude", "notes"}
_SESSION_KEYS = {
    "id", "title", "summary", "description", "date", "start", "end", "venue", "part_of",
    "know", "questions", "keywords",
}  # fmt: skip
_FAQ_KEYS = {"id", "answer", "questions", "keywords"}


class Reader:
    """Turn one file's raw mappings into records, collecting problems instead of raising."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def line_of(self, mapping: _Map, key: str) -> int:
        return getattr(mapping, "key_lines", {}).get(key, getattr(mapping, "line", 0))

    def mapping(self, value: Any, line: int, what: str) -> _Map | None:
        if isinstance(value, _Map):
            return value
        self.problem(line, f"{what} must be a mapping")
        return None

    def check_keys(self, m: _Map, allowed: set[str], required: set[str], what: str) -> None:
        for key in m:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.problem(
                    self.line_of(m, key), f"{what}: unknown field '{key}' (known: {known})"
                )
        for key in sorted(required - set(m)):
            self.problem(m.line, f"{what}: missing required field '{key}'")

    def localized(self, m: _Map, key: str, what: str, required: bool = True) -> Localized | None:
        value = m.get(key)
        line = self.line_of(m, key)
        if value is None:
            if required and key in m:
                self.problem(line, f"{what}.{key}: must give a text in es and en")
            return None
        if not isinstance(value, _Map):
            self.problem(line, f"{what}.{key}: must be a mapping with 'es' and 'en' texts")
            return None
        texts: dict[str, str] = {}
        for lang in LANGS:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                self.problem(self.line_of(value, lang), f"{what}.{key}: missing the '{lang}' text")
            else:
                texts[lang] = text.strip()
        for extra in set(value) - set(LANGS):
            self.problem(self.line_of(value, extra), f"{what}.{key}: unknown language '{extra}'")
        return Localized(**texts) if len(texts) == len(LANGS) else None

    def phrases(self, m: _Map, key: str, what: str) -> Phrases:
        value = m.get(key)
        if value is None:
            return Phrases()
        line = self.line_of(m, key)
        if not isinstance(value, _Map):
            self.problem(line, f"{what}.{key}: must be a mapping of language to a list of phrases")
            return Phrases()
        found: dict[str, tuple[str, ...]] = {}
        for lang, items in value.items():
            item_line = self.line_of(value, lang)
            if lang not in LANGS:
                self.problem(item_line, f"{what}.{key}: unknown language '{lang}'")
                continue
            if not isinstance(items, list) or not all(
                isinstance(i, str | int) and str(i).strip() for i in items
            ):
                self.problem(item_line, f"{what}.{key}.{lang}: must be a list of non-empty texts")
                continue
            found[lang] = tuple(str(i).strip() for i in items)
        return Phrases(**found)

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
        self.problem(self.line_of(m, key), f"{what}.{key}: '{value}' is not a date (YYYY-MM-DD)")
        return None

    def time(self, m: _Map, key: str, what: str) -> dt.time | None:
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, int):  # YAML 1.1 reads an unquoted 18:00 as sexagesimal 1080
            value = f"{value // 60:02d}:{value % 60:02d}"
        if isinstance(value, str) and _HHMM.match(value):
            return dt.time.fromisoformat(value)
        self.problem(self.line_of(m, key), f"{what}.{key}: '{value}' is not a time (HH:MM)")
        return None

    def ident(self, m: _Map, what: str) -> str | None:
        value = m.get("id")
        if not isinstance(value, str) or not _ID.match(value):
            self.problem(
                self.line_of(m, "id"),
                f"{what}: id '{value}' must be 1-48 of a-z, 0-9, '_' or '-'",
            )
            return None
        return value

    def coordinate(self, m: _Map, key: str, limit: float, what: str) -> float | None:
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) <= limit:
            return float(value)
        self.problem(self.line_of(m, key), f"{what}.{key}: '{value}' is not a valid {key}")
        return None

    def event(self, m: _Map) -> Event | None:
        self.check_keys(
            m, _EVENT_KEYS, _EVENT_KEYS - {"reminder_at", "description", "contact"}, "event"
        )
        start, end = self.date(m, "start_date", "event"), self.date(m, "end_date", "event")
        if start and end and end < start:
            self.problem(self.line_of(m, "end_date"), "event: end_date is before start_date")
        tz = m.get("timezone")
        try:
            ZoneInfo(str(tz))
        except (ZoneInfoNotFoundError, ValueError):
            self.problem(self.line_of(m, "timezone"), f"event.timezone: unknown time zone '{tz}'")
            tz = None
        name = self.localized(m, "name", "event")
        city = self.localized(m, "city", "event")
        organiser = self.localized(m, "organiser", "event")
        contact = self.localized(m, "contact", "event", required=False) or organiser
        description = self.localized(m, "description", "event", required=False) or name
        reminder_at = self.time(m, "reminder_at", "event")
        if not (name and city and organiser and contact and description and start and end and tz):
            return None
        return Event(name, city, start, end, str(tz), organiser, contact, description, reminder_at)

    def venue(self, m: _Map) -> Venue | None:
        what = f"venue '{m.get('id')}'"
        self.check_keys(m, _VENUE_KEYS, {"id", "name", "city"}, what)
        ident = self.ident(m, "venue")
        name = self.localized(m, "name", what)
        city = self.localized(m, "city", what)
        lat = self.coordinate(m, "latitude", 90, what)
        lon = self.coordinate(m, "longitude", 180, what)
        if (lat is None) != (lon is None):
            self.problem(m.line, f"{what}: give both latitude and longitude, or neither")
        if not (ident and name and city):
            return None
        return Venue(
            ident, name, city, self.localized(m, "address", what, required=False),
            lat, lon, self.localized(m, "notes", what, required=False),
        )  # fmt: skip

    def session(self, m: _Map) -> Session | None:
        what = f"session '{m.get('id')}'"
        self.check_keys(m, _SESSION_KEYS, {"id", "title", "summary", "description"}, what)
        ident = self.ident(m, "session")
        title = self.localized(m, "title", what)
        summary = self.localized(m, "summary", what)
        description = self.localized(m, "description", what)
        start, end = self.time(m, "start", what), self.time(m, "end", what)
        if start and end and end <= start:
            self.problem(self.line_of(m, "end"), f"{what}: end is not after start")
        day = self.date(m, "date", what)
        if not (ident and title and summary and description) or (
            day is None and m.get("date") is not None
        ):
            return None  # reported above; cross-checks on a broken record would only repeat it
        return Session(
            id=ident,
            title=title,
            summary=summary,
            description=description,
            date=day,
            start=start,
            end=end,
            venue=m.get("venue"),
            part_of=m.get("part_of"),
            know=self.localized(m, "know", what, required=False),
            questions=self.phrases(m, "questions", what),
            keywords=self.phrases(m, "keywords", what),
        )

    def faq(self, m: _Map) -> Faq | None:
        what = f"faq '{m.get('id')}'"
        self.check_keys(m, _FAQ_KEYS, {"id", "answer"}, what)
        ident = self.ident(m, "faq")
        answer = self.localized(m, "answer", what)
        questions = self.phrases(m, "questions", what)
        if not questions.es or not questions.en:
            self.problem(m.line, f"{what}: give at least one question in es and in en")
        if not (ident and answer):
            return None
        return Faq(ident, answer, questions, self.phrases(m, "keywords", what))

    def synonyms(self, value: Any, line: int) -> list[tuple[str, ...]]:
        if not isinstance(value, list) or not all(
            isinstance(g, list) and len(g) >= 2 and all(isinstance(w, str) and w for w in g)
            for g in value
        ):
            self.problem(line, "synonyms: must be a list of groups, each a list of 2+ words")
            return []
        return [tuple(group) for group in value]
