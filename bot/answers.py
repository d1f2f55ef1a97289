"""Render a matcher Reply as the text a user reads: plain, or HTML for Telegram."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass

from babel.dates import format_date

from bot.domain.focus import Focus, focus
from bot.domain.knowledge import KnowledgeBase, Session
from bot.domain.matcher import Reply
from bot.i18n import N_, Translator

LABEL_LIMIT = 60
_HEADERS = {
    "today": N_("Today, {day}:"),
    "tomorrow": N_("Tomorrow, {day}:"),
    "yesterday": N_("Yesterday, {day}:"),
    "next": N_("Next, {day}:"),
    "last-day": N_("Today, {day}, is the last day:"),
}
_NOTHING = {
    "today": N_("Nothing is scheduled today, {day}."),
    "tomorrow": N_("Nothing is scheduled tomorrow, {day}."),
}


@dataclass(frozen=True)
class _Style:
    """How values are escaped and titles emphasised: plain text or Telegram HTML."""

    escape: Callable[[str], str]
    bold: Callable[[str], str]


_PLAIN = _Style(escape=lambda s: s, bold=lambda s: s)


def _escape(text: str) -> str:
    return html.escape(text, quote=False)  # Telegram text needs only <, > and & escaped


_HTML = _Style(escape=_escape, bold=lambda s: f"<b>{_escape(s)}</b>")


def render_text(reply: Reply, kb: KnowledgeBase, translator: Translator) -> str:
    """Return the plain text a user sees for `reply`."""
    return _Renderer(reply.lang, kb, translator, _PLAIN).render(reply)


def render_html(reply: Reply, kb: KnowledgeBase, translator: Translator) -> str:
    """Return `reply` for Telegram's HTML parse mode (every value escaped, titles in <b>)."""
    return _Renderer(reply.lang, kb, translator, _HTML).render(reply)


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


def format_day(day: dt.date, lang: str, gettext: Callable[[str], str], year: bool = False) -> str:
    """Return 'Wednesday 21 October' / 'miércoles 21 de octubre' (the pattern is translated)."""
    pattern = gettext("EEEE d MMMM y") if year else gettext("EEEE d MMMM")
    return format_date(day, pattern, locale=lang)


class _Renderer:
    def __init__(self, lang: str, kb: KnowledgeBase, translator: Translator, style: _Style):
        self.lang, self.kb, self.style = lang, kb, style
        self._ = translator.get(lang).gettext

    def render(self, reply: Reply) -> str:
        if reply.kind == "schedule":
            return "\n".join(self.schedule(reply))
        if reply.kind == "entry" and reply.entry is not None:
            session, faq = self.kb.session(reply.entry), self.kb.faq(reply.entry)
            if session is not None:
                return "\n".join(self.session(session, focus(reply.question)))
            if faq is not None:
                return self.style.escape(faq.answer.get(self.lang))
        return "\n".join(self.abstain(reply))

    def date(self, day: dt.date, year: bool = False) -> str:
        return format_day(day, self.lang, self._, year)

    def session(self, s: Session, about: Focus = Focus.ABOUT) -> list[str]:
        """A session: title, when and where, then its description (or, asked only where or
        when, its one-line summary and the venue's notes)."""
        _, esc = self._, self.style.escape
        facts: list[str] = []
        if s.date is not None:
            facts.append(_cap(self.date(s.date, year=True)))
            facts.append(self.times(s) or _("time to be confirmed by the organisers"))
        parent = self.kb.session(s.part_of) if s.part_of else None
        if parent is not None and s.date is None:
            part_of = _(
                "Part of {title} ({day}); its own date and time will be confirmed"
                " by the organisers."
            )
            when = self.date(parent.date, year=True) if parent.date else ""
            facts.append(part_of.format(title=parent.title.get(self.lang), day=when))
        venue = self.kb.session_venue(s)
        if venue is not None and s.venue is not None:
            room = self.kb.session_room(s)  # "Room 2, Venue, City", as the calendar's LOCATION
            place = venue.place(self.lang)
            facts.append(f"{room.get(self.lang)}, {place}" if room else place)
        lines = [self.style.bold(s.title.get(self.lang)), esc(" · ".join(facts))]
        if about is not Focus.ABOUT:
            lines.append(esc((s.summary or s.description).get(self.lang)))
            if about is Focus.WHERE and s.venue is None:
                lines.append(esc(_("Its exact place will be confirmed by the organisers.")))
            elif about is Focus.WHERE and venue is not None and venue.notes is not None:
                lines.append(esc(venue.notes.get(self.lang)))
            return lines
        lines.append(esc(s.description.get(self.lang)))
        if s.know is not None:
            lines.append(esc(s.know.get(self.lang)))
        return lines

    def times(self, s: Session) -> str:
        if s.start is None:
            return ""
        return f"{s.start:%H:%M}–{s.end:%H:%M}" if s.end else f"{s.start:%H:%M}"

    def listing(self, s: Session, with_day: bool = False) -> list[str]:
        """One line per session in a day or week answer, plus its undated parts."""
        _, esc = self._, self.style.escape
        venue = self.kb.session_venue(s)
        where = f" — {esc(venue.name.get(self.lang))}" if venue else ""
        when = f"{self.times(s)} " if s.start else ""
        day = f"{esc(_cap(self.date(s.date)))}: " if with_day and s.date else ""
        lines = [f"• {day}{when}{self.style.bold(s.title.get(self.lang))}{where}"]
        if not with_day and s.summary is not None:
            lines.append(f"  {esc(s.summary.get(self.lang))}")
        for child in self.undated_children(s):
            note = _("{title} — date and time to be confirmed by the organisers.")
            lines.append(f"  {esc(note.format(title=child.title.get(self.lang)))}")
        return lines

    def undated_children(self, s: Session) -> list[Session]:
        return [c for c in self.kb.sessions if c.part_of == s.id and c.date is None]

    def schedule(self, reply: Reply) -> list[str]:
        _, esc = self._, self.style.escape
        sessions = [s for i in reply.sessions if (s := self.kb.session(i)) is not None]
        event, span = self.kb.event, self.span()
        if reply.relative == "ended":
            return [esc(_("{event} has ended: it ran from {start} to {end}.").format(**span))]
        if reply.relative == "week":
            if not sessions:
                monday = self.date(reply.day) if reply.day else ""
                nothing = _("Nothing is scheduled in the week of {day}.").format(day=monday)
                return [esc(nothing), esc(self.runs())]
            lines = [esc(_("{event}, {start} to {end}:").format(**span))]
            for s in sessions:
                lines += self.listing(s, with_day=True)
            return lines + self.times_note(sessions)
        day = reply.day or event.start_date
        when = self.date(day, year=day.year != event.start_date.year)
        if not sessions:
            nothing = _NOTHING.get(reply.relative, N_("Nothing is scheduled on {day}."))
            lines = [esc(_(nothing).format(day=when)), esc(self.runs())]
            if event.start_date <= day <= event.end_date:
                for s in self.kb.sessions:
                    if s.date is None and s.part_of:
                        note = _("{title} — date and time to be confirmed by the organisers.")
                        lines.append(esc(note.format(title=s.title.get(self.lang))))
            return lines
        header = _HEADERS.get(reply.relative)
        lines = [esc(_(header).format(day=when) if header else f"{_cap(when)}:")]
        for s in sessions:
            lines += self.listing(s)
        return lines + self.times_note(sessions)

    def span(self) -> dict[str, str]:
        event = self.kb.event
        return {
            "event": event.name.get(self.lang),
            "start": self.date(event.start_date),
            "end": self.date(event.end_date, year=True),
        }

    def runs(self) -> str:
        # Tense-free on purpose: the reply does not say whether it was asked before or after.
        return self._("{event}: {start} to {end}.").format(**self.span())

    def times_note(self, sessions: list[Session]) -> list[str]:
        if all(s.start is not None for s in sessions):
            return []
        return [self.style.escape(self._("Times will be confirmed by the organisers."))]

    def abstain(self, reply: Reply) -> list[str]:
        _, esc = self._, self.style.escape
        if reply.question.strip():
            lines = [esc(_("I'm not sure what you mean. Did you mean:"))]
        else:
            intro = _(
                "Ask me about {event}: the programme, dates, venues or any session. For example:"
            )
            lines = [esc(intro.format(event=self.kb.event.name.get(self.lang)))]
        for entry in reply.suggestions:
            lines.append(f"• {esc(entry_label(entry, self.kb, self.lang))}")
        return lines


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
