"""Organiser broadcasts on Telegram: /broadcast and its preview, Send / Cancel, /broadcasts.

A confirmed broadcast is delivered in a background task through the shared paced sender; the
admin's one progress message is edited as it goes, then the report follows. At start-up the
broadcasts a stop or crash interrupted are resumed (the database knows who is still pending)
and each admin gets the report. Stopping lets the messages in flight be recorded first.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from telegram import Bot, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import Application, CallbackQueryHandler, filters

from bot.domain.broadcast import Progress, Refusal, Report
from bot.domain.budget import Priority
from bot.domain.buttons import pattern
from bot.domain.delivery import Outcome, OutgoingMessage
from bot.i18n import current_lang
from bot.services import Services
from bot.storage.broadcasts import BroadcastRecord
from bot.telegram.admin import Organisers
from bot.telegram.context import BotContext
from bot.telegram.output import send_outs
from bot.telegram.sender import priority_args
from bot.texts import broadcasts as texts
from bot.usecases.broadcasting import AlreadySending, OnProgress

log = logging.getLogger(__name__)
App = Application[Any, BotContext, Any, Any, Any, Any]
NEW_MESSAGE = filters.UpdateType.MESSAGE
STOP_TIMEOUT = 10.0  # how long a stop lets the messages in flight be answered before cancelling


class ProgressMessage:
    """One message in the admin's chat that shows a broadcast's progress, edited as it goes.

    Its sends and edits are messages like any other for Telegram's limits: they queue in the
    Outbox as organisers' notices (after replies to users, before the broadcast itself).
    """

    def __init__(self, bot: Bot, chat_id: int, render: Callable[[Progress], str]) -> None:
        self.bot, self.chat_id, self.render = bot, chat_id, render
        self.message_id: int | None = None
        self._extra = priority_args(bot, Priority.ADMIN)

    async def show(self, progress: Progress) -> None:
        """Post the progress the first time, edit it afterwards; never fail the broadcast."""
        text = self.render(progress)
        try:
            if self.message_id is None:
                sent = await self.bot.send_message(
                    self.chat_id, text, parse_mode=ParseMode.HTML, **self._extra
                )
                self.message_id = sent.message_id
            else:
                await self.bot.edit_message_text(
                    text, self.chat_id, self.message_id, parse_mode=ParseMode.HTML, **self._extra
                )
        except BadRequest as exc:
            if "not modified" not in exc.message.lower():  # the same counts again: fine
                log.warning("broadcast progress in chat %s: %s", self.chat_id, exc.message)
        except TelegramError as exc:
            log.warning("broadcast progress in chat %s: %s", self.chat_id, exc)


def register(app: App, organisers: Organisers) -> None:
    """Add the preview's buttons (/broadcast and /broadcasts come from the command table)."""
    app.add_handler(CallbackQueryHandler(partial(press, organisers), pattern=pattern("bc")))


def start(bot: Bot, services: Services) -> None:
    """Resume the broadcasts a stop or crash interrupted, in the background."""
    services.tasks.spawn(_resume(bot, services), name="broadcast-resume")


async def stop(services: Services) -> None:
    """Stop sending; what is still pending goes out at the next start."""
    services.broadcasts.stop()
    await services.tasks.wait(STOP_TIMEOUT)


async def broadcast(update: Update, context: BotContext) -> None:
    """Save the admin's announcement as a draft and show its preview with Send / Cancel."""
    user, chat, message = update.effective_user, update.effective_chat, update.message
    assert user is not None and chat is not None and message is not None
    services, lang = context.services, current_lang.get()
    # The whole text, not context.args: the versions are told apart by their lines.
    languages = context.conversation.spoken()
    draft = await services.broadcasts.create_draft(user.id, message.text or "", languages)
    if isinstance(draft, Refusal):
        reply = texts.refusal_text(draft, services.translator, lang, languages)
        await send_outs(context.bot, chat.id, [OutgoingMessage(reply)])
        return
    log.info("broadcast %s: draft by admin %s", draft.broadcast_id, user.id)
    preview = texts.preview_message(draft, services.translator, lang)
    await send_outs(context.bot, chat.id, [preview])


async def history(update: Update, context: BotContext) -> None:
    """List the latest broadcasts: who, when, what, how it went."""
    chat = update.effective_chat
    assert chat is not None
    services = context.services
    records = await services.broadcasts.history()
    text = texts.history_text(
        records, services.translator, current_lang.get(), services.kb.event.tz
    )
    await send_outs(context.bot, chat.id, [OutgoingMessage(text)])


async def press(organisers: Organisers, update: Update, context: BotContext) -> None:
    """Send or cancel a previewed broadcast: only the admin who made it, only once."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None:
        return
    translator, lang = context.services.translator, current_lang.get()
    parsed = texts.parse_callback(query.data or "")
    if parsed is None or query.message is None or query.message.chat.type != ChatType.PRIVATE:
        # Forged or out of place (previews are only ever sent in private chats).
        await query.answer(_plain(texts.stale_text(translator, lang)), show_alert=True)
        return
    action, broadcast_id = parsed
    if not organisers.filter(update):  # the gate itself: check_update passes messages only
        log.warning("refused to %s broadcast %s: %s is not an admin", action, broadcast_id, user.id)
        await query.answer(_plain(texts.not_admin_text(translator, lang)), show_alert=True)
        return
    service, chat_id = context.services.broadcasts, query.message.chat.id
    act = service.cancel if action == texts.CANCEL else service.confirm
    if not await act(broadcast_id, user.id):  # someone else's, or already sent / cancelled
        await query.answer(_plain(texts.stale_text(translator, lang)), show_alert=True)
        return
    await query.answer()
    await _drop_buttons(context.bot, chat_id, query.message.message_id)
    if action == texts.CANCEL:
        cancelled = texts.cancelled_text(translator, lang)
        await send_outs(context.bot, chat_id, [OutgoingMessage(cancelled)])
    else:
        log.info("broadcast %s: confirmed by admin %s", broadcast_id, user.id)
        services = context.services
        progress = _progress(context.bot, services, chat_id, lang)
        services.tasks.spawn(
            _deliver(services, broadcast_id, progress, lang), name=f"broadcast-{broadcast_id}"
        )


async def _deliver(
    services: Services, broadcast_id: int, progress: ProgressMessage, lang: str
) -> None:
    """Run a confirmed broadcast; show its last progress and send the report."""
    try:
        report = await services.broadcasts.run(broadcast_id, progress.show)
    except AlreadySending:
        # Confirmed just as the bot started: the start-up resume sends and reports it.
        log.info("broadcast %s: already being sent by the resume", broadcast_id)
        return
    except Exception:
        log.exception("broadcast %s failed; the next start resumes it", broadcast_id)
        return
    if not report.tally.pending:  # else the bot is stopping: the next start resumes it
        await _report(services, progress, report, lang)


async def _resume(bot: Bot, services: Services) -> None:
    """Finish the broadcasts a stop or crash interrupted; report to each one's admin."""
    languages: dict[int, str] = {}
    for admin in services.settings.admins:
        stored = await services.users.get(admin)
        languages[admin] = stored.language if stored else "en"
    shown: dict[int, tuple[ProgressMessage, str]] = {}

    def progress_for(record: BroadcastRecord) -> OnProgress:
        # A private chat's id is its user's: the admin who confirmed it reads about it.
        lang = languages.get(record.admin_id, "en")
        progress = _progress(bot, services, record.admin_id, lang)
        shown[record.id] = (progress, lang)
        return progress.show

    async def on_report(record: BroadcastRecord, report: Report) -> None:
        progress, lang = shown[record.id]
        await _report(services, progress, report, lang)

    try:
        await services.broadcasts.resume_unfinished(progress_for, on_report)
    except Exception:
        log.exception("resuming the interrupted broadcasts failed")


def _progress(bot: Bot, services: Services, chat_id: int, lang: str) -> ProgressMessage:
    return ProgressMessage(
        bot, chat_id, lambda p: texts.progress_text(p, services.translator, lang)
    )


async def _report(services: Services, progress: ProgressMessage, report: Report, lang: str) -> None:
    """Bring the progress message to its final count and send the report below it."""
    await progress.show(Progress(report.broadcast_id, report.tally, report.seconds))
    text = texts.report_text(report, services.translator, lang)
    outcome = await services.notify(progress.chat_id, OutgoingMessage(text))
    if outcome is not Outcome.DELIVERED:
        log.warning("broadcast %s: the report was not delivered: %s", report.broadcast_id, outcome)


def _plain(text: str) -> str:
    """Return an HTML text as plain text (for the answer to a button press)."""
    return html.unescape(text)


async def _drop_buttons(bot: Bot, chat_id: int, message_id: int) -> None:
    """Take Send / Cancel off a preview, so it cannot be pressed again."""
    try:
        await bot.edit_message_reply_markup(chat_id, message_id, reply_markup=None)
    except BadRequest as exc:  # already gone ("not modified"), or too old to edit
        log.info("could not remove the preview's buttons in chat %s: %s", chat_id, exc.message)
