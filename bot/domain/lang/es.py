"""Spanish: the words and phrasings the matcher reads Spanish with (data only)."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


BUILTINS: dict[str, tuple[str, ...]] = {
    "greeting": ("hola", "buenas", "wena", "wenas",
                 "buenos dias", "buenas tardes", "buenas noches", "saludos",
                 "hola que tal", "que tal",
                 "buen dia", "hola buenas", "hola buenos dias", "holi", "alo", "que onda",
                 "hola hola"),
    "thanks": ("gracias por la informacion", "gracias por la ayuda", "gracias por la respuesta",
               "gracias", "muchas gracias", "mil gracias", "te agradezco", "ok gracias",
               "perfecto gracias", "genial gracias",
               "muchisimas gracias", "gracias por todo", "se agradece", "listo gracias",
               "vale gracias", "dale gracias", "gracias genial", "excelente gracias",
               "gracias igual"),
    "help": ("ayuda", "que puedes hacer", "como funciona esto", "que te puedo preguntar",
             "como te uso", "quien eres", "comandos", "menu", "que sabes hacer", "que haces",
             "que puedo preguntarte", "que tipo de preguntas respondes",
             "que cosas te puedo preguntar", "que cosas puedo preguntarte",
             "en que me puedes ayudar", "como me ayudas", "necesito ayuda", "como funciona",
             "que sabes", "que me puedes decir", "para que sirves", "que opciones hay", "ayudame",
             "para que sirve esto", "para que es esto"),
    "event:what": ("que es este evento", "de que se trata el evento", "que es esta conferencia",
                   "cuentame sobre el evento", "de que se trata",
                   "de que trata el evento", "que es esto", "de que va el evento",
                   "que clase de evento es", "como se llama el evento",
                   "cual es el nombre del evento", "cuentame del evento",
                   "de que se trata la conferencia"),
    "event:when": ("cuando es el evento",
                   "cuales son las fechas",
                   "en que fechas es",
                   "cuando se realiza el evento",
                   "cuando es",
                   "cuando se hace",
                   "cuando sera",
                   "que fechas",
                   "que dias es",
                   "cuales son los dias",
                   "cuando se realiza",
                   "cuando tiene lugar",
                   "para cuando es",
                   "en que fecha es",
                   "en que fecha inicia",
                   "fecha de inicio",
                   "fecha de cierre",
                   "en que fecha concluye",
                   "en que fecha termina"),
    "event:where": ("donde es el evento", "donde se realiza el evento", "donde es la conferencia",
                    "donde es", "en que ciudad",
                    "donde se hace", "donde sera", "en donde es", "cual es la sede",
                    "donde queda el evento", "en que lugar es", "en que ciudad es", "ubicacion",
                    "donde se realiza", "donde tiene lugar",
                    "lugar del evento"),
    "event:organiser": ("quien organiza el evento", "quien organiza esto", "quienes organizan",
                        "quien esta detras del evento", "organizador", "organizadores",
                        "quien lo organiza", "quienes lo organizan", "quien esta organizando",
                        "que organizacion lo organiza", "quien hace el evento",
                        "quien esta a cargo", "quien convoca", "quien realiza el evento",
        "que institucion organiza",
        "quien esta detras"),
    "event:contact": ("como contacto a los organizadores", "contacto", "correo de contacto",
                      "telefono de los organizadores", "a quien contacto", "correo electronico",
                      "como me comunico con los organizadores", "como los contacto",
                      "a quien le escribo", "hay un correo", "cual es el correo",
                      "numero de telefono", "whatsapp de contacto", "con quien hablo",
                      "datos de contacto", "email", "mail de contacto",
                      "como me pongo en contacto",
        "como contacto a la organizacion",
        "contacto de la organizacion",
        "tienen whatsapp",
        "hay whatsapp",
        "numero de whatsapp",
        "correo de la organizacion",
        "cual es el mail"),
    "event:duration": ("cuanto dura el evento", "cuantos dias dura la conferencia", "cuanto dura",
                       "cuantos dias son",
                       "cuantos dias dura", "cuanto tiempo dura", "es de un dia o varios",
                       "cuantos dias son en total", "duracion del evento"),
    "event:website": ("sitio web", "pagina web", "cual es la pagina web", "web del evento",
                      "enlace de la pagina",
                      "tienen pagina web", "hay pagina web", "cual es la web", "link del evento",
                      "enlace", "donde veo mas informacion",
                      "donde encuentro mas informacion en internet", "pagina oficial", "url"),
    "venue:address": ("en que sala", "que sala", "que piso", "en que piso", "numero de sala",
                      "cual es la direccion", "direccion de la sede", "direccion exacta",
                      "donde queda exactamente",
                      "cual es la direccion exacta", "direccion", "en que calle queda",
                      "donde queda la sede", "ubicacion exacta", "me pasas la direccion",
                      "en que edificio"),
    "venue:directions": ("hay parqueadero", "hay estacionamiento", "donde parqueo",
                         "donde estaciono", "transporte publico", "estacion mas cercana",
                         "en bus", "en metro", "como llego", "como llegar a la sede",
                         "indicaciones para llegar",
                         "como puedo llegar",
                         "como llego a la sede", "cual es la mejor manera de llegar",
                         "como puedo llegar en transporte publico",
                         "que estacion queda mas cerca", "estacion de metro mas cercana",
                         "parada de bus mas cercana", "se puede llegar caminando", "hay parqueo",
                         "donde dejo el carro", "donde puedo estacionar", "en taxi",
                         "como llego alla"),
    "event:start": ("a que hora empieza", "a que hora comienza", "cuando empieza",
                    "cuando comienza", "a que hora inicia",
                    "a que hora arranca", "a que hora abren", "a que hora abren las puertas",
                    "a que hora hay que llegar", "a que hora debo llegar", "hora de inicio",
                    "cuando arranca", "a que hora es el inicio"),
    "event:end": ("a que hora termina", "cuando termina", "a que hora acaba",
                  "a que hora termina todo", "cuando acaba",
                  "a que hora se termina", "hora de cierre", "a que hora cierra",
                  "a que hora finaliza", "cuando finaliza", "hasta que hora es"),
}  # fmt: skip

# Words that tell this language from the others in a short text (folded: lowercase, no accents).
FUNCTION_WORDS = _words(
    """el la los las lo un una unos unas de del al en y que quien quienes cual cuales como cuando
    donde cuanto cuanta cuantos cuantas es son esta estan este hay habra se mi por para con sin
    sobre pero tambien puedo tengo tiene hoy manana ayer ahora sigue siguiente despues lunes
    martes miercoles jueves viernes sabado domingo octubre dia dias fecha hora semana evento
    gracias hola ayuda buenos buenas q xq porque porfa favor algo nada donde proximo proxima dnd
    pq tmb cdo oye disculpe necesito quisiera lun mie mier jue vie sab dom ayudame ayudeme
    ayudenme no termina"""
)
# Endings typical of the language: weak evidence for a word no list knows.
ENDINGS: tuple[str, ...] = (
    "cion",
    "ciones",
    "dad",
    "dades",
    "mente",
    "ando",
    "iendo",
    "ar",
    "os",
    "as",
    "o",
    "a",
)
# Letters only (or mostly) this language writes, counted before folding.
MARKS = "ñ¿¡ü"
ACCENTS = "áéíóú"  # shared with Portuguese: evidence only against languages without them
# Words that ask for one of a session's facts (when, where, who, which room) or name a
# session in general: beside a session's own words they are what is asked, not its topic.
ASPECTS = _words(
    """cuando donde quien quienes hora horas horario horarios fecha dia sala salas piso ponente
    ponentes da dicta dictan presenta presentan imparte imparten habla hablan"""
)
# Tags that turn a statement into a question to confirm ("lunch is at 1, right?").
CONFIRMATION = _words("""cierto verdad correcto si confirmo confirmar no""")
# Nouns that name the event itself ("who runs this workshop?"), whatever it is called.
EVENT_NOUNS = _words(
    """evento conferencia congreso cumbre taller encuentro simposio foro semana jornadas jornada
    hackaton hackathon festival"""
)
# "What do I miss?" beside an arrival (or, with LEAVE, a departure) day or time.
MISS = _words("pierdo perdere perderia perder perderme perdemos perderiamos")
LEAVE = _words(
    "salgo saldre irme voy retiro quedarme quedo regreso vuelvo volver volvere volvemos regresar"
    " regresare regresamos"
)  # "solo me quedo hasta"
# Leaving in two words ("mi vuelo sale el viernes").
LEAVE_PHRASES = frozenset(("vuelo sale", "vuelo parte", "de regreso", "de vuelta"))
# "When does day 3 end / start?": the day's last or first session.
DAY_END = _words("termina terminan acaba acaban finaliza finalizan cierra cierran")
DAY_START = _words(
    "empieza empiezan empezo comienza comienzan comenzo inicia inician abre abren abrio"
)
# A spelling only this language has (regular expression over the lowercased text, or "").
PATTERN = r"(?:^|\W)(?:ñ|¿|¡)"
# Words that name a strand of parallel sessions ("the data science track").
TRACK_WORDS = _words("track tracks eje ejes linea lineas tematica")
# Arriving ("I arrive on the 21st, what do I miss?"): what comes before is missed.
ARRIVE = _words(
    """llego llegar llegare llegaria llegamos llegaremos aterrizo llega llegan llegando llegara
    llegaran llegariamos aterrizamos aterriza"""
)
# What one can still attend beside an arrival or departure ("¿qué alcanzo a ver?").
# ...and "¿qué me queda?" (what is left).
CATCH = _words("alcanzo alcanzaria alcanzamos alcanzar todavia aun asistir queda quedan")
# Past forms that, beside an arrival, still ask what one misses ("¿qué me habré perdido?").
MISSED = _words("perdido")
# Month names and abbreviations (folded), by month number.
MONTHS: dict[str, int] = {
    **dict.fromkeys(["enero", "ene"], 1),
    **dict.fromkeys(["febrero", "feb"], 2),
    **dict.fromkeys(["marzo", "mar"], 3),
    **dict.fromkeys(["abril", "abr"], 4),
    **dict.fromkeys(["mayo"], 5),
    **dict.fromkeys(["junio", "jun"], 6),
    **dict.fromkeys(["julio", "jul"], 7),
    **dict.fromkeys(["agosto", "ago"], 8),
    **dict.fromkeys(["septiembre", "setiembre", "sep", "sept", "set"], 9),
    **dict.fromkeys(["octubre", "oct"], 10),
    **dict.fromkeys(["noviembre", "nov"], 11),
    **dict.fromkeys(["diciembre", "dic"], 12),
}
# Weekday names and abbreviations (folded), Monday = 0.
WEEKDAYS: dict[str, int] = {
    **dict.fromkeys(["lunes", "lun"], 0),
    **dict.fromkeys(["martes"], 1),
    **dict.fromkeys(["miercoles", "mie", "mier", "mierc"], 2),
    **dict.fromkeys(["jueves", "jue", "juev"], 3),
    **dict.fromkeys(["viernes", "vie", "vier"], 4),
    **dict.fromkeys(["sabado", "sab"], 5),
    **dict.fromkeys(["domingo", "dom"], 6),
}
# Numbers written out ("el diecinueve", "novecientos once", "dos mil quince"), read as digits.
NUMBER_WORDS: dict[str, int] = {
    "cero": 0, "uno": 1, "un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
    "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12,
    "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16, "diecisiete": 17,
    "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21, "veintiun": 21,
    "veintiuna": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25,
    "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30,
    "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
    "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
    "cuatrocientos": 400, "quinientos": 500, "seiscientos": 600, "setecientos": 700,
    "ochocientos": 800, "novecientos": 900, "mil": 1000,
}  # fmt: skip
NUMBER_LINKS = _words("y")  # "treinta y uno"
# A person's age ("tengo 15 años", "mi hija tiene 13 años", "mi hijo de 12 años"): a number
# and a unit of years, with the asker speaking of themself just before it (AGE_SELF) or a person
# named near it (AGE_PERSONS); "el festival tiene 15 años" and "un máster de 2 años" are no age.
# Below the age of majority (TUNING), read as the "minor" concept.
AGE_UNITS = _words("anos anitos")
AGE_SELF = _words("tengo tenemos")
AGE_PERSONS = _words(
    """hijo hija hijos hijas hermano hermana hermanito hermanita sobrino sobrina nieto nieta
    chico chica nino nina"""
)
AGE_LINK = _words("de")  # between the unit and what it counts ("años de experiencia")
AGE_OF = _words("edad")  # "de edad": still an age
# Words pointing at the room the asker is in ("estoy en la Sala 2, ¿qué sigue aquí?"): beside
# a room named in the same message, that room.
ROOM_HERE: tuple[str, ...] = ("esta sala", "este salon", "este auditorio", "aqui", "aca")
# Words after which the question follows ("necesito saber cuánto dura…", "mi jefa me preguntó
# quién…"), folded: what follows them is a clause of its own.
WISH_LEADS: tuple[str, ...] = (
    "saber", "pregunto", "pregunta", "preguntaba", "consulto", "consultamos", "consultan",
    "explicar",
)  # fmt: skip
# Words that correct what was just said ("el martes... perdón, quise decir el miércoles"): with a
# day on each side, the day after them is the one asked.
CORRECTIONS: tuple[str, ...] = (
    "quise decir",
    "quiero decir",
    "queria decir",
    "me equivoque",
    "no espera",
    "perdon quise",
)
# The year as a unit: "el año que viene" is another edition, no next session.
YEAR_WORDS = _words("ano anos")
# Beside a year word, the last one: another edition ("el año pasado", "el año anterior").
LAST_YEAR = _words("pasado anterior")
# Beside a year word, the next one: another edition.
NEXT_YEAR = _words("proximo que viene siguiente entrante")
# Who a session is for: "¿hay algo para ONG?", "¿es solo para gobiernos?". After a head word
# and a link, the group named is the audience asked about, not a topic.
FOR_WHOM_HEADS = _words(
    "algo solo pensada pensado pensadas pensados dirigida dirigido dirigidas dirigidos util"
)
FOR_WHOM_LINKS = _words("para")
FOR_WHOM_ANY = _words("alguna alguno algun una un")  # "¿hay alguna actividad para...?"
INFINITIVE_ENDINGS = ("ar", "er", "ir")  # "algo para comer": a purpose, no group
# Letters texted for the sound they make: "ke" is "que", "kasa" is "casa", "kuenta" "cuenta".
SOUNDALIKES: tuple[tuple[str, str], ...] = (("k", "qu"), ("k", "c"))
# Between the first and last day of a range of days.
DAY_RANGE = _words("al a hasta")  # "del 19 al 23 de octubre"
# What remains of today, asked beside it.
LEFT_WORDS = _words("queda quedan falta faltan resta")  # "¿qué queda para hoy?"
# Verbs that join a thing to what is said of it.
COPULAS = _words("es son sera seran")  # "la gala es el jueves, ¿cierto?": the day is claimed
# Small counts ("in two days").
COUNTS: dict[str, int] = {
    **dict.fromkeys(["un", "uno", "una"], 1),
    **dict.fromkeys(["dos"], 2),
    **dict.fromkeys(["tres"], 3),
    **dict.fromkeys(["cuatro"], 4),
    **dict.fromkeys(["cinco"], 5),
    **dict.fromkeys(["seis"], 6),
    **dict.fromkeys(["siete"], 7),
}
# Words that carry no topic (folded). Question words that do carry one (where, when, what
# time, why) are absent: the synonyms map them to the aspects they ask about.
ARTICLES = _words("el la los las")  # "the hotel", "el hotel": a name's article is any article
STOPWORDS = _words(
    """aqui alli ahi aca alla sino sea sean cosa cosas
    el la los las lo un una unos unas de del al a en y e o u que quien quienes cual cuales como
    es son ser sera seran fue fueron esta estan estar este estos estas ese esa esos esas eso
    esto hay habra haber ha han he se me te le les nos mi mis tu tus su sus mio por para con sin
    sobre entre hasta desde si no ni ya muy mas pero tambien algo alguna alguno algun favor
    quiero quisiera saber puedo puede pueden podria podemos tengo tiene tienen tenemos hacer
    decir dime dices sabes q k xq porfa porfavor usted ustedes yo vos habido hubo habia sido
    disponible disponibles antes cuentame cuentenme explicame muestrame hablame indicame
    ensename mismo misma mismos mismas cualquiera alguien hace hacen realiza realizan realizara
    cuanto cuanta cuantos cuantas todo toda todos todas va vas ellos ellas dice mal"""
)
# Chat filler: apologies, asides about the asker, hedges and discourse markers.
FILLER = _words(
    """aprox aproximadamente afuera
    exactamente exacto exacta exactos exactas precisamente solo solamente unicamente oficialmente
    previamente normalmente generalmente chuta neta disculpe disculpa disculpen perdon perdone
    perdona oye oiga oigan consulta consultita preguntita necesito necesitamos necesitaria gustaria
    quisieramos queria queriamos quisiera saber soy estoy estamos somos jefe jefa amigo amiga amigos
    colega colegas companero companera companeros aun todavia bueno vale ok okey entonces pues osea
    igual realmente simplemente quizas quiza tal vez acaso seguramente probablemente acabo llegue
    llegamos perdido perdida confundido confundida nuevo nueva vez creo pienso dijeron dicen escuche
    entiendo entender agradeceria agradezco gentileza amable porque tienes tenes eres sos otro otra
    otros otras cambia cambian cambio cambios cambiar diferente diferentes obligatorio obligatoria
    necesario necesaria requerido requerida cerca cercano cercana cercanos cercanas alrededor siglas
    sigla acronimo puerta puertas ceremonia anfitrion principal principales central hecho hechos
    hecha hechas realizado realizados realizada realizadas celebrado celebrada celebra celebran
    celebrara celebraran celebrar celebrarse efectua efectuan efectuara efectuar llevara cabo
    desarrolla desarrollan desarrollara desarrollaran desarrollarse debo
    debe deben deberia deberiamos hizo hicieron estuvo estuvieron estaba estaban onda mmm envien
    enviar envian mandan mandar manden estimado estimada estimados estimadas consultar consulto jaja
    jajaja jeje jejeje po cachai cachay weon wn che wey guey parce parcero parcera chamo pana panas
    porfa resumidamente brevemente
    porfis eh ehh ehm em emm mm mira pasame pasenme mandame mandenme enviame envienme
    compartime comparteme compartan facilitame facilitenme"""
)  # the last lines: regional particles ("gracias po", "cachai", "parce", "che"), hesitations
# Phrases of two words read as the one word they mean ("formar parte" is "participar"), or as
# none; the second word becomes a function word, so positions are kept.
PHRASAL: dict[tuple[str, str], str] = {
    ("formar", "parte"): "participar",
    ("pocas", "palabras"): "the",  # "en pocas palabras": how, not what
}
# Diminutives ("perrito", "cafecito"): an ending and what the word ends in without it. After
# "-ito" and its kin the word keeps four letters or more ("visita" is no small "visa").
DIMINUTIVES: tuple[tuple[str, str], ...] = (
    ("citos", ""), ("citas", ""), ("cito", ""), ("cita", ""),
    ("itos", "os"), ("itas", "as"), ("ito", "o"), ("ita", "a"),
)  # fmt: skip
# Texting abbreviations ("dnd" is "donde" in Spanish, "D&D" in English).
ABBREVIATIONS: dict[str, str] = {
        "dnd": "donde", "dnde": "donde", "dond": "donde", "dode": "donde", "tb": "tambien",
        "tmb": "tambien", "tbn": "tambien",
        "cdo": "cuando", "qndo": "cuando", "cnd": "cuando", "hr": "hora", "hrs": "horas",
        "info": "informacion", "xfa": "favor", "pa": "para", "ke": "que", "qe": "que",
        "mnn": "manana", "mna": "manana", "sta": "esta",
        "kien": "quien", "kienes": "quienes", "kual": "cual", "kuales": "cuales",
        "kuando": "cuando", "kuanto": "cuanto",
        "q": "que", "xq": "porque", "pq": "porque", "porfa": "favor", "tmbn": "tambien",
        "dsp": "despues", "dps": "despues", "msj": "mensaje", "aca": "aqui", "x": "por",
}  # fmt: skip
# The people who run the event: they may stand beside a built-in question ("the secretariat's
# email", "el correo de los organizadores").
ORGANISER_NOUNS = _words("secretaria organizadores comite equipo organizador")
# The word that asks what a thing is ("what is X?").
WHAT = _words("que")
# What a venue is called in general ("¿cómo llego a la sede?").
VENUE_NOUNS = _words("sede lugar")
# What a question about a session mostly wants (bot/domain/focus.py): its place, its time,
# or what it is; CLOCK words make a "what" ask when ("what time...").
FOCUS_WHERE = _words("donde dnd adonde sede lugar direccion ubicacion ubicado ubicada queda")
FOCUS_WHEN = _words("cuando fecha dia hora horario empieza comienza inicia")
FOCUS_ABOUT = _words("""que trata explica cuentame objetivo proposito temas quien quienes porque""")
FOCUS_CLOCK = _words("hora horario dia fecha")
FOCUS_DAY = _words("dia fecha dias fechas")  # asked which day, not at what time
# Words that open a question (folded).
QUESTION_WORDS = _words(
    """que cual cuales quien quienes cuando donde como cuanto cuanta cuantos cuantas por hay
    puedo puede pueden tienen habra"""
)
# Words that sweep the rest of the programme into a claim ("everything else is at...").
ALL_OF = _words("todo todos todas resto demas excepto salvo menos otros otras")
# Tags that end a statement asking to confirm it; the strong ones need no question mark.
TAGS = _words("cierto verdad correcto si no")  # "..., ¿no?"
STRONG_TAGS = _words("cierto verdad")
# Words that open a salutation or sign-off ("Dear organisers,", "Best regards").
SALUTATIONS = _words(
    """estimado estimada estimados estimadas querido querida queridos queridas cordialmente
    atentamente saludos saludo cordial cordiales un abrazo"""
)
# Words of a wish to know ("I would like to know..."): the sentence asks.
WISHES = _words("saber confirmar indicar decir gustaria quisiera queria")
# A person's contact details ("her email", "su correo"): the KB gives a speaker's only
# when a speaker's own text holds them.
CONTACT_WORDS = _words("correo email mail telefono celular numero whatsapp linkedin contacto")
# Words that thank ("thanks", "gracias"): with greetings and praise alone, a message only
# thanks ('thanks, that's really useful!').
THANKS = _words("gracias agradezco agradecido agradecida agradecidos agradecidas")
# Praise and intensifiers that ride along with thanks or a greeting ('awesome', 'genial').
PRAISE = _words(
    """util utiles genial perfecto perfecta excelente buenisimo buenisima super chevere bacano
    chido chida padre padrisimo bacan genia genio crack capo groso grosa idolo
    amable amables muchas muchisimas mucho muchisimo muy bien"""
)

# Words addressing the one thanked or greeted as a friend ("gracias crack", "gracias
# hermano"), and what a thanks says it did ("me ayudaste un montón") or was for ("por la info").
VOCATIVES = _words(
    """hermano hermana amigo amiga parce parcero parcera che compa compadre wey guey mijo mija
    bro mamita papito ayudaste ayudo sirvio salvaste monton info informacion informaciones"""
)
# Words of a request ("I need", "necesito", "preciso"): after thanks, a request is asked.
REQUESTS = _words(
    """necesito necesitamos necesitaria quiero queremos quisiera podria podrian puede pueden
    puedo manden envien pasame pasenme mandame mandenme enviame envienme dame denme"""
)
# Greetings and thanks: beside a question about something else, manners, not its topic.
COURTESY = _words("hola gracias saludos buenos buenas")
# Polite words that join the greetings in weighing little ("please", "por favor").
POLITE = _words("favor")
# Words that frame a question about any topic ("tell me about", "do they give",
# "recommend"): never the topic itself, whether or not the KB happens to use them.
FRAMING = _words(
    """existe existen existio existir venden vende hago hacemos arranca arrancan empieza
    empiezan comienza comienzan
    trata tratan habla hablan enfoca enfoque detalles cubre significa recomienda recomiendas
    recomendar recomendado recomendados sugerir dan dar entregan ofrecen llevar traer llevo
    traigo consiste consisten aborda abordan abordara abordaran abordar
    dando pasando echan proyectan proyectando"""
)
# Verbs of bringing something along: the thing brought is what is asked about.
BRING = _words("llevar traer llevo traigo")
# Tasks asked of the assistant itself ("can you write me..."): no question about the event.
TASKS = _words(
    """escribe escribir escribeme traduce traducir traduceme genera generar dibuja
    dibujar programa programar resuelve resolver"""
)
# Words that address the assistant ("can you", "¿puedes?").
BOT_NAMES = _words("bot chatbot asistente robot")  # "hola bot": a greeting to the bot itself
ADDRESS = _words("puedes podrias puede podria usted")

# Time words (bot/domain/date_words.py joins every language's). Words that name a day relative
# to today, "now" or "next": (kind, offset).
RELATIVE_WORDS: dict[str, tuple[str, int]] = {
    **dict.fromkeys(("hoy", "oy"), ("day", 0)),
    **dict.fromkeys(("manana", "mnana"), ("day", 1)),
    **dict.fromkeys(("ayer",), ("day", -1)),
    **dict.fromkeys(("ahora", "ahorita", "actualmente"), ("now", 0)),
    **dict.fromkeys(("siguiente", "sigue", "proximo", "proxima", "despues", "luego"), ("next", 0)),
}
# Phrases that name a time: (kind, offset); "week" counts days from this week's Monday.
TIME_PHRASES: dict[tuple[str, ...], tuple[str, int]] = {
    ("pasado", "manana"): ("day", 2),
    ("antes", "de", "ayer"): ("day", -2),
    ("anteayer",): ("day", -2),
    ("esta", "semana"): ("week", 0),
    ("toda", "la", "semana"): ("event-week", 0),
    ("semana", "completa"): ("event-week", 0),
    ("proxima", "semana"): ("week", 7),
    ("semana", "que", "viene"): ("week", 7),
    ("semana", "proxima"): ("week", 7),
    ("fin", "de", "semana"): ("weekday", 5),
    ("esta", "manana"): ("day", 0),
    ("esta", "tarde"): ("day", 0),
    ("esta", "noche"): ("day", 0),
    ("en", "este", "momento"): ("now", 0),
    ("que", "sigue"): ("next", 0),
    ("que", "viene"): ("next", 0),
}
# Ordinals of the event's days ("el tercer día"); -1 is the last.
ORDINAL_DAYS: dict[str, int] = {
    **dict.fromkeys(("primer", "primero", "primera", "inaugural"), 0),
    **dict.fromkeys(("segundo", "segunda"), 1),
    **dict.fromkeys(("tercer", "tercero", "tercera"), 2),
    **dict.fromkeys(("cuarto", "cuarta"), 3),
    **dict.fromkeys(("quinto", "quinta"), 4),
    **dict.fromkeys(("ultimo", "ultima", "final", "clausura"), -1),
}
DAY_NOUNS = _words("dia jornada")  # "día 2", "la tercera jornada"
# Nouns whose first or last is the first or last day's ("la última sesión").
DAY_SESSION_NOUNS = _words("sesion actividad evento")
SPAN_DAYS = _words("dia dias")  # "en 2 días"
SPAN_BEFORE = _words("en")
SPAN_AFTER = _words("despues mas")
COMING = _words("proximo proxima siguiente")  # "el próximo lunes"
DATE_LINKS = _words("el de del la para en a")  # before a bare day number: "el 21"
# "Próximo" after a noun or "more" means near ("un hotel próximo"), not next.
NEARBY = _words("proximo proxima proximos proximas")
NEARER = _words("mas muy bastante")
NOT_NEAR = _words("semana mes ano vez edicion dia dias sesion")  # "la semana próxima": next
# Words that point back at what the message named ("what's after this?").
BACK_REFERENCES = _words("esto eso")
# Nouns for the programme as a whole ("what's the schedule?").
# "¿Qué hay?" alone: what is on now during the event, else its programme.
WHATS_ON = frozenset(["que hay", "q hay", "que pasa"])
PROGRAMME_NOUNS = _words("programa programas agenda cronograma programacion itinerario")
# Everyday things of any conference, by a concept shared across languages: a question in one
# language finds the KB's word for it in another ("festa" -> "after-party").
CONCEPTS: dict[str, tuple[str, ...]] = {
    "party": ("fiesta", "fiestas", "happy hour", "after party"),
    "audience": ("dirigido", "dirigida", "dirigidos", "dirigidas", "destinado", "destinada"),
    "lunch": ("almuerzo", "almuerzos", "almorzar"),
    "dinner": ("cena", "cenas"),
    "coffee": ("cafe",),
    "wifi": ("wifi", "internet"),
    "password": ("clave", "contrasena"),
    "parking": (
        "estacionamiento",
        "parqueadero",
        "aparcamiento",
        "estacionar",
        "aparcar",
        "parquear",
        "dejar el carro",
        "dejar el coche",
        "estaciono",
        "estacionamos",
        "aparco",
    ),
    "ticket": ("entrada", "entradas", "boleto", "boletos"),
    "certificate": ("certificado", "certificados"),
    "recording": ("grabacion", "grabaciones", "grabada", "grabadas"),
    "slides": ("diapositivas", "laminas"),
    "badge": ("credencial", "gafete", "escarapela"),
    "toilet": ("bano", "banos", "sanitarios"),
    "food": ("comida", "comidas", "comer"),
    "vegetarian": ("vegetariano", "vegetariana", "vegano", "vegana"),
    "wheelchair": ("silla de ruedas",),
    "livestream": (
        "transmision",
        "transmisiones",
        "en vivo",
        "en directo",
        "streaming",
        "transmitir",
        "transmitida",
        "transmitidas",
        "ver por internet",
        "ver en linea",
        "seguir en linea",
        "por internet",  # following from afar, not the venue's wifi
        "via internet",
    ),
    "minor": (
        "menor",
        "menores",
        "menor de edad",
        "menores de edad",
        "adolescente",
        "adolescentes",
    ),
    "child": (
        "nino",
        "ninos",
        "nina",
        "ninas",
        "hijo",
        "hija",
        "hijos",
        "hijas",
        "bebe",
        "bebes",
        "guagua",
        "guaguas",
    ),
    "breastfeeding": ("lactancia", "lactar", "amamantar", "dar pecho", "darle pecho"),
    "discount": (
        "descuento",
        "descuentos",
        "barato",
        "barata",
        "baratos",
        "economico",
        "economica",
    ),
    "refund": (
        "reembolso",
        "reembolsos",
        "devolucion",
        "devuelven",
        "devolver el dinero",
        "reintegro",
    ),
    "payment": ("pagar", "pago", "pagos", "pague", "pagado"),
    "luggage": ("equipaje", "maleta", "maletas", "valija", "valijas"),
    "lodging": ("alojamiento", "hospedaje", "alojarme", "hospedarme", "donde quedarme"),
    "bike": ("bici", "bicis", "bicicleta", "bicicletas"),
    "press": ("prensa", "periodista", "periodistas", "medios", "entrevista", "entrevistas"),
    "dollar": ("dolar", "dolares", "usd"),
    "euro": ("euro", "euros", "eur"),
    "keynote": ("plenaria", "plenarias", "magistral", "magistrales", "keynote"),
    "inauguration": ("apertura", "inauguracion", "inaugural"),
}
# Clitic pronouns a verb follows ("me conecto", "se me acabaron"): an unknown word after one is
# an action, not a topic the KB fails to cover.
VERB_MARKERS = _words("me te se nos")
# Words that ask who (a session's speakers).
WHO = _words("quien quienes")
DISTANCE = _words("lejos cerca distancia")  # how far a place is asks the way there
TIME_UNITS = _words(
    "minuto minutos min hora horas h hs dia dias semana semanas mes meses ano anos"
)  # "30 minutes": a length, no count of things
EXITS = _words("salir sali salimos saliendo")  # leaving a place: the way from it, not its business
MEANS = _words("en")  # before how one travels: "en Trensurb"
# The words a question opens with ("I overslept, what did I miss?" is a statement, then one).
WH_WORDS = _words("que donde cuando quien quienes como cual cuales")
# Words that name where a trip starts ("from downtown"): the origin is no topic of the event.
ORIGIN = _words("desde")
# The noun that asks where a place is, street and number: beside a venue's name, that venue's
# address is what is asked, whatever else the message says.
STREET_ADDRESS = _words("direccion")
# Words that open an indirect question after "and" ("...and if there is parking").
IF_WORDS = _words("si")
# Words that ask the way to a place ("cómo se llega a X", "qué parada de metro", "cuánto se
# tarda a pie"): beside a venue's name, that venue's directions (so does a means of travel, "en
# tranvía": MEANS then TRAVEL).
WAY_ASKED = frozenset(
    [
        "como se llega", "como llego", "como llegar", "como voy", "como se va", "como ir",
        "cuanto se tarda", "a pie", "que parada", "que linea", "muy lejos", "a que distancia",
    ]
)  # fmt: skip
WHICH = _words("que cual")  # before a way of travelling: "qué metro" asks the way
# Ways of travelling: a topic of their own beside any built-in question but the way there
# ("when does the metro close?" asks of the metro, not of the event).
TRAVEL = _words(
    """bus buses autobus metro tren tranvia taxi uber carro auto coche parqueadero parqueo
    estacionamiento colectivo micro vuelo vuelos avion camioneta camion carretera ruta"""
)

# Times of day (bot/domain/clock_words.py joins every language's). Words before a bare hour that
# make it a time of day ("a las 10").
BEFORE_HOUR: tuple[tuple[str, ...], ...] = (
    ("a", "las"), ("a", "la"), ("desde", "las"), ("hasta", "las"), ("antes", "de", "las"),
    ("despues", "de", "las"), ("tipo", "las"), ("entre",), ("de", "las"),
)  # fmt: skip
TIME_AFTER = _words("despues")  # "después de las 6": from then to the end of the day
TIME_BEFORE = _words("antes")  # "antes de las 10": from the day's start until then
OR_WORDS = _words("o u")  # "before or after": a choice of sides
AND_WORDS = _words("y e")  # "and where is it?": a question joined to the one before
QUESTION_LEADS = _words("a en de para por con desde")  # before a question word: "at what time?"
# Two sessions compared: "which comes first, X or Y?", "the same place", "different venues".
COMPARE_FIRST = _words("primero primera")
COMPARE_SAME = _words(
    "mismo misma mismos mismas distinto distinta distintos distintas diferente diferentes"
)
COMPARE_PLACES = _words("lugar lugares sede sedes hotel edificio sitio local")
TIME_LINKS = _words("de las la del")  # words between them and the time
HOUR_HEDGES = _words("eso tipo aproximadamente")  # between a link word and an hour
NOON_WORDS = _words("mediodia")  # a part of the day that ends a range
NEGATIONS = _words("no nunca")  # before a "before" hour: it is when one arrives
REACH = _words("estar estoy estaremos estamos")  # "no puedo estar antes de"
HOUR_RANGE = _words("a y hasta las")  # "entre las 10 y las 12"
NOT_HOUR = _words("de dias dia")  # "el 11 de marzo": a day of the month
AFTER_SPELLED_HOUR = _words("del de la el en punto y")  # what follows an hour written out
# Hours spelled out, after a link word ("a las dos", "a la una y media").
# (The hour is feminine: "la una", never "el uno".)
HOUR_NAMES = {w: n for w, n in NUMBER_WORDS.items() if 1 <= n <= 12 and w not in ("uno", "un")}
HOUR_FRACTIONS: dict[tuple[str, ...], int] = {
    ("y", "media"): 30, ("y", "cuarto"): 15, ("y", "quince"): 15, ("menos", "cuarto"): -15,
}  # fmt: skip
# Parts of the day: the window they name (end 24:00 is written as None). Spanish "la tarde"
# starts after lunch; Portuguese "à tarde" at noon (its own table).
DAY_PARTS: dict[str, tuple[int, int | None]] = {
    "mediodia": (12, 13), "madrugada": (0, 6), "noche": (18, None), "tarde": (14, 19),
    "manana": (6, 12), "temprano": (6, 9),
}  # fmt: skip
# Alone, "mañana" is tomorrow and "tarde" is late: a part of the day after a link word.
PART_NEEDS_LINK = _words("manana tarde noche")
PART_LINKS = _words("la esta a por")
GREETING_WORDS = _words("buenos buenas")
NOW_WORDS = _words("ahora ahorita actualmente")
MORNING_WORDS = _words("manana")
LATER_WORDS = _words("tarde noche")
# Nouns of a session someone gives (a talk has speakers; a coffee break does not).
TALK_NOUNS = _words(
    "charla charlas platica platicas ponencia ponencias conferencia conferencias presentacion"
    " presentaciones"
)
