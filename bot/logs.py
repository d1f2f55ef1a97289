"""Logging set-up: readable lines, and secrets never written."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable


class RedactSecrets(logging.Filter):
    """Replace every secret (the bot token, the webhook secret) in a record by '***'."""

    def __init__(self, secrets: Iterable[str | None]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        if any(secret in message for secret in self.secrets):
            for secret in self.secrets:
                message = message.replace(secret, "***")
            record.msg, record.args = message, None
        if record.exc_info and record.exc_info[1] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            if any(secret in text for secret in self.secrets):
                for secret in self.secrets:
                    text = text.replace(secret, "***")
                record.exc_info, record.exc_text = None, text
        return True


class ShortLibraryErrors(logging.Filter):
    """PTB logs a server's whole non-JSON answer with a traceback: keep one line instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("telegram.request") and record.exc_info:
            record.msg, record.args = "the Bot API server answered something that is not JSON", None
            record.exc_info = record.exc_text = None
        return True


def configure_logging(level: str, secrets: Iterable[str | None] = ()) -> None:
    """Log to stderr at `level`; HTTP client chatter (which would show URLs) only on warnings."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets))
    handler.addFilter(ShortLibraryErrors())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "apscheduler", "aiohttp.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # Even at DEBUG, these libraries' debug lines would carry what users wrote and who they
    # are (PTB logs whole updates and API calls, aiosqlite every statement's parameters):
    # the README promises the log never holds names or question texts.
    for private in ("telegram", "aiosqlite", "aiohttp"):
        logging.getLogger(private).setLevel(max(logging.getLevelName(level), logging.INFO))


class Throttled:
    """Log one kind of event at most once per `every` seconds, saying how many were left out.

    For what strangers can trigger at will (requests without the secret, malformed bodies):
    a flood of them must not flood the log.
    """

    def __init__(self, logger: logging.Logger, every: float = 60.0) -> None:
        self.logger = logger
        self.every = every
        self._last: dict[str, float] = {}
        self._skipped: dict[str, int] = {}

    def warning(self, key: str, message: str, *args: object, exc_info: bool = False) -> None:
        now = time.monotonic()
        last = self._last.get(key)
        if last is not None and now - last < self.every:
            self._skipped[key] = self._skipped.get(key, 0) + 1
            return
        self._last[key] = now
        skipped = self._skipped.pop(key, 0)
        if skipped:
            message += f" (and {skipped} more like it in the last {self.every:.0f} s)"
        self.logger.warning(message, *args, exc_info=exc_info)
