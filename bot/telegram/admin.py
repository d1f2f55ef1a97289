"""Organiser tools: /reload and /stats for admins, /forgetme for everyone, live knowledge reload.

Started with the bot: the knowledge watcher, SIGHUP (reload, where the platform has it) and
the daily purge of questions older than the retention period.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import html
import logging
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import Application, CommandHandler, filters

from bot.domain.budget import Priority
from bot.i18n import current_lang
from bot.services import Services
from bot.storage.feedback import FeedbackStore
from bot.storage.subscriptions import SubscriptionStore
from bot.storage.tickets import TicketStore
from bot.telegram.context import BotContext
from bot.telegram.output import send_outs
from bot.texts.outgoing import messages
from bot.texts.reports import render_report
from bot.usecases.handoff import render_drafts
from bot.usecases.reloading import Reloader, ReloadResult, render_notices, render_result
from bot.usecases.reporting import gather_report

log = logging.getLogger(__name__)
App = Application[Any, BotContext, Any, Any, Any, Any]
NEW_MESSAGE = filters.UpdateType.MESSAGE
DAY = 24 * 60 * 60


@dataclass
class _Running:
    reloader: Reloader
    tasks: set[asyncio.Task[None]] = field(default_factory=set)
    sighup: bool = False


async def notify_changes(services: Services, result: ReloadResult) -> int | None:
    """Hand a reloaded KB to the reminders; return the change notices sent (None: no reminders)."""
    # Looked up at each reload: the reminders feature sets it when it starts.
    if services.reminders is None or result.kb is None:
        return None
    return await services.reminders.notify_changes(result.kb)


class AdminTools:
    """The organisers' feature: see what attendees ask, fix the knowledge base, reload it."""

    poll_seconds = 2.0  # how often the watcher looks at the knowledge files
    settle_seconds = 0.5  # how long an edit must rest before it is loaded

    def __init__(self) -> None:
        self._running: dict[int, _Running] = {}

    def register(self, app: App) -> None:
        """Add /reload, /stats and /forgetme."""
        app.add_handler(CommandHandler("reload", self.reload, filters=NEW_MESSAGE))
        app.add_handler(CommandHandler("stats", self.stats, filters=NEW_MESSAGE))
        app.add_handler(CommandHandler("forgetme", self.forget_me, filters=NEW_MESSAGE))
        app.add_handler(CommandHandler("drafts", self.drafts, filters=NEW_MESSAGE))

    async def startup(self, app: App, services: Services) -> None:
        """Purge expired questions; start the watcher, the daily purge and SIGHUP."""
        await purge_expired(services)
        running = _Running(Reloader(services.knowledge))
        self._running[id(app)] = running

        async def tell_admins(result: ReloadResult) -> None:
            await self._announce(app, services, result)

        watch = running.reloader.watch(tell_admins, self.poll_seconds, self.settle_seconds)
        running.tasks |= {asyncio.create_task(watch), asyncio.create_task(_purge_daily(services))}
        loop = asyncio.get_running_loop()
        on_sighup = getattr(signal, "SIGHUP", None)
        if on_sighup is not None:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(on_sighup, self._on_sighup, running, tell_admins)
                running.sighup = True

    async def shutdown(self, app: App, services: Services) -> None:
        """Stop the watcher and the purge; give SIGHUP back."""
        running = self._running.pop(id(app), None)
        if running is None:
            return
        if running.sighup:
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
        for task in running.tasks:
            task.cancel()
        await asyncio.gather(*running.tasks, return_exceptions=True)

    def _on_sighup(self, running: _Running, tell: Callable[[ReloadResult], Any]) -> None:
        log.info("SIGHUP: reloading the knowledge base")

        async def reload() -> None:
            await tell(await running.reloader.reload())

        task = asyncio.create_task(reload())
        running.tasks.add(task)
        task.add_done_callback(running.tasks.discard)

    async def _announce(self, app: App, services: Services, result: ReloadResult) -> None:
        """Tell every admin what a watcher or SIGHUP reload did, then send change notices."""
        await self._tell_admins(
            app, services, lambda lang: render_result(result, services.translator, lang)
        )
        sent = await notify_changes(services, result)
        if sent:
            await self._tell_admins(
                app, services, lambda lang: render_notices(sent, services.translator, lang)
            )

    async def _tell_admins(
        self, app: App, services: Services, render: Callable[[str], str]
    ) -> None:
        for admin in sorted(services.settings.admins):
            user = await services.users.get(admin)
            try:
                text = render(user.language if user else "en")
                await send_outs(app.bot, admin, messages(text), priority=Priority.ADMIN)
            except TelegramError as exc:  # e.g. an admin who never started the bot
                log.warning("could not tell admin %s about the reload: %s", admin, exc)

    async def reload(self, update: Update, context: BotContext) -> None:
        """Reload the knowledge base now and tell the admin what changed or what is wrong."""
        if not await _admin_only(update, context, "reload"):
            return
        services, lang = context.services, current_lang.get()
        reloader = self._running[id(context.application)].reloader
        result = await reloader.reload()
        await _reply(update, context, render_result(result, services.translator, lang))
        sent = await notify_changes(services, result)
        if sent:
            await _reply(update, context, render_notices(sent, services.translator, lang))

    async def stats(self, update: Update, context: BotContext) -> None:
        """Show the organisers' report: users, questions, answer rate, top answers and misses."""
        if not await _admin_only(update, context, "stats"):
            return
        services = context.services
        report = await gather_report(
            services.users,
            SubscriptionStore(services.db),
            services.questions,
            services.clock.now(),
            services.kb.event.tz,
            tickets=TicketStore(services.db),
            feedback=FeedbackStore(services.db),
            session_order=[s.id for s in services.kb.sessions],
        )
        text = render_report(report, services.translator, current_lang.get(), as_html=True)
        await _reply(update, context, text)

    async def drafts(self, update: Update, context: BotContext) -> None:
        """List the FAQ entries drafted from answered tickets (➕ FAQ), ready to paste."""
        if not await _admin_only(update, context, "drafts"):
            return
        services = context.services
        drafts = await TicketStore(services.db).drafts()
        await _reply(
            update, context, render_drafts(drafts, services.translator, current_lang.get())
        )

    async def forget_me(self, update: Update, context: BotContext) -> None:
        """Delete the user's questions, subscriptions and settings; confirm in their language."""
        user = update.effective_user
        if user is None:
            return
        services = context.services
        await services.questions.forget(user.id)
        await services.users.forget(user.id)  # subscriptions and deliveries follow by cascade
        log.info("a user asked to be forgotten: done")
        _ = services.translator.get(current_lang.get()).gettext
        text = _(
            "Done: I deleted everything I stored about you — your questions, your reminders, "
            "your questions to the organisers, your session ratings and your language choice. "
            "If you write to me again, I start from scratch."
        )
        await _reply(update, context, html.escape(text))


async def _reply(update: Update, context: BotContext, text: str) -> None:
    chat = update.effective_chat
    if chat is None:  # nowhere to answer (a forged update)
        return
    await send_outs(context.bot, chat.id, messages(text))


async def _admin_only(update: Update, context: BotContext, command: str) -> bool:
    """Return whether an admin sent the command in a private chat; politely refuse otherwise."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return False
    _ = context.services.translator.get(current_lang.get()).gettext
    if user.id not in context.services.settings.admins:
        log.warning("refused /%s to user %s: not an admin", command, user.id)
        text = _("Sorry, /{command} is only for the organisers.").format(command=command)
        await _reply(update, context, html.escape(text))
        return False
    if chat.type != ChatType.PRIVATE:
        # Statistics quote what attendees asked: never in a group.
        text = _("Please use /{command} in a private chat with me.").format(command=command)
        await _reply(update, context, html.escape(text))
        return False
    return True


async def purge_expired(services: Services) -> int:
    """Delete the questions older than the retention period; return how many."""
    cutoff = services.clock.now() - dt.timedelta(days=services.settings.question_retention_days)
    removed = await services.questions.purge(cutoff)
    if removed:
        log.info("deleted %d questions older than %s", removed, cutoff.date())
    return removed


async def _purge_daily(services: Services) -> None:
    while True:
        await asyncio.sleep(DAY)
        try:
            await purge_expired(services)
        except Exception as exc:
            log.exception("the daily purge of old questions failed; trying again tomorrow")
            services.alerts.job_failed("purge", exc)
        else:
            services.alerts.job_succeeded("purge")
