"""'Ask the organisers': an attendee's question goes to the organisers' chat, answers come back.

The use case, without Telegram: it drafts a ticket the attendee sees before it leaves, posts
the confirmed ticket to the organisers' chat through the paced `Deliver`, relays the
organisers' replies (and the attendee's one answer back), and drafts FAQ entries. Every relay
is recorded under the Telegram message it came from before it is sent, so an update seen twice
(a restart) is relayed once; a relay a crash interrupted is sent at the next start.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from babel import Locale

from bot.domain.buttons import encode
from bot.domain.clock import Clock
from bot.domain.delivery import Button, Deliver, Outcome, OutgoingMessage
from bot.domain.tickets import (
    MAX_OPEN,
    FaqDraft,
    Status,
    Ticket,
    clean,
    draft_answer,
    drafts_yaml,
    marker,
)
from bot.i18n import LANGS, Translator
from bot.storage.tickets import TicketStore

log = logging.getLogger(__name__)
DRAFT_LIFETIME = dt.timedelta(days=1)  # a preview nobody sent is deleted after this
KIND = "org"  # button data: org:q:<question id>, org:send|name|hide|cancel|faq:<ticket>


def language_name(lang: str, in_lang: str) -> str:
    """Return the name of `lang` written in `in_lang` ('Spanish', 'inglés')."""
    try:
        name = Locale.parse(lang).get_display_name(in_lang) or lang
    except (ValueError, LookupError):
        return lang
    return name[:1].upper() + name[1:]


def render_drafts(drafts: Sequence[FaqDraft], translator: Translator, lang: str) -> str:
    """List FAQ drafts for /drafts (HTML): the YAML to paste into the knowledge base."""
    _ = translator.get(lang).gettext
    if not drafts:
        return html.escape(_("No FAQ drafts yet: press ➕ FAQ on an answered ticket."))
    head = _(
        "{n} FAQ drafts from answered tickets. Paste into the knowledge base's faqs:, "
        "add the other languages and keywords, then /reload."
    ).format(n=len(drafts))
    body = drafts_yaml(drafts).removeprefix("faqs:\n")
    return f"{html.escape(head)}\n<pre>{html.escape(body)}</pre>"


@dataclass(frozen=True)
class Posted:
    """What became of a message to the organisers' chat."""

    outcome: Outcome
    moved_to: int | None = None  # the group became this supergroup; nothing was sent


class PostToGroup(Protocol):
    async def __call__(
        self, chat_id: int, message: OutgoingMessage, topic: int | None, reply_to: int | None
    ) -> Posted:
        """Send `message` to the group (in forum topic `topic`, replying to `reply_to`)."""
        ...


def posting_through(deliver: Deliver) -> PostToGroup:
    """Post with a plain `Deliver` (no topics, replies or moves: for tests and tools)."""

    async def post(
        chat_id: int, message: OutgoingMessage, topic: int | None, reply_to: int | None
    ) -> Posted:
        return Posted(await deliver(chat_id, message))

    return post


@dataclass(frozen=True)
class Confirmation:
    """What pressing Send did: the text for the preview, and whether the ticket left."""

    message: OutgoingMessage
    sent: bool


class HandoffDesk:
    """Tickets from attendees to the organisers' chat, and the answers back."""

    def __init__(
        self,
        tickets: TicketStore,
        deliver: Deliver,
        translator: Translator,
        clock: Clock,
        organisers_chat: int,
        organisers_lang: str = "en",
        *,
        topic: int | None = None,
        post: PostToGroup | None = None,
        on_moved: Callable[[int, int], Awaitable[None]] | None = None,
    ) -> None:
        self.tickets = tickets
        self.deliver = deliver  # to attendees
        self.post = post or posting_through(deliver)  # to the organisers' chat
        self.translator = translator
        self.clock = clock
        self.configured_chat = organisers_chat  # CONFBOT_ORGANISERS_CHAT
        self.chat = organisers_chat  # where tickets go: the configured chat, or what it became
        self.topic = topic  # CONFBOT_ORGANISERS_TOPIC: the forum topic tickets go to
        self.group_lang = organisers_lang if organisers_lang in LANGS else "en"
        self.reachable = True  # False when the start-up check found the bot outside the chat
        # Called with (old chat, new chat) when the group became a supergroup (tells admins).
        self.on_moved = on_moved
        # One flush per ticket at a time (kept for the bot's life: a few bytes per ticket), so
        # that replies arriving together are relayed once each, in the order written.
        self._locks: dict[int, asyncio.Lock] = {}

    def tr(self, lang: str) -> Callable[[str], str]:
        return self.translator.get(lang).gettext

    def offer(self, lang: str, question_id: int) -> Button:
        """Return the button an unsure answer carries to hand the question over."""
        _ = self.tr(lang)
        return Button(_("Ask the organisers"), encode(KIND, "q", question_id))

    # -- the attendee's side -------------------------------------------------------------------

    async def draft(self, user_id: int, chat_id: int, lang: str, text: str) -> OutgoingMessage:
        """Record the question as a draft and show exactly what would be shared."""
        _ = self.tr(lang)
        if not self.reachable:
            return OutgoingMessage(
                html.escape(_("Sorry, the organisers cannot be reached here right now."))
            )
        question = clean(text)
        if not question:
            return self.usage(lang)
        ticket = await self.tickets.draft(user_id, chat_id, lang, question, self.clock.now())
        return self.preview(ticket)

    def usage(self, lang: str) -> OutgoingMessage:
        _ = self.tr(lang)
        return OutgoingMessage(
            html.escape(_("Write your question after the command, e.g. /ask Is there parking?"))
        )

    def preview(self, ticket: Ticket) -> OutgoingMessage:
        """Show the draft as the organisers would get it, with Send, name and Cancel buttons."""
        lang = ticket.lang
        _ = self.tr(lang)
        shared = (
            _("Your name: {name}").format(name=html.escape(ticket.name))
            if ticket.name
            else _("Your name is not shared.")
        )
        text = "\n".join(
            [
                "<b>" + html.escape(_("Ask the organisers")) + "</b>",
                html.escape(_("This is exactly what the organisers will see:")),
                "",
                f"<blockquote>{html.escape(ticket.text)}</blockquote>",
                html.escape(_("Language: {language}").format(language=language_name(lang, lang))),
                html.escape(shared),
                "",
                html.escape(
                    _("Their answer will come here. Nothing is sent until you press Send.")
                ),
            ]
        )
        name_button = (
            Button(_("Don't share my name"), encode(KIND, "hide", ticket.id))
            if ticket.name
            else Button(_("Share my name"), encode(KIND, "name", ticket.id))
        )
        buttons = (
            (Button(_("Send"), encode(KIND, "send", ticket.id)),),
            (name_button, Button(_("Cancel"), encode(KIND, "cancel", ticket.id))),
        )
        return OutgoingMessage(text, buttons)

    async def apply(
        self, action: str, ticket_id: int, user_id: int, name: str, lang: str
    ) -> OutgoingMessage | None:
        """Apply a preview button (name, hide, send, cancel); None when it is out of date."""
        if action in ("name", "hide"):
            return await self.share_name(ticket_id, user_id, name if action == "name" else None)
        if action == "cancel":
            return await self.cancel(ticket_id, user_id, lang)
        if action == "send":
            confirmation = await self.confirm(ticket_id, user_id, lang)
            return confirmation.message if confirmation else None
        return None

    async def share_name(
        self, ticket_id: int, user_id: int, name: str | None
    ) -> OutgoingMessage | None:
        """Share or hide the attendee's name on their draft; None when it is no draft now."""
        ticket = await self.tickets.set_name(ticket_id, user_id, clean(name)[:64] if name else None)
        return self.preview(ticket) if ticket else None

    async def cancel(self, ticket_id: int, user_id: int, lang: str) -> OutgoingMessage | None:
        _ = self.tr(lang)
        if not await self.tickets.cancel(ticket_id, user_id):
            return None
        return OutgoingMessage(html.escape(_("Cancelled: nothing was sent to the organisers.")))

    async def confirm(self, ticket_id: int, user_id: int, lang: str) -> Confirmation | None:
        """Send the draft to the organisers' chat; None when it is no draft (sent, cancelled)."""
        _ = self.tr(lang)
        ticket, over = await self.tickets.confirm(ticket_id, user_id)
        if over:
            text = _(
                "You already have {n} questions waiting for the organisers. You can send a new "
                "one when they have answered."
            ).format(n=MAX_OPEN)
            return Confirmation(OutgoingMessage(html.escape(text)), False)
        if ticket is None:
            return None
        if await self._post(ticket):
            text = _(
                "Sent to the organisers as {ticket}. Their answer will come here; you can "
                "answer back once by replying to it."
            ).format(ticket=marker(ticket.id))
            return Confirmation(OutgoingMessage(html.escape(text)), True)
        text = _("Sorry, I could not reach the organisers. Please try again later.")
        return Confirmation(OutgoingMessage(html.escape(text)), False)

    async def _post(self, ticket: Ticket) -> bool:
        outcome = await self._to_group(self.ticket_message(ticket))
        await self.tickets.posted(ticket.id, outcome, self.clock.now())
        if outcome is not Outcome.DELIVERED:
            log.warning(
                "ticket %s could not be posted to the organisers' chat: %s",
                ticket.id,
                outcome.value,
            )
        return outcome is Outcome.DELIVERED

    def ticket_message(self, ticket: Ticket) -> OutgoingMessage:
        """The ticket as the organisers see it, with the ➕ FAQ button."""
        _ = self.tr(self.group_lang)
        who = html.escape(ticket.name) if ticket.name else html.escape(_("name not shared"))
        head = f"{marker(ticket.id)} · {html.escape(ticket.lang)} · {who}"
        how = _("Reply to this message to answer: the attendee gets your reply as written.")
        text = "\n".join(
            [
                f"<b>{head}</b>",
                f"<blockquote>{html.escape(ticket.text)}</blockquote>",
                html.escape(how),
            ]
        )
        return OutgoingMessage(text, ((Button("➕ FAQ", encode(KIND, "faq", ticket.id)),),))

    async def answer_back(
        self, user_id: int, chat_id: int, message_id: int, ticket_id: int, text: str, lang: str
    ) -> OutgoingMessage:
        """Relay the attendee's one answer back on a ticket to the organisers' chat."""
        _ = self.tr(lang)
        ticket = await self.tickets.get(ticket_id)
        if ticket is None or ticket.user_id != user_id:
            return OutgoingMessage(html.escape(_("That question is no longer on record.")))
        if ticket.status is not Status.ANSWERED:
            return OutgoingMessage(
                html.escape(_("The organisers have not answered yet; their answer will come here."))
            )
        if not await self.tickets.relay(
            chat_id, message_id, ticket.id, "follow_up", clean(text), self.clock.now()
        ):
            return OutgoingMessage(html.escape(_("Already sent.")))
        if not await self.tickets.follow_up(ticket.id):
            await self.tickets.relayed(chat_id, message_id, Outcome.FAILED)
            text = _(
                "You have already answered back on {ticket}. For anything else, ask a new "
                "question with /ask."
            ).format(ticket=marker(ticket.id))
            return OutgoingMessage(html.escape(text))
        await self.flush(ticket.id)
        text = _("Sent to the organisers ({ticket}).").format(ticket=marker(ticket.id))
        return OutgoingMessage(html.escape(text))

    # -- the organisers' side ------------------------------------------------------------------

    async def organiser_reply(self, message_id: int, ticket_id: int, text: str) -> bool | None:
        """Relay a member's reply to a ticket; return whether it answered it first (None: no
        such ticket or already seen)."""
        ticket = await self.tickets.get(ticket_id)
        if ticket is None or ticket.status not in (Status.OPEN, Status.ANSWERED):
            return None
        now = self.clock.now()
        if not await self.tickets.relay(
            self.chat, message_id, ticket.id, "answer", clean(text), now
        ):
            return None
        first = await self.tickets.answered(ticket.id, now)
        await self.flush(ticket.id)
        return first

    async def flush(self, ticket_id: int) -> None:
        """Relay every recorded, unsent message of a ticket, in the order they were written."""
        lock = self._locks.setdefault(ticket_id, asyncio.Lock())
        async with lock:
            ticket = await self.tickets.get(ticket_id)
            for chat, message, _ticket, direction, text in await self.tickets.pending_relays(
                ticket_id
            ):
                if ticket is None:
                    await self.tickets.relayed(chat, message, Outcome.FAILED)
                    continue
                if direction == "answer":
                    outcome = await self._send(ticket.chat_id, self.answer_message(ticket, text))
                else:
                    outcome = await self._to_group(self.follow_up_message(ticket, text))
                await self.tickets.relayed(chat, message, outcome)
                if outcome is Outcome.BLOCKED and direction == "answer":
                    await self._tell_undelivered(ticket, chat, message)

    async def _tell_undelivered(self, ticket: Ticket, chat: int, message: int) -> None:
        """Tell the organisers' chat, once per ticket, that the attendee blocked the bot."""
        if not await self.tickets.undelivered(ticket.id, self.clock.now()):
            return
        _ = self.tr(self.group_lang)
        text = f"{marker(ticket.id)} · " + _("not delivered: the attendee has blocked the bot.")
        # A reply to the organiser's undelivered answer, so its author is notified.
        reply_to = message if chat == self.chat else None
        await self._to_group(OutgoingMessage(html.escape(text)), reply_to)

    def answer_message(self, ticket: Ticket, text: str) -> OutgoingMessage:
        """An organiser's reply as the attendee gets it, under a heading in their language."""
        _ = self.tr(ticket.lang)
        asked = _("Your question: {question}").format(question=ticket.text[:200])
        lines = [
            f"💬 <b>{html.escape(_('Answer from the organisers'))}</b> · {marker(ticket.id)}",
            f"<i>{html.escape(asked)}</i>",
            "",
            html.escape(text),
        ]
        if not ticket.followed_up:
            lines += ["", html.escape(_("Reply to this message to answer back (once)."))]
        return OutgoingMessage("\n".join(lines))

    def follow_up_message(self, ticket: Ticket, text: str) -> OutgoingMessage:
        _ = self.tr(self.group_lang)
        head = f"{marker(ticket.id)} · " + _("the attendee answers back:")
        text = "\n".join(
            [
                f"<b>{html.escape(head)}</b>",
                f"<blockquote>{html.escape(text)}</blockquote>",
                html.escape(_("Reply to this message to answer.")),
            ]
        )
        return OutgoingMessage(text)

    async def draft_faq(self, ticket_id: int) -> str:
        """Draft a FAQ entry from an answered ticket; return the note for the organiser."""
        _ = self.tr(self.group_lang)
        ticket = await self.tickets.get(ticket_id)
        if ticket is None:
            return _("That ticket is no longer on record.")
        answers = await self.tickets.answers(ticket.id)
        if ticket.status is not Status.ANSWERED or not answers:
            return _("Answer the ticket first (reply to it), then press ➕ FAQ.")
        draft = await self.tickets.add_draft(ticket, draft_answer(answers), self.clock.now())
        if draft is None:
            return _("Already drafted: see /drafts.")
        return _("FAQ draft saved: see /drafts or `confbot drafts --yaml`.")

    async def resume(self) -> None:
        """Post the tickets and relay the messages a crash or stop left unsent; drop old drafts."""
        dropped = await self.tickets.drop_drafts(self.clock.now() - DRAFT_LIFETIME)
        if dropped:
            log.info("deleted %d questions never sent to the organisers", dropped)
        for ticket in await self.tickets.sending():
            await self._post(ticket)
        for ticket_id in sorted({row[2] for row in await self.tickets.pending_relays()}):
            await self.flush(ticket_id)

    def is_organisers_chat(self, chat_id: int) -> bool:
        """Return whether `chat_id` is the organisers' chat (as configured, or what it became)."""
        return chat_id in (self.chat, self.configured_chat)

    async def follow_moves(self) -> None:
        """Send to the supergroup the configured group became, if Telegram said so before."""
        moved = await self.tickets.moved_to(self.configured_chat)
        if moved is not None and moved != self.chat:
            self._switch(moved)
            log.warning(
                "CONFBOT_ORGANISERS_CHAT %s became the supergroup %s: the bot sends there. Set "
                "CONFBOT_ORGANISERS_CHAT=%s.",
                self.configured_chat,
                moved,
                moved,
            )

    async def moved(self, new_chat: int) -> None:
        """Telegram says the organisers' group is now the supergroup `new_chat`: remember it."""
        if new_chat == self.chat:
            return
        old = self.chat
        self._switch(new_chat)  # first: posts refused at the same time then see it done
        await self.tickets.record_move(self.configured_chat, new_chat, self.clock.now())
        log.warning(
            "CONFBOT_ORGANISERS_CHAT: the organisers' group %s was upgraded to a supergroup with "
            "the id %s. The bot sends there from now on (remembered in its database); set "
            "CONFBOT_ORGANISERS_CHAT=%s.",
            old,
            new_chat,
            new_chat,
        )
        if self.on_moved is not None:
            try:
                await self.on_moved(old, new_chat)
            except Exception:
                log.exception("could not tell the organisers that their chat moved")

    def _switch(self, chat: int) -> None:
        self.chat = chat
        self.topic = None  # a group upgraded to a supergroup has no topics (yet)

    async def _to_group(self, message: OutgoingMessage, reply_to: int | None = None) -> Outcome:
        """Post to the organisers' chat (its topic); follow it if it became a supergroup."""
        posted = await self._post_once(message, reply_to)
        if posted.moved_to is not None:
            await self.moved(posted.moved_to)
            # Message ids are per chat: the old group's do not exist in the new one.
            posted = await self._post_once(message, None)
        return posted.outcome

    async def _post_once(self, message: OutgoingMessage, reply_to: int | None) -> Posted:
        try:
            return await self.post(self.chat, message, self.topic, reply_to)
        except Exception:
            log.exception("sending a ticket message to the organisers' chat %s failed", self.chat)
            return Posted(Outcome.FAILED)

    async def _send(self, chat_id: int, message: OutgoingMessage) -> Outcome:
        try:
            return await self.deliver(chat_id, message)
        except Exception:
            log.exception("sending a ticket message to chat %s failed", chat_id)
            return Outcome.FAILED


def unreachable_notice(_: Callable[[str], str], chat: int) -> str:
    """Tell the organisers the bot is not in their chat (plain text, in `_`'s language)."""
    return _(
        "⚠️ I am not a member of the organisers' chat ({chat}), so attendees cannot ask "
        "the organisers. Add me to that group, then restart me."
    ).format(chat=chat)


def moved_notice(_: Callable[[str], str], old: int, new: int) -> str:
    """Tell the organisers their group is now a supergroup, with a new id (plain text)."""
    return _(
        "ℹ️ The organisers' group ({old}) became a supergroup ({new}): I send questions "
        "there now. Set CONFBOT_ORGANISERS_CHAT={new} so the setting says so too."
    ).format(old=old, new=new)
