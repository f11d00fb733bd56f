import pytest

from extractor.method_rules import verdict
from extractor.methods import classify_methods
from extractor.record import Section


def _labels(text: str, one_insats: bool) -> list[str]:
    sections = [Section(key="methods", heading=None, text=text, page=None, char_start=0, char_end=len(text))]
    return sorted(m["label"] for m in classify_methods(text, sections, one_insats=one_insats))


@pytest.mark.parametrize("masked, rule", [
    # a lack of skill in the method, not its use
    ("Personalen saknar i dag kompetens i METODNAMN.", "lacking"),
    ("Det saknas erfarenhet av METODNAMN i arbetsgruppen.", "lacking"),
    ("Coacherna saknar utbildning i metoden METODNAMN.", "lacking"),
    # a negated subject denies the verb of use after it
    ("Ingen i teamet har arbetat med METODNAMN tidigare.", "negated"),
    ("Ingen av koordinatorerna har arbetat med METODNAMN.", "negated"),
    # discussed, then dropped
    ("METODNAMN har diskuterats i styrgruppen men valdes bort eftersom målgruppen står långt från arbete.", "dropped"),
    ("METODNAMN har varit uppe för diskussion i arbetsgruppen men valdes bort.", "dropped"),
    # a course the members' staff may take
    ("Förbundet har en gemensam grundutbildning i METODNAMN som alla medlemmars medarbetare kan gå.", "member_training"),
])
def test_lacks_negated_subjects_and_dropped_discussions_are_no_use(masked, rule):
    assert verdict(masked, "methods") == (False, rule)


@pytest.mark.parametrize("masked, expected", [
    # the training is planned: the lack is mended
    ("Personalen saknar utbildning i METODNAMN men ska utbildas under våren.", (None, "")),
    # a negation that is not the subject still lets the intervention's own use stand
    ("Eftersom många inte har arbetat på länge använder vi METODNAMN.", (True, "own_use")),
])
def test_a_mended_lack_and_a_negation_before_own_use_are_not_denials(masked, expected):
    assert verdict(masked, "methods") == expected


@pytest.mark.parametrize("masked", [
    "Deltagare kan också slussas till förbundets METODNAMN-verksamhet, som är gemensam för alla medlemmar.",
    "Samordningsförbundet erbjuder sedan 2027 utbildning i METODNAMN till alla medlemsorganisationer.",
    "Förbundet Påhittsdalen driver ett länsgemensamt arbete enligt METODNAMN för samtliga kommuner.",
    "Deltagarna kan även gå förbundets utbildning i METODNAMN.",
    "Utbildning i METODNAMN erbjuds via förbundet till alla medlemmar.",
    "Via samordningsförbundet erbjuds alla medlemmar en grundkurs i METODNAMN.",
])
def test_the_forbunds_own_offer_is_not_the_insatss_method(masked):
    assert verdict(masked, "methods", one_insats=True) == (False, "forbund_offer")
    # in the förbund's own report on its year the offer is its work, left to the other rules
    assert verdict(masked, "methods")[1] != "forbund_offer"


@pytest.mark.parametrize("masked", [
    "Förbundet har beviljat medel till insatsen som arbetar enligt METODNAMN.",
    "Coacherna erbjuder METODNAMN, som finansieras av förbundet.",
])
def test_the_forbund_financing_this_insats_is_no_offer_of_its_own(masked):
    assert verdict(masked, "methods", one_insats=True)[1] != "forbund_offer"


def test_an_application_keeps_its_own_method_beside_the_forbunds_offer():
    text = ("Coacherna i Ljusglimten använder SMAIL vid inskrivning och var tredje månad. "
            "Samordningsförbundet erbjuder också utbildning i motiverande samtal till alla medlemsorganisationer.")
    assert _labels(text, one_insats=True) == ["SMAIL"]
