"""Subscriptions in SQLite and the reminder sweep: exactly once, across restarts and failures."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.cli.main import main as confbot
from bot.domain.clock import FixedClock
from bot.domain.delivery import Outcome, OutgoingMessage
from bot.domain.knowledge import load_knowledge
from bot.domain.reminders import Subscription, due_reminders
from bot.i18n import Translator
from bot.storage.db import Database
from bot.storage.subscriptions import ReminderLog, SubscriptionStore
from bot.storage.users import UserStore
from bot.usecases.reminding import ReminderService

ROOT = Path(__file__).resolve().parents[2]
QUITO = dt.timezone(dt.timedelta(hours=-5))
EVE_OF_19 = dt.datetime(2015, 10, 18, 18, 0, tzinfo=QUITO)
KB = load_knowledge(ROOT / "knowledge")
TRANSLATOR = Translator(ROOT / "locales")


class FakeDeliver:
    """Record what would be sent; answer with a chosen outcome per chat."""

    def __init__(self, outcomes: dict[int, Outcome] | None = None) -> None:
        self.sent: list[tuple[int, OutgoingMessage]] = []
        self.outcomes = outcomes or {}

    async def __call__(self, chat_id: int, message: OutgoingMessage) -> Outcome:
        await asyncio.sleep(0)  # let a concurrent sweep interleave here, as a real send would
        if chat_id == 666:
            raise RuntimeError("a bug in the sender")
        self.sent.append((chat_id, message))
        return self.outcomes.get(chat_id, Outcome.DELIVERED)

    def chats(self) -> list[int]:
        return [chat for chat, _ in self.sent]


class Bot:
    """The reminder side of the bot on one database file, as a process would build it."""

    def __init__(self, db: Database, clock: FixedClock, deliver: FakeDeliver) -> None:
        self.db = db
        self.users = UserStore(db)
        self.subscriptions = SubscriptionStore(db)
        self.log = ReminderLog(db)
        self.service = ReminderService(
            KB, self.subscriptions, self.log, self.users, clock, TRANSLATOR, deliver
        )

    async def subscriber(
        self, user_id: int, lang: str = "en", sessions: set[str] | None = None
    ) -> None:
        await self.users.seen(user_id, chat_id=user_id, tg_lang=lang)
        if sessions is None:
            await self.subscriptions.subscribe_all(user_id)
        else:
            await self.subscriptions.set_sessions(user_id, sessions)


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "confbot.sqlite3")
    yield database
    await database.close()


async def test_a_subscription_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "confbot.sqlite3"
    db = await Database.open(path)
    await UserStore(db).seen(1, 1, "es")
    await SubscriptionStore(db).set_sessions(1, {"clinic"})
    await db.close()

    reopened = await Database.open(path)
    try:
        assert await SubscriptionStore(reopened).get(1) == Subscription(1, frozenset({"clinic"}))
    finally:
        await reopened.close()


async def test_toggling_from_all_sessions_removes_just_that_one(db: Database) -> None:
    await UserStore(db).seen(1, 1, "en")
    store = SubscriptionStore(db)
    await store.subscribe_all(1)
    every = [s.id for s in KB.sessions]

    after = await store.toggle(1, "dialogue", every)
    back = await store.toggle(1, "dialogue", every)

    assert after.sessions == frozenset(every) - {"dialogue"}
    assert back.sessions == frozenset(every)
    assert await store.get(1) == back


async def test_active_subscribers_skip_the_unsubscribed_and_the_blocked(db: Database) -> None:
    users, store = UserStore(db), SubscriptionStore(db)
    for user_id, lang in ((1, "es"), (2, None), (3, "en"), (4, "en")):
        await users.seen(user_id, user_id * 10, lang)
        await store.subscribe_all(user_id)
    assert await store.unsubscribe(3)
    await users.set_active(40, False)

    found = await store.active_subscribers()

    assert [(s.user_id, s.chat_id, s.language) for s in found] == [(1, 10, "es"), (2, 20, "en")]


async def test_a_settled_reminder_cannot_be_claimed_again(db: Database) -> None:
    bot = Bot(db, FixedClock(EVE_OF_19), FakeDeliver())
    await bot.subscriber(1)
    await bot.subscriber(2)
    subscribers = await bot.subscriptions.active_subscribers()
    dues = due_reminders(KB, EVE_OF_19, dt.time(18), subscribers, set())

    first = await bot.log.claim(dues)
    await bot.log.settle(first[0], Outcome.DELIVERED)
    second = await bot.log.claim(dues)

    assert [d.subscriber.user_id for d in first] == [1, 2]
    assert [d.subscriber.user_id for d in second] == [2]  # still pending: a crash left it
    assert await bot.log.recorded() == {(1, dt.date(2015, 10, 19))}


async def test_the_reminder_goes_out_at_six_pm_once_even_across_a_restart(tmp_path: Path) -> None:
    path, clock, deliver = tmp_path / "confbot.sqlite3", FixedClock(EVE_OF_19), FakeDeliver()
    db = await Database.open(path)
    bot = Bot(db, clock, deliver)
    await bot.subscriber(1, "en")
    await bot.subscriber(2, "es")
    clock.advance(minutes=-1)
    assert (await bot.service.sweep()).delivered == 0
    clock.advance(minutes=1)

    report = await bot.service.sweep()
    again = await bot.service.sweep()
    await db.close()
    db = await Database.open(path)
    after_restart = await Bot(db, clock, deliver).service.sweep()
    await db.close()

    assert report.delivered == 2 and again.delivered == 0 and after_restart.delivered == 0
    assert deliver.chats() == [1, 2]
    assert "Third Regional Policy Dialogue" in deliver.sent[0][1].text
    assert "Tercer Diálogo Regional" in deliver.sent[1][1].text


async def test_concurrent_sweeps_send_each_reminder_once(db: Database) -> None:
    deliver = FakeDeliver()
    bot = Bot(db, FixedClock(EVE_OF_19), deliver)
    for user_id in range(1, 6):
        await bot.subscriber(user_id)

    await asyncio.gather(bot.service.sweep(), bot.service.sweep(), bot.service.sweep())

    assert sorted(deliver.chats()) == [1, 2, 3, 4, 5]


async def test_closing_mid_sweep_leaves_the_rest_for_the_next_start_without_duplicates(
    db: Database,
) -> None:
    clock, deliver = FixedClock(EVE_OF_19), FakeDeliver()
    bot = Bot(db, clock, deliver)
    everyone = list(range(1, 41))  # more than the 16 reminders in flight at once
    for user_id in everyone:
        await bot.subscriber(user_id)
    sweep = asyncio.create_task(bot.service.sweep())
    while len(deliver.sent) < 3:
        await asyncio.sleep(0)

    await bot.service.close()
    first = await sweep
    report = await Bot(db, clock, deliver).service.sweep()

    assert 3 <= first.delivered < len(everyone)
    assert first.delivered + report.delivered == len(everyone)
    assert sorted(deliver.chats()) == everyone


async def test_each_sweep_reads_the_knowledge_base_in_service(db: Database) -> None:
    clock, deliver = FixedClock(EVE_OF_19), FakeDeliver()
    current = [KB]
    service = ReminderService(
        lambda: current[0], SubscriptionStore(db), ReminderLog(db), UserStore(db), clock,
        TRANSLATOR, deliver,
    )  # fmt: skip
    await Bot(db, clock, deliver).subscriber(1)
    renamed = replace(KB.sessions[0], title=KB.sessions[0].title.with_texts(en="Renamed dialogue"))
    current[0] = replace(KB, sessions=(renamed, *KB.sessions[1:]))

    await service.sweep()

    assert "Renamed dialogue" in deliver.sent[0][1].text


async def test_a_reminder_left_pending_by_a_crash_is_sent_on_restart(db: Database) -> None:
    clock, deliver = FixedClock(EVE_OF_19), FakeDeliver()
    bot = Bot(db, clock, deliver)
    await bot.subscriber(1)
    subscribers = await bot.subscriptions.active_subscribers()
    # The crashed process claimed the reminder and died before settling it.
    await bot.log.claim(due_reminders(KB, clock.now(), dt.time(18), subscribers, set()))
    clock.advance(minutes=30)

    report = await Bot(db, clock, deliver).service.sweep()

    assert report.delivered == 1 and report.late == 1
    assert "This reminder is late" in deliver.sent[0][1].text


async def test_a_blocked_subscriber_is_deactivated_and_the_others_still_get_it(
    db: Database,
) -> None:
    clock, deliver = FixedClock(EVE_OF_19), FakeDeliver({2: Outcome.BLOCKED})
    bot = Bot(db, clock, deliver)
    for user_id in (1, 2, 666, 3):
        await bot.subscriber(user_id)

    report = await bot.service.sweep()
    clock.advance(days=1)
    await bot.service.sweep()

    assert (report.delivered, report.blocked, report.failed) == (2, 1, 1)
    assert deliver.chats() == [1, 2, 3, 1, 3]
    user = await bot.users.get(2)
    assert user is not None and not user.active


async def test_start_again_brings_a_blocked_subscriber_back_for_the_next_day(db: Database) -> None:
    clock, deliver = FixedClock(EVE_OF_19), FakeDeliver({2: Outcome.BLOCKED})
    bot = Bot(db, clock, deliver)
    await bot.subscriber(2)
    await bot.service.sweep()

    deliver.outcomes.clear()
    await bot.users.seen(2, 2, "en")  # /start
    clock.advance(days=1)
    await bot.service.sweep()

    assert deliver.chats() == [2, 2]
    assert "Subregional meetings" in deliver.sent[1][1].text


async def test_a_reminder_is_late_after_downtime_and_skipped_once_the_day_begins(
    db: Database,
) -> None:
    clock, deliver = FixedClock(EVE_OF_19 + dt.timedelta(hours=3)), FakeDeliver()
    bot = Bot(db, clock, deliver)
    await bot.subscriber(1)

    late = await bot.service.sweep()
    clock.set(dt.datetime(2015, 10, 20, 0, 0, tzinfo=QUITO))  # down all of the 19th evening
    missed = await bot.service.sweep()
    clock.advance(hours=1)
    later = await bot.service.sweep()

    assert (late.delivered, late.late) == (1, 1)
    assert "This reminder is late" in deliver.sent[0][1].text
    assert (missed.delivered, missed.skipped) == (0, 1)
    assert (later.delivered, later.skipped) == (0, 0)
    assert len(deliver.sent) == 1


async def test_only_chosen_sessions_are_reminded_and_unsubscribing_stops_them(db: Database) -> None:
    clock, deliver = FixedClock(EVE_OF_19), FakeDeliver()
    bot = Bot(db, clock, deliver)
    await bot.subscriber(1, sessions={"subregional"})
    await bot.subscriber(2, sessions={"subregional"})

    await bot.service.sweep()
    await bot.subscriptions.unsubscribe(2)
    clock.advance(days=1)
    await bot.service.sweep()

    assert deliver.chats() == [1]
    assert "Subregional meetings" in deliver.sent[0][1].text


async def test_a_moved_session_is_announced_once_to_those_already_reminded(db: Database) -> None:
    clock, deliver = FixedClock(dt.datetime(2015, 10, 20, 18, 0, tzinfo=QUITO)), FakeDeliver()
    bot = Bot(db, clock, deliver)
    await bot.subscriber(1, sessions={"clinic"})
    await bot.service.sweep()
    await bot.subscriber(2, sessions={"clinic"})  # subscribes after the reminder went out
    moved = replace(
        KB,
        sessions=tuple(replace(s, venue="ecu911") if s.id == "clinic" else s for s in KB.sessions),
    )
    sent_before = len(deliver.sent)

    first = await bot.service.notify_changes(moved)
    second = await bot.service.notify_changes(moved)

    assert (first, second) == (1, 0)
    notice = deliver.sent[sent_before:]
    assert [chat for chat, _ in notice] == [1]
    assert "Programme change" in notice[0][1].text and "ECU 911" in notice[0][1].text


def test_the_preview_shows_counts_per_language_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "confbot.sqlite3"

    async def subscribe() -> None:
        db = await Database.open(path)
        bot = Bot(db, FixedClock(EVE_OF_19), FakeDeliver())
        await bot.subscriber(1, "es")
        await bot.subscriber(2, "en", sessions={"field-visit"})
        await bot.subscriber(3, "es", sessions={"dialogue"})
        await db.close()

    async def statuses() -> dict[str, int]:
        db = await Database.open(path)
        try:
            return await ReminderLog(db).statuses()
        finally:
            await db.close()

    asyncio.run(subscribe())

    status = confbot(["reminders", "--at", "2015-10-20T18:05", "--db", str(path)])

    out = capsys.readouterr().out
    assert status == 0
    assert "== 2015-10-21 (due 2015-10-20 18:00, on time) ==" in out
    assert "Recipients: 2 (es 1, en 1, pt 0)" in out
    assert (
        "clinic: 7th Citizen Security Clinic (Intensive Training Clinic) - es 1, en 0, pt 0" in out
    )
    assert "--- en, field-visit: 1 recipient(s) ---" in out
    assert "Recordatorio: mañana" in out
    assert asyncio.run(statuses()) == {}


def test_the_preview_without_a_database_shows_the_sessions_and_zero_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.sqlite3"

    status = confbot(["reminders", "--at", "2015-10-18T23:10:00Z", "--db", str(missing)])

    out = capsys.readouterr().out
    assert status == 0
    assert "== 2015-10-19 (due 2015-10-18 18:00, on time) ==" in out
    assert "Recipients: 0 (es 0, en 0, pt 0)" in out
    assert "Reminder: tomorrow, Monday 19 October 2015" in out  # as every answer writes a day
    assert not missing.exists()


def test_a_reminder_writes_days_and_times_as_the_rest_of_the_bot(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not "Tuesday, September 14, 2027" and "7:30 AM" while /schedule says "07:30–09:00".
    monkeypatch.setenv("CONFBOT_KNOWLEDGE", str(ROOT / "examples" / "bogota-tech" / "knowledge"))
    missing = tmp_path / "none.sqlite3"
    assert confbot(["reminders", "--at", "2027-09-13T19:00", "--db", str(missing)]) == 0
    out = capsys.readouterr().out
    assert "Reminder: tomorrow, Tuesday 14 September 2027" in out
    assert "When: from 07:30 to 09:00" in out and "AM" not in out
    assert "Recordatorio: mañana, martes 14 de septiembre de 2027" in out
