"""What the STIX and FollowTheMoney exports read from the knowledge base, one item at a time.

Both exports are graphs of the same things (documents, actors, incidents, quotes and the
typed relations between them); this module reads them in a stable order so that two
exports of one knowledge base are identical, and keeps nothing in memory but the row at
hand (the exporters keep the set of ids they wrote, which grows like an index).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field

from newsgraph.kb.network import OUTLET_PREFIX

# Relations exported as edges. co_mentioned is left out: it joins every pair of actors in a
# story (the GraphML and GEXF exports carry it), and it says nothing a reader can act on.
TYPED_RELATIONS = ("perpetrator_of", "victim_of", "member_of", "spokesperson_for", "quoted_by", "cites")


@dataclass
class Actor:
    id: str
    name: str
    type: str  # PERSON, ORG, NORP, ... or OUTLET for a site with no entity of its own
    aliases: list[str] = field(default_factory=list)
    first_seen: str | None = None  # ingest times of the first and last document naming it
    last_seen: str | None = None


def actors(conn: sqlite3.Connection) -> Iterator[Actor]:
    """Every entity with its other name forms, then every outlet node of the network."""
    current: Actor | None = None
    forms: set[str] = set()
    for entity_id, name, kind, forms_json, ingested in conn.execute(
            """SELECT e.id, e.name, e.type, m.forms, d.ingested_at FROM kb_entities e
               JOIN doc_mentions m ON m.entity_id = e.id JOIN documents d ON d.rowid = m.doc
               ORDER BY e.id"""):
        if current is None or current.id != entity_id:
            if current is not None:
                current.aliases = sorted(forms - {current.name})
                yield current
            current, forms = Actor(entity_id, name, kind, first_seen=ingested, last_seen=ingested), set()
        forms.update(json.loads(forms_json))
        current.first_seen = min(current.first_seen or ingested, ingested)
        current.last_seen = max(current.last_seen or ingested, ingested)
    if current is not None:
        current.aliases = sorted(forms - {current.name})
        yield current
    for (node_id, first, last) in conn.execute(
            """SELECT node, MIN(d.ingested_at), MAX(d.ingested_at) FROM (
                   SELECT source AS node, doc FROM doc_relations WHERE source LIKE ?
                   UNION SELECT target, doc FROM doc_relations WHERE target LIKE ?) r
               JOIN documents d ON d.rowid = r.doc GROUP BY node ORDER BY node""",
            (OUTLET_PREFIX + "%", OUTLET_PREFIX + "%")):
        yield Actor(node_id, node_id[len(OUTLET_PREFIX):], "OUTLET", first_seen=first, last_seen=last)


def perpetrator_ids(conn: sqlite3.Connection) -> set[str]:
    """Actors that some document names as the perpetrator of an incident."""
    return {row[0] for row in conn.execute(
        "SELECT DISTINCT source FROM doc_relations WHERE relation = 'perpetrator_of'")}


def incident_ids(conn: sqlite3.Connection) -> Iterator[tuple[str, str, str]]:
    """(incident id, first ingest time, last ingest time) of every incident, by id."""
    yield from conn.execute(
        """SELECT r.incident_id, MIN(d.ingested_at), MAX(d.ingested_at) FROM doc_incident_reports r
           JOIN documents d ON d.rowid = r.doc GROUP BY r.incident_id ORDER BY r.incident_id""")


def relations(conn: sqlite3.Connection) -> Iterator[dict]:
    """Each typed relation with the documents that give it and their ingest times."""
    marks = ",".join("?" * len(TYPED_RELATIONS))
    current: dict | None = None
    for source, target, relation, doc_id, ingested in conn.execute(
            f"""SELECT r.source, r.target, r.relation, d.id, d.ingested_at FROM doc_relations r
                JOIN documents d ON d.rowid = r.doc WHERE r.relation IN ({marks})
                ORDER BY r.source, r.target, r.relation, d.id""", TYPED_RELATIONS):
        key = (source, target, relation)
        if current is None or current["key"] != key:
            if current is not None:
                yield current
            current = {"key": key, "source": source, "target": target, "relation": relation,
                       "documents": [], "first_seen": ingested, "last_seen": ingested}
        current["documents"].append(doc_id)
        current["first_seen"] = min(current["first_seen"], ingested)
        current["last_seen"] = max(current["last_seen"], ingested)
    if current is not None:
        yield current


@dataclass
class StoredDocument:
    id: str
    uri: str | None
    title: str | None
    published: str | None
    language: str | None
    site_name: str | None
    body: str
    ingested_at: str
    entities: list[str]  # knowledge-base entity ids it mentions
    incidents: list[str]  # incident ids it reports
    outlet: str | None  # its outlet's network node, when it has one


def documents(conn: sqlite3.Connection) -> Iterator[StoredDocument]:
    # The per-document rows are keyed by the document's rowid (migration 10).
    for rowid, doc_id, uri, title, published, language, site_name, body, ingested in conn.execute(
            """SELECT rowid, id, uri, title, published, language, site_name, body, ingested_at FROM documents
               ORDER BY published IS NULL, published, id"""):
        entities = [r[0] for r in conn.execute(
            "SELECT DISTINCT entity_id FROM doc_mentions WHERE doc = ? ORDER BY entity_id", (rowid,))]
        incidents = [r[0] for r in conn.execute(
            "SELECT DISTINCT incident_id FROM doc_incident_reports WHERE doc = ? ORDER BY incident_id",
            (rowid,))]
        outlet = conn.execute(
            "SELECT source FROM doc_relations WHERE doc = ? AND source LIKE ? ORDER BY source LIMIT 1",
            (rowid, OUTLET_PREFIX + "%")).fetchone()
        yield StoredDocument(doc_id, uri, title, published, language, site_name, body, ingested,
                             entities, incidents, outlet[0] if outlet else None)


def quotes(conn: sqlite3.Connection) -> Iterator[dict]:
    """Every stored quote with its speaker, document and the document's ingest time."""
    for quote_id, doc_id, text, kind, speaker, entity_id, ingested in conn.execute(
            """SELECT q.id, d.id, q.text, q.kind, q.speaker, q.entity_id, d.ingested_at FROM doc_quotes q
               JOIN documents d ON d.rowid = q.doc ORDER BY d.id, q.id"""):
        yield {"id": quote_id, "document": doc_id, "text": text, "kind": kind, "speaker": speaker,
               "entity": entity_id, "ingested_at": ingested}
