"""The analyst page in a real browser: headless Chromium renders each view from the API.

Skipped only when no Chromium binary is installed (`apt-get install chromium`).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess

import pytest

from newsgraph.kb import open_kb
from newsgraph.record import Attribution, Document
from test_web_api import COPY, FIRST, Running, build_kb, get_json

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM = next((path for path in map(shutil.which, CHROMIUM_NAMES) if path), None)
# Virtual time runs only while the page is idle: 5 s of it is ample for a few local fetches.
VIRTUAL_TIME_MS = 5000
HOSTILE_TITLE = '<img src=x onerror="document.title=\'pwned\'">Floods'
RELAYED = Document(body="Two officials told Reuters the dam had held. Reuters also quoted Ada Obi.",
                   title="Dam holds", published="2016-05-03", published_basis="metadata",
                   sources=[Attribution("Daily Ledger", "outlet"),
                            Attribution("Reuters", "agency", via=0, evidence=[[18, 25]]),
                            Attribution("Two officials", "official", anonymous=True, via=1, evidence=[[0, 13]]),
                            Attribution("Ada Obi", "person", via=1, evidence=[[64, 71]])])

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary found (apt-get install chromium)")]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    path = build_kb(folder / "kb.db")
    with open_kb(path) as kb:  # a record whose title is markup: the page must show it as text
        kb.add_batch([Document(body="Floods hit Lagos on Monday.", title=HOSTILE_TITLE, published="2016-05-02",
                               published_basis="metadata"), RELAYED])
    running = Running(path)
    yield running.url, folder
    running.stop()


def rendered(site, route: str) -> str:
    """The page's <main> after its scripts ran, as Chromium serialises it."""
    base, folder = site
    result = subprocess.run(
        [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={folder / 'profile'}", f"--virtual-time-budget={VIRTUAL_TIME_MS}",
         "--dump-dom", base + route],
        capture_output=True, text=True, encoding="utf-8", timeout=60, check=True)
    match = re.search(r"<main\b.*?</main>", result.stdout, re.DOTALL)
    assert match, result.stdout[-2000:]
    return match[0]


def text_of(markup: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup)))


def test_entity_view_shows_names_quotes_documents_and_the_incident_toll(site):
    main = rendered(site, "#/entity?name=Sahin")
    assert 'data-ready="entity"' in main
    text = text_of(main)
    assert "Fatma Sahin (PERSON)" in text
    assert "Also named Sahin" in text
    assert "We will rebuild the market direct — Market bombing in Gaziantep 2016-04-16" in text
    assert "the market would reopen indirect — Gaziantep toll rises 2016-04-17" in text
    assert "bombing, Gaziantep, 2016-04-16 — killed 15, injured –, 2 reports" in text
    assert f'<a href="#/document?id={FIRST}">Market bombing in Gaziantep</a>' in main


def test_incident_view_shows_the_report_history(site):
    incidents = rendered(site, "#/incidents?type=bombing")
    incident_id = re.search(r'href="#/incident\?id=([^"]+)"', incidents)[1]
    text = text_of(rendered(site, f"#/incident?id={incident_id}"))
    assert "bombing, Gaziantep, 2016-04-16" in text
    assert "Killed (latest report) 15" in text
    # Published, report, killed, injured, independent: the toll went from 12 to 15.
    assert ("2016-04-16 Market bombing in Gaziantep 2016-04-16 12 – yes "
            "2016-04-17 Gaziantep toll rises 2016-04-17 15 – yes") in text


def test_document_view_marks_quotes_and_links_copies_and_search_marks_hits(site):
    main = rendered(site, f"#/document?id={FIRST}")
    assert ('"<mark class="quote">We will rebuild the market</mark><span class="speaker"> '
            '[<a href="#/entity?name=Fatma+Sahin">Fatma Sahin</a>]</span>," said Mayor Fatma Sahin.') in main
    merged = next(i for i in get_json(site[0], "api/incidents") if i["type"] == "bombing")
    assert f'<a href="#/incident?id={merged["id"]}">bombing</a>, Gaziantep, 2016-04-16: killed 12' in main
    assert "A copy of Market bombing in Gaziantep 2016-04-16 (85% reused)" in text_of(
        rendered(site, f"#/document?id={COPY}"))
    search = rendered(site, "#/search?q=reopen")
    assert "1 result Gaziantep toll rises 2016-04-17" in text_of(search)
    assert '<span class="snippet">…Sahin said the market would <mark>reopen</mark>.</span>' in search


def test_document_view_shows_the_chain_of_sources(site):
    main = rendered(site, f"#/document?id={RELAYED.id}")
    assert ("<h3>Sources</h3><ul><li>Daily Ledger (outlet)<ul><li>Reuters (agency)<ul>"
            "<li>Two officials (official, anonymous)</li><li>Ada Obi (person)</li></ul></li></ul></li></ul>") in main


def test_markup_in_the_data_is_shown_as_text_never_run(site):
    main = rendered(site, "#/search?q=floods")
    assert html.escape(HOSTILE_TITLE, quote=False) in main  # escaped text inside the link
    assert "<img" not in main
