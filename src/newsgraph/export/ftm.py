"""The knowledge base as FollowTheMoney entities (JSON Lines), for Aleph and other FtM tools.

- each document is an ``Article`` (title, publication date, URL, outlet, body text);
- people are ``Person``, organisations, NORP groups and outlets ``Organization``, each with
  its other name forms as ``alias``; places and other entity types are left out;
- each incident is an ``Event`` (type and place as its name, date, place, country, the
  current figures as its summary; perpetrators as ``organizer``, victims as ``involved``);
- ``Documentation`` links each article to the actors and events it mentions;
- member_of is a ``Membership``, spokesperson_for a ``Representation`` (the spokesperson
  the agent of the organisation), quoted_by and cites an ``UnknownLink`` with that role;
- each quote with a known speaker is a ``Note`` on the speaker, its text the description.

Ids are the knowledge base's own ids under a "ng-" prefix, and hashes of the two ends for
links, so exporting twice gives the same ids. Written one entity per line as read.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections import Counter
from typing import TextIO

from newsgraph.export import kb_view
from newsgraph.kb.queries import incident as read_incident

_SCHEMA = {"PERSON": "Person", "ORG": "Organization", "NORP": "Organization", "OUTLET": "Organization"}
_LINKS = {"member_of": ("Membership", "member", "organization"),
          "spokesperson_for": ("Representation", "agent", "client"),
          "quoted_by": ("UnknownLink", "subject", "object"), "cites": ("UnknownLink", "subject", "object")}
_EVENT_ROLES = {"perpetrator_of": "organizer", "victim_of": "involved"}
# FtM writes languages as ISO 639-2 codes; the records carry ISO 639-1.
_LANGUAGES = {"en": "eng", "fr": "fra", "de": "deu", "es": "spa", "it": "ita", "pt": "por", "nl": "nld",
              "ru": "rus", "ar": "ara", "zh": "zho"}


# What FtM accepts as an entity id: letters, digits, dots and dashes, starting and ending alphanumeric.
_PLAIN_ID = re.compile(r"[0-9a-zA-Z]([0-9a-zA-Z.-]{0,62}[0-9a-zA-Z])?")


def ftm_id(key: str) -> str:
    """ "ng-" and the knowledge base's id, or a hash of it when it has other characters."""
    return f"ng-{key}" if _PLAIN_ID.fullmatch(key) else "ng-" + hashlib.sha1(key.encode("utf-8")).hexdigest()


def link_id(*parts: str) -> str:
    return "ng-" + hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()


class _Writer:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.written: set[str] = set()

    def add(self, entity_id: str, schema: str, **properties: list[str] | str | None) -> None:
        props = {}
        for name, value in properties.items():
            values = value if isinstance(value, list) else [value]
            kept = [str(v) for v in values if v not in (None, "")]
            if kept:
                props[name] = kept
        self.out.write(json.dumps({"id": entity_id, "schema": schema, "properties": props},
                                  ensure_ascii=False, sort_keys=True) + "\n")
        self.written.add(entity_id)


def export_ftm(conn: sqlite3.Connection, out: TextIO) -> int:
    """Write the knowledge base to ``out`` as FtM entities, one per line; returns how many."""
    writer = _Writer(out)
    for actor in kb_view.actors(conn):
        if actor.type in _SCHEMA:
            writer.add(ftm_id(actor.id), _SCHEMA[actor.type], name=actor.name, alias=actor.aliases)
    event_roles: dict[str, dict[str, list[str]]] = {}
    links = []
    for relation in kb_view.relations(conn):
        source, target = ftm_id(relation["source"]), ftm_id(relation["target"])
        if relation["relation"] in _EVENT_ROLES:
            if source in writer.written:
                roles = event_roles.setdefault(relation["target"], {"organizer": [], "involved": []})
                roles[_EVENT_ROLES[relation["relation"]]].append(source)
        elif source in writer.written and target in writer.written:
            links.append((relation["relation"], source, target, len(relation["documents"])))
    for incident_id, _first, _last in kb_view.incident_ids(conn):
        _add_event(writer, conn, incident_id, event_roles.get(incident_id, {}))
    for kind, source, target, weight in links:
        schema, source_prop, target_prop = _LINKS[kind]
        writer.add(link_id(kind, source, target), schema, role=kind.replace("_", " "),
                   summary=f"given by {weight} document(s)", **{source_prop: source, target_prop: target})
    for doc in kb_view.documents(conn):
        _add_article(writer, doc)
    seen: Counter[tuple[str, str]] = Counter()
    for quote in kb_view.quotes(conn):
        speaker = ftm_id(quote["entity"]) if quote["entity"] else None
        key = (quote["document"], quote["text"])
        seen[key] += 1
        if speaker in writer.written:
            writer.add(link_id("quote", quote["document"], str(seen[key]), quote["text"]), "Note",
                       entity=speaker, description=quote["text"],
                       summary=f"{quote['kind']} quote in {ftm_id(quote['document'])}")
    return len(writer.written)


def _add_event(writer: _Writer, conn: sqlite3.Connection, incident_id: str,
               roles: dict[str, list[str]]) -> None:
    data = read_incident(conn, incident_id)
    if data is None:
        return
    where = data.get("location") or {}
    figures = [f"{data[k]} {k}" for k in ("killed", "injured") if data.get(k) is not None]
    writer.add(ftm_id(incident_id), "Event",
               name=data["type"].replace("_", " ") + (f" in {where['name']}" if where.get("name") else ""),
               date=data.get("date"), location=where.get("name"),
               country=(where.get("country") or "").lower() or None,
               summary=", ".join(figures) + f" ({len(data['reports'])} report(s))" if figures else None,
               organizer=sorted(set(roles.get("organizer", []))),
               involved=sorted(set(roles.get("involved", []))))


def _add_article(writer: _Writer, doc: kb_view.StoredDocument) -> None:
    article = ftm_id(doc.id)
    url = doc.uri if doc.uri and doc.uri.startswith(("http://", "https://")) else None
    writer.add(article, "Article", title=doc.title, publishedAt=doc.published, sourceUrl=url,
               publisher=doc.site_name, language=_LANGUAGES.get(doc.language or ""), bodyText=doc.body)
    for node in doc.entities + doc.incidents + ([doc.outlet] if doc.outlet else []):
        target = ftm_id(node)
        if target in writer.written:
            role = "published by" if node == doc.outlet else \
                "reports" if node in doc.incidents else "mentions"
            writer.add(link_id("documentation", article, target), "Documentation", document=article,
                       entity=target, role=role, date=doc.published)
