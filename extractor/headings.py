"""The heading lexicon: how Swedish documents phrase each canonical section's heading.

Each key maps to regular expressions matched at the *start* of a heading after it is lower-cased
and stripped of numbering, "(*)" and trailing punctuation. A pattern may end in "$" when the word
is a heading only on its own ("deltagare", but not "Deltagare i insatsen kommer …").
Order matters only within KEY_ORDER: the first key whose pattern matches wins, so narrower
phrasings ("beskriv metod för samverkan") come before broad ones ("beskriv metod").
"""
from __future__ import annotations

HEADINGS: dict[str, list[str]] = {
    "title": [
        r"(insatsens|projektets|förstudiens|verksamhetens) namn",
        r"namn på (insatsen|projektet|förstudien)",
        r"(insats|projekt)namn", r"projekt$", r"insats$",
        r"namn$",  # a form's bare "Namn:" field at its head (a later signature block's copy is a label: ONCE_KEYS)
        # "Projektets titel", "Insatsens benämning"
        r"(insatsens|projektets|förstudiens) (titel|benämning)", r"benämning$",
        r"(insatsens |projektets )?arbetsnamn",  # a name not yet settled: "Arbetsnamn: Påhittet"
    ],
    "owner": [
        r"insatsägare", r"projektägare", r"huvudman(nen)?", r"ansvarig organisation",
        r"sökande organisation", r"sökande$", r"ägare$",
        r"stödmottagare",  # an ESF-style form's word for the owner
        # "Ansvarig part", "Huvudansvarig organisation", "Projektägande organisation"
        r"(huvud)?ansvarig (part|organisation|förvaltning|myndighet)", r"(projekt|insats)ägande (organisation|part)",
    ],
    "partners": [
        r"samverkanspart(er|erna|ner|ners?)?", r"medverkande (parter|organisationer|myndigheter|aktörer)",
        r"parter(na)?$", r"samarbetspart(er|ner|ners?)", r"deltagande (parter|organisationer)",
        r"samverkande (parter|organisationer|aktörer)", r"partners?$", r"parter i (insatsen|projektet|förstudien)", r"(organisation|organisering) och parter",
        # a plan of several insatser: "Huvudmän och parter i insatserna"; a report's "Medverkande:" label
        r"huvudmän och (samverkans)?parter", r"medverkande$", r"övriga (samverkans)?parter$",
        r"övriga (aktörer|medverkande|organisationer)$", r"medfinansiärer( och (samverkans)?parter)?$",
    ],
    "collaboration": [
        r"(beskriv )?(metod|metoder) för samverkan", r"beskriv hur samverkan",
        r"samverkan( och (styrning|organisation))?$", r"samverkansformer", r"samverkan med (parterna|övriga)",
        r"organisering av samverkan",
        r"samarbete(t)? (mellan|med) (parterna|aktörerna|organisationerna)", r"samverkansstruktur",
        r"styrning och samverkan",
        # how the insats is steered: "Styrning", "Organisation och styrning", "Styrgrupp"
        r"styrning$", r"styrning och (organisation|ledning)$", r"(projekt)?organisation och styrning$", r"styrgrupp(en)?$",
        r"ledning och styrning$",
    ],
    "follow_up": [
        r"(beskriv )?(metod|metoder) för uppföljning", r"beskriv hur (målen|insatsen) ska följas upp",
        r"uppföljning( och (utvärdering|rapportering))?", r"utvärdering( och uppföljning)?$",
        r"utvärderingens (genomförande|upplägg|metod|design|resultat)",
        r"utvärderingsplan", r"resultatuppföljning", r"uppföljningsplan",
    ],
    "dissemination": [
        r"(beskriv )?hur (ni tänker )?ta tillvara", r"beskriv hur (insatsens )?(resultaten|framgångsfaktorer)",
        r"ta tillvara resultaten", r"spridning", r"implementering", r"lärdomar( och implementering)?",
        r"hur ska (resultaten|erfarenheterna|lärdomarna) (tas tillvara|spridas|implementeras)",
        # what becomes of the work when the money ends
        r"efter (projekt|insats)(tiden|perioden|ets slut|ens slut)", r"(hållbarhet|långsiktighet)( och [\wåäö]+)?( efter| på|$)",
        r"överlämning( till| av|$)", r"överföring till ordinarie",
    ],
    "background": [
        r"(beskriv )?bakgrund(en)?", r"behovsanalys", r"inledning$", r"problembeskrivning",
        r"nulägesbeskrivning", r"behov$", r"(beskriv )?behovet( av| i|$)",
        r"ärendebeskrivning",  # a tjänsteskrivelse's or protocol's account of the application
        # the situation the intervention starts from: "Utgångsläge", "Nuläge och behov", "Problembild"
        r"utgångsläge(t)?( och|$)", r"nuläge(t)?( och|$)", r"problemformulering", r"problembild", r"behovsbild",
        r"behov och (utgångsläge|nuläge|problem)", r"motivering$", r"nulägesanalys", r"lägesbeskrivning",
        r"omvärldsanalys", r"bakgrundsbeskrivning",
    ],
    "purpose": [
        r"(beskriv )?(insatsens |projektets |förstudiens |verksamhetens )?syfte(t)?( med| och|$)",
        r"[\wåäö]+s inriktning$", r"inriktning$",
        r"(insatsens |projektets )?(övergripande )?syfte(t)?( med| och|$)", r"avsikt(en)? med (insatsen|projektet)", r"ändamål(et)?$",
    ],
    "goals": [
        r"(beskriv )?(insatsens |projektets )?mål(en)?( med| och| för|$)",
        r"(effekt|resultat|projekt|insats|verksamhets)mål", r"styrkort", r"måluppfyllelse", r"måluppfyllnad", r"förväntat? resultat", r"förväntade resultat",
        r"målsättning(ar)?", r"delmål", r"uppnådda mål", r"förväntade effekter", r"önskat läge", r"mål och (indikatorer|mått|delmål)",
    ],
    "period": [
        r"planerad ins[a-zåäö]*tid", r"planerad projekttid", r"insatstid", r"insatsperiod",
        r"projektperiod", r"projekttid", r"tidplan", r"tidsplan", r"tidsperiod", r"period$",
        r"genomförandeperiod", r"(insatsens |projektets )?genomförandetid", r"planerad start(datum)?$", r"planerat slut(datum)?$", r"start- och slutdatum",
        r"startdatum$", r"slutdatum$", r"sista intagsdatum$",
        r"tidsram(ar)?$", r"(projekt|insats)tidens längd", r"tidsplan och aktiviteter",
    ],
    "target_group": [r"(beskriv )?målgrupp(en|er)?", r"beskriv målgrupp", r"beskrivning av målgrupp(en)?",
                     r"åldersgrupp(er)?$", r"målgruppsbeskrivning", r"deltagarprofil",
                     r"deltagargrupp(en|er)?$", r"prioriterade (mål)?grupper$"],
    "participants": [
        r"(ange )?(förväntat |beräknat |planerat )?antal deltagare", r"volym$", r"deltagare$",
        r"deltagarantal",
    ],
    "methods": [
        r"(beskriv )?(metod|metoder)(/aktiviteter| och (arbetssätt|aktiviteter))?( ni| som|$)",
        r"beskriv metod", r"metoder", r"arbetssätt", r"aktiviteter( och (metoder|arbetssätt))?$",
        r"genomförande$",
        r"genomförande och (arbetssätt|metod|metoder|aktiviteter)", r"metodik", r"arbetsmodell", r"arbetsformer",
        r"(insatsens|projektets) (innehåll|upplägg)", r"upplägg( och innehåll)?$", r"så här arbetar (vi|vi med)",
        r"tillvägagångssätt$", r"utformning$", r"genomförandeplan",
        r"arbetet i praktiken", r"(så )?(går|gick) arbetet till",  # how the work is done, told plainly
    ],
    "budget": [
        r"(ange )?budget", r"budgetsammanställning", r"ekonomi$", r"ekonomisk redovisning",
        r"finansiering$", r"sökt belopp", r"kostnader och finansiering", r"ansökt belopp",
        r"ekonomiska konsekvenser",
        r"(projektets |insatsens )?ekonomi$", r"ekonomisk (kalkyl|plan|sammanställning)", r"ekonomiskt utfall",
        r"kostnadsberäkning", r"kostnadskalkyl", r"finansieringsplan", r"sökta medel", r"sökt bidrag",
        r"kostnader och (intäkter|finansiering)", r"budget och finansiering", r"kalkyl$", r"ansökt summa",
        r"ekonomiskt behov", r"ekonomiska behov", r"medelsbehov", r"finansieringsbehov",
    ],
    "anchoring": [r"har ansökan (diskuterats|förankrats)", r"hur och när har ansökan", r"förankring"],
    "agreement": [
        r"överenskommelse", r"lagar och förordningar", r"arbetsgivaransvar", r"kostnader$",
        r"avvikelse(r)? från (ansökan|planen|projektplanen)", r"information från insatsen", r"kommunikation$",
    ],
    "signatures": [
        r"underskrift(er)?", r"godkännande$", r"signering$", r"signaturer", r"namnteckning(ar)?", r"behörig företrädare",
        # a letter's closing and a protocol's attestation open the block of names
        r"med vänlig(a)? hälsning(ar)?$", r"vänliga hälsningar$", r"justering$",
    ],
    "signing_log": [r"document history", r"activity log", r"verifikat$", r"signeringslogg", r"audit trail",
                    r"undertecknare$"],  # an e-signing service's list of those who signed
    # Known headings of no canonical key: they end the section before them.
    "other": [
        r"sammanfattning", r"bemanning$", r"organisation och bemanning", r"risker$", r"riskanalys",
        r"rapportperiod", r"rapporten avser", r"resultat hittills", r"vad har hänt( hittills| sedan|$)", r"läget hittills", r"ansökan avser",
        r"frågeställningar", r"kontaktuppgifter", r"kontaktpersoner$", r"planering för kommande period", r"bilagor$",
        r"övrigt$", r"innehåll(sförteckning)?$", r"resultat$", r"uppnådda resultat",
        r"erfarenheter (hittills|och lärdomar)$", r"personal$", r"typ av ansökan", r"kontakt$",
        r"rapportör$", r"(avvikelser|risker) och (risker|avvikelser|hinder|möjligheter)$",
        # decision documents: what is proposed, decided and assessed is no canonical section
        r"förslag till beslut", r"beslut$", r"[\wåäö]+s beslut$", r"beslutet skickas till", r"beslutsunderlag",
        r"beredning$", r"[\wåäö]+s bedömning$", r"bedömning$",
    ],
}

# English headings of a Swedish application's English form (EU-style templates): whole headings only,
# never read in run-on text, where an English sentence may open with the same word.
ENGLISH_HEADINGS: dict[str, list[str]] = {
    "title": [r"project name$", r"name of the project$", r"project title$"],
    "owner": [r"project owner$", r"applicant$", r"applicant organisation$", r"lead (organisation|organization|partner)$"],
    "partners": [r"(cooperation |collaboration )?partners$"],
    "follow_up": [r"follow-up( and evaluation)?$", r"evaluation$", r"monitoring( and evaluation)?$"],
    "background": [r"background$", r"problem (description|statement)$", r"(current situation|needs analysis)$"],
    "purpose": [r"aim$", r"purpose$", r"(aim|purpose) of the project$", r"project (aim|purpose)$"],
    "goals": [r"goals$", r"objectives$", r"expected (results|outcomes|effects)$", r"goals and objectives$"],
    "period": [r"project period$", r"time ?plan$", r"time ?frame$", r"duration$", r"timetable$"],
    "target_group": [r"target groups?$"],
    "participants": [r"(expected |planned )?number of participants$", r"participants$"],
    "methods": [r"methods?$", r"activities$", r"methods and activities$", r"working methods$", r"approach$"],
    "budget": [r"budget( and financing| and funding)?$", r"financing$", r"funding$"],
    "signatures": [r"signatures?$"],
    "other": [r"staff(ing)?$", r"organisation and staffing$", r"contact( person)?$", r"summary$", r"risks$",
              r"(english )?summary( in english)?$", r"abstract$"],
}

KEY_ORDER = [
    "title", "owner", "partners", "collaboration", "follow_up", "dissemination", "anchoring",
    "agreement", "signing_log", "signatures", "background", "purpose", "goals", "period",
    "target_group", "participants", "methods", "budget", "other",
]

# Form fields a document states once: later copies (signature blocks) are labels, not sections.
ONCE_KEYS = {"title", "owner", "partners"}

# Fallback for headings the lexicon does not know (a new template's "Vilka resultat förväntas?"):
# word stems that point at a key. A marked heading (Word style, "(*)", numbered) whose stems point
# at one key more than any other gets that key instead of "other".
KEYWORD_STEMS: dict[str, list[str]] = {
    "target_group": ["målgrupp", "vilka personer", "vem vänder", "vänder sig", "vänder oss", "riktar sig", "riktar oss", "deltagargrupp", "prioriterad", "vem kan delta",
                     "vilka kan delta", "deltagarkriter", "inskrivningskriter", "urval av deltagare"],
    "purpose": ["syfte", "avsikt", "ändamål"],
    "goals": ["mål", "resultat", "effekt", "uppnå", "vision", "åstadkomm"],
    "background": ["bakgrund", "behov", "problem", "varför", "utgångsläge", "utgångspunkt", "nuläge", "motivering", "situation",
                   "förutsättning", "omvärld", "utmaning"],
    "methods": ["metod", "arbetssätt", "aktivitet", "genomför", "arbetsform", "arbetsmodell", "upplägg", "innehåll",
                "arbetar vi", "tillvägagång", "utformning", "arbetsplan", "stödinsats", "går det till", "gick det till"],
    "collaboration": ["samverk", "samarbet", "samordning med", "samordning mellan", "styrgrupp", "styrning"],
    "follow_up": ["uppfölj", "utvärder", "följas upp", "mäta", "mätning", "kvalitetssäkr"],
    "dissemination": ["sprid", "tillvara", "implement", "lärdom", "hållbar", "långsikt", "överlämn", "ordinarie verksamhet",
                      "efter projekt", "efter insats", "fortsättning efter", "framtid", "vidmakthåll"],
    "budget": ["budget", "kostnad", "finansier", "ekonomi", "belopp", "sökta medel", "intäkt", "pengar", "kalkyl",
               "summa", "ansökt", "kostar"],
    "period": ["tidsperiod", "tidplan", "tidsplan", "startdatum", "slutdatum", "period", "tidsram", "löptid",
               "varaktighet"],
    "participants": ["deltagare", "volym", "omfattning", "inskriv", "antal personer"],
    "anchoring": ["förankr"],
    "signatures": ["underskrift", "signatur", "namnteckning", "signering", "firmatecknare"],
    "owner": ["ägare", "huvudman", "ägande", "huvudansvar", "sökande", "ansöker"],
    "partners": ["medverkande", "parter som", "samarbetspartner"],
    "title": ["namn på", "benämning"],
}

# The same for an English form's headings ("Who will the project reach?", "Sustainability after the project").
ENGLISH_STEMS: dict[str, list[str]] = {
    "target_group": ["target group", "who will", "who is the project for", "eligib", "who benefits"],
    "purpose": ["purpose", "aim"],
    "goals": ["goal", "objective", "outcome", "expected result", "achieve"],
    "background": ["background", "problem", "need", "current situation", "context", "where we start", "starting point"],
    "methods": ["method", "activit", "approach", "implementation", "how we work", "working", "we will work"],
    "collaboration": ["cooperation", "collaboration", "governance", "steering"],
    "follow_up": ["evaluat", "monitor", "follow-up", "follow up", "measur"],
    "dissemination": ["sustainab", "dissemin", "after the project", "mainstream", "lessons"],
    "budget": ["budget", "cost", "fund", "financ", "money"],
    "period": ["timeline", "time plan", "schedule", "duration", "project period"],
    "participants": ["number of participants", "how many"],
    "signatures": ["signature", "signed"],
    "owner": ["lead organisation", "lead organization", "applicant", "project owner"],
    "partners": ["partner"],
    "title": ["project name", "project title", "name of the project"],
}
for _key, _stems in ENGLISH_STEMS.items():
    KEYWORD_STEMS.setdefault(_key, []).extend(_stems)

# Headings worded as questions ("Hur har ni arbetat?", "4. Varför behövs insatsen?"): phrases
# searched anywhere in the normalised question, keys tried in QUESTION_ORDER, first hit wins. Narrow
# asks come first: "Hur fungerade samverkan mellan parterna?" is collaboration, not partners;
# "Vilka arbetade i insatsen?" (the staff) is other, not participants.
QUESTION_HEADINGS: dict[str, list[str]] = {
    "signatures": [r"godkänts av (behörig|firmatecknare)", r"behörig företrädare"],
    "anchoring": [r"förankra", r"diskuterats (i|med)", r"har ansökan (behandlats|diskuterats)"],
    "title": [r"vad heter (insatsen|projektet|förstudien)", r"vad ska (insatsen|projektet) heta", r"namn på",
              r"what is the (project|intervention) called"],
    "owner": [
        r"vilken (organisation|myndighet|förvaltning) (äger|ansvarar|driver|söker|är (huvudman|ägare|sökande))",
        r"vem (äger|driver|ansvarar för) (insatsen|projektet)",
        r"vem är (insatsägare|huvudman|projektägare|sökande)",
        r"who (runs|owns|leads|manages) the (project|intervention|work)",
    ],
    "partners": [
        r"vilka (andra )?(parter|organisationer|aktörer|myndigheter|samverkansparter)",
        r"vilka (medverkar|samverkar|deltar) (i|förutom)", r"vem samverkar ni med",
        r"vilka (andra )?(samarbetspartners?|samarbetsparter|samverkanspartners?)\b",
        r"vilka är (insatsens |projektets )?(samverkans|samarbets)?(parter|partners?)\b",
        r"med vilka (parter|organisationer)",
    ],
    "follow_up": [r"hur vet (vi|ni) (att|om)", r"how (will|do|can) (we|you) know", r"följ[a-zåäö]*( [a-zåäö]+)? upp", r"uppfölj", r"utvärder", r"\bmät(a|s|as|tes|er)\b",
                  r"\bfollow(ed)?[ -]up", r"\bevaluat", r"\bmeasur", r"\bmonitor"],
    "dissemination": [
        r"tillvara", r"sprid", r"implementer", r"leva vidare", r"lärdom",
        r"när (insatsen|projektet) (är slut|har avslutats)", r"efter (insatsens|projektets) slut",
        r"vad tar (vi|ni) med (oss|er)",  # what a report's lessons carry forward
        r"after the (project|intervention)", r"\bsustain", r"\bdissemin", r"\bspread",
    ],
    "collaboration": [r"samverk", r"samarbet", r"\b(cooperat|collaborat)",
                      r"\bstyr(as|s)\b"],  # "Hur ska projektet styras?"
    "budget": [r"vad (kostar|kostade)", r"budget", r"kostnad", r"finansier", r"hur mycket (medel|pengar)",
               r"vilket belopp", r"söker ni", r"\bekonomin\b", r"\bcost", r"\bfund(ing|ed|s)?\b", r"\bfinanc", r"how much money"],
    "target_group": [r"målgrupp", r"(vem|vilka) (riktar|riktade|vänder|vände) sig",
                     r"vilka (ska|vill) (insatsen|projektet|vi|ni) nå", r"vilka är deltagarna", r"vem är deltagarna",
                     r"(vem|vilka) kan (delta|söka|skrivas in)", r"vilka deltar\b", r"vilka deltagarna (är|blir)",
                     r"riktar sig (insatsen|projektet)",
                     r"(vem|vilka) är (insatsen|projektet) (till )?för", r"för (vem|vilka) är",
                     r"who is the (project|intervention|work) (for|aimed at|meant for)", r"\btarget groups?\b",
                     r"who (will|does|should) the (project|intervention) (reach|target|serve)",
                     r"who can (take part|participate|join)",
                     # who gains from it, who it is there for: "Vem gynnas?", "Vilka vi finns till för"
                     r"(vem|vilka) gynnas", r"(finns|är) till för\b", r"vilka (som )?ska nås",
                     r"who benefits", r"who is (it|this) for"],
    "participants": [r"hur många (deltagare|personer|individer|ungdomar|kvinnor|män)",
                     r"hur många (ska|beräknas|har|kommer|räknar)", r"antal deltagare", r"vilka (har )?deltagit",
                     r"vilka deltog", r"how many (participants|people|persons)"],
    "period": [r"^när\b", r"under vilken (tid|period)", r"hur länge", r"vilken (tids)?period",
               r"starta? och (avslut|slut)", r"^when\b", r"how long", r"\bduration"],
    "background": [r"^varför\b", r"vilk(et|a) behov", r"vad ser (vi|ni)\b", r"hur ser (det|situationen|läget) ut", r"bakgrund", r"vilk(et|a) problem", r"vad är problemet",
                   r"^why\b", r"what (need|problem)", r"\bbackground"],
    "purpose": [r"syfte", r"\b(purpose|aim) of", r"vad är (avsikten|meningen) med"],
    # "Vad vill vi åstadkomma?" asks what is to be achieved, as "uppnå" does: goals, not the purpose (why)
    "goals": [r"\bmål(en)?\b", r"vad vill (ni|vi) uppnå", r"vad (vill|ska) [\wåäö ]{0,20}förändra", r"åstadkomm", r"what will change", r"what (difference|change) will", r"vad ska (insatsen|projektet) (uppnå|leda till)",
              r"vilka (resultat|effekter)", r"förväntade? (resultat|effekter)", r"resultat", r"\buppnå(s)?\b",
              # an English form's questions
              r"\b(achieve|accomplish)", r"\b(goals?|objectives?|outcomes?|results?)\b"],
    # staffing, risks, contacts and a report's account of its progress: sections of no canonical key
    "other": [r"vad har hänt", r"bemann", r"personal", r"vilka arbetade", r"vilka (ska )?arbeta", r"risk", r"kontakt"],
    "methods": [
        r"hur (har|ska|kommer) (ni|insatsen|projektet|arbetet) (att )?(arbeta|bedriv|genomför|läggas upp)",
        r"hur arbeta", r"hur ska arbetet", r"vilka (metoder|aktiviteter)", r"metod", r"arbetssätt", r"aktivitet",
        r"hur ska det gå till", r"vad (ska|kommer) deltagarna (att )?(göra|erbjudas)", r"vilket stöd",
        r"vad har (gjorts|genomförts)",  # a progress report's account of its work
        r"vad (får|erbjuds) deltagarna", r"vilka (insatser|aktiviteter|stödinsatser) (erbjuds|ges|får)", r"vad deltagarna (får|erbjuds|gör)", r"hur går (det|arbetet) till",
        r"what will (the )?participants (be offered|do|get)", r"how will the (work|project) be (carried out|done|run|organi[sz]ed)",
        r"\bmethods?\b", r"\bactivities\b", r"how will (we|you) work",
        r"vad (gör|gjorde) (vi|ni)\b", r"what will (we|you|the project) do\b", r"how will (it|this) work",
    ],
}
QUESTION_ORDER = list(QUESTION_HEADINGS)
