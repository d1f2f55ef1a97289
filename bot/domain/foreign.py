"""Tell when a message is written in a language the bot does not speak for this event.

Each language is recognised by its own function words (folded, accent-free). A word two lists
share ("la", "que", "come") tells nothing and is dropped, so only words of one language count.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.language import tokens

_WORDS: dict[str, str] = {
    "en": """the is are was what when where how who which why do does did can could you your
        this that with for from there have has will would about should please thanks hello""",
    "es": """el los las que cuando donde quien quienes cual cuales es son esta estan hay para
        por con del una unos unas pero tambien usted ustedes hola gracias hoy manana tengo
        puedo quiero necesito sobre""",
    "pt": """os um uma uns umas quando onde quem qual quais sao voce voces nao tem isso isto
        com dos das pelo pela tambem muito obrigado obrigada ola oi hoje amanha eu pode
        posso quero preciso sobre""",
    "fr": """le les un une des est sont quand comment pourquoi qui quel quelle quels je vous
        nous ce cette avec pour dans sur pas bonjour merci il elle cest quest du au aux
        aujourdhui demain ou""",
    "de": """der die das ein eine ist sind wann wo wie warum wer was ich sie wir mit fur und
        nicht gibt bitte danke hallo guten auf zu im heute morgen""",
    "it": """il lo gli un una che come quando dove chi quale quali sono non con per della
        delle degli ciao grazie buongiorno questo questa quello oggi domani nel alla sulla ci""",
}


def _distinctive() -> dict[str, frozenset[str]]:
    lists = {lang: frozenset(words.split()) for lang, words in _WORDS.items()}
    return {
        lang: frozenset(w for w in words if not any(w in o for k, o in lists.items() if k != lang))
        for lang, words in lists.items()
    }


FUNCTION_WORDS: dict[str, frozenset[str]] = _distinctive()


def foreign_language(text: str, spoken: Sequence[str]) -> str | None:
    """Return the language `text` is written in when the bot does not speak it, else None.

    None also when the text is too short or mixed to tell: only a language with at least two
    of its own function words, more than any spoken language has, counts.
    """
    words = tokens(text)
    hits = {lang: sum(1 for w in words if w in own) for lang, own in FUNCTION_WORDS.items()}
    best = max(hits, key=lambda lang: hits[lang])
    if best in spoken or hits[best] < 2:
        return None
    if any(hits.get(lang, 0) >= hits[best] for lang in spoken):
        return None
    return best
