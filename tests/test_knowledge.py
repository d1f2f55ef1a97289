"""Loading and checking the organiser-edited knowledge base."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeError, check_knowledge, load_knowledge

ROOT = Path(__file__).resolve().parents[1]
EVENT = """\
event:
  name: {es: Semana, en: Week}
  city: {es: Quito, en: Quito}
  start_date: 2015-10-19
  end_date: 2015-10-23
  timezone: America/Guayaquil
  organiser: {es: BID, en: IDB}
venues:
  - id: hall
    name: {es: Sala, en: Hall}
    city: {es: Quito, en: Quito}
"""
SESSION = """\
sessions:
  - id: talk
    title: {es: Charla, en: Talk}
    summary: {es: Resumen, en: Summary}
    description: {es: Descripción, en: Description}
    date: 2015-10-20
    venue: hall
    questions: {es: [charla], en: [talk]}
"""


def write(tmp_path: Path, **files: str) -> Path:
    for name, text in files.items():
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_the_shipped_knowledge_base_is_valid_and_complete() -> None:
    kb = load_knowledge(ROOT / "knowledge")
    assert kb.event.start_date == dt.date(2015, 10, 19)
    assert kb.event.end_date == dt.date(2015, 10, 23)
    assert kb.event.timezone == "America/Guayaquil"
    assert {s.id for s in kb.sessions} >= {"dialogue", "subregional", "clinic", "advisory"}
    assert kb.sessions_on(dt.date(2015, 10, 22)) == ()
    visit = kb.session("field-visit")
    assert visit is not None and visit.part_of == "clinic" and visit.date is None
    for venue in kb.venues:  # the page gives no coordinates or addresses: none invented
        assert not venue.has_coordinates and venue.address is None


def test_a_valid_knowledge_base_loads(tmp_path: Path) -> None:
    kb = load_knowledge(write(tmp_path, event=EVENT, sessions=SESSION))
    talk = kb.session("talk")
    assert talk is not None and kb.session_venue(talk) == kb.venue("hall")


def test_yaml_syntax_errors_point_at_the_line(tmp_path: Path) -> None:
    write(tmp_path, event=EVENT, sessions=SESSION.replace("venue: hall", "venue: [hall"))
    problems = [str(p) for p in check_knowledge(tmp_path)]
    assert len(problems) == 1
    assert problems[0].startswith(f"{tmp_path / 'sessions.yaml'}:")
    assert "YAML syntax error" in problems[0]


def test_every_problem_is_reported_with_file_and_line(tmp_path: Path) -> None:
    broken = (
        SESSION.replace("en: Description", "fr: Description")
        .replace("venue: hall", "venue: nowhere")
        .replace("2015-10-20", "2015-11-30")
    )
    broken += "  - id: talk\n    title: {es: B, en: B}\n    summary: {es: B, en: B}\n"
    broken += "    description: {es: B, en: B}\n    date: 2015-10-21\n    venue: hall\n"
    broken += "    questions: {es: [b], en: [b]}\n    colour: red\n"
    write(tmp_path, event=EVENT, sessions=broken)
    problems = "\n".join(str(p) for p in check_knowledge(tmp_path))
    path = tmp_path / "sessions.yaml"
    assert f"{path}:5: session 'talk'.description: missing the 'en' text" in problems
    assert f"{path}:5: session 'talk'.description: unknown language 'fr'" in problems
    assert f"{path}:16: session 'talk': unknown field 'colour'" in problems
    assert "duplicate id 'talk'" in problems


def test_cross_references_are_checked(tmp_path: Path) -> None:
    write(tmp_path, event=EVENT, sessions=SESSION.replace("venue: hall", "venue: nowhere"))
    problems = [str(p) for p in check_knowledge(tmp_path)]
    assert problems == [
        f"{tmp_path / 'sessions.yaml'}:2: session 'talk': venue 'nowhere' is not a known venue"
    ]


def test_dates_outside_the_event_and_bad_times_are_refused(tmp_path: Path) -> None:
    bad = SESSION.replace("2015-10-20", "2015-11-30") + "    start: '25:00'\n"
    write(tmp_path, event=EVENT, sessions=bad)
    problems = "\n".join(str(p) for p in check_knowledge(tmp_path))
    assert "date 2015-11-30 is outside the event's dates" in problems
    assert "'25:00' is not a time (HH:MM)" in problems


def test_loading_is_all_or_nothing(tmp_path: Path) -> None:
    write(tmp_path, event=EVENT, sessions=SESSION, faq="faqs:\n  - id: x\n    answer: oops\n")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tmp_path)
    assert all(p.path.endswith("faq.yaml") for p in caught.value.problems)


def test_confbot_check_prints_problems_and_exits_1(tmp_path: Path) -> None:
    write(tmp_path, event=EVENT.replace("America/Guayaquil", "Mars/Olympus"))
    run = subprocess.run(
        [sys.executable, "-m", "bot", "check", str(tmp_path)], capture_output=True, text=True
    )
    assert run.returncode == 1
    assert f"{tmp_path / 'event.yaml'}:6: event.timezone: unknown time zone" in run.stdout


def test_confbot_check_accepts_the_shipped_knowledge_base() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "bot", "check", str(ROOT / "knowledge")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "OK" in run.stdout


def test_an_impossible_date_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    write(tmp_path, event=EVENT, sessions=SESSION.replace("2015-10-20", "2015-10-32"))
    assert [str(p) for p in check_knowledge(tmp_path)] == [
        f"{tmp_path / 'sessions.yaml'}:6: session 'talk'.date: '2015-10-32' is not a date "
        "(YYYY-MM-DD)"
    ]


def test_a_file_that_does_not_parse_does_not_cascade_into_other_files(tmp_path: Path) -> None:
    write(tmp_path, event="event: [\n", sessions=SESSION)
    problems = [str(p) for p in check_knowledge(tmp_path)]
    assert len(problems) == 1 and "event.yaml:2: YAML syntax error" in problems[0]
