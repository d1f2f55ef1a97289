"""Webhook mode: an aiohttp server that checks Telegram's secret header and answers updates.

Each update is answered inside its own request: the 200 that tells Telegram "delivered" is sent
only once the bot has answered it. So the backlog is bounded (beyond MAX_PENDING updates in
progress the server answers 503 and Telegram retries later), and an update still unanswered when
the bot stops is handed back to Telegram simply by never acknowledging it.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import secrets
import shutil
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from bot.config import Settings
from bot.logs import Throttled
from bot.telegram.context import services_of

log = logging.getLogger(__name__)
throttled = Throttled(log)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
App = Application[Any, Any, Any, Any, Any, Any]

HEADER_TIMEOUT = 10.0  # seconds for a connection to send a request's headers (slow clients)
BODY_TIMEOUT = 10.0  # seconds to receive the body once the headers are in
MAX_CONNECTIONS = 200  # open connections; more get 503 at once (Telegram opens up to 100)
MAX_PENDING = 256  # updates being answered; more get 503 and Telegram retries them later
# What setWebhook asks Telegram to use at most (its maximum): each connection waits for its
# update to be answered, so throughput is about this many divided by one answer's time.
MAX_CONNECTIONS_TELEGRAM = 100
STOP_GRACE = 6.0  # seconds to finish the updates in progress at SIGTERM (Docker waits 10)
REMEMBERED_UPDATES = 10_000  # update_ids remembered to answer a replayed update once
MAX_BODY = 2**20

_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\n"
    b"Connection: close\r\n\r\n"
)


def health_report(app: App, started: float) -> dict[str, Any]:
    """Return what GET /healthz shows: running, uptime, and the database's state."""
    db = services_of(app).db
    database: dict[str, Any] = db.health.as_dict()
    if db.path is not None:
        with contextlib.suppress(OSError):
            database["size_bytes"] = sum(
                f.stat().st_size for f in (db.path, Path(f"{db.path}-wal")) if f.exists()
            )
            database["free_bytes"] = shutil.disk_usage(db.path.parent).free
    return {
        "ok": bool(app.running and db.health.ok),
        "running": bool(app.running),
        "uptime_s": round(time.monotonic() - started, 1),
        "database": database,
    }


class Intake:
    """The updates in progress: bounded, de-duplicated, and drained at stop."""

    def __init__(self) -> None:
        self.pending = 0
        self.draining = False
        self._seen: OrderedDict[int, None] = OrderedDict()
        self._idle = asyncio.Event()
        self._idle.set()

    def is_replay(self, update_id: int) -> bool:
        """Return whether this update_id was already taken; remember it otherwise."""
        if update_id in self._seen:
            return True
        self._seen[update_id] = None
        if len(self._seen) > REMEMBERED_UPDATES:
            self._seen.popitem(last=False)
        return False

    async def answer(self, app: App, update: Update) -> None:
        self.pending += 1
        self._idle.clear()
        try:
            await app.update_processor.process_update(update, app.process_update(update))
        finally:
            self.pending -= 1
            if self.pending == 0:
                self._idle.set()

    async def drain(self, grace: float) -> bool:
        """Refuse new updates; wait up to `grace` s for those in progress. True if all done."""
        self.draining = True
        try:
            await asyncio.wait_for(self._idle.wait(), grace)
        except TimeoutError:
            return False
        return True


def _reject(status: int, error: str) -> web.Response:
    return web.json_response({"ok": False, "error": error}, status=status)


def webhook_app(app: App, path: str, secret: str, intake: Intake | None = None) -> web.Application:
    """Return the aiohttp application serving POST `path` (updates) and GET /healthz."""
    started = time.monotonic()
    intake = intake or Intake()
    expected = secret.encode()

    async def receive(request: web.Request) -> web.Response:
        # Header values arrive as text (undecodable bytes escaped): compare them as bytes.
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, expected):
            throttled.warning("401", "webhook: rejected a request without the right secret token")
            return _reject(401, "unauthorized")
        if intake.draining or intake.pending >= MAX_PENDING:
            throttled.warning("503", "webhook: busy or stopping, asked Telegram to retry later")
            return _reject(503, "busy, retry later")
        try:
            raw = await asyncio.wait_for(request.read(), BODY_TIMEOUT)
        except TimeoutError:
            throttled.warning("408", "webhook: a request body did not arrive in time")
            response = _reject(408, "request body timeout")
            response.force_close()
            return response
        update = _parse(raw, app)
        if update is None:
            return _reject(400, "malformed update")
        if intake.is_replay(update.update_id):
            log.info(
                "webhook: update %s was already received: not answered again", update.update_id
            )
            return web.json_response({"ok": True})
        await intake.answer(app, update)
        return web.json_response({"ok": True})

    async def health(_request: web.Request) -> web.Response:
        return web.json_response(health_report(app, started), status=200 if app.running else 503)

    server = web.Application(client_max_size=MAX_BODY)
    server.router.add_post(path, receive)
    server.router.add_get("/healthz", health)
    return server


# The types of the fields the bot reads, as Telegram sends them. PTB builds objects from
# whatever it is given, so a body with a dict for a user id would fail deep in a handler.
_INTEGERS = frozenset({"update_id", "id", "message_id", "date", "offset", "length", "edit_date"})
_STRINGS = frozenset(
    {"text", "caption", "data", "first_name", "last_name", "username", "language_code",
     "type", "title", "inline_message_id", "chat_instance", "file_id", "file_unique_id", "status"}
)  # fmt: skip
_OBJECTS = frozenset(
    {"from", "chat", "message", "edited_message", "callback_query", "reply_to_message",
     "my_chat_member", "new_chat_member", "old_chat_member", "sticker", "user", "sender_chat"}
)  # fmt: skip
_LISTS = frozenset({"entities", "caption_entities", "photo"})
_INT64 = 2**63


_MESSAGE = ("message_id", "date", "chat")
_REQUIRED = {
    "message": _MESSAGE, "edited_message": _MESSAGE, "reply_to_message": _MESSAGE,
    "callback_query": ("id", "from", "chat_instance"), "from": ("id", "is_bot", "first_name"),
    "chat": ("id", "type"), "my_chat_member": ("chat", "from", "date", "old_chat_member",
                                               "new_chat_member"),
}  # fmt: skip


def _well_typed(value: Any, key: str = "", depth: int = 0) -> bool:
    """Return whether the known fields of an update have Telegram's types (recursively)."""
    if depth > 20:
        return False
    if key in _REQUIRED and not (
        isinstance(value, dict) and all(field in value for field in _REQUIRED[key])
    ):
        return False
    if key in _INTEGERS and (type(value) is not int or not -_INT64 <= value < _INT64):
        return False
    if key in _STRINGS and not isinstance(value, str):
        return False
    if key in _OBJECTS and not isinstance(value, dict):
        return False
    if key in _LISTS and not isinstance(value, list):
        return False
    if isinstance(value, str):
        return value.isascii() or _encodable(value)
    if isinstance(value, dict):
        return all(_well_typed(v, str(k), depth + 1) for k, v in value.items())
    if isinstance(value, list):
        return all(_well_typed(v, "", depth + 1) for v in value)
    return True


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")  # a JSON escape can smuggle in a lone surrogate
    except UnicodeEncodeError:
        return False
    return True


def _parse(raw: bytes, app: App) -> Update | None:
    """Return the update in a request body, or None (logged, throttled) when it is not one."""
    try:
        data = json.loads(raw)
        if not isinstance(data, dict) or type(data.get("update_id")) is not int:
            raise TypeError("an update is a JSON object with an integer update_id")
        if not _well_typed(data):
            raise TypeError("a field of the update does not have Telegram's type")
        return Update.de_json(data, app.bot)
    except RecursionError:  # e.g. 150,000 nested brackets
        throttled.warning("400", "webhook: ignored a malformed update: nested too deeply")
    except Exception as exc:  # whatever de_json trips on, the sender gets a 400, never a 500
        throttled.warning("400", "webhook: ignored a malformed update: %s", type(exc).__name__)
    return None


class _Busy(asyncio.Protocol):
    """Answer a connection over the cap with 503 and close it."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        transport.write(_BUSY)
        transport.close()


class WebhookServer:
    """The running webhook: its listening socket, its connections and the updates in progress."""

    def __init__(self, runner: web.AppRunner, listener: asyncio.Server, intake: Intake) -> None:
        self.runner, self.listener, self.intake = runner, listener, intake

    async def stop(self, grace: float | None = None) -> None:
        """Finish the updates in progress (up to STOP_GRACE s), then close every connection."""
        grace = STOP_GRACE if grace is None else grace
        if not await self.intake.drain(grace):
            log.warning(
                "webhook: %d updates still in progress after %.0f s: not acknowledged, so "
                "Telegram delivers them again",
                self.intake.pending,
                grace,
            )
        self.listener.close()
        await self.runner.cleanup()


async def start_webhook(app: App, settings: Settings) -> WebhookServer:
    """Serve the webhook on CONFBOT_PORT and register its URL with Telegram."""
    assert settings.webhook_url is not None
    secret = settings.webhook_secret or secrets.token_urlsafe(32)
    if not settings.webhook_secret:
        log.info("webhook: no CONFBOT_WEBHOOK_SECRET set, using a random one for this run")
    path = urlparse(settings.webhook_url).path or "/"
    intake = Intake()
    # keepalive_timeout also bounds how long a new or idle connection may take to send its
    # headers: aiohttp closes a connection still waiting for a whole request after it.
    runner = web.AppRunner(
        webhook_app(app, path, secret, intake),
        access_log=None,
        keepalive_timeout=HEADER_TIMEOUT,
        lingering_time=2.0,  # what is left of a slow body after a 408 is waited for 2 s at most
        shutdown_timeout=1.0,
    )
    await runner.setup()
    handlers = runner.server
    assert handlers is not None

    def connection() -> asyncio.Protocol:
        if len(handlers.connections) >= MAX_CONNECTIONS:
            throttled.warning("cap", "webhook: %d connections open, refused one", MAX_CONNECTIONS)
            return _Busy()
        return handlers()

    loop = asyncio.get_running_loop()
    listener = await loop.create_server(connection, "0.0.0.0", settings.port, reuse_address=True)  # noqa: S104
    await app.bot.set_webhook(
        settings.webhook_url,
        secret_token=secret,
        allowed_updates=Update.ALL_TYPES,
        max_connections=MAX_CONNECTIONS_TELEGRAM,
    )
    log.info("webhook: listening on port %s, path %s", settings.port, path)
    return WebhookServer(runner, listener, intake)
