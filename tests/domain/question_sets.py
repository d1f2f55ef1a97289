"""Run a YAML question set against the matcher: per-case failures and the summary rates."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.domain.clock import parse_instant
from bot.domain.knowledge import KnowledgeBase, load_knowledge
from bot.domain.matcher import Matcher
from bot.i18n import Translator
from bot.texts.answers import render_text

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def load_set(name: str) -> dict[str, Any]:
    """Return the parsed question set `name` (a YAML file next to this module)."""
    data: dict[str, Any] = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
    return data


@cache
def set_knowledge(folder: str) -> tuple[KnowledgeBase, Matcher]:
    """Return the KB a set names in its `knowledge:` key (relative to the repo) and its matcher."""
    kb = load_knowledge(ROOT / folder)
    return kb, Matcher(kb)


def failure(
    case: dict[str, Any], default_now: str, matcher: Matcher, kb: KnowledgeBase, tr: Translator
) -> tuple[str, bool]:
    """Return why the answer to one case is wrong ('' when right) and whether its language is."""
    now = parse_instant(str(case.get("now") or default_now), kb.event.tz)
    reply = matcher.answer(case["q"], now)
    text = render_text(reply, kb, tr)
    expected = case["entry"]
    allowed = expected if isinstance(expected, list) else [expected]
    problems = []
    if reply.entry not in allowed:
        problems.append(f"entry {reply.entry!r} (score {reply.score}), expected {expected!r}")
    lang_ok = case["lang"] == "any" or reply.lang == case["lang"]
    if not lang_ok:
        problems.append(f"lang {reply.lang}, expected {case['lang']}")
    missing = [s for s in case["has"] if s.casefold() not in text.casefold()]
    if missing:
        problems.append(f"answer lacks {missing}: {text[:160]!r}")
    return "; ".join(problems), lang_ok


@dataclass
class SetResult:
    """The outcome of one question set."""

    total: int = 0
    failures: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    offtopic: int = 0
    offtopic_answered: list[str] = field(default_factory=list)
    lang_wrong: int = 0

    @property
    def rate(self) -> float:
        return 1 - len(self.failures) / self.total

    def report(self) -> str:
        lines = [f"FAIL {case['q']!r}: {why}" for case, why in self.failures]
        lang_rate = 1 - self.lang_wrong / self.total
        lines.append(
            f"pass rate {self.rate:.1%} ({self.total - len(self.failures)}/{self.total}); "
            f"off-topic abstained {self.offtopic - len(self.offtopic_answered)}/{self.offtopic}; "
            f"language {lang_rate:.1%}"
        )
        return "\n".join(lines)


def run_set(name: str, matcher: Matcher, kb: KnowledgeBase, tr: Translator) -> SetResult:
    """Answer every question of set `name` and collect what went wrong.

    A set with a `knowledge:` key is run against that KB; the others against `kb`/`matcher`.
    """
    cases = load_set(name)
    if cases.get("knowledge"):
        kb, matcher = set_knowledge(str(cases["knowledge"]))
    result = SetResult()
    for case in cases["questions"]:
        result.total += 1
        why, lang_ok = failure(case, str(cases["default_now"]), matcher, kb, tr)
        result.lang_wrong += not lang_ok
        if case.get("offtopic"):
            result.offtopic += 1
            if "entry" in why:
                result.offtopic_answered.append(case["q"])
        if why:
            result.failures.append((case, why))
    return result
