"""The staff roles a full-time share is stated for ("coach", "handläggaren", "arbetskonsulenter"),
as one regex fragment: staffing.py reads posts by them, fte_forms.py a share written before one."""
from __future__ import annotations

# Singular, definite ("arbetsterapeuten", "processledaren") and plural forms.
ROLE_PATTERN = (
    r"[\wåäöÅÄÖ/-]*(?:coach(?:en|er(?:na)?)?|konsulent(?:en|er(?:na)?)?|handläggare(?:n)?|samordnare(?:n)?|"
    r"ledare(?:n)?|terapeut(?:en|er(?:na)?)?|socionom(?:en|er)?|förmedlare(?:n)?|ansvarig|specialist(?:en|er)?|"
    r"sekreterare(?:n)?|psykolog(?:en|er)?|sköterska(?:n|or(?:na)?)?|vägledare(?:n)?|handledare(?:n)?|"
    r"kurator(?:n|er)?|koordinator(?:n|er)?|utredare(?:n)?|medarbetare(?:n)?|pedagog(?:en|er)?|"
    r"strateg(?:en|er)?|lots(?:en|ar)?|behandlare(?:n)?|tjänste(?:man|mannen|män)|sjukgymnast(?:en|er)?|"
    r"stödjare(?:n)?|assistent(?:en|er)?|chef(?:en|er)?|"
    # the post named by its role: "coachtjänsten", "handledartjänsten"
    r"(?:coach|konsulent|terapeut|specialist|pedagog|lots|ledar|vägledar|samordnar|handläggar)tjänst(?:en|er(?:na)?)?|"
    # English, in a Swedish application's English prose: "two job coaches at 100 % each"
    r"coaches|coordinators?|managers?|counsell?ors?|officers?|workers?|mentors?|advis[eo]rs?|therapists?|"
    r"psychologists?|nurses?|supervisors?|administrators?|specialists|leaders?)"
)
