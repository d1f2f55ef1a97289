"""Portuguese: the words and phrasings the matcher reads Portuguese with (data only)."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


BUILTINS: dict[str, tuple[str, ...]] = {
    "greeting": ("ola", "oi", "bom dia", "boa tarde", "boa noite", "e ai", "tudo bem",
                 "oi tudo certo", "ola tudo bem", "oi tudo bom", "e ai tudo bem", "opa",
                 "bom dia tudo bem", "oie", "oi gente"),
    "thanks": ("obrigado pela informacao", "obrigada pela ajuda", "obrigado pela resposta",
               "obrigado", "obrigada", "muito obrigado", "muito obrigada", "valeu",
               "ok obrigado", "agradeco",
               "obg", "brigado", "brigada", "valeu demais", "muito obrigado pela ajuda",
               "show obrigado", "beleza obrigado", "agradecido", "grato", "grata"),
    "help": ("ajuda", "o que voce pode fazer", "como funciona isso", "o que posso perguntar",
             "quem e voce", "comandos", "o que voce sabe fazer", "o que voce faz",
             "o que vc sabe responder", "o que voce sabe responder", "o que posso te perguntar",
             "que coisas posso te perguntar", "que coisas posso perguntar",
             "que tipo de pergunta voce responde", "como voce pode me ajudar",
             "em que voce pode ajudar", "preciso de ajuda", "como funciona", "me ajuda",
             "pra que voce serve", "quais comandos", "pra que serve isso", "para que serve isso"),
    "event:what": ("o que e este evento", "do que se trata o evento", "o que e esta conferencia",
                   "me fale sobre o evento", "do que se trata",
                   "que evento e esse", "do que se trata esse evento", "qual o nome do evento",
                   "como se chama o evento", "o que e isso", "me conta sobre o evento",
                   "sobre o que e o evento"),
    "event:when": ("quando e o evento",
                   "quais sao as datas",
                   "quando acontece o evento",
                   "quando e",
                   "quando vai ser",
                   "quando acontece",
                   "quais as datas",
                   "em que datas",
                   "que dias sao",
                   "qual a data",
                   "quando sera",
                   "em que dia e",
                   "em que data comeca",
                   "data de inicio",
                   "data de encerramento",
                   "em que data termina"),
    "event:where": ("onde e o evento", "onde acontece o evento", "onde fica a conferencia",
                    "onde e", "em que cidade",
                    "onde vai ser", "onde acontece", "qual o local", "onde fica o evento",
                    "em que cidade e", "qual a sede", "localizacao", "onde sera",
                    "pra onde eu vou"),
    "event:organiser": ("quem organiza o evento", "quem organiza isso",
                        "quem esta por tras do evento", "organizador", "organizadores",
                        "quem ta organizando", "quem esta organizando", "quem organiza",
                        "quem promove o evento", "qual instituicao organiza",
                        "quem realiza o evento", "quem faz o evento", "quem esta a frente"),
    "event:contact": ("como contato os organizadores", "contato", "email de contato",
                      "telefone dos organizadores", "com quem falo",
                      "como falo com a organizacao", "como entro em contato", "qual o email",
                      "tem email", "telefone de contato", "whatsapp da organizacao",
                      "com quem eu falo", "como contatar a organizacao", "contato da organizacao",
        "tem whatsapp",
        "numero de whatsapp",
        "email da organizacao",
        "como falo com os organizadores"),
    "event:duration": ("quanto tempo dura o evento", "quantos dias dura a conferencia",
                       "quanto dura", "quantos dias sao",
                       "quantos dias tem", "quanto tempo dura", "dura quantos dias",
                       "e um dia so"),
    "event:website": ("site", "qual e o site", "pagina do evento", "site oficial", "link do site",
                      "qual o site", "tem site", "link do evento", "onde vejo mais informacoes",
                      "pagina oficial", "endereco do site", "site do evento"),
    "venue:address": ("qual sala", "em que sala", "qual andar", "em que andar",
                      "qual e o endereco", "endereco do local", "endereco exato",
                      "onde fica exatamente",
                      "qual o endereco", "endereco", "endereco certinho", "endereco completo",
                      "em que rua fica", "onde fica o local", "qual o predio",
                      "localizacao exata"),
    "venue:directions": ("tem estacionamento", "onde estacionar", "onde deixo o carro",
                         "transporte publico", "estacao mais proxima", "de metro", "de onibus",
                         "como chego", "como chegar ao local", "como faco para chegar",
                         "como posso chegar",
                         "como chego la", "qual a melhor forma de chegar",
                         "qual o melhor jeito de chegar", "como chegar de transporte publico",
                         "qual estacao fica mais perto", "estacao de metro mais proxima",
                         "ponto de onibus mais perto", "da pra ir a pe", "tem onde estacionar",
                         "onde posso estacionar", "de uber", "de taxi",
        "qual a parada de onibus mais perto",
        "ponto de onibus mais proximo",
        "parada mais perto"),
    "event:start": ("que horas comeca", "quando comeca", "a que horas comeca", "que horas inicia",
                    "que horas abre", "a que horas abre", "que horas abrem as portas",
                    "que horas tenho que chegar", "que horas devo chegar", "horario de inicio",
                    "que horas comeca tudo", "quando comeca o evento"),
    "event:end": ("que horas termina", "quando termina", "que horas acaba", "a que horas termina",
                  "que horas fecha", "horario de encerramento", "que horas acaba tudo",
                  "ate que horas vai", "que horas finaliza"),
}  # fmt: skip

# Words that tell this language from the others in a short text (folded: lowercase, no accents).
FUNCTION_WORDS = _words(
    """os as um uma uns umas do da dos das na nas pelo pela pelos pelas com sem quem qual quais
    quando onde quanto quantos quantas sao estao esse essa isso isto tem vai vou voce voces meu
    minha seu sua nao sim tambem hoje amanha ontem agora depois obrigado obrigada ola oi ajuda
    bom boa tudo muito ate ao aos fica vem posso podem gostaria sexta terca quarta palestra
    palestras onibus eu chego perco que vc vcs pq tb tbm mto mt pra pro pros pras ta to tô ne
    valeu obg brigado brigada sabado domingo segunda quinta feira comeca termina acaba rolando
    tambem entao voces ingresso ingressos credenciamento cadeirante estacionamento cheguei
    perdi consigo vou deixo fala falam ajudou isso aqui algum alguma alguem coisa kkk o de em
    como dia dias evento para por porque proximo proxima semana sobre hora nada algo favor q se
    no acontece"""
)
# Endings typical of the language: weak evidence for a word no list knows.
ENDINGS: tuple[str, ...] = ("cao", "coes", "ao", "oes", "dade", "ando", "endo", "inho", "inha")
# Letters only (or mostly) this language writes, counted before folding.
MARKS = "ãõçâêôà"
ACCENTS = "áéíóú"  # shared with Spanish
# Words that ask for one of a session's facts (when, where, who, which room) or name a
# session in general: beside a session's own words they are what is asked, not its topic.
ASPECTS = _words(
    """quando onde quem hora horas horario horarios data dia sala salas andar palestrante
    palestrantes apresenta apresentam ministra ministram fala falam"""
)
# Tags that turn a statement into a question to confirm ("lunch is at 1, right?").
CONFIRMATION = _words("""certo verdade correto sim ne confirmar confere""")
# Nouns that name the event itself ("who runs this workshop?"), whatever it is called.
EVENT_NOUNS = _words(
    """evento conferencia congresso cupula oficina encontro simposio forum semana jornada
    hackathon festival"""
)
# "What do I miss?" beside an arrival (or, with LEAVE, a departure) day or time.
MISS = _words("perco perder perderei perdi perdemos perderia perca percam")
LEAVE = _words(
    "saio sair sairei embora fico ficar volto voltar voltarei voltamos retornar retorno"
)  # "só fico até"
# Leaving in two words ("meu voo sai na sexta").
LEAVE_PHRASES = frozenset(("voo sai", "voo parte", "de volta"))
# "When does day 3 end / start?": the day's last or first session.
DAY_END = _words("termina terminam terminou acaba acabam acabou encerra encerram encerrou")
DAY_START = _words("comeca comecam comecou inicia iniciam iniciou abre abrem abriu")
# A spelling only this language has (regular expression over the lowercased text, or "").
PATTERN = r"(?:^|\s)(?:é|à|às)(?:\s|$|\?)|ção|ções|ã|õ"
# Words that carry no topic (folded); joined to the Spanish and English ones in lexicon.py.
ARTICLES = _words("o a os as")  # "the hotel", "el hotel": a name's article is any article
STOPWORDS = _words(
    """exatamente precisamente oficialmente previamente normalmente geralmente teve houve
    aqui ali o os as um uma uns umas do da dos das em na nas ao aos pelo pela pelos pelas com sem
    que e tem ter ha havera vai vou eu voce voces meu minha meus minhas seu sua seus suas isso
    isto esse essa esses essas este esta estes estas aquele aquela se lhe muito mas ou ja tambem
    sao estao esta ser foi era qual quais quem gostaria queria saber posso favor
    obrigado obrigada oi ola tudo bem no nos num numa pra pro pros pras para por de me te lhe
    como mais menos algum alguma alguns algumas alguem algo coisa coisas todo toda todos todas
    tudo sobre ate desde entre quanto quanta quantos quantas vc vcs ele ela eles elas nosso
    nossa nossos nossas dele dela deles delas seria sera serao tera terao estou estamos somos
    sou fazer faz fazem poderia poderiam consigo conseguimos quero queremos preciso
    precisamos sei sabe sabem dizer diga me diz mesmo mesma tipo vem vindo rolando rola tenho
    temos tinha devo deve devemos tendo rolou acontecendo mal"""
)
# Chat filler: apologies, asides about the asker, hedges, courtesy and discourse markers.
FILLER = _words(
    """oxe oxente uai bah tche eita vixe aprox aproximadamente somente apenas
    desculpa desculpe desculpem perdao licenca prezado prezada prezados prezadas caro cara
    pessoal galera gente amigo amiga amigos colega colegas chefe gerente equipe empresa
    atenciosamente abracos abraco abs beijos att cordialmente agradeco agradecemos desde ja
    antemao atencao duvida duvidas pergunta perguntinha rapidinho rapida rapido entao bem
    tche bah uai ok okay beleza blz aliás alias inclusive realmente simplesmente talvez acho
    acredito
    disseram dizem ouvi entendi entender kkk kkkk kkkkk haha hahaha rs rsrs sei certeza
    represento representando confirmar confirma pediram pedir pediu queria queriamos gostariamos
    ainda ja tambem tb tbm primeira vez novo nova super muito mto demais empolgado
    empolgada curioso curiosa perdido perdida ajudou ajuda informar informe informa informem
    perto proximo proxima proximos proximas assistir assisto participar comparecer problema
    simples resumidamente brevemente eh ehh ahn hum hmm mm manda mande envia envie enviar mandar
    compartilha compartilhe compartilhem"""
)  # the last words: hesitations
# Phrases of two words read as the one word they mean ("fazer parte" is "participar"), or as
# none; the second word becomes a function word, so positions are kept.
PHRASAL: dict[tuple[str, str], str] = {
    ("fazer", "parte"): "participar",
    ("poucas", "palavras"): "the",  # "em poucas palavras": how, not what
    ("me", "passa"): "the",  # "me passa o link": a request ("passe" alone is a pass)
}  # fmt: skip
# Diminutives ("cafezinho", "cachorrinho"): an ending and what the word ends in without it.
# After "-inho" and its kin the word keeps four letters or more ("carinho" is no small "caro").
DIMINUTIVES: tuple[tuple[str, str], ...] = (
    ("zinhos", ""), ("zinhas", ""), ("zinho", ""), ("zinha", ""),
    ("inhos", "os"), ("inhas", "as"), ("inho", "o"), ("inha", "a"),
)  # fmt: skip
# Texting abbreviations ("vc" is "você", "q" is "que").
ABBREVIATIONS: dict[str, str] = {
        "vc": "voce", "vcs": "voces", "q": "que", "pq": "porque", "tb": "tambem",
        "tbm": "tambem", "mto": "muito", "mt": "muito", "mta": "muita", "hj": "hoje",
        "qdo": "quando", "qnd": "quando", "qndo": "quando", "qto": "quanto", "qtos": "quantos",
        "qnts": "quantos", "qnt": "quanto", "qnto": "quanto",
        "ta": "esta", "to": "estou", "tô": "estou", "pra": "para", "pro": "para",
        "pros": "para", "obg": "obrigado", "brigado": "obrigado", "brigada": "obrigada",
        "vlw": "valeu", "msm": "mesmo", "cmg": "comigo", "td": "tudo", "tds": "todos",
        "blz": "beleza", "info": "informacao", "hr": "hora", "hrs": "horas", "amnh": "amanha",
        "onde": "onde", "ond": "onde", "aki": "aqui", "naum": "nao", "n": "nao",
        "oq": "que", "oque": "que", "qm": "quem", "qual": "qual", "ql": "qual", "cd": "cade",
        "qse": "quase", "msg": "mensagem", "agr": "agora", "dps": "depois",
}  # fmt: skip
# Words that name a strand of parallel sessions ("the data science track").
TRACK_WORDS = _words("track tracks trilha trilhas eixo eixos")
# Arriving ("I arrive on the 21st, what do I miss?"): what comes before is missed.
ARRIVE = _words(
    "chego chegar chegarei chegamos chegaremos cheguei chegando chega chegam chegara chegarao"
)
# What one can still attend beside an arrival or departure ("o que eu consigo pegar?").
CATCH = _words("pegar pego pegarei assistir ainda resta sobra")  # "o que me resta"
# Past forms that, beside an arrival, still ask what one misses ("o que terei perdido?").
MISSED = _words("perdido")
# Month names and abbreviations (folded), by month number.
MONTHS: dict[str, int] = {
    **dict.fromkeys(["janeiro", "jan"], 1),
    **dict.fromkeys(["fevereiro", "fev"], 2),
    **dict.fromkeys(["marco", "mar"], 3),
    **dict.fromkeys(["abril", "abr"], 4),
    **dict.fromkeys(["maio", "mai"], 5),
    **dict.fromkeys(["junho", "jun"], 6),
    **dict.fromkeys(["julho", "jul"], 7),
    **dict.fromkeys(["agosto", "ago"], 8),
    **dict.fromkeys(["setembro", "set"], 9),
    **dict.fromkeys(["outubro", "out"], 10),
    **dict.fromkeys(["novembro", "nov"], 11),
    **dict.fromkeys(["dezembro", "dez"], 12),
}
# Weekday names and abbreviations (folded), Monday = 0.
WEEKDAYS: dict[str, int] = {
    **dict.fromkeys(["sexta"], 4),
    **dict.fromkeys(["terca"], 1),
    **dict.fromkeys(["quarta"], 2),
    **dict.fromkeys(["sabado"], 5),
    **dict.fromkeys(["domingo"], 6),
}
# Numbers written out ("dia vinte e um", "nove um um", "dois mil e quinze"), read as digits.
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "um": 1, "uma": 1, "dois": 2, "duas": 2, "tres": 3, "quatro": 4, "cinco": 5,
    "seis": 6, "sete": 7, "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12,
    "treze": 13, "catorze": 14, "quatorze": 14, "quinze": 15, "dezesseis": 16,
    "dezasseis": 16, "dezessete": 17, "dezassete": 17, "dezoito": 18, "dezenove": 19,
    "dezanove": 19, "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60,
    "setenta": 70, "oitenta": 80, "noventa": 90, "cem": 100, "cento": 100, "duzentos": 200,
    "duzentas": 200, "trezentos": 300, "quatrocentos": 400, "quinhentos": 500,
    "seiscentos": 600, "setecentos": 700, "oitocentos": 800, "novecentos": 900, "mil": 1000,
}  # fmt: skip
NUMBER_LINKS = _words("e")  # "vinte e um", "cento e vinte"
# A person's age ("tenho 15 anos", "meu filho tem 14 anos", "minha filha de 12 anos"): a
# number and a unit of years, with the asker speaking of themself just before it (AGE_SELF) or a
# person named near it (AGE_PERSONS); "o festival tem 15 anos" and "faz 2 anos que" are no age.
# Below the age of majority (TUNING), read as the "minor" concept.
AGE_UNITS = _words("anos aninhos")
AGE_SELF = _words("tenho temos")
AGE_PERSONS = _words(
    "filho filha filhos filhas irmao irma irmaozinho irmazinha sobrinho sobrinha neto neta"
)
AGE_LINK = _words("de")  # between the unit and what it counts ("anos de carreira")
AGE_OF = _words("idade")  # "de idade": still an age
# Words pointing at the room the asker is in ("estou na Sala 2, o que vem depois aqui?"):
# beside a room named in the same message, that room.
ROOM_HERE: tuple[str, ...] = (
    "esta sala", "nesta sala", "essa sala", "nessa sala", "neste auditorio", "aqui"
)  # fmt: skip
# Words after which the question follows ("preciso saber quanto dura…", "meu chefe perguntou
# quem…"), folded: what follows them is a clause of its own.
WISH_LEADS: tuple[str, ...] = ("saber", "perguntou", "me pergunta", "explicar")
# Words that correct what was just said ("na segunda... não, desculpa, na terça"): with a
# day on each side, the day after them is the one asked.
CORRECTIONS: tuple[str, ...] = (
    "quis dizer",
    "quero dizer",
    "queria dizer",
    "me enganei",
    "desculpa",
    "nao espera",
)
# The year as a unit: "o ano que vem" is another edition, no next session.
YEAR_WORDS = _words("ano anos")
# Beside a year word, the last one: another edition ("o ano passado", "o ano anterior").
LAST_YEAR = _words("passado anterior")
# Beside a year word, the next one: another edition.
NEXT_YEAR = _words("proximo que vem seguinte")
# Who a session is for: "tem algo para ONGs?", "é só para governo?". After a head word and a
# link, the group named is the audience asked about, not a topic.
FOR_WHOM_HEADS = _words("algo coisa so voltado voltada voltados destinado destinada dirigido")
FOR_WHOM_LINKS = _words("para pra pro")
FOR_WHOM_ANY = _words("alguma algum uma um")  # "tem alguma sessão pra...?"
INFINITIVE_ENDINGS = ("ar", "er", "ir")  # "algo para comer": a purpose, no group
# Letters texted for the sound they make: "kem" is "quem", "kasa" is "casa", "konta" "conta".
SOUNDALIKES: tuple[tuple[str, str], ...] = (("k", "qu"), ("k", "c"))
# Between the first and last day of a range of days.
DAY_RANGE = _words("a ao ate")  # "de 19 a 23 de outubro"
# What remains of today, asked beside it.
LEFT_WORDS = _words("falta faltam resta restam sobra")  # "o que falta hoje?"
# Verbs that join a thing to what is said of it.
COPULAS = _words("e sao sera serao fica")  # "o leilão é no domingo, né?": the day is claimed
# Small counts ("in two days").
COUNTS: dict[str, int] = {
    **dict.fromkeys(["um", "uma"], 1),
    **dict.fromkeys(["dois", "duas"], 2),
    **dict.fromkeys(["tres"], 3),
    **dict.fromkeys(["quatro"], 4),
    **dict.fromkeys(["cinco"], 5),
    **dict.fromkeys(["seis"], 6),
    **dict.fromkeys(["sete"], 7),
}
# The people who run the event: they may stand beside a built-in question ("the secretariat's
# email", "el correo de los organizadores").
ORGANISER_NOUNS = _words("secretaria organizadores comissao equipe organizador")
# The word that asks what a thing is ("what is X?").
WHAT = _words("que")
# What a venue is called in general ("como chego ao local?").
VENUE_NOUNS = _words("local")
# What a question about a session mostly wants (bot/domain/focus.py): its place, its time,
# or what it is; CLOCK words make a "what" ask when ("what time...").
FOCUS_WHERE = _words("onde endereco local localizacao localizado localizada fica")
FOCUS_WHEN = _words("quando data dia hora horario comeca inicia")
FOCUS_ABOUT = _words("que sobre explica conte objetivo proposito temas quem porque")
FOCUS_CLOCK = _words("hora horas horario dia data")
FOCUS_DAY = _words("dia data dias datas")  # asked which day, not at what time
# Words that open a question (folded).
QUESTION_WORDS = _words(
    """o que quais qual quem quando onde quanto quanta quantos quantas como tem pode posso sera
    vai existe ha"""
)
# Words that sweep the rest of the programme into a claim ("everything else is at...").
ALL_OF = _words("tudo todo todos todas resto demais exceto menos outros outras isso")
# Tags that end a statement asking to confirm it; the strong ones need no question mark.
TAGS = _words("certo verdade sim ne confere correto nao isso")  # "..., não?", "é isso?"
STRONG_TAGS = _words("ne confere")
# Words that open a salutation or sign-off ("Dear organisers,", "Best regards").
SALUTATIONS = _words(
    """prezado prezada prezados prezadas caro cara caros caras atenciosamente abraco abracos
    cordialmente saudacoes"""
)
# Words of a wish to know ("I would like to know..."): the sentence asks.
WISHES = _words("saber confirmar gostaria queria informar dizer")
# A person's contact details ("her email", "su correo"): the KB gives a speaker's only
# when a speaker's own text holds them.
CONTACT_WORDS = _words("email mail telefone celular numero whatsapp linkedin contato")
# Words that thank ("thanks", "gracias"): with greetings and praise alone, a message only
# thanks ('thanks, that's really useful!').
THANKS = _words(
    "obrigado obrigada obrigados obrigadas obrigadao obrigadona obrigadissimo obrigadissima valeu"
    " agradeco brigado brigada"
)
# Praise and intensifiers that ride along with thanks or a greeting ('awesome', 'genial').
PRAISE = _words(
    """util uteis otimo otima perfeito perfeita excelente legal show demais muito muita massa
    fera top brabo
    muitissimo bem gentil gentis atencioso atenciosa atenciosos"""
)

# Words addressing the one thanked or greeted as a friend ("valeu mano", "obrigado, cara"),
# and what a thanks says it did ("ajudou demais").
VOCATIVES = _words(
    """mano mana cara parceiro parceira amigo amiga galera gente brother bro ajudou ajudaram
    salvou info informacao informacoes"""
)
# Words of a request ("I need", "necesito", "preciso"): after thanks, a request is asked.
REQUESTS = _words(
    "preciso precisamos quero queremos gostaria poderia poderiam pode podem posso mandem enviem"
    " manda mande envia envie"
)
# Greetings and thanks: beside a question about something else, manners, not its topic.
COURTESY = _words("ola oi obrigado obrigada valeu")
# Polite words that join the greetings in weighing little ("please", "por favor").
POLITE = _words("favor")
# Words that frame a question about any topic ("tell me about", "do they give",
# "recommend"): never the topic itself, whether or not the KB happens to use them.
FRAMING = _words(
    """existe existem existiu existir vendem vende comeca comecam
    trata tratam fala falam falo aborda abordam abordar significa recomenda recomendam
    recomendar sugere sugerem detalhes cobre oferecem oferece dao dar entregam levar levo
    trazer trago consiste consistem passando passam exibem exibindo"""
)
# Verbs of bringing something along: the thing brought is what is asked about.
BRING = _words("levar trazer levo trago")
# Tasks asked of the assistant itself ("can you write me..."): no question about the event.
TASKS = _words(
    """escreva escreve escrever traduza traduz traduzir gere gerar desenhe
    desenhar programe programar resolva resolver"""
)
# Words that address the assistant ("can you", "¿puedes?").
BOT_NAMES = _words("bot chatbot assistente robo")  # "oi bot": a greeting to the bot itself
ADDRESS = _words("voce pode poderia podes")

# Time words (bot/domain/date_words.py joins every language's). Words that name a day relative
# to today, "now" or "next": (kind, offset).
RELATIVE_WORDS: dict[str, tuple[str, int]] = {
    "hoje": ("day", 0),
    "amanha": ("day", 1),
    "ontem": ("day", -1),
    "agora": ("now", 0),
}
# Phrases that name a time: (kind, offset); "week" counts days from this week's Monday.
TIME_PHRASES: dict[tuple[str, ...], tuple[str, int]] = {
    ("depois", "de", "amanha"): ("day", 2),
    ("e", "depois", "de", "amanha"): ("day", 2),  # (before the next one)
    ("e", "depois"): ("next", 0),  # "e depois?" (not "depois do congresso": a step from it)
    ("depois", "disso"): ("next", 0),
    ("a", "seguir"): ("next", 0),  # European "o que vem a seguir?" ("a seguir ao almoço": a step)
    ("vem", "depois"): ("next", 0),  # "o que vem depois?" ("...depois do almoço": a step)
    ("anteontem",): ("day", -2),
    ("antes", "de", "ontem"): ("day", -2),
    ("essa", "semana"): ("week", 0),
    ("nesta", "semana"): ("week", 0),
    ("nessa", "semana"): ("week", 0),
    ("semana", "toda"): ("event-week", 0),
    ("semana", "inteira"): ("event-week", 0),
    ("semana", "que", "vem"): ("week", 7),
    ("fim", "de", "semana"): ("weekday", 5),
    ("esta", "manha"): ("day", 0),
    ("esta", "noite"): ("day", 0),
    ("neste", "momento"): ("now", 0),
    ("nesse", "momento"): ("now", 0),
}
# Ordinals of the event's days ("o terceiro dia"); -1 is the last. "Segunda", "quarta" and
# "quinta" alone are weekdays in Portuguese: Spanish reads them as ordinals.
ORDINAL_DAYS: dict[str, int] = {
    **dict.fromkeys(("primeiro", "primeira"), 0),
    **dict.fromkeys(("terceiro", "terceira"), 2),
    **dict.fromkeys(("ultimo", "ultima", "encerramento"), -1),
}
DAY_NOUNS = _words("dia")  # "dia 2", "o terceiro dia"
# Nouns whose first or last is the first or last day's ("a última sessão").
DAY_SESSION_NOUNS = _words("sessao atividade evento")
SPAN_DAYS = _words("dia dias")  # "em 2 dias"
SPAN_BEFORE = _words("em daqui")
SPAN_AFTER = _words("depois")
COMING = _words("proximo proxima")  # "na próxima segunda"
DATE_LINKS = _words("o de do da no na para em a")  # before a bare day number: "no dia 21"
# "Próximo" after a noun or "more" means near ("a estação mais próxima"), not next.
NEARBY = _words("proximo proxima proximos proximas")
NEARER = _words("mais muito bem bastante")
NOT_NEAR = _words("semana mes ano vez edicao dia dias sessao")  # "a semana próxima": next
# Weekdays written with "-feira" ("segunda-feira", folded: segunda feira), Monday = 0.
FEIRA_DAYS: dict[str, int] = {"segunda": 0, "terca": 1, "quarta": 2, "quinta": 3, "sexta": 4}
# ...written short ("5ª feira", "na 6a", "5a de manhã"), not an ordinal ("na 2a sessão").
FEIRA_SHORT: dict[str, int] = {"2a": 0, "3a": 1, "4a": 2, "5a": 3, "6a": 4}
# ...or after a word only Portuguese puts before a weekday ("na quinta", "nesta segunda").
FEIRA_LINKS = _words("na nesta nessa ate de pra para")
# Words that point back at what the message named ("what's after this?").
BACK_REFERENCES = _words("isso isto")
# Nouns for the programme as a whole ("what's the schedule?").
# "O que tem?" alone: what is on now during the event, else its programme.
WHATS_ON = frozenset(
    [
        "o que tem",
        "que tem",
        "oq tem",
        "o que ta rolando",
        "o que esta rolando",
        "o que ta acontecendo",
        "o que esta acontecendo",
    ]
)
PROGRAMME_NOUNS = _words("programacao programa agenda cronograma grade")
# Everyday things of any conference, by a concept shared across languages: a question in one
# language finds the KB's word for it in another ("festa" -> "after-party").
CONCEPTS: dict[str, tuple[str, ...]] = {
    "audience": ("dirigido", "dirigida", "destinado", "destinada", "voltado", "voltada"),
    "party": ("festa", "festas", "happy hour", "after party", "confraternizacao"),
    "lunch": ("almoco", "almocos", "almocar"),
    "dinner": ("jantar",),
    "coffee": ("cafe",),
    "wifi": ("wifi", "internet"),
    "password": ("senha",),
    "parking": ("estacionamento", "estacionar", "deixar o carro", "deixo o carro", "parar o carro"),
    "ticket": ("ingresso", "ingressos"),
    "certificate": ("certificado", "certificados"),
    "recording": ("gravacao", "gravacoes", "gravada", "gravadas"),
    "slides": ("slides",),
    "badge": ("cracha", "crachas"),
    "toilet": ("banheiro", "banheiros"),
    "food": ("comida", "comidas", "comer"),
    "vegetarian": ("vegetariano", "vegetariana", "vegano", "vegana"),
    "wheelchair": ("cadeira de rodas", "cadeirante"),
    "livestream": (
        "transmissao",
        "transmissoes",
        "ao vivo",
        "transmitir",
        "transmitida",
        "transmitidas",
        "streaming",
        "assistir online",
        "assistir pela internet",
        "ver pela internet",
        "ver online",
        "pela internet",  # following from afar, not the venue's wifi
        "via internet",
    ),
    "minor": (
        "menor",
        "menores",
        "menor de idade",
        "menores de idade",
        "adolescente",
        "adolescentes",
    ),
    "child": ("crianca", "criancas", "filho", "filha", "filhos", "filhas", "bebe", "bebes", "nene"),
    "breastfeeding": ("amamentar", "amamentacao", "lactacao", "lactante"),
    "discount": ("desconto", "descontos", "barato", "barata", "baratos"),
    "refund": ("reembolso", "reembolsos", "devolucao", "estorno", "dinheiro de volta"),
    "payment": ("pagar", "pagamento", "pagamentos", "pago", "paguei", "paga", "pagos"),
    "luggage": ("bagagem", "bagagens", "mala", "malas"),
    "lodging": ("hospedagem", "alojamento", "hospedar", "onde ficar"),
    "bike": ("bike", "bikes", "bicicleta", "bicicletas"),
    "press": (
        "imprensa",
        "jornalista",
        "jornalistas",
        "midia",
        "entrevista",
        "entrevistas",
        "jornal",
    ),
    "dollar": ("dolar", "dolares", "usd"),
    "euro": ("euro", "euros", "eur"),
    "real": ("reais", "brl"),
    "keynote": ("plenaria", "plenarias", "magna", "keynote"),
    "inauguration": ("abertura", "inauguracao", "inaugural"),
}
# Clitic pronouns a verb follows ("me conecto", "se me acabaron"): an unknown word after one is
# an action, not a topic the KB fails to cover.
VERB_MARKERS = _words("me te se nos")
# Words that ask who (a session's speakers).
WHO = _words("quem")
DISTANCE = _words("longe perto distancia")  # how far a place is asks the way there
TIME_UNITS = _words(
    "minuto minutos min hora horas h dia dias semana semanas mes meses ano anos"
)  # "30 minutes": a length, no count of things
EXITS = _words("sair sai saimos saindo")  # leaving a place: the way from it, not its business
MEANS = _words("de pelo pela")  # before how one travels: "de metrô"
# The words a question opens with ("I overslept, what did I miss?" is a statement, then one).
WH_WORDS = _words("onde quando quem como qual quais") | frozenset(["o que"])
# Words that name where a trip starts ("from downtown"): the origin is no topic of the event.
ORIGIN = _words("desde do da dos das")  # "como chego do aeroporto até o local?"
# The noun that asks where a place is, street and number: beside a venue's name, that venue's
# address is what is asked, whatever else the message says.
STREET_ADDRESS = _words("endereco morada")
# Words that open an indirect question after "and" ("...and if there is parking").
IF_WORDS = _words("se")
# Words that ask the way to a place ("como chego a X", "qual parada de metrô", "quanto tempo a
# pé"): beside a venue's name, that venue's directions (so does a means of travel, "de metrô":
# MEANS then TRAVEL).
WAY_ASKED = frozenset(
    [
        "como chego", "como se chega", "como chegar", "como vou", "como ir", "a pe",
        "qual parada", "qual linha", "muito longe", "a que distancia",
    ]
)  # fmt: skip
WHICH = _words("qual que")  # before a way of travelling: "qual ônibus" asks the way
# Ways of travelling: a topic of their own beside any built-in question but the way there
# ("when does the metro close?" asks of the metro, not of the event).
TRAVEL = _words(
    "onibus metro trem bonde taxi uber carro estacionamento voo voos aviao autocarro comboio busao"
    " estrada"
)

# Times of day (bot/domain/clock_words.py joins every language's). Words before a bare hour that
# make it a time of day ("às 14").
BEFORE_HOUR: tuple[tuple[str, ...], ...] = (
    ("as",), ("das",), ("ate", "as"), ("depois", "das"), ("antes", "das"), ("entre",),
)  # fmt: skip
TIME_AFTER = _words("depois apos")  # "depois das 18h": from then to the end of the day
TIME_BEFORE = _words("antes")  # "antes das 10h": from the day's start until then
OR_WORDS = _words("ou")  # "before or after": a choice of sides
AND_WORDS = _words("e")  # "and where is it?": a question joined to the one before
# Before a question word: "e a que horas?", "em que sala?".
QUESTION_LEADS = _words("a em de para por com desde no na")
# Two sessions compared: "which comes first, X or Y?", "the same place", "different venues".
COMPARE_FIRST = _words("primeiro primeira")
COMPARE_SAME = _words("mesmo mesma mesmos mesmas diferente diferentes")
COMPARE_PLACES = _words("lugar lugares local locais sede sedes hotel predio")
TIME_LINKS = _words("de das da do as a")  # words between them and the time
HOUR_HEDGES = _words("umas volta aproximadamente")  # between a link word and an hour
NOON_WORDS = _words("meiodia")  # a part of the day that ends a range
NEGATIONS = _words("nao nunca")  # before a "before" hour: it is when one arrives
REACH = _words("estar estou estaremos estamos")  # "não consigo estar antes das"
HOUR_RANGE = _words("a e ate as")  # "das 10 às 12"
NOT_HOUR = _words("de dias dia")  # "dia 11 de março": a day of the month
AFTER_SPELLED_HOUR = _words("da de do na no em e")  # what follows an hour written out
# Hours spelled out, after a link word ("às duas", "à uma e meia").
# (The hour is feminine: "à uma", "às duas", never "um", "dois".)
HOUR_NAMES = {w: n for w, n in NUMBER_WORDS.items() if 1 <= n <= 12 and w not in ("um", "dois")}
HOUR_FRACTIONS: dict[tuple[str, ...], int] = {("e", "meia"): 30, ("e", "quinze"): 15}
# Parts of the day: the window they name (end 24:00 is written as None).
DAY_PARTS: dict[str, tuple[int, int | None]] = {
    "noite": (18, None), "manha": (6, 12), "madrugada": (0, 6), "tarde": (12, 18), "cedo": (6, 9),
}  # fmt: skip
PART_NEEDS_LINK = _words("tarde noite")  # alone, "tarde" is late
PART_LINKS = _words("a na pela nesta essa esta")
GREETING_WORDS = _words("bom boa")
NOW_WORDS = _words("agora")
MORNING_WORDS = _words("manha")
LATER_WORDS = _words("tarde noite")
# Nouns of a session someone gives (a talk has speakers; a coffee break does not).
TALK_NOUNS = _words("palestra palestras apresentacao apresentacoes")
