"""Plain-text exports: tables aligned with spaces become tabbed rows, as the other readers write them."""
import pytest

from extractor.read.text import tab_aligned_columns


def test_two_column_table_aligned_with_spaces_gets_tabs():
    text = ("Personal\n\nTjänst                  Omfattning\nBehandlingsassistent        heltid\n"
            "Samordnare              25 procent\n")
    assert tab_aligned_columns(text).split("\n")[2:5] == [
        "Tjänst\tOmfattning", "Behandlingsassistent\theltid", "Samordnare\t25 procent"]


@pytest.mark.parametrize("text", [
    # a sentence's double space, even on three lines, does not line up
    "Vi startar i mars.  Sedan kommer\nfler deltagare in.  Coachen träffar dem\nvarje vecka och  följer upp.\n",
    # two lines are too few to call a table
    "Tjänst          Omfattning\nSamordnare      25 procent\n",
])
def test_prose_with_double_spaces_keeps_them(text):
    assert "\t" not in tab_aligned_columns(text)
