"""One outgoing budget, measured from outside: `confbot run` against the strict fake Bot API.

The fake enforces Telegram's limits as Telegram does (every message-sending method in one
sliding one-second window of 30, 1 message a second per chat after a burst of 3, retry_after
in whole seconds), and the figures come from when it accepted each call:

- busy broadcast: 400 recipients while 10 users ask a question every 2 s (5 replies/s, so 25
  msg/s are left for the broadcast). Targets: broadcast >= 23 msg/s, every question answered,
  reply p95 <= 1.5 s, <= 1 x 429;
- opening rush: 600 users send /start within 5 s. Targets: every one answered, <= 3 x 429,
  last reply within 30 s of the first /start; users kept waiting see "typing…".

`python -m bench.outgoing [busy|rush]` runs one of them (each takes about 30 s).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

from bot.domain.buttons import encode
from bot.storage.db import Database
from bot.storage.users import UserStore
from tests.fakeapi import Call, FakeBotApi

ROOT = Path(__file__).resolve().parents[1]
ADMIN = 900
ANNOUNCEMENT = "/broadcast es: La clínica pasa a la sala B.\nen: The clinic moves to room B."
BROADCAST_TEXTS = ("La clínica pasa a la sala B.", "The clinic moves to room B.")
QUESTIONS = ("where is the clinic?", "¿dónde es el diálogo regional?", "who organises the week?")


async def start_bot(api: FakeBotApi, db: Path) -> asyncio.subprocess.Process:
    """Start `confbot run` (its defaults: 30 msg/s) and wait until it polls."""
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": "5550001:bench-token",
        "TELEGRAM_API_BASE_URL": api.base_url,
        "CONFBOT_DB": str(db),
        "CONFBOT_ADMINS": str(ADMIN),
        "CONFBOT_NOW": "2015-10-20T09:00:00-05:00",
        "CONFBOT_LOG_LEVEL": "WARNING",
    }
    env.pop("CONFBOT_RATE_LIMIT", None)
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, cwd=ROOT
    )
    await api.wait_for(lambda a: any(c.method == "getUpdates" for c in a.calls), timeout=60)
    return process


async def stop_bot(process: asyncio.subprocess.Process) -> None:
    process.terminate()
    await asyncio.wait_for(process.wait(), 30)


def floods(api: FakeBotApi) -> int:
    return sum(1 for c in api.calls if c.status == 429)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def first_reply(api: FakeBotApi, chat_id: int, after: float) -> Call | None:
    for call in api.calls:
        if (
            call.ok
            and call.method == "sendMessage"
            and call.chat_id == chat_id
            and call.at >= after
        ):
            return call
    return None


async def busy_broadcast(recipients: int = 400, askers: int = 10, every: float = 2.0) -> None:
    """Broadcast while users keep asking; print the broadcast's pace and the reply latency."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        db = await Database.open(path)
        users = UserStore(db)
        for user in range(10_001, 10_001 + recipients):
            await users.seen(user, user, "es" if user % 2 else "en")
        await db.close()
        async with FakeBotApi() as api:
            api.strict()
            process = await start_bot(api, path)
            try:
                api.push_message(ADMIN, ANNOUNCEMENT)
                await api.wait_for(lambda a: bool(a.sent(ADMIN)), timeout=30)
                preview = api.sent(ADMIN)[-1]
                start = api.now()
                api.push_callback(ADMIN, encode("bc", "send", 1), preview.result["message_id"])
                asked: list[tuple[int, float]] = []
                done = asyncio.Event()

                def delivered(a: FakeBotApi) -> int:
                    return sum(1 for c in a.sent() if c.params.get("text") in BROADCAST_TEXTS)

                async def ask(index: int) -> None:
                    asker = 9001 + index
                    await asyncio.sleep(index * every / askers)  # spread over the period
                    n = 0
                    while not done.is_set():
                        asked.append((asker, api.now()))
                        api.push_message(asker, QUESTIONS[n % len(QUESTIONS)])
                        n += 1
                        await asyncio.sleep(every)

                tasks = [asyncio.create_task(ask(i)) for i in range(askers)]
                await api.wait_for(lambda a: delivered(a) >= recipients + 1, timeout=120)
                done.set()
                await asyncio.gather(*tasks)
                await asyncio.sleep(3)  # the last questions' answers
            finally:
                await stop_bot(process)
    copies = [c for c in api.sent() if c.params.get("text") in BROADCAST_TEXTS]
    span = copies[-1].at - copies[0].at
    waits, unanswered = [], 0
    for asker, at in asked:
        reply = first_reply(api, asker, at)
        if reply is None:
            unanswered += 1
        else:
            waits.append(reply.at - at)
    chats = {c.chat_id for c in copies}
    print(
        f"busy broadcast: {recipients} recipients (+ the admin) while {askers} users ask every "
        f"{every:.0f} s, strict fake"
    )
    print(
        f"  broadcast: {len(copies)} messages to {len(chats)} chats in {span:.1f} s first to "
        f"last: {(len(copies) - 1) / span:.1f} msg/s (target >= 23); "
        f"{copies[0].at - start:.1f} s from Send to the first"
    )
    print(
        f"  questions: {len(asked)} asked, {len(waits)} answered, {unanswered} unanswered; "
        f"reply p50 {sorted(waits)[len(waits) // 2]:.2f} s, p95 {p95(waits):.2f} s, "
        f"max {max(waits):.2f} s (target p95 <= 1.5 s)"
    )
    print(
        f"  429s from the fake: {floods(api)} (target <= 1); duplicates: {len(copies) - len(chats)}"
    )


async def opening_rush(users: int = 600, within: float = 5.0) -> None:
    """Have `users` send /start within `within` seconds; print who was answered and when."""
    with tempfile.TemporaryDirectory() as folder:
        async with FakeBotApi() as api:
            api.strict()
            process = await start_bot(api, Path(folder) / "bench.sqlite3")
            pushed: dict[int, float] = {}
            try:
                base, start = 20_001, api.now()
                for i in range(users):
                    await asyncio.sleep(max(0.0, start + i * within / users - api.now()))
                    pushed[base + i] = api.now()
                    api.push_message(base + i, "/start", language_code="es" if i % 2 else "en")
                await api.wait_for(
                    lambda a: len({c.chat_id for c in a.sent() if c.chat_id in pushed}) >= users,
                    timeout=120,
                )
                await asyncio.sleep(1)
            finally:
                await stop_bot(process)
    replies = {c.chat_id: c.at for c in reversed(api.sent()) if c.chat_id in pushed}
    typing = {c.chat_id for c in api.calls if c.method == "sendChatAction"}
    waits = [replies[chat] - at for chat, at in pushed.items() if chat in replies]
    slow = [chat for chat, at in pushed.items() if replies.get(chat, at) - at > 3.0]
    last = max(replies.values()) - min(pushed.values())
    print(f"opening rush: {users} users send /start within {within:.0f} s, strict fake")
    print(
        f"  answered {len(replies)} of {users}; last reply {last:.1f} s after the first /start "
        f"(target <= 30 s); wait p50 {sorted(waits)[len(waits) // 2]:.1f} s, "
        f"max {max(waits):.1f} s"
    )
    print(
        f"  429s from the fake: {floods(api)} (target <= 3); "
        f"{len(typing)} users shown 'typing…' (of {len(slow)} who waited over 3 s)"
    )


def main() -> None:
    """Run both scenarios, or those named on the command line."""
    names = sys.argv[1:] or ["busy", "rush"]
    if "busy" in names:
        asyncio.run(busy_broadcast())
    if "rush" in names:
        asyncio.run(opening_rush())


if __name__ == "__main__":
    main()
