"""The reminder sweep: find due reminders, claim them, send them, record what happened.

Exactly once: each (user, day) reminder is claimed as a 'pending' row in a committed
transaction before it is sent, and settled (delivered, blocked, not_found, failed) right
after. A sweep only considers days without a settled row, so neither a repeated sweep nor a
restart sends a settled reminder again.

Up to `concurrency` (4) reminders are in flight at once (the application's Outbox paces them):
one at a time would cap delivery at one per round trip plus two commits; a few reach
Telegram's 30/s, and more would only wait in the Outbox as claimed rows.

The one case no local bookkeeping can close is a crash after Telegram accepted a message and
before its row was settled. Such rows stay 'pending', and the next sweep sends them again
(late note included when late, skipped if the day has begun): at-least-once for that window of
one round trip, for at most `concurrency` messages, which we prefer to silently losing a
reminder a delegate needs to find a venue. Change notices follow the same rule. A pending row
can only mean a crash (or a stop mid-sweep, which leaves unsent rows pending) because sweeps
never overlap (one lock, one bot process per database).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from bot.domain.clock import Clock
from bot.domain.delivery import Deliver, Outcome, OutcomeCounts, OutgoingMessage
from bot.domain.knowledge import KnowledgeBase
from bot.domain.reminders import (
    Due,
    Timing,
    by_user,
    changed_sessions,
    due_reminders,
    fingerprint,
    next_due,
    reminder_time,
)
from bot.i18n import Translator
from bot.storage.subscriptions import ReminderLog, SubscriptionStore
from bot.storage.users import UserStore
from bot.texts.reminders import Renderer
from bot.usecases import sweeps

# The knowledge base in service, read afresh by each sweep: an admin may reload it.
KnowledgeSource = Callable[[], KnowledgeBase]


@dataclass(frozen=True)
class SweepReport(OutcomeCounts):
    """What one sweep did: the sends by outcome, and the reminders skipped as too late."""

    skipped: int = 0
    late: int = 0  # how many of the reminders sent were late


class ReminderService(sweeps.Sweeper):
    """Send due reminders and change notices through the shared, rate-limited sender."""

    def __init__(
        self,
        kb: KnowledgeBase | KnowledgeSource,
        subscriptions: SubscriptionStore,
        reminder_log: ReminderLog,
        users: UserStore,
        clock: Clock,
        translator: Translator,
        deliver: Deliver,
        reminder_at: dt.time | None = None,
        concurrency: int = 4,
    ) -> None:
        self._source: KnowledgeSource | None = kb if callable(kb) else None
        self._fixed: KnowledgeBase | None = None if callable(kb) else kb
        self.subscriptions = subscriptions
        self.log = reminder_log
        self.users = users
        self.clock = clock
        self.translator = translator
        self.deliver = deliver
        self._override = reminder_at
        self._concurrency = concurrency
        super().__init__()

    @property
    def kb(self) -> KnowledgeBase:
        """Return the knowledge base in service now."""
        if self._source is not None:
            return self._source()
        assert self._fixed is not None
        return self._fixed

    @property
    def reminder_at(self) -> dt.time:
        return reminder_time(self.kb, self._override)

    def next_due(self) -> dt.datetime | None:
        """Return when the next day's reminders come due, after the clock's now."""
        return next_due(self.kb, self.clock.now(), self.reminder_at)

    async def sweep(self) -> SweepReport:
        """Send every reminder due now that was not sent yet; skip the ones too late to send."""
        async with self._lock:
            if self._closing:
                return SweepReport()
            kb = self.kb  # one snapshot for the whole sweep, even if a reload swaps it
            reminder_at = reminder_time(kb, self._override)
            now = self.clock.now()
            subscribers = await self.subscriptions.active_subscribers()
            recorded = await self.log.recorded()
            dues = due_reminders(kb, now, reminder_at, subscribers, recorded)
            missed = [d for d in dues if d.timing is Timing.MISSED]
            await self.log.skip(missed)
            counts: Counter[str] = Counter(skipped=len(missed))
            renderer = Renderer(kb, self.translator)
            today = now.astimezone(kb.event.tz).date()
            cache: dict[tuple[str, dt.date, tuple[str, ...], Timing], OutgoingMessage] = {}

            async def send(due: Due) -> None:
                key = (
                    due.subscriber.language,
                    due.day.day,
                    tuple(s.id for s in due.sessions),
                    due.timing,
                )
                if key not in cache:
                    cache[key] = renderer.reminder(
                        key[0], due.day.day, due.sessions, due.timing, today, reminder_at
                    )
                outcome = await self._send(due.subscriber.chat_id, cache[key])
                await self.log.settle(due, outcome)
                counts[outcome.value] += 1
                counts["late"] += outcome is Outcome.DELIVERED and due.timing is Timing.LATE

            claimed = await self.log.claim([d for d in dues if d.timing is not Timing.MISSED])
            await sweeps.each(claimed, send, self._concurrency, lambda: self._closing)
            await self._resend_notices(renderer)
            return SweepReport(
                **{outcome.value: counts[outcome] for outcome in Outcome},
                skipped=counts["skipped"],
                late=counts["late"],
            )

    async def notify_changes(self, kb: KnowledgeBase) -> int:
        """Adopt a reloaded knowledge base; tell reminded subscribers what changed. Return sent."""
        async with self._lock:
            if self._source is None:
                self._fixed = kb
            today = self.clock.now().astimezone(kb.event.tz).date()
            changes = changed_sessions(kb, await self.log.announced(), today)
            subscribers = {s.user_id: s for s in await self.subscriptions.active_subscribers()}
            renderer = Renderer(kb, self.translator)
            sent = 0
            for user_id, sessions in by_user(changes).items():
                subscriber = subscribers.get(user_id)
                if self._closing:
                    break
                if subscriber is None:
                    continue
                wanted = [s for s in sessions if subscriber.subscription.covers(s.id)]
                if not wanted:
                    continue
                told = [(s.id, fingerprint(s)) for s in wanted]
                notice_id = await self.log.claim_notice(user_id, told)
                message = renderer.changes(subscriber.language, wanted)
                outcome = await self._send(subscriber.chat_id, message)
                await self.log.settle_notice(notice_id, outcome)
                sent += outcome is Outcome.DELIVERED
            return sent

    async def _resend_notices(self, renderer: Renderer) -> None:
        pending = await self.log.pending_notices()
        if not pending:
            return
        subscribers = {s.user_id: s for s in await self.subscriptions.active_subscribers()}
        for notice in pending:
            if self._closing:
                return
            subscriber = subscribers.get(notice.user_id)
            sessions = [s for s in map(renderer.kb.session, notice.session_ids) if s is not None]
            if subscriber is None or not sessions:
                await self.log.settle_notice(notice.id, Outcome.FAILED)
                continue
            message = renderer.changes(subscriber.language, sessions)
            outcome = await self._send(subscriber.chat_id, message)
            await self.log.settle_notice(notice.id, outcome)

    async def _send(self, chat_id: int, message: OutgoingMessage) -> Outcome:
        return await sweeps.send(self.deliver, self.users, chat_id, message, "a reminder")
