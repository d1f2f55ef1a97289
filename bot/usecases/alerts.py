"""Trouble the organisers must hear about, told once per episode (not once per failure)."""

from __future__ import annotations

import asyncio
import html
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping

from bot.domain.delivery import Deliver, Outcome, OutgoingMessage
from bot.i18n import N_, Translator
from bot.storage.users import UserStore
from bot.texts.outgoing import messages

log = logging.getLogger(__name__)
FAILURES_BEFORE_ALERT = 3  # a periodic job failing this many times in a row is an episode

DATABASE_UNWRITABLE = N_(
    "⚠️ I cannot write to my database ({state}: {error}). Attendees still get their answers, "
    "but questions, language choices and subscriptions are not being saved. Free some disk "
    "space or check the file's permissions; /healthz shows the database's state. I will not "
    "repeat this message until the database has recovered."
)
JOB_FAILING = N_(
    "⚠️ The periodic task “{job}” has failed {count} times in a row (last error: {error}). "
    "I keep retrying; the log has the details."
)

# What the organisers read for each periodic job.
JOBS = {
    "reminders": N_("sending reminders"),
    "purge": N_("deleting old questions"),
    "feedback": N_("sending session feedback requests"),
}

# Renders and sends one alert (message id + its values) to every organiser.
Notify = Callable[[str, Mapping[str, object]], Awaitable[None]]


class Alerts:
    """Raise an alert once until it is cleared; count each periodic job's failures in a row."""

    def __init__(self, notify: Notify | None = None) -> None:
        self.notify = notify  # None: logged only (the CLI tools, which send nothing)
        self._raised: set[str] = set()
        self._failures: Counter[str] = Counter()
        self._tasks: set[asyncio.Task[None]] = set()

    def raise_once(self, key: str, message: str, **values: object) -> bool:
        """Tell the organisers `message` unless `key` is already raised; return whether told."""
        if key in self._raised:
            return False
        self._raised.add(key)
        log.error("alert %s: %s", key, message.format(**values))
        if self.notify is not None:
            task = asyncio.get_running_loop().create_task(self._send(message, values))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return True

    def clear(self, key: str) -> None:
        """The trouble is over: a new episode will be told again."""
        if key in self._raised:
            log.info("alert %s: recovered", key)
            self._raised.discard(key)

    def job_failed(self, job: str, error: BaseException) -> None:
        """Count a failure of a periodic job; alert at FAILURES_BEFORE_ALERT in a row."""
        self._failures[job] += 1
        count = self._failures[job]
        if count >= FAILURES_BEFORE_ALERT:
            label = JOBS.get(job, job)
            self.raise_once(f"job:{job}", JOB_FAILING, job=label, count=count, error=_short(error))

    def job_succeeded(self, job: str) -> None:
        self._failures.pop(job, None)
        self.clear(f"job:{job}")

    async def _send(self, message: str, values: Mapping[str, object]) -> None:
        assert self.notify is not None
        try:
            await self.notify(message, values)
        except Exception:
            log.exception("could not tell the organisers about a problem")


async def tell_organisers(
    notify: Deliver, users: UserStore, admins: frozenset[int], render: Callable[[str], str]
) -> None:
    """Send every organiser (CONFBOT_ADMINS) `render(lang)`, HTML in their own language.

    The one way organisers' notices go out: alerts, reload reports, the organisers' chat's
    troubles. A long text is split as Telegram needs.
    """
    for admin in sorted(admins):
        user = await users.get(admin)
        for out in messages(render(user.language if user else "en")):
            assert isinstance(out, OutgoingMessage)
            outcome = await notify(admin, out)
            if outcome is not Outcome.DELIVERED:  # e.g. an organiser who never started the bot
                log.warning("could not tell organiser %s: %s", admin, outcome)
                break


def telling_organisers(
    notify: Deliver, users: UserStore, translator: Translator, admins: frozenset[int]
) -> Notify:
    """Return a `Notify` that sends an alert to every organiser, each in their language."""

    async def tell(message: str, values: Mapping[str, object]) -> None:
        def render(lang: str) -> str:
            catalog = translator.get(lang)
            # Values that are catalog messages (a job's name) are translated too.
            local = {k: catalog.gettext(v) if isinstance(v, str) else v for k, v in values.items()}
            return html.escape(catalog.gettext(message).format(**local))

        await tell_organisers(notify, users, admins, render)

    return tell


def _short(error: BaseException) -> str:
    text = f"{type(error).__name__}: {error}"
    return text if len(text) <= 200 else text[:199] + "…"
