"""The words that name each headline budget figure (budget.py reads the figure nearest them)."""
from __future__ import annotations

# Each field's cues; tier 0 names the figure outright, tier 1 only implies it ("bidrar med").
CUES: dict[str, list[tuple[str, int]]] = {
    "own_financing_sek": [
        (r"egen\s*finansiering|egenfinansiering|egen\s*insats|egeninsats|medfinansiering|medfinansierar|eget bidrag|egna insats|"
         r"own (?:contribution|financing|funding)", 0),
        # (the förbund's own contribution is the request: "förbundet har bidragit med …")
        (r"(?<!förbundet )(?<!förbundet har )\bbidr(?:ar|og|agit)(?:\s+(?:själv|själva|också|även))?\s+med\b|\b(?:står|stod|stått) för\b|(?<!förbundet )\bfinansierar\b|i form av (?:personal|lokaler|arbetstid)", 1),
    ],
    "requested_sek": [
        (r"\bsöks\b|sökt belopp|\bsökt(?=\s*:?\s*\d)|ansökt belopp|\bsöker\b|ansöker\s+(?:nu\s+|härmed\s+|därför\s+)?om|(?:att|vill) ansöka om(?=[^.\n]{0,40}?\d)|att rekvirera|"
         # a decision's account of the application: "har inkommit med en ansökan om 950 000 kronor", "har begärt 1 860 000 kr"
         r"\bansökan\s+om(?=\s+(?:ca\.?\s+|cirka\s+|totalt\s+)?\d)|\bbegär(?:t|de|s)?(?=\s+(?:ca\.?\s+|cirka\s+)?\d)|"
         r"från (?:samordnings)?förbundet|^(?:samordnings)?förbundet\b(?=[^\n.]{0,40}?(?:\d|$))|"
         # a budget table's column: "Post | Förbundet | Egen insats | Totalt", "Sökt | Egen insats | Summa"
         r"^sökt(?:a)?(?:\s+medel)?\s*(?:\((?:t?kr|sek)\))?\s*$|"
         r"förbund\w*(?:\s+[A-ZÅÄÖ][\wåäö-]+)*\s+finansierar|"
         # English: "Requested from the association: SEK …", "Amount applied for: …"
         r"\brequested\s+(?:from|of)\b|\b(?:amount|sum)\s+(?:applied|requested)\s+for\b|\bwe\s+apply\s+for\b", 0),
        # a decision's grant, a report's account of it: "att bevilja X 800 000 kr", "Förbundet finansierade
        # insatsen med …"; where the sum applied for is stated too ("sökt belopp var …"), that is the request
        # a change request's new budget, set against the old: "Ny budget 2026: 640 000 kr (tidigare 420 000 kr)"
        (r"\bny(?:a)?\s+budget(?:en)?\b|^beviljat\s*:?\s*$|"
         r"beviljat belopp|beviljade(?!\s+(?:samordnings)?förbund)|\bwas granted\b|"
         r"\batt bevilja\b|\bbeviljar\b|\bbeviljat(?=\s+(?:för\s+(?:år\s+)?)?\d)|"
         # a report's labels for the grant: "Beviljat totalt:", "Beviljad budget 2031:", "Förbundets bidrag:"
         r"\bbeviljat\s+totalt\b|\bbeviljad\s+budget\b|\bförbundets\s+bidrag\b|"
         # "Beviljat för läsåret: 1,1 mnkr", "Beviljat för perioden: …"
         r"\bbeviljat\s+för\s+(?:läsåret|året|perioden|projekttiden|insatsperioden)\s*:|"
         # "Insatsen var beviljad 3 900 000 kr"
         r"\b(?:var|är|har\s+varit)\s+beviljad(?:e)?(?=\s+(?:totalt\s+)?\d)|"
         # a report's account of the förbund's share: "Under perioden har förbundet bidragit med 3 150 000 kr"
         r"förbund\w*\s+(?:har\s+|hade\s+)?(?:bidragit|bidrog|bidrar)\s+med\b|förbund\w*(?:\s+[A-ZÅÄÖ][\wåäö-]+)*\s+(?:har\s+)?finansiera(?:de|t)\s+(?:insatsen|projektet|verksamheten)\s+med|"
         # "varav samordningsförbundet finansierade 1 650 000 kr", "Projektet finansieras av Samordningsförbundet X med 2,2 mnkr"
         r"förbund\w*(?:\s+[A-ZÅÄÖ][\wåäö-]+)*\s+(?:har\s+)?finansiera(?:de|t)(?=\s+\d)|"
         r"\bfinansiera(?:s|ts|des)\s+av\s+(?:samordnings)?förbund\w*(?:\s+[A-ZÅÄÖ][\wåäö-]+)*\s+med\b", 1),
    ],
    "total_sek": [
        (r"total(?:a)? kostnad(?:en)?|totala (?:projekt)?budget(?:en)?|total (?:projekt)?budget|totalkostnad|kostnad för insatsen|"
         r"(?:insatsens|projektets) kostnad|"
         r"kostnaden för (?:år )?\d{4}|budgetomslutning|omsluter|omsätts|omsätter|sammanlagd(?:a)? (?:budget|kostnad)|"
         # a report's account: "Projektets budget var 2,9 miljoner kronor", "Budget för året var 980 tkr"
         r"(?:insatsens|projektets)\s+budget\s+(?:var|är|blev)(?=\s+(?:ca\.?\s+|cirka\s+)?\d)|"
         r"\bbudget(?:en)?\s+(?:för\s+)?(?:året|(?:år\s+)?\d{4})\s+(?:var|är|blev)(?=\s+(?:ca\.?\s+|cirka\s+)?\d)|"
         r"budget(?:en)?(?: för (?:år )?\d{4})? (?:omfattar|uppgår till)|"
         # English: "with a budget of SEK 2.5 million", "total cost"
         r"\ba budget of\b|\btotal cost\b", 0),
        (r"^(?:totalt|summa|total)\s*(?:\([^)]*\))?\s*:?\s*$|^summa kostnader|^summa totalt", 3),
        # a sentence of its own after the parts: "… 700 000 kr. Totalt 2 480 000 kr.", "Summa 1 840 000 kr."
        (r"(?:^|(?<=[.]\s))(?:totalt|summa)(?=\s+\d)|(?:^|(?<=[.]\s))total\s*:?(?=\s+(?:SEK\s+)?\d)", 1),
        # one line of figures with their units: "Sökt 400000:-  Egen insats 50000:-  Totalt 450000:-"
        (r"(?:(?<=:-\s)|(?<=:-\s\s)|(?<=\skr\s)|(?<=\skr\s\s)|(?<=\skr\.\s))(?:totalt|summa)(?=\s+\d)", 1),
    ],
}
