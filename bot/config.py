"""Settings: the one place that reads the environment."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_API_BASE_URL = "https://api.telegram.org"
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


class ConfigError(ValueError):
    """A setting is missing or invalid; the message says which and how to fix it."""


@dataclass(frozen=True)
class Settings:
    token: str | None = field(default=None, repr=False)
    api_base_url: str = DEFAULT_API_BASE_URL
    knowledge: Path = ROOT / "knowledge"
    locales: Path = ROOT / "locales"
    db: Path = ROOT / "confbot.sqlite3"
    admins: frozenset[int] = frozenset()
    now: dt.datetime | None = None
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    port: int = 8080
    reminder_at: dt.time | None = None
    rate_limit: float = 30.0
    question_retention_days: int = 90
    log_level: str = "INFO"
    organisers_chat: int | None = None
    organisers_topic: int | None = None  # a forum topic (message_thread_id) of that chat
    organisers_lang: str | None = None  # None: the knowledge base's default language
    feedback: bool = True
    feedback_at: dt.time = dt.time(19, 0)

    @property
    def bot_api_url(self) -> str:
        """Return the base URL python-telegram-bot appends the token to."""
        return f"{self.api_base_url}/bot"

    @property
    def file_api_url(self) -> str:
        return f"{self.api_base_url}/file/bot"

    @property
    def webhook(self) -> bool:
        return self.webhook_url is not None

    def warnings(self) -> list[str]:
        """Return what is allowed but probably not meant, each naming its variable."""
        found = []
        if not self.admins:
            found.append(
                "CONFBOT_ADMINS is empty: nobody can use /stats, /broadcast or /reload, and "
                "nobody is told when the database or a periodic job fails"
            )
        return found

    def require_token(self) -> str:
        """Return the bot token or explain how to set it."""
        if not self.token:
            raise ConfigError(
                "TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and export it "
                "(or try the bot in the terminal with `confbot chat`)"
            )
        return self.token


def _admins(raw: str) -> frozenset[int]:
    ids = set()
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        if not re.fullmatch(r"-?[0-9]{1,19}", part):
            raise ConfigError(f"CONFBOT_ADMINS: '{part}' is not a Telegram user id (a number)")
        if int(part) <= 0:
            raise ConfigError(
                f"CONFBOT_ADMINS: '{part}' is not a user id (users are positive numbers; "
                "a negative id is a group)"
            )
        ids.add(int(part))
    return frozenset(ids)


def _instant(raw: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise ConfigError(
            f"CONFBOT_NOW: '{raw}' is not an ISO-8601 instant (e.g. 2015-10-20T17:59:00-05:00)"
        ) from exc
    return value


def _time(raw: str, name: str = "CONFBOT_REMINDER_AT", example: str = "18:00") -> dt.time:
    match = _HHMM.match(raw.strip())
    if not match:
        raise ConfigError(f"{name}: '{raw}' is not a time HH:MM (e.g. {example})")
    return dt.time(int(match[1]), int(match[2]))


def _positive(name: str, raw: str, kind: type[int] | type[float], most: float) -> float:
    """Read a number between 0 and `most` (nan, inf and absurd values are refused)."""
    pattern = r"[0-9]+" if kind is int else r"[0-9]+(\.[0-9]*)?|\.[0-9]+"
    if not re.fullmatch(pattern, raw.strip().lstrip("+")):
        if raw.strip().startswith("-"):
            raise ConfigError(f"{name}: must not be negative")
        raise ConfigError(f"{name}: '{raw}' is not a number")
    value = kind(raw)
    if value > most:
        raise ConfigError(f"{name}: {raw} is more than the {most:g} allowed")
    return value


def _chat_id(raw: str) -> int:
    if not re.fullmatch(r"-?[0-9]{1,19}", raw):
        raise ConfigError(
            f"CONFBOT_ORGANISERS_CHAT: '{raw}' is not a Telegram chat id (e.g. -1001234567890)"
        )
    return int(raw)


def _topic(raw: str, chat: str | None) -> int:
    if chat is None:
        raise ConfigError(
            "CONFBOT_ORGANISERS_TOPIC: set CONFBOT_ORGANISERS_CHAT too (the topic is in that chat)"
        )
    if not re.fullmatch(r"[0-9]{1,10}", raw) or int(raw) < 1:
        raise ConfigError(
            f"CONFBOT_ORGANISERS_TOPIC: '{raw}' is not a forum topic id (a positive number: "
            "the message_thread_id, e.g. 45 in a topic's link t.me/c/1234567890/45)"
        )
    return int(raw)


def _switch(name: str, raw: str) -> bool:
    value = raw.lower()
    if value not in {"on", "off", "1", "0", "true", "false", "yes", "no"}:
        raise ConfigError(f"{name}: use on or off")
    return value in {"on", "1", "true", "yes"}


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from the environment, with a clear error for any invalid value."""
    env = os.environ if env is None else env

    def get(name: str) -> str | None:
        value = env.get(name, "").strip()
        return value or None

    webhook_url = get("CONFBOT_WEBHOOK_URL")
    secret = get("CONFBOT_WEBHOOK_SECRET")
    if secret is not None and not _SECRET.match(secret):
        raise ConfigError("CONFBOT_WEBHOOK_SECRET: use 1-256 characters of A-Z, a-z, 0-9, _ and -")
    if webhook_url is not None and not webhook_url.startswith(("https://", "http://")):
        raise ConfigError(f"CONFBOT_WEBHOOK_URL: '{webhook_url}' is not an http(s) URL")
    port_raw = get("CONFBOT_PORT") or "8080"
    if not re.fullmatch(r"[0-9]{1,5}", port_raw) or not 0 < int(port_raw) < 65536:
        raise ConfigError(f"CONFBOT_PORT: '{port_raw}' is not a TCP port (1-65535)")
    base_url = (get("TELEGRAM_API_BASE_URL") or DEFAULT_API_BASE_URL).rstrip("/")
    base_url = base_url.removesuffix("/bot")  # accept PTB's form (…/bot) as well as the root
    if not base_url.startswith(("http://", "https://")):
        raise ConfigError(f"TELEGRAM_API_BASE_URL: '{base_url}' is not an http(s) URL")
    level = (get("CONFBOT_LOG_LEVEL") or "INFO").upper()
    if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        raise ConfigError("CONFBOT_LOG_LEVEL: use DEBUG, INFO, WARNING or ERROR")
    now = get("CONFBOT_NOW")
    reminder = get("CONFBOT_REMINDER_AT")
    organisers = get("CONFBOT_ORGANISERS_CHAT")
    topic = get("CONFBOT_ORGANISERS_TOPIC")
    organisers_lang = (get("CONFBOT_ORGANISERS_LANG") or "").lower() or None
    if organisers_lang is not None and not re.fullmatch(r"[a-z]{2}", organisers_lang):
        raise ConfigError("CONFBOT_ORGANISERS_LANG: a two-letter language code (e.g. es)")
    feedback_at = get("CONFBOT_FEEDBACK_AT")
    return Settings(
        token=get("TELEGRAM_BOT_TOKEN"),
        api_base_url=base_url,
        knowledge=Path(get("CONFBOT_KNOWLEDGE") or ROOT / "knowledge"),
        locales=Path(get("CONFBOT_LOCALES") or ROOT / "locales"),
        db=Path(get("CONFBOT_DB") or ROOT / "confbot.sqlite3"),
        admins=_admins(get("CONFBOT_ADMINS") or ""),
        now=_instant(now) if now else None,
        webhook_url=webhook_url,
        webhook_secret=secret,
        port=int(port_raw),
        reminder_at=_time(reminder) if reminder else None,
        # Telegram allows 30 messages/s, 1,000 with paid broadcasts: more is a typo.
        rate_limit=_positive(
            "CONFBOT_RATE_LIMIT", get("CONFBOT_RATE_LIMIT") or "30", float, most=1000
        ),
        question_retention_days=int(
            _positive(
                "CONFBOT_RETENTION_DAYS", get("CONFBOT_RETENTION_DAYS") or "90", int, most=3650
            )
        ),
        log_level=level,
        organisers_chat=_chat_id(organisers) if organisers else None,
        organisers_topic=_topic(topic, organisers) if topic else None,
        organisers_lang=organisers_lang,
        feedback=_switch("CONFBOT_FEEDBACK", get("CONFBOT_FEEDBACK") or "on"),
        feedback_at=(
            _time(feedback_at, "CONFBOT_FEEDBACK_AT", "19:00") if feedback_at else dt.time(19, 0)
        ),
    )
