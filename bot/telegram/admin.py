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
from typing import Any

from telegram import Update
from telegram.ext import Application, filters

from bot.i18n import current_lang
from bot.services import Services
from bot.storage.feedback import FeedbackStore
from bot.storage.subscriptions import SubscriptionStore
from bot.storage.tickets import TicketStore
from bot.telegram.context import BotContext
from bot.telegram.output import send_outs
from bot.texts.broadcasts import not_admin_text
from bot.texts.outgoing import messages
from bot.texts.reports import render_report
from bot.usecases.alerts import tell_organisers
from bot.usecases.handoff import render_drafts
from bot.usecases.reloading import ReloadResult, render_notices, render_result
from bot.usecases.reporting import gather_report

log = logging.getLogger(__name__)
App = Application[Any, BotContext, Any, Any, Any, Any]
NEW_MESSAGE = filters.UpdateType.MESSAGE
DAY = 24 * 60 * 60
WATCH_POLL = 2.0  # how often the watcher looks at the knowledge files (s)
WATCH_SETTLE = 0.5  # how long an edit must rest before it is loaded (s)


async def notify_changes(services: Services, result: ReloadResult) -> int | None:
    """Hand a reloaded KB to the reminders; return the change notices sent (None: no KB)."""
    if result.kb is None:
        return None
    return await services.reminders.notify_changes(result.kb)


class Watching:
    """The knowledge watcher, the daily purge and SIGHUP: started and stopped with the bot."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.tasks: set[asyncio.Task[None]] = set()
        self.sighup = False

    async def start(self) -> None:
        """Purge expired questions; start the watcher, the daily purge and SIGHUP."""
        services = self.services
        await purge_expired(services)
        watch = services.reloader.watch(self._announce, WATCH_POLL, WATCH_SETTLE)
        self.tasks |= {asyncio.create_task(watch), asyncio.create_task(_purge_daily(services))}
        on_sighup = getattr(signal, "SIGHUP", None)
        if on_sighup is not None:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                asyncio.get_running_loop().add_signal_handler(on_sighup, self._on_sighup)
                self.sighup = True

    async def stop(self) -> None:
        """Stop the watcher and the purge; give SIGHUP back."""
        if self.sighup:
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)

    def _on_sighup(self) -> None:
        log.info("SIGHUP: reloading the knowledge base")

        async def reload() -> None:
            await self._announce(await self.services.reloader.reload())

        task = asyncio.create_task(reload())
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _announce(self, result: ReloadResult) -> None:
        """Tell every admin what a watcher or SIGHUP reload did, then send change notices."""
        translator = self.services.translator
        await self._tell_admins(lambda lang: render_result(result, translator, lang))
        sent = await notify_changes(self.services, result)
        if sent:
            await self._tell_admins(lambda lang: render_notices(sent, translator, lang))

    async def _tell_admins(self, render: Callable[[str], str]) -> None:
        services = self.services
        await tell_organisers(services.notify, services.users, services.settings.admins, render)


async def reload(update: Update, context: BotContext) -> None:
    """Reload the knowledge base now and tell the admin what changed or what is wrong."""
    services, lang = context.services, current_lang.get()
    result = await services.reloader.reload()
    await _reply(update, context, render_result(result, services.translator, lang))
    sent = await notify_changes(services, result)
    if sent:
        await _reply(update, context, render_notices(sent, services.translator, lang))


async def stats(update: Update, context: BotContext) -> None:
    """Show the organisers' report: users, questions, answer rate, top answers and misses."""
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


async def drafts(update: Update, context: BotContext) -> None:
    """List the FAQ entries drafted from answered tickets (➕ FAQ), ready to paste."""
    services = context.services
    found = await TicketStore(services.db).drafts()
    await _reply(update, context, render_drafts(found, services.translator, current_lang.get()))


async def forget_me(update: Update, context: BotContext) -> None:
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


class Organisers(filters.UpdateFilter):
    """Updates from an organiser (CONFBOT_ADMINS): messages and button presses alike."""

    def __init__(self, admins: frozenset[int]) -> None:
        super().__init__(name="Organisers")
        self.admins = admins

    def filter(self, update: Update) -> bool:
        user = update.effective_user
        return user is not None and user.id in self.admins


def admin_gate(organisers: Organisers) -> filters.BaseFilter:
    """The one filter of every admin command: a new message from an organiser, in private.

    Statistics, drafts and previews quote what attendees asked: never in a group.
    """
    return NEW_MESSAGE & filters.ChatType.PRIVATE & organisers


async def refuse(update: Update, context: BotContext) -> None:
    """An admin command the gate let through no handler: say why, politely (the one refusal)."""
    user, chat, message = update.effective_user, update.effective_chat, update.effective_message
    if user is None or chat is None or message is None or not message.text:
        return
    command = message.text.split()[0][1:].partition("@")[0].lower()
    translator, lang = context.services.translator, current_lang.get()
    _ = translator.get(lang).gettext
    if user.id not in context.services.settings.admins:
        log.warning("refused /%s to user %s: not an admin", command, user.id)
        if command == "broadcast":
            text = not_admin_text(translator, lang)
        else:
            text = html.escape(
                _("Sorry, /{command} is only for the organisers.").format(command=command)
            )
    else:
        text = html.escape(
            _("Please use /{command} in a private chat with me.").format(command=command)
        )
    await _reply(update, context, text)


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
