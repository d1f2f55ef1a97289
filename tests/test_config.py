"""Settings come from the environment, with clear errors for bad values."""

import datetime as dt
import logging
import re

import pytest

from bot.config import ConfigError, load_settings
from bot.logs import RedactSecrets


def test_defaults_need_nothing() -> None:
    settings = load_settings({})
    assert settings.token is None
    assert settings.bot_api_url == "https://api.telegram.org/bot"
    assert settings.admins == frozenset()
    assert settings.webhook is False


def test_every_variable_is_read() -> None:
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": "123:ABC",
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/",
            "CONFBOT_KNOWLEDGE": "/kb",
            "CONFBOT_DB": "/data/bot.db",
            "CONFBOT_ADMINS": " 11, 22 ,",
            "CONFBOT_NOW": "2015-10-20T17:59:00-05:00",
            "CONFBOT_WEBHOOK_URL": "https://bot.example.org/telegram",
            "CONFBOT_WEBHOOK_SECRET": "s3cret_-",
            "CONFBOT_PORT": "8443",
            "CONFBOT_REMINDER_AT": "19:30",
        }
    )
    assert settings.require_token() == "123:ABC"
    assert settings.bot_api_url == "http://127.0.0.1:8081/bot"
    assert settings.admins == {11, 22}
    assert settings.now == dt.datetime(2015, 10, 20, 22, 59, tzinfo=dt.UTC)
    assert settings.webhook and settings.port == 8443
    assert settings.reminder_at == dt.time(19, 30)
    assert str(settings.db) == "/data/bot.db"


def test_the_ptb_style_base_url_is_accepted_too() -> None:
    settings = load_settings({"TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot"})
    assert settings.bot_api_url == "http://127.0.0.1:9/bot"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("CONFBOT_ADMINS", "12,alice", "'alice' is not a Telegram user id"),
        ("CONFBOT_NOW", "yesterday", "not an ISO-8601 instant"),
        ("CONFBOT_PORT", "99999", "not a TCP port"),
        ("CONFBOT_WEBHOOK_SECRET", "no spaces allowed", "1-256 characters"),
        ("CONFBOT_REMINDER_AT", "6pm", "not a time HH:MM"),
        ("TELEGRAM_API_BASE_URL", "ftp://x", "not an http(s) URL"),
    ],
)
def test_invalid_values_are_explained(name: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError, match=name) as caught:
        load_settings({name: value})
    assert message in str(caught.value)


def test_run_without_a_token_says_how_to_get_one() -> None:
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN"):
        load_settings({}).require_token()


def test_the_token_never_reaches_the_logs(caplog: pytest.LogCaptureFixture) -> None:
    token = "123456:SECRET-token_value"
    logger = logging.getLogger("confbot.test")
    caplog.handler.addFilter(RedactSecrets([token]))
    logger.error("POST https://api.telegram.org/bot%s/getMe failed", token)
    try:
        raise RuntimeError(f"bad url /bot{token}/sendMessage")
    except RuntimeError:
        logger.exception("boom")
    text = caplog.text
    assert token not in text
    assert "bot***/getMe" in text


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("CONFBOT_RATE_LIMIT", "nan", "CONFBOT_RATE_LIMIT: 'nan' is not a number"),
        ("CONFBOT_RATE_LIMIT", "inf", "CONFBOT_RATE_LIMIT: 'inf' is not a number"),
        ("CONFBOT_RATE_LIMIT", "-1", "CONFBOT_RATE_LIMIT: must not be negative"),
        ("CONFBOT_RATE_LIMIT", "1e9", "CONFBOT_RATE_LIMIT: '1e9' is not a number"),
        ("CONFBOT_RATE_LIMIT", "5000", "CONFBOT_RATE_LIMIT: 5000 is more than the 1000 allowed"),
        ("CONFBOT_RATE_LIMIT", "３０", "CONFBOT_RATE_LIMIT: '３０' is not a number"),
        ("CONFBOT_RETENTION_DAYS", "99999999999", "CONFBOT_RETENTION_DAYS: 99999999999 is more"),
        ("CONFBOT_RETENTION_DAYS", "1.5", "CONFBOT_RETENTION_DAYS: '1.5' is not a number"),
        ("CONFBOT_ADMINS", "0", "CONFBOT_ADMINS: '0' is not a user id"),
        ("CONFBOT_ADMINS", "-1001234", "CONFBOT_ADMINS: '-1001234' is not a user id"),
        ("CONFBOT_ADMINS", "١٢", "CONFBOT_ADMINS: '١٢' is not a Telegram user id"),
        ("CONFBOT_PORT", "²", "CONFBOT_PORT: '²' is not a TCP port"),
    ],
)
def test_absurd_values_are_refused_naming_the_variable(name: str, raw: str, message: str) -> None:
    with pytest.raises(ConfigError, match="^" + re.escape(message)):
        load_settings({name: raw})


def test_sensible_limits_are_accepted() -> None:
    settings = load_settings({"CONFBOT_RATE_LIMIT": "25.5", "CONFBOT_RETENTION_DAYS": "3650"})
    assert settings.rate_limit == 25.5 and settings.question_retention_days == 3650
    assert load_settings({"CONFBOT_RATE_LIMIT": "0"}).rate_limit == 0


def test_no_organisers_is_a_warning_naming_the_variable() -> None:
    [warning] = load_settings({"CONFBOT_ADMINS": " , "}).warnings()
    assert warning.startswith("CONFBOT_ADMINS is empty: nobody can use /stats")
    assert load_settings({"CONFBOT_ADMINS": "7"}).warnings() == []


def test_organisers_chat_and_feedback_settings() -> None:
    settings = load_settings(
        {
            "CONFBOT_ORGANISERS_CHAT": "-1001234567890",
            "CONFBOT_ORGANISERS_TOPIC": "45",
            "CONFBOT_ORGANISERS_LANG": "ES",
            "CONFBOT_FEEDBACK": "off",
            "CONFBOT_FEEDBACK_AT": "20:30",
        }
    )
    assert settings.organisers_chat == -1001234567890
    assert settings.organisers_topic == 45
    assert settings.organisers_lang == "es"
    assert settings.feedback is False
    assert settings.feedback_at == dt.time(20, 30)
    defaults = load_settings({})
    assert defaults.organisers_chat is None and defaults.organisers_lang is None
    assert defaults.organisers_topic is None
    assert defaults.feedback is True and defaults.feedback_at == dt.time(19, 0)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("CONFBOT_ORGANISERS_CHAT", "@organisers"),
        ("CONFBOT_ORGANISERS_LANG", "spanish"),
        ("CONFBOT_FEEDBACK", "maybe"),
        ("CONFBOT_FEEDBACK_AT", "7pm"),
    ],
)
def test_bad_organisers_and_feedback_values_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        load_settings({name: value})


@pytest.mark.parametrize("topic", ["general", "-3", "0", "45.5", "-1001234567890:45"])
def test_a_bad_organisers_topic_names_the_variable(topic: str) -> None:
    with pytest.raises(ConfigError, match="CONFBOT_ORGANISERS_TOPIC: .* not a forum topic id"):
        load_settings(
            {"CONFBOT_ORGANISERS_CHAT": "-1001234567890", "CONFBOT_ORGANISERS_TOPIC": topic}
        )


def test_an_organisers_topic_needs_the_organisers_chat() -> None:
    with pytest.raises(ConfigError, match="CONFBOT_ORGANISERS_TOPIC: set CONFBOT_ORGANISERS_CHAT"):
        load_settings({"CONFBOT_ORGANISERS_TOPIC": "45"})
