"""Reminders on Telegram: the subscription commands and the session picker.

The sweep that sends them is woken by bot.telegram.sweeps (started with the bot).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, filters

from bot.domain.buttons import pattern
from bot.domain.delivery import OutgoingMessage
from bot.i18n import current_lang
from bot.telegram.context import BotContext
from bot.telegram.output import redraw, send_outs
from bot.usecases.commands import COMMANDS, REMINDERS
from bot.usecases.subscribing import KIND, SubscriptionDesk

log = logging.getLogger(__name__)
App = Application[Any, BotContext, Any, Any, Any, Any]


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
    if not await redraw(query, choice.panel):
        await send_outs(context.bot, chat.id, [choice.panel])


def register(app: App) -> None:
    """Add the picker's buttons, and the pointer to the private chat for groups.

    The commands themselves come from the table (bot.telegram.commands)."""
    names = [name for c in COMMANDS if c.feature == REMINDERS for name in c.names()]
    groups = filters.UpdateType.MESSAGE & ~filters.ChatType.PRIVATE
    app.add_handler(CommandHandler(names, private_only, filters=groups))
    app.add_handler(CallbackQueryHandler(choose_sessions, pattern=pattern(KIND)))
