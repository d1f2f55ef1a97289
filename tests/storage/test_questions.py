"""The question log: what was asked, never who (beyond a salted hash), forgotten on request."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.cli.main import main as confbot
from bot.domain.matcher import Reply
from bot.storage.db import Database
from bot.storage.questions import QuestionStore
from bot.storage.subscriptions import SubscriptionStore
from bot.storage.users import UserStore

QUITO = dt.timezone(dt.timedelta(hours=-5))
AT = dt.datetime(2015, 10, 20, 9, 0, tzinfo=QUITO)
ALICE, BETO = 5550123456, 5550987654


def reply(text: str, kind: str = "abstain", entry: str | None = None) -> Reply:
    return Reply(text, "es", kind, entry, 80.0 if entry else 12.0)


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "q.sqlite3")
    yield database
    await database.close()


async def test_a_question_is_stored_with_its_answer_but_no_user_or_chat_id(
    db: Database, tmp_path: Path
) -> None:
    store = QuestionStore(db)
    await store.record(reply("¿dónde es la clínica?", "entry", "clinic"), ALICE, AT)
    await store.record(reply("hay parqueadero?"), ALICE, AT)
    [first, second] = await store.since()
    assert (first.text, first.lang, first.kind, first.entry) == (
        "¿dónde es la clínica?", "es", "entry", "clinic",
    )  # fmt: skip
    assert first.asked_at == AT
    assert (second.kind, second.entry) == ("abstain", None)
    with sqlite3.connect(tmp_path / "q.sqlite3") as conn:
        dump = "\n".join(conn.iterdump())
    assert str(ALICE) not in dump
    assert await store.asker(ALICE) in dump  # the pseudonym is what links the rows


async def test_the_salt_is_made_once_per_database(db: Database, tmp_path: Path) -> None:
    pseudonym = await QuestionStore(db).asker(ALICE)
    assert await QuestionStore(db).asker(ALICE) == pseudonym  # a restart keeps it
    assert await QuestionStore(db).asker(BETO) != pseudonym
    other = await Database.open(tmp_path / "other.sqlite3")
    try:
        assert await QuestionStore(other).asker(ALICE) != pseudonym
    finally:
        await other.close()


async def test_forget_deletes_only_that_users_questions(db: Database) -> None:
    store = QuestionStore(db)
    await store.record(reply("wifi?"), ALICE, AT)
    await store.record(reply("parking?"), ALICE, AT)
    await store.record(reply("lunch?"), BETO, AT)
    assert await store.forget(ALICE) == 2
    assert [q.text for q in await store.since()] == ["lunch?"]


async def test_purge_deletes_questions_older_than_the_cutoff(db: Database) -> None:
    store = QuestionStore(db)
    await store.record(reply("old"), ALICE, AT - dt.timedelta(days=91))
    await store.record(reply("recent"), ALICE, AT - dt.timedelta(days=1))
    assert await store.purge(AT - dt.timedelta(days=90)) == 1
    assert [q.text for q in await store.since()] == ["recent"]
    assert [q.text for q in await store.since(AT - dt.timedelta(hours=1))] == []


async def _populate(path: Path) -> None:
    db = await Database.open(path)
    users, questions = UserStore(db), QuestionStore(db)
    await users.seen(ALICE, ALICE, "es")
    await users.seen(BETO, BETO, "en")
    await SubscriptionStore(db).subscribe_all(ALICE)
    await questions.record(reply("¿dónde es la clínica?", "entry", "clinic"), ALICE, AT)
    for text in ("hay parqueadero?", "¿Hay parqueadero?", "parqueadero"):
        await questions.record(reply(text), BETO, AT)
    await questions.record(reply("old wifi?"), BETO, AT - dt.timedelta(days=2))
    await db.close()


def test_confbot_report_prints_the_statistics_and_a_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asyncio.run(_populate(tmp_path / "q.sqlite3"))
    monkeypatch.setenv("CONFBOT_NOW", "2015-10-20T18:00:00-05:00")
    path = str(tmp_path / "q.sqlite3")

    assert confbot(["report", "--db", path, "--since", "2015-10-19"]) == 0
    text = capsys.readouterr().out
    assert "Users: 2 (en 1, es 1)" in text
    assert "Subscribers: 1 (es 1)" in text
    assert "Questions today: 4 · total: 4" in text
    assert "Answer rate: 25% (1 of 4)" in text
    assert "• clinic — 1" in text
    assert "• hay parqueadero? — 3 (wordings: 3)" in text
    assert "wifi" not in text  # before --since

    assert confbot(["report", "--db", path, "--csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "section,name,value,detail"
    assert "questions,total,5," in rows
    assert "questions,answer_rate,0.200," in rows
    assert (
        "unanswered,hay parqueadero?,3,hay parqueadero? | parqueadero | ¿Hay parqueadero?" in rows
    )


def test_confbot_report_refuses_a_missing_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert confbot(["report", "--db", str(tmp_path / "nope.sqlite3")]) == 1
    assert "no database" in capsys.readouterr().err
    assert not (tmp_path / "nope.sqlite3").exists()
