"""What a button press carries (Telegram's callback_data): one codec, with a version byte.

`encode("sub", "keynote")` is "1sub:keynote": the version, the kind, then the fields, ":" between.
A press is decoded by the feature its kind names. Data of another version — a button sent by an
older (or newer) bot, including the unversioned "sub:keynote" of before — or data that is forged,
overlong or malformed decodes to None, and is answered as out of date: buttons outlive releases
in old messages, and nothing the user sends is trusted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VERSION = "1"  # one byte; bump it when a kind's fields change meaning
LIMIT = 64  # bytes: Telegram's cap on callback_data
SEP = ":"
KINDS = frozenset(
    {
        "ask",  # ask:<entry>:<lang> — an answer's "more" or a suggestion
        "venue",  # venue:<venue>
        "ics",  # ics:<session> — one session's calendar file
        "cmd",  # cmd:<command> — a menu button (a command of the table)
        "lang",  # lang:<code>
        "sub",  # sub:<session>|all|none — the reminder picker
        "fb",  # fb:<session>:<1-5>|c — session feedback
        "org",  # org:q:<question> | org:send|name|hide|cancel|faq:<ticket> — ask the organisers
        "bc",  # bc:send|cancel:<broadcast> — a broadcast preview
    }
)
_FIELD = re.compile(r"[^:\s\x00-\x1f\x7f]+")  # no separator, space or control character
_NUMBER = re.compile(r"[0-9]{1,18}")  # ASCII digits that SQLite's integers hold


@dataclass(frozen=True)
class Pressed:
    """A decoded press: its kind and fields (strings, as sent)."""

    kind: str
    fields: tuple[str, ...]

    def field(self, index: int) -> str | None:
        return self.fields[index] if 0 <= index < len(self.fields) else None

    def number(self, index: int) -> int | None:
        """Return field `index` as a record id (ASCII digits, at most 18), else None."""
        value = self.field(index)
        return int(value) if value is not None and _NUMBER.fullmatch(value) else None


def encode(kind: str, *fields: str | int) -> str:
    """Return the callback data for a button; ValueError when it could not be decoded back."""
    parts = [str(f) for f in fields]
    if kind not in KINDS or not all(_FIELD.fullmatch(p) for p in parts):
        raise ValueError(f"not encodable as button data: {kind!r} {parts!r}")
    data = VERSION + SEP.join((kind, *parts))
    if len(data.encode("utf-8")) > LIMIT:
        raise ValueError(f"button data over {LIMIT} bytes: {data!r}")
    return data


def decode(data: object, kind: str | None = None) -> Pressed | None:
    """Return the press `data` carries (of `kind`, when given); None when stale or not ours."""
    if not isinstance(data, str) or not data.startswith(VERSION):
        return None
    try:
        if len(data.encode("utf-8")) > LIMIT:
            return None
    except UnicodeEncodeError:  # a lone surrogate
        return None
    found, *fields = data[len(VERSION) :].split(SEP)
    if found not in KINDS or (kind is not None and found != kind):
        return None
    if not all(_FIELD.fullmatch(f) for f in fields):
        return None
    return Pressed(found, tuple(fields))


def pattern(*kinds: str) -> str:
    """Return the regular expression that routes the current version's presses of `kinds`.

    Anything it routes is decoded by the handler, which answers what does not decode in its
    own words; every other press (old versions, foreign data) reaches the "out of date" answer.
    """
    return f"^{re.escape(VERSION)}(?:{'|'.join(re.escape(k) for k in kinds)}){SEP}"
