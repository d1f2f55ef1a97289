"""Send what the conversation produced: messages, venue pins and files."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from telegram import (
    Bot,
    CallbackQuery,
    LinkPreviewOptions,
    ReplyParameters,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.domain.budget import Priority
from bot.domain.delivery import OutgoingMessage
from bot.telegram.sender import priority_args, to_markup
from bot.texts.outgoing import Document, Out, VenuePin

log = logging.getLogger(__name__)
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


async def redraw(query: CallbackQuery, message: OutgoingMessage) -> bool:
    """Show `message` in place of the one whose button was pressed; False when Telegram would
    not edit it (too old, deleted): the caller may send it anew. Unchanged counts as shown."""
    try:
        await query.edit_message_text(
            message.text,
            parse_mode=ParseMode.HTML,
            reply_markup=to_markup(message.buttons),
            link_preview_options=NO_PREVIEW,
        )
    except BadRequest as exc:
        if "not modified" in exc.message.lower():
            return True  # the same button pressed twice: it already shows this
        log.info("could not redraw a message after a button press: %s", exc)
        return False
    return True


async def send_outs(
    bot: Bot,
    chat_id: int,
    outs: Iterable[Out],
    reply_to: int | None = None,
    priority: Priority = Priority.REPLY,
) -> None:
    """Send each output to `chat_id` in order (the first one replies to `reply_to`).

    Everything queues in the application's Outbox; `priority` says who waits for it (a user,
    by default; ADMIN for organisers' notices that answer nothing).
    """
    extra = priority_args(bot, priority)
    for out in outs:
        if isinstance(out, OutgoingMessage):
            await bot.send_message(
                chat_id,
                out.text,
                parse_mode=ParseMode.HTML,
                reply_markup=to_markup(out.buttons),
                link_preview_options=NO_PREVIEW,
                reply_parameters=(
                    ReplyParameters(reply_to, allow_sending_without_reply=True)
                    if reply_to
                    else None
                ),
                **extra,
            )
        elif isinstance(out, VenuePin):
            await bot.send_venue(
                chat_id, out.latitude, out.longitude, title=out.title, address=out.address, **extra
            )
        elif isinstance(out, Document):
            await bot.send_document(
                chat_id, document=out.data, filename=out.filename, caption=out.caption, **extra
            )
        reply_to = None
