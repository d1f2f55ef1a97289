"""/stats over a large question log answers, and never holds up anyone else's reply."""

from __future__ import annotations

import asyncio
import random
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

import pytest

from bot.domain import questions as question_stats
from bot.domain.questions import QuestionGroup
from bot.storage.db import Database
from tests.e2e.conftest import ADMIN, BotFactory
from tests.e2e.test_conversation import say
from tests.fakeapi import FakeBotApi

ATTENDEE = 4242
LOGGED = 10_000


async def seed(db: Path, count: int) -> None:
    """Log `count` questions, most of them long distinct misses (the worst case for grouping)."""
    await (await Database.open(db)).close()
    rng = random.Random(11)
    vocabulary = [
        "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(3, 9))) for _ in range(3000)
    ]
    rows = []
    for i in range(count):
        text = " ".join(rng.choices(vocabulary, k=rng.randint(5, 60)))
        kind, entry = ("entry", "wifi") if i % 4 == 0 else ("abstain", None)
        rows.append(("2015-10-21T12:00:00+00:00", None, text, "en", kind, entry, 50.0))
    rows += [("2015-10-21T12:00:00+00:00", None, "is there parking?", "en", "abstain", None, 9)] * 3
    with sqlite3.connect(db) as conn:
        conn.executemany(
            "INSERT INTO questions (asked_at, asker, text, lang, kind, entry, score)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


async def test_stats_over_ten_thousand_questions_does_not_delay_other_replies(
    api: FakeBotApi, start_bot: BotFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "confbot.sqlite3"
    await seed(db, LOGGED)
    grouping, release = threading.Event(), threading.Event()
    real = question_stats.group_similar

    def gated(
        texts: Iterable[str], threshold: float = question_stats.SIMILAR
    ) -> list[QuestionGroup]:
        # Hold the grouping until the other user has had their answer: if it ran on the event
        # loop, that answer could never be sent and this test would fail on a timeout.
        grouping.set()
        release.wait(timeout=30)
        return real(texts, threshold)

    monkeypatch.setattr(question_stats, "group_similar", gated)
    async with start_bot(CONFBOT_DB=str(db)):
        api.push_message(ADMIN, "/stats")
        for _ in range(300):  # the grouping starts (reading 10,000 rows first)
            if grouping.is_set():
                break
            await asyncio.sleep(0.05)
        assert grouping.is_set()
        try:
            [answer] = await say(api, ATTENDEE, "where is the clinic?")
        finally:
            release.set()
        await api.wait_for(lambda a: len(a.sent(ADMIN)) == 1, timeout=30)
    assert "Clinic" in answer.params["text"]
    [stats] = api.texts(ADMIN)
    assert f"total: {LOGGED + 3}" in stats  # read before the attendee asked
    assert "is there parking? — 3" in stats
