"""The search index over knowledge-base entries: term weights, candidates and scoring."""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from bot.domain.language import MAX_TOKENS, tokens
from bot.domain.terms import Normaliser
from bot.domain.tuning import TUNING

_BODY = TUNING.body
_LIGHT = TUNING.light
_UNKNOWN = TUNING.unknown
_NAME = TUNING.name
_KEYWORD = TUNING.keyword
_Phrasings = tuple[list[float], dict[str, list[int]]]  # masses; term -> phrasings holding it
_POOL = TUNING.pool
_ASIDE = TUNING.aside
_EXACT = TUNING.exact
_EVIDENCE = TUNING.evidence
_SCORE_CLOSE = TUNING.score_closeness
_RANK_CLOSE = TUNING.rank_closeness


@dataclass(frozen=True)
class Document:
    """What one entry is searchable by: its phrasings (questions) and its other words."""

    id: str
    phrasings: tuple[str, ...]  # questions and title: whole ways of asking for the entry
    keywords: tuple[str, ...] = ()  # words that point at the entry
    body: tuple[str, ...] = ()  # answer, description...: only widens the entry's vocabulary
    # Words about who gives it (a speaker's affiliation): they find the entry as keywords do,
    # but are no topic of it ("Instituto de Salud del Niño" is no session on children).
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    """How well one entry answers a question (score 0..100) and why."""

    entry: str
    score: float
    coverage: float  # share of the question's weight the entry explains
    closeness: float  # share of the entry's nearest phrasing the question matches
    support: float = 0.0  # how many phrasings come close (breaks ties: the entry most about it)
    rank: float = 0.0  # the order of hits (see _hit)


LONE_CAPITAL = re.compile(r"(?<![\w.'’-])([A-Z])(?![\w.'’-])")


class Index:
    """Entries weighted by how rare each term is; answers "which entries fit these terms?"."""

    def __init__(
        self,
        documents: Iterable[Document],
        synonyms: Iterable[Iterable[str]] = (),
        damped: dict[str, float] | None = None,
        light_words: Iterable[str] = (),
        kept: Iterable[str] = (),
    ) -> None:
        docs = list(documents)
        synonyms = [tuple(g) for g in synonyms]
        texts = {t for d in docs for t in (*d.phrasings, *d.keywords, *d.body, *d.names)}
        self._tokens = {text: tokens(text, limit=100_000) for text in texts}  # each text once
        vocabulary = {w for words in self._tokens.values() for w in words}
        vocabulary |= {w for g in synonyms for m in g for w in tokens(m)}
        light_words = tuple(light_words)
        # A capital letter standing alone in a title or keyword ("Workshop: data with R") is a
        # name there, not a stray letter.
        letters = {
            m.casefold()
            for d in docs
            for t in (*d.phrasings, *d.keywords)
            for m in LONE_CAPITAL.findall(t)
        }
        self.normaliser = Normaliser(synonyms, vocabulary, light_words, letters, kept)
        self.ids = tuple(d.id for d in docs)
        self._position = {id_: e for e, id_ in enumerate(self.ids)}
        # Whole phrasings, word for word: questions made only of stopwords ("what can you do?").
        self.exact: dict[str, str] = {}
        for d in docs:
            for text in d.phrasings:
                self.exact.setdefault(" ".join(self._tokens[text][:MAX_TOKENS]), d.id)
        self._long_exact = [(p.split(), e) for p, e in self.exact.items() if len(p.split()) >= 3]
        self._named: list[frozenset[str]] = []  # per entry, the terms only its names hold
        phrase_terms: list[list[frozenset[str]]] = []
        keyword_terms: list[list[frozenset[str]]] = []
        entry_terms: list[dict[str, float]] = []
        df: dict[str, int] = defaultdict(int)
        body_df: dict[str, int] = defaultdict(int)
        for d in docs:
            phrasings = [self._terms(t) for t in d.phrasings]
            body = {t for text in d.body for t in self._terms(text)}
            own = {t: 1.0 for ph in phrasings for t in ph}
            asked = set(own) | {t for text in d.keywords for t in self._terms(text)}
            named = {t for text in d.names for t in self._terms(text)} - asked
            own |= {t: 1.0 for t in (*asked, *named)}
            self._named.append(frozenset(named))
            terms = {t: _BODY for t in body} | own
            # Rarity counts where a term is asked about, not every answer that mentions it.
            for t in own:
                df[t] += 1
            for t in body - own.keys():
                body_df[t] += 1
            phrase_terms.append([ph for ph in phrasings if ph])
            keyword_terms.append(
                [k for k in (self._terms(t) for t in (*d.keywords, *d.names)) if k]
            )
            entry_terms.append(terms)
        # Terms some entry names as a keyword: the topics of the KB, not words that merely occur.
        self.topics = frozenset(
            t for e, ks in enumerate(keyword_terms) for k in ks for t in k
            if t not in self._named[e]
        )  # fmt: skip
        n = max(1, len(docs))
        damp = {
            t.text: factor
            for text, factor in (damped or {}).items()
            for t in self.normaliser.terms(tokens(text, limit=100_000), repair=False)
        }
        counts = {**body_df, **df}
        self.weights = {
            t: math.log(1 + n / c) / math.log(1 + n) * damp.get(t, 1.0) for t, c in counts.items()
        }
        self.light = {self.normaliser.term(w) for w in light_words}
        self._own: dict[str, list[int]] = defaultdict(list)  # term -> entries asked about it
        self._body: dict[str, list[int]] = defaultdict(list)  # term -> entries only mentioning it
        self._shares: list[dict[str, float]] = entry_terms
        # Per entry, its phrasings' (and keywords') masses and which of them hold each term: a
        # hit visits only the phrasings that share a word with the question, not all of them.
        self._phrasings: list[_Phrasings] = []
        self._keywords: list[_Phrasings] = []
        for e, terms in enumerate(entry_terms):
            for t, share in terms.items():
                (self._own if share == 1.0 else self._body)[t].append(e)
            self._phrasings.append(self._indexed(phrase_terms[e]))
            self._keywords.append(self._indexed(keyword_terms[e]))

    def _indexed(self, phrasings: Iterable[frozenset[str]]) -> _Phrasings:
        masses: list[float] = []
        holding: dict[str, list[int]] = defaultdict(list)
        for k, terms in enumerate(phrasings):
            masses.append(sum(self.weights[t] ** 2 for t in sorted(terms)))  # one order, one sum
            for t in terms:
                holding[t].append(k)
        return masses, dict(holding)

    def _terms(self, text: str) -> frozenset[str]:
        words = self._tokens.get(text) or tokens(text, limit=100_000)
        return frozenset(t.text for t in self.normaliser.terms(words, repair=False))

    def within(self, words: list[str]) -> str | None:
        """The entry whose longest phrasing of three words or more a question of function
        words only holds in order, a few words aside ("what sort of things can I ask you?"
        holds "what can i ask"), else None."""
        best: tuple[int, str] | None = None
        present = set(words)
        for wanted, entry in self._long_exact:
            if len(words) > len(wanted) + _ASIDE or not present.issuperset(wanted):
                continue
            it = iter(words)
            if all(w in it for w in wanted) and (best is None or len(wanted) > best[0]):
                best = (len(wanted), entry)
        return best[1] if best else None

    def asks(self, term: str) -> bool:
        """True when some entry's questions or keywords hold `term` (not only its answer)."""
        return term in self._own

    def explains(self, entry: str, term: str) -> bool:
        """True when entry `entry` holds `term` in its phrasings, keywords or body."""
        e = self._position.get(entry)
        return e is not None and term in self._shares[e]

    def owns(self, entry: str, term: str) -> bool:
        """True when entry `entry` is asked about `term` (its phrasings or keywords hold it)."""
        e = self._position.get(entry)
        return e is not None and self._shares[e].get(term) == 1.0 and term not in self._named[e]

    def sole(self, term: str) -> str | None:
        """The one entry asked about `term` ("shakeout": the shakeout run), else None."""
        asked = self._own.get(term, ())
        return self.ids[asked[0]] if len(asked) == 1 else None

    def weight(self, term: str, strong: frozenset[str] = frozenset()) -> float:
        """Return a term's weight in a question; `strong` unknown terms (names) weigh most."""
        if term in self.weights:
            return self.weights[term]
        if term in strong:
            return _NAME
        return _LIGHT if term in self.light or is_small_number(term) else _UNKNOWN

    def search(
        self, terms: Iterable[str], limit: int = 3, strong: frozenset[str] = frozenset()
    ) -> list[Hit]:
        """Return the `limit` entries that best fit the question terms, best first."""
        query = {t: self.weight(t, strong) for t in terms}
        mass = sum(w * w for w in query.values())
        if not mass:
            return []
        covered: dict[int, float] = defaultdict(float)
        for t, w in query.items():
            for e in self._own.get(t, ()):
                covered[e] += w * w
            for e in self._body.get(t, ()):
                covered[e] += _BODY * w * w
        # Score exactly only the entries that explain the most of the question.
        pool = heapq.nlargest(_POOL, covered, key=covered.__getitem__)
        hits = [self._hit(e, query, covered[e] / mass) for e in pool]
        # (Rounded: sums over a phrasing's words may differ in their last bits from run to run.)
        hits.sort(key=lambda h: (-round(h.rank, 3), -round(h.support, 6), h.entry))
        return hits[:limit]

    def _hit(self, e: int, query: dict[str, float], coverage: float) -> Hit:
        shares = self._shares[e]
        matched = sum(shares[t] * w for t, w in query.items() if t in shares)
        phrasings = _shares_of(self._phrasings[e], query)
        keywords = _shares_of(self._keywords[e], query)  # a keyword is a short way of asking
        closeness = max(max(phrasings, default=0.0), _KEYWORD * max(keywords, default=0.0))
        return _hit(self.ids[e], coverage, closeness, matched, sum(phrasings))


def _shares_of(phrasings: _Phrasings, query: dict[str, float]) -> list[float]:
    """The share of each phrasing's mass the question holds, for those it holds any of."""
    masses, holding = phrasings
    held: dict[int, float] = {}
    for t, w in query.items():
        for k in holding.get(t, ()):
            held[k] = held.get(k, 0.0) + w * w
    return [mass / masses[k] for k, mass in held.items()]


def is_small_number(term: str) -> bool:
    """True for a count or day of the month ("a 5 day event"): no topic of its own."""
    return term.isdigit() and int(term) <= 31


def _hit(entry: str, coverage: float, closeness: float, matched: float, support: float) -> Hit:
    """Combine coverage and closeness; a weak single word alone is not evidence enough."""
    exact = closeness >= _EXACT and coverage >= _EXACT
    evidence = 1.0 if exact else min(1.0, matched / _EVIDENCE)
    score = 100.0 * coverage * (1 - _SCORE_CLOSE + _SCORE_CLOSE * closeness) * evidence
    # Ranking leans on closeness: an entry that mentions every word somewhere in its answer
    # must not beat the entry one of whose questions is nearly the one asked.
    rank = math.sqrt(coverage * (1 - _RANK_CLOSE + _RANK_CLOSE * closeness)) * evidence
    return Hit(entry, round(min(100.0, score), 1), coverage, closeness, support, rank)
