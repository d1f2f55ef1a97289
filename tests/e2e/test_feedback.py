"""End to end: session feedback on the shipped knowledge base, on a clock the test moves.

The Dialogue (19 October 2015) has no end time, so its requests go out at CONFBOT_FEEDBACK_AT
(default 19:00, event-local) that day.
"""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from bot.domain.clock import FixedClock
from bot.telegram import sweeps
from tests.e2e.conftest import ADMIN, BotFactory
from tests.e2e.test_conversation import buttons, say
from tests.fakeapi import Call, FakeBotApi

ALICE, BETO, OPTED_OUT, LATECOMER = 501, 502, 503, 504
HALF_A_MINUTE_BEFORE = dt.datetime.fromisoformat("2015-10-19T18:59:30-05:00")
A_MINUTE_AFTER = "2015-10-19T19:01:00"
WAIT = 15.0  # for a sweep, on a loaded machine


def _said(api: FakeBotApi, chat: int, text: str) -> list[Call]:
    return [c for c in api.sent(chat) if text in str(c.params.get("text", ""))]


def requests(api: FakeBotApi, chat: int) -> list[Call]:
    return [
        c
        for c in api.sent(chat)
        if str(c.params.get("text", "")).startswith(("How was", "¿Qué tal"))
    ]


async def test_the_dialogues_subscribers_are_asked_once_and_a_rating_counts(
    api: FakeBotApi, start_bot: BotFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The clock stands at 18:59:30 until the test moves it; sweeps run every 0.1 s (30 s in
    # service), so the one after the move sends the requests without waiting in real time.
    clock = FixedClock(HALF_A_MINUTE_BEFORE)
    monkeypatch.setattr(sweeps, "TICK", 0.1)
    async with start_bot(clock=clock, CONFBOT_FEEDBACK="on"):
        await say(api, ALICE, "/subscribe", language_code="en")
        await say(api, BETO, "/subscribe", language_code="es")
        await say(api, OPTED_OUT, "/subscribe")
        # (Tomorrow's reminder, late at 18:59, may reach this chat before or after the reply.)
        api.push_message(OPTED_OUT, "/feedback off")
        await api.wait_for(lambda a: bool(_said(a, OPTED_OUT, "Feedback requests are off")))
        [off] = _said(api, OPTED_OUT, "Feedback requests are off")
        await asyncio.sleep(0.5)  # a few sweeps at 18:59:30 (a slow machine runs fewer)
        assert requests(api, ALICE) == []  # not before 19:00
        clock.advance(seconds=30)
        await api.wait_for(lambda a: bool(requests(a, ALICE) and requests(a, BETO)), WAIT)
        [request] = requests(api, ALICE)
        assert (
            "How was <b>Third Regional Policy Dialogue on Citizen Security</b>?"
            in (request.params["text"])
        )
        labels = [label for label, _data in buttons(request)]
        assert labels == ["1 ⭐", "2 ⭐", "3 ⭐", "4 ⭐", "5 ⭐", "💬 Comment"]

        message_id = request.result["message_id"]
        api.push_callback(ALICE, "1fb:dialogue:3", message_id)
        await api.wait_for(1, method="answerCallbackQuery")
        api.push_callback(ALICE, "1fb:dialogue:4", message_id)  # a later press changes it
        await api.wait_for(2, method="answerCallbackQuery")
        first, second = api.sent(method="answerCallbackQuery")
        await api.wait_for(lambda a: len(a.sent(ALICE, "editMessageText")) == 2)
        [comment] = await say(api, ALICE, "Great panel, too short")
        [stats] = await say(api, ADMIN, "/stats")
        await say(api, LATECOMER, "/subscribe")  # after 19:00's sweep, just before a restart
    assert "Feedback requests are off" in off.params["text"]
    assert first.params["text"] == "Thank you! You rated it 3 of 5."
    assert second.params["text"] == "Thank you! You rated it 4 of 5."
    assert "You rated it 4 of 5" in api.sent(ALICE, "editMessageText")[-1].params["text"]
    assert (
        "comment on Third Regional Policy Dialogue on Citizen Security is saved"
        in (comment.params["text"])
    )
    text = stats.params["text"]
    assert "dialogue — ratings: 1, average 4.0 (1★ 0 2★ 0 3★ 0 4★ 1 5★ 0)" in text
    assert "Great panel, too short" in text and str(ALICE) not in text
    assert "¿Qué tal" in requests(api, BETO)[0].params["text"]
    assert requests(api, OPTED_OUT) == []

    async with start_bot(CONFBOT_NOW=A_MINUTE_AFTER, CONFBOT_FEEDBACK="on"):
        await api.wait_for(lambda a: bool(requests(a, LATECOMER)), WAIT)
        [hello] = await say(api, ALICE, "/start")
    assert len(requests(api, ALICE)) == len(requests(api, BETO)) == 1
    assert len(requests(api, LATECOMER)) == 1
    assert "How was" not in hello.params["text"]
