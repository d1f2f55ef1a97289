"""An imported or `init` knowledge base passes `confbot check` and the bot answers from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli.main import main

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CONFBOT_NOW", "CONFBOT_KNOWLEDGE", "CONFBOT_LOCALES"):
        monkeypatch.delenv(name, raising=False)


def imported(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, *extra: str) -> Path:
    kb = tmp_path / "kb"
    assert main(["import", str(FIXTURES / name), "--into", str(kb), *extra]) == 0
    capsys.readouterr()
    return kb


def check(capsys: pytest.CaptureFixture[str], kb: Path) -> str:
    code = main(["check", str(kb)])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    return out


def ask(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, kb: Path, now: str, q: str
) -> dict[str, object]:
    monkeypatch.setenv("CONFBOT_KNOWLEDGE", str(kb))
    assert main(["ask", "--json", "--now", now, q]) == 0
    answer: dict[str, object] = json.loads(capsys.readouterr().out)
    return answer


@pytest.mark.parametrize(
    ("name", "extra"),
    [
        ("pretalx-schedule.xml", ()),
        ("frab-schedule.xml", ("--timezone", "Europe/Oslo")),
        ("schedule.json", ()),
        ("programme.ics", ("--lang", "es")),
    ],
)
def test_every_imported_sample_passes_the_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, extra: tuple[str, ...]
) -> None:
    check(capsys, imported(capsys, tmp_path, name, *extra))


def test_the_bot_answers_about_an_imported_talk_with_its_time_and_room(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = imported(capsys, tmp_path, "pretalx-schedule.xml")
    answer = ask(
        capsys, monkeypatch, kb, "2026-03-09T12:00", "when is the streaming pipelines talk?"
    )
    assert answer["entry"] == "m3vt7r"
    text = str(answer["answer"])
    assert "Streaming pipelines without tears" in text
    assert "10:30" in text and "Main Hall" in text


def test_the_bot_answers_about_an_imported_calendar_event_in_the_events_time(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = imported(capsys, tmp_path, "programme.ics", "--lang", "es")
    answer = ask(
        capsys, monkeypatch, kb, "2026-09-13T12:00", "¿cuándo es la mesa de movilidad urbana?"
    )
    assert answer["entry"] == "foro2026-movilidad"
    text = str(answer["answer"])
    assert "10:30" in text and "Sala 2" in text  # 16:30 UTC in Mexico City


def test_the_init_skeleton_passes_the_check_and_answers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = tmp_path / "kb"
    assert main(["init", str(kb), "--start", "2026-03-10", "--timezone", "America/Bogota"]) == 0
    capsys.readouterr()
    check(capsys, kb)
    answer = ask(capsys, monkeypatch, kb, "2026-03-09T12:00", "is there wifi?")
    assert answer["entry"] == "wifi" and "MiConferencia" in str(answer["answer"])
    answer = ask(capsys, monkeypatch, kb, "2026-03-09T12:00", "when is the workshop?")
    assert answer["entry"] == "workshop" and "11:00" in str(answer["answer"])
