"""doc_type from the kinds of cover and first line that reports, minutes and web pages have."""
import pytest

from extractor.classify import classify_doc_type


@pytest.mark.parametrize("text, doc_type", [
    ("Samhällsekonomisk utvärdering\nProjekt Trappsteget\nPå uppdrag av Exempelby kommun", "final_report"),
    ("1 Utvärdering av sociala investeringar Projekt Trappsteget", "final_report"),
    ("Följeforskning av projektet Bron\nSlutsatser", "final_report"),
    ("RAPPORT 2019:4\nEn dörr in – erfarenheter av samverkan", "final_report"),
    ("1 FoU-Exempelbygdens skriftserie nr 12/09 Mellan två stolar", "final_report"),
    ("Bron. Följeforskning, arbetsrapport 2. Per Påhittad", "progress_report"),
    ("Avstämningsrapport för Trappsteget, hösten 2022", "progress_report"),
    ("Plats och tid: Stadshuset, 2021-05-03 kl. 09.00\nNärvarande\nBeslutande:", "decision"),
    ("Protokoll från styrelsens sammanträde 2020-02-14", "decision"),
    ("ÅRSREDOVISNING 2018\nSamordningsförbundet Exempeldalen", "other"),
    ("2016 ÅRSREDOVISNING\nFörvaltningsberättelse", "other"),
    ("KOMMUNSTYRELSENS FÖRVALTNING TJÄNSTEUTLÅTANDE\nFörslag till beslut", "other"),
    # news about a document is not that document
    ("Finsam blogg\n\nStyrelsemöte 3 maj\n\nNu är protokollet justerat.", "other"),
    ("Verksamhetsplanen för 2025 antagen\n\nStyrelsen beslutade om verksamhetsplan och budget.", "other"),
    ("Nytt styrelseprotokoll\n\nStyrelsen tog beslut angående förslaget till Verksamhetsplan 2021.", "other"),
    ("Bron förlängs\n\nProtokollet från styrelsemötet är justerat.", "other"),
    # a project's name that holds a cue word is no cover cue
    ("ABCD - Ekonomisk utvärdering av integrationsarbete\n\nOm projektet\n\nProjektet pågick i två år.", "other"),
])
def test_doc_type_from_cover_and_title_lines(text, doc_type):
    assert classify_doc_type(text) == doc_type
