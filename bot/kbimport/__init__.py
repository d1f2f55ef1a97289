"""Import a programme from pretalx/frab (schedule.xml, schedule.json) or iCalendar (.ics)."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from bot.kbimport.frab import read_json, read_xml
from bot.kbimport.ical import read_ics
from bot.kbimport.model import Programme, SourceError

__all__ = ["MAX_SOURCE", "READERS", "Programme", "SourceError", "read_source"]

MAX_SOURCE = 50_000_000  # bytes; the largest pretalx/frab exports are a few MB
TIMEOUT = 30  # seconds to wait for a schedule server
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


def read_source(source: str, fmt: str | None = None) -> Programme:
    """Read a schedule (a file, or an http(s) URL) in any supported format."""
    if source.startswith(("https://", "http://")):
        data = download(source)
        path = Path(urllib.parse.urlsplit(source).path)
    else:
        path = Path(source)
        try:
            if path.stat().st_size > MAX_SOURCE:
                raise SourceError(f"the file is over {MAX_SOURCE // 1_000_000} MB")
            data = path.read_bytes()
        except OSError as exc:
            raise SourceError(f"cannot read it ({exc.strerror or exc})") from exc
    return READERS[fmt or detect(path, data)](data)


def download(url: str) -> bytes:
    """Fetch a published schedule (pretalx serves https://<host>/<event>/schedule.xml)."""
    request = urllib.request.Request(url, headers={"User-Agent": "confbot-import"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            data: bytes = response.read(MAX_SOURCE + 1)
    except urllib.error.HTTPError as exc:
        raise SourceError(f"the server answered {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise SourceError(f"cannot download it ({reason})") from exc
    if len(data) > MAX_SOURCE:
        raise SourceError(f"the download is over {MAX_SOURCE // 1_000_000} MB")
    return data
