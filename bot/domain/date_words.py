"""The words and phrases that name a time: months, weekdays, counts, "pasado mañana", "hoy".

Every list is each language's (bot/domain/lang/), joined: a date is read whatever the language
("el 21 de octubre", "21 October", "21 de outubro"). Adding a language adds its words there.
"""

from __future__ import annotations

from bot.domain.lang import merged, words_of

MONTHS = merged("MONTHS")
WEEKDAYS = merged("WEEKDAYS")  # "mar" is March, so Tuesday has no such abbreviation
COUNTS = merged("COUNTS")
SPAN_DAYS = words_of("SPAN_DAYS")
SPAN_BEFORE = words_of("SPAN_BEFORE")
SPAN_AFTER = words_of("SPAN_AFTER")
ORDINAL_DAYS = merged("ORDINAL_DAYS")
DAY_WORDS = words_of("DAY_NOUNS")
# The first or last session (or activity) is the first or last day's: "la última sesión".
SESSION_WORDS = words_of("DAY_SESSION_NOUNS")
PHRASES: dict[tuple[str, ...], tuple[str, int]] = merged("TIME_PHRASES")
WORDS: dict[str, tuple[str, int]] = merged("RELATIVE_WORDS")
# Weekdays that read as ordinals in another language ("la segunda sesión") name a day only
# with their suffix ("segunda-feira", folded: segunda feira).
FEIRA_DAYS = merged("FEIRA_DAYS")
FEIRA_SHORT = merged("FEIRA_SHORT")
FEIRA_LINKS = words_of("FEIRA_LINKS")  # "na quinta": the weekday, without its suffix
NEXT_WORD, PRIOR_WORD = "despues", "antesde"  # what "after/before the keynote" is rewritten to
WORDS[PRIOR_WORD] = ("next", 0)  # the session before one: still a schedule question
# "Próximo" after a noun or "more" means near ("un hotel próximo", "a estação mais próxima").
NEARBY = words_of("NEARBY")
NEARER = words_of("NEARER")
NOT_NEAR = words_of("NOT_NEAR")
COMING = words_of("COMING")
RELATIVE = {0: "today", 1: "tomorrow", -1: "yesterday"}
LINKS = words_of("DATE_LINKS")
TIME_NAMES = frozenset([*WEEKDAYS, *MONTHS, *WORDS])  # words that name a day or a time
THAT_DAY = frozenset(
    [("that", "day"), ("ese", "dia"), ("esse", "dia"), ("nesse", "dia"), ("that", "time")]
)  # "would I miss anything that day?": the day another sentence names
