"""Every command's handler, registered from the one table (bot.usecases.commands).

A command with a conversation `reply` is answered the same way as in the terminal chat; the
others name their Telegram handler here. Aliases are registered like the names (the menus show
only the names). Admin commands share one gate, and whom it keeps out gets one refusal.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Mapping
from typing import Any

from telegram import Update
from telegram.ext import Application, CommandHandler, filters

from bot.i18n import current_lang
from bot.telegram import admin, broadcasts, feedback, handlers, handoff, subscriptions
from bot.telegram.admin import Organisers, admin_gate
from bot.telegram.context import BotContext
from bot.usecases.commands import COMMANDS, Command, Reply

App = Application[Any, BotContext, Any, Any, Any, Any]
Callback = Callable[[Update, BotContext], Coroutine[Any, Any, None]]
NEW_MESSAGE = filters.UpdateType.MESSAGE

# The commands that need Telegram, by the table's name (the rest are the conversation's).
ACTIONS: Mapping[str, Callback] = {
    "language": handlers.choose_language,  # `/language es` sets it at once and saves it
    "subscribe": subscriptions.subscribe,
    "mysubscriptions": subscriptions.my_subscriptions,
    "unsubscribe": subscriptions.unsubscribe,
    "ask": handoff.ask,
    "feedback": feedback.switch,
    "forgetme": admin.forget_me,
    "broadcast": broadcasts.broadcast,
    "broadcasts": broadcasts.history,
    "stats": admin.stats,
    "reload": admin.reload,
    "drafts": admin.drafts,
}


def conversation_reply(reply: Reply) -> Callback:
    """Return a handler that sends the conversation's answer (as the terminal chat shows it)."""

    async def answer(update: Update, context: BotContext) -> None:
        args = tuple(context.args or ())
        await handlers.send_reply(
            update, context, reply(context.conversation, current_lang.get(), args)
        )

    return answer


def action(command: Command) -> Callback:
    """Return the handler of `command`: its Telegram one, else the conversation's reply."""
    if command.name in ACTIONS:
        return ACTIONS[command.name]
    if command.reply is None:
        raise LookupError(f"/{command.name} has neither a Telegram handler nor a reply")
    return conversation_reply(command.reply)


def register(app: App, organisers: Organisers) -> None:
    """Add a handler per command (its name and aliases), then the admin commands' refusal."""
    gate = admin_gate(organisers)
    for command in COMMANDS:
        if command.admin:
            only = gate
        elif command.private:
            only = NEW_MESSAGE & filters.ChatType.PRIVATE
        else:
            only = NEW_MESSAGE
        app.add_handler(CommandHandler(command.names(), action(command), filters=only))
    # After every admin command: the one refusal, for whom the gate kept out.
    refused = [name for c in COMMANDS if c.admin for name in c.names()]
    app.add_handler(CommandHandler(refused, admin.refuse, filters=NEW_MESSAGE))
