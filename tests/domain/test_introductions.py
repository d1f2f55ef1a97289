"""Self-introductions: who the asker is does not say what they ask about."""

from __future__ import annotations

from bot.domain.introductions import introduction, past_introduction


def test_introduction_ends_where_the_question_starts() -> None:
    words = ["soy", "viceministro", "de", "panama", "a", "que", "sesion", "debo", "ir"]
    origin, inside = introduction(words)
    assert inside == frozenset(range(5))
    assert {0, 2, 3} <= origin  # the opening and where the asker comes from


def test_only_topical_words_of_an_introduction_stay() -> None:
    words = ["me", "llamo", "ana", "y", "soy", "del", "ministerio", "donde", "me", "registro"]
    out = past_introduction(words, lambda w: w in {"registro", "ministro"})
    assert out[-3:] == ["donde", "me", "registro"]
    assert "ana" not in out and "llamo" not in out and "ministerio" not in out


def test_a_question_that_is_only_an_introduction_is_left_alone() -> None:
    words = ["soy", "de", "la", "clinica"]
    assert past_introduction(words, lambda w: False) == words
