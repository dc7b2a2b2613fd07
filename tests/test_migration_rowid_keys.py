"""Migration 10: per-document rows keyed by the document's rowid, the old tables kept as views.

A knowledge base at schema 9 (the text-keyed tables) is built from the rows of one
loaded with the current code (the views give exactly the old tables' columns); once
upgraded it must answer every query as the original does, and keep doing so after
more documents are stored and one is forgotten.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, replace

from conftest import build_old_schema
from newsgraph.export import kb_view
from newsgraph.export.writers import graph
from newsgraph.kb import open_kb, queries
from newsgraph.kb.bench import Generator
from newsgraph.kb.index import forget, snapshot
from newsgraph.kb.migrations import SQLITE_MIGRATIONS
from newsgraph.kb.network import network
from newsgraph.record import Source

# The tables of schema 9, in an order that copies cleanly; the per-document ones are views now.
SCHEMA_9_TABLES = ("doc_sources", "decisions", "kb_entities", "entity_keys", "mentions", "lsh_doc_bands",
                   "lsh_recent_bands", "reprints", "kb_incidents", "incident_reports", "kb_quotes",
                   "kb_claims", "relations", "report_actors")
KEYED_BY_ROWID = ("doc_origins", "doc_mentions", "doc_incident_reports", "doc_report_actors",
                  "doc_relations", "doc_quotes", "doc_claims")
FIXED_TIME = "2026-01-01T00:00:00Z"


def _schema_9_copy(source, target) -> None:
    """A knowledge base at schema 9 holding the rows of the one at ``source``."""
    conn = sqlite3.connect(target)
    build_old_schema(conn, 9)
    conn.execute("ATTACH DATABASE ? AS current", (str(source),))
    conn.execute("INSERT INTO documents (rowid, id, uri, path, format, title, published, published_basis, "
                 "language, site_name, body, record, ingested_at) SELECT rowid, id, uri, path, format, title, "
                 "published, published_basis, language, site_name, body, record, ingested_at "
                 "FROM current.documents ORDER BY rowid")
    for table in SCHEMA_9_TABLES:
        conn.execute(f"INSERT INTO main.{table} SELECT * FROM current.{table}")
    conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')")
    conn.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')")
    conn.commit()
    conn.execute("DETACH DATABASE current")
    conn.close()


def answers(conn: sqlite3.Connection) -> dict[str, object]:
    """What every query of the knowledge base, the exports' reads and the old tables give."""
    names = [r[0] for r in conn.execute("SELECT name FROM kb_entities ORDER BY name")]
    entity_ids = [r[0] for r in conn.execute("SELECT id FROM kb_entities ORDER BY id")]
    incident_ids = [r[0] for r in conn.execute("SELECT id FROM kb_incidents ORDER BY id")]
    doc_ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]
    words = sorted({w for (title,) in conn.execute("SELECT title FROM documents WHERE title IS NOT NULL")
                    for w in title.split()})[:12] + ["killed", "did not comment", "blamed"]
    return {
        "profiles": [queries.entity_profile(conn, name) for name in names],
        "by id": [queries.find_entity(conn, entity_id) for entity_id in entity_ids],
        "claims": queries.claims(conn, "people"),
        "quotes": [queries.quotes(conn), queries.quotes(conn, "killed"),
                   queries.quotes(conn, since="2015-06-01", until="2016-06-01")]
        + [queries.quotes(conn, speaker=name) for name in names[:15]],
        "reprints": queries.reprints(conn),
        "incidents": [queries.incidents(conn), queries.incidents(conn, kind="bombing"),
                      queries.incidents(conn, place="TR", since="2015-03-01")],
        "incident": [queries.incident(conn, incident_id) for incident_id in incident_ids],
        "search": [queries.search(conn, word, limit=50) for word in words]
        + [queries.search(conn, "killed", entity=name) for name in names[:15]]
        + [queries.search(conn, "killed", kind="kidnapping"), queries.search(conn, "people", place="KE")],
        "decisions": [queries.decisions(conn)] + [queries.decisions(conn, doc_id) for doc_id in doc_ids],
        "network": [network(conn, node, depth=2) for node in entity_ids[:20] + incident_ids[:10]],
        "actors": [asdict(actor) for actor in kb_view.actors(conn)],
        "documents": [asdict(doc) for doc in kb_view.documents(conn)],
        "relations": list(kb_view.relations(conn)),
        "export quotes": list(kb_view.quotes(conn)),
        "incident ids": list(kb_view.incident_ids(conn)),
        "perpetrators": kb_view.perpetrator_ids(conn),
        "graph": graph(conn),
        "snapshot": snapshot(conn),
        "old tables": {table: sorted(map(tuple, conn.execute(f"SELECT * FROM {table}")), key=repr)
                       for table in SCHEMA_9_TABLES},
    }


def test_a_schema_9_knowledge_base_answers_every_query_identically_after_the_upgrade(tmp_path):
    docs = list(Generator().documents(120))
    with open_kb(tmp_path / "current.db") as kb:
        assert kb.add_batch(docs[:60]) == [True] * 60 and kb.add_batch(docs[60:]) == [True] * 60
        expected = answers(kb.conn)
    # Every kind of row is there to be carried over.
    assert len(expected["reprints"]) == 3 and expected["claims"] and expected["quotes"][0]
    assert {r["relation"] for r in expected["relations"]} == {"perpetrator_of", "quoted_by"}
    assert all(expected["old tables"][table] for table in SCHEMA_9_TABLES
               if table != "lsh_doc_bands")  # merged every 10,000 documents

    _schema_9_copy(tmp_path / "current.db", tmp_path / "old.db")
    with sqlite3.connect(tmp_path / "old.db") as conn:
        assert conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] == 9
        assert conn.execute("SELECT type FROM sqlite_master WHERE name = 'mentions'").fetchone()[0] == "table"
    with open_kb(tmp_path / "old.db") as kb:
        assert kb.schema_version() == SQLITE_MIGRATIONS[-1][0]  # 10, then every later one
        kinds = dict(kb.conn.execute("SELECT name, type FROM sqlite_master WHERE name IN "
                                     f"({','.join('?' * len(SCHEMA_9_TABLES))})", SCHEMA_9_TABLES).fetchall())
        assert {name for name, kind in kinds.items() if kind == "view"} == {
            "doc_sources", "mentions", "incident_reports", "kb_quotes", "kb_claims", "relations", "report_actors"}
        assert answers(kb.conn) == expected
        for table in ("documents_fts", "quotes_fts"):
            kb.conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")

    # Both go on alike: a page seen before from another source, new stories, a forgotten original.
    later = [replace(docs[5], id="", source=Source(path="elsewhere/5.txt")), *Generator(seed=8).documents(8)]
    original = expected["reprints"][0]["original"]
    results = []
    for name in ("current.db", "old.db"):
        with open_kb(tmp_path / name) as kb:
            assert kb.add_batch([replace(doc, id="") for doc in later]) == [True] * 9
            assert forget(kb.conn, original)
            # Stored and decided a second apart, maybe: the times are not what is compared.
            kb.conn.execute("UPDATE documents SET ingested_at = ?", (FIXED_TIME,))
            kb.conn.execute("UPDATE decisions SET decided_at = ?", (FIXED_TIME,))
            results.append(answers(kb.conn))
    assert results[0] == results[1]
    assert any(d["kind"] == "same text from another source" for d in results[1]["decisions"][0])


def test_forget_leaves_no_row_keyed_by_the_document_and_its_rowid_starts_clean(tmp_path):
    docs = list(Generator().documents(30))
    with open_kb(tmp_path / "kb.db") as kb:
        kb.add_batch(docs)
        last, rowid = kb.conn.execute("SELECT id, rowid FROM documents ORDER BY rowid DESC LIMIT 1").fetchone()
        assert rowid == 30 and all(kb.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE doc = ?", (rowid,))
                                   .fetchone()[0] for table in KEYED_BY_ROWID)
        assert forget(kb.conn, last)
        for table in KEYED_BY_ROWID:
            assert kb.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE doc NOT IN "
                                   "(SELECT rowid FROM documents)").fetchone()[0] == 0, table
        # SQLite gives the freed rowid to the next document: it holds that document's rows only.
        story = next(Generator(seed=9).documents(1))
        assert kb.add_batch([story]) == [True]
        assert kb.conn.execute("SELECT id FROM documents WHERE rowid = 30").fetchone()[0] == story.id
        mentioned = {r[0] for r in kb.conn.execute("SELECT name FROM mentions WHERE doc_id = ?", (story.id,))}
        assert mentioned == {e.name for e in story.entities}
        assert [r[0] for r in kb.conn.execute("SELECT doc_id FROM kb_quotes WHERE doc_id IN (?, ?)",
                                              (story.id, last))] == [story.id]


def test_rebuild_recomputes_the_rowid_keyed_tables_as_they_were(tmp_path):
    from newsgraph.kb.index import rebuild

    with open_kb(tmp_path / "kb.db") as kb:
        kb.add_batch(list(Generator().documents(120)))
        before = answers(kb.conn)
        kb.conn.execute("BEGIN IMMEDIATE")
        assert rebuild(kb.conn) == 120
        kb.conn.execute("COMMIT")
        after = answers(kb.conn)
    assert len(before["reprints"]) == 3 and before["profiles"]
    # Decisions are logged again (new times) and band rows all merged; the rest is as ingesting gave it.
    for result in (before, after):
        tables = result["old tables"]
        tables["decisions"] = [row[:4] for row in tables["decisions"]]
        tables["bands"] = sorted(tables.pop("lsh_doc_bands") + tables.pop("lsh_recent_bands"))
    assert after == before
