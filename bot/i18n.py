"""Gettext catalogs (managed with Babel) and the language of the current update."""

from __future__ import annotations

import gettext
import io
import logging
from contextvars import ContextVar
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "confbot"
LANGS: tuple[str, ...] = ("es", "en", "pt")  # a catalog ships for each
SOURCE_LANG = "en"  # the language of the msgids: its catalog needs no translations
DEFAULT_LANG = "en"

log = logging.getLogger(__name__)
current_lang: ContextVar[str] = ContextVar("current_lang", default=DEFAULT_LANG)


def supported_lang(code: str | None) -> str | None:
    """Map a Telegram language_code to a supported language, or None (unsupported or missing)."""
    base = (code or "").replace("_", "-").split("-")[0].lower()
    return base if base in LANGS else None


def normalize_lang(code: str | None, default: str = DEFAULT_LANG) -> str:
    """Map a Telegram language_code ('es-419', 'EN', None) to a supported language."""
    return supported_lang(code) or default


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
        """Return the catalog for `lang` (default: the current update's language)."""
        return self._catalogs[normalize_lang(lang or current_lang.get())]

    def gettext(self, message: str, lang: str | None = None) -> str:
        return self.get(lang).gettext(message)

    def ngettext(self, singular: str, plural: str, n: int, lang: str | None = None) -> str:
        return self.get(lang).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a message for extraction; translate it later with the reader's catalog."""
    return message
