"""The SQLite knowledge base: migrations, WAL, one transaction per batch, FTS5 search."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from newsgraph.kb.migrations import SQLITE_MIGRATIONS
from newsgraph.kb.migrations.rebuild import replace_table
from newsgraph.kb.records import record_json
from newsgraph.record import Document

CACHE_KIB = 65536
WAL_CHECKPOINT_PAGES = 10000
STATEMENT_CACHE = 512  # distinct SQL texts kept prepared per connection


def _recompute_band_keys(conn: sqlite3.Connection) -> None:
    from newsgraph.kb.reprints import recompute_band_keys

    recompute_band_keys(conn)


def _swap_in_keyed_documents(conn: sqlite3.Connection) -> None:
    replace_table(conn, "documents", "documents_keyed")


# Steps of a migration that SQL cannot express, run after its statements in its transaction.
MIGRATION_STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {
    9: _recompute_band_keys, 11: _swap_in_keyed_documents}
# Migrations that rebuild a table other tables refer to by foreign key (11: `documents`). They run
# with foreign keys off, as SQLite's documented table rebuild does: dropping the parent table with
# them on deletes every child row through ON DELETE CASCADE. Before such a migration commits,
# PRAGMA foreign_key_check must report no violation it did not report before.
WITHOUT_FOREIGN_KEYS = frozenset({11})


class SqliteKB:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        # Statements are prepared once and reused from this cache (the per-document inserts,
        # and the IN (...) lookups, whose text varies with the number of keys).
        self.conn = sqlite3.connect(self.path, isolation_level=None, cached_statements=STATEMENT_CACHE)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        # Under WAL, NORMAL skips the fsync at each commit (the WAL is synced at checkpoints):
        # a crash of the application loses nothing committed and never corrupts the file; a
        # power cut may lose the last batches, which `newsgraph ingest` stores again (it is
        # idempotent). FULL cost one disk flush per batch.
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA busy_timeout=10000")
        # The derived tables' indexes are written at random keys; a 64 MiB page cache keeps
        # their hot pages in memory (a fixed bound, whatever the size of the corpus).
        self.conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        # A checkpoint copies the WAL's pages into the database file. Every 1,000 pages (the
        # default) meant one per batch, rewriting the same hot index pages batch after batch;
        # every 10,000 (a WAL of up to about 40 MiB on disk) writes each of them once per ten
        # batches. Readers are unaffected, and memory does not grow (the WAL is a file).
        self.conn.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
        try:
            self.migrate()
        except BaseException:  # a migration refused (rolled back): no connection left open behind it
            self.conn.close()
            raise

    # -- schema -----------------------------------------------------------------------------
    def migrate(self) -> list[int]:
        """Apply the migrations this database lacks; returns their versions."""
        self.conn.execute("""CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY, name TEXT NOT NULL,
            applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))""")
        done = {row[0] for row in self.conn.execute("SELECT version FROM schema_migrations")}
        applied = []
        for version, name, sql in SQLITE_MIGRATIONS:
            if version in done:
                continue
            rebuild = version in WITHOUT_FOREIGN_KEYS
            if rebuild:  # a no-op inside a transaction: set before it begins
                self.conn.execute("PRAGMA foreign_keys=OFF")
            try:
                if self._apply(version, name, sql, rebuild):
                    applied.append(version)
            finally:
                if rebuild:
                    self.conn.execute("PRAGMA foreign_keys=ON")
        return applied

    def _apply(self, version: int, name: str, sql: str, check_keys: bool) -> bool:
        """Run one migration in its own transaction, recorded in ``schema_migrations``; False when
        another connection (a second `newsgraph` command opening the same old file) applied it
        after ``migrate`` read the list, which the write lock taken here makes certain to see."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            if self.conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)).fetchone():
                self.conn.execute("ROLLBACK")
                return False
            before = _key_violations(self.conn) if check_keys else set()
            for statement in _statements(sql):
                self.conn.execute(statement)
            if version in MIGRATION_STEPS:
                MIGRATION_STEPS[version](self.conn)
            if check_keys:
                new = _key_violations(self.conn) - before
                if new:
                    raise sqlite3.IntegrityError(
                        f"migration {version} would leave {len(new)} rows with a broken foreign key, "
                        f"the first in {min(new, key=repr)[0]}; nothing was changed")
            self.conn.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", (version, name))
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return True

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return row[0] or 0

    # -- writing ----------------------------------------------------------------------------
    def add_batch(self, documents: Iterable[Document]) -> list[bool]:
        """Store a batch in one transaction; per document, True if new, False if already present."""
        from newsgraph.kb.index import index_document, index_new_text, prepare_id, text_marks
        from newsgraph.kb.reprints import merge_bands

        results = []
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            marks = text_marks(self.conn)
            for doc in documents:
                cursor = self._insert(doc)
                # Its id was taken (looked up only then): the same page again stays a no-op, a
                # different text or another source's copy gets an id of its own.
                if cursor.rowcount == 0:
                    taken = doc.id
                    prepare_id(self.conn, doc)
                    if doc.id != taken:
                        cursor = self._insert(doc)
                results.append(cursor.rowcount == 1)
                if cursor.rowcount == 1:  # cross-document tables, in the same transaction
                    index_document(self.conn, doc, cursor.lastrowid)
            index_new_text(self.conn, marks)  # the batch's text, searchable once committed
            merge_bands(self.conn, marks[0] + 1, text_marks(self.conn)[0])
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return results

    def _insert(self, doc: Document) -> sqlite3.Cursor:
        return self.conn.execute(
            """INSERT OR IGNORE INTO documents (id, uri, path, format, title, published,
               published_basis, language, site_name, body, record)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (doc.id, doc.source.uri, doc.source.path, doc.source.format, doc.title,
             doc.published, doc.published_basis, doc.language, doc.site_name, doc.body,
             record_json(doc)))

    # -- reading ----------------------------------------------------------------------------
    def count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def get(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT record FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return Document.from_dict(json.loads(row[0])) if row else None

    def documents(self) -> Iterable[Document]:
        for row in self.conn.execute("SELECT record FROM documents ORDER BY published, id"):
            yield Document.from_dict(json.loads(row[0]))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SqliteKB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _key_violations(conn: sqlite3.Connection) -> set[tuple]:
    """Rows whose foreign key names no parent row: (table, rowid, parent, constraint number)."""
    return {tuple(row) for row in conn.execute("PRAGMA foreign_key_check")}


_TERM = re.compile(r'"[^"]+"|[\w\'’-]+', re.UNICODE)


def fts_query(query: str) -> str:
    """A user's words as an FTS5 query: every word must occur; "quoted phrases" stay phrases.

    User input never reaches FTS5 syntax directly, so stray quotes, colons or
    operators cannot raise a syntax error.
    """
    terms = []
    for term in _TERM.findall(query):
        words = term.strip('"').replace('"', " ").split()
        if words:
            terms.append('"' + " ".join(words) + '"')
    return " AND ".join(terms)


def _statements(sql: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    statements, current = [], []
    for line in sql.strip().splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        if joined.endswith(";") and (not joined.upper().startswith("CREATE TRIGGER")
                                     or joined.upper().endswith("END;")):
            statements.append(joined)
            current = []
    if "\n".join(current).strip():
        statements.append("\n".join(current).strip())
    return statements
