"""Reminders on Telegram: the subscription commands and picker, and the sweep's wake-ups.

JobQueue jobs are not persisted, so they only wake the sweep: the database is the source of
truth and the sweep is idempotent. A sweep runs at start (catch-up), every 30 s, and at the
instant the next day's reminders come due.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from apscheduler.jobstores.base import JobLookupError
from telegram import Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, Job, JobQueue, filters

from bot.domain.buttons import pattern
from bot.domain.clock import Clock
from bot.domain.delivery import OutcomeCounts, OutgoingMessage
from bot.i18n import current_lang
from bot.telegram.context import BotContext
from bot.telegram.output import NO_PREVIEW, send_outs
from bot.telegram.sender import to_markup
from bot.usecases.alerts import Alerts
from bot.usecases.commands import COMMANDS, REMINDERS
from bot.usecases.subscribing import KIND, SubscriptionDesk

log = logging.getLogger(__name__)
App = Application[Any, BotContext, Any, Any, Any, Any]
TICK = 30.0  # seconds between sweeps: a new subscriber's due reminder waits at most this
SLACK = 0.1  # wake a little after the due instant, never just before it
STOP_TIMEOUT = 10.0  # how long shutdown lets the message in flight settle before cancelling


DeskAction = Callable[[SubscriptionDesk, int, str], Awaitable[OutgoingMessage]]


async def _desk_reply(update: Update, context: BotContext, action: DeskAction) -> None:
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:  # e.g. a message with no sender (a channel's)
        return
    message = await action(SubscriptionDesk(context.services), user.id, current_lang.get())
    await send_outs(context.bot, chat.id, [message])


async def subscribe(update: Update, context: BotContext) -> None:
    """Subscribe to every session (unless already subscribed) and show the session picker."""
    await _desk_reply(update, context, SubscriptionDesk.subscribe)


async def my_subscriptions(update: Update, context: BotContext) -> None:
    """List the reminders to come and when each goes out."""
    await _desk_reply(update, context, SubscriptionDesk.mine)


async def unsubscribe(update: Update, context: BotContext) -> None:
    """Stop every reminder."""
    await _desk_reply(update, context, SubscriptionDesk.unsubscribe)


async def private_only(update: Update, context: BotContext) -> None:
    """In a group: point to the private chat, where reminders are sent."""
    chat, message = update.effective_chat, update.effective_message
    if chat is None or message is None:
        return
    out = SubscriptionDesk(context.services).private_only(current_lang.get())
    await send_outs(context.bot, chat.id, [out], reply_to=message.message_id)


async def choose_sessions(update: Update, context: BotContext) -> None:
    """Apply a picker button and redraw the picker in place (anew if it cannot be edited)."""
    query, user, chat = update.callback_query, update.effective_user, update.effective_chat
    if query is None or user is None:
        return
    desk, lang = SubscriptionDesk(context.services), current_lang.get()
    if (
        chat is None
        or chat.type != ChatType.PRIVATE
        or not await context.services.users.get(user.id)
    ):
        # A forged or copied button: on an inline message, in a group, from someone unknown.
        await query.answer(desk.stale(lang))
        return
    choice = await desk.choose(user.id, lang, query.data or "")
    if choice is None:
        await query.answer(desk.stale(lang))
        return
    await query.answer(choice.notice)
    panel = choice.panel
    markup = to_markup(panel.buttons)
    try:
        await query.edit_message_text(
            panel.text,
            parse_mode=ParseMode.HTML,
            reply_markup=markup,
            link_preview_options=NO_PREVIEW,
        )
    except BadRequest as exc:
        if "not modified" in exc.message.lower():
            return  # e.g. "all" pressed twice: the picker already shows it
        log.info("could not edit the picker in chat %s (%s): sending it anew", chat.id, exc)
        await send_outs(context.bot, chat.id, [panel])


class Sweeper(Protocol):
    """An idempotent delivery sweep (reminders, feedback requests) that a scheduler wakes."""

    async def sweep(self) -> OutcomeCounts: ...
    async def close(self) -> None: ...
    def next_due(self) -> dt.datetime | None: ...


class ReminderScheduler:
    """Wake the reminder sweep at start, every TICK seconds and when the next day is due."""

    def __init__(
        self,
        service: Sweeper,
        jobs: JobQueue[BotContext],
        clock: Clock,
        name: str = "reminders",
        alerts: Alerts | None = None,
    ) -> None:
        self.name = name
        self.service = service
        self.alerts = alerts or Alerts()  # told of each sweep: 3 failures in a row alert
        self.jobs = jobs
        self.clock = clock
        self._task: asyncio.Task[None] | None = None
        self._again = False
        self._repeating: Job[BotContext] | None = None
        self._wakeup: Job[BotContext] | None = None
        self._wakeup_for: dt.datetime | None = None
        self._stopped = False

    def start(self) -> None:
        """Sweep now (catch-up after downtime), then on schedule."""
        self._kick()
        self._repeating = self.jobs.run_repeating(
            self._tick,
            interval=TICK,
            first=TICK,
            name=self.name,
            job_kwargs={"max_instances": 1, "coalesce": True},
        )

    async def stop(self) -> None:
        """Remove the jobs; let the message in flight settle, then stop the sweep."""
        self._stopped = True
        for job in (self._repeating, self._wakeup):
            if job is not None:
                with contextlib.suppress(JobLookupError):
                    job.schedule_removal()
        self._repeating = self._wakeup = None
        try:
            await asyncio.wait_for(self.service.close(), STOP_TIMEOUT)
        except TimeoutError:
            log.warning(
                "the %s sweep did not stop in %.0f s: cancelling it", self.name, STOP_TIMEOUT
            )
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _tick(self, context: BotContext) -> None:
        if context.job is not None and context.job is self._wakeup:
            self._wakeup = None  # it has fired: the next plan schedules a new one
        self._kick()

    def _kick(self) -> None:
        if self._stopped:
            return
        # The sweep runs in its own task, not the job's: stopping the application would
        # otherwise wait for a long delivery to finish before shutdown could interrupt it.
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name=f"{self.name}-sweep")
        else:
            self._again = True  # a sweep is running: one more after it, never two at once

    async def _run(self) -> None:
        while True:
            self._again = False
            try:
                report = await self.service.sweep()
                if report.done or getattr(report, "skipped", 0):
                    log.info("%s sweep: %s", self.name, report)
                self.alerts.job_succeeded(self.name)
            except Exception as exc:
                log.exception("the %s sweep failed; the next tick retries", self.name)
                self.alerts.job_failed(self.name, exc)
            if not self._again:
                break
        self._plan()

    def _plan(self) -> None:
        """Schedule one wake-up at the next due instant (the bot's clock, in real seconds)."""
        due = self.service.next_due()
        if self._stopped or due is None or (self._wakeup is not None and due == self._wakeup_for):
            return
        if self._wakeup is not None:
            with contextlib.suppress(JobLookupError):
                self._wakeup.schedule_removal()
        delay = max((due - self.clock.now()).total_seconds(), 0.0) + SLACK
        self._wakeup = self.jobs.run_once(self._tick, when=delay, name=f"{self.name}-due")
        self._wakeup_for = due


def register(app: App) -> None:
    """Add the picker's buttons, and the pointer to the private chat for groups.

    The commands themselves come from the table (bot.telegram.commands)."""
    names = [name for c in COMMANDS if c.feature == REMINDERS for name in c.names()]
    groups = filters.UpdateType.MESSAGE & ~filters.ChatType.PRIVATE
    app.add_handler(CommandHandler(names, private_only, filters=groups))
    app.add_handler(CallbackQueryHandler(choose_sessions, pattern=pattern(KIND)))
