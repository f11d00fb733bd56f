"""End to end in a real browser: Debian's headless Chromium, driven by Playwright, against
`datasette serve` over the bundled corpus, as a researcher would use the site."""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

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
    yield page
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


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
