"""Loading and checking the organiser-edited knowledge base."""

import datetime as dt
import re
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


def test_yaml_syntax_errors_point_at_the_line_and_column(tmp_path: Path) -> None:
    write(tmp_path, event=EVENT, sessions=SESSION.replace("venue: hall", "venue: [hall"))
    problems = [str(p) for p in check_knowledge(tmp_path)]
    assert len(problems) == 1
    assert problems[0].startswith(f"{tmp_path / 'sessions.yaml'}:8:")
    assert "YAML syntax error" in problems[0]


def test_every_problem_is_reported_with_file_line_and_column(tmp_path: Path) -> None:
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
    assert f"{path}:5:5: warning: session 'talk'.description: no 'en' text" in problems
    assert f"{path}:5:36: warning: session 'talk'.description: 'fr' is not in" in problems
    assert f"{path}:16:5: session 'talk': unknown field 'colour'" in problems
    assert "duplicate id 'talk'" in problems
    assert "date 2015-11-30 is outside the event's dates" in problems


def test_cross_references_are_checked(tmp_path: Path) -> None:
    write(tmp_path, event=EVENT, sessions=SESSION.replace("venue: hall", "venue: nowhere"))
    problems = [str(p) for p in check_knowledge(tmp_path)]
    assert problems == [
        f"{tmp_path / 'sessions.yaml'}:2:5: session 'talk': venue 'nowhere' is not a known venue"
    ]


def test_dates_outside_the_event_and_bad_times_are_refused(tmp_path: Path) -> None:
    bad = SESSION.replace("2015-10-20", "2015-11-30") + "    start: '25:00'\n"
    write(tmp_path, event=EVENT, sessions=bad)
    problems = "\n".join(str(p) for p in check_knowledge(tmp_path))
    assert "date 2015-11-30 is outside the event's dates" in problems
    assert "'25:00' is not a time (HH:MM" in problems


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
    assert f"{tmp_path / 'event.yaml'}:6:3: event.timezone: unknown time zone" in run.stdout


def test_confbot_check_accepts_the_shipped_knowledge_base() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--strict", str(ROOT / "knowledge")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "OK" in run.stdout


def test_an_impossible_date_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    write(tmp_path, event=EVENT, sessions=SESSION.replace("2015-10-20", "2015-10-32"))
    assert [str(p) for p in check_knowledge(tmp_path)] == [
        f"{tmp_path / 'sessions.yaml'}:6:5: session 'talk'.date: '2015-10-32' is not a date "
        "(YYYY-MM-DD)"
    ]


def test_a_file_that_does_not_parse_does_not_cascade_into_other_files(tmp_path: Path) -> None:
    write(tmp_path, event="event: [\n", sessions=SESSION)
    problems = [str(p) for p in check_knowledge(tmp_path)]
    assert len(problems) == 1 and "event.yaml:2:1: YAML syntax error" in problems[0]


# --- KB v2: any languages, rooms, tracks, speakers, teaching check -------------------------

V2_EVENT = """\
event:
  languages: [es, en, pt]
  name: {es: Congreso, en: Congress, pt: Congresso}
  start_date: 2027-03-10
  end_date: 2027-03-12
  timezone: America/Lima
  website: https://example.org
venues:
  - id: main
    name: Centro de Convenciones
    address: Av. Siempre Viva 123
    directions: {es: Bus 7 hasta la puerta, en: Bus 7 to the door}
"""
V2_SESSIONS = """\
sessions:
  - id: opening
    title: {es: Apertura, en: Opening, pt: Abertura}
    date: 2027-03-10
    start: "09:00"
    end: "10:00"
    venue: main
    room: Sala A
    track: Data science
    speakers:
      - name: Ana Pérez
        affiliation: Universidad X
      - Bruno Silva
  - id: lab
    title: Taller de datos
    part_of: opening
    start: "09:30"
    end: "09:50"
"""


def test_a_v2_knowledge_base_loads_any_languages_rooms_tracks_and_speakers(
    tmp_path: Path,
) -> None:
    kb = load_knowledge(write(tmp_path, event=V2_EVENT, sessions=V2_SESSIONS))
    assert kb.languages == ("es", "en", "pt") and kb.default_lang == "es"
    assert kb.event.website == "https://example.org"
    assert kb.event.name.get("pt") == "Congresso"
    opening, lab = kb.session("opening"), kb.session("lab")
    assert opening is not None and lab is not None
    assert opening.room is not None and opening.room.get("pt") == "Sala A"
    assert [p.name for p in opening.speakers] == ["Ana Pérez", "Bruno Silva"]
    assert opening.speakers[0].affiliation is not None
    # A part keeps its own times, and inherits its parent's date, venue and room: a timed
    # part is listed on its parent's day.
    assert lab.start == dt.time(9, 30) and lab.end == dt.time(9, 50)
    assert lab.date == kb.session_date(lab) == dt.date(2027, 3, 10)
    assert kb.sessions_on(dt.date(2027, 3, 10)) == (opening, lab)
    assert kb.session_venue(lab) == kb.venue("main")
    assert kb.session_room(lab) == opening.room
    assert kb.parts_of(opening) == (lab,)
    venue = kb.venue("main")
    assert venue is not None and venue.directions is not None
    # A missing translation falls back to the default language.
    assert lab.title.get("en") == "Taller de datos"
    assert venue.place("en", address=True) == "Centro de Convenciones, Av. Siempre Viva 123"


def test_a_missing_translation_is_a_warning_and_strict_makes_it_an_error(tmp_path: Path) -> None:
    write(tmp_path, event=V2_EVENT, sessions=V2_SESSIONS)
    problems = check_knowledge(tmp_path)
    assert problems and all(p.warning for p in problems)
    assert any("no 'pt' text (es is shown instead)" in p.message for p in problems)
    lenient = subprocess.run(
        [sys.executable, "-m", "bot", "check", str(tmp_path)], capture_output=True, text=True
    )
    assert lenient.returncode == 0 and "warning(s)" in lenient.stdout
    strict = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--strict", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert strict.returncode == 1


def test_part_of_cycles_and_an_end_without_start_are_refused(tmp_path: Path) -> None:
    cyclic = V2_SESSIONS.replace("    venue: main\n", "    venue: main\n    part_of: lab\n", 1)
    no_start = cyclic.replace('    start: "09:30"\n', "")
    write(tmp_path, event=V2_EVENT, sessions=no_start)
    problems = "\n".join(str(p) for p in check_knowledge(tmp_path))
    assert "session 'opening': part_of goes round in a circle" in problems
    assert "session 'lab': part_of goes round in a circle" in problems
    assert "session 'lab': has an end but no start" in problems


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("faqs:\n\t- id: x\n", "indent with spaces, not tabs"),
        (
            "faqs:\n  - id: x\n    questions: {en: [where is it?, b]}\n    answer: a: b\n",
            "quote it",
        ),
    ],
)
def test_common_yaml_mistakes_get_a_hint(tmp_path: Path, text: str, hint: str) -> None:
    write(tmp_path, event=V2_EVENT, faq=text)
    problems = [str(p) for p in check_knowledge(tmp_path) if not p.warning]
    assert len(problems) == 1 and "YAML syntax error" in problems[0] and hint in problems[0]


def test_a_flow_list_item_with_a_colon_is_explained(tmp_path: Path) -> None:
    faq = "faqs:\n  - id: x\n    questions: {en: [time: when, b]}\n    answer: a\n"
    write(tmp_path, event=V2_EVENT, faq=faq)
    problems = "\n".join(str(p) for p in check_knowledge(tmp_path))
    assert "became a mapping; quote it" in problems


def test_a_non_utf8_file_says_how_to_fix_it(tmp_path: Path) -> None:
    write(tmp_path, event=V2_EVENT)
    (tmp_path / "faq.yaml").write_bytes("faqs:\n  - id: caf\xe9\n".encode("latin-1"))
    problems = [str(p) for p in check_knowledge(tmp_path) if not p.warning]
    assert problems == [f"{tmp_path / 'faq.yaml'}:2: not UTF-8 text: save the file as UTF-8"]


def test_every_broken_section_is_reported_not_only_the_first(tmp_path: Path) -> None:
    sessions = V2_SESSIONS.replace('    start: "09:00"', '    start: "09:00\n', 1)
    faq = "faqs:\n  - id: x\n    questions: [a]\n    answer: [b\n  - id: y\n    answer: ok\n"
    write(tmp_path, event=V2_EVENT, sessions=sessions, faq=faq)
    problems = [str(p) for p in check_knowledge(tmp_path) if not p.warning]
    assert any("sessions.yaml" in p and "YAML syntax error" in p for p in problems)
    assert any("faq.yaml" in p and "YAML syntax error" in p for p in problems)
    # The faq after the broken one is still read and checked.
    assert any("faq 'y': missing required field 'questions'" in p for p in problems)


def test_a_repeated_key_is_a_warning(tmp_path: Path) -> None:
    write(tmp_path, event=V2_EVENT + "  - id: other\n    name: A\n    name: B\n")
    problems = [str(p) for p in check_knowledge(tmp_path)]
    assert any("'name' is given twice: only the last one counts" in p for p in problems)


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    write(tmp_path, event=V2_EVENT)
    filler = "#" + "x" * 99 + "\n"
    (tmp_path / "big.yaml").write_text("faqs: []\n" + filler * 61_000, encoding="utf-8")
    problems = [str(p) for p in check_knowledge(tmp_path)]
    assert problems == [f"{tmp_path / 'big.yaml'}:1: file is 5.9 MB, over the 5 MB limit"]


def test_more_than_5000_entries_are_refused_before_parsing(tmp_path: Path) -> None:
    write(tmp_path, event=V2_EVENT)
    faqs = "".join(f"  - id: f{i}\n    questions: [q]\n    answer: a\n" for i in range(5001))
    (tmp_path / "faq.yaml").write_text("faqs:\n" + faqs, encoding="utf-8")
    problems = [str(p) for p in check_knowledge(tmp_path)]
    assert len(problems) == 1 and "5002 entries" in problems[0] and "limit of 5000" in problems[0]


def test_every_yaml_example_in_the_readme_passes_check(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, flags=re.DOTALL)
    assert blocks, "the README shows the knowledge-base format"
    for n, block in enumerate(blocks):
        folder = tmp_path / f"example{n}"
        folder.mkdir()
        (folder / "kb.yaml").write_text(block, encoding="utf-8")
        errors = [str(p) for p in check_knowledge(folder) if not p.warning]
        assert errors == [], f"README yaml block {n}:\n" + "\n".join(errors)


def test_yes_no_and_numbers_stay_the_text_the_organiser_wrote(tmp_path: Path) -> None:
    # YAML 1.1 reads an unquoted Yes as true and 1.10 as 1.1: the bot must not answer "True".
    faq = (
        "faqs:\n"
        "  - id: wifi\n    questions: {en: [is there wifi?, on]}\n    answer: {en: Yes}\n"
        "  - id: parking\n    questions: [is there parking?]\n    answer: No\n"
        "  - id: version\n    questions: [which version?]\n    answer: {es: 1.10, en: 0x1F}\n"
    )
    kb = load_knowledge(write(tmp_path, event=V2_EVENT, faq=faq))
    answers = {f.id: (f.answer.get("es"), f.answer.get("en")) for f in kb.faqs}
    assert answers == {"wifi": ("Yes", "Yes"), "parking": ("No", "No"), "version": ("1.10", "0x1F")}
    wifi = next(f for f in kb.faqs if f.id == "wifi")
    assert wifi.questions.get("en") == ("is there wifi?", "on")


def test_a_number_is_not_read_as_a_time_unless_written_with_a_colon(tmp_path: Path) -> None:
    sessions = V2_SESSIONS.replace('start: "09:00"', "start: 9:00").replace(
        'end: "10:00"', "end: 1000"
    )
    write(tmp_path, event=V2_EVENT, sessions=sessions)
    problems = [str(p) for p in check_knowledge(tmp_path) if not p.warning]
    assert len(problems) == 1 and "session 'opening'.end: '1000' is not a time" in problems[0]


def test_a_list_where_a_text_belongs_is_named_as_such(tmp_path: Path) -> None:
    faq = "faqs:\n  - id: x\n    questions: [q]\n    answer: {en: [a, b]}\n"
    write(tmp_path, event=V2_EVENT, faq=faq)
    problems = [str(p) for p in check_knowledge(tmp_path) if not p.warning]
    assert problems == [
        f"{tmp_path / 'faq.yaml'}:4:14: faq 'x'.answer: the 'en' text is a list, not a text"
        ' (quote it: "…")'
    ]


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        ("    answer: {en: Yes: here}\n", 'quote it: "…"'),
        ("    answer: @home\n", 'a text cannot begin with @: quote it: "@…"'),
        ("    answer: `code`\n", "a text cannot begin with `"),
        ("    answer: *star\n", 'a text cannot begin with *: quote it: "*…"'),
        ("  questions: [x]\n", "check the indentation"),
    ],
)
def test_more_yaml_mistakes_get_the_right_hint(tmp_path: Path, line: str, hint: str) -> None:
    faq = "faqs:\n  - id: x\n    questions: [q]\n" + line
    write(tmp_path, event=V2_EVENT, faq=faq)
    problems = [str(p) for p in check_knowledge(tmp_path) if not p.warning]
    assert len(problems) == 1 and "YAML syntax error" in problems[0], problems
    assert hint in problems[0] and "a tab?" not in problems[0]


def test_an_unreadable_event_file_is_not_also_a_missing_event(tmp_path: Path) -> None:
    (tmp_path / "event.yaml").write_bytes(V2_EVENT.replace("Congreso", "Caf\xe9").encode("latin-1"))
    problems = [str(p) for p in check_knowledge(tmp_path)]
    assert problems == [f"{tmp_path / 'event.yaml'}:3: not UTF-8 text: save the file as UTF-8"]


def test_a_folder_wide_problem_has_no_line_number(tmp_path: Path) -> None:
    write(tmp_path, faq="faqs: []\n")
    assert [str(p) for p in check_knowledge(tmp_path)] == [f"{tmp_path}: no 'event' section found"]


def test_a_place_says_a_city_the_address_ends_with_once(tmp_path: Path) -> None:
    event = V2_EVENT.replace("  website:", '  city: "Lima, Perú"\n  website:').replace(
        "address: Av. Siempre Viva 123", 'address: "Av. Arqueología 206, San Borja, Lima"'
    )
    venue = load_knowledge(write(tmp_path, event=event)).venues[0]
    assert venue.place("es", address=True) == (
        "Centro de Convenciones, Av. Arqueología 206, San Borja, Lima, Perú"
    )
    assert (
        venue.place("es", address=True, name=False) == "Av. Arqueología 206, San Borja, Lima, Perú"
    )
    assert venue.place("es") == "Centro de Convenciones, Lima, Perú"


def test_a_language_declared_twice_is_named(tmp_path: Path) -> None:
    write(tmp_path, event=V2_EVENT.replace("[es, en, pt]", "[es, en, es]"))
    problems = [str(p) for p in check_knowledge(tmp_path) if not p.warning]
    assert problems == [f"{tmp_path / 'event.yaml'}:2:3: event.languages: 'es' is listed twice"]


def test_hidden_files_in_the_folder_are_not_part_of_the_knowledge_base(tmp_path: Path) -> None:
    # Copied from a Mac: ._event.yaml holds binary metadata; an editor's backup is hidden too.
    write(tmp_path, event=V2_EVENT)
    (tmp_path / "._event.yaml").write_bytes(b"\x00\x05\x16\x07\x00\x02Mac OS X\xff\xfe")
    (tmp_path / ".event.yaml").write_text(V2_EVENT, encoding="utf-8")
    problems = check_knowledge(tmp_path)
    assert [p for p in problems if not p.warning] == []
    assert {Path(p.path).name for p in problems} == {"event.yaml"}


def test_the_summary_of_missing_translations_comes_after_the_ones_listed(tmp_path: Path) -> None:
    faqs = "".join(
        f"  - id: f{n}\n    questions: {{es: [p{n}], en: [q{n}]}}\n    answer: {{es: a, en: b}}\n"
        for n in range(8)
    )
    write(tmp_path, event=V2_EVENT, faq="faqs:\n" + faqs)
    faq = [str(p) for p in check_knowledge(tmp_path) if p.path.endswith("faq.yaml")]
    assert len(faq) == 6 and faq[-1].endswith("warning: …and 3 more texts without 'pt'")


def test_an_empty_speaker_name_and_a_quoted_coordinate_are_explained(tmp_path: Path) -> None:
    event = V2_EVENT.replace(
        "    address: Av. Siempre Viva 123\n",
        '    address: Av. Siempre Viva 123\n    latitude: 4.6\n    longitude: "-74.1"\n',
    )
    sessions = V2_SESSIONS.replace("      - Bruno Silva\n", '      - name: ""\n')
    write(tmp_path, event=event, sessions=sessions)
    problems = [str(p) for p in check_knowledge(tmp_path) if not p.warning]
    assert problems == [
        f"{tmp_path / 'event.yaml'}:13:5: venue 'main'.longitude: '-74.1' is not a valid "
        "longitude (a number: write it without quotes)",
        f"{tmp_path / 'sessions.yaml'}:13:9: session 'opening': a speaker's name is empty",
    ]


def test_entries_written_in_flow_style_count_towards_the_limit(tmp_path: Path) -> None:
    # 5,001 one-line entries (`- {id: f1, …}`) slipped past the count and took 10 s to parse.
    write(tmp_path, event=V2_EVENT)
    faqs = "".join(f"  - {{id: f{i}, questions: [q], answer: a}}\n" for i in range(5001))
    (tmp_path / "faq.yaml").write_text("faqs:\n" + faqs, encoding="utf-8")
    problems = [str(p) for p in check_knowledge(tmp_path)]
    assert len(problems) == 1 and "5002 entries" in problems[0] and "limit of 5000" in problems[0]


def test_a_file_that_is_not_yaml_is_said_in_one_line(tmp_path: Path) -> None:
    schedule = tmp_path / "schedule.json"
    schedule.write_text('{"schedule": {"conference": {"days": []}}}', encoding="utf-8")
    assert [str(p) for p in check_knowledge(schedule)] == [
        f"{schedule}: not a .yaml file: a programme to import? confbot import {schedule} --into DIR"
    ]
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\nsome: text: here\n", encoding="utf-8")
    assert [str(p) for p in check_knowledge(notes)] == [f"{notes}: not a .yaml file"]


def test_a_folder_whose_knowledge_is_one_level_down_says_where(tmp_path: Path) -> None:
    (tmp_path / "knowledge").mkdir()
    write(tmp_path / "knowledge", event=V2_EVENT)
    assert [str(p) for p in check_knowledge(tmp_path)] == [
        f"{tmp_path}: no .yaml files found (there are in {tmp_path / 'knowledge'})"
    ]


def test_the_same_problem_is_reported_once(tmp_path: Path) -> None:
    # Not YAML at all (the README saved as kb.yaml): its pieces fail the same way many times.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (tmp_path / "kb.yaml").write_text(readme, encoding="utf-8")
    problems = [str(p) for p in check_knowledge(tmp_path)]
    assert len(problems) == len(set(problems))


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("america/lima", "(did you mean America/Lima?)"),
        ('"-05:00"', "(an IANA name such as America/Bogota or Europe/Madrid, not an offset)"),
    ],
)
def test_a_time_zone_written_wrong_gets_the_name_meant(
    tmp_path: Path, written: str, hint: str
) -> None:
    write(tmp_path, event=V2_EVENT.replace("timezone: America/Lima", f"timezone: {written}"))
    problems = [str(p) for p in check_knowledge(tmp_path) if not p.warning]
    assert len(problems) == 1 and problems[0].endswith(hint), problems


def test_a_session_cannot_take_an_id_the_reminder_picker_uses(tmp_path: Path) -> None:
    # The picker's "All sessions" button is sub:all: a session called "all" could never be
    # chosen alone (pressing it would subscribe to everything).
    write(tmp_path, event=V2_EVENT, sessions=V2_SESSIONS.replace("id: lab", "id: all"))
    problems = [str(p) for p in check_knowledge(tmp_path) if not p.warning]
    assert problems == [
        f"{tmp_path / 'sessions.yaml'}:14:5: session 'all': the id 'all' is reserved "
        "(the reminder picker's 'All sessions' button): choose another"
    ]


def test_a_hash_that_cuts_a_plain_value_short_is_a_warning(tmp_path: Path) -> None:
    event = V2_EVENT + "  - id: annex\n    name: Annex #2\n    notes: Side door  # a comment\n"
    write(tmp_path, event=event)
    problems = [(p.line, p.message) for p in check_knowledge(tmp_path) if p.warning]
    cut = [m for _, m in problems if "reads ' #2' as a comment" in m]
    assert cut == [
        "the value ends at 'Annex': YAML reads ' #2' as a comment; put the value in quotes if it "
        "belongs to it"
    ]
    assert not any("Side door" in m for _, m in problems)  # "# a comment" is a comment
