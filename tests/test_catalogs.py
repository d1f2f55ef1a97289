"""Every user-facing string is in the catalogs, and every shipped language's catalog is complete."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from babel.messages.pofile import read_po

from bot.i18n import LANGS, SOURCE_LANG

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "locales"
TRANSLATED = [lang for lang in LANGS if lang != SOURCE_LANG]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    pot = tmp_path_factory.mktemp("pot") / "fresh.pot"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "pybabel"), "--quiet", "extract",
            "--mapping", str(ROOT / "babel.cfg"), "--output-file", str(pot), str(ROOT / "bot"),
        ],
        check=True,
        cwd=ROOT,
    )  # fmt: skip
    with pot.open("rb") as fp:
        return {_key(m) for m in read_po(fp) if m.id}


def _key(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def _catalog(lang: str) -> dict[str, Message]:
    with (LOCALES / lang / "LC_MESSAGES" / "confbot.po").open("rb") as fp:
        catalog = read_po(fp, locale=lang)
    return {_key(m): m for m in catalog if m.id}


def _texts(message: Message) -> tuple[str, ...]:
    string = message.string
    return tuple(string) if isinstance(string, (tuple, list)) else (string,)


def test_every_shipped_language_has_a_catalog_and_no_other_is_shipped() -> None:
    shipped = {p.parent.parent.name for p in LOCALES.glob("*/LC_MESSAGES/confbot.po")}
    assert shipped == set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_the_catalog_knows_every_string_in_the_code(lang: str, extracted: set[str]) -> None:
    missing = sorted(extracted - _catalog(lang).keys())
    assert not missing, f"not in locales/{lang} (run `make extract`): {missing}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_catalog_translates_every_string_in_the_code(lang: str, extracted: set[str]) -> None:
    catalog = _catalog(lang)
    untranslated = sorted(m for m in extracted if m in catalog and not all(_texts(catalog[m])))
    assert not untranslated, f"{lang} translation missing: {untranslated}"
    fuzzy = sorted(m for m in extracted if m in catalog and catalog[m].fuzzy)
    assert not fuzzy, f"{lang} translation stale (fuzzy): {fuzzy}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_and_tags_survive_translation(lang: str) -> None:
    field = re.compile(r"\{[a-z_]+\}")
    tag = re.compile(r"</?[a-z]+>")
    for msgid, message in _catalog(lang).items():
        for text in filter(None, _texts(message)):
            assert set(field.findall(text)) <= set(field.findall(msgid)) | {"{n}"}, msgid
            assert sorted(tag.findall(text)) == sorted(tag.findall(msgid)), msgid


# Formal ("usted") words and endings the Spanish texts once used; the bot says "tú" everywhere.
_USTED = re.compile(
    r"\b(usted|ustedes|pulse|escriba|responda|inténtelo|véalo|péguelos|añada|valórela|"
    r"agrégueme|reinícieme|envíe|elija|le dio|podrá|ya tiene|haga)\b",
    re.IGNORECASE,
)


def test_spanish_speaks_to_everyone_as_tu() -> None:
    formal = {
        msgid: text
        for msgid, message in _catalog("es").items()
        for text in filter(None, _texts(message))
        if _USTED.search(text)
    }
    assert not formal, f"'usted' in the Spanish catalog: {formal}"
