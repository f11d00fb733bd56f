"""Swedish function words: pronouns, articles, prepositions, conjunctions, auxiliaries and common
adverbs. A word of these never names a project or a body ("projektet ska …", "Med förbundet som …").
"""
FUNCTION_WORDS = frozenset("""
jag du han hon den det vi ni de man sig mig dig oss er dem honom henne hans hennes dess deras vår våra
vårt din ditt dina min mitt mina sin sitt sina er ert era denna detta dessa vilken vilket vilka som
en ett
i på av för med till från om under över efter före mellan genom mot hos vid utan inom utom enligt
kring bland sedan trots via åt ur runt längs
och eller men samt så att då när där här hur varför vad vem om fast medan eftersom innan tills än
ska skall kan kunde vill ville måste bör borde får fick har hade är var blir blev bli vara varit
haft kommer skulle lär må
inte ej även också bara redan nu sedan dock alltså ju nog väl mycket mer mest mindre minst
alla allt alltid aldrig andra annan annat båda både flera få ingen inget inga någon något några
varje var vare sådan sådant sådana samma själv själva egen eget egna hela helt
""".split())
