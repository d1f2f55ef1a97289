"""Questions every event gets, asked the way people type them: built-ins, addresses, trips."""

from __future__ import annotations

import datetime as dt

import pytest
from question_sets import ROOT, set_knowledge

from bot.i18n import Translator
from bot.texts.answers import render_text

SANTIAGO = "examples/santiago-neuro/knowledge"
BOGOTA = "examples/bogota-tech/knowledge"
LIMA = "examples/lima-health/knowledge"
PORTO = "examples/porto-alegre-saude/knowledge"
MONTEVIDEO = "examples/montevideo-escuela/knowledge"
SHIPPED = "knowledge"
FLORIPA = "examples/florianopolis-oceans/knowledge"
GIRA = "examples/gira-andina/knowledge"
VALPO = "examples/valparaiso-cuentos/knowledge"
GDL = "examples/guadalajara-urbanos/knowledge"
BSAS = "examples/bsas-salud-digital/knowledge"
LAPAZ = "examples/lapaz-feria-libro/knowledge"


@pytest.fixture(scope="module")
def tr() -> Translator:
    return Translator(ROOT / "locales")


def ask(folder: str, question: str, tr: Translator) -> tuple[str | None, str]:
    kb, matcher = set_knowledge(folder)
    reply = matcher.answer(question, dt.datetime.combine(kb.event.start_date, dt.time(8)))
    return reply.entry, render_text(reply, kb, tr)


def entry_of(folder: str, question: str) -> str | None:
    """The entry answering `question` asked at 8:00 on the event's first day."""
    kb, matcher = set_knowledge(folder)
    return matcher.answer(question, dt.datetime.combine(kb.event.start_date, dt.time(8))).entry


@pytest.mark.parametrize(
    ("folder", "question", "entry", "says"),
    [
        # Courtesy typed loosely: a phrasing with words aside, letters held, regional particles.
        (SHIPPED, "what sort of things can I ask you?", "help", ""),
        (SHIPPED, "holaa buen dia", "greeting", ""),
        (SHIPPED, "oii tudo bem?", "greeting", ""),
        (SANTIAGO, "muchas gracias po!", "thanks", ""),
        # ...the one thanked called a friend, and what the help did.
        (BOGOTA, "thanks man, that helped a lot!", "thanks", ""),
        (BOGOTA, "gracias crack, me ayudaste un montón", "thanks", ""),
        (PORTO, "valeu mano, ajudou demais!", "thanks", ""),
        # ...what the thanks was for ("the info"), praise in voseo, an augmentative.
        (BOGOTA, "mil gracias por la info, sos un genio", "thanks", ""),
        (SHIPPED, "thank you so much for the informations", "thanks", ""),
        (PORTO, "obrigadão, ajudou muito!", "thanks", ""),
        (PORTO, "Obrigadíssima pela ajuda!", "thanks", ""),
        (SHIPPED, "que cosas puedo preguntarte?", "help", ""),
        # Leaving a venue is the way from it, not the venue's own business.
        (SHIPPED, "hay almuerzo incluido o tenemos que salir a comer afuera del hotel?", "meals",
         ""),
        (BOGOTA, "gracias por la info, ¿hay wifi?", "wifi", ""),  # (guard) a question after
        # ...thanks first, then what the asker will do, asking nothing the KB knows of.
        (BOGOTA, "thanks so much, I'll share it with my team", "thanks", ""),
        (BOGOTA, "muchas gracias, se lo paso a mis compañeros", "thanks", ""),
        (BOGOTA, "gracias, necesito el certificado de asistencia", None, ""),  # (guard) a request
        # What follows "would like to know", "les consulto", "I was wondering" is the question;
        # "this year" is the event itself, no other edition.
        (BOGOTA, "Dear organisers, our university would like to know who is running the summit "
         "this year, and whether there is an email for sponsors.", "event", "Comunidad Dev"),
        # Following "over the internet" is the livestream, not the venue's wifi.
        (BOGOTA, "¿se transmite por internet?", "recordings", "en vivo"),
        (BOGOTA, "are the talks streamed over the internet?", "recordings", "livestreamed"),
        # The KB's own FAQ answers a built-in question it covers.
        (SHIPPED, "who runs this event", "organiser", "Inter-American Development Bank"),
        # A venue named in several words is one venue; its address beside a reason to ask.
        (SANTIAGO, "how do I get to the university campus?", "campus", "Metro"),
        (BOGOTA, "necesito la dirección exacta de la universidad para pasársela al taxista",
         "uniandes", "Carrera 1"),
        (SHIPPED, "Could you tell me the street address of ECU 911? My taxi driver keeps asking.",
         "address", "ECU 911"),
        # After lunch, in a programme without a lunch of its own: the rest of the day.
        (SHIPPED, "o que tem depois do almoço?", "dialogue", "ECU 911"),
        (SHIPPED, "what's after lunch tomorrow?", "subregional", "JW Marriott"),  # (not meals)
        # A meal in any of its words: "después de comer" beside a session called "Comida".
        ("examples/sevilla-municipal/knowledge", "¿y después de comer qué toca?", "mesa-1",
         "Mesa de trabajo"),
        # A weekday and its number are a date, whatever word follows: the claim is checked.
        (SHIPPED, "la clínica de capacitación es el jueves 22, ¿verdad?", "clinic", "No."),
        (SHIPPED, "Mi vuelo sale el jueves 22 a primera hora. ¿Me pierdo algo si me voy antes?",
         "advisory", "Viernes 23"),
        # A confirmation of a session's day is checked against that session, the event's name
        # ("Symposium on ...") notwithstanding, before a reason told without a question mark.
        (FLORIPA, "So the poster session is on Tuesday evening, right? I want to tell my "
         "co-authors when to come.", "posters", "No."),
        # A room is one room in all its languages ("Armação Room", "Sala Armação").
        (FLORIPA, "where is the Armação Room? not sure which floor", "centrosul", "2nd floor"),
        # "mal" (ill, badly) is a word of its own, no typo of "meal".
        (SHIPPED, "a que altura está Quito? não quero passar mal", None, ""),
        # A venue's name with its article ("Bar El Altillo"): the way there.
        (BOGOTA, "how do I get to el altillo?", "altillo", "Zona Rosa"),
        (BOGOTA, "how do we get to el altillo tonight?", "altillo", "Zona Rosa"),  # a group
        # A built-in question asked of the event by its kind ("the congress", "the hackathon"),
        # word for word, answers before a session found by a word of it; a trip's start in
        # one language ("from the airport") is no other's word ("do" in Portuguese).
        (LIMA, "who is hosting the congress?", "event", "Andean Society"),
        (PORTO, "quantos dias dura o congresso todo?", "event", "2 dias"),
        (PORTO, "how do I get to the venue from the airport?", "famed", "Ramiro Barcelos"),
        # How one travels ("en TransMilenio", "by TTC") asks the way, whatever the KB calls it.
        (BOGOTA, "cómo llego en transmilenio a la universidad?", "uniandes", "Carrera 1"),
        # A programme in several cities: a session is found by its venue's city too.
        (GIRA, "a qué hora es la conferencia magistral en Guayaquil?", "guayaquil-keynote",
         "Viernes 22"),
        # How far a place is asks the way, not the place's own business.
        (SHIPPED, "o ECU 911 fica longe do hotel?", "address", "ECU 911"),
        # A question, then why it is asked: the question answers on its own.
        (SHIPPED, "which days are at the hotel and which at ECU 911? booking taxis for my team",
         "venues", "ECU 911"),
        # A venue named with a day lists what is on there then.
        (SHIPPED, "what's on at the hotel on tuesday?", "subregional", "JW Marriott"),
        (SHIPPED, "qué hay en el hotel el miércoles?", "clinic", "JW Marriott"),
        # A kind of session by its noun: the day's labs, not its first session.
        (MONTEVIDEO, "what labs are on tuesday?", "lab-2", "Lab 2"),
        # Spanish "la tarde" starts after lunch (Portuguese "à tarde" at noon).
        (PORTO, "¿qué hay el viernes por la tarde?", "mesa-trabalhadores", "14:00"),
        # A departure that steps from a session, with a flight to catch.
        (SANTIAGO, "I have to leave on Friday right after lunch to catch my flight to Bogotá, so "
         "what would I miss?", "excursion", "14:30"),
        (SANTIAGO, "Me voy el viernes justo después de la clausura porque mi vuelo sale a las "
         "18:00, ¿qué me pierdo del programa?", "almuerzo-viernes", "Excursión"),
        # A greeting before a built-in question: the question is what is answered.
        (BOGOTA, "hi, where is the summit?", "event", ""),
        (BOGOTA, "hola, ¿dónde es el evento?", "event", ""),
        # Thanks with praise in the plural; "e-mail" is one word.
        (VALPO, "gracias!! muy amables", "thanks", ""),
        (VALPO, "qual é o e-mail de contato?", "event", "@"),
        # "onde fica" asks where, as "onde" does: the venue named whole is what is asked,
        # not the FAQ that says where something else is inside it.
        (VALPO, "Onde fica o Parque Cultural?", "parque-cultural", "Cárcel"),
        # "Who organises it?" is answered by who, not by an FAQ on how to reach them.
        (FLORIPA, "quem organiza o iscos", "event", "AOCEANO"),
        # A hedge ("aprox") or a currency ("US dollars") beside a place's name asks nothing of
        # the place itself.
        (GDL, "cuanto cobra un taxi del aeropuerto a zapopan aprox? llego de noche",
         "aeropuerto", "550"),
        (GDL, "What's the registration fee for a PhD student paying in US dollars from outside "
         "Mexico?", "inscripcion", "USD 100"),
        # "afterparty" in one word is the programme's "After-party".
        ("examples/vancouver-oss/knowledge", "im 18 can i come to the afterparty", "after-party",
         "19"),
        # Manners to the bot itself are manners.
        (SHIPPED, "hello bot, good morning", "greeting", ""),
        (SHIPPED, "oi robô, tudo bem?", "greeting", ""),
        (SHIPPED, "thanks bot!", "thanks", ""),
    ],
)  # fmt: skip
def test_answers_what_is_asked(
    folder: str, question: str, entry: str, says: str, tr: Translator
) -> None:
    found, text = ask(folder, question, tr)
    assert found == entry, text
    assert says in text


@pytest.mark.parametrize(
    ("folder", "question"),
    [
        # A way of travelling is its own topic, not the event's closing time.
        (SANTIAGO, "a que hora cierra el metro en santiago?"),
        # A city names no venue; a consulate is not a venue of the event.
        (BOGOTA, "what's the address of the US embassy in Bogotá?"),
        # A speaker's affiliation ("...Salud del Niño") is no session about children.
        (LIMA, "posso levar meus filhos pequenos ao congresso?"),
        # Everyday-world words in Portuguese too, while the KB never uses them.
        (SHIPPED, "Quanto custa o teleférico de Quito e dá pra ir no fim da tarde depois das "
         "reuniões?"),
    ],
)  # fmt: skip
def test_abstains_on_what_the_kb_does_not_hold(folder: str, question: str, tr: Translator) -> None:
    found, text = ask(folder, question, tr)
    assert found is None, text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # A statement, a comma, then the question: the question is read on its own...
        ("I overslept, what did I miss this morning?", "d2-plenaria-malaria"),
        ("me quedé dormido, qué me perdí esta mañana?", "d2-plenaria-malaria"),
        # ...unless the statement places it in another domain.
        ("I'm looking for a job at the hospital, who do I send my CV to?", None),
    ],
)
def test_a_statement_then_its_question(question: str, entry: str | None) -> None:
    _, matcher = set_knowledge(LIMA)
    reply = matcher.answer(question, dt.datetime(2027, 5, 20, 13, 0))
    assert reply.entry == entry


@pytest.mark.parametrize(
    ("question", "now", "first"),
    [
        # Arriving and leaving in two words; "get to see" is no arrival.
        (
            "I fly in on the 20th in the morning, what have I missed?",
            "2015-10-14T10:00",
            "dialogue",
        ),
        ("we head out on Tuesday night, what will we miss?", "2015-10-14T10:00", "clinic"),
        ("leaving thurs am, what do i still get to see?", "2015-10-21T08:00", "clinic"),
        # A Portuguese weekday before a part of the day is that day ("quinta de manhã"), and
        # what is still caught before leaving starts now.
        ("vou embora quinta de manhã, o que ainda consigo ver?", "2015-10-21T08:00", "clinic"),
        # Going back home is leaving, and so is a flight that leaves.
        ("Preciso voltar pra São Paulo na quinta ao meio-dia. Perco alguma coisa?",
         "2015-10-14T10:00", "advisory"),
        ("tengo que volver a Lima el jueves, ¿qué me pierdo?", "2015-10-14T10:00", "advisory"),
        ("mi vuelo sale el jueves, que me pierdo", "2015-10-14T10:00", "advisory"),
        ("I fly home on Wednesday evening, what will I miss?", "2015-10-14T10:00", "advisory"),
    ],
)  # fmt: skip
def test_a_trip_in_other_words(question: str, now: str, first: str) -> None:
    _, matcher = set_knowledge(SHIPPED)
    reply = matcher.answer(question, dt.datetime.fromisoformat(now))
    assert reply.sessions[:1] == (first,)


def test_a_trip_and_an_undated_session() -> None:
    # Can one leaving on Tuesday still catch a session with no date yet? Its own entry says
    # when that will be known, rather than a list of what else is on before leaving.
    _, matcher = set_knowledge(SHIPPED)
    question = "me voy el martes 20 en la tarde, ¿alcanzo a ir a la visita al centro penitenciario?"
    reply = matcher.answer(question, dt.datetime(2015, 10, 14, 10))
    assert reply.entry == "field-visit"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # A function word Spanish and Portuguese share ("evento", "dia") counts for both, so
        # Portuguese "qual" decides; Spanish "no" is a Spanish function word too.
        ("qual o proximo evento?", "pt"),
        ("quanto tempo dura o evento todo? 5 dias?", "pt"),
        ("q dia termina", "es"),
        ("¿el evento no es en Quito?", "es"),
    ],
)
def test_words_two_languages_share(question: str, lang: str) -> None:
    _, matcher = set_knowledge(SHIPPED)
    assert matcher.answer(question, dt.datetime(2015, 10, 14, 10)).lang == lang


def test_after_a_word_of_a_session_title() -> None:
    # "after lunch" steps from the programme's "Lunch break", not to the FAQ about food.
    _, matcher = set_knowledge(VALPO)
    reply = matcher.answer("What's after lunch?", dt.datetime(2027, 11, 13, 12, 50))
    assert reply.relative == "after"
    assert reply.sessions[:1] == ("sab-taller-comic",)


@pytest.mark.parametrize(
    "question",
    [
        # Leaving right after lunch: what follows lunch is missed, whichever sessions the
        # question then names ("which sessions": any kind, not the one called a session)...
        "I leave on Wednesday right after lunch. Which sessions will I miss?",
        # ...and a flight's time, six words after the flight, is the flight's, not the leaving.
        "My flight leaves on Wednesday at 17:00, so I'll head to the airport straight after "
        "lunch. Which sessions will I miss?",
    ],
)
def test_leaving_after_lunch(question: str) -> None:
    _, matcher = set_knowledge(FLORIPA)
    reply = matcher.answer(question, dt.datetime(2027, 11, 1, 10))
    assert reply.relative == "missed"
    assert reply.sessions[:3] == ("o4-1", "o4-2", "o4-3")


@pytest.mark.parametrize("question", ["what's on?", "¿qué hay?", "o que tem?"])
def test_whats_on_alone(question: str) -> None:
    # During the event: what is on then; before it: the whole programme.
    _, matcher = set_knowledge(BOGOTA)
    during = matcher.answer(question, dt.datetime(2027, 9, 14, 10, 30))
    assert (during.kind, during.relative) == ("schedule", "now")
    before = matcher.answer(question, dt.datetime(2027, 9, 1, 10))
    assert (before.kind, before.relative) == ("schedule", "week")


@pytest.mark.parametrize(
    "question",
    ["what's the first session on day 2?", "what's the last session on day 2?",
     "¿cuál es la primera sesión del día 2?"],
)  # fmt: skip
def test_first_or_last_session_of_a_day_named_after(question: str) -> None:
    # "The first session" alone is the event's first day's; "on day 2" says which day.
    _, matcher = set_knowledge(BOGOTA)
    reply = matcher.answer(question, dt.datetime(2027, 9, 1, 10))
    assert reply.day == dt.date(2027, 9, 15)
    assert len(reply.sessions) == 1


def test_a_keynote_is_a_plenary() -> None:
    # A congress whose programme says "Plenary" is asked about its keynotes.
    _, matcher = set_knowledge(LIMA)
    reply = matcher.answer("what's after the keynote on day 2?", dt.datetime(2027, 1, 1, 10))
    assert reply.relative == "after"
    assert reply.sessions[:1] == ("d2-cafe",)


def test_a_portuguese_weekday_after_de() -> None:
    # "de quinta": the weekday without its "-feira", not the ordinal.
    _, matcher = set_knowledge(PORTO)
    reply = matcher.answer("qual a última palestra de quinta?", dt.datetime(2027, 1, 1, 10))
    assert (reply.kind, reply.day) == ("schedule", dt.date(2027, 9, 23))


@pytest.mark.parametrize(
    ("question", "day", "start"),
    [
        # Hours written out, with a fraction before or after them.
        ("what's on at half past two on tuesday?", dt.date(2027, 9, 14), dt.time(14, 30)),
        ("what's on at quarter past ten on tuesday?", dt.date(2027, 9, 14), dt.time(10, 15)),
        ("¿qué hay a las dos y media el martes?", dt.date(2027, 9, 14), dt.time(14, 30)),
        ("¿qué hay a las diez menos cuarto el martes?", dt.date(2027, 9, 14), dt.time(9, 45)),
        # "The 3rd day" is the event's third day, not the 3rd of the month.
        ("what's on the 3rd day?", dt.date(2027, 9, 16), None),
        ("¿qué hay el 3er día?", dt.date(2027, 9, 16), None),
        # Days of the month written out.
        ("¿qué hay el quince de septiembre?", dt.date(2027, 9, 15), None),
        ("what's on on the fifteenth?", dt.date(2027, 9, 15), None),
        # (a guard: the minutes of an hour stay the clock's) ...
        ("¿qué hay a las diez y quince el martes?", dt.date(2027, 9, 14), dt.time(10, 15)),
    ],
)
def test_times_and_days_written_out(question: str, day: dt.date, start: dt.time | None) -> None:
    _, matcher = set_knowledge(BOGOTA)
    reply = matcher.answer(question, dt.datetime(2027, 9, 1, 10))
    assert (reply.kind, reply.day, reply.start) == ("schedule", day, start)


def test_a_weekday_and_its_date() -> None:
    # "na quinta, 22/10": the same day written twice is one day, and no topic.
    _, matcher = set_knowledge(SHIPPED)
    reply = matcher.answer("tem alguma coisa na quinta, 22/10?", dt.datetime(2015, 10, 14, 10))
    assert reply.entry == "day-22"


def test_an_hour_written_out_only_as_a_time() -> None:
    # "from one to the next" holds no hour: the keynote is what is asked.
    _, matcher = set_knowledge(GIRA)
    question = "who is giving the keynote, and does it change from one to the next?"
    assert matcher.answer(question, dt.datetime(2027, 10, 1, 10)).entry.endswith("keynote")


def test_a_session_named_as_its_venue() -> None:
    # "The Medicine talk" is held at the Faculty of Medicine: asked when, the word names the
    # talk, not only the place.
    _, matcher = set_knowledge("examples/asuncion-puertas-abiertas/knowledge")
    reply = matcher.answer("cuando es la charla de medicina el sabado?", dt.datetime(2028, 5, 19))
    assert reply.entry is not None and "med" in reply.entry


@pytest.mark.parametrize(
    "question",
    ["cuando se pide la beca? antes o despues de entrar a la facu? en casa somos 5 hermanos"],
)  # fmt: skip
def test_before_or_after_is_no_step(question: str) -> None:
    # "Before or after X" asks which side, not what comes next.
    _, matcher = set_knowledge("examples/asuncion-puertas-abiertas/knowledge")
    assert matcher.answer(question, dt.datetime(2028, 5, 19, 18)).relative != "next"


def test_what_follows_todays_session_of_those_alike() -> None:
    # Three towns' coffee breaks fit "the coffee break" alike: the one today is meant.
    _, matcher = set_knowledge(GIRA)
    reply = matcher.answer("what's after the coffee break?", dt.datetime(2027, 10, 18, 9))
    assert reply.relative == "after"
    assert reply.sessions[0].startswith("quito-")


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        # "The opening" is the "Opening and keynote", not the workshop on "open models".
        ("when is the opening?", "d1-apertura", "09:00"),
        # "The closing" alone names the closing session: a claim about its day is checked.
        ("the closing is on Tuesday, right?", "d3-cierre", "No"),
        # "When does registration open?": open asks when, of the session named.
        ("when does registration open?", "d1-registro", "07:30"),
        # "Inauguración" is the programme's "Apertura", across languages.
        ("¿cuándo es la inauguración?", "d1-apertura", "09:00"),
    ],
)
def test_opening_and_closing_name_sessions(
    question: str, entry: str, says: str, tr: Translator
) -> None:
    found, text = ask(BOGOTA, question, tr)
    assert found == entry, text
    assert says in text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Numbers written out are read as digits.
        ("o que tem no dia vinte e um?", "clinic"),
        ("what's on on the twenty-first?", "clinic"),
        ("ecu novecientos once eso qué es, qué actividad hay ahí?", "dialogue"),
        ("eh o que tem no ecu nove um um", "dialogue"),
        ("¿qué hay el diecinueve de octubre?", "dialogue"),
        # A lone thousand is a lot of thanks, and "x" is "por" in Spanish chat.
        ("mil gracias x la info!!", "thanks"),
        # The group a session is asked to be for is the audience asked about, not a topic the
        # KB lacks (these abstained).
        ("is there anything for NGOs?", "audience"),
        ("hay alguna actividad pensada para el sector privado?", "audience"),
        ("tem algo para o setor privado ou é só governo", "audience"),
        # (guards) A purpose is no group, and a time no audience.
        ("hay que pagar algo para ir a la clínica?", "cost"),
        ("¿Hay algo a las 9 y media del martes?", "subregional"),
        # Hesitations of a voice note ("eh", "ehm", "erm", "ahn") say nothing.
        ("eh la clinica es en el marriot o en el ecu?", "clinic"),
        ("o sea el viernes qué hay eh es lo de los donantes o ya se acabó", "advisory"),
        ("erm so where is the clinic?", "clinic"),
    ],
)
def test_read_as_people_write(question: str, entry: str) -> None:
    _, matcher = set_knowledge(SHIPPED)
    assert matcher.answer(question, dt.datetime(2015, 10, 14, 10)).entry == entry


@pytest.mark.parametrize(
    ("folder", "question", "says"),
    [
        (BOGOTA, "when does the event start and end?", "Tuesday 14 September to Thursday 16"),
        (BOGOTA, "¿cuándo empieza y termina la cumbre?", "del martes 14 de septiembre al jueves"),
        (LIMA, "when does it start and finish?", "Wednesday 19 May to Saturday 22 May"),
    ],
)
def test_start_and_end_asked_together(
    folder: str, question: str, says: str, tr: Translator
) -> None:
    # A word of the start and one of the end: when it runs, its first day to its last (it
    # abstained, or gave the first day's start alone).
    entry, text = ask(folder, question, tr)
    assert entry == "event"
    assert says in text


@pytest.mark.parametrize(
    ("now", "question", "entry"),
    [
        # A film shown twice under one title ("Sal y cenizas", "Sal y cenizas (segunda
        # función)"): the showing still to come, not always the first.
        (dt.datetime(2029, 3, 9, 12), "cuando dan sal y cenizas?", "sal-y-cenizas-2"),
        (dt.datetime(2029, 3, 6, 12), "cuando dan sal y cenizas?", "sal-y-cenizas-1"),
        # ...the one on now, today.
        (dt.datetime(2029, 3, 8, 17, 30), "when is The Last Tide?", "ultima-marea-2"),
        # ...and the one a note of its own names ("the opening film") stays that one.
        (
            dt.datetime(2029, 3, 8, 17, 30),
            "when is the opening film, The Last Tide?",
            "ultima-marea-1",
        ),
    ],
)
def test_the_showing_meant_of_one_title(now: dt.datetime, question: str, entry: str) -> None:
    _, matcher = set_knowledge("examples/cartagena-cine/knowledge")
    assert matcher.answer(question, now).entry == entry


def test_two_words_are_no_compound_of_the_kb() -> None:
    # "que dan" (what's showing) is no "quedan" (is there any left), though the KB writes it.
    _, matcher = set_knowledge("examples/cartagena-cine/knowledge")
    reply = matcher.answer("que dan hoy a las 9 de la noche?", dt.datetime(2029, 3, 8, 17, 30))
    assert (reply.kind, reply.day, reply.start) == ("schedule", dt.date(2029, 3, 8), dt.time(21))


@pytest.mark.parametrize(
    "question", ["q estan dando ahorita?", "what's playing now?", "o que está passando agora?"]
)
def test_what_is_showing_now(question: str) -> None:
    # Verbs of showing ("dando", "playing", "passando") frame what is on; they are no topic.
    _, matcher = set_knowledge("examples/cartagena-cine/knowledge")
    reply = matcher.answer(question, dt.datetime(2029, 3, 8, 17, 30))
    assert (reply.kind, reply.relative) == ("schedule", "now")


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        # Letters texted for their sound: "klinica" is "clínica", "kito" is Quito.
        ("ke es la klinica?", "clinic", "Clínica"),
        ("la semana es en kito?", "venues", "Quito"),
    ],
)
def test_spelled_as_it_sounds(question: str, entry: str, says: str, tr: Translator) -> None:
    assert ask(SHIPPED, question, tr)[0] == entry
    assert says in ask(SHIPPED, question, tr)[1]


@pytest.mark.parametrize(
    ("question", "sessions", "says"),
    [
        # A range of days is every day of it, listed under the range.
        (
            "what's on from the 20th to the 22nd?",
            ("subregional", "clinic"),
            "Tuesday 20 October to Thursday 22 October:",
        ),
        (
            "qué hay del 20 al 22?",
            ("subregional", "clinic"),
            "Del martes 20 de octubre al jueves 22 de octubre:",
        ),
        ("o que tem de 22 a 23?", ("advisory",), "De quinta-feira, 22 de outubro a sexta-feira"),
    ],
)
def test_a_range_of_days(
    question: str, sessions: tuple[str, ...], says: str, tr: Translator
) -> None:
    kb, matcher = set_knowledge(SHIPPED)
    reply = matcher.answer(question, dt.datetime(2015, 10, 14, 10))
    assert (reply.kind, reply.sessions) == ("schedule", sessions)
    assert says in render_text(reply, kb, tr)


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # The event's own span, claimed: its dates, yes or no (a session on a day of it
        # answered).
        ("la semana es del 19 al 23 de octubre, verdad?", "yes"),
        ("so the week runs 19 to 24 October, yes?", "no"),
        ("del 19 al 23?", ""),
    ],
)
def test_the_events_span_claimed(question: str, verdict: str) -> None:
    _, matcher = set_knowledge(SHIPPED)
    reply = matcher.answer(question, dt.datetime(2015, 10, 14, 10))
    assert (reply.entry, reply.verdict) == ("dates", verdict)


@pytest.mark.parametrize("question", ["what's left today?", "¿qué queda para hoy?"])
def test_what_is_left_today(question: str) -> None:
    # What remains of today from now: no session already over, and "left" is no topic (it
    # answered the KB's dates FAQ, or its address FAQ for "queda").
    kb, matcher = set_knowledge(BOGOTA)
    now = dt.datetime(2027, 9, 14, 15)
    reply = matcher.answer(question, now)
    assert (reply.kind, reply.relative) == ("schedule", "catch")
    listed = [kb.session(s) for s in reply.sessions]
    assert listed and all(s is not None and (s.end or dt.time.max) > now.time() for s in listed)
    assert len(listed) < len(kb.sessions_on(now.date()))


@pytest.mark.parametrize(
    ("folder", "question"),
    [
        # The price of a currency today is the world's, not the event's (a prize in USD or a
        # fee in dollars answered).
        ("examples/cdmx-demo-day/knowledge", "a como esta el dolar hoy?"),
        ("examples/cartagena-cine/knowledge", "a cuánto está el dólar? donde cambio plata?"),
        # A way of travelling an FAQ never mentions: the metro's ticket, not the event's.
        ("examples/cdmx-demo-day/knowledge", "cuanto cuesta el boleto del metro en cdmx?"),
    ],
)
def test_the_worlds_money_and_transport(folder: str, question: str) -> None:
    kb, matcher = set_knowledge(folder)
    assert (
        matcher.answer(question, dt.datetime.combine(kb.event.start_date, dt.time(8))).entry is None
    )


@pytest.mark.parametrize(
    ("folder", "question", "entry", "verdict"),
    [
        # A day claimed of the session named best, held another day: that session, checked (a
        # Thursday film whose summary mentions the gala answered "Sí").
        (
            "examples/cartagena-cine/knowledge",
            "la gala de inauguracion es el jueves cierto?",
            "gala-inauguracion",
            "no",
        ),
        # (a guard) A day before the verb names which session: Tuesday's meeting.
        (SHIPPED, "então a reunião de terça é no ECU 911, certo?", "subregional", None),
    ],
)
def test_a_day_claimed(folder: str, question: str, entry: str, verdict: str | None) -> None:
    kb, matcher = set_knowledge(folder)
    reply = matcher.answer(question, dt.datetime.combine(kb.event.start_date, dt.time(8)))
    assert reply.entry == entry
    assert verdict is None or reply.verdict == verdict


VANCOUVER = "examples/vancouver-oss/knowledge"
COIMBRA = "examples/coimbra-simposio/knowledge"


@pytest.mark.parametrize(
    "question", ["I arrive at 11, what will I miss?", "llego a las 11, ¿qué me pierdo?"]
)
def test_a_time_of_arrival_before_the_event(question: str) -> None:
    # A week before, "at 11" is the first day's 11:00 (today's 11:00 missed nothing).
    kb, matcher = set_knowledge(VANCOUVER)
    reply = matcher.answer(question, dt.datetime(2027, 6, 1, 9))
    assert (reply.kind, reply.relative) == ("schedule", "missed")
    listed = [kb.session(s) for s in reply.sessions]
    assert {"registration", "keynote"} <= set(reply.sessions)
    assert all(
        s is not None and s.date == kb.event.start_date and s.start < dt.time(11) for s in listed
    )


@pytest.mark.parametrize(
    ("question", "relative"),
    [
        ("o que vem a seguir?", "next"),  # European Portuguese
        ("o que vem depois?", "next"),
        ("o que há a seguir ao almoço?", "after"),  # (a guard) a step from lunch
    ],
)
def test_what_comes_next_in_portuguese(question: str, relative: str) -> None:
    _, matcher = set_knowledge(COIMBRA)
    reply = matcher.answer(question, dt.datetime(2030, 11, 15, 12, 15))
    assert (reply.kind, reply.relative) == ("schedule", relative)


@pytest.mark.parametrize(
    ("folder", "question", "entry"),
    [
        # Of the sessions in parallel then, the room's: its whole name says where, not what.
        (VANCOUVER, "what's in Room B after lunch?", "talk-k8s-ci"),
        (VANCOUVER, "what's on at 2pm in Room A?", "talk-wasm"),
        (COIMBRA, "o q ha na sala 3 depois do almoço?", "tarde-ciencias-sociais"),
        # Of two rooms, the one the asking sentence names.
        (
            COIMBRA,
            "depois do almoço o que há na sala 2? tenho de escolher entre isso e a sala 1",
            "tarde-ciencias-vida",
        ),
    ],
)
def test_a_room_of_a_listing(folder: str, question: str, entry: str) -> None:
    kb, matcher = set_knowledge(folder)
    reply = matcher.answer(question, dt.datetime.combine(kb.event.start_date, dt.time(8)))
    assert (reply.kind, reply.sessions) == ("schedule", (entry,))


@pytest.mark.parametrize(
    ("question", "then"),
    [
        ("what's on now and is there wifi?", "wifi"),  # (one sentence: the wifi FAQ came first)
        ("¿qué hay ahora? ¿y el almuerzo está incluido?", "d1-almuerzo"),
    ],
)
def test_a_day_asked_first_is_answered_first(question: str, then: str) -> None:
    # Several questions are answered in the order asked: what is on, then the FAQ (the FAQ
    # came first, the listing after it).
    _, matcher = set_knowledge(BOGOTA)
    reply = matcher.answer(question, dt.datetime(2027, 9, 14, 9))
    assert (reply.kind, reply.relative) == ("schedule", "now")
    assert [p.entry for p in reply.parts] == [then]


@pytest.mark.parametrize(
    ("folder", "question", "entry"),
    [
        # An age below the age of majority is a minor's question: the FAQ on minors, however
        # the KB words it (another FAQ answered, or nothing).
        ("examples/cartagena-cine/knowledge", "mi hija tiene 13 años, la dejan entrar?",
         "clasificacion-edades"),
        ("examples/recife-criativo/knowledge", "meu filho tem 14 anos, ele pode participar da jam?",
         "jam-menores"),
    ],
)  # fmt: skip
def test_an_age_asked_is_a_minors(folder: str, question: str, entry: str) -> None:
    kb, matcher = set_knowledge(folder)
    week_before = kb.event.start_date - dt.timedelta(days=7)
    reply = matcher.answer(question, dt.datetime.combine(week_before, dt.time(8)))
    assert reply.entry == entry


def test_years_of_something_else_are_no_age() -> None:
    from bot.domain.language import tokens
    from bot.domain.numerals import minors

    assert minors(tokens("tengo 15 años de experiencia"), "es")[1] == "15"
    assert minors(tokens("tengo 15 años de edad"), "es")[1] == "minor"
    assert minors(tokens("a 3 year old event"), "en")[1] == "3"  # no person: no age
    assert minors(tokens("el festival tiene 15 años?"), "es")[3] == "15"
    assert minors(tokens("faz 2 anos que venho"), "pt")[1] == "2"


@pytest.mark.parametrize(
    ("folder", "question", "says"),
    [
        ("examples/cartagena-cine/knowledge", "¿a qué hora es el conversatorio con el jurado?",
         "se anunciará en el sitio web y en este bot el viernes 9"),
        ("examples/rosario-maraton/knowledge", "what time is the elite athletes press conference?",
         "will be announced on the website"),
    ],
)  # fmt: skip
def test_a_time_not_published_says_what_the_organisers_say(
    folder: str, question: str, says: str, tr: Translator
) -> None:
    # Asked when, of a session without a published time: the KB's own note on it (when it
    # will be known, where it will be announced), not only "to be confirmed".
    _, text = ask(folder, question, tr)
    assert says in text


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("what's on today?", dt.datetime(2015, 10, 22, 10)),
        ("¿qué hay mañana?", dt.datetime(2015, 10, 21, 12)),
        ("anything going on right now?", dt.datetime(2015, 10, 22, 11)),
    ],
)
def test_an_empty_day_asked_as_today_gets_the_kbs_note_on_it(
    question: str, now: dt.datetime
) -> None:
    # Today, tomorrow or now on a day the KB explains in an FAQ of its own: that FAQ, as for
    # the day named by its date (it got "nothing is scheduled" alone).
    _, matcher = set_knowledge(SHIPPED)
    assert matcher.answer(question, now).entry == "day-22"


@pytest.mark.parametrize(
    ("folder", "question", "entry"),
    [
        (COIMBRA, "a que horas começa o de sábado?", "visita-biblioteca"),
        (COIMBRA, "what time does Saturday's thing start?", "visita-biblioteca"),
        (SHIPPED, "¿A qué hora empieza lo del lunes?", "dialogue"),
    ],
)
def test_the_one_session_of_a_day_asked_its_time(folder: str, question: str, entry: str) -> None:
    # A day's one session, asked at what time: that session's own answer (its time, or the
    # organisers' note when none is published), not the day's listing.
    kb, matcher = set_knowledge(folder)
    reply = matcher.answer(question, dt.datetime.combine(kb.event.start_date, dt.time(8)))
    assert (reply.kind, reply.entry) == ("entry", entry)


def test_which_day_is_no_time_of_day() -> None:
    # (a guard) "que dia começa a feira? vcs abrem na quinta?" asks the fair's first day.
    _, matcher = set_knowledge("examples/santa-cruz-expo/knowledge")
    question = "oi, que dia começa a feira? vcs abrem na quinta?"
    reply = matcher.answer(question, dt.datetime(2029, 9, 10))
    assert reply.entry == "event"


def test_its_time_asked_after_the_sentence_naming_it() -> None:
    # "qual o horário?" holds nothing but what it asks: of the workshop the sentence before
    # names (it answered when the festival ends).
    kb, matcher = set_knowledge("examples/recife-criativo/knowledge")
    question = "quero ir na oficina de godot. qual o horário?"
    reply = matcher.answer(question, dt.datetime.combine(kb.event.start_date, dt.time(8)))
    assert reply.entry == "oficina-godot"


@pytest.mark.parametrize(
    "question",
    ["que horas sai o onibus do armazem pro campus de manha?",
     "a que hora sale el traslado en la mañana?"],
)  # fmt: skip
def test_a_part_of_the_day_is_no_topic_the_answer_lacks(question: str) -> None:
    # "de manhã" says when the bus is wanted; the shuttle FAQ answers with its times (the
    # programme's mornings made it a topic the FAQ never mentions, and the question abstained).
    _, matcher = set_knowledge("examples/recife-criativo/knowledge")
    reply = matcher.answer(question, dt.datetime(2031, 10, 13, 10))
    assert reply.entry == "traslado"


@pytest.mark.parametrize(
    "question",
    ["chego sexta à noite, ainda dá pra pegar a festa de frevo? até que horas vai?",
     "I get in on Friday evening, will I still catch the frevo party? how late does it go?"],
)  # fmt: skip
def test_what_is_still_caught_of_a_session_asked_before_its_end(question: str) -> None:
    # The topic is every asking sentence's: the party, though the last asks only how late
    # (everything from Friday night was listed).
    _, matcher = set_knowledge("examples/recife-criativo/knowledge")
    reply = matcher.answer(question, dt.datetime(2031, 10, 13, 10))
    assert (reply.relative, reply.sessions) == ("catch", ("festa-frevo",))


def test_a_venues_note_in_brackets_is_no_place_claimed() -> None:
    # "Estación Fluvial de Rosario (pasta party)": the note names the session held there, so
    # a claim about the pasta party is about the session (it answered where to watch).
    _, matcher = set_knowledge("examples/rosario-maraton/knowledge")
    reply = matcher.answer("a pasta party é no sábado, né?", dt.datetime(2030, 10, 21, 10))
    assert reply.entry == "pasta-party"


def test_a_session_named_by_its_own_word_is_asked_something() -> None:
    # "shakeout" names one session and no other entry: "sale" (Argentine "costs", asked of the
    # registration FAQ) weighs no more, and asks where it leaves from (it abstained).
    _, matcher = set_knowledge("examples/rosario-maraton/knowledge")
    reply = matcher.answer("el shakeout del sábado, de donde sale?", dt.datetime(2030, 10, 21, 10))
    assert reply.entry == "shakeout-run"


@pytest.mark.parametrize(
    ("folder", "question", "entry"),
    [
        # Next year is another edition, which the KB does not cover (it listed what is next).
        (BOGOTA, "where will the summit be held next year?", None),
        (BOGOTA, "¿dónde será la cumbre el año que viene?", None),
        # ...and what follows a question about it asks of it ("ya tiene fecha?": the dates).
        (BOGOTA, "¿cuándo es la cumbre de 2030? ¿ya tiene fecha?", None),
        # (a guard) A KB asked about another year answers it.
        (SHIPPED, "will there be another clinic next year?", "history-clinics"),
    ],
)
def test_next_year_is_another_edition(folder: str, question: str, entry: str | None) -> None:
    kb, matcher = set_knowledge(folder)
    week_before = kb.event.start_date - dt.timedelta(days=7)
    assert matcher.answer(question, dt.datetime.combine(week_before, dt.time(9))).entry == entry


@pytest.mark.parametrize(
    "question",
    [
        "what's on Monday? sorry, I meant Tuesday",
        "¿qué hay el lunes? perdón, quise decir el martes",
        "o que tem na segunda... não, desculpa, na terça-feira?",
        "desculpa a demora, o que tem na terça?",  # (a guard: no day before the apology)
    ],
)
def test_a_day_corrected_is_not_asked(question: str) -> None:
    # A correction with a day on each side: the day after it is the one asked (Monday's was
    # listed).
    _, matcher = set_knowledge(SHIPPED)
    reply = matcher.answer(question, dt.datetime(2015, 10, 13, 9))
    assert (reply.kind, reply.sessions) == ("schedule", ("subregional",))


@pytest.mark.parametrize(
    ("folder", "now", "question", "entry"),
    [
        # The way to a venue asked at what time: the one excursion held there, the next one.
        ("examples/mendoza-vendimia/knowledge", dt.datetime(2031, 3, 5, 10),
         "What time does the bus to Valle de Uco leave?", "excursion-uco-jueves"),
        ("examples/mendoza-vendimia/knowledge", dt.datetime(2031, 3, 14, 9),
         "What time does the bus to Valle de Uco leave?", "excursion-uco-viernes"),
        # (a guard) A venue of many sessions keeps the way there.
        ("examples/rosario-maraton/knowledge", dt.datetime(2030, 10, 21, 10),
         "what time does the bus to the Monumento leave?", "monumento"),
    ],
)  # fmt: skip
def test_the_bus_to_a_venue_asked_at_what_time(
    folder: str, now: dt.datetime, question: str, entry: str
) -> None:
    _, matcher = set_knowledge(folder)
    assert matcher.answer(question, now).entry == entry


def test_a_ride_missed_is_no_session_missed() -> None:
    # "missed the bus": the ride, not "what do I miss?" (it listed what one would miss).
    _, matcher = set_knowledge("examples/mendoza-vendimia/knowledge")
    question = "missed the bus to the gala, how do I get to the winery now?"
    reply = matcher.answer(question, dt.datetime(2031, 3, 15, 20, 30))
    assert (reply.kind, reply.entry) == ("entry", "gala")


@pytest.mark.parametrize(
    ("question", "entry", "verdict"),
    [
        # A day claimed of a session named, beside a trip: the claim is checked (it listed what
        # the trip would miss).
        ("the election is on Friday, right? I fly home Saturday and don't want to miss it",
         "eleccion-consejo", "no"),
        # (a guard) Without a claim, what the trip misses.
        ("I leave on Friday night, will I miss the election?", "acreditacion-sabado", ""),
    ],
)  # fmt: skip
def test_a_claim_beside_a_trip_is_checked(question: str, entry: str, verdict: str) -> None:
    _, matcher = set_knowledge("examples/cusco-cooperativas/knowledge")
    reply = matcher.answer(question, dt.datetime(2031, 5, 8, 10))
    assert (reply.entry, reply.verdict) == (entry, verdict)


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("when does Duarte Meireles present?", "11:50"),
        ("a que horas apresenta a Larissa Moreira Campos?", "14:50"),
    ],
)
def test_a_talk_of_a_block_is_shown_with_its_time(question: str, says: str, tr: Translator) -> None:
    # A session listing its talks in its description, asked when one presenter speaks: its card
    # with that talk's passage (it gave the block's 10:30–12:30 alone).
    kb, matcher = set_knowledge(COIMBRA)
    reply = matcher.answer(question, dt.datetime(2030, 11, 11, 10))
    assert says in render_text(reply, kb, tr)


@pytest.mark.parametrize(
    "question",
    [
        "when is the final?",
        "what time is the final?",
        "the final is on Wednesday, right? my flight back is thursday morning so I hope so",
    ],
)
def test_a_light_word_a_session_is_named_by_names_it(question: str) -> None:
    # "final" is a light word in English lists ("the final day"); a session titled and keyed
    # by it ("The Final: top 6 startups pitch") is named by it (the event's dates answered, or
    # Wednesday's programme).
    _, matcher = set_knowledge("examples/cdmx-demo-day/knowledge")
    reply = matcher.answer(question, dt.datetime(2030, 3, 12, 10))
    assert (reply.kind, reply.entry) == ("entry", "final")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("¿cuándo es el próximo webinar?", "w3-telemedicina-rural"),
        ("qual é o próximo webinar?", "w3-telemedicina-rural"),
        ("¿hay webinar el jueves?", "w4-ciberseguridad"),
    ],
)
def test_a_webinar_is_a_session(question: str, entry: str) -> None:
    # "webinar" names a session as "talk" does: the next one, the week's (an FAQ that speaks
    # of webinars answered).
    _, matcher = set_knowledge(BSAS)
    reply = matcher.answer(question, dt.datetime(2032, 3, 5, 10))
    assert reply.entry == entry


@pytest.mark.parametrize(
    ("question", "now", "entry"),
    [
        # Webinars over five weeks and one Saturday's closing day: "the Saturday" is that one
        # (it listed the first Saturday, 6 March, empty).
        ("¿qué hay el sábado?", dt.datetime(2032, 2, 24, 10), "acreditacion-cierre"),
        # In the series' second week, "Tuesday" is the coming one (it was the first week's).
        ("¿qué hay el martes?", dt.datetime(2032, 3, 10, 10), "w5-inteligencia-artificial"),
        # (a guard) One week: its Tuesday, whenever asked.
        ("¿qué hay el martes?", dt.datetime(2015, 10, 22, 10), "subregional"),
    ],
)
def test_a_weekday_of_an_event_of_several_weeks(
    question: str, now: dt.datetime, entry: str
) -> None:
    folder = SHIPPED if now.year == 2015 else BSAS
    _, matcher = set_knowledge(folder)
    reply = matcher.answer(question, now)
    assert (reply.kind, reply.entry) == ("schedule", entry)


@pytest.mark.parametrize(
    ("folder", "question", "entry", "then"),
    [
        # Several questions, each a whole sentence, answered in the order asked: a question
        # naming no topic of the KB ("what is <the event>?") and a built-in's (where is the
        # winery) come first too (the later question answered first).
        (SHIPPED, "O que é a Semana da Segurança Cidadã? E vai ter certificado?", "about",
         "certificate"),
        # Every sentence a question answered on its own, the whole message read as one
        # answering none of them: the first answers (the whole gave the audience FAQ).
        (SHIPPED, "who is organizing this? the IDB or the government of Ecuador?", "organiser",
         "why"),
        (SHIPPED, "que hay hoy? y donde queda exactamente el hotel?", "dialogue", "address"),
        # A clause calling the event by its name asks the event's own facts (an FAQ on badges
        # answered, the built-ins of clauses yielding to any entry).
        ("examples/panama-techsummit/knowledge", "When exactly is the Istmo Tech Summit this "
         "year and where is it held? Flying in from Miami and I need to book flights today.",
         "event", ""),
        # ...and a question joined by "and" with a plural question word ("y quiénes").
        (BSAS,
         "¿A qué hora es el panel de cierre y quiénes participan?", "panel-cierre", ""),
        ("examples/mendoza-vendimia/knowledge", "onde fica a vinícola do jantar de gala? é "
         "muito longe do hotel? dá pra ir de Uber?", "gala", "hotel-cordillera"),
    ],
)  # fmt: skip
def test_several_questions_in_the_order_asked(
    folder: str, question: str, entry: str, then: str
) -> None:
    kb, matcher = set_knowledge(folder)
    reply = matcher.answer(question, dt.datetime.combine(kb.event.start_date, dt.time(8)))
    assert reply.entry == entry
    assert not then or then in [p.entry for p in reply.parts]


@pytest.mark.parametrize(
    ("folder", "question", "entry"),
    [
        # A question joined by "and" to one of another domain asks of that too (the second
        # question alone was answered: the event's length, the members of a cooperative).
        (SHIPPED, "Do I need a visa to enter Ecuador with an Indian passport, and how long does "
         "it take to get one?", None),
        # (a guard: "y cuántos" is cut as a question of its own since plural question words are)
        ("examples/cusco-cooperativas/knowledge", "cuál es la cooperativa de ahorro y crédito "
         "más grande del Perú y cuántos socios tiene?", None),
        # Where to do something nothing in the KB answers, on a day: no day's listing.
        ("examples/mendoza-vendimia/knowledge", "dónde alquilo un auto barato para ir a San "
         "Rafael el domingo después del congreso?", None),
        ("examples/cdmx-demo-day/knowledge", "is there a good coworking space in Roma Norte "
         "where my team can work on thursday morning before the final?", None),
        # After the event itself is no next session.
        (VALPO, "cuanto sale el ascensor artilleria? queremos subir con los niños despues del "
         "festival", None),
        # (a guard) Joined to one of the event's, it is asked.
        (SHIPPED, "where is the clinic and how long does the week last?", "clinic"),
    ],
)  # fmt: skip
def test_a_question_of_another_domain(folder: str, question: str, entry: str) -> None:
    assert entry_of(folder, question) == entry


@pytest.mark.parametrize(
    ("folder", "question", "entry"),
    [
        # Two of the KB's topics in one question, the stronger match answers (it abstained: the
        # fee, the registration's, was a topic the lunch FAQ lacks).
        ("examples/coimbra-simposio/knowledge", "is lunch included in the fee?", "almoco"),
        ("examples/mendoza-vendimia/knowledge", "quanto custa a inscrição em dólar para "
         "brasileiro?", "inscripcion"),
        # (a guard) A topic of no entry still strays: the bank's opening hours.
        (SHIPPED, "a qué hora abre el banco?", None),
        # (a guard) A greeting before the one question, and why it is asked after: the question
        # answers (with two topics answered as above, the donors' meeting of the reason did).
        (SHIPPED, "Bom dia. Vocês poderiam me dizer quais são os pilares da Iniciativa de "
         "Segurança Cidadã? Estou preparando uma apresentação para a reunião com os doadores.",
         "pillars"),
    ],
)  # fmt: skip
def test_two_topics_of_the_kb(folder: str, question: str, entry: str) -> None:
    assert entry_of(folder, question) == entry


@pytest.mark.parametrize(
    ("folder", "question", "entry"),
    [
        # Two sessions compared: the KB's overview of them, the FAQ telling of most sessions
        # (it answered one of the two, or the meetings between them).
        (SHIPPED, "Is the clinic before or after the dialogue?", "components"),
        (SHIPPED, "¿Qué va primero, las reuniones subregionales o la clínica?", "components"),
        (SHIPPED, "O diálogo e a clínica são no mesmo lugar?", "components"),

        # (a guard) A first of a noun compares no sessions.
        ("examples/sao-paulo-devfest/knowledge", "vale mais a pena estudar Flutter ou Kotlin pra "
         "conseguir o primeiro emprego?", None),
    ],
)  # fmt: skip
def test_two_sessions_compared(folder: str, question: str, entry: str) -> None:
    assert entry_of(folder, question) == entry


def test_two_sessions_compared_without_an_overview(tr: Translator) -> None:
    # No FAQ tells of both: both listed with their days and places, in programme order (it
    # abstained).
    kb, matcher = set_knowledge("examples/cusco-cooperativas/knowledge")
    question = "¿la elección del consejo es antes o después de la noche cultural?"
    text = render_text(matcher.answer(question, dt.datetime(2031, 5, 8, 10)), kb, tr)
    night, vote = text.find("Noche cultural"), text.find("Elección del Consejo")
    assert 0 <= night < vote
    assert "Viernes 16 de mayo" in text and "Sábado 17 de mayo" in text


def test_before_one_and_after_another_is_no_comparison() -> None:
    # (a guard) No choice of sides ("antes ou depois"): no overview of the two sessions.
    assert entry_of(SHIPPED, "o que tem antes da clínica e depois do diálogo?") != "components"


def test_a_count_of_a_month_is_no_count_of_things() -> None:
    # (a guard) "in october": the date of the question, nothing the entry counts.
    assert entry_of(SHIPPED, "how many hotels are there in october?") is None


def test_what_follows_is_more_than_an_all_day_expo(tr: Translator) -> None:
    # After the keynote an expo opens (10:00–18:00) and the talks start at 10:15: both follow
    # (only the expo was listed).
    kb, matcher = set_knowledge("examples/panama-techsummit/knowledge")
    reply = matcher.answer("que sigue despues de la keynote?", dt.datetime(2033, 9, 21, 10, 5))
    text = render_text(reply, kb, tr)
    assert "10:00–18:00" in text and "10:15–11:00" in text


@pytest.mark.parametrize(
    ("folder", "question", "entry"),
    [
        # "How many" asked of an entry that writes a count of that thing ("30 seats") is
        # answered (it abstained: the entry never says "how many").
        ("examples/panama-techsummit/knowledge", "how many seats are there in the Terraform "
         "workshop?", "workshop-terraform"),
        # (a guard) Of an entry that counts nothing asked, no answer.
        (SHIPPED, "how many people work at the IDB?", None),
    ],
)  # fmt: skip
def test_how_many_of_what_an_entry_counts(folder: str, question: str, entry: str) -> None:
    assert entry_of(folder, question) == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # "5ª feira" is quinta-feira: the shipped KB's note on that free Thursday (it abstained).
        ("o que tem 5a feira", "day-22"),
        ("o que tem na 5ª-feira?", "day-22"),
        ("o que tem na 5a de manhã?", "day-22"),
    ],
)
def test_a_weekday_written_short_in_portuguese(question: str, entry: str) -> None:
    _, matcher = set_knowledge(SHIPPED)
    assert matcher.answer(question, dt.datetime(2015, 10, 13, 9)).entry == entry


def test_an_ordinal_written_short_is_no_weekday() -> None:
    # (a guard) "na 2a sessão" is the second session, not Monday's.
    _, matcher = set_knowledge(SHIPPED)
    reply = matcher.answer("quem fala na 2a sessão?", dt.datetime(2015, 10, 13, 9))
    assert reply.kind != "schedule" and reply.entry != "dialogue"


@pytest.mark.parametrize(
    ("question", "now", "entry"),
    [
        # European Portuguese "está a decorrer" asks what is on; a regional interjection
        # before the question says nothing (both abstained).
        ("O que está a decorrer agora?", dt.datetime(2015, 10, 21, 10), "clinic"),
        ("Oxe, e amanhã tem o quê?", dt.datetime(2015, 10, 21, 19), "day-22"),
    ],
)
def test_regional_portuguese(question: str, now: dt.datetime, entry: str) -> None:
    _, matcher = set_knowledge(SHIPPED)
    assert matcher.answer(question, now).entry == entry


PANAMA = "examples/panama-techsummit/knowledge"


@pytest.mark.parametrize(
    "question",
    [
        # The room the asker is in, named in another sentence or clause: "this room", "aquí",
        # "aqui" point at it (the hotels FAQ answered, or the next session in another hall).
        "I'm sitting in Hall B. What's next in this room?",
        "estoy en el Hall B, ¿qué sigue en esta sala?",
        "Estou no Hall B. O que vem a seguir aqui?",
    ],
)
def test_the_room_the_asker_is_in(question: str) -> None:
    _, matcher = set_knowledge(PANAMA)
    reply = matcher.answer(question, dt.datetime(2033, 9, 21, 10, 40))
    assert (reply.kind, reply.sessions[0]) == ("schedule", "ai-agents-customer-service")


def test_here_beside_no_room_is_no_room() -> None:
    # (a guard) "here" with no room named, or beside two, stays as written.
    _, matcher = set_knowledge(PANAMA)
    assert matcher.reader.here("is there wifi here?") == "is there wifi here?"
    both = "I'm in Hall A, is Hall B here?"
    assert matcher.reader.here(both) == both


@pytest.mark.parametrize(
    ("question", "now", "entry"),
    [
        # A day gone by, missed, beside a topic an FAQ answers: the topic is asked (the day's
        # listing answered).
        ("perdi o de ontem, já tem gravação?", dt.datetime(2032, 3, 12, 10), "grabaciones"),
        # (a guard) A day to come that will be missed is the trip's listing.
        ("no voy a poder el martes 16, ¿qué me pierdo?", dt.datetime(2032, 3, 12, 10), None),
    ],
)
def test_a_day_missed_beside_a_topic(question: str, now: dt.datetime, entry: str | None) -> None:
    _, matcher = set_knowledge(BSAS)
    reply = matcher.answer(question, now)
    assert reply.entry == entry if entry else reply.kind == "schedule"


@pytest.mark.parametrize(
    ("question", "first"),
    [
        # A day named, asked first, is listed first (the FAQ asked after it came first).
        ("¿Qué hay el jueves? ¿y hay wifi?", "registro-equipos"),
        ("What's on Friday? Also, is there wifi?", "juzgamiento-robotica"),
    ],
)
def test_a_day_named_first_is_answered_first(question: str, first: str) -> None:
    _, matcher = set_knowledge("examples/guayaquil-feria-ciencia/knowledge")
    reply = matcher.answer(question, dt.datetime(2030, 10, 10, 10))
    assert (reply.kind, reply.entry, [p.entry for p in reply.parts]) == (
        "schedule",
        first,
        ["wifi"],
    )


VALENCIA = "examples/valencia-arquitectura/knowledge"


@pytest.mark.parametrize(
    ("question", "venue"),
    [
        # The way to a venue a question names, where sessions are held there too: its
        # directions (a tour there answered, or nothing).
        ("¿cómo llego a la Casa Llorens en metro?", "casa-llorens"),
        ("which bus goes to the Sant Gil market?", "mercat-sant-gil"),
        # Of several venues, the one named by most words (the tram depot answered for "tranvía").
        ("¿Cómo se va al Pabellón de Arquitectura Experimental en tranvía?", "pabellon-upv"),
        # Where the trip starts is not where it goes...
        ("How do I get to Tinglado 4 from the social housing block in Cabanyal?", "tinglado-4"),
        # ...and of two venues named alike, the one named last ("then I want to go to B").
        (
            "Estoy en la Casa Llorens y luego quiero ir al Palau dels Boix, ¿está muy lejos "
            "andando?",
            "palau-boix",
        ),
    ],
)
def test_the_way_to_a_venue_named(question: str, venue: str) -> None:
    _, matcher = set_knowledge(VALENCIA)
    reply = matcher.answer(question, dt.datetime(2032, 10, 1, 10))
    assert (reply.entry, reply.aspect) == (venue, "venue:directions")


def test_what_a_venue_holds_is_no_way_there() -> None:
    # (guards) Asked what is on in a building, its tour answers ("walking tour" too); a claim
    # of where something is, walked to, is checked.
    _, matcher = set_knowledge(VALENCIA)
    for question in (
        "¿qué visitas hay en la Casa Llorens?",
        "Is there a walking tour of the Casa Llorens?",
    ):
        assert entry_of(VALENCIA, question) == "casa-llorens-sab-1015"
    claim = "So the closing concert is at Tinglado 4, right? I'll walk over."
    assert matcher.answer(claim, dt.datetime(2032, 10, 1, 10)).entry == "clausura"


@pytest.mark.parametrize(
    ("folder", "question", "plain"),
    [
        # "cafezinho", "cafecito" are coffee (both abstained).
        (LIMA, "tem cafezinho no intervalo?", "tem café no intervalo?"),
        (LIMA, "¿dan cafecito en la pausa?", "¿dan café en la pausa?"),
        # (guard) "visita" is no small "visa": a word of its own (the visa FAQ answered).
        ("examples/cdmx-demo-day/knowledge", "¿puedo hacer una visita a las startups?", None),
    ],
)
def test_a_diminutive_is_its_word(folder: str, question: str, plain: str | None) -> None:
    entry = entry_of(folder, question)
    assert entry == (entry_of(folder, plain) if plain else None) and entry != "visa"


@pytest.mark.parametrize("folder", [LIMA, SANTIAGO, BOGOTA])
def test_a_verb_of_taking_place_frames(folder: str) -> None:
    # "se desarrolla" (takes place) says nothing of what is asked (it abstained, or a session
    # about development answered).
    _, matcher = set_knowledge(folder)
    reply = matcher.answer("¿en qué fechas se desarrolla el evento?", dt.datetime(2030, 1, 1, 10))
    assert (reply.entry, reply.aspect) == ("event", "event:when")


def test_what_starts_at_an_hour_is_then() -> None:
    # "Starts" beside an hour asks what is on then, not when the day starts (its first tour).
    kb, matcher = set_knowledge(VALENCIA)
    reply = matcher.answer("¿qué empieza a las 4?", dt.datetime(2032, 10, 9, 12))
    session = kb.session(reply.sessions[0])
    assert session is not None and session.start == dt.time(16)


def test_an_hour_sharp() -> None:
    # "Sharp" after an hour says nothing of what is asked (it abstained).
    _, matcher = set_knowledge(SHIPPED)
    reply = matcher.answer("any sessions at 9am sharp this morning?", dt.datetime(2015, 10, 19, 8))
    assert (reply.kind, reply.entry) == ("schedule", "dialogue")


@pytest.mark.parametrize(
    "question",
    [
        # The day before or after a session is a day, whatever it holds (the session before
        # or after the one named answered).
        "¿qué hay el día antes de la premiación?",
        "what's on the day after the set-up?",
    ],
)
def test_the_day_before_or_after_a_session(question: str) -> None:
    _, matcher = set_knowledge("examples/guayaquil-feria-ciencia/knowledge")
    reply = matcher.answer(question, dt.datetime(2030, 10, 10, 10))
    assert (reply.kind, reply.day) == ("schedule", dt.date(2030, 10, 17))


@pytest.mark.parametrize(
    "question",
    [
        "o que tem no dia anterior à reunião de doadores?",
        # (the next session's day, Friday, answered: the day after is Thursday)
        "qué pasa el día siguiente a la clínica",
    ],
)
def test_the_day_beside_a_session_holding_nothing(question: str) -> None:
    # The shipped KB's note on its free Thursday answers the day before Friday's meeting.
    _, matcher = set_knowledge(SHIPPED)
    assert matcher.answer(question, dt.datetime(2015, 10, 13, 9)).entry == "day-22"


@pytest.mark.parametrize(
    "question",
    [
        # "Explain" asks what follows it; "in a few words" says how, not what (it abstained).
        "Um colega me indicou esse evento, mas não entendi do que se trata; vocês poderiam me "
        "explicar em poucas palavras o que é a Semana da Segurança Cidadã?",
    ],
)
def test_explain_in_a_few_words(question: str) -> None:
    _, matcher = set_knowledge(SHIPPED)
    reply = matcher.answer(question, dt.datetime(2015, 10, 13, 9))
    assert (reply.entry, reply.aspect) in {("about", ""), ("event", "event:what")}


def test_the_way_beside_another_question_rides_along() -> None:
    # A day's listing asked first keeps its place; the way asked after it is a part.
    _, matcher = set_knowledge(VALENCIA)
    question = "¿Qué visitas hay el sábado? ¿Y cómo llego a la Casa Llorens en metro?"
    reply = matcher.answer(question, dt.datetime(2032, 10, 1, 10))
    assert reply.kind == "schedule"
    assert ("casa-llorens", "venue:directions") in {(p.entry, p.aspect) for p in reply.parts}


@pytest.mark.parametrize(
    "question",
    [
        # Folding may lengthen ("…") or drop (an accent typed apart) characters: the room is
        # put where "aquí" stood all the same.
        "Estoy en el Hall B… ¿qué sigue aquí? Gracias, José",
        "Estoy en el Hall B, ¿qué sigue aqui\u0301? Gracias, Jose\u0301",
    ],
)
def test_here_in_text_folding_changes(question: str) -> None:
    _, matcher = set_knowledge(PANAMA)
    said = matcher.reader.here(question)
    assert "sigue Hall B?" in said and said.endswith(question[question.index("? ") :])


@pytest.mark.parametrize(
    ("question", "relative"),
    [
        # A chance to see, denied beside a trip, is what is missed; granted, what is caught
        # (a session about seeing answered).
        ("I'm leaving on Thursday evening, what won't I get to see?", "missed"),
        ("I'm leaving on Thursday evening, what will I get to see?", "catch"),
    ],
)
def test_a_chance_to_see_beside_a_trip(question: str, relative: str) -> None:
    _, matcher = set_knowledge("examples/guayaquil-feria-ciencia/knowledge")
    reply = matcher.answer(question, dt.datetime(2030, 10, 10, 10))
    assert (reply.kind, reply.relative) == ("schedule", relative)


@pytest.mark.parametrize(
    ("folder", "question", "entry"),
    [
        # Words of the asker's region or request: the Mexican "plática" is a talk (it was
        # read as "práctica", a workshop's word); "pásame", "mándame" ask to be given.
        (BSAS, "¿a qué hora es la plática de ciberseguridad?", "w4-ciberseguridad"),
        (BSAS, "pasame el link de zoom", "enlace-zoom"),
        (BSAS, "envíenme las grabaciones", "grabaciones"),
        # "Take part" is to participate, not a part (read as "party": the after-party answered).
        ("examples/vancouver-oss/knowledge", "who can take part?", None),
        (SHIPPED, "is there any fee for taking part in the week?", "cost"),
        # An FAQ about when itself (opening hours, owning "hora") that shares no other word
        # with the question yields to the session the rest names (the hours answered).
        (LAPAZ, "¿a qué hora es la clausura?", "clausura"),
        # (a guard) Asked what the FAQ says, the FAQ.
        (LAPAZ, "¿a qué hora abre la feria?", "horarios"),
        # Last year's edition is not this one: its session does not answer (it did).
        (LAPAZ, "¿Quién ganó el Premio Illimani de Novela el "
         "año pasado?", None),
        # (guards) This year's is asked; a KB telling of earlier editions answers.
        (LAPAZ, "¿cuándo se entrega el premio de novela?",
         "premio-novela"),
        (SHIPPED, "where was the clinic last year", "history-clinics"),
        # (guards) "the latest clinic" is an earlier edition; "passe" is a pass, no request.
        (SHIPPED, "where was the latest clinic held?", "history-clinics"),
        (LAPAZ, "tem passe para os dez dias?", "entradas"),
        # Next year's edition is no earlier one: the KB's history does not tell of it (it did).
        (SHIPPED, "¿Dónde será la Semana de la Seguridad Ciudadana el próximo año?", None),
        (SHIPPED, "where will the week be held next year?", None),
        # (a guard) The earlier ones it tells of.
        (SHIPPED, "where were the previous editions held?", "history-clinics"),
        # Asking nothing, a message opening with manners is those manners, whatever it tells
        # of the writer (it abstained).
        (BOGOTA, "Good evening from Toronto! I'm Ana, a developer, just dropping by to say hi.",
         "greeting"),
        (BOGOTA, "Thank you so much for all the information over the last few days, it made "
         "organising our team's trip so much easier. Greatly appreciated!", "thanks"),
        # (guards) A question after the greeting, or a request, is asked.
        (BOGOTA, "hey whats this bot for", "help"),
        (BOGOTA, "Hi, I need the wifi password", "wifi"),
        # A story, then questions: the first naming a topic asks what the whole message answers
        # (the second, a livestream of the dialogue, came first).
        (SHIPPED, "Buenos días, soy periodista y cubro temas de seguridad. ¿Cómo hago para "
         "acreditarme como prensa? Y de paso, ¿habrá transmisión en vivo del diálogo del lunes?",
         "registration"),
        # Asked what the bot can do after a story nothing answers: the help (it abstained).
        (BOGOTA, "Hello, my manager forwarded me the link to this chat and told me to use it, but "
         "I'm honestly not sure what kind of things it can tell me. What can you help me with?",
         "help"),
    ],
)  # fmt: skip
def test_read_as_meant(folder: str, question: str, entry: str | None) -> None:
    # Words of a language read as they are meant: each group's comment says what it pins and
    # what was answered before (guards marked).
    assert entry_of(folder, question) == entry
