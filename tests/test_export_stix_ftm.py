"""STIX 2.1 and FollowTheMoney exports: valid for their own libraries' rules, mapped as documented."""

from __future__ import annotations

import io
import json
import re

import pytest
import stix2

from newsgraph.export.ftm import ftm_id
from newsgraph.export.writers import export
from newsgraph.kb import open_kb
from newsgraph.record import Document, Entity, Quote, Source
from test_export import report as export_report

# FollowTheMoney's rule for entity ids (its entity type's pattern).
FTM_ID = re.compile(r"[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?")
QUOTE = '"We will rebuild the market," Ali Noor said.'


def report(body: str, published: str, killed: int, quote: bool = False) -> Document:
    """test_export's report of the Gaziantep bombing, with a URL and, if asked, a mayor's quote."""
    doc = export_report(body, published, killed)
    doc.source = Source(uri=f"https://news.example.org/{published}", format="html")
    if quote:
        at = body.index("Ali Noor")
        doc.entities.append(Entity("eAli", "Ali Noor", "PERSON", [], [[at, at + 8]]))
        q_start = body.index(QUOTE)
        doc.quotes = [Quote(text='We will rebuild the market,', span=[q_start + 1, q_start + 28], kind="direct",
                            cue="said", speaker="Ali Noor", speaker_entity="eAli")]
    return doc


@pytest.fixture
def kb(tmp_path):
    with open_kb(tmp_path / "kb.db") as kb:
        kb.add_batch([
            report("Islamic State bombed a market in Gaziantep on Saturday, killing 12 people. " + QUOTE,
                   "2016-04-16", 12, quote=True),
            report("Islamic State claimed the Gaziantep market bombing; the toll rose to 15 dead.", "2016-04-17", 15),
        ])
        yield kb


def stix_bundle(kb) -> tuple[str, dict]:
    out = io.StringIO()
    count = export(kb, "stix", out)
    bundle = json.loads(out.getvalue())
    assert count == len(bundle["objects"])
    return out.getvalue(), bundle


def of_type(bundle: dict, kind: str) -> list[dict]:
    return [o for o in bundle["objects"] if o["type"] == kind]


def test_stix_bundle_passes_the_stix2_library_without_custom_content(kb):
    text, _ = stix_bundle(kb)
    parsed = stix2.parse(text, allow_custom=False)
    assert parsed.type == "bundle"


def test_stix_incident_carries_current_figures_place_and_perpetrator(kb):
    _, bundle = stix_bundle(kb)
    [incident] = of_type(bundle, "incident")
    [figures] = incident["extensions"].values()
    assert figures == {"extension_type": "property-extension", "incident_type": "bombing", "suicide": False,
                       "reports": 2, "date": "2016-04-16", "killed": 15}
    assert incident["name"] == "bombing in Gaziantep, 2016-04-16"
    [location] = of_type(bundle, "location")
    assert (location["name"], location["country"], location["latitude"]) == ("Gaziantep", "TR", 37.05944)
    [actor] = of_type(bundle, "threat-actor")
    assert actor["name"] == "Islamic State"
    links = {(r["relationship_type"], r["source_ref"], r["target_ref"]) for r in of_type(bundle, "relationship")}
    assert ("attributed-to", incident["id"], actor["id"]) in links
    assert ("located-at", incident["id"], location["id"]) in links


def test_stix_reports_quotes_and_places_left_out(kb):
    _, bundle = stix_bundle(kb)
    reports = sorted(of_type(bundle, "report"), key=lambda r: r["published"])
    assert [r["published"] for r in reports] == ["2016-04-16T00:00:00.000Z", "2016-04-17T00:00:00.000Z"]
    [incident] = of_type(bundle, "incident")
    assert all(incident["id"] in r["object_refs"] for r in reports)
    assert reports[0]["external_references"][0]["url"] == "https://news.example.org/2016-04-16"
    [person] = [o for o in of_type(bundle, "identity") if o["identity_class"] == "individual"]
    [note] = of_type(bundle, "note")
    assert (note["content"], note["authors"]) == ("We will rebuild the market,", ["Ali Noor"])
    assert note["object_refs"] == [reports[0]["id"], person["id"]]
    # Gaziantep is a GPE entity: no STIX object of its own (only the incident's location).
    assert not [o for o in bundle["objects"] if o.get("name") == "Gaziantep" and o["type"] != "location"]


def test_exports_are_the_same_twice(kb):
    assert stix_bundle(kb)[0] == stix_bundle(kb)[0]
    first, second = io.StringIO(), io.StringIO()
    export(kb, "ftm", first)
    export(kb, "ftm", second)
    assert first.getvalue() == second.getvalue()


def test_stix_of_an_empty_knowledge_base_is_a_valid_bundle(tmp_path):
    with open_kb(tmp_path / "empty.db") as kb:
        text, bundle = stix_bundle(kb)
    assert [o["type"] for o in bundle["objects"]] == ["identity", "extension-definition"]
    stix2.parse(text, allow_custom=False)


def ftm_entities(kb) -> list[dict]:
    out = io.StringIO()
    count = export(kb, "ftm", out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(rows) == len({r["id"] for r in rows})
    return rows


def test_ftm_event_articles_and_links(kb):
    rows = ftm_entities(kb)
    by_schema: dict[str, list[dict]] = {}
    for row in rows:
        by_schema.setdefault(row["schema"], []).append(row)
    assert sorted(by_schema) == ["Article", "Documentation", "Event", "Note", "Organization", "Person",
                                 "UnknownLink"]
    assert all(FTM_ID.fullmatch(row["id"]) for row in rows)
    [group, outlet] = sorted(by_schema["Organization"], key=lambda o: o["properties"]["name"])
    assert (group["properties"]["name"], outlet["properties"]["name"]) == (["Islamic State"], ["news.example.org"])
    [event] = by_schema["Event"]
    assert event["properties"] == {"name": ["bombing in Gaziantep"], "date": ["2016-04-16"],
                                   "location": ["Gaziantep"], "country": ["tr"],
                                   "summary": ["15 killed (2 report(s))"], "organizer": [group["id"]]}
    articles = sorted(by_schema["Article"], key=lambda a: a["properties"]["publishedAt"])
    assert articles[0]["properties"]["title"] == ["Blast toll 12"]
    assert articles[0]["properties"]["sourceUrl"] == ["https://news.example.org/2016-04-16"]
    assert articles[0]["properties"]["language"] == ["eng"]
    reporting = {(d["properties"]["document"][0], d["properties"]["role"][0])
                 for d in by_schema["Documentation"] if d["properties"]["entity"] == [event["id"]]}
    assert reporting == {(a["id"], "reports") for a in articles}
    [person] = by_schema["Person"]
    [note] = by_schema["Note"]
    assert note["properties"]["entity"] == [person["id"]]
    assert note["properties"]["description"] == ["We will rebuild the market,"]
    [link] = by_schema["UnknownLink"]
    assert (link["properties"]["subject"], link["properties"]["object"], link["properties"]["role"]) == (
        [person["id"]], [outlet["id"]], ["quoted by"])


def test_ftm_ids_hash_keys_that_are_not_plain():
    assert ftm_id("E00fd496d266f") == "ng-E00fd496d266f"
    for key in ("outlet:Andes Courier", "outlet:news.example.org", "x" * 80):
        hashed = ftm_id(key)
        assert FTM_ID.fullmatch(hashed) and len(hashed) == 43
