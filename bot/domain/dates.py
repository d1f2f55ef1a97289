"""Reading the day a question means: "tomorrow", "el lunes", "October 21st", "21/10"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.domain.clock_words import DAY_PART_WORDS
from bot.domain.date_words import (
    COMING,
    COUNTS,
    DAY_WORDS,
    FEIRA_DAYS,
    FEIRA_LINKS,
    FEIRA_SHORT,
    LINKS,
    MONTHS,
    NEARBY,
    NEARER,
    NOT_NEAR,
    ORDINAL_DAYS,
    PHRASES,
    RELATIVE,
    SESSION_WORDS,
    SPAN_AFTER,
    SPAN_BEFORE,
    SPAN_DAYS,
    WEEKDAYS,
    WORDS,
)
from bot.domain.lang import words_of
from bot.domain.lexicon import ARTICLES, STOPWORDS
from bot.domain.tuning import TUNING

_YEARS = words_of("YEAR_WORDS")

_NUMBER = re.compile(r"^(\d{1,2})(st|nd|rd|th|ro|do|to|vo|mo|no|er|o|a)?$")
_ISO_DATE = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b")
_SLASH_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?\b")
_MARK = re.compile(r"^d(\d{4})(\d{2})(\d{2})$")


@dataclass(frozen=True)
class When:
    """A time a question refers to, resolved against the event-local date it was asked."""

    relative: str  # "today" | "tomorrow" | "yesterday" | "now" | "next" | "week" | "" (a date)
    day: dt.date | None = None  # the day asked about; the week's Monday for "week"
    consumed: frozenset[int] = frozenset()  # indices of the tokens that said it
    until: dt.date | None = None  # a range of days ("del 19 al 23"): its last day


def _nearby(before: str) -> bool:
    """True when "próximo" after `before` means near: after "more" ("mais próxima"), or after
    a noun it follows ("convênio próximo"); before a noun, or after a link or a day, it is next.
    """
    if before in NEARER:
        return True
    timely = before in WORDS or before in WEEKDAYS or before in DAY_WORDS or before in NOT_NEAR
    return not (timely or before in STOPWORDS or before in LINKS or before.isdigit())


def names_day(word: str) -> bool:
    """True when a folded token names a day by itself ("tomorrow", "jueves", "fri")."""
    return word in WEEKDAYS or (word in WORDS and WORDS[word][0] == "day")


def mark_numeric_dates(folded: str) -> str:
    """Replace '2015-10-21', '21/10' or '10/21/2015' by one token 'd20151021' (year 0 if none)."""

    def iso(m: re.Match[str]) -> str:
        return _mark(int(m[1]), int(m[2]), int(m[3])) or m[0]

    def slash(m: re.Match[str]) -> str:
        a, b = int(m[1]), int(m[2])
        year = int(m[3]) if m[3] else 0
        year = year + 2000 if 0 < year < 100 else year
        day, month = (b, a) if b > 12 >= a else (a, b)  # day/month unless only month/day fits
        return _mark(year, month, day) or m[0]

    return _SLASH_DATE.sub(slash, _ISO_DATE.sub(iso, folded))


def _mark(year: int, month: int, day: int) -> str | None:
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return None
    return f" d{year:04d}{month:02d}{day:02d} "


_OR = words_of("OR_WORDS")  # "or", "o", "ou"
_EVENT_DAY = words_of("EVENT_DAY_NOUNS")
_RANGE = words_of("DAY_RANGE")  # "al", "to", "até": between the days of a range
_LONGEST_RANGE = TUNING.longest_range  # days
_BEFORE = words_of("TIME_BEFORE")


def _past_links(words: list[str]) -> list[str]:
    """The words without their leading links and articles ("del congreso" -> "congreso")."""
    k = 0
    while k < len(words) and (words[k] in LINKS or words[k] in ARTICLES):
        k += 1
    return words[k:]


def either_side(words: list[str], i: int) -> bool:
    """True when "after" at i is one side of "before or after" ("antes o después", "antes ou
    depois")."""
    return (i >= 2 and words[i - 1] in _OR and words[i - 2] in _BEFORE) or (
        words[i + 1 : i + 2] != []
        and words[i + 1] in _OR
        and words[i + 2 : i + 3] != []
        and words[i + 2] in _BEFORE
    )


def _day_number(word: str) -> int | None:
    m = _NUMBER.match(word)
    if not m or not 1 <= int(m[1]) <= 31:
        return None
    return int(m[1])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# The time phrases by their first word, in their order: a word starts few of them.
_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], tuple[str, int]]]] = {}
for _phrase, _meaning in PHRASES.items():
    _PHRASES_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _meaning))


def _is_free(words: list[str], i: int) -> bool:
    """True when the word at i is absent, a link word, a month, a part of the day or a
    stopword (not a topic)."""
    return (
        i >= len(words)
        or words[i] in STOPWORDS
        or words[i] in MONTHS
        or words[i] in LINKS
        or words[i] in DAY_PART_WORDS  # "el 21 temprano", "on the 20th at night"
    )


class DateReader:
    """Read the time a question refers to, for one event."""

    def __init__(
        self,
        start: dt.date,
        end: dt.date,
        busy: frozenset[dt.date] = frozenset(),
        itself: frozenset[str] = frozenset(),
    ) -> None:
        self.start, self.end = start, end
        self.busy = busy  # the days that hold sessions
        self.itself = itself  # the nouns the event's name calls it ("congreso", "festival")

    def weekday(self, index: int, today: dt.date) -> dt.date:
        """Return the event's day with that weekday (0 = Monday): of an event of several weeks,
        the first from today that holds sessions ("the Saturday" of webinars over five weeks
        and one Saturday's closing day), else the first from today; once all have passed, the
        last that held sessions."""
        span = range((self.end - self.start).days + 1)
        days = [d for o in span if (d := self.start + dt.timedelta(days=o)).weekday() == index]
        ahead = [d for d in days if d >= today]
        if ahead:
            return next((d for d in ahead if d in self.busy), ahead[0])
        if days:
            return next((d for d in reversed(days) if d in self.busy), days[-1])
        return self.start + dt.timedelta(days=index - self.start.weekday())

    def event_day(self, index: int) -> dt.date:
        """Return the event's day by position (0 = first, -1 = last)."""
        return self.end if index < 0 else self.start + dt.timedelta(days=index)

    def read(self, words: list[str], today: dt.date) -> When | None:
        """Return the first time expression in the folded tokens `words`, or None."""
        for i in range(len(words)):
            found = self._at(words, i, today)
            if found:
                # Other time words ("¿qué viene después?") say nothing about the topic either,
                # nor does a later day ("after lunch on day 2": "day 2" is no topic).
                others = {j for j, w in enumerate(words) if w in WORDS or w in WEEKDAYS}
                # ...nor the same day written again ("na quinta, 22/10").
                others |= {
                    j
                    for j, w in enumerate(words)
                    if _MARK.match(w)
                    and (again := self._at(words, j, today))
                    and again.day == found.day
                }
                for j in range(i + 1, len(words) if found.day is None else 0):
                    if j not in found.consumed and (later := self._at(words, j, today)):
                        others |= later.consumed
                found = self._range(words, found, today)
                return When(found.relative, found.day, found.consumed | others, found.until)
        return None

    def _range(self, words: list[str], found: When, today: dt.date) -> When:
        """`found` as the first day of a range when one follows ("del 19 al 23 de octubre",
        "from the 20th to the 22nd"), or as its last when a day number and a range word come
        before it ("19 to 23 October"); else as it is."""
        if found.relative or found.day is None or not found.consumed:
            return found
        k = max(found.consumed) + 1
        if k < len(words) and words[k] in _RANGE:
            j = k + 1
            while j < len(words) and words[j] in ARTICLES:
                j += 1
            later = self._at(words, j, today) if j < len(words) else None
            last = later.day if later is not None and not later.relative else None
            number = _day_number(words[j]) if j < len(words) and later is None else None
            if number is not None:  # "...to the 23rd, right?": a day number after a range word
                last = _safe_date(found.day.year, found.day.month, number)
            if last is not None and 0 < (last - found.day).days <= _LONGEST_RANGE:
                said = later.consumed if later is not None else {j}
                used = found.consumed | said | set(range(k, j))
                return When("", found.day, frozenset(used), last)
        first = min(found.consumed)
        number = _day_number(words[first - 2]) if first >= 2 else None
        if number is not None and words[first - 1] in _RANGE and number < found.day.day:
            used = found.consumed | {first - 2, first - 1}
            return When("", found.day.replace(day=number), frozenset(used), found.day)
        return found

    def _at(self, words: list[str], i: int, today: dt.date) -> When | None:
        w = words[i]
        for phrase, (kind, n) in _PHRASES_BY_FIRST.get(w, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                follows = words[i + len(phrase)] if i + len(phrase) < len(words) else ""
                if phrase[-1] in ("week", "semana") and follows in ("de", "of"):
                    continue  # "esta Semana de la Seguridad": the event's name, not a time
                if kind == "next" and _YEARS.intersection(words[i - 1 : i] + [follows]):
                    continue  # "el año que viene": another edition, no next session
                return self._when(kind, n, today, range(i, i + len(phrase)))
        if m := _MARK.match(w):
            year = int(m[1]) or self.start.year
            day = _safe_date(year, int(m[2]), int(m[3]))
            return When("", day, frozenset({i})) if day else None
        if w in WORDS:
            if w == "manana" and i > 0 and words[i - 1] in ("la", "las", "por"):
                return None  # "por la mañana" is "in the morning"
            if w in NEARBY and i > 0 and _nearby(words[i - 1]):
                return None  # "un hotel próximo", "a estação mais próxima": near, not next
            kind, n = WORDS[w]
            if kind == "next" and i + 1 < len(words) and words[i + 1] in WEEKDAYS:
                return None  # "next thursday": the weekday says which day
            if kind == "next" and _YEARS.intersection(words[i + 1 : i + 2] + words[i - 1 : i]):
                return None  # "next year", "el año próximo": another edition, no next session
            if kind == "next" and either_side(words, i):
                return None  # "¿antes o después de entrar?": which side, not what comes next
            if kind == "next" and self.itself.intersection(_past_links(words[i + 1 : i + 4])[:1]):
                return None  # "después del congreso": once the event is over, no next session
            return self._when(kind, n, today, range(i, i + 1))
        if w in FEIRA_DAYS and words[i + 1 : i + 2] == ["feira"]:  # "sexta-feira"
            return When("", self.weekday(FEIRA_DAYS[w], today), frozenset({i, i + 1}))
        if w in FEIRA_DAYS and i and words[i - 1] in FEIRA_LINKS:  # "chego na quinta"
            return When("", self.weekday(FEIRA_DAYS[w], today), frozenset({i}))
        if w in FEIRA_DAYS and DAY_PART_WORDS.intersection(words[i + 1 : i + 3]):
            return When("", self.weekday(FEIRA_DAYS[w], today), frozenset({i}))  # "quinta de manhã"
        if w in FEIRA_SHORT and (
            words[i + 1 : i + 2] in (["feira"], [])
            or DAY_PART_WORDS.intersection(words[i + 1 : i + 3])
        ):  # "5a feira", "na 6a", "5a de manhã" (not "na 2a sessão", an ordinal)
            used = {i, i + 1} if words[i + 1 : i + 2] == ["feira"] else {i}
            return When("", self.weekday(FEIRA_SHORT[w], today), frozenset(used))
        if w in WEEKDAYS:
            nxt = _day_number(words[i + 1]) if i + 1 < len(words) else None
            if nxt is not None:  # "miércoles 21": the number is the more precise
                return self._explicit(words, i + 1, nxt, {i})
            linked = i + 2 < len(words) and words[i + 1] in LINKS
            nxt = _day_number(words[i + 2]) if linked else None
            if nxt is not None:  # "Thursday the 22nd", "jueves el 22": the number too
                day = _safe_date(self.start.year, self.start.month, nxt)
                if day is not None and self.start <= day <= self.end:
                    return When("", day, frozenset({i, i + 1, i + 2}))
            day = self.weekday(WEEKDAYS[w], today)
            if i and words[i - 1] in COMING and day <= today:  # "next Monday", once it passed
                ahead = (WEEKDAYS[w] - today.weekday() - 1) % 7 + 1
                return When("", shift(today, ahead), frozenset({i - 1, i}))
            return When("", day, frozenset({i}))
        if w in ORDINAL_DAYS:
            near = {i - 1, i + 1, i + 2} & set(range(len(words)))
            ends = ORDINAL_DAYS[w] in (0, -1)
            days = [
                j for j in near if words[j] in DAY_WORDS or (ends and words[j] in SESSION_WORDS)
            ]
            if days:
                used = set(range(min(days + [i]), max(days + [i]) + 1))
                sessions_only = not any(words[j] in DAY_WORDS for j in days)
                later = self.read(words[max(used) + 1 :], today) if sessions_only else None
                if later is not None and later.day is not None:
                    return None  # "the first session on day 2": that day's first, not day 1
                return When("", self.event_day(ORDINAL_DAYS[w]), frozenset(used))
        if w in MONTHS and i + 1 < len(words):
            j = i + 2 if words[i + 1] in ("the", "el") else i + 1
            after = _day_number(words[j]) if j < len(words) else None
            if after is not None:
                return self._dated(words, j, after, MONTHS[w], set(range(i, j + 1)))
        if (span := self._span(words, i, today)) is not None:
            return span
        number = _day_number(w)
        if (
            number is not None
            and not w.isdigit()
            and words[i + 1 : i + 2]
            and words[i + 1] in DAY_WORDS
            and number <= (self.end - self.start).days + 1
        ):  # "the 3rd day", "el 3er día": the event's third day, not the 3rd of the month
            return When("", self.event_day(number - 1), frozenset({i, i + 1}))
        if number is not None:
            return self._explicit(words, i, number, set())
        return None

    def _span(self, words: list[str], i: int, today: dt.date) -> When | None:
        """'in 2 days', 'dentro de tres días', '2 days from now' / 'dos días después'."""
        w = words[i]
        n = int(w) if w.isdigit() and len(w) <= 2 else COUNTS.get(w)
        k = i + 2 if words[i + 1 : i + 2] == ["of"] else i + 1  # "a couple of days"
        if n is None or k >= len(words) or words[k] not in SPAN_DAYS:
            return None
        start, end = i, k + 1
        article = 1 if i and words[i - 1] in ("a", "unos", "unas") else 0  # "in a couple of"
        before = words[i - 1 - article] if i > article else ""
        if before in SPAN_BEFORE:
            start = i - 1 - article
        elif before == "de" and i >= 2 and words[i - 2] == "dentro":
            start = i - 2
        elif words[end : end + 2] == ["from", "now"]:
            end += 2
        elif end < len(words) and words[end] in SPAN_AFTER:
            end += 1
        else:
            return None
        return self._when("day", n, today, range(start, end))

    def _explicit(self, words: list[str], i: int, n: int, used: set[int]) -> When | None:
        """A day number at i: with a month after it, an ordinal suffix or a link word before."""
        j = i + 1
        if j < len(words) and words[j] in ("de", "of") and j + 1 < len(words):
            j += 1
        if j < len(words) and words[j] in MONTHS:
            return self._dated(words, j, n, MONTHS[words[j]], used | set(range(i, j + 1)))
        ordinal = not words[i].isdigit()
        before = words[i - 1] if i > 0 else ""
        ordinal_mark = j < len(words) and words[j] in ("a", "o") and before not in DAY_WORDS
        if not ordinal and ordinal_mark and not used:
            return None  # "la 7.ª edición" (but "dia 21, o que...", "el jueves 22 a primera hora")
        before = words[i - 1] if i > 0 else ""
        if not (ordinal or before in LINKS or before in DAY_WORDS or used):
            return None
        if before not in DAY_WORDS and not used and not _is_free(words, i + 1):
            return None  # "the 7th workshop", "the 20 countries": not a date ("day 3 ends" is,
            # and so is "el jueves 22, ¿verdad?": a weekday names the number a day)
        day = _safe_date(self.start.year, self.start.month, n)
        inside = day is not None and self.start <= day <= self.end
        ordinal_day = before in _EVENT_DAY or not inside  # "day 2"; "el día 2" is the 2nd
        if before in DAY_WORDS and ordinal_day and n <= (self.end - self.start).days + 1:
            return When("", self.event_day(n - 1), frozenset(used | {i - 1, i}))  # "day 2"
        return When("", day, frozenset(used | {i})) if day else None

    def _dated(
        self, words: list[str], last: int, n: int, month: int, used: set[int]
    ) -> When | None:
        year = self.start.year
        k = last + 1
        if k < len(words) and words[k] == "de":
            k += 1
        if k < len(words) and words[k].isdigit() and len(words[k]) == 4:
            year = int(words[k])
            used |= set(range(last + 1, k + 1))
        day = _safe_date(year, month, n)
        return When("", day, frozenset(used)) if day else None

    def _when(self, kind: str, n: int, today: dt.date, used: range) -> When:
        consumed = frozenset(used)
        if kind == "day":
            return When(RELATIVE.get(n, ""), shift(today, n), consumed)
        if kind == "week":
            if n == 0 and today.weekday() == 6:
                n = 7  # on a Sunday, "this week" is the one that starts tomorrow
            return When("week", shift(today, n - today.weekday()), consumed)
        if kind == "event-week":
            return When("week", shift(self.start, -self.start.weekday()), consumed)
        if kind == "weekday":
            return When("", self.weekday(n, today), consumed)
        return When(kind, today if kind == "now" else None, consumed)


def shift(day: dt.date, days: int) -> dt.date:
    """Return `day` moved by `days`, stopping at the first or last representable date."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min
