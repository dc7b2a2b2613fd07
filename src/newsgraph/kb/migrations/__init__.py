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

# Cross-document resolution (issue 6): everything below is derived from the stored
# records and can be rebuilt from them (`newsgraph.kb.index.rebuild`).
SQLITE_MIGRATIONS.append((2, "cross-document entities, reprints, incidents, quotes and claims", """
    CREATE TABLE doc_sources (
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        origin TEXT NOT NULL,
        uri TEXT,
        published TEXT,
        site_name TEXT,
        PRIMARY KEY (doc_id, origin)
    );
    CREATE INDEX doc_sources_origin ON doc_sources (origin);
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        doc_id TEXT,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL,
        decided_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX decisions_doc ON decisions (doc_id);
    CREATE TABLE kb_entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL
    );
    CREATE TABLE entity_keys (
        key TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        strong INTEGER NOT NULL,
        PRIMARY KEY (key, entity_id)
    ) WITHOUT ROWID;
    CREATE INDEX entity_keys_entity ON entity_keys (entity_id);
    CREATE TABLE mentions (
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        forms TEXT NOT NULL,
        spans TEXT NOT NULL,
        PRIMARY KEY (doc_id, local_id)
    );
    CREATE INDEX mentions_entity ON mentions (entity_id);
    CREATE TABLE lsh_bands (
        key INTEGER NOT NULL,
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        PRIMARY KEY (key, doc_id)
    ) WITHOUT ROWID;
    CREATE INDEX lsh_bands_doc ON lsh_bands (doc_id);
    CREATE TABLE reprints (
        original TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        copy TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        coverage REAL NOT NULL,
        kind TEXT NOT NULL,
        PRIMARY KEY (original, copy)
    );
    CREATE INDEX reprints_copy ON reprints (copy);
    CREATE TABLE kb_incidents (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        date TEXT,
        place TEXT,
        country TEXT,
        lat REAL,
        lon REAL
    );
    CREATE INDEX kb_incidents_date ON kb_incidents (date);
    CREATE TABLE incident_reports (
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        incident_id TEXT NOT NULL,
        type TEXT NOT NULL,
        date TEXT,
        place TEXT,
        country TEXT,
        published TEXT,
        killed INTEGER,
        injured INTEGER,
        independent INTEGER NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (doc_id, local_id)
    );
    CREATE INDEX incident_reports_incident ON incident_reports (incident_id);
    CREATE TABLE kb_quotes (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        speaker TEXT,
        entity_id TEXT
    );
    CREATE INDEX kb_quotes_doc ON kb_quotes (doc_id);
    CREATE INDEX kb_quotes_entity ON kb_quotes (entity_id);
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, speaker, content='kb_quotes', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER kb_quotes_fts_insert AFTER INSERT ON kb_quotes BEGIN
        INSERT INTO quotes_fts (rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
    END;
    CREATE TRIGGER kb_quotes_fts_delete AFTER DELETE ON kb_quotes BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker)
        VALUES ('delete', old.id, old.text, old.speaker);
    END;
    CREATE TABLE kb_claims (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        low REAL,
        high REAL,
        qualifier TEXT,
        unit TEXT,
        claimant_text TEXT,
        entity_id TEXT,
        sentence TEXT NOT NULL,
        published TEXT
    );
    CREATE INDEX kb_claims_doc ON kb_claims (doc_id);
    CREATE INDEX kb_claims_entity ON kb_claims (entity_id);
    CREATE INDEX kb_claims_unit ON kb_claims (unit);
"""))

SQLITE_MIGRATIONS.append((3, "typed relations between entities, outlets and incidents", """
    CREATE TABLE relations (
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        relation TEXT NOT NULL,
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        PRIMARY KEY (source, target, relation, doc_id)
    ) WITHOUT ROWID;
    CREATE INDEX relations_target ON relations (target);
    CREATE INDEX relations_doc ON relations (doc_id);
"""))

# Band rows are looked up by key only (a forget rebuilds the derived tables whole), and a
# second index on them doubled the cost of loading.
SQLITE_MIGRATIONS.append((4, "drop the per-document index of LSH bands", """
    DROP INDEX IF EXISTS lsh_bands_doc;
"""))

# Band rows name their document by its integer rowid instead of its 32-character id: the
# table is written at random keys on every load, and rows four times smaller keep far more
# of it in the page cache at 100,000 documents. Rowids of `documents` are already what the
# full-text index relies on (migration 11 declares them, so no copy renumbers them). Rows
# are deleted by key when a document is forgotten (its bands are recomputed from its body).
SQLITE_MIGRATIONS.append((5, "LSH bands keyed by document rowid", """
    CREATE TABLE lsh_doc_bands (
        key INTEGER NOT NULL,
        doc INTEGER NOT NULL,
        PRIMARY KEY (key, doc)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO lsh_doc_bands (key, doc)
        SELECT b.key, d.rowid FROM lsh_bands b JOIN documents d ON d.id = b.doc_id;
    DROP TABLE lsh_bands;
"""))

# Which actors each dated report names, indexed by actor then date: an incident's candidate
# reports are read as a range of (actor, day) keys, a cost that does not grow with how many
# stories a well-known actor appears in (joining all of an actor's mentions to the reports
# cost 0.1 ms per report at 5,000 documents and 0.5 ms at 20,000).
SQLITE_MIGRATIONS.append((6, "actors of dated incident reports", """
    CREATE TABLE report_actors (
        entity_id TEXT NOT NULL,
        date TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        PRIMARY KEY (entity_id, date, doc_id)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO report_actors (entity_id, date, doc_id)
        SELECT m.entity_id, r.date, r.doc_id FROM incident_reports r JOIN mentions m ON m.doc_id = r.doc_id
        WHERE r.date IS NOT NULL AND m.type IN ('PERSON', 'ORG', 'NORP');
"""))

# Full-text rows are written once per batch (`newsgraph.kb.index.index_new_text`), not by a
# trigger per row: FTS5 flushes its pending terms at every statement's savepoint, so a
# trigger cost 0.25 ms per document against 0.05 ms for one INSERT ... SELECT per batch.
# The delete triggers stay (a forget removes a few rows).
SQLITE_MIGRATIONS.append((7, "full-text rows written per batch", """
    DROP TRIGGER IF EXISTS documents_fts_insert;
    DROP TRIGGER IF EXISTS kb_quotes_fts_insert;
"""))

# New band rows go to a small table first and are merged into `lsh_doc_bands` in key order
# every few thousand documents (`newsgraph.kb.reprints.merge_bands`). Written at random keys,
# the big table had most of its pages dirtied by every batch once it outgrew the page cache
# (36 rows a document, 18,000 a batch of 500, against 8,600 leaf pages at 60,000 documents),
# and each commit wrote them all to the WAL again; a merge writes each page once. Lookups
# read both tables.
SQLITE_MIGRATIONS.append((8, "recent LSH band rows kept apart until merged", """
    CREATE TABLE lsh_recent_bands (
        key INTEGER NOT NULL,
        doc INTEGER NOT NULL,
        PRIMARY KEY (key, doc)
    ) WITHOUT ROWID;
"""))

# Band keys are now made from 32-bit CRC-based shingle hashes instead of SHA-1 ones (a quarter
# of the time spent storing a document went to SHA-1): keys stored before match nothing new.
# The rows are dropped here and every document's keys computed again from its stored body in
# the same transaction (`newsgraph.kb.sqlite.MIGRATION_STEPS`), so old and new documents stay
# comparable.
SQLITE_MIGRATIONS.append((9, "LSH band keys recomputed with the CRC-32 shingle hashing", """
    DELETE FROM lsh_doc_bands;
    DELETE FROM lsh_recent_bands;
"""))

# The per-document tables name their document by its integer rowid (`doc`) instead of its
# 32-character text id, under new names; the old names stay as read-only views (a join on the
# rowid) with the old columns, for the exports, the web API and any reader's own SQL.
# Keyed by a random text id, every document inserted its rows at random places of a dozen
# b-trees (the tables' keys and their `doc_id` indexes), and at 100,000 documents each batch
# dirtied pages all over them, written again at every commit; keyed by a rowid that only
# grows, those rows are appended to the last pages instead. The integer columns carry no
# foreign key (a rowid is no declared key): a forget deletes a document's rows itself, as it
# already did for its bands, and inserts no longer look the parent document up. Rowids of
# `doc_incident_reports`, `doc_quotes` and `doc_claims` are kept (quote ids are what the
# full-text index relies on; report order is storage order). The claims' unit index, which
# no query used (a unit is matched with LIKE), and the sources' origin index are not rebuilt.
SQLITE_MIGRATIONS.append((10, "per-document rows keyed by document rowid", """
    CREATE TABLE doc_origins (
        doc INTEGER NOT NULL,
        origin TEXT NOT NULL,
        uri TEXT,
        published TEXT,
        site_name TEXT,
        PRIMARY KEY (doc, origin)
    ) WITHOUT ROWID;
    INSERT INTO doc_origins (doc, origin, uri, published, site_name)
        SELECT d.rowid, s.origin, s.uri, s.published, s.site_name
        FROM doc_sources s JOIN documents d ON d.id = s.doc_id;
    DROP TABLE doc_sources;
    CREATE VIEW doc_sources AS
        SELECT d.id AS doc_id, s.origin, s.uri, s.published, s.site_name
        FROM doc_origins s JOIN documents d ON d.rowid = s.doc;
    CREATE TABLE doc_mentions (
        doc INTEGER NOT NULL,
        local_id TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        forms TEXT NOT NULL,
        spans TEXT NOT NULL,
        PRIMARY KEY (doc, local_id)
    ) WITHOUT ROWID;
    INSERT INTO doc_mentions (doc, local_id, entity_id, name, type, forms, spans)
        SELECT d.rowid, m.local_id, m.entity_id, m.name, m.type, m.forms, m.spans
        FROM mentions m JOIN documents d ON d.id = m.doc_id;
    DROP TABLE mentions;
    CREATE INDEX doc_mentions_entity ON doc_mentions (entity_id);
    CREATE VIEW mentions AS
        SELECT d.id AS doc_id, m.local_id, m.entity_id, m.name, m.type, m.forms, m.spans
        FROM doc_mentions m JOIN documents d ON d.rowid = m.doc;
    CREATE TABLE doc_incident_reports (
        doc INTEGER NOT NULL,
        local_id TEXT NOT NULL,
        incident_id TEXT NOT NULL,
        type TEXT NOT NULL,
        date TEXT,
        place TEXT,
        country TEXT,
        published TEXT,
        killed INTEGER,
        injured INTEGER,
        independent INTEGER NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (doc, local_id)
    );
    INSERT INTO doc_incident_reports (rowid, doc, local_id, incident_id, type, date, place, country,
                                      published, killed, injured, independent, record)
        SELECT r.rowid, d.rowid, r.local_id, r.incident_id, r.type, r.date, r.place, r.country,
               r.published, r.killed, r.injured, r.independent, r.record
        FROM incident_reports r JOIN documents d ON d.id = r.doc_id;
    DROP TABLE incident_reports;
    CREATE INDEX doc_incident_reports_incident ON doc_incident_reports (incident_id);
    CREATE VIEW incident_reports AS
        SELECT d.id AS doc_id, r.local_id, r.incident_id, r.type, r.date, r.place, r.country,
               r.published, r.killed, r.injured, r.independent, r.record
        FROM doc_incident_reports r JOIN documents d ON d.rowid = r.doc;
    CREATE TABLE doc_report_actors (
        entity_id TEXT NOT NULL,
        date TEXT NOT NULL,
        doc INTEGER NOT NULL,
        PRIMARY KEY (entity_id, date, doc)
    ) WITHOUT ROWID;
    INSERT INTO doc_report_actors (entity_id, date, doc)
        SELECT a.entity_id, a.date, d.rowid FROM report_actors a JOIN documents d ON d.id = a.doc_id;
    DROP TABLE report_actors;
    CREATE VIEW report_actors AS
        SELECT a.entity_id, a.date, d.id AS doc_id
        FROM doc_report_actors a JOIN documents d ON d.rowid = a.doc;
    CREATE TABLE doc_relations (
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        relation TEXT NOT NULL,
        doc INTEGER NOT NULL,
        PRIMARY KEY (source, target, relation, doc)
    ) WITHOUT ROWID;
    INSERT INTO doc_relations (source, target, relation, doc)
        SELECT r.source, r.target, r.relation, d.rowid FROM relations r JOIN documents d ON d.id = r.doc_id;
    DROP TABLE relations;
    CREATE INDEX doc_relations_target ON doc_relations (target);
    CREATE INDEX doc_relations_doc ON doc_relations (doc);
    CREATE VIEW relations AS
        SELECT r.source, r.target, r.relation, d.id AS doc_id
        FROM doc_relations r JOIN documents d ON d.rowid = r.doc;
    CREATE TABLE doc_quotes (
        id INTEGER PRIMARY KEY,
        doc INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        speaker TEXT,
        entity_id TEXT
    );
    INSERT INTO doc_quotes (id, doc, text, kind, speaker, entity_id)
        SELECT q.id, d.rowid, q.text, q.kind, q.speaker, q.entity_id
        FROM kb_quotes q JOIN documents d ON d.id = q.doc_id;
    DROP TABLE quotes_fts;
    DROP TABLE kb_quotes;
    CREATE INDEX doc_quotes_doc ON doc_quotes (doc);
    CREATE INDEX doc_quotes_entity ON doc_quotes (entity_id);
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, speaker, content='doc_quotes', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
    CREATE TRIGGER doc_quotes_fts_delete AFTER DELETE ON doc_quotes BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker)
        VALUES ('delete', old.id, old.text, old.speaker);
    END;
    CREATE VIEW kb_quotes AS
        SELECT q.id, d.id AS doc_id, q.text, q.kind, q.speaker, q.entity_id
        FROM doc_quotes q JOIN documents d ON d.rowid = q.doc;
    CREATE TABLE doc_claims (
        id INTEGER PRIMARY KEY,
        doc INTEGER NOT NULL,
        text TEXT NOT NULL,
        low REAL,
        high REAL,
        qualifier TEXT,
        unit TEXT,
        claimant_text TEXT,
        entity_id TEXT,
        sentence TEXT NOT NULL,
        published TEXT
    );
    INSERT INTO doc_claims (id, doc, text, low, high, qualifier, unit, claimant_text, entity_id,
                            sentence, published)
        SELECT c.id, d.rowid, c.text, c.low, c.high, c.qualifier, c.unit, c.claimant_text, c.entity_id,
               c.sentence, c.published
        FROM kb_claims c JOIN documents d ON d.id = c.doc_id;
    DROP TABLE kb_claims;
    CREATE INDEX doc_claims_doc ON doc_claims (doc);
    CREATE INDEX doc_claims_entity ON doc_claims (entity_id);
    CREATE VIEW kb_claims AS
        SELECT c.id, d.id AS doc_id, c.text, c.low, c.high, c.qualifier, c.unit, c.claimant_text,
               c.entity_id, c.sentence, c.published
        FROM doc_claims c JOIN documents d ON d.rowid = c.doc;
"""))

# `documents` gets a declared INTEGER PRIMARY KEY (`doc`) holding the rowid each row already had.
# The full-text index, the band tables and (since migration 10) the per-document tables name a
# document by its rowid, and SQLite only guarantees the rowids of a table that declares one: its
# documentation warns that VACUUM may renumber the others (3.40 happens to keep them while the
# table has an index), and a `.dump` loaded into a new file numbers the rows again from 1, after
# which every derived row points at another document. Declared, the value is part of the row, and
# VACUUM, `.dump` and any copy carry it.
# The new table is filled here with every row under its rowid; `newsgraph.kb.sqlite.MIGRATION_STEPS`
# then puts it in the old one's place (`newsgraph.kb.migrations.rebuild.replace_table`: the old
# table dropped, the new one renamed, its index and full-text trigger created again from their
# SQL; the views of migration 10 read the new table by name, the same values through `rowid`).
# `reprints` refers to `documents (id)` by foreign key, and dropping the parent with foreign keys
# on would cascade-delete every reprint: this migration runs with them off and is checked with
# PRAGMA foreign_key_check before it commits (`newsgraph.kb.sqlite.WITHOUT_FOREIGN_KEYS`). The
# full-text index keeps its rows (same rowids). `id` stays UNIQUE and, as before (SQLite lets a
# text PRIMARY KEY hold NULL), takes whatever an older file holds, so that no row can stop the
# upgrade. New knowledge bases pass through here too and get the same table.
SQLITE_MIGRATIONS.append((11, "documents keyed by a declared integer primary key", """
    CREATE TABLE documents_keyed (
        doc INTEGER PRIMARY KEY,
        id TEXT UNIQUE,
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
    INSERT INTO documents_keyed (doc, id, uri, path, format, title, published, published_basis,
                                 language, site_name, body, record, ingested_at)
        SELECT rowid, id, uri, path, format, title, published, published_basis,
               language, site_name, body, record, ingested_at
        FROM documents ORDER BY rowid;
"""))
