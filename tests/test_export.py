"""Exports: records, incidents and the network, each readable back, written whole or not at all."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.export.writers import export
from newsgraph.kb import open_kb
from newsgraph.record import Count, Document, Entity, Incident, Location


def report(body: str, published: str, killed: int) -> Document:
    doc = Document(body=body, title=f"Blast toll {killed}", published=published, published_basis="metadata")
    start = body.index("Gaziantep")
    doc.entities = [Entity("eGaz", "Gaziantep", "GPE", [], [[start, start + 9]]),
                    Entity("eIS", "Islamic State", "ORG", [], [[0, 13]])]
    doc.incidents = [Incident("incident-1", "bombing", date="2016-04-16",
                              location=Location("Gaziantep", "TR", "83", 37.05944, 37.3825, 314830),
                              perpetrator_orgs=["Islamic State"], killed=Count(killed, killed, "exact"))]
    return doc


@pytest.fixture
def kb(tmp_path):
    with open_kb(tmp_path / "kb.db") as kb:
        kb.add_batch([
            report("Islamic State bombed a market in Gaziantep on Saturday, killing 12 people.", "2016-04-16", 12),
            report("Islamic State claimed the Gaziantep market bombing; the toll rose to 15 dead.", "2016-04-17", 15),
        ])
        yield kb


def test_jsonl_is_every_record(kb):
    out = io.StringIO()
    assert export(kb, "jsonl", out) == 2
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["title"] for r in records] == ["Blast toll 12", "Blast toll 15"]
    assert records[0]["schema"] == "newsgraph.document/1"


def test_csv_is_one_row_per_incident_with_current_figures(kb):
    out = io.StringIO()
    assert export(kb, "csv", out) == 1
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["type"], row["date"], row["place"], row["country"]) == ("bombing", "2016-04-16", "Gaziantep", "TR")
    assert (row["killed"], row["reports"]) == ("15", "2")


def test_graphml_and_gexf_hold_the_same_nodes_and_weighted_edges(kb):
    graphml, gexf = io.StringIO(), io.StringIO()
    export(kb, "graphml", graphml)
    export(kb, "gexf", gexf)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    node_tag, edge_tag = "{http://graphml.graphdrawing.org/xmlns}node", "{http://graphml.graphdrawing.org/xmlns}edge"
    root = ET.fromstring(graphml.getvalue())
    names = {n.find("g:data[@key='name']", ns).text for n in root.iter(node_tag)}
    assert {"Gaziantep", "Islamic State"} <= names
    co = [e for e in root.iter(edge_tag)
          if e.find("g:data[@key='relation']", ns).text == "co_mentioned"]
    assert [e.find("g:data[@key='weight']", ns).text for e in co] == ["2"]
    gexf_root = ET.fromstring(gexf.getvalue())
    labels = {n.get("label") for n in gexf_root.iter("{http://gexf.net/1.3}node")}
    assert labels == names


def test_cli_writes_the_file_whole(kb, tmp_path):
    target = tmp_path / "incidents.csv"
    result = CliRunner().invoke(main, ["export", "--format", "csv", "-o", str(target), "--db", kb.path])
    assert result.exit_code == 0
    assert result.stderr == f"wrote 1 items to {target}\n"
    assert target.read_text(encoding="utf-8").startswith("id,type,date,place,country")
    assert not (tmp_path / "incidents.csv.partial").exists()


def test_unknown_format_is_refused(kb):
    with pytest.raises(ValueError, match="export format must be one of"):
        export(kb, "xlsx", io.StringIO())
