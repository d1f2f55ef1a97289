"""Everything the bot needs at run time, built once at start-up and injected into handlers."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from bot.config import Settings
from bot.domain.clock import Clock, RehearsalClock, SystemClock, SystemTimer, Timer
from bot.domain.delivery import Deliver
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
from bot.storage.db import Database, DatabaseHealth
from bot.storage.questions import QuestionStore
from bot.storage.users import UserStore
from bot.usecases.alerts import DATABASE_UNWRITABLE, Alerts
from bot.usecases.feedbacking import FeedbackService
from bot.usecases.handoff import HandoffDesk
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


@dataclass
class Services:
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
    timer: Timer = field(default_factory=SystemTimer)
    # Set by the Telegram layer at start-up (None in the terminal chat and the CLI tools, which
    # send nothing): bulk messages (reminders, broadcasts), and notices to organisers, which
    # go before bulk but after replies to users.
    deliver: Deliver | None = None
    notify: Deliver | None = None
    # Set by the reminders feature at start-up; a knowledge-base reload calls notify_changes.
    reminders: ReminderService | None = None
    # What the organisers are told about (the Telegram layer sets alerts.notify).
    alerts: Alerts = field(default_factory=Alerts)
    # Set at start-up when CONFBOT_ORGANISERS_CHAT is configured, and when feedback is on.
    handoff: HandoffDesk | None = None
    feedback: FeedbackService | None = None

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
) -> Services:
    """Load the knowledge base, open the database and wire everything together."""
    knowledge = knowledge or LiveKnowledge(settings.knowledge)
    db = await Database.open(settings.db)
    alerts = Alerts()
    db.health.listener = lambda health: _database_alert(alerts, health)
    return Services(
        settings=settings,
        clock=clock or make_clock(settings, knowledge.current.kb),
        translator=Translator(settings.locales),
        knowledge=knowledge,
        db=db,
        users=UserStore(db),
        flood=FloodGuard(),
        presses=RepeatedPresses(),
        questions=QuestionStore(db),
        timer=timer or SystemTimer(),
        alerts=alerts,
    )


def _database_alert(alerts: Alerts, health: DatabaseHealth) -> None:
    if health.ok:
        alerts.clear("database")
    else:
        alerts.raise_once("database", DATABASE_UNWRITABLE, state=health.state, error=health.error)
