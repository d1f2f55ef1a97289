"""Day-before reminders: due computation in Quito time, catch-up, choices, changes, messages."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.domain.clock import FixedClock, parse_instant
from bot.domain.knowledge import KnowledgeBase, Localized, Session, load_knowledge
from bot.domain.reminders import (
    Announced,
    Subscriber,
    Subscription,
    Timing,
    changed_sessions,
    due_reminders,
    fingerprint,
    next_due,
    reminder_time,
    session_group,
    upcoming,
)
from bot.i18n import Translator
from bot.texts.reminders import Renderer

ROOT = Path(__file__).resolve().parents[2]
SIX_PM = dt.time(18, 0)
QUITO = dt.timezone(dt.timedelta(hours=-5))


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge(ROOT / "knowledge")


@pytest.fixture(scope="module")
def renderer(kb: KnowledgeBase) -> Renderer:
    return Renderer(kb, Translator(ROOT / "locales"))


def at(text: str) -> dt.datetime:
    return parse_instant(text, QUITO)


def subscriber(user_id: int, sessions: set[str] | None = None, lang: str = "en") -> Subscriber:
    chosen = None if sessions is None else frozenset(sessions)
    return Subscriber(Subscription(user_id, chosen), chat_id=user_id, language=lang)


def with_session(kb: KnowledgeBase, session_id: str, **changes: Any) -> KnowledgeBase:
    sessions = tuple(replace(s, **changes) if s.id == session_id else s for s in kb.sessions)
    return replace(kb, sessions=sessions)


def session(kb: KnowledgeBase, session_id: str) -> Session:
    found = kb.session(session_id)
    assert found is not None
    return found


def test_the_reminder_is_due_at_six_pm_quito_time_not_utc(kb: KnowledgeBase) -> None:
    clock = FixedClock(at("2015-10-18T22:59:00Z"))  # 17:59 in Quito
    everyone = [subscriber(1)]
    assert due_reminders(kb, clock.now(), SIX_PM, everyone, set()) == []

    clock.advance(minutes=1)  # 18:00 in Quito
    due = due_reminders(kb, clock.now(), SIX_PM, everyone, set())

    assert [(d.day.day, d.timing) for d in due] == [(dt.date(2015, 10, 19), Timing.ON_TIME)]
    assert [s.id for s in due[0].sessions] == ["dialogue"]


def test_next_due_is_the_coming_six_pm_in_quito(kb: KnowledgeBase) -> None:
    assert next_due(kb, at("2015-10-18T12:00:00Z"), SIX_PM) == at("2015-10-18T18:00:00")
    assert next_due(kb, at("2015-10-18T23:00:00Z"), SIX_PM) == at("2015-10-19T18:00:00")
    assert next_due(kb, at("2015-10-22T18:00:00"), SIX_PM) is None


def test_a_reminder_the_bot_missed_goes_out_late_until_the_day_begins(kb: KnowledgeBase) -> None:
    everyone = [subscriber(1)]

    late = due_reminders(kb, at("2015-10-18T23:30:00"), SIX_PM, everyone, set())
    missed = due_reminders(kb, at("2015-10-19T00:00:00"), SIX_PM, everyone, set())

    assert [(d.day.day, d.timing) for d in late] == [(dt.date(2015, 10, 19), Timing.LATE)]
    assert [(d.day.day, d.timing) for d in missed] == [(dt.date(2015, 10, 19), Timing.MISSED)]


def test_a_published_start_time_keeps_the_catch_up_open_until_then(kb: KnowledgeBase) -> None:
    timed = with_session(kb, "dialogue", start=dt.time(9, 0))
    everyone = [subscriber(1)]

    before = due_reminders(timed, at("2015-10-19T08:59:00"), SIX_PM, everyone, set())
    after = due_reminders(timed, at("2015-10-19T09:00:00"), SIX_PM, everyone, set())

    assert [d.timing for d in before if d.day.day.day == 19] == [Timing.LATE]
    assert [d.timing for d in after if d.day.day.day == 19] == [Timing.MISSED]


def test_only_chosen_sessions_are_reminded_and_the_field_visit_follows_the_clinic(
    kb: KnowledgeBase,
) -> None:
    people = [
        subscriber(1, {"field-visit"}),
        subscriber(2, {"subregional"}),
        subscriber(3, set()),
        subscriber(4),
    ]
    eve_of_20 = due_reminders(kb, at("2015-10-19T18:00:00"), SIX_PM, people, set())
    eve_of_21 = due_reminders(kb, at("2015-10-20T18:00:00"), SIX_PM, people, set())

    assert {(d.subscriber.user_id, d.day.day.day) for d in eve_of_20 if d.day.day.day == 20} == {
        (2, 20),
        (4, 20),
    }
    on_21 = {
        d.subscriber.user_id: [s.id for s in d.sessions] for d in eve_of_21 if d.day.day.day == 21
    }
    assert on_21 == {1: ["field-visit"], 4: ["clinic", "field-visit"]}


def test_choosing_the_clinic_in_a_menu_brings_its_field_visit(kb: KnowledgeBase) -> None:
    assert session_group(kb, "clinic") == {"clinic", "field-visit"}
    assert session_group(kb, "dialogue") == {"dialogue"}


def test_upcoming_lists_the_days_not_begun_with_the_chosen_sessions(kb: KnowledgeBase) -> None:
    chosen = Subscription(1, frozenset({"dialogue", "clinic", "field-visit"}))

    ahead = upcoming(kb, chosen, at("2015-10-19T09:00:00"), SIX_PM)

    assert [(d.day.day, [s.id for s in sessions]) for d, sessions in ahead] == [
        (21, ["clinic", "field-visit"])
    ]
    assert ahead[0][0].due_at == at("2015-10-20T18:00:00")


def test_recorded_reminders_are_not_due_again(kb: KnowledgeBase) -> None:
    people = [subscriber(1), subscriber(2)]
    recorded = {(1, dt.date(2015, 10, 19))}

    due = due_reminders(kb, at("2015-10-18T18:00:00"), SIX_PM, people, recorded)

    assert [d.subscriber.user_id for d in due] == [2]


def test_the_setting_overrides_the_knowledge_base_which_overrides_six_pm(kb: KnowledgeBase) -> None:
    without = replace(kb, event=replace(kb.event, reminder_at=None))
    at_five = replace(kb, event=replace(kb.event, reminder_at=dt.time(17, 0)))

    assert reminder_time(without) == SIX_PM
    assert reminder_time(at_five) == dt.time(17, 0)
    assert reminder_time(at_five, dt.time(20, 30)) == dt.time(20, 30)


def test_a_changed_venue_is_reported_once_per_reminded_user(kb: KnowledgeBase) -> None:
    told = [
        Announced(1, "clinic", fingerprint(session(kb, "clinic"))),
        Announced(2, "dialogue", fingerprint(session(kb, "dialogue"))),
    ]
    moved = with_session(kb, "clinic", venue="ecu911")

    changes = changed_sessions(moved, told, today=dt.date(2015, 10, 20))

    assert [(c.user_id, c.session.id, c.after.venue) for c in changes] == [(1, "clinic", "ecu911")]
    assert changed_sessions(kb, told, today=dt.date(2015, 10, 20)) == []


def test_changes_to_days_already_over_are_not_reported(kb: KnowledgeBase) -> None:
    told = [Announced(1, "dialogue", fingerprint(session(kb, "dialogue")))]
    moved = with_session(kb, "dialogue", venue="jw-marriott")

    assert changed_sessions(moved, told, today=dt.date(2015, 10, 21)) == []


def test_the_message_lists_what_when_where_and_know_with_buttons(
    kb: KnowledgeBase, renderer: Renderer
) -> None:
    clinic_day = due_reminders(kb, at("2015-10-20T18:00:00"), SIX_PM, [subscriber(1)], set())[-1]

    message = renderer.reminder(
        "en", clinic_day.day.day, clinic_day.sessions, Timing.ON_TIME, dt.date(2015, 10, 20), SIX_PM
    )

    assert "Reminder: tomorrow, Wednesday 21 October 2015" in message.text
    assert "7th Citizen Security Clinic" in message.text
    assert "time to be confirmed by the organisers" in message.text
    assert (
        "JW Marriott Hotel, Quito, Ecuador (address to be confirmed by the organisers)"
        in message.text
    )
    assert "which have held this annual training since 2008" in message.text
    visit = message.text.split("Field visit:")[1]
    assert "date and time to be confirmed by the organisers" in visit
    assert "21" not in visit
    assert "late" not in message.text
    data = [b.callback_data for row in message.buttons for b in row]
    assert data == ["1venue:jw-marriott", "1ics:clinic"]


def test_the_message_is_in_spanish_for_a_spanish_subscriber(
    renderer: Renderer, kb: KnowledgeBase
) -> None:
    dialogue = session(kb, "dialogue")
    eve = dt.date(2015, 10, 18)

    message = renderer.reminder("es", dt.date(2015, 10, 19), (dialogue,), Timing.LATE, eve, SIX_PM)

    assert "Recordatorio: mañana, lunes 19 de octubre de 2015" in message.text
    assert "Tercer Diálogo Regional de Política sobre Seguridad Ciudadana" in message.text
    assert "horario por confirmar por los organizadores" in message.text
    assert "Este recordatorio llega tarde" in message.text
    assert "Reminder" not in message.text


def test_knowledge_base_texts_are_html_escaped(renderer: Renderer, kb: KnowledgeBase) -> None:
    risky = with_session(kb, "dialogue", title=Localized.of(es="A <b> & C", en="A <b> & C"))
    dialogue = session(risky, "dialogue")

    message = Renderer(risky, renderer.translator).reminder(
        "en", dt.date(2015, 10, 19), (dialogue,), Timing.ON_TIME, dt.date(2015, 10, 18), SIX_PM
    )

    assert "A &lt;b&gt; &amp; C" in message.text
    assert "A <b> & C" not in message.text


V2_KB = """\
event:
  languages: [en, es]
  name: Data Days
  start_date: 2027-03-10
  end_date: 2027-03-11
  timezone: America/Bogota
venues:
  - id: hall
    name: Convention Centre
    city: Bogotá
    address: Carrera 7 32-16
sessions:
  - id: opening
    title: Opening
    date: 2027-03-10
    start: "09:00"
    end: "10:00"
    venue: hall
    room: Room A
    speakers: [{name: Ana Pérez}, {name: Bruno Silva}]
  - id: lab
    title: Data lab
    part_of: opening
    start: "09:30"
    end: "09:50"
"""


def test_a_reminder_shows_room_speakers_and_a_timed_part_at_its_own_time(tmp_path: Path) -> None:
    (tmp_path / "kb.yaml").write_text(V2_KB, encoding="utf-8")
    kb = load_knowledge(tmp_path)
    renderer = Renderer(kb, Translator(ROOT / "locales"))
    [day] = due_reminders(kb, at("2027-03-09T18:00:00"), SIX_PM, [subscriber(1)], set())

    message = renderer.reminder(
        "en", day.day.day, day.sessions, Timing.ON_TIME, dt.date(2027, 3, 9), SIX_PM
    )

    assert [s.id for s in day.sessions] == ["opening", "lab"]
    assert "Where: Room A, Convention Centre, Carrera 7 32-16, Bogotá" in message.text
    assert "Speakers: Ana Pérez, Bruno Silva" in message.text
    lab = message.text.split("Data lab")[1]
    assert "9:30" in lab and "9:50" in lab and "to be confirmed" not in lab
