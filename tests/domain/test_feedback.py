"""Session feedback: when each request is due, who gets it, and how ratings are summarised."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from bot.domain.feedback import Rating, due_at, due_feedback, next_due, summarise_feedback
from bot.domain.knowledge import KnowledgeBase
from bot.domain.reminders import Subscriber, Subscription

QUITO = dt.timezone(dt.timedelta(hours=-5))
SEVEN_PM = dt.time(19, 0)


def subscriber(user_id: int, sessions: frozenset[str] | None = None) -> Subscriber:
    return Subscriber(Subscription(user_id, sessions), user_id, "en")


def test_a_session_without_an_end_time_is_due_at_the_feedback_time_on_its_day(
    kb: KnowledgeBase,
) -> None:
    dialogue = kb.session("dialogue")
    assert dialogue is not None and dialogue.end is None
    assert due_at(kb, dialogue, SEVEN_PM) == dt.datetime(2015, 10, 19, 19, 0, tzinfo=QUITO)


def test_a_session_with_an_end_time_is_due_when_it_ends(kb: KnowledgeBase) -> None:
    dialogue = kb.session("dialogue")
    assert dialogue is not None
    timed = replace(dialogue, start=dt.time(9, 0), end=dt.time(12, 30))
    assert due_at(kb, timed, SEVEN_PM) == dt.datetime(2015, 10, 19, 12, 30, tzinfo=QUITO)


def test_a_session_whose_date_is_not_confirmed_gets_no_request(kb: KnowledgeBase) -> None:
    visit = kb.session("field-visit")
    assert visit is not None
    assert due_at(kb, visit, SEVEN_PM) is None


def test_only_subscribers_of_ended_sessions_not_asked_yet_and_not_opted_out_are_due(
    kb: KnowledgeBase,
) -> None:
    now = dt.datetime(2015, 10, 19, 19, 0, tzinfo=QUITO)
    everyone, clinic_only, asked, opted = (
        subscriber(1), subscriber(2, frozenset({"clinic"})), subscriber(3), subscriber(4),
    )  # fmt: skip
    due = due_feedback(
        kb, now, SEVEN_PM, [everyone, clinic_only, asked, opted], {(3, "dialogue")}, {4}
    )
    assert [(d.subscriber.user_id, d.session.id, d.missed) for d in due] == [(1, "dialogue", False)]
    assert due_feedback(kb, now - dt.timedelta(seconds=1), SEVEN_PM, [everyone], set()) == []


def test_a_request_more_than_twelve_hours_late_is_missed_not_sent(kb: KnowledgeBase) -> None:
    def missed(at: dt.datetime) -> dict[str, bool]:
        return {
            d.session.id: d.missed for d in due_feedback(kb, at, SEVEN_PM, [subscriber(1)], set())
        }

    assert missed(dt.datetime(2015, 10, 20, 6, 59, tzinfo=QUITO)) == {"dialogue": False}
    assert missed(dt.datetime(2015, 10, 20, 7, 1, tzinfo=QUITO)) == {"dialogue": True}


def test_the_next_wake_up_is_the_next_sessions_due_instant(kb: KnowledgeBase) -> None:
    before = dt.datetime(2015, 10, 19, 18, 59, 30, tzinfo=QUITO)
    assert next_due(kb, before, SEVEN_PM) == dt.datetime(2015, 10, 19, 19, 0, tzinfo=QUITO)
    assert next_due(kb, dt.datetime(2015, 10, 24, tzinfo=QUITO), SEVEN_PM) is None


def test_ratings_are_counted_averaged_and_spread_per_session_with_comments() -> None:
    ratings = [
        Rating("clinic", 5, None),
        Rating("dialogue", 4, "Great panel"),
        Rating("dialogue", 2, None),
        Rating("dialogue", None, "No rating, only words"),
    ]
    dialogue, clinic = summarise_feedback(ratings, ["dialogue", "subregional", "clinic"])
    assert (dialogue.session_id, dialogue.count, dialogue.average) == ("dialogue", 2, 3.0)
    assert dialogue.distribution == {1: 0, 2: 1, 3: 0, 4: 1, 5: 0}
    assert dialogue.comments == ("Great panel", "No rating, only words")
    assert (clinic.count, clinic.average, clinic.comments) == (1, 5.0, ())
