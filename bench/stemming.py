"""Stemming: the matcher's plural-only stem() against Snowball stemmers and simplemma (issue 9).

`python -m bench stemming` swaps the stem() every module of the matcher uses (index, synonyms,
typo repair, cues) for each candidate, rebuilds each KB's matcher, and prints the passes of
every question set in tests/domain (as scripts/score_sets.py counts them), the total, the sets
that fall below their floor (tests/domain/test_examples.py SETS, test_heldout.py TRACKED and
ENFORCED, test_builtins.py PROBES) and the time all sets take. The index holds no language per
text, so a stemmer is one for every KB, one per KB (its first language) or one per word (the
language whose KB texts alone use it), never one per message: a stemmer of the message's
language would stem the question and the entries it is matched against differently.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import bot.domain.cues
import bot.domain.language
import bot.domain.matcher
import bot.domain.questions
import bot.domain.terms
from bot.domain.corpus import texts_by_language
from bot.domain.knowledge import KnowledgeBase, load_knowledge
from bot.domain.language import LanguageEvidence, fold
from bot.domain.matcher import Matcher
from bot.i18n import Translator

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests" / "domain"
sys.path.insert(0, str(SETS))

from question_sets import load_set, run_set, set_knowledge  # noqa: E402

MODULES = (
    bot.domain.language,
    bot.domain.terms,
    bot.domain.matcher,
    bot.domain.cues,
    bot.domain.questions,
)
Stem = Callable[[str], str]
SNOWBALL = {"es": "spanish", "en": "english", "pt": "portuguese", "fr": "french", "de": "german",
            "it": "italian"}  # fmt: skip
ORIGINAL: Stem = bot.domain.language.stem


def snowball(lang: str) -> Stem:
    import snowballstemmer

    stemmer = snowballstemmer.stemmer(SNOWBALL[lang])
    return lru_cache(maxsize=65536)(lambda w: w if w.isdigit() else stemmer.stemWord(w))


def lemma(langs: tuple[str, ...]) -> Stem:
    import simplemma

    return lru_cache(maxsize=65536)(
        lambda w: fold(simplemma.lemmatize(w, lang=langs)) if w.strip() else w
    )


@dataclass
class Variant:
    name: str
    make: Callable[[KnowledgeBase], Stem]  # a KB -> the stemmer its matcher uses
    needs: str = ""


def after_plurals(lang: str) -> Stem:
    """The plural-only stem() first, then the Snowball stemmer of `lang`."""
    stem = snowball(lang)
    return lru_cache(maxsize=65536)(lambda w: stem(ORIGINAL(w)))


def by_word_language(kb: KnowledgeBase) -> Stem:
    """Each word by the Snowball stemmer of the one language whose KB texts alone use it
    ("palestras": pt, "sessions": en), the plural-only stem() for a word several languages
    share or the KB never uses: a word gets the same stem in a question and in an entry."""
    own = LanguageEvidence.from_texts(**texts_by_language(kb)).own
    stemmers = {lang: snowball(lang) for lang in own if lang in SNOWBALL}
    language = {w: lang for lang, words in own.items() if lang in stemmers for w in words}

    def stem(word: str) -> str:
        lang = language.get(word)
        return stemmers[lang](word) if lang else ORIGINAL(word)

    return lru_cache(maxsize=65536)(stem)


def _same(kb: KnowledgeBase) -> Stem:
    return ORIGINAL


def _first(kb: KnowledgeBase) -> Stem:
    return snowball(kb.languages[0])


def _one(lang: str) -> Callable[[KnowledgeBase], Stem]:
    return lambda kb: snowball(lang)


def _lemma(kb: KnowledgeBase) -> Stem:
    return lemma(tuple(kb.languages))


VARIANTS = [
    Variant("current (plurals only)", _same),
    *(
        Variant(f"snowball {lang} for every KB", _one(lang), "snowballstemmer")
        for lang in ("es", "en", "pt")
    ),
    Variant("snowball of the KB's first language", _first, "snowballstemmer"),
    Variant(
        "plurals, then snowball of the KB's first language",
        lambda kb: after_plurals(kb.languages[0]),
        "snowballstemmer",
    ),
    Variant("snowball of the word's own language", by_word_language, "snowballstemmer"),
    Variant("simplemma (the KB's languages)", _lemma, "simplemma"),
]


@contextmanager
def stemmer(stem: Stem) -> Iterator[None]:
    saved = [(m, m.stem) for m in MODULES if hasattr(m, "stem")]
    for module, _ in saved:
        module.stem = stem  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for module, original in saved:
            module.stem = original  # type: ignore[attr-defined]


def floors() -> dict[str, float]:
    """The minimum pass rate each tracked set is held to by the tests."""
    from test_builtins import PROBES
    from test_examples import SETS as EXAMPLES
    from test_heldout import ENFORCED, TRACKED

    held = EXAMPLES | TRACKED | PROBES
    return {**{n: r for n, (r, _) in held.items()}, **dict.fromkeys(ENFORCED, 0.95)}


def main() -> None:
    names = sorted(p.name for p in SETS.glob("*.yaml"))
    tr = Translator(ROOT / "locales")
    minimum = floors()
    shipped_kb = load_knowledge(ROOT / "knowledge")
    baseline: dict[str, int] = {}
    for variant in VARIANTS:
        if variant.needs and importlib.util.find_spec(variant.needs) is None:
            print(f"-- {variant.name}: not installed (pip install -e '.[bench]')")
            continue
        passes: dict[str, tuple[int, int]] = {}
        start = time.perf_counter()
        for name in names:
            folder = load_set(name).get("knowledge") or "knowledge"
            kb = shipped_kb if folder == "knowledge" else load_knowledge(ROOT / folder)
            with stemmer(variant.make(kb)):
                set_knowledge.cache_clear()
                matcher = Matcher(kb)
                result = run_set(name, matcher, kb, tr)
            passes[name] = (result.total - len(result.failures), result.total)
        seconds = time.perf_counter() - start
        total = sum(p for p, _ in passes.values())
        cases = sum(n for _, n in passes.values())
        below = [n for n, (p, t) in passes.items() if n in minimum and p / t < minimum[n] - 1e-9]
        baseline = baseline or {n: p for n, (p, _) in passes.items()}
        moved = ", ".join(
            f"{Path(n).stem} {p - baseline[n]:+d}"
            for n, (p, _) in passes.items()
            if p != baseline[n]
        )
        print(
            f"-- {variant.name}: {total}/{cases} passes ({total / cases:.1%}); "
            f"below floor: {', '.join(below) or 'none'}; {seconds:.1f} s for all sets"
        )
        print(f"   against current: {moved or 'no set moves'}")
