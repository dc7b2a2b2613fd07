"""The network: typed, weighted relations between entities, outlets and incidents.

Relations read from a record are stored per document (``relations``), so that
forgetting a document takes its evidence away:
- perpetrator_of and victim_of: an incident's perpetrators, perpetrator groups,
  victims and targets, matched to the document's entities by name form, by the
  alias table's actor, by initials or by a surname one person of the text bears;
- member_of and spokesperson_for: "X, a spokesman for Y", "Y spokesperson X",
  "X of the Y group", "X and Z, commanders of Y";
- quoted_by: a speaker and who quotes them (the relaying agency when the chain of
  sources has one, else the document's outlet);
- cites: the outlet and the sources at the top of each chain, and each relay and
  the source it relays ("Reuters, citing an official").
co_mentioned (two entities in one story) is counted at query time from the
mentions. An edge's weight is the number of documents that give it; its
evidence lists some of them.
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict

from newsgraph.kb.entities import MIN_ACRONYM, initials
from newsgraph.language.aliases import canonical_alias, normalise_name
from newsgraph.record import Attribution, Document, Entity

# A role word between a person's name and an organisation's: "Ali Noor, a commander of the JVB".
ROLE_WINDOW_CHARS = 60  # about ten words: an apposition, not the next clause
# An organisation's name right before a role and a person ("Taliban spokesman Zabihullah
# Mujahid", "JVB commander Ali Noor"): a title, so only a few words may come between.
TITLE_WINDOW_CHARS = 30
_SPOKES = re.compile(r"\bspokes(?:man|woman|person|men|women|people)\b", re.IGNORECASE)
_ROLE_WORDS = (r"member|commander|leader|chief|head|founder|fighter|militant|official|director|chairman|"
               r"chairwoman|president|minister|secretary|activist|supporter|recruit|operative|emir|deputy")
_MEMBER = re.compile(rf"\b(?:{_ROLE_WORDS})s?\b", re.IGNORECASE)
# "Ali Noor of the JVB", "Ali Noor, from the JVB": a bare "of"/"from" apposition, nothing else.
_OF_GROUP = re.compile(r"^\s*,?\s*(?:of|from)\s+(?:the\s+)?$", re.IGNORECASE)
# Between an organisation and the person it titles: only role words, articles and a comma.
_TITLE_GAP = re.compile(rf"^\s*(?:['’]s\s+)?(?:(?:senior|top|local|former|deputy|chief|regional|"
                        rf"military|political|a|an|the|{_ROLE_WORDS}|spokes\w+)s?\s+)+,?\s*$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.;\n]")
MAX_NEIGHBOURS = 25  # edges kept per node and relation, strongest first
EVIDENCE_SHOWN = 3
OUTLET_PREFIX = "outlet:"
# Source kinds an outlet relies on when it cites them; a person or expert is quoted, not cited.
CITED_KINDS = ("agency", "outlet", "organisation", "official", "document")
# Source kinds that relay other sources as publishers: nodes of their own even when the
# record has no entity for them ("Reuters" named only in a "via" chain).
PUBLISHER_KINDS = ("agency", "outlet")


def outlet_node(doc: Document) -> str | None:
    name = doc.site_name
    if not name and doc.source.uri:
        name = re.sub(r"^[a-z]+://(www\.)?", "", doc.source.uri.lower()).split("/")[0]
    return OUTLET_PREFIX + name if name else None


def _forms_of(doc: Document, entity_map: dict[str, str]) -> dict[str, str]:
    """{key: entity} for the document's entities: each normalised name form ("form:"), the alias
    table's actor ("alias:"), acronyms and the initials of organisation names ("acr:"), and
    the surnames only one person of the document carries ("sur:")."""
    keys: dict[str, str] = {}
    surnames: dict[str, set[str]] = {}
    for ent in doc.entities:
        if ent.id not in entity_map:
            continue
        target = entity_map[ent.id]
        for form in (ent.name, *ent.aliases):
            norm = normalise_name(form)
            if not norm:
                continue
            keys.setdefault("form:" + norm, target)
            hit = canonical_alias(form)
            if hit:
                keys.setdefault("alias:" + normalise_name(hit[0]), target)
            if ent.type != "PERSON":
                if len(norm.split()) == 1 and form.strip().replace(".", "").isupper():
                    keys.setdefault("acr:" + norm, target)
                elif len(norm.split()) >= 2:
                    keys.setdefault("acr:" + initials(form), target)
            elif len(norm.split()) >= 2:
                surnames.setdefault(norm.split()[-1], set()).add(target)
    for surname, ids in surnames.items():
        if len(ids) == 1:
            keys.setdefault("sur:" + surname, ids.pop())
    return keys


def name_to_entity(name: str, keys: dict[str, str]) -> str | None:
    """The canonical entity an incident's perpetrator or victim name denotes, among the
    entities of the same document: by name form ("the PKK" where the text says "PKK"), by
    the alias table ("Kurdistan Workers' Party" for an entity called "PKK"), by initials
    ("NLF" and "Northern Liberation Front") or by a surname one person of the text bears
    ("Mayor Demir"). Only the document's own entities: what is stored from other documents
    depends on the order they came in, and a relation must not."""
    norm = normalise_name(name)
    if not norm:
        return None
    candidates = ["form:" + norm]
    hit = canonical_alias(name)
    if hit:
        candidates.append("alias:" + normalise_name(hit[0]))
    tokens = norm.split()
    if len(tokens) == 1 and name.strip().replace(".", "").isupper():
        candidates.append("acr:" + norm)
    elif len(tokens) >= 2:
        letters = initials(name)
        if MIN_ACRONYM <= len(letters):
            candidates.append("acr:" + letters)
    if tokens:
        candidates.append("sur:" + tokens[-1])
    return next((keys[key] for key in candidates if key in keys), None)


def index_relations(conn: sqlite3.Connection, doc: Document, rowid: int, entity_map: dict[str, str],
                    incident_ids: list[str]) -> None:
    """Store the relations ``doc`` (its row in ``documents``: ``rowid``) gives."""
    rows: set[tuple[str, str, str]] = set()
    keys = _forms_of(doc, entity_map)
    for incident, incident_id in zip(doc.incidents, incident_ids, strict=False):
        for relation, names in (("perpetrator_of", incident.perpetrator_orgs + incident.perpetrators),
                                ("victim_of", incident.victims + incident.targets)):
            for name in names:
                entity_id = name_to_entity(name, keys)
                if entity_id:
                    rows.add((entity_id, incident_id, relation))
    rows |= _roles(doc, entity_map)
    rows |= _attributions(doc, entity_map)
    conn.executemany("INSERT OR IGNORE INTO doc_relations (source, target, relation, doc) "
                     "VALUES (?, ?, ?, ?)", [(s, t, r, rowid) for s, t, r in sorted(rows) if s != t])


def _source_node(source: Attribution, entity_map: dict[str, str]) -> str | None:
    """A source as a node: its entity, or, for an agency or outlet, the publisher by name."""
    entity_id = entity_map.get(source.entity or "")
    if entity_id:
        return entity_id
    if source.kind in PUBLISHER_KINDS and source.name.strip():
        return OUTLET_PREFIX + source.name.strip()
    return None


def _attributions(doc: Document, entity_map: dict[str, str]) -> set[tuple[str, str, str]]:
    """quoted_by and cites from the quotes and the chain of sources.

    A source relayed by another ("Reuters, citing an official") is cited by its relay, and
    a speaker relayed that way is quoted by the relay; the document's outlet cites the
    sources at the top of each chain and quotes the speakers nobody relays.
    """
    out: set[tuple[str, str, str]] = set()
    outlet = outlet_node(doc)
    sources = doc.sources

    def relay_of(source: Attribution) -> str | None:
        via = source.via
        if via is None or not 0 <= via < len(sources) or sources[via] is source:
            return None
        return _source_node(sources[via], entity_map)

    for source in sources:
        node_id = _source_node(source, entity_map)
        if node_id is None or source.kind not in CITED_KINDS:
            continue
        relay = relay_of(source) or (outlet if source.via is None else None)
        if relay:
            out.add((relay, node_id, "cites"))
    for quote in doc.quotes:
        speaker = entity_map.get(quote.speaker_entity or "")
        if not speaker:
            continue
        relay = None
        for source in sources:
            if source.entity == quote.speaker_entity or (quote.speaker and source.name == quote.speaker):
                relay = relay_of(source)
                if relay:
                    break
        target = relay or outlet
        if target:
            out.add((speaker, target, "quoted_by"))
    return out


def _roles(doc: Document, entity_map: dict[str, str]) -> set[tuple[str, str, str]]:
    """member_of and spokesperson_for: "X, a spokesman for Y", "Y spokesperson X",
    "X of the Y group", "X and Z, members of Y" (each person of a list before the role)."""
    spans = []
    for ent in doc.entities:
        if ent.id in entity_map and ent.type in ("PERSON", "ORG"):
            spans += [(start, end, ent) for start, end in ent.mentions]
    spans.sort(key=lambda item: (item[0], item[1]))
    out = set()
    people = [item for item in spans if item[2].type == "PERSON"]
    orgs = [item for item in spans if item[2].type == "ORG"]
    for index, (_, end, person) in enumerate(people):
        # The first organisation after the name, in the same clause.
        org = next((o for o in orgs if o[0] >= end), None)
        if org is not None and org[0] - end <= ROLE_WINDOW_CHARS:
            between = doc.body[end:org[0]]
            # Another person in between holds the role ("Ali met Omar, a commander of the JVB");
            # a list of names sharing it is taken from the last one ("Ali and Omar, commanders").
            if not _CLAUSE_BREAK.search(between) and not any(end <= p[0] < org[0] for p in people):
                relation = _role_relation(between, of_group=True)
                if relation:
                    out.add((entity_map[person.id], entity_map[org[2].id], relation))
                    # "Ali Noor and Omar Said, commanders of the JVB": the list before shares the role.
                    out |= {(entity_map[p.id], entity_map[org[2].id], relation)
                            for p in _listed_before(doc.body, people[:index], person)}
        # "Taliban spokesman Zabihullah Mujahid": the organisation titles the person.
        before = [o for o in orgs if o[1] <= people[index][0]]
        if before and people[index][0] - before[-1][1] <= TITLE_WINDOW_CHARS:
            gap = doc.body[before[-1][1]:people[index][0]]
            if _TITLE_GAP.match(gap):
                relation = _role_relation(gap, of_group=False)
                if relation:
                    out.add((entity_map[person.id], entity_map[before[-1][2].id], relation))
    return out


def _role_relation(between: str, of_group: bool) -> str | None:
    if _SPOKES.search(between):
        return "spokesperson_for"
    if _MEMBER.search(between) or (of_group and _OF_GROUP.match(between)):
        return "member_of"
    return None


def _listed_before(body: str, earlier: list, person: Entity) -> list[Entity]:
    """People joined to ``person`` by commas and "and" right before it ("A, B and C, members of")."""
    out = []
    start = min(m[0] for m in person.mentions if body[m[0]:m[1]])
    for other_start, other_end, other in reversed(earlier):
        if other_end > start:
            continue
        if not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", body[other_end:start]):
            break
        out.append(other)
        start = other_start
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
            "SELECT r.source, r.target, r.relation, d.id FROM doc_relations r "
            "JOIN documents d ON d.rowid = r.doc WHERE r.source = ? "
            "UNION ALL SELECT r.source, r.target, r.relation, d.id FROM doc_relations r "
            "JOIN documents d ON d.rowid = r.doc WHERE r.target = ?",
            (node_id, node_id)):
        grouped[(source, target, relation)].append(doc_id)
    for other, doc_id in conn.execute(
            """SELECT m2.entity_id, d.id FROM doc_mentions m1 JOIN doc_mentions m2 ON m2.doc = m1.doc
               JOIN documents d ON d.rowid = m1.doc WHERE m1.entity_id = ? AND m2.entity_id != ?""",
            (node_id, node_id)):
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
