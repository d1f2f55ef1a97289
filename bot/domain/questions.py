"""What attendees asked: answer rate, most matched entries, and the misses grouped by similarity."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.domain.feedback import SessionFeedback
from bot.domain.language import stem, tokens
from bot.domain.lexicon import STOPWORDS
from bot.domain.tickets import TicketSummary

SIMILAR = 80.0  # token_set_ratio at or above which two misses count as the same question
TOP = 5
# Grouping is bounded so that anyone flooding the log cannot make /stats slow: only the most
# recent misses are grouped, each by its first characters, and a question is compared only with
# groups sharing a word's first letters (a typo rarely changes those).
GROUPED_MISSES = 1000
KEY_CHARS = 120
BLOCK_CHARS = 4
ABSTAIN = "abstain"


@dataclass(frozen=True)
class LoggedQuestion:
    """One free-text question as the log keeps it (no identity)."""

    text: str
    lang: str
    kind: str  # the matcher's reply kind: "entry" | "schedule" | "abstain"
    entry: str | None
    score: float
    asked_at: dt.datetime

    @property
    def answered(self) -> bool:
        return self.kind != ABSTAIN

    @property
    def topic(self) -> str:
        """Return what answered it: the entry id, or "schedule" for a day's programme."""
        return self.entry if self.kind == "entry" and self.entry else self.kind


@dataclass(frozen=True)
class QuestionGroup:
    """Misses that ask the same thing: labelled by the most frequent wording."""

    label: str
    count: int
    variants: tuple[str, ...]  # distinct wordings, most frequent first


@dataclass(frozen=True)
class QuestionStats:
    today: int
    total: int
    answered: int
    top_entries: tuple[tuple[str, int], ...]
    top_unanswered: tuple[QuestionGroup, ...]

    @property
    def answer_rate(self) -> float | None:
        """Return the share of questions answered (0..1), None before the first question."""
        return self.answered / self.total if self.total else None


@dataclass(frozen=True)
class Report:
    """Everything /stats and `confbot report` show."""

    users: Mapping[str, int]  # reachable users by language
    subscribers: Mapping[str, int]  # reachable subscribers by language
    questions: QuestionStats
    since: dt.datetime | None = None
    tickets: TicketSummary | None = None  # None: "ask the organisers" is not set up
    feedback: tuple[SessionFeedback, ...] = ()


def normalise(text: str) -> str:
    """Reduce a question to its topic words: folded, stemmed, without stopwords or punctuation."""
    words = tokens(text)
    topical = [stem(w) for w in words if w not in STOPWORDS]
    return " ".join(topical or words) or " ".join(text.casefold().split())


def _wording(text: str) -> str:
    return " ".join(text.split())


def _blocks(key: str) -> set[str]:
    return {word[:BLOCK_CHARS] for word in key.split()} or {key}


def group_similar(texts: Iterable[str], threshold: float = SIMILAR) -> list[QuestionGroup]:
    """Group questions whose normalised forms are similar; largest groups first."""
    return list(_group(tuple(texts), threshold))


@lru_cache(maxsize=4)  # /stats pressed again before anything new was missed: no work at all
def _group(texts: tuple[str, ...], threshold: float) -> tuple[QuestionGroup, ...]:
    wordings: dict[str, Counter[str]] = {}
    for text in texts:
        wording = _wording(text)
        if wording:
            wordings.setdefault(normalise(wording[: KEY_CHARS * 4])[:KEY_CHARS], Counter())[
                wording
            ] += 1
    # Most asked forms first: each becomes a group's representative or joins the closest one,
    # so a group is anchored on its most common form and cannot drift along a chain of typos.
    keys = sorted(wordings, key=lambda k: (-sum(wordings[k].values()), k))
    representatives: list[str] = []
    members: list[Counter[str]] = []
    index: dict[str, list[int]] = {}
    for key in keys:
        candidates = sorted({i for block in _blocks(key) for i in index.get(block, ())})
        best = process.extractOne(
            key,
            [representatives[i] for i in candidates],
            scorer=fuzz.token_set_ratio,
            score_cutoff=threshold,
        )
        if best is None:
            for block in _blocks(key):
                index.setdefault(block, []).append(len(representatives))
            representatives.append(key)
            members.append(Counter(wordings[key]))
        else:
            members[candidates[best[2]]].update(wordings[key])
    groups = []
    for variants in members:
        ordered = sorted(variants, key=lambda w: (-variants[w], w))
        groups.append(QuestionGroup(ordered[0], sum(variants.values()), tuple(ordered)))
    return tuple(sorted(groups, key=lambda g: (-g.count, g.label)))


def summarise(
    questions: Sequence[LoggedQuestion], today: dt.date, tz: dt.tzinfo, top: int = TOP
) -> QuestionStats:
    """Count the questions (today = event-local `today`), top answers and top misses."""
    answered = [q for q in questions if q.answered]
    misses = [q.text for q in questions if not q.answered]  # oldest first
    topics = Counter(q.topic for q in answered)
    return QuestionStats(
        today=sum(1 for q in questions if q.asked_at.astimezone(tz).date() == today),
        total=len(questions),
        answered=len(answered),
        top_entries=tuple(sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))[:top]),
        top_unanswered=tuple(group_similar(misses[-GROUPED_MISSES:])[:top]),
    )


def count_languages(languages: Iterable[str]) -> dict[str, int]:
    """Count how many times each language appears."""
    return dict(sorted(Counter(languages).items()))
