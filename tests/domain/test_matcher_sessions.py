"""What the matcher answers about sessions asked the way attendees write: a session's place
and time before an FAQ about another side of it, informal spellings, speakers, tracks, "next"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.domain.knowledge import load_knowledge
from bot.domain.matcher import Matcher

ROOT = Path(__file__).resolve().parents[2]
TIMED = ROOT / "tests" / "domain" / "kbs" / "timed.yaml"


def _timed_with(tmp_path: Path, extra: str) -> Matcher:
    """The timed KB with more FAQs appended (`extra`: YAML items under faqs:)."""
    text = TIMED.read_text(encoding="utf-8")
    path = tmp_path / "kb.yaml"
    path.write_text(text.rstrip("\n") + "\n" + extra, encoding="utf-8")
    return Matcher(load_knowledge(path))


_SOCIAL_TICKET = """  - id: social-ticket
    questions:
      en: [how do I buy a ticket for the social evening?, how much is the social evening?]
      es: [¿cómo compro la entrada de la noche social?, ¿cuánto cuesta la noche social?]
    keywords: {en: [ticket, plus-one], es: [entrada, acompañante]}
    answer: {en: "A ticket costs 20 dollars.", es: "La entrada cuesta 20 dólares."}
"""


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Where or when a session is: the session (its place and time), not the FAQ on its price.
        ("where is the social evening?", "social"),
        ("¿dónde es la noche social?", "social"),
        ("what time does the social evening start?", "social"),
        # The FAQ still answers what it owns: the ticket, the price.
        ("where do I buy a ticket for the social evening?", "social-ticket"),
        ("how much is the social evening?", "social-ticket"),
    ],
)
def test_where_or_when_a_session_is_asks_the_session(
    tmp_path: Path, question: str, entry: str
) -> None:
    matcher = _timed_with(tmp_path, _SOCIAL_TICKET)
    assert matcher.answer(question, dt.datetime(2026, 3, 1, 9)).entry == entry
