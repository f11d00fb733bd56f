from extractor.pipeline import extract
from extractor.record import Document
from extractor.store import ensure_schema, save_record

TEXT = "Insatsens namn\nBryggan\nMålgrupp\nUnga vuxna i Motala som står långt från arbetsmarknaden.\n"


def _record(text=TEXT, sha="a" * 64):
    return extract(Document(path="x/bryggan.txt", format="txt", sha256=sha, text=text))


def test_save_record_writes_document_and_sections(db):
    ensure_schema(db)
    save_record(db, _record())
    row = db["documents"].get("a" * 64)
    assert row["title"] == "Bryggan" and row["file_name"] == "bryggan.txt"
    assert [r["key"] for r in db["sections"].rows_where(order_by="position")] == ["title", "target_group"]


def test_save_record_twice_replaces_never_duplicates(db):
    ensure_schema(db)
    save_record(db, _record())
    save_record(db, _record())
    assert db["documents"].count == 1
    assert db["sections"].count == 2


def test_sections_fts_keeps_swedish_letters_apart(db):
    ensure_schema(db)
    save_record(db, _record())
    save_record(db, _record(text="Malgrupp\nFelstavat utan ring.\n", sha="b" * 64))
    hits = {r["document_sha256"] for r in db.query(
        "select s.document_sha256 from sections_fts f join sections s on s.rowid = f.rowid "
        "where sections_fts match 'målgrupp'")}
    assert hits == {"a" * 64}


def test_save_record_shares_organizations_between_documents(db):
    ensure_schema(db)
    text = "Insatsägare\nMotala kommun\nSamverkansparter\nArbetsförmedlingen\n"
    save_record(db, _record(text=text))
    save_record(db, _record(text=text, sha="d" * 64))
    assert db["organizations"].count == 2
    assert db["document_organizations"].count == 4


def test_public_copy_leaves_personal_data_out(tmp_path):
    import sqlite_utils

    from extractor.publish import write_public_copy

    path = tmp_path / "a.db"
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    text = ("Insatsägare (*) Organisation: Motala kommun. Kontaktperson: Anna Exempelsson, "
            "anna.exempelsson@motala.se\nUnderskrifter\nAnna Exempelsson, enhetschef\n")
    save_record(db, _record(text=text))
    assert db["contacts"].count == 1
    write_public_copy(str(path), str(tmp_path / "public.db"))
    public = sqlite_utils.Database(tmp_path / "public.db")
    assert public["contacts"].count == 0
    assert [r["key"] for r in public["sections"].rows] == ["owner"]
    assert "@" not in next(public["sections"].rows)["text"]
    assert public["documents"].get("a" * 64)["full_text"] is None


def test_organizations_keep_where_they_were_read(db):
    from extractor.pipeline import extract
    from extractor.record import Document

    text = "Insatsens namn\nBryggan\nProjektägare\nKristianstad Kommun, AME\nSamverkansparter\nRegion Skåne\n"
    ensure_schema(db)
    save_record(db, extract(Document(path="b.txt", format="txt", sha256="f" * 64, text=text)))
    rows = list(db.query("select o.name, d.role, d.section, d.quote, d.char_start, d.char_end "
                         "from document_organizations d join organizations o on o.id = d.organization_id "
                         "order by d.char_start"))
    assert [(r["name"], r["role"], r["section"], r["quote"]) for r in rows] == [
        ("Kristianstads kommun", "owner", "owner", "Kristianstad Kommun"),
        ("Region Skåne", "partner", "partners", "Region Skåne")]
    assert all(text[r["char_start"]:r["char_end"]] == r["quote"] for r in rows)


def test_a_file_failing_again_keeps_one_import_error_row(tmp_path):
    import sqlite_utils

    from extractor.store import clear_errors, ensure_schema, record_error

    db = sqlite_utils.Database(tmp_path / "a.db")
    ensure_schema(db)
    for _ in range(3):
        record_error(db, "arkiv/trasig.pdf", "not a PDF")
    record_error(db, "arkiv/annan.pdf", "not a PDF")
    assert [r["path"] for r in db["import_errors"].rows] == ["arkiv/trasig.pdf", "arkiv/annan.pdf"]
    clear_errors(db, "arkiv/trasig.pdf")
    assert [r["path"] for r in db["import_errors"].rows] == ["arkiv/annan.pdf"]
