"""What the bot sends, independent of Telegram: messages split under the limit, pins, files."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.delivery import Button, OutgoingMessage

TELEGRAM_LIMIT = 4096


@dataclass(frozen=True)
class VenuePin:
    """A map pin for a venue whose coordinates are known."""

    latitude: float
    longitude: float
    title: str
    address: str


@dataclass(frozen=True)
class Document:
    """A file to send, such as the programme as .ics."""

    filename: str
    data: bytes
    caption: str


Out = OutgoingMessage | VenuePin | Document


def split_html(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Split a reply under Telegram's limit at paragraph, then line, then word boundaries."""
    chunks: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        room = limit - 8  # leave room to close and reopen an inline tag cut in two
        cut = -1
        for boundary in ("\n\n", "\n", " "):  # the latest boundary in the second half
            cut = rest.rfind(boundary, room // 2, room)
            if cut > 0:
                break
        if cut <= 0:
            cut = room
        head, rest = rest[:cut].rstrip(), rest[cut:].lstrip()
        for tag in ("b", "i"):
            if head.count(f"<{tag}>") > head.count(f"</{tag}>"):
                head, rest = f"{head}</{tag}>", f"<{tag}>{rest}"
        chunks.append(head)
    if rest:
        chunks.append(rest)
    return chunks


def messages(text: str, buttons: tuple[tuple[Button, ...], ...] = ()) -> list[Out]:
    """Return `text` as one or more messages; the buttons go with the last one."""
    parts = split_html(text)
    return [
        OutgoingMessage(part, buttons if i == len(parts) - 1 else ())
        for i, part in enumerate(parts)
    ]
