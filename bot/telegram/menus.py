"""Localised command menus and bot descriptions, set at start-up."""

from __future__ import annotations

import logging

from telegram import Bot, BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from telegram.error import TelegramError

from bot.domain.knowledge import Event
from bot.i18n import N_, Translator, fallback_lang, language_list
from bot.usecases.commands import menu

log = logging.getLogger(__name__)

DESCRIPTION = N_(
    "I answer questions about {event} in {languages}: the programme, its sessions and the "
    "venues. I can also remind you of each session the evening before."
)
SHORT_DESCRIPTION = N_("Your assistant for {event}: programme, venues, reminders.")


def _commands(
    translator: Translator, lang: str, admin: bool, off: frozenset[str] = frozenset()
) -> list[BotCommand]:
    """The menu in `lang`: canonical names only (aliases work, but would crowd it)."""
    return [BotCommand(c.name, translator.gettext(c.description, lang)) for c in menu(admin, off)]


def _codes(lang: str, spoken: tuple[str, ...]) -> tuple[str | None, ...]:
    """Telegram language codes to set `lang`'s menu for: None is everyone else's."""
    return (lang, None) if lang == fallback_lang(spoken) else (lang,)


def descriptions(translator: Translator, event: Event, lang: str) -> tuple[str, str]:
    """Return the bot's description and short description in `lang`, within Telegram's limits."""
    name = event.name.get(lang)
    label = f"{name} ({event.city.get(lang)})" if event.city else name
    languages = language_list(event.languages, lang)
    long = translator.gettext(DESCRIPTION, lang).format(event=label, languages=languages)
    short = translator.gettext(SHORT_DESCRIPTION, lang).format(event=name)
    return long[:512], short[:120]


async def set_menus(
    bot: Bot,
    translator: Translator,
    event: Event,
    admins: frozenset[int],
    off: frozenset[str] = frozenset(),
) -> None:
    """Set the command menus, description and short description in every language of the event.

    `off` names the features this configuration turns off (e.g. the handoff without an
    organisers' chat): their commands are left out of the menus."""
    spoken = tuple(event.languages)
    try:
        for lang in spoken:
            long, short = descriptions(translator, event, lang)
            for code in _codes(lang, spoken):
                await bot.set_my_commands(
                    _commands(translator, lang, admin=False, off=off),
                    scope=BotCommandScopeDefault(),
                    language_code=code,
                )
                await bot.set_my_description(long, language_code=code)
                await bot.set_my_short_description(short, language_code=code)
    except TelegramError as exc:
        log.warning("could not set the command menus: %s", exc)
    for admin in admins:
        for lang in spoken:
            for code in _codes(lang, spoken):
                try:
                    await bot.set_my_commands(
                        _commands(translator, lang, admin=True, off=off),
                        scope=BotCommandScopeChat(admin),
                        language_code=code,
                    )
                except TelegramError as exc:  # e.g. the admin has not started the bot yet
                    log.warning("could not set the admin menu for %s: %s", admin, exc)
                    break
