"""Build the Telegram application and run it: the `confbot run` code path."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from typing import Any

from telegram import Bot, Update
from telegram.constants import ChatAction
from telegram.error import Forbidden, TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults
from telegram.request import BaseRequest

from bot.config import Settings
from bot.domain.budget import Priority
from bot.domain.clock import Clock, Timer
from bot.i18n import N_
from bot.services import LiveKnowledge, Outlet, Services, build_services
from bot.storage.lock import InstanceLock
from bot.telegram import broadcasts, commands, feedback, handlers, handoff, subscriptions
from bot.telegram.admin import Organisers, Watching
from bot.telegram.context import BotContext, attach, services_of
from bot.telegram.handoff import GroupPoster
from bot.telegram.limiter import Outbox
from bot.telegram.menus import set_menus
from bot.telegram.sender import TelegramSender, priority_args
from bot.telegram.sweeps import SweepScheduler
from bot.usecases.commands import features_off

log = logging.getLogger(__name__)
App = Application[Any, BotContext, Any, Any, Any, Any]


UNPACED = 1_000_000  # CONFBOT_RATE_LIMIT=0: no pacing (tests against a fake without limits)


def telegram_outlet(bot: Bot, timer: Timer | None) -> Outlet:
    """Return how the bot reaches chats on its own: bulk, organisers' notices, their group."""
    bulk = TelegramSender(bot, timer=timer)
    return Outlet(
        deliver=bulk,
        notify=bulk.with_priority(Priority.ADMIN),
        post=GroupPoster(bot, priority_args(bot, Priority.ADMIN)),
    )


async def build_application(
    settings: Settings,
    knowledge: LiveKnowledge,
    *,
    clock: Clock | None = None,
    timer: Timer | None = None,
    request: BaseRequest | None = None,
) -> tuple[App, Services]:
    """Build the application and its services, with every handler registered, in order.

    The services are complete before any update is handled; the background loops start in
    `post_init` and stop in `post_stop` (see `Loops`). `request` replaces the HTTP client (the
    fuzz test answers the Bot API in memory).
    """
    rate = int(settings.rate_limit)
    # Every call the bot makes goes through this one Outbox: replies, edits, files, pins,
    # organisers' notices, broadcasts and reminders share Telegram's limits.
    outbox = (
        Outbox(per_second=rate, timer=timer)
        if rate
        else Outbox(UNPACED, chat_burst=UNPACED, group_per_minute=UNPACED * 60, timer=timer)
    )
    loops = Loops()
    builder = (
        ApplicationBuilder()
        .token(settings.require_token())
        .base_url(settings.bot_api_url)
        .base_file_url(settings.file_api_url)
        .context_types(ContextTypes(context=BotContext))
        .defaults(Defaults(tzinfo=knowledge.current.kb.event.tz))
        .rate_limiter(outbox)
        # Handlers mostly wait for their turn in the Outbox: during an opening rush every
        # waiting user must be in its queue (first come, first served, "typing…" shown).
        .concurrent_updates(1024)
        .post_init(loops.start)
        .post_stop(loops.stop)
    )
    builder = builder.connection_pool_size(32) if request is None else builder.request(request)
    if settings.webhook:
        builder = builder.updater(None)
    app: App = builder.build()

    async def show_typing(chat_id: int) -> None:
        await app.bot.send_chat_action(chat_id, ChatAction.TYPING)

    outbox.show_typing = show_typing
    outlet = telegram_outlet(app.bot, timer)
    services = await build_services(
        settings, clock=clock, knowledge=knowledge, timer=timer, outlet=outlet
    )
    attach(app, services)
    register_handlers(app, services)
    return app, services


def register_handlers(app: App, services: Services) -> None:
    """Add every feature's handlers; the order matters where two could take an update."""
    handlers.register(app)  # first: user tracking, language and the flood guard (group -1)
    organisers = Organisers(services.settings.admins)
    commands.register(app, organisers)  # every command, from the one table
    broadcasts.register(app, organisers)
    subscriptions.register(app)
    # Handoff and feedback come before the conversation's free-text handler (registered last):
    # replies to tickets and feedback comments are theirs, not questions for the matcher.
    handoff.register(app, services)
    feedback.register(app, services)
    handlers.register_fallbacks(app)  # last: unknown commands, free text, stickers
    app.add_error_handler(on_error)


class Loops:
    """The background loops: started in `post_init`, stopped in `post_stop`.

    PTB calls `post_stop` after `Application.stop` (no more updates, job queue stopped) and
    before `shutdown`: the HTTP client and the Outbox still run, so the messages in flight
    finish and are recorded.
    """

    def __init__(self) -> None:
        self._watching: Watching | None = None
        self._reminders: SweepScheduler | None = None
        self._feedback: SweepScheduler | None = None

    async def start(self, app: App) -> None:
        """Set the menus; purge and watch the KB, sweep reminders, resume broadcasts and
        tickets, sweep feedback requests (in that order)."""
        services = services_of(app)
        assert app.job_queue is not None  # the job-queue extra is a dependency
        await set_menus(
            app.bot,
            services.translator,
            services.kb.event,
            services.settings.admins,
            features_off(services.settings),
        )
        self._watching = Watching(services)
        await self._watching.start()
        self._reminders = SweepScheduler(
            services.reminders, app.job_queue, services.clock, alerts=services.alerts
        )
        self._reminders.start()
        broadcasts.start(app.bot, services)
        await handoff.start(app.bot, services)
        if services.feedback is None:
            log.info("session feedback is off (CONFBOT_FEEDBACK=off)")
            return
        self._feedback = SweepScheduler(
            services.feedback,
            app.job_queue,
            services.clock,
            name="feedback",
            alerts=services.alerts,
        )
        self._feedback.start()

    async def stop(self, app: App) -> None:
        """Stop every loop in the same order, without sending anything twice."""
        if self._watching is not None:
            await self._watching.stop()
        if self._reminders is not None:
            await self._reminders.stop()
        await broadcasts.stop(services_of(app))
        if self._feedback is not None:
            await self._feedback.stop()


async def on_error(update: object, context: BotContext) -> None:
    """Log the error (never the token); mark blockers inactive, tell others something failed."""
    chat = update.effective_chat if isinstance(update, Update) else None
    if isinstance(context.error, Forbidden):
        if chat is not None:
            await context.services.users.mark_unreachable(chat.id)
        return
    log.error("error while handling an update", exc_info=context.error)
    if chat is not None:
        # The database is full or read-only: say what did not happen rather than "try again".
        message = (
            N_("Sorry, I could not save that right now (a problem on my side). Try again later.")
            if isinstance(context.error, sqlite3.OperationalError)
            else N_("Sorry, something went wrong on my side. Please try again.")
        )
        text = context.services.translator.gettext(message)
        try:
            await context.bot.send_message(chat.id, text)
        except TelegramError:
            log.warning("could not tell chat %s about the error", chat.id)


async def serve(
    settings: Settings,
    *,
    clock: Clock | None = None,
    timer: Timer | None = None,
    stop: asyncio.Event | None = None,
    ready: asyncio.Event | None = None,
) -> None:
    """Run the bot until `stop` is set: long polling, or the webhook server when configured."""
    lock = InstanceLock(settings.db)
    lock.acquire()  # before anything is read or sent: one bot per database
    try:
        await _serve_locked(settings, clock=clock, timer=timer, stop=stop, ready=ready)
    finally:
        lock.release()


async def _serve_locked(
    settings: Settings,
    *,
    clock: Clock | None,
    timer: Timer | None,
    stop: asyncio.Event | None,
    ready: asyncio.Event | None,
) -> None:
    knowledge = LiveKnowledge(settings.knowledge)
    app, services = await build_application(settings, knowledge, clock=clock, timer=timer)
    stop = stop or asyncio.Event()
    runner = None
    try:
        # The lifecycle of `run_polling`, driven here: the webhook is our own aiohttp server,
        # and `stop` (not a signal handler) ends it.
        async with app:  # initialize … shutdown
            assert app.post_init is not None and app.post_stop is not None
            await app.post_init(app)
            if settings.webhook:
                from bot.telegram.webhook import start_webhook

                runner = await start_webhook(app, settings)
            else:
                assert app.updater is not None
                await app.updater.start_polling(
                    allowed_updates=Update.ALL_TYPES, poll_interval=0.0, timeout=10
                )
            await app.start()
            log.info("confbot is running as @%s", app.bot.username)
            if ready is not None:
                ready.set()
            await stop.wait()
            log.info("stopping")
            if app.updater is not None and app.updater.running:
                await app.updater.stop()
            if runner is not None:
                await runner.stop()  # answers the updates in progress, within STOP_GRACE
            await app.stop()
            await app.post_stop(app)
    finally:
        await services.close()
