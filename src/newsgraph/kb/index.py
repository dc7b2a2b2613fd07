"""Indexing stored documents into the cross-document tables, rebuilding them, and forgetting a document.

``index_document`` runs inside ``SqliteKB.add_batch``'s transaction, right after
the document row is written: a batch is stored with its entities, reprints,
incidents, quotes and claims resolved, or not at all. Merges are incremental
(a new document is matched against what is stored); ``forget`` removes a
document and recomputes only the clusters it touched (the entities it
mentioned, the incidents it reported, the copies it formed) from the other
documents of those clusters, so that the result is what ingesting the
remaining records alone would give.
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
    direction,
    forget_bands,
    gram_set,
    index_and_find,
    merge_all_bands,
    share,
)
from newsgraph.record import Document, body_id

# Decisions taken before a record is stored (about its id); a rebuild keeps them.
STORAGE_DECISIONS = ("id collision", "same text from another source")
# The tables themselves: the per-document ones are keyed by the document's rowid (`doc`, migration
# 10), and their old names are read-only views.
DERIVED_TABLES = ("doc_relations", "doc_claims", "doc_quotes", "doc_report_actors", "doc_incident_reports",
                  "kb_incidents", "reprints", "lsh_doc_bands", "lsh_recent_bands", "doc_mentions",
                  "entity_keys", "kb_entities", "doc_origins")
# A document's own rows in the derived tables (by its rowid), cleared before it is indexed again.
_OWN_ROWS = ("doc_relations", "doc_claims", "doc_quotes", "doc_incident_reports", "doc_mentions")


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
    row = conn.execute("SELECT rowid, body, uri, path FROM documents WHERE id = ?", (doc.id,)).fetchone()
    if row is None:
        return
    origin = origin_of(doc)
    if body_id(row[1]) == body_id(doc.body):
        known = {row[2] or row[3] or ""} | {r[0] for r in conn.execute(
            "SELECT origin FROM doc_origins WHERE doc = ?", (row[0],))}
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


def text_marks(conn: sqlite3.Connection) -> tuple[int, int]:
    """The last document rowid and quote id stored: rows after them are new to the full-text index."""
    documents = conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM documents").fetchone()[0]
    quotes = conn.execute("SELECT COALESCE(MAX(id), 0) FROM doc_quotes").fetchone()[0]
    return documents, quotes


def index_new_text(conn: sqlite3.Connection, marks: tuple[int, int]) -> None:
    """Add the documents and quotes stored after ``marks`` to the full-text indexes, in one
    statement each (see migration 7: a row at a time cost five times more)."""
    conn.execute("INSERT INTO documents_fts (rowid, title, body) "
                 "SELECT rowid, title, body FROM documents WHERE rowid > ?", (marks[0],))
    conn.execute("INSERT INTO quotes_fts (rowid, text, speaker) "
                 "SELECT id, text, speaker FROM doc_quotes WHERE id > ?", (marks[1],))


def index_document(conn: sqlite3.Connection, doc: Document, rowid: int) -> None:
    """Resolve one stored document (``rowid``: its row in ``documents``) against the knowledge base."""
    conn.execute("INSERT OR IGNORE INTO doc_origins (doc, origin, uri, published, site_name) "
                 "VALUES (?, ?, ?, ?, ?)",
                 (rowid, origin_of(doc), doc.source.uri, doc.published, doc.site_name))
    published = doc.published
    today = date.today().isoformat()
    if published and published > today:
        decide(conn, doc.id, "date in the future",
               f"published {published} is after today; treated as unknown when ordering copies")
        published = None
    entity_map = EntityResolver(conn, rowid).resolve(doc)
    originals = _reprints(conn, doc, published, rowid, today)
    incident_ids = IncidentResolver(conn, rowid).resolve(doc, entity_map, originals)
    _quotes_and_claims(conn, doc, rowid, entity_map)
    index_relations(conn, doc, rowid, entity_map, incident_ids)


def _reprints(conn: sqlite3.Connection, doc: Document, published: str | None, rowid: int,
              today: str) -> list[str]:
    """Record the copies ``doc`` forms with stored documents; returns the ids it copies."""
    me = Candidate(doc.id, doc.body, published, doc.site_name, doc.source.uri, rowid)
    originals: list[str] = []
    affected: set[str] = set()
    mine: set | None = None
    for other in index_and_find(conn, doc.id, doc.body, rowid):
        if other.published and other.published > today:
            other.published = None
        # Both shares first, from shingle sets built once: most candidates (stories sharing a
        # stock phrase and a place) reach neither threshold, and deciding which of the two is
        # the original (reading both texts for outlet names) is only needed for a copy.
        mine = gram_set(doc.body) if mine is None else mine
        theirs = gram_set(other.body)
        mine_in_theirs, theirs_in_mine = share(mine, theirs), share(theirs, mine)
        if max(mine_in_theirs, theirs_in_mine) < MIN_CONTAINMENT:
            continue
        way = direction(me, other)
        original, copy = (me, other) if way.original == me.doc_id else (other, me)
        coverage, carried = ((mine_in_theirs, theirs_in_mine) if copy is me
                             else (theirs_in_mine, mine_in_theirs))
        if coverage < MIN_CONTAINMENT:
            continue
        # A full copy carries (nearly) all of the original, whatever chrome surrounds it.
        kind = "full" if carried >= FULL_COPY else "partial"
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
            conn.execute("UPDATE doc_incident_reports SET independent = 0 WHERE doc = ?", (copy.rowid,))
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
            # The link is gone, so is the decision that made it (the earlier original's stays).
            conn.execute("DELETE FROM decisions WHERE doc_id = ? AND kind = 'reprint' AND detail LIKE ?",
                         (copy_id, f"% copy of {original} (%"))


def _sentence(body: str, start: int, end: int) -> str:
    left = max(body.rfind(". ", 0, start) + 2, body.rfind("\n", 0, start) + 1, 0)
    stops = [i for i in (body.find(". ", end), body.find("\n", end)) if i >= 0]
    right = min(stops) + 1 if stops else len(body)
    return body[left:right].strip()


def _quotes_and_claims(conn: sqlite3.Connection, doc: Document, rowid: int,
                       entity_map: dict[str, str]) -> None:
    conn.executemany(
        "INSERT INTO doc_quotes (doc, text, kind, speaker, entity_id) VALUES (?, ?, ?, ?, ?)",
        [(rowid, q.text, q.kind, q.speaker, entity_map.get(q.speaker_entity or ""))
         for q in doc.quotes])
    rows = []
    for q in doc.quantities:
        start, end = (q.span + [0, 0])[:2] if q.span else (0, 0)
        rows.append((rowid, q.text, q.low, q.high, q.qualifier, q.unit, q.claimant_text,
                     entity_map.get(q.claimant or ""), _sentence(doc.body, start, end), doc.published))
    conn.executemany(
        "INSERT INTO doc_claims (doc, text, low, high, qualifier, unit, claimant_text, entity_id, "
        "sentence, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def rebuild(conn: sqlite3.Connection) -> int:
    """Recompute every derived table from the stored records, in the order they were stored (what
    ingesting them again would give); returns the number of documents."""
    for table in DERIVED_TABLES:
        conn.execute(f"DELETE FROM {table}")
    marks = ",".join("?" * len(STORAGE_DECISIONS))
    conn.execute(f"DELETE FROM decisions WHERE kind NOT IN ({marks})", STORAGE_DECISIONS)
    count = 0
    marks = text_marks(conn)
    for record, rowid in conn.execute("SELECT record, rowid FROM documents ORDER BY rowid").fetchall():
        doc = Document.from_dict(json.loads(record))
        index_document(conn, doc, rowid)
        count += 1
    index_new_text(conn, marks)
    merge_all_bands(conn)
    return count


def _filed_under(conn: sqlite3.Connection, doc: int) -> tuple[set[str], set[str]]:
    """The entities a document (by rowid) mentions and the incidents it reports."""
    entities = {r[0] for r in conn.execute(
        "SELECT DISTINCT entity_id FROM doc_mentions WHERE doc = ?", (doc,))}
    incidents = {r[0] for r in conn.execute(
        "SELECT DISTINCT incident_id FROM doc_incident_reports WHERE doc = ?", (doc,))}
    return entities, incidents


def _neighbours(conn: sqlite3.Connection, doc_id: str, doc: int) -> tuple[set[str], set[str], set[int]]:
    """The entities and incidents the document is part of, and the other documents (rowids) in
    them or in a reprint pair with it: the clusters a forget must recompute."""
    entities, incidents = _filed_under(conn, doc)
    docs = {r[0] for r in conn.execute(
        "SELECT d.rowid FROM reprints r JOIN documents d ON d.id = r.copy WHERE r.original = ? "
        "UNION SELECT d.rowid FROM reprints r JOIN documents d ON d.id = r.original WHERE r.copy = ?",
        (doc_id, doc_id))}
    for entity_id in sorted(entities):
        docs |= {r[0] for r in conn.execute("SELECT doc FROM doc_mentions WHERE entity_id = ?", (entity_id,))}
    for incident_id in sorted(incidents):
        docs |= {r[0] for r in conn.execute("SELECT doc FROM doc_incident_reports WHERE incident_id = ?",
                                            (incident_id,))}
    docs.discard(doc)
    return entities, incidents, docs


def _delete_in(conn: sqlite3.Connection, sql: str, values: set[str]) -> None:
    conn.executemany(sql, [(value,) for value in sorted(values)])


def _clear_document(conn: sqlite3.Connection, doc: int) -> tuple[set[str], set[str]]:
    """Remove one document's derived rows (not its bands, sources or storage decisions);
    returns the entities and incidents it was filed under."""
    entities, incidents = _filed_under(conn, doc)
    conn.executemany("DELETE FROM doc_report_actors WHERE entity_id = ? AND doc = ?",
                     [(entity_id, doc) for entity_id in sorted(entities)])
    for table in _OWN_ROWS:
        conn.execute(f"DELETE FROM {table} WHERE doc = ?", (doc,))
    row = conn.execute("SELECT id FROM documents WHERE rowid = ?", (doc,)).fetchone()
    if row is not None:  # rows naming the document by its text id
        conn.execute("DELETE FROM reprints WHERE copy = ?", (row[0],))
        marks = ",".join("?" * len(STORAGE_DECISIONS))
        conn.execute(f"DELETE FROM decisions WHERE doc_id = ? AND kind NOT IN ({marks})",
                     (row[0], *STORAGE_DECISIONS))
    return entities, incidents


def forget(conn: sqlite3.Connection, doc_id: str) -> bool:
    """Remove a document and what it alone gave; the merges it took part in are recomputed.

    Only the clusters the document touched are rebuilt: its entities and incidents are
    dropped whole, and every other document in them (or in a reprint pair with it) is
    indexed again, in the order they were stored and judged on the documents stored before
    each, as ingesting them without the forgotten one would. Rows keyed by the document's
    rowid are all deleted here (no foreign key does it, and the rowid of the last document
    stored is given to the next one).
    False if there is no such document.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute("SELECT rowid, body FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            conn.execute("ROLLBACK")
            return False
        doc = row[0]
        entities, incidents, neighbours = _neighbours(conn, doc_id, doc)
        touched_entities, touched_incidents = _clear_document(conn, doc)
        forget_bands(conn, doc, row[1])
        conn.execute("DELETE FROM doc_origins WHERE doc = ?", (doc,))
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        conn.execute("DELETE FROM decisions WHERE doc_id = ?", (doc_id,))
        for neighbour in sorted(neighbours):
            more_entities, more_incidents = _clear_document(conn, neighbour)
            touched_entities |= more_entities
            touched_incidents |= more_incidents
        _delete_in(conn, "DELETE FROM kb_entities WHERE id = ?", entities)
        _delete_in(conn, "DELETE FROM entity_keys WHERE entity_id = ?", entities)
        _delete_in(conn, "DELETE FROM doc_mentions WHERE entity_id = ?", entities)
        _delete_in(conn, "DELETE FROM doc_report_actors WHERE entity_id = ?", entities)
        _delete_in(conn, "DELETE FROM kb_incidents WHERE id = ?", incidents)
        for node in sorted(entities | incidents):
            conn.execute("DELETE FROM doc_relations WHERE source = ?", (node,))
            conn.execute("DELETE FROM doc_relations WHERE target = ?", (node,))
        marks = text_marks(conn)
        # The rowids as one JSON array: any number of them, whatever SQLite's cap on parameters.
        for record, rowid in conn.execute(
                "SELECT record, rowid FROM documents WHERE rowid IN (SELECT value FROM json_each(?)) "
                "ORDER BY rowid", (json.dumps(sorted(neighbours)),)).fetchall():
            index_document(conn, Document.from_dict(json.loads(record)), rowid)
        index_new_text(conn, marks)
        # Entities and incidents the neighbours no longer name (they were filed elsewhere).
        _delete_in(conn, "DELETE FROM kb_entities WHERE id = ? AND NOT EXISTS "
                         "(SELECT 1 FROM doc_mentions WHERE entity_id = kb_entities.id)", touched_entities)
        _delete_in(conn, "DELETE FROM entity_keys WHERE entity_id = ? AND NOT EXISTS "
                         "(SELECT 1 FROM doc_mentions WHERE entity_id = entity_keys.entity_id)",
                   touched_entities)
        _delete_in(conn, "DELETE FROM kb_incidents WHERE id = ? AND NOT EXISTS (SELECT 1 FROM "
                         "doc_incident_reports WHERE incident_id = kb_incidents.id)", touched_incidents)
        decide(conn, None, "forgotten", f"document {doc_id} removed; {len(neighbours)} documents of the "
                                        f"entities, incidents and copies it was part of indexed again")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return True


def snapshot(conn: sqlite3.Connection) -> dict[str, object]:
    """The derived state with every canonical id replaced by what it groups, to compare two
    knowledge bases (a forget against a fresh ingest): entities and incidents as the sets of
    (document, local id) they hold, reprint pairs, relations, quotes and claims."""
    members: dict[str, set[tuple[str, str]]] = {}
    for doc_id, local_id, entity_id in conn.execute("SELECT doc_id, local_id, entity_id FROM mentions"):
        members.setdefault(entity_id, set()).add((doc_id, local_id))
    for doc_id, local_id, incident_id in conn.execute(
            "SELECT doc_id, local_id, incident_id FROM incident_reports"):
        members.setdefault(incident_id, set()).add((doc_id, local_id))
    label = {node: tuple(sorted(group)) for node, group in members.items()}

    def named(node: str | None) -> object:
        return label.get(node or "", node)

    entities = {label[r[0]]: (r[1], r[2]) for r in conn.execute("SELECT id, name, type FROM kb_entities")
                if r[0] in label}
    incidents = {label[r[0]]: tuple(r[1:]) for r in conn.execute(
        "SELECT id, type, date, place, country FROM kb_incidents") if r[0] in label}
    return {
        "entities": entities,
        "orphan entities": conn.execute("SELECT COUNT(*) FROM kb_entities WHERE id NOT IN "
                                        "(SELECT entity_id FROM mentions)").fetchone()[0],
        "incidents": incidents,
        "orphan incidents": conn.execute("SELECT COUNT(*) FROM kb_incidents WHERE id NOT IN "
                                         "(SELECT incident_id FROM incident_reports)").fetchone()[0],
        "independent": sorted(tuple(r) for r in conn.execute(
            "SELECT doc_id, local_id, independent FROM incident_reports")),
        "reprints": sorted(tuple(r) for r in conn.execute(
            "SELECT original, copy, coverage, kind FROM reprints")),
        "relations": sorted((repr(named(r[0])), repr(named(r[1])), r[2], r[3])
                            for r in conn.execute("SELECT source, target, relation, doc_id FROM relations")),
        "quotes": sorted((r[0], r[1], repr(named(r[2])))
                         for r in conn.execute("SELECT doc_id, text, entity_id FROM kb_quotes")),
        "claims": sorted((r[0], r[1], repr(named(r[2])))
                         for r in conn.execute("SELECT doc_id, text, entity_id FROM kb_claims")),
        "report actors": sorted((repr(named(r[0])), r[1], r[2])
                                for r in conn.execute("SELECT entity_id, date, doc_id FROM report_actors")),
        "bands": conn.execute("SELECT COUNT(*) FROM (SELECT key, doc FROM lsh_doc_bands "
                              "UNION SELECT key, doc FROM lsh_recent_bands)").fetchone()[0],
    }
