"""What the reminder and feedback sweeps share: one sweep at a time, a few sends at a time over
the claimed dues, and one send that never stops the others."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from bot.domain.delivery import Deliver, Outcome, OutgoingMessage
from bot.storage.users import UserStore

log = logging.getLogger(__name__)
T = TypeVar("T")


class Sweeper:
    """One sweep at a time (the scheduler, start-up and a reload may all call in); `close`
    stops the sending once the messages in flight are settled. What a sweep claimed but did
    not send stays pending: the next start sends it, once."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._closing = False

    async def close(self) -> None:
        """Stop sending once the messages in flight are settled; wait for that."""
        self._closing = True
        async with self._lock:
            pass


async def each(
    dues: Sequence[T],
    work: Callable[[T], Awaitable[None]],
    concurrency: int,
    closing: Callable[[], bool],
) -> None:
    """Run `work` on every due, `concurrency` at a time, until `closing()` says stop."""
    pending = iter(dues)  # shared by the workers: each due is taken exactly once

    async def worker() -> None:
        for due in pending:
            if closing():
                return
            await work(due)

    async with asyncio.TaskGroup() as group:
        for _ in range(min(concurrency, len(dues))):
            group.create_task(worker())


async def send(
    deliver: Deliver, users: UserStore, chat_id: int, message: OutgoingMessage, what: str
) -> Outcome:
    """Send `message` (a `what`: "a reminder"…); a user the bot cannot reach is marked inactive."""
    try:
        outcome = await deliver(chat_id, message)
    except Exception:
        # Deliver must not raise for a bad chat; if it does anyway, one subscriber's
        # failure must not stop the others (CancelledError still propagates).
        log.exception("sending %s to chat %s failed", what, chat_id)
        outcome = Outcome.FAILED
    if outcome in (Outcome.BLOCKED, Outcome.NOT_FOUND):
        await users.mark_unreachable(chat_id)
    return outcome
