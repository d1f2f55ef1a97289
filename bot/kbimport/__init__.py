"""Import a programme from pretalx/frab (schedule.xml, schedule.json) or iCalendar (.ics)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bot.kbimport.frab import read_json, read_xml
from bot.kbimport.ical import read_ics
from bot.kbimport.model import Programme, SourceError

__all__ = ["MAX_SOURCE", "READERS", "Programme", "SourceError", "read_source"]

MAX_SOURCE = 50 * 1024 * 1024  # the largest pretalx/frab exports are a few MB
READERS: dict[str, Callable[[bytes], Programme]] = {
    "xml": read_xml,
    "json": read_json,
    "ics": read_ics,
}


def detect(path: Path, data: bytes) -> str:
    """Tell the format from the file's first bytes, else from its extension."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"BEGIN:VCALENDAR"):
        return "ics"
    if head.startswith((b"{", b"[")):
        return "json"
    if head.startswith(b"<"):
        return "xml"
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("ics", "ical", "ifb", "icalendar"):
        return "ics"
    if suffix in READERS:
        return suffix
    raise SourceError("unknown format: give a schedule.xml, a schedule.json or an .ics file")


def read_source(path: Path, fmt: str | None = None) -> Programme:
    """Read a schedule file in any supported format into the neutral programme."""
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE:
            raise SourceError(f"the file is {size // 1_000_000} MB; the limit is 50 MB")
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read it ({exc.strerror or exc})") from exc
    return READERS[fmt or detect(path, data)](data)
