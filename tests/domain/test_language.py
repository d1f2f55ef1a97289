"""Normalisation and language detection of short questions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase, load_knowledge
from bot.domain.language import detect_language, fold, names, stem, tokens, unhashed
from bot.domain.matcher import Matcher
from bot.domain.terms import Normaliser


def test_fold_drops_case_and_accents() -> None:
    assert fold("¿Dónde es la CLÍNICA? Mañana") == "¿donde es la clinica? manana"


def test_tokens_drop_punctuation_and_possessives() -> None:
    assert tokens("¡Hola! ¿Qué tal?") == ["hola", "que", "tal"]
    assert tokens("What's the clinic's topic?") == ["what", "the", "clinic", "topic"]


def test_tokens_of_a_huge_text_are_capped() -> None:
    assert len(tokens("word " * 10_000)) == 64


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("sessions", "session"),
        ("reuniones", "reunion"),
        ("tratan", "trata"),
        ("booking", "book"),
        ("comecam", "comeca"),  # Portuguese third person plural
        ("acontecem", "acontece"),
    ],
)
def test_plural_and_verb_forms_meet(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("donde es la clinica", "es"),
        ("¿Qué hay mañana?", "es"),
        ("a q hora empieza", "es"),
        ("comprar zapatos baratos", "es"),
        ("where is the clinic", "en"),
        ("what's on tomorrow", "en"),
        ("tell me a joke", "en"),
    ],
)
def test_detects_the_language_of_short_questions(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_knowledge_base_words_tell_languages_apart(matcher: Matcher) -> None:
    assert detect_language("ponentes", evidence=matcher.vocab.evidence) == "es"
    assert detect_language("speakers", evidence=matcher.vocab.evidence) == "en"


def test_hint_decides_only_when_the_text_is_ambiguous() -> None:
    assert detect_language("wifi") is None
    assert detect_language("wifi", hint="es") == "es"
    assert detect_language("¿dónde es la clínica?", hint="en") == "es"


def test_names_are_capitalised_words_inside_a_sentence() -> None:
    assert names("what's the weather in Paris?") == {"paris"}
    assert names("Paris weather") == frozenset()
    assert names("Is this an IDB event?") == frozenset()


def test_synonym_phrases_typos_and_stopwords() -> None:
    normaliser = Normaliser(
        [["visit", "visita de campo", "field visit"], ["clinic", "clínica"]],
        vocabulary=["clinic", "pay", "visit", "penitentiary"],
    )
    terms = normaliser.terms(tokens("¿Cuándo es la visita de campo de la clinc?"))
    assert [t.text for t in terms] == ["cuando", "visit", "clinic"]
    assert normaliser.repair("penitentary") == "penitentiary"
    assert normaliser.repair("play") is None  # a real word, not a typo of "pay"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("quando é o congresso?", "pt"),
        ("onde fica o auditório?", "pt"),
        ("obrigado!", "pt"),
        ("¿dónde es el congreso?", "es"),
        ("where is the congress?", "en"),
    ],
)
def test_a_third_language_is_read_when_the_event_speaks_it(text: str, lang: str) -> None:
    assert detect_language(text, langs=("es", "pt", "en")) == lang


def test_a_language_the_event_does_not_speak_is_never_chosen() -> None:
    assert detect_language("quando é o congresso?", hint="en") in ("es", "en")


PT_FIRST = Path(__file__).resolve().parents[2] / "examples" / "porto-alegre-saude" / "knowledge"


@pytest.fixture(scope="module")
def pt_first() -> KnowledgeBase:
    return load_knowledge(PT_FIRST)


def _at_start(kb: KnowledgeBase) -> dt.datetime:
    return dt.datetime.combine(kb.event.start_date, dt.time(9), tzinfo=kb.event.tz)


def test_a_tie_with_the_default_language_is_answered_in_the_language_written(
    pt_first: KnowledgeBase,
) -> None:
    # "do" is an English and a Portuguese word: the tie no longer falls to English.
    reply = Matcher(pt_first).answer("site do congresso", _at_start(pt_first))
    assert reply.lang == "pt"


def test_the_users_language_still_breaks_a_tie_first(pt_first: KnowledgeBase) -> None:
    reply = Matcher(pt_first).answer("site do congresso", _at_start(pt_first), hint="en")
    assert reply.lang == "en"


def test_a_word_spanish_and_portuguese_share_keeps_the_events_first_language(
    matcher: Matcher, kb: KnowledgeBase
) -> None:
    # Character models call "programa" Portuguese; it is also the Spanish word.
    assert matcher.answer("programa", _at_start(kb)).lang == "es"


def test_a_message_without_any_language_gets_the_default(
    matcher: Matcher, kb: KnowledgeBase
) -> None:
    assert matcher.answer("wifi", _at_start(kb)).lang == "en"


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("#SeguridadCiudadana agenda", "Seguridad Ciudadana agenda"),
        ("#ÁreaDeDatos", "Área De Datos"),
        ("#ODS_Datos", "ODS Datos"),  # initials stay one word
        ("C# workshop?", "C# workshop?"),  # (a guard) no hashtag
    ],
)
def test_hashtags_are_read_as_words(text: str, read: str) -> None:
    assert unhashed(text) == read
