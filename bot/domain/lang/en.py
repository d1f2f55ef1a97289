"""English: the words and phrasings the matcher reads English with (data only)."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


BUILTINS: dict[str, tuple[str, ...]] = {
    "greeting": ("hello", "hi", "hey", "hi there", "good morning", "good afternoon",
                 "good evening", "greetings", "yo"),
    "thanks": ("thanks", "thank you", "thank you very much", "thanks a lot", "many thanks",
               "cheers", "great thanks", "ok thanks", "perfect thanks", "appreciated"),
    "help": ("help", "what can you do", "how does this work", "what can i ask",
             "how do i use this", "what do you know", "who are you", "commands", "menu"),
    "event:what": ("what is this event", "what is the event about", "what is this conference",
                   "tell me about the event", "what is this", "what is it about"),
    "event:when": ("when is the event", "what are the dates", "when does the event take place",
                   "dates of the conference", "when is it"),
    "event:where": ("where is the event", "where does the event take place",
                    "where is the conference", "where is it", "which city"),
    "event:organiser": ("who organises the event", "who organizes this", "who runs this event",
                        "who is behind the conference", "who is the organiser", "organizer",
                        "who hosts it", "who puts it on"),
    "event:contact": ("how can i contact the organisers", "contact", "contact email",
                      "phone number of the organizers", "who do i contact", "email address"),
    "event:duration": ("how long is the event", "how many days is the conference",
                       "how long does it last", "how many days"),
    "event:website": ("website", "what is the website", "web page", "url of the event",
                      "official site", "link to the website"),
    "venue:address": ("which room", "what room", "which floor", "what floor", "room number",
                      "what is the address", "address of the venue", "exact address",
                      "street address", "where exactly"),
    "venue:directions": ("is there parking", "where can i park", "parking",
                         "where can i leave the car", "public transport", "nearest station",
                         "from the train station", "which station", "by bus", "by metro",
                         "how do i get there", "directions", "how to get to the venue",
                         "how can i get there", "how do i get to the venue"),
}  # fmt: skip

# Words that tell this language from the others in a short text (folded: lowercase, no accents).
FUNCTION_WORDS = _words(
    """the is are was what whats when where how who which why do does did can could i my we you
    your it its this that there on at of for to from with will would should be have has an and
    today tomorrow yesterday now next after week day days date time event thanks thank hello hey
    help please any anything something get tell u ur pls plz thx mon tue tues wed weds thu thur
    thurs fri sat sun"""
)
# Endings typical of the language: weak evidence for a word no list knows.
ENDINGS: tuple[str, ...] = (
    "tion",
    "tions",
    "ing",
    "ness",
    "ship",
    "ful",
    "ed",
    "ly",
    "th",
    "sh",
    "ck",
    "w",
    "y",
)
# Letters only (or mostly) this language writes, counted before folding.
MARKS = ""
ACCENTS = ""
# Words that ask for one of a session's facts (when, where, who, which room) or name a
# session in general: beside a session's own words they are what is asked, not its topic.
ASPECTS = _words(
    """when where who whom whose time times date day hour room rooms floor speaker speakers speak
    speaks speaking teach teaches teaching taught presents present presenting gives give giving
    runs run leads lead hosts host"""
)
# Tags that turn a statement into a question to confirm ("lunch is at 1, right?").
CONFIRMATION = _words("""right correct yes true isnt isn it confirm sure""")
# Nouns that name the event itself ("who runs this workshop?"), whatever it is called.
EVENT_NOUNS = _words("event conference congress summit workshop meetup symposium forum week")
# "What do I miss?" beside an arrival (or, with LEAVE, a departure) day or time.
MISS = _words("miss missing")  # not "missed", "did I miss": what was on then
LEAVE = _words("leave leaving depart departing")
# "When does day 3 end / start?": the day's last or first session.
DAY_END = _words("end ends ending finish finishes finishing wrap close closes")
DAY_START = _words("start starts begin begins kick")
# A spelling only this language has (regular expression over the lowercased text, or "").
PATTERN = r""
