"""Organiser broadcasts: what `/broadcast` means, who gets which text, how it went.

Syntax (the message may span several lines)::

    /broadcast [subscribers] TEXT

TEXT is either one text for everyone, or a version per language of the event (`pt`, `es`,
`en`…). A version starts at the beginning of a line with a marker, `es:` / `pt:` or `[es]` /
`[pt]` (any case); its text follows on the same line and the next ones, up to the next marker::

    /broadcast es: El taller se traslada a la sala B.
    en: The workshop moves to room B.

    /broadcast subscribers
    [es]
    Mañana empezamos a las 9:00.
    [en]
    Tomorrow we start at 9:00.

- Markers count only when the text starts with one; otherwise the whole text goes to everyone.
- The first word `subscribers` (or `--subscribers`, `suscriptores`) limits the audience to the
  users subscribed to reminders; without it, everyone who started the bot and has not blocked it.
- Each recipient gets the version in their language; when it is missing, the version in the
  first language the event lists (its default), else the first version given.
- The text is plain text: it is HTML-escaped, so `<b>` arrives as typed.
- Refused: an empty text or version, a version over 4,096 characters (as Telegram counts them),
  a language given twice, an unknown marker (`[fr]` anywhere, or a line that is only `fr:`).
"""

from __future__ import annotations

import enum
import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.domain.delivery import OutcomeCounts
from bot.languages import DEFAULT_KB_LANGS

LANGUAGES = DEFAULT_KB_LANGS  # the markers a knowledge base without `event.languages` accepts
ANY_LANGUAGE = "*"  # the key of a text meant for every language
MAX_LENGTH = 4096
_COMMAND = re.compile(r"^/broadcast(@\w+)?(?=\s|$)", re.IGNORECASE)
_AUDIENCE_WORDS = frozenset({"subscribers", "--subscribers", "suscriptores"})
_MARKER = re.compile(
    r"^\s*(?:\[(?P<bracket>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?)\]|(?P<colon>[A-Za-z]{2}):)"
)


class Audience(enum.StrEnum):
    EVERYONE = "everyone"
    SUBSCRIBERS = "subscribers"


class DraftError(enum.StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    UNKNOWN_MARKER = "unknown_marker"
    DUPLICATE_LANGUAGE = "duplicate_language"


@dataclass(frozen=True)
class Refusal:
    """Why a /broadcast text cannot be sent; `detail` names the marker or language at fault."""

    error: DraftError
    detail: str = ""


@dataclass(frozen=True)
class BroadcastDraft:
    """The texts by language (or one text under ANY_LANGUAGE) and who should get them."""

    texts: Mapping[str, str]
    audience: Audience = Audience.EVERYONE

    def text_for(self, lang: str) -> str:
        """Return the text a recipient speaking `lang` gets."""
        if lang in self.texts:
            return self.texts[lang]
        if ANY_LANGUAGE in self.texts:
            return self.texts[ANY_LANGUAGE]
        return next(iter(self.texts.values()))  # versions are kept in the event's language order

    def html_for(self, lang: str) -> str:
        """Return the recipient's text escaped for Telegram's HTML parse mode."""
        return escape(self.text_for(lang))


def escape(text: str) -> str:
    """Escape plain text for Telegram's HTML parse mode."""
    return html.escape(text, quote=False)


def parse_broadcast(text: str, languages: Sequence[str] = LANGUAGES) -> BroadcastDraft | Refusal:
    """Read the admin's `/broadcast` message (with or without the command itself).

    `languages` are the event's, its default first: the markers allowed, and the order the
    versions are kept in.
    """
    body = _COMMAND.sub("", text.strip(), count=1).strip()
    audience = Audience.EVERYONE
    words = body.split(maxsplit=1)
    if words and words[0].lower() in _AUDIENCE_WORDS:
        audience, body = Audience.SUBSCRIBERS, words[1].strip() if len(words) > 1 else ""
    if not body:
        return Refusal(DraftError.EMPTY)
    marker = _marker(body.split("\n", 1)[0], languages)
    if marker is None:
        texts: dict[str, str] | Refusal = {ANY_LANGUAGE: body}
    else:
        texts = _versions(body, languages)
    if isinstance(texts, Refusal):
        return texts
    for lang, version in texts.items():
        if not version:
            return Refusal(DraftError.EMPTY, lang)
        if len(version) > MAX_LENGTH:  # Telegram counts the text after parsing its entities
            return Refusal(DraftError.TOO_LONG, lang)
    return BroadcastDraft(texts, audience)


def _marker(line: str, languages: Sequence[str]) -> tuple[str, str] | None:
    """Return (language, rest of the line) when `line` starts a version, else None."""
    match = _MARKER.match(line)
    if match is None:
        return None
    rest = line[match.end() :].strip()
    lang = re.split(r"[-_]", (match["bracket"] or match["colon"]).lower())[0]
    if match["colon"] and lang not in languages and rest:
        return None  # "PS: ..." is text, not a marker
    return lang, rest


def _versions(body: str, languages: Sequence[str]) -> dict[str, str] | Refusal:
    versions: dict[str, list[str]] = {}
    current: list[str] = []
    for line in body.split("\n"):
        marker = _marker(line, languages)
        if marker is None:
            current.append(line)
            continue
        lang, rest = marker
        if lang not in languages:
            return Refusal(DraftError.UNKNOWN_MARKER, lang)
        if lang in versions:
            return Refusal(DraftError.DUPLICATE_LANGUAGE, lang)
        current = versions[lang] = [rest] if rest else []
    ordered = sorted(versions, key=languages.index)
    return {lang: "\n".join(versions[lang]).strip() for lang in ordered}


@dataclass(frozen=True)
class Tally(OutcomeCounts):
    """How many recipients a broadcast has and what happened to them so far."""

    total: int = 0

    @property
    def pending(self) -> int:
        return self.total - self.done


@dataclass(frozen=True)
class Progress:
    """A broadcast under way: its tally and the seconds since this run started."""

    broadcast_id: int
    tally: Tally
    seconds: float


@dataclass(frozen=True)
class Report:
    """A finished run: the broadcast's final tally, this run's duration and its send rate."""

    broadcast_id: int
    tally: Tally
    seconds: float
    sent: int  # messages attempted by this run (a resumed run counts only its own)

    @property
    def per_second(self) -> float:
        return self.sent / self.seconds if self.seconds > 0 else 0.0
