"""Build the Telegram application and run it: the `confbot run` code path."""

from __future__ import annotations

import asyncio
import html
import logging
import sqlite3
from collections.abc import Mapping
from functools import partial
from typing import Any, Protocol

from telegram import Bot, Update
from telegram.constants import ChatAction
from telegram.error import Forbidden, TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults
from telegram.request import BaseRequest

from bot.config import Settings
from bot.domain.budget import Priority
from bot.domain.clock import Clock, Timer
from bot.i18n import N_
from bot.services import LiveKnowledge, Services, build_services
from bot.storage.lock import InstanceLock
from bot.telegram import handlers
from bot.telegram.admin import AdminTools
from bot.telegram.broadcasts import BroadcastFeature
from bot.telegram.context import BotContext, attach
from bot.telegram.feedback import FeedbackFeature
from bot.telegram.handoff import HandoffFeature
from bot.telegram.limiter import Outbox
from bot.telegram.menus import set_menus
from bot.telegram.output import send_outs
from bot.telegram.sender import TelegramSender
from bot.telegram.subscriptions import ReminderFeature
from bot.texts.outgoing import messages

log = logging.getLogger(__name__)
App = Application[Any, BotContext, Any, Any, Any, Any]


class Feature(Protocol):
    """A feature module: its handlers, and what it starts and stops with the bot."""

    def register(self, app: App) -> None: ...
    async def startup(self, app: App, services: Services) -> None: ...
    async def shutdown(self, app: App, services: Services) -> None: ...


def make_features() -> tuple[Feature, ...]:
    """Return the features beyond the conversation, fresh, in the order they register."""
    # Handoff and feedback come before the conversation's free-text handler (registered last):
    # replies to tickets and feedback comments are theirs, not questions for the matcher.
    return (
        AdminTools(),
        ReminderFeature(),
        BroadcastFeature(),
        HandoffFeature(),
        FeedbackFeature(),
    )


UNPACED = 1_000_000  # CONFBOT_RATE_LIMIT=0: no pacing (tests against a fake without limits)


def build_application(
    settings: Settings,
    knowledge: LiveKnowledge,
    features: tuple[Feature, ...],
    timer: Timer | None = None,
    request: BaseRequest | None = None,
) -> App:
    """Build the application with every handler registered, in order.

    `request` replaces the HTTP client (the fuzz test answers the Bot API in memory).
    """
    rate = int(settings.rate_limit)
    # Every call the bot makes goes through this one Outbox: replies, edits, files, pins,
    # organisers' notices, broadcasts and reminders share Telegram's limits.
    outbox = (
        Outbox(per_second=rate, timer=timer)
        if rate
        else Outbox(UNPACED, chat_burst=UNPACED, group_per_minute=UNPACED * 60, timer=timer)
    )
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
    )
    builder = builder.connection_pool_size(32) if request is None else builder.request(request)
    if settings.webhook:
        builder = builder.updater(None)
    app: App = builder.build()

    async def show_typing(chat_id: int) -> None:
        await app.bot.send_chat_action(chat_id, ChatAction.TYPING)

    outbox.show_typing = show_typing
    handlers.register(app)
    for feature in features:
        feature.register(app)
    handlers.register_fallbacks(app)  # last: unknown commands, free text, stickers
    app.add_error_handler(on_error)
    return app


def hidden_commands(settings: Settings) -> frozenset[str]:
    """Return the menu commands of features this configuration turns off."""
    hidden = set()
    if settings.organisers_chat is None:
        hidden |= {"ask", "drafts"}
    if not settings.feedback:
        hidden.add("feedback")
    return frozenset(hidden)


async def on_error(update: object, context: BotContext) -> None:
    """Log the error (never the token); mark blockers inactive, tell others something failed."""
    chat = update.effective_chat if isinstance(update, Update) else None
    if isinstance(context.error, Forbidden):
        if chat is not None and await context.services.users.set_active(chat.id, False):
            log.info("chat %s blocked the bot: marked inactive", chat.id)
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


async def tell_organisers(
    bot: Bot, services: Services, message: str, values: Mapping[str, object]
) -> None:
    """Send an alert to every organiser, each in their language."""
    for admin in sorted(services.settings.admins):
        user = await services.users.get(admin)
        catalog = services.translator.get(user.language if user else "en")
        # Values that are catalog messages (a job's name) are translated too.
        local = {k: catalog.gettext(v) if isinstance(v, str) else v for k, v in values.items()}
        text = catalog.gettext(message).format(**local)
        try:
            await send_outs(bot, admin, messages(html.escape(text)), priority=Priority.ADMIN)
        except TelegramError as exc:  # e.g. an organiser who never started the bot
            log.warning("could not alert organiser %s: %s", admin, exc)


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
    features = make_features()
    app = build_application(settings, knowledge, features, timer=timer)
    services = await build_services(settings, clock=clock, knowledge=knowledge, timer=timer)
    attach(app, services)
    stop = stop or asyncio.Event()
    runner = None
    try:
        async with app:

            async def mark_blocked(chat_id: int) -> None:
                await services.users.set_active(chat_id, False)

            services.alerts.notify = partial(tell_organisers, app.bot, services)
            bulk = TelegramSender(app.bot, on_blocked=mark_blocked, timer=services.timer)
            services.deliver = bulk
            services.notify = bulk.with_priority(Priority.ADMIN)
            await set_menus(
                app.bot,
                services.translator,
                services.kb.event,
                settings.admins,
                hidden_commands(settings),
            )
            for feature in features:
                await feature.startup(app, services)
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
            # Features stop first, while the job queue and the HTTP client still run: jobs can
            # be removed and messages in flight can finish and be recorded.
            for feature in features:
                await feature.shutdown(app, services)
            await app.stop()
    finally:
        await services.close()
