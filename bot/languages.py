"""The languages confbot can speak: one definition used by the catalogs, menus and the loader."""

from __future__ import annotations

# Every language with a complete gettext catalog in locales/ (the catalog test keeps it true).
# A knowledge base declares which of these its event uses (`event.languages`); a language a KB
# declares without a catalog here still gets its KB texts, with the interface in English.
SUPPORTED: tuple[str, ...] = ("es", "en", "pt")

# The languages a knowledge base without `event.languages` is written in (v1 files).
DEFAULT_KB_LANGS: tuple[str, ...] = ("es", "en")

# Each language's own name, for the /language buttons and "I speak …" lines.
NATIVE_NAMES: dict[str, str] = {"es": "Español", "en": "English", "pt": "Português"}


def base_code(code: str | None) -> str:
    """Reduce a Telegram language_code ('es-419', 'pt_BR', 'EN') to its two-letter base."""
    return (code or "").replace("_", "-").split("-")[0].lower()
