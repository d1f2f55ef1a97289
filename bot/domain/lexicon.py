"""Word lists across languages: stopwords and abbreviations (joined from bot/domain/lang/),
other languages' function words, everyday-world words and phrases that place a question
elsewhere.

Every list is folded (lowercase, accent-free). They describe how people type, not this event:
no list may name a topic of the knowledge base.
"""

from __future__ import annotations

from bot.domain.lang import LANGUAGES, words_of


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that carry no topic, and chat filler (apologies, asides, hedges), of every language
# (bot/domain/lang/): in a long message they surround the question without being its topic.
STOPWORDS = words_of("STOPWORDS") | words_of("FILLER")
# Texting abbreviations, by language: "dnd" is "donde" in Spanish but "D&D" in English.
ABBREVIATIONS: dict[str, dict[str, str]] = {
    code: dict(getattr(module, "ABBREVIATIONS", {})) for code, module in LANGUAGES.items()
}
PHRASAL: dict[str, dict[tuple[str, str], str]] = {
    code: dict(getattr(module, "PHRASAL", {})) for code, module in LANGUAGES.items()
}


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
    review resenas resena ratings
    farmacia medicos receita receitas cozinhar futebol filme filmes musica chuva chover
    previsao voo voos praia praias museu museus turistico turisticos turistas passeios
    piada piadas namorada namorado emprego empregos salario orcamento cambio gorjeta
    gorjetas piscina massagem cassino embaixada consulado roubo roubaram ladrao assalto
    desemprego protesto protestos teleferico telefericos frio calor dangerous unsafe
    peligroso peligrosa perigoso perigosa"""
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
    ("taxa", "de", "cambio"),
    ("casa", "de", "cambio"),
    ("esta", "el", "dolar"),  # "¿a cómo está el dólar?", "¿a cuánto está el dólar hoy?"
    ("cotizacion", "del", "dolar"),
    ("cotacao", "do", "dolar"),
    ("cambiar", "dinero"),
    ("cambiar", "plata"),
    ("trocar", "dinheiro"),
    ("exchange", "money"),
    ("change", "money"),
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


ARTICLES = words_of("ARTICLES")  # of every language: "the hotel", "el hotel", "o hotel"
