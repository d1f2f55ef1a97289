"""`confbot run`: the Telegram bot (long polling, or a webhook when configured)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sqlite3
import sys
from collections.abc import Coroutine
from typing import Any

from bot.config import Settings, load_settings
from bot.logs import configure_logging

HELP = "run the Telegram bot (needs TELEGRAM_BOT_TOKEN)"

log = logging.getLogger("confbot")


def run_loop(main: Coroutine[Any, Any, None]) -> None:
    """Run `main` on uvloop (about 10% more updates/s here), or asyncio where it is missing."""
    try:
        import uvloop
    except ImportError:  # Windows: uvloop does not exist there
        asyncio.run(main)
    else:
        uvloop.run(main)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = "Configuration comes from the environment: see the README."


async def _serve(settings: Settings) -> None:
    from bot.telegram.app import serve  # imported late: `confbot ask` should not pay for PTB

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await serve(settings, stop=stop)


def _fail(message: str, settings: Settings) -> int:
    """Say why the bot could not start, in one line, with the secrets taken out."""
    for secret in (settings.token, settings.webhook_secret):
        if secret:
            message = message.replace(secret, "***")
    print(f"confbot: {message}", file=sys.stderr)
    return 1


def _token_refused(message: str, where: str) -> str:
    """Tell a refused token from a 404 by something that is not the Bot API (PTB says both)."""
    if "Parsing the server response" in message:  # not Telegram's JSON: a proxy, a web server
        status = message.split(". ", 1)[0]
        return (
            f"the server at {where} answered {status} with a page that is not the Bot API's: "
            "check TELEGRAM_API_BASE_URL and any proxy in between"
        )
    if "Not Found" in message:
        return (
            f"the Bot API at {where} answered 404 Not Found: TELEGRAM_BOT_TOKEN is malformed "
            "(check it with @BotFather), or TELEGRAM_API_BASE_URL is not a Bot API server"
        )
    return "Telegram rejected TELEGRAM_BOT_TOKEN: check it with @BotFather"


def main(args: argparse.Namespace) -> int:
    from telegram.error import InvalidToken, NetworkError, TelegramError

    from bot.storage.lock import AlreadyRunning

    settings = load_settings()
    settings.require_token()
    configure_logging(settings.log_level, secrets=(settings.token, settings.webhook_secret))
    for warning in settings.warnings():
        log.warning("configuration: %s", warning)
    try:
        run_loop(_serve(settings))
    except AlreadyRunning as exc:
        return _fail(str(exc), settings)
    except InvalidToken as exc:
        # PTB re-raises the server's answer as "token rejected": the cause says what it was.
        return _fail(_token_refused(str(exc.__cause__ or exc), settings.api_base_url), settings)
    except NetworkError as exc:
        where = settings.api_base_url
        return _fail(f"cannot reach the Bot API at {where} ({exc})", settings)
    except TelegramError as exc:
        return _fail(f"the Bot API refused to start the bot: {exc}", settings)
    except (sqlite3.Error, OSError) as exc:
        return _fail(f"cannot open the database CONFBOT_DB={settings.db}: {exc}", settings)
    return 0
