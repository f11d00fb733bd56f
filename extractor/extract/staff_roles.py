"""The staff roles a full-time share is stated for ("coach", "handläggaren", "arbetskonsulenter"),
as one regex fragment: staffing.py reads posts by them, fte_forms.py a share written before one;
and a role's singular, the name a post is listed under."""
from __future__ import annotations

import re

# Singular, definite ("arbetsterapeuten", "processledaren") and plural forms.
ROLE_PATTERN = (
    r"[\wåäöÅÄÖ/-]*(?:coach(?:en|er(?:na)?)?|konsulent(?:en|er(?:na)?)?|handläggare(?:n)?|samordnare(?:n)?|"
    r"ledare(?:n)?|terapeut(?:en|er(?:na)?)?|socionom(?:en|er)?|förmedlare(?:n)?|ansvarig|specialist(?:en|er)?|"
    r"sekreterare(?:n)?|psykolog(?:en|er)?|sköterska(?:n|or(?:na)?)?|vägledare(?:n)?|handledare(?:n)?|"
    r"kurator(?:n|er)?|koordinator(?:n|er)?|utredare(?:n)?|medarbetare(?:n)?|pedagog(?:en|er)?|"
    r"strateg(?:en|er)?|lots(?:en|ar)?|behandlare(?:n)?|tjänste(?:man|mannen|män)|sjukgymnast(?:en|er)?|"
    r"stödjare(?:n)?|assistent(?:en|er)?|chef(?:en|er)?|"
    # a förbund's office: "förbundsekonomen på 40 %", "en administratör på 30 %"
    r"ekonom(?:en|er)?|administratör(?:en|er(?:na)?)?|controller(?:n)?|"
    # the post named by its role: "coachtjänsten", "handledartjänsten"
    r"(?:coach|konsulent|terapeut|specialist|pedagog|lots|ledar|vägledar|samordnar|handläggar)tjänst(?:en|er(?:na)?)?|"
    # English, in a Swedish application's English prose: "two job coaches at 100 % each"
    r"coaches|coordinators?|managers?|counsell?ors?|officers?|workers?|mentors?|advis[eo]rs?|therapists?|"
    r"psychologists?|nurses?|supervisors?|administrators?|specialists|leaders?)"
)


# Plural and definite endings back to the singular: "coacherna" -> "coach", "processledaren" -> "processledare".
SINGULAR_ENDINGS = [
    (r"(ar)tjänst(?:en|erna|er)?$", r"\1e"),
    (r"tjänst(?:en|erna|er)?$", ""),
    (r"(coach|konsulent|terapeut|socionom|specialist|psykolog|kurator|koordinator|pedagog|strateg|ekonom|chef|"
     r"administratör)(?:erna|er)$", r"\1"),
    (r"(lots)(?:arna|ar)$", r"\1"),
    (r"(coach|konsulent|terapeut|socionom|specialist|psykolog|pedagog|strateg|lots|ekonom|chef|administratör)en$", r"\1"),
    (r"(are|ska|kurator|koordinator)n$", r"\1"),
    (r"(coach)es$", r"\1"),
    (r"([a-z]{3,}(?:or|er|ist|se))s$", r"\1"),
]
SINGULAR_RES = [(re.compile(p, re.I), repl) for p, repl in SINGULAR_ENDINGS]


def singular(role: str) -> str:
    """Return a role as its singular, capitalised.  "arbetsterapeuten" -> "Arbetsterapeut\""""
    role = role.strip(" -/")
    for pattern, repl in SINGULAR_RES:
        role, n = pattern.subn(repl, role)
        if n:
            break
    return role[:1].upper() + role[1:]
