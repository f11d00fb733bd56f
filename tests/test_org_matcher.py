"""org_matcher gives what the gazetteer's spaCy EntityRuler gives, on invented text."""
import pytest

from extractor.extract import gazetteer, org_matcher

LINES = [
    "Insatsen drivs av Exempelby kommun, Region Påhittland och Försäkringskassan.",
    "Parter: Upplands-Bro kommun (Region Stockholm), Malmö stad/Lunds kommun samt Arbetsförmedlingen.",
    "Samordningsförbundet Exempeldalen-Låtsasby och Samordningsförbundet ABC i Påhittland deltar.",
    "Landstinget i Påhitts län, Västerbottens läns landsting och landstinget Exempelland.",
    "Länsstyrelsen i Påhitts län och Länsstyrelsen i Exempelland bjöds in.",
    "Norra Exempellandets samordningsförbund och Klarälvdalens samordningsförbund samverkar.",
    "Region  Skåne med två mellanslag, Malmö\tstad med tabb, och Region Västra Götaland.",
    "ENKÖPINGS KOMMUN, enköping kommun och Enköpings stad skriver olika.",
    "Kommunen och regionen, kommun-Region, kommuns, (Region Halland), Region Halland:s stöd.",
    "Hörru Region Gotland, fixaru Gävle kommun? Köru Västerås stad.",
    "Samordningsförbundet Östra Södertörn och Samordningsförbundet Nordväst.",
    "Region Jämtland Härjedalen och Region Jämtland län; Region Örebro län.",
]


@pytest.mark.parametrize("line", LINES)
def test_matches_as_the_entity_ruler_does(line):
    nlp = gazetteer.org_ruler()
    expected = [(e.start_char, e.end_char, gazetteer.legal_name(e.text, e.ent_id_)) for e in nlp(line).ents]
    found = [(s, e, gazetteer.legal_name(line[s:e], kind)) for s, e, kind in org_matcher.matches(line)]
    assert found == expected
    assert found  # every line names a body


def test_tokens_as_spacy_cuts_them_with_whitespace_as_a_token():
    text = "(Region Halland),  Malmö/Lund\nt.ex. Hörru"
    doc = gazetteer.org_ruler().make_doc(text)
    spacy_tokens = [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]
    ours = org_matcher.tokens(text)
    assert [t for t in ours if t[0] != t[1]] == spacy_tokens
    # the two spaces and the line break each stand as a token that breaks a name
    assert sum(1 for t in doc if t.is_space) == sum(1 for a, b in ours if a == b) == 2


def test_no_name_runs_over_a_line_break_or_a_double_space():
    assert org_matcher.matches("Exempelby\nkommun") == []
    assert org_matcher.matches("Region  Påhittland") == []
    assert [kind for _, _, kind in org_matcher.matches("Exempelby kommun")] == ["kommun"]


def test_windows_around_anchor_words_reach_five_words_each_way():
    import random
    import re

    words = ["Region", "Exempelby", "kommun", "och", "  ", "\t", "deltar,", "(Arbetsförmedlingen)", "i", "samverkan"]
    rng = random.Random(3)
    for _ in range(200):
        line = " ".join(rng.choice(words) for _ in range(rng.randint(40, 90)))
        hits = [m.span() for m in re.finditer(r"(?i)\b(?:kommun|region|arbetsförmedlingen)\b", line)]
        spans = [m.span() for m in re.finditer(r"\S+", line)]
        starts = [a for a, _ in spans]
        expected: list[list[int]] = []
        for start, end in hits:  # the words' list, counted five each way from the hit's own words
            first = max(0, sum(1 for a in starts if a <= start) - 1 - gazetteer.WINDOW_WORDS)
            last = min(len(spans) - 1, sum(1 for a in starts if a < end) - 1 + gazetteer.WINDOW_WORDS)
            left, right = spans[first][0], spans[last][1]
            if expected and left <= expected[-1][1]:
                expected[-1][1] = max(expected[-1][1], right)
            else:
                expected.append([left, right])
        assert gazetteer._windows(line, hits) == [(a, line[a:b]) for a, b in expected]
