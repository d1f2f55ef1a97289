"""The Telegram adapter: handlers, menus, the rate-limited sender, the webhook."""

import os

# Opt in now to python-telegram-bot 23's `RetryAfter.retry_after` as a timedelta (22.x warns on
# every 429 otherwise); `limiter.retry_after_seconds` reads either form.
os.environ.setdefault("PTB_TIMEDELTA", "1")
