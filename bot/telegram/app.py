"""Build the Telegram application and run it: the `confbot run` code path."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Protocol

from telegram import Update
from telegram.constants import ChatAction
from telegram.error import Forbidden, TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults

from bot.config import Settings
from bot.domain.budget import Priority
from bot.domain.clock import Clock, Timer
from bot.services import LiveKnowledge, Services, build_services
from bot.telegram import handlers
from bot.telegram.admin import AdminTools
from bot.telegram.broadcasts import BroadcastFeature
from bot.telegram.context import BotContext, attach
from bot.telegram.limiter import Outbox
from bot.telegram.menus import set_menus
from bot.telegram.sender import TelegramSender
from bot.telegram.subscriptions import ReminderFeature

log = logging.getLogger(__name__)
App = Application[Any, BotContext, Any, Any, Any, Any]


class Feature(Protocol):
    """A feature module: its handlers, and what it starts and stops with the bot."""

    def register(self, app: App) -> None: ...
    async def startup(self, app: App, services: Services) -> None: ...
    async def shutdown(self, app: App, services: Services) -> None: ...


def make_features() -> tuple[Feature, ...]:
    """Return the features beyond the conversation, fresh, in the order they register."""
    return (AdminTools(), ReminderFeature(), BroadcastFeature())


UNPACED = 1_000_000  # CONFBOT_RATE_LIMIT=0: no pacing (tests against a fake without limits)


def build_application(
    settings: Settings,
    knowledge: LiveKnowledge,
    features: tuple[Feature, ...],
    timer: Timer | None = None,
) -> App:
    """Build the application with every handler registered, in order."""
    rate = int(settings.rate_limit)
    # Every call the bot makes goes through this one Outbox: replies, edits, files, pins,
    # organisers' notices, broadcasts and reminders share Telegram's limits.
    outbox = Outbox(per_second=rate or UNPACED, chat_burst=3 if rate else UNPACED, timer=timer)
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
        .connection_pool_size(32)
    )
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


async def on_error(update: object, context: BotContext) -> None:
    """Log the error (never the token); mark blockers inactive, tell others something failed."""
    chat = update.effective_chat if isinstance(update, Update) else None
    if isinstance(context.error, Forbidden):
        if chat is not None and await context.services.users.set_active(chat.id, False):
            log.info("chat %s blocked the bot: marked inactive", chat.id)
        return
    log.error("error while handling an update", exc_info=context.error)
    if chat is not None:
        text = context.services.translator.gettext(
            "Sorry, something went wrong on my side. Please try again."
        )
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

            bulk = TelegramSender(app.bot, on_blocked=mark_blocked, timer=services.timer)
            services.deliver = bulk
            services.notify = bulk.with_priority(Priority.ADMIN)
            kb = services.kb
            await set_menus(
                app.bot, services.translator,
                {"es": kb.event.name.es, "en": kb.event.name.en},
                {"es": kb.event.city.es, "en": kb.event.city.en},
                settings.admins,
            )  # fmt: skip
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
                await runner.cleanup()
            # Features stop first, while the job queue and the HTTP client still run: jobs can
            # be removed and messages in flight can finish and be recorded.
            for feature in features:
                await feature.shutdown(app, services)
            await app.stop()
    finally:
        await services.close()
