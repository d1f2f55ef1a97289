"""The sweeps' wake-ups (reminders, feedback requests): at start, every TICK s, when next due.

JobQueue jobs are not persisted, so they only wake a sweep: the database is the source of truth
and every sweep is idempotent. A sweep runs at start (catch-up), every TICK seconds (a new
subscriber's due message waits at most that), and at the instant the next day's messages come
due. The sweep itself runs in its own task, so a stop can let the message in flight settle.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from typing import Protocol

from apscheduler.jobstores.base import JobLookupError
from telegram.ext import Job, JobQueue

from bot.domain.clock import Clock
from bot.domain.delivery import OutcomeCounts
from bot.telegram.context import BotContext
from bot.usecases.alerts import Alerts

log = logging.getLogger(__name__)
TICK = 30.0  # seconds between sweeps: a new subscriber's due reminder waits at most this
SLACK = 0.1  # wake a little after the due instant, never just before it
STOP_TIMEOUT = 10.0  # how long shutdown lets the message in flight settle before cancelling


class Sweep(Protocol):
    """An idempotent delivery sweep (reminders, feedback requests) that a scheduler wakes."""

    async def sweep(self) -> OutcomeCounts: ...
    async def close(self) -> None: ...
    def next_due(self) -> dt.datetime | None: ...


class SweepScheduler:
    """Wake a sweep at start, every TICK seconds and when the next day is due."""

    def __init__(
        self,
        service: Sweep,
        jobs: JobQueue[BotContext],
        clock: Clock,
        name: str = "reminders",
        alerts: Alerts | None = None,
    ) -> None:
        self.name = name
        self.service = service
        self.alerts = alerts or Alerts()  # told of each sweep: 3 failures in a row alert
        self.jobs = jobs
        self.clock = clock
        self._task: asyncio.Task[None] | None = None
        self._again = False
        self._repeating: Job[BotContext] | None = None
        self._wakeup: Job[BotContext] | None = None
        self._wakeup_for: dt.datetime | None = None
        self._stopped = False

    def start(self) -> None:
        """Sweep now (catch-up after downtime), then on schedule."""
        self._kick()
        self._repeating = self.jobs.run_repeating(
            self._tick,
            interval=TICK,
            first=TICK,
            name=self.name,
            job_kwargs={"max_instances": 1, "coalesce": True},
        )

    async def stop(self) -> None:
        """Remove the jobs; let the message in flight settle, then stop the sweep."""
        self._stopped = True
        for job in (self._repeating, self._wakeup):
            if job is not None:
                with contextlib.suppress(JobLookupError):
                    job.schedule_removal()
        self._repeating = self._wakeup = None
        try:
            await asyncio.wait_for(self.service.close(), STOP_TIMEOUT)
        except TimeoutError:
            log.warning(
                "the %s sweep did not stop in %.0f s: cancelling it", self.name, STOP_TIMEOUT
            )
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _tick(self, context: BotContext) -> None:
        if context.job is not None and context.job is self._wakeup:
            self._wakeup = None  # it has fired: the next plan schedules a new one
        self._kick()

    def _kick(self) -> None:
        if self._stopped:
            return
        # The sweep runs in its own task, not the job's: stopping the application would
        # otherwise wait for a long delivery to finish before shutdown could interrupt it.
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name=f"{self.name}-sweep")
        else:
            self._again = True  # a sweep is running: one more after it, never two at once

    async def _run(self) -> None:
        while True:
            self._again = False
            try:
                report = await self.service.sweep()
                if report.done or getattr(report, "skipped", 0):
                    log.info("%s sweep: %s", self.name, report)
                self.alerts.job_succeeded(self.name)
            except Exception as exc:
                log.exception("the %s sweep failed; the next tick retries", self.name)
                self.alerts.job_failed(self.name, exc)
            if not self._again:
                break
        self._plan()

    def _plan(self) -> None:
        """Schedule one wake-up at the next due instant (the bot's clock, in real seconds)."""
        due = self.service.next_due()
        if self._stopped or due is None or (self._wakeup is not None and due == self._wakeup_for):
            return
        if self._wakeup is not None:
            with contextlib.suppress(JobLookupError):
                self._wakeup.schedule_removal()
        delay = max((due - self.clock.now()).total_seconds(), 0.0) + SLACK
        self._wakeup = self.jobs.run_once(self._tick, when=delay, name=f"{self.name}-due")
        self._wakeup_for = due
