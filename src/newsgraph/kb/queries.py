"""Questions to the knowledge base: entities, incidents, claims, quotes, reprints, filtered search, decisions.

Every function takes the SQLite connection and returns plain JSON-ready values;
the commands (kb/commands.py), the web API and the exports format them.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import Any

from newsgraph.kb.incidents import current_figures
from newsgraph.kb.sqlite import fts_query
from newsgraph.language.aliases import canonical_alias, normalise_name

_INCIDENT_LISTS = ("places", "perpetrators", "perpetrator_orgs", "targets", "victims", "weapons")


SNIPPET_TOKENS = 16  # words of context FTS5 shows around a hit

def find_entity(conn: sqlite3.Connection, name: str) -> str | None:
    """The canonical entity a name (any alias, any spelling the alias table knows) refers to."""
    keys = ["form:" + normalise_name(name)]
    if len(normalise_name(name).split()) == 1:  # a bare surname finds the best-known bearer
        keys.append("sur:" + normalise_name(name))
    hit = canonical_alias(name)
    if hit:
        keys.insert(0, "alias:" + normalise_name(hit[0]))
    for key in keys:
        row = conn.execute(
            """SELECT k.entity_id FROM entity_keys k LEFT JOIN doc_mentions m ON m.entity_id = k.entity_id
               WHERE k.key = ? GROUP BY k.entity_id ORDER BY COUNT(m.doc) DESC, k.entity_id LIMIT 1""",
            (key,)).fetchone()
        if row:
            return row[0]
    row = conn.execute("SELECT id FROM kb_entities WHERE id = ?", (name,)).fetchone()
    return row[0] if row else None


def entity_profile(conn: sqlite3.Connection, name: str) -> dict[str, Any] | None:
    entity_id = find_entity(conn, name)
    if entity_id is None:
        return None
    row = conn.execute("SELECT name, type FROM kb_entities WHERE id = ?", (entity_id,)).fetchone()
    forms: set[str] = set()
    documents: set[str] = set()
    for doc_id, forms_json in conn.execute("SELECT d.id, m.forms FROM doc_mentions m "
                                           "JOIN documents d ON d.rowid = m.doc WHERE m.entity_id = ?",
                                           (entity_id,)):
        documents.add(doc_id)
        forms.update(json.loads(forms_json))
    quotes = [{"text": r[0], "kind": r[1], "document": r[2], "published": r[3]} for r in conn.execute(
        """SELECT q.text, q.kind, d.id, d.published FROM doc_quotes q JOIN documents d ON d.rowid = q.doc
           WHERE q.entity_id = ? ORDER BY d.published, d.id, q.id""", (entity_id,))]
    claims = [_claim(r) for r in conn.execute(
        f"SELECT {_CLAIM_COLUMNS} FROM doc_claims c JOIN documents d ON d.rowid = c.doc "
        "WHERE c.entity_id = ? ORDER BY c.published, d.id, c.id", (entity_id,))]
    incidents = sorted({r[0] for r in conn.execute(
        """SELECT DISTINCT target FROM doc_relations
           WHERE source = ? AND relation IN ('perpetrator_of', 'victim_of')
           UNION SELECT DISTINCT r.incident_id FROM doc_incident_reports r
           JOIN doc_mentions m ON m.doc = r.doc WHERE m.entity_id = ?""", (entity_id, entity_id))})
    return {"id": entity_id, "name": row[0], "type": row[1],
            "aliases": sorted(f for f in forms if f != row[0]), "documents": sorted(documents),
            "quotes": quotes, "claims": claims, "incidents": incidents}


# A claim's columns as ``_claim`` reads them (``c``: doc_claims, ``d``: its document).
_CLAIM_COLUMNS = "c.text, c.low, c.high, c.qualifier, c.unit, c.claimant_text, d.id, c.published"


def _claim(row) -> dict[str, Any]:
    return {"text": row[0], "low": row[1], "high": row[2], "qualifier": row[3], "unit": row[4],
            "claimant_text": row[5], "document": row[6], "published": row[7]}


def claims(conn: sqlite3.Connection, query: str, limit: int = 200) -> list[dict[str, Any]]:
    """Every quantity whose unit or sentence contains ``query`` (case-insensitive), oldest first."""
    pattern = "%" + query.strip().lower() + "%"
    return [_claim(r) for r in conn.execute(
        f"SELECT {_CLAIM_COLUMNS} FROM doc_claims c JOIN documents d ON d.rowid = c.doc "
        "WHERE lower(c.unit) LIKE ? OR lower(c.sentence) LIKE ? "
        "ORDER BY c.published IS NULL, c.published, d.id, c.id "
        "LIMIT ?", (pattern, pattern, limit))]


def quotes(conn: sqlite3.Connection, query: str | None = None, speaker: str | None = None,
           since: str | None = None, until: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Who said what, oldest first: quotes whose words or speaker match ``query`` (full text), said
    by ``speaker`` (any name of an actor, else words of a described speaker: "police official"),
    published within [since, until]."""
    where, params = _date_range("d.published", since, until)
    source = "doc_quotes q"
    if query is not None:
        match = fts_query(query)
        if not match:
            return []
        source = "quotes_fts JOIN doc_quotes q ON q.id = quotes_fts.rowid"
        where.insert(0, "quotes_fts MATCH ?")
        params.insert(0, match)
    if speaker:
        entity_id = find_entity(conn, speaker)
        if entity_id is not None:
            where.append("q.entity_id = ?")
            params.append(entity_id)
        else:
            where.append("instr(lower(q.speaker), ?) > 0")
            params.append(speaker.strip().lower())
    condition = (" WHERE " + " AND ".join(where)) if where else ""
    rows = conn.execute(
        f"""SELECT q.text, q.kind, q.speaker, q.entity_id, d.id, d.published, d.title
            FROM {source} JOIN documents d ON d.rowid = q.doc{condition}
            ORDER BY d.published IS NULL, d.published, d.id, q.id LIMIT ?""", (*params, limit))
    return [{"text": r[0], "kind": r[1], "speaker": r[2], "entity": r[3], "document": r[4],
             "published": r[5], "title": r[6]} for r in rows]


def reprints(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [{"original": r[0], "copy": r[1], "coverage": r[2]} for r in conn.execute(
        "SELECT original, copy, coverage FROM reprints ORDER BY original, copy")]


def incident(conn: sqlite3.Connection, incident_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT type, date, place, country, lat, lon FROM kb_incidents WHERE id = ?",
                       (incident_id,)).fetchone()
    if row is None:
        return None
    lists: dict[str, list[str]] = {name: [] for name in _INCIDENT_LISTS}
    suicide = False
    evidence: list[dict[str, Any]] = []
    places: Counter[str] = Counter()
    located: dict[str, dict[str, Any]] = {}
    for doc_id, record in conn.execute("SELECT d.id, r.record FROM doc_incident_reports r "
                                       "JOIN documents d ON d.rowid = r.doc WHERE r.incident_id = ? "
                                       "ORDER BY r.published, d.id, r.local_id", (incident_id,)):
        data = json.loads(record)
        suicide = suicide or bool(data.get("suicide"))
        for name in _INCIDENT_LISTS:
            for value in data.get(name) or []:
                if value not in lists[name]:
                    lists[name].append(value)
        evidence.append({"document": doc_id, "spans": data.get("evidence") or []})
        where = data.get("location") or {}
        if where.get("name"):
            places[where["name"]] += 1
            located.setdefault(where["name"], where)
    reports, killed, injured = current_figures(conn, incident_id)
    # The place most reports give (the first report's on a tie), not whichever came first.
    location = {"name": row[2], "country": row[3], "lat": row[4], "lon": row[5]}
    if places:
        best = located[max(places, key=lambda name: (places[name], -list(located).index(name)))]
        location = {key: best.get(key) for key in ("name", "country", "lat", "lon")}
    return {"id": incident_id, "type": row[0], "suicide": suicide, "date": row[1], "location": location,
            **lists, "killed": killed, "injured": injured, "evidence": evidence, "reports": reports}


def _date_range(column: str, since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    """SQL conditions (and their parameters) keeping ``column`` within [since, until]."""
    where, params = [], []
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        where.append(f"{column} <= ?")
        params.append(until)
    return where, params


def incidents(conn: sqlite3.Connection, since: str | None = None, until: str | None = None,
              kind: str | None = None, place: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    """Incidents by date, filtered on date range, type and place (any report's place or country)."""
    where, params = _date_range("i.date", since, until)
    where.insert(0, "1 = 1")
    if kind:
        where.append("i.type = ?")
        params.append(kind)
    if place:
        where.append("EXISTS (SELECT 1 FROM doc_incident_reports r WHERE r.incident_id = i.id "
                     "AND (r.place = ? OR lower(r.country) = ?))")
        params += [normalise_name(place), place.strip().lower()]
    ids = [r[0] for r in conn.execute(
        f"SELECT i.id FROM kb_incidents i WHERE {' AND '.join(where)} ORDER BY i.date IS NULL, i.date, i.id "
        "LIMIT ?", (*params, limit))]
    return [item for item in (incident(conn, i) for i in ids) if item]


def search(conn: sqlite3.Connection, query: str, since: str | None = None, until: str | None = None,
           entity: str | None = None, kind: str | None = None, place: str | None = None,
           limit: int = 20) -> list[dict[str, Any]]:
    """Full-text search over documents and quotes, with filters; one hit per document."""
    match = fts_query(query)
    if not match:
        return []
    where, params = _date_range("d.published", since, until)
    if entity:
        entity_id = find_entity(conn, entity)
        if entity_id is None:
            return []
        where.append("EXISTS (SELECT 1 FROM doc_mentions m WHERE m.doc = d.rowid AND m.entity_id = ?)")
        params.append(entity_id)
    if kind:
        where.append("EXISTS (SELECT 1 FROM doc_incident_reports r WHERE r.doc = d.rowid AND r.type = ?)")
        params.append(kind)
    if place:
        where.append("EXISTS (SELECT 1 FROM doc_incident_reports r WHERE r.doc = d.rowid "
                     "AND (r.place = ? OR lower(r.country) = ?))")
        params += [normalise_name(place), place.strip().lower()]
    extra = (" AND " + " AND ".join(where)) if where else ""
    hits: dict[str, dict[str, Any]] = {}
    for row in conn.execute(
            f"""SELECT d.id, d.title, d.published, d.uri,
                       snippet(documents_fts, 1, '[', ']', '…', {SNIPPET_TOKENS})
                FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
                WHERE documents_fts MATCH ?{extra} ORDER BY bm25(documents_fts, 5.0, 1.0), d.id LIMIT ?""",
            (match, *params, limit)):
        hits[row[0]] = {"id": row[0], "title": row[1], "published": row[2], "uri": row[3],
                        "snippet": row[4], "in": "document"}
    for row in conn.execute(
            f"""SELECT d.id, d.title, d.published, d.uri, q.text, q.speaker
                FROM quotes_fts JOIN doc_quotes q ON q.id = quotes_fts.rowid
                JOIN documents d ON d.rowid = q.doc
                WHERE quotes_fts MATCH ?{extra} ORDER BY bm25(quotes_fts), q.id LIMIT ?""",
            (match, *params, limit)):
        hits.setdefault(row[0], {"id": row[0], "title": row[1], "published": row[2], "uri": row[3],
                                 "snippet": row[4], "in": "quote", "speaker": row[5]})
    return list(hits.values())[:limit]


def decisions(conn: sqlite3.Connection, doc_id: str | None = None) -> list[dict[str, Any]]:
    rows = conn.execute("SELECT doc_id, kind, detail FROM decisions WHERE ? IS NULL OR doc_id = ? "
                        "ORDER BY id", (doc_id, doc_id))
    return [{"document": r[0], "kind": r[1], "detail": r[2]} for r in rows]
