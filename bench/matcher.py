"""Matcher latency: shipped KB, a generated 10,000-entry KB, and 1,000 questions through the CLI.

Targets on a 2-core machine: p99 <= 2 ms (shipped KB), <= 25 ms (10,000 entries), and
1,000 questions through `confbot ask` in <= 3 s. `python -m bench.matcher` prints the figures.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from bot.domain.knowledge import Faq, KnowledgeBase, Localized, Phrases, Session, load_knowledge
from bot.domain.matcher import Matcher
from bot.i18n import Translator
from bot.texts.answers import render_text

ROOT = Path(__file__).resolve().parent.parent
NOW = dt.datetime(2015, 10, 20, 10, tzinfo=dt.timezone(dt.timedelta(hours=-5)))

# (English, Spanish) words for generated entries: topics x formats give varied, realistic titles.
TOPICS = [
    ("police", "policía"), ("data", "datos"), ("youth", "jóvenes"), ("prisons", "cárceles"),
    ("community", "comunidad"), ("violence", "violencia"), ("crime maps", "mapas del delito"),
    ("justice", "justicia"), ("technology", "tecnología"), ("gender", "género"),
    ("drugs", "drogas"), ("gangs", "pandillas"), ("schools", "escuelas"), ("courts", "tribunales"),
    ("cameras", "cámaras"), ("victims", "víctimas"), ("women", "mujeres"),
    ("budgets", "presupuestos"),
    ("statistics", "estadísticas"), ("homicides", "homicidios"), ("firearms", "armas de fuego"),
    ("prevention", "prevención"), ("rehabilitation", "rehabilitación"), ("border", "frontera"),
    ("cities", "ciudades"), ("municipalities", "municipios"), ("evaluation", "evaluación"),
    ("emergency calls", "llamadas de emergencia"), ("forensics", "medicina forense"),
    ("cybercrime", "ciberdelito"), ("corruption", "corrupción"), ("migration", "migración"),
    ("trafficking", "trata de personas"), ("alcohol", "alcohol"), ("lighting", "iluminación"),
    ("public transport", "transporte público"), ("mediation", "mediación"), ("tourism", "turismo"),
    ("elections", "elecciones"), ("media", "medios"), ("sports", "deporte"),
    ("housing", "vivienda"), ("nightlife", "vida nocturna"), ("robbery", "robos"),
    ("extortion", "extorsión"), ("kidnapping", "secuestro"),
]  # fmt: skip
# Formats the shipped synonyms keep apart (workshop/course would both read as "clinic").
FORMATS = [
    ("seminar", "seminario"), ("panel", "panel"), ("roundtable", "mesa redonda"),
    ("keynote", "conferencia magistral"), ("masterclass", "clase magistral"), ("forum", "foro"),
    ("lab", "laboratorio"), ("site visit", "visita técnica"), ("hackathon", "hackatón"),
    ("exhibition", "exposición"),
]  # fmt: skip
ASKS_EN = [
    "Where is the {t}?", "When is the {t}?", "Who leads the {t}?", "What is the {t} about?",
    "Do I need to register for the {t}?", "What time does the {t} start?",
]  # fmt: skip
ASKS_ES = [
    "¿Dónde es el {t}?", "¿Cuándo es el {t}?", "¿Quién dirige el {t}?", "¿De qué trata el {t}?",
    "¿Hay que inscribirse en el {t}?", "¿A qué hora empieza el {t}?",
]  # fmt: skip


def generated_kb(base: KnowledgeBase, size: int, rng: random.Random) -> KnowledgeBase:
    """Return `base` plus generated entries, `size` entries in all (10% sessions)."""
    faqs: list[Faq] = []
    sessions: list[Session] = list(base.sessions)
    days = base.days()
    # Unordered topic pairs: "police and data" and "data and police" would be one entry.
    combos = [(a, b, f) for i, a in enumerate(TOPICS) for b in TOPICS[i + 1 :] for f in FORMATS]
    rng.shuffle(combos)
    for i, (a, b, f) in enumerate(combos[: size - len(base.faqs) - len(base.sessions)]):
        en, es = f"{a[0]} and {b[0]} {f[0]}", f"{f[1]} de {a[1]} y {b[1]}"
        questions = Phrases.of(
            es=[q.format(t=es) for q in rng.sample(ASKS_ES, 3)],
            en=[q.format(t=en) for q in rng.sample(ASKS_EN, 3)],
        )
        keywords = Phrases.of(es=(a[1], b[1], f[1]), en=(a[0], b[0], f[0]))
        answer = Localized.of(
            es=f"El {es} reúne a especialistas en {a[1]} y {b[1]}; los organizadores "
            f"confirmarán la sala y el horario.",
            en=f"The {en} brings together specialists in {a[0]} and {b[0]}; the organisers will "
            f"confirm the room and time.",
        )
        if i % 10 == 0:
            title = Localized.of(es=es[:1].upper() + es[1:], en=en[:1].upper() + en[1:])
            sessions.append(
                Session(f"s{i}", title, answer, answer, date=rng.choice(days),
                        venue=base.venues[0].id, questions=questions, keywords=keywords)
            )  # fmt: skip
        else:
            faqs.append(Faq(f"g{i}", answer, questions, keywords))
    return dataclasses.replace(base, faqs=base.faqs + tuple(faqs), sessions=tuple(sessions))


def typo(text: str, rng: random.Random) -> str:
    """Swap two neighbouring letters of one longer word, as a hurried thumb does."""
    words = text.split()
    long = [i for i, w in enumerate(words) if len(w) > 5]
    if not long:
        return text
    i = rng.choice(long)
    w, k = words[i], rng.randrange(1, len(words[i]) - 2)
    words[i] = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
    return " ".join(words)


def latencies(matcher: Matcher, kb: KnowledgeBase, questions: list[str]) -> list[float]:
    """Return per-question milliseconds for answering and rendering each question."""
    translator = Translator(ROOT / "locales")
    for question in questions[:50]:  # warm the caches the way a running bot has them
        render_text(matcher.answer(question, NOW), kb, translator)
    out = []
    for question in questions:
        t0 = time.perf_counter()
        render_text(matcher.answer(question, NOW), kb, translator)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def report(label: str, ms: list[float], target: float) -> None:
    ms = sorted(ms)
    p50, p99 = statistics.median(ms), ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    verdict = "OK" if p99 <= target else "OVER TARGET"
    print(f"{label}: {len(ms)} questions, p50 {p50:.2f} ms, p99 {p99:.2f} ms, "
          f"max {ms[-1]:.2f} ms (target p99 <= {target:g} ms: {verdict})")  # fmt: skip


def test_questions() -> list[str]:
    cases = yaml.safe_load((ROOT / "tests/domain/questions.yaml").read_text(encoding="utf-8"))
    return [c["q"] for c in cases["questions"]]


def main() -> None:
    """Print latency figures for the shipped KB, a 10,000-entry KB and the CLI."""
    rng = random.Random(7)
    kb = load_knowledge(ROOT / "knowledge")
    questions = test_questions()
    report("shipped KB, in-process", latencies(Matcher(kb), kb, questions * 3), 2.0)

    big = generated_kb(kb, 10_000, rng)
    t0 = time.perf_counter()
    big_matcher = Matcher(big)
    build = time.perf_counter() - t0
    entries: list[Faq | Session] = [*big.faqs, *big.sessions]
    sample = rng.sample(entries, 800)
    asked = [typo(rng.choice(e.questions.get(rng.choice(("es", "en")))), rng) for e in sample]
    mixed = asked + rng.sample(questions, 200)
    print(f"10,000-entry KB: {len(entries)} entries, index built in {build:.2f} s")
    report("10,000-entry KB, in-process", latencies(big_matcher, big, mixed), 25.0)
    right = sum(
        big_matcher.answer(q, NOW).entry == e.id for q, e in zip(asked, sample, strict=True)
    )
    print(f"10,000-entry KB: {right / len(asked):.1%} of {len(asked)} KB questions with a typo "
          f"answered by the entry they came from")  # fmt: skip

    batch = "\n".join((questions * (1000 // len(questions) + 1))[:1000]) + "\n"
    env = {**os.environ, "CONFBOT_NOW": "2015-10-20T10:00:00-05:00"}
    for extra in ([], ["--json"]):
        t0 = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "bot", "ask", *extra], input=batch.encode(),
            capture_output=True, check=True, env=env, cwd=ROOT,
        )  # fmt: skip
        wall = time.perf_counter() - t0
        lines = done.stdout.decode().count("\n")
        verdict = "OK" if wall <= 3.0 else "OVER TARGET"
        print(f"confbot ask {' '.join(extra) or '(text)'}: 1,000 stdin questions -> {lines} lines "
              f"in {wall:.2f} s wall (target <= 3 s: {verdict})")  # fmt: skip


if __name__ == "__main__":
    main()
