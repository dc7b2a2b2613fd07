"""Migration 11: `documents` declares its rowid as an INTEGER PRIMARY KEY (`doc`).

The full-text index, the band tables and the per-document tables name a document
by its rowid. Before migration 11 nothing in a row held that number: a `.dump`
loaded into a new file numbered the documents again from 1 (and SQLite documents
that VACUUM may do the same), which silently filed every derived row under another
document. These tests upgrade schema-10 files, then delete early documents and
VACUUM or dump and reload them, and check that every query answers as before.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

import newsgraph.kb.sqlite as kb_sqlite
from conftest import build_old_schema
from newsgraph.kb import open_kb, queries
from newsgraph.kb.bench import Generator
from newsgraph.kb.index import forget
from newsgraph.kb.migrations import SQLITE_MIGRATIONS
from newsgraph.kb.sqlite import SqliteKB
from test_migration_rowid_keys import answers

VIEWS = {"doc_sources", "mentions", "incident_reports", "report_actors", "relations", "kb_quotes",
         "kb_claims"}
LATEST = SQLITE_MIGRATIONS[-1][0]  # 11 or later
BODY = "Flood water closed the old market and the main bridge to the capital for three days"


def _load_at_schema(monkeypatch, path, version: int, docs) -> None:
    """A knowledge base built by the current code with migrations 1..``version`` only."""
    with _open_at(monkeypatch, path, version) as kb:
        assert kb.schema_version() == version
        for start in range(0, len(docs), 60):
            kb.add_batch(docs[start:start + 60])


@contextmanager
def _open_at(monkeypatch, path, version: int) -> Iterator[SqliteKB]:
    """Open a knowledge base without applying the migrations after ``version``."""
    with monkeypatch.context() as patch:
        patch.setattr(kb_sqlite, "SQLITE_MIGRATIONS", SQLITE_MIGRATIONS[:version])
        with open_kb(path) as kb:
            yield kb


def _forget_first(monkeypatch, path, version: int, count: int) -> list[str]:
    """Forget the ``count`` documents stored first (the lowest rowids); returns their ids."""
    with _open_at(monkeypatch, path, version) as kb:
        first = [r[0] for r in kb.conn.execute("SELECT id FROM documents ORDER BY rowid LIMIT ?", (count,))]
        for doc_id in first:
            assert forget(kb.conn, doc_id)
    return first


def _numbers(conn: sqlite3.Connection) -> dict[int, str]:
    return {rowid: doc_id for rowid, doc_id in conn.execute("SELECT rowid, id FROM documents")}


def _misfiled(conn: sqlite3.Connection) -> list[str]:
    """Documents whose mentions, read through the `mentions` view, are not their own record's entities."""
    wrong = []
    for doc_id, record in conn.execute("SELECT id, record FROM documents ORDER BY rowid").fetchall():
        own = sorted((e["id"], e["name"]) for e in json.loads(record)["entities"])
        filed = sorted(tuple(r) for r in conn.execute(
            "SELECT local_id, name FROM mentions WHERE doc_id = ?", (doc_id,)))
        if filed != own:
            wrong.append(doc_id)
    return wrong


def _checks(conn: sqlite3.Connection) -> None:
    assert [tuple(r) for r in conn.execute("PRAGMA integrity_check")] == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in ("documents_fts", "quotes_fts"):
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")


def _dump_into(source, target) -> None:
    """`sqlite3 SOURCE .dump | sqlite3 TARGET`: how a knowledge base is often copied or repaired."""
    tool = shutil.which("sqlite3")
    if tool is None:
        pytest.skip("the sqlite3 command-line shell is not installed")
    dump = subprocess.run([tool, str(source), ".dump"], capture_output=True, text=True, check=True).stdout
    subprocess.run([tool, str(target)], input=dump, capture_output=True, text=True, check=True)


def _schema(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    return {name: (kind, sql) for kind, name, sql in conn.execute(
        "SELECT type, name, sql FROM sqlite_master "
        "WHERE name NOT LIKE 'sqlite_%' AND name != 'schema_migrations'")}


def test_a_schema_10_file_gets_the_declared_key_with_every_rowid_and_row_kept(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    build_old_schema(conn, 10)
    # Rowids with gaps (documents forgotten before): they must be kept, not renumbered 1, 2, 3.
    conn.executemany("INSERT INTO documents (rowid, id, format, title, published_basis, body, record) "
                     "VALUES (?, ?, 'text', ?, 'none', ?, '{}')",
                     [(2, "a", "Rain", "Rain in the hills."), (5, "b", "Market", BODY),
                      (9, "c", "Market again", BODY + ", officials said.")])
    conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')")
    conn.execute("INSERT INTO doc_mentions VALUES (5, 'e0', 'E1', 'Ali Noor', 'PERSON', '[]', '[]')")
    conn.execute("INSERT INTO doc_mentions VALUES (9, 'e0', 'E1', 'Ali Noor', 'PERSON', '[]', '[]')")
    conn.execute("INSERT INTO reprints VALUES ('b', 'c', 0.95, 'full')")
    # An analyst's own view, index and trigger on the table: they come through the rebuild too.
    conn.execute("CREATE VIEW my_titles AS SELECT id, title FROM documents")
    conn.execute("CREATE INDEX my_uri ON documents (uri)")
    conn.execute("CREATE TRIGGER my_retitled AFTER UPDATE OF title ON documents BEGIN "
                 "INSERT INTO decisions (doc_id, kind, detail) VALUES (new.id, 'retitled', new.title); END")
    conn.commit()
    conn.close()

    with open_kb(path) as kb:
        assert kb.schema_version() == LATEST
        columns = kb.conn.execute("PRAGMA table_info(documents)").fetchall()
        assert tuple(columns[0])[1:] == ("doc", "INTEGER", 0, None, 1)  # name, type, notnull, default, pk
        assert [tuple(r) for r in kb.conn.execute("SELECT doc, rowid, id FROM documents ORDER BY doc")] == [
            (2, 2, "a"), (5, 5, "b"), (9, 9, "c")]
        # Dropping the old table with foreign keys on would have cascaded to this row.
        assert [tuple(r) for r in kb.conn.execute("SELECT original, copy FROM reprints")] == [("b", "c")]
        assert [tuple(r) for r in kb.conn.execute("SELECT doc_id, name FROM mentions ORDER BY doc_id")] == [
            ("b", "Ali Noor"), ("c", "Ali Noor")]
        assert [hit["id"] for hit in queries.search(kb.conn, "rain")] == ["a"]
        views = {r[0] for r in kb.conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
        assert views == VIEWS | {"my_titles"}
        assert kb.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # back on after the migration
        _checks(kb.conn)
        upgraded = _schema(kb.conn)
        mine = {name: upgraded.pop(name)[0] for name in list(upgraded) if name.startswith("my_")}
        assert mine == {"my_titles": "view", "my_uri": "index", "my_retitled": "trigger"}
        plan = kb.conn.execute("EXPLAIN QUERY PLAN SELECT id FROM documents WHERE uri = 'x'").fetchone()
        assert plan[3] == "SEARCH documents USING INDEX my_uri (uri=?)"
        kb.conn.execute("UPDATE documents SET title = 'Storm' WHERE id = 'a'")
        assert queries.decisions(kb.conn, "a") == [{"document": "a", "kind": "retitled", "detail": "Storm"}]
        assert [tuple(r) for r in kb.conn.execute("SELECT * FROM my_titles ORDER BY id")] == [
            ("a", "Storm"), ("b", "Market"), ("c", "Market again")]
        # Foreign keys still reach the rebuilt table, and the full-text trigger still fires.
        kb.conn.execute("DELETE FROM documents WHERE id = 'b'")
        assert kb.conn.execute("SELECT COUNT(*) FROM reprints").fetchone()[0] == 0
        assert [hit["id"] for hit in queries.search(kb.conn, "market")] == ["c"]
        _checks(kb.conn)
    with open_kb(tmp_path / "new.db") as kb:  # a new knowledge base has exactly the same schema
        assert _schema(kb.conn) == upgraded
        assert "doc INTEGER PRIMARY KEY" in upgraded["documents"][1]


def test_an_upgraded_knowledge_base_answers_alike_after_deletes_and_vacuum(tmp_path, monkeypatch):
    path = tmp_path / "kb.db"
    _load_at_schema(monkeypatch, path, 10, list(Generator().documents(120)))
    with _open_at(monkeypatch, path, 10) as kb:
        at_10, numbers = answers(kb.conn), _numbers(kb.conn)
    with open_kb(path) as kb:
        assert kb.schema_version() == LATEST
        assert _numbers(kb.conn) == numbers and answers(kb.conn) == at_10
        _checks(kb.conn)

    gone = _forget_first(monkeypatch, path, 11, 5)
    with open_kb(path) as kb:
        kept = _numbers(kb.conn)
        assert min(kept) == 6 and not set(gone) & set(kept.values())
        before = answers(kb.conn)
        assert len(before["reprints"]) == 3 and before["incidents"][0] and before["search"][0]
        assert _misfiled(kb.conn) == []
        kb.conn.execute("VACUUM")
        assert _numbers(kb.conn) == kept
        assert answers(kb.conn) == before
        _checks(kb.conn)


def test_a_dump_reloaded_into_a_new_file_misfiles_rows_at_schema_10_and_none_once_upgraded(
        tmp_path, monkeypatch):
    docs = list(Generator().documents(40))
    results = {}
    for version in (10, 11):
        path, copy = tmp_path / f"kb{version}.db", tmp_path / f"copy{version}.db"
        _load_at_schema(monkeypatch, path, version, docs)
        _forget_first(monkeypatch, path, version, 3)
        # Both files read at the version they were built with (opening one must not upgrade it).
        with _open_at(monkeypatch, path, version) as kb:
            before, order = answers(kb.conn), [r[0] for r in kb.conn.execute(
                "SELECT id FROM documents ORDER BY rowid")]
            assert _misfiled(kb.conn) == []
        _dump_into(path, copy)
        with _open_at(monkeypatch, copy, version) as kb:
            unnamed = [doc_id for doc_id in order if not kb.conn.execute(
                "SELECT 1 FROM mentions WHERE doc_id = ?", (doc_id,)).fetchone()]
            results[version] = (before, answers(kb.conn), _misfiled(kb.conn), unnamed, order,
                                min(_numbers(kb.conn)))
    before, after, misfiled, unnamed, order, first_number = results[10]
    # The dump numbered the 37 remaining documents 1..37: the first three took the numbers of the
    # forgotten ones and show no mentions at all; every other one shows another document's.
    assert first_number == 1 and len(order) == 37
    assert unnamed == order[:3] and misfiled == order
    assert after != before and after["search"] != before["search"]
    before, after, misfiled, unnamed, order, first_number = results[11]
    assert first_number == 4 and misfiled == [] and unnamed == []
    assert after == before


def test_old_broken_rows_do_not_stop_the_upgrade_and_new_ones_roll_it_back(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)  # foreign keys off, as an old tool or a crash might have left it
    build_old_schema(conn, 10)
    conn.executemany("INSERT INTO documents (id, format, published_basis, body, record) "
                     "VALUES (?, 'text', 'none', ?, '{}')", [("a", "Rain."), ("b", BODY)])
    conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')")
    conn.execute("INSERT INTO reprints VALUES ('a', 'gone', 0.5, 'partial')")  # names no document
    conn.execute("INSERT INTO reprints VALUES ('a', 'b', 0.9, 'full')")
    conn.commit()
    conn.close()
    with open_kb(path) as kb:
        assert kb.schema_version() == LATEST  # the violation was there before: reported, not a blocker
        assert [tuple(r)[0] for r in kb.conn.execute("PRAGMA foreign_key_check")] == ["reprints"]
        # A later rebuild that itself breaks a reference is refused and leaves everything as it was.
        broken = (LATEST + 1, "drop a referenced row", "DELETE FROM documents WHERE id = 'b';")
        monkeypatch.setattr(kb_sqlite, "SQLITE_MIGRATIONS", [*SQLITE_MIGRATIONS, broken])
        monkeypatch.setattr(kb_sqlite, "WITHOUT_FOREIGN_KEYS", frozenset({11, LATEST + 1}))
        with pytest.raises(sqlite3.IntegrityError, match=f"migration {LATEST + 1} would leave 1 rows"):
            kb.migrate()
        assert kb.schema_version() == LATEST
        assert [r[0] for r in kb.conn.execute("SELECT id FROM documents ORDER BY doc")] == ["a", "b"]
        assert kb.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
