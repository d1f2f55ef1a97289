"""Word lists: stopwords, chat filler, texting abbreviations and language function words.

Every list is folded (lowercase, accent-free). They describe how people type, not this event:
no list may name a topic of the knowledge base.
"""

from __future__ import annotations

from bot.domain.lang.pt import STOPWORDS as PT_STOPWORDS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Folded words that carry no topic. Question words that do carry one (where/donde, when/cuando,
# what time/que hora, why) are deliberately absent: the synonyms map them to the aspects they
# ask about.
STOPWORDS_EN = _words(
    """a an the is are was were be been being am do does did doing have has had having i me my
    mine we our us you your it its this that these those there here of in on at to for from by
    with about as into onto than then so and or but if not no any anything some something all
    what which who whom whose how will would shall should can could may might must also just
    please tell know want wanna like need give show let get got im ive id dont doesnt isnt arent
    wont cant whats thing things one ones out up very really whether else again more much other
    held available after before tell show explain take takes taking took until during anyone
    anybody someone somebody they them their theirs he she him his her hers everyone
    everybody everything gets gimme gotta lemme"""
)
STOPWORDS_ES = _words(
    """el la los las lo un una unos unas de del al a en y e o u que quien quienes cual cuales
    como es son ser sera seran fue fueron esta estan estar este estos estas ese esa esos esas eso
    esto hay habra haber ha han he se me te le les nos mi mis tu tus su sus mio por para con sin
    sobre entre hasta desde si no ni ya muy mas pero tambien algo alguna alguno algun favor
    quiero quisiera saber puedo puede pueden podria podemos tengo tiene tienen tenemos hacer
    decir dime dices sabes q k xq porfa porfavor usted ustedes yo vos habido hubo habia sido
    disponible disponibles antes cuentame cuentenme explicame muestrame hablame indicame
    ensename mismo misma mismos mismas cualquiera alguien hace hacen realiza realizan realizara
    cuanto cuanta cuantos cuantas todo toda todos todas va vas ellos ellas dice"""
)
# Chat filler: apologies, asides about the asker, hedges and discourse markers. In a long
# message they surround the question without ever being its topic.
FILLER_EN = _words(
    """sorry bother bothering apologies apologize dear sir madam guys folks oh ok okay
    well um uh hmm yeah yes yep sure anyway btw actually basically honestly maybe perhaps
    probably quick quickly bit little lot lots kind sort somewhat somewhere
    wondering wonder wondered curious hoping hope ask asked asking find found
    finding figure wanted wants trying try tried told say said heard hear think thought guess
    boss colleague colleagues friend friends team manager myself yourself ourselves
    just landed arrived arriving lost confused new here still already yet
    precisely anyone somebody kindly advance appreciate appreciated because theres thats heres
    hows whos mate buddy bro dude
    change changes changed changing different required mandatory necessary compulsory
    nearby near around close stand acronym door doors entrance gate ceremony host hosts
    hosted hosting main key smart final whole keep afterwards afterward cool
    lol lmao haha hahaha hehe xd even mmm mm hmmm send sends sent writing behalf expected
    expecting representing"""
)
FILLER_ES = _words(
    """disculpe disculpa disculpen perdon perdone perdona oye oiga oigan
    consulta consultita preguntita necesito necesitamos necesitaria gustaria quisieramos
    queria queriamos quisiera saber soy estoy estamos somos jefe jefa amigo amiga amigos colega
    colegas companero companera companeros aun todavia bueno vale ok okey entonces
    pues osea igual realmente simplemente quizas quiza tal vez acaso seguramente probablemente
    acabo llegue llegamos perdido perdida confundido confundida nuevo nueva vez
    creo pienso dijeron dicen escuche entiendo entender agradeceria
    agradezco gentileza amable porque tienes eres otro otra otros otras cambia cambian
    cambio cambios cambiar diferente diferentes obligatorio obligatoria necesario necesaria
    requerido requerida cerca cercano cercana cercanos cercanas alrededor siglas sigla acronimo
    puerta puertas ceremonia anfitrion principal principales central hecho hechos hecha hechas
    realizado realizados realizada realizadas celebrado celebrada celebra celebran
    celebrara celebraran celebrar celebrarse efectua efectuan efectuara efectuar llevara cabo
    debo debe deben deberia deberiamos hizo hicieron estuvo estuvieron estaba estaban onda mmm
    envien enviar envian
    mandan mandar manden
    estimado estimada estimados estimadas consultar consulto
    jaja jajaja jeje jejeje"""
)
STOPWORDS = STOPWORDS_EN | STOPWORDS_ES | FILLER_EN | FILLER_ES | PT_STOPWORDS

# Texting abbreviations, by language: "dnd" is "donde" in Spanish but "D&D" in English.
ABBREVIATIONS: dict[str, dict[str, str]] = {
    "es": {
        "dnd": "donde", "dnde": "donde", "dond": "donde", "dode": "donde", "tb": "tambien",
        "tmb": "tambien", "tbn": "tambien",
        "cdo": "cuando", "qndo": "cuando", "cnd": "cuando", "hr": "hora", "hrs": "horas",
        "info": "informacion", "xfa": "favor", "pa": "para", "ke": "que", "qe": "que",
        "mnn": "manana", "mna": "manana", "sta": "esta",
        "kien": "quien", "kienes": "quienes", "kual": "cual", "kuales": "cuales",
        "kuando": "cuando", "kuanto": "cuanto",
    },
    "en": {
        "u": "you", "ur": "your", "r": "are", "pls": "please", "plz": "please", "thx": "thanks",
        "thnx": "thanks", "ty": "thanks", "2day": "today", "2moro": "tomorrow",
        "2morrow": "tomorrow", "b4": "before", "wat": "what", "wht": "what", "wen": "when",
        "whn": "when", "wher": "where", "whr": "where", "hw": "how", "info": "information",
        "addr": "address", "hrs": "hours", "hr": "hour", "bc": "because", "cuz": "because",
        "coz": "because", "abt": "about", "conf": "conference", "tho": "though",
        "mtg": "meeting", "mtgs": "meetings",
        "reg": "registration", "rehab": "rehabilitation", "prog": "programme",
        "sched": "schedule", "tmrw": "tomorrow",
    },
}  # fmt: skip

# Common function words of other languages written in Latin script. A text where they outweigh
# Spanish and English is in neither: the answer falls back to the user's language or English.
OTHER_WORDS = _words(
    """est des une quelle quel quels ou je vous nous pas sont dans avec pour qui quoi
    cest quest du au aux il elle ils mais merci bonjour salut ist nicht ich
    und der ein eine sind wie wann warum wo gibt bitte danke hallo guten mit auf zu
    sono della delle dove perche grazie ciao buongiorno questo quello voce nao obrigado
    obrigada onde tem voces muito"""
)

# Everyday-world nouns (health, food, sport, weather, travel, money, jobs...) that put a
# question in another domain: "opening hours of the hospital", "stock price". They name no
# event: a word the knowledge base itself uses anywhere is never off domain, so a medical
# congress may be asked about hospitals and a data-science meetup about Python.
OFF_DOMAIN = _words(
    """hospital hospitals doctor doctors dentist dental medical medicine medicines pharmacy nurse
    surgery vaccine vaccines covid sick illness disease symptoms hospitales medico medicos
    doctora dentista odontologo farmacia enfermera enfermero cirugia vacuna vacunas enfermedad
    sintomas restaurant restaurants restaurante restaurantes recipe recipes receta recetas cook
    cooking cocinar bake baking hornear pizza burger hamburguesa arepa arepas empanada empanadas
    ceviche tamales tacos pasta cake cakes pastel torta bread soup sopa discoteca nightlife
    windows linux macos iphone android python java javascript excel software printer impresora
    smartphone celular camera bitcoin crypto cryptocurrency stock stocks dollar
    dolar euro loan loans mortgage prestamo hipoteca football soccer futbol basketball baseball
    tennis nba nfl fifa olympics olympic olimpiadas mundial match partido gol league liga movie
    movies film pelicula peliculas tv television netflix song songs cancion canciones music
    musica concert concierto videogame game games juego juegos weather forecast rain raining
    snow sunny temperature clima lluvia llover llueve temperatura pronostico flight flights
    vuelo vuelos airline airlines aerolinea aerolineas beach beaches playa playas museum museums
    museo museos tourist turismo shopping mall tienda shoes zapatos rewards points puntos
    loyalty bonvoy miles millas joke jokes chiste chistes girlfriend boyfriend novia novio
    married casado casada dating age edad favorite favourite favorito favorita horoscope
    horoscopo lottery loteria atm cajero tourist tourists touristic turistico turisticos
    turistica turisticas turista turistas sightseeing attractions atracciones emergency
    emergencies emergencia emergencias ambulance ambulancia bomberos firefighters job jobs
    empleo empleos vacancy vacancies vacante vacantes hiring salary salario sueldo career
    careers budget budgets presupuesto presupuestos revenue revenues profit profits ganancias
    shareholders accionistas currency currencies moneda monedas exchange propina propinas
    tipping gym gimnasio pool piscina sauna spa spas massage masaje masajes casino embassy
    embassies embajada embajadas consulate consulates consulado consulados stolen steal stole
    robbed robbery theft thief thieves robo robos robaron roban ladron ladrones hurto asaltaron
    pickpocket carterista unemployment desempleo protest protests protesta protestas reviews
    review resenas resena ratings"""
)
# What a newcomer asks first: the entries answering them are the suggestions when nothing fits.
GENERAL_QUESTIONS = ("what is the programme", "when is the event", "where is the event")
# An organisation asked when it opens asks for its office hours, not the programme's times.
OPENING = _words("open opens opened opening abre abren abrira abierto abierta")
# A company asked who founded, owns or runs it: "who created facebook" is not about who
# created the event, although the event can be followed on social media.
BRANDS = _words(
    """facebook instagram whatsapp google apple microsoft amazon tesla twitter youtube linkedin
    netflix uber samsung tiktok"""
)
OWNERSHIP = _words(
    """created creo creador creadores founded founder founders fundo fundador fundadores
    invented invento inventor owner owners owns dueno duenos ceo company empresa compania"""
)
PLACE = "<place>"  # in a phrase: the event's city or a capitalised name ("in Lima")
# Phrases that ask for something else than information: "how do you say...", "cómo se dice...".
OFF_DOMAIN_PHRASES: tuple[tuple[str, ...], ...] = (
    ("how", "do", "you", "say"),
    ("how", "do", "i", "say"),
    ("how", "to", "say"),
    ("how", "do", "you", "spell"),
    ("how", "to", "spell"),
    ("como", "se", "dice"),
    ("como", "digo"),
    ("como", "se", "escribe"),
    ("como", "se", "pronuncia"),
    # the place itself, not the event held there: "what language is spoken in <city>"
    *(
        (verb, link, PLACE)
        for verb in ("speak", "spoken", "habla", "hablan", "fala", "falam")
        for link in ("in", "en", "em")
    ),
    *((noun, link, PLACE) for noun, link in (("history", "of"), ("historia", "de"))),
    ("time", "to", "visit"),
    ("epoca", "para", "visitar"),
    ("conocer", "la", "ciudad"),
    ("visit", "the", "city"),
    # the clock now, not the programme's times
    ("what", "time", "is", "it", "in"),
    ("what", "time", "is", "it", "now"),
    ("que", "hora", "es", "ahora"),
    ("near", "me"),
    ("cerca", "de", "mi"),
    ("social", "security", "number"),
    # money matters of everyday life
    ("exchange", "rate"),
    ("tipo", "de", "cambio"),
    ("interest", "rate"),
    ("tasa", "de", "interes"),
    ("open", "an", "account"),
    ("abrir", "una", "cuenta"),
)

# Arithmetic: "15 times 3", "5 por 3" — an operator word between two numbers.
_OPERATORS = _words("times x por plus mas minus menos multiplied divided dividido")


def arithmetic(words: list[str]) -> bool:
    """True when an operator word sits between two numbers ("what's 15 times 3")."""
    return any(
        words[i] in _OPERATORS and words[i - 1].isdigit() and words[i + 1].isdigit()
        for i in range(1, len(words) - 1)
    )
