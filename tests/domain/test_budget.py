"""The send budget: Telegram's limits counted from the sending side, on plain numbers."""

from __future__ import annotations

import pytest

from bot.domain.budget import NEVER, SendBudget
from bot.domain.flood import FloodGuard, RepeatedPresses, Verdict


def test_the_window_holds_a_message_from_departure_to_one_second_after_its_answer() -> None:
    budget = SendBudget(per_second=2, chat_burst=5)
    budget.depart(1, now=0.0)
    budget.depart(2, now=0.0)

    assert budget.free_at(0.1) == NEVER  # both in flight: only an answer frees a place
    budget.land(1, now=0.2)
    assert budget.free_at(0.3) == 1.2  # one second after the first answer
    budget.land(2, now=0.25)
    assert budget.free_at(1.2) == 1.2
    assert budget.free_at(1.3) == 1.3


def test_a_chat_gets_a_burst_then_one_message_a_second_counted_from_each_answer() -> None:
    budget = SendBudget(per_second=30, chat_burst=2, chat_per_second=1.0)
    for at in (0.0, 0.05):
        assert budget.chat_free_at(7, at) == at
        budget.depart(7, at)
        assert budget.chat_free_at(7, at) == NEVER  # one message in flight per chat
        budget.land(7, at + 0.01)

    # Refilled from each answer: 0.04 of a message between the two, the rest after the second.
    assert budget.chat_free_at(7, 0.1) == pytest.approx(0.06 + 0.96)
    assert budget.chat_free_at(8, 0.1) == 0.1  # other chats are not held back
    assert budget.chat_is_busy(7, 0.1) and not budget.chat_is_busy(8, 0.1)
    assert not budget.chat_is_busy(7, 5.0)


def test_flood_waits_pause_everything_or_one_chat() -> None:
    budget = SendBudget(per_second=30)
    budget.depart(3, 0.0)
    budget.land(3, 0.0)
    budget.pause_chat(3, until=25.0)
    assert budget.chat_free_at(3, 1.0) == 25.0
    assert budget.free_at(1.0) == 1.0

    budget.pause_all(until=10.0)
    assert budget.free_at(1.0) == 10.0
    assert budget.free_at(11.0) == 11.0


def test_button_presses_share_the_flood_guard_and_repeats_are_recognised() -> None:
    guard, presses = FloodGuard(burst=3, per_second=1.0), RepeatedPresses(window=3.0)
    verdicts = [guard.check(1, 0.0) for _ in range(5)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.WARN, Verdict.DROP]

    key = (1, 1, 42, "ics:clinic")
    assert [presses.is_repeat(key, t) for t in (0.0, 0.5, 2.9)] == [False, True, True]
    assert not presses.is_repeat(key, 3.5)  # a new press, a few seconds later
    assert not presses.is_repeat((1, 1, 43, "ics:clinic"), 3.6)  # another message's button
