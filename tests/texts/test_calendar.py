"""The .ics a user adds to their calendar: real times, room and venue in LOCATION."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar

from bot.domain.knowledge import load_knowledge
from bot.i18n import Translator
from bot.texts.calendar import programme_ics
from tests.domain.test_reminders import V2_KB

ROOT = Path(__file__).resolve().parents[2]
STAMP = dt.datetime(2027, 3, 1, tzinfo=dt.UTC)


def test_a_timed_session_and_its_timed_part_get_real_times_room_and_venue(tmp_path: Path) -> None:
    (tmp_path / "kb.yaml").write_text(V2_KB, encoding="utf-8")
    kb = load_knowledge(tmp_path)

    ics = Calendar.from_ical(programme_ics(kb, "en", Translator(ROOT / "locales"), STAMP))

    events = {str(e["uid"]).split("@")[0]: e for e in ics.walk("VEVENT")}
    lab = events["lab"]
    assert lab.decoded("dtstart") == dt.datetime(2027, 3, 10, 9, 30, tzinfo=kb.event.tz)
    assert lab.decoded("dtend") == dt.datetime(2027, 3, 10, 9, 50, tzinfo=kb.event.tz)
    assert str(lab["location"]) == "Room A, Convention Centre, Carrera 7 32-16, Bogotá"
    assert str(events["opening"]["location"]).startswith("Room A, Convention Centre")


def test_the_shipped_programme_keeps_all_day_events_and_no_invented_address() -> None:
    kb = load_knowledge(ROOT / "knowledge")

    ics = Calendar.from_ical(programme_ics(kb, "en", Translator(ROOT / "locales"), STAMP))

    events = {str(e["uid"]).split("@")[0]: e for e in ics.walk("VEVENT")}
    assert events["dialogue"].decoded("dtstart") == dt.date(2015, 10, 19)
    assert str(events["dialogue"]["location"]) == "ECU 911, Quito, Ecuador"
    assert "field-visit" not in events  # its date is not published: no invented slot


def test_two_events_sessions_of_the_same_id_are_two_calendar_entries(tmp_path: Path) -> None:
    # `confbot init` names its first session "opening" in every knowledge base: an attendee of
    # two such events must not see one opening replace the other in their calendar.
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        other = V2_KB.replace("name: Data Days", "name: Data Days Lima") if name == "b" else V2_KB
        (tmp_path / name / "kb.yaml").write_text(other, encoding="utf-8")
    uids = []
    for name in ("a", "b", "a"):
        kb = load_knowledge(tmp_path / name)
        ics = Calendar.from_ical(programme_ics(kb, "en", Translator(ROOT / "locales"), STAMP))
        uids.append({str(e["uid"]) for e in ics.walk("VEVENT")})
    assert uids[0] == uids[2]  # the same event exported again updates the same entries
    assert not uids[0] & uids[1]
