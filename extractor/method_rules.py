"""Rules that say "used" or "not used" for one method mention where a rule states it better than the
classifier: negation and its scope, dropped methods, other units, earlier projects, plans to
investigate, descriptions of a method, agenda titles, tick boxes and budget lines.

Every rule reads the mention's sentence with this mention's name replaced by MASK
("Ankaret arbetar inte enligt METODNAMN.") and, where scope matters, only the clause around it.
"""
from __future__ import annotations

import re

from .method_use import MASK, OWN_USE_RE, OWN_WORDS_RE, STAFF, SUBJECTS, USE_VERBS, states_use

# A clause ends at punctuation or at a conjunction that starts a new statement:
# "Vi använde MI, men inte AWP" -> "men inte AWP" is AWP's clause.
# "… har inga väntetider och erbjuder METODNAMN": "och" before a verb of use starts a new clause.
CLAUSE_BREAK_RE = re.compile(
    rf"[,;:]|\s[–—]\s|\s(?:men|utan|eftersom|medan|fast|då)\s|\soch\s(?=(?:{USE_VERBS}|får|ges|erbjuds)\b)", re.I)
# "inte minst", "inte bara", "inget hinder" do not negate; "inte heller", "inte längre" do.
NEGATION_RE = re.compile(
    r"\b(?:inte|ej|icke|aldrig|inga|ingen|inget|varken|not|never|neither|cannot|won't|don't|doesn't)\b"
    r"(?!\s+(?:minst|bara|enbart|endast|sällan|ovanligt|hinder|tvekan|tvivel|problem)\b)", re.I)
NEGATION_REACH = (7, 6)  # words a negation may stand before / after the name
# "Ingen i teamet har arbetat med IPS", "Inga coacher använder AWP": the negation is the subject itself, so a
# verb of use after it is denied too.
NEGATED_SUBJECT_RE = re.compile(
    rf"\s+(?:(?:i|av|bland|inom)\s+)?(?:{SUBJECTS}|{STAFF}|oss|personal\w*)\b", re.I)
NEGATING_SUBJECTS = {"ingen", "inga", "inget"}
# "Deltagare som inte har arbetat får IPS": the negation belongs to the relative clause before the name.
RELATIVE_NEGATION_RE = re.compile(r"\bsom\s+(?:\w+\s+)?(?:inte|ej|aldrig)\b", re.I)
DROPPED_WORDS = (
    r"utgår(?!\s+(?:från|ifrån|ut))|utgick(?!\s+(?:från|ifrån))|ströks|stryks|struks|strukits|"
    r"valts bort|valt bort|valdes bort|valde bort|väljer bort|välja bort|tas bort|togs bort|tagits bort|"
    r"ställdes in|ställts in|ställs in|avvecklades|avvecklats|lades ner|lagts ner|"
    r"kom aldrig igång|avstår från|avstod från|avstått från|"
    # postponed past the period reported on: "utbildningen i METOD sköts upp till nästa år"
    r"sköts upp|skjuts upp|skjutits upp|har skjutits upp|flyttades fram|har flyttats fram|"
    r"framflyttad|framflyttat|framflyttats|senarelagd|senarelagt|senarelagts|senarelades|"
    r"uppskjuten|uppskjutet|uppskjutits|försenad|försenat|försenats|försenades|"
    # stopped: "SMAIL-skattningarna avbröts när licensen gick ut"
    r"avbröts|avbrutits|avbruten|avbrutet")
DROPPED_RE = re.compile(rf"\b(?:{DROPPED_WORDS})\b", re.I)
# "Projektet prövade METODNAMN, men det avvecklades": the name's own subject dropped later in the sentence.
DROPPED_LATER_RE = re.compile(
    rf"\b(?:det|den|metoden|instrumentet|verktyget|skattningen|arbetssättet|{MASK})\s+(?:\w+\s+){{0,3}}?"
    rf"(?:{DROPPED_WORDS})\b"
    # "All personal är utbildad i METODNAMN, men metoden används inte …", "… men det är inget insatsen använder"
    rf"|\b(?:det|den|metoden|instrumentet|verktyget|skattningen|arbetssättet)\s+(?:\w+\s+)?"
    rf"(?:används|användes|har använts|tillämpas|tillämpades|ingår|ingick|erbjuds|erbjöds)\s+(?:\w+\s+)?"
    rf"(?:inte|ej|aldrig)\b(?!\s+(?:bara|enbart|endast)\b)"
    rf"|\b(?:det|den|metoden)\s+är\s+(?:inget|ingenting|inte\s+något)\s+(?:som\s+)?(?:vi|insatsen|projektet|teamet)\b"
    # "… en kurs i METODNAMN, som dock inte används i insatsen"
    rf"|^{MASK}[\w-]*\W+som\s+(?:\w+\s+)?(?:inte|ej|aldrig)\s+(?:används|användes|har använts|tillämpas|ingår|erbjuds)\b"
    # "METODNAMN har diskuterats i styrgruppen men valdes bort": discussed, then dropped
    rf"|^{MASK}[\w-]*\s+(?:\w+\s+){{0,2}}?(?:diskuterats|diskuterades|övervägts|övervägdes|lyfts|lyftes|utretts|"
    rf"utreddes|varit\s+uppe|var\s+uppe)\b[^.;]*?\b(?:{DROPPED_WORDS})\b"
    # a decision against it: "Teamet har diskuterat att införa METODNAMN men har valt att inte göra det"
    rf"|\b(?:valt|valde|beslutat|beslutade|bestämt|bestämde)\s+att\s+(?:inte|avstå)\b|\b(?:avstått|avstod)\s+från\b",
    re.I)
# "Inte alla deltagare har gjort METODNAMN", "… har inte kunnat genomföras för alla": used, only not for everyone.
PARTIAL_RE = re.compile(r"^\s+(?:alla|samtliga|varje)\b|\b(?:för|med|hos|av|bland)\s+(?:alla|samtliga)\b", re.I)
# "Ingen deltagare har avböjt METODNAMN": two negations.
DOUBLE_NEGATION_RE = re.compile(r"\s+(?:\w+\s+){0,3}?(?:avböj\w*|tackat nej|tackade nej|vägra\w*)\b", re.I)
# "Önskade utbildningar för personalen: METODNAMN", "Personalen har efterfrågat utbildning i METODNAMN":
# a training wished for, not given.
WISHED_TRAINING_RE = re.compile(
    r"\b(?:önskade?|önskad|önskemål\w*|efterfråga\w*)\s+(?:\w+\s+){0,2}?(?:utbildning\w*|kurs\w*|fortbildning\w*)\b", re.I)
# "Insatsen skulle kunna använda METODNAMN om …": a possibility, not a plan.
HYPOTHETICAL_RE = re.compile(r"\bskulle\s+(?:\w+\s+){0,2}?(?:kunna|vilja)\b|\bvore\b|\b(?:could|would)\b", re.I)
# "till skillnad från IPS", "samma principer som SE": a contrast or comparison just before the name.
CONTRAST_RE = re.compile(
    rf"\b(?:till skillnad (?:från|mot)|skillnaden (?:mot|från)|i ?stället för|istället för|jämfört med|"
    rf"snarare än|i motsats till|samma principer som|samma grund som|en variant av|en vidareutveckling av|"
    rf"unlike|instead of|rather than|in contrast to|as opposed to|compared (?:with|to))"
    rf"\s+(?:[\w-]+\s+){{0,3}}{MASK}", re.I)
# "Forskare presenterade resultat om METODNAMN", "visade hur en METODNAMN-bedömning går till": a talk
# or a demonstration about the method (a seminar, a board's information item), not its use.
TALK_RE = re.compile(
    rf"\b(?:presenterade|presenterades|presenterar|föreläste|föreläser|föreläsning\w*|föredrag\w*|"
    rf"informerade|informerar|information|berättade|berättar|talade|pratade)\s+(?:\w+\s+){{0,3}}?om\s+"
    rf"(?P<between>(?:[\w-]+\s+){{0,4}}?){MASK}"
    rf"|\b(?:visade|visar|demonstrerade|demonstrerar)\s+hur\s+(?:en\s+|ett\s+)?{MASK}", re.I)
# A course catalogue or a training day for the members' own staff: the förbund's offer to its members,
# not a method this intervention uses ("kurser i METODNAMN för medlemmarnas/kommunens personal").
MEMBER_TRAINING_RE = re.compile(
    r"\b(?:utbildningskatalog\w*|kurskatalog\w*|kursutbud\w*|utbildningsutbud\w*)\b"
    r"|\b(?:medlemmarnas|medlemmars|medlemsorganisationernas|kommunens|kommunernas|regionens)\s+(?:\w+\s+)?"
    r"(?:personal|medarbetare|handläggare|anställda|chefer)\b"
    r"|\b(?:personal|medarbetare|handläggare|anställda|chefer)\s+(?:hos|i|inom)\s+(?:medlemmarna|medlemsorganisationerna)\b",
    re.I)
# "Personalen saknar kompetens i METODNAMN", "Det saknas erfarenhet av METODNAMN": a lack, not a use ...
LACK_RE = re.compile(
    rf"\b(?:saknar|saknade|saknas|saknades|brist\s+på|bristande)\s+(?:\w+\s+){{0,3}}?"
    rf"(?:kompetens|erfarenhet|kunskap\w*|utbildning|vana|certifiering)\s+(?:i|av|om|inom|kring|på)\s+"
    rf"(?:metoden\s+)?{MASK}", re.I)
# ... unless the training is planned: "… saknar utbildning i METODNAMN men ska utbildas under våren"
LACK_MENDED_RE = re.compile(r"\b(?:ska|skall|kommer\s+att)\s+(?:\w+\s+){0,3}?(?:utbildas|gå|få\s+utbildning)\b", re.I)
# The förbund's own offer to all its members, named in a document about one insats: "förbundets IPS-verksamhet",
# "Samordningsförbundet erbjuder utbildning i METODNAMN till alla medlemsorganisationer".
FORBUND_OFFER_RE = re.compile(
    rf"\b(?:samordnings)?förbundets\s+(?:[\w-]+\s+){{0,2}}?{MASK}"
    rf"|\b(?:samordnings)?förbundet(?:\s+[A-ZÅÄÖ][\w-]*){{0,3}}\s+(?P<between>(?:[\w-]+\s+){{0,2}}?"
    rf"(?:erbjuder|erbjöd|erbjudit|anordnar|anordnade|driver|drev|bedriver|har|hade|arrangerar|håller)\s+"
    rf"(?:[\w-]+\s+){{0,6}}?){MASK}"
    # ... in the passive: "Utbildning i METODNAMN erbjuds via förbundet", "Via samordningsförbundet erbjuds …"
    rf"|{MASK}[\w-]*\s+(?:\w+\s+){{0,2}}?(?:erbjuds|erbjöds|anordnas|anordnades|ges|gavs|drivs)\s+"
    rf"(?:\w+\s+){{0,2}}?(?:av|via|genom|hos|från)\s+(?:samordnings)?förbundet\b"
    rf"|\b(?:via|genom|hos|från)\s+(?:samordnings)?förbundet\s+(?:erbjuds|erbjöds|anordnas|ges|finns)\s+"
    rf"(?:[\w-]+\s+){{0,5}}?{MASK}", re.I)
# "undersöka om IPS kan vara …", "en förstudie om IPS": a method to be studied, not used.
INVESTIGATE_RE = re.compile(
    r"\b(?:undersöka|undersöker|undersöks|undersökte|utreda|utreder|utreds|utredde|pröva om|prövar om|"
    r"se över|ser över|ta ställning|tar ställning|överväga|överväger|övervägt|övervägde|"
    r"förstudie\w*\s+(?:om|för|kring|av|inför|kring)|förstudie\w* (?:\w+ ){0,2}(?:om|för|kring)|"
    r"frågan om att införa|möjligheten att införa|intresse av att införa|kartlägga förutsättningar\w*|"
    # a wish for later: "Vi vill i framtiden pröva AWP", "hoppas kunna införa SMAIL"
    r"(?:vill|skulle vilja|hoppas|önskar)\s+(?:\w+\s+){0,3}?(?:pröva|prova|testa|införa)|"
    # barriers to bringing it in, a need seen for others to use it: "två hinder mot att införa SMAIL",
    # "styrgruppen ser ett behov av att skolan börjar med SMAIL"
    r"hinder\s+(?:\w+\s+){0,3}?(?:för|mot)\s+att\s+införa|(?:ser|såg|finns)\s+(?:\w+\s+){0,2}?behov\s+(?:av\s+)?att)\b",
    re.I)
# A unit, a job title or an undertaking named after a method: "IPS-teamet", "SE-handläggare", "IPS-införande".
UNIT_SUFFIX_RE = re.compile(
    rf"{MASK}-(?:team\w*|mottagning\w*|enhet\w*|handläggar\w*|samordnar\w*|klinik\w*|införande\w*)\b", re.I)
# "slussas vidare till X, som arbetar enligt SE": the method belongs to the unit referred to.
REFERRAL_RE = re.compile(
    r"\b(?:remitteras|remitterar|remitterades|slussas|slussades|hänvisas|hänvisades|lotsas|lotsades|"
    r"skickas|överlämnas|överlämnades|går vidare)\s+(?:\w+\s+){0,2}?till\b", re.I)
# "Deltagare som behöver METODNAMN remitteras till Arbetsförmedlingen": others give it.
NEEDS_ELSEWHERE_RE = re.compile(
    rf"\bsom\s+(?:behöver|vill ha|önskar|är i behov av|har behov av)\b[^,;]*{MASK}[^,;]*?"
    rf"\b(?:remitteras|hänvisas|slussas|lotsas|skickas)\b", re.I)
# "ett nära samarbete med IPS-verksamheten inom psykiatrin": a partner that uses the method.
PARTNER_RE = re.compile(rf"\b(?:samarbet\w*|samverk\w*)\s+med\s+(?:\w+\s+)?{MASK}", re.I)
# Care and authorities outside the intervention: "KBT erbjuds via primärvården",
# "Kommunens beroendeenhet arbetar med ACT", "Klubbhuset … är en samverkanspart och arbetar enligt SE".
OTHER_UNITS = (r"primärvård\w*|vårdcentral\w*|psykiatri\w*|beroende\w*|habilitering\w*|företagshälsovård\w*|"
               r"arbetsförmedling\w*|försäkringskass\w*|socialtjänst\w*|samverkanspart\w*|klubbhus\w*|"
               r"(?:kommunens|regionens|landstingets)\s+\w+")
# the method given by another unit: "erbjuds METODNAMN via primärvården", "METODNAMN hos vårdcentralen"
PROVIDED_BY_OTHER_RE = re.compile(
    rf"{MASK}[\w-]*\s+(?:\w+\s+){{0,2}}?(?:via|hos|genom|inom)\s+(?:\w+\s+)?(?:{OTHER_UNITS})", re.I)
# another unit as the sentence's subject, with a verb of use before the name
OTHER_SUBJECT_RE = re.compile(
    rf"^\W*(?:[\w-]+\s+){{0,2}}?(?:{OTHER_UNITS})\b[^;:]*?\b(?:{USE_VERBS}|erbjuder|ger|gör|genomför|utför)\s+(?:[\w-]+\s+){{0,4}}?{MASK}",
    re.I)
# "… men det stödet ligger utanför insatsen": the sentence puts the method outside this intervention
OUTSIDE_RE = re.compile(r"\butanför\s+(?:själva\s+)?(?:insatsen|projektet|verksamheten|uppdraget)\b", re.I)
# "… arbetar med METODNAMN, och insatsen hänvisar deltagare dit": the place referred to uses it
REFERRED_THERE_RE = re.compile(
    r"\b(?:hänvisa\w*|remitter\w*|slussa\w*|lotsa\w*|skickar|skickas)\b[^.;]*\bdit\b", re.I)
# "I det tidigare projektet användes SMAIL", "Förbundet har tidigare finansierat insatser som …".
EARLIER_RE = re.compile(
    r"\b(?:tidigare|föregående|förra|förut)\s+(?:\w+\s+){0,2}(?:projekt|insats|verksamhet|satsning)\w*"
    r"|\b(?:andra|övriga|grann\w*)\s+(?:\w+\s+){0,1}(?:projekt|insatser|förbund|kommuner|verksamheter)\b"
    r"|\bgrannförbund\w*", re.I)
CONTINUES_RE = re.compile(
    r"\b(?:liksom|fortsätter|fortsatt|fortsätta|även nu|som i|som tidigare|"
    r"till skillnad (?:från|mot)|i motsats till)\b", re.I)
# "I ansökan angavs att alla skulle skattas med SMAIL": a past plan a report gives account of.
REPORTED_PLAN_RE = re.compile(
    r"\b(?:(?:i|enligt)\s+(?:ansökan|projektplanen|planen|projektansökan)\b.*\bskulle|planerades|"
    r"var tanken|var planerat|var tänkt|hade planerat)\b", re.I)
# A description of the method, not of this intervention: "IPS har visat sig vara …".
DESCRIPTION_RE = re.compile(
    rf"(?:^|[–—\"”]\s*|\bmetoden\s+){MASK}(?:-metoden)?(?:\s*\([^)]*\))?\s+"
    rf"(?:har visat sig|visar sig|bygger på samma|följer principen|är en (?:evidensbaserad|manualbaserad)|"
    rf"är evidensbaserad|utvecklades|har utvecklats|kommer ursprungligen|går ut på)"
    # "SE är en metod för …", "Grunden i SE är att …": what the method is, not who uses it
    rf"|(?:^|[–—\"”]\s*){MASK}(?:\s*\([^)]*\))?\s+är\s+(?:en\s+metod|ett\s+arbetssätt|ett\s+samlingsnamn|en\s+modell)\s+(?:för|som|där)\b"
    rf"|^(?:grunden|principen|tanken|idén|kärnan|grundtanken)\s+(?:i|med|bakom)\s+{MASK}\s+(?:är|går ut på)\b"
    r"|\b(?:forskning|studier|genomgång|metaanalys\w*|SBU)\b.*\bvisar\b"
    # "SE BILAGA 2" in capitals: the verb "se" pointing to another part, not Supported Employment
    rf"|{MASK}\s+(?:bilaga|bilagan|bilagorna|nedan|ovan|sidan|sid|avsnitt|kapitel|tabell|figur)\b"
    # "Begreppet METODNAMN används på många sätt": the word, not a use
    rf"|\b(?:begreppet|termen|uttrycket|ordet)\s+{MASK}"
    # a heading that asks what the method is: "Vad är METODNAMN?", "Kort om METODNAMN-modellen"
    rf"|^\W*(?:vad (?:är|innebär|betyder)|kort om|mer om|fakta om)\s+(?:metoden\s+)?{MASK}(?:-\w+)?\s*[?:.!]?\s*$"
    r"|\bi (?:relativt )?(?:få|många|flera) kommuner\b", re.I)
# "§ 14 IPS – information", "Informationsärende: IPS-projektet": an agenda title names a subject only.
AGENDA_RE = re.compile(
    r"^\s*(?:§\s*\d+|punkt\s+\d+|ärende\s+\d+)\b|\b(?:informationsärende|beslutsärende|anmälningsärende|"
    r"dagordning|föredragningslista)\b", re.I)
AGENDA_MAX_WORDS = 12  # a longer sentence after "§ 5" is the minute's text, not its title
# A run of headings (a table of contents a transcript ran together): many words, hardly a stop.
HEADING_RUN_WORDS = 40
HEADING_RUN_STOPS_RE = re.compile(r"[.,;:!?]")
HEADING_RUN_CAPS_WORDS = 25
HEADING_RUN_CAPS_SHARE = 0.12
HEADING_RUN_CAPS_STOPS = 12  # at most one stop per 12 words
BOX_RE = re.compile(r"☐|□|☒|☑|■|✓|✔|\[\s?\]|\[[xX✓]\]")
TICKED = re.compile(r"☒|☑|■|✓|✔|\[[xX✓]\]")
BOX_REACH = 60  # characters between a box and the name it ticks
# English prose that names a method without using it: a plan to study it, a research finding, a cancelled
# or postponed training, an earlier project, another unit ("The municipality's job centre works with …").
OTHER_UNITS_EN = (r"(?:the\s+)?(?:municipality's|region's|county's)\s+(?:\w+\s+){0,2}?(?:centre|center|unit|service|team)s?|"
                  r"primary care|health cent(?:re|er)s?|psychiatr\w+|(?:the\s+)?employment service|social services")
NOT_USED_EN_RE = re.compile(
    rf"\b(?:consider(?:ed|ing|s)?|investigat\w*|explor\w*|examin\w*|whether|feasibility|pre-study)\b[^.;]*{MASK}"
    rf"|\b(?:research|studies|evidence|literature)\b[^.;]*\b(?:shows?|suggests?|indicates?)\b"
    rf"|{MASK}[^.;]*\b(?:cancell?ed|postponed|discontinued|dropped|abandoned|stopped)\b"
    rf"|\b(?:previous|earlier|former|other)\s+(?:\w+\s+)?(?:projects?|interventions?)\b"
    rf"|^\W*(?:{OTHER_UNITS_EN})\b[^;:]*?\b(?:works?|uses?|offers?|provides?)\s+(?:with\s+)?(?:[\w-]+\s+){{0,3}}?{MASK}"
    rf"|{MASK}[\w-]*\s+(?:\w+\s+){{0,2}}?(?:through|via|at|from)\s+(?:the\s+)?(?:{OTHER_UNITS_EN})", re.I)

def clause(masked: str) -> str:
    """Return the clause of `masked` that holds the name.

    "Vi använde MI, men inte METODNAMN." -> " men inte METODNAMN."
    """
    at = masked.find(MASK)
    start = 0
    for m in CLAUSE_BREAK_RE.finditer(masked):
        if m.end() <= at:
            start = m.start() if m.group().strip().isalpha() else m.end()
        elif m.start() >= at + len(MASK):
            return masked[start:m.start()]
    return masked[start:]


def _negated(part: str) -> bool:
    """Return whether the clause negates the use: "Vi använder inte METODNAMN" -> True.

    A negation counts near the name only, and not where a relative clause holds it
    ("Deltagare som inte har arbetat får METODNAMN"), the intervention's own use follows it
    ("Eftersom många inte har arbetat på länge använder vi METODNAMN"), it says "not everyone"
    ("Inte alla har gjort METODNAMN") or a second negation cancels it ("Ingen har avböjt METODNAMN").
    """
    at = part.find(MASK)
    for m in NEGATION_RE.finditer(part):
        if PARTIAL_RE.search(part[m.end():]) or DOUBLE_NEGATION_RE.match(part, m.end()):
            continue
        if _negation_counts(part, m, at):
            return True
    return any(_negation_counts(part, m, at) for m in DROPPED_RE.finditer(part))


def _partial(part: str) -> bool:
    """Return whether a negation near the name says "not for everyone": the method is used for some.

    "Inte alla deltagare har gjort METODNAMN" -> True
    """
    at = part.find(MASK)
    return any(PARTIAL_RE.search(part[m.end():]) and _negation_counts(part, m, at) for m in NEGATION_RE.finditer(part))


def _negation_counts(part: str, m: re.Match, at: int) -> bool:
    """Return whether the negation or drop word `m` reaches the name at `at`."""
    if m.start() > at:
        return len(part[at:m.start()].split()) <= NEGATION_REACH[1]
    if m.group().lower() == "varken" and re.search(r"\beller\b", part[m.end():at], re.I):
        return True  # "Varken SMAIL eller METODNAMN används": the pair is denied, whatever follows
    if len(part[m.end():at].split()) > NEGATION_REACH[0]:
        return False
    negated_subject = m.group().lower() in NEGATING_SUBJECTS and NEGATED_SUBJECT_RE.match(part, m.end())
    if OWN_USE_RE.search(part[m.end():]) and not negated_subject:
        return False
    return not RELATIVE_NEGATION_RE.search(part, max(0, m.start() - 20), m.end())


def _heading_run(masked: str) -> bool:
    """Return whether the "sentence" is a run of headings: 40 words or more with hardly a stop, or
    a shorter run where every eighth word opens a new heading (a contents page's lines run together)."""
    words = masked.split()
    stops = len(HEADING_RUN_STOPS_RE.findall(masked))
    if len(words) >= HEADING_RUN_WORDS and stops * HEADING_RUN_WORDS <= len(words):
        return True
    # a heading opens in capitals where the previous one ended in lower case ("… nytta Implementering …");
    # a name of several capitalised words ("Worker Role Interview") opens one heading at most
    if len(words) < HEADING_RUN_CAPS_WORDS or stops * HEADING_RUN_CAPS_STOPS > len(words):
        return False
    openings = sum(1 for a, b in zip(words, words[1:]) if a[:1].islower() and b[:1].isupper() and b != MASK)
    return openings >= HEADING_RUN_CAPS_SHARE * len(words)


def _box(masked: str) -> bool | None:
    """Return True/False for a ticked/unticked box just before the name, None without one."""
    at = masked.find(MASK)
    boxes = list(BOX_RE.finditer(masked, max(0, at - BOX_REACH), at))
    if not boxes:
        return None
    return bool(TICKED.fullmatch(boxes[-1].group()))


def _referred(before: str) -> bool:
    """Return whether the name stands after a referral to another unit with no word for this one between.

    "Deltagare slussas vidare till mottagningen, som arbetar enligt " -> True
    """
    m = REFERRAL_RE.search(before)
    return bool(m) and not OWN_WORDS_RE.search(before[m.end():])


def _other_provider(masked: str, before: str, after: str) -> bool:
    """Return whether the sentence gives the method to a unit outside the intervention.

    "Deltagare som behöver det erbjuds METODNAMN via primärvården." -> True
    "Kommunens beroendeenhet arbetar med METODNAMN." -> True
    "Insatsen och psykiatrin arbetar tillsammans enligt METODNAMN." -> False (the intervention's own words)
    """
    if OUTSIDE_RE.search(masked) or REFERRED_THERE_RE.search(after):
        return True
    m = PROVIDED_BY_OTHER_RE.search(masked)
    if m and not OWN_WORDS_RE.search(before + m.group()):
        return True
    m = OTHER_SUBJECT_RE.search(masked)
    return bool(m) and not OWN_WORDS_RE.search(before)


def _talk(masked: str) -> bool:
    """Return whether the name is the subject of a talk or a demonstration.

    "Forskare presenterade resultat om METODNAMN och IPS." -> True
    "Projektledaren berättade om hur insatsen använder METODNAMN." -> False (the intervention's own use)
    """
    m = TALK_RE.search(masked)
    return bool(m) and not OWN_WORDS_RE.search(m.group("between") or "")


def _lacking(part: str, after: str) -> bool:
    """Return whether the clause says the staff lack the method, and no training in it is planned.

    "Personalen saknar kompetens i METODNAMN." -> True
    """
    return bool(LACK_RE.search(part)) and not LACK_MENDED_RE.search(after)


def _forbund_offer(masked: str) -> bool:
    """Return whether the sentence gives the method to the förbund's own offer, not to the insats.

    "Deltagare kan slussas till förbundets METODNAMN-verksamhet." -> True
    "Förbundet har beviljat medel till insatsen, som arbetar med METODNAMN." -> False
    """
    m = FORBUND_OFFER_RE.search(masked)
    return bool(m) and not OWN_WORDS_RE.search(m.group("between") or "")


def verdict(masked: str, section: str | None, one_insats: bool = False) -> tuple[bool | None, str]:
    """Return (used, rule) where a rule decides, else (None, "").

    `one_insats`: the document is about one insats (an application, a report on it), so the förbund's
    offers to all its members that it names are not this insats's methods.
    "Vi kommer inte att använda METODNAMN." -> (False, "negated")
    """
    box = _box(masked)
    if box is not None:
        return box, "ticked" if box else "unticked"
    if section == "budget":
        return False, "budget"
    part = clause(masked)
    before, after = masked[:masked.find(MASK)], masked[masked.find(MASK):]
    checks = [
        ("negated", _negated(part)),
        ("lacking", _lacking(part, after)),
        ("forbund_offer", one_insats and _forbund_offer(masked)),
        ("hypothetical", bool(HYPOTHETICAL_RE.search(part[:part.find(MASK)]))),
        ("wished_training", bool(WISHED_TRAINING_RE.search(before))),
        ("english", bool(NOT_USED_EN_RE.search(masked))),
        ("dropped", bool(DROPPED_LATER_RE.search(after))),
        ("contrast", bool(CONTRAST_RE.search(masked))),
        ("unit", bool(UNIT_SUFFIX_RE.search(masked))),
        ("referral", _referred(before) or bool(NEEDS_ELSEWHERE_RE.search(masked))),
        ("partner", bool(PARTNER_RE.search(part))),
        ("other_provider", _other_provider(masked, before, after)),
        ("investigate", bool(INVESTIGATE_RE.search(part[:part.find(MASK)]))),
        ("earlier", bool(EARLIER_RE.search(part)) and not CONTINUES_RE.search(masked)),
        ("reported_plan", bool(REPORTED_PLAN_RE.search(before))),
        ("description", bool(DESCRIPTION_RE.search(masked))),
        ("talk", _talk(masked)),
        ("member_training", bool(MEMBER_TRAINING_RE.search(masked)) and not OWN_WORDS_RE.search(masked)),
        ("agenda", bool(AGENDA_RE.search(masked)) and len(masked.split()) <= AGENDA_MAX_WORDS),
        ("headings", _heading_run(masked)),
        # a page's heading that is the method's name alone: the page's subject, not a use
        ("title", section is None and masked.strip(" .:") == MASK),
    ]
    for rule, hit in checks:
        if hit:
            return False, rule
    if _partial(part):
        return True, "partial"
    if states_use(part, masked):
        return True, "own_use"
    return None, ""
