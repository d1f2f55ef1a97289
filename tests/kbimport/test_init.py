"""`confbot init DIR`: a commented knowledge base to start from, never over existing files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from bot.cli.main import main

FILES = ["event.yaml", "faqs.yaml", "sessions.yaml", "venues.yaml"]


def test_init_writes_a_commented_skeleton(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    kb = tmp_path / "kb"
    code = main(["init", str(kb), "--timezone", "America/Lima", "--start", "2026-04-06"])
    assert code == 0, capsys.readouterr().err
    assert sorted(p.name for p in kb.iterdir()) == FILES
    event = yaml.safe_load((kb / "event.yaml").read_text("utf-8"))["event"]
    assert (event["languages"], event["timezone"]) == (["es", "en"], "America/Lima")
    assert (event["start_date"], event["end_date"]) == (dt.date(2026, 4, 6), dt.date(2026, 4, 7))
    assert set(event["name"]) == {"es", "en"}
    sessions = yaml.safe_load((kb / "sessions.yaml").read_text("utf-8"))["sessions"]
    assert [(s["date"], s["start"], s["end"], s["room"]) for s in sessions] == [
        (dt.date(2026, 4, 6), "09:00", "09:30", "Auditorio A"),
        (dt.date(2026, 4, 7), "11:00", "13:00", "Sala 2"),
    ]
    assert all(
        line.startswith("#") for line in (kb / "faqs.yaml").read_text("utf-8").splitlines()[:2]
    )
    assert f"confbot check {kb}" in capsys.readouterr().out


def test_init_keeps_only_the_languages_asked_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["init", str(tmp_path / "kb"), "--languages", "pt,en"]) == 0
    text = "".join(p.read_text("utf-8") for p in (tmp_path / "kb").iterdir())
    assert "languages: [pt, en]" in text
    assert "\n      es:" not in text and "\n    pt: Minha Conferência" in text


def test_init_never_overwrites(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "event.yaml").write_text("# mine\n", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 1
    assert "already holds event.yaml; nothing was written" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["event.yaml"]
    assert (tmp_path / "event.yaml").read_text("utf-8") == "# mine\n"


def test_init_rejects_bad_options(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["init", str(tmp_path / "a"), "--timezone", "Nowhere/Else"]) == 2
    assert main(["init", str(tmp_path / "b"), "--languages", "spanish"]) == 2
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("languages", ["fr", "de,es,it", "es,es,en"])
def test_init_passes_check_in_any_languages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, languages: str
) -> None:
    kb = tmp_path / "kb"
    assert main(["init", str(kb), "--languages", languages]) == 0
    assert main(["check", "--strict", str(kb)]) == 0, capsys.readouterr().out
    event = yaml.safe_load((kb / "event.yaml").read_text("utf-8"))["event"]
    assert event["languages"] == list(dict.fromkeys(languages.split(",")))
    if "fr" in languages:  # the English example stands in until it is translated
        assert event["name"] == {"fr": "My Conference"}


def test_init_where_nothing_can_be_written_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("a file, not a folder\n", encoding="utf-8")
    target = tmp_path / "notes.txt" / "kb"
    assert main(["init", str(target)]) == 1
    assert capsys.readouterr().err == f"confbot init: cannot write into {target}: Not a directory\n"
