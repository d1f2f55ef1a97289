"""What a question about a session mostly wants: where it is, when it is, or what it is.

"Where is the workshop?" deserves the place and the day, not its whole description; "what
is the workshop?" deserves the description.
"""

from __future__ import annotations

import enum

from bot.domain.lang import words_of
from bot.domain.language import tokens


class Focus(enum.StrEnum):
    WHERE = "where"
    WHEN = "when"
    ABOUT = "about"


# Each language's words (bot/domain/lang/), joined: the question's language is not known here.
_WHERE = words_of("FOCUS_WHERE")
_WHEN = words_of("FOCUS_WHEN")
_ABOUT = words_of("FOCUS_ABOUT")
_CLOCK = words_of("FOCUS_CLOCK")
_DAY = words_of("FOCUS_DAY")


def focus(question: str) -> Focus:
    """Return what the question asks about its subject (ABOUT unless clearly where/when)."""
    words = tokens(question)
    where = any(w in _WHERE for w in words)
    when = any(w in _WHEN for w in words)
    # "what time…", "qué día…", "¿a qué hora…?" ask when, even though they start with what/qué.
    about = any(w in _ABOUT for w in words) and not any(w in _CLOCK for w in words)
    if about:
        return Focus.ABOUT
    if where:
        return Focus.WHERE  # the answer's first line gives the day too
    return Focus.WHEN if when else Focus.ABOUT


def asks_hour(question: str) -> bool:
    """True when the question asks when, and not which day ("¿a qué hora empieza?", "when does
    it end?"; not "¿qué día empieza?")."""
    return focus(question) is Focus.WHEN and not any(w in _DAY for w in tokens(question))
