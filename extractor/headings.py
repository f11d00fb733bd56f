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
    ],
    "owner": [
        r"insatsägare", r"projektägare", r"huvudman(nen)?", r"ansvarig organisation",
        r"sökande organisation", r"sökande$", r"ägare$",
    ],
    "partners": [
        r"samverkanspart(er|erna|ner|ners?)?", r"medverkande (parter|organisationer|myndigheter|aktörer)",
        r"parter(na)?$", r"samarbetspart(er|ner|ners?)", r"deltagande (parter|organisationer)",
        r"samverkande (parter|organisationer|aktörer)", r"partners?$", r"parter i (insatsen|projektet|förstudien)", r"(organisation|organisering) och parter",
    ],
    "collaboration": [
        r"(beskriv )?(metod|metoder) för samverkan", r"beskriv hur samverkan",
        r"samverkan( och (styrning|organisation))?$", r"samverkansformer", r"samverkan med (parterna|övriga)",
        r"organisering av samverkan",
    ],
    "follow_up": [
        r"(beskriv )?(metod|metoder) för uppföljning", r"beskriv hur (målen|insatsen) ska följas upp",
        r"uppföljning( och (utvärdering|rapportering))?", r"utvärdering( och uppföljning)?$",
    ],
    "dissemination": [
        r"(beskriv )?hur (ni tänker )?ta tillvara", r"beskriv hur (insatsens )?(resultaten|framgångsfaktorer)",
        r"ta tillvara resultaten", r"spridning", r"implementering", r"lärdomar( och implementering)?",
        r"hur ska (resultaten|erfarenheterna|lärdomarna) (tas tillvara|spridas|implementeras)",
    ],
    "background": [
        r"(beskriv )?bakgrund(en)?", r"behovsanalys", r"inledning$", r"problembeskrivning",
        r"nulägesbeskrivning", r"behov$",
    ],
    "purpose": [
        r"(beskriv )?(insatsens |projektets |förstudiens |verksamhetens )?syfte(t)?( med| och|$)",
        r"[\wåäö]+s inriktning$", r"inriktning$",
    ],
    "goals": [
        r"(beskriv )?(insatsens |projektets )?mål(en)?( med| och| för|$)",
        r"(effekt|resultat|projekt|insats|verksamhets)mål", r"styrkort", r"måluppfyllelse", r"måluppfyllnad", r"förväntat? resultat", r"förväntade resultat",
    ],
    "period": [
        r"planerad ins[a-zåäö]*tid", r"planerad projekttid", r"insatstid", r"insatsperiod",
        r"projektperiod", r"projekttid", r"tidplan", r"tidsplan", r"tidsperiod", r"period$",
        r"genomförandeperiod", r"planerad start(datum)?$", r"planerat slut(datum)?$", r"start- och slutdatum",
    ],
    "target_group": [r"(beskriv )?målgrupp(en|er)?", r"beskriv målgrupp"],
    "participants": [
        r"(ange )?(förväntat |beräknat |planerat )?antal deltagare", r"volym$", r"deltagare$",
        r"deltagarantal",
    ],
    "methods": [
        r"(beskriv )?(metod|metoder)(/aktiviteter| och (arbetssätt|aktiviteter))?( ni| som|$)",
        r"beskriv metod", r"metoder", r"arbetssätt", r"aktiviteter( och (metoder|arbetssätt))?$",
        r"genomförande$",
    ],
    "budget": [
        r"(ange )?budget", r"budgetsammanställning", r"ekonomi$", r"ekonomisk redovisning",
        r"finansiering$", r"sökt belopp", r"kostnader och finansiering", r"ansökt belopp",
    ],
    "anchoring": [r"har ansökan (diskuterats|förankrats)", r"hur och när har ansökan", r"förankring"],
    "agreement": [
        r"överenskommelse", r"lagar och förordningar", r"arbetsgivaransvar", r"kostnader$",
        r"avvikelse(r)? från (ansökan|planen|projektplanen)", r"information från insatsen", r"kommunikation$",
    ],
    "signatures": [r"underskrift(er)?", r"godkännande$", r"signaturer", r"namnteckning(ar)?"],
    "signing_log": [r"document history", r"activity log", r"verifikat$", r"signeringslogg", r"audit trail"],
    # Known headings of no canonical key: they end the section before them.
    "other": [
        r"sammanfattning", r"bemanning$", r"organisation och bemanning", r"risker$", r"riskanalys",
        r"rapportperiod", r"rapporten avser", r"resultat hittills", r"ansökan avser",
        r"frågeställningar", r"kontaktuppgifter", r"planering för kommande period", r"bilagor$",
        r"övrigt$", r"innehåll(sförteckning)?$", r"resultat$", r"uppnådda resultat",
        r"erfarenheter (hittills|och lärdomar)$",
    ],
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
    "target_group": ["målgrupp", "vilka personer", "vem vänder"],
    "purpose": ["syfte", "varför"],
    "goals": ["mål", "resultat", "effekt"],
    "background": ["bakgrund", "behov", "problem"],
    "methods": ["metod", "arbetssätt", "aktivitet", "genomför"],
    "collaboration": ["samverk", "samarbet"],
    "follow_up": ["uppfölj", "utvärder", "följas upp", "mäta"],
    "dissemination": ["sprid", "tillvara", "implement", "lärdom"],
    "budget": ["budget", "kostnad", "finansier", "ekonomi", "belopp"],
    "period": ["tidsperiod", "tidplan", "startdatum", "slutdatum", "period"],
    "participants": ["deltagare", "volym"],
    "anchoring": ["förankr"],
    "signatures": ["underskrift", "signatur", "namnteckning"],
}
