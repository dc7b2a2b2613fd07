"""Indexing stored documents into the cross-document tables, rebuilding them, and forgetting a document.

``index_document`` runs inside ``SqliteKB.add_batch``'s transaction, right after
the document row is written: a batch is stored with its entities, reprints,
incidents, quotes and claims resolved, or not at all. Merges are incremental
(a new document is matched against what is stored); ``forget`` removes a
document and recomputes every merge from the remaining records, so that the
result is what ingesting those records alone would give.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date

from newsgraph.kb.entities import EntityResolver
from newsgraph.kb.incidents import IncidentResolver
from newsgraph.kb.network import index_relations
from newsgraph.kb.reprints import (
    FULL_COPY,
    MIN_CONTAINMENT,
    Candidate,
    containment,
    direction,
    index_and_find,
)
from newsgraph.record import Document, body_id

# Decisions taken before a record is stored (about its id); a rebuild keeps them.
STORAGE_DECISIONS = ("id collision", "same text from another source")
DERIVED_TABLES = ("relations", "kb_claims", "kb_quotes", "incident_reports", "kb_incidents", "reprints",
                  "lsh_bands", "mentions", "entity_keys", "kb_entities", "doc_sources")


def origin_of(doc: Document) -> str:
    return doc.source.uri or doc.source.path or ""


def _suffix(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def decide(conn: sqlite3.Connection, doc_id: str | None, kind: str, detail: str) -> None:
    conn.execute("INSERT INTO decisions (doc_id, kind, detail) VALUES (?, ?, ?)", (doc_id, kind, detail))


def prepare_id(conn: sqlite3.Connection, doc: Document) -> None:
    """Give ``doc`` an id of its own when its id is taken by a different text or another source's copy.

    The same page again (same text, same or unknown source) keeps its id, so that
    storing it is a no-op; everything else is stored, never silently dropped.
    """
    row = conn.execute("SELECT body, uri, path FROM documents WHERE id = ?", (doc.id,)).fetchone()
    if row is None:
        return
    origin = origin_of(doc)
    if body_id(row[0]) == body_id(doc.body):
        known = {row[1] or row[2] or ""} | {r[0] for r in conn.execute(
            "SELECT origin FROM doc_sources WHERE doc_id = ?", (doc.id,))}
        known.discard("")
        if not origin or not known or origin in known:
            return
        new_id = f"{doc.id}-{_suffix(origin)}"
        if not conn.execute("SELECT 1 FROM documents WHERE id = ?", (new_id,)).fetchone():
            decide(conn, new_id, "same text from another source",
                   f"{origin} has the text of {doc.id}; stored as {new_id} and linked as a copy")
    else:
        new_id = f"{doc.id}-{_suffix(doc.body)}"
        if not conn.execute("SELECT 1 FROM documents WHERE id = ?", (new_id,)).fetchone():
            decide(conn, new_id, "id collision",
                   f"id {doc.id} is taken by a different text; this one ({origin or 'no source'}) "
                   f"stored as {new_id}")
    doc.id = new_id


def index_document(conn: sqlite3.Connection, doc: Document) -> None:
    """Resolve one stored document against the knowledge base."""
    conn.execute("INSERT OR IGNORE INTO doc_sources (doc_id, origin, uri, published, site_name) "
                 "VALUES (?, ?, ?, ?, ?)",
                 (doc.id, origin_of(doc), doc.source.uri, doc.published, doc.site_name))
    published = doc.published
    if published and published > date.today().isoformat():
        decide(conn, doc.id, "date in the future",
               f"published {published} is after today; treated as unknown when ordering copies")
        published = None
    entity_map = EntityResolver(conn).resolve(doc)
    originals = _reprints(conn, doc, published)
    incident_ids = IncidentResolver(conn).resolve(doc, entity_map, originals)
    _quotes_and_claims(conn, doc, entity_map)
    index_relations(conn, doc, entity_map, incident_ids)


def _reprints(conn: sqlite3.Connection, doc: Document, published: str | None) -> list[str]:
    """Record the copies ``doc`` forms with stored documents; returns the ids it copies."""
    me = Candidate(doc.id, doc.body, published, doc.site_name, doc.source.uri)
    originals: list[str] = []
    affected: set[str] = set()
    for other in index_and_find(conn, doc.id, doc.body):
        if other.published and other.published > date.today().isoformat():
            other.published = None
        way = direction(me, other)
        original, copy = (me, other) if way.original == me.doc_id else (other, me)
        coverage = containment(copy.body, original.body)
        if coverage < MIN_CONTAINMENT:
            continue
        # A full copy carries (nearly) all of the original, whatever chrome surrounds it.
        kind = "full" if containment(original.body, copy.body) >= FULL_COPY else "partial"
        conn.execute("INSERT OR REPLACE INTO reprints (original, copy, coverage, kind) VALUES (?, ?, ?, ?)",
                     (original.doc_id, copy.doc_id, round(coverage, 3), kind))
        decide(conn, copy.doc_id, "reprint",
               f"{kind} copy of {original.doc_id} ({coverage:.0%} of its text reused): {way.reason}")
        if way.contradicts_dates:
            decide(conn, copy.doc_id, "copy dated before its original",
                   f"dated {copy.published}, before {original.doc_id} ({original.published}) which it names; "
                   "the named outlet is taken as the original")
        if copy is me:
            originals.append(original.doc_id)
        else:  # a stored document turns out to copy this one: it no longer confirms anything on its own
            conn.execute("UPDATE incident_reports SET independent = 0 WHERE doc_id = ?", (copy.doc_id,))
        affected.add(copy.doc_id)
    for copy_id in sorted(affected):
        _keep_earliest_original(conn, copy_id)
    return [o for o in originals if conn.execute(
        "SELECT 1 FROM reprints WHERE original = ? AND copy = ?", (o, doc.id)).fetchone()]


def _keep_earliest_original(conn: sqlite3.Connection, copy_id: str) -> None:
    """A text copied from a copy is linked to the first original only, not to every copy in between."""
    originals = [r[0] for r in conn.execute("SELECT original FROM reprints WHERE copy = ?", (copy_id,))]
    for original in originals:
        others = [o for o in originals if o != original]
        if others and conn.execute(
                f"SELECT 1 FROM reprints WHERE copy = ? AND original IN ({','.join('?' * len(others))})",
                (original, *others)).fetchone():
            conn.execute("DELETE FROM reprints WHERE original = ? AND copy = ?", (original, copy_id))


def _sentence(body: str, start: int, end: int) -> str:
    left = max(body.rfind(". ", 0, start) + 2, body.rfind("\n", 0, start) + 1, 0)
    stops = [i for i in (body.find(". ", end), body.find("\n", end)) if i >= 0]
    right = min(stops) + 1 if stops else len(body)
    return body[left:right].strip()


def _quotes_and_claims(conn: sqlite3.Connection, doc: Document, entity_map: dict[str, str]) -> None:
    conn.executemany(
        "INSERT INTO kb_quotes (doc_id, text, kind, speaker, entity_id) VALUES (?, ?, ?, ?, ?)",
        [(doc.id, q.text, q.kind, q.speaker, entity_map.get(q.speaker_entity or ""))
         for q in doc.quotes])
    rows = []
    for q in doc.quantities:
        start, end = (q.span + [0, 0])[:2] if q.span else (0, 0)
        rows.append((doc.id, q.text, q.low, q.high, q.qualifier, q.unit, q.claimant_text,
                     entity_map.get(q.claimant or ""), _sentence(doc.body, start, end), doc.published))
    conn.executemany(
        "INSERT INTO kb_claims (doc_id, text, low, high, qualifier, unit, claimant_text, entity_id, "
        "sentence, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def rebuild(conn: sqlite3.Connection) -> int:
    """Recompute every derived table from the stored records (in publication order); returns documents."""
    for table in DERIVED_TABLES:
        conn.execute(f"DELETE FROM {table}")
    marks = ",".join("?" * len(STORAGE_DECISIONS))
    conn.execute(f"DELETE FROM decisions WHERE kind NOT IN ({marks})", STORAGE_DECISIONS)
    count = 0
    for (record,) in conn.execute("SELECT record FROM documents ORDER BY published IS NULL, published, id"
                                  ).fetchall():
        doc = Document.from_dict(json.loads(record))
        index_document(conn, doc)
        count += 1
    return count


def forget(conn: sqlite3.Connection, doc_id: str) -> bool:
    """Remove a document and what it alone gave; merges recomputed. False if no such document."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            conn.execute("ROLLBACK")
            return False
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        conn.execute("DELETE FROM decisions WHERE doc_id = ?", (doc_id,))
        rebuild(conn)
        decide(conn, None, "forgotten", f"document {doc_id} removed; merges recomputed")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return True
