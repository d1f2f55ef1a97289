"""Only ASCII digits are numbers: the 700-odd other Unicode digits never crash the matcher."""

from __future__ import annotations

import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.domain.knowledge import KnowledgeBase
from bot.domain.language import tokens
from bot.domain.matcher import Matcher
from tests.domain.test_properties import NOW, check

# Every character Python calls a digit, decimal or numeric that is not 0-9: ❶ ➀ ⓵ ፩ ١ ２ ½ Ⅻ…
OTHER_DIGITS = [
    c
    for c in map(chr, range(sys.maxunicode + 1))
    if (c.isdigit() or c.isdecimal() or c.isnumeric()) and not "0" <= c <= "9"
]
PIECES = st.sampled_from(OTHER_DIGITS) | st.sampled_from(
    ["el", "21", "de", "octubre", "the", "st", "day", "/", "-", ".", "2015", "hola", "x", " "]
)


def test_there_are_hundreds_of_them() -> None:
    assert {"❶", "➀", "⓵", "፩", "١", "２", "½"} <= set(OTHER_DIGITS)
    assert len([c for c in OTHER_DIGITS if c.isdigit()]) >= 69


@pytest.mark.parametrize("question", ["hola ❶", "➀", "⓵", "፩", "el ❷❶ de octubre", "21/❶0"])
def test_the_reported_questions_get_an_answer(
    matcher: Matcher, kb: KnowledgeBase, question: str
) -> None:
    check(matcher, kb, question, NOW)


def test_a_greeting_with_a_dingbat_digit_is_still_a_greeting(matcher: Matcher) -> None:
    assert matcher.answer("hola ❶", NOW).entry == "greeting"


def test_tokens_hold_only_ascii_digits() -> None:
    for c in OTHER_DIGITS:
        for token in tokens(f"día {c}{c} 2{c}1"):
            assert not any(ch.isdigit() and not ch.isascii() for ch in token), (c, token)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(PIECES, max_size=10), glue=st.sampled_from(["", " "]))
def test_any_mix_of_digits_and_words(
    matcher: Matcher, kb: KnowledgeBase, pieces: list[str], glue: str
) -> None:
    check(matcher, kb, glue.join(pieces), NOW)


def test_every_other_digit_alone_and_in_a_date(matcher: Matcher, kb: KnowledgeBase) -> None:
    for c in OTHER_DIGITS:
        for question in (c, f"el {c} de octubre", f"{c}{c}/10", f"2015-10-{c}1"):
            check(matcher, kb, question, NOW)
