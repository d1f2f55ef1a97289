"""Reading: what a message says, before anything is looked up in the knowledge base.

The first stage of the matcher. Markup is dropped, shouting lowered and the KB's own initials
spelled out ("the AI panel"); the words are folded, letters held for emphasis undone, and the
language told among the KB's (the user's choice breaks ties). Chat forms are expanded, typos of
a weekday repaired, greetings and self-introductions set aside, and the words become the
index's terms. A trip (arriving, leaving, missing, catching) is noted, and the days and times
of day the message names are read against the event's clock.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.domain.clock import event_local
from bot.domain.clock_words import Clock, mark_hours, mark_times, read_clock
from bot.domain.cues import UNTIL_WORDS, rewrite, this_edition
from bot.domain.date_words import FEIRA_DAYS, TIME_NAMES
from bot.domain.dates import When, mark_numeric_dates
from bot.domain.index import LONE_CAPITAL
from bot.domain.introductions import past_introduction
from bot.domain.knowledge import KnowledgeBase
from bot.domain.lang import by_language, words_of
from bot.domain.language import (
    detect_language,
    expand,
    fold,
    folded_spans,
    holds_pair,
    phrase_pattern,
    split_codes,
    stem,
    tokens,
    undiminished,
    unstretched,
)
from bot.domain.lexicon import ARTICLES, STOPWORDS
from bot.domain.numerals import minors, spelled_numbers
from bot.domain.sentences import confirms
from bot.domain.terms import Term, is_slip
from bot.domain.tuning import TUNING
from bot.domain.vocabulary import Vocabulary

_MAX_CHARS = TUNING.max_chars
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,40}>")  # markup pasted into a question is not words
_ACRONYM = re.compile(r"\b[A-Z]{2,4}\b")  # initials written in capitals: "AI", "IA", "UX"
_SLIP_LEN = TUNING.slip_len
_SLIP_NAMES = frozenset(w for w in (*TIME_NAMES, *FEIRA_DAYS) if len(w) >= _SLIP_LEN)
_SLIP_BY_LETTER: dict[str, tuple[str, ...]] = {
    c: tuple(sorted(n for n in _SLIP_NAMES if n[0] == c)) for c in {n[0] for n in _SLIP_NAMES}
}
REQUESTS = words_of("REQUESTS")  # "I need", "necesito": a request, though unmarked
# Phrases that correct a day just named, as patterns over the folded text (whole words).
_CORRECTIONS = phrase_pattern(p for ps in by_language("CORRECTIONS", ()).values() for p in ps)
# Words pointing at the asker's room ("this room", "aquí").
_HERE = phrase_pattern(p for ps in by_language("ROOM_HERE", ()).values() for p in ps)
_ARRIVE_PHRASES = frozenset((a, b) for a, b in (p.split() for p in words_of("ARRIVE_PHRASES")))
_LEAVE_PHRASES = frozenset((a, b) for a, b in (p.split() for p in words_of("LEAVE_PHRASES")))
_NO_ARRIVAL = frozenset(("to", verb) for verb in words_of("GET_TO"))  # "get to see"
_NEGATIONS = words_of("NEGATIONS")  # "won't I get to see"
_LOCATIVES = frozenset(["at", "in", "en", "em", "no", "na", "nos", "nas"])  # "at the", "en el"
_FOR_WHOM_HEADS: dict[str, frozenset[str]] = by_language("FOR_WHOM_HEADS")
_FOR_WHOM_LINKS: dict[str, frozenset[str]] = by_language("FOR_WHOM_LINKS")
_FOR_WHOM_ANY: dict[str, frozenset[str]] = by_language("FOR_WHOM_ANY")
_SESSION_NOUNS = words_of("DAY_SESSION_NOUNS")  # "a session for...", "alguna actividad para..."
_INFINITIVES: dict[str, tuple[str, ...]] = by_language("INFINITIVE_ENDINGS", ())
_GROUP_WORDS = TUNING.group_words
_AUDIENCE = "audience"  # the concept (lang/*: CONCEPTS) the group asked about is read as


@dataclass(frozen=True)
class Reading:
    """What one message (or one of its sentences) says, read once for every later stage."""

    question: str
    text: str  # as read: markup out, shouting lowered, the KB's initials spelled out
    lang: str  # the language it is written in, among the KB's
    manners: str | None  # "greeting", "thanks" or "help" when it says only that
    plain: list[str]  # its folded words, chat forms expanded, a greeting's day words set aside
    words: list[str]  # ...rewritten for the index: cues, introductions, compounds (positions kept)
    terms: list[Term]  # the index's terms of `words`
    stated: list[str] | None  # a confirmation's words before its claimed places were set aside
    arriving: bool  # a trip: arriving ("I land on the 20th")
    staying: bool  # ...arriving or leaving
    missing: bool  # ...asking what is missed
    catching: bool  # ...or what is still caught
    stay: bool  # a trip asked about: its travel words place the question nowhere else
    local: dt.datetime  # the moment asked at, on the event's clock
    dated: list[str]  # the words dates are read from (a venue called like a time word set aside)
    when: When | None  # the day or days it names
    clock: Clock | None  # the time of day it names


_PROGRAMME = "programme"  # (a word of PROGRAMME_NOUNS: "what's on?" asks the whole of it)


class Reader:
    """Reads messages for one KB's vocabulary."""

    def __init__(self, kb: KnowledgeBase, vocab: Vocabulary) -> None:
        self.kb = kb
        self.vocab = vocab

    def read(self, question: str, now: dt.datetime, lang: str | None, hint: str | None) -> Reading:
        """Read `question` asked at `now`; `lang` forces its language, `hint` breaks ties."""
        text = _TAG.sub(" ", question[:_MAX_CHARS])
        if _shouted(text):  # "QUAIS SÃO AS DATAS?": capitals say nothing of names or initials
            text = text.lower()
        elif self.vocab.acronyms:  # "the AI panel": "...artificial intelligence"
            text = _ACRONYM.sub(
                lambda m: f"{m[0]} {self.vocab.acronyms.get(m[0].casefold(), '')}", text
            )
        words = mark_hours(tokens(mark_times(mark_numeric_dates(fold(text)))))
        words = unstretched(words, self.vocab.known_words)  # "oii", before its language is read
        words = undiminished(words, self.vocab.known_words)  # "mi perrito"
        pairs = enumerate(zip(words, words[1:], strict=False))
        titled = {i for i, pair in pairs if pair in self.vocab.title_pairs}
        if lang not in self.vocab.langs:
            spelled = self.vocab.index.normaliser.spelled(words)
            found = detect_language(
                text, spelled, self.vocab.evidence, hint, self.vocab.langs, self.vocab.default_lang
            )
            lang = found or (hint if hint in self.vocab.langs else self.vocab.default_lang)
        year = self.kb.event.start_date.year
        # A capital letter the KB writes as a word ("the R workshop") is no "are".
        capitals = {c.casefold() for c in LONE_CAPITAL.findall(text)}
        kept = capitals & self.vocab.index.normaliser.letters
        plain = [w if w in kept else e for w, e in zip(words, expand(words, lang), strict=True)]
        manners = self._manners_only(plain, text)
        plain = ["the" if i in titled else w for i, w in enumerate(plain)]
        # "el diecinueve", "nine one one": the readers and the index read digits.
        plain = spelled_numbers(plain, lang, self.vocab.index.normaliser.vocabulary)
        plain = minors(plain, lang)  # "tenho 15 anos, posso participar?": a minor asks
        plain = self._past_greeting(plain)  # "bom dia, quais são as datas?": "dia" asks no day
        plain = this_edition(plain)  # "who runs the conference this year?": the event
        words = rewrite(split_codes(self._time_slips(plain)), year, self.vocab.session_words)
        if tuple(w for w in words if w not in self.vocab.bare) in self.vocab.whats_on:
            # "what's on?" alone: now, during the event; its programme before or after it.
            day, event = event_local(now, self.kb.event.tz).date(), self.kb.event
            words = [*words, "now" if event.start_date <= day <= event.end_date else _PROGRAMME]
        # "what do I still get to see?": a chance to see, no arrival.
        arriving = any(
            w in self.vocab.arrive and tuple(words[i + 1 : i + 3]) not in _NO_ARRIVAL
            for i, w in enumerate(words)
        )
        arriving = arriving or holds_pair(words, _ARRIVE_PHRASES)  # "I fly in on the 20th"
        leaving = bool(self.vocab.leave.intersection(words)) or holds_pair(words, _LEAVE_PHRASES)
        staying = arriving or leaving
        # "perdi o ônibus da gala": a ride missed, no session ("what do I miss?").
        unridden = [w for i, w in enumerate(words) if i not in self._rides_missed(words)]
        missing = bool(
            self.vocab.miss.intersection(unridden)
            or staying
            and self.vocab.missed.intersection(unridden)
        )
        # "which part won't I get to see?": a chance to see, denied beside a trip, is missed;
        # granted, caught.
        chance = any(
            w in self.vocab.arrive and tuple(words[i + 1 : i + 3]) in _NO_ARRIVAL
            for i, w in enumerate(words)
        )
        denied = chance and bool(_NEGATIONS.intersection(words))
        missing = missing or staying and denied
        # "anything left that day?": "left" is read before the rewrite makes it a duration.
        left = self.vocab.catch.intersection(plain) & UNTIL_WORDS
        # "...to catch my flight": a plane caught is no session still caught.
        caught_ride = bool(self.ride(words))
        catching = staying and bool(
            self.vocab.catch.intersection(words)
            and not caught_ride
            or left
            or chance
            and not denied
        )
        # "My flight lands on the 20th: what do I miss?": the trip is no introduction, and its
        # travel words place the question nowhere else.
        stay = staying and (missing or catching)
        if not stay:
            words = past_introduction(words, self._kept)
        words = self._for_whom(words, lang)  # "is there anything for NGOs?": the audience
        words = self._compounds(words)
        stated = None
        if confirms(question):  # "so the closing is at <venue> and not at <venue>, right?"
            stated, words = words, self._past_places(words)  # the claim's places are no topic
        terms = self.vocab.index.normaliser.terms(words)
        acts = {
            t.index
            for t in terms
            if not t.known and t.text not in self.vocab.index.light and self._acts(words, t.index)
        }
        if acts:  # "¿cómo me conecto a internet?": the verb is no topic the KB lacks
            words = ["the" if i in acts else w for i, w in enumerate(words)]
            terms = self.vocab.index.normaliser.terms(words)
        local = event_local(now, self.kb.event.tz)
        # A venue or organiser called like a time word ("Ágora" is Portuguese "now") names it.
        dated = [w if w not in self.vocab.identity_words else "the" for w in words]
        when = self.vocab.dates.read(dated, local.date())
        clock = read_clock(dated, local.time(), lang) if when is None or when.day else None
        if when is not None and not when.day:  # "después de las 6": after a time, not "next"
            side = read_clock(dated, local.time(), lang)
            if side is not None and side.window and not side.part and when.consumed & side.consumed:
                when, clock = None, side
        if clock is not None and clock.part and when is None and not self.vocab.miss & set(words):
            clock = None  # "al mediodía" alone qualifies a topic ("lunch at noon"), not a day
        if clock is not None:
            day = when.day if when is not None and when.day else local.date()
            relative = when.relative if when is not None else ""
            used = when.consumed if when is not None else frozenset()
            when = When(relative, day, used | clock.consumed)
        return Reading(
            question, text, lang, manners, plain, words, terms, stated, arriving, staying,
            missing, catching, stay, local, dated, when, clock,
        )  # fmt: skip

    def corrected(self, question: str, today: dt.date) -> str:
        """The message from its last correction on, when a day is named on each side of it
        ("¿qué hay el martes? perdón, quise decir el miércoles: ¿qué hay ese día?"): the day
        corrected is no longer asked. Else the message as it is."""
        folded = fold(question)
        cut = max((m.end() for m in _CORRECTIONS.finditer(folded)), default=-1)
        if cut < 0:
            return question
        before, after = tokens(folded[:cut]), tokens(folded[cut:])
        days = self.vocab.dates
        if days.read(before, today) is None or days.read(after, today) is None:
            return question
        _, origin = folded_spans(question)  # (the same folding, with where each came from)
        return question[origin[cut] :].lstrip(" ,.:;!?¡¿-—…")

    def here(self, question: str) -> str:
        """The message with the words pointing at the asker's room ("this room", "aquí") made
        the room the message names ("I'm in Hall B. What's next in this room?" -> "...next in
        Hall B?"), when it names one room; else the message as it is."""
        rooms = self.vocab.room_pattern
        if rooms is None or _HERE.search(fold(question)) is None:
            return question
        folded, origin = folded_spans(question)
        said = [(m.start(), m.end()) for m in rooms.finditer(folded)]
        named = {self.vocab.room_of_run.get(tuple(tokens(folded[a:b]))) for a, b in said}
        if len(named) != 1:
            return question
        start, end = max(said, key=lambda s: s[1] - s[0])
        room = question[origin[start] : origin[end]]
        pointing = [m for m in _HERE.finditer(folded) if m.end() <= start or m.start() >= end]
        for m in reversed(pointing):
            question = question[: origin[m.start()]] + room + question[origin[m.end()] :]
        return question

    def _past_greeting(self, words: list[str]) -> list[str]:
        """The words with an opening greeting of several words ("bom dia", "good morning",
        "buenas tardes") made function words: its day or part of the day asks nothing."""
        for size in (3, 2):
            if len(words) > size and tuple(words[:size]) in self.vocab.greetings:
                return ["the"] * size + words[size:]
        return words

    def _manners_only(self, words: list[str], text: str) -> str | None:
        """ "greeting", "thanks" or "help" when the message says only that: a built-in phrasing
        word for word ("help"), or greetings, thanks and praise alone ("oi, bom dia", "awesome,
        thanks a lot for the help"), else None. Before any entry: the KB's keywords may list
        "help" or "thanks" without being asked."""
        if not words:
            return None
        exact = self.vocab.courtesy_exact.get(" ".join(words))
        if exact is not None and self.vocab.index.exact.get(" ".join(words)) is None:
            return exact
        if self.vocab.thank_words.intersection(words):
            known = self.vocab.thanks_vocab | self.vocab.manners_vocab
            if all(w in known for w in words):
                return "thanks"
            # "gracias, me sirvió mucho para el trabajo", "thank you, that's exactly what I
            # needed for my essay": thanks first, then why, asking nothing the KB knows of.
            rest = [w for w in words if w not in known]
            opening = self.vocab.thank_words.intersection(words[:2])
            asked = "?" in text or self.vocab.question_words.intersection(words)
            asked = asked or REQUESTS.intersection(words)  # "gracias, necesito el..."
            topics = self.vocab.index.topics
            term = self.vocab.index.normaliser.term
            if opening and not asked and not any(term(w) in topics for w in rest):
                return "thanks"
            return None
        if self.vocab.greeting_vocab.intersection(words) & self.vocab.greeting_heads:
            # "hey, what's this for?" asks something: no greeting alone.
            known = self.vocab.greeting_vocab | self.vocab.manners_vocab
            asking = self.vocab.question_words.intersection(words)
            return "greeting" if all(w in known for w in words) and not asking else None
        return None

    def _acts(self, words: list[str], i: int) -> bool:
        """True when the word at i follows a clitic pronoun ("me conecto", "se me acabaron"):
        a verb, whatever the KB knows of it."""
        return i > 0 and words[i - 1] in self.vocab.verb_markers

    def _vehicle_after(self, words: list[str], i: int) -> int | None:
        """Where a vehicle stands in the three words after the verb at i ("catch a train",
        "perdí el colectivo"), else None."""
        travel = self.vocab.builtins.travel
        return next((j for j in range(i + 1, min(i + 4, len(words))) if words[j] in travel), None)

    def _rides_missed(self, words: list[str]) -> frozenset[int]:
        """Where a word of missing has a vehicle right after it ("missed the bus", "perdí el
        colectivo"): the ride is what was missed."""
        miss = self.vocab.miss | self.vocab.missed
        return frozenset(
            i
            for i, w in enumerate(words)
            if w in miss and self._vehicle_after(words, i) is not None
        )

    def ride(self, words: list[str]) -> frozenset[int]:
        """The words of a ride caught ("to catch a train back to Ottawa", "pra pegar o ônibus
        de volta"): from the verb to two words past the vehicle. They tell of the trip, not of
        a session caught or asked about."""
        found: set[int] = set()
        for i, w in enumerate(words):
            vehicle = self._vehicle_after(words, i) if w in self.vocab.catch else None
            if vehicle is not None:
                found.update(range(i, vehicle + 3))
        return frozenset(found)

    def _time_slips(self, words: list[str]) -> list[str]:
        """Repair a weekday, month or relative day typed with two letters swapped or one
        missing ("sexat", "tomorow", "miercles"): the date reader knows only whole names. A word
        the KB or a language list uses is no slip."""
        normaliser = self.vocab.index.normaliser
        out = list(words)
        for i, w in enumerate(words):
            if len(w) < _SLIP_LEN or w in _SLIP_NAMES or w in STOPWORDS:
                continue
            if w in normaliser.vocabulary or w in normaliser.real or w in normaliser.words:
                continue
            # Typos rarely touch the first letter ("gosto" is no "agosto", "artes" no "martes").
            found = [
                n
                for n in _SLIP_BY_LETTER.get(w[0], ())
                if abs(len(n) - len(w)) <= 1 and is_slip(w, n)
            ]
            if len(found) == 1:
                out[i] = found[0]
        return out

    def _for_whom(self, words: list[str], lang: str) -> list[str]:
        """`words` with the group a session is asked to be for ("anything for NGOs", "algo
        pensado para el sector privado", "só pra governo") read as the audience asked about:
        a group the KB knows nothing of is no topic the KB lacks. A topic the KB has ("anything
        for lunch", "para niños") or a day ("for tomorrow") stays what is asked."""
        heads, links = _FOR_WHOM_HEADS.get(lang, ()), _FOR_WHOM_LINKS.get(lang, ())
        out = list(words)
        for i, w in enumerate(words[:-1]):
            # "a session for ...", not "that session for beginners" (a session already named).
            some = w in _SESSION_NOUNS and i > 0 and words[i - 1] in _FOR_WHOM_ANY.get(lang, ())
            if words[i + 1] not in links or not (w in heads or some):
                continue
            start = i + 2
            while start < len(words) and words[start] in ARTICLES:
                start += 1
            group = []
            for j in range(start, min(start + _GROUP_WORDS, len(words))):
                if words[j] in STOPWORDS or not words[j].isalpha() or words[j] in TIME_NAMES:
                    break  # "anything at 10?", "algo para mañana"
                group.append(j)
            # "algo para comer": a purpose, no group; "for beginners": a topic of the KB.
            if not group or words[group[0]].endswith(_INFINITIVES.get(lang, ())):
                continue
            if any(self.topical(words[j]) for j in group):
                continue
            out[group[0]] = _AUDIENCE
            for j in (*group[1:], *([i] if w in heads else [])):
                out[j] = "the"
        return out

    def _compounds(self, words: list[str]) -> list[str]:
        """Join two words the KB writes as one ("open telemetry" -> opentelemetry), keeping
        positions (the second becomes a stopword)."""
        normaliser = self.vocab.index.normaliser
        vocabulary = normaliser.vocabulary

        def real(word: str) -> bool:  # a function word is a word too: "que dan" is no "quedan"
            return word in vocabulary or word in STOPWORDS or word in normaliser.real

        out = list(words)
        for i in range(len(words) - 1):
            joined = words[i] + words[i + 1]
            known = real(words[i]) and real(words[i + 1])
            if len(joined) > 5 and joined in vocabulary and not known:
                out[i : i + 2] = [joined, "the"]
        return out

    def _kept(self, word: str) -> bool:
        """True for a word an introduction keeps: a topic of the KB, or one that places the
        question elsewhere ("I'm looking for a job at the bank": the job is what is asked)."""
        return (
            self.topical(word)
            or word in self.vocab.off_words
            or stem(word) in self.vocab.off_domain
        )

    def topical(self, word: str) -> bool:
        """True when the KB is asked about this word and it places no question elsewhere."""
        off = word in self.vocab.off_words or stem(word) in self.vocab.off_domain
        return not off and self.vocab.index.normaliser.term(word) in self.vocab.index.topics

    def placed(self, words: list[str]) -> list[bool]:
        """Which words name a venue: two words of its name in a row, a word only venue names
        use, or one of its words after "en el" / "at the" / "no"."""
        placed = [w in self.vocab.place_words for w in words]
        for called in self.vocab.venue_tokens:
            run: list[int] = []
            for i, w in enumerate([*words, ""]):
                if w in called:
                    run.append(i)
                    continue
                content = [k for k in run if words[k] not in STOPWORDS]
                if len(content) >= 2:
                    for k in run:
                        placed[k] = True
                run = []
        named = frozenset().union(*self.vocab.venue_tokens) - STOPWORDS
        for i, w in enumerate(words):  # "...sino en el hotel": a venue's word after "en el"
            k = i - 1
            while k >= 0 and words[k] in ARTICLES:
                k -= 1
            if w in named and k >= 0 and words[k] in _LOCATIVES:
                placed[i] = True
        return placed

    def _past_places(self, words: list[str]) -> list[str]:
        """A confirmation's venue names ("...is at the City Hospital and not at the event
        centre, right?") are the claim to check, not what it is about: left out of the search
        when the sentence names something else too."""
        placed = self.placed(words)
        rest = [w for w, p in zip(words, placed, strict=True) if not p]
        plain = self.vocab.not_topics | self.vocab.all_aspects
        terms = self.vocab.index.normaliser.terms(rest, repair=False)
        if not any(placed) or not any(t.known and t.text not in plain for t in terms):
            return words
        return ["the" if p else w for w, p in zip(words, placed, strict=True)]


def _shouted(text: str) -> bool:
    """True when most letters are capitals ("QUE HORA ES"): no word in capitals is initials."""
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) * 2 > len(letters)
