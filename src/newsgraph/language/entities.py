"""The entities stage: named entities with their variants merged, one per actor.

``run`` reads the model's named spans (``doc._nlp.ents``) over the article
body, cleans them and adds the project's rules (``entity_rules``), merges the
forms of each actor (``entity_merge``), picks up untagged repeats of known
names (``entity_repeats``) and writes ``doc.entities``. Only ``doc.body`` is
read, so captions and other removed blocks never become entities.

Ids are "e" plus a short hash of the type and normalised name, so the same
actor gets the same id on every run and, when the names agree, in every
document.
"""

from __future__ import annotations

import hashlib

from newsgraph.language.aliases import normalise_name
from newsgraph.language.entity_merge import MergedEntity, Merger, finish
from newsgraph.language.entity_repeats import add_repeated_names
from newsgraph.language.entity_rules import ParsedText, collect_mentions
from newsgraph.record import Document, Entity

ID_HEX_DIGITS = 12


def entity_id(entity_type: str, name: str) -> str:
    """Stable id of an actor: the same type and (normalised) name give the same id anywhere."""
    key = f"{entity_type}|{normalise_name(name) or name.strip().lower()}"
    return "e" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:ID_HEX_DIGITS]


def run(doc: Document) -> None:
    """Fill ``doc.entities`` from ``doc._nlp``; never raises for odd text."""
    doc.entities = []
    parsed = doc._nlp
    if parsed is None:
        doc.warn("entities: no language model parse of the body; no entities found")
        return
    if not doc.body.strip() or not len(parsed):
        return
    if not doc.body.startswith(parsed.text):
        doc.warn("entities: the parse does not match the body; no entities found")
        return
    text = ParsedText.of(doc)
    if text.casing == "upper":
        doc.warn("entities: text is almost all capital letters; names found in it are less reliable")
    mentions = collect_mentions(text)
    merger = Merger()
    merger.add_all(mentions)
    merger.link_late_full_forms()
    add_repeated_names(merger, text, mentions)
    doc.entities = to_records([finish(cluster) for cluster in merger.roots()])


def to_records(merged: list[MergedEntity]) -> list[Entity]:
    """Record entities in order of first mention; two clusters with one id become one entity."""
    by_id: dict[str, Entity] = {}
    for item in merged:
        ident = entity_id(item.type, item.name)
        existing = by_id.get(ident)
        if existing is None:
            by_id[ident] = Entity(id=ident, name=item.name, type=item.type, aliases=list(item.aliases),
                                  mentions=[list(span) for span in item.mentions])
            continue
        for alias in item.aliases:
            if alias not in existing.aliases and alias != existing.name:
                existing.aliases.append(alias)
        spans = {tuple(span) for span in existing.mentions} | {tuple(span) for span in item.mentions}
        existing.mentions = [list(span) for span in sorted(spans)]
    for entity in by_id.values():
        entity.mentions.sort()
    return sorted(by_id.values(), key=lambda e: (e.mentions[0] if e.mentions else [0, 0], e.id))


def entity_at(doc: Document, start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``[start, end)`` (most overlap wins); a point if start == end."""
    best, best_overlap = None, -1
    for entity in doc.entities:
        for s, e in entity.mentions:
            if start == end:
                hit = s <= start < e
                overlap = 0
            else:
                overlap = min(e, end) - max(s, start)
                hit = overlap > 0
            if hit and overlap > best_overlap:
                best, best_overlap = entity, overlap
    return best
