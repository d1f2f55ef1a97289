"""`confbot run`: the Telegram bot (long polling, or a webhook when configured)."""

from __future__ import annotations

import argparse
import asyncio
import signal

from bot.config import load_settings
from bot.logs import configure_logging

HELP = "run the Telegram bot (needs TELEGRAM_BOT_TOKEN)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = "Configuration comes from the environment: see the README."


async def _main() -> None:
    from bot.telegram.app import serve  # imported late: `confbot ask` should not pay for PTB

    settings = load_settings()
    settings.require_token()
    configure_logging(settings.log_level, secrets=(settings.token, settings.webhook_secret))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await serve(settings, stop=stop)


def main(args: argparse.Namespace) -> int:
    asyncio.run(_main())
    return 0
