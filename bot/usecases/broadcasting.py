"""Run organiser broadcasts: draft and preview, confirm, deliver at Telegram's pace, resume.

Durability: confirming writes every recipient as 'pending' in the same transaction that moves
the draft on, before anything is sent. Each recipient is then marked 'sending' (committed)
before its message is handed to Telegram and marked with Telegram's answer (committed) after.
After a crash, `resume_unfinished` continues every confirmed broadcast with the recipients
still 'pending'. A clean stop (`stop`) lets the messages in flight be answered and recorded,
then leaves the rest 'pending' for the next start: no second copies.

The one unavoidable case: a recipient left 'sending' — the process died after handing the
message over and before recording Telegram's answer. We cannot ask Telegram whether it accepted
it (the Bot API has no idempotency key), so we send it again: at-least-once for that window
only, which is one round trip long and holds at most `concurrency` recipients. Everyone else
gets exactly one copy. Skipping them instead would risk silently losing "the keynote moved".
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from bot.domain.broadcast import (
    LANGUAGES,
    BroadcastDraft,
    Progress,
    Refusal,
    Report,
    Tally,
    parse_broadcast,
)
from bot.domain.clock import Clock
from bot.domain.delivery import Deliver, Outcome, OutgoingMessage
from bot.storage.broadcasts import BroadcastRecord, BroadcastStore, Recipient, Status
from bot.storage.users import UserStore

log = logging.getLogger(__name__)
OnProgress = Callable[[Progress], Awaitable[None]]
OnReport = Callable[[BroadcastRecord, Report], Awaitable[None]]


class AlreadySending(RuntimeError):
    """The broadcast is being sent by another run of this service."""


@dataclass(frozen=True)
class Preview:
    """A saved draft and how many users would get it, by language."""

    broadcast_id: int
    draft: BroadcastDraft
    recipients: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.recipients.values())


class BroadcastService:
    """Broadcasts from draft to report, delivered through any `Deliver` (the paced sender)."""

    def __init__(
        self,
        store: BroadcastStore,
        users: UserStore,
        deliver: Deliver,
        clock: Clock,
        concurrency: int = 4,
        progress_every: float = 5.0,
        page_size: int = 500,
    ) -> None:
        self.store = store
        self._users = users
        self._deliver = deliver
        self._clock = clock
        # A few sends at once keep Telegram's pace (30/s × a round trip of a few ms is about
        # one); more would only wait in the Outbox marked 'sending' and be resent after a crash.
        self._concurrency = concurrency
        self._progress_every = progress_every
        self._page_size = page_size
        self._running: set[int] = set()
        self._stopping = False

    async def create_draft(
        self, admin_id: int, text: str, languages: Sequence[str] = LANGUAGES
    ) -> Preview | Refusal:
        """Read the admin's /broadcast text (versions in `languages`) and save it as a draft."""
        parsed = parse_broadcast(text, languages)
        if isinstance(parsed, Refusal):
            return parsed
        broadcast_id = await self.store.create(admin_id, parsed, self._clock.now())
        recipients = await self.store.audience_by_language(parsed.audience)
        return Preview(broadcast_id, parsed, recipients)

    async def confirm(self, broadcast_id: int, admin_id: int) -> bool:
        """Confirm a draft: False unless `admin_id` made it and it is still a draft."""
        confirmed = await self.store.confirm(broadcast_id, admin_id, self._clock.now())
        if not confirmed:
            log.warning("broadcast %s: confirm by %s refused", broadcast_id, admin_id)
        return confirmed

    async def cancel(self, broadcast_id: int, admin_id: int) -> bool:
        """Drop a draft: False unless `admin_id` made it and it is still a draft."""
        return await self.store.cancel(broadcast_id, admin_id, self._clock.now())

    async def get(self, broadcast_id: int) -> BroadcastRecord | None:
        """Return a broadcast with its current counts."""
        return await self.store.get(broadcast_id)

    async def history(self, limit: int = 10) -> list[BroadcastRecord]:
        """Return the latest broadcasts (not drafts), newest first."""
        return await self.store.history(limit)

    def stop(self) -> None:
        """Stop sending: runs return once the messages in flight are answered and recorded."""
        self._stopping = True

    async def resume_unfinished(
        self,
        progress_for: Callable[[BroadcastRecord], OnProgress | None] | None = None,
        on_report: OnReport | None = None,
    ) -> list[Report]:
        """Finish every broadcast a stop or crash interrupted (call once at start-up).

        `on_report` is called as each one finishes (not when a stop interrupts it again).
        """
        reports = []
        for broadcast_id in await self.store.unfinished():
            if self._stopping:
                break
            record = await self.store.get(broadcast_id)
            if record is None or broadcast_id in self._running:
                continue
            log.info("broadcast %s: resuming (%d to go)", broadcast_id, record.tally.pending)
            progress = progress_for(record) if progress_for else None
            report = await self.run(broadcast_id, progress)
            reports.append(report)
            if on_report is not None and not report.tally.pending:
                try:
                    await on_report(record, report)
                except Exception:
                    log.exception("broadcast %s: reporting the resumed run failed", broadcast_id)
        return reports

    async def run(self, broadcast_id: int, progress: OnProgress | None = None) -> Report:
        """Deliver a confirmed broadcast to its pending recipients and return the report.

        `progress` hears where it starts, then every `progress_every` seconds while it runs.
        After `stop`, return early: the report's tally then still has recipients pending.
        """
        record = await self.store.get(broadcast_id)
        if record is None or record.status in (Status.DRAFT, Status.CANCELLED):
            raise ValueError(f"broadcast {broadcast_id} is not confirmed")
        if record.status is Status.DONE:
            return Report(broadcast_id, record.tally, 0.0, 0)
        if broadcast_id in self._running:
            raise AlreadySending(f"broadcast {broadcast_id} is already being sent")
        self._running.add(broadcast_id)
        try:
            return await _Run(self, record, progress).go()
        finally:
            self._running.discard(broadcast_id)


class _Run:
    """One pass over a broadcast's pending recipients with a pool of concurrent senders."""

    def __init__(
        self, service: BroadcastService, record: BroadcastRecord, progress: OnProgress | None
    ) -> None:
        self.service = service
        self.store = service.store
        self.record = record
        self.progress = progress
        self.messages: dict[str, OutgoingMessage] = {}
        self.tally = Tally()
        self.sent = 0
        self.started = time.monotonic()
        self.last_progress = self.started
        self.reporting: asyncio.Task[None] | None = None

    async def go(self) -> Report:
        broadcast_id = self.record.id
        interrupted = await self.store.start(broadcast_id, self.service._clock.now())
        if interrupted:
            log.warning(
                "broadcast %s: %d message(s) may have reached Telegram before the bot stopped;"
                " sending them again",
                broadcast_id,
                interrupted,
            )
        self.tally = await self.store.tally(broadcast_id)
        await self._maybe_report_progress(first=True)  # where it starts, before any send
        queue: asyncio.Queue[Recipient | None] = asyncio.Queue(self.service._concurrency * 2)
        async with asyncio.TaskGroup() as group:
            producer = group.create_task(self._produce(queue))
            workers = [
                group.create_task(self._work(queue)) for _ in range(self.service._concurrency)
            ]
            await asyncio.wait(workers)
            producer.cancel()  # after a stop it may wait on a full queue nobody reads
        if self.reporting is not None:
            await self.reporting  # the last progress shown comes before the report
        seconds = time.monotonic() - self.started
        if self.service._stopping:
            tally = await self.store.tally(broadcast_id)
            if tally.pending:
                log.info(
                    "broadcast %s: stopped, %d to go at the next start",
                    broadcast_id,
                    tally.pending,
                )
                return Report(broadcast_id, tally, seconds, self.sent)
        tally = await self.store.finish(broadcast_id, self.service._clock.now())
        report = Report(broadcast_id, tally, seconds, self.sent)
        log.info(
            "broadcast %s: done in %.1f s (%.1f msg/s): %s",
            broadcast_id,
            seconds,
            report.per_second,
            tally,
        )
        return report

    async def _produce(self, queue: asyncio.Queue[Recipient | None]) -> None:
        after = 0
        while page := await self.store.pending(self.record.id, after, self.service._page_size):
            for recipient in page:
                await queue.put(recipient)
            after = page[-1].user_id
        for _ in range(self.service._concurrency):
            await queue.put(None)

    async def _work(self, queue: asyncio.Queue[Recipient | None]) -> None:
        clock = self.service._clock
        while (recipient := await queue.get()) is not None and not self.service._stopping:
            await self.store.mark_sending(self.record.id, recipient.user_id, clock.now())
            outcome = await self._send(recipient)
            await self.store.record(self.record.id, recipient.user_id, outcome, clock.now())
            if outcome is Outcome.BLOCKED:
                await self.service._users.mark_unreachable(recipient.chat_id)
            self.sent += 1
            field = outcome.value
            self.tally = replace(self.tally, **{field: getattr(self.tally, field) + 1})
            await self._maybe_report_progress()

    async def _send(self, recipient: Recipient) -> Outcome:
        message = self.messages.get(recipient.lang)
        if message is None:
            message = OutgoingMessage(self.record.draft.html_for(recipient.lang))
            self.messages[recipient.lang] = message
        try:
            return await self.service._deliver(recipient.chat_id, message)
        except Exception:
            # Deliver promises not to raise; one bad send must still not stop the broadcast.
            log.exception("broadcast %s: delivery to %s failed", self.record.id, recipient.chat_id)
            return Outcome.FAILED

    async def _maybe_report_progress(self, first: bool = False) -> None:
        """Report progress at the start, then every `progress_every` s, without holding a send.

        The report is a message too and waits its turn; delivery goes on meanwhile, and a
        report still on its way is not joined by another.
        """
        now = time.monotonic()
        if self.progress is None:
            return
        if not first and now - self.last_progress < self.service._progress_every:
            return
        if self.reporting is not None and not self.reporting.done():
            return
        self.last_progress = now
        update = Progress(self.record.id, self.tally, now - self.started)
        self.reporting = asyncio.create_task(self._report_progress(self.progress, update))
        if first:
            await self.reporting

    async def _report_progress(self, progress: OnProgress, update: Progress) -> None:
        try:
            await progress(update)
        except Exception:
            log.exception("broadcast %s: progress update failed", self.record.id)
