"""The example events under examples/: every KB passes `confbot check`, every set keeps its floor.

Each example's question set was written blind (from its KB only) and committed with its untuned
score before anyone tuned on it; the floors below are those scores rounded down to the percent,
so they can only go up.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from question_sets import ROOT, load_set, run_set

from bot.cli.main import main
from bot.domain.knowledge import KnowledgeBase
from bot.domain.matcher import Matcher
from bot.i18n import Translator

EXAMPLES = sorted((ROOT / "examples").glob("*/knowledge"))
# set -> (minimum pass rate, off-topic answers tolerated): the untuned scores, raised to what
# the event-neutral matcher (issue 9) reaches, so that no later change loses it.
SETS = {
    # untuned 27.5% (25/91); 89.0% -> 95.6%, 14/14 off-topic (matcher3)
    "examples_bogota_tech.yaml": (0.96, 0),  # -> 96.7% (matcher5: what is next at a session)
    "examples_lima_health.yaml": (0.97, 0),  # untuned 23.1% (21/91); 96.7% -> 97.8% (matcher3)
    # untuned 36.8% (32/87); 92.0% -> 94.3% (matcher3) -> 95.4% (matcher5: speaker in a story)
    # -> 96.6% (a where/when question of words only a session's summary holds)
    "examples_small_workshop.yaml": (0.97, 0),  # -> 97.7% (round 6: "Good morning, is...")
    # Written blind, measured after the matcher v2 work landed: untuned 60.0% (78/130), 17/19.
    # 84.6% (matcher2) -> 96.9%, 18/19 (matcher3) -> 97.7% (matcher5: "deixar o carro")
    # -> 98.5%, 19/19 (round 4: "SP" is the initials of the KB's São Paulo)
    "examples_sao_paulo_devfest.yaml": (0.98, 0),
    # Written blind (a fifth event, its shape new to the matcher): untuned 79.6% (74/93), 14/14.
    # 79.6% -> 82.8% (matcher3, not tuned on) -> 92.5% (matcher4, tuned on its failures)
    # -> 93.5% with matcher5 merged ("ponencia" is a session noun)
    # -> 94.6% (round 4: a refund asked as "money back")
    "examples_medellin_educacion.yaml": (0.94, 0),
    # Written blind (a seventh event, pt-first, three languages): untuned 68.8% (64/93), long
    # 18/38, off-topic 13/15, measured on matcher3 (71.0%, 14/15 on matcher4, not tuned on);
    # 74.2% (matcher5: a where/when question's
    # session before an FAQ on another side of it) -> 77.4% (a slip in a day's name, a lone
    # capital letter that names a session, what to bring said in a session's description)
    # -> 78.5% ("I'm at lunch, what's the next activity?": what follows it) -> 80.6% (a track
    # named by most of its words; a speaker asked with affiliation inside a story) -> 81.7% (a
    # reported question: "me preguntó quién organiza... y si hay un correo") -> 82.8% (venues
    # named in a confirmation are its claim, not its topic) -> 83.9% with matcher4 merged
    # -> 86.0%, off-topic 15/15 (a statement answers not for a question about something else)
    # -> 87.1% ("como chego do aeroporto até o local?": the trip's origin).
    # -> 88.2% (round 4: a bus caught is no session caught)
    # -> 89.2% ("site do congresso": lingua breaks an English/Portuguese tie)
    "examples_porto_alegre_saude.yaml": (0.91, 0),  # -> 91.4% (Spanish "la tarde")
    # Written blind (a sixth event: English only, one day, a night shift past midnight):
    # untuned 67.6% (69/102), long 14/34, off-topic 14/17.
    # 67.6% -> 70.6% (matcher3, not tuned on) -> 82.4%, 17/17 (matcher4, tuned on failures)
    # -> 86.3% (round 4: "the best way to get to the venue", a daughter is a child)
    "examples_toronto_hack_night.yaml": (0.86, 0),
    # Written blind (an eighth event: a four-day es/en congress, pre-congress courses at another
    # venue, four parallel rooms, an excursion): untuned 82.5% (80/97), long 27/38, off-topic
    # 14/15, measured on main at f1f7c42 (nothing tuned on it).
    # -> 88.7% (round 4, tuned on: regional particles, trips after a session, concepts)
    "examples_santiago_neuro.yaml": (0.89, 1),
    # Written blind (a ninth event: pt/en/es, two days over three venues, an unconference without
    # titles, lightning talks as parts, a cancelled session): untuned 86.3% (82/95), long 28/38,
    # off-topic 15/15, on main at de13670 (84.2% on f1f7c42, before this round's work).
    # -> 89.5% (round 4, tuned on: European Portuguese words, initials in capitals)
    "examples_lisboa_open_data.yaml": (0.90, 0),
    # Written blind (a tenth event: es/en, three days over four venues in one city, two tracks in
    # parallel, a panel with a moderator, a replaced speaker, talks until 01:00): untuned 82.1%
    # (78/95), long 27/38, off-topic 15/15, on main at bb55cf9 (77.9% on f1f7c42).
    # -> 88.4% (round 6, tuned on: a later day in a step question, regional praise, a venue's
    # own words, a track's one keynote)
    "examples_cdmx_diseno.yaml": (0.92, 0),  # -> 90.5% (the way to a venue)
    # Written blind (an eleventh event: a five-day summer school, es/pt/en, one daily rhythm,
    # a free day, labs by group): untuned 81.0% (81/100), long 24/38, off-topic 13/15, on main at
    # 938e164 (80.0% on f1f7c42).
    # -> 85.0% (round 7, tuned on)
    "examples_montevideo_escuela.yaml": (0.88, 2),
    # Written blind (a twelfth event: pt/es only, a fair beside two stages, a pitch contest in
    # rounds, a field day at a farm with its own bus): untuned 74.3% (75/101), long 23/40,
    # off-topic 15/15, on main at 44667fc (72.3% on f1f7c42).
    # -> 79.2% (round 8, tuned on: Brazilian chat words, language evidence)
    "examples_bh_agro.yaml": (0.83, 0),
    # Written blind (a thirteenth event: en/es, talks in three rooms then a sprint morning, a
    # keynote by two, lightning talks as parts each day, a brewery after-party): untuned 75.5%
    # (74/98), long 25/40, off-topic 14/15, on main at 036238b (75.5%, 15/15 on f1f7c42).
    "examples_vancouver_oss.yaml": (0.78, 1),  # -> 76.5% (round 9: English chat abbreviations)
    # Written blind (a fourteenth event: Spanish only, plenaries then five working groups in
    # parallel, a walking tour without an end, a session moved to the other day, one without a
    # room): untuned 81.1% (77/95), long 23/38, off-topic 15/15, on main at 5c6c478 (78.9% on
    # f1f7c42).
    "examples_sevilla_municipal.yaml": (0.84, 0),
    # Written blind (a fifteenth event: en/pt, a satellite day of workshops on a campus, three
    # days at a convention centre with rooms on three floors, session codes, numbered poster
    # boards, a boat trip that depends on the weather, a shuttle timetable): untuned 76.0%
    # (76/100), long 24/44, off-topic 15/15, on main at 82fa735 (the last stop's matcher).
    # -> 81.0% (round 11, tuned on: trips in other words, the event name's function words,
    # a room in all its languages)
    "examples_florianopolis_oceans.yaml": (0.83, 0),  # -> 83.0% (round 13)
    # Written blind (a sixteenth event: es/en, a roadshow of one day in each of three cities,
    # travel days between, a keynote given in all three, a session without a time, a meetup
    # at another place each evening): untuned 70.4% (69/98), long 22/39, off-topic 14/15, on
    # main at 661c1a5 (70.4% on 0e60f1f, the last stop).
    "examples_gira_andina.yaml": (0.80, 1),  # -> 80.6% (round 13, tuned on: towns)
    # Written blind (a seventeenth event: es/en/pt, a children's book festival over a weekend,
    # three stages, sessions by age, one workshop twice in a day, signings after the talks,
    # school groups on Friday): untuned 78.0% (78/100), long 33/45, off-topic 11/15, on main at
    # c49c468 (the last stop's matcher, 51bd9d6).
    "examples_valparaiso_cuentos.yaml": (0.83, 4),  # -> 83.0% (round 13, tuned on)
    # Written blind (an eighteenth event: es/en, an academic congress asked about five months
    # ahead: deadlines, registration tiers, a programme published for its first day only):
    # untuned 88.0% (88/100), long 38/43, off-topic 13/15, on main at 3b71f14 (88.0% on the
    # last stop's matcher, 51bd9d6, too).
    "examples_guadalajara_urbanos.yaml": (0.90, 2),  # -> 90.0% (round 14, tuned on)
    # Written blind (a nineteenth event: es/pt, a university's open days for applicants and
    # their parents: a campus of eight buildings, faculty talks repeated every hour, tours every
    # half hour): untuned 82.0% (82/100), long 35/45, off-topic 12/15, on main at 76bbffd (the
    # same cases fail on the last stop's matcher, 51bd9d6).
    "examples_asuncion_puertas_abiertas.yaml": (0.86, 3),
    # A twentieth event (a film festival in Cartagena, es/en, asked during it: screenings in four
    # venues, films shown twice, Q&As inside screenings, open-air nights, one past midnight):
    # untuned 75.0% (75/100), long 33/46, off-topic 13/15, on main at a7e0a0a, the last stop's
    # matcher (no matcher change since 88edc71).
    "examples_cartagena_cine.yaml": (0.75, 2),
    # A twenty-first event (an agricultural trade fair in Santa Cruz de la Sierra, es/pt/en: a
    # fairground of pavilions, opening hours by day, cattle judging, field demonstrations,
    # business rounds, an auction): untuned 92.0% (92/100), long 45/48, off-topic 14/15, on the
    # last stop's matcher (88edc71), written during round 16 and left unread until its end.
    "examples_santa_cruz_expo.yaml": (0.92, 1),
    # A twenty-second event (a startup pitch competition and investor forum in Mexico City,
    # en/es: pitch rounds by track in parallel rooms, semifinals, a final, office hours booked in
    # an app): untuned 81.0% (81/100), long 31/44, off-topic 8/15, on the last stop's matcher
    # (88edc71), written during round 17 and left unread until its end.
    "examples_cdmx_demo_day.yaml": (0.81, 7),
    # A twenty-third event (a city marathon weekend in Rosario, es/pt/en, asked by runners and
    # their families: bib pickup by day at an expo, staggered race starts by category, a kids'
    # run, a pasta party, cut-off times): untuned 70.0% (70/100), long 33/49, off-topic 11/15, on
    # the last stop's matcher (88edc71), written during round 18 and left unread until its end.
    "examples_rosario_maraton.yaml": (0.70, 4),
    # A twenty-fourth event (a one-day research symposium in Coimbra, European Portuguese first,
    # then English: parallel oral sessions by area in four rooms that change between blocks,
    # two poster sessions): untuned 75.0% (75/100), long 34/43, off-topic 10/15, on the last
    # stop's matcher (88edc71); the very same cases fail at the end of this stop's work (98123a4).
    "examples_coimbra_simposio.yaml": (0.75, 5),
    # A twenty-fifth event (a three-day creative-economy and games festival in Recife, pt-BR
    # first, then es/en: two venues across town with a shuttle, a 24-hour game jam overnight
    # with check-ins, workshops needing sign-up, a games expo by day, an awards night):
    # untuned 83.0% (83/100), long 37/43, off-topic 13/15, on the last stop's matcher (58c9005),
    # once its seven questions on the event itself named the built-in's id as the suite does
    # (`event`, not `event:what`): 76.0% as first committed.
    "examples_recife_criativo.yaml": (0.83, 2),
    # A twenty-sixth event (a four-day wine and food tourism congress in Mendoza, es/en/pt:
    # morning talks in a hotel's three rooms, afternoon bus excursions to wineries in three
    # regions, some on two days under one title, a tasting with a fee, a gala at a winery):
    # untuned 85.0% (85/100), long 36/46, off-topic 12/15, on the last stop's matcher (58c9005),
    # written during round 21 and left unread until its end.
    "examples_mendoza_vendimia.yaml": (0.85, 3),
    # A twenty-seventh event (a national congress of cooperatives in Cusco, es/en: delegates
    # accredited by region at set hours, plenaries with votes at announced times, commissions in
    # parallel rooms, a board election with polling hours, a field visit after the congress):
    # untuned 74.0% (74/100), long 31/43, off-topic 13/15, on the last stop's matcher (58c9005);
    # 75.0% (off-topic 14/15) on main at ef78aad, whose work was done before it was written;
    # left unread until the round's end.
    "examples_cusco_cooperativas.yaml": (0.75, 1),
    # A twenty-eighth event (a series of eight Zoom webinars over five weeks and an in-person
    # closing day in Buenos Aires, es/pt: one webinar's time to be confirmed, one moved from Holy
    # Thursday): untuned 68.0% (68/100), long 29/45, off-topic 14/15, on the last stop's matcher
    # (ef2ae23); 69.0% on main at 7c1160a, whose work was done before it was written.
    "examples_bsas_salud_digital.yaml": (0.68, 1),
    # A twenty-ninth event (a large three-day tech summit in Panama City, en/es: 59 sessions in
    # six parallel rooms whose titles share words, two speakers of one first name, lightning
    # talks in a block, a cancelled talk, a moved one, one without a room): untuned 87.0%
    # (87/100), long 44/53, off-topic 15/15, on the last stop's matcher (ef2ae23); the same on
    # main at acfc5b2, whose work was done before it was read; left unread until the round's end.
    "examples_panama_techsummit.yaml": (0.87, 0),
    # A thirtieth event (a school science fair in Guayaquil, es/en: stands in two pavilions,
    # judging by category at set hours and places, public visiting hours, a water-rocket contest
    # weather permitting, a robotics final, awards): untuned 82.0% (82/100), long 33/45,
    # off-topic 15/15, on the last stop's matcher (ef2ae23); 83.0% on main at 82cdc01, whose
    # work was done before it was written; left unread.
    "examples_guayaquil_feria_ciencia.yaml": (0.82, 0),
    # Round 27, a 31st event (a city-wide open-house architecture weekend: 14 buildings, each
    # its own venue with directions, 35 guided tours, es/en): untuned 71.0% (71/100), long
    # 31/48, off-topic 13/15, on the last stop's matcher (0def144); the same on main at 07b6be3.
    "examples_valencia_arquitectura.yaml": (0.71, 2),
    # Round 27, a 32nd event (a ten-day book fair in three languages, es/pt/en: author
    # presentations, signings and panels in parallel rooms, ~25 authors sharing first names and
    # surnames): untuned 85.0% (85/100), long 42/48, off-topic 12/15, on the last stop's matcher
    # (0def144); the same on main at a2a45a0, whose work was done before it was written.
    "examples_lapaz_feria_libro.yaml": (0.85, 3),
    # Round 28, a 33rd event (an engineering congress in three parallel tracks with shuttle
    # buses from partner hotels and technical field visits by bus, es/en): untuned 75.0%
    # (75/100), long 31/49, off-topic 13/15, on the last stop's matcher (0def144); the same on
    # main at 629d2fc, whose round-27 work was done before it was written; left unread.
    "examples_arequipa_ingenieria.yaml": (0.75, 2),
    # Round 29, a 34th event (a five-day summer school: lectures, labs in four groups in four
    # rooms, a beach excursion by bus, a final challenge, pt/en): untuned 68.0% (68/100), long
    # 30/50, off-topic 12/15, on the last stop's matcher (0def144); the same on main at 2a7a192,
    # whose work was done before it was written; left unread.
    "examples_natal_escola_verao.yaml": (0.67, 3),  # (68/100 is 0.6799…)
}
# Blind sets committed unscored: only their shape is checked until the lead measures them untuned
# (after the matcher work lands) and moves them to SETS with that score as the floor.
AWAITING_MEASUREMENT: set[str] = set()


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator(ROOT / "locales")


def declared_languages(folder: Path) -> set[str]:
    """The languages the example's `event:` declares (the KB v2 default when it declares none)."""
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if "event" in data:
            return set(data["event"].get("languages") or ["es", "en"])
    raise AssertionError(f"{folder} has no event section")


@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda f: f.parent.name)
def test_example_passes_confbot_check(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", str(folder)])
    out = capsys.readouterr().out
    assert status == 0, out
    assert "OK" in out


def test_there_are_examples_and_each_has_a_question_set() -> None:
    assert len(EXAMPLES) >= 3
    named = {load_set(name)["knowledge"] for name in set(SETS) | AWAITING_MEASUREMENT}
    assert named == {str(folder.relative_to(ROOT)) for folder in EXAMPLES}


@pytest.mark.parametrize("name", sorted(set(SETS) | AWAITING_MEASUREMENT))
def test_example_set_is_varied(name: str) -> None:
    cases = load_set(name)
    questions = cases["questions"]
    offtopic = [c for c in questions if c.get("offtopic")]
    assert len(questions) >= 70
    assert all({"q", "entry", "lang", "has"} <= set(c) for c in questions)  # what is checked
    assert len(offtopic) / len(questions) >= 0.14  # about one in seven
    assert all(c["entry"] is None for c in offtopic)
    assert any(c.get("now") for c in questions)
    assert sum(len(c["q"]) >= 80 for c in questions) / len(questions) >= 0.15
    assert {c["lang"] for c in questions} == declared_languages(ROOT / cases["knowledge"])


@pytest.mark.parametrize("name", sorted(SETS))
def test_example_set_does_not_regress(
    name: str, matcher: Matcher, kb: KnowledgeBase, translator: Translator
) -> None:
    result = run_set(name, matcher, kb, translator)
    print(result.report())
    floor, tolerated = SETS[name]
    assert len(result.offtopic_answered) <= tolerated, result.offtopic_answered
    assert result.rate >= floor
