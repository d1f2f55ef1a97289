"""What one knowledge base's words mean to the matcher, derived once when it loads.

Every stage of the matcher (reading, understanding, answering, deciding) reads these: the
search index over the entries, and the words of the event's own venues, rooms, tracks,
speakers, organiser and programme, and of its languages, sorted by what they say."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable

from bot.domain.builtins import Builtins
from bot.domain.corpus import documents, texts_by_language
from bot.domain.cues import COURTESY, ROLE_WORDS, SESSION_NOUNS, SessionWords
from bot.domain.date_words import ORDINAL_DAYS, TIME_NAMES
from bot.domain.dates import DateReader, mark_numeric_dates
from bot.domain.index import Index
from bot.domain.knowledge import KnowledgeBase, Localized, Session, iter_entry_ids
from bot.domain.lang import LANGUAGES, builtin_phrasings, concept_groups, words_of
from bot.domain.language import (
    LanguageEvidence,
    fold,
    phrase_pattern,
    stem,
    tokens,
    without_asides,
)
from bot.domain.lexicon import GENERAL_QUESTIONS, OFF_DOMAIN, OFF_DOMAIN_PHRASES, PLACE, STOPWORDS
from bot.domain.schedule import SCHEDULE_WORDS
from bot.domain.tuning import TUNING

THRESHOLD = TUNING.threshold  # below this score the matcher abstains
DEFAULT_LANG = "en"
_OWN_SCORE = TUNING.own_answer_score
_FUNCTION_WORDS = words_of("STOPWORDS")  # function words only, not chat filler
_OWN_SHARE = TUNING.own_answer_share
# Courtesy words (each language's, bot/domain/lang/): they alone ask for a greeting, but must
# not outweigh a real question.
_COURTESY = " ".join(sorted(words_of("COURTESY") | words_of("POLITE")))
# Words that frame a question about any topic ("tell me about", "do they give", "recommend"):
# never the topic itself, whether or not the KB happens to use them.
_META = " ".join(sorted(words_of("FRAMING")))
_PLACE_NOUNS = frozenset(["hotel", "hotels", "centro", "center", "centre", "edificio", "building"])
# Units of time ("this year", "cuántos años"): they measure, they are not what is asked about.
_SPANS = "year years ano anos"
_REWRITTEN_ASPECTS = ("venue", "cuando")  # what cues.rewrite turns rooms and durations into
_DAY_WORDS = TIME_NAMES | frozenset(ORDINAL_DAYS)  # ...or a day of the month ("22nd")
# Per-language lists whose words, unknown to a KB, ask how or when rather than name a topic.
_LIGHT_LISTS = (
    "ASPECTS", "CONFIRMATION", "DAY_END", "DAY_START", "MISS", "ARRIVE", "LEAVE", "CATCH",
)  # fmt: skip
# Words that step from a session or name a time, read as such unless a title starts with them.
_TIME_CUES = frozenset(["after", "before", "pre", "post", "next", "depois", "despues", "antes"])


class Vocabulary:
    """The words of one knowledge base, by what they say; built once, then read only."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        # The event's own name and city tell no entry from another.
        event = kb.event
        # A venue's proper name says where, not what: "wifi at the Grand Hotel" asks about wifi.
        venue_names = [
            w
            for v in kb.venues
            for n in v.name.values()
            for w in tokens(n)
            if w not in _PLACE_NOUNS
        ]
        event_words = [*event.name.values(), *(event.city.values() if event.city else ()), "event"]
        docs = documents(kb)
        said = {
            w
            for d in docs
            for text in (*d.phrasings, *d.keywords, *d.body)
            for w in tokens(text, limit=100_000)
        }
        # Everyday concepts the KB itself names, in any of its words: the others stay unknown.
        concepts = [g for g in concept_groups() if any(set(tokens(m)) <= said for m in g)]
        # A session's keyword alone that its title also says ("final": "The Final: top 6
        # startups pitch") names it, though a language list calls the word light (not a
        # two-letter one: "the US" is no "let us know").
        kept = {
            w
            for s in kb.sessions
            for k in s.keywords.all()
            if len(alone := tokens(k)) == 1
            for w in alone
            if len(w) > 2 and any(w in tokens(t) for t in s.title.values())
        }
        self.index = Index(
            docs,
            (*kb.synonyms, *concepts),  # the KB's own groups first: they win
            damped={
                **dict.fromkeys(event_words, 0.35),
                **dict.fromkeys(venue_names, 0.7),
                _COURTESY: 0.3,
                _META: 0.3,
                "how many": 0.5,
                _SPANS: 0.35,
            },
            light_words=_with_infinitives(
                (
                    *SCHEDULE_WORDS,
                    *_META.split(),
                    *SESSION_NOUNS,
                    *ROLE_WORDS,
                    *(w for name in _LIGHT_LISTS for w in words_of(name)),
                )
            ),
            kept=kept,
        )
        term = self.index.normaliser.term
        # Courtesy and framing words are neither topics nor evidence of being on topic.
        # Nor are the event's own name and city: every question about anything may hold them.
        named = [w for text in event_words for w in tokens(text)]
        self.framing = frozenset(
            term(w) for w in (*_COURTESY.split(), *_META.split(), "who", *named)
        )
        venue_words = [w for v in kb.venues for n in v.name.values() for w in tokens(n)]
        self.aspects = frozenset(term(w) for w in (*SCHEDULE_WORDS, *venue_words))
        self.measures = (self.index.normaliser.terms(["how", "many"])[0].text, term("price"))
        self.not_topics = self.aspects | self.framing  # beside a day, not what is asked
        self.courtesy = frozenset(term(w) for w in COURTESY)
        self.courteous = frozenset(self.index.exact.get(w, "") for w in COURTESY)  # greeting...
        by_lang = texts_by_language(kb)
        self.evidence = LanguageEvidence.from_texts(**by_lang)
        self.langs = tuple(kb.languages)  # a question is read as one of the event's languages
        self.default_lang = DEFAULT_LANG if DEFAULT_LANG in self.langs else kb.default_lang
        # Everyday-world words are off domain only where the KB never uses them.
        # (A venue's own words count: "a museum" is no tourism at an event held in one.)
        places = [
            t for v in kb.venues for x in (v.name, v.notes, v.directions) for t in values_of(x)
        ]
        own = self.index.normaliser.vocabulary | {w for t in places for w in tokens(t)}
        owned = own | {stem(w) for w in own}
        self.off_words = frozenset(w for w in OFF_DOMAIN if w not in own and stem(w) not in owned)
        self.off_domain = frozenset(stem(w) for w in self.off_words)
        # Who and where the event is (its organiser, city and venues, by name): beside them an
        # unknown word asks about them in their own right ("the bank's stock price", "the
        # hotel's spa"), not about the event they host.
        cities = [*values_of(event.city), *(c for v in kb.venues for c in values_of(v.city))]
        organiser = values_of(event.organiser)
        names = [n for v in kb.venues for n in v.name.values()]
        # ...except words the programme's titles use: "Open Data Collective" runs "open data".
        titles = self._terms_of(t for s in kb.sessions for t in s.title.values())
        # Acronyms stay names even in a title ("Asamblea de la SAI").
        acronyms = [w for t in (*organiser, *names) for w in re.findall(r"\b[A-Z]{2,}\b", t)]
        # ...and so do the nouns any event goes by ("Espaço Vergueiro de Eventos": "o evento").
        titles |= self._terms_of(words_of("EVENT_NOUNS"))
        self.identity = self._terms_of([*organiser, *cities, *names]) - titles
        self.identity |= self._terms_of(acronyms)
        self.organiser = self._terms_of(organiser) - titles
        self.identity_words = frozenset(
            w for t in (*organiser, *names) for w in tokens(t) if len(w) > 2 and w not in STOPWORDS
        )
        self.places = frozenset(stem(w) for text in cities for w in tokens(text))
        # A title word that elsewhere names a time or a step ("After-party", "Pre-congreso",
        # "Happy hour de sexta"), read with the word after it, names the session instead.
        self.title_pairs = frozenset(
            pair
            for ws in (tokens(t) for s in kb.sessions for t in s.title.values())
            for pair in zip(ws, ws[1:], strict=False)
            if pair[0] in _TIME_CUES and pair[1] not in STOPWORDS
        )
        self.off_phrases: dict[str, list[tuple[str, ...]]] = defaultdict(list)  # by first stem
        for phrase in OFF_DOMAIN_PHRASES:
            stems = tuple(w if w == PLACE else stem(w) for w in phrase)
            self.off_phrases[stems[0]].append(stems)
        # The words of the event's name ("Open Data Summit"): calling it by name.
        self.name_words = frozenset(
            w for n in event.name.values() for w in tokens(n) if w not in STOPWORDS
        )
        self.dates = DateReader(
            kb.event.start_date,
            kb.event.end_date,
            frozenset(s.date for s in kb.dated if s.date),
            words_of("EVENT_NOUNS") & self.name_words,
        )
        self.session_words = SessionWords.from_kb(kb)
        # Per language: Portuguese "data" (date) is an aspect, English "data" a topic.
        self.session_aspects = {
            lang: frozenset(
                term(w)
                for w in (
                    *words_of("ASPECTS", lang),
                    *words_of("CONFIRMATION", lang),
                    *ROLE_WORDS,
                    *_REWRITTEN_ASPECTS,
                )
            )  # fmt: skip
            for lang in self.langs
        }
        self.all_aspects = frozenset().union(*self.session_aspects.values())
        self.confirm_words = words_of("CONFIRMATION") | words_of("TAGS") | words_of("ALL_OF")
        self.filler = words_of("FILLER") | words_of("COURTESY") | words_of("EVENT_NOUNS")
        self.builtins = Builtins(kb, self.session_words.titled)
        self.own_answers = self._own_answers()
        self.acronyms = self._acronyms()
        self.generic_nouns = frozenset(term(w) for w in SESSION_NOUNS)
        self.title_words_of = {  # a session's title words as written (folded), by session
            s.id: frozenset(w for t in s.title.values() for w in tokens(t)) for s in kb.sessions
        }
        # Every word of the sessions' titles: a room named like a session ("Sala de pósteres")
        # names that session after "after" or "before".
        self.title_words: frozenset[str] = frozenset().union(*self.title_words_of.values())
        # A venue's word a session's title holds too ("the Medicine talk" at the Faculty of
        # Medicine): asked when, it names the session; asked where, the place.
        self.venue_titled = frozenset(
            term(w) for w in venue_words if w in self.title_words
        ) - frozenset(term(w) for w in SCHEDULE_WORDS)
        self.title_terms = {  # a session's title words, as terms: what kind of session it is
            s.id: frozenset(term(w) for t in s.title.values() for w in tokens(t))
            for s in kb.sessions
        }
        self.generic_nouns_raw = SESSION_NOUNS | self.session_words.titled
        # Tracks by their names' words in every language, with their sessions in order.
        tracks: dict[tuple[tuple[str, ...], ...], list[Session]] = defaultdict(list)
        for s in sorted(
            (s for s in kb.sessions if s.track is not None and s.date is not None),
            key=lambda s: (s.date or dt.date.min, s.start or dt.time.min),
        ):
            called = tuple(tuple(tokens(n)) for n in s.track.values()) if s.track else ()
            tracks[called].append(s)
        self.tracks = {k: tuple(v) for k, v in tracks.items()}
        self.track_words = words_of("TRACK_WORDS")
        # Rooms and tracks by the words only their names use ("Sala Tietê" -> tiete; "Trilha
        # Mobile" -> mobile): a time question naming one asks what is on there then.
        strands: dict[str, set[str]] = defaultdict(set)  # a name's word -> the strands using it
        for s in kb.sessions:
            room = kb.session_room(s)
            for kind, labels in (("room", room), ("track", s.track)):
                if not labels:
                    continue
                key = strand_key(kind, labels)  # one room in all its languages
                for name in labels.values():
                    # (Filler elsewhere names a room here: "Palco Principal".)
                    for w in tokens(name):
                        if w not in _FUNCTION_WORDS:
                            strands[w].add(key)
        self.strand_of = {w: next(iter(keys)) for w, keys in strands.items() if len(keys) == 1}
        # Venues by the words of their names that the event's name, its city and other venues
        # do not use: "what's on at the hotel on Tuesday?" lists what is on there then.
        common = {
            w for t in (*kb.event.name.values(), *values_of(kb.event.city)) for w in tokens(t)
        }
        at_venue: dict[str, set[str]] = defaultdict(set)
        for v in kb.venues:
            for name in v.name.values():
                for w in tokens(name):
                    if w not in STOPWORDS and w not in common:
                        at_venue[w].add(f"venue:{v.id}")
        self.venue_strand = {w: next(iter(ks)) for w, ks in at_venue.items() if len(ks) == 1}
        self.strand_any = frozenset(strands)  # every word of a room's or track's name
        # Each room's venue (its sessions'): "where is room B?" is asked of that venue.
        # (a room of one session is asked as that session: its card says where).
        self.room_venue: dict[str, str] = {}
        held: dict[str, int] = defaultdict(int)
        for s in kb.sessions:
            room = kb.session_room(s)
            if room and s.venue:
                self.room_venue.setdefault(strand_key("room", room), s.venue)
                held[strand_key("room", room)] += 1
        self.room_venue = {k: v for k, v in self.room_venue.items() if held[k] > 1}
        # Each room's whole name as words, in every language ("sala", "3"): a listing asked of
        # one ("what's in Sala 3 after lunch?") keeps that room's sessions.
        rooms_of_run: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for s in kb.sessions:
            if (labels := kb.session_room(s)) is None:
                continue
            for name in labels.values():
                if run := tuple(tokens(name)):
                    rooms_of_run[run].add(strand_key("room", labels))
        # (A name two rooms share names neither.)
        self.room_of_run = {run: k.pop() for run, k in rooms_of_run.items() if len(k) == 1}
        # ...found in a message's folded text at once (see Reader.here).
        runs = [" ".join(run) for run in self.room_of_run]
        self.room_pattern = phrase_pattern(runs) if runs else None
        # Speakers by their names' words, with their sessions in programme order.
        talks: dict[tuple[str, ...], list[Session]] = defaultdict(list)
        for s in sorted(
            (s for s in kb.sessions if s.date is not None),
            key=lambda s: (s.date or dt.date.min, s.start or dt.time.min),
        ):
            for person in s.speakers:
                if who := tuple(tokens(person.name)):
                    talks[who].append(s)
        self.speakers = {k: tuple(v) for k, v in talks.items()}
        affiliations: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for s in kb.sessions:
            for person in s.speakers:
                for text in values_of(person.affiliation):
                    affiliations[tuple(tokens(person.name))].update(tokens(text))
        self.affiliations = {k: frozenset(v) for k, v in affiliations.items()}
        self.first_names: dict[str, int] = defaultdict(int)
        for who in self.speakers:
            self.first_names[who[0]] += 1
        self.contact_words = words_of("CONTACT_WORDS")
        # Speakers by surname whose own texts give no e-mail: asked for one, nothing answers.
        self.unreachable = frozenset(
            tokens(p.name)[-1]
            for s in kb.sessions
            for p in s.speakers
            if len(tokens(p.name)) >= 2
            and not any("@" in t for x in (p.bio, p.affiliation) if x for t in x.values())
        )
        self.miss, self.leave = words_of("MISS"), words_of("LEAVE")
        self.arrive, self.catch = words_of("ARRIVE"), words_of("CATCH")
        self.missed = words_of("MISSED")
        self.bring, self.tasks = words_of("BRING"), words_of("TASKS")
        self.programme_nouns = words_of("PROGRAMME_NOUNS")
        self.whats_on = frozenset(tuple(p.split()) for p in words_of("WHATS_ON"))
        self.bare = words_of("COURTESY") | words_of("POLITE")  # beside "what's on?" alone
        self.verb_markers, self.who = words_of("VERB_MARKERS"), words_of("WHO")
        self.where_words = words_of("FOCUS_WHERE")
        # The words only the venues' names use (not a title's or an FAQ's question).
        asked_words = {
            w for d in docs for text in (*d.phrasings, *d.keywords) for w in tokens(text)
        }
        # (A note in brackets is no name: "Estación Fluvial (pasta party)" is where the pasta
        # party is, and "the pasta party is included, right?" claims nothing of a place.)
        self.venue_tokens = [
            frozenset(w for n in v.name.values() for w in tokens(without_asides(n)))
            for v in kb.venues
        ]
        self.place_words = frozenset(
            w
            for v in kb.venues
            for n in v.name.values()
            for w in tokens(n)
            if w not in STOPWORDS and w not in asked_words and not w.isdigit()
        )
        # Words that ask where or when a thing is (cues.rewrite turns rooms into "venue").
        self.place_time_words = (
            self.where_words | words_of("FOCUS_WHEN") | words_of("FOCUS_CLOCK")
        ) | frozenset(_REWRITTEN_ASPECTS)
        self.talk_nouns = words_of("TALK_NOUNS")
        self.greeting_words = words_of("GREETING_WORDS")  # "good", "buenos", "bom"
        self.address = words_of("ADDRESS")
        self.event_nouns = words_of("EVENT_NOUNS") | self.name_words  # (not "on", "de", "of")
        self.day_end, self.day_start = words_of("DAY_END"), words_of("DAY_START")
        self.defaults = self._general_entries()
        self.day_notes = self._day_notes()
        # Manners alone ("oi, bom dia", "thanks, that's really useful!"): the words of every
        # language's greeting and thanks phrasings, praise and words that carry no topic.
        manners: dict[str, set[str]] = {"greeting": set(), "thanks": set(), "help": set()}
        for code in LANGUAGES:
            for key, phrasings in builtin_phrasings(code).items():
                if key in manners:
                    manners[key] |= {w for p in phrasings for w in p.split()}
        self.greeting_vocab = frozenset(manners["greeting"]) | words_of("COURTESY")
        self.thanks_vocab = frozenset(manners["thanks"]) | self.greeting_vocab
        self.thank_words = words_of("THANKS")
        self.question_words = words_of("QUESTION_WORDS")
        # Lunch, in every language, and whether the programme has one of its own.
        # (A meal in any of its words: Spain's "comida" is lunch, "después de comer" after it.)
        meals = ("lunch", "food")
        self.lunch_words = frozenset(w for g in concept_groups() if g[0] in meals for w in g)
        self.lunch_sessions = tuple(
            s for s in kb.dated
            if any(self.lunch_words.intersection(tokens(t)) for t in s.title.values())
        )  # fmt: skip
        self.greetings = frozenset().union(*self.builtins.greetings.values())  # every language's
        self.address_words = words_of("STREET_ADDRESS")
        # "hi", "hola", "oi": a greeting on its own; "good", "buenos", "bom" only in a phrasing.
        self.greeting_heads = words_of("COURTESY") - words_of("GREETING_WORDS")
        self.manners_vocab = (
            words_of("PRAISE")
            | words_of("VOCATIVES")
            | words_of("POLITE")
            | words_of("BOT_NAMES")
            | STOPWORDS
        )
        # Every word some list or the KB knows: a word held for emphasis ("holaa") is one of them.
        self.known_words = (
            self.index.normaliser.vocabulary
            | STOPWORDS
            | self.thanks_vocab
            | self.manners_vocab
            | self.builtins.words
            | self.evidence.known
        )
        # A message that is one built-in phrasing word for word ("help", "ayuda") asks it.
        self.courtesy_exact = {
            p: key for code in LANGUAGES for key, ps in builtin_phrasings(code).items()
            if key in manners for p in ps
        }  # fmt: skip

    def _day_notes(self) -> dict[dt.date, str]:
        """The FAQ that explains a day of its own ("Why is there nothing on the 22nd?"), by
        day: one whose questions mostly name that day, read as the date reader reads them."""
        start, end = self.kb.event.start_date, self.kb.event.end_date or self.kb.event.start_date
        found: dict[dt.date, tuple[float, str]] = {}
        self.faq_days: dict[str, frozenset[dt.date]] = {}

        def day_of(text: str) -> dt.date | None:
            words = tokens(mark_numeric_dates(fold(text)))
            if not any(w in _DAY_WORDS or w[-1:].isdigit() for w in words):
                return None  # no word a date is written with: no need to read it
            when = self.dates.read(words, start)
            return when.day if when is not None else None

        for faq in self.kb.faqs:
            asked = faq.questions.all()
            days: dict[dt.date, int] = defaultdict(int)
            read = [day_of(q) for q in asked]
            named = {d for d in (*read, *map(day_of, faq.keywords.all())) if d is not None}
            self.faq_days[faq.id] = frozenset(named)
            for day in read:
                if day is not None and start <= day <= end:
                    days[day] += 1
            for day, n in days.items():
                share = n / len(asked)
                if share >= TUNING.day_note_share and share > found.get(day, (0.0, ""))[0]:
                    found[day] = (share, faq.id)
        return {day: faq_id for day, (_, faq_id) in found.items()}

    def _general_entries(self) -> tuple[str, ...]:
        """The entries that answer what, when and where the event is: the suggestions when
        nothing is close (the KB's first entries if it has none for them)."""
        found: list[str] = []
        for question in GENERAL_QUESTIONS:
            terms = self.index.normaliser.terms(tokens(question), repair=False)
            hits = self.index.search((t.text for t in terms), limit=3)
            best = next((h.entry for h in hits if h.entry not in found), None)
            if best is not None and hits[0].score >= THRESHOLD:
                found.append(best)
        for entry in iter_entry_ids(self.kb):
            if len(found) >= 3:
                break
            if entry not in found:
                found.append(entry)
        return tuple(found[:3])

    def _acronyms(self) -> dict[str, str]:
        """The initials of the KB's own phrases of two to four words ("artificial
        intelligence" -> ai, "inteligencia artificial" -> ia), unless a title or keyword uses
        them as a word: a question writing them in capitals ("the AI panel") names that phrase
        too."""
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        texts = [t for s in self.kb.sessions for t in (*s.title.values(), *s.keywords.all())]
        texts += [t for f in self.kb.faqs for t in f.keywords.all()]
        for text in texts:
            words = [w for w in tokens(text) if w not in STOPWORDS and w.isalpha()]
            for size in (2, 3, 4):
                for i in range(len(words) - size + 1):
                    phrase = words[i : i + size]
                    counts["".join(w[0] for w in phrase)][" ".join(phrase)] += 1
        term = self.index.normaliser.term
        return {
            short: max(found, key=lambda p: (found[p], p))
            for short, found in counts.items()
            if not self.index.asks(term(short)) and short not in STOPWORDS
        }

    def _own_answers(self) -> dict[str, str]:
        """The KB's own FAQ for a built-in question, by the built-in's key: the FAQ that most
        of the built-in's phrasings, in the KB's languages, find first and clearly ("who runs
        this?" -> the KB's "organiser" FAQ, when it has one). It answers instead of the
        built-in, whose answer is only what `event:` and `venues:` say."""
        found: dict[str, str] = {}
        for key in self.builtins.answerable():
            if not key.startswith("event:"):
                continue  # courtesy: the KB's FAQ of the key's own id (manners_reply); a
                # venue's address or way there: that venue's own facts
            votes: dict[str, int] = defaultdict(int)
            asked = 0
            for lang in self.langs:
                for phrasing in builtin_phrasings(lang).get(key, ()):
                    asked += 1
                    terms = self.index.normaliser.terms(tokens(phrasing), repair=False)
                    hits = self.index.search(t.text for t in terms)
                    if hits and hits[0].score >= _OWN_SCORE and self.kb.faq(hits[0].entry):
                        votes[hits[0].entry] += 1
            best = max(votes, key=lambda e: (votes[e], e), default=None)
            if best is not None and votes[best] >= _OWN_SHARE * asked:
                found[key] = best
        return found

    def _terms_of(self, texts: Iterable[str]) -> frozenset[str]:
        terms = self.index.normaliser.terms
        return frozenset(t.text for text in texts for t in terms(tokens(text), repair=False))


def _with_infinitives(words: Iterable[str]) -> tuple[str, ...]:
    """The words and, for a Spanish or Portuguese verb form in -a, its infinitive ("fala" ->
    "falar", "trata" -> "tratar"): a framing verb is framing in every form. (Not -e: English
    "provide" would make "provider" a light word.)"""
    found = list(words)
    return (*found, *(w + "r" for w in found if len(w) >= 4 and w.endswith("a")))


def values_of(text: Localized | None) -> tuple[str, ...]:
    return text.values() if text is not None else ()


def strand_key(kind: str, labels: Localized) -> str:
    """The one key of a room or track, whatever language its name is read in."""
    return f"{kind}:" + "|".join(sorted({fold(n) for n in labels.values()}))
