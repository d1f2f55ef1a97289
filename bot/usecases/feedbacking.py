"""Session feedback: the sweep that asks subscribers "How was …?", and what they answer.

Exactly once per (user, session), with the reminders' machinery: each request is claimed as a
'pending' row in a committed transaction before it is sent and settled right after; a sweep
only considers requests without a settled row. As for reminders, a crash after Telegram
accepted a request and before its row was settled sends it again at the next start.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from collections.abc import Callable

from bot.domain.buttons import decode, encode
from bot.domain.clock import Clock
from bot.domain.delivery import Button, Deliver, Outcome, OutcomeCounts, OutgoingMessage
from bot.domain.feedback import (
    COMMENT_WINDOW,
    RATINGS,
    FeedbackDue,
    due_feedback,
    next_due,
)
from bot.domain.knowledge import KnowledgeBase, Session
from bot.domain.tickets import clean
from bot.i18n import Translator
from bot.storage.feedback import FeedbackStore
from bot.storage.subscriptions import SubscriptionStore
from bot.storage.users import UserStore
from bot.usecases import sweeps

KIND = "fb"  # button data: fb:<session id>:<1-5>, or fb:<session id>:c for a comment
KnowledgeSource = Callable[[], KnowledgeBase]


def request_message(translator: Translator, lang: str, session: Session) -> OutgoingMessage:
    """Return the request: "How was <session>?", five rating buttons and a comment button."""
    _ = translator.get(lang).gettext
    title = html.escape(session.title.get(lang))
    text = (
        _("How was <b>{session}</b>?").format(session=title)
        + "\n"
        + html.escape(_("Rate it from 1 (poor) to 5 (excellent). You can add a comment too."))
    )
    ratings = tuple(Button(f"{n} ⭐", encode(KIND, session.id, n)) for n in RATINGS)
    return OutgoingMessage(
        text, (ratings, (Button(_("💬 Comment"), encode(KIND, session.id, "c")),))
    )


class FeedbackService(sweeps.Sweeper):
    """Send due feedback requests through the shared sender; record ratings and comments."""

    def __init__(
        self,
        kb: KnowledgeSource,
        subscriptions: SubscriptionStore,
        store: FeedbackStore,
        users: UserStore,
        clock: Clock,
        translator: Translator,
        deliver: Deliver,
        feedback_at: dt.time,
        concurrency: int = 4,  # as reminders: a few keep the pace, a crash repeats at most these
    ) -> None:
        self._kb = kb
        self.subscriptions = subscriptions
        self.store = store
        self.users = users
        self.clock = clock
        self.translator = translator
        self.deliver = deliver
        self.feedback_at = feedback_at
        self._concurrency = concurrency
        super().__init__()
        # Users whose next message is a comment: user -> (session, until). Loaded at start.
        self.awaiting: dict[int, tuple[str, dt.datetime]] = {}

    @property
    def kb(self) -> KnowledgeBase:
        return self._kb()

    def next_due(self) -> dt.datetime | None:
        """Return when the next session's requests come due, after the clock's now."""
        return next_due(self.kb, self.clock.now(), self.feedback_at)

    async def load(self) -> None:
        """Read the comment windows still open (they survive a restart)."""
        self.awaiting = await self.store.awaiting(self.clock.now())

    async def sweep(self) -> OutcomeCounts:
        """Send every request due now that was not sent yet; skip the ones a day late."""
        async with self._lock:
            if self._closing:
                return OutcomeCounts()
            kb = self.kb
            dues = due_feedback(
                kb,
                self.clock.now(),
                self.feedback_at,
                await self.subscriptions.active_subscribers(),
                await self.store.recorded(),
                await self.store.opted_out(),
            )
            await self.store.skip([d for d in dues if d.missed])
            claimed = await self.store.claim([d for d in dues if not d.missed])
            counts: Counter[str] = Counter()
            cache: dict[tuple[str, str], OutgoingMessage] = {}

            async def send(due: FeedbackDue) -> None:
                key = (due.subscriber.language, due.session.id)
                if key not in cache:
                    cache[key] = request_message(self.translator, key[0], due.session)
                outcome = await self._send(due, cache[key])
                await self.store.settle(due, outcome)
                counts[outcome.value] += 1

            await sweeps.each(claimed, send, self._concurrency, lambda: self._closing)
            return OutcomeCounts(**{o.value: counts[o.value] for o in Outcome})

    async def _send(self, due: FeedbackDue, message: OutgoingMessage) -> Outcome:
        chat_id = due.subscriber.chat_id
        return await sweeps.send(self.deliver, self.users, chat_id, message, "a feedback request")

    # -- what attendees answer -----------------------------------------------------------------

    def _session(self, session_id: str) -> Session | None:
        return self.kb.session(session_id)

    async def press(self, user_id: int, lang: str, data: str) -> tuple[str, OutgoingMessage] | None:
        """Apply a rating or comment button; return (notice, the request redrawn), None if stale."""
        _ = self.translator.get(lang).gettext
        pressed = decode(data, KIND)
        if pressed is None or len(pressed.fields) != 2:
            return None
        session_id, choice = pressed.fields
        session = self._session(session_id)
        if session is None or not (
            choice == "c" or (choice.isascii() and choice.isdigit() and int(choice) in RATINGS)
        ):
            return None
        until = self.clock.now() + COMMENT_WINDOW
        self.awaiting[user_id] = (session.id, until)
        request = request_message(self.translator, lang, session)
        if choice == "c":
            await self.store.await_comment(user_id, session.id, until)
            notice = _("Write your comment in your next message (within 10 minutes).")
            return notice, OutgoingMessage(
                f"{request.text}\n\n{html.escape(notice)}", request.buttons
            )
        rating = int(choice)
        await self.store.rate(user_id, session.id, rating, until)
        notice = _("Thank you! You rated it {n} of 5.").format(n=rating)
        more = _(
            "You can change it with another button, or send a comment as your next message "
            "within 10 minutes."
        )
        text = f"{request.text}\n\n✅ <b>{html.escape(notice)}</b>\n{html.escape(more)}"
        return notice, OutgoingMessage(text, request.buttons)

    def wants_comment(self, user_id: int) -> bool:
        """Return whether the user's next message is a comment (their window is open)."""
        found = self.awaiting.get(user_id)
        if found is None:
            return False
        if found[1] <= self.clock.now():
            del self.awaiting[user_id]
            return False
        return True

    async def comment(self, user_id: int, lang: str, text: str) -> OutgoingMessage:
        """Store the user's comment on the session whose window is open; thank them."""
        _ = self.translator.get(lang).gettext
        session_id, _until = self.awaiting.pop(user_id)
        await self.store.comment(user_id, session_id, clean(text))
        session = self._session(session_id)
        title = session.title.get(lang) if session else session_id
        return OutgoingMessage(
            html.escape(_("Thank you, your comment on {session} is saved.").format(session=title))
        )

    async def set_enabled(self, user_id: int, lang: str, enabled: bool | None) -> OutgoingMessage:
        """Turn requests on or off for the user (None: say which it is)."""
        _ = self.translator.get(lang).gettext
        if enabled is not None:
            await self.store.set_enabled(user_id, enabled)
        else:
            enabled = await self.store.enabled(user_id)
        text = (
            _(
                "Feedback requests are on: after each session you follow, I ask how it was. "
                "/feedback off stops them."
            )
            if enabled
            else _("Feedback requests are off. /feedback on turns them back on.")
        )
        return OutgoingMessage(html.escape(text))
