"""The SQLite knowledge base: migrations, idempotent storage, batches, full-text search."""

from __future__ import annotations

import pytest

from conftest import build_old_schema
from newsgraph.kb import open_kb
from newsgraph.kb.migrations import SQLITE_MIGRATIONS
from newsgraph.kb.queries import search
from newsgraph.kb.sqlite import fts_query
from newsgraph.record import Document


def doc(body: str, title: str, published: str | None = None) -> Document:
    return Document(body=body, title=title, published=published,
                    published_basis="metadata" if published else "none")


def test_migrations_run_once_and_are_recorded(tmp_path):
    path = tmp_path / "kb.db"
    with open_kb(path) as kb:
        assert kb.schema_version() == SQLITE_MIGRATIONS[-1][0]
        assert kb.migrate() == []  # nothing left to apply
    with open_kb(path) as kb:
        rows = kb.conn.execute("SELECT version FROM schema_migrations").fetchall()
        assert [r[0] for r in rows] == [m[0] for m in SQLITE_MIGRATIONS]
        assert kb.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_same_page_twice_is_stored_once(tmp_path):
    with open_kb(tmp_path / "kb.db") as kb:
        first = doc("A bomb exploded in Ankara.", "Blast")
        again = doc("A  bomb exploded\nin Ankara.", "Blast (updated title)")  # same normalised body
        assert kb.add_batch([first]) == [True]
        assert kb.add_batch([again, doc("Floods in Lagos.", "Floods")]) == [False, True]
        assert kb.count() == 2
        assert kb.get(first.id).title == "Blast"


def test_a_failing_batch_leaves_nothing_half_written(tmp_path):
    with open_kb(tmp_path / "kb.db") as kb:
        good = doc("Rain in Lagos.", "Rain")
        bad = doc("Unstorable.", "Bad")
        bad.published = b"\xff"  # a value that cannot be serialised: the batch fails after one insert
        with pytest.raises(TypeError):
            kb.add_batch([good, bad])
        assert kb.count() == 0
        assert kb.add_batch([good]) == [True]


def test_search_ranks_title_hits_and_returns_snippets(tmp_path):
    with open_kb(tmp_path / "kb.db") as kb:
        kb.add_batch([
            doc("Officials said a market was hit. Ankara police closed roads.", "Roads closed", "2016-03-22"),
            doc("The Ankara market bombing killed 12.", "Ankara market bombing", "2016-03-23"),
            doc("Floods in Lagos displaced thousands.", "Lagos floods", "2016-04-01"),
        ])
        hits = search(kb.conn, "ankara market")
        assert [h["title"] for h in hits] == ["Ankara market bombing", "Roads closed"]
        assert hits[0]["published"] == "2016-03-23" and hits[0]["in"] == "document"
        assert "[Ankara]" in hits[0]["snippet"] and "[market]" in hits[0]["snippet"]
        assert search(kb.conn, "lagos")[0]["title"] == "Lagos floods"
        assert [h["title"] for h in search(kb.conn, "market", since="2016-03-23")] == ["Ankara market bombing"]
        assert [h["title"] for h in search(kb.conn, "market", until="2016-03-22")] == ["Roads closed"]
        assert search(kb.conn, "nothing-matches-this") == []


def test_fts_query_never_passes_syntax_through():
    assert fts_query('bomb "car bomb" OR: NEAR(') == '"bomb" AND "car bomb" AND "OR" AND "NEAR"'
    assert fts_query('   "" ') == ""


def test_postgres_url_is_refused_with_a_clear_message(tmp_path):
    with pytest.raises(ValueError, match="SQLite only"):
        open_kb("postgresql://localhost/newsgraph")


def test_a_knowledge_base_at_schema_4_is_brought_up_to_date_with_its_rows(tmp_path):
    import sqlite3

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    build_old_schema(conn, 4)
    body = "Flood water closed the old market and the main bridge to the capital for three days"
    conn.execute("INSERT INTO documents (id, format, published_basis, body, record) "
                 "VALUES ('d1', 'text', 'none', 'x', '{}'), ('d2', 'text', 'none', ?, '{}')", (body,))
    conn.execute("INSERT INTO lsh_bands (key, doc_id) VALUES (42, 'd2')")
    conn.execute("INSERT INTO mentions VALUES ('d2', 'e0', 'E1', 'Ali Noor', 'PERSON', '[]', '[]')")
    conn.execute("INSERT INTO mentions VALUES ('d2', 'e1', 'E2', 'Gaziantep', 'GPE', '[]', '[]')")
    conn.execute("INSERT INTO incident_reports (doc_id, local_id, incident_id, type, date, independent, record) "
                 "VALUES ('d2', 'i0', 'I1', 'bombing', '2016-04-16', 1, '{}')")
    conn.commit()
    conn.close()
    with open_kb(path) as kb:
        assert kb.schema_version() == SQLITE_MIGRATIONS[-1][0]
        # The stale key (made by an older hashing) is replaced by the document's current keys.
        from newsgraph.kb.reprints import band_keys

        assert len(band_keys(body)) == 6
        assert sorted(tuple(r) for r in kb.conn.execute("SELECT key, doc FROM lsh_doc_bands")) == sorted(
            (key, 2) for key in band_keys(body))
        # Only actors (not places) index a dated report.
        assert [tuple(r) for r in kb.conn.execute("SELECT * FROM report_actors")] == [("E1", "2016-04-16", "d2")]
        assert kb.conn.execute("SELECT name FROM sqlite_master WHERE name = 'lsh_bands'").fetchone() is None
