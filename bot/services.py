"""Everything the bot needs at run time, built once at start-up and injected into handlers."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import html
import logging
from collections import OrderedDict
from collections.abc import Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.domain.clock import Clock, RehearsalClock, SystemClock, SystemTimer, Timer
from bot.domain.delivery import Deliver, Outcome, OutgoingMessage
from bot.domain.flood import FloodGuard, RepeatedPresses
from bot.domain.knowledge import (
    KnowledgeBase,
    KnowledgeError,
    Problem,
    knowledge_files,
    load_knowledge,
)
from bot.domain.matcher import Matcher
from bot.i18n import Translator
from bot.storage.broadcasts import BroadcastStore
from bot.storage.db import Database, DatabaseHealth
from bot.storage.feedback import FeedbackStore
from bot.storage.questions import QuestionStore
from bot.storage.subscriptions import ReminderLog, SubscriptionStore
from bot.storage.tickets import TicketStore
from bot.storage.users import UserStore
from bot.usecases.alerts import DATABASE_UNWRITABLE, Alerts, tell_organisers, telling_organisers
from bot.usecases.broadcasting import BroadcastService
from bot.usecases.feedbacking import FeedbackService
from bot.usecases.handoff import HandoffDesk, PostToGroup, moved_notice
from bot.usecases.reloading import Reloader
from bot.usecases.reminding import ReminderService

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """One consistent knowledge base and the matcher built on it."""

    kb: KnowledgeBase
    matcher: Matcher


# Snapshots built in this process, by the knowledge files' names and contents: a reload of an
# unchanged knowledge base, or a second bot on the same files (the tests start hundreds), reuses
# the records and the matcher index instead of parsing and indexing again (~0.5 s of CPU each).
# Both are immutable once built. A few entries: a reload that changes the KB adds one.
_SNAPSHOTS: OrderedDict[tuple[tuple[str, str], ...], Snapshot] = OrderedDict()
_SNAPSHOTS_KEPT = 8


def _contents(path: Path) -> tuple[tuple[str, str], ...] | None:
    """Return each knowledge file's name and content digest, or None when one is unreadable."""
    try:
        files = knowledge_files(path)
        return tuple((f.name, hashlib.sha256(f.read_bytes()).hexdigest()) for f in files)
    except OSError:
        return None  # the loader reports it


def load_snapshot(path: Path) -> Snapshot:
    """Load the knowledge base at `path` and build its matcher, reusing an identical build.

    Raise KnowledgeError like `load_knowledge`; a broken knowledge base is never cached.
    """
    key = _contents(path)
    if key is not None and key in _SNAPSHOTS:
        _SNAPSHOTS.move_to_end(key)
        return _SNAPSHOTS[key]
    kb = load_knowledge(path)
    snapshot = Snapshot(kb, Matcher(kb))
    # Kept only when the files did not change while they were read: the key is what was loaded.
    if key is not None and _contents(path) == key:
        _SNAPSHOTS[key] = snapshot
        while len(_SNAPSHOTS) > _SNAPSHOTS_KEPT:
            _SNAPSHOTS.popitem(last=False)
    return snapshot


class LiveKnowledge:
    """The knowledge base in service; a reload swaps it whole or not at all."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._current = load_snapshot(path)

    @property
    def current(self) -> Snapshot:
        """Return the snapshot to use for one whole answer."""
        return self._current

    def reload(self) -> tuple[Snapshot, list[Problem]]:
        """Load the files again; on any problem keep serving the old snapshot."""
        try:
            # Built completely before the swap: answers in flight keep the old one.
            self._current = load_snapshot(self.path)
        except KnowledgeError as exc:
            return self._current, exc.problems
        return self._current, []


def make_clock(settings: Settings, kb: KnowledgeBase) -> Clock:
    """Return the bot's clock: the real time, or a rehearsal clock starting at CONFBOT_NOW."""
    if settings.now is None:
        return SystemClock()
    start = settings.now if settings.now.tzinfo else settings.now.replace(tzinfo=kb.event.tz)
    return RehearsalClock(start)


async def nowhere(chat_id: int, message: OutgoingMessage) -> Outcome:
    """A `Deliver` that sends nothing: the terminal chat and the CLI tools reach no chat."""
    log.debug("not sent to chat %s: this process does not send messages", chat_id)
    return Outcome.FAILED


@dataclass(frozen=True)
class Outlet:
    """How the bot reaches chats on its own (not replying): given by the Telegram layer."""

    # Bulk messages (reminders, broadcasts, feedback requests): after everything else.
    deliver: Deliver = nowhere
    # Organisers' notices and relayed answers: before bulk, after replies to users.
    notify: Deliver = nowhere
    # The organisers' group (forum topics, replies, moves); None: no Telegram, no handoff.
    post: PostToGroup | None = None


class MarkingBlocked:
    """A `Deliver` that marks the users who blocked the bot inactive as it finds them."""

    def __init__(self, deliver: Deliver, users: UserStore) -> None:
        self._deliver, self._users = deliver, users

    async def __call__(self, chat_id: int, message: OutgoingMessage) -> Outcome:
        outcome = await self._deliver(chat_id, message)
        if outcome is Outcome.BLOCKED:
            try:
                await self._users.mark_unreachable(chat_id)
            except Exception:
                log.exception("could not mark chat %s inactive", chat_id)
        return outcome


class Tasks:
    """Background work that outlives the update that started it, awaited when the bot stops."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def spawn(self, work: Coroutine[Any, Any, None], name: str) -> None:
        """Run `work` in a task kept until it ends (so the stop can wait for it)."""
        task = asyncio.get_running_loop().create_task(work, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def wait(self, timeout: float) -> None:
        """Wait up to `timeout` s for the tasks under way, then cancel what is left."""
        tasks = set(self._tasks)
        if not tasks:
            return
        _done, late = await asyncio.wait(tasks, timeout=timeout)
        if late:
            log.warning(
                "%d background tasks did not stop in %.0f s: cancelling", len(late), timeout
            )
        for task in late:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


# A confirmed broadcast edits its progress message at most this often (each edit counts).
BROADCAST_PROGRESS_EVERY = 5.0


@dataclass
class Services:
    """Everything a handler or a background loop uses, complete before the first update."""

    settings: Settings
    clock: Clock
    translator: Translator
    knowledge: LiveKnowledge
    db: Database
    users: UserStore
    flood: FloodGuard
    presses: RepeatedPresses
    questions: QuestionStore
    # Seconds for pacing and flood guards (virtual in tests); `clock` is the calendar time.
    timer: Timer
    # Bulk messages (reminders, broadcasts), and notices to organisers, which go before bulk
    # but after replies to users (`nowhere` in the terminal chat and the CLI tools).
    deliver: Deliver
    notify: Deliver
    # What the organisers are told about.
    alerts: Alerts
    reminders: ReminderService
    broadcasts: BroadcastService
    reloader: Reloader
    # Work handlers start and the bot awaits at stop (a confirmed broadcast's delivery).
    tasks: Tasks
    # None when CONFBOT_ORGANISERS_CHAT is unset (or nothing can post to it), and when
    # CONFBOT_FEEDBACK=off: the features are off, decided once at start.
    handoff: HandoffDesk | None
    feedback: FeedbackService | None

    @property
    def kb(self) -> KnowledgeBase:
        return self.knowledge.current.kb

    def local_now(self) -> dt.datetime:
        """Return the bot's clock in the event's time zone."""
        return self.clock.now().astimezone(self.kb.event.tz)

    async def close(self) -> None:
        await self.db.close()


async def build_services(
    settings: Settings,
    clock: Clock | None = None,
    knowledge: LiveKnowledge | None = None,
    timer: Timer | None = None,
    outlet: Outlet | None = None,
) -> Services:
    """Load the knowledge base, open the database and wire everything together."""
    knowledge = knowledge or LiveKnowledge(settings.knowledge)
    outlet = outlet or Outlet()
    clock = clock or make_clock(settings, knowledge.current.kb)
    translator = Translator(settings.locales)
    db = await Database.open(settings.db)
    users = UserStore(db)
    deliver = MarkingBlocked(outlet.deliver, users)
    notify = MarkingBlocked(outlet.notify, users)
    alerts = Alerts(telling_organisers(notify, users, translator, settings.admins))
    db.health.listener = lambda health: _database_alert(alerts, health)

    def current_kb() -> KnowledgeBase:
        return knowledge.current.kb

    subscriptions = SubscriptionStore(db)
    reminders = ReminderService(
        current_kb,
        subscriptions,
        ReminderLog(db),
        users,
        clock,
        translator,
        deliver,
        settings.reminder_at,
    )
    broadcasts = BroadcastService(
        BroadcastStore(db), users, deliver, clock, progress_every=BROADCAST_PROGRESS_EVERY
    )
    feedback = None
    if settings.feedback:
        feedback = FeedbackService(
            current_kb,
            subscriptions,
            FeedbackStore(db),
            users,
            clock,
            translator,
            deliver,
            settings.feedback_at,
        )
        await feedback.load()
    handoff = None
    if settings.organisers_chat is not None and outlet.post is not None:

        async def tell_moved(old: int, new: int) -> None:
            def render(lang: str) -> str:
                return html.escape(moved_notice(translator.get(lang).gettext, old, new))

            await tell_organisers(notify, users, settings.admins, render)

        # Tickets and relays go before bulk (someone waits for them), after replies to users.
        handoff = HandoffDesk(
            TicketStore(db),
            notify,
            translator,
            clock,
            settings.organisers_chat,
            settings.organisers_lang or knowledge.current.kb.default_lang,
            topic=settings.organisers_topic,
            post=outlet.post,
            on_moved=tell_moved,
        )
    return Services(
        settings=settings,
        clock=clock,
        translator=translator,
        knowledge=knowledge,
        db=db,
        users=users,
        flood=FloodGuard(),
        presses=RepeatedPresses(),
        questions=QuestionStore(db),
        timer=timer or SystemTimer(),
        deliver=deliver,
        notify=notify,
        alerts=alerts,
        reminders=reminders,
        broadcasts=broadcasts,
        reloader=Reloader(knowledge),
        tasks=Tasks(),
        handoff=handoff,
        feedback=feedback,
    )


def _database_alert(alerts: Alerts, health: DatabaseHealth) -> None:
    if health.ok:
        alerts.clear("database")
    else:
        alerts.raise_once("database", DATABASE_UNWRITABLE, state=health.state, error=health.error)
