"""Knowledge-base records: frozen, multilingual, built only by the loader in knowledge.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from zoneinfo import ZoneInfo

from bot.languages import DEFAULT_KB_LANGS

# The languages a v1 knowledge base (no `event.languages`) is written in.
LANGS: tuple[str, ...] = DEFAULT_KB_LANGS


@dataclass(frozen=True)
class Localized:
    """A user-facing text keyed by language, falling back to the knowledge base's default."""

    texts: tuple[tuple[str, str], ...]
    default: str = LANGS[0]

    @classmethod
    def of(cls, default: str | None = None, /, **texts: str) -> Localized:
        """Build from keyword texts (`Localized.of(es="…", en="…")`); default: the first given."""
        return cls(tuple(texts.items()), default or next(iter(texts), LANGS[0]))

    @classmethod
    def from_mapping(cls, texts: Mapping[str, str], default: str) -> Localized:
        return cls(tuple(texts.items()), default)

    def with_texts(self, **texts: str) -> Localized:
        """Return a copy with the given languages' texts replaced or added."""
        merged = dict(self.texts) | texts
        return Localized(tuple(merged.items()), self.default)

    def own(self, lang: str) -> str | None:
        """Return the text written in `lang`, or None (no fallback)."""
        return next((text for code, text in self.texts if code == lang), None)

    def get(self, lang: str) -> str:
        """Return the text in `lang`, else in the default language, else any."""
        return self.own(lang) or self.own(self.default) or (self.texts[0][1] if self.texts else "")

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.texts)

    def values(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.texts)


@dataclass(frozen=True)
class Phrases:
    """Ways attendees ask about an entry, per language."""

    by_lang: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @classmethod
    def of(cls, **phrases: Iterable[str]) -> Phrases:
        return cls(tuple((lang, tuple(items)) for lang, items in phrases.items()))

    def get(self, lang: str) -> tuple[str, ...]:
        return next((items for code, items in self.by_lang if code == lang), ())

    def all(self) -> tuple[str, ...]:
        return tuple(item for _, items in self.by_lang for item in items)


@dataclass(frozen=True)
class Event:
    name: Localized
    city: Localized | None
    start_date: dt.date
    end_date: dt.date
    timezone: str
    organiser: Localized | None
    contact: Localized | None
    description: Localized
    reminder_at: dt.time | None = None
    languages: tuple[str, ...] = LANGS  # the first is the default
    website: str | None = None

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def default_lang(self) -> str:
        return self.languages[0]


@dataclass(frozen=True)
class Venue:
    id: str
    name: Localized
    city: Localized | None = None
    address: Localized | None = None
    latitude: float | None = None
    longitude: float | None = None
    notes: Localized | None = None
    directions: Localized | None = None

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def place(self, lang: str, address: bool = False, name: bool = True) -> str:
        """Return "name, [address,] city", leaving out a part an earlier one already says."""
        parts: list[str] = [] if name else [self.name.get(lang)]
        for text in (self.name if name else None, self.address if address else None, self.city):
            value = text.get(lang) if text is not None else ""
            if value and not any(value.casefold() in p.casefold() for p in parts):
                # "…, San Borja, Lima" then "Lima, Perú": say Lima once.
                said = {c.strip().casefold() for p in parts for c in p.split(",")}
                value = ", ".join(
                    c.strip() for c in value.split(",") if c.strip().casefold() not in said
                )
                if value:
                    parts.append(value)
        return ", ".join(parts if name else parts[1:])


@dataclass(frozen=True)
class Speaker:
    name: str
    affiliation: Localized | None = None
    bio: Localized | None = None


@dataclass(frozen=True)
class Session:
    id: str
    title: Localized
    summary: Localized | None
    description: Localized
    date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    venue: str | None = None
    part_of: str | None = None
    know: Localized | None = None
    questions: Phrases = field(default_factory=Phrases)
    keywords: Phrases = field(default_factory=Phrases)
    room: Localized | None = None
    track: Localized | None = None
    speakers: tuple[Speaker, ...] = ()

    @property
    def overnight(self) -> bool:
        """True when the session runs past midnight: its end is before its start (22:00–02:00)."""
        return self.start is not None and self.end is not None and self.end < self.start

    @property
    def length(self) -> dt.timedelta | None:
        """How long the session runs, past midnight too; None without a start and an end."""
        if self.start is None or self.end is None:
            return None
        day = dt.date.min
        ends = dt.datetime.combine(day + dt.timedelta(days=self.overnight), self.end)
        return ends - dt.datetime.combine(day, self.start)

    @property
    def end_date(self) -> dt.date | None:
        """The day the session ends: the next day for one that runs past midnight."""
        if self.date is None or not self.overnight:
            return self.date
        return self.date + dt.timedelta(days=1)


@dataclass(frozen=True)
class Faq:
    id: str
    answer: Localized
    questions: Phrases = field(default_factory=Phrases)
    keywords: Phrases = field(default_factory=Phrases)


@dataclass(frozen=True)
class KnowledgeBase:
    event: Event
    venues: tuple[Venue, ...]
    sessions: tuple[Session, ...]
    faqs: tuple[Faq, ...]
    synonyms: tuple[tuple[str, ...], ...] = ()

    @cached_property
    def _by_id(self) -> dict[str, Venue | Session | Faq]:
        found: dict[str, Venue | Session | Faq] = {}
        records: tuple[Venue | Session | Faq, ...] = (*self.venues, *self.sessions, *self.faqs)
        for record in records:
            found.setdefault(record.id, record)
        return found

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the event is run in; the first is the default."""
        return self.event.languages

    @property
    def default_lang(self) -> str:
        return self.event.languages[0]

    def venue(self, venue_id: str | None) -> Venue | None:
        found = self._by_id.get(venue_id or "")
        return found if isinstance(found, Venue) else None

    def session(self, session_id: str | None) -> Session | None:
        found = self._by_id.get(session_id or "")
        return found if isinstance(found, Session) else None

    def faq(self, faq_id: str | None) -> Faq | None:
        found = self._by_id.get(faq_id or "")
        return found if isinstance(found, Faq) else None

    def _lineage(self, session: Session) -> list[Session]:
        """Return the session, its parent, its parent's parent… (cycles are refused by check)."""
        chain = [session]
        while chain[-1].part_of and len(chain) < 16:
            parent = self.session(chain[-1].part_of)
            if parent is None or parent in chain:
                break
            chain.append(parent)
        return chain

    def session_date(self, session: Session) -> dt.date | None:
        """Return the session's date, inherited from its parent when it has none."""
        return next((s.date for s in self._lineage(session) if s.date), None)

    def session_venue(self, session: Session) -> Venue | None:
        """Return the session's venue, inherited from its parent when it has none."""
        return self.venue(next((s.venue for s in self._lineage(session) if s.venue), None))

    def session_room(self, session: Session) -> Localized | None:
        """Return the session's room, inherited from its parent when it has none."""
        return next((s.room for s in self._lineage(session) if s.room), None)

    @cached_property
    def _parts(self) -> dict[str, tuple[Session, ...]]:
        found: dict[str, list[Session]] = {}
        for s in self.sessions:
            if s.part_of:
                found.setdefault(s.part_of, []).append(s)
        return {
            parent: tuple(
                sorted(parts, key=lambda s: (s.date or dt.date.min, s.start or dt.time.min))
            )
            for parent, parts in found.items()
        }

    def parts_of(self, session: Session) -> tuple[Session, ...]:
        """Return the sessions that are part of `session`, in time order (ties: KB order)."""
        return self._parts.get(session.id, ())

    def undated_parts(self, session: Session) -> tuple[Session, ...]:
        """Return the parts of `session` that have no date of their own."""
        return tuple(s for s in self.parts_of(session) if s.date is None)

    def sessions_on(self, day: dt.date) -> tuple[Session, ...]:
        """Return the sessions dated on `day` (children without a date of their own excluded)."""
        return self._by_day.get(day, ())

    @cached_property
    def dated(self) -> tuple[Session, ...]:
        """Every session with a date, by date and start time (ties: KB order)."""
        found = [s for s in self.sessions if s.date is not None]
        return tuple(sorted(found, key=lambda s: (s.date or dt.date.min, s.start or dt.time.min)))

    @cached_property
    def _by_day(self) -> dict[dt.date, tuple[Session, ...]]:
        # Built once per KB: every question about a day or a time of day asks for it. Ties: KB
        # order; a session without a published time comes after the timed ones of its day (a
        # walk "after the closing", "time to be confirmed").
        days: dict[dt.date, list[Session]] = {}
        for s in self.sessions:
            if s.date is not None:
                days.setdefault(s.date, []).append(s)
        order = lambda s: (s.start is None, s.start or dt.time.min)  # noqa: E731
        return {day: tuple(sorted(found, key=order)) for day, found in days.items()}

    def days(self) -> tuple[dt.date, ...]:
        """Return every event day, from the first to the last."""
        n = (self.event.end_date - self.event.start_date).days
        return tuple(self.event.start_date + dt.timedelta(days=i) for i in range(n + 1))


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str
    column: int = 0  # 1-based; 0 when unknown
    warning: bool = False  # a warning does not stop the knowledge base from loading

    def __str__(self) -> str:
        where = self.path  # a whole folder or file: no line to point at
        if self.line:
            where += f":{self.line}:{self.column}" if self.column else f":{self.line}"
        return f"{where}: {'warning: ' if self.warning else ''}{self.message}"


class KnowledgeError(Exception):
    """The knowledge base is invalid; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
