"""Registered schema migrations, applied in order; each runs once per database.

Every schema change is a new numbered entry here, never an edit of an old one:
an existing knowledge base is brought up to date by applying what it lacks.
"""

from __future__ import annotations

SQLITE_MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "documents and full-text search", """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            uri TEXT,
            path TEXT,
            format TEXT NOT NULL,
            title TEXT,
            published TEXT,
            published_basis TEXT NOT NULL,
            language TEXT,
            site_name TEXT,
            body TEXT NOT NULL,
            record TEXT NOT NULL,
            ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE INDEX documents_published ON documents (published);
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, body, content='documents', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
        END;
        CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts (documents_fts, rowid, title, body)
            VALUES ('delete', old.rowid, old.title, old.body);
        END;
    """),
]
