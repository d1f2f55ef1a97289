"""Session feedback on Telegram: the rating buttons, the comment, /feedback, the sweeps."""

from __future__ import annotations

import html
import logging
from typing import Any

from telegram import Message, Update
from telegram.ext import Application, CallbackQueryHandler, MessageHandler, filters

from bot.domain.buttons import pattern
from bot.domain.delivery import OutgoingMessage
from bot.i18n import current_lang
from bot.services import Services
from bot.telegram.context import BotContext
from bot.telegram.output import redraw, send_outs
from bot.usecases.feedbacking import KIND, FeedbackService

log = logging.getLogger(__name__)
App = Application[Any, BotContext, Any, Any, Any, Any]


class _AwaitingComment(filters.MessageFilter):
    """A private message from a user whose comment window is open."""

    def __init__(self, service: FeedbackService) -> None:
        super().__init__(name="AwaitingComment", data_filter=False)
        self.service = service

    def filter(self, message: Message) -> bool:
        user = message.from_user
        return user is not None and self.service.wants_comment(user.id)


async def rate(update: Update, context: BotContext) -> None:
    """A rating or comment button: record it, acknowledge it, redraw the request."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and user is not None
    service, lang = context.services.feedback, current_lang.get()
    done = await service.press(user.id, lang, query.data or "") if service else None
    if done is None:
        await query.answer(context.services.translator.gettext("That button is out of date."))
        return
    notice, request = done
    await query.answer(notice)
    await redraw(query, request)  # not redrawn (too old): the rating is recorded all the same


async def comment(update: Update, context: BotContext) -> None:
    """The next message after a rating (within 10 minutes) is the comment."""
    message, user, service = (
        update.effective_message,
        update.effective_user,
        context.services.feedback,
    )
    assert message is not None and user is not None
    if service is None or not message.text:
        return
    out = await service.comment(user.id, current_lang.get(), message.text)
    await send_outs(context.bot, message.chat.id, [out])


async def switch(update: Update, context: BotContext) -> None:
    """`/feedback off|on`: stop or restart the requests; `/feedback` says which it is."""
    user, chat = update.effective_user, update.effective_chat
    assert user is not None and chat is not None
    service, lang = context.services.feedback, current_lang.get()
    if service is None:
        text = context.services.translator.gettext("Feedback requests are not sent for this event.")
        await send_outs(context.bot, chat.id, [OutgoingMessage(html.escape(text))])
        return
    arg = context.args[0].lower() if context.args else ""
    enabled = {"on": True, "off": False}.get(arg)
    await send_outs(context.bot, chat.id, [await service.set_enabled(user.id, lang, enabled)])


def register(app: App, services: Services) -> None:
    """Add the buttons and the comment catcher (before the free-text answers)."""
    private = filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE
    app.add_handler(CallbackQueryHandler(rate, pattern=pattern(KIND)))
    if services.feedback is not None:
        awaiting = _AwaitingComment(services.feedback)
        app.add_handler(
            MessageHandler(private & filters.TEXT & ~filters.COMMAND & awaiting, comment)
        )
