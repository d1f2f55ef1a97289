"""Benchmark: how fast an organiser's reply reaches the attendee (target: within 3 s).

`confbot run` in its own process against the fake Bot API (the real sender, pacing at 30 msg/s):
N attendees each send a question with /ask and press Send; then an organiser replies to each
ticket in the organisers' chat, one after the other. Printed: the relay latency (reply pushed
→ the attendee's message accepted by the fake) p50/p99/max, and lost or duplicated relays.

`python -m bench.handoff --tickets 5` for a quick run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from bot.domain.buttons import encode
from tests.fakeapi import FakeBotApi

ROOT = Path(__file__).resolve().parents[1]
TICKETS = 20
GROUP = -1001234567890
BOT_ID = 5550001
ATTENDEES = 7000  # user ids from here; organisers from 8000 (one each: no flood guard hit)
TARGET_S = 3.0


def main(tickets: int = TICKETS) -> None:
    """Print the relay latency figures."""
    asyncio.run(run(tickets))


def got_answer(api: FakeBotApi, chat: int) -> bool:
    return relayed(api, chat) >= 1


def relayed(api: FakeBotApi, chat: int) -> int:
    return sum("Answer from the organisers" in t for t in api.texts(chat))


async def run(tickets: int) -> None:
    attendees = [ATTENDEES + i for i in range(tickets)]
    organisers = [8000 + i for i in range(tickets)]
    with tempfile.TemporaryDirectory() as folder:
        async with FakeBotApi() as api:
            api.add_group(GROUP, {BOT_ID, *organisers})
            env = {
                **os.environ,
                "TELEGRAM_BOT_TOKEN": f"{BOT_ID}:bench-handoff",
                "TELEGRAM_API_BASE_URL": api.base_url,
                "CONFBOT_DB": str(Path(folder) / "bench.sqlite3"),
                "CONFBOT_ORGANISERS_CHAT": str(GROUP),
                "CONFBOT_LOG_LEVEL": "WARNING",
            }
            bot = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", env=env, cwd=ROOT
            )
            try:
                await api.wait_for(lambda a: bool(a.sent(method="getUpdates")), timeout=30)
                for user in attendees:
                    api.push_message(user, f"/ask question from attendee {user}?")
                await api.wait_for(lambda a: all(a.sent(u) for u in attendees), timeout=60)
                for user in attendees:
                    preview = api.sent(user)[0]
                    api.push_callback(
                        user,
                        encode("org", "send", user - ATTENDEES + 1),
                        preview.result["message_id"],
                    )
                await api.wait_for(lambda a: len(a.sent(GROUP)) >= tickets, timeout=120)
                latencies = []
                for organiser, ticket in zip(organisers, api.sent(GROUP), strict=True):
                    user = next(u for u in attendees if f"attendee {u}?" in ticket.params["text"])
                    started = time.monotonic()
                    api.push_message(
                        organiser,
                        "Here is the answer.",
                        chat_id=GROUP,
                        chat_type="supergroup",
                        reply_to_message=ticket.result,
                    )
                    await api.wait_for(partial(got_answer, chat=user), timeout=30)
                    latencies.append(time.monotonic() - started)
                await asyncio.sleep(1.0)  # room for a duplicate to show up
                counts = [relayed(api, u) for u in attendees]
            finally:
                bot.terminate()
                await bot.wait()
    lost, duplicates = counts.count(0), sum(n - 1 for n in counts if n > 1)
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    verdict = "OK" if p99 <= TARGET_S and not lost and not duplicates else "OFF TARGET"
    print(f"handoff: {tickets} organisers' replies relayed by `confbot run` (fake Bot API)")
    print(
        f"  latency p50 {statistics.median(latencies) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, "
        f"max {ordered[-1] * 1000:.0f} ms (target <= {TARGET_S:.0f} s)"
    )
    print(f"  lost {lost}, duplicates {duplicates}: {verdict}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, default=TICKETS)
    main(parser.parse_args().tickets)
