"""The intervention's name where no form field gives it: from prose and from a headline.

Reports and web pages name their insats after a word that says what it is ("Projekt Nyckeln",
"insatsen Bron", "Verksamheten kallas Vägen till jobb", "Förstudie Lotssamverkan i X"),
or in the headline of the page ("Jobbcentrum i Exempelby" over a text that names it again).
A name must be stated twice (or once in the opening), so a project merely mentioned in passing
does not become the title; a body, a method or a kind of document is never a title.
"""
from __future__ import annotations

import re
from collections import Counter

from .function_words import FUNCTION_WORDS as STOP_WORDS
from .gazetteer import find_org_spans

CAP_WORD = r"[A-ZÅÄÖ][\wåäöéÅÄÖ`'-]*"
# "Mötesplats Exempelby", "Kompassen i Exempelby", "Teamstöd i Norra Exempeldalen"
NAME = rf"{CAP_WORD}(?:[ \t]+(?:(?:i|till|av|för|på)[ \t]+)?{CAP_WORD})*"
NAME_CUE_RE = re.compile(
    rf"(?:\b[Pp]rojekt(?:et|namn)?|\b[Ii]nsats(?:en)?|\b[Ff]örstudie(?:n)?|\b[Ss]atsningen|\b[Vv]erksamheten\s+kallas|"
    # ... or a compound that says what kind of project: "socialfondsprojektet Framtidsvägen"
    rf"\b[Dd]elprojekt(?:et)?|\b[a-zåäö]{{3,}}projektet)[ \t]*:?[ \t]+(?P<name>{NAME}|[a-zåäö]{{3,}}(?=[`'’]s\b|[ \t.,]))")
# In a main clause the verb comes second: lower-case words between a name and the verb are the name's own
# ("Projektet Steget vidare startade 2022"); verbs that tell of the insats's life.
LIFE_VERBS = (r"startade|startar|började|pågick|pågår|avslutades|avslutas|drevs|drivs|bedrevs|bedrivs|genomfördes|"
              r"genomförs|finansierades|finansieras|riktade|riktar|vände|vänder|syftade|syftar")
SUBJECT_TAIL_RE = re.compile(rf"(?P<words>(?:[ \t]+[a-zåäö]+){{0,2}}?)[ \t]+(?:{LIFE_VERBS})\b")
# A name in quotes after the kind of work: 'Förprojekt "Utvecklad samverkan i Exempeldalen"'
QUOTED_CUE_RE = re.compile(
    r"(?:\b[Pp]rojekt(?:et)?|\b[Ff]örprojekt(?:et)?|\b[Ii]nsats(?:en)?|\b[Ff]örstudie(?:n)?|\b[Dd]elprojekt(?:et)?)"
    r"[ \t]*:?[ \t]+[\"“”»«'’](?P<name>[A-ZÅÄÖ][^\"“”»«'’\n]{2,80})[\"“”»«'’]")
# Sentences that name it: "Verksamheten kallas Slussen", "Bron är ett samverkansprojekt" (weigh double)
NAMING_RE = re.compile(
    rf"(?:\b(?:kallas|heter|med\s+namnet)[ \t]+(?P<name>{NAME}))"
    # (a transcript runs a heading into the sentence: "3 Sammanfattning Lyktan är ett …")
    rf"|(?:(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=Sammanfattning\s)|(?<=Inledning\s)|(?<=Bakgrund\s))"
    rf"(?P<subject>{NAME})[ \t]+(?:är|var)[ \t]+(?:ett|en)[ \t]+(?:[\wåäö-]+[ \t]+){{0,3}}?"
    # ... of any kind of project: "Lyktan är ett interventions- och forskningsprojekt"
    rf"(?:[\wåäö-]*projekt|insats|samverkansinsats|satsning|verksamhet|förstudie)\b)"
    # ... or set off by its kind after a comma: "projektledare för Stegen, insatsen som stöttar unga"
    # (a few words at most, so a long run of capitalised words is read once, not once per word)
    rf"|(?:(?<![\w-])(?P<appos>{CAP_WORD}(?:[ \t]+(?:(?:i|till|av|för|på)[ \t]+)?{CAP_WORD}){{0,3}}),[ \t]+"
    rf"(?:insatsen|projektet|satsningen|verksamheten|förstudien)[ \t]+som\b)")
# ... also a name in sentence case, where the text names it again: "Stödjande samtal var ett nationellt projekt"
SENTENCE_CASE_NAMING_RE = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<subject>{CAP_WORD}(?:[ \t]+[a-zåäö][\wåäö-]+){{1,2}})[ \t]+(?:är|var)[ \t]+"
    r"(?:ett|en)[ \t]+(?:[\wåäö-]+[ \t]+){0,3}?[\wåäö-]*projekt\b")
# "Exempelvägen syftar till att …": a sentence whose subject is the name, where the name also stands
# alone on a line (a heading), names the intervention the page is about
AIM_SUBJECT_RE = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<subject>{NAME})[ \t]+(?:syftar|syftade)[ \t]+till\b")
# A page headed by the name, its first paragraph about "Projektet …": "VÄGEN\n\nProjektets parter var …"
OWN_PARAGRAPH_RE = re.compile(r"[ \t]*\n(?:[ \t]*\n)*[ \t]*(?:Projektet|Projektets|Insatsen|Insatsens|Förstudien|Förstudiens|Verksamheten)\b")
HEADED_PAGE_MAX_WORDS = 4
RUN_RE = re.compile(NAME)
# An article opens a name that goes on in lower case: "projektet En väg in."
ARTICLE_NAME_RE = re.compile(r"^(?:En|Ett)[ \t]+[a-zåäö]+(?=[ \t]*[.,:;)]|$)")
# Words that open a sentence or name a kind of document, a meeting or a place in a form: no names.
NOT_NAMES = {
    "en", "ett", "den", "det", "de", "vi", "nu", "om", "i", "för", "som", "med", "och", "att", "till", "vill",
    "nytt", "ny", "nya", "bilaga", "sida", "innehåll", "sammanfattning", "inledning", "bakgrund", "syfte",
    "mål", "målgrupp", "rapport", "slutrapport", "delrapport", "utvärdering", "verksamhetsplan",
    "verksamhetsplanen", "årsredovisning", "årsredovisningen", "protokoll", "styrelsemöte", "styrelsen",
    "samhällsekonomisk", "förord", "ansökan", "projekt", "projektet", "insats", "insatsen", "förstudie",
    "esf", "eu", "finsam", "samordningsförbundet", "förbundet", "kommunen", "regionen", "läs", "se",
    "följeforskning", "verksamhetsberättelse", "tjänsteutlåtande", "kallelse", "beslutsförslag", "mellan",
    # a report's headings: a line after its kind on a cover may be one ("Slutrapport\nInnehållsförteckning")
    "innehållsförteckning", "förkortningar", "bilagor", "resultat", "slutsatser", "contents", "summary", "abstract",
    "introduction", "background", "preface",
    # a web site's menu: "Start Om projektet Kontakt"
    "kontakt", "kontakta", "start", "startsida", "hem", "meny", "nyheter", "aktuellt",
    "diarienummer", "dnr", "datum", "organisationsnummer", "transkript", "download", "storlek", "under", "efter", "från", "hur", "vad", "när", "där", "här", "detta", "denna",
}
# A kind of document or meeting is no name, wherever it stands in a run of capitalised words:
# "LYSEKILS KOMMUN Sammanträdesprotokoll Kommunstyrelsen", "Avstämningsrapport".
DOC_KIND_WORD_RE = re.compile(
    r"(?i)^(?:[\wåäö]*(?:rapport|protokoll|redovisning|berättelse|utlåtande|skrivelse)|verksamhetsplan(?:en)?|"
    r"kallelse|ansökan|utvärdering|slututvärdering|förslag)$")
# A form's label is no part of a name: "… Projektansvarig Projektägare …" printed after the name field's value
FORM_LABEL_WORD_RE = re.compile(
    r"(?i)^(?:projekt(?:ägare|ansvarig|ledare|period|tid|namn|benämning|nummer)|kontaktperson|insatsägare|huvudman|"
    r"målgrupp|startdatum|slutdatum)$")
METHOD_NAMES_RE = re.compile(
    r"^(?:IPS|SE|MI|AWP|SMAIL|BIP|KBT|ACT|FIA|AWC|WEIS|WRI|Supported|Individual|Motivational|Case)\b", re.I)
LOWER_PROJECT_NAME_RE = re.compile(r"\b[Pp]rojekt(?:et)?\s+([a-zåäö]{3,})\b")
# The capitalised words a line opens with: "Steget vidare – stöd till …" -> "Steget"
LINE_START_RUN_RE = re.compile(rf"(?m)^[ \t]*({NAME})")
# A headline's capitalised run followed by ", <role>" lists people; a lone capitalised word
# followed by lower-case words opens a phrase in sentence case, it names nothing by itself.
PERSON_LIST_RE = re.compile(r"\s*,\s*[a-zåäö]")
PHRASE_GOES_ON_RE = re.compile(r"[ \t]+[a-zåäö]")
# ... unless the word looks like a name: coined ("IT-lotsen", "JobbA") or a definite noun ("Bron",
# "Steget", "Trappan"), not an adjective, a genitive or a bare noun ("Fria", "Stöd", "Organisation").
NAME_LIKE_WORD_RE = re.compile(r"^.[^ ]*[A-ZÅÄÖ0-9-]|(?:et|en|an|rn|(?<!i)[aeouyåäö]n)$")
# A name the prose writes in capitals (genitive -S too), three times or more; abbreviations of
# the field are no names.
CAPITALS_RE = re.compile(r"(?<![\w-])([A-ZÅÄÖ]{3,9})(?![\w-])")
MIN_CAPITALS_MENTIONS = 3
MAX_CAPITAL_NAMES = 3  # more words than that in capitals: a text of abbreviations, no one name
COMMON_CAPITALS = {
    "ESF", "FINSAM", "IPS", "SMAIL", "AWP", "BIP", "ACT", "DBT", "KBT", "FIA", "SUS", "SIUS", "LSS", "NPF",
    "ADHD", "AME", "VGR", "SKR", "SKL", "FOU", "CFAR", "NUTS", "SCB", "PDF", "WORD", "TXT", "PNG", "JPG", "EUR",
    "SEK", "TKR", "MKR", "UVAS", "IOP", "ASF", "LSO", "HSL", "SOL", "LVU", "LVM", "UNG", "MBT", "OCH", "FÖR",
}
# an organisation's abbreviation: "Myndigheten för … (ABC)", "Föreningen ABC"
ORGANISATION_WORD = r"(?i:föreningen|stiftelsen|myndigheten|förbundet|samordningsförbundet|bolaget|kooperativet)"
# An e-mail's header lines and greeting name its sender and reader, not the insats.
MAIL_LINE_RE = re.compile(r"^(?:(?:från|till|kopia|skickat|datum|ämne|from|to|cc|sent|date|subject)\s*:|"
                          r"(?:hej|hejsan|hallå|god\s+morgon)\b)", re.I)
SIGN_OFF_RE = re.compile(r"^(?:med\s+vänliga?\s+hälsning(?:ar)?|vänliga\s+hälsningar|hälsningar|mvh)\b", re.I)
# A line with a phone or e-mail label gives a person's contact details, no headline: "Anna Ek, Enheten, mobil:"
CONTACT_LABEL_RE = re.compile(r"\b(?:mobil|mobiltelefon|telefon|tel|e-post|e-mail|epost)\.?[ \t]*:", re.I)
HEADLINE_MAX_WORDS = 10
OPENING_CHARS = 300
TRANSCRIPT_RE = re.compile(r"(?m)^[ \t]*(?:Transkript|Transcript|TRANSCRIPT)[ \t]*$")
TRANSCRIPT_CHARS = 800
MIN_SCORE = 2


def _headlines(text: str, count: int = 2) -> list[tuple[int, str]]:
    """Return the first lines that read as a headline (short, capitalised, not a sentence): a page
    may open with its site's name or a logo's text before the headline itself."""
    out, pos = [], 0
    logo = False  # the line before named the förbund: a line in capitals right under it is its logo's too
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if SIGN_OFF_RE.match(stripped):
            break  # the sender's name follows
        if logo and stripped and stripped.isupper():
            continue
        logo = "samordningsförbund" in stripped.lower()
        if (not stripped or stripped.startswith(("#", "•", "(")) or not stripped[0].isupper() or MAIL_LINE_RE.match(stripped)
                or CONTACT_LABEL_RE.search(stripped)
                or stripped.endswith(("...", "…", ".")) or "samordningsförbund" in stripped.lower()
                or len(stripped.split()) > HEADLINE_MAX_WORDS or len(stripped) < 4):
            continue
        out.append((start, line))
        if len(out) == count:
            break
    return out


def _acceptable(name: str, bodies: set[str], cued: bool = False) -> bool:
    """Return whether `name` may be a name; `cued`: a word that says what it names stands before it
    ("projektet LYKTANSTEG"), so a long word in capitals there is a name, no shouted cover word, and a name of
    several words may open with a common word ("förstudien Ny väg")."""
    words = name.split()
    return (name.lower() not in NOT_NAMES and not any(DOC_KIND_WORD_RE.match(w) for w in words)
            and (words[0].lower() not in NOT_NAMES or ARTICLE_NAME_RE.match(name) or (cued and len(words) > 1))
            and not METHOD_NAMES_RE.match(name) and name not in bodies
            and not any(name in b for b in bodies) and not re.fullmatch(r"[\d\W]+", name)
            and not (name.isupper() and len(name) > 6 and not cued)  # a shouted cover word: "VERKSAMHETSBERÄTTELSE"
            # a word made on an abbreviation of the field: "SIUS-konsulenter", "ESF-rådet"
            and name.split("-")[0].upper() not in COMMON_CAPITALS)  # ... in any case: "Finsam-lagen"


def title_acceptable(name: str, text: str, cued: bool = False) -> bool:
    """Return whether `name` may be the intervention's name: no body of `text`, method, kind of document.
    `cued`: a word that says what it names stands before it ("förstudien Ny väg")."""
    return _acceptable(name, {text[s:e] for s, e, _ in find_org_spans(text)}, cued)


def acceptable_titles(names: set[str], text: str) -> set[str]:
    """Return those of `names` that may be the intervention's name (title_acceptable for many at once)."""
    bodies = {text[s:e] for s, e, _ in find_org_spans(text)}
    return {n for n in names if _acceptable(n, bodies)}


def _before_doc_kind(name: str) -> str:
    """Return the words of a run before the first that names a kind of document or a form's next label.

    "Bron Slutrapport" -> "Bron"; "Steget vidare Projektägare Anna Ek" -> "Steget vidare"
    """
    words = name.split()
    cut = next((i for i, w in enumerate(words) if DOC_KIND_WORD_RE.match(w) or FORM_LABEL_WORD_RE.match(w)), len(words))
    return " ".join(words[:cut])


def find_title_in_prose(text: str) -> tuple[str, int, int] | None:
    """Return (name, start, end) of the intervention the text names, or None.

    "Projekt Nyckeln startade 2019. … inom projekt Nyckeln" -> ("Nyckeln", …)
    """
    bodies = {text[s:e] for s, e, _ in find_org_spans(text)}
    heads = _headlines(text)
    headline = heads[0][1] if heads else ""
    headed = _headed_page(text, heads, bodies)
    if headed:
        return headed
    scores: Counter = Counter()
    where: dict[str, tuple[int, int]] = {}
    # a transcript's page chrome ("Storlek: px … Download … Transkript") comes before the document's own opening
    chrome = TRANSCRIPT_RE.search(text[:TRANSCRIPT_CHARS])
    opening = chrome.end() if chrome else 0
    # counted once for the whole text, so a long text costs its length, not length x mentions
    lower_names = Counter(m.group(1) for m in LOWER_PROJECT_NAME_RE.finditer(text))
    # a name is a few words: a line of a thousand capitalised words gives its first few only
    line_starts = {tuple(words[:n]) for m in LINE_START_RUN_RE.finditer(text)
                   for words in [m.group(1).split(None, HEADLINE_MAX_WORDS)]
                   for n in range(1, min(len(words), HEADLINE_MAX_WORDS) + 1)}
    lived: set[str] = set()  # names a sentence says began, ran or ended: "Projektet Bron startade 2022"
    for m in NAME_CUE_RE.finditer(text):
        name = _before_doc_kind(m.group("name"))  # "Projektnamn Bron Slutrapport" -> "Bron"
        if not name:
            continue
        article = ARTICLE_NAME_RE.match(text[m.start("name"):m.start("name") + 40])
        if article:
            name = article.group()
        if name[0].islower() and (lower_names[name] < 2 or name in STOP_WORDS):
            continue  # a lower-case name only when the text keeps calling it so: "projekt lyftet", not "ska"
        if not _acceptable(name, bodies, cued=" " not in name):
            continue
        tail = SUBJECT_TAIL_RE.match(text, m.end("name"))
        if tail and name == m.group("name") and not set(tail.group("words").split()) & STOP_WORDS:
            name = " ".join([name] + tail.group("words").split())  # "Projektet Steget vidare startade"
            lived.add(name)
        scores[name] += 1 + (m.start() - opening < OPENING_CHARS or name in headline
                             or tuple(name.split()) in line_starts)
        where.setdefault(name, (m.start("name"), m.start("name") + len(name)))
    for m in QUOTED_CUE_RE.finditer(text):
        name = m.group("name").strip()
        if _acceptable(name, bodies):
            scores[name] += 2  # quoted after its kind: stated outright
            where.setdefault(name, (m.start("name"), m.start("name") + len(name)))
    for m in AIM_SUBJECT_RE.finditer(text):
        name = m.group("subject")
        if _acceptable(name, bodies) and re.search(rf"(?m)^[ \t]*{re.escape(name)}[ \t]*$", text):
            scores[name] += 2
            where.setdefault(name, (m.start("subject"), m.start("subject") + len(name)))
    for m in NAMING_RE.finditer(text):
        group = next(g for g in ("name", "subject", "appos") if m.group(g))
        name = m.group(group)
        if _acceptable(name, bodies):
            scores[name] += 2
            where.setdefault(name, (m.start(group), m.start(group) + len(name)))
    for m in SENTENCE_CASE_NAMING_RE.finditer(text):
        name = m.group("subject")
        if _acceptable(name, bodies) and len(re.findall(rf"(?<![\wåäö]){re.escape(name)}(?![\wåäö])", text)) >= 2:
            scores[name] += 2
            where.setdefault(name, (m.start("subject"), m.start("subject") + len(name)))
    if scores:
        best, score, runner_up = _best_name(scores)
        if score >= MIN_SCORE and score > runner_up:
            return best, *where[best]
    # a one-word first line is a logo's or a site's name: the headline comes next
    for head in heads[:2 if heads and len(heads[0][1].split()) == 1 else 1]:
        found = _recurring_run(text, *head, bodies)
        if found:
            return found
    if len(scores) == 1 and next(iter(scores)) in lived:  # the one insats the text names, named once
        name = next(iter(scores))
        return name, *where[name]
    return _recurring_capitals(text, bodies)


def _headed_page(text: str, heads: list[tuple[int, str]], bodies: set[str]) -> tuple[str, int, int] | None:
    """Return the headline of a page whose first paragraph speaks of "Projektet …", when it reads as a name.

    "DRIVE\n\nProjektets parter var …" -> "DRIVE"; "Stöd till unga\n\nProjektet …" -> None (a phrase)
    """
    if not heads:
        return None
    start, line = heads[0]
    name = line.strip()
    words = name.split()
    if (len(words) > HEADED_PAGE_MAX_WORDS or not OWN_PARAGRAPH_RE.match(text, start + len(line))
            or not (name.isupper() or NAME_LIKE_WORD_RE.search(words[0])) or not _acceptable(name, bodies)):
        return None
    at = start + line.index(name)
    return name, at, at + len(name)


def _recurring_capitals(text: str, bodies: set[str]) -> tuple[str, int, int] | None:
    """Return the one name the prose keeps writing in capitals ("LYKTAN", "LYKTANS lokal"), if any."""
    counts: Counter = Counter()
    first: dict[str, int] = {}
    skipped: set[str] = set()
    offset = 0
    for line in text.split("\n"):  # line by line: each line is read once
        start, offset = offset, offset + len(line) + 1
        if line.upper() == line:
            continue  # a heading in capitals
        for m in CAPITALS_RE.finditer(line):
            word = m.group(1)
            if word in skipped or _in_shouted_run(line, m.start(1), m.end(1)):
                continue
            if word in COMMON_CAPITALS or any(word in b for b in bodies):
                skipped.add(word)  # an abbreviation of the field, a body's acronym
                continue
            counts[word] += 1
            first.setdefault(word, start + m.start(1))
    for word in [w for w in counts if w.endswith("S") and w[:-1] in counts]:
        counts[word[:-1]] += counts.pop(word)  # "LYKTANS" is "LYKTAN" in the genitive
    names = [w for w, n in counts.items() if n >= MIN_CAPITALS_MENTIONS and _acceptable(w, bodies)]
    if not 1 <= len(names) <= MAX_CAPITAL_NAMES:
        return None
    # "Myndigheten för … (ABC)", "ABC (Myndigheten för …)", "Föreningen ABC": an organisation's abbreviation
    # "Myndigheten för …, ABC har …", "generaldirektör för ABC": an agency's abbreviation too
    names = [w for w in names if not re.search(rf"\({w}\)|\b{w}\s*\([A-ZÅÄÖ]|{ORGANISATION_WORD}\s+{w}\b|"
                                               rf"{ORGANISATION_WORD}\s[^.\n]{{0,80}}?,\s*{w}\b|"
                                               rf"(?i:generaldirektör\w*|myndighetschef\w*)\s+(?:för|på|vid)\s+{w}\b", text)]
    if len(names) != 1:
        return None
    return names[0], first[names[0]], first[names[0]] + len(names[0])


SHOUTED_WORD_RE = re.compile(r"^[A-ZÅÄÖ]{2,}[:.,]?$")


def _in_shouted_run(line: str, start: int, end: int) -> bool:
    """Return whether the word at line[start:end] stands among other words in capitals: a heading
    shouted in a run of headings ("OM TEAMEN OCH UPPDRAGET"), not a name the prose writes so."""
    before, after = line[:start].split(), line[end:].split()
    return any(SHOUTED_WORD_RE.match(w) for w in before[-1:] + after[:1])


def _best_name(scores: Counter) -> tuple[str, int, int]:
    """Return (name, score, next best score), forms that open with the same word counted as one:
    "Språnget Exempelby" on the cover and "Språnget" in the text are one name."""
    groups: dict[str, list[str]] = {}
    for name in scores:
        groups.setdefault(name.split()[0], []).append(name)
    totals = sorted(((sum(scores[n] for n in names), key) for key, names in groups.items()), reverse=True)
    (score, key), runner_up = totals[0], (totals[1][0] if len(totals) > 1 else 0)
    forms = groups[key]
    words = forms[0].split()
    for form in forms[1:]:  # the words all forms share
        other = form.split()
        n = next((i for i, (a, b) in enumerate(zip(words, other)) if a != b), min(len(words), len(other)))
        words = words[:max(n, 1)]
    shared = " ".join(words)
    return (shared if shared in scores else max(forms, key=lambda n: scores[n])), score, runner_up


def _recurring_run(text: str, start: int, headline: str, bodies: set[str]) -> tuple[str, int, int] | None:
    """Return the name in the headline that the text names again outside its copies of the headline."""
    # the page repeats its headline in its own chrome ('Download "…"'): those copies are no mention
    body_lines = [line for line in text.split("\n")
                  if line.strip() != headline.strip() and f'"{headline.strip()}"' not in line]
    rest = "\n".join(body_lines)
    opened = False  # the headline opens as a phrase in sentence case: only a coined name may follow
    for m in RUN_RE.finditer(headline):
        name = m.group().strip()
        after = headline[m.end():]
        if PERSON_LIST_RE.match(after):
            break  # "Anna Exempelsson, ersättare …"
        if " " not in name and PHRASE_GOES_ON_RE.match(after) and not NAME_LIKE_WORD_RE.search(name):
            # the first word of "Fria medel", "Organisation och styrning": a later coined name
            # may still stand in the headline ("Styrelsen säger ja till Kodstegen")
            opened = True
            continue
        if opened and not NAME_LIKE_WORD_RE.search(name.split()[0]):
            continue
        if _acceptable(name, bodies) and re.search(rf"(?<![\wåäö]){re.escape(name)}(?![\wåäö])", rest):
            return name, start + m.start(), start + m.start() + len(name)
    return None
