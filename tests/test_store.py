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
    assert public["document_texts"].get("a" * 64)["full_text"] is None


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


GROUP_FILES = ["solrosen-ansokan.txt", "solrosen-ansokan-pdf.txt", "solrosen-ansokan-v2.txt", "solrosen-fortsattning.txt",
               "solrosen-delrapport.txt", "solrosen-slutrapport.txt", "solrosen-boxholm-ansokan.txt",
               "kompassrosen-ansokan.txt"]


def _save_text(db, path: str, text: str, fmt: str = "txt") -> str:
    import hashlib

    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    save_record(db, extract(Document(path=path, format=fmt, sha256=sha, text=text)))
    return sha


def _save_group_fixtures(db) -> dict[str, str]:
    from conftest import DATA

    return {name: _save_text(db, f"arkiv/{name}", (DATA / "group" / name).read_text(encoding="utf-8"),
                             "pdf" if "-pdf" in name else "txt") for name in GROUP_FILES}


def test_regroup_counts_each_document_once_and_each_insats_once(db):
    from extractor.store import regroup

    ensure_schema(db)
    sha = _save_group_fixtures(db)
    regroup(db)
    current = {r["sha256"] for r in db.query("select sha256 from documents where current = 1")}
    assert len(current) == 6 and sha["solrosen-ansokan-v2.txt"] in current
    assert db["documents"].get(sha["solrosen-ansokan-pdf.txt"])["copy_of"] == sha["solrosen-ansokan.txt"]
    assert db["insatser"].count == 3
    solrosen = db["documents"].get(sha["solrosen-ansokan.txt"])["insats_id"]
    roles = [r["role"] for r in db.query("select role from insats_documents where insats_id = ? order by position",
                                         [solrosen])]
    assert roles == ["application", "continuation", "progress_report", "final_report"]
    assert db["insatser"].get(solrosen)["planned_requested_sek"] == 2150000 + 1600000


def test_reimport_after_an_edit_keeps_one_current_version_and_the_old_one_as_history(db):
    from extractor.store import regroup

    ensure_schema(db)
    old = _save_text(db, "arkiv/bryggan.txt", TEXT + "Budget\nFrån förbundet söks 1 200 000 kr.\n" + "Text. " * 40)
    regroup(db)
    new = _save_text(db, "arkiv/bryggan.txt", TEXT + "Budget\nFrån förbundet söks 1 350 000 kr.\n" + "Text. " * 40)
    regroup(db)
    _save_text(db, "arkiv/bryggan.txt", TEXT + "Budget\nFrån förbundet söks 1 350 000 kr.\n" + "Text. " * 40)
    regroup(db)  # the same edited file imported again: nothing doubles
    rows = {r["sha256"]: r for r in db.query("select sha256, version, current, replaces from documents")}
    assert (rows[old]["version"], rows[old]["current"]) == (1, 0)
    assert (rows[new]["version"], rows[new]["current"], rows[new]["replaces"]) == (2, 1, old)
    assert db.execute("select count(*) from sections where document_sha256 = ?", [old]).fetchone()[0] == 3
    assert db.execute("select count(*) from sections where document_sha256 = ?", [new]).fetchone()[0] == 3
    assert db["insatser"].count == 1 and db["insats_documents"].count == 1


def test_a_staff_split_and_link_survive_reimport(db):
    from extractor.store import add_decision, regroup

    ensure_schema(db)
    sha = _save_group_fixtures(db)
    add_decision(db, "unlink", "insats", sha["solrosen-delrapport.txt"], sha["solrosen-ansokan.txt"], "fel insats")
    add_decision(db, "link", "insats", sha["kompassrosen-ansokan.txt"], sha["solrosen-ansokan.txt"])
    regroup(db)
    _save_group_fixtures(db)  # a re-import rewrites every document row
    regroup(db)

    def insats(name):
        return db["documents"].get(sha[name])["insats_id"]

    assert insats("solrosen-delrapport.txt") != insats("solrosen-ansokan.txt")
    assert insats("kompassrosen-ansokan.txt") == insats("solrosen-ansokan.txt")
    assert db["group_decisions"].count == 2


def test_a_file_failing_again_keeps_one_import_error_row_until_it_is_stored(tmp_path):
    import sqlite_utils

    from extractor.store import ensure_schema, record_error

    db = sqlite_utils.Database(tmp_path / "a.db")
    ensure_schema(db)
    for _ in range(3):
        record_error(db, "x/bryggan.txt", "not a PDF")
    record_error(db, "arkiv/annan.pdf", "not a PDF")
    assert [r["path"] for r in db["import_errors"].rows] == ["x/bryggan.txt", "arkiv/annan.pdf"]
    save_record(db, _record())  # the file at x/bryggan.txt now reads
    assert [r["path"] for r in db["import_errors"].rows] == ["arkiv/annan.pdf"]


LONG = TEXT + "Deltagarna får stöd att hitta praktik hos arbetsgivare i kommunen och följs upp varje månad. " * 5


def test_documents_keep_their_text_apart(db):
    ensure_schema(db)
    save_record(db, _record(text=LONG))
    assert not {"full_text", "minhash"} & set(db["documents"].columns_dict)
    row = db["document_texts"].get("a" * 64)
    assert row["full_text"] == LONG and len(row["minhash"]) == 512


def test_an_older_database_moves_its_text_to_document_texts(tmp_path):
    import sqlite_utils

    from extractor.store import regroup

    db = sqlite_utils.Database(tmp_path / "old.db")
    db["documents"].create({"sha256": str, "title": str, "full_text": str, "minhash": bytes}, pk="sha256")
    db["documents"].insert({"sha256": "b" * 64, "title": "Bryggan", "full_text": LONG, "minhash": None})
    ensure_schema(db)
    assert not {"full_text", "minhash"} & set(db["documents"].columns_dict)
    assert db["documents"].get("b" * 64)["title"] == "Bryggan"
    assert db["document_texts"].get("b" * 64)["full_text"] == LONG
    ensure_schema(db)  # run again: nothing left to move, nothing lost
    save_record(db, _record(text=LONG))
    regroup(db)  # fingerprints the moved text, and finds the new file a copy of it
    assert db["document_texts"].count == 2 and db["document_texts"].get("b" * 64)["minhash"] is not None
    assert db.execute("select count(*) from documents where current = 1").fetchone()[0] == 1


def _plan(db, sql: str) -> str:
    return " | ".join(r[3] for r in db.execute("explain query plan " + sql).fetchall())


def test_the_site_facets_read_indexes_not_the_documents(db):
    import yaml
    from conftest import ROOT

    ensure_schema(db)
    tables = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))["databases"]["archive"]["tables"]
    for table in db.table_names():
        for facet in tables.get(table, {}).get("facets", []):
            if isinstance(facet, str):
                plan = _plan(db, f"select [{facet}], count(*) from [{table}] group by [{facet}]")
                assert "COVERING INDEX" in plan, f"{table}.{facet}: {plan}"


def test_the_canned_queries_join_through_indexes(db):
    ensure_schema(db)
    by_year = _plan(db, "select d.year, m.label, count(distinct d.insats_id) from methods m "
                        "join documents d on d.sha256 = m.document_sha256 where d.current = 1 group by d.year, m.label")
    assert "SCAN m" not in by_year or "COVERING INDEX" in by_year, by_year
    ages = _plan(db, "select t.age_min, t.age_max from documents d join target_groups t "
                     "on t.document_sha256 = d.sha256 where d.current = 1")
    assert "USING COVERING INDEX idx_target_groups_document_sha256_age_min_age_max" in ages, ages
    year = _plan(db, "select count(*) from documents where year = 2020")
    assert "USING COVERING INDEX" in year, year


def test_regroup_leaves_row_estimates_for_the_query_planner(db):
    from extractor.store import regroup

    ensure_schema(db)
    save_record(db, _record(text=LONG))
    regroup(db)
    assert {r["tbl"] for r in db["sqlite_stat1"].rows} >= {"documents", "document_texts", "sections"}
