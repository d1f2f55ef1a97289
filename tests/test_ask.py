"""`confbot ask`: the contract the Telegram bot, organisers and outside tests rely on."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
KEYS = {"question", "lang", "entry", "score", "answer", "suggestions"}


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CONFBOT_NOW", "CONFBOT_KNOWLEDGE", "CONFBOT_LOCALES"):
        monkeypatch.delenv(name, raising=False)


def ask(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = main(["ask", *argv])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_json_has_exactly_the_contract_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = ask(capsys, "--json", "--now", "2015-10-19T09:00", "where is the clinic?")
    assert code == 0 and len(lines) == 1
    answer = json.loads(lines[0])
    assert set(answer) == KEYS
    assert (answer["entry"], answer["lang"], answer["suggestions"]) == ("clinic", "en", [])
    assert isinstance(answer["score"], float) and "JW Marriott" in answer["answer"]


def test_an_abstention_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, lines, _ = ask(capsys, "--json", "¿Cuál es la capital de Francia?")
    answer = json.loads(lines[0])
    assert (answer["entry"], answer["lang"]) == (None, "es")
    assert answer["answer"].startswith("No estoy seguro")
    assert 1 <= len(answer["suggestions"]) <= 3


def test_stdin_gives_one_line_per_question_in_order(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("hola\n\nwhat's on tomorrow?\r\nasdfgh\n"))
    code, lines, _ = ask(capsys, "--now", "2015-10-20T10:00:00-05:00")
    assert code == 0 and len(lines) == 4
    assert lines[2].startswith("Tomorrow, Wednesday 21 October: / • 7th Citizen Security Clinic")
    assert lines[3].startswith("I'm not sure what you mean.")


def test_stdin_in_json(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("¿qué hay hoy?\n\n"))
    _, lines, _ = ask(capsys, "--json", "--now", "2015-10-17T12:00")
    first, empty = (json.loads(line) for line in lines)
    assert (first["entry"], first["lang"]) == ("schedule", "es")
    assert "no hay nada programado" in first["answer"]
    assert (empty["question"], empty["entry"]) == ("", None)


def test_lang_forces_the_answer_language(capsys: pytest.CaptureFixture[str]) -> None:
    _, lines, _ = ask(capsys, "--json", "--lang", "es", "where is the clinic?")
    assert json.loads(lines[0])["lang"] == "es"


def test_now_without_offset_is_event_local(capsys: pytest.CaptureFixture[str]) -> None:
    _, local, _ = ask(capsys, "--json", "--now", "2015-10-19T23:30", "what's on today?")
    _, utc, _ = ask(capsys, "--json", "--now", "2015-10-20T03:00Z", "what's on today?")
    assert json.loads(local[0])["entry"] == json.loads(utc[0])["entry"] == "dialogue"


def test_confbot_now_sets_the_default_clock(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONFBOT_NOW", "2015-10-22T20:00:00-05:00")
    _, lines, _ = ask(capsys, "--json", "what's on tomorrow?")
    assert json.loads(lines[0])["entry"] == "advisory"


def test_invalid_knowledge_base_exits_1_listing_problems(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "kb.yaml").write_text("event: [not, a, mapping]\n", encoding="utf-8")
    monkeypatch.setenv("CONFBOT_KNOWLEDGE", str(tmp_path))
    code, lines, err = ask(capsys, "hola")
    assert code == 1 and lines == []
    assert "kb.yaml:1:" in err


def test_invalid_now_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = ask(capsys, "--now", "next tuesday", "hola")
    assert code == 2 and "--now" in err


def test_console_script_reads_stdin() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONFBOT_")}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "--now", "2015-10-18T12:00"],
        input="What's next?\n¿Dónde es el diálogo?\n".encode() + b"\xff bad byte\n",
        capture_output=True,
        cwd=ROOT,
        env=env,
        check=True,
    )
    answers = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [a["entry"] for a in answers[:2]] == ["dialogue", "dialogue"]
    assert [a["lang"] for a in answers[:2]] == ["en", "es"]
    assert len(answers) == 3


def test_db_logs_the_questions_for_confbot_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "rehearsal.sqlite3"
    monkeypatch.setattr(sys, "stdin", io.StringIO("where is the clinic?\nasdfgh qwerty\n"))
    code, lines, _ = ask(capsys, "--now", "2015-10-20T09:00", "--db", str(db))
    assert code == 0 and len(lines) == 2 and "JW Marriott" in lines[0]
    monkeypatch.setenv("CONFBOT_NOW", "2015-10-20T10:00")
    assert main(["report", "--db", str(db)]) == 0
    report = capsys.readouterr().out
    assert "Questions today: 2 · total: 2" in report
    assert "Answer rate: 50% (1 of 2)" in report
    assert "asdfgh qwerty — 1" in report


def test_a_db_that_cannot_be_opened_is_said_plainly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, lines, err = ask(capsys, "--db", str(tmp_path / "no" / "such" / "q.db"), "hola")
    assert code == 1 and lines == []
    assert err.startswith("confbot ask: cannot open the database ")


def test_an_attendees_formula_stays_text_in_the_csv_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Organisers open the CSV in a spreadsheet: an unanswered "=HYPERLINK(…)" must not run.
    db = tmp_path / "rehearsal.sqlite3"
    question = '=HYPERLINK("http://example.org/x","click")'
    monkeypatch.setattr(sys, "stdin", io.StringIO(question + "\n"))
    ask(capsys, "--now", "2015-10-20T09:00", "--db", str(db))
    monkeypatch.setenv("CONFBOT_NOW", "2015-10-20T10:00")
    assert main(["report", "--db", str(db), "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    unanswered = [row for row in rows if row[0] == "unanswered"]
    assert unanswered == [["unanswered", "'" + question, "1", "'" + question]]
