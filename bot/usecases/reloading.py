"""Live knowledge-base reload: validate, swap whole or keep the old one, and say what changed.

Three triggers share one Reloader: /reload, SIGHUP and a watcher that polls the knowledge
files' sizes and modification times (no extra dependency; inotify is not in the stdlib).
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.domain.knowledge import KnowledgeBase, Problem, knowledge_files
from bot.domain.revisions import EntryChanges, Revision, compare
from bot.i18n import Translator

if TYPE_CHECKING:  # bot.services builds the Reloader: no import cycle at run time
    from bot.services import LiveKnowledge

log = logging.getLogger(__name__)
Signature = tuple[tuple[str, int, int], ...]
MAX_PROBLEMS = 30  # an admin's chat message cannot hold a whole broken file's worth


def signature(path: Path) -> Signature:
    """Return the name, mtime and size of every knowledge file (a change means: reload)."""
    found = []
    for file in knowledge_files(path) if path.exists() else [path]:
        try:
            stat = file.stat()
        except OSError:
            found.append((str(file), -1, -1))
        else:
            found.append((str(file), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


@dataclass(frozen=True)
class ReloadResult:
    """A reload's outcome: the problems (the old KB still serves) or what changed."""

    problems: tuple[Problem, ...] = ()
    revision: Revision | None = None
    kb: KnowledgeBase | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


class Reloader:
    """Reload the knowledge base one attempt at a time and remember which version was read."""

    def __init__(self, knowledge: LiveKnowledge) -> None:
        self.knowledge = knowledge
        self.loaded = signature(knowledge.path)
        self._lock = asyncio.Lock()

    async def reload(self) -> ReloadResult:
        """Load the files again; swap the new KB in only when it is valid."""
        async with self._lock:
            # Marked as read first: a version that crashes the loader is not retried every poll.
            self.loaded = signature(self.knowledge.path)
            old = self.knowledge.current.kb
            # On the event loop, not in a thread (~0.1 s, and rare): the swap then never lands
            # between a question's matching and the rendering of its answer.
            snapshot, problems = self.knowledge.reload()
        if problems:
            log.warning(
                "knowledge reload failed; still serving the previous version:\n%s",
                "\n".join(map(str, problems)),
            )
            return ReloadResult(problems=tuple(problems))
        revision = compare(old, snapshot.kb)
        log.info(
            "knowledge reloaded: %d sessions, %d FAQs (%s)",
            revision.sessions.after,
            revision.faqs.after,
            "changed" if revision.any else "unchanged",
        )
        return ReloadResult(revision=revision, kb=snapshot.kb)

    async def watch(
        self, report: Callable[[ReloadResult], Awaitable[None]], poll: float, settle: float
    ) -> None:
        """Reload whenever the files change (once they stop changing); report each attempt."""
        while True:
            await asyncio.sleep(poll)
            seen = signature(self.knowledge.path)
            if seen == self.loaded:
                continue
            await asyncio.sleep(settle)  # an editor may still be writing the file
            if signature(self.knowledge.path) != seen:
                continue
            try:
                await report(await self.reload())
            except Exception:
                log.exception("the knowledge watcher failed; it keeps watching")


def _ids(ids: Iterable[str]) -> str:
    return html.escape(", ".join(ids))


def _changes(_: Callable[[str], str], kind: str, changes: EntryChanges) -> list[str]:
    labels = {
        "sessions": (
            _("Sessions added: {ids}"),
            _("Sessions removed: {ids}"),
            _("Sessions changed: {ids}"),
        ),
        "faqs": (_("FAQs added: {ids}"), _("FAQs removed: {ids}"), _("FAQs changed: {ids}")),
    }[kind]
    pairs = zip(labels, (changes.added, changes.removed, changes.changed), strict=True)
    return [html.escape(label).format(ids=_ids(ids)) for label, ids in pairs if ids]


def render_result(result: ReloadResult, translator: Translator, lang: str) -> str:
    """Render a reload's outcome for an admin (HTML, every file value escaped)."""
    _ = translator.get(lang).gettext
    if not result.ok:
        shown = [html.escape(str(p)) for p in result.problems[:MAX_PROBLEMS]]
        more = len(result.problems) - len(shown)
        if more > 0:
            shown.append(html.escape(_("…and {n} more: run confbot check").format(n=more)))
        head = _(
            "The knowledge base has problems, so I am still serving the previous version. "
            "Fix them and save again (or send /reload):"
        )
        return f"⚠️ {html.escape(head)}\n<pre>" + "\n".join(shown) + "</pre>"
    revision = result.revision
    assert revision is not None
    lines = [
        "✅ " + html.escape(_("Knowledge base reloaded.")),
        html.escape(_("Sessions: {after} (before: {before})")).format(
            after=revision.sessions.after, before=revision.sessions.before
        ),
        html.escape(_("FAQs: {after} (before: {before})")).format(
            after=revision.faqs.after, before=revision.faqs.before
        ),
    ]
    lines += _changes(_, "sessions", revision.sessions) + _changes(_, "faqs", revision.faqs)
    if revision.other:
        lines.append(html.escape(_("The event, venues or synonyms changed too.")))
    if not revision.any:
        lines.append(html.escape(_("Nothing changed.")))
    return "\n".join(lines)


def render_notices(sent: int, translator: Translator, lang: str) -> str:
    """Render how many schedule-change notices went to subscribers."""
    text = translator.get(lang).gettext("Schedule-change notices sent to subscribers: {n}")
    return html.escape(text.format(n=sent))
