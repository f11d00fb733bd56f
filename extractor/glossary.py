"""What each method label means: the glossary the research site shows beside every label (SCHEMA.md)."""
from __future__ import annotations

# label -> (the method's name, what it is, how documents write it). Order: the four core labels first.
METHOD_GLOSSARY: dict[str, tuple[str, str, str]] = {
    "MI": ("Motivational Interviewing (motiverande samtal)",
           "A conversation style that draws out and strengthens the person's own motivation for change.",
           "motiverande samtal, MI, motiverande samtalsmetodik"),
    "SE": ("Supported Employment",
           "Work first: a job coach helps the person find and keep a job on the open labour market, with "
           "support at the workplace. Includes its manualised variant IPS.",
           "Supported Employment, SE, IPS-metoden, individanpassat stöd till arbete (not Arbetsförmedlingen's SIUS)"),
    "SMAIL": ("SMAIL (Skattning Mot Arbete I Länet)",
              "A structured assessment of a participant's progression towards work, developed in Uppsala län "
              "from the Danish BIP.",
              "SMAIL, SMAIL-skattning"),
    "AWP": ("Assessment of Work Performance",
            "An assessment of work ability (arbetsförmågebedömning) by observing the person doing real or "
            "simulated work tasks.",
            "AWP, Assessment of Work Performance, bedömning av arbetsförmåga med AWP"),
    "IPS": ("Individual Placement and Support",
            "The manualised, fidelity-rated form of Supported Employment, named as such (also labelled SE).",
            "IPS, Individual Placement and Support"),
    "AWC": ("Assessment of Work Characteristics",
            "An assessment of what a workplace and its tasks demand, to match them to the person.",
            "AWC"),
    "WEIS": ("Worker Environment Impact Scale",
             "An interview on how the work environment helps or hinders the person's work and well-being.",
             "WEIS"),
    "WRI": ("Worker Role Interview",
            "An interview on the person's resources and obstacles for taking up or returning to a worker role.",
            "WRI"),
    "FIA": ("FIA-intervju (Förutsättningar inför arbete)",
            "An interview mapping the person's conditions, resources and obstacles before work.",
            "FIA, FIA-intervju"),
    "SOLUTION_FOCUSED": ("Solution-focused work (lösningsfokuserat arbetssätt)",
                         "Coaching or talks that build on what already works and on the person's own goals.",
                         "lösningsfokuserat arbetssätt, lösningsfokuserad coaching"),
    "VIOLENCE_SCREENING": ("Violence screening (7 frågor om våld)",
                           "Asking every participant a fixed set of questions about exposure to violence.",
                           "7 frågor om våld"),
    "PROGRESSION_MEASURE": ("Progression measure (progressionsmätning)",
                            "Measuring the participant's steps towards work over time with a tool such as BIP "
                            "(SMAIL alone is labelled SMAIL).",
                            "progressionsmätning, BIP"),
    "CBT": ("Cognitive behavioural therapy (KBT)",
            "Therapy or structured support that works on thoughts and behaviour.",
            "KBT, kognitiv beteendeterapi"),
    "ACT": ("Acceptance and Commitment Therapy",
            "A form of behavioural therapy that builds acceptance and action on the person's own values.",
            "ACT"),
    "CASE_MANAGEMENT": ("Case management",
                        "One coordinator holds the person's contacts with the several agencies involved.",
                        "case management, case manager"),
}
CORE_LABELS = ("MI", "SE", "SMAIL", "AWP")  # the four labels SCHEMA.md scores first


def method_label_rows() -> list[dict]:
    """Return the glossary as table rows: 'MI' -> {'label': 'MI', 'name': 'Motivational Interviewing …', …}."""
    return [{"label": label, "name": name, "meaning": meaning, "written_as": written,
             "core": int(label in CORE_LABELS)}
            for label, (name, meaning, written) in METHOD_GLOSSARY.items()]
