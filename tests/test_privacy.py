"""A public copy holds no one's name, e-mail or phone number, in any table, index or byte of the
file; the figures stay; the site's own pages obey Datasette's permissions."""
import asyncio
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
import yaml
from click.testing import CliRunner
from conftest import DEV_DOCS, ROOT, make_docx

from extractor.cli import cli
from extractor.privacy import Scrubber, find_person_names, find_phones
from extractor.publish import write_public_copy

GOLD = DEV_DOCS.parent / "gold"
# Invented people of the invented application below.
PEOPLE = [("Idunn Påhittsdotter", "idunn.pahittsdotter@motala.se", "0141-22 50 01"),
          ("Kalle Exempelgren", "kalle.exempelgren@arbetsformedlingen.se", "+46 70 765 43 21"),
          ("Berit Dikteborg", "berit.dikteborg@motala.se", "070-123 45 67"),
          ("Tove Låtsasson", None, "08-123 456 78"),
          ("Gustav Fabelström", None, "0480-45 00 00"),
          ("Anna-Greta Fiktivsson", "anna-greta.fiktivsson@motala.se", "010-1234567")]
INVENTED = [
    ("h1", "Ansökan om finansiering – Projekt Solrosen"),
    ("p", "Diarienummer: Dnr 2023/45"),
    ("h2", "Insatsägare"),
    ("p", "Organisation: Motala kommun, organisationsnummer 212000-0514. Kontaktperson: Idunn Påhittsdotter, "
          "idunn.pahittsdotter@motala.se, tel. 0141-22 50 01."),
    ("h2", "Samverkansparter"),
    ("p", "Arbetsförmedlingen deltar. Kontaktperson där är Kalle Exempelgren "
          "(kalle.exempelgren@arbetsformedlingen.se), mobil +46 70 765 43 21."),
    ("h2", "Samverkan"),
    ("p", "Projektledare Berit Dikteborg (berit.dikteborg@motala.se, 070-123 45 67) leder arbetet tillsammans "
          "med samordnaren Tove Låtsasson, 08-123 456 78. Dikteborg rapporterar till styrgruppen varje kvartal."),
    ("table", [["Namn", "Roll", "Telefon"], ["Gustav Fabelström", "Handledare", "0480-45 00 00"],
               ["Anna-Greta Fiktivsson", "Förbundschef", "010-1234567"]]),
    ("h2", "Budget"),
    ("p", "Från förbundet söks 1 200 000 kr för perioden 2024-01-01 till 2025-12-31."),
    ("h2", "Underskrifter"),
    ("p", "Ort och datum: Motala 2024-02-01"),
    ("p", "Anna-Greta Fiktivsson, förbundschef, anna-greta.fiktivsson@motala.se"),
    ("p", "Kalle Exempelgren, sektionschef"),
]
FIGURES = ["1 200 000 kr", "2024-01-01", "2025-12-31", "Dnr 2023/45", "212000-0514", "Motala kommun",
           "Arbetsförmedlingen"]


def _import_and_publish(tmp_path: Path, *paths) -> tuple[Path, Path, str]:
    archive, public = tmp_path / "archive.db", tmp_path / "public.db"
    result = CliRunner().invoke(cli, ["import", str(archive), *map(str, paths)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["publish", str(archive), str(public)])
    assert result.exit_code == 0, result.output
    return archive, public, result.output


@pytest.fixture(scope="module")
def invented(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("invented")
    return _import_and_publish(tmp, make_docx(tmp / "ansokan-solrosen.docx", INVENTED))


@pytest.fixture(scope="module")
def dev_set(tmp_path_factory):
    return _import_and_publish(tmp_path_factory.mktemp("dev"), DEV_DOCS)


def _all_text(path: Path) -> str:
    """Every value of every table (full-text shadow tables and sqlite_master too) and the file's bytes."""
    con = sqlite3.connect(path)
    parts = []
    for (table,) in con.execute("select name from sqlite_master where type = 'table'").fetchall():
        for row in con.execute(f"select * from [{table}]"):
            parts += [v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v) for v in row]
    parts += [str(r) for r in con.execute("select * from sqlite_master")]
    parts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\x00".join(parts)


def _patterns(names, emails, phones) -> dict[str, re.Pattern]:
    out = {n: re.compile(r"[ \t\n]+".join(map(re.escape, n.split())), re.I) for n in names}
    out |= {e: re.compile(re.escape(e), re.I) for e in emails}
    digits = {p: re.sub(r"\D", "", re.sub(r"^\+46\s?", "0", p)) for p in phones}  # "+46 70 …" is "070 …"
    out |= {p: re.compile(r"(?:\+46[ -]?|0)" + r"[ -]?".join(d[1:])) for p, d in digits.items()}
    return out


def _index_rows(path: Path, rebuild: bool) -> dict[str, list]:
    """Return every full-text index's shadow rows (its words, as stored), from a copy of the file
    whose indexes are first rebuilt from their content when `rebuild`."""
    copy = path.with_suffix(".copy.db")
    shutil.copyfile(path, copy)
    con = sqlite3.connect(copy)
    names = [r[0] for r in con.execute("select name from sqlite_master where sql like 'create virtual table%fts5%'")]
    if rebuild:
        for name in names:
            con.execute(f"insert into [{name}]([{name}]) values ('rebuild')")
        con.commit()
    rows = {f"{n}_{t}": sorted(con.execute(f"select * from [{n}_{t}]")) for n in names for t in ("data", "idx", "docsize")}
    con.close()
    copy.unlink()
    return rows


def test_public_copy_of_an_invented_application_names_no_one(invented):
    archive, public, output = invented
    found = _patterns([p[0] for p in PEOPLE] + ["Dikteborg"], [p[1] for p in PEOPLE if p[1]], [p[2] for p in PEOPLE])
    before, after = _all_text(archive), _all_text(public)
    assert [k for k, p in found.items() if not p.search(before)] == []  # all there before
    assert [k for k, p in found.items() if p.search(after)] == []
    assert re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", after) == []
    assert re.findall(r"names masked (\d+)", output) and int(re.findall(r"names masked (\d+)", output)[0]) > 5


def test_public_copy_keeps_the_figures_and_bodies(invented):
    archive, public, _ = invented
    text = "\n".join(r[0] for r in sqlite3.connect(public).execute("select text from sections"))
    assert [f for f in FIGURES if f not in text] == []
    columns = "requested_sek, period_start, period_end, diarienummer, owners"
    row = sqlite3.connect(public).execute(f"select {columns} from documents").fetchone()
    assert row == sqlite3.connect(archive).execute(f"select {columns} from documents").fetchone()
    assert row[0] == 1200000 and "Motala kommun" in row[4]


def test_public_copy_indexes_hold_no_token_of_removed_text(invented, dev_set):
    """An index only told of deletes and updates keeps the old words in its segments (readable in
    sections_fts_data); an index rebuilt from the scrubbed text is what a fresh rebuild makes."""
    for _, public, _ in (invented, dev_set):
        stored = _index_rows(public, rebuild=False)
        assert stored["sections_fts_data"] and stored == _index_rows(public, rebuild=True)
        con = sqlite3.connect(public)
        assert con.execute("pragma freelist_count").fetchone()[0] == 0  # vacuumed: no free page keeps old text
        assert con.execute("select count(*) from sections_fts where sections_fts match 'kontaktperson'").fetchone()[0]
        assert con.execute("select count(*) from sections_fts where sections_fts match 'dikteborg OR exempelgren "
                           "OR pahittsdotter OR ekstrom'").fetchone()[0] == 0


def test_public_copy_offsets_still_point_at_their_words(invented, dev_set):
    """Masks change the length of a section's text: each value's offsets move with it."""
    for archive, public, _ in (invented, dev_set):
        def marked(path):
            con = sqlite3.connect(path)
            return {(table, r[0]): r[1] == r[2] for table in ("amounts", "dates", "field_evidence") for r in con.execute(
                f"select v.id, substr(s.text, v.char_start - s.char_start + 1, v.char_end - v.char_start), v.quote "
                f"from [{table}] v join sections s on s.document_sha256 = v.document_sha256 "
                "and v.char_start >= s.char_start and v.char_start < s.char_end")}
        before, after = marked(archive), marked(public)
        assert sum(before.values()) > 3
        assert [k for k, ok in before.items() if ok and k in after and not after[k]] == []
        assert sum(after.values()) > 3


def test_public_copy_of_the_dev_set_names_no_contact(dev_set):
    archive, public, _ = dev_set
    con = sqlite3.connect(archive)
    contacts = [dict(zip(("name", "email", "phone"), r)) for r in con.execute("select name, email, phone from contacts")]
    contacts += [c for f in sorted(GOLD.glob("*.json")) for c in json.loads(f.read_text())["contacts"] or []]
    names = {c["name"] for c in contacts if c.get("name") and len(c["name"].split()) > 1}
    found = _patterns(names, {c["email"] for c in contacts if c.get("email")},
                      {c["phone"] for c in contacts if c.get("phone")})
    before, after = _all_text(archive), _all_text(public)
    assert sum(bool(p.search(before)) for p in found.values()) > 80
    assert sorted(k for k, p in found.items() if p.search(after)) == []
    assert re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", after) == []
    assert re.findall(r"(?<![\w-])0\d{1,3}-\d{2,3} ?\d{2} ?\d{2}(?!\d)", after) == []  # a phone, not a date


@pytest.mark.parametrize("text, masked", [
    ("Ring 070-123 45 67 i dag", "Ring [telefon] i dag"),
    ("Växel 08-123 456 78.", "Växel [telefon]."),
    ("mobil +46 70 123 45 67", "mobil [telefon]"),
    ("+46 (0)480-45 00 00", "[telefon]"),
    ("tel. 010-1234567", "tel. [telefon]"),
    ("Tel: 12 34 56", "Tel: [telefon]"),
    ("0701234567", "[telefon]"),
    ("Personnummer 19800101-1234", "Personnummer [personnummer]"),
    ("anna.berg(at)motala.se", "[e-post]"),
])
def test_scrubber_masks_phone_numbers_and_addresses(text, masked):
    assert Scrubber(set()).scrub(text)[0] == masked


@pytest.mark.parametrize("text", [
    "Från förbundet söks 1 200 000 kr.", "Totalt 2 070 500 000 kr", "Perioden 2024-01-01 – 2025-12-31",
    "Dnr 2019/123", "Dnr 01-2019/123", "Organisationsnummer 222000-1234", "Åren 2019 2020 2021",
    "Under 2019–2021", "Mötet 01-01-2024", "Kl. 08.30-12.00", "Postadress 591 86 Motala", "Varav 040 000 kr",
])
def test_scrubber_keeps_figures(text):
    assert Scrubber({"Anna Berg"}).scrub(text) == (text, [])
    assert find_phones(text) == []


@pytest.mark.parametrize("text, masked", [
    ("Kontakt: Anna Berg, anna.berg@motala.se", "Kontakt: [namn], [e-post]"),
    ("A. Berg och ANNA MARIA BERG", "[namn] och [namn]"),
    ("Marta Ekstrom ringde; Ekström svarade", "[namn] ringde; [namn] svarade"),
    ("Ekström, Märta", "[namn]"),
    ("P-O Grönvall", "[namn]"),
    ("ekström är inget namn i gemener; Berg inte heller ensamt", "ekström är inget namn i gemener; Berg inte heller ensamt"),
])
def test_scrubber_masks_every_form_of_a_known_name(text, masked):
    scrubber = Scrubber({"Anna Maria Berg", "Märta Ekström", "Per-Olof Grönvall"})
    assert scrubber.scrub(text)[0] == masked


@pytest.mark.parametrize("text, names", [
    ("Frågor besvaras av projektledare Anna Berg.", {"Anna Berg"}),
    ("Kontaktperson i Nordanstigs kommun är Per Påhittad, per.pahittad& nordanstig.se.", {"Per Påhittad"}),
    ("Namn\tRoll\tTelefon\nGustav Fabelström\tHandledare\t010-1234567", {"Gustav Fabelström"}),
    ("Ola Exempelsson, verksamhetschef", {"Ola Exempelsson"}),
    ("Projekt Bryggan, projekt.bryggan@motala.se. Region Skåne, tel 040-675 30 00", set()),
])
def test_person_names_are_found_by_role_title_address_or_phone(text, names):
    assert find_person_names(text) == names


def _site(tmp_path: Path, public: Path, metadata: dict):
    from datasette.app import Datasette

    empty = tmp_path / "empty.db"
    sqlite_utils.Database(empty)["notes"].insert({"text": "x"})
    return Datasette([str(public), str(empty)], metadata=metadata)


def _get(ds, path: str, actor: dict | None = None):
    async def fetch():
        cookies = {"ds_actor": ds.sign({"a": actor}, "actor")} if actor else {}
        return await ds.client.get(path, cookies=cookies)

    return asyncio.run(fetch())


def test_document_and_insats_pages_obey_datasette_permissions(invented, tmp_path):
    archive, _, _ = invented
    con = sqlite3.connect(archive)
    sha, insats = con.execute("select sha256, insats_id from documents").fetchone()
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    name = archive.stem
    tables = metadata["databases"][name].setdefault("tables", {})
    tables.setdefault("contacts", {})["allow"] = {"id": "staff"}
    ds = _site(tmp_path, archive, metadata)
    page = f"/-/document/{name}/{sha}"
    contact = 'class="kind">contact</span>'
    assert contact in _get(ds, page, {"id": "staff"}).text
    anonymous = _get(ds, page)
    assert anonymous.status_code == 200 and "Projekt Solrosen" in anonymous.text
    assert contact not in anonymous.text and "value-contact" not in anonymous.text
    tables.setdefault("sections", {})["allow"] = {"id": "staff"}
    ds = _site(tmp_path, archive, metadata)
    assert _get(ds, page).status_code == 403
    assert _get(ds, page, {"id": "staff"}).status_code == 200
    metadata["databases"][name]["allow"] = {"id": "staff"}
    ds = _site(tmp_path, archive, metadata)
    assert _get(ds, page).status_code == 403
    assert _get(ds, f"/-/insats/{name}/{insats}").status_code == 403
    assert _get(ds, f"/-/insats/{name}/{insats}", {"id": "staff"}).status_code == 200


def test_pages_of_a_database_without_documents_are_not_found(invented, tmp_path):
    _, public, _ = invented
    ds = _site(tmp_path, public, {})
    sha = "a" * 64
    assert _get(ds, f"/-/document/_internal/{sha}").status_code == 404
    assert _get(ds, f"/-/document/_internal/{sha}", {"id": "root"}).status_code == 404
    assert _get(ds, f"/-/document/empty/{sha}").status_code == 404
    assert _get(ds, "/-/insats/empty/abc123").status_code == 404


def test_public_copy_scrubs_any_table_and_any_index(tmp_path):
    """A table another stage adds (a text table with its own index, an index keeping its own rows)
    is scrubbed like sections."""
    archive, public = tmp_path / "archive.db", tmp_path / "public.db"
    db = sqlite_utils.Database(archive)
    person = "Projektledare Berit Dikteborg, berit.dikteborg@motala.se, 070-123 45 67, söker 1 200 000 kr."
    db["extra_texts"].insert({"document_sha256": "a" * 64, "text": person})
    db["extra_texts"].enable_fts(["text"], create_triggers=True)
    db.execute("create virtual table notes_fts using fts5(body)")
    db.execute("insert into notes_fts (body) values (?)", [person])
    db.conn.commit()
    counts = write_public_copy(str(archive), str(public))
    after = _all_text(public)
    assert [w for w in ("Dikteborg", "dikteborg", "070-123", "motala.se") if w in after] == []
    assert counts["full-text indexes rebuilt"] == 2 and counts["phone numbers masked"] == 2
    con = sqlite3.connect(public)
    assert con.execute("select text from extra_texts").fetchone()[0] == (
        "Projektledare [namn], [e-post], [telefon], söker 1 200 000 kr.")
    assert con.execute("select rowid from extra_texts_fts where extra_texts_fts match 'söker'").fetchall()
    assert con.execute("select body from notes_fts where notes_fts match 'projektledare'").fetchone()[0].startswith(
        "Projektledare [namn]")
    assert _index_rows(public, rebuild=False) == _index_rows(public, rebuild=True)


def test_publish_refuses_to_write_over_its_database(invented):
    archive, _, _ = invented
    before = archive.read_bytes()
    result = CliRunner().invoke(cli, ["publish", str(archive), str(archive)])
    assert result.exit_code == 1
    assert f"{archive}: is the database itself" in result.output
    assert archive.read_bytes() == before
