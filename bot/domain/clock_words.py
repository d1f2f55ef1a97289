"""Reading times of day: "a las 10", "at 3pm", "15h", "10:30", "às 14h", "this afternoon", "now".

A time is marked in the folded tokens as one token `t1030` (like dates are marked `d20151021`),
so the date reader never takes "at 11" for the 11th. Parts of the day become windows.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.domain.lang import LANGUAGES, merged, words_of
from bot.domain.tuning import TUNING

# "10:30", "10h30", "3pm", "3 p.m.", "15h", "15 hrs" (folded text).
_HHMM = re.compile(r"\b([01]?\d|2[0-3])\s?[:h]\s?([0-5]\d)\s?(am|pm|a\.\s?m\.|p\.\s?m\.)?(?!\w)")
_MERIDIEM = re.compile(r"\b(1[0-2]|0?[1-9])\s?(am|pm|a\.\s?m\.|p\.\s?m\.)(?!\w)")
_HOURS = re.compile(r"\b([01]?\d|2[0-3])\s?(?:h|hs|hrs?)\b(?!\s?\d)")
_MARK = re.compile(r"^t(\d{2})(\d{2})(a?)$")

# Each language's words (bot/domain/lang/), joined: a time is read whatever the language.
# Words before a bare hour that make it a time of day: "a las 10", "at 3", "às 14" (folded).
_BEFORE_HOUR: tuple[tuple[str, ...], ...] = tuple(
    dict.fromkeys(p for m in LANGUAGES.values() for p in getattr(m, "BEFORE_HOUR", ()))
)
# Words between the two ends of a range ("from 10 to 12", "entre las 10 y las 12", "das 10 às 12").
_RANGE = words_of("HOUR_RANGE")
# After a bare hour, these say it is a day of the month instead ("at 11 of March").
_NOT_AFTER = words_of("NOT_HOUR")
_EARLY = TUNING.early_hour
# A fraction after a bare hour: its minutes ("y media", "e meia", "y cuarto", "e quinze").
_FRACTIONS: dict[tuple[str, ...], int] = merged("HOUR_FRACTIONS")
_FRACTIONS_BEFORE: dict[tuple[str, ...], int] = merged("HOUR_FRACTIONS_BEFORE")  # "half past"
_HOUR_NAMES: dict[str, int] = merged("HOUR_NAMES")  # "two", "dos", "duas"
# Parts of the day: the window they name (end 24:00 is written as None).
_PARTS: dict[str, tuple[int, int | None]] = merged("DAY_PARTS")
_PARTS_OF = {code: dict(module.DAY_PARTS) for code, module in LANGUAGES.items()}
DAY_PART_WORDS = frozenset(_PARTS)  # "morning", "tarde", "noite": in any language
# What may follow an hour written out: a day, a part of the day, "o'clock" (folded "oclock").
_AFTER_SPELLED = (
    words_of("AFTER_SPELLED_HOUR")
    | frozenset(_PARTS)
    | frozenset(merged("WEEKDAYS"))
    | frozenset(merged("RELATIVE_WORDS"))
)
# Words that must come before these to make them a part of the day ("por la mañana"; alone,
# "mañana" is tomorrow and "tarde" is late).
_NEEDS_LINK = words_of("PART_NEEDS_LINK")
_PART_LINKS = words_of("PART_LINKS")
_GREETING = words_of("GREETING_WORDS")
_NOW = words_of("NOW_WORDS")
_MORNING = words_of("MORNING_WORDS")
_LATER = words_of("LATER_WORDS")
_TIME_AFTER, _TIME_BEFORE = words_of("TIME_AFTER"), words_of("TIME_BEFORE")
_TIME_LINKS = words_of("TIME_LINKS")
_NEGATIONS = words_of("NEGATIONS")  # "won't … before 7": the earliest one can be there
_REACH = words_of("ARRIVE") | words_of("REACH")  # ...with a verb of getting there
_HEDGES = words_of("HOUR_HEDGES")  # "from about 9", "a eso de las 10"
_NOON = words_of("NOON_WORDS")  # parts of the day that are one time too: "until noon"


@dataclass(frozen=True)
class Clock:
    """A time of day or a window a question asks about; `now` when it asks what is on now."""

    start: dt.time | None = None
    end: dt.time | None = None  # None with a start: a point in time ("at 11")
    window: bool = False  # a window ("this afternoon", "from 10 to 12"): start..end
    part: bool = False  # ...named as a part of the day, which alone names no day
    now: bool = False
    consumed: frozenset[int] = frozenset()
    either: bool = False  # a one-digit "2:30": 02:30, or 14:30 when only that has sessions


def mark_times(folded: str) -> str:
    """Replace '10:30', '3pm', '15h' in folded text by one token 't1030' / 't1500'."""

    def hhmm(m: re.Match[str]) -> str:
        hour = _hour(int(m[1]), m[3])
        # "what's at 2:30?": a one-digit early hour may be the afternoon's, unless a part of the
        # day follows ("2:30 in the morning"); marked "a" (either), the schedule decides.
        after = re.findall(r"\w+", m.string[m.end() : m.end() + 30])[:3]
        bare = not m[3] and len(m[1]) == 1 and ":" in m[0]
        if bare and 0 < hour < _EARLY and not _MORNING.intersection(after):
            return f" t{hour:02d}{int(m[2]):02d}a "  # either: the schedule decides (at_clock)
        return _token(hour, int(m[2]))

    def meridiem(m: re.Match[str]) -> str:
        return _token(_hour(int(m[1]), m[2]), 0)

    text = _HHMM.sub(hhmm, folded)
    text = _MERIDIEM.sub(meridiem, text)
    return _HOURS.sub(lambda m: _token(int(m[1]), 0), text)


def _hour(hour: int, meridiem: str | None) -> int:
    if not meridiem:
        return hour
    pm = meridiem.startswith("p")
    return hour % 12 + (12 if pm else 0)


def _token(hour: int, minute: int) -> str:
    return f" t{hour:02d}{minute:02d} "


def mark_hours(words: list[str]) -> list[str]:
    """Mark bare hours after a time word ("a las 10", "at 3") as time tokens, in place."""
    out = list(words)
    for i, w in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        if w.isdigit() and len(w) <= 2 and int(w) <= 23:
            hour = int(w)
        elif w in _HOUR_NAMES and _spelled_hour(words, i):  # "at two", "a las dos"
            hour = _HOUR_NAMES[w]
        else:
            continue
        if after in _NOT_AFTER and not _part_after(words, i + 1):
            continue
        after_time = i >= 2 and words[i - 1] in _RANGE and _MARK.match(out[i - 2]) is not None
        # "from about 9": a hedge between the link word and the hour; "at half past two".
        before = _FRACTIONS_BEFORE.get(tuple(words[max(0, i - 2) : i]))
        k = i - 1 if i > 0 and words[i - 1] in _HEDGES else i - 2 if before is not None else i
        if not after_time and not any(
            tuple(words[max(0, k - len(b)) : k]) == b for b in _BEFORE_HOUR
        ):
            continue
        later = _part_after(words, i + 1)
        if after_time and later is None and hour < 12 and int(out[i - 2][1:3]) >= 12:
            later = "pm"  # "from 2pm to 4": the afternoon too
        if later in _LATER and hour < 12 or later is None and 0 < hour < _EARLY:
            hour += 12
        minute = 0
        if tuple(words[i + 1 : i + 3]) in _FRACTIONS:  # "a las 5 y media", "às 7 e meia"
            minute = _FRACTIONS[(words[i + 1], words[i + 2])]
            out[i + 1 : i + 3] = ["the", "the"]
        elif before is not None:  # "half past two", "quarter to ten"
            minute = before
            out[i - 2 : i] = ["the", "the"]
        if minute < 0:  # "a las dos menos cuarto": 13:45
            hour, minute = (hour - 1) % 24, 60 + minute
        out[i] = f"t{hour:02d}{minute:02d}"
    return out


def _spelled_hour(words: list[str], i: int) -> bool:
    """True when an hour written out ends the question or is followed by what follows a time
    ("at two on Tuesday", "a las dos y media", "às duas da tarde"), not by a noun ("at two
    venues") or "of"/"to the" ("one of the sessions", "from one to the next")."""
    after = words[i + 1 : i + 3]
    if not after or after[0] in _AFTER_SPELLED or (tuple(after) in _FRACTIONS):
        return True
    return after[0] in _RANGE and len(after) > 1 and (after[1] in _HOUR_NAMES or after[1].isdigit())


def _part_after(words: list[str], j: int) -> str | None:
    """The part of the day named right after an hour ("4 de la tarde", "10 in the morning")."""
    for k in range(j, min(len(words), j + 4)):
        if words[k] in _MORNING or words[k] in _LATER:
            return words[k]
        if words[k] not in _PART_LINKS and words[k] not in ("de", "in", "da", "do"):
            return None
    return None


def read_clock(words: list[str], now: dt.time, lang: str | None = None) -> Clock | None:
    """Return the time of day the folded, marked tokens ask about, or None. A part of the
    day two languages share ("tarde") spans what it spans in `lang`, when given."""
    for i, w in enumerate(words):
        if m := _MARK.match(w):
            start = dt.time(int(m[1]), int(m[2]))
            used = {i} | {j for j in range(i + 1, min(len(words), i + 4)) if _part(words, j)}
            for j in range(i + 1, min(len(words), i + 4)):  # "from 10 to 12": a window
                until = _MARK.match(words[j])
                between = all(x in _RANGE for x in words[i + 1 : j])
                if until is not None and between:
                    used |= set(range(i, j + 1))
                    close = dt.time(int(until[1]), int(until[2]))
                    return Clock(start, close, window=True, consumed=frozenset(used))
                if words[j] in _NOON and words[j] in _PARTS and between and j > i + 1:  # "to noon"
                    used |= set(range(i, j + 1))
                    close = dt.time(_PARTS[words[j]][0])
                    return Clock(start, close, window=True, consumed=frozenset(used))
            side = _side(words, i)
            if side is not None:  # "after 6pm", "antes de las 10": a window on that side
                word, after = side
                used |= set(range(word, i))
                if after:
                    return Clock(start, None, window=True, consumed=frozenset(used))
                return Clock(dt.time(0), start, window=True, consumed=frozenset(used))
            return Clock(start, None, consumed=frozenset(used), either=bool(m[3]))
    for i, w in enumerate(words):
        if w in _NOW:
            return Clock(now, None, now=True, consumed=frozenset({i}))
        if _part(words, i):
            first, last = _PARTS_OF.get(lang or "", {}).get(w) or _PARTS[w]
            end = dt.time(last) if last is not None else None
            return Clock(dt.time(first), end, window=True, part=True, consumed=frozenset({i}))
    return None


def _side(words: list[str], i: int) -> tuple[int, bool] | None:
    """Where "after"/"before" stands before the time at i, over link words ("después de las"):
    its index and True for after, False for before; else None."""
    for k in range(i - 1, max(-1, i - 4), -1):
        if words[k] in _TIME_AFTER or words[k] in _TIME_BEFORE:
            # "won't make it before 7pm", "no llego antes de las 7": from then, not until then
            before = words[max(0, k - 4) : k]
            negated = any(w in _NEGATIONS for w in before) and any(w in _REACH for w in before)
            return k, words[k] in _TIME_AFTER or negated
        if words[k] not in _TIME_LINKS:
            return None
    return None


def _part(words: list[str], i: int) -> bool:
    w = words[i]
    if w not in _PARTS:
        return False
    before = words[i - 1] if i else ""
    if before in _GREETING:  # "good morning", "boa noite": a greeting
        return False
    if w in _NEEDS_LINK:
        return before in _PART_LINKS
    return True
