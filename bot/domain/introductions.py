"""Self-introductions: "soy viceministro de Panamá, ¿a qué sesión voy?", "my name is Ana".

Who the asker is (a name, a country, a ministry, an employer) is not what they ask about. In
an introduction only the words the knowledge base is asked about (a minister, a donor, the
workshop) still count; the rest are not unknown topics that would make the question look
off-domain. Every list here is folded (lowercase, accent-free).
"""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.tuning import TUNING


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Openings of a self-introduction, as token sequences.
_OPENINGS: tuple[tuple[str, ...], ...] = (
    ("soy",),
    ("somos",),
    ("im",),
    ("i", "am"),
    ("we", "are"),
    ("me", "llamo"),
    ("my", "name", "is"),
    ("mi", "nombre", "es"),
    ("trabajo", "en"),
    ("trabajo", "para"),
    ("trabajo", "con"),
    ("i", "work"),
    ("represento",),
    ("i", "represent"),
    ("vengo", "de"),
    ("i", "come", "from"),
)
# Words that end an introduction: the question (or another clause) starts there.
_ENDS = _words(
    """que cual cuales donde cuando como quien quienes which what where when how who whom why
    is are can could should do does did will would puedo podria debo debemos deberia hay tienen
    y and but pero me quiero quisiera necesito want need would like interesa interested
    porque por para"""
)
_FROM = _words("from de desde")  # where the asker comes from: never the topic
_LONGEST = TUNING.introduction


def introduction(words: list[str]) -> tuple[frozenset[int], frozenset[int]]:
    """Indices of the tokens that introduce the asker: those said of them whatever they are
    (the opening words, where they come from), and all of them."""
    inside: set[int] = set()
    origin: set[int] = set()
    i = 0
    while i < len(words):
        opening = next((o for o in _OPENINGS if tuple(words[i : i + len(o)]) == o), None)
        if opening is None:
            i += 1
            continue
        j = body = i + len(opening)
        origin.update(range(i, body))
        from_ = opening[-1] in _FROM or words[body : body + 1] in (["de"], ["del"])
        while j < len(words) and j - i < _LONGEST and words[j] not in _ENDS:
            from_ = from_ or words[j] in _FROM
            if from_:
                origin.add(j)  # "I'm from Mexico": the asker's country, not an edition held there
            j += 1
        inside.update(range(i, j))
        i = max(j, i + 1)
    return frozenset(origin), frozenset(inside)


def past_introduction(words: list[str], topical: Callable[[str], bool]) -> list[str]:
    """Return `words` with an introduction's non-topical words blanked ('the', a stopword)."""
    origin, inside = introduction(words)
    if not inside or len(inside) == len(words):
        return words  # nothing introduced, or nothing else asked: leave the question as is
    # "me llamo" is not a phone call, whatever the KB knows of "llamar".
    blank = {i for i in inside if i in origin or not topical(words[i])}
    return ["the" if i in blank else w for i, w in enumerate(words)]
