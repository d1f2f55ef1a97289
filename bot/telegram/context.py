"""The callback context every handler receives: typed access to the injected services."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from bot.services import Services
from bot.usecases.conversation import Conversation


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """CallbackContext with the bot's services (built once at start-up, never imported)."""

    @property
    def services(self) -> Services:
        return services_of(self.application)

    @property
    def conversation(self) -> Conversation:
        return Conversation(self.services)


def attach(application: Application[Any, Any, Any, Any, Any, Any], services: Services) -> None:
    """Make `services` available to every handler of `application`."""
    application.bot_data["services"] = services


def services_of(application: Application[Any, Any, Any, Any, Any, Any]) -> Services:
    services: Services = application.bot_data["services"]
    return services
