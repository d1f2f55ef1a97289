"""Subscriptions, independent of Telegram: /subscribe and its session picker, /mysubscriptions,
/unsubscribe. Each returns the message to show, in the user's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from babel.dates import format_skeleton

from bot.domain.buttons import decode, encode
from bot.domain.delivery import Button, OutgoingMessage
from bot.domain.knowledge import KnowledgeBase, Session
from bot.domain.reminders import Subscription, reminder_time, session_group, upcoming
from bot.services import Services
from bot.storage.subscriptions import ReminderLog, SubscriptionStore
from bot.texts.sessions import format_day

KIND = "sub"  # button data: sub:<session id>, sub:all, sub:none (bot.domain.buttons)


@dataclass(frozen=True)
class Choice:
    """The outcome of a button in the picker: the updated picker and a short notice."""

    panel: OutgoingMessage
    notice: str


class SubscriptionDesk:
    """What the bot answers to the subscription commands and the picker's buttons."""

    def __init__(self, services: Services) -> None:
        self.s = services
        self.store = SubscriptionStore(services.db)

    @property
    def kb(self) -> KnowledgeBase:
        return self.s.kb

    def tr(self, lang: str) -> Callable[[str], str]:
        """Return gettext for `lang` (bind it to `_` so Babel extracts the strings)."""
        return self.s.translator.get(lang).gettext

    async def subscribe(self, user_id: int, lang: str) -> OutgoingMessage:
        """Subscribe the user to every session unless they already chose some; show the picker."""
        current = await self.store.get(user_id)
        if current is None or current.sessions == frozenset():
            await self.store.subscribe_all(user_id)
            current = Subscription(user_id)
        return self.panel(current, lang)

    async def choose(self, user_id: int, lang: str, data: str) -> Choice | None:
        """Apply a picker button (`sub:...`); None when the data is stale or unknown."""
        _ = self.tr(lang)
        pressed = decode(data, KIND)
        if pressed is None or len(pressed.fields) != 1:
            return None
        value = pressed.fields[0]
        if value == "all":
            await self.store.subscribe_all(user_id)
            return Choice(self.panel(Subscription(user_id), lang), _("Every session chosen."))
        if value == "none":
            await self.store.set_sessions(user_id, ())
            return Choice(
                self.panel(Subscription(user_id, frozenset()), lang), _("No session chosen.")
            )
        session = self.kb.session(value)
        if session is None or session.date is None:
            return None
        every = [s.id for s in self.kb.sessions]
        chosen = await self.store.toggle(user_id, session_group(self.kb, value), every)
        title = session.title.get(lang)
        if chosen.covers(value):
            notice = _("Reminder on: {session}").format(session=title)
        else:
            notice = _("Reminder off: {session}").format(session=title)
        return Choice(self.panel(chosen, lang), notice[:200])

    def panel(self, subscription: Subscription, lang: str) -> OutgoingMessage:
        """Render the subscription and the picker: one toggle per dated session, all, none."""
        _ = self.tr(lang)
        when = self._time(lang)
        if subscription.all_sessions:
            status = _("You will get a reminder at {time} the day before each session.")
        elif subscription.sessions:
            status = _("You will get a reminder at {time} the day before each session marked ✅.")
        else:
            status = _("No session is chosen, so no reminder will come.")
        heading = _("Reminders")
        hint = _("Tap a session to add or remove it. /unsubscribe stops every reminder.")
        text = f"<b>{escape(heading)}</b>\n\n{escape(status.format(time=when))}\n\n{escape(hint)}"
        rows: list[tuple[Button, ...]] = []
        for session in self.kb.sessions:
            if session.date is None:
                continue  # an undated part follows its parent's button
            mark = "✅" if subscription.covers(session.id) else "☐"
            day = format_skeleton("MMMd", session.date, locale=lang)
            label = f"{mark} {day} · {session.title.get(lang)}"
            rows.append((Button(label, encode(KIND, session.id)),))
        rows.append(
            (
                Button(_("All sessions"), encode(KIND, "all")),
                Button(_("None"), encode(KIND, "none")),
            )
        )
        return OutgoingMessage(text, tuple(rows))

    async def mine(self, user_id: int, lang: str) -> OutgoingMessage:
        """List the reminders still to come for the user, each with when it goes out."""
        _ = self.tr(lang)
        subscription = await self.store.get(user_id)
        if subscription is None:
            return OutgoingMessage(escape(_("You have no reminders. Send /subscribe to get one.")))
        now = self.s.clock.now()
        days = upcoming(self.kb, subscription, now, self._reminder_at())
        if not days:
            text = _("No reminder is left for your sessions. Send /subscribe to choose others.")
            return OutgoingMessage(escape(text))
        statuses = await ReminderLog(self.s.db).statuses_of(user_id)
        heading = _("Your reminders (times in {timezone})").format(timezone=self.kb.event.timezone)
        lines = [f"<b>{escape(heading)}</b>"]
        for day, sessions in days:
            label = format_day(day.day, lang, _, year=True)
            lines.append(f"\n<b>{escape(label)}</b>: {escape(self._titles(sessions, lang))}")
            if statuses.get(day.day) == "delivered":
                sent = _("Reminder sent.")
            elif day.due_at <= now:
                sent = _("Reminder on its way.")
            else:
                sent = _("Reminder: {date}, {time}.").format(
                    date=format_day(day.due_at.date(), lang, _, year=True),
                    time=f"{day.due_at:%H:%M}",
                )
            lines.append(escape(sent))
        lines.append("\n" + escape(_("/subscribe to change them, /unsubscribe to stop them.")))
        return OutgoingMessage("\n".join(lines))

    async def unsubscribe(self, user_id: int, lang: str) -> OutgoingMessage:
        """Stop every reminder for the user."""
        _ = self.tr(lang)
        if await self.store.unsubscribe(user_id):
            text = _("Done: no more reminders. Send /subscribe to get them again.")
        else:
            text = _(
                "You had no reminders. Send /subscribe to get one the day before each session."
            )
        return OutgoingMessage(escape(text))

    def private_only(self, lang: str) -> OutgoingMessage:
        """Say that reminders are managed in a private chat with the bot."""
        _ = self.tr(lang)
        return OutgoingMessage(
            escape(_("Reminders come in private: write /subscribe to me there."))
        )

    def stale(self, lang: str) -> str:
        return self.tr(lang)("That button is out of date.")

    def _reminder_at(self) -> dt.time:
        return reminder_time(self.kb, self.s.settings.reminder_at)

    def _time(self, lang: str) -> str:
        return f"{self._reminder_at():%H:%M} ({self.kb.event.timezone})"

    def _titles(self, sessions: Sequence[Session], lang: str) -> str:
        return "; ".join(s.title.get(lang) for s in sessions)
