"""Gettext catalogs (managed with Babel), language names and the language of the current update."""

from __future__ import annotations

import gettext
import io
import logging
from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bot.languages import NATIVE_NAMES, SUPPORTED, base_code

DOMAIN = "confbot"
LANGS: tuple[str, ...] = SUPPORTED  # a catalog ships for each
SOURCE_LANG = "en"  # the language of the msgids: its catalog needs no translations
DEFAULT_LANG = "en"

log = logging.getLogger(__name__)
current_lang: ContextVar[str] = ContextVar("current_lang", default=DEFAULT_LANG)


def supported_lang(code: str | None, spoken: Sequence[str] = LANGS) -> str | None:
    """Map a Telegram language_code to one of `spoken`, or None (unsupported or missing)."""
    base = base_code(code)
    return base if base in spoken else None


def normalize_lang(code: str | None, default: str = DEFAULT_LANG) -> str:
    """Map a Telegram language_code ('es-419', 'EN', None) to a supported language."""
    return supported_lang(code) or default


def fallback_lang(spoken: Sequence[str]) -> str:
    """Return the language for someone whose language the bot does not speak.

    English when the event speaks it (the likeliest language such a reader shares with the
    bot), else the event's default (its first language).
    """
    return DEFAULT_LANG if DEFAULT_LANG in spoken or not spoken else spoken[0]


def pick_lang(candidates: Iterable[str | None], spoken: Sequence[str]) -> str:
    """Return the first candidate the bot speaks (a choice, then Telegram's), else the fallback."""
    for code in candidates:
        found = supported_lang(code, spoken)
        if found is not None:
            return found
    return fallback_lang(spoken)


def _locale(code: str) -> Locale | None:
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return None


def native_name(code: str) -> str:
    """Return a language's name in itself ('español', 'English', 'português')."""
    locale = _locale(code)
    name = locale.get_display_name(code) if locale is not None else None
    return name or NATIVE_NAMES.get(code, code)


def language_name(code: str, in_lang: str) -> str:
    """Return a language's name in another language ('portugués' for pt in es)."""
    locale = _locale(in_lang)
    name = locale.languages.get(code) if locale is not None else None
    return name or native_name(code)


def _label(name: str) -> str:
    return name[:1].upper() + name[1:]


def language_list(
    codes: Sequence[str], in_lang: str, native: bool = False, alternatives: bool = False
) -> str:
    """Return 'español, inglés y portugués' (or '… o …') for `in_lang`; native: 'Español, …'."""
    names = [_label(native_name(c)) if native else language_name(c, in_lang) for c in codes]
    locale = in_lang if _locale(in_lang) else DEFAULT_LANG
    if alternatives:
        return format_list(names, style="or", locale=locale)
    return format_list(names, locale=locale)


def _load(locales: Path, lang: str) -> gettext.NullTranslations:
    """Load a compiled catalog, compiling the .po in memory when the .mo is missing or stale."""
    folder = locales / lang / "LC_MESSAGES"
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fp:
            return gettext.GNUTranslations(fp)
    if po.exists():
        with po.open("rb") as fp:
            catalog = read_po(fp, locale=lang)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)
    log.warning("no catalog for %s in %s: using the source texts", lang, locales)
    return gettext.NullTranslations()


class Translator:
    """Every language's catalog, loaded once."""

    def __init__(self, locales: Path) -> None:
        self._catalogs = {lang: _load(locales, lang) for lang in LANGS}

    def get(self, lang: str | None = None) -> gettext.NullTranslations:
        """Return the catalog for `lang` (default: the current update's language).

        A language without a catalog (one a knowledge base declares) reads the source texts.
        """
        return self._catalogs[normalize_lang(lang or current_lang.get())]

    def gettext(self, message: str, lang: str | None = None) -> str:
        return self.get(lang).gettext(message)

    def ngettext(self, singular: str, plural: str, n: int, lang: str | None = None) -> str:
        return self.get(lang).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a message for extraction; translate it later with the reader's catalog."""
    return message
