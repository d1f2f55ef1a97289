"""Numbers written out, read as digits: "el diecinueve" is "el 19", "vinte e um" is "21", "the
twenty-first" is "the 21th" (a day of the month), "novecientos once" and "nine one one" are
"911". Voice notes and careful writers spell numbers out; the date and clock readers and the
index read digits. Each language's number words are data in bot/domain/lang/.
"""

from __future__ import annotations

from collections.abc import Collection

from bot.domain.lang import by_language
from bot.domain.tuning import TUNING

_NUMBERS: dict[str, dict[str, int]] = by_language("NUMBER_WORDS", {})
_LINKS: dict[str, frozenset[str]] = by_language("NUMBER_LINKS")
_ORDINALS: dict[str, dict[str, int]] = by_language("ORDINAL_NUMBERS", {})
_DIGIT_RUN = TUNING.digit_run  # digits said one by one ("nine one one", "nove um um")
# A number word alone below this stays a word: "one", "dos", "dez" are counts, articles and
# hours the readers know as words ("a las dos", "in two days"); so does a lone hundred or
# thousand ("mil gracias").
_LONE_FROM = TUNING.lone_number
_HUNDRED, _THOUSAND = 100, 1000
_AGE = {
    name: by_language(name)
    for name in ("AGE_UNITS", "AGE_SELF", "AGE_PERSONS", "AGE_LINK", "AGE_OF")
}
_AGE_REACH = TUNING.age_reach
_MINOR = "minor"  # the concept an age below the age of majority is read as (lang/*: CONCEPTS)


def spelled_numbers(words: list[str], lang: str, known: Collection[str] = ()) -> list[str]:
    """`words` (folded) with each number written out in `lang` as one token of digits. A lone
    word the KB itself uses (`known`: "mil" in a title) is left as it is."""
    numbers = _NUMBERS.get(lang)
    if not numbers:
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        end, digits = _number_at(words, i, lang)
        lone = end == i + 1
        if digits is None or lone and (words[i] in known or _after_number(words, i, lang)):
            out.append(words[i])
            i += 1
            continue
        out.append(digits)
        i = end
    return out


def _after_number(words: list[str], i: int, lang: str) -> bool:
    """True when the word before i is a number or links one: "ten thirty", "las diez y
    quince" (an hour and its minutes, which the clock reader takes as words)."""
    if i == 0:
        return False
    before = words[i - 1]
    return before.isdigit() or before in _NUMBERS[lang] or before in _LINKS[lang]


def _number_at(words: list[str], i: int, lang: str) -> tuple[int, str | None]:
    """Where the number written out at i ends, and its digits (None when there is none there
    or it is a lone word below _LONE_FROM)."""
    numbers, links, ordinals = _NUMBERS[lang], _LINKS[lang], _ORDINALS[lang]
    run = i
    while run < len(words) and numbers.get(words[run], _LONE_FROM) < 10:
        run += 1
    if run - i >= _DIGIT_RUN:
        return run, "".join(str(numbers[w]) for w in words[i:run])
    total = current = 0
    end, ordinal = i, False
    k = i
    while k < len(words) and not ordinal:
        at = k + 1 if words[k] in links and end > i and k + 1 < len(words) else k
        word = words[at]
        ordinal = word not in numbers and word in ordinals
        value = ordinals[word] if ordinal else numbers.get(word)
        if value is None:
            break
        if value == _THOUSAND and not ordinal:
            if total:
                break
            total, current = max(current, 1) * _THOUSAND, 0
        elif value == _HUNDRED and 0 < current < 10:  # "nine hundred"
            current *= _HUNDRED
        elif current % 10 ** len(str(value)) == 0:  # "ciento" + "veinte" + "uno"
            current += value
        else:  # "nineteen ninety", "veinte treinta": two numbers, not one
            ordinal = False
            break
        end = k = at + 1
    if end == i:
        return i, None
    value = total + current
    if end == i + 1 and not _LONE_FROM <= value < _HUNDRED:  # "mil gracias": a lot of thanks
        return end, None
    return end, f"{value}th" if ordinal else str(value)


def minors(words: list[str], lang: str) -> list[str]:
    """`words` with a person's age below the age of majority read as the "minor" concept ("tenho
    15 anos" -> "tenho minor anos", "my 17 year old son" -> "my minor year old son"): a question
    about an age limit finds the KB's words for minors. The words around it stay."""
    age = {name: found.get(lang, frozenset()) for name, found in _AGE.items()}
    out = list(words)
    for i, w in enumerate(words[:-1]):
        if not w.isdigit() or int(w) >= TUNING.adult_age or words[i + 1] not in age["AGE_UNITS"]:
            continue
        then = words[i + 2 : i + 4]
        # "15 años de experiencia" counts something else ("15 años de edad" does not).
        counted = (
            then[:1]
            and then[0] in age["AGE_LINK"]
            and then[1:2] != []
            and (then[1] not in age["AGE_OF"])
        )
        near = words[max(0, i - _AGE_REACH) : i] + words[i + 2 : i + 2 + _AGE_REACH]
        said = (i and words[i - 1] in age["AGE_SELF"]) or age["AGE_PERSONS"].intersection(near)
        if said and not counted:
            out[i] = _MINOR
    return out
