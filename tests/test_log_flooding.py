"""Strangers cannot flood the log: one warning per kind of bad request per minute."""

from __future__ import annotations

import logging

import pytest

from bot.logs import Throttled


def test_a_flood_of_bad_requests_logs_one_line_then_a_count(
    caplog: pytest.LogCaptureFixture,
) -> None:
    throttled = Throttled(logging.getLogger("flood-test"), every=3600.0)
    with caplog.at_level(logging.WARNING):
        for _ in range(1000):
            throttled.warning("401", "rejected a request without the secret")
        throttled.warning("400", "ignored a malformed update", exc_info=False)
    assert [r.getMessage() for r in caplog.records] == [
        "rejected a request without the secret",
        "ignored a malformed update",
    ]
    caplog.clear()
    throttled.every = 0.0  # the minute is over
    with caplog.at_level(logging.WARNING):
        throttled.warning("401", "rejected a request without the secret")
    [line] = [r.getMessage() for r in caplog.records]
    assert line == "rejected a request without the secret (and 999 more like it in the last 0 s)"
