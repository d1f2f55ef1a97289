"""What attendees asked: answer rate, most matched entries, and the misses grouped by similarity."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.domain.feedback import SessionFeedback
from bot.domain.language import stem, tokens
from bot.domain.lexicon import STOPWORDS
from bot.domain.tickets import TicketSummary

SIMILAR = 80.0  # token_set_ratio at or above which two misses count as the same question
TOP = 5
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


def group_similar(texts: Iterable[str], threshold: float = SIMILAR) -> list[QuestionGroup]:
    """Group questions whose normalised forms are similar; largest groups first."""
    wordings: dict[str, Counter[str]] = {}
    for text in texts:
        wording = _wording(text)
        if wording:
            wordings.setdefault(normalise(wording), Counter())[wording] += 1
    # Most asked forms first: each becomes a group's representative or joins the closest one,
    # so a group is anchored on its most common form and cannot drift along a chain of typos.
    keys = sorted(wordings, key=lambda k: (-sum(wordings[k].values()), k))
    representatives: list[str] = []
    members: list[Counter[str]] = []
    for key in keys:
        best = process.extractOne(
            key, representatives, scorer=fuzz.token_set_ratio, score_cutoff=threshold
        )
        if best is None:
            representatives.append(key)
            members.append(Counter(wordings[key]))
        else:
            members[best[2]].update(wordings[key])
    groups = []
    for variants in members:
        ordered = sorted(variants, key=lambda w: (-variants[w], w))
        groups.append(QuestionGroup(ordered[0], sum(variants.values()), tuple(ordered)))
    return sorted(groups, key=lambda g: (-g.count, g.label))


def summarise(
    questions: Sequence[LoggedQuestion], today: dt.date, tz: dt.tzinfo, top: int = TOP
) -> QuestionStats:
    """Count the questions (today = event-local `today`), top answers and top misses."""
    answered = [q for q in questions if q.answered]
    topics = Counter(q.topic for q in answered)
    return QuestionStats(
        today=sum(1 for q in questions if q.asked_at.astimezone(tz).date() == today),
        total=len(questions),
        answered=len(answered),
        top_entries=tuple(sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))[:top]),
        top_unanswered=tuple(group_similar(q.text for q in questions if not q.answered)[:top]),
    )


def count_languages(languages: Iterable[str]) -> dict[str, int]:
    """Count how many times each language appears."""
    return dict(sorted(Counter(languages).items()))
