"""Held-out question sets, written from the seed page before tuning: the main set's bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from question_sets import HERE, load_set, run_set

from bot.domain.knowledge import KnowledgeBase
from bot.domain.matcher import Matcher
from bot.i18n import Translator

ROOT = Path(__file__).resolve().parents[2]
SETS = sorted(p.name for p in HERE.glob("heldout*.yaml"))
# Batches held to the main set's bar. heldout3.yaml, written after the others were tuned on,
# is tracked with a floor instead: it measures how far generalisation still falls short.
ENFORCED = [
    "heldout.yaml",
    "heldout2.yaml",
    "heldout7.yaml",
    "heldout8.yaml",
    "heldout9.yaml",
    "heldout10.yaml",
    "heldout11.yaml",
]
TRACKED = {
    "heldout3.yaml": (1.00, 0),  # -> 98.3% (round 4)
    "heldout4.yaml": (0.96, 0),
    "heldout5.yaml": (0.98, 0),  # -> 98.3% (round 6: "beforehand")
    "heldout6.yaml": (0.98, 0),  # -> 98.8% (round 4)
    # untuned 46.8%; 89.9% (matcher2) -> 92.4%, 13/13 (matcher3) -> 93.7% (matcher5)
    "heldout12.yaml": (0.96, 0),  # -> 96.2% (round 7: "how did it start")
    # blind: untuned 78.9% (60/76); 84.2% -> 90.8% (matcher3) -> 92.1% (matcher4)
    # -> 93.4% (matcher5: a claim of where everything is answers where things are)
    "heldout13.yaml": (0.93, 0),
    # blind: untuned 85.9% (73/85); 87.1% (matcher3, not tuned on) -> 92.9% (matcher4)
    # -> 94.1% (round 4: a street address asked with a reason)
    "heldout14.yaml": (0.94, 0),
    # blind: untuned 79.1% (68/86); 81.4% (matcher3, not tuned on) -> 89.5% (matcher4)
    # with matcher5 merged (a reported question, "and if ..." as a second one)
    # -> 90.7% ("..., ¿no?" asks to confirm) -> 91.9% (a claim of where everything is)
    "heldout15.yaml": (0.93, 0),
    # blind: untuned 90.1% (64/71), long 24/29, on matcher3 (93.0% on matcher4, not tuned on)
    # -> 94.4% (matcher5: a long
    # sentence holding an entry's phrasing whole) -> 95.8% with matcher4 merged -> 98.6%
    # (Portuguese "por trás de" is no "after"; "o sea", "sino"; a venue word after "en el")
    # -> 100% (a part of a dated session is on its parent's day)
    "heldout16.yaml": (1.0, 0),
    # blind: untuned 74.7% (62/83), long 23/34, off-topic 13/14, measured on main at f1f7c42
    # -> 79.5% (round 4, tuned on)
    "heldout17.yaml": (0.89, 1),  # -> 83.1% (rounds 6-7)
    # blind: untuned 79.8% (75/94), long 28/38, off-topic 14/15, the same on f1f7c42 and on the
    # built-ins work after it (nothing tuned on it)
    # -> 85.1% (round 4, tuned on)
    "heldout18.yaml": (0.86, 1),  # -> 86.2% (round 6)
    # blind: untuned 85.6% (77/90), long 23/36, off-topic 15/15, on main at bb55cf9 (84.4% on
    # f1f7c42)
    # -> 87.8% (round 6, tuned on: "y si dan certificado", arriving in the future tense)
    "heldout19.yaml": (0.88, 0),
    # blind: untuned 77.8% (70/90), long 23/34, off-topic 14/14, on main at 938e164 (77.8% on
    # f1f7c42 too)
    "heldout20.yaml": (0.85, 0),  # -> 82.2% (round 7, tuned on)
    # blind: untuned 82.6% (71/86), long 27/36, off-topic 12/14, on main at 44667fc (81.4% on
    # f1f7c42)
    "heldout21.yaml": (0.89, 1),  # -> 86.0%, 13/14 (round 8, tuned on)
    # blind: untuned 86.7% (78/90), long 30/35, off-topic 14/14, on main at 036238b (86.7% on
    # f1f7c42 too)
    "heldout22.yaml": (0.92, 0),
    # blind: untuned 91.8% (78/85), long 30/36, off-topic 14/14, on main at 5c6c478 (88.2% on
    # f1f7c42)
    "heldout23.yaml": (0.91, 0),
    # blind: untuned 85.6% (77/90), long 30/37, off-topic 12/14, on main at 30a1492 (the same
    # matcher as the last stop, 0e60f1f)
    "heldout24.yaml": (0.91, 1),  # -> 90.0%, 13/14 (round 11, tuned on: trips, "mal")
    # blind: untuned 73.3% (66/90), long 21/31, off-topic 12/14, on main at 661c1a5 (72.2% on
    # 0e60f1f, the last stop)
    "heldout25.yaml": (0.78, 2),
    # blind: untuned 87.8% (79/90), long 30/37, off-topic 13/14, on main at 51bd9d6 (the last
    # stop's matcher)
    "heldout26.yaml": (0.90, 1),  # -> 90.0% (round 13, tuned on: leaving home, shared words)
    # blind: untuned 76.7% (69/90), long 26/37, off-topic 13/14, on main at 3b71f14 (76.7% on
    # the last stop's matcher, 51bd9d6, too)
    "heldout27.yaml": (0.77, 1),
    # blind: untuned 77.8% (70/90), long 27/37, off-topic 11/14, on main at 76bbffd (the same
    # cases fail on the last stop's matcher, 51bd9d6)
    "heldout28.yaml": (0.82, 3),
    # blind: untuned 57.8% (52/90), long 18/43, off-topic 13/14, on main at 82185c0 (the last
    # stop's matcher, 88edc71: no matcher change since)
    "heldout29.yaml": (0.57, 1),
    # blind: untuned 84.4% (76/90), long 32/41, off-topic 12/14, on the last stop's matcher
    # (88edc71), written during round 16 and left unread until its end
    "heldout30.yaml": (0.84, 2),
    # blind: untuned 74.4% (67/90), long 24/35, off-topic 13/14, on the last stop's matcher
    # (88edc71), written during round 17 and left unread until its end
    "heldout31.yaml": (0.74, 1),
    # blind: untuned 76.7% (69/90), long 32/40, off-topic 13/14, on the last stop's matcher
    # (88edc71), written during round 18 and left unread until its end
    "heldout32.yaml": (0.76, 1),
    # blind: untuned 86.7% (78/90), long 29/36, off-topic 13/14, on the last stop's matcher
    # (88edc71); the very same cases fail at the end of this stop's work (98123a4)
    "heldout33.yaml": (0.86, 1),
    # blind (round 21: time and the clock, 49 cases with their own now): untuned 76.7% (69/90),
    # long 31/42, off-topic 12/14, on the last stop's matcher (58c9005)
    "heldout34.yaml": (0.76, 2),
    # blind (round 22: messages as they arrive on a phone, several questions in one): untuned
    # 78.9% (71/90), long 32/46, off-topic 10/14, on the last stop's matcher (58c9005), written
    # during round 21 and left unread until its end
    "heldout35.yaml": (0.78, 4),
    # blind (round 23: background, history and purpose): untuned 85.6% (77/90), long 35/41,
    # off-topic 12/14, on the last stop's matcher (58c9005); 87.8% (79/90) on main at 70ea8f2,
    # whose work was done before it was written; left unread until the round's end
    "heldout36.yaml": (0.87, 2),
    # blind (round 24: non-native writers and mixed language, portuñol, dictation): untuned
    # 81.1% (73/90), long 15/21, off-topic 14/14, on the last stop's matcher (ef2ae23)
    "heldout37.yaml": (0.81, 0),
    # blind (round 25: terse, keyword-style fragments, "dir hotel", "clinica hora"): untuned
    # 88.9% (80/90), off-topic 14/14, on the last stop's matcher (ef2ae23); the same on main at
    # 9dc492a, whose work was done before it was read; left unread until the round's end
    "heldout38.yaml": (0.88, 0),
    # blind (round 26: regional varieties of Spanish, Portuguese and English): untuned 74.4%
    # (67/90), long 38/44, off-topic 13/14, on the last stop's matcher (ef2ae23); the very same
    # failing cases on main at c6a750d, whose work was done before it was written
    "heldout39.yaml": (0.74, 1),
    # blind (round 27: the schedule and its clock, 35 cases with their own now): untuned 81.1%
    # (73/90), long 30/39, off-topic 10/14, on the last stop's matcher (0def144); the same on
    # main at 2f6d481, whose work was done before it was written
    "heldout40.yaml": (0.81, 4),
    # blind (round 27: long and indirect messages, all of 120+ characters): untuned 67.8%
    # (61/90), off-topic 13/14, on the last stop's matcher (0def144); the same on main at
    # 701c815, whose work was done before it was written
    "heldout41.yaml": (0.67, 1),
    # blind (round 28: paraphrase and description, "the meeting with the money people", "the
    # prison trip"): untuned 70.0% (63/90), long 24/39, off-topic 12/14, on the last stop's
    # matcher (0def144); the same on main at 2b5e2f3, whose round-27 work was done before it
    # was written; left unread
    "heldout42.yaml": (0.70, 2),
    # blind (round 29: on site, on the phone, 84 cases with their own now): untuned 80.0%
    # (72/90), long 20/29, off-topic 12/14, on the last stop's matcher (0def144); 81.1% (73/90)
    # on main at 6dc1939, whose work was done before it was written; left unread
    "heldout43.yaml": (0.80, 2),
}  # (minimum pass rate, off-topic answers tolerated)
# Blind batches committed unscored: only their shape is checked until the lead measures them
# untuned (after the matcher work lands) and moves them to TRACKED with that score as the floor.
AWAITING_MEASUREMENT: set[str] = set()


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator(ROOT / "locales")


@pytest.mark.parametrize("name", SETS)
def test_heldout_set_is_varied(name: str) -> None:
    questions = load_set(name)["questions"]
    offtopic = [c for c in questions if c.get("offtopic")]
    assert len(questions) >= 50
    assert {c["lang"] for c in questions} >= {"es", "en"}
    assert len(offtopic) / len(questions) >= 0.15
    assert any(c.get("now") for c in questions)


@pytest.mark.parametrize("name", ENFORCED)
def test_heldout_pass_rate_and_offtopic_abstention(
    name: str, matcher: Matcher, kb: KnowledgeBase, translator: Translator
) -> None:
    result = run_set(name, matcher, kb, translator)
    print(result.report())
    assert not result.offtopic_answered, f"off-topic questions answered: {result.offtopic_answered}"
    assert result.rate >= 0.95


@pytest.mark.parametrize("name", sorted(TRACKED))
def test_tracked_batch_does_not_regress(
    name: str, matcher: Matcher, kb: KnowledgeBase, translator: Translator
) -> None:
    result = run_set(name, matcher, kb, translator)
    print(result.report())
    floor, tolerated = TRACKED[name]
    assert len(result.offtopic_answered) <= tolerated, result.offtopic_answered
    assert result.rate >= floor


def test_every_batch_is_run() -> None:
    assert set(SETS) == set(ENFORCED) | set(TRACKED) | AWAITING_MEASUREMENT
