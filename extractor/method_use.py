"""Cues that a sentence states this intervention's own use of a method: its staff or the intervention
as the subject of a verb of use, a method measured with, trained in, introduced or used instead of another.

Every cue reads the mention's sentence with this mention's name replaced by MASK
("Coacherna arbetar enligt METODNAMN."); method_rules.py weighs them against the cues of non-use.
"""
from __future__ import annotations

import re

MASK = "METODNAMN"

# "Deltagaren skattas med SMAIL", "Vi arbetar enligt IPS": the intervention's own use.
SUBJECTS = (r"vi|projektet|insatsen|verksamheten|teamet|coacherna|jobbcoacherna|personalen|medarbetarna|"
            r"arbetsterapeuten|handledarna|handläggarna|arbetsgruppen|rehabcoachen|coachen|deltagarna|deltagaren|"
            r"arbetsspecialisterna|arbetsspecialisten|koordinatorerna|koordinatorn|handledaren")
USE_VERBS = (r"arbetar|arbetade|arbetat|arbeta|använder|använde|använt|använda|erbjuder|erbjöd|erbjudit|"
             r"erbjuda|utgår från|utgick från|utgått från|tillämpar|tillämpade|tillämpat|tillämpa|"
             r"jobbar|jobbade|jobbat|följer|följde|följt|följa")
# words for the intervention itself: "vi", "insatsen", "projektet"
OWN_WORDS_RE = re.compile(r"\b(?:vi|oss|insatsen|projektet|verksamheten|teamet)\b", re.I)
# staff named in any form, with a count or the intervention's name before: "Kajens två jobbcoacher använder …"
STAFF = (r"[\wåäö]*coach(?:er|erna|en)?|arbetsspecialist(?:er|erna|en)?|handledar(?:e|na|en)|"
         r"medarbetar(?:e|na)|[\wåäö]*koordinator(?:er|erna|n)|[\wåäö]*terapeut(?:er|erna|en)|[\wåäö]*behandlar(?:e|na|en)|"
         # "Rehabkoordinatorn använder METODNAMN", "Socionomen arbetar utifrån METODNAMN", "Kuratorerna …"
         r"socionom(?:er|erna|en)?|kurator(?:er|erna|n)|sjuksköterska(?:n)?|sjuksköterskor(?:na)?|[\wåäö]*pedagog(?:er|erna|en)?|"
         # "Konsulenterna utgår från ett METODNAMN arbetssätt", "Handläggarna arbetar enligt METODNAMN"
         r"[\wåäö]*konsulent(?:er|erna|en)|[\wåäö]*handläggar(?:e|na|en)|psykolog(?:er|erna|en)|"
         r"[\wåäö]*vägledar(?:e|na|en)|[\wåäö]*samordnar(?:e|na|en)")
OWN_USE_RE = re.compile(
    # "Teamet har också börjat använda METODNAMN": up to three words between the subject and its verb
    rf"\b(?:{SUBJECTS})\s+(?:\w+\s+){{0,3}}?(?:{USE_VERBS})\s+(?:[\w-]+\s+){{0,5}}?{MASK}"
    rf"|\b(?:\w+s\s+)?(?:(?:två|tre|fyra|båda|alla|samtliga|egna|våra)\s+)?(?:{STAFF})\s+(?:\w+\s+){{0,2}}?"
    rf"(?:{USE_VERBS})\s+(?:[\w-]+\s+){{0,5}}?{MASK}"
    rf"|\b(?:{USE_VERBS})\s+(?:{SUBJECTS})\s+(?:[\w-]+\s+){{0,3}}?{MASK}"
    rf"|\b(?:erbjuds|erbjöds)\s+(?:\w+\s+){{0,3}}?{MASK}(?!\s+(?:\w+\s+)?(?:av|via|genom|hos)\b)"
    rf"|\b(?:ersattes|ersätts|har ersatts|byttes ut|byts ut)\s+(?:av|mot|med)\s+{MASK}"
    rf"|{MASK}\s+(?:ska |kommer att )?(?:används|användes|har använts|användas|tillämpas|införs|införas|infördes)\b"
    rf"(?!\s+(?:\w+\s+)?av\b)"
    # "Progressionen mäts med ett eget verktyg för METODNAMN", "Stegförflyttningen följs med METODNAMN"
    rf"|\b(?:skattas|skattades|bedöms|bedömdes|kartläggs|kartlades|mäts|mättes|följs|följdes)\s+(?:\w+\s+){{0,3}}?"
    rf"med\s+(?:(?:ett|en|vårt|vår|eget|egen|digitalt|digital|verktyg\w*|instrument\w*|för|av|hjälp)\s+){{0,5}}?{MASK}"
    # "Vårt arbetssätt är inspirerat av METODNAMN"
    rf"|\b(?:inspirerad|inspirerat|inspirerade|influerad|influerat|influerade)\s+av\s+(?:[\w-]+\s+){{0,2}}?{MASK}"
    # "Vid behov kan en METODNAMN göras", "METODNAMN-bedömningar genomförs med alla" (not "görs av" someone)
    rf"|{MASK}(?:-\w+)?\s+(?:kan\s+|ska\s+)?(?:görs|göras|gjordes|genomförs|genomföras|genomfördes)\b"
    rf"(?!\s+(?:\w+\s+)?(?:av|via|hos|genom)\b)",
    re.I)
# "Insatsen har bestått av coachning enligt METODNAMN och, för några, av … METODNAMN": what the
# support consisted of, read over the whole sentence (the second name stands in a clause of its own).
CONSISTS_OF_RE = re.compile(
    rf"\b(?:stödet|insatsen|projektet|verksamheten|arbetet|upplägget)\s+(?:har\s+|hade\s+)?"
    rf"(?:består|bestått|bestod)\s+av\b[^.;:!?]*?{MASK}", re.I)
# "projektledare för integrering av METODNAMN i psykosvården", "Projektet ska implementera METODNAMN":
# bringing the method into the work is this intervention's use of it.
INTRODUCES_RE = re.compile(
    rf"\b(?:{SUBJECTS}|projektledare\s+för|syftet\s+(?:är|var)|syftar\s+till)\b[^.;:!?]{{0,40}}?"
    rf"\b(?:integrering(?:en)?\s+av|implementering(?:en)?\s+av|införande(?:t)?\s+av|"
    rf"integrera|implementera|implementerar|implementerade|införa|införde)\s+"
    rf"(?:(?:metoden|modellen|arbetssättet)\s+)?{MASK}", re.I)
# English prose in a Swedish application (EU forms, bilingual templates): "The coaches use METODNAMN",
# "All staff work with METODNAMN", "METODNAMN is used in every meeting".
SUBJECTS_EN = r"we|the project|the team|the coaches|coaches|the staff|staff|all staff|the job coaches|the participants"
USE_VERBS_EN = (r"use|uses|used|will use|work with|works with|worked with|will work with|apply|applies|applied|"
                r"offer|offers|offered|will offer|work according to|works according to")
OWN_USE_EN_RE = re.compile(
    rf"\b(?:{SUBJECTS_EN})\s+(?:\w+\s+){{0,2}}?(?:{USE_VERBS_EN})\s+(?:[\w-]+\s+){{0,5}}?{MASK}"
    rf"|{MASK}\s+(?:is|are|will be)\s+used\b(?!\s+(?:\w+\s+)?by\b)"
    # "The project follows the METODNAMN model", "The work is based on METODNAMN", "Participants are offered METODNAMN"
    rf"|\b(?:follows?|followed|(?:is|are|was|were)\s+based\s+on|builds?\s+on)\s+(?:the\s+)?{MASK}"
    rf"|\b(?:are|is|will be)\s+offered\s+{MASK}(?!\s+(?:\w+\s+)?(?:by|via|through|at)\b)"
    rf"|\b(?:(?:the\s+)?(?:project\s+)?(?:staff|coaches|job coaches|team|personnel)|all \w+)\s+(?:are|is|have been)\s+"
    rf"(?:trained|certified)\s+in\s+{MASK}", re.I)
# "Vi använder inte SMAIL utan METODNAMN": the method used in the other's stead.
INSTEAD_RE = re.compile(
    rf"\b(?:{SUBJECTS})\s+(?:\w+\s+){{0,2}}?(?:{USE_VERBS})\s+(?:\w+\s+)?(?:inte|ej)\b[^.;]*?\butan\s+"
    rf"(?:[\w-]+\s+){{0,3}}?{MASK}", re.I)
TRAINED_RE = re.compile(
    rf"\b(?:{SUBJECTS}|personal|arbetsgruppen)\b.*\b(?:fått utbildning|har utbildats|utbildades|är utbildade|"
    rf"utbildats|har gått utbildning|gick utbildning|gått en \w*kurs|"
    # a plan: "Personalen kommer också att utbildas i och använda METODNAMN"
    rf"(?:ska|skall|kommer)\s+(?:\w+\s+){{0,3}}?utbildas\s+i(?:\s+och\s+(?:använda|tillämpa|arbeta\s+med))?|"
    # "Arbetsspecialisterna får regelbunden handledning i METODNAMN"
    rf"(?:får|fått|fick)\s+(?:\w+\s+)?(?:handledning|utbildning|fortbildning))\s+(?:\w+\s+){{0,6}}?{MASK}"
    rf"|\b(?:coach|arbetsspecialist|arbetsterapeut|handledare|personal|medarbetare)\w*\s+(?:som är\s+)?"
    rf"(?:utbildad|utbildade|certifierad|certifierade)\s+i\s+{MASK}", re.I)


def states_use(part: str, masked: str) -> bool:
    """Return whether the clause `part` or the sentence `masked` states the intervention's own use.

    "Jobbcoacherna arbetar enligt METODNAMN." -> True
    """
    return bool(OWN_USE_RE.search(part) or OWN_USE_EN_RE.search(part) or TRAINED_RE.search(masked)
                or INSTEAD_RE.search(masked) or CONSISTS_OF_RE.search(masked) or INTRODUCES_RE.search(masked))
