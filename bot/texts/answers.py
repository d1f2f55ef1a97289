"""Render a matcher Reply as the text a user reads: plain, or HTML for Telegram."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bot.domain.knowledge import KnowledgeBase, Session
from bot.domain.matcher import Reply
from bot.i18n import N_, Translator
from bot.texts.sessions import HTML, PLAIN, SessionText, Style, cap, hhmm

LABEL_LIMIT = 60
_HEADERS = {
    "today": N_("Today, {day}:"),
    "tomorrow": N_("Tomorrow, {day}:"),
    "yesterday": N_("Yesterday, {day}:"),
    "next": N_("Next, {day}:"),
    "last-day": N_("Today, {day}, is the last day:"),
}
# The answer to a confirmation asked ("lunch is at 1, right?"), before the facts.
_VERDICTS = {"yes": N_("Yes."), "no": N_("No."), "partly": N_("Partly.")}
# A time of day asked about: "now", "at 11", "this afternoon".
_AT_TIME = {
    "now": N_("On now ({time}):"),
    "at": N_("{day} at {time}:"),
    "window": N_("{day}, from {start} to {end}:"),
}
_NOTHING = {
    "today": N_("Nothing is scheduled today, {day}."),
    "tomorrow": N_("Nothing is scheduled tomorrow, {day}."),
    "after": N_("Nothing more is scheduled after that on {day}."),
}


def render_text(reply: Reply, kb: KnowledgeBase, translator: Translator) -> str:
    """Return the plain text a user sees for `reply`."""
    return _Renderer(reply.lang, kb, translator, PLAIN).render(reply)


def render_html(reply: Reply, kb: KnowledgeBase, translator: Translator) -> str:
    """Return `reply` for Telegram's HTML parse mode (every value escaped, titles in <b>)."""
    return _Renderer(reply.lang, kb, translator, HTML).render(reply)


def entry_label(entry_id: str, kb: KnowledgeBase, lang: str) -> str:
    """Return a short button label for an entry: a session's title or a FAQ's first question."""
    session, faq = kb.session(entry_id), kb.faq(entry_id)
    if session is not None:
        label = session.title.get(lang)
    elif faq is not None and faq.questions.get(lang):
        label = faq.questions.get(lang)[0]
    else:
        label = entry_id
    label = label[:1].upper() + label[1:]
    return label if len(label) <= LABEL_LIMIT else label[: LABEL_LIMIT - 1].rstrip() + "…"


class _Renderer:
    def __init__(self, lang: str, kb: KnowledgeBase, translator: Translator, style: Style):
        self.lang, self.kb, self.style = lang, kb, style
        self._ = translator.get(lang).gettext
        self.sessions = SessionText(kb, lang, self._, style)

    def render(self, reply: Reply) -> str:
        """The answer, then the answers to the message's other questions, if any."""
        return "\n\n".join(self.render_one(r) for r in (reply, *reply.parts))

    def render_one(self, reply: Reply) -> str:
        verdict = _VERDICTS.get(reply.verdict)
        text = self.render_facts(reply)
        return f"{self.style.escape(self._(verdict))}\n{text}" if verdict else text

    def render_facts(self, reply: Reply) -> str:
        if reply.kind == "schedule":
            return "\n".join(self.schedule(reply))
        if reply.aspect:
            return "\n".join(self.builtin(reply))
        if reply.kind == "entry" and reply.entry is not None:
            session, faq = self.kb.session(reply.entry), self.kb.faq(reply.entry)
            if session is not None:
                lines = self.sessions.answer(session, reply.focus)
                passage = [self.style.escape(reply.passage)] if reply.passage else []
                return "\n".join([*lines, *passage])  # (a card: the talk asked, of its block)
            if faq is not None:
                return self.style.escape(faq.answer.get(self.lang))
        return "\n".join(self.abstain(reply))

    def date(self, day: dt.date, year: bool = False) -> str:
        return self.sessions.date(day, year)

    def listing(self, s: Session, with_day: bool = False) -> list[str]:
        """One line per session in a day or week answer (a day's: with its summary)."""
        return self.sessions.line(s, with_day=with_day, summary=not with_day)

    def schedule(self, reply: Reply) -> list[str]:
        _, esc = self._, self.style.escape
        sessions = [s for i in reply.sessions if (s := self.kb.session(i)) is not None]
        event, span = self.kb.event, self.span()
        if reply.relative == "ended":
            return [esc(_("{event} has ended: it ran from {start} to {end}.").format(**span))]
        if reply.relative == "track" and sessions and sessions[0].track is not None:
            lines = [esc(_("Track: {track}").format(track=sessions[0].track.get(self.lang)))]
            for s in sessions:
                lines += self.listing(s, with_day=True)
            return lines
        if reply.relative == "speaker" and sessions:
            shared = [
                p
                for p in sessions[0].speakers
                if all(p.name in {q.name for q in s.speakers} for s in sessions)
            ]
            lines = [esc(self.sessions.speakers(shared))] if shared else []
            for s in sessions:
                lines += self.listing(s, with_day=True)
            return lines + self.sessions.times_note(sessions)
        if reply.relative == "missed":
            if not sessions:
                return [esc(_("You would miss nothing on the programme."))]
            lines = [esc(_("You would miss:"))]
            for s in sessions:
                lines += self.listing(s, with_day=True)
            return lines + self.sessions.times_note(sessions)
        if reply.relative == "catch":
            if not sessions:
                return [esc(_("Nothing on the programme is left by then.")), esc(self.runs())]
            lines = [esc(_("You can still attend:"))]
            for s in sessions:
                lines += self.listing(s, with_day=True)
            return lines + self.sessions.times_note(sessions)
        if reply.relative == "range" and reply.day and reply.until:  # "del 19 al 21"
            dates = {"start": self.date(reply.day), "end": self.date(reply.until)}
            if not sessions:
                nothing = _("Nothing is scheduled from {start} to {end}.").format(**dates)
                return [esc(nothing), esc(self.runs())]
            lines = [esc(cap(_("{start} to {end}:").format(**dates)))]
            for s in sessions:
                lines += self.listing(s, with_day=True)
            return lines + self.sessions.times_note(sessions)
        if reply.relative == "week":
            if not sessions:
                monday = self.date(reply.day) if reply.day else ""
                nothing = _("Nothing is scheduled in the week of {day}.").format(day=monday)
                return [esc(nothing), esc(self.runs())]
            lines = [esc(_("{event}, {start} to {end}:").format(**span))]
            for s in sessions:
                lines += self.listing(s, with_day=True)
            return lines + self.sessions.times_note(sessions)
        day = reply.day or event.start_date
        when = self.date(day, year=day.year != event.start_date.year)
        if not sessions and reply.relative in _AT_TIME:
            nothing = N_("Nothing is scheduled on {day} at that time.")
            return [esc(_(nothing).format(day=when)), esc(self.runs())]
        if not sessions:
            nothing = _NOTHING.get(reply.relative, N_("Nothing is scheduled on {day}."))
            lines = [esc(_(nothing).format(day=when)), esc(self.runs())]
            if event.start_date <= day <= event.end_date:
                for s in self.kb.sessions:
                    lines += [esc(self.sessions.undated(p)) for p in self.kb.undated_parts(s)]
            return lines
        header = _HEADERS.get(reply.relative)
        if reply.relative in _AT_TIME and reply.start is not None:
            header = _AT_TIME[reply.relative]
            first = sessions[0].start if sessions else None
            spilled = sessions[0].overnight and sessions[0].date != day  # since the night before
            if reply.relative == "at" and first is not None and first > reply.start and not spilled:
                header = N_("{day}, next after {time}:")  # nothing runs at that very time
            if reply.relative == "window" and reply.end is None:
                header = N_("{day}, from {start}:")
            if reply.relative == "window" and reply.start == dt.time(0) and reply.end:
                header = N_("{day}, until {end}:")  # "before 10"
        times = {"time": hhmm(reply.start), "start": hhmm(reply.start), "end": hhmm(reply.end)}
        lines = [esc(cap(_(header).format(day=when, **times)) if header else f"{cap(when)}:")]
        for s in sessions:
            lines += self.listing(s)
        return lines + self.sessions.times_note(sessions)

    def builtin(self, reply: Reply) -> list[str]:
        """A greeting, thanks, help, or a fact of the event or a venue, from the KB's data."""
        _, esc, event = self._, self.style.escape, self.kb.event
        name = event.name.get(self.lang)
        aspect = reply.aspect
        if aspect == "greeting":
            hello = _(
                "Hello! I'm the assistant of {event}. Ask me about the programme, the venues"
                " or any session."
            )
            return [esc(hello.format(event=name))]
        if aspect == "thanks":
            return [
                esc(_("You're welcome! Ask me anything else about {event}.").format(event=name))
            ]
        if aspect == "help":
            return self.examples(reply.suggestions)
        if aspect == "event:what":
            lines = [esc(event.description.get(self.lang))] if event.description.values() else []
            return [*lines, esc(self.runs()), *self.where()]
        if aspect == "event:where":
            return self.where()
        if aspect == "event:organiser" and event.organiser is not None:
            text = _("{event} is organised by {organiser}.")
            return [esc(text.format(event=name, organiser=event.organiser.get(self.lang)))]
        if aspect in ("event:contact", "event:website"):
            lines = []
            if aspect == "event:contact" and event.contact is not None:
                lines.append(esc(event.contact.get(self.lang)))
            if event.website:
                lines.append(esc(_("Website: {url}").format(url=event.website)))
            return lines
        if aspect in ("event:start", "event:end"):
            return self.edge(aspect == "event:end")
        if aspect == "event:duration":
            days = (event.end_date - event.start_date).days + 1
            if days == 1:
                return [esc(_("{event} lasts one day: {start}.").format(**self.span()))]
            text = _("{event} lasts {days} days: from {start} to {end}.")
            return [esc(text.format(days=days, **self.span()))]
        if aspect.startswith("venue:"):
            return self.venue(reply.entry, aspect == "venue:directions")
        return [esc(self.runs())]

    def edge(self, end: bool) -> list[str]:
        """When the event starts (its first session) or ends (its last one)."""
        _, esc = self._, self.style.escape
        timed = sorted(
            (s for s in self.kb.sessions if s.date is not None and s.start is not None),
            key=lambda s: (s.date, s.start),
        )
        if not timed:
            return [esc(self.runs())]
        s = timed[-1] if end else timed[0]
        at = (s.end or s.start) if end else s.start
        day, name = (
            self.date(s.date, year=True) if s.date else "",
            self.kb.event.name.get(self.lang),
        )
        text = (
            _("{event} ends on {day} at {time}.")
            if end
            else _("{event} starts on {day} at {time}.")
        )
        return [esc(text.format(event=name, day=day, time=hhmm(at))), *self.listing(s)]

    def where(self) -> list[str]:
        _, esc, event = self._, self.style.escape, self.kb.event
        name = event.name.get(self.lang)
        if not self.kb.venues and event.city is not None:
            return [
                esc(
                    _("{event} takes place in {city}.").format(
                        event=name, city=event.city.get(self.lang)
                    )
                )
            ]
        lines = [esc(_("{event} takes place at:").format(event=name))]
        return lines + [f"• {esc(v.place(self.lang, address=True))}" for v in self.kb.venues]

    def venue(self, venue_id: str | None, directions: bool) -> list[str]:
        _, esc = self._, self.style.escape
        venue = self.kb.venue(venue_id)
        if venue is None:
            return self.where()
        lines = [
            self.style.bold(venue.name.get(self.lang)),
            esc(venue.place(self.lang, address=True)),
        ]
        if venue.directions is not None and (directions or venue.address is None):
            lines.append(esc(venue.directions.get(self.lang)))
        if venue.notes is not None:
            lines.append(esc(venue.notes.get(self.lang)))
        return lines

    def span(self) -> dict[str, str]:
        event = self.kb.event
        return {
            "event": event.name.get(self.lang),
            "start": self.date(event.start_date),
            "end": self.date(event.end_date, year=True),
        }

    def runs(self) -> str:
        # Tense-free on purpose: the reply does not say whether it was asked before or after.
        event = self.kb.event
        if event.start_date == event.end_date:  # a one-day event: its day, once
            day = self.date(event.start_date, year=True)
            return self._("{event}: {day}.").format(event=event.name.get(self.lang), day=day)
        return self._("{event}: {start} to {end}.").format(**self.span())

    def abstain(self, reply: Reply) -> list[str]:
        _, esc = self._, self.style.escape
        if not reply.question.strip():
            return self.examples(reply.suggestions)
        lines = [esc(_("I'm not sure what you mean. Did you mean:"))]
        return lines + [f"• {esc(entry_label(e, self.kb, self.lang))}" for e in reply.suggestions]

    def examples(self, suggestions: Sequence[str]) -> list[str]:
        """What to ask, with the `suggestions` as examples (help, an empty message)."""
        intro = self._(
            "Ask me about {event}: the programme, dates, venues or any session. For example:"
        )
        lines = [self.style.escape(intro.format(event=self.kb.event.name.get(self.lang)))]
        return lines + [
            f"• {self.style.escape(entry_label(e, self.kb, self.lang))}" for e in suggestions
        ]
