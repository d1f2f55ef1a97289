"""One session written every way the bot shows it: a listing line, a card, a reminder."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.focus import Focus
from bot.domain.knowledge import KnowledgeBase, load_knowledge
from bot.i18n import Translator
from bot.texts.sessions import HTML, SessionText

ROOT = Path(__file__).resolve().parents[2]
KB = """\
event:
  name: Open Days
  languages: [en, es]
  timezone: America/Lima
  start_date: 2027-03-10
  end_date: 2027-03-11
venues:
  - id: hall
    city: Lima
    name: Convention Centre
sessions:
  - id: keynote
    title: Keynote
    date: 2027-03-10
    start: "09:00"
    venue: hall
  - id: tour
    title: City tour
    summary: A walk through the old town.
    date: 2027-03-11
    venue: hall
  - id: visit
    title: Museum visit
    part_of: tour
  - id: walk
    title: Guided walk
    date: 2027-03-11
    part_of: tour
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    folder = tmp_path_factory.mktemp("kb")
    (folder / "kb.yaml").write_text(KB, encoding="utf-8")
    return load_knowledge(folder)


def text(kb: KnowledgeBase, lang: str = "en") -> SessionText:
    return SessionText(kb, lang, Translator(ROOT / "locales").get(lang).gettext)


def test_a_session_without_a_description_shows_its_title_once(kb: KnowledgeBase) -> None:
    keynote = kb.session("keynote")
    assert keynote is not None
    for about in (Focus.ABOUT, Focus.WHEN, Focus.WHERE):
        answer = text(kb).answer(keynote, about)
        assert sum(line == "Keynote" for line in answer) == 1, answer
    assert text(kb).full(keynote) == [
        "Keynote",
        "Wednesday 10 March 2027 · 09:00 · Convention Centre, Lima",
    ]


def test_a_listing_line_names_time_venue_and_the_undated_part(kb: KnowledgeBase) -> None:
    tour = kb.session("tour")
    assert tour is not None
    assert text(kb).line(tour, summary=True) == [
        "• City tour — Convention Centre",
        "  A walk through the old town.",
        "  ↳ Museum visit — date and time to be confirmed by the organisers.",
    ]
    assert text(kb, "es").line(tour)[-1] == (
        "  ↳ Museum visit — fecha y hora por confirmar por los organizadores."
    )


def test_an_undated_part_is_not_placed_or_dated_by_its_block(kb: KnowledgeBase) -> None:
    visit = kb.session("visit")
    assert visit is not None
    card = text(kb).card(visit, Focus.WHERE)
    assert card[1] == (
        "Part of: City tour, Thursday 11 March 2027 · "
        "date and time to be confirmed by the organisers"
    )
    assert card[-1] == "Place to be confirmed by the organisers."
    reminder = SessionText(kb, "en", Translator(ROOT / "locales").get("en").gettext, HTML)
    assert reminder.reminder(visit, with_date=True).splitlines()[1:] == [
        "Part of: City tour",
        "When: date and time to be confirmed by the organisers",
        "Where: place to be confirmed by the organisers",
    ]


def test_a_dated_part_is_held_at_its_blocks_venue_everywhere(kb: KnowledgeBase) -> None:
    walk = kb.session("walk")
    assert walk is not None
    assert "Convention Centre, Lima" in text(kb).full(walk)[1]
    assert text(kb).where(walk) == (
        "Convention Centre, Lima (address to be confirmed by the organisers)"
    )
