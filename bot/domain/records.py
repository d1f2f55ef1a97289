"""Knowledge-base records: frozen, bilingual, built only by the loader in knowledge.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

LANGS: tuple[str, ...] = ("es", "en")


@dataclass(frozen=True)
class Localized:
    """A user-facing text in every supported language."""

    es: str
    en: str

    def get(self, lang: str) -> str:
        """Return the text in `lang` (English for an unknown language)."""
        return self.es if lang == "es" else self.en


@dataclass(frozen=True)
class Phrases:
    """Ways attendees ask about an entry, per language."""

    es: tuple[str, ...] = ()
    en: tuple[str, ...] = ()

    def get(self, lang: str) -> tuple[str, ...]:
        return self.es if lang == "es" else self.en

    def all(self) -> tuple[str, ...]:
        return self.es + self.en


@dataclass(frozen=True)
class Event:
    name: Localized
    city: Localized
    start_date: dt.date
    end_date: dt.date
    timezone: str
    organiser: Localized
    contact: Localized
    description: Localized
    reminder_at: dt.time | None = None

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class Venue:
    id: str
    name: Localized
    city: Localized
    address: Localized | None = None
    latitude: float | None = None
    longitude: float | None = None
    notes: Localized | None = None

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class Session:
    id: str
    title: Localized
    summary: Localized
    description: Localized
    date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    venue: str | None = None
    part_of: str | None = None
    know: Localized | None = None
    questions: Phrases = field(default_factory=Phrases)
    keywords: Phrases = field(default_factory=Phrases)


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

    def venue(self, venue_id: str | None) -> Venue | None:
        return next((v for v in self.venues if v.id == venue_id), None)

    def session(self, session_id: str | None) -> Session | None:
        return next((s for s in self.sessions if s.id == session_id), None)

    def faq(self, faq_id: str | None) -> Faq | None:
        return next((f for f in self.faqs if f.id == faq_id), None)

    def session_date(self, session: Session) -> dt.date | None:
        """Return the session's date, inherited from its parent when it has none."""
        if session.date is None and session.part_of:
            parent = self.session(session.part_of)
            return parent.date if parent else None
        return session.date

    def session_venue(self, session: Session) -> Venue | None:
        """Return the session's venue, inherited from its parent when it has none."""
        if session.venue is None and session.part_of:
            parent = self.session(session.part_of)
            return self.venue(parent.venue) if parent else None
        return self.venue(session.venue)

    def sessions_on(self, day: dt.date) -> tuple[Session, ...]:
        """Return the sessions dated on `day` (children without a date of their own excluded)."""
        found = [s for s in self.sessions if s.date == day]
        return tuple(sorted(found, key=lambda s: (s.start or dt.time.min, s.id)))

    def days(self) -> tuple[dt.date, ...]:
        """Return every event day, from the first to the last."""
        n = (self.event.end_date - self.event.start_date).days
        return tuple(self.event.start_date + dt.timedelta(days=i) for i in range(n + 1))


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge base is invalid; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
