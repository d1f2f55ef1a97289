"""The Outbox on virtual time: a real PTB bot, the strict fake Bot API, no HTTP, no real sleeps.

Every figure here is in virtual seconds measured by the fake itself (when it accepted each
call), so the tests check pacing exactly and take milliseconds.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

import pytest
from telegram.constants import ChatAction
from telegram.ext import ExtBot

from bot.domain.budget import Priority
from bot.domain.delivery import Outcome, OutgoingMessage
from bot.telegram.limiter import Outbox
from bot.telegram.sender import TelegramSender
from tests.conftest import TOKEN
from tests.fakeapi import Call, FakeBotApi, InProcessRequest
from tests.virtualtime import VirtualTimer

HELLO = OutgoingMessage("Hola")


@dataclass
class World:
    timer: VirtualTimer
    api: FakeBotApi
    outbox: Outbox
    bot: ExtBot[Priority]

    async def run(self, *works: Awaitable[object]) -> list[object]:
        async def together() -> list[object]:
            return list(await asyncio.gather(*works))

        return await self.timer.run(together())

    def accepted(self) -> list[Call]:
        """Return the messages the fake accepted (not chat actions)."""
        return [c for c in self.api.calls if c.ok and c.method not in ("getMe", "sendChatAction")]


@pytest.fixture
async def world() -> AsyncIterator[World]:
    timer = VirtualTimer()
    api = FakeBotApi(monotonic=timer.monotonic)
    api.strict()
    outbox = Outbox(timer=timer)
    request = InProcessRequest(api)
    bot: ExtBot[Priority] = ExtBot(
        TOKEN, request=request, get_updates_request=request, rate_limiter=outbox
    )

    async def typing(chat_id: int) -> None:
        await bot.send_chat_action(chat_id, ChatAction.TYPING)

    outbox.show_typing = typing
    async with bot:
        yield World(timer, api, outbox, bot)
        # Whatever happened, every place taken was given back.
        assert outbox.budget.in_flight == 0 and outbox.waiting == 0


def busiest_second(calls: list[Call]) -> int:
    """Return the most messages the fake accepted within any one second."""
    times = sorted(c.at for c in calls)
    return max((sum(1 for t in times[i:] if t < start + 1.0) for i, start in enumerate(times)))


async def test_a_bulk_delivery_runs_at_telegrams_pace_without_a_single_429(world: World) -> None:
    send = TelegramSender(world.bot)

    outcomes = await world.run(*(send(chat, HELLO) for chat in range(1, 301)))

    assert outcomes == [Outcome.DELIVERED] * 300
    assert world.api.rejected() == []
    assert world.api.copies() == {chat: 1 for chat in range(1, 301)}
    sent = world.accepted()
    assert busiest_second(sent) <= 30
    assert 299 / (sent[-1].at - sent[0].at) >= 29.5


async def test_replies_go_before_a_broadcast_and_everything_shares_one_budget(
    world: World,
) -> None:
    send = TelegramSender(world.bot)
    asked: dict[int, float] = {}

    async def ask(user: int, after: float) -> None:
        await world.timer.sleep(after)
        asked[user] = world.timer.monotonic()
        await world.bot.send_message(user, "answer")  # a handler's reply: no priority given

    broadcast = [send(chat, HELLO) for chat in range(1, 201)]
    questions = [ask(1000 + i, 1.0 + i * 0.2) for i in range(20)]
    await world.run(*broadcast, *questions)

    assert world.api.rejected() == []
    answered = {c.chat_id: c.at for c in world.accepted() if c.chat_id >= 1000}
    waits = sorted(answered[user] - at for user, at in asked.items())
    assert len(waits) == 20 and waits[-1] <= 0.1  # a slot frees every 1/30 s: a reply takes it
    assert busiest_second(world.accepted()) <= 30


async def test_edits_documents_and_venues_count_like_messages(world: World) -> None:
    first = await world.timer.run(world.bot.send_message(5, "v1"))
    work: list[Awaitable[object]] = [
        world.bot.edit_message_text(f"v{i}", chat_id=5, message_id=first.message_id)
        for i in range(2, 5)
    ]
    work += [world.bot.send_document(6, document=b"x", filename="p.ics") for _ in range(3)]
    work += [world.bot.send_venue(7, -0.2, -78.5, title="Hall", address="Q") for _ in range(3)]
    work += [world.bot.send_message(chat, "bulk") for chat in range(100, 160)]
    await world.run(*work)

    assert world.api.rejected() == []
    assert busiest_second(world.accepted()) <= 30


async def test_one_chat_gets_a_short_burst_then_one_message_a_second(world: World) -> None:
    sent = await world.run(*(world.bot.send_message(9, str(i)) for i in range(8)))

    assert [m.text for m in sent] == [str(i) for i in range(8)]  # type: ignore[attr-defined]
    assert world.api.rejected() == []
    times = [c.at for c in world.accepted()]
    assert times[2] - times[0] < 0.01  # the burst
    gaps = [later - earlier for earlier, later in zip(times[2:], times[3:], strict=False)]
    assert min(gaps) >= 1.0 - 1e-9


async def test_a_long_global_flood_wait_holds_everything_and_loses_nothing(world: World) -> None:
    world.api.fail_next("sendMessage", chat_id=50, code=429, retry_after=20)
    send = TelegramSender(world.bot)

    outcomes = await world.run(*(send(chat, HELLO) for chat in range(50, 110)))

    assert outcomes == [Outcome.DELIVERED] * 60
    assert world.api.copies() == {chat: 1 for chat in range(50, 110)}
    [refused] = world.api.rejected()
    assert all(c.at >= refused.at + 20 for c in world.accepted())


async def test_a_chats_flood_wait_pauses_only_that_chat(world: World) -> None:
    await world.timer.run(world.bot.send_message(1, "hello"))
    world.api.fail_next("sendMessage", chat_id=1, code=429, retry_after=25)
    send = TelegramSender(world.bot, priority=Priority.REPLY)

    outcomes = await world.run(send(1, HELLO), *(send(chat, HELLO) for chat in range(2, 62)))

    assert outcomes == [Outcome.DELIVERED] * 61
    [refused] = world.api.rejected()
    others = [c.at for c in world.accepted() if c.chat_id != 1]
    assert max(others) < refused.at + 3  # everyone else went on at full pace
    [late] = [c for c in world.accepted() if c.chat_id == 1 and c.at > refused.at]
    assert late.at >= refused.at + 25
    assert world.api.copies()[1] == 2  # "hello" and the message that waited: no third copy


async def test_under_the_long_penalty_of_a_storm_nothing_is_lost_or_doubled(
    world: World,
) -> None:
    world.api.strict(penalty=20)
    world.api.limits.accepted.extend([world.timer.monotonic()] * 30)  # someone filled the window
    send = TelegramSender(world.bot)

    outcomes = await world.run(*(send(chat, HELLO) for chat in range(1, 41)))

    assert outcomes == [Outcome.DELIVERED] * 40
    assert world.api.copies() == {chat: 1 for chat in range(1, 41)}
    assert len(world.api.rejected()) == 1  # the first refusal paused everything at once


async def test_an_opening_rush_is_answered_in_order_and_waiting_users_see_typing(
    world: World,
) -> None:
    users = range(1, 201)
    start = world.timer.monotonic()

    async def reply(user: int) -> None:
        await world.timer.sleep(user * 0.01)  # 200 users within 2 s
        await world.bot.send_message(user, "welcome")

    await world.run(*(reply(user) for user in users))

    replies = world.accepted()
    assert [c.chat_id for c in replies] == list(users)  # first come, first served
    assert world.api.rejected() == []
    assert busiest_second(replies) <= 30
    typing = {c.chat_id for c in world.api.calls if c.method == "sendChatAction"}
    delay = {c.chat_id: c.at - (start + c.chat_id * 0.01) for c in replies}
    assert {user for user in users if delay[user] > 2.6} <= typing
    assert typing and all(delay[user] >= 2.5 for user in typing)  # nobody quick sees it


async def test_a_cancelled_wait_gives_its_place_back(world: World) -> None:
    send = TelegramSender(world.bot)
    waiting: Callable[[], Awaitable[object]] = lambda: send(2, HELLO)  # noqa: E731

    async def impatient() -> None:
        task = asyncio.ensure_future(waiting())
        await world.timer.sleep(0.5)
        task.cancel()

    await world.run(*(send(chat, HELLO) for chat in range(100, 160)), impatient())

    assert 2 not in world.api.copies()
    assert world.outbox.waiting == 0


async def test_organisers_notices_go_before_bulk_and_after_replies(world: World) -> None:
    bulk = TelegramSender(world.bot)
    notify = bulk.with_priority(Priority.ADMIN)

    async def later(after: float, work: Awaitable[object]) -> object:
        await world.timer.sleep(after)
        return await work

    await world.run(
        *(bulk(chat, HELLO) for chat in range(1, 91)),
        # The window is full from 1 s on: a place frees every 1/30 s, and both wait for one.
        later(1.02, notify(900, OutgoingMessage("progress"))),
        later(1.025, world.bot.send_message(901, "a reply")),
    )

    order = [c.chat_id for c in world.accepted()]
    assert order.index(901) == order.index(900) - 1  # the reply first, then the notice
    assert order.index(900) < order.index(40)  # and both before the bulk queued earlier
    waited = {c.chat_id: c.at for c in world.accepted() if c.chat_id in (900, 901)}
    assert max(waited.values()) - world.accepted()[0].at < 1.1


async def test_a_group_gets_at_most_twenty_messages_a_minute(world: World) -> None:
    group = -1001234567890
    sent = await world.run(*(world.bot.send_message(group, str(i)) for i in range(25)))

    assert len(sent) == 25 and world.api.rejected() == []
    times = [c.at for c in world.accepted()]
    assert max(sum(1 for t in times if start <= t < start + 60) for start in times) <= 20
