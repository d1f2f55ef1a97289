"""Every threshold and weight of the matcher, in one typed place, each with its reason."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tuning:
    """The matcher's numbers. Change them here only; the question sets guard every one."""

    # Deciding
    threshold: float = 45.0  # below this score the matcher abstains
    suggest_floor: float = 12.0  # an abstention suggests only entries scoring at least this
    close: float = 0.75  # an entry whose phrasing the question is this close to beats a built-in
    builtin_enough: float = 60.0  # a built-in answers only a question close to one of its phrasings
    own_answer_score: float = 80.0  # a built-in's phrasing finds the KB's own FAQ this clearly...
    own_answer_share: float = 0.5  # ...for this share of its phrasings: that FAQ answers it instead
    day_note_share: float = 0.5  # an FAQ whose questions name a day this often explains it
    passage_words: int = 2  # rare words a question shares with one passage of a description...
    passage_weight: float = 0.8  # ...each this rare (a presenter's name, a talk's title words)
    named: float = 0.9  # a sentence this close to an entry's phrasing names it for "when is it?"
    stray: float = (
        0.9  # a topic word this rare (one entry's keyword) must be explained by the answer
    )
    paired: float = 55.0  # ...unless the match scores this, and another entry is asked about it
    # ("is lunch included in the fee?": two of the KB's topics, the stronger one answered)
    event_named: int = 2  # words of the event's name that call it by name ("Open Data Summit")
    background_hours: int = 3  # a session this long (an expo) is not all that comes next
    overviews: int = 5  # FAQs closest to a comparison of sessions weighed as its overview
    beside: int = (
        2  # content words either side of the organiser's or a venue's name that it governs
    )
    session_share: float = 0.7  # a where/when question's session beats an FAQ scoring up to
    # this much more (1/share): the FAQ matched the session's name, not the question asked
    hours_share: float = 0.3  # ...and an FAQ about when alone ("hora"), sharing nothing else
    whole: float = 0.99  # a long message holding one of an entry's phrasings whole...
    whole_coverage: float = 0.4  # ...answers with it when its words are this much of the message
    # Days and times
    day_pool: int = 8  # hits looked at for a session on the day a question names
    day_floor: float = 25.0  # ...and how well such a session must still fit the question's words
    day_share: float = 0.4  # ...relative to the best hit's score
    alike: float = 0.95  # sessions scoring this close to the best fit alike: today's is meant
    morning_after: int = 6  # hour: from then, the day after the last night is past the event
    lunch_end: int = 14  # hour: "after lunch" in a programme without a lunch of its own
    vehicle_reach: int = 6  # words: a vehicle this close before a time is the time's ("my flight
    # leaves on Wednesday at 17:00")
    short_question: int = 14  # words: a question this short names one topic, not a story
    few_topics: int = 4  # a day question with fewer topic words abstains on any unknown one
    early_hour: int = (
        8  # a bare hour below this, at a conference, is the afternoon ("at 3" = 15:00)
    )
    # Reading
    max_chars: int = 2000  # a question is read from its start; nobody types more in a chat
    max_parts: int = 2  # besides the main answer, at most this many more questions of one message
    aside: int = 4  # words a question of function words may hold beside a phrasing it asks
    min_sentence_words: int = 2  # a one-word fragment ("Thanks.") is never read alone
    other_language: float = 2.5  # weight of a function word of a language the event does not use
    # Index weights
    body: float = 0.5  # a word only in an answer or description explains less than a phrasing does
    light: float = 0.3  # weight of an unknown word that only says "what is on" or asks an aspect
    unknown: float = 0.6  # an unknown word may be the real topic, or just a word the KB never uses
    name: float = 1.0  # an unknown capitalised name ("Paris") is surely what the question is about
    keyword: float = (
        0.4  # how close a question matching a whole keyword is to the entry's phrasings
    )
    pool: int = 64  # entries scored exactly per question (all of them in a small KB)
    # Scoring one entry (index._hit)
    exact: float = 0.85  # this close to a phrasing and covering this much: the entry, whole
    evidence: float = 0.45  # matched weight below this is weak: one common word alone
    score_closeness: float = 0.5  # share of a score closeness decides; coverage weighs the rest
    rank_closeness: float = 0.8  # ...of the order of hits: a near question beats a long answer
    # Language evidence (language.language_scores), per language
    lang_letter: float = 2.0  # each letter or accent only some languages write ("ñ", "ã")
    lang_letters: int = 3  # ...counted up to this many of each: a name may repeat them
    lang_spelling: float = 2.0  # a spelling only this language has ("ção")
    lang_function: float = 1.5  # a function word or texting abbreviation of the language
    lang_own: float = 1.0  # a word only this language's texts of the KB use
    lang_shared: float = 0.5  # a word some of the languages share ("programa")
    lang_ending: float = 0.5  # an unknown word with one of the language's endings
    # Words and typos
    max_tokens: int = 64  # a question longer than this is read from its start only
    max_phrase: int = 4  # words in the longest synonym phrase looked for
    family: int = 6  # words sharing this many first letters are one family (hospedar, hospedaje)
    short_word: int = 4  # an unknown word this short may be a stopword mistyped ("teh")
    long_word: int = 10  # a word this long may hold two typos, a shorter one only one
    slip_free: int = 5  # a longer word may be repaired by any one edit, a shorter only by a slip
    slip_len: int = 5  # a day's name shorter than this, swapped or clipped, is another word
    group_words: int = 3  # a group a session is for is named in a few words ("the private sector")
    digit_run: int = 3  # digits said one by one from this many on are a number ("nine one one")
    age_reach: int = 3  # words between an age and the person it is said of ("my son is 15")
    adult_age: int = 18  # a person's age below this is a minor's ("tenho 15 anos": minors' FAQ)
    lone_number: int = 11  # a number word alone below this stays a word ("dos", "one": counts)
    longest_range: int = 31  # days: a longer range of days is no range of the event's days
    cognate: int = 6  # letters two languages' names of a place share ("univer-sity", "-sidad")
    introduction: int = 8  # words: an introduction longer than this is a question of its own
    story_words: int = 12  # words: a message this long may tell a story around its question
    first_name: int = 5  # letters a lowercase first name needs to name a speaker ("hannah")
    diminutive_base: int = 4  # letters "-ito"/"-inho" leave: "visita", "carinho" are words
    origin_words: int = 3  # words after "from"/"desde" that name where a trip starts, not where


TUNING = Tuning()
