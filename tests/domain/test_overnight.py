"""A session that runs past midnight (a party 22:00-02:00): read, shown and asked about."""

import datetime as dt
from pathlib import Path

import yaml
from icalendar import Calendar

from bot.domain.feedback import due_at
from bot.domain.knowledge import load_knowledge
from bot.domain.matcher import Matcher
from bot.i18n import Translator
from bot.texts.answers import render_text
from bot.texts.calendar import programme_ics

ROOT = Path(__file__).resolve().parents[2]
EVENT = {
    "languages": ["en"],
    "name": "Night Summit",
    "city": "Lima",
    "start_date": dt.date(2027, 5, 4),
    "end_date": dt.date(2027, 5, 5),
    "timezone": "America/Lima",
    "description": "A two-day summit.",
}
SESSIONS = [
    {"id": "talks", "title": "Evening talks", "date": dt.date(2027, 5, 4), "start": "18:00",
     "end": "20:00", "venue": "hall"},
    {"id": "party", "title": "Closing party", "date": dt.date(2027, 5, 4), "start": "22:00",
     "end": "02:00", "venue": "hall"},
]  # fmt: skip


def write_kb(folder: Path, sessions: list[dict[str, object]]) -> Path:
    folder.mkdir()
    venues = [{"id": "hall", "name": "Main hall"}]
    data = {"event": EVENT, "venues": venues, "sessions": sessions}
    (folder / "event.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def test_a_party_until_two_is_read_shown_and_running_before_midnight(tmp_path: Path) -> None:
    kb = load_knowledge(write_kb(tmp_path / "kb", SESSIONS))
    party = kb.session("party")
    assert party is not None and party.overnight and party.end_date == dt.date(2027, 5, 5)
    tr = Translator(ROOT / "locales")
    late = dt.datetime(2027, 5, 4, 23, 15, tzinfo=kb.event.tz)
    reply = Matcher(kb).answer("what's on now?", late)
    assert "party" in reply.sessions or reply.entry == "party"
    text = render_text(Matcher(kb).answer("when is the closing party?", late), kb, tr)
    assert "22:00" in text and "02:00" in text
    ics = Calendar.from_ical(programme_ics(kb, "en", tr, late))
    ends = {str(e["summary"]): e.decoded("dtend") for e in ics.walk("VEVENT")}
    assert ends["Closing party"] == dt.datetime(2027, 5, 5, 2, 0, tzinfo=kb.event.tz)
    assert due_at(kb, party, dt.time(19)) == dt.datetime(2027, 5, 5, 2, 0, tzinfo=kb.event.tz)


def test_after_midnight_the_party_of_the_night_before_is_still_on(tmp_path: Path) -> None:
    # 5 May, 01:10: the party dated 4 May runs until 02:00; 5 May lists nothing of its own.
    kb = load_knowledge(write_kb(tmp_path / "kb", SESSIONS))
    tr = Translator(ROOT / "locales")
    small_hours = dt.datetime(2027, 5, 5, 1, 10, tzinfo=kb.event.tz)
    for question in ("anything going on right now?", "what's on at 1:30?"):
        reply = Matcher(kb).answer(question, small_hours)
        assert reply.sessions == ("party",)
        text = render_text(reply, kb, tr)
        assert "Closing party" in text and "next after" not in text
    # Nothing of its day comes after a party that ends past midnight.
    after = Matcher(kb).answer("what's after the closing party?", small_hours)
    assert (after.relative, after.sessions) == ("after", ())
    assert render_text(after, kb, tr).startswith("Nothing more is scheduled after that")
    # At 02:30 it is over.
    later = Matcher(kb).answer("what's on now?", small_hours.replace(hour=2, minute=30))
    assert "party" not in later.sessions


def test_a_morning_end_before_a_morning_start_is_still_a_typo(tmp_path: Path) -> None:
    typo = [{**SESSIONS[0], "start": "10:00", "end": "09:00"}]
    problems = load_problems(write_kb(tmp_path / "kb", typo))
    assert any("end is not after start" in p for p in problems)


def load_problems(folder: Path) -> list[str]:
    from bot.domain.knowledge import KnowledgeError

    try:
        load_knowledge(folder)
    except KnowledgeError as exc:
        return [str(p) for p in exc.problems]
    return []
