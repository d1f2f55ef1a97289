"""The words and phrases that name a time: months, weekdays, counts, "pasado mañana", "hoy"."""

from __future__ import annotations

from bot.domain.lang import merged

# Months, weekdays and counts of every language (bot/domain/lang/), joined: a date is read
# whatever the language ("el 21 de octubre", "21 October", "21 de outubro").
MONTHS = merged("MONTHS")
WEEKDAYS = merged("WEEKDAYS")  # "mar" is March, so Tuesday has no such abbreviation
COUNTS = merged("COUNTS")
SPAN_DAYS = {"day", "days", "dia", "dias"}
SPAN_BEFORE = {"in", "en", "within"}
SPAN_AFTER = {"later", "despues", "mas", "hence"}
ORDINAL_DAYS = {
    **dict.fromkeys(("first", "primer", "primero", "primera", "opening", "inaugural"), 0),
    **dict.fromkeys(("second", "segundo", "segunda"), 1),
    **dict.fromkeys(("third", "tercer", "tercero", "tercera"), 2),
    **dict.fromkeys(("fourth", "cuarto", "cuarta"), 3),
    **dict.fromkeys(("fifth", "quinto", "quinta"), 4),
    **dict.fromkeys(("last", "final", "ultimo", "ultima", "closing", "clausura"), -1),
}
DAY_WORDS = {"day", "dia", "jornada"}
# The first or last session (or activity) is the first or last day's: "la última sesión".
SESSION_WORDS = {"session", "sesion", "activity", "actividad", "event", "evento"}
PHRASES: dict[tuple[str, ...], tuple[str, int]] = {
    ("day", "after", "tomorrow"): ("day", 2),
    ("pasado", "manana"): ("day", 2),
    ("antes", "de", "ayer"): ("day", -2),
    ("anteayer",): ("day", -2),
    ("this", "week"): ("week", 0),
    ("esta", "semana"): ("week", 0),
    ("whole", "week"): ("event-week", 0),
    ("all", "week"): ("event-week", 0),
    ("toda", "la", "semana"): ("event-week", 0),
    ("semana", "completa"): ("event-week", 0),
    ("next", "week"): ("week", 7),
    ("proxima", "semana"): ("week", 7),
    ("semana", "que", "viene"): ("week", 7),
    ("semana", "proxima"): ("week", 7),
    ("fin", "de", "semana"): ("weekday", 5),
    ("weekend",): ("weekday", 5),
    ("this", "morning"): ("day", 0),
    ("this", "afternoon"): ("day", 0),
    ("this", "evening"): ("day", 0),
    ("esta", "manana"): ("day", 0),
    ("esta", "tarde"): ("day", 0),
    ("esta", "noche"): ("day", 0),
    ("right", "now"): ("now", 0),
    ("en", "este", "momento"): ("now", 0),
    ("que", "sigue"): ("next", 0),
    ("que", "viene"): ("next", 0),
    ("depois", "de", "amanha"): ("day", 2),
}
WORDS: dict[str, tuple[str, int]] = {
    **dict.fromkeys(
        ("today", "hoy", "tonight", "tonite", "2day", "tday", "oy", "hoje"), ("day", 0)
    ),
    **dict.fromkeys(
        ("tomorrow", "tmrw", "tmr", "2moro", "2morrow", "manana", "mnana", "amanha"), ("day", 1)
    ),
    **dict.fromkeys(("yesterday", "ayer", "yday", "ystrdy", "ontem"), ("day", -1)),
    **dict.fromkeys(("now", "ahora", "ahorita", "currently", "actualmente", "agora"), ("now", 0)),
    **dict.fromkeys(
        ("next", "siguiente", "sigue", "proximo", "proxima", "upcoming", "despues", "luego"),
        ("next", 0),
    ),
}
# Portuguese weekdays shared with Spanish ordinals ("la segunda sesión") name a day only as
# "segunda-feira" (folded: segunda feira).
FEIRA_DAYS = {"segunda": 0, "terca": 1, "quarta": 2, "quinta": 3, "sexta": 4}
NEXT_WORD, PRIOR_WORD = "despues", "antesde"  # what "after/before the keynote" is rewritten to
WORDS[PRIOR_WORD] = ("next", 0)  # the session before one: still a schedule question
# "Próximo" after a noun or "more" means near ("un hotel próximo", "a estação mais próxima").
NEARBY = {"proximo", "proxima", "proximos", "proximas"}
NEARER = {"mais", "mas", "muy", "muito", "bem", "bastante"}
NOT_NEAR = {"semana", "mes", "ano", "vez", "edicion", "edicao", "dia", "dias", "sesion", "sessao"}
COMING = {"next", "proximo", "proxima", "coming", "siguiente"}
RELATIVE = {0: "today", 1: "tomorrow", -1: "yesterday"}
LINKS = {"the", "of", "on", "el", "de", "del", "la", "for", "para", "in", "en", "a", "at"}
