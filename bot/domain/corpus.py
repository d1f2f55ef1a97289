"""The knowledge base as the matcher reads it: index documents and texts by language."""

from __future__ import annotations

from bot.domain.index import Document
from bot.domain.knowledge import KnowledgeBase, Localized, Session


def _all(*texts: Localized | None) -> tuple[str, ...]:
    return tuple(t for text in texts if text is not None for t in text.values())


def _people(s: Session) -> tuple[str, ...]:
    """A session's room, track and speakers: words that name it as well as its title does."""
    names = tuple(p.name for p in s.speakers)
    return names + _all(s.room, s.track)


def documents(kb: KnowledgeBase) -> list[Document]:
    """One index document per session and FAQ entry: phrasings, keywords and body text."""
    docs = []
    # A programme held in several cities: a session is found by its venue's city too.
    cities = {v.city.values() for v in kb.venues if v.city}
    for s in kb.sessions:
        phrasings = (*s.questions.all(), *s.title.values())
        body = _all(s.summary, s.description, s.know)
        affiliations = _all(*(p.affiliation for p in s.speakers))
        venue = kb.session_venue(s)
        if len(cities) > 1 and venue is not None:
            affiliations += _all(venue.city)
        keywords = (*s.keywords.all(), *_people(s))
        docs.append(Document(s.id, phrasings, keywords, body, names=affiliations))
    for f in kb.faqs:
        docs.append(Document(f.id, f.questions.all(), f.keywords.all(), f.answer.values()))
    return docs


def texts_by_language(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Every user-facing text of the KB written in each language: the language evidence."""
    found: dict[str, list[str]] = {lang: [] for lang in kb.languages}

    def add(*texts: Localized | None) -> None:
        for text in texts:
            for lang, value in text.texts if text is not None else ():
                found.setdefault(lang, []).append(value)

    add(kb.event.name, kb.event.description)
    for s in kb.sessions:
        add(s.title, s.summary, s.description)
        for lang, items in (*s.questions.by_lang, *s.keywords.by_lang):
            found.setdefault(lang, []).extend(items)
    for f in kb.faqs:
        add(f.answer)
        for lang, items in (*f.questions.by_lang, *f.keywords.by_lang):
            found.setdefault(lang, []).extend(items)
    return found
