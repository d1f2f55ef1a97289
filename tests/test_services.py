"""The knowledge in service: an unchanged knowledge base is not parsed and indexed again."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.services import LiveKnowledge, load_snapshot

ROOT = Path(__file__).resolve().parents[1]
OLD_WIFI = "The programme gives no information about wifi or internet access at the venues."
NEW_WIFI = "The wifi network is CSW2015 and its password is quito2015."


def copy_kb(into: Path) -> Path:
    return Path(shutil.copytree(ROOT / "knowledge", into / "knowledge"))


def wifi_answer(live: LiveKnowledge) -> str:
    faq = live.current.kb.faq("wifi")
    assert faq is not None
    return faq.answer.get("en")


def edit(knowledge: Path, old: str, new: str) -> None:
    faq = knowledge / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    assert old in text
    faq.write_text(text.replace(old, new), encoding="utf-8")


def test_a_reload_of_unchanged_files_reuses_the_records_and_the_index(tmp_path: Path) -> None:
    live = LiveKnowledge(copy_kb(tmp_path))
    before = live.current
    snapshot, problems = live.reload()
    assert problems == []
    assert snapshot is before  # nothing parsed or indexed again
    # Another copy of the same files (another bot, another test) shares it too.
    assert load_snapshot(copy_kb(tmp_path / "other")) is before


def test_an_edit_is_loaded_and_a_broken_edit_keeps_the_previous_version(tmp_path: Path) -> None:
    knowledge = copy_kb(tmp_path)
    live = LiveKnowledge(knowledge)
    assert OLD_WIFI in wifi_answer(live)
    edit(knowledge, OLD_WIFI, NEW_WIFI)
    snapshot, problems = live.reload()
    assert problems == []
    assert NEW_WIFI in wifi_answer(live)
    assert snapshot.matcher.kb is snapshot.kb  # the index is the new records'
    edit(knowledge, "  - id: wifi\n", "  - id: <wifi>\n")
    kept, problems = live.reload()
    assert problems and kept is snapshot
    # Fixed again, then back to the original text: each version is read as it now is.
    edit(knowledge, "  - id: <wifi>\n", "  - id: wifi\n")
    edit(knowledge, NEW_WIFI, OLD_WIFI)
    live.reload()
    assert OLD_WIFI in wifi_answer(live)
