"""English: the words and phrasings the matcher reads English with (data only)."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


BUILTINS: dict[str, tuple[str, ...]] = {
    "greeting": ("hello", "hi", "hey", "hi there", "good morning", "good afternoon",
                 "good evening", "greetings", "yo",
                 "hiya", "howdy", "good day", "hello there", "hey there", "morning", "evening"),
    "thanks": ("thanks for the info", "thanks for the information", "thank you for your help",
               "thanks for your answer", "thanks a lot for the info", "thanks", "thank you",
               "thank you very much", "thanks a lot", "many thanks",
               "cheers", "great thanks", "ok thanks", "perfect thanks", "appreciated",
               "thx", "ty", "thank u", "thanks so much", "much appreciated", "awesome thanks",
               "great thank you", "brilliant thanks", "thanks mate", "cool thanks",
               "got it thanks", "thanks heaps"),
    "help": ("help", "what can you do", "how does this work", "what can i ask",
             "how do i use this", "what do you know", "who are you", "commands", "menu",
             "what do you do",
             "what sort of things can i ask", "what can i ask you",
             "what kind of questions can you answer", "what are you", "how can you help",
             "how can you help me", "what can you help with", "can you help me", "i need help",
             "what should i ask", "options", "what are your commands", "how do i use you",
             "what do you answer", "what is this for", "what is this bot for", "what are you for"),
    "event:what": ("what is this event", "what is the event about", "what is this conference",
                   "tell me about the event", "what is this", "what is it about",
                   "what is this all about", "whats this event", "what kind of event is this",
                   "what is the conference about", "tell me more about the event",
                   "what is the event called", "whats the name of the event",
                   "what is the official name", "describe the event", "what is happening here"),
    "event:when": ("when is the event", "what are the dates", "when does the event take place",
                   "dates of the conference", "when is it",
                   "when is it happening", "when does it happen", "when is the conference",
                   "what dates", "which dates", "what day is it on", "which days",
                   "what days is it", "when does it take place", "when is this",
                   "what are the event dates"),
    "event:where": ("where is the event", "where does the event take place",
                    "where is the conference", "where is it", "which city",
                    "where is it happening", "where is it held", "where is it being held",
                    "where is the venue", "what is the venue", "which venue", "where will it be",
                    "what city is it in", "which city is it in", "where does it happen",
                    "location", "what is the location", "where do i go", "where should i go",
        "wheres the venue",
        "wheres the event",
        "wheres it"),
    "event:organiser": ("who organises the event", "who organizes this", "who runs this event",
                        "who is behind the conference", "who is the organiser", "organizer",
                        "who hosts it", "who puts it on",
                        "who is organising", "who is organizing this", "who is running the event",
                        "who runs it", "who is hosting", "who hosts the event",
                        "who is putting this together", "which organisation is behind this",
                        "which organization runs it", "who is in charge", "who organised this",
                        "who are the hosts", "organisers", "organizers", "organising committee",
        "who is hosting it",
        "who is hosting the event",
        "who is behind it"),
    "event:contact": ("how can i contact the organisers", "contact", "contact email",
                      "phone number of the organizers", "who do i contact", "email address",
                      "how do i reach the organisers", "how can i reach the organizers",
                      "how can i get in touch", "get in touch",
                      "is there an email i can write to", "email", "phone number",
                      "who can i talk to", "who should i contact", "contact details",
                      "contact info", "how do i contact you", "can i call someone",
                      "what is the email",
        "is there a whatsapp number",
        "whatsapp",
        "whats the email",
        "email of the organisers",
        "email of the office",
        "how do i email the organisers",
        "organisers email"),
    "event:duration": ("how long is the event", "how many days is the conference",
                       "how long does it last", "how many days",
                       "how long does it run", "how long is it", "how many days does it last",
                       "is it one day or more", "how long does the whole thing last",
                       "how long will it take"),
    "event:website": ("website", "what is the website", "web page", "url of the event",
                      "official site", "link to the website",
                      "is there a website", "website link", "where can i find more info online",
                      "more information online", "where can i read more", "whats the url", "link",
                      "homepage", "where is the website", "event page", "web site"),
    "venue:address": ("which room", "what room", "which floor", "what floor", "room number",
                      "what is the address", "address of the venue", "exact address",
                      "street address", "where exactly",
                      "whats the address", "where exactly is it", "exact location",
                      "what street is it on", "address please", "full address",
                      "where is the venue located", "location of the venue", "which building"),
    "venue:directions": ("is there parking", "where can i park", "parking",
                         "where can i leave the car", "public transport", "nearest station",
                         "from the train station", "which station", "by bus", "by metro",
                         "how do i get there", "directions", "how to get to the venue",
                         "how can i get there", "how do i get to the venue",
                         "whats the best way to get there", "best way to get to the venue",
                         "how do i get there by public transport",
                         "how do i get there by transit", "which subway stop is closest",
                         "closest station", "nearest metro station", "nearest bus stop",
                         "closest subway station", "how to get there", "getting there",
                         "can i walk there", "is there a parking lot", "where do i park",
                         "car park", "parking nearby", "by subway", "by train", "by taxi",
                         "by car"),
    "event:start": ("what time does it start", "when does it start",
                    "what time does the event start", "when does the day start",
                    "what time do we start", "what time does it begin", "when does it begin",
                    "when does it kick off", "what time does it kick off",
                    "what time do doors open", "when do doors open", "start time",
                    "what time should i arrive", "what time should i be there",
                    "when does the first session start", "how early should i come",
                    "when do we begin", "opening time"),
    "event:end": ("what time does it finish", "when does it end", "what time does it end",
                  "when does the day wrap up", "what time does everything finish",
                  "what time does it close",
                  "what time does it wrap up", "end time",
                  "when does the last session end", "finish time", "when will it finish",
                  "when do we finish", "what time are we done"),
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
EVENT_NOUNS = _words(
    "event conference congress summit workshop meetup symposium forum week hackathon festival"
)
# "What do I miss?" beside an arrival (or, with LEAVE, a departure) day or time.
MISS = _words("miss missing")  # not "missed", "did I miss": what was on then
LEAVE = _words(
    "leave leaves leaving depart departs departing stay return returning"
)  # "I can only stay until 2"
# "When does day 3 end / start?": the day's last or first session.
DAY_END = _words(
    "end ends ending ended finish finishes finishing finished wrap close closes closed"
)
DAY_START = _words("start starts started begin begins began begun kick open opens opened")
# A spelling only this language has (regular expression over the lowercased text, or "").
PATTERN = r""
# Words that name a strand of parallel sessions ("the data science track").
TRACK_WORDS = _words("track tracks stream strand")
# Arriving ("I arrive on the 21st, what do I miss?"): what comes before is missed.
ARRIVE = _words("arrive arriving arrives land lands landing get getting arrival")
# Arriving and leaving in two words ("I fly in on the 20th", "we head out Thursday").
ARRIVE_PHRASES = frozenset(["fly in", "flying in", "flies in", "get in", "getting in", "come in"])
LEAVE_PHRASES = frozenset(
    [
        *("fly out", "flying out", "flies out", "head out", "heading out"),
        *("fly home", "flying home", "fly back", "flying back", "head home", "heading home"),
        *("go home", "going home", "go back", "going back", "flight home", "flight back"),
    ]
)
# "...what do I still get to see?": "get" before these is a chance, not an arrival.
GET_TO = _words("see attend watch hear catch join meet do go visit enjoy")
# What one can still attend beside an arrival or departure ("what will I still catch?").
CATCH = _words("catch still attend left")  # "anything left that day?"
# Past forms that, beside an arrival, still ask what one misses ("what will I have missed?").
MISSED = _words("missed")
# Month names and abbreviations (folded), by month number.
MONTHS: dict[str, int] = {
    **dict.fromkeys(["january", "jan"], 1),
    **dict.fromkeys(["february", "feb"], 2),
    **dict.fromkeys(["march"], 3),
    **dict.fromkeys(["april", "apr"], 4),
    **dict.fromkeys(["may"], 5),
    **dict.fromkeys(["june", "jun"], 6),
    **dict.fromkeys(["july", "jul"], 7),
    **dict.fromkeys(["august", "aug"], 8),
    **dict.fromkeys(["september", "sep", "sept"], 9),
    **dict.fromkeys(["october", "oct"], 10),
    **dict.fromkeys(["november", "nov"], 11),
    **dict.fromkeys(["december", "dec"], 12),
}
# Weekday names and abbreviations (folded), Monday = 0.
WEEKDAYS: dict[str, int] = {
    **dict.fromkeys(["monday", "mon"], 0),
    **dict.fromkeys(["tuesday", "tue", "tues"], 1),
    **dict.fromkeys(["wednesday", "wed", "weds"], 2),
    **dict.fromkeys(["thursday", "thu", "thur", "thurs"], 3),
    **dict.fromkeys(["friday", "fri"], 4),
    **dict.fromkeys(["saturday", "sat"], 5),
    **dict.fromkeys(["sunday", "sun"], 6),
}
# Numbers written out ("the twenty-first", "nine one one", "two thousand fifteen"), as digits.
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
}  # fmt: skip
NUMBER_LINKS = _words("and")  # "nine hundred and eleven"
# Ordinals written out: a day of the month ("on the twenty-first").
ORDINAL_NUMBERS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
# A person's age ("I'm 15", "my son is 15 years old", "my 17 year old son"): a number and a
# unit of years, with the asker speaking of themself just before it (AGE_SELF) or a person named
# near it (AGE_PERSONS); "a 3 year old event" and "10 years of experience" are no age. Below the
# age of majority (TUNING), read as the "minor" concept.
AGE_UNITS = _words("year years yr yrs yo")
AGE_SELF = _words("im am")
AGE_PERSONS = _words(
    "son sons daughter daughters kid kids child children brother sister nephew niece teen"
)
AGE_LINK = _words("of")  # between the unit and what it counts ("years of experience")
AGE_OF = _words("age")  # "15 years of age": still an age
# Words pointing at the room the asker is in ("I'm in Hall B: what's next here?"): beside a
# room named in the same message, that room.
ROOM_HERE: tuple[str, ...] = ("this room", "in here", "here")
# Words after which the question follows ("I need to know how long…", "my boss asked me who…"),
# folded: what follows them is a clause of its own.
WISH_LEADS: tuple[str, ...] = (
    "know", "asked me", "me asked", "wondering", "wonder", "find out", "explain",
)  # fmt: skip
# Words that correct what was just said ("the Tuesday... sorry, I meant Wednesday"): with a
# day on each side, the day after them is the one asked.
CORRECTIONS: tuple[str, ...] = ("i mean", "i meant", "sorry i meant", "my mistake", "correction")
# The year as a unit: "next year" is another edition, no next session.
YEAR_WORDS = _words("year years")
# Beside a year word, the last one: another edition ("last year", "the previous year").
LAST_YEAR = _words("last previous")
# Beside a year word, the next one: another edition.
NEXT_YEAR = _words("next coming following")
# Who a session is for: "is there anything for NGOs?", "is it only for governments?". After a
# head word and a link, the group named is the audience asked about, not a topic.
FOR_WHOM_HEADS = _words("anything something only just meant aimed intended suitable relevant")
FOR_WHOM_LINKS = _words("for")
FOR_WHOM_ANY = _words("any a an some")  # "is there a session for..."
# Between the first and last day of a range of days.
DAY_RANGE = _words("to till until through thru")  # "from the 20th to the 22nd"
# What remains of today, asked beside it.
LEFT_WORDS = _words("left remaining remain")  # "what's left today?"
# Verbs that join a thing to what is said of it.
COPULAS = _words("is are was will")  # "the final is on Wednesday, right?": the day is claimed
# Small counts ("in two days").
COUNTS: dict[str, int] = {
    **dict.fromkeys(["one", "a"], 1),
    **dict.fromkeys(["two", "couple"], 2),
    **dict.fromkeys(["three"], 3),
    **dict.fromkeys(["four"], 4),
    **dict.fromkeys(["five"], 5),
    **dict.fromkeys(["six"], 6),
    **dict.fromkeys(["seven"], 7),
}
# Words that carry no topic (folded). Question words that do carry one (where, when, what
# time, why) are absent: the synonyms map them to the aspects they ask about.
PERSONS = {"we": "i", "us": "me", "our": "my", "ourselves": "myself"}  # "how do we get there?"
ARTICLES = _words("the")  # "the hotel", "el hotel": a name's article is any article
STOPWORDS = _words(
    """between stuff
    a an the is are was were be been being am do does did doing have has had having i me my mine
    we our us you your it its this that these those there here of in on at to for from by with
    about as into onto than then so and or but if not no any anything some something all what
    which who whom whose how will would shall should can could may might must also just please
    tell know want wanna like need give show let get got im ive id dont doesnt isnt arent wont
    cant whats thing things one ones out up very really whether else again more much other held
    available after before tell show explain take takes taking took until during anyone anybody
    someone somebody they them their theirs he she him his her hers everyone everybody
    everything gets gimme gotta lemme"""
)
# Chat filler: apologies, asides about the asker, hedges and discourse markers.
FILLER = _words(
    """approx approximately roughly outside abroad overseas sharp oclock briefly nutshell
    exactly precisely own only beforehand officially generally usually normally typically
    sorry bother bothering apologies apologize dear sir madam guys folks oh ok okay well um uh
    hmm yeah yes yep sure anyway btw actually basically honestly maybe perhaps probably quick
    quickly bit little lot lots kind sort somewhat somewhere wondering wonder wondered curious
    hoping hope ask asked asking find found finding figure wanted wants trying try tried told
    say said heard hear think thought guess boss colleague colleagues friend friends team
    manager myself yourself ourselves itself himself herself themselves just landed arrived
    arriving lost confused new here still
    already yet precisely anyone somebody kindly advance appreciate appreciated because theres
    thats heres hows whos mate buddy bro dude change changes changed changing different required
    mandatory necessary compulsory nearby near around close stand acronym door doors entrance
    gate ceremony host hosts hosted hosting main key smart final whole keep afterwards afterward
    cool lol lmao haha hahaha hehe xd even mmm mm hmmm send sends sent writing behalf expected
    expecting representing erm er uhm umm ehm"""
)
# Phrases of two words read as the one word they mean ("take part" is "participate", not a
# part), or as none; the second word becomes a function word, so positions are kept.
PHRASAL: dict[tuple[str, str], str] = {
    ("take", "part"): "participate", ("takes", "part"): "participates",
    ("taking", "part"): "participating", ("took", "part"): "participated",
    ("few", "words"): "the",  # "in a few words"
}  # fmt: skip
# Texting abbreviations ("dnd" is "donde" in Spanish, "D&D" in English).
ABBREVIATIONS: dict[str, str] = {
        "u": "you", "ur": "your", "r": "are", "pls": "please", "plz": "please", "thx": "thanks",
        "thnx": "thanks", "ty": "thanks", "2day": "today", "2moro": "tomorrow",
        "2morrow": "tomorrow", "b4": "before", "wat": "what", "wht": "what", "wen": "when",
        "whn": "when", "wher": "where", "whr": "where", "hw": "how", "info": "information",
        "addr": "address", "hrs": "hours", "hr": "hour", "bc": "because", "cuz": "because",
        "coz": "because", "abt": "about", "conf": "conference", "tho": "though",
        "mtg": "meeting", "mtgs": "meetings",
        "reg": "registration", "rehab": "rehabilitation", "prog": "programme",
        "sched": "schedule", "tmrw": "tomorrow",
        "rn": "now", "atm": "now", "tmr": "tomorrow", "tmw": "tomorrow", "tonite": "tonight",
        "wya": "where", "wru": "where", "ppl": "people", "rm": "room", "loc": "location",
        "incl": "included", "approx": "about", "addy": "address", "w": "with", "wo": "without",
        "pic": "photo", "pics": "photos", "bday": "birthday", "msg": "message",
        "govt": "government",
}  # fmt: skip
# The people who run the event: they may stand beside a built-in question ("the secretariat's
# email", "el correo de los organizadores").
ORGANISER_NOUNS = _words(
    """secretariat organisers organizers organising organizing committee staff team"""
)
# The word that asks what a thing is ("what is X?").
WHAT = _words("what whats")
# What a venue is called in general ("how do I get to the venue?").
VENUE_NOUNS = _words("venue")
# What a question about a session mostly wants (bot/domain/focus.py): its place, its time,
# or what it is; CLOCK words make a "what" ask when ("what time...").
FOCUS_WHERE = _words("where wheres venue address location located")
FOCUS_WHEN = _words("when whens date day time start starts begin begins")
FOCUS_ABOUT = _words("what about explain describe tell objective purpose topics who why")
FOCUS_CLOCK = _words("time hour day date")
FOCUS_DAY = _words("day date days dates")  # asked which day, not at what time
# Words that open a question (folded).
QUESTION_WORDS = _words(
    """what whats which who whos whom whose when whens where wheres why how hows is are can could
    do does did will would
    should may"""
)
# Words that sweep the rest of the programme into a claim ("everything else is at...").
ALL_OF = _words("everything all rest else except besides other others")
# Tags that end a statement asking to confirm it; the strong ones need no question mark.
TAGS = _words("right correct yes true")
STRONG_TAGS = _words("right")
# Words that open a salutation or sign-off ("Dear organisers,", "Best regards").
SALUTATIONS = _words("dear best kind warm regards greetings")
# Words of a wish to know ("I would like to know..."): the sentence asks.
WISHES = _words("know wondering wonder confirm tell")
# A person's contact details ("her email", "su correo"): the KB gives a speaker's only
# when a speaker's own text holds them.
CONTACT_WORDS = _words("email mail phone telephone number whatsapp linkedin instagram contact")
# Words that thank ("thanks", "gracias"): with greetings and praise alone, a message only
# thanks ('thanks, that's really useful!').
THANKS = _words("thanks thank thx ty cheers appreciated appreciate")
# Praise and intensifiers that ride along with thanks or a greeting ('awesome', 'genial').
PRAISE = _words(
    """awesome great useful helpful perfect nice excellent wonderful amazing brilliant super
    fantastic lovely good much lot lots so very really kind"""
)

# Words addressing the one thanked or greeted as a friend ("thanks man", "cheers mate"), and
# what a thanks says it did ("that helped a lot").
VOCATIVES = _words(
    "man mate bro buddy dude pal guys folks friend helped saved info information informations"
)
# Words of a request ("I need", "necesito", "preciso"): after thanks, a request is asked.
REQUESTS = _words("need needs want wants could can please send")
# Greetings and thanks: beside a question about something else, manners, not its topic.
COURTESY = _words("hello hi hey thanks thank greetings good cheers")
# Polite words that join the greetings in weighing little ("please", "por favor").
POLITE = _words("please morning")
# Words that frame a question about any topic ("tell me about", "do they give",
# "recommend"): never the topic itself, whether or not the KB happens to use them.
FRAMING = _words(
    """exist exists existed sell sells selling kick
    focus focuses talk talks discuss discussed cover covers covered mean means describe info
    details detail learn say says deal recommend recommended recommendation suggest give gives
    provide provided offer offered bring brings consist consists tackle tackles tackled
    showing playing"""
)
# Verbs of bringing something along: the thing brought is what is asked about.
BRING = _words("bring")
# Tasks asked of the assistant itself ("can you write me..."): no question about the event.
TASKS = _words("write translate generate draw debug solve")
# Words that address the assistant ("can you", "¿puedes?").
BOT_NAMES = _words("bot chatbot assistant")  # "hello bot": a greeting to the bot itself
ADDRESS = _words("you")

# Time words (bot/domain/date_words.py joins every language's). Words that name a day relative
# to today, "now" or "next": (kind, offset).
RELATIVE_WORDS: dict[str, tuple[str, int]] = {
    **dict.fromkeys(("today", "tonight", "tonite", "2day", "tday"), ("day", 0)),
    **dict.fromkeys(("tomorrow", "tmrw", "tmr", "2moro", "2morrow"), ("day", 1)),
    **dict.fromkeys(("yesterday", "yday", "ystrdy"), ("day", -1)),
    **dict.fromkeys(("now", "currently"), ("now", 0)),
    **dict.fromkeys(("next", "upcoming"), ("next", 0)),
}
# Phrases that name a time: (kind, offset); "week" counts days from this week's Monday.
TIME_PHRASES: dict[tuple[str, ...], tuple[str, int]] = {
    ("day", "after", "tomorrow"): ("day", 2),
    ("this", "week"): ("week", 0),
    ("whole", "week"): ("event-week", 0),
    ("all", "week"): ("event-week", 0),
    ("next", "week"): ("week", 7),
    ("after", "that"): ("next", 0),  # "and after that?"
    ("afterwards",): ("next", 0),
    ("weekend",): ("weekday", 5),
    ("this", "morning"): ("day", 0),
    ("this", "afternoon"): ("day", 0),
    ("this", "evening"): ("day", 0),
    ("right", "now"): ("now", 0),
}
# Ordinals of the event's days ("the third day"); -1 is the last.
ORDINAL_DAYS: dict[str, int] = {
    **dict.fromkeys(("first", "opening", "inaugural"), 0),
    "second": 1, "third": 2, "fourth": 3, "fifth": 4,
    **dict.fromkeys(("last", "final", "closing"), -1),
}  # fmt: skip
DAY_NOUNS = _words("day")  # "day 2", "the third day"
# After these, a number is the event's day even when that day of the month is in it ("day 2"),
# unlike Spanish and Portuguese "el día 2", the 2nd.
EVENT_DAY_NOUNS = _words("day")
# Nouns whose first or last is the first or last day's ("the last session").
DAY_SESSION_NOUNS = _words("session activity event")
SPAN_DAYS = _words("day days")  # "in 2 days"
SPAN_BEFORE = _words("in within")
SPAN_AFTER = _words("later hence")
COMING = _words("next coming")  # "next Monday"
DATE_LINKS = _words("the of on for in a at")  # before a bare day number: "on the 21"
# Words that point back at what the message named ("what's after this?").
BACK_REFERENCES = _words("this that")
# Nouns for the programme as a whole ("what's the schedule?").
# "What's on?" alone: what is on now during the event, else its programme.
WHATS_ON = frozenset(
    ["whats on", "what on", "what is on", "whats happening", "what is happening", "whats going on"]
)
PROGRAMME_NOUNS = _words(
    "programme program programs programmes schedule schedules agenda lineup timetable"
)
# Everyday things of any conference, by a concept shared across languages: a question in one
# language finds the KB's word for it in another ("festa" -> "after-party").
CONCEPTS: dict[str, tuple[str, ...]] = {
    "party": ("party", "parties", "happy hour", "afterparty", "after party"),
    "audience": ("audience",),
    "lunch": ("lunch",),
    "dinner": ("dinner",),
    "coffee": ("coffee",),
    "wifi": ("wifi", "internet"),
    "password": ("password",),
    "parking": ("parking", "park the car", "leave the car", "leave my car"),
    "ticket": ("ticket", "tickets"),
    "certificate": ("certificate", "certificates"),
    "recording": ("recording", "recordings", "recorded"),
    "slides": ("slides",),
    "badge": ("badge", "badges"),
    "toilet": ("toilet", "toilets", "restroom", "restrooms", "bathroom", "bathrooms"),
    "food": ("food", "meal", "meals", "eat", "eating"),
    "vegetarian": ("vegetarian", "vegan"),
    "wheelchair": ("wheelchair",),
    "livestream": (
        "livestream",
        "livestreamed",
        "live stream",
        "streamed",
        "streaming",
        "stream",
        "watch online",
        "broadcast live",
        "watch it online",
        "follow online",
        "over the internet",  # following from afar, not the venue's wifi
        "via the internet",
    ),
    "minor": ("minor", "minors", "underage", "teen", "teens", "teenager", "teenagers"),
    "child": ("child", "children", "kid", "kids", "baby", "babies", "toddler", "daughter"),
    "breastfeeding": ("breastfeed", "breastfeeding", "nursing room", "lactation", "pump milk"),
    "discount": ("discount", "discounts", "discounted", "cheap", "cheaper", "reduced rate"),
    "refund": ("refund", "refunds", "refunded", "money back", "reimburse", "reimbursement"),
    "payment": ("pay", "paying", "payment", "payments", "paid"),
    "luggage": ("luggage", "suitcase", "suitcases", "baggage", "bags"),
    "lodging": ("lodging", "accommodation", "accommodations", "place to stay", "somewhere to stay"),
    "bike": ("bike", "bikes", "bicycle", "bicycles", "cycling"),
    "press": (
        "press",
        "journalist",
        "journalists",
        "media",
        "interview",
        "interviews",
        "reporter",
        "reporters",
    ),
    "dollar": ("dollar", "dollars", "usd"),  # a fee asked in the currency the KB gives it in
    "euro": ("euro", "euros", "eur"),
    "keynote": ("keynote", "keynotes", "plenary", "plenaries"),
    "inauguration": ("inauguration", "inaugural"),
}
# Words that ask who (a session's speakers).
WHO = _words("who whom whose")
DISTANCE = _words("far near nearby close distance")  # how far a place is asks the way there
TIME_UNITS = _words(
    "minute minutes min mins hour hours hr hrs h day days week weeks month months year years"
)  # "30 minutes": a length, no count of things
EXITS = _words("left leaving")  # leaving a place: the way from it, not its business
MEANS = _words("by via")  # before how one travels: "by TransMilenio"
# The words a question opens with ("I overslept, what did I miss?" is a statement, then one).
WH_WORDS = _words("what whats where wheres when who whos how which")
# Words that name where a trip starts ("from downtown"): the origin is no topic of the event.
ORIGIN = _words("from")
# The noun that asks where a place is, street and number: beside a venue's name, that venue's
# address is what is asked, whatever else the message says.
STREET_ADDRESS = _words("address")
# Words that open an indirect question after "and" ("...and if there is parking").
IF_WORDS = _words("if whether")
# Words that ask the way to a place ("how do I get to X", "which tram goes to X", "how far is X
# on foot"): beside a venue's name, that venue's directions (so do a means of travel, "by tram",
# and a question word before one, "which bus": MEANS or WHICH, then TRAVEL).
WAY_ASKED = frozenset(
    [
        "get to", "get there", "how far", "on foot", "walking distance", "directions",
    ]
)  # fmt: skip
WHICH = _words("which what")  # before a way of travelling: "which bus" asks the way
# Ways of travelling: a topic of their own beside any built-in question but the way there
# ("when does the metro close?" asks of the metro, not of the event).
TRAVEL = _words(
    """bus buses metro subway train tram streetcar taxi cab uber car cars parking transit ferry
    flight flights plane road"""
)

# Times of day (bot/domain/clock_words.py joins every language's). Words before a bare hour that
# make it a time of day ("at 3").
BEFORE_HOUR: tuple[tuple[str, ...], ...] = (
    ("at",), ("around",), ("by",), ("until",), ("till",), ("from",), ("between",), ("after",),
    ("before",),
)  # fmt: skip
TIME_AFTER = _words("after past")  # "after 6pm": from then to the end of the day
TIME_BEFORE = _words("before")  # "before 10": from the day's start until then
OR_WORDS = _words("or")  # "before or after": a choice of sides
AND_WORDS = _words("and")  # "and where is it?": a question joined to the one before
QUESTION_LEADS = _words("at in on for from to of with")  # before a question word: "at what time?"
# Two sessions compared: "which comes first, X or Y?", "the same place", "different venues".
COMPARE_FIRST = _words("first earlier")
COMPARE_SAME = _words("same different separate")
COMPARE_PLACES = _words("place places venue venues hotel building location site")
TIME_LINKS = _words("the")  # words between them and the time
HOUR_HEDGES = _words("about around approximately roughly")  # between a link word and an hour
NOON_WORDS = _words("noon midday")  # a part of the day that ends a range
NEGATIONS = _words(
    "not wont cant dont cannot never"
)  # before a "before" hour: it is when one arrives
REACH = _words("make be reach")  # "won't make it", "can't be there"
HOUR_RANGE = _words("to and until till")  # "from 10 to 12"
NOT_HOUR = _words("of st nd rd th days day")  # "at 11 of March": a day of the month
AFTER_SPELLED_HOUR = _words("on in this oclock pm am sharp")  # what follows an hour written out
# Hours spelled out, after a link word ("at two", "at half past ten").
HOUR_NAMES = {w: n for w, n in NUMBER_WORDS.items() if 1 <= n <= 12}
# A fraction before the hour: its minutes ("half past two", "quarter to ten").
HOUR_FRACTIONS_BEFORE: dict[tuple[str, ...], int] = {
    ("half", "past"): 30, ("quarter", "past"): 15, ("quarter", "to"): -15,
}  # fmt: skip
HOUR_FRACTIONS: dict[tuple[str, ...], int] = {}  # minutes after a bare hour
# Parts of the day: the window they name (end 24:00 is written as None).
DAY_PARTS: dict[str, tuple[int, int | None]] = {
    "morning": (6, 12), "afternoon": (12, 18), "evening": (18, None), "night": (18, None),
    "tonight": (18, None), "noon": (12, 13), "midday": (12, 13), "lunchtime": (12, 14),
    "early": (6, 9),
}  # fmt: skip
PART_NEEDS_LINK = _words("")  # parts that are a part of the day only after a link word
PART_LINKS = _words("this the in")
GREETING_WORDS = _words("good")  # "good morning": a greeting, not a time
NOW_WORDS = _words("now currently")
MORNING_WORDS = _words("morning am")
LATER_WORDS = _words("afternoon evening night pm")
# Nouns of a session someone gives (a talk has speakers; a coffee break does not).
TALK_NOUNS = _words("talk talks keynote keynotes lecture lectures presentation presentations")
