"""The cues that state an owner or a partner in prose, and the search for them in a text.

Each cue is kept as data: a pattern, the role it gives, where the bodies stand (after the cue, or
the body just before it) and the words one of which every match holds. roles.py reads the bodies
the cues point at.
"""
from __future__ import annotations

import bisect
import re

from .text import NOT_PLAIN_RE

# (role, where, pattern, words): "after" = the bodies follow the cue, "before" = the body ends where
# the cue starts ("Köpings kommun är projektägare"); a sentence is searched for the pattern only
# when it holds one of the words in lower case (every match of the pattern holds one).
ROLE_CUES: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("owner", "after", r"\b(?:ägs|ägdes|ägts)\s+(?:gemensamt\s+)?av", ("ägs", "ägdes", "ägts")),
    ("owner", "after", r"\b(?:projektägare|projektägarna|insatsägare|huvudman(?:nen)?|huvudmän)\s+(?:för\s+\w+\s+)?"
                       r"(?:är|var|blir|har\s+varit|ska\s+vara|skall\s+vara)", ("projektägar", "insatsägar", "huvudm")),
    # ... also the ESF form's word for it: "Projektanordnare: Exempelby universitet"
    ("owner", "after", r"\b(?:projektägare|huvudman|projektanordnare)\s*:", ("projektägare", "huvudman", "projektanordnare")),
    # a cover or form line that prints its label without a colon: "Projektägare Köpings kommun"
    ("owner", "after", r"(?m)^[ \t]*(?:projektägare|huvudman|insatsägare)[ \t]+(?=[A-ZÅÄÖ])", ("projektägare", "huvudman", "insatsägare")),
    # a person's role with the owner's name after it: "Anna Exempel, projektägare Enheten X, Region Y"
    ("owner", "after", r",[ \t]*(?:projektägare|huvudman|insatsägare)[ \t]+(?=[A-ZÅÄÖ])", ("projektägare", "huvudman", "insatsägare")),
    # a signature table's role column: "Samverkanspart\tRegion Exempel\tAnna Exempel"
    ("partner", "after", r"(?m)^[ \t]*(?:samverkanspart(?:ner)?|samarbetspart(?:ner)?)\t(?=[A-ZÅÄÖ])", ("samverkanspart", "samarbetspart")),
    ("owner", "after", r"\b(?:genomförs|genomfördes|genomförts)\s+av", ("genomför",)),
    # "Insatsen genomförs tillsammans med A och B": the owner is stated elsewhere; A and B take part
    ("partner", "after", r"\b(?:genomförs|genomfördes|genomförts)\s+tillsammans\s+med", ("genomför",)),
    # ... "bedrivs sedan 2021-01-01 av X", "drivs sedan hösten 2022 av X"
    ("owner", "after", r"\b(?:be)?(?:drivs|drevs|drivits|bedrivits|drivas)\s+(?:gemensamt\s+|nu\s+|sedan\s+(?:den\s+)?[\w-]+(?:\s+\w+){0,2}?\s+)?av",
     ("drivs", "drevs", "drivits", "drivas")),
    ("owner", "after", r"\b(?:driver|drev|bedriver|bedrev)\s+(?:\w+\s+){0,2}?tillsammans\s+med", ("tillsammans",)),
    # "Tornet drivs av A tillsammans med B": B runs it too
    ("owner", "after", r"\b(?:be)?(?:drivs|drevs|drivits|bedrivits)\s+(?:gemensamt\s+|sedan\s+(?:den\s+)?[\w-]+(?:\s+\w+){0,2}?\s+)?"
                       r"av\s+[^.;]{3,80}?\btillsammans\s+med",
     ("tillsammans",)),
    # "X var lokal projektägare" (of its part of a national project)
    # ... and a decision's or a memo's plan: "Sala kommun ska vara projektägare för insatsen"
    ("owner", "before", r"\s+(?:är|var|blir|har\s+varit|ska\s+vara|skall\s+vara|kommer\s+att\s+vara)\s+"
                        r"(?:lokal\s+|formell\s+)?(?:projektägare|insatsägare|huvudman|ägare)\b",
     ("ägare", "huvudman")),
    ("owner", "before", r"\s+(?:fick|får|har|hade)\s+rollen\s+som\s+(?:projektägare|huvudman)\b", ("rollen",)),
    # a decision's case: "Exempelby kommun har som insatsägare ansökt om …", "Exempelby kommun, insatsägare, ansöker …";
    # known bodies only (a person may stand in the same place: "Anna Exempel, projektägare, …")
    ("owner", "before", r"\s+(?:har|hade)\s+som\s+(?:insatsägare|projektägare|huvudman)\b", ("insatsäg", "projektäg", "huvudman")),
    ("owner", "before", r",[ \t]*(?:insatsägare|projektägare|huvudman)[ \t]*,", ("insatsäg", "projektäg", "huvudman")),
    ("owner", "before", r"\s+(?:driver|drev|bedriver|bedrev)\s+(?:\w+\s+){0,2}?tillsammans\s+med", ("tillsammans",)),
    # "Fristaden är en insats som X driver i samverkan med Y": X runs it, Y takes part
    ("owner", "before", r"\s+(?:driver|drev|bedriver|bedrev)\s+i\s+(?:samverkan|samarbete)\s+med\b", ("samverkan", "samarbete")),
    ("owner", "before", r"\s+(?:driver|bedriver|äger|ansvarar\s+för)\s+(?:projektet|insatsen|förstudien|verksamheten)\b", ("projektet", "insatsen", "förstudien", "verksamheten")),
    # "… med Exempelby kommun som huvudman"
    ("owner", "before", r"(?:\s*\([^()\n]{0,80}\))?\s+som\s+(?:huvudman|projektägare)\b", ("huvudman", "projektägare")),
    # a signature table's party with its role in brackets: "Exempelby kommun (insatsägare)"
    ("owner", "before", r"[ \t]*\((?:insatsägare|projektägare|huvudman|sökande)\)", ("insatsägare", "projektägare", "huvudman", "sökande")),
    ("partner", "before", r"[ \t]*\((?:samverkanspart(?:ner)?|samarbetspart(?:ner)?|medverkande part)\)", ("samverkanspart", "samarbetspart", "medverkande")),
    # a decision grants money to the body that will run it: "beslutar att bevilja 800 000 kr till X"
    ("owner", "after", r"\bbevilja[rts]?\s+(?:medel|[\d][\d \u00a0.,]*\s*(?:kr|kronor|tkr|miljoner\s+kronor))\s+"
                       r"(?:\w+\s+){0,3}?till\s+(?=[A-ZÅÄÖ])", ("bevilja",)),
    ("owner", "after", r"\bbevilja(?:de?|r|s)?\s+(?=[A-ZÅÄÖ][^.]{0,80}?\d[\d .]*\s*(?:kr|kronor|tkr|mkr|miljoner))", ("bevilja",)),
    # a grantee runs what it was granted money for: "A, B och C har fått medel från socialfonden till ett projekt"
    ("owner", "before", r"\s+(?:har|hade)\s+(?:nu\s+)?(?:beviljats|fått|tilldelats)\s+(?:\w+\s+){0,2}?"
                        r"(?:medel|pengar|\d[\d \u00a0.,]*\s*(?:kr|kronor|tkr|miljoner))\b", ("beviljats", "fått", "tilldelats")),
    # the applicant of a decision's case: "Ansökan från X om …", "X ansöker om 980 000 kr"
    ("owner", "after", r"\bansökan\s+från(?=\s+[A-ZÅÄÖ])", ("ansökan",)),
    ("owner", "before", r"\s+ansöker\s+(?:\w+\s+){0,2}?om\s+(?:medel|förlängning|fortsatt|fortsättning|\d)", ("ansöker",)),
    ("partner", "after", r"\bi\s+(?:nära\s+|tät\s+|bred\s+)?(?:samverkan|samarbete)\s+med", ("samverkan", "samarbete")),
    # English prose: "carried out in cooperation with Region Skåne and Arbetsförmedlingen"
    ("partner", "after", r"\bin\s+(?:close\s+)?(?:cooperation|collaboration|partnership)\s+with",
     ("cooperation", "collaboration", "partnership")),
    ("partner", "after", r"\b(?:samarbete|samverkan|fyrpartssamverkan|trepartssamverkan|samverkansprojekt|samarbetsprojekt)\s+"
                         r"(?:\w+\s+){0,5}?(?:mellan|med)(?!\s+(?:syfte|fokus|målet|målgruppen))", ("samarbete", "samverkan", "samarbetsprojekt")),
    ("partner", "after", r"\b(?:ingående|deltagande|medverkande|övriga\s+deltagande|samverkande)\s+"
                         r"(?:parter|organisationer|aktörer|myndigheter)\s+(?:(?:i\s+\w+\s+)?(?:är|var|har\s+varit)|"
                         # a cover: "Deltagande parter i ansökan A B C"
                         r"(?:bakom|i)\s+(?:\w+\s+)?(?:projektförslag\w*|ansökan|projektet|insatsen)\s*:?)",
     ("parter", "organisationer", "aktörer", "myndigheter")),
    ("partner", "after", r"\b(?:samverkansparter|samverkanspartners|projektparter|parter\s+i\s+(?:projektet|insatsen|satsningen|förstudien|verksamheten))\s*(?::|är|var)?", ("parter", "samverkanspartners")),
    ("partner", "after", r"\b(?:samarbetar|samarbetade|samverkar|samverkade)\s+(?:även\s+|också\s+)?med", ("samarbeta", "samverka")),
    ("partner", "before", r"\s+(?:samarbetar|samarbetade|samverkar|samverkade)\s+(?:även\s+|också\s+)?med", ("samarbeta", "samverka")),
    # "A och B kommuner har varit parter", "C och D har som samverkande aktörer deltagit i projektet",
    # "med Arbetsförmedlingen som samverkanspart"
    # ... "B och C blir nu samverkansparter", "A och B är samarbetsparter"
    ("partner", "before", r"\s+(?:har\s+varit|är|var|blev|blir)\s+(?:nu\s+|också\s+|även\s+)?"
                          r"(?:medverkande\s+|deltagande\s+|samverkande\s+)?(?:samverkans|samarbets)?parter\b",
     ("parter",)),
    ("partner", "before", r"\s+(?:har\s+)?(?:deltagit|deltog|deltar|medverkat|medverkade|medverkar)\s+"
                          r"(?:i\s+(?:projektet|insatsen|förstudien|satsningen)\s+)?som\s+(?:samverkande\s+)?"
                          r"(?:aktörer|aktör|parter|part|samverkansparter|samverkanspart)\b", ("aktör", "part")),
    ("partner", "before", r"(?:\s*\([^()\n]{0,80}\))?\s+som\s+(?:samverkanspart(?:ner|er|s)?|samarbetspart(?:ner|er|s)?|"
                          r"medverkande\s+part(?:er)?)\b", ("samverkanspart", "samarbetspart", "medverkande")),
    # the verb left out after "och": "X är insatsägare och Region Y samverkanspart."
    ("partner", "before", r"\s+(?:samverkans|samarbets)part(?:ner|er|s)?(?=\s*[.;]|\s*$)", ("samverkanspart", "samarbetspart")),
    # "Projektets parter bestod av A, B och C"; a group of the parties stands for them:
    # "… bestod av lokala samverkansgruppen, som representerades av A, B och C"
    ("partner", "after", r"\b(?:projektets|insatsens|förstudiens)\s+parter\s+(?:består|bestod|bestått|har\s+varit|var|är)"
                         r"(?:\s+av)?(?:[^.]{0,80}?\bsom\s+(?:representerades|företräddes|representeras|företräds)\s+av)?",
     ("projektets parter", "insatsens parter", "förstudiens parter")),
    # a form's label that says "parter" names every party: "Samverkande parter: A, B, Påhittet"
    ("partner", "after", r"(?m)^[ \t]*(?:medverkande|deltagande|samverkande)[ \t]+parter[ \t]*:", ("parter",)),
    # a form's label: "Medverkande parter: …", "Samverkande: …"
    ("partner", "after", r"(?m)^[ \t]*(?:medverkande|deltagande|samverkande)(?:[ \t]+(?:parter|organisationer|aktörer))?[ \t]*:",
     ("medverkande", "deltagande", "samverkande")),
    # a web page's or a memo's short label: "Samverkan: A och B", "Samarbete med: C"
    ("partner", "after", r"(?m)^[ \t]*(?:samverkan|samarbete)(?:[ \t]+med)?[ \t]*:", ("samverkan", "samarbete")),
    # inverted order: "Under året samarbetade X med Y och Z"
    ("partner", "after", r"\b(?:samarbetar|samarbetade|samverkar|samverkade)\s+(?=[A-ZÅÄÖ][^.]{0,80}?\smed\s)", ("samarbeta", "samverka")),
    # a form that prints the value before its label: "Samordningsförbundet X Organisationsnamn"
    ("owner", "before", r"\s+(?:Organisationsnamn|Sökande\s+organisation)\b", ("organisationsnamn", "sökande")),
    ("owner", "after", r"\b(?:Organisationsnamn|Sökande\s+organisation)\s*:", ("organisationsnamn", "sökande")),
    # "Teamet är en gemensam insats för A, B och C", "ett gemensamt projekt mellan A och B",
    # "en gemensam insats för parterna i förbundet: A, B och C"
    ("partner", "after", r"\bgemensam(?:t|ma)?\s+(?:insats|projekt|satsning|verksamhet)\s+(?:för|mellan)"
                         r"(?:\s+(?:de\s+\w+\s+)?parterna(?:\s+i\s+(?:förbundet|samordningsförbundet))?\s*:)?", ("gemensam",)),
    # "beviljades medel för att tillsammans med X skapa …"; a bare "tillsammans med" names whom a
    # participant meets, not a party to the intervention
    ("partner", "after", r"\bför\s+att\s+tillsammans\s+med", ("tillsammans",)),
]
ROLE_CUES_RE = [(role, where, re.compile(p, re.I)) for role, where, p, _ in ROLE_CUES]
# Cues that name the parties outright ("Projektägare:", "ingående parter är …", "X är projektägare"):
# every name in their list is a party, also one the gazetteer does not know ("Påhittema", a
# foundation or an association). Looser cues ("i samverkan med …") keep to known bodies and units.
STATED_CUES = frozenset(p for _, _, p, words in ROLE_CUES
                        if {"parter", "projektägare", "projektägar", "rollen", "ägare", "samverkanspartners"} & set(words))
# "Samarbete mellan A och B" names partners, except where cooperation is spoken of as an aim or a
# prerequisite ("kräver ett gott samarbete mellan …", a heading "Bättre samarbete
# mellan A och B"): then it is no intervention's.
COOPERATION_NOUN_CUE = next(p for _, _, p, _ in ROLE_CUES if "fyrpartssamverkan" in p)
GENERAL_COOPERATION_RE = re.compile(
    r"\b(?:förutsätter|kräver|krävs|behov\s+av|behöver|förstärkt|förstärka|ökad|öka|förbättrad|förbättra|"
    r"utveckla|utvecklad|stärka|stärkt|fungerande|välfungerande|god|goda|bättre|främja)\b[^.]{0,25}$"
    r"|\bom\s+$", re.I)  # cooperation as a topic: "överenskommelser om samverkan mellan …"
# "samverkan mellan kommun, region, Försäkringskassan och Arbetsförmedlingen": the four kinds of party
# a samordningsförbund joins, spoken of in general (the law's words), names no intervention's partners.
GENERIC_PARTIES_RE = re.compile(r"\s*(?:kommun|kommuner|landsting|region|regioner)\s*(?:,|och\b|samt\b)")
CUES_BY_WORD: dict[str, list[int]] = {}
for _i, (*_, _words) in enumerate(ROLE_CUES):
    for _word in _words:
        CUES_BY_WORD.setdefault(_word, []).append(_i)
# (text.NOT_PLAIN_RE: only a sentence of ASCII and Swedish letters may be passed over on its words alone)


def cue_words(text: str) -> list[tuple[int, int, list[int]]] | None:
    """Return (start, end, cues) for every place in `text` a cue's word stands, in order; None
    where lowering changes the text's length (its offsets would no longer be the text's)."""
    lower = text.lower()
    if len(lower) != len(text):
        return None
    found = []
    for word, cues in CUES_BY_WORD.items():
        at = lower.find(word)
        while at >= 0:
            found.append((at, at + len(word), cues))
            at = lower.find(word, at + 1)
    found.sort(key=lambda hit: hit[0])
    return found


def cues_for(sentence: str, offset: int = 0, words: list | None = None,
              starts: list[int] | None = None) -> list[tuple[str, str, re.Pattern]]:
    """Return the cues (in ROLE_CUES order) whose words the sentence holds: the only ones that can match.

    `words` (from cue_words of the whole text, with their `starts`) saves lowering and searching
    each sentence again; the sentence starts at `offset` of that text.
    """
    if NOT_PLAIN_RE.search(sentence):
        return ROLE_CUES_RE
    if words is None:
        lower = sentence.lower()
        hits = {i for word, cues in CUES_BY_WORD.items() if word in lower for i in cues}
    else:
        end = offset + len(sentence)
        hits = set()
        for k in range(bisect.bisect_left(starts, offset), bisect.bisect_left(starts, end)):
            if words[k][1] <= end:
                hits.update(words[k][2])
    return [ROLE_CUES_RE[i] for i in sorted(hits)]
