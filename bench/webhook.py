"""Benchmark: `confbot run` in webhook mode, in its own process, against the fake Bot API.

2,000 updates posted by 40 concurrent connections (Telegram's default at most), each answered
before its 200 (the webhook acknowledges only answered updates): updates/s and the p50/p99 time
to the 200; then the same 2,000 replayed, which must be acknowledged without a second answer.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from bench.telegram import QUESTIONS, ROOT
from tests.e2e.test_webhook import free_port
from tests.fakeapi import FakeBotApi

UPDATES, CONNECTIONS, SECRET = 2_000, 40, "bench-secret"


def update(n: int) -> dict[str, object]:
    user = 10_000 + n
    return {
        "update_id": n,
        "message": {
            "message_id": n, "date": int(time.time()), "text": QUESTIONS[n % len(QUESTIONS)],
            "chat": {"id": user, "type": "private"},
            "from": {"id": user, "is_bot": False, "first_name": "B", "language_code": "en"},
        },
    }  # fmt: skip


async def post_all(url: str, ids: range) -> list[float]:
    latencies: list[float] = []
    todo = iter(ids)
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    connector = aiohttp.TCPConnector(limit=CONNECTIONS)
    async with aiohttp.ClientSession(connector=connector) as http:

        async def worker() -> None:
            for n in todo:
                start = time.perf_counter()
                async with http.post(url, json=update(n), headers=headers) as response:
                    assert response.status == 200, response.status
                latencies.append(time.perf_counter() - start)

        await asyncio.gather(*(worker() for _ in range(CONNECTIONS)))
    return latencies


async def run() -> None:
    async with FakeBotApi() as api:
        with tempfile.TemporaryDirectory() as folder:
            port = free_port()
            url = f"http://127.0.0.1:{port}/hook"
            env = {
                **os.environ, "TELEGRAM_BOT_TOKEN": "5550001:bench-token",
                "TELEGRAM_API_BASE_URL": api.base_url, "CONFBOT_DB": str(Path(folder) / "b.db"),
                "CONFBOT_NOW": "2015-10-20T09:00:00-05:00", "CONFBOT_LOG_LEVEL": "WARNING",
                "CONFBOT_WEBHOOK_URL": url, "CONFBOT_WEBHOOK_SECRET": SECRET,
                "CONFBOT_PORT": str(port),
                "CONFBOT_RATE_LIMIT": "0",  # the fake enforces no limits: the bot's own speed
            }  # fmt: skip
            bot = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", env=env, cwd=ROOT
            )
            try:
                await api.wait_for(lambda a: bool(a.sent(method="setWebhook")), timeout=30)
                start = time.perf_counter()
                latencies = await post_all(url, range(1, UPDATES + 1))
                took = time.perf_counter() - start
                answered = len(api.sent())
                replay_start = time.perf_counter()
                await post_all(url, range(1, UPDATES + 1))
                replay = time.perf_counter() - replay_start
                again = len(api.sent()) - answered
            finally:
                bot.terminate()
                await bot.wait()
    q = statistics.quantiles(latencies, n=100)
    print(f"webhook: {UPDATES:,} updates over {CONNECTIONS} connections in {took:.2f} s ="
          f" {UPDATES / took:.0f} updates/s, each answered before its 200;"
          f" p50 {q[49] * 1000:.1f} ms, p99 {q[98] * 1000:.1f} ms;"
          f" replies {answered:,}")  # fmt: skip
    print(
        f"replayed the {UPDATES:,} updates: acknowledged in {replay:.2f} s, {again} answered again"
    )


def main() -> None:
    asyncio.run(run())


if __name__ == "__main__":
    main()
