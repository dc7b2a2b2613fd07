"""The knowledge base as a STIX 2.1 bundle, for threat-intelligence platforms (OpenCTI, MISP).

- each document is a ``report`` (its publication date, the actors and incidents it names,
  its URL as an external reference);
- actors are ``identity`` objects (people ``individual``, organisations and outlets
  ``organization``, NORP groups ``group``); an organisation some document names as a
  perpetrator is a ``threat-actor`` instead. Places and other entity types are left out:
  STIX locations need a country or coordinates, which only incidents have;
- incidents are ``incident`` objects, their figures (type, date, killed, injured, suicide)
  in a property extension this bundle defines, and their place a ``location``;
- perpetrator_of becomes incident ``attributed-to`` actor, victim_of incident ``targets``
  victim, incident ``located-at`` location; the other typed relations keep their names
  (``member-of``, ``spokesperson-for``, ``quoted-by``, ``cites``);
- quotes are ``note`` objects: the words, their speaker as author, about the report and
  the speaker.

Ids are UUIDv5 of the knowledge base's own ids, so exporting twice gives the same ids.
``created``/``modified`` are the ingest times of the first and last document behind an
object. The bundle is streamed: written object by object, closed at the end.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from collections import Counter
from typing import Any, TextIO

from newsgraph.export import kb_view
from newsgraph.kb.queries import incident as read_incident

NAMESPACE = uuid.UUID("5e0b6f1c-3f55-4c1e-9a43-6e7773677261")  # fixed: ids must not change between exports
FIGURES_EXTENSION = "extension-definition--" + str(uuid.uuid5(NAMESPACE, "newsgraph incident figures"))
_IDENTITY_CLASS = {"PERSON": "individual", "ORG": "organization", "OUTLET": "organization", "NORP": "group"}
_RELATIONSHIP = {"member_of": "member-of", "spokesperson_for": "spokesperson-for", "quoted_by": "quoted-by",
                 "cites": "cites"}


def stix_id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


def timestamp(value: str | None) -> str:
    """A stored time ("2026-11-26T13:58:47Z") or date ("2016-03-22") at STIX's millisecond precision."""
    if not value:
        return "1970-01-01T00:00:00.000Z"
    if len(value) == 10:
        return f"{value}T00:00:00.000Z"
    return value.rstrip("Z")[:19] + ".000Z"


class _Bundle:
    """Writes objects into one bundle as they come, remembering which ids it holds."""

    def __init__(self, out: TextIO, bundle_key: str, system_id: str) -> None:
        self.out = out
        self.system_id = system_id
        self.written: set[str] = set()
        out.write(f'{{"type": "bundle", "id": "{stix_id("bundle", bundle_key)}", "objects": [\n')

    def add(self, obj: dict[str, Any], first: str | None, last: str | None) -> None:
        full = {"type": obj["type"], "spec_version": "2.1", "id": obj["id"],
                "created": timestamp(first), "modified": timestamp(last or first)}
        if obj["id"] != self.system_id:
            full["created_by_ref"] = self.system_id
        full.update((k, v) for k, v in obj.items() if k not in ("type", "id") and v not in (None, [], ""))
        self.out.write((",\n" if self.written else "") + json.dumps(full, ensure_ascii=False, sort_keys=True))
        self.written.add(obj["id"])

    def close(self) -> int:
        self.out.write("\n]}\n")
        return len(self.written)


def export_stix(conn: sqlite3.Connection, out: TextIO) -> int:
    """Write the knowledge base to ``out`` as one STIX 2.1 bundle; returns the number of objects."""
    # The bundle's id is a hash of the documents' ids, read as they stream (no list of them kept).
    contents = hashlib.sha256()
    for number, (doc_id,) in enumerate(conn.execute("SELECT id FROM documents ORDER BY id")):
        contents.update((("\n" if number else "") + doc_id).encode("utf-8"))
    first, last = conn.execute("SELECT MIN(ingested_at), MAX(ingested_at) FROM documents").fetchone()
    system = stix_id("identity", "newsgraph")
    bundle = _Bundle(out, contents.hexdigest(), system)
    bundle.add({"type": "identity", "id": system, "name": "newsgraph", "identity_class": "system",
                "description": "Knowledge base built by newsgraph from news pages."}, first, last)
    bundle.add({"type": "extension-definition", "id": FIGURES_EXTENSION, "name": "newsgraph incident figures",
                "version": "1.0.0", "extension_types": ["property-extension"],
                "schema": "Properties of an incident: incident_type (bombing, armed_assault, ...), suicide "
                          "(boolean), date (YYYY-MM-DD), killed and injured (the latest figures reported, "
                          "copies of a report not counted as confirmation), reports (how many documents)."},
               first, last)
    perpetrators = kb_view.perpetrator_ids(conn)
    for actor in kb_view.actors(conn):
        _add_actor(bundle, actor, actor.id in perpetrators)
    for incident_id, seen_first, seen_last in kb_view.incident_ids(conn):
        _add_incident(bundle, conn, incident_id, seen_first, seen_last)
    for relation in kb_view.relations(conn):
        _add_relation(bundle, relation)
    for doc in kb_view.documents(conn):
        _add_report(bundle, doc)
    seen: Counter[tuple[str, str]] = Counter()
    for quote in kb_view.quotes(conn):
        key = (quote["document"], quote["text"])
        seen[key] += 1
        _add_note(bundle, quote, seen[key])
    return bundle.close()


def _actor_ref(node_id: str) -> list[str]:
    """Both ids an actor may have been written under (identity or threat-actor)."""
    return [stix_id("identity", node_id), stix_id("threat-actor", node_id)]


def _written(bundle: _Bundle, node_id: str) -> str | None:
    for candidate in (*_actor_ref(node_id), stix_id("incident", node_id)):
        if candidate in bundle.written:
            return candidate
    return None


def _add_actor(bundle: _Bundle, actor: kb_view.Actor, perpetrator: bool) -> None:
    if actor.type not in _IDENTITY_CLASS:
        return
    if perpetrator and actor.type in ("ORG", "NORP"):
        bundle.add({"type": "threat-actor", "id": stix_id("threat-actor", actor.id), "name": actor.name,
                    "aliases": actor.aliases}, actor.first_seen, actor.last_seen)
        return
    description = "News outlet (site)." if actor.type == "OUTLET" else None
    if actor.aliases:
        description = "Also named: " + "; ".join(actor.aliases)
    bundle.add({"type": "identity", "id": stix_id("identity", actor.id), "name": actor.name,
                "identity_class": _IDENTITY_CLASS[actor.type], "description": description},
               actor.first_seen, actor.last_seen)


def _add_incident(bundle: _Bundle, conn: sqlite3.Connection, incident_id: str, first: str, last: str) -> None:
    data = read_incident(conn, incident_id)
    if data is None:
        return
    where = data.get("location") or {}
    title = data["type"].replace("_", " ") + (f" in {where['name']}" if where.get("name") else "") + \
        (f", {data['date']}" if data.get("date") else "")
    figures = {"extension_type": "property-extension", "incident_type": data["type"],
               "suicide": bool(data.get("suicide")), "reports": len(data["reports"])}
    figures.update((k, data[k]) for k in ("date", "killed", "injured") if data.get(k) is not None)
    ref = stix_id("incident", incident_id)
    bundle.add({"type": "incident", "id": ref, "name": title,
                "extensions": {FIGURES_EXTENSION: figures}}, first, last)
    if where.get("country") or (where.get("lat") is not None and where.get("lon") is not None):
        place = stix_id("location", incident_id)
        location = {"type": "location", "id": place, "name": where.get("name"),
                    "country": (where.get("country") or "").upper() or None}
        if where.get("lat") is not None and where.get("lon") is not None:
            location.update(latitude=float(where["lat"]), longitude=float(where["lon"]))
        bundle.add(location, first, last)
        _relationship(bundle, "located-at", ref, place, None, first, last)


def _add_relation(bundle: _Bundle, relation: dict) -> None:
    source, target, kind = relation["source"], relation["target"], relation["relation"]
    weight = f"Given by {len(relation['documents'])} document(s)."
    first, last = relation["first_seen"], relation["last_seen"]
    if kind in ("perpetrator_of", "victim_of"):
        incident, actor = stix_id("incident", target), _written(bundle, source)
        if incident in bundle.written and actor:
            _relationship(bundle, "attributed-to" if kind == "perpetrator_of" else "targets",
                          incident, actor, weight, first, last)
        return
    source_ref, target_ref = _written(bundle, source), _written(bundle, target)
    if source_ref and target_ref:
        _relationship(bundle, _RELATIONSHIP[kind], source_ref, target_ref, weight, first, last)


def _relationship(bundle: _Bundle, kind: str, source: str, target: str, description: str | None,
                  first: str, last: str) -> None:
    ref = stix_id("relationship", f"{kind}:{source}:{target}")
    if ref not in bundle.written:
        bundle.add({"type": "relationship", "id": ref, "relationship_type": kind, "source_ref": source,
                    "target_ref": target, "description": description}, first, last)


def _add_report(bundle: _Bundle, doc: kb_view.StoredDocument) -> None:
    refs = [ref for ref in (_written(bundle, node) for node in doc.entities + doc.incidents
                            + ([doc.outlet] if doc.outlet else [])) if ref]
    reference = {"source_name": "newsgraph", "external_id": doc.id}
    if doc.uri and doc.uri.startswith(("http://", "https://")):
        reference["url"] = doc.uri
    bundle.add({"type": "report", "id": stix_id("report", doc.id), "name": doc.title or f"Document {doc.id}",
                "published": timestamp(doc.published or doc.ingested_at),
                "object_refs": refs or [bundle.system_id], "external_references": [reference],
                "lang": doc.language}, doc.ingested_at, doc.ingested_at)


def _add_note(bundle: _Bundle, quote: dict, occurrence: int) -> None:
    report = stix_id("report", quote["document"])
    refs = [report] + [ref for ref in [_written(bundle, quote["entity"]) if quote["entity"] else None] if ref]
    bundle.add({"type": "note", "id": stix_id("note", f"{quote['document']}:{occurrence}:{quote['text']}"),
                "abstract": f"{quote['kind']} quote", "content": quote["text"],
                "authors": [quote["speaker"]] if quote["speaker"] else [], "object_refs": refs},
               quote["ingested_at"], quote["ingested_at"])
