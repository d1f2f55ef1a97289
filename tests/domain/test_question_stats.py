"""What attendees could not get answered: misses grouped by similarity, counted and ranked."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.domain.knowledge import load_knowledge
from bot.domain.questions import LoggedQuestion, group_similar, normalise, summarise
from bot.domain.revisions import compare

ROOT = Path(__file__).resolve().parents[2]
QUITO = ZoneInfo("America/Guayaquil")
NOON_20 = dt.datetime(2015, 10, 20, 12, 0, tzinfo=QUITO)


def asked(text: str, kind: str = "abstain", entry: str | None = None, at=NOON_20) -> LoggedQuestion:
    return LoggedQuestion(text, "en", kind, entry, 90.0 if entry else 10.0, at)


def test_misses_are_grouped_by_similarity_and_counted() -> None:
    misses = [
        "Is there parking?",
        "is there parking?",
        "Is there parking?",
        "where is the parking",
        "parkin??",
        "What is the wifi password?",
        "wifi password",
        "Can I bring my kids?",
    ]
    groups = group_similar(misses)
    assert [(g.label, g.count) for g in groups] == [
        ("Is there parking?", 5),
        ("What is the wifi password?", 2),
        ("Can I bring my kids?", 1),
    ]
    assert groups[0].variants[0] == "Is there parking?"  # the most frequent wording leads
    assert set(groups[0].variants) == {
        "Is there parking?", "is there parking?", "where is the parking", "parkin??",
    }  # fmt: skip


def test_questions_sharing_only_small_words_stay_apart() -> None:
    groups = group_similar(["what is the dress code?", "what is the wifi?", "what is the menu?"])
    assert sorted(g.count for g in groups) == [1, 1, 1]


def test_spanish_misses_group_despite_accents_and_plurals() -> None:
    groups = group_similar(["¿Hay parqueaderos?", "hay parqueadero", "¿Hay parqueaderos?"])
    assert [(g.label, g.count) for g in groups] == [("¿Hay parqueaderos?", 3)]


def test_questions_without_words_are_still_counted() -> None:
    groups = group_similar(["???", "???", "🙂", "  "])
    assert [(g.label, g.count) for g in groups] == [("???", 2), ("🙂", 1)]


def test_normalise_keeps_the_topic_words() -> None:
    assert normalise("¿Dónde están las Sesiones?") == normalise("donde sesión")
    assert normalise("What's the dress code?") == "dress code"


def test_summary_counts_today_in_event_time_answer_rate_and_top_entries() -> None:
    late_on_19 = dt.datetime(2015, 10, 19, 23, 30, tzinfo=QUITO)  # 04:30 UTC on the 20th
    questions = [
        asked("where is the clinic?", "entry", "clinic"),
        asked("clinic venue", "entry", "clinic"),
        asked("what's on today", "schedule", "dialogue"),
        asked("is there parking?"),
        asked("parking?", at=late_on_19),
        asked("who organises it?", "entry", "organiser", at=late_on_19),
    ]
    stats = summarise(questions, today=NOON_20.date(), tz=QUITO)
    assert (stats.today, stats.total, stats.answered) == (4, 6, 4)
    assert stats.answer_rate == 4 / 6
    assert stats.top_entries == (("clinic", 2), ("organiser", 1), ("schedule", 1))
    assert [(g.label, g.count) for g in stats.top_unanswered] == [("is there parking?", 2)]


def test_no_questions_has_no_answer_rate() -> None:
    stats = summarise([], today=NOON_20.date(), tz=QUITO)
    assert (stats.total, stats.answer_rate, stats.top_unanswered) == (0, None, ())


def test_a_revision_names_the_sessions_and_faqs_that_changed() -> None:
    old = load_knowledge(ROOT / "knowledge")
    moved = replace(old.sessions[0], start=dt.time(7, 0))
    new = replace(old, sessions=(moved, *old.sessions[1:]), faqs=old.faqs[1:])
    revision = compare(old, new)
    assert revision.sessions.changed == (moved.id,)
    assert (revision.sessions.before, revision.sessions.after) == (len(old.sessions),) * 2
    assert revision.faqs.removed == (old.faqs[0].id,)
    assert revision.faqs.after == len(old.faqs) - 1
    assert not revision.other
    assert not compare(old, old).any
