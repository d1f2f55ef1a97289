"""Everything the bot needs at run time, built once at start-up and injected into handlers."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from bot.alerts import DATABASE_UNWRITABLE, Alerts
from bot.config import Settings
from bot.domain.clock import Clock, RehearsalClock, SystemClock, SystemTimer, Timer
from bot.domain.delivery import Deliver
from bot.domain.flood import FloodGuard, RepeatedPresses
from bot.domain.knowledge import KnowledgeBase, KnowledgeError, Problem, load_knowledge
from bot.domain.matcher import Matcher
from bot.feedbacking import FeedbackService
from bot.handoff import HandoffDesk
from bot.i18n import Translator
from bot.reminding import ReminderService
from bot.storage.db import Database, DatabaseHealth
from bot.storage.questions import QuestionStore
from bot.storage.users import UserStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """One consistent knowledge base and the matcher built on it."""

    kb: KnowledgeBase
    matcher: Matcher


class LiveKnowledge:
    """The knowledge base in service; a reload swaps it whole or not at all."""

    def __init__(self, path: Path) -> None:
        self.path = path
        kb = load_knowledge(path)
        self._current = Snapshot(kb, Matcher(kb))

    @property
    def current(self) -> Snapshot:
        """Return the snapshot to use for one whole answer."""
        return self._current

    def reload(self) -> tuple[Snapshot, list[Problem]]:
        """Load the files again; on any problem keep serving the old snapshot."""
        try:
            kb = load_knowledge(self.path)
        except KnowledgeError as exc:
            return self._current, exc.problems
        # Build the new index completely before the swap: answers in flight keep the old one.
        self._current = Snapshot(kb, Matcher(kb))
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
