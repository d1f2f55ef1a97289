"""Tickets and feedback over SQLite with a recording sender: once, in order, across restarts."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yaml

from bot.cli.main import main as confbot
from bot.domain.clock import FixedClock
from bot.domain.delivery import Outcome, OutgoingMessage
from bot.domain.knowledge import load_knowledge
from bot.i18n import Translator
from bot.storage.db import Database
from bot.storage.feedback import FeedbackStore
from bot.storage.subscriptions import SubscriptionStore
from bot.storage.tickets import TicketStore
from bot.storage.users import UserStore
from bot.usecases.feedbacking import FeedbackService
from bot.usecases.handoff import HandoffDesk, Posted

ROOT = Path(__file__).resolve().parents[2]
KB = load_knowledge(ROOT / "knowledge")
TRANSLATOR = Translator(ROOT / "locales")
QUITO = dt.timezone(dt.timedelta(hours=-5))
GROUP = -100500
ANA, BEN = 11, 12


class Recorder:
    """A `Deliver` that records what it was asked to send."""

    def __init__(self) -> None:
        self.sent: list[tuple[int, OutgoingMessage]] = []

    async def __call__(self, chat_id: int, message: OutgoingMessage) -> Outcome:
        self.sent.append((chat_id, message))
        return Outcome.DELIVERED

    def to(self, chat_id: int) -> list[str]:
        return [m.text for c, m in self.sent if c == chat_id]


def db_path(tmp_path: Path) -> Path:
    return tmp_path / "t.sqlite3"


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(db_path(tmp_path))
    users = UserStore(database)
    for user in (ANA, BEN):
        await users.seen(user, user, "en")
    yield database
    await database.close()


def desk(db: Database, deliver: Recorder) -> HandoffDesk:
    clock = FixedClock(dt.datetime(2015, 10, 19, 15, 0, tzinfo=QUITO))
    return HandoffDesk(TicketStore(db), deliver, TRANSLATOR, clock, GROUP)


async def test_send_posts_the_ticket_once_and_the_fourth_waiting_one_is_refused(
    db: Database,
) -> None:
    sender = Recorder()
    handoff = desk(db, sender)
    for n in range(1, 4):
        await handoff.draft(ANA, ANA, "en", f"question {n}")
        confirmation = await handoff.confirm(n, ANA, "en")
        assert confirmation is not None and confirmation.sent
    assert await handoff.confirm(1, ANA, "en") is None  # pressed twice: nothing more leaves
    await handoff.draft(ANA, ANA, "en", "question 4")
    refused = await handoff.confirm(4, ANA, "en")
    assert refused is not None and not refused.sent
    assert "already have 3 questions waiting" in refused.message.text
    assert len(sender.to(GROUP)) == 3
    assert "🎫 #1" in sender.to(GROUP)[0] and "name not shared" in sender.to(GROUP)[0]


async def test_a_reply_seen_twice_is_relayed_once_and_replies_keep_their_order(
    db: Database,
) -> None:
    sender = Recorder()
    handoff = desk(db, sender)
    await handoff.draft(ANA, ANA, "en", "is there a creche?")
    await handoff.confirm(1, ANA, "en")
    assert await handoff.organiser_reply(50, 1, "Yes, floor 1") is True
    assert await handoff.organiser_reply(50, 1, "Yes, floor 1") is None  # the same update again
    assert await handoff.organiser_reply(51, 1, "From 8:00") is False  # answered already
    answers = sender.to(ANA)
    assert len(answers) == 2
    assert "Yes, floor 1" in answers[0] and "From 8:00" in answers[1]
    assert (await TicketStore(db).get(1)).status == "answered"  # type: ignore[union-attr]


async def test_what_a_crash_left_unsent_goes_out_at_the_next_start(db: Database) -> None:
    tickets = TicketStore(db)
    at = dt.datetime(2015, 10, 19, 20, 0, tzinfo=dt.UTC)
    await tickets.draft(ANA, ANA, "en", "crashed while sending", at)
    await tickets.confirm(1, ANA)  # claimed, then the process died before posting
    await tickets.draft(BEN, BEN, "en", "answered while down", at)
    await tickets.confirm(2, BEN)
    await tickets.posted(2, Outcome.DELIVERED, at)
    await tickets.relay(GROUP, 77, 2, "answer", "Here you are", at)  # recorded, not relayed
    sender = Recorder()
    await desk(db, sender).resume()
    assert "crashed while sending" in sender.to(GROUP)[0]
    assert "Here you are" in sender.to(BEN)[0]
    again = Recorder()
    await desk(db, again).resume()
    assert again.sent == []


class Group:
    """A `PostToGroup` whose chat `GROUP` became `SUPERGROUP` (as Telegram answers it)."""

    def __init__(self) -> None:
        self.posted: list[tuple[int, str, int | None, int | None]] = []

    async def __call__(
        self, chat_id: int, message: OutgoingMessage, topic: int | None, reply_to: int | None
    ) -> Posted:
        if chat_id == GROUP:
            return Posted(Outcome.FAILED, moved_to=SUPERGROUP)
        self.posted.append((chat_id, message.text, topic, reply_to))
        return Posted(Outcome.DELIVERED)


SUPERGROUP = -100900


def desk_posting(db: Database, deliver: Recorder, group: Group) -> HandoffDesk:
    clock = FixedClock(dt.datetime(2015, 10, 19, 15, 0, tzinfo=QUITO))
    return HandoffDesk(TicketStore(db), deliver, TRANSLATOR, clock, GROUP, topic=7, post=group)


async def test_a_moved_group_is_followed_now_and_after_a_restart(db: Database) -> None:
    group = Group()
    handoff = desk_posting(db, Recorder(), group)
    await handoff.follow_moves()
    await handoff.draft(ANA, ANA, "en", "is there a creche?")
    confirmation = await handoff.confirm(1, ANA, "en")
    assert confirmation is not None and confirmation.sent
    assert [(chat, topic) for chat, _text, topic, _r in group.posted] == [(SUPERGROUP, None)]
    restarted = desk_posting(db, Recorder(), group)
    await restarted.follow_moves()
    assert restarted.chat == SUPERGROUP and restarted.is_organisers_chat(GROUP)
    await restarted.draft(BEN, BEN, "en", "parking?")
    await restarted.confirm(2, BEN, "en")
    assert [chat for chat, *_rest in group.posted] == [SUPERGROUP, SUPERGROUP]


async def test_two_posts_refused_together_make_one_move(db: Database) -> None:
    group, told = Group(), []
    handoff = desk_posting(db, Recorder(), group)

    async def on_moved(old: int, new: int) -> None:
        told.append((old, new))

    handoff.on_moved = on_moved
    for user in (ANA, BEN):
        await handoff.draft(user, user, "en", "parking?")
    await asyncio.gather(handoff.confirm(1, ANA, "en"), handoff.confirm(2, BEN, "en"))
    assert told == [(GROUP, SUPERGROUP)]
    assert [chat for chat, *_rest in group.posted] == [SUPERGROUP, SUPERGROUP]


class Blocked(Recorder):
    async def __call__(self, chat_id: int, message: OutgoingMessage) -> Outcome:
        await super().__call__(chat_id, message)
        return Outcome.BLOCKED if chat_id == ANA else Outcome.DELIVERED


async def test_answers_an_attendee_cannot_get_are_told_once_in_reply_to_the_answer(
    db: Database,
) -> None:
    group = Group()
    handoff = HandoffDesk(
        TicketStore(db), Blocked(), TRANSLATOR, FixedClock(dt.datetime(2015, 10, 19, tzinfo=QUITO)),
        SUPERGROUP, topic=7, post=group,
    )  # fmt: skip
    await handoff.draft(ANA, ANA, "en", "is there a creche?")
    await handoff.confirm(1, ANA, "en")
    await handoff.organiser_reply(50, 1, "Yes, floor 1")
    await handoff.organiser_reply(51, 1, "From 8:00")
    [_ticket, (chat, text, topic, reply_to)] = group.posted
    assert (chat, topic, reply_to) == (SUPERGROUP, 7, 50)
    assert text == "🎫 #1 · not delivered: the attendee has blocked the bot."
    ticket = await TicketStore(db).get(1)
    assert ticket is not None and ticket.status == "answered" and ticket.undelivered_at


async def test_forgetting_a_user_deletes_their_tickets(db: Database) -> None:
    handoff = desk(db, Recorder())
    await handoff.draft(ANA, ANA, "en", "private matter")
    await UserStore(db).forget(ANA)
    assert await TicketStore(db).all() == []


def feedback_service(db: Database, sender: Recorder, clock: FixedClock) -> FeedbackService:
    return FeedbackService(
        lambda: KB, SubscriptionStore(db), FeedbackStore(db), UserStore(db), clock,
        TRANSLATOR, sender, dt.time(19, 0),
    )  # fmt: skip


async def test_feedback_is_requested_once_and_a_later_press_changes_the_rating(
    db: Database,
) -> None:
    subscriptions = SubscriptionStore(db)
    await subscriptions.subscribe_all(ANA)
    await subscriptions.subscribe_all(BEN)
    clock = FixedClock(dt.datetime(2015, 10, 19, 18, 59, tzinfo=QUITO))
    sender = Recorder()
    service = feedback_service(db, sender, clock)
    assert (await service.sweep()).delivered == 0
    clock.set(dt.datetime(2015, 10, 19, 19, 0, tzinfo=QUITO))
    assert (await service.sweep()).delivered == 2
    assert (await feedback_service(db, sender, clock).sweep()).delivered == 0  # a restart
    assert "How was <b>Third Regional Policy Dialogue" in sender.to(ANA)[0]
    await service.press(ANA, "en", "1fb:dialogue:2")
    await service.press(ANA, "en", "1fb:dialogue:5")
    assert service.wants_comment(ANA) and not service.wants_comment(BEN)
    await service.comment(ANA, "en", "Loved it")
    assert not service.wants_comment(ANA)
    [rating] = await FeedbackStore(db).ratings()
    assert (rating.session_id, rating.rating, rating.comment) == ("dialogue", 5, "Loved it")
    assert await service.press(ANA, "en", "1fb:no-such-session:3") is None
    assert await service.press(ANA, "en", "1fb:dialogue:9") is None


async def test_a_comment_window_closes_after_ten_minutes(db: Database) -> None:
    clock = FixedClock(dt.datetime(2015, 10, 19, 19, 5, tzinfo=QUITO))
    service = feedback_service(db, Recorder(), clock)
    await service.press(ANA, "en", "1fb:dialogue:c")
    clock.advance(minutes=9)
    assert service.wants_comment(ANA)
    restarted = feedback_service(db, Recorder(), clock)
    await restarted.load()
    assert restarted.wants_comment(ANA)  # the window survives a restart
    clock.advance(minutes=2)
    assert not service.wants_comment(ANA) and not restarted.wants_comment(ANA)


async def test_report_and_drafts_commands_show_tickets_ratings_and_faq_drafts(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sender = Recorder()
    handoff = desk(db, sender)
    await handoff.draft(ANA, ANA, "es", "¿Hay guardería?")
    await handoff.confirm(1, ANA, "es")
    await handoff.organiser_reply(90, 1, "Sí, en el primer piso.")
    await handoff.draft(BEN, BEN, "en", "still waiting")
    await handoff.confirm(2, BEN, "en")
    assert "FAQ draft saved" in await handoff.draft_faq(1)
    assert "Answer the ticket first" in await handoff.draft_faq(2)
    clock = FixedClock(dt.datetime(2015, 10, 19, 19, 5, tzinfo=QUITO))
    service = feedback_service(db, Recorder(), clock)
    await service.press(ANA, "es", "1fb:dialogue:4")
    await service.comment(ANA, "es", "Muy útil, pero corto")
    await service.press(BEN, "en", "1fb:dialogue:5")
    path = str(db_path(tmp_path))

    assert await asyncio.to_thread(confbot, ["report", "--db", path]) == 0
    text = capsys.readouterr().out
    assert "Open: 1 · answered: 1 · median time to answer: 0 min" in text
    assert "dialogue — ratings: 2, average 4.5 (1★ 0 2★ 0 3★ 0 4★ 1 5★ 1)" in text
    assert "Muy útil, pero corto" in text and str(ANA) not in text.replace("2015", "")

    assert await asyncio.to_thread(confbot, ["report", "--csv", "--db", path]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert "tickets,open,1," in rows and "tickets,answered,1," in rows
    assert "tickets,undelivered_blocked,0," in rows
    assert "feedback_count,dialogue,2," in rows and "feedback_average,dialogue,4.50," in rows
    assert "feedback_rating,dialogue,1,5" in rows
    assert 'feedback_comment,dialogue,,"Muy útil, pero corto"' in rows

    assert await asyncio.to_thread(confbot, ["drafts", "--yaml", "--db", path]) == 0
    drafts = yaml.safe_load(capsys.readouterr().out)
    assert drafts == {
        "faqs": [{"id": "ticket-1", "questions": {"es": ["¿Hay guardería?"]},
                  "answer": {"es": "Sí, en el primer piso."}}]
    }  # fmt: skip


async def test_a_preview_never_sent_is_deleted_a_day_later(db: Database) -> None:
    handoff = desk(db, Recorder())
    await handoff.draft(ANA, ANA, "en", "never sent")
    await handoff.draft(BEN, BEN, "en", "sent")
    await handoff.confirm(2, BEN, "en")
    later = desk(db, Recorder())
    later.clock = FixedClock(dt.datetime(2015, 10, 20, 16, 0, tzinfo=QUITO))
    await later.resume()
    assert [t.text for t in await TicketStore(db).all()] == ["sent"]
