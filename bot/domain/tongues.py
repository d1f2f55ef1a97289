"""Which language a message is written in, told by each language's own function words.

Each language is recognised by its function words (folded, accent-free). A word two of the
languages compared share ("la", "que", "come") tells nothing and is dropped, so only words of
one language count. The matcher tells Spanish from English; this also knows the languages an
event may add (Portuguese) and the ones it does not speak (French, German, Italian).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from bot.domain.language import tokens

_WORDS: dict[str, str] = {
    "en": """the is are was what when where how who which why do does did can could you your
        this that with for from there have has will would about should please thanks hello""",
    "es": """el los las que cuando donde quien quienes cual cuales es son esta estan hay para
        por con del una unos unas pero tambien usted ustedes hola gracias hoy manana tengo
        puedo quiero necesito sobre""",
    "pt": """os uma uns umas quando onde quem qual quais sao voce voces nao tem isso isto com
        tambem muito obrigado obrigada oi hoje amanha eu pode posso quero que para por esta
        sobre do ao aos em vai ter sou ele ela nossa nosso desta deste apenas quanto quantos
        quantas tudo bem boa meu minha seu sua""",
    "fr": """le les un une des est sont quand comment pourquoi qui quel quelle quels je vous
        nous ce cette avec pour dans sur pas bonjour merci il elle cest quest du au aux
        aujourdhui demain ou""",
    "de": """der die das ein eine ist sind wann wo wie warum wer was ich sie wir mit fur und
        nicht gibt bitte danke hallo guten auf zu im heute morgen""",
    "it": """il lo gli un una che come quando dove chi quale quali sono non con per della
        delle degli ciao grazie buongiorno questo questa quello oggi domani nel alla sulla ci""",
}
_LISTS = {lang: frozenset(words.split()) for lang, words in _WORDS.items()}


@cache
def function_words(among: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Return each language's function words that none of the other languages `among` uses."""
    known = [lang for lang in among if lang in _LISTS]
    return {
        lang: frozenset(
            w for w in _LISTS[lang] if not any(w in _LISTS[o] for o in known if o != lang)
        )
        for lang in known
    }


def _hits(text: str, among: tuple[str, ...]) -> dict[str, int]:
    words = tokens(text)
    return {lang: sum(w in own for w in words) for lang, own in function_words(among).items()}


def foreign_language(text: str, spoken: Sequence[str]) -> str | None:
    """Return the language `text` is written in when the bot does not speak it, else None.

    None also when the text is too short or mixed to tell: only a language with at least two
    of its own function words, more than any spoken language has, counts.
    """
    hits = _hits(text, tuple(_LISTS))
    best = max(hits, key=lambda lang: hits[lang])
    if best in spoken or hits[best] < 2:
        return None
    if any(hits.get(lang, 0) >= hits[best] for lang in spoken):
        return None
    return best


def written_in(text: str, among: Sequence[str]) -> str | None:
    """Return the one language of `among` whose function words `text` uses, else None.

    None when no such word is there, or when words of two of the languages are.
    """
    hits = _hits(text, tuple(among))
    found = [lang for lang, n in hits.items() if n]
    return found[0] if len(found) == 1 else None


def reply_language(text: str, detected: str, spoken: Sequence[str]) -> str:
    """Return the language to answer `text` in, given the one the matcher `detected`.

    Another spoken language wins when `text` uses only its function words ("Quando é a
    clínica?" is Portuguese, not the Spanish its accents suggest).
    """
    if foreign_language(text, spoken) is not None:
        return detected
    own = written_in(text, spoken)
    return own if own is not None else detected
