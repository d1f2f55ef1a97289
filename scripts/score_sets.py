"""Score question sets against the matcher: pass rate, off-topic abstention, language.

Usage: .venv/bin/python scripts/score_sets.py [-v] SET.yaml...  (names in tests/domain/)
A set with a `knowledge:` key runs against that KB, the others against the shipped one.
-v also prints every failing case.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "domain"))

from question_sets import load_set, run_set  # noqa: E402

from bot.domain.knowledge import load_knowledge  # noqa: E402
from bot.domain.matcher import Matcher  # noqa: E402
from bot.i18n import Translator  # noqa: E402

LONG = 80  # characters: a question this long counts as a long or indirect message


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    names = [a for a in argv if a != "-v"]
    kb = load_knowledge(ROOT / "knowledge")
    matcher = Matcher(kb)
    tr = Translator(ROOT / "locales")
    for name in names:
        result = run_set(name, matcher, kb, tr)
        failed = {case["q"] for case, _ in result.failures}
        cases = load_set(name)["questions"]
        long_cases = [c for c in cases if len(c["q"]) >= LONG]
        long_ok = sum(c["q"] not in failed for c in long_cases)
        by_lang: dict[str, tuple[int, int]] = {}
        for case in cases:
            ok, total = by_lang.get(case["lang"], (0, 0))
            by_lang[case["lang"]] = (ok + (case["q"] not in failed), total + 1)
        lines = result.report().splitlines()
        if verbose:
            print("\n".join(lines[:-1]))
        langs = ", ".join(f"{lang} {ok}/{n}" for lang, (ok, n) in sorted(by_lang.items()))
        print(f"{name}: {lines[-1]}; long {long_ok}/{len(long_cases)}; by language {langs}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
