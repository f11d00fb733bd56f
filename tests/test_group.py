"""The grouping stage on invented documents: copies, versions, insatser and staff decisions."""
from pathlib import Path

import pytest
from conftest import DATA

from extractor.group import (Decision, Doc, diarienummer_key, group_documents, relate, role, signature,
                             similarity, title_key)
from extractor.group.documents import UnionFind
from extractor.group.documents import belong_together
from extractor.group.insatser import planned_figures, reported_figures

GROUP = DATA / "group"


def _text(name: str) -> str:
    return (GROUP / name).read_text(encoding="utf-8")


def _doc(sha: str, text: str = "", **fields) -> Doc:
    return Doc(sha256=sha, head=text[:1500], signature=signature(text), **fields)


SOLROSEN = dict(doc_type="application", title="Solrosen", owners=("Ronneby kommun",), diarienummer="ÖB 2023/14",
                period_start="2023-09-01", period_end="2025-08-31")


@pytest.mark.parametrize("title, expected", [
    ("Solrosen", "solrosen"), ("Projektet Solrosen", "solrosen"), ("Jobbcentrum, - din väg framåt", "jobbcentrum din väg framåt"),
    ("Jobbcentrum – din väg framåt", "jobbcentrum din väg framåt"), ("Solrosen\nSamordningsförbundet Östra Blekinge", "solrosen"),
    ("Slutrapport", None), ("Årsredovisning 2015", None), ("2015", None), ("", None), (None, None),
])
def test_title_key_compares_names_not_punctuation(title, expected):
    assert title_key(title) == expected


@pytest.mark.parametrize("number, expected", [
    ("SNS 2024/031", "2024/31"), ("2024/31", "2024/31"), ("Dnr 2021-15", "2021/15"), ("SFSN 2025:12", "2025/12"),
    ("utan nummer", None), (None, None),
])
def test_diarienummer_key_keeps_year_and_serial(number, expected):
    assert diarienummer_key(number) == expected


def test_signature_finds_the_same_text_in_another_layout_and_not_a_sibling_of_one_template():
    original, pdf = signature(_text("solrosen-ansokan.txt")), signature(_text("solrosen-ansokan-pdf.txt"))
    sibling = signature(_text("solrosen-boxholm-ansokan.txt"))
    assert similarity(original, pdf) >= 0.8
    assert similarity(original, sibling) < 0.8  # high all the same: relate asks the owners
    assert signature("för kort") is None and similarity(None, original) == 0.0


@pytest.mark.parametrize("a, b, expected", [
    # another format of the same text: a copy
    (("solrosen-ansokan.txt", {}), ("solrosen-ansokan-pdf.txt", {}), "copy"),
    # a resubmission: much the same text, other figures
    (("solrosen-ansokan.txt", {}), ("solrosen-ansokan-v2.txt", {"requested_sek": 2150000}), "version"),
    # the same template filled in by another owner: no relation
    (("solrosen-ansokan.txt", {}), ("solrosen-boxholm-ansokan.txt", {"owners": ("Boxholms kommun",),
                                                                     "diarienummer": "BÖ 2024/3"}), None),
    # … also when its owner and registry number were not read: its text names another kommun
    (("solrosen-ansokan.txt", {}), ("solrosen-boxholm-ansokan.txt", {"owners": (), "diarienummer": None,
                                                                     "requested_sek": 1900000}), None),
    # the Word original and a PDF whose owner OCR lost: still a copy
    (("solrosen-ansokan.txt", {}), ("solrosen-ansokan-pdf.txt", {"owners": ()}), "copy"),
    # another insats on the same form: another title, however alike the texts
    (("solrosen-ansokan.txt", {}), ("solrosen-ansokan-v2.txt", {"title": "Vitsippan", "requested_sek": 2150000}), None),
    # the same insats applied for again for a later period: another document of the insats
    (("solrosen-ansokan.txt", {}), ("solrosen-ansokan-v2.txt", {"period_start": "2025-01-01",
                                                                "requested_sek": 2150000}), None),
    # the continuation is another document of the same insats
    (("solrosen-ansokan.txt", {}), ("solrosen-fortsattning.txt", {"period_start": "2025-09-01"}), None),
])
def test_relate_tells_copies_from_versions_from_other_documents(a, b, expected):
    first = _doc("a", _text(a[0]), **{**SOLROSEN, "requested_sek": 2400000, **a[1]})
    second = _doc("b", _text(b[0]), **{**SOLROSEN, "requested_sek": 2400000, **b[1]})
    sim = similarity(first.signature, second.signature)
    assert relate(first, second, sim) == expected


def test_relate_a_new_file_at_a_known_path_is_a_version_even_if_the_text_is_the_same():
    text = _text("solrosen-ansokan.txt")
    assert relate(_doc("a", text, path="arkiv/solrosen.docx"), _doc("b", text, path="arkiv/solrosen.docx"), 1.0) == "version"


@pytest.mark.parametrize("head, doc_type, path, expected", [
    ("Fortsättningsansökan\nInsatsens namn\nSolrosen", "application", "a.docx", "continuation"),
    ("Ansökan om medel\nInsatsens namn\nSolrosen", "application", "fortsattningsansokan-solrosen.pdf", "continuation"),
    ("Ansökan om medel\nInsatsens namn\nSolrosen", "application", "a.docx", "application"),
    ("Extern utvärdering av Solrosen", "other", "a.pdf", "evaluation"),
    ("Slutrapport", "final_report", "a.pdf", "final_report"),
    ("Protokoll", None, "a.pdf", "other"),
])
def test_role_names_a_documents_part_in_its_insats(head, doc_type, path, expected):
    assert role(Doc(sha256="a", head=head, doc_type=doc_type, path=path)) == expected


@pytest.mark.parametrize("other, expected", [
    (dict(owners=("Ronneby kommun",)), True),
    (dict(owners=("Boxholms kommun",)), False),  # same title, another owner: two interventions
    (dict(owners=(), head="Slutrapport. Rapporten lämnas av Ronneby kommun."), True),
    (dict(owners=(), head="Slutrapport. Rapporten lämnas av Boxholms kommun."), False),
    (dict(owners=(), organizations=("Ronneby kommun",)), True),
    (dict(owners=(), head="Insatsägare\nOrganisation:\tRonneby\tkommun, Arbetsmarknadsenheten"), True),
    (dict(owners=(), head="Samverkansparter: Region Ronneby län och Arbetsförmedlingen."), False),
    (dict(owners=("Ronneby kommun",), diarienummer="ÖB 2019/2"), False),  # another registry number
])
def test_belong_together_needs_owners_that_agree(other, expected):
    application = Doc(sha256="a", title="Solrosen", owners=("Ronneby kommun",), diarienummer="ÖB 2023/14")
    assert belong_together(application, Doc(sha256="b", title="Solrosen", **other)) is expected


def test_union_find_keeps_a_split_pair_apart():
    sets = UnionFind("abcd", {frozenset("ad")})
    assert sets.union("a", "b") and sets.union("c", "d")
    assert not sets.union("b", "c")
    assert sorted(sets.groups()) == [["a", "b"], ["c", "d"]]


def _fixture_docs() -> dict[str, Doc]:
    """The invented Solrosen archive as grouping sees it after extraction."""
    ronneby = {"owners": ("Ronneby kommun",)}
    return {
        "ansokan": _doc("ansokan", _text("solrosen-ansokan.txt"), path="a/solrosen.docx", format="docx",
                        latest_date="2023-05-12", requested_sek=2400000, **{**SOLROSEN}),
        "ansokan-pdf": _doc("ansokan-pdf", _text("solrosen-ansokan-pdf.txt"), path="a/solrosen.pdf", format="pdf",
                            latest_date="2023-05-12", requested_sek=2400000, **SOLROSEN),
        # signed five weeks later, with a smaller sum: the resubmission
        "ansokan-v2": _doc("ansokan-v2", _text("solrosen-ansokan-v2.txt"), path="a/solrosen-v2.docx",
                           format="docx", latest_date="2023-06-20", requested_sek=2150000, participants_count=35,
                           **SOLROSEN),
        "fortsattning": _doc("fortsattning", _text("solrosen-fortsattning.txt"), doc_type="application",
                             title="Solrosen", diarienummer="ÖB 2023/14", period_start="2025-09-01",
                             period_end="2026-12-31", requested_sek=1600000, **ronneby),
        "delrapport": _doc("delrapport", _text("solrosen-delrapport.txt"), doc_type="progress_report",
                           title="Solrosen", latest_date="2024-08-31", participants_count=38, **ronneby),
        "slutrapport": _doc("slutrapport", _text("solrosen-slutrapport.txt"), doc_type="final_report",
                            latest_date="2027-01-01", participants_count=104),
        "boxholm": _doc("boxholm", _text("solrosen-boxholm-ansokan.txt"), doc_type="application", title="Solrosen",
                        owners=("Boxholms kommun",), diarienummer="BÖ 2024/3", requested_sek=1900000),
        "kompassrosen": _doc("kompassrosen", _text("kompassrosen-ansokan.txt"), doc_type="application",
                             title="Kompassrosen", requested_sek=1200000, **ronneby),
    }


FIXTURE_DOCUMENTS = [{"ansokan", "ansokan-pdf", "ansokan-v2"}, {"fortsattning"}, {"delrapport"}, {"slutrapport"},
                     {"boxholm"}, {"kompassrosen"}]
FIXTURE_INSATSER = [{"ansokan", "ansokan-pdf", "ansokan-v2", "fortsattning", "delrapport", "slutrapport"},
                    {"boxholm"}, {"kompassrosen"}]


def _sets(keys_by_file: dict[str, str]) -> list[set]:
    out: dict[str, set] = {}
    for name, key in keys_by_file.items():
        out.setdefault(key, set()).add(name)
    return sorted(out.values(), key=sorted)


def test_group_documents_counts_copies_once_and_the_latest_version_as_current():
    grouping = group_documents(list(_fixture_docs().values()))
    places = grouping.placements
    assert _sets({s: p.document_id for s, p in places.items()}) == sorted(FIXTURE_DOCUMENTS, key=sorted)
    assert places["ansokan-pdf"].copy_of == "ansokan" and places["ansokan"].copy_of is None
    assert (places["ansokan"].version, places["ansokan-v2"].version) == (1, 2)
    assert [s for s, p in places.items() if p.current and s.startswith("ansokan")] == ["ansokan-v2"]
    assert sum(p.current for p in places.values()) == 6


def test_group_documents_ties_an_application_to_its_continuation_and_reports_in_order():
    grouping = group_documents(list(_fixture_docs().values()))
    assert _sets(grouping.insats_of) == sorted(FIXTURE_INSATSER, key=sorted)
    solrosen = next(i for i in grouping.insatser if i.id == grouping.insats_of["ansokan"])
    assert solrosen.documents == [("ansokan-v2", "application"), ("fortsattning", "continuation"),
                                  ("delrapport", "progress_report"), ("slutrapport", "final_report")]
    assert solrosen.owners == ["Ronneby kommun"] and solrosen.title == "Solrosen"
    # planned: the whole period and the sums of the current application and its continuation
    assert (solrosen.planned["period_start"], solrosen.planned["period_end"]) == ("2023-09-01", "2026-12-31")
    assert solrosen.planned["requested_sek"] == 2150000 + 1600000
    assert (solrosen.planned["participants_count"], solrosen.reported["participants_count"]) == (35, 104)


def test_group_documents_finds_a_report_without_title_by_the_insats_it_names():
    docs = _fixture_docs()
    docs["slutrapport"].title = None  # "Slutrapport för insatsen Solrosen … Ronneby kommun" in its opening
    grouping = group_documents(list(docs.values()))
    assert grouping.insats_of["slutrapport"] == grouping.insats_of["ansokan"]


def test_reported_figures_prefer_the_final_report():
    progress = Doc(sha256="p", doc_type="progress_report", participants_count=38, total_sek=900000)
    final = Doc(sha256="f", doc_type="final_report", participants_count=104)
    assert reported_figures([progress, final])["participants_count"] == 104
    assert reported_figures([progress, final])["total_sek"] == 900000
    assert reported_figures([]) == {**{k: None for k in reported_figures([])}, "methods": None}
    assert planned_figures([progress])["participants_count"] is None


@pytest.mark.parametrize("decision, together", [
    (Decision("unlink", "insats", "delrapport", "ansokan"), False),
    (Decision("unlink", "insats", "delrapport", "ansokan-pdf"), False),  # named by a copy: its document is meant
    (Decision("link", "insats", "kompassrosen", "ansokan"), True),
])
def test_staff_decisions_override_the_insats_grouping(decision, together):
    grouping = group_documents(list(_fixture_docs().values()), [decision])
    assert (grouping.insats_of[decision.a] == grouping.insats_of[decision.b]) is together


def test_staff_decisions_split_and_join_documents():
    docs = list(_fixture_docs().values())
    split = group_documents(docs, [Decision("unlink", "document", "ansokan", "ansokan-pdf")]).placements
    assert split["ansokan"].document_id != split["ansokan-pdf"].document_id
    joined = group_documents(docs, [Decision("link", "document", "kompassrosen", "boxholm")]).placements
    assert joined["kompassrosen"].document_id == joined["boxholm"].document_id
    assert sum(p.current for p in joined.values()) == 5


def test_group_documents_pairs_only_candidates_not_every_pair():
    from extractor.group.similar import candidate_pairs

    texts = [f"Insatsens namn Påhittad {n}. " + " ".join(f"ord{n}x{i}" for i in range(60)) for n in range(300)]
    sigs = {str(n): signature(t) for n, t in enumerate(texts)}
    sigs["copy"] = signature(texts[7])
    assert candidate_pairs(sigs) == {("7", "copy")}


@pytest.mark.parametrize("shared, expected", [
    (("Karlshamns kommun", "Arbetsförmedlingen"), True), (("Region Blekinge", "Försäkringskassan"), False),
])
def test_belong_together_without_owners_needs_a_shared_body_that_is_no_agency_or_region(shared, expected):
    a = Doc(sha256="a", title="Solrosen", organizations=shared)
    assert belong_together(a, Doc(sha256="b", title="Solrosen", organizations=shared)) is expected


def test_similarities_of_many_pairs_equal_the_pairwise_similarity():
    import random

    from extractor.group.similar import similarities, similarity
    from extractor.group.similar import signature as sig

    rng = random.Random(5)
    words = ["deltagare", "stöd", "arbete", "insatsen", "kommun", "plan", "coach", "mål", "samverkan", "unga"]
    texts = {f"d{i}": " ".join(rng.choice(words) for _ in range(80)) for i in range(12)}
    texts["d12"] = texts["d0"]  # a copy: similarity 1.0
    signatures = {k: sig(t) for k, t in texts.items()}
    signatures["short"] = sig("för få ord")  # None: no fingerprint
    keys = sorted(signatures)
    pairs = [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]]
    assert similarities(pairs, signatures) == [similarity(signatures[a], signatures[b]) for a, b in pairs]
    assert similarities([("d0", "d12")], signatures) == [1.0]
