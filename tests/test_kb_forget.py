"""Forgetting a document recomputes only the clusters it touched, with the result of a fresh ingest."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsgraph.kb import open_kb
from newsgraph.kb.index import forget, snapshot
from newsgraph.kb.queries import decisions, incidents
from newsgraph.record import Count, Document, Entity, Incident, Location, Quote, Source

FILLER = ("Officials in the region said the investigation was continuing and that more details "
          "would be released once families had been informed of what happened")


def make_doc(body: str, published: str, names: list[tuple[str, str]], path: str,
             incident: Incident | None = None, site: str | None = None) -> Document:
    entities = []
    for n, (name, kind) in enumerate(names):
        start = body.find(name)
        assert start >= 0, name
        entities.append(Entity(f"e{n}", name, kind, [], [[start, start + len(name)]]))
    quotes = []
    if names and names[0][1] == "PERSON":
        start = body.find(names[0][0])
        quotes.append(Quote(body[:20], [0, 20], "indirect", "said", names[0][0], "e0",
                            [start, start + len(names[0][0])]))
    return Document(body=body, published=published, published_basis="metadata", source=Source(path=path),
                    site_name=site, entities=entities, incidents=[incident] if incident else [], quotes=quotes)


def bombing(day: str, killed: int) -> Incident:
    return Incident("i0", "bombing", date=day, location=Location(name="Gaziantep", country="TR"),
                    perpetrator_orgs=["Islamic State"], killed=Count(low=killed, high=killed, qualifier="exact"))


def gaziantep(published: str, killed: int, path: str, extra: str, site: str) -> Document:
    body = f"{killed} dead in Gaziantep blast, says Selim Ozturk, who blames Islamic State.\n\n{extra}"
    return make_doc(body, published, [("Selim Ozturk", "PERSON"), ("Islamic State", "ORG"), ("Gaziantep", "GPE")],
                    path, bombing("2016-04-16", killed), site)


def corpus() -> list[Document]:
    """In publication order: three reports of one bombing (the third a copy of the first, then a
    copy of that copy), a name linked by context, a look-alike kept apart, an unrelated story."""
    first = gaziantep("2016-04-16", 12, "a.txt", FILLER + ". Shops near the square stayed closed.",
                      "Anadolu Daily")
    later = gaziantep("2016-04-17", 15, "b.txt", "Two of the wounded died overnight in hospital while "
                      "mourners gathered outside the closed market for a second day of prayers.", "Ankara Post")
    copy = replace(first, id="", body=first.body + "\n\nRead more stories on our blog.",
                   published="2016-04-18", source=Source(path="copy.txt"), site_name="Blog One")
    copy_of_copy = replace(copy, id="", body=copy.body + "\n\nShared by a reader.", published="2016-04-19",
                           source=Source(path="copy2.txt"), site_name="Blog Two")
    yusuf = make_doc("Mohammed Yusuf of Horizon Relief International was seized near the border.", "2016-06-07",
                     [("Mohammed Yusuf", "PERSON"), ("Horizon Relief International", "ORG")], "d.txt")
    yussuf = make_doc("Horizon Relief International said Mohammed Yussuf was alive and well.", "2016-06-08",
                      [("Mohammed Yussuf", "PERSON"), ("Horizon Relief International", "ORG")], "e.txt")
    yusif = make_doc("Mohammed Yusif opened a bakery in Mombasa with the Coast Traders Union.", "2016-06-09",
                     [("Mohammed Yusif", "PERSON"), ("Coast Traders Union", "ORG")], "f.txt")
    floods = make_doc("Floods closed the market in Lagos, Grace Otieno said.", "2016-07-01",
                      [("Grace Otieno", "PERSON"), ("Lagos", "GPE")], "g.txt")
    return [first, later, copy, copy_of_copy, yusuf, yussuf, yusif, floods]


def state_of(path, docs: list[Document]) -> dict:
    with open_kb(path) as kb:
        kb.add_batch(docs)
        return snapshot(kb.conn)


def test_the_corpus_has_the_clusters_forget_must_recompute(tmp_path):
    docs = corpus()
    with open_kb(tmp_path / "kb.db") as kb:
        kb.add_batch(docs)
        pairs = {tuple(r) for r in kb.conn.execute("SELECT original, copy FROM reprints")}
        assert pairs == {(docs[0].id, docs[2].id), (docs[0].id, docs[3].id)}
        assert [len(i["reports"]) for i in incidents(kb.conn)] == [4]
        assert [d["kind"] for d in decisions(kb.conn, docs[5].id)] == ["entity linked by context"]
        assert [d["kind"] for d in decisions(kb.conn, docs[6].id)] == ["entity kept apart"]


@pytest.mark.parametrize("index", range(8))
def test_forget_equals_a_fresh_ingest_without_the_document_and_reingest_restores_it(tmp_path, index):
    docs = corpus()
    original = state_of(tmp_path / "all.db", docs)
    without = state_of(tmp_path / "without.db", corpus()[:index] + corpus()[index + 1:])
    with open_kb(tmp_path / "all.db") as kb:
        assert forget(kb.conn, docs[index].id)
        assert snapshot(kb.conn) == without
        assert kb.add_batch([corpus()[index]]) == [True]
        assert snapshot(kb.conn) == original


def test_forget_reindexes_only_the_documents_of_the_touched_clusters(tmp_path):
    docs = corpus()
    with open_kb(tmp_path / "kb.db") as kb:
        kb.add_batch(docs)
        assert forget(kb.conn, docs[7].id)  # a story sharing nothing with the others
        assert forget(kb.conn, docs[5].id)  # linked by context to Yusuf's story only
        assert forget(kb.conn, docs[0].id)  # the original of two copies, first report of the bombing
        assert forget(kb.conn, docs[0].id) is False
        logged = [d["detail"] for d in decisions(kb.conn) if d["kind"] == "forgotten"]
        assert [detail.split("; ")[1].split(" documents")[0] for detail in logged] == ["0", "1", "3"]
        # The copy of the copy now copies the first copy, the earliest left.
        pairs = {tuple(r) for r in kb.conn.execute("SELECT original, copy FROM reprints")}
        assert pairs == {(docs[2].id, docs[3].id)}
        # With its original gone, the first copy is an independent report again: its 12 (dated
        # after the 15 of the second report) is the current figure, as a fresh ingest would say.
        assert [(i["killed"], len(i["reports"])) for i in incidents(kb.conn)] == [(12, 3)]
        assert [r["independent"] for r in incidents(kb.conn)[0]["reports"]] == [True, True, False]


@pytest.fixture(scope="module")
def demo_records() -> list[str]:
    """The demo corpus through the real pipeline, as JSON records (read back fresh for each use)."""
    from conftest import SAMPLES
    from newsgraph.eval.kb import corpus_inputs
    from newsgraph.pipeline import Pipeline

    return [item.to_json() for item in Pipeline().extract(corpus_inputs(SAMPLES)) if isinstance(item, Document)]


def _ingest(path, records: list[str]):
    kb = open_kb(path)
    for start in range(0, len(records), 32):
        kb.add_batch([Document.from_json(line) for line in records[start:start + 32]])
    return kb


@pytest.mark.model
@pytest.mark.slow
def test_forget_equals_a_fresh_ingest_on_the_demo_records(tmp_path, demo_records):
    ids = [Document.from_json(line).id for line in demo_records]
    checked = 0
    for index in range(0, len(ids), 6):
        with _ingest(tmp_path / f"all{index}.db", demo_records) as kb:
            stored = {r[0] for r in kb.conn.execute("SELECT id FROM documents")}
            if any(other.startswith(ids[index] + "-") for other in stored):
                continue  # its same-text copy keeps the id it was stored under: not a merge question
            assert forget(kb.conn, ids[index])
            after = snapshot(kb.conn)
        rest = demo_records[:index] + demo_records[index + 1:]
        with _ingest(tmp_path / f"rest{index}.db", rest) as fresh:
            assert after == snapshot(fresh.conn), index
        checked += 1
    assert checked >= 7
