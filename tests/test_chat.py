"""`confbot chat`: the conversation in a terminal, without a Telegram token."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def chat(lines: str, tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"} | (env or {})
    env.setdefault("CONFBOT_NOW", "2015-10-20T09:00:00-05:00")
    run = subprocess.run(
        [sys.executable, "-m", "bot", "chat", *args],
        input=lines,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_a_conversation_in_the_terminal(tmp_path: Path) -> None:
    out = chat("where is the clinic?\n/today\n/language\n1\n/calendar\n", tmp_path, "--lang", "en")
    assert "Hello! I am the assistant for Citizen Security Week" in out
    assert "JW Marriott" in out
    assert "Subregional" in out  # /today on 20 October 2015
    assert "[1] Español  [2] English  [3] Português" in out
    assert "Listo: te hablaré en español." in out
    assert "<b>" not in out and "&amp;" not in out  # HTML is rendered as plain text
    assert list(tmp_path.iterdir()) == []  # /calendar wrote nothing into the working folder
    written = Path(out.split("→ ")[1].splitlines()[0])
    assert written.parent == Path(tempfile.gettempdir()).resolve()
    assert b"BEGIN:VCALENDAR" in written.read_bytes()
    written.unlink()


def test_calendar_goes_where_out_says(tmp_path: Path) -> None:
    target = tmp_path / "mine.ics"
    out = chat("/calendar\n", tmp_path, "--lang", "en", "--out", str(target))
    assert f"→ {target}" in out
    assert b"BEGIN:VCALENDAR" in target.read_bytes()
    folder = tmp_path / "cal"
    folder.mkdir()
    out = chat("/calendar\n", tmp_path, "--lang", "en", "--out", str(folder))
    assert len(list(folder.glob("*.ics"))) == 1


def test_questions_can_be_logged_for_a_report_rehearsal(tmp_path: Path) -> None:
    db = tmp_path / "rehearsal.sqlite3"
    chat("where is the clinic?\nwhat is the capital of France?\n", tmp_path, "--db", str(db))
    report = subprocess.run(
        [sys.executable, "-m", "bot", "report", "--db", str(db)],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "CONFBOT_NOW": "2015-10-20T10:00:00-05:00"},
    )  # fmt: skip
    assert report.returncode == 0, report.stderr
    assert "Answer rate: 50% (1 of 2)" in report.stdout
    assert "• clinic — 1" in report.stdout
    assert "what is the capital of France? — 1" in report.stdout


def test_unknown_commands_and_buttons_out_of_range_are_handled(tmp_path: Path) -> None:
    out = chat("/frobnicate\n99\n", tmp_path, "--lang", "es")
    assert "No conozco el comando /frobnicate" in out


def test_deep_links_and_telegram_only_commands(tmp_path: Path) -> None:
    out = chat("/start clinic\n/subscribe\n", tmp_path, "--lang", "en")
    assert "(v)" in out  # /start clinic opened the Clinic
    assert "/subscribe works in the Telegram bot" in out


def test_the_terminal_speaks_portuguese_from_lang_or_the_environment(tmp_path: Path) -> None:
    out = chat("/help\n", tmp_path, "--lang", "pt")
    assert "Olá! Sou o assistente deste evento: Semana da Segurança Cidadã" in out
    assert "em espanhol, inglês ou português" in out
    assert "/language — mudar o idioma" in out


def test_a_language_the_knowledge_base_does_not_declare_is_refused_by_ask(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--lang", "fr", "hola"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert run.returncode == 2
    assert "--lang fr: this knowledge base speaks es, en, pt" in run.stderr


def test_a_unicode_digit_is_not_a_button_number(tmp_path: Path) -> None:
    out = chat("/language\n❶\n", tmp_path, "--lang", "en")
    assert "Traceback" not in out and "I'm not sure what you mean" in out


def test_a_venue_pin_names_the_venue_once(tmp_path: Path) -> None:
    # Telegram shows a venue's title above its address: the address must not repeat the name.
    kb = ROOT / "examples" / "bogota-tech" / "knowledge"
    out = chat("/venues\n", tmp_path, "--lang", "en", env={"CONFBOT_KNOWLEDGE": str(kb)})
    pins = [line for line in out.splitlines() if line.startswith("📍") and "(" in line]
    names = [
        "Ágora Bogotá Centro de Convenciones",
        "Universidad de los Andes, Edificio Mario Laserna",
    ]
    assert [pin.count(name) for pin, name in zip(pins, names, strict=True)] == [1, 1]
    assert pins[0].startswith(f"📍 {names[0]}, Carrera 40")


def test_a_pin_of_a_venue_without_address_or_city_still_has_an_address(tmp_path: Path) -> None:
    kb = tmp_path / "kb.yaml"
    kb.write_text(
        "event: {languages: [en], name: {en: Meetup}, start_date: 2027-01-05,"
        " end_date: 2027-01-05, timezone: UTC}\n"
        "venues: [{id: hall, name: {en: Hall}, latitude: 1.5, longitude: 2.5}]\n",
        encoding="utf-8",
    )
    out = chat("/venues\n", tmp_path, "--lang", "en", env={"CONFBOT_KNOWLEDGE": str(kb)})
    assert "📍 Hall, Hall (1.5, 2.5)" in out  # sendVenue needs an address: the name stands in


def test_an_out_path_that_cannot_be_written_is_said_and_the_chat_goes_on(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "mine.ics"
    out = chat("/calendar\nwhere is the clinic?\n", tmp_path, "--lang", "en", "--out", str(target))
    assert f"confbot chat: cannot write programme.ics to {target}: " in out
    assert "database" not in out and "JW Marriott" in out  # the next question is answered


def test_the_programme_tells_parallel_sessions_apart_by_their_room(tmp_path: Path) -> None:
    kb = ROOT / "examples" / "bogota-tech" / "knowledge"
    out = chat("/schedule\n", tmp_path, "--lang", "en", env={"CONFBOT_KNOWLEDGE": str(kb)})
    centre = "Ágora Bogotá Centro de Convenciones"
    assert f"• 10:30–11:30 Data pipelines with Apache Arrow — {centre}, Sala Monserrate" in out
    assert f"• 10:30–11:30 Painless Kubernetes in production — {centre}, Sala Guadalupe" in out


def test_commands_the_terminal_cannot_run_say_what_to_do_instead(tmp_path: Path) -> None:
    out = chat("/stats\n/ask hello\n/forgetme\n/subscribe\n", tmp_path, "--lang", "en")
    assert (
        "/stats is for the organisers in the Telegram bot; in a terminal, confbot report shows "
        "the statistics and confbot drafts the FAQ drafts." in out
    )
    assert "/ask works in the Telegram bot: the organisers answer in a chat." in out
    assert "/forgetme works in the Telegram bot: this terminal chat keeps nothing about you." in out
    assert "/subscribe works in the Telegram bot: reminders and announcements need a chat." in out
    assert out.count("reminders and announcements") == 1
