"""The conversation, independent of Telegram: each command or question in, messages out.

The Telegram handlers and the terminal chat both drive this class, so `confbot chat` is the
same bot a Telegram user talks to.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from bot.answers import entry_label, format_day, render_html
from bot.calendar import programme_ics
from bot.domain.delivery import Button
from bot.domain.focus import Focus, focus
from bot.domain.knowledge import KnowledgeBase, Session, Venue
from bot.domain.matcher import Reply
from bot.i18n import LANGS
from bot.outgoing import Document, Out, VenuePin, messages
from bot.services import Services


class Conversation:
    """What the bot answers to each command, question and button."""

    def __init__(self, services: Services) -> None:
        self.s = services

    def tr(self, lang: str) -> Callable[[str], str]:
        """Return gettext for `lang` (bind it to `_` so Babel extracts the strings)."""
        return self.s.translator.get(lang).gettext

    @property
    def kb(self) -> KnowledgeBase:
        return self.s.kb

    def _day(self, lang: str, session: Session) -> str:
        _ = self.tr(lang)
        day = self.kb.session_date(session)
        if day is None or session.date is None:
            return _("date to be confirmed by the organisers")
        return format_day(day, lang, self.tr(lang))

    def menu(self, lang: str) -> tuple[tuple[Button, ...], ...]:
        """Return the main menu buttons."""
        _ = self.tr(lang)
        return (
            (Button(_("Programme"), "cmd:schedule"), Button(_("Today"), "cmd:today")),
            (Button(_("Venues"), "cmd:venues"), Button(_("Add to calendar"), "cmd:calendar")),
        )

    def start(self, lang: str, payload: str | None = None) -> list[Out]:
        """Greet the user; a deep-link payload opens that session or entry."""
        _ = self.tr(lang)
        event = self.kb.event
        text = _(
            "Hello! I am the assistant of <b>{event}</b> ({dates}, {city}).\n\n"
            "Ask me anything about the programme, the venues or any session, in Spanish "
            "or English — for example <i>{example}</i>\n\n"
            "Commands: /schedule /today /next /venues /calendar /subscribe /language /help"
        ).format(
            event=html.escape(event.name.get(lang)),
            dates=html.escape(self.dates(lang)),
            city=html.escape(event.city.get(lang) if event.city else ""),
            example=html.escape(self.example(lang)),
        )
        out = messages(text, self.menu(lang))
        if payload:
            entry = payload.strip().lower()
            if self.kb.session(entry) or self.kb.faq(entry):
                out += self.entry(lang, entry)
        return out

    def example(self, lang: str) -> str:
        """A question to try, about the programme's first session (or the event's dates)."""
        _ = self.tr(lang)
        if not self.kb.sessions:
            return _("When is it?")
        return _("Where is {title}?").format(title=self.kb.sessions[0].title.get(lang))

    def dates(self, lang: str) -> str:
        _ = self.tr(lang)
        event = self.kb.event
        start = format_day(event.start_date, lang, _)
        end = format_day(event.end_date, lang, _, year=True)
        return _("{start} to {end}").format(start=start, end=end)

    def help(self, lang: str) -> list[Out]:
        _ = self.tr(lang)
        text = _(
            "<b>How to use me</b>\n"
            "Write a question in your own words, in Spanish or English: "
            "<i>when does it start?</i>, <i>¿dónde es?</i>, "
            "<i>what's on tomorrow?</i>\n\n"
            "/schedule — the programme, day by day\n"
            "/today — what is on today\n"
            "/next — what comes next\n"
            "/venues — where everything happens\n"
            "/calendar — the programme as a calendar file\n"
            "/subscribe — a reminder the evening before each session\n"
            "/language — español / English\n"
            "/forgetme — delete what I store about you"
        )
        if self.s.settings.organisers_chat is not None:
            text += "\n" + _("/ask — a question for the organisers: a person answers it here")
        if self.s.settings.feedback:
            text += "\n" + _("/feedback off — no requests to rate sessions afterwards")
        return messages(text, self.menu(lang))

    def schedule(self, lang: str) -> list[Out]:
        """List the programme day by day."""
        _ = self.tr(lang)
        lines = [
            _("<b>Programme — {event}</b>").format(event=html.escape(self.kb.event.name.get(lang)))
        ]
        for day in self.kb.days():
            label = format_day(day, lang, _)
            label = html.escape(label[:1].upper() + label[1:])
            lines.append(f"\n<b>{label}</b>")
            sessions = self.kb.sessions_on(day)
            if not sessions:
                lines.append(_("No activity on the programme."))
            for session in sessions:
                lines.append(self._session_line(lang, session))
                for child in self._children(session):
                    lines.append(
                        "  ↳ "
                        + _("{title} (part of it; date and time to be confirmed)").format(
                            title=html.escape(child.title.get(lang))
                        )
                    )
        lines.append("\n" + _("Start times have not been published: the organisers will confirm."))
        return messages("\n".join(lines), self.menu(lang))

    def _children(self, session: Session) -> list[Session]:
        return [s for s in self.kb.sessions if s.part_of == session.id and s.date is None]

    def _session_line(self, lang: str, session: Session) -> str:
        venue = self.kb.session_venue(session)
        where = f" — {html.escape(venue.name.get(lang))}" if venue else ""
        when = f"{session.start:%H:%M} " if session.start else ""
        return f"• {when}{html.escape(session.title.get(lang))}{where}"

    def reply_messages(self, reply: Reply) -> list[Out]:
        """Render a matcher reply with its buttons."""
        lang, snapshot = reply.lang, self.s.knowledge.current
        text = render_html(reply, snapshot.kb, self.s.translator)
        if reply.kind == "abstain":
            buttons = tuple(
                (Button(entry_label(entry, snapshot.kb, lang), f"ask:{entry}:{lang}"),)
                for entry in reply.suggestions
            )
            return messages(text, buttons)
        session = snapshot.kb.session(reply.entry) if reply.kind == "entry" else None
        if session is None:
            return messages(text)
        brief = focus(reply.question) is not Focus.ABOUT  # the description was left out
        return messages(text, self.session_buttons(lang, session, more=brief))

    def session_buttons(
        self, lang: str, session: Session, more: bool = False
    ) -> tuple[tuple[Button, ...], ...]:
        _ = self.tr(lang)
        row = [Button(_("ℹ️ More"), f"ask:{session.id}:{lang}")] if more else []
        venue = self.kb.session_venue(session)
        if venue is not None and session.venue is not None:
            row.append(Button(_("📍 Venue"), f"venue:{venue.id}"))
        if session.date is not None:
            row.append(Button(_("📅 Add to calendar"), f"ics:{session.id}"))
        return (tuple(row),) if row else ()

    def ask(self, text: str, lang: str | None, hint: str | None) -> tuple[Reply, list[Out]]:
        """Answer a free-text question (in its own language unless `lang` forces one)."""
        snapshot = self.s.knowledge.current
        reply = snapshot.matcher.answer(text, self.s.local_now(), lang=lang, hint=hint)
        return reply, self.reply_messages(reply)

    def entry(self, lang: str, entry_id: str) -> list[Out]:
        """Answer one knowledge-base entry directly (a suggestion button or a deep link)."""
        snapshot = self.s.knowledge.current
        if not (snapshot.kb.session(entry_id) or snapshot.kb.faq(entry_id)):
            return self.stale(lang)
        reply = Reply(question="", lang=lang, kind="entry", entry=entry_id, score=100.0)
        return self.reply_messages(reply)

    def relative(self, lang: str, which: str) -> list[Out]:
        """Answer /today or /next from the bot's clock."""
        _ = self.tr(lang)
        snapshot = self.s.knowledge.current
        question = {
            "today": _("what is on today?"),
            "next": _("what is next?"),
        }
        reply = snapshot.matcher.answer(question[which], self.s.local_now(), lang=lang)
        return self.reply_messages(reply)

    def venues(self, lang: str) -> list[Out]:
        """List the venues, with a map pin for each one whose coordinates are known."""
        _ = self.tr(lang)
        lines = [_("<b>Venues</b>")]
        pins: list[Out] = []
        for venue in self.kb.venues:
            lines.append("\n" + self._venue_text(lang, venue))
            if venue.has_coordinates:
                pins.append(self._pin(lang, venue))
        return messages("\n".join(lines)) + pins

    def _venue_text(self, lang: str, venue: Venue) -> str:
        _ = self.tr(lang)
        dates = sorted({s.date for s in self.kb.sessions if s.venue == venue.id and s.date})
        days = [format_day(day, lang, _) for day in dates]
        lines = [
            f"📍 <b>{html.escape(venue.name.get(lang))}</b>"
            + (f" — {html.escape(venue.city.get(lang))}" if venue.city else "")
        ]
        if days:
            lines.append(_("Days: {days}").format(days=html.escape(", ".join(days))))
        if venue.address:
            lines.append(html.escape(venue.address.get(lang)))
        else:
            lines.append(_("The street address is not published; the organisers will confirm it."))
        if venue.notes:
            lines.append(html.escape(venue.notes.get(lang)))
        return "\n".join(lines)

    def _pin(self, lang: str, venue: Venue) -> VenuePin:
        assert venue.latitude is not None and venue.longitude is not None
        # The pin shows the name above the address; Telegram refuses an empty address.
        address = venue.place(lang, address=True, name=False) or venue.name.get(lang)
        return VenuePin(venue.latitude, venue.longitude, venue.name.get(lang), address)

    def venue(self, lang: str, venue_id: str) -> list[Out]:
        """Show one venue (a venue button): its pin when known, else what is known."""
        venue = self.kb.venue(venue_id)
        if venue is None:
            return self.stale(lang)
        out = messages(self._venue_text(lang, venue))
        return out + [self._pin(lang, venue)] if venue.has_coordinates else out

    def calendar(self, lang: str, session_id: str | None = None) -> list[Out]:
        """Return the programme (or one session) as an .ics file."""
        _ = self.tr(lang)
        if session_id is not None and self.kb.session(session_id) is None:
            return self.stale(lang)
        data = programme_ics(self.kb, lang, self.s.translator, self.s.clock.now(), session_id)
        name = f"{session_id}.ics" if session_id else "programme.ics"
        if any(s.start for s in self.kb.sessions):
            caption = _("Open this file to add the sessions to your calendar (times in {tz}).")
        else:
            caption = _(
                "Open this file to add the sessions to your calendar: whole-day entries, "
                "as no start times have been published yet."
            )
        return [Document(name, data, caption.format(tz=self.kb.event.timezone))]

    def language_menu(self, lang: str) -> list[Out]:
        _ = self.tr(lang)
        buttons = ((Button("🇪🇸 Español", "lang:es"), Button("🇬🇧 English", "lang:en")),)
        return messages(_("Choose your language:"), buttons)

    def telegram_only(self, lang: str, command: str) -> list[Out]:
        """Answer, in the terminal chat, a command that needs Telegram (reminders, organisers)."""
        _ = self.tr(lang)
        text = _("{command} works in the Telegram bot: reminders and announcements need a chat.")
        return messages(text.format(command=html.escape(command[:64])))

    def language_set(self, lang: str) -> list[Out]:
        _ = self.tr(lang)
        return messages(_("Done: I will talk to you in English."), self.menu(lang))

    def language_not_saved(self, lang: str) -> list[Out]:
        _ = self.tr(lang)
        text = _(
            "I will answer in English for now, but I could not save this choice (a problem on "
            "my side), so I may forget it. Please try /language again later."
        )
        return messages(text, self.menu(lang))

    def callback(self, lang: str, data: str) -> list[Out] | None:
        """Answer a button press; None when the data is not one of the conversation's."""
        kind, _sep, value = data.partition(":")
        if kind == "ask":
            # The language of the message the button is on wins over the user's setting.
            entry, _sep, asked_in = value.partition(":")
            return self.entry(asked_in if asked_in in LANGS else lang, entry)
        if kind == "venue":
            return self.venue(lang, value)
        if kind == "ics":
            return self.calendar(lang, value)
        if kind == "cmd":
            commands = {
                "schedule": lambda: self.schedule(lang),
                "today": lambda: self.relative(lang, "today"),
                "next": lambda: self.relative(lang, "next"),
                "venues": lambda: self.venues(lang),
                "calendar": lambda: self.calendar(lang),
                "help": lambda: self.help(lang),
            }
            return commands[value]() if value in commands else self.stale(lang)
        return None

    def stale(self, lang: str) -> list[Out]:
        _ = self.tr(lang)
        return messages(_("That button is out of date. Here is the menu:"), self.menu(lang))

    def unknown_command(self, lang: str, command: str) -> list[Out]:
        _ = self.tr(lang)
        text = _("I don't know the command {command}. Try /help.")
        return messages(text.format(command=html.escape(command[:64])))

    def not_text(self, lang: str) -> list[Out]:
        _ = self.tr(lang)
        return messages(_("I can only read text messages. Write me a question, or try /help."))

    def slow_down(self, lang: str) -> list[Out]:
        _ = self.tr(lang)
        return messages(_("You are sending messages very fast; I will answer again in a moment."))
