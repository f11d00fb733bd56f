"""End to end in a real browser: Debian's headless Chromium, driven by Playwright, against
`datasette serve` over the bundled corpus, as a researcher would use the site."""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import parse_qsl, urlsplit

import pytest
import sqlite_utils
from conftest import ROOT

from extractor.bulk import ImportSettings, import_paths

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Without the networking flags Chromium keeps trying to reach Google's hosts from a closed network.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]

if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("site") / "archive.db"
    corpus = sorted(p for p in (ROOT / "corpus").iterdir() if p.suffix in {".txt", ".docx", ".pdf"})
    summary = import_paths(str(db_path), corpus, ImportSettings(workers=1, ocr=False), report=lambda m: None)
    assert summary.imported == len(corpus) > 0
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(db_path), "--host", "127.0.0.1", "--port", str(port),
         "--metadata", str(ROOT / "metadata.yml")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=2)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("datasette did not start: " + server.stderr.read())
            time.sleep(0.2)
    yield base, sqlite_utils.Database(db_path)
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    # any 4xx/5xx answer to the page or to anything it loads (data for a chart, a script) fails the walk
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    yield page
    context.close()
    assert errors == [], f"JavaScript errors or failed requests on the page: {errors}"


def test_a_researcher_searches_the_sections_and_opens_a_document(site, page):
    base, db = site
    page.goto(base + "/")
    assert "Samordningsförbundens arkiv" in page.locator("h1").inner_text()

    page.goto(base + "/archive/search_sections")
    page.fill("input[name=q]", "målgrupp")
    page.click("input[type=submit]")
    page.wait_for_selector("table.rows-and-columns tbody tr")
    titles = page.locator("table.rows-and-columns tbody td.col-title").all_inner_texts()
    stored = {r["title"] for r in db.query("select title from documents")}
    assert titles and set(titles) <= stored
    assert "[målgrupp]" in page.locator("table.rows-and-columns").inner_text().lower()

    # a result links to the document's page: its sections in order, with what was read from each
    title = titles[0]
    page.locator("table.rows-and-columns tbody td.col-document_sha256 a").first.click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == title
    sha = page.url.rsplit("/", 1)[1]
    expected = [r["key"] for r in db.query(
        "select key from sections where document_sha256 = ? order by position", [sha])]
    keys = page.locator(".doc-section h2 .key").all_inner_texts()
    assert keys == expected and "target_group" in keys

    # a value beside a section leads to the words it was read from, marked in the text
    budget = page.locator(".doc-section", has=page.locator(".key", has_text="budget"))
    link = budget.locator(".doc-values a").first
    label = link.inner_text()
    link.click()
    target = page.locator("mark:target")
    assert target.count() == 1 and target.is_visible()
    assert target.get_attribute("title") == label

    # the canned query gives the same sections as a table
    page.goto(f"{base}/archive/document?sha256={sha}")
    page.wait_for_selector("table.rows-and-columns tbody tr")
    assert page.locator("table.rows-and-columns tbody td.col-key").all_inner_texts() == expected


def test_the_dashboard_draws_every_chart(site, page):
    base, db = site
    page.goto(base + "/-/dashboards/overview")
    # each vega-lite chart becomes an SVG or a canvas once its query has answered
    page.wait_for_function(
        "document.querySelectorAll('.vega-embed svg, .vega-embed canvas').length >= 3", timeout=30_000)
    text = page.locator("body").inner_text()
    assert "Methods over time" in text and "Target ages" in text
    assert str(db["documents"].count) in page.locator("#card-documents").inner_text()


def _heading_in_view(page, target) -> bool:
    """True if the target is visible below its section's heading, and the heading is on screen."""
    heading = page.locator(".doc-section", has=target).locator("h2")
    box, head = target.bounding_box(), heading.bounding_box()
    height = page.viewport_size["height"]
    return 0 <= head["y"] and head["y"] + head["height"] <= box["y"] and box["y"] + box["height"] <= height


def test_home_to_documents_to_a_document_to_a_values_evidence(site, page):
    base, db = site
    page.goto(base + "/")
    page.click("a[href='/archive/document_list']")
    page.wait_for_selector("table.rows-and-columns tbody tr")
    assert "full_text" not in page.locator("table.rows-and-columns thead").inner_text()
    money = [t for t in page.locator("td.col-requested_sek").all_inner_texts() if t.strip()]
    assert money and all(t.endswith("\u00a0kr") for t in money), money
    owners = page.locator("td.col-owners").all_inner_texts()
    assert not any(t.startswith("[") for t in owners)

    # the title opens the document's page; its facts link to the words they were read from
    row = db.execute("select sha256, title from documents where requested_sek is not null "
                     "and title is not null order by year desc limit 1").fetchone()
    page.click(f"td.col-title a[href='/-/document/archive/{row[0]}']")
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == row[1]
    fact = page.locator(".doc-facts tr", has=page.locator("th", has_text="Requested")).locator("a")
    assert fact.inner_text().endswith("\u00a0kr")
    fact.click()
    target = page.locator("mark:target")
    assert target.count() == 1 and target.is_visible() and _heading_in_view(page, target)

    # a value's evidence row leads to the same words
    page.goto(f"{base}/archive/field_evidence?document_sha256={row[0]}&field=budget.requested_sek")
    page.locator("td.col-quote a").first.click()
    page.wait_for_selector("mark:target")
    target = page.locator("mark:target")
    assert target.count() == 1 and _heading_in_view(page, target)
    assert target.get_attribute("title").startswith("budget.requested_sek")


@pytest.mark.parametrize("q", ["IPS-metoden", "KBT/MI", "", '"samtal', "NEAR(", "målgrupp"])
def test_any_search_string_gives_a_page_of_hits(site, page, q):
    base, _ = site
    page.goto(base + "/archive/search_sections")
    assert page.locator(".message-error").count() == 0
    page.fill("input[name=q]", q)
    page.click("input[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".message-error").count() == 0
    if q == "målgrupp":  # a hit opens its document at the section, its heading in view
        page.locator("td.col-heading a").first.click()
        page.wait_for_selector(".doc-section:target")
        heading = page.locator(".doc-section:target h2")
        assert heading.is_visible() and 0 <= heading.bounding_box()["y"] < 100


def _sort_links(page) -> dict[tuple[str, str], str]:
    """Return the sort links of a table's header: (("_sort", column) -> url)."""
    links = page.eval_on_selector_all("table.rows-and-columns thead th a", "links => links.map(a => a.href)")
    found = {}
    for url in links:
        for key, value in parse_qsl(urlsplit(url).query):
            if key in ("_sort", "_sort_desc"):
                found[(key, value)] = url
    return found


def test_every_column_of_every_table_and_view_sorts_both_ways(site, page):
    base, db = site
    names = [n for n in db.table_names() + db.view_names() if not n.startswith("sections_fts")]
    visited = 0
    for name in names:
        page.goto(f"{base}/archive/{name}", wait_until="domcontentloaded")
        for (direction, column), url in _sort_links(page).items():
            page.goto(url, wait_until="domcontentloaded")  # sorted one way; the header offers the other
            other = _sort_links(page).get(("_sort" if direction == "_sort_desc" else "_sort_desc", column))
            assert other, f"{name}: sorted by {column}, no link to sort it the other way"
            page.goto(other, wait_until="domcontentloaded")
            visited += 2
    assert visited > 2 * len(names)


def test_money_per_method_chart_leads_to_its_documents(site, page):
    base, db = site
    page.goto(base + "/-/dashboards/overview")
    page.wait_for_selector("#chart-money-per-method svg .mark-rect path")
    # the money axis reads the Swedish way: "2 000 000", not "2,000,000"
    axis = page.locator("#chart-money-per-method svg .role-axis-label text").all_text_contents()
    assert any("\u00a0000\u00a0000" in t for t in axis) and not any(",000" in t for t in axis), axis
    page.locator("#chart-money-per-method svg .mark-rect path").first.click()
    page.wait_for_url("**/archive/document_list?**")
    page.wait_for_selector("table.rows-and-columns tbody tr")
    label = page.url.split("methods__arraycontains=")[1]
    titles = page.locator("td.col-title").all_inner_texts()
    expected = db.execute("select count(*) from documents d where exists (select 1 from json_each(d.methods) "
                          "where value = ?)", [label]).fetchone()[0]
    assert len(titles) == expected > 0

