"""Telegram glue for the conversation: parse the update, call the conversation, send."""

from __future__ import annotations

import html
import logging
import sqlite3
from typing import Any

from telegram import CallbackQuery, Chat, ChatMemberUpdated, Message, Update
from telegram.constants import ChatMemberStatus, ChatType, MessageEntityType
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    ChatMemberHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.domain.buttons import pattern
from bot.domain.delivery import OutgoingMessage
from bot.domain.flood import Verdict
from bot.domain.matcher import Reply
from bot.i18n import LANGS, current_lang, fallback_lang, pick_lang, supported_lang
from bot.telegram.context import BotContext
from bot.telegram.handoff import offer_organisers
from bot.telegram.output import send_outs

log = logging.getLogger(__name__)
NEW_MESSAGE = filters.UpdateType.MESSAGE


async def resolve_language(update: Update, context: BotContext) -> str:
    """Return the user's language: their /language choice, else Telegram's, else the fallback."""
    spoken = context.conversation.spoken()
    user = update.effective_user
    if user is None:
        return fallback_lang(spoken)
    stored = await context.services.users.get(user.id)
    return pick_lang((stored.lang if stored else None, user.language_code), spoken)


async def track_user(update: Update, context: BotContext) -> None:
    """Before any handler: remember the user, pick their language, keep floods out."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    services = context.services
    if chat.type == ChatType.PRIVATE and update.my_chat_member is None:
        known = (*LANGS, *context.conversation.spoken())
        try:
            await services.users.seen(user.id, chat.id, supported_lang(user.language_code, known))
        except sqlite3.OperationalError:  # full or read-only: answer anyway (health is told)
            log.warning("could not record a user: the database is not writable")
    lang = await resolve_language(update, context)
    current_lang.set(lang)
    query = update.callback_query
    if update.message is None and query is None:
        return
    now = services.timer.monotonic()
    verdict = services.flood.check(user.id, now)  # messages and button presses alike
    if query is not None:
        await _screen_press(query, context, verdict, (user.id, chat.id), now)
        return
    if verdict is Verdict.WARN and chat.type == ChatType.PRIVATE:
        log.info("flood guard: user %s is sending too fast", user.id)
        await send_outs(context.bot, chat.id, context.conversation.slow_down(lang))
    if verdict is not Verdict.ALLOW:
        raise ApplicationHandlerStop


async def _screen_press(
    query: CallbackQuery, context: BotContext, verdict: Verdict, who: tuple[int, int], now: float
) -> None:
    """Stop a press over the flood limit, or a repeat of one just answered (answered quietly)."""
    where = query.message.message_id if query.message else query.inline_message_id
    repeat = context.services.presses.is_repeat((*who, where, query.data), now)
    if verdict is Verdict.ALLOW and not repeat:
        return
    notice = None
    if verdict is Verdict.WARN and not repeat:
        log.info("flood guard: user %s is pressing buttons too fast", who[0])
        [first, *_rest] = context.conversation.slow_down(current_lang.get())
        if isinstance(first, OutgoingMessage):
            notice = html.unescape(first.text)  # a toast on the button: not a message
    try:
        await query.answer(notice)
    except TelegramError as exc:  # e.g. a press too old to answer
        log.info("could not answer a screened button press: %s", exc)
    raise ApplicationHandlerStop


async def send_reply(update: Update, context: BotContext, outs: list[Any]) -> None:
    """Send `outs` to the update's chat (in a group, as a reply to the message)."""
    chat, message = update.effective_chat, update.effective_message
    if chat is None:  # nowhere to answer (a forged update)
        return
    reply_to = message.message_id if message and chat.type != ChatType.PRIVATE else None
    await send_outs(context.bot, chat.id, outs, reply_to=reply_to)


async def choose_language(update: Update, context: BotContext) -> None:
    """Offer a button per language; `/language es` sets it at once."""
    spoken = context.conversation.spoken()
    chosen = supported_lang(context.args[0], spoken) if context.args else None
    if chosen is None or update.effective_user is None:
        await send_reply(update, context, context.conversation.language_menu(current_lang.get()))
        return
    current_lang.set(chosen)
    await send_reply(
        update, context, await _save_language(context, update.effective_user.id, chosen)
    )


async def _save_language(context: BotContext, user_id: int, lang: str) -> list[Any]:
    """Store the user's language; say honestly when it could not be stored."""
    try:
        saved = await context.services.users.set_language(user_id, lang)
    except sqlite3.OperationalError:
        log.warning("could not save a language choice: the database is not writable")
        saved = False
    if not saved:  # e.g. the user's own record could not be written either
        return context.conversation.language_not_saved(lang)
    return context.conversation.language_set(lang)


def _addressed_text(message: Message, chat: Chat, username: str) -> str | None:
    """Return the question in a message, or None when it is not meant for the bot (groups)."""
    text = message.text or ""
    if chat.type == ChatType.PRIVATE:
        return text
    mention = f"@{username}".lower()
    # Entity offsets count UTF-16 units (an emoji is two): parse_entity converts them.
    mentioned = any(
        e.type == MessageEntityType.MENTION and message.parse_entity(e).lower() == mention
        for e in message.entities
    )
    replied = message.reply_to_message is not None and (
        message.reply_to_message.from_user is not None
        and message.reply_to_message.from_user.username == username
    )
    if not (mentioned or replied):
        return None
    return text.replace(f"@{username}", " ").strip()


async def answer_question(update: Update, context: BotContext) -> None:
    """Answer free text with the matcher, in the question's language."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    text = _addressed_text(message, chat, context.bot.username)
    if text is None:
        return
    # The user's language only breaks ties: a clear Spanish question gets a Spanish answer.
    reply, outs = context.conversation.ask(text, None, current_lang.get())
    asker = update.effective_user.id if update.effective_user else None
    question_id = None
    if chat.type == ChatType.PRIVATE and reply.kind == "abstain" and context.services.handoff:
        # The "ask the organisers" button refers to the logged question: log it first here.
        question_id = await _log_question(context, reply, asker)
        if question_id is not None:
            outs = offer_organisers(context, reply, question_id, outs)
    await send_reply(update, context, outs)
    if question_id is None:
        # Logged after answering, best-effort: a full disk must not cost anyone their answer.
        await _log_question(context, reply, asker)


async def _log_question(context: BotContext, reply: Reply, asker: int | None) -> int | None:
    """Log a question best-effort; return its id, or None when the database refused it."""
    try:
        return await context.services.questions.record(reply, asker, context.services.clock.now())
    except sqlite3.OperationalError:
        log.warning("could not log a question: the database is not writable")
        return None


async def not_text(update: Update, context: BotContext) -> None:
    """Stickers, photos, voice notes…: say what the bot can read (private chats only)."""
    await send_reply(update, context, context.conversation.not_text(current_lang.get()))


async def unknown_command(update: Update, context: BotContext) -> None:
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None or not message.text:
        return
    command = message.text.split()[0]
    target = command.partition("@")[2]
    if chat.type != ChatType.PRIVATE and target.lower() != context.bot.username.lower():
        return  # another bot's command, or not addressed to anyone: stay quiet in groups
    lang = current_lang.get()
    await send_reply(update, context, context.conversation.unknown_command(lang, command))


async def press_button(update: Update, context: BotContext) -> None:
    """Answer an inline button of the conversation (suggestions, venues, calendar, menu)."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    chat = update.effective_chat
    lang = current_lang.get()
    data = query.data or ""
    chosen = context.conversation.chosen_language(data)
    if chosen is not None:
        current_lang.set(chosen)
        if update.effective_user:
            outs = await _save_language(context, update.effective_user.id, chosen)
        else:
            outs = context.conversation.language_set(chosen)
    else:
        outs = context.conversation.callback(lang, data) or context.conversation.stale(lang)
    if chat is not None:
        await send_outs(context.bot, chat.id, outs)


async def stale_button(update: Update, context: BotContext) -> None:
    """A button from an old or foreign message: say so instead of spinning forever."""
    query = update.callback_query
    assert query is not None
    log.info("ignored a button that is out of date or not ours")
    await query.answer(context.services.translator.gettext("That button is out of date."))


async def track_membership(update: Update, context: BotContext) -> None:
    """Notice users who block (or unblock) the bot in their private chat."""
    change: ChatMemberUpdated | None = update.my_chat_member
    if change is None or change.chat.type != ChatType.PRIVATE:
        return
    status = change.new_chat_member.status
    active = status not in (ChatMemberStatus.BANNED, ChatMemberStatus.LEFT)
    if not active:
        await context.services.users.mark_unreachable(change.chat.id)
    elif await context.services.users.set_active(change.chat.id, True):
        log.info("user %s unblocked the bot", change.chat.id)


async def ignore_edit(update: Update, context: BotContext) -> None:
    """Edited messages were already answered in their first version: ignore them, logged."""
    log.debug(
        "ignored an edited message in chat %s", update.effective_chat and update.effective_chat.id
    )


def register(app: Application[Any, BotContext, Any, Any, Any, Any]) -> None:
    """Add the handlers that come first: tracking, block notices, edits, the menu's buttons.

    The commands are added from the table next (bot.telegram.commands)."""
    # Group -1 runs before everything: user tracking, language and the flood guard.
    app.add_handler(TypeHandler(Update, track_user), group=-1)
    app.add_handler(ChatMemberHandler(track_membership, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(filters.UpdateType.EDITED, ignore_edit))
    app.add_handler(
        CallbackQueryHandler(press_button, pattern=pattern("ask", "venue", "ics", "cmd", "lang"))
    )


def register_fallbacks(app: Application[Any, BotContext, Any, Any, Any, Any]) -> None:
    """Add the catch-all handlers; call after every feature registered its commands."""
    app.add_handler(MessageHandler(NEW_MESSAGE & filters.COMMAND, unknown_command))
    app.add_handler(MessageHandler(NEW_MESSAGE & filters.TEXT & ~filters.COMMAND, answer_question))
    app.add_handler(
        MessageHandler(NEW_MESSAGE & filters.ChatType.PRIVATE & ~filters.TEXT, not_text)
    )
    app.add_handler(CallbackQueryHandler(stale_button))
