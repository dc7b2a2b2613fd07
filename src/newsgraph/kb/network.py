"""The network: typed, weighted relations between entities, outlets and incidents.

Relations read from a record are stored per document (``relations``), so that
forgetting a document takes its evidence away: perpetrator_of and victim_of
(an incident's perpetrators and victims that name an entity), member_of and
spokesperson_for (a person introduced by a role of an organisation named right
after), quoted_by (a speaker and the outlet that quotes them), cites (an outlet
and the agency or source it relies on). co_mentioned (two entities in one
story) is counted at query time from the mentions. An edge's weight is the
number of documents that give it; its evidence lists some of them.
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict

from newsgraph.language.aliases import normalise_name
from newsgraph.record import Document

# A role word between a person's name and an organisation's: "Ali Noor, a commander of the JVB".
ROLE_WINDOW_CHARS = 60  # about ten words: an apposition, not the next clause
_SPOKES = re.compile(r"\bspokes(?:man|woman|person)\b", re.IGNORECASE)
_MEMBER = re.compile(r"\b(?:member|commander|leader|chief|head|founder|fighter|militant|official|"
                     r"director|chairman|president|minister|secretary)s?\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.;\n]")
MAX_NEIGHBOURS = 25  # edges kept per node and relation, strongest first
EVIDENCE_SHOWN = 3
OUTLET_PREFIX = "outlet:"


def outlet_node(doc: Document) -> str | None:
    name = doc.site_name
    if not name and doc.source.uri:
        name = re.sub(r"^[a-z]+://(www\.)?", "", doc.source.uri.lower()).split("/")[0]
    return OUTLET_PREFIX + name if name else None


def index_relations(conn: sqlite3.Connection, doc: Document, entity_map: dict[str, str],
                    incident_ids: list[str]) -> None:
    rows: set[tuple[str, str, str]] = set()
    by_form: dict[str, str] = {}
    for ent in doc.entities:
        if ent.id in entity_map:
            for form in (ent.name, *ent.aliases):
                by_form.setdefault(normalise_name(form), entity_map[ent.id])
    for incident, incident_id in zip(doc.incidents, incident_ids, strict=False):
        for relation, names in (("perpetrator_of", incident.perpetrator_orgs + incident.perpetrators),
                                ("victim_of", incident.victims + incident.targets)):
            for name in names:
                entity_id = by_form.get(normalise_name(name))
                if entity_id:
                    rows.add((entity_id, incident_id, relation))
    rows |= _roles(doc, entity_map)
    outlet = outlet_node(doc)
    if outlet:
        for quote in doc.quotes:
            speaker = entity_map.get(quote.speaker_entity or "")
            if speaker:
                rows.add((speaker, outlet, "quoted_by"))
        for source in doc.sources:
            cited = entity_map.get(source.entity or "")
            if cited and source.kind in ("agency", "outlet", "organisation", "official", "document"):
                rows.add((outlet, cited, "cites"))
    conn.executemany("INSERT OR IGNORE INTO relations (source, target, relation, doc_id) VALUES (?, ?, ?, ?)",
                     [(s, t, r, doc.id) for s, t, r in sorted(rows) if s != t])


def _roles(doc: Document, entity_map: dict[str, str]) -> set[tuple[str, str, str]]:
    spans = []
    for ent in doc.entities:
        if ent.id in entity_map:
            spans += [(start, end, ent) for start, end in ent.mentions]
    spans.sort(key=lambda item: item[0])
    out = set()
    for _, end, person in spans:
        if person.type != "PERSON":
            continue
        for other_start, _, org in spans:
            if org.type != "ORG" or other_start < end or other_start - end > ROLE_WINDOW_CHARS:
                continue
            between = doc.body[end:other_start]
            if _CLAUSE_BREAK.search(between):
                continue
            if _SPOKES.search(between):
                out.add((entity_map[person.id], entity_map[org.id], "spokesperson_for"))
            elif _MEMBER.search(between):
                out.add((entity_map[person.id], entity_map[org.id], "member_of"))
            break  # only the first organisation after the name
    return out


def node(conn: sqlite3.Connection, node_id: str) -> dict[str, str] | None:
    if node_id.startswith(OUTLET_PREFIX):
        return {"id": node_id, "name": node_id[len(OUTLET_PREFIX):], "type": "OUTLET"}
    row = conn.execute("SELECT name, type FROM kb_entities WHERE id = ?", (node_id,)).fetchone()
    if row:
        return {"id": node_id, "name": row[0], "type": row[1]}
    row = conn.execute("SELECT type, date, place FROM kb_incidents WHERE id = ?", (node_id,)).fetchone()
    if row:
        label = " ".join(str(part) for part in (row[0], row[2], row[1]) if part)
        return {"id": node_id, "name": label, "type": "INCIDENT"}
    return None


def edges_of(conn: sqlite3.Connection, node_id: str) -> list[dict]:
    """Every edge touching ``node_id``, strongest first within each relation."""
    grouped: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for source, target, relation, doc_id in conn.execute(
            "SELECT source, target, relation, doc_id FROM relations WHERE source = ? "
            "UNION ALL SELECT source, target, relation, doc_id FROM relations WHERE target = ?",
            (node_id, node_id)):
        grouped[(source, target, relation)].append(doc_id)
    for other, doc_id in conn.execute(
            """SELECT m2.entity_id, m1.doc_id FROM mentions m1 JOIN mentions m2 ON m2.doc_id = m1.doc_id
               WHERE m1.entity_id = ? AND m2.entity_id != ?""", (node_id, node_id)):
        pair = (node_id, other) if node_id < other else (other, node_id)
        docs = grouped[(pair[0], pair[1], "co_mentioned")]
        if doc_id not in docs:
            docs.append(doc_id)
    by_relation: dict[str, list[dict]] = defaultdict(list)
    for (source, target, relation), docs in grouped.items():
        by_relation[relation].append({"source": source, "target": target, "relation": relation,
                                      "weight": len(docs), "evidence": sorted(docs)[:EVIDENCE_SHOWN]})
    out = []
    for relation in sorted(by_relation):
        edges = sorted(by_relation[relation], key=lambda e: (-e["weight"], e["source"], e["target"]))
        out += edges[:MAX_NEIGHBOURS]
    return out


def network(conn: sqlite3.Connection, start: str, depth: int = 1) -> dict[str, list[dict]]:
    """Nodes and edges within ``depth`` hops of ``start`` (a node id)."""
    seen = {start}
    frontier = [start]
    edges: dict[tuple[str, str, str], dict] = {}
    for _ in range(max(depth, 1)):
        next_frontier = []
        for node_id in frontier:
            for edge in edges_of(conn, node_id):
                edges.setdefault((edge["source"], edge["target"], edge["relation"]), edge)
                for end in (edge["source"], edge["target"]):
                    if end not in seen:
                        seen.add(end)
                        next_frontier.append(end)
        frontier = sorted(next_frontier)
    nodes = [n for n in (node(conn, node_id) for node_id in sorted(seen)) if n]
    known = {n["id"] for n in nodes}
    kept = [e for key, e in sorted(edges.items()) if e["source"] in known and e["target"] in known]
    return {"nodes": nodes, "edges": kept}
