"""A message's sentences, and whether one asks something.

Attendees write e-mails ("Dear organisers, ... I would like to know ... Best regards, Ana") and
several questions in one message; each sentence is read on its own when the whole says nothing.
"""

from __future__ import annotations

import re

from bot.domain.lang import by_language, merged, words_of
from bot.domain.language import accented, fold, tokens
from bot.domain.tuning import TUNING

# A sentence ends at . ! ? ; or a line break; "¿" and "¡" open one. Decimal points and times
# ("10.30", "3 p.m.") do not end one; nor does an abbreviation's single letter.
_SPLIT = re.compile(r"(?<=[.!?;:\n])\s+|\s*\n+\s*|(?=[¿¡])")
_ANDS = words_of("AND_WORDS")  # "and", "y", "e"
_JOINED = "|".join(sorted(_ANDS))
# "where's the party and what's the wifi password?": a second question joined by "and"; "...
# and if there is an e-mail" ("y si hay un correo", "e se tem"): a second indirect one.
_CLAUSE = re.compile(
    rf"\s*,?\s+(?:{_JOINED})\s+"
    r"(?=(?:what|whats|what's|where|wheres|where's|when|who|whos|who's|how|"
    r"which|will|is|are|can|do|does|qu[eé]|d[oó]nde|cu[aá]ndo|qui[eé]n(?:es)?|c[oó]mo|"
    r"cu[aá]l(?:es)?|cu[aá]nt[oa]s?|a qu[eé]|o que|onde|quando|quem|qual|quais|quant[oa]s?|vai|"
    r"tem|if|whether|si|se)\b)",
    re.IGNORECASE,
)
_AND = re.compile(rf"\s*,?\s+(?:{_JOINED})\s+", re.IGNORECASE)  # what _CLAUSE cuts at
# "will the talks be recorded, so the team can watch them later?": a reason or purpose after
# the question is a clause of its own (its words are not what is asked).
_REASON = re.compile(
    r"\s*,\s*(?:so that|so|since|as|porque|pois|para que|para|ya que|porque|pues)\s+"
    r"|\s+(?:because|porque|pois|ya que)\s+",
    re.IGNORECASE,
)
# "...and I need to know how long the event lasts": what follows a wish to know is the question
# (each language's WISH_LEADS).
# So does what follows a reported question ("mi jefa me preguntó quién organiza...").
_WISH = re.compile(
    "|".join(
        rf"(?<=\b{accented(lead)})\s+"
        for leads in by_language("WISH_LEADS", ()).values()
        for lead in leads
    ),
    re.IGNORECASE,
)
_MIN_WORDS = TUNING.min_sentence_words
# Each language's words (bot/domain/lang/), joined: a message's language is not known here.
_QUESTION_WORDS = words_of("QUESTION_WORDS")  # words that open a question
_TAGS = words_of("TAGS")  # tags that end a statement asking to confirm it
_STRONG_TAGS = words_of("STRONG_TAGS")  # ...those that need no question mark
_SALUTATIONS = words_of("SALUTATIONS")
_WISHES = words_of("WISHES")
_IF = words_of("IF_WORDS")  # open an indirect question after "and"
_LEADS = words_of("QUESTION_LEADS")  # before a question word: "a qué hora", "at what time"
_SHORT = merged("ABBREVIATIONS")  # "q" is "que"


# "I overslept, what did I miss this morning?": a statement, then its question after a comma.
_COMMA = re.compile(r"(?<=\w),\s+")
_WH = words_of("WH_WORDS")  # the words (and first words) a question opens with


def split_sentences(text: str, clauses: bool = False) -> list[str]:
    """The sentences of a message, each with at least two words; with `clauses`, "X and
    what/where/who Y" is two questions."""
    parts = [p.strip() for p in _SPLIT.split(text) if p and p.strip()]
    if clauses:
        parts = [c.strip() for p in parts for c in _CLAUSE.split(p) if c and c.strip()]
        parts = [c.strip() for p in parts for c in _led(p)]
        parts = [c.strip() for p in parts for c in _REASON.split(p) if c and c.strip()]
        parts = [c.strip() for p in parts for c in _WISH.split(p, maxsplit=1) if c and c.strip()]
    return [p for p in parts if len(tokens(p)) >= _MIN_WORDS]


def joined(sentence: str, first: str, second: str) -> bool:
    """True when `second` follows `first` in `sentence` joined by "and" ("...del país y cuántos
    socios tiene?"): cut there by `split_sentences`."""
    start = sentence.find(first)
    end = sentence.find(second, start + len(first)) if start >= 0 else -1
    return end >= 0 and _AND.fullmatch(sentence[start + len(first) : end]) is not None


def _led(sentence: str) -> list[str]:
    """A question ("...?") after a statement and a comma, as two clauses; else the sentence."""
    lead = lead_statement(sentence)
    return [lead, sentence[len(lead) + 1 :]] if lead else [sentence]


def lead_statement(sentence: str) -> str | None:
    """The statement a question follows after a comma ("I overslept, what did I miss?" ->
    "I overslept"), else None."""
    if not sentence.rstrip().endswith("?"):
        return None
    for comma in _COMMA.finditer(sentence):
        lead, rest = sentence[: comma.start()], tokens(fold(sentence[comma.end() :]))[:2]
        if rest and (rest[0] in _WH or " ".join(rest) in _WH):
            return None if opens_question(lead) or not lead.strip() else lead
    return None


def wished_for(sentence: str, clause: str) -> bool:
    """True when `clause` is what `sentence` wishes to know ("...I was wondering who runs it"),
    the question it ends with."""
    found = _WISH.split(sentence, maxsplit=1)
    return len(found) == 2 and found[1].strip() == clause.strip()


def asks(sentence: str) -> bool:
    """True when a sentence asks something: a question mark, a question word or a wish to know."""
    if "?" in sentence or "¿" in sentence:
        return True
    if indirect(sentence):
        return True
    # (texting's "q" is "que"; a lead word stays itself: English "to" is no Portuguese "tô")
    words = [w if w in _LEADS else _SHORT.get(w, w) for w in tokens(sentence)]
    # "y dónde es?", "and at what time?", "e a que horas?": a question joined to the one before.
    k = 0
    while k < min(len(words) - 1, 2) and (words[k] in _ANDS or words[k] in _LEADS):
        k += 1
    opens = bool(words) and words[k] in _QUESTION_WORDS
    return opens or any(w in _WISHES for w in words)


def asking_words(text: str) -> list[list[str]]:
    """The folded words of each sentence of `text` that asks something (see `asks`)."""
    return [tokens(fold(s)) for s in split_sentences(text) if asks(s)]


def indirect(sentence: str) -> bool:
    """True for a clause that asks indirectly, cut after "and" ("...y si dan certificado",
    "and whether there is parking")."""
    words = tokens(sentence)
    # "si es un banco, ¿por qué...?": a condition before its question asks nothing.
    return len(words) >= 3 and words[0] in _IF and not sentence.rstrip().endswith(",")


def opens_question(sentence: str) -> bool:
    """True when a sentence opens with a question word ("what time...", "¿dónde...")."""
    words = tokens(sentence)
    return bool(words) and words[0] in _QUESTION_WORDS


def confirms(text: str) -> bool:
    """True when a message asks to confirm what it states ("lunch is at 1, right?"), in any
    of its sentences ("So the talk is in room B, right? I need to tell my team.")."""
    if not _TAGS.intersection(tokens(text)):
        return False  # (most messages: no sentence to look at)
    return any(_confirms(s) for s in [text, *split_sentences(text)])


def _confirms(sentence: str) -> bool:
    words = tokens(sentence)
    return bool(words) and words[-1] in _TAGS and ("?" in sentence or words[-1] in _STRONG_TAGS)


def salutes(sentence: str) -> bool:
    """True for a salutation or sign-off ("Dear organisers,", "Estimados señores:", "Best
    regards, Ana"): courtesy, whatever words it holds."""
    words = tokens(sentence)
    return bool(words) and "?" not in sentence and words[0] in _SALUTATIONS
