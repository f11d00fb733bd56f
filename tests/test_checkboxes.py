"""A form's check boxes: ticked options are stated, the others are not (invented e-form export)."""
from extractor.extract.checkboxes import mask
from extractor.pipeline import run

FORM = """Ansökan om samverkansmedel
Insatsens namn: Exempelspåret
Sökande organisation: Exempelby kommun
Medverkande parter: [X] Arbetsförmedlingen  [ ] Försäkringskassan  [X] Region Kronoberg
Målgrupp: unga vuxna 18–24 år
Metoder: [X] MI  [ ] SE/IPS  ☐ SMAIL  ☒ AWP
"""


def test_mask_keeps_offsets_and_blanks_options_not_ticked():
    line = "Metoder: [X] MI  [ ] SE/IPS  ☐ SMAIL  ☒ AWP"
    masked = mask(line)
    assert len(masked) == len(line)
    assert masked.split() == ["Metoder:", "[X]", "MI", "☒", "AWP"]
    assert mask("Inga rutor här [1] alls") == "Inga rutor här [1] alls"


def test_only_ticked_options_become_partners_and_methods(tmp_path):
    path = tmp_path / "eform.txt"
    path.write_text(FORM, encoding="utf-8")
    record = run(str(path))
    partners = {o["name"] for o in record.organizations if o["role"] == "partner"}
    assert partners == {"Arbetsförmedlingen", "Region Kronoberg"}
    assert {m["label"] for m in record.methods} == {"MI", "AWP"}
    # the record keeps the document's own text
    assert "[ ] Försäkringskassan" in record.text
    assert any("[ ] Försäkringskassan" in s.text or "[ ] Försäkringskassan" in (s.heading or "")
               for s in record.sections)
