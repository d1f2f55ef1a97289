"""Telegram's rules for message text, so the fake Bot API refuses what the real one would."""

from __future__ import annotations

import re
from html.parser import HTMLParser

LIMIT = 4096
CAPTION_LIMIT = 1024
_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "a",
        "code",
        "pre",
        "tg-spoiler",
        "tg-emoji",
        "blockquote",
        "span",
    }
)
_AMPERSAND = re.compile(r"&(?!(?:#\d+|#x[0-9a-fA-F]+|lt|gt|amp|quot);)")
_NAMED = frozenset({"lt", "gt", "amp", "quot"})


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.error: str | None = None
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _TAGS:
            self.error = self.error or f'unsupported start tag "{tag}"'
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.error = self.error or f'can\'t find end tag corresponding to start tag "{tag}"'
        else:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text += data

    def handle_entityref(self, name: str) -> None:
        if name not in _NAMED:
            self.error = self.error or f'unsupported HTML entity "&{name};"'
        self.text += "x"

    def handle_charref(self, name: str) -> None:
        self.text += "x"


def check(text: str, parse_mode: str | None, limit: int = LIMIT) -> str | None:
    """Return Telegram's error description for `text`, or None when it would be accepted."""
    visible = text
    if parse_mode and parse_mode.upper() == "HTML":
        if _AMPERSAND.search(text):  # a bare '&' or an entity Telegram does not know
            return "Bad Request: can't parse entities: unsupported HTML entity at an '&'"
        checker = _Checker()
        checker.feed(text)
        checker.close()
        if checker.error is None and checker.open:
            checker.error = f'can\'t find end tag corresponding to start tag "{checker.open[-1]}"'
        if checker.error:
            return f"Bad Request: can't parse entities: {checker.error}"
        visible = checker.text
    if not visible.strip():
        return "Bad Request: message text is empty"
    if len(visible) > limit:
        return "Bad Request: message is too long"
    return None
