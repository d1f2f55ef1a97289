"""The conversation, independent of Telegram: each command or question in, messages out.

The Telegram handlers and the terminal chat both drive this class, so `confbot chat` is the
same bot a Telegram user talks to.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace

from bot.domain.buttons import decode, encode
from bot.domain.delivery import Button
from bot.domain.focus import Focus, focus
from bot.domain.foreign import foreign_language
from bot.domain.knowledge import KnowledgeBase, Session, Venue
from bot.domain.matcher import Reply
from bot.i18n import fallback_lang, language_list, native_name, pick_lang, supported_lang
from bot.services import Services
from bot.texts.answers import entry_label, render_html
from bot.texts.calendar import programme_ics
from bot.texts.outgoing import Document, Out, VenuePin, messages
from bot.texts.sessions import ADDRESS_TBC, HTML, SessionText, cap, format_day
from bot.usecases.commands import HANDOFF, features_off, find, help_lines

# FAQ ids of the built-in small talk (see the KB contract): never shown as examples.
SMALL_TALK = frozenset({"greeting", "thanks", "help"})


def _sentence(text: str) -> str:
    """Capitalise the first letter, after any opening punctuation ('¿hay wifi?' -> '¿Hay…')."""
    at = next((i for i, c in enumerate(text) if c.isalpha()), 0)
    return text[:at] + text[at : at + 1].upper() + text[at + 1 :]


# Commands the terminal chat cannot run, by who they are for (the answer says what to do).


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

    def menu(self, lang: str) -> tuple[tuple[Button, ...], ...]:
        """Return the main menu buttons."""
        _ = self.tr(lang)
        return (
            (
                Button(_("Programme"), encode("cmd", "schedule")),
                Button(_("Today"), encode("cmd", "today")),
            ),
            (
                Button(_("Venues"), encode("cmd", "venues")),
                Button(_("Add to calendar"), encode("cmd", "calendar")),
            ),
        )

    def spoken(self) -> tuple[str, ...]:
        """Return the languages the bot talks in for this knowledge base (first = default)."""
        return self.kb.languages

    def examples(self, lang: str) -> list[str]:
        """Return questions this knowledge base answers, to show as examples.

        Built from the KB itself, so they fit whatever event is loaded: two talks (sessions
        with speakers, else with a summary, rather than breaks; the shortest titles, in
        programme order) and the first question of the first FAQ that is not small talk.
        """
        _ = self.tr(lang)
        dated = [s for day in self.kb.days() for s in self.kb.sessions_on(day)]

        def rank(s: Session) -> tuple[int, int]:
            kind = 0 if s.speakers else 1 if s.summary is not None else 2
            return kind, len(s.title.get(lang))

        chosen: list[Session] = []
        for session in sorted(dated, key=rank):
            if all(c.title.get(lang) != session.title.get(lang) for c in chosen):
                chosen.append(session)
            if len(chosen) == 2:
                break
        shown = [s for s in dated if s in chosen]
        patterns = (_("When is “{session}”?"), _("Where is “{session}”?"))
        found = [p.format(session=s.title.get(lang)) for p, s in zip(patterns, shown, strict=False)]
        for faq in self.kb.faqs:
            questions = faq.questions.get(lang)
            if questions and faq.id not in SMALL_TALK:
                found.insert(1, _sentence(questions[0]))
                break
        return found

    def _examples_html(self, lang: str) -> str:
        return "\n".join(f"• <i>{html.escape(example)}</i>" for example in self.examples(lang))

    def start(self, lang: str, payload: str | None = None) -> list[Out]:
        """Greet the user; a deep-link payload opens that session or entry."""
        _ = self.tr(lang)
        event = self.kb.event
        when = self.dates(lang) + (f", {event.city.get(lang)}" if event.city else "")
        intro = _("Hello! I am the assistant for <b>{event}</b> ({when}).").format(
            event=html.escape(event.name.get(lang)), when=html.escape(when)
        )
        ask = _(
            "Ask me anything about the programme, its sessions and the venues, in {languages}. "
            "For example:"
        ).format(languages=html.escape(language_list(self.spoken(), lang, alternatives=True)))
        commands = _(
            "Commands: /schedule /today /next /venues /calendar /subscribe /language /help"
        )
        text = f"{intro}\n\n{ask}\n{self._examples_html(lang)}\n\n{commands}"
        out = messages(text, self.menu(lang))
        if payload:
            entry = payload.strip().lower()
            if self.kb.session(entry) or self.kb.faq(entry):
                out += self.entry(lang, entry)
        return out

    def dates(self, lang: str) -> str:
        _ = self.tr(lang)
        event = self.kb.event
        end = format_day(event.end_date, lang, _, year=True)
        if event.start_date == event.end_date:
            return end
        start = format_day(event.start_date, lang, _)
        return _("{start} to {end}").format(start=start, end=end)

    def help(self, lang: str) -> list[Out]:
        _ = self.tr(lang)
        intro = _(
            "<b>How to use me</b>\nWrite a question in your own words, in {languages}. For example:"
        ).format(languages=html.escape(language_list(self.spoken(), lang, alternatives=True)))
        lines = help_lines(lang, features_off(self.s.settings), _)
        text = f"{intro}\n{self._examples_html(lang)}\n\n" + "\n".join(lines)
        return messages(text, self.menu(lang))

    def schedule(self, lang: str) -> list[Out]:
        """List the programme day by day."""
        _ = self.tr(lang)
        text = SessionText(self.kb, lang, _, HTML)
        lines = [
            _("<b>Programme — {event}</b>").format(event=html.escape(self.kb.event.name.get(lang)))
        ]
        for day in self.kb.days():
            label = format_day(day, lang, _)
            label = html.escape(cap(label))
            lines.append(f"\n<b>{label}</b>")
            sessions = self.kb.sessions_on(day)
            if not sessions:
                lines.append(_("No activity on the programme."))
            for session in sessions:
                lines += text.line(session, bold=False)
        listed = [s for day in self.kb.days() for s in self.kb.sessions_on(day)]
        lines += ["\n" + note for note in text.times_note(listed)]
        return messages("\n".join(lines), self.menu(lang))

    def reply_messages(self, reply: Reply, note: str = "") -> list[Out]:
        """Render a matcher reply with its buttons (under `note`, an HTML line, when given)."""
        lang, snapshot = reply.lang, self.s.knowledge.current
        text = render_html(reply, snapshot.kb, self.s.translator)
        text = f"{note}\n\n{text}" if note else text
        if reply.kind == "abstain":
            buttons = tuple(
                (Button(entry_label(entry, snapshot.kb, lang), encode("ask", entry, lang)),)
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
        row = [Button(_("ℹ️ More"), encode("ask", session.id, lang))] if more else []
        venue = SessionText(self.kb, lang, _).venue(session)
        if venue is not None:
            row.append(Button(_("📍 Venue"), encode("venue", venue.id)))
        if session.date is not None:
            row.append(Button(_("📅 Add to calendar"), encode("ics", session.id)))
        return (tuple(row),) if row else ()

    def ask(self, text: str, lang: str | None, hint: str | None) -> tuple[Reply, list[Out]]:
        """Answer a free-text question (in its own language unless `lang` forces one).

        A question in a language the bot does not speak is answered in the user's language
        (else the fallback one), headed by a line naming the languages the bot speaks.
        """
        spoken = self.spoken()
        foreign = lang is None and foreign_language(text, spoken) is not None
        if foreign:
            lang = hint if hint in spoken else fallback_lang(spoken)
        reply = self._answer(text, lang, hint)
        note = ""
        if foreign:
            _ = self.tr(reply.lang)
            names = language_list(spoken, reply.lang, native=True)
            line = _("I speak {languages}.").format(languages=names)
            note = f"<i>{html.escape(line)}</i>"
        return reply, self.reply_messages(reply, note)

    def entry(self, lang: str, entry_id: str) -> list[Out]:
        """Answer one knowledge-base entry directly (a suggestion button or a deep link)."""
        snapshot = self.s.knowledge.current
        if not (snapshot.kb.session(entry_id) or snapshot.kb.faq(entry_id)):
            return self.stale(lang)
        reply = Reply(question="", lang=lang, kind="entry", entry=entry_id, score=100.0)
        return self.reply_messages(reply)

    def relative(self, lang: str, which: str) -> list[Out]:
        """Answer /today or /next from the bot's clock."""
        # A fixed phrasing the matcher reads in any answer language; the reply is in `lang`.
        question = {"today": "what is on today?", "next": "what is next?"}
        return self.reply_messages(self._answer(question[which], lang, None))

    def _answer(self, text: str, lang: str | None, hint: str | None) -> Reply:
        """Ask the matcher; a forced `lang` is the answer language whatever the text reads as."""
        reply = self.s.knowledge.current.matcher.answer(
            text, self.s.local_now(), lang=lang, hint=hint
        )
        if lang is None and reply.lang not in self.spoken():
            lang = pick_lang((hint,), self.spoken())  # never answer in a language not declared
        return replace(reply, lang=lang) if lang and reply.lang != lang else reply

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
            lines.append(HTML.escape(cap(_(ADDRESS_TBC)) + "."))
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
        """Offer one button per language of the knowledge base, each named in itself."""
        _ = self.tr(lang)
        buttons = [Button(cap(native_name(code)), encode("lang", code)) for code in self.spoken()]
        rows = tuple(tuple(buttons[i : i + 3]) for i in range(0, len(buttons), 3))
        return messages(_("Choose your language:"), rows)

    def telegram_only(self, lang: str, command: str) -> list[Out]:
        """Answer, in the terminal chat, a command that needs Telegram (reminders, organisers)."""
        _ = self.tr(lang)
        known = find(command)
        if known is not None and known.admin:
            text = _(
                "{command} is for the organisers in the Telegram bot; in a terminal, "
                "confbot report shows the statistics and confbot drafts the FAQ drafts."
            )
        elif known is not None and known.feature == HANDOFF:
            text = _("{command} works in the Telegram bot: the organisers answer in a chat.")
        elif known is not None and known.name == "forgetme":
            text = _(
                "{command} works in the Telegram bot: this terminal chat keeps nothing about you."
            )
        else:
            text = _(
                "{command} works in the Telegram bot: reminders and announcements need a chat."
            )
        return messages(text.format(command=html.escape(command[:64])))

    def language_set(self, lang: str) -> list[Out]:
        _ = self.tr(lang)
        text = _("Done: I will talk to you in {language}.").format(language=native_name(lang))
        return messages(text, self.menu(lang))

    def language_not_saved(self, lang: str) -> list[Out]:
        _ = self.tr(lang)
        text = _(
            "I will answer in {language} for now, but I could not save this choice (a problem "
            "on my side), so I may forget it. Please try /language again later."
        ).format(language=native_name(lang))
        return messages(text, self.menu(lang))

    def chosen_language(self, data: str) -> str | None:
        """Return the language a `lang:` button chooses, if the bot speaks it."""
        pressed = decode(data, "lang")
        value = pressed.field(0) if pressed else None
        return supported_lang(value, self.spoken()) if value else None

    def callback(self, lang: str, data: str) -> list[Out] | None:
        """Answer a button press; None when the data is not one of the conversation's."""
        pressed = decode(data)
        value = pressed.field(0) if pressed else None
        if pressed is None or value is None:
            return None
        if pressed.kind == "ask":
            # The language of the message the button is on wins over the user's setting.
            asked_in = pressed.field(1)
            return self.entry(asked_in if asked_in in self.spoken() else lang, value)
        if pressed.kind == "venue":
            return self.venue(lang, value)
        if pressed.kind == "ics":
            return self.calendar(lang, value)
        if pressed.kind == "cmd":  # a menu button: the command's canonical name
            command = find(value)
            if command is None or command.name != value or command.reply is None:
                return self.stale(lang)
            return command.reply(self, lang, ())
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
