"""Rewrites of a question's folded tokens where a word means something else beside another.

"the first summit" asks about an earlier edition, "the room for the summit" about where a
session is held (not a hotel room), "is it over" about the end of the event. Every list here
is folded (lowercase, accent-free) and names kinds of things, not this event's facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.domain.date_words import NEXT_WORD, PRIOR_WORD
from bot.domain.dates import names_day
from bot.domain.index import Hit
from bot.domain.knowledge import KnowledgeBase
from bot.domain.lang import words_of
from bot.domain.language import holds_pair, stem, tokens
from bot.domain.terms import Term


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns that name a session in any programme; the KB's own session nouns join them (see
# SessionWords). Beside them (or a day) a room is a place, an ordinal an edition.
_SESSION_NOUNS = _words(
    """session sessions sesion sesiones sessao sessoes meeting meetings reunion reuniones
    reuniao reunioes talk talks charla charlas palestra palestras ponencia ponencias panel panels
    workshop workshops taller talleres oficina oficinas keynote keynotes visit visita visitas
    edition editions edicion ediciones edicao edicoes symposium symposia simposio simposios plenary
    plenaries plenaria plenarias lecture lectures conferencia conferencias tutorial tutorials
    seminar seminars seminario seminarios lab labs laboratorio laboratorios class classes clase
    clases webinar webinars webinario webinarios platica platicas"""
)
SESSION_NOUNS = _SESSION_NOUNS
# Words that ask who, where or in which strand a session is: unknown to a KB, they are the
# aspect asked about (its speakers, room, track), never a topic of their own.
ROLE_WORDS = _words(
    """speak speaks speaking speaker speakers presents presenting presenter presenters
    ponente ponentes habla hablan expone expositor expositores palestrante palestrantes fala
    room rooms sala salas salon auditorium auditorio track tracks trilha trilhas eje ejes
    teach teaches teaching teacher teachers facilitate facilitates facilitating facilitator
    host hosts hosting lead leads leading give gives giving run runs running hers his
    ensena ensenan dicta dictan imparte imparten ensina ensinam apresenta apresentam"""
)
_EDITION_NOUNS = _words("edition editions edicion ediciones edicao edicoes")
# Ordinals as typed ("first", "1st", "primera", "1a", "1ra"), by value.
ORDINALS: dict[str, int] = {
    **{w: n for n, ws in enumerate(
        ("first primer primero primera primeiro primeira inaugural",
         "second segundo segunda", "third tercer tercero tercera terceiro terceira",
         "fourth cuarto cuarta quarto quarta", "fifth quinto quinta",
         "sixth sexto sexta", "seventh septimo septima setimo setima",
         "eighth octavo octava oitavo oitava", "ninth noveno novena nono nona",
         "tenth decimo decima"), start=1) for w in ws.split()},
    **{f"{n}{end}": n for n in range(1, 11)
       for end in ("st", "nd", "rd", "th", "a", "o", "ra", "ro", "er", "da", "do", "ta", "to",
                   "va", "vo", "ma", "mo", "na", "no")},
}  # fmt: skip
# Words that link a title's parts: an English title's head noun stands before the first one
# ("Annual Board Meeting for the Members"), a Spanish or Portuguese title's head first.
_TITLE_LINKS = _words(
    """on of for in at to and with about by from the a an de del la el los las en para sobre
    con y e da do das dos na no"""
)
_HEAD_LAST = frozenset({"en"})  # languages whose noun phrases end with their head noun


@dataclass(frozen=True)
class SessionWords:
    """The nouns a programme's sessions go by, read from the KB's titles and synonyms."""

    nouns: frozenset[str] = _SESSION_NOUNS
    editions: dict[str, int] = field(default_factory=dict)  # noun -> this edition's number
    between: frozenset[str] = frozenset()  # words of numbered titles ("7th Security Summit")
    titled: frozenset[str] = frozenset()  # the nouns of this KB's own titles ("workshop")
    # Every longer word of a timed session's title ("café" of "Pausa para café"): after a
    # step word ("después del café") it names that session too.
    title_words: frozenset[str] = frozenset()

    @classmethod
    def from_kb(cls, kb: KnowledgeBase) -> SessionWords:
        """Collect each session title's head noun, its synonyms and numbered editions."""
        nouns = set(_SESSION_NOUNS)
        editions: dict[str, int] = dict.fromkeys(_EDITION_NOUNS, 0)
        between: set[str] = set()
        # Single-word synonyms only: "centro de rehabilitación" makes no "centro" a session.
        groups = [[ws[0] for m in g if len(ws := tokens(m)) == 1] for g in kb.synonyms]
        for s in kb.sessions:
            for lang, text in s.title.texts:
                title = tokens(text)
                heads = _heads(text, lang)
                family = set(heads)
                for head in heads:
                    family.update(w for g in groups if head in g for w in g if len(w) > 2)
                family |= {stem(w) for w in family}
                nouns |= family
                number = next((ORDINALS[w] for w in _ordinal_tokens(title)), None)
                if number is not None:
                    editions.update(dict.fromkeys(family, number))
                    between.update(title)
        titled = frozenset(nouns - _SESSION_NOUNS) | frozenset(
            h for s in kb.sessions for lang, text in s.title.texts for h in _heads(text, lang)
        )
        plain = words_of("STOPWORDS") | words_of("FILLER")
        title_words = frozenset(
            w
            for s in kb.sessions
            if s.start is not None
            for _, text in s.title.texts
            for w in tokens(text)
            if len(w) > 3 and w not in plain and not w.isdigit()
        )
        return cls(frozenset(nouns), editions, frozenset(between), titled, title_words)

    def names_session(self, word: str) -> bool:
        return word in self.nouns or stem(word) in self.nouns

    def numbers_edition(self, word: str) -> int | None:
        """This edition's number when `word` names a numbered session, else None."""
        found = self.editions.get(word)
        return self.editions.get(stem(word)) if found is None else found


GENERIC = SessionWords()


def _ordinal_tokens(title: list[str]) -> list[str]:
    """Ordinal tokens of a folded title, with "7.ª" (7, a) read as one ("7a")."""
    found = [w for w in title if w in ORDINALS and not w.isdigit()]
    found += [a + b for a, b in zip(title, title[1:], strict=False) if a + b in ORDINALS]
    return found


def _heads(title: str, lang: str) -> list[str]:
    """The head noun of each part of a title ("Site tour: Solar Plant")."""
    heads = []
    for part in re.split(r"[:()\[\]—–-]", title):
        words = [w for w in tokens(part) if not w.isdigit() and w not in ORDINALS and len(w) > 1]
        while words and words[0] in _TITLE_LINKS:  # "Hands-on workshop": "on workshop"
            words = words[1:]
        if lang in _HEAD_LAST:
            cut = next((k for k, w in enumerate(words) if w in _TITLE_LINKS), len(words))
            words = words[:cut][-1:]
        else:
            words = [w for w in words if w not in _TITLE_LINKS][:1]
        heads.extend(words)
    return heads


# Beside a session, these ask where earlier editions were held ("countries that hosted it").
_HOSTED = _words("hosted organised organized albergaron acogieron")
_TAKES = _words("take takes taking took taken tiene tienen tendra tendran tomara tomaran")
_PASSIVE_NOW = _words("be being is are")  # "when will the summit be hosted": this edition
_LAST = _words("last latest ultima ultimo pasada pasado")  # "the last summit was...": before
_WAS = _words("was were fue fueron hubo")
_BEFORE = _words("antes before")  # "before" alone, not "before the panel"
# ...but a hotel room asked for a night is lodging ("hotel room tonight").
_LODGING = _words("hotel hotels hostel book booking reserve reservar reserva night nights noche")
_ROOMS = _words("room rooms sala salas")
_NUMBERS = _words("number numero nro no")
_PAST = "previous"
OTHER_EDITIONS = _PAST  # what `rewrite` makes of words asking of another edition
_NEXT_EDITION = "future"  # ...of the next one ("next year"): no earlier edition tells of it
_WHERE = "venue"
# "is it over", "the week is over already": the end of something, not a quantity.
_OVER_BEFORE = _words("is it event week conference all already ya")
_OVER_AFTER = frozenset(["", "yet", "already", "now"])
_STILL_ON = _words("on going happening running")
# "the topics the summit will address": the verb (discuss), not a street address.
_ADDRESS = _words("address addresses addressed")
_TO_ADDRESS = _words("will would to does do did can shall they it we be being been")
_SUBJECTS = _words("topic topics issue issues subject subjects theme themes question questions")


# Beside an edition noun, an earlier year than the event's, "another" or "next year" ask about
# the editions other than this one ("was there a summit in 2013?", "¿habrá otra cumbre?");
# beside the event itself only a year, "next year" or "again" do ("will it happen again?").
# A later year the KB never names is off its domain (see Matcher._later_year).
_OTHER_EDITION = _words("another otra otro otras otros future futura futuro futuras futuros")
_AGAIN = _words("again repeat repeated repetira repetiran repite nuevamente")
_FUTURE = _words("will going gonna habra sera volvera volveran va van repetira repetiran")
_EVENT_NOUNS = _words("event events evento eventos week semana conference conferencia")
_NEXT = _words("next proximo proxima siguiente")
_YEAR = _words("year ano edition edicion edicao")
# "who is running the conference this year?": this edition is the event itself, no other one.
_THIS = _words("this este esta neste nesta deste desta")


def this_edition(words: list[str]) -> list[str]:
    """The words with "this year", "esta edición" made function words: the event itself."""
    out = list(words)
    for i, (w, after) in enumerate(zip(words, words[1:], strict=False)):
        if w in _THIS and after in _YEAR:
            out[i : i + 2] = ["the", "the"]
    return out


def _other_editions(words: list[str], year: int | None, editions: bool) -> list[str]:
    out = list(words)
    named = editions or any(w in _EVENT_NOUNS for w in words)
    for i, w in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        again = w in _AGAIN and any(x in _FUTURE for x in words)  # not "about again"
        other = again or (editions and w in _OTHER_EDITION)
        if other or (named and w.isdigit() and len(w) == 4 and year and int(w) < year):
            out[i] = _PAST
        elif named and w in _NEXT and after in _YEAR:
            out[i : i + 2] = [_NEXT_EDITION, "the"]
    return out


# A year word beside its last one, either way round: "last year", "el año pasado".
_LAST_YEAR = frozenset(
    pair
    for last in words_of("LAST_YEAR")
    for year in words_of("YEAR_WORDS")
    for pair in ((last, year), (year, last))
)


def last_year(words: list[str]) -> bool:
    """True when a question asks of last year ("last year", "el año pasado", "o ano passado",
    "el año anterior"): another edition than the programme's."""
    return holds_pair(words, _LAST_YEAR)


# "how long is the summit", "¿cuánto dura la visita?": a session's day, not the week's span.
_LASTS = _words("long dura duran duration duracion last lasts")
# "how many days until the summit", "¿cuántos días faltan para el panel?": its date too.
_UNTIL = _words("until till left falta faltan queda quedan days dias")
UNTIL_WORDS = _UNTIL  # "left", "queda": read as a duration by `rewrite`
_TIME_MARK = re.compile(r"^t\d{4}a?$")  # a time of day as clock_words marks it
_COUNTING = _words("how many cuantos cuantas cuanto mucho")
# "who's the host", "¿quién es el anfitrión?": who organises it.
_HOST = _words("host hosts hosting anfitrion anfitriones")
_WHO = _words("who whos quien quienes")
_HAPPEN = _words("happen happens happening happened occur occurs occurring")
_ASKS_WHEN = _words("when whens cuando did will still yet")  # ...else "what's happening": now
# A question opening with "por qué" (or its texting forms) asks why.
_OPENERS = _words("y and pero oye oiga bueno entonces")
_WHY_TYPED = _words("xq pq porq porque")


_YEAR_WORDS = _words("year ano")
_WHICH = _words("what which que cual")
_BEGAN = _words("start started begin began first empezaron empezo comenzaron comenzo iniciaron")
# A price asked "a night" / "por noche" is a hotel's rate, not an evening session or a fee.
_PRICE = _words("much cuanto cost costs cuesta cuestan sale price precio rate tarifa vale")
_NIGHTS = _words("night nights noche noches")
_PER = _words("a per one each una por cada la the")


def rewrite(
    words: list[str], year: int | None = None, vocab: SessionWords | None = None
) -> list[str]:
    """Return folded tokens with edition ordinals, session rooms, 'over' and 'address' plain.

    `year` is the event's: beside an edition noun another year asks about other editions.
    Positions are kept (a dropped word becomes 'the') so token indices stay comparable.
    """
    vocab = vocab or GENERIC
    editions = any(vocab.numbers_edition(w) is not None for w in words)
    out = _other_editions(words, year, editions)
    start = 1 if words[:1] and words[0] in _OPENERS else 0
    if words[start : start + 2] == ["por", "que"]:  # "¿por qué...?" asks why; both are stopwords
        out[start : start + 2] = ["why", "the"]
    elif words[start : start + 1] and words[start] in _WHY_TYPED:  # "xq el banco...?"
        out[start] = "why"
    sessions = any(vocab.names_session(w) for w in words)
    who = any(w in _WHO for w in words)
    whole = not sessions and not any(names_day(w) for w in words)
    for i, w in enumerate(words):
        if whole and w in _HAPPEN:  # "when is this whole thing happening": the week, no session
            alone = w == "happening" and i + 1 == len(words)  # "anything happening?": now
            out[i] = "now" if alone and not any(x in _ASKS_WHEN for x in words) else "the"
        adjective = w == "last" and i + 1 < len(words) and vocab.names_session(words[i + 1])
        clocked = i > 0 and _TIME_MARK.match(words[i - 1]) is not None  # "from 9 until noon"
        if sessions and (w in _LASTS or w in _UNTIL) and not adjective and not clocked:
            # "how long have they been holding summits": since when, i.e. the earlier editions
            out[i] = _PAST if w == "long" and "been" in words[i + 1 : i + 6] else "cuando"
            j = i - 1
            while j >= 0 and (words[j] in _COUNTING or words[j] == "que"):
                out[j] = "the"  # "how long", "how many days": not a count
                j -= 1
        elif who and w in _HOST:
            out[i] = "organiza"
    lodging = any(w in _LODGING for w in words)
    if any(vocab.names_session(w) or (names_day(w) and not lodging) for w in words):
        for i, w in enumerate(words):
            after = words[i + 1] if i + 1 < len(words) else ""
            if _past_ordinal(words, i, vocab) or (
                editions
                and (
                    (w in _HOSTED and (not i or words[i - 1] not in _PASSIVE_NOW))
                    or (w in _BEFORE and after not in vocab.between | _TITLE_LINKS)
                    or (w == "last" and after in ("year", "time", "edition"))
                    or (
                        w in _LAST
                        and vocab.numbers_edition(after) is not None
                        and any(x in _WAS for x in words)
                    )
                )
            ):
                out[i] = _PAST  # "the first summit", "summits held before": earlier editions
            elif w in _ROOMS:
                out[i] = _WHERE
                j = i - 2 if i >= 2 and words[i - 1] == "de" else i - 1
                if j >= 0 and words[j] in _NUMBERS:  # "número de sala": which, not how many
                    out[j:i] = ["the"] * (i - j)
    for i, w in enumerate(words):
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if (w == "over" and before in _OVER_BEFORE and after in _OVER_AFTER) or (
            w == "still" and after in _STILL_ON  # "is it still going on": has it ended
        ):
            out[i] = "end"
        elif w in _ADDRESS and (
            before in _TO_ADDRESS
            or (vocab.names_session(before) and any(x in _SUBJECTS for x in words))
        ):
            out[i] = "discuss"
        elif w in ("acabo", "paso") and before in (
            "se",
            "ya",
        ):  # "¿ya pasó la semana?"  # "ya se acabó" (not "acabo de llegar")
            out[i] = "acaba"
        elif w in ("place", "lugar") and before in _TAKES:  # "take place": happens, not where
            out[i] = "the"
    for i, w in enumerate(words):  # "what year was it", "¿en qué año fue?": its date
        if w in _YEAR_WORDS and i and words[i - 1] in _WHICH:
            began = editions and any(x in _BEGAN for x in words)  # "what year did summits start"
            out[i] = _PAST if began else "date"
    nights = [i for i, w in enumerate(words) if w in _NIGHTS and i and words[i - 1] in _PER]
    if nights and any(w in _PRICE for w in words):  # "how much is a night at the hotel"
        out = ["the" if w in _PRICE else w for w in out]  # a hotel rate, not the event's fee
        for i in nights:
            out[i] = "lodging"
    step = session_step(words, vocab)
    if step:  # "after the summit" asks what comes next: a time, not a topic
        marks = _AFTER if step > 0 else _PRIOR
        out = [(NEXT_WORD if step > 0 else PRIOR_WORD) if w in marks else w for w in out]
    return out


# "what's after the summit", "¿qué viene después del panel?", "before the board meeting":
# the session that follows (or precedes) one. Rewritten to time words the date reader knows.
_AFTER = _words("after following despues luego tras siguiente depois apos seguinte seguir") | {
    NEXT_WORD
}
_PRIOR = _words("before antes previo previous prior preceding anterior") | {PRIOR_WORD}
_PREPOSITIONS = _words("after before antes despues depois apos") | {PRIOR_WORD}  # not "previous X"
AFTER_WORDS = _AFTER  # "after lunch", "depois do almoço"
_BACK = words_of("BACK_REFERENCES")  # "after this": the session the message names
_STEP_LINKS = _words(
    "the del de la el al a ao aos this that este esta do da o dos das desse dessa"
)  # "a seguir ao almoço": European Portuguese "after lunch"


def session_step(words: list[str], vocab: SessionWords | None = None) -> int:
    """+1 when a question asks what follows a session ("after the panel", "tras la visita"),
    -1 when it asks what precedes one ("antes de la reunión"), else 0."""
    for i, w in enumerate(words):
        if w not in _AFTER and w not in _PRIOR:
            continue
        if w == "tras" and i and words[i - 1] == "por":
            continue  # Portuguese "por trás da oficina": behind it, not after it
        after = words[i + 1] if i + 1 < len(words) else ""
        named = (vocab or GENERIC).names_session
        titled = (vocab or GENERIC).title_words
        # "after lunch", "after the break": a word of a session's title right after it.
        direct = w in _PREPOSITIONS and (named(after) or after in titled)
        linked = w == "tras" or after in _STEP_LINKS or direct
        if linked and any(named(x) or x in titled for x in words[i + 1 : i + 5]):
            return 1 if w in _AFTER else -1
        if w in _PREPOSITIONS and after in _BACK and i + 2 == len(words):  # "after this?"
            return 1 if w in _AFTER else -1
    return 0


_DAY_NOUNS = words_of("DAY_NOUNS")  # "the day before <a session>": a day, not a session
_STEPS = _AFTER | _PRIOR
DAY_STEP_WORDS = _DAY_NOUNS | _STEPS  # the words saying which way, no session's


def day_step(words: list[str], vocab: SessionWords | None = None) -> int:
    """+1 when a question asks of the day after a session ("the day after the gala", "o dia
    seguinte ao jantar"), -1 of the day before ("el día antes del taller"), else 0."""
    for i, w in enumerate(words[:-1]):
        if w in _DAY_NOUNS and words[i + 1] in _STEPS:
            step = session_step(words[i + 1 :], vocab)
            if step:
                return step
    return 0


# "What's next", "la próxima actividad": the next of any session, whichever is on.
_NEXT_ANY = _NEXT | _words("sigue")
_ANY_SESSION = SESSION_NOUNS | words_of("DAY_SESSION_NOUNS") | _words("thing cosa coisa one")
_CLAUSE_END = _words("and y e o ou or")


def asks_next(words: list[str]) -> bool:
    """True when a question asks what comes next in general ("what's next?", "qual é a próxima
    atividade?", "¿qué sigue?"), not the next of a named kind ("the next coffee break")."""
    for i, w in enumerate(words):
        if w not in _NEXT_ANY:
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        if not after or after in _CLAUSE_END or after in _ANY_SESSION:
            return True
    return False


def _past_ordinal(words: list[str], i: int, vocab: SessionWords) -> bool:
    """True when the ordinal at i numbers an edition other than this one ("the first summit"):
    a session noun follows it with only title or link words between."""
    if words[i] not in ORDINALS:
        return False
    for j in range(i + 1, min(len(words), i + 5)):
        number = vocab.numbers_edition(words[j])
        if number is not None:
            return ORDINALS[words[i]] != number
        if words[j] not in vocab.between and words[j] not in _TITLE_LINKS:
            return False
    return False


# A day and one of these asks whether the day is free: a schedule question ("is Thursday
# free?", "¿el jueves hay descanso?"), not the cost or why entries.
_DAY_OFF = _words(
    """free libre libres break rest resting descanso descansar descansamos nothing nada empty
    vacio vacia pausa gap idle no sin busy ocupado ocupada"""
)
_REASONS = _words("why come reason razon motivo porque")


def day_off_words(words: list[str]) -> frozenset[int]:
    """Indices of the words asking whether a day is free (and why), or none if none asks."""
    off = {
        i
        for i, w in enumerate(words)
        if w in _DAY_OFF or (w == "off" and i and words[i - 1] in ("day", "days"))
    }
    if not off:
        return frozenset()
    return frozenset(off | {i for i, w in enumerate(words) if w in _REASONS})


# Greetings and thanks: beside a question about something else they are manners, not its topic.
COURTESY = words_of("COURTESY")  # each language's (bot/domain/lang/), joined


def past_courtesy(
    terms: list[Term], courtesy: frozenset[str], topics: frozenset[str]
) -> list[Term]:
    """Drop greeting and thanks terms when a topic of the knowledge base says what is asked.

    "hola, ¿cuándo es la semana?" asks for the dates; "hola" or "great, thanks" alone stay.
    """
    if any(t.text in topics and t.text not in courtesy for t in terms):
        return [t for t in terms if t.text not in courtesy]
    return terms


def mannerly(
    hits: list[Hit], terms: list[Term], courtesy: frozenset[str], courteous: frozenset[str]
) -> list[Hit]:
    """Drop the greeting and thanks entries unless the question greets or thanks.

    "¿es seguro salir de noche?" shares "noche" with "buenas noches", but greets no one.
    """
    if any(t.text in courtesy for t in terms):
        return hits
    return [h for h in hits if h.entry not in courteous]
