"""The reminder sweep: find due reminders, claim them, send them, record what happened.

Exactly once: each (user, day) reminder is claimed as a 'pending' row in a committed
transaction before it is sent, and settled (delivered, blocked, not_found, failed) right
after. A sweep only considers days without a settled row, so neither a repeated sweep nor a
restart sends a settled reminder again.

The one case no local bookkeeping can close is a crash after Telegram accepted a message and
before its row was settled. Such rows stay 'pending', and the next sweep sends them again
(late note included when late, skipped if the day has begun): at-least-once for that window of
a few milliseconds per message, which we prefer to silently losing a reminder a delegate needs
to find a venue. Change notices follow the same rule. A pending row can only mean a crash
because sweeps never overlap (one lock, one bot process per database).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from babel.dates import format_date, format_time

from bot.domain.clock import Clock
from bot.domain.delivery import Button, Deliver, Outcome, OutgoingMessage
from bot.domain.knowledge import KnowledgeBase, Session, Venue
from bot.domain.reminders import (
    Timing,
    by_user,
    changed_sessions,
    due_reminders,
    fingerprint,
    next_due,
    reminder_time,
)
from bot.i18n import Translator, normalize_lang
from bot.storage.subscriptions import ReminderLog, SubscriptionStore
from bot.storage.users import UserStore

log = logging.getLogger(__name__)


def _html(text: str) -> str:
    # Telegram's HTML mode knows only &lt; &gt; &amp; &quot;: leave quotes alone in text.
    return escape(text, quote=False)


class Renderer:
    """Turn reminders and change notices into HTML messages in the reader's language."""

    def __init__(self, kb: KnowledgeBase, translator: Translator) -> None:
        self.kb = kb
        self.translator = translator

    def reminder(
        self,
        lang: str,
        day: dt.date,
        sessions: Sequence[Session],
        timing: Timing,
        today: dt.date,
        reminder_at: dt.time,
    ) -> OutgoingMessage:
        """Render one subscriber's reminder about `day`'s `sessions`."""
        lang = normalize_lang(lang)
        _ = self.translator.get(lang).gettext
        date = format_date(day, "full", locale=lang)
        if day == today:
            heading = _("Reminder: today, {date}").format(date=date)
        else:
            heading = _("Reminder: tomorrow, {date}").format(date=date)
        parts = [f"<b>{_html(heading)}</b>"]
        if timing is Timing.LATE:
            note = _("This reminder is late: it is usually sent at {time} the day before.")
            time = format_time(reminder_at, "short", locale=lang)
            parts.append(f"<i>{_html(note.format(time=time))}</i>")
        parts += [self._session(s, lang, with_date=False) for s in sessions]
        return OutgoingMessage("\n\n".join(parts), self._buttons(sessions, lang))

    def changes(self, lang: str, sessions: Sequence[Session]) -> OutgoingMessage:
        """Render a notice that the date, time or venue of `sessions` changed."""
        lang = normalize_lang(lang)
        _ = self.translator.get(lang).gettext
        heading = _("Programme change: the organisers updated a session you were reminded about.")
        parts = [f"<b>{_html(heading)}</b>"]
        parts += [self._session(s, lang, with_date=True) for s in sessions]
        return OutgoingMessage("\n\n".join(parts), self._buttons(sessions, lang))

    def _session(self, session: Session, lang: str, with_date: bool) -> str:
        _ = self.translator.get(lang).gettext
        lines = [f"<b>{_html(session.title.get(lang))}</b>"]
        parent = self.kb.session(session.part_of) if session.part_of else None
        if parent is not None:
            part = _("Part of: {session}").format(session=parent.title.get(lang))
            lines.append(_html(part))
        lines.append(_html(_("When: {when}").format(when=self._when(session, lang, with_date))))
        lines.append(_html(_("Where: {where}").format(where=self._where(session, lang))))
        if session.know is not None:
            lines.append(_html(session.know.get(lang)))
        return "\n".join(lines)

    def _when(self, session: Session, lang: str, with_date: bool) -> str:
        _ = self.translator.get(lang).gettext
        if session.date is None:
            # An undated part (the field visit) is never said to be on its parent's day.
            return _("date and time to be confirmed by the organisers")
        if session.start is None:
            time = _("time to be confirmed by the organisers")
        elif session.end is None:
            time = _("from {start}").format(start=format_time(session.start, "short", locale=lang))
        else:
            time = _("{start} to {end}").format(
                start=format_time(session.start, "short", locale=lang),
                end=format_time(session.end, "short", locale=lang),
            )
        if not with_date:
            return time
        return _("{date}, {time}").format(
            date=format_date(session.date, "full", locale=lang), time=time
        )

    def _where(self, session: Session, lang: str) -> str:
        _ = self.translator.get(lang).gettext
        venue = self._venue(session)
        if venue is None:
            return _("place to be confirmed by the organisers")
        if venue.address is None:
            return _("{venue}, {city} (the organisers will confirm the address)").format(
                venue=venue.name.get(lang), city=venue.city.get(lang)
            )
        return _("{venue}, {address}, {city}").format(
            venue=venue.name.get(lang), address=venue.address.get(lang), city=venue.city.get(lang)
        )

    def _venue(self, session: Session) -> Venue | None:
        if session.venue is None and session.date is None:
            return None  # an undated part (the field visit) need not be at its parent's venue
        return self.kb.session_venue(session)

    def _buttons(self, sessions: Sequence[Session], lang: str) -> tuple[tuple[Button, ...], ...]:
        _ = self.translator.get(lang).gettext
        rows: list[tuple[Button, ...]] = []
        venues: list[str] = []
        for session in sessions:
            venue = self._venue(session)
            if venue is not None and venue.id not in venues:
                venues.append(venue.id)
                rows.append((Button(f"📍 {venue.name.get(lang)}", f"venue:{venue.id}"),))
        dated = [s for s in sessions if s.date is not None]
        for session in dated:
            label = _("Add to calendar")
            if len(dated) > 1:
                label = _("Add to calendar: {session}").format(session=session.title.get(lang))
            rows.append((Button(f"📅 {label}", f"ics:{session.id}"),))
        return tuple(rows)


@dataclass(frozen=True)
class SweepReport:
    delivered: int = 0
    blocked: int = 0
    not_found: int = 0
    failed: int = 0
    skipped: int = 0
    late: int = 0  # how many of the reminders sent were late


class ReminderService:
    """Send due reminders and change notices through the shared, rate-limited sender."""

    def __init__(
        self,
        kb: KnowledgeBase,
        subscriptions: SubscriptionStore,
        reminder_log: ReminderLog,
        users: UserStore,
        clock: Clock,
        translator: Translator,
        deliver: Deliver,
        reminder_at: dt.time | None = None,
    ) -> None:
        self.kb = kb
        self.subscriptions = subscriptions
        self.log = reminder_log
        self.users = users
        self.clock = clock
        self.translator = translator
        self.deliver = deliver
        self._override = reminder_at
        # The scheduler, start-up and a KB reload may all call in: one sweep at a time.
        self._lock = asyncio.Lock()

    @property
    def reminder_at(self) -> dt.time:
        return reminder_time(self.kb, self._override)

    def next_due(self) -> dt.datetime | None:
        """Return when the next day's reminders come due, after the clock's now."""
        return next_due(self.kb, self.clock.now(), self.reminder_at)

    async def sweep(self) -> SweepReport:
        """Send every reminder due now that was not sent yet; skip the ones too late to send."""
        async with self._lock:
            now = self.clock.now()
            subscribers = await self.subscriptions.active_subscribers()
            recorded = await self.log.recorded()
            dues = due_reminders(self.kb, now, self.reminder_at, subscribers, recorded)
            missed = [d for d in dues if d.timing is Timing.MISSED]
            await self.log.skip(missed)
            counts: Counter[str] = Counter(skipped=len(missed))
            renderer = Renderer(self.kb, self.translator)
            today = now.astimezone(self.kb.event.tz).date()
            cache: dict[tuple[str, dt.date, tuple[str, ...], Timing], OutgoingMessage] = {}
            for due in await self.log.claim([d for d in dues if d.timing is not Timing.MISSED]):
                key = (
                    due.subscriber.language,
                    due.day.day,
                    tuple(s.id for s in due.sessions),
                    due.timing,
                )
                if key not in cache:
                    cache[key] = renderer.reminder(
                        key[0], due.day.day, due.sessions, due.timing, today, self.reminder_at
                    )
                outcome = await self._send(due.subscriber.chat_id, cache[key])
                await self.log.settle(due, outcome)
                counts[outcome.value] += 1
                counts["late"] += outcome is Outcome.DELIVERED and due.timing is Timing.LATE
            await self._resend_notices(renderer)
            return SweepReport(
                delivered=counts[Outcome.DELIVERED],
                blocked=counts[Outcome.BLOCKED],
                not_found=counts[Outcome.NOT_FOUND],
                failed=counts[Outcome.FAILED],
                skipped=counts["skipped"],
                late=counts["late"],
            )

    async def notify_changes(self, kb: KnowledgeBase) -> int:
        """Adopt a reloaded knowledge base; tell reminded subscribers what changed. Return sent."""
        async with self._lock:
            self.kb = kb
            today = self.clock.now().astimezone(kb.event.tz).date()
            changes = changed_sessions(kb, await self.log.announced(), today)
            subscribers = {s.user_id: s for s in await self.subscriptions.active_subscribers()}
            renderer = Renderer(kb, self.translator)
            sent = 0
            for user_id, sessions in by_user(changes).items():
                subscriber = subscribers.get(user_id)
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
            subscriber = subscribers.get(notice.user_id)
            sessions = [s for s in map(self.kb.session, notice.session_ids) if s is not None]
            if subscriber is None or not sessions:
                await self.log.settle_notice(notice.id, Outcome.FAILED)
                continue
            message = renderer.changes(subscriber.language, sessions)
            outcome = await self._send(subscriber.chat_id, message)
            await self.log.settle_notice(notice.id, outcome)

    async def _send(self, chat_id: int, message: OutgoingMessage) -> Outcome:
        try:
            outcome = await self.deliver(chat_id, message)
        except Exception:
            # Deliver must not raise for a bad chat; if it does anyway, one subscriber's
            # failure must not stop the others (CancelledError still propagates).
            log.exception("sending a reminder to chat %s failed", chat_id)
            outcome = Outcome.FAILED
        if outcome in (Outcome.BLOCKED, Outcome.NOT_FOUND):
            await self.users.set_active(chat_id, False)
        return outcome
