"""Tickets for the organisers: markers, limits of text, the answer-time median, FAQ drafts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import yaml

from bot.domain.knowledge import load_knowledge
from bot.domain.tickets import (
    FaqDraft,
    Status,
    Ticket,
    clean,
    draft_answer,
    drafts_yaml,
    marker,
    summarise_tickets,
    ticket_in,
)

ROOT = Path(__file__).resolve().parents[2]
T0 = dt.datetime(2015, 10, 19, 15, 0, tzinfo=dt.UTC)


def ticket(n: int, status: Status, minutes: int | None = None) -> Ticket:
    answered = T0 + dt.timedelta(minutes=minutes) if minutes is not None else None
    return Ticket(n, 1, 1, "en", "q", None, status, False, T0, T0, answered)


def test_the_ticket_number_is_read_back_from_any_message_about_it() -> None:
    assert marker(12) == "🎫 #12"
    assert ticket_in("<b>🎫 #12 · en · name not shared</b>\n<blockquote>q</blockquote>") == 12
    assert ticket_in("💬 Answer from the organisers · 🎫 #7\nYour question: #3") == 7
    assert ticket_in("the programme, #12 in the list") is None
    assert ticket_in(None) is None


def test_a_question_is_trimmed_and_cut_before_it_is_shared() -> None:
    assert clean("  where?  ") == "where?"
    long = clean("x" * 5000)
    assert len(long) == 1000 and long.endswith("…")


def test_open_answered_and_the_median_time_to_answer() -> None:
    summary = summarise_tickets(
        [ticket(1, Status.OPEN), ticket(2, Status.SENDING), ticket(3, Status.ANSWERED, 10),
         ticket(4, Status.ANSWERED, 30), ticket(5, Status.ANSWERED, 20),
         ticket(6, Status.DRAFT), ticket(7, Status.CANCELLED)]
    )  # fmt: skip
    assert (summary.open, summary.answered) == (2, 3)
    assert summary.median_to_answer == dt.timedelta(minutes=20)
    assert summary.undelivered == 0
    blocked = dataclasses.replace(ticket(8, Status.ANSWERED, 5), undelivered_at=T0)
    assert summarise_tickets([blocked, ticket(9, Status.ANSWERED, 5)]).undelivered == 1
    assert summarise_tickets([ticket(1, Status.OPEN)]).median_to_answer is None


def test_drafts_print_as_a_faqs_section_ready_to_paste() -> None:
    drafts = [
        FaqDraft(1, 12, "es", "¿Hay guardería?", draft_answer(["Sí, en el piso 1.", " "]), T0),
        FaqDraft(2, 15, "en", "Is there: parking?", "Yes.\n\nAsk at the desk.", T0),
    ]
    loaded = yaml.safe_load(drafts_yaml(drafts))
    assert loaded == {
        "faqs": [
            {"id": "ticket-12", "questions": {"es": ["¿Hay guardería?"]},
             "answer": {"es": "Sí, en el piso 1."}},
            {"id": "ticket-15", "questions": {"en": ["Is there: parking?"]},
             "answer": {"en": "Yes.\n\nAsk at the desk."}},
        ]
    }  # fmt: skip


def test_a_pasted_draft_is_a_valid_faq_of_the_knowledge_base(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", folder)
    draft = FaqDraft(1, 12, "es", "¿Hay guardería para niños?", "Sí: en el primer piso.", T0)
    (folder / "drafts.yaml").write_text(drafts_yaml([draft]), encoding="utf-8")
    faq = load_knowledge(folder).faq("ticket-12")
    assert faq is not None and faq.answer.get("es") == "Sí: en el primer piso."
