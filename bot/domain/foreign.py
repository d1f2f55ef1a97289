"""Tell when a message is written in a language the event does not speak.

Each language is recognised by its function words: those of the languages confbot speaks come
from their resources (bot.domain.lang), and a few languages it does not speak are listed here.
A word two languages share ("la", "que", "come") tells nothing and is dropped, so only words of
one language count.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from bot.domain.lang import LANGUAGES, words_of
from bot.domain.language import tokens

# Function words (folded) of languages attendees may write in that confbot has no resources for.
_UNSPOKEN: dict[str, str] = {
    "fr": """le les un une des est sont quand comment pourquoi qui quel quelle quels je vous
        nous ce cette avec pour dans sur pas bonjour merci il elle cest quest du au aux
        aujourdhui demain ou de la""",
    "de": """der die das ein eine ist sind wann wo wie warum wer was ich sie wir mit fur und
        nicht gibt bitte danke hallo guten auf zu im heute morgen""",
    "it": """il lo gli un una che come quando dove chi quale quali sono non con per della
        delle degli ciao grazie buongiorno questo questa quello oggi domani nel alla sulla ci""",
}


@cache
def _lists() -> dict[str, frozenset[str]]:
    lists = {lang: words_of("FUNCTION_WORDS", lang) for lang in LANGUAGES}
    lists |= {lang: frozenset(words.split()) for lang, words in _UNSPOKEN.items()}
    return {
        lang: frozenset(w for w in words if not any(w in o for k, o in lists.items() if k != lang))
        for lang, words in lists.items()
    }


def foreign_language(text: str, spoken: Sequence[str]) -> str | None:
    """Return the language `text` is written in when the event does not speak it, else None.

    None also when the text is too short or mixed to tell: only a language with at least two
    of its own function words, more than any spoken language has, counts.
    """
    words = tokens(text)
    hits = {lang: sum(1 for w in words if w in own) for lang, own in _lists().items()}
    best = max(hits, key=lambda lang: hits[lang])
    if best in spoken or hits[best] < 2:
        return None
    if any(hits.get(lang, 0) >= hits[best] for lang in spoken):
        return None
    return best
