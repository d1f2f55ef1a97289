"""Send one broadcast in a separate process, so a test can kill it mid-way.

Usage: python -m tests.telegram.broadcast_child DB BASE_URL BROADCAST_ID RATE
"""

from __future__ import annotations

import asyncio
import sys

from telegram.ext import ExtBot

from bot.domain.clock import SystemClock
from bot.storage.broadcasts import BroadcastStore
from bot.storage.db import Database
from bot.storage.users import UserStore
from bot.telegram.limiter import Outbox
from bot.telegram.sender import TelegramSender
from bot.usecases.broadcasting import BroadcastService
from tests.conftest import TOKEN


async def main(db_path: str, base_url: str, broadcast_id: int, rate: float) -> None:
    db = await Database.open(db_path)
    outbox = Outbox(per_second=int(rate), chat_burst=1)
    async with ExtBot(TOKEN, base_url=base_url, rate_limiter=outbox) as bot:
        sender = TelegramSender(bot)
        service = BroadcastService(BroadcastStore(db), UserStore(db), sender, SystemClock())
        print("started", flush=True)
        await service.run(broadcast_id)
    await db.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])))
