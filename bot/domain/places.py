"""Where things are, when an event is held in several towns: which town a question names and
which sessions and venues are there ("the opening talk in Cusco", "where is the Arequipa venue?").

A roadshow of one day per city, a congress with an excursion to a vineyard in another town: the
town named in a question qualifies it the way a day does. An event held in one town has no
places to tell apart, and nothing here applies to it.
"""

from __future__ import annotations

from collections import Counter

from bot.domain.knowledge import KnowledgeBase
from bot.domain.language import tokens
from bot.domain.lexicon import STOPWORDS

Town = tuple[str, ...]  # the folded words of a town's name ("sao", "paulo")


class Places:
    """The towns of one KB's venues, and which entries are in each."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._town_of: dict[str, Town] = {}  # venue or session id -> its town
        for v in kb.venues:
            city = v.city or kb.event.city
            if city is None:
                continue
            # "Cusco, Peru": the town is the part before the first comma.
            names = {
                tuple(w for w in tokens(c.split(",")[0]) if w not in STOPWORDS)
                for c in city.values()
            }
            town = min((n for n in names if n), default=None)
            if town is not None:
                self._town_of[v.id] = town
        self.towns = frozenset(self._town_of.values())
        if len(self.towns) < 2:  # one town: no place to tell apart
            self._town_of, self.towns = {}, frozenset()
            return
        held: Counter[str] = Counter()  # sessions per venue
        for s in kb.sessions:
            venue = kb.session_venue(s)
            if venue is not None:
                held[venue.id] += 1
                if venue.id in self._town_of:
                    self._town_of[s.id] = self._town_of[venue.id]
        # A town's own venue: the one holding most of its sessions.
        self._main: dict[Town, str] = {}
        for v in kb.venues:
            town = self._town_of.get(v.id)
            if town is not None and held[v.id] > held.get(self._main.get(town, ""), -1):
                self._main[town] = v.id

    def named(self, words: list[str]) -> Town | None:
        """The one town these folded words name, else None (none, or several: "from Cusco
        to Arequipa" asks of the trip, not of one town)."""
        if not self.towns:
            return None
        present = set(words)
        found = [t for t in self.towns if present.issuperset(t)]
        return found[0] if len(found) == 1 else None

    def town(self, entry: str | None) -> Town | None:
        """The town a session or venue is in (None for an FAQ or the event itself)."""
        return self._town_of.get(entry or "")

    def main_venue(self, town: Town) -> str | None:
        """The venue holding most of the town's sessions."""
        return self._main.get(town)
