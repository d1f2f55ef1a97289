"""Webhook mode: an aiohttp server that checks Telegram's secret header and queues updates."""

from __future__ import annotations

import contextlib
import hmac
import json
import logging
import secrets
import shutil
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from bot.config import Settings
from bot.telegram.context import services_of

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def health_report(app: Application[Any, Any, Any, Any, Any, Any], started: float) -> dict[str, Any]:
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


def webhook_app(
    app: Application[Any, Any, Any, Any, Any, Any], path: str, secret: str
) -> web.Application:
    """Return the aiohttp application serving POST `path` (updates) and GET /healthz."""
    started = time.monotonic()

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            log.warning("webhook: rejected a request without the right secret token")
            return web.json_response({"ok": False, "error": "unauthorized"}, status=401)
        try:
            data = await request.json()
            if not isinstance(data, dict):
                raise TypeError(f"an update is a JSON object, not {type(data).__name__}")
            update = Update.de_json(data, app.bot)
        except (json.JSONDecodeError, TypeError, KeyError, ValueError, AttributeError) as exc:
            log.warning("webhook: ignored a malformed update: %s", exc)
            return web.json_response({"ok": False, "error": "malformed update"}, status=400)
        await app.update_queue.put(update)
        return web.json_response({"ok": True})

    async def health(_request: web.Request) -> web.Response:
        return web.json_response(health_report(app, started), status=200 if app.running else 503)

    server = web.Application(client_max_size=2**20)
    server.router.add_post(path, receive)
    server.router.add_get("/healthz", health)
    return server


async def start_webhook(
    app: Application[Any, Any, Any, Any, Any, Any], settings: Settings
) -> web.AppRunner:
    """Serve the webhook on CONFBOT_PORT and register its URL with Telegram."""
    assert settings.webhook_url is not None
    secret = settings.webhook_secret or secrets.token_urlsafe(32)
    if not settings.webhook_secret:
        log.info("webhook: no CONFBOT_WEBHOOK_SECRET set, using a random one for this run")
    path = urlparse(settings.webhook_url).path or "/"
    runner = web.AppRunner(webhook_app(app, path, secret), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "0.0.0.0", settings.port).start()  # noqa: S104 - behind a proxy
    await app.bot.set_webhook(
        settings.webhook_url, secret_token=secret, allowed_updates=Update.ALL_TYPES
    )
    log.info("webhook: listening on port %s, path %s", settings.port, path)
    return runner
