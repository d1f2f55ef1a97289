"""End to end: organisers reload the knowledge base live, read /stats; attendees /forgetme."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from bot.domain.knowledge import load_knowledge
from bot.domain.matcher import Reply
from bot.domain.reminders import fingerprint
from bot.storage.db import Database
from bot.storage.questions import QuestionStore
from bot.storage.subscriptions import encode_fingerprint
from bot.telegram import admin
from tests.e2e.conftest import ADMIN, BotFactory
from tests.e2e.test_conversation import say
from tests.fakeapi import FakeBotApi

ROOT = Path(__file__).resolve().parents[2]
ALICE, BETO = 301, 302
WIFI = "Is there wifi?"
OLD_WIFI = "The programme gives no information about wifi or internet access at the venues."
NEW_WIFI = "The wifi network is CSW2015 and its password is quito2015."


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    """A copy of the knowledge base that the test edits while the bot runs."""
    return Path(shutil.copytree(ROOT / "knowledge", tmp_path / "knowledge"))


@pytest.fixture
def no_watcher(monkeypatch: pytest.MonkeyPatch) -> None:
    """Leave reloading to /reload alone, so each reply is the command's."""
    monkeypatch.setattr(admin, "WATCH_POLL", 3600.0)


@pytest.fixture
def fast_watcher(monkeypatch: pytest.MonkeyPatch) -> None:
    """Look at the files every 0.1 s (2 s in service) and load an edit resting 0.1 s."""
    monkeypatch.setattr(admin, "WATCH_POLL", 0.1)
    monkeypatch.setattr(admin, "WATCH_SETTLE", 0.1)


def edit(knowledge: Path, old: str, new: str) -> None:
    faq = knowledge / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    assert old in text
    faq.write_text(text.replace(old, new), encoding="utf-8")


def break_wifi_id(knowledge: Path) -> int:
    """Give the wifi FAQ an invalid id; return the line the check will point at."""
    lines = (knowledge / "faq.yaml").read_text(encoding="utf-8").splitlines()
    edit(knowledge, "  - id: wifi\n", "  - id: <wifi>\n")
    return lines.index("  - id: wifi") + 1


def admin_saw(api: FakeBotApi, *parts: str) -> bool:
    return any(all(p in text for p in parts) for text in api.texts(ADMIN))


async def test_the_watcher_keeps_a_broken_edit_out_and_takes_a_good_one(
    api: FakeBotApi, start_bot: BotFactory, knowledge: Path, fast_watcher: None
) -> None:
    async with start_bot(CONFBOT_KNOWLEDGE=str(knowledge)):
        [before] = await say(api, ALICE, WIFI)
        line = break_wifi_id(knowledge)
        await api.wait_for(lambda a: admin_saw(a, f"faq.yaml:{line}:5: "), timeout=15)
        [during] = await say(api, ALICE, WIFI)
        edit(knowledge, "  - id: <wifi>\n", "  - id: wifi\n")
        edit(knowledge, OLD_WIFI, NEW_WIFI)
        await api.wait_for(lambda a: admin_saw(a, "FAQs changed: wifi"), timeout=15)
        [after] = await say(api, ALICE, WIFI)
    assert OLD_WIFI in before.params["text"]
    assert during.params["text"] == before.params["text"]
    assert NEW_WIFI in after.params["text"]
    [problem] = [t for t in api.texts(ADMIN) if f"faq.yaml:{line}:5: " in t]
    assert f"{knowledge / 'faq.yaml'}:{line}:5: faq: id &#x27;&lt;wifi&gt;&#x27; must be" in problem
    assert "previous version" in problem


async def test_reload_reports_each_problem_then_what_changed(
    api: FakeBotApi, start_bot: BotFactory, knowledge: Path, no_watcher: None
) -> None:
    async with start_bot(CONFBOT_KNOWLEDGE=str(knowledge)):
        [unchanged] = await say(api, ADMIN, "/reload")
        line = break_wifi_id(knowledge)
        (knowledge / "extra.yaml").write_text("faqs:\n  - id: x\n    answer: {es: 'x'\n")
        [broken] = await say(api, ADMIN, "/reload")
        [during] = await say(api, ALICE, WIFI)
        (knowledge / "extra.yaml").unlink()
        edit(knowledge, "  - id: <wifi>\n", "  - id: wifi\n")
        edit(knowledge, OLD_WIFI, NEW_WIFI)
        [fixed] = await say(api, ADMIN, "/reload", language_code="es")
        [after] = await say(api, ALICE, WIFI)
    assert "Knowledge base reloaded." in unchanged.params["text"]
    assert "Nothing changed." in unchanged.params["text"]
    lines = broken.params["text"].splitlines()
    assert any(text.startswith(f"<pre>{knowledge / 'extra.yaml'}:") for text in lines)
    assert any(text.startswith(f"{knowledge / 'faq.yaml'}:{line}:5: ") for text in lines)
    assert OLD_WIFI in during.params["text"]
    assert "Cambiaron las FAQ: wifi" in fixed.params["text"]
    assert NEW_WIFI in after.params["text"]


async def test_attendees_cannot_use_admin_commands(
    api: FakeBotApi, start_bot: BotFactory, knowledge: Path, no_watcher: None
) -> None:
    async with start_bot(CONFBOT_KNOWLEDGE=str(knowledge)):
        edit(knowledge, OLD_WIFI, NEW_WIFI)
        [reload] = await say(api, ALICE, "/reload")
        [stats] = await say(api, BETO, "/stats", language_code="es")
        [group] = await say(api, ADMIN, "/stats", chat_id=-4001, chat_type="supergroup")
        [answer] = await say(api, ALICE, WIFI)
    assert "Sorry, /reload is only for the organisers." in reload.params["text"]
    assert "/stats es solo para los organizadores" in stats.params["text"]
    assert "private chat" in group.params["text"]
    assert OLD_WIFI in answer.params["text"]  # the refused /reload did not reload


async def test_stats_show_what_attendees_asked_and_missed(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot() as bot:
        await say(api, ALICE, WIFI)
        await say(api, ALICE, "gym?")
        await say(api, BETO, "Gym?", language_code="es")
        await say(api, BETO, "gym?", language_code="es")
        await bot.settled_rows("SELECT COUNT(*) FROM questions", [(4,)])
        [stats] = await say(api, ADMIN, "/stats")
    text = stats.params["text"]
    assert "Users: 3 (en 2, es 1)" in text  # Alice, the admin; Beto
    assert "Questions today: 4 · total: 4" in text
    assert "Answer rate: 25% (1 of 4)" in text
    assert "• wifi — 1" in text
    assert "• gym? — 3 (wordings: 2)" in text


async def test_forgetme_deletes_the_users_questions_subscription_and_record(
    api: FakeBotApi, start_bot: BotFactory
) -> None:
    async with start_bot() as bot:
        await say(api, ALICE, WIFI, language_code="es")
        await say(api, ALICE, "gym?", language_code="es")
        await say(api, BETO, "gym?")
        await bot.rows(
            "INSERT INTO subscriptions (user_id, sessions, created_at, updated_at)"
            " VALUES (?, NULL, 'now', 'now')",
            ALICE,
        )
        assert await bot.settled_rows("SELECT COUNT(*) FROM questions", [(3,)]) == [(3,)]
        [done] = await say(api, ALICE, "/forgetme", language_code="es")
        remaining = await bot.rows("SELECT text FROM questions")
        users = await bot.rows("SELECT user_id FROM users")
        subscriptions = await bot.rows("SELECT user_id FROM subscriptions")
    assert "Listo" in done.params["text"]
    assert remaining == [("gym?",)]
    assert (ALICE,) not in users and (BETO,) in users
    assert subscriptions == []


async def test_questions_past_the_retention_period_are_deleted_at_start(
    api: FakeBotApi, start_bot: BotFactory, tmp_path: Path
) -> None:
    db = await Database.open(tmp_path / "confbot.sqlite3")  # the database start_bot uses
    store = QuestionStore(db)
    now = dt.datetime.fromisoformat("2015-10-21T10:00:00-05:00")  # the e2e bot's clock
    for text, days in (("too old", 31), ("recent", 29)):
        await store.record(Reply(text, "en", "abstain", None, 0.0), ALICE, now - dt.timedelta(days))
    await db.close()
    async with start_bot(CONFBOT_RETENTION_DAYS="30") as bot:
        kept = await bot.rows("SELECT text FROM questions")
    assert kept == [("recent",)]


async def test_a_reload_that_moves_a_session_notifies_its_reminded_subscribers(
    api: FakeBotApi, start_bot: BotFactory, knowledge: Path, no_watcher: None
) -> None:
    clinic = load_knowledge(knowledge).session("clinic")
    assert clinic is not None and clinic.start is None
    told = encode_fingerprint(fingerprint(clinic))
    async with start_bot(CONFBOT_KNOWLEDGE=str(knowledge)) as bot:
        await say(api, ALICE, "/help", language_code="es")
        await bot.rows(
            "INSERT INTO subscriptions (user_id, sessions, created_at, updated_at)"
            " VALUES (?, NULL, 'now', 'now')",
            ALICE,
        )
        await bot.rows(
            "INSERT INTO announced (user_id, session_id, fingerprint, updated_at)"
            " VALUES (?, 'clinic', ?, 'now')",
            ALICE,
            told,
        )
        sessions = knowledge / "sessions.yaml"
        text = sessions.read_text(encoding="utf-8")
        sessions.write_text(
            text.replace("date: 2015-10-21\n", "date: 2015-10-21\n    start: '09:00'\n", 1)
        )
        await say(api, ADMIN, "/reload", replies=2)
        await api.wait_for(lambda a: len(a.sent(ALICE)) >= 2)
        await say(api, ADMIN, "/reload")  # the same version again: nobody is told twice
    notices = api.texts(ALICE)[1:]
    assert len(notices) == 1  # in her language, with the new time
    assert "Cambio en el programa" in notices[0] and "desde las 09:00" in notices[0]
    assert "Sessions changed: clinic" in api.texts(ADMIN)[0]
    assert "Schedule-change notices sent to subscribers: 1" in api.texts(ADMIN)[1]


async def test_the_log_tells_an_organiser_their_user_id(
    api: FakeBotApi, start_bot: BotFactory, caplog: pytest.LogCaptureFixture
) -> None:
    # The README's way to find the id for CONFBOT_ADMINS: send /stats before being listed.
    async with start_bot():
        [refused] = await say(api, BETO, "/stats")
    assert "only for the organisers" in refused.params["text"]
    assert f"refused /stats to user {BETO}: not an admin" in caplog.text
