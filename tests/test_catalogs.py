"""Every user-facing string is in the catalogs, and the Spanish catalog is complete and fresh."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "locales"


def _extracted(tmp_path: Path) -> set[str]:
    pot = tmp_path / "fresh.pot"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "pybabel"), "--quiet", "extract",
            "--mapping", str(ROOT / "babel.cfg"), "--output-file", str(pot), str(ROOT / "bot"),
        ],
        check=True,
        cwd=ROOT,
    )  # fmt: skip
    with pot.open("rb") as fp:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fp) if m.id}


def _catalog(lang: str) -> dict[str, object]:
    with (LOCALES / lang / "LC_MESSAGES" / "confbot.po").open("rb") as fp:
        catalog = read_po(fp, locale=lang)
    return {(m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}


def test_the_spanish_catalog_translates_every_string_in_the_code(tmp_path: Path) -> None:
    extracted = _extracted(tmp_path)
    spanish = _catalog("es")
    missing = sorted(extracted - spanish.keys())
    assert not missing, f"not in locales/es (run `make extract` and translate): {missing}"
    untranslated = sorted(
        msgid
        for msgid in extracted
        if not spanish[msgid].string  # type: ignore[attr-defined]
        or (isinstance(spanish[msgid].string, tuple) and not all(spanish[msgid].string))  # type: ignore[attr-defined]
    )
    assert not untranslated, f"Spanish translation missing: {untranslated}"
    fuzzy = sorted(msgid for msgid in extracted if spanish[msgid].fuzzy)  # type: ignore[attr-defined]
    assert not fuzzy, f"Spanish translation stale (fuzzy): {fuzzy}"


def test_the_english_catalog_knows_every_string(tmp_path: Path) -> None:
    missing = sorted(_extracted(tmp_path) - _catalog("en").keys())
    assert not missing, f"not in locales/en (run `make extract`): {missing}"


def test_placeholders_survive_translation() -> None:
    field = re.compile(r"\{[a-z_]+\}")
    for msgid, message in _catalog("es").items():
        string = message.string  # type: ignore[attr-defined]
        texts = string if isinstance(string, tuple) else (string,)
        for text in texts:
            if text:
                assert set(field.findall(text)) <= set(field.findall(msgid)) | {"{n}"}, msgid
