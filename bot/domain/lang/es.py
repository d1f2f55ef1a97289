"""Spanish: the words and phrasings the matcher reads Spanish with (data only)."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


BUILTINS: dict[str, tuple[str, ...]] = {
    "greeting": ("hola", "buenas", "buenos dias", "buenas tardes", "buenas noches", "saludos",
                 "hola que tal", "que tal"),
    "thanks": ("gracias", "muchas gracias", "mil gracias", "te agradezco", "ok gracias",
               "perfecto gracias", "genial gracias"),
    "help": ("ayuda", "que puedes hacer", "como funciona esto", "que te puedo preguntar",
             "como te uso", "quien eres", "comandos", "menu"),
    "event:what": ("que es este evento", "de que se trata el evento", "que es esta conferencia",
                   "cuentame sobre el evento", "de que se trata"),
    "event:when": ("cuando es el evento", "cuales son las fechas", "en que fechas es",
                   "cuando se realiza el evento", "cuando es"),
    "event:where": ("donde es el evento", "donde se realiza el evento", "donde es la conferencia",
                    "donde es", "en que ciudad"),
    "event:organiser": ("quien organiza el evento", "quien organiza esto", "quienes organizan",
                        "quien esta detras del evento", "organizador", "organizadores"),
    "event:contact": ("como contacto a los organizadores", "contacto", "correo de contacto",
                      "telefono de los organizadores", "a quien contacto", "correo electronico"),
    "event:duration": ("cuanto dura el evento", "cuantos dias dura la conferencia", "cuanto dura",
                       "cuantos dias son"),
    "event:website": ("sitio web", "pagina web", "cual es la pagina web", "web del evento",
                      "enlace de la pagina"),
    "venue:address": ("en que sala", "que sala", "que piso", "en que piso", "numero de sala",
                      "cual es la direccion", "direccion de la sede", "direccion exacta",
                      "donde queda exactamente"),
    "venue:directions": ("hay parqueadero", "hay estacionamiento", "donde parqueo",
                         "donde estaciono", "transporte publico", "estacion mas cercana",
                         "en bus", "en metro", "como llego", "como llegar a la sede",
                         "indicaciones para llegar",
                         "como puedo llegar"),
}  # fmt: skip

# Words that tell this language from the others in a short text (folded: lowercase, no accents).
FUNCTION_WORDS = _words(
    """el la los las lo un una unos unas de del al en y que quien quienes cual cuales como cuando
    donde cuanto cuanta cuantos cuantas es son esta estan este hay habra se mi por para con sin
    sobre pero tambien puedo tengo tiene hoy manana ayer ahora sigue siguiente despues lunes
    martes miercoles jueves viernes sabado domingo octubre dia dias fecha hora semana evento
    gracias hola ayuda buenos buenas q xq porque porfa favor algo nada donde proximo proxima dnd
    pq tmb cdo oye disculpe necesito quisiera lun mie mier jue vie sab dom ayudame ayudeme
    ayudenme"""
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
    """cuando donde quien quienes hora horas fecha dia sala salas piso ponente ponentes da dicta
    dictan presenta presentan imparte imparten habla hablan"""
)
# Tags that turn a statement into a question to confirm ("lunch is at 1, right?").
CONFIRMATION = _words("""cierto verdad correcto si confirmo confirmar no""")
# Nouns that name the event itself ("who runs this workshop?"), whatever it is called.
EVENT_NOUNS = _words(
    "evento conferencia congreso cumbre taller encuentro simposio foro semana jornadas jornada"
)
# "What do I miss?" beside an arrival (or, with LEAVE, a departure) day or time.
MISS = _words("pierdo perdere perderia perder perderme")
LEAVE = _words("salgo saldre irme retiro")
# "When does day 3 end / start?": the day's last or first session.
DAY_END = _words("termina terminan acaba acaban finaliza finalizan cierra cierran")
DAY_START = _words("empieza empiezan comienza comienzan inicia inician")
# A spelling only this language has (regular expression over the lowercased text, or "").
PATTERN = r"(?:^|\W)(?:ñ|¿|¡)"
