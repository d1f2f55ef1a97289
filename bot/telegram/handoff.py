"""'Ask the organisers' on Telegram: the buttons and /ask, the organisers' replies, the check.

Privacy mode (the default) still delivers replies to the bot's own messages in a group, so the
organisers answer a ticket by replying to it without the bot reading anything else there.
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Mapping
from typing import Any

from telegram import Bot, Message, ReactionTypeEmoji, ReplyParameters, Update
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, TelegramError
from telegram.ext import Application, CallbackQueryHandler, MessageHandler, filters

from bot.domain.buttons import decode, pattern
from bot.domain.delivery import Outcome, OutgoingMessage
from bot.domain.matcher import Reply
from bot.domain.tickets import ticket_in
from bot.i18n import current_lang
from bot.services import Services
from bot.telegram.context import BotContext
from bot.telegram.output import NO_PREVIEW, redraw, send_outs
from bot.telegram.sender import to_markup
from bot.texts.outgoing import Out
from bot.usecases.alerts import tell_organisers
from bot.usecases.handoff import KIND, HandoffDesk, Posted, unreachable_notice

log = logging.getLogger(__name__)
App = Application[Any, BotContext, Any, Any, Any, Any]
NETWORK_RETRIES = 3  # a ticket lost to a network blip would make the attendee ask again
NOT_MEMBERS = (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)


class _ReplyToTicket(filters.MessageFilter):
    """A message replying to one of the bot's messages about a ticket (in `chat`, when set)."""

    def __init__(self, private: bool, desk: HandoffDesk | None = None) -> None:
        super().__init__(name="ReplyToTicket", data_filter=False)
        self.private = private
        self.desk = desk  # knows the organisers' chat (None: in private chats only)

    def filter(self, message: Message) -> bool:
        original = message.reply_to_message
        if original is None or original.from_user is None or not original.from_user.is_bot:
            return False
        if self.private != (message.chat.type == ChatType.PRIVATE):
            return False
        if not self.private and (
            self.desk is None or not self.desk.is_organisers_chat(message.chat.id)
        ):
            return False
        return ticket_in(original.text) is not None


class GroupPoster:
    """`PostToGroup` over the bot: HTML to a chat's forum topic, optionally as a reply."""

    def __init__(self, bot: Bot, extra: Mapping[str, Any] | None = None) -> None:
        self.bot = bot
        self.extra = dict(extra or {})  # more send_message arguments (e.g. rate_limit_args)

    async def __call__(
        self, chat_id: int, message: OutgoingMessage, topic: int | None, reply_to: int | None
    ) -> Posted:
        reply = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
        for attempt in range(NETWORK_RETRIES + 1):
            try:
                await self.bot.send_message(
                    chat_id,
                    message.text,
                    parse_mode=ParseMode.HTML,
                    reply_markup=to_markup(message.buttons),
                    link_preview_options=NO_PREVIEW,
                    message_thread_id=topic,
                    reply_parameters=reply,
                    **self.extra,
                )
                return Posted(Outcome.DELIVERED)
            except ChatMigrated as exc:  # a 400 with parameters.migrate_to_chat_id
                return Posted(Outcome.FAILED, moved_to=exc.new_chat_id)
            except Forbidden as exc:
                log.error("the organisers' chat %s refused the bot: %s", chat_id, exc.message)
                return Posted(Outcome.BLOCKED)
            except BadRequest as exc:
                return Posted(self._refused(chat_id, topic, exc.message))
            except NetworkError as exc:  # TimedOut too (BadRequest is handled above)
                error = self._safe(exc)
            except TelegramError as exc:
                log.warning(
                    "could not post to the organisers' chat %s: %s", chat_id, self._safe(exc)
                )
                return Posted(Outcome.FAILED)
            if attempt < NETWORK_RETRIES:
                await asyncio.sleep(0.5 * 2**attempt)
        log.warning("could not post to the organisers' chat %s: %s", chat_id, error)
        return Posted(Outcome.FAILED)

    def _refused(self, chat_id: int, topic: int | None, why: str) -> Outcome:
        if topic is not None and "thread" in why.lower():
            log.error(
                "CONFBOT_ORGANISERS_TOPIC %s: no such forum topic in chat %s (%s)",
                topic,
                chat_id,
                why,
            )
            return Outcome.FAILED
        log.warning("the organisers' chat %s refused a message: %s", chat_id, why)
        return Outcome.NOT_FOUND if "chat not found" in why.lower() else Outcome.FAILED

    def _safe(self, error: Exception) -> str:
        """Describe an error without the bot token (it can appear in URLs of HTTP errors)."""
        return str(error).replace(self.bot.token, "<token>")


def can_offer_organisers(context: BotContext, reply: Reply) -> bool:
    """Return whether this answer should carry "Ask the organisers" (unsure, chat reachable)."""
    desk = context.services.handoff
    return reply.kind == "abstain" and desk is not None and desk.reachable


def offer_organisers(
    context: BotContext, reply: Reply, question_id: int, outs: list[Out]
) -> list[Out]:
    """Add "Ask the organisers" to an unsure answer, when the organisers can be reached."""
    desk = context.services.handoff
    if not can_offer_organisers(context, reply) or desk is None or not outs:
        return outs
    last = outs[-1]
    if not isinstance(last, OutgoingMessage):
        return outs
    button = desk.offer(reply.lang, question_id)
    return [*outs[:-1], OutgoingMessage(last.text, (*last.buttons, (button,)))]


async def _send(context: BotContext, chat_id: int, message: OutgoingMessage) -> None:
    await send_outs(context.bot, chat_id, [message])


async def ask(update: Update, context: BotContext) -> None:
    """`/ask TEXT`: show what would be sent to the organisers, with Send."""
    user, chat, message = update.effective_user, update.effective_chat, update.effective_message
    if user is None or chat is None or message is None:  # no sender or nowhere to answer
        return
    desk, lang = context.services.handoff, current_lang.get()
    if desk is None:
        _ = context.services.translator.get(lang).gettext
        text = _("Sorry, questions to the organisers are not set up for this event.")
        await _send(context, chat.id, OutgoingMessage(html.escape(text)))
        return
    parts = (message.text or "").split(maxsplit=1)
    if len(parts) < 2:
        await _send(context, chat.id, desk.usage(lang))
        return
    await _send(context, chat.id, await desk.draft(user.id, chat.id, lang, parts[1]))


async def press(update: Update, context: BotContext) -> None:
    """The buttons: hand over an unsure question, share the name, Send, Cancel, ➕ FAQ."""
    query, user, chat = update.callback_query, update.effective_user, update.effective_chat
    if query is None or user is None:
        return
    desk, lang = context.services.handoff, current_lang.get()
    _ = context.services.translator.get(lang).gettext
    pressed = decode(query.data, KIND)
    # A number SQLite can hold, in ASCII digits; a chat to answer in (not an inline message).
    number = pressed.number(1) if pressed is not None and len(pressed.fields) == 2 else None
    if desk is None or chat is None or pressed is None or number is None:
        await query.answer(_("That button is out of date."))
        return
    action = pressed.fields[0]
    if action == "faq":  # only from the organisers' chat, where the ticket is
        note = await desk.draft_faq(number) if desk.is_organisers_chat(chat.id) else None
        await query.answer(note or _("That button is out of date."), show_alert=bool(note))
        return
    await query.answer()
    if action == "q":
        asked = await context.services.questions.asked_by(number, user.id)
        if asked is None:
            await _send(
                context, chat.id, OutgoingMessage(html.escape(_("That button is out of date.")))
            )
            return
        await _send(context, chat.id, await desk.draft(user.id, chat.id, asked[1], asked[0]))
        return
    result = await desk.apply(action, number, user.id, user.full_name, lang)
    if result is None:
        await _send(
            context, chat.id, OutgoingMessage(html.escape(_("That button is out of date.")))
        )
        return
    if not await redraw(query, result):
        await _send(context, chat.id, result)


async def organiser_reply(update: Update, context: BotContext) -> None:
    """A reply to a ticket in the organisers' chat: relay it if a member of the chat wrote it."""
    message, desk = update.effective_message, context.services.handoff
    if message is None or desk is None or message.reply_to_message is None:
        return
    original = message.reply_to_message
    ticket_id = ticket_in(original.text)
    text = message.text or message.caption
    if ticket_id is None or original.from_user is None or original.from_user.id != context.bot.id:
        return
    if not text:
        log.info("ticket %s: a reply without text was not relayed", ticket_id)
        return
    if not await _is_member(context, message):
        log.warning(
            "ticket %s: ignored a reply from someone who is not in the organisers' chat", ticket_id
        )
        return
    first = await desk.organiser_reply(message.message_id, ticket_id, text)
    if first:
        try:  # a reaction marks the ticket answered without sending a message
            await context.bot.set_message_reaction(
                message.chat.id, original.message_id, [ReactionTypeEmoji("✅")]
            )
        except TelegramError as exc:
            log.info("ticket %s: could not mark it answered with a reaction: %s", ticket_id, exc)


async def chat_migrated(update: Update, context: BotContext) -> None:
    """Telegram upgraded the organisers' group to a supergroup: follow it at once, so that
    replies in the new chat are recognised before the bot next posts there."""
    message, desk = update.effective_message, context.services.handoff
    if message is None or desk is None:
        return
    if message.migrate_to_chat_id and desk.is_organisers_chat(message.chat.id):
        await desk.moved(message.migrate_to_chat_id)
    elif message.migrate_from_chat_id and desk.is_organisers_chat(message.migrate_from_chat_id):
        await desk.moved(message.chat.id)


async def _is_member(context: BotContext, message: Message) -> bool:
    if message.sender_chat is not None:  # an anonymous admin writes as the group itself
        return message.sender_chat.id == message.chat.id
    if message.from_user is None:
        return False
    try:
        member = await context.bot.get_chat_member(message.chat.id, message.from_user.id)
    except TelegramError as exc:
        log.warning("could not check a member of the organisers' chat: %s", exc)
        return False
    if member.status == ChatMemberStatus.RESTRICTED:
        return bool(getattr(member, "is_member", False))
    return member.status not in NOT_MEMBERS


async def answer_back(update: Update, context: BotContext) -> None:
    """The attendee replies to a relayed answer: their one answer back goes to the organisers."""
    message, user, desk = update.effective_message, update.effective_user, context.services.handoff
    if message is None or user is None or message.reply_to_message is None:
        return
    ticket_id = ticket_in(message.reply_to_message.text)
    lang = current_lang.get()
    if desk is None or ticket_id is None:
        return
    out = await desk.answer_back(
        user.id, message.chat.id, message.message_id, ticket_id, message.text or "", lang
    )
    await _send(context, message.chat.id, out)


async def check_membership(bot: Any, desk: HandoffDesk) -> None:
    """Check the bot is in the organisers' chat; log clearly (and stop offering it) if not."""
    try:
        try:
            chat = await bot.get_chat(desk.chat)
        except ChatMigrated as exc:  # upgraded to a supergroup while the bot was stopped
            await desk.moved(exc.new_chat_id)
            chat = await bot.get_chat(desk.chat)
        member = await bot.get_chat_member(desk.chat, bot.id)
    except (BadRequest, Forbidden) as exc:
        desk.reachable = False
        log.error(
            "CONFBOT_ORGANISERS_CHAT %s: the bot cannot reach that chat (%s). Add the bot to the "
            "organisers' group; until then attendees are not offered 'Ask the organisers'.",
            desk.chat,
            exc,
        )
        return
    except TelegramError as exc:
        log.warning(
            "could not check the organisers' chat %s (%s): assuming it is fine", desk.chat, exc
        )
        return
    if member.status in NOT_MEMBERS:
        desk.reachable = False
        log.error(
            "CONFBOT_ORGANISERS_CHAT %s: the bot is not a member of that chat (status %s). Add "
            "the bot to the organisers' group; until then attendees are not offered 'Ask the "
            "organisers'.",
            desk.chat,
            member.status,
        )
        return
    if chat.type == ChatType.PRIVATE:
        log.warning(
            "CONFBOT_ORGANISERS_CHAT %s is a private chat, not the organisers' group", desk.chat
        )
    if desk.topic is not None and not chat.is_forum:
        log.error(
            "CONFBOT_ORGANISERS_TOPIC %s: the organisers' chat %s has no topics (it is not "
            "a forum); tickets will not reach it",
            desk.topic,
            desk.chat,
        )
    log.info(
        "organisers' chat: %s (%s), the bot is a %s there", chat.title, desk.chat, member.status
    )


async def tell_admins_unreachable(services: Services, chat: int) -> None:
    """Tell each organiser in CONFBOT_ADMINS that the bot is not in the organisers' chat."""

    def render(lang: str) -> str:
        return html.escape(unreachable_notice(services.translator.get(lang).gettext, chat))

    await tell_organisers(services.notify, services.users, services.settings.admins, render)


def register(app: App, services: Services) -> None:
    """Add the buttons and the replies to tickets (/ask comes from the command table)."""
    app.add_handler(CallbackQueryHandler(press, pattern=pattern(KIND)))
    # Before the conversation's free-text handler, which answers replies to the bot.
    new_text = filters.UpdateType.MESSAGE & ~filters.COMMAND
    in_group = _ReplyToTicket(private=False, desk=services.handoff)
    app.add_handler(MessageHandler(new_text & in_group, organiser_reply))
    in_private = _ReplyToTicket(private=True)
    app.add_handler(MessageHandler(new_text & filters.TEXT & in_private, answer_back))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, chat_migrated))


async def start(bot: Bot, services: Services) -> None:
    """Check the organisers' chat (following a move), then send what a stop left unsent."""
    desk = services.handoff
    if desk is None:
        return
    await desk.follow_moves()
    await check_membership(bot, desk)
    if not desk.reachable:
        await tell_admins_unreachable(services, desk.chat)
    await desk.resume()
