"""'Ask the organisers' on Telegram: the buttons and /ask, the organisers' replies, the check.

Privacy mode (the default) still delivers replies to the bot's own messages in a group, so the
organisers answer a ticket by replying to it without the bot reading anything else there.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from telegram import Message, ReactionTypeEmoji, Update
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.domain.delivery import OutgoingMessage
from bot.domain.matcher import Reply
from bot.domain.tickets import ticket_in
from bot.handoff import PREFIX, HandoffDesk
from bot.i18n import current_lang
from bot.outgoing import Out
from bot.services import Services
from bot.storage.tickets import TicketStore
from bot.telegram.context import BotContext
from bot.telegram.output import NO_PREVIEW, send_outs
from bot.telegram.sender import to_markup

log = logging.getLogger(__name__)
App = Application[Any, BotContext, Any, Any, Any, Any]
ASK_COMMANDS = ("ask", "preguntar", "perguntar")  # en, es, pt
NOT_MEMBERS = (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)


class _ReplyToTicket(filters.MessageFilter):
    """A message replying to one of the bot's messages about a ticket (in `chat`, when set)."""

    def __init__(self, private: bool) -> None:
        super().__init__(name="ReplyToTicket", data_filter=False)
        self.private = private
        self.chat: int | None = None  # the organisers' chat, known once the feature starts

    def filter(self, message: Message) -> bool:
        original = message.reply_to_message
        if original is None or original.from_user is None or not original.from_user.is_bot:
            return False
        if self.private != (message.chat.type == ChatType.PRIVATE):
            return False
        if not self.private and (self.chat is None or message.chat.id != self.chat):
            return False
        return ticket_in(original.text) is not None


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
    assert user is not None and chat is not None and message is not None
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
    assert query is not None and user is not None and chat is not None
    desk, lang = context.services.handoff, current_lang.get()
    _ = context.services.translator.get(lang).gettext
    action, _sep, raw = (query.data or "").removeprefix(PREFIX).partition(":")
    if desk is None or not raw.isdigit():
        await query.answer(_("That button is out of date."))
        return
    number = int(raw)
    if action == "faq":  # only from the organisers' chat, where the ticket is
        note = await desk.draft_faq(number) if chat.id == desk.chat else None
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
    try:
        await query.edit_message_text(
            result.text, parse_mode=ParseMode.HTML, reply_markup=to_markup(result.buttons),
            link_preview_options=NO_PREVIEW,
        )  # fmt: skip
    except BadRequest as exc:
        log.info("could not edit the ticket preview in chat %s (%s): sending anew", chat.id, exc)
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
        log.warning("ticket %s: ignored a reply from someone who is not in the organisers' chat",
                    ticket_id)  # fmt: skip
        return
    first = await desk.organiser_reply(message.message_id, ticket_id, text)
    if first:
        try:  # a reaction marks the ticket answered without sending a message
            await context.bot.set_message_reaction(
                message.chat.id, original.message_id, [ReactionTypeEmoji("✅")]
            )
        except TelegramError as exc:
            log.info("ticket %s: could not mark it answered with a reaction: %s", ticket_id, exc)


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
    chat_id = desk.chat
    try:
        chat = await bot.get_chat(chat_id)
        member = await bot.get_chat_member(chat_id, bot.id)
    except (BadRequest, Forbidden) as exc:
        desk.reachable = False
        log.error(
            "CONFBOT_ORGANISERS_CHAT %s: the bot cannot reach that chat (%s). Add the bot to the "
            "organisers' group; until then attendees are not offered 'Ask the organisers'.",
            chat_id, exc,
        )  # fmt: skip
        return
    except TelegramError as exc:
        log.warning("could not check the organisers' chat %s (%s): assuming it is fine",
                    chat_id, exc)  # fmt: skip
        return
    if member.status in NOT_MEMBERS:
        desk.reachable = False
        log.error(
            "CONFBOT_ORGANISERS_CHAT %s: the bot is not a member of that chat (status %s). Add "
            "the bot to the organisers' group; until then attendees are not offered 'Ask the "
            "organisers'.", chat_id, member.status,
        )  # fmt: skip
        return
    if chat.type == ChatType.PRIVATE:
        log.warning("CONFBOT_ORGANISERS_CHAT %s is a private chat, not the organisers' group",
                    chat_id)  # fmt: skip
    log.info("organisers' chat: %s (%s), the bot is a %s there", chat.title, chat_id, member.status)


async def tell_admins_unreachable(services: Services, chat: int) -> None:
    """Tell each organiser in CONFBOT_ADMINS that the bot is not in the organisers' chat."""
    assert services.deliver is not None
    for admin in sorted(services.settings.admins):
        user = await services.users.get(admin)
        _ = services.translator.get(user.language if user else None).gettext
        text = _(
            "⚠️ I am not a member of the organisers' chat ({chat}), so attendees cannot ask "
            "the organisers. Add me to that group, then restart me."
        ).format(chat=chat)
        await services.deliver(admin, OutgoingMessage(html.escape(text)))


class HandoffFeature:
    """'Ask the organisers' (the `Feature` protocol of bot.telegram.app)."""

    def __init__(self) -> None:
        self._in_group = _ReplyToTicket(private=False)
        self._in_private = _ReplyToTicket(private=True)

    def register(self, app: App) -> None:
        """Add /ask (and its aliases), the buttons, and the replies to tickets."""
        private = filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE
        app.add_handler(CommandHandler(list(ASK_COMMANDS), ask, filters=private))
        app.add_handler(CallbackQueryHandler(press, pattern=f"^{PREFIX}"))
        # Before the conversation's free-text handler, which answers replies to the bot.
        new_text = filters.UpdateType.MESSAGE & ~filters.COMMAND
        app.add_handler(MessageHandler(new_text & self._in_group, organiser_reply))
        app.add_handler(MessageHandler(new_text & filters.TEXT & self._in_private, answer_back))

    async def startup(self, app: App, services: Services) -> None:
        """Check the organisers' chat, then send what a stop left unsent."""
        chat = services.settings.organisers_chat
        if chat is None:
            return
        assert services.deliver is not None
        desk = HandoffDesk(
            TicketStore(services.db), services.deliver, services.translator, services.clock,
            chat, services.settings.organisers_lang or services.kb.default_lang,
        )  # fmt: skip
        self._in_group.chat = chat
        await check_membership(app.bot, desk)
        services.handoff = desk
        if not desk.reachable:
            await tell_admins_unreachable(services, chat)
        await desk.resume()

    async def shutdown(self, app: App, services: Services) -> None:
        services.handoff = None
