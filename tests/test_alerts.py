"""Organisers hear about trouble once per episode: a job failing 3 times in a row, a full disk."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from bot.usecases.alerts import JOB_FAILING, Alerts


async def test_a_job_failing_three_times_in_a_row_is_told_once_per_episode() -> None:
    told: list[tuple[str, Mapping[str, object]]] = []

    async def notify(message: str, values: Mapping[str, object]) -> None:
        told.append((message, values))

    alerts = Alerts(notify)
    for _ in range(2):
        alerts.job_failed("reminders", RuntimeError("boom"))
    alerts.job_succeeded("reminders")  # a success in between: the count starts again
    for _ in range(2):
        alerts.job_failed("reminders", RuntimeError("boom"))
    await asyncio.sleep(0)
    assert told == []
    for _ in range(5):
        alerts.job_failed("reminders", RuntimeError("boom"))
    await asyncio.sleep(0)
    assert told == [
        (JOB_FAILING, {"job": "sending reminders", "count": 3, "error": "RuntimeError: boom"})
    ]
    alerts.job_succeeded("reminders")
    for _ in range(3):
        alerts.job_failed("reminders", RuntimeError("again"))
    await asyncio.sleep(0)
    assert len(told) == 2  # a new episode is told again


async def test_a_failing_notification_is_logged_not_raised() -> None:
    async def notify(message: str, values: Mapping[str, object]) -> None:
        raise ConnectionError("telegram unreachable")

    alerts = Alerts(notify)
    assert alerts.raise_once("database", "x") is True
    assert alerts.raise_once("database", "x") is False
    await asyncio.sleep(0.01)
