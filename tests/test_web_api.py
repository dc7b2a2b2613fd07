"""The web server's JSON API over a hand-built knowledge base: exact answers, 400/404/405, read-only."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.kb import open_kb
from newsgraph.record import Count, Document, Entity, Incident, Location, Quantity, Quote, Source
from newsgraph.web.server import make_server
from newsgraph.web.store import connect_readonly


def _span(body: str, text: str) -> list[int]:
    start = body.index(text)
    return [start, start + len(text)]


def first_report() -> Document:
    body = ('Islamic State bombed a market in Gaziantep on Saturday, killing 12 people. '
            '"We will rebuild the market," said Mayor Fatma Sahin.')
    doc = Document(body=body, title="Market bombing in Gaziantep", published="2016-04-16",
                   published_basis="metadata")
    doc.entities = [Entity("e1", "Islamic State", "ORG", [], [_span(body, "Islamic State")]),
                    Entity("e2", "Gaziantep", "GPE", [], [_span(body, "Gaziantep")]),
                    Entity("e3", "Fatma Sahin", "PERSON", [], [_span(body, "Fatma Sahin")])]
    doc.quotes = [Quote("We will rebuild the market", _span(body, "We will rebuild the market"), "direct",
                        cue="said", speaker="Fatma Sahin", speaker_entity="e3",
                        speaker_span=_span(body, "Fatma Sahin"))]
    doc.quantities = [Quantity("12 people", _span(body, "12 people"), 12, 12, "exact", "people")]
    doc.incidents = [Incident("incident-1", "bombing", date="2016-04-16",
                              location=Location("Gaziantep", "TR", "83", 37.05944, 37.3825, 314830),
                              perpetrator_orgs=["Islamic State"], killed=Count(12, 12, "exact", "12 people"),
                              evidence=[[0, 74]])]
    return doc


def second_report() -> Document:
    body = ("Islamic State claimed the Gaziantep market bombing. Police said at least 15 people died. "
            "Sahin said the market would reopen.")
    doc = Document(body=body, title="Gaziantep toll rises", published="2016-04-17", published_basis="metadata")
    doc.entities = [Entity("e1", "Islamic State", "ORG", [], [_span(body, "Islamic State")]),
                    Entity("e2", "Gaziantep", "GPE", [], [_span(body, "Gaziantep")]),
                    Entity("e3", "Sahin", "PERSON", [], [_span(body, "Sahin")])]
    doc.quotes = [Quote("the market would reopen", _span(body, "the market would reopen"), "indirect",
                        cue="said", speaker="Sahin", speaker_entity="e3")]
    doc.quantities = [Quantity("at least 15 people", _span(body, "at least 15 people"), 15, None, "at_least",
                               "people", None, "Police")]
    doc.incidents = [Incident("incident-1", "bombing", date="2016-04-16",
                              location=Location("Gaziantep", "TR", "83", 37.05944, 37.3825, 314830),
                              perpetrator_orgs=["Islamic State"],
                              killed=Count(15, None, "at_least", "at least 15 people"))]
    return doc


def copied_report() -> Document:
    """The first report republished word for word, a day later, with a credit line."""
    return Document(body=first_report().body + " Reporting by staff.", title="Market bombing (copy)",
                    published="2016-04-18", published_basis="metadata",
                    source=Source(uri="https://copies.example/a"))


FIRST, SECOND, COPY = first_report().id, second_report().id, copied_report().id


def build_kb(path: Path) -> str:
    with open_kb(path) as kb:
        kb.add_batch([first_report(), second_report()])
        kb.add_batch([copied_report()])
    return str(path)


class Running:
    """A server on a free port in a background thread."""

    def __init__(self, kb_path: str) -> None:
        self.server = make_server(kb_path, "127.0.0.1", 0)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = self.server.url

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory) -> str:
    return build_kb(tmp_path_factory.mktemp("web") / "kb.db")


@pytest.fixture(scope="module")
def base(kb_path):
    running = Running(kb_path)
    yield running.url
    running.stop()


def fetch(url: str, method: str = "GET", headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    """(status, content type, body) for any status: HTTP errors are answers here, not exceptions."""
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers["Content-Type"], err.read()


def get_json(base: str, path: str, status: int = 200):
    code, content_type, body = fetch(base + path)
    assert (code, content_type) == (status, "application/json; charset=utf-8"), body
    return json.loads(body)


def entity_id(base: str, name: str) -> str:
    return get_json(base, "api/entity?name=" + urllib.request.quote(name))["id"]


def incident_id(base: str) -> str:
    [item] = get_json(base, "api/incidents")
    return item["id"]


# -- routes --------------------------------------------------------------------------------------

def test_search_finds_documents_with_title_date_and_marked_snippet(base):
    # A hit in the title ranks first (the shorter text first among those), then the body-only hit.
    assert get_json(base, "api/search?q=market") == [
        {"id": FIRST, "title": "Market bombing in Gaziantep", "published": "2016-04-16", "uri": None,
         "snippet": 'Islamic State bombed a [market] in Gaziantep on Saturday, killing 12 people. '
                    '"We will rebuild the…', "in": "document"},
        {"id": COPY, "title": "Market bombing (copy)", "published": "2016-04-18", "uri": "https://copies.example/a",
         "snippet": 'Islamic State bombed a [market] in Gaziantep on Saturday, killing 12 people. '
                    '"We will rebuild the…', "in": "document"},
        {"id": SECOND, "title": "Gaziantep toll rises", "published": "2016-04-17", "uri": None,
         "snippet": "Islamic State claimed the Gaziantep [market] bombing. Police said at least 15 people died. "
                    "Sahin said…", "in": "document"},
    ]


def test_search_filters_on_dates_entity_type_and_place(base):
    def ids(query: str) -> list[str]:
        return [hit["id"] for hit in get_json(base, "api/search?q=market&" + query)]

    assert ids("since=2016-04-17&until=2016-04-17") == [SECOND]
    assert ids("entity=Sahin") == [FIRST, SECOND]  # the surname finds Fatma Sahin's documents
    assert ids("type=bombing&place=TR") == [FIRST, SECOND]  # the copy reports no incident of its own
    assert ids("type=arson") == []
    assert ids("limit=1") == [FIRST]


def test_search_rejects_bad_input_with_400(base):
    assert get_json(base, "api/search?q=market&since=yesterday-ish", 400) == {
        "error": "since: expected a date like 2016-03-22, got 'yesterday-ish'", "status": 400}
    assert get_json(base, "api/search?q=", 400) == {"error": "missing parameter 'q'", "status": 400}
    assert get_json(base, "api/search?q=market&type=picnic", 400)["status"] == 400
    assert get_json(base, "api/search?q=market&limit=many", 400) == {
        "error": "limit: expected a whole number, got 'many'", "status": 400}
    assert get_json(base, "api/search?q=market&limit=0", 400) == {
        "error": "limit: expected 1 to 200, got 0", "status": 400}


def test_entity_profile_merges_the_surname_and_lists_quotes_and_incidents(base):
    profile = get_json(base, "api/entity?name=Fatma%20Sahin")
    assert profile == {
        "id": profile["id"], "name": "Fatma Sahin", "type": "PERSON", "aliases": ["Sahin"],
        "documents": sorted([FIRST, SECOND]),
        "quotes": [{"text": "We will rebuild the market", "kind": "direct", "document": FIRST,
                    "published": "2016-04-16"},
                   {"text": "the market would reopen", "kind": "indirect", "document": SECOND,
                    "published": "2016-04-17"}],
        "claims": [], "incidents": [incident_id(base)]}
    assert get_json(base, "api/entity?name=Sahin") == profile


def test_unknown_entity_is_404_and_a_missing_name_400(base):
    assert get_json(base, "api/entity?name=Nobody%20Known", 404) == {
        "error": "no entity named 'Nobody Known'", "status": 404}
    assert get_json(base, "api/entity", 400) == {"error": "missing parameter 'name'", "status": 400}


def test_incidents_show_how_the_toll_moved_report_by_report(base):
    [item] = get_json(base, "api/incidents")
    assert item == {
        "id": item["id"], "type": "bombing", "suicide": False, "date": "2016-04-16",
        "location": {"name": "Gaziantep", "country": "TR", "lat": 37.05944, "lon": 37.3825},
        "places": [], "perpetrators": [], "perpetrator_orgs": ["Islamic State"], "targets": [], "victims": [],
        "weapons": [], "killed": 15, "injured": None,
        "evidence": [{"document": FIRST, "spans": [[0, 74]]}, {"document": SECOND, "spans": []}],
        "reports": [
            {"document": FIRST, "published": "2016-04-16", "killed": 12, "injured": None, "independent": True},
            {"document": SECOND, "published": "2016-04-17", "killed": 15, "injured": None, "independent": True}]}
    assert get_json(base, "api/incidents/" + item["id"]) == item


def test_incident_filters_and_their_errors(base):
    def count(query: str) -> int:
        return len(get_json(base, "api/incidents?" + query))

    assert count("type=bombing&place=Gaziantep") == 1
    assert count("since=2016-04-17") == 0  # the incident's date, not the reports'
    assert count("until=2016-04-16&place=tr") == 1
    assert count("type=arson") == 0
    assert count("place=Ankara") == 0
    assert get_json(base, "api/incidents?until=31/31/2016", 400) == {
        "error": "until: expected a date like 2016-03-22, got '31/31/2016'", "status": 400}
    assert get_json(base, "api/incidents?type=bombings", 400)["error"].startswith("type: expected one of bombing,")
    assert get_json(base, "api/incidents/I000000000000", 404) == {
        "error": "no incident 'I000000000000'", "status": 404}


def test_claims_put_every_estimate_beside_its_claimant(base):
    assert get_json(base, "api/claims?q=people") == [
        {"text": "12 people", "low": 12.0, "high": 12.0, "qualifier": "exact", "unit": "people",
         "claimant_text": None, "document": FIRST, "published": "2016-04-16"},
        {"text": "at least 15 people", "low": 15.0, "high": None, "qualifier": "at_least", "unit": "people",
         "claimant_text": "Police", "document": SECOND, "published": "2016-04-17"}]
    assert get_json(base, "api/claims?q=tanks") == []
    assert get_json(base, "api/claims", 400) == {"error": "missing parameter 'q'", "status": 400}


def test_quotes_by_speaker_words_and_dates(base):
    sahin = entity_id(base, "Sahin")
    assert get_json(base, "api/quotes?speaker=Sahin") == [
        {"text": "We will rebuild the market", "kind": "direct", "speaker": "Fatma Sahin", "entity": sahin,
         "document": FIRST, "published": "2016-04-16", "title": "Market bombing in Gaziantep"},
        {"text": "the market would reopen", "kind": "indirect", "speaker": "Sahin", "entity": sahin,
         "document": SECOND, "published": "2016-04-17", "title": "Gaziantep toll rises"}]
    assert [q["text"] for q in get_json(base, "api/quotes?q=reopen")] == ["the market would reopen"]
    assert [q["document"] for q in get_json(base, "api/quotes?speaker=Sahin&since=2016-04-17")] == [SECOND]
    assert get_json(base, "api/quotes?until=17%20April", 400)["status"] == 400


def test_network_around_an_actor_and_around_an_incident(base):
    group, town, mayor, incident = (entity_id(base, "Islamic State"), entity_id(base, "Gaziantep"),
                                    entity_id(base, "Sahin"), incident_id(base))
    graph = get_json(base, "api/network?name=Islamic%20State")
    assert sorted((n["name"], n["type"]) for n in graph["nodes"]) == [
        ("Fatma Sahin", "PERSON"), ("Gaziantep", "GPE"), ("Islamic State", "ORG"),
        ("bombing Gaziantep 2016-04-16", "INCIDENT")]
    both = sorted([FIRST, SECOND])
    assert sorted((e["source"], e["target"], e["relation"], e["weight"], tuple(e["evidence"]))
                  for e in graph["edges"]) == sorted([
                      (*sorted([mayor, group]), "co_mentioned", 2, tuple(both)),
                      (*sorted([town, group]), "co_mentioned", 2, tuple(both)),
                      (group, incident, "perpetrator_of", 2, tuple(both))])
    around_incident = get_json(base, f"api/network?name={incident}")
    assert [(e["source"], e["relation"]) for e in around_incident["edges"]] == [(group, "perpetrator_of")]


def test_network_errors(base):
    assert get_json(base, "api/network?name=Nobody", 404) == {"error": "no entity named 'Nobody'", "status": 404}
    assert get_json(base, "api/network?name=Sahin&depth=4", 400) == {
        "error": "depth: expected 1 to 3, got 4", "status": 400}
    assert get_json(base, "api/network?name=Sahin&depth=deep", 400)["status"] == 400


def test_reprints_and_the_decisions_behind_them(base):
    assert get_json(base, "api/reprints") == [{"original": FIRST, "copy": COPY, "coverage": 0.85}]
    assert get_json(base, f"api/decisions?document={COPY}") == [
        {"document": COPY, "kind": "reprint",
         "detail": f"full copy of {FIRST} (85% of its text reused): published earlier"}]
    everything = get_json(base, "api/decisions")
    assert [d["document"] for d in everything] == [SECOND, COPY]
    assert get_json(base, "api/decisions?document=nope") == []


def test_document_is_the_stored_record_and_unknown_ids_are_404(base):
    assert get_json(base, f"api/documents/{FIRST}") == json.loads(first_report().to_json())
    assert get_json(base, "api/documents/0000", 404) == {"error": "no document '0000'", "status": 404}


def test_reports_map_a_documents_incidents_to_the_merged_incident(base):
    merged = incident_id(base)  # both reports are one bombing
    assert get_json(base, f"api/reports?document={FIRST}") == [{"report": "incident-1", "incident": merged}]
    assert get_json(base, f"api/reports?document={SECOND}") == [{"report": "incident-1", "incident": merged}]
    assert get_json(base, "api/reports?document=nope") == []
    assert get_json(base, "api/reports", 400) == {"error": "missing parameter 'document'", "status": 400}


def test_document_summaries_for_the_page_keep_the_order_asked(base):
    assert get_json(base, f"api/documents?id={SECOND}&id=unknown&id={FIRST}&id={SECOND}") == [
        {"id": SECOND, "title": "Gaziantep toll rises", "published": "2016-04-17", "uri": None},
        {"id": FIRST, "title": "Market bombing in Gaziantep", "published": "2016-04-16", "uri": None}]
    assert get_json(base, "api/documents") == []


def test_the_api_mirrors_the_commands_json_output(base, kb_path):
    """Each route returns what `newsgraph <command> --json` prints (a list for JSON Lines)."""
    runner = CliRunner()

    def lines(*args: str) -> list:
        result = runner.invoke(main, [*args, "--db", kb_path, "--json"])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines()]

    assert get_json(base, "api/search?q=market&entity=Sahin") == lines("search", "market", "--entity", "Sahin")
    assert get_json(base, "api/incidents?type=bombing") == lines("incidents", "--type", "bombing")
    assert get_json(base, "api/claims?q=people") == lines("claims", "people")
    assert get_json(base, "api/reprints") == lines("reprints")
    assert [get_json(base, "api/entity?name=Sahin")] == lines("entity", "Sahin")
    assert [get_json(base, "api/network?name=Gaziantep&depth=2")] == lines("network", "Gaziantep", "--depth", "2")


# -- the server itself ---------------------------------------------------------------------------

def test_the_page_and_its_files_are_served_and_nothing_else(base):
    status, content_type, body = fetch(base)
    assert (status, content_type) == (200, "text/html; charset=utf-8")
    assert b'<script src="/static/app.js" defer></script>' in body
    assert fetch(base + "static/app.js")[:2] == (200, "text/javascript; charset=utf-8")
    assert fetch(base + "static/app.css")[:2] == (200, "text/css; charset=utf-8")
    assert get_json(base, "static/../store.py", 404)["status"] == 404
    assert get_json(base, "api/nothing-here", 404) == {"error": "no such API route: /api/nothing-here",
                                                        "status": 404}


def test_writes_are_refused_with_405_and_a_foreign_host_with_403(base):
    status, _, body = fetch(base + "api/reprints", method="POST")
    assert (status, json.loads(body)) == (405, {"error": "the API is read-only: use GET", "status": 405})
    status, _, body = fetch(base + "api/reprints", headers={"Host": "attacker.example"})
    assert (status, json.loads(body)["error"]) == (403, "unexpected Host header")
    assert fetch(base + "api/reprints", headers={"Host": "localhost:1234"})[0] == 200


def test_the_server_reads_while_an_ingest_holds_the_write_lock(base, kb_path):
    writer = sqlite3.connect(kb_path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO decisions (doc_id, kind, detail) VALUES (NULL, 'test', 'uncommitted')")
        assert len(get_json(base, "api/decisions")) == 2  # answered at once, without the uncommitted row
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_the_connection_cannot_write(kb_path):
    conn = connect_readonly(kb_path)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("DELETE FROM decisions")
    finally:
        conn.close()


def test_a_broken_knowledge_base_gives_a_json_500_not_a_traceback(tmp_path):
    broken = tmp_path / "broken.db"
    broken.write_text("this is not a database\n" * 100, encoding="utf-8")
    running = Running(str(broken))
    try:
        assert get_json(running.url, "api/reprints", 500) == {"error": "internal error, see server log",
                                                               "status": 500}
    finally:
        running.stop()


# -- the command -------------------------------------------------------------------------------

def test_serve_refuses_a_missing_knowledge_base(tmp_path):
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(main, ["serve", "--db", str(missing), "--port", "0"])
    assert result.exit_code == 2
    assert f"no knowledge base at {missing}" in result.stderr
    assert not missing.exists()  # nothing created
    result = CliRunner().invoke(main, ["serve", "--db", "postgresql://localhost/kb"])
    assert result.exit_code == 2 and "SQLite only" in result.stderr


def test_serve_prints_its_address_answers_and_stops_on_ctrl_c(kb_path):
    # A test run started in the background (nohup, `make test &`) inherits an ignored SIGINT, and
    # Python then installs no Ctrl-C handler: give the server the terminal's default back.
    process = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "serve", "--db", kb_path, "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        line = process.stdout.readline()
        assert line.startswith(f"newsgraph: serving {kb_path} at http://127.0.0.1:")
        url = line.split(" at ")[1].split()[0]
        assert get_json(url, "api/reprints") == [{"original": FIRST, "copy": COPY, "coverage": 0.85}]
        os.kill(process.pid, signal.SIGINT)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
