"""`confbot import`: pretalx/frab and iCalendar programmes become knowledge-base YAML."""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.cli.main import main

FIXTURES = Path(__file__).parent / "fixtures"
XML, JSON, ICS = (FIXTURES / n for n in ("pretalx-schedule.xml", "schedule.json", "programme.ics"))


def run_import(
    capsys: pytest.CaptureFixture[str], source: Path | str, into: Path, *extra: str
) -> str:
    code = main(["import", str(source), "--into", str(into), *extra])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def sessions(folder: Path) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in load(folder / "imported-sessions.yaml")["sessions"]}


def test_pretalx_xml_gives_sessions_rooms_speakers_and_the_event(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = run_import(capsys, XML, tmp_path)
    assert "6 session(s) and 1 venue(s)" in out
    assert "the source names no venue: venue 'main' carries the event's name" in out
    event = load(tmp_path / "event.yaml")["event"]
    assert event == {
        "languages": ["en"],
        "name": {"en": "Andes Data Summit 2026"},
        "start_date": dt.date(2026, 3, 10),
        "end_date": dt.date(2026, 3, 11),
        "timezone": "America/Bogota",
    }
    found = sessions(tmp_path)
    keynote = found["kx8pqa"]
    assert keynote["title"] == {"en": "Opening keynote: Data for cities"}
    assert (keynote["date"], keynote["start"], keynote["end"]) == (
        dt.date(2026, 3, 10),
        "09:00",
        "10:00",
    )
    assert (keynote["room"], keynote["track"], keynote["venue"]) == (
        "Main Hall",
        "Community",
        "main",
    )
    assert keynote["speakers"] == [{"name": "Lucía Fernández"}]
    assert keynote["description"]["en"].startswith(
        "How open data changed three Andean cities & what"
    )
    assert "and of those that did not." in keynote["description"]["en"]
    assert found["m3vt7r"]["summary"] == {"en": "Kafka, Flink and a lot of patience"}
    # The talk type is a word attendees ask with ("which workshops?"), not a summary.
    assert "summary" not in keynote and keynote["keywords"] == {"en": ["keynote"]}
    assert found["w9zk2d"]["keywords"] == {"en": ["workshop"]}
    assert [s["name"] for s in found["m3vt7r"]["speakers"]] == ["Mateo Rojas", "Ana Beltrán"]
    assert load(tmp_path / "imported-venues.yaml")["venues"] == [
        {"id": "main", "name": {"en": "Andes Data Summit 2026"}}
    ]


def test_midnight_duplicates_and_seconds_in_durations(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = run_import(capsys, XML, tmp_path)
    found = sessions(tmp_path)
    night = found["night1"]
    # Past midnight: dated on its start day, with its real end (the KB reads 23:30-00:30).
    assert (night["date"], night["start"], night["end"]) == (dt.date(2026, 3, 10), "23:30", "00:30")
    assert "Late-night lightning talks" not in out
    # One pretalx submission scheduled twice: one code, two slots, two sessions.
    panels = sorted(
        (s for s in found.values() if s["title"] == {"en": "Community panel"}),
        key=lambda s: s["start"],
    )
    assert [(p["start"], p["end"], p["room"]) for p in panels] == [
        ("09:00", "10:00", "Main Hall"),
        ("15:00", "15:50", "Room 2"),
    ]
    assert len({p["id"] for p in panels}) == 2 and all(
        p["id"].startswith("q4hb8s-") for p in panels
    )


def test_json_times_move_into_the_events_own_time_zone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    hand = tmp_path / "event.yaml"
    hand.write_text(
        "event:\n  languages: [pt, es]\n  name: {pt: Encontro, es: Encuentro}\n"
        "  start_date: 2026-05-20\n  end_date: 2026-05-22\n  timezone: America/Sao_Paulo\n",
        encoding="utf-8",
    )
    before = hand.read_bytes()
    out = run_import(capsys, JSON, tmp_path)
    assert hand.read_bytes() == before and "event.yaml" not in out.replace(str(hand), "")
    assert not (tmp_path / "imported-event.yaml").exists()
    found = sessions(tmp_path)
    # 10:00 in Lisbon (UTC+1) is 06:00 in São Paulo (UTC-3).
    opening = found["abert1"]
    assert (opening["date"], opening["start"], opening["end"]) == (
        dt.date(2026, 5, 20),
        "06:00",
        "07:00",
    )
    assert opening["title"] == {"pt": "Abertura: vinte anos de software livre"}
    assert opening["speakers"] == [
        {
            "name": "Joana Martins",
            "bio": {"pt": "Fundadora da associação e mantenedora de pacotes Debian."},
        }
    ]
    workshop = found["kube22"]
    assert (workshop["start"], workshop["end"], workshop["room"]) == ("10:30", "12:00", "Sala 3")
    assert workshop["description"] == {
        "pt": "Do primeiro pod ao primeiro incidente.\n\nTraga um portátil com Docker instalado."
    }
    assert found["segur3"]["speakers"] == [{"name": "Carlos Mendes"}]  # frab's public_name
    assert "track" not in found["segur3"]
    assert sorted(s["date"].day for s in found.values()) == [20, 20, 21, 22]


def test_ics_rooms_venue_utc_and_all_day_events(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = run_import(capsys, ICS, tmp_path, "--lang", "es")
    event = load(tmp_path / "event.yaml")["event"]
    assert (event["languages"], event["timezone"]) == (["es"], "America/Mexico_City")
    assert event["name"] == {"es": "Foro Latinoamericano de Ciudades 2026"}
    assert (event["start_date"], event["end_date"]) == (dt.date(2026, 9, 14), dt.date(2026, 9, 16))
    venue = load(tmp_path / "imported-venues.yaml")["venues"]
    assert venue == [
        {
            "id": "centro-de-convenciones-reforma",
            "name": {"es": "Centro de Convenciones Reforma"},
            "address": {
                "es": "Centro de Convenciones Reforma, Paseo de la Reforma 100, Ciudad de México"
            },
            "latitude": 19.427,
            "longitude": -99.1677,
        }
    ]
    found = sessions(tmp_path)
    opening = found["foro2026-apertura"]
    assert (opening["start"], opening["end"], opening["room"]) == (
        "09:00",
        "10:00",
        "Auditorio Principal",
    )
    assert opening["track"] == "Plenaria"
    assert opening["description"]["es"].startswith(
        "Bienvenida de las autoridades de la ciudad, presentación"
    )
    # 16:30 UTC is 10:30 in Mexico City.
    panel = found["foro2026-movilidad"]
    assert (panel["start"], panel["end"], panel["room"], panel["track"]) == (
        "10:30",
        "12:00",
        "Sala 2",
        "Movilidad",
    )
    workshop = found["foro2026-taller-datos"]
    assert workshop["end"] == "12:00"  # from DURATION:PT2H
    # Calendar tools export HTML descriptions; the bot shows plain text.
    assert workshop["description"] == {
        "es": "Trae tu portátil.\nCupo: 30 personas & café.\n\nInscripción (https://example.org/taller)"
    }
    dinner = found["foro2026-cena"]
    assert "room" not in dinner and dinner["venue"] == "centro-de-convenciones-reforma"
    assert "'Cena de networking' has no location in the source" in out
    # A daily series (RRULE) is one session a day; its moved occurrence (RECURRENCE-ID) wins.
    coffee = [found[f"foro2026-cafe-202609{d}"] for d in (14, 15, 16)]
    assert [(c["date"].day, c["start"], c["end"], c["room"]) for c in coffee] == [
        (14, "08:00", "08:30", "Vestíbulo"),
        (15, "08:00", "08:30", "Vestíbulo"),
        (16, "07:30", "08:00", "Vestíbulo"),
    ]
    assert coffee[2]["title"] == {"es": "Registro y café (más temprano)"}
    assert len([i for i in found if i.startswith("foro2026-cafe")]) == 3
    # An all-day entry over two days (DTEND is exclusive) is listed on each of them.
    expo = sorted(i for i in found if i.startswith("foro2026-expo"))
    assert expo == ["foro2026-expo-20260914", "foro2026-expo-20260915"]
    assert all("start" not in found[i] and found[i]["room"] == "Vestíbulo" for i in expo)
    visit = found["foro2026-visita"]
    assert visit["date"] == dt.date(2026, 9, 16) and "start" not in visit


def test_importing_again_updates_in_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run_import(capsys, XML, tmp_path)
    first = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    run_import(capsys, XML, tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == first
    # The organiser adds questions to an imported session and takes another over entirely.
    imported = tmp_path / "imported-sessions.yaml"
    data = load(imported)
    data["sessions"][0]["questions"] = {"en": ["when does it all start?"]}
    data["sessions"][0]["keywords"] = {"en": ["keynote", "opening"], "es": ["apertura"]}
    data["sessions"][0]["title"] = {"en": "A title the next import puts back"}
    imported.write_text(first_header(imported) + yaml.safe_dump(data, allow_unicode=True), "utf-8")
    mine = tmp_path / "my-sessions.yaml"
    mine.write_text(
        first_header(imported)
        + "sessions:\n  - id: w9zk2d\n    title: dbt workshop (moved to Room 5)\n"
        '    date: 2026-03-10\n    start: "10:30"\n    venue: main\n    room: Room 5\n',
        encoding="utf-8",
    )
    venues = tmp_path / "imported-venues.yaml"
    named = {"id": "main", "name": {"en": "Ágora Convention Centre"}, "address": {"en": "Cra 7"}}
    venues.write_text(first_header(venues) + yaml.safe_dump({"venues": [named]}), "utf-8")
    hand_bytes, event_bytes = mine.read_bytes(), (tmp_path / "event.yaml").read_bytes()
    out = run_import(capsys, XML, tmp_path)
    assert load(venues)["venues"] == [named]
    assert "session 'w9zk2d' is in your own files: left as you wrote it" in out
    found = sessions(tmp_path)
    assert sorted(found) == sorted(
        ["kx8pqa", "m3vt7r", "night1", *(i for i in found if i.startswith("q4hb8s-"))]
    )
    assert len(found) == 5 and "w9zk2d" not in found
    assert found["kx8pqa"]["questions"] == {"en": ["when does it all start?"]}
    assert found["kx8pqa"]["keywords"] == {"en": ["keynote", "opening"], "es": ["apertura"]}
    assert found["kx8pqa"]["title"] == {"en": "Opening keynote: Data for cities"}
    assert mine.read_bytes() == hand_bytes
    assert (tmp_path / "event.yaml").read_bytes() == event_bytes


def first_header(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if line.startswith("#"))


def test_a_hand_written_file_with_the_importers_name_is_never_overwritten(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    mine = tmp_path / "imported-sessions.yaml"
    mine.write_text("sessions: []\n", encoding="utf-8")
    assert main(["import", str(XML), "--into", str(tmp_path)]) == 1
    assert "was not written by confbot import" in capsys.readouterr().err
    assert mine.read_text(encoding="utf-8") == "sessions: []\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["imported-sessions.yaml"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.xml", b"<schedule><conference>", "not well-formed XML"),
        ("other.xml", b"<rss><channel/></rss>", "not a frab/pretalx schedule.xml"),
        ("other.json", b'{"events": []}', "not a frab/pretalx schedule.json"),
        ("bad.json", b'{"schedule": ', "not valid JSON"),
        ("empty.ics", b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "holds no talks"),
        ("notes.txt", b"just some notes", "unknown format"),
        ("latin1.json", '{"t": "Mañana"}'.encode("latin-1"), "not valid JSON"),
    ],
)
def test_bad_sources_are_refused_with_a_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    into = tmp_path / "kb"
    assert main(["import", str(source), "--into", str(into)]) == 1
    assert message in capsys.readouterr().err
    assert not into.exists()


def test_a_missing_source_and_bad_options(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["import", str(tmp_path / "nope.xml"), "--into", str(tmp_path / "kb")]) == 1
    assert "cannot read it" in capsys.readouterr().err
    assert main(["import", str(XML), "--into", str(tmp_path), "--timezone", "Mars/Olympus"]) == 2
    assert main(["import", str(XML), "--into", str(tmp_path), "--lang", "english"]) == 2
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def schedule_server() -> Iterator[str]:
    """Serve the sample files on 127.0.0.1, as a pretalx instance publishes its exports."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(FIXTURES))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_a_schedule_can_be_imported_from_its_url(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, schedule_server: str
) -> None:
    out = run_import(capsys, f"{schedule_server}/schedule.json", tmp_path)
    assert "4 session(s) and 1 venue(s)" in out
    assert f"# Imported from {schedule_server}/schedule.json" in (
        tmp_path / "imported-sessions.yaml"
    ).read_text("utf-8")
    assert main(["import", f"{schedule_server}/missing.xml", "--into", str(tmp_path)]) == 1
    assert "the server answered 404" in capsys.readouterr().err


def test_sessions_outside_the_organisers_event_dates_are_pointed_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "event.yaml").write_text(
        "event:\n  languages: [pt]\n  name: Encontro\n  start_date: 2026-05-20\n"
        "  end_date: 2026-05-21\n  timezone: Europe/Lisbon\n",
        encoding="utf-8",
    )
    out = run_import(capsys, JSON, tmp_path)
    assert "sessions on 2026-05-22 fall outside the event's dates (2026-05-20 to 2026-05-21)" in out


def test_dry_run_and_what_changed_since_the_last_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    kb = tmp_path / "kb"
    out = run_import(capsys, XML, kb, "--dry-run")
    assert "6 session(s) and 1 venue(s)" in out and "would be written into" in out
    assert not kb.exists()
    run_import(capsys, XML, kb)
    moved = tmp_path / "schedule.xml"
    text = XML.read_text("utf-8").replace("10:30", "10:45").replace("KX8PQA", "KX8PQB")
    moved.write_text(text, encoding="utf-8")
    out = run_import(capsys, moved, kb)
    assert "new since the last import: 1 (kx8pqb)" in out
    assert "gone since the last import: 1 (kx8pqa)" in out
    assert "changed since the last import: 2 (m3vt7r, w9zk2d)" in out
    assert sessions(kb)["m3vt7r"]["start"] == "10:45"


def test_lang_files_texts_under_a_language_the_event_already_speaks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "event.yaml").write_text(
        "event:\n  languages: [en, es]\n  name: Foro\n  start_date: 2026-09-14\n"
        "  end_date: 2026-09-16\n  timezone: America/Mexico_City\n",
        encoding="utf-8",
    )
    run_import(capsys, ICS, tmp_path, "--lang", "es")
    assert sessions(tmp_path)["foro2026-visita"]["title"] == {"es": "Visita técnica al C5"}
    venue = load(tmp_path / "imported-venues.yaml")["venues"][0]
    assert venue["name"] == {"es": "Centro de Convenciones Reforma"}


def test_frab_xml_without_time_zone_or_instants(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = run_import(capsys, FIXTURES / "frab-schedule.xml", tmp_path, "--timezone", "Europe/Oslo")
    assert "no time zone" not in out
    assert load(tmp_path / "event.yaml")["event"]["timezone"] == "Europe/Oslo"
    found = sessions(tmp_path)
    assert list(found) == ["3001", "3002", "3003", "3004"]
    assert (found["3001"]["date"], found["3001"]["start"], found["3001"]["end"]) == (
        dt.date(2026, 8, 6),
        "20:00",
        "21:30",
    )
    # Listed under 6 August after 23:15: frab's day runs past midnight, so it is the 7th.
    assert (found["3003"]["date"], found["3003"]["start"]) == (dt.date(2026, 8, 7), "01:00")
    assert (found["3002"]["start"], found["3002"]["end"]) == ("23:15", "00:15")  # past midnight
    assert found["3004"]["speakers"] == [{"name": "Ola Nordmann"}, {"name": "Nils Haugen"}]
    assert found["3001"]["summary"] == {"en": "Bring nothing, leave with a blinking badge"}


def test_a_source_without_time_zone_is_read_as_utc_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = run_import(capsys, FIXTURES / "frab-schedule.xml", tmp_path)
    assert "the source names no time zone: times are read as UTC (use --timezone" in out
    assert sessions(tmp_path)["3001"]["start"] == "20:00"


def test_a_venue_of_the_organisers_own_takes_the_imported_ones_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run_import(capsys, XML, tmp_path)
    assert (tmp_path / "imported-venues.yaml").exists()
    (tmp_path / "venues.yaml").write_text(
        "venues:\n  - id: agora\n    name: Ágora Bogotá\n    address: Calle 24 No. 38-47\n",
        encoding="utf-8",
    )
    out = run_import(capsys, XML, tmp_path)
    assert "6 session(s) and 0 venue(s)" in out
    assert not (tmp_path / "imported-venues.yaml").exists()
    assert {s["venue"] for s in sessions(tmp_path).values()} == {"agora"}


def test_a_calendar_uid_named_all_gets_an_id_the_check_accepts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "agenda.ics"
    source.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:all@x.org\r\n"
        b"DTSTAMP:20260101T000000Z\r\nDTSTART:20260505T090000Z\r\nSUMMARY:All hands\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    run_import(capsys, source, tmp_path / "kb")
    assert list(sessions(tmp_path / "kb")) != ["all"]
    assert main(["check", str(tmp_path / "kb")]) == 0, capsys.readouterr().out


def test_an_outlook_calendar_keeps_its_windows_time_zone_and_one_day_dates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Outlook names its zone "Pacific Standard Time": 09:00 there, not 16:00 UTC.
    out = run_import(capsys, FIXTURES / "outlook.ics", tmp_path)
    assert "no time zone" not in out
    (session,) = sessions(tmp_path).values()
    assert (session["start"], session["end"]) == ("09:00", "10:00")
    event_text = (tmp_path / "event.yaml").read_text(encoding="utf-8")
    assert "timezone: America/Los_Angeles" in event_text
    # A one-day event's dates are both written out, not as a YAML anchor and alias.
    assert "start_date: 2026-06-15\n  end_date: 2026-06-15\n" in event_text


def test_an_emoji_in_a_title_is_written_as_itself(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "agenda.ics"
    source.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:hack@x.org\r\n"
        b"DTSTAMP:20260101T000000Z\r\nDTSTART:20260505T090000Z\r\n"
        + "SUMMARY:Hackathon 🐍 C:\\\\Users\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".encode()
    )
    run_import(capsys, source, tmp_path / "kb")
    written = (tmp_path / "kb" / "imported-sessions.yaml").read_text(encoding="utf-8")
    assert "Hackathon 🐍 C:\\Users" in written and "\\U0001F40D" not in written
    assert sessions(tmp_path / "kb")["hack"]["title"] == {"en": "Hackathon 🐍 C:\\Users"}


def test_a_cancelled_calendar_event_is_not_imported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "agenda.ics"
    event = (
        "BEGIN:VEVENT\r\nUID:{uid}@x.org\r\nDTSTAMP:20260101T000000Z\r\n"
        "DTSTART:20260505T{hour}0000Z\r\nSUMMARY:{title}\r\n{status}END:VEVENT\r\n"
    )
    source.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n"
        + event.format(uid="talk", hour="09", title="Talk", status="")
        + event.format(uid="dinner", hour="19", title="Dinner", status="STATUS:CANCELLED\r\n")
        + "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    out = run_import(capsys, source, tmp_path / "kb")
    assert list(sessions(tmp_path / "kb")) == ["talk"]
    assert "note: skipped 'Dinner': cancelled (STATUS:CANCELLED)" in out


def test_a_cancelled_occurrence_of_a_series_skips_that_day(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "agenda.ics"
    source.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n"
        "BEGIN:VEVENT\r\nUID:coffee@x.org\r\nDTSTAMP:20260101T000000Z\r\n"
        "DTSTART:20260505T090000Z\r\nRRULE:FREQ=DAILY;COUNT=3\r\nSUMMARY:Coffee\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:coffee@x.org\r\nDTSTAMP:20260101T000000Z\r\n"
        "RECURRENCE-ID:20260506T090000Z\r\nDTSTART:20260506T090000Z\r\nSUMMARY:Coffee\r\n"
        "STATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    run_import(capsys, source, tmp_path / "kb")
    days = sorted(str(s["date"]) for s in sessions(tmp_path / "kb").values())
    assert days == ["2026-05-05", "2026-05-07"]


def test_a_dinner_in_town_is_a_venue_of_its_own_not_a_room_of_the_centre(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    centre = "Centro de Convenciones\\, Av. Amazonas 100\\, Quito"
    places = [
        ("talk", "09", f"Sala A\\, {centre}"),
        ("panel", "11", f"Sala B\\, {centre}"),
        ("dinner", "20", "Restaurante La Ronda\\, Calle 5\\, Quito"),
        ("lab", "15", "Aula 1\\, Universidad Central\\, Quito"),
        ("clinic", "16", "Aula 2\\, Universidad Central\\, Quito"),
    ]
    source = tmp_path / "agenda.ics"
    source.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n"
        + "".join(
            f"BEGIN:VEVENT\r\nUID:{uid}@x.org\r\nDTSTAMP:20260101T000000Z\r\n"
            f"DTSTART:20260505T{hour}0000Z\r\nSUMMARY:{uid}\r\nLOCATION:{where}\r\nEND:VEVENT\r\n"
            for uid, hour, where in places
        )
        + "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    run_import(capsys, source, tmp_path / "kb")
    venues = {v["id"]: v for v in load(tmp_path / "kb" / "imported-venues.yaml")["venues"]}
    held = {k: (s["venue"], s.get("room")) for k, s in sessions(tmp_path / "kb").items()}
    assert held["talk"][1] == "Sala A" and held["panel"][0] == held["talk"][0]
    assert held["lab"][1] == "Aula 1" and held["clinic"][0] == held["lab"][0]
    assert held["dinner"][1] is None and held["dinner"][0] not in (held["talk"][0], held["lab"][0])
    assert venues[held["dinner"][0]]["name"] == {"en": "Restaurante La Ronda"}
    assert venues[held["talk"][0]]["address"] == {
        "en": "Centro de Convenciones, Av. Amazonas 100, Quito"
    }
