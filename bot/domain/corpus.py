"""The knowledge base as the matcher reads it: index documents and texts by language."""

from __future__ import annotations

from bot.domain.index import Document
from bot.domain.knowledge import KnowledgeBase


def documents(kb: KnowledgeBase) -> list[Document]:
    """One index document per session and FAQ entry: phrasings, keywords and body text."""
    docs = []
    for s in kb.sessions:
        phrasings = (*s.questions.all(), s.title.es, s.title.en)
        body: tuple[str, ...] = (s.summary.es, s.summary.en, s.description.es, s.description.en)
        if s.know is not None:
            body += (s.know.es, s.know.en)
        docs.append(Document(s.id, phrasings, s.keywords.all(), body))
    for f in kb.faqs:
        body = (f.answer.es, f.answer.en)
        docs.append(Document(f.id, f.questions.all(), f.keywords.all(), body))
    return docs


def texts_by_language(kb: KnowledgeBase) -> tuple[list[str], list[str]]:
    """Every user-facing text of the KB, Spanish then English: the language evidence."""
    es: list[str] = [kb.event.name.es, kb.event.description.es]
    en: list[str] = [kb.event.name.en, kb.event.description.en]
    for s in kb.sessions:
        es += [s.title.es, s.summary.es, s.description.es, *s.questions.es, *s.keywords.es]
        en += [s.title.en, s.summary.en, s.description.en, *s.questions.en, *s.keywords.en]
    for f in kb.faqs:
        es += [f.answer.es, *f.questions.es, *f.keywords.es]
        en += [f.answer.en, *f.questions.en, *f.keywords.en]
    return es, en
