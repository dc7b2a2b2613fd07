"""Entities across documents: one canonical entity per actor, every document's mentions linked to it.

Each document's entities are matched against the knowledge base by keys:
strong keys (the alias table's actor, a full multi-word name, an acronym or the
acronym of a multi-word organisation name) link on their own; weak keys (a
surname, or a surname one letter off) link only when the candidate shares
context with the document (another actor both are mentioned with) and the first
names do not disagree, judged on the documents stored before this one. Two people
with one surname in unrelated stories stay apart quietly; ``decisions`` records
the links made on weak evidence, ambiguous names, and refusals a user would ask
about (a name one letter off a stored one, a namesake in the same text).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass, field

from newsgraph.kb.records import encode_plain
from newsgraph.language.aliases import canonical_alias, normalise_name
from newsgraph.record import Document, Entity

# Words skipped when an organisation's initials are formed ("Frente Revolucionario
# del Pacífico" -> FRP, "Tehreek-e-Nifaz-e-Adl" -> TNA).
_ACRONYM_SKIP = {"of", "the", "and", "for", "de", "del", "la", "las", "los", "el", "e", "y", "al",
                 "da", "do", "di", "du", "des", "in", "on", "a", "an", "et", "und"}
MIN_ACRONYM = 3  # two-letter initials ("NA") collide too often to link on their own
MAX_ACRONYM = 6
MIN_FUZZY_SURNAME = 4  # one letter off in a shorter name is another name ("Ali" / "Ala")
# A weak key (surname alone, one-letter variant) links only when the candidate has
# been mentioned alongside at least this many of the document's other actors (people and
# organisations: a shared country or city says nothing about who a "Mr Otieno" is).
MIN_SHARED_CONTEXT = 1
MAX_WEAK_CANDIDATES = 20  # bearers of a common surname examined per weak link
CONTEXT_DOCS = 50  # recent documents of a candidate read for its context (bounds the query)
LINKED_TYPES = ("PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")
PLACE_TYPES = ("GPE", "LOC", "FAC")
_ACRONYM_FORM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")


@dataclass
class Group:
    """The document's entities that name one actor (an entity, plus bare names of it in the same text)."""

    local_ids: list[str]
    type: str
    forms: list[str] = field(default_factory=list)
    spans: list[list[int]] = field(default_factory=list)

    @property
    def fullest(self) -> str:
        return max(self.forms, key=lambda f: (len(normalise_name(f).split()), not f.isupper(), len(f)))


def _tokens(form: str) -> list[str]:
    return normalise_name(form).split()


def _is_acronym(form: str) -> bool:
    return bool(_ACRONYM_FORM.match(form.replace(".", "")))


def initials(form: str) -> str:
    words = [w for w in _tokens(form) if w not in _ACRONYM_SKIP]
    return "".join(w[0] for w in words)


def local_groups(doc: Document) -> list[Group]:
    """The document's entities, a bare surname or first word joined to the one full name it shortens."""
    entities = [e for e in doc.entities if e.type in LINKED_TYPES and e.name.strip()]
    groups: dict[str, Group] = {}
    for ent in entities:
        groups[ent.id] = Group([ent.id], ent.type, [ent.name, *ent.aliases], [list(m) for m in ent.mentions])
    multi = [e for e in entities if len(_tokens(e.name)) >= 2]
    for ent in entities:
        tokens = _tokens(ent.name)
        if len(tokens) != 1 or _is_acronym(ent.name):
            continue
        owners = [m for m in multi
                  if (m.type == "PERSON" and _tokens(m.name)[-1] == tokens[0])
                  or (m.type != "PERSON" and _tokens(m.name)[0] == tokens[0])]
        if len(owners) == 1 and owners[0].id in groups and ent.id in groups:
            owner = groups[owners[0].id]
            mine = groups.pop(ent.id)
            owner.local_ids += mine.local_ids
            owner.forms += mine.forms
            owner.spans += mine.spans
    return list(groups.values())


def keys_of(group: Group) -> tuple[set[str], set[str]]:
    """(strong, weak) keys of a group."""
    strong: set[str] = set()
    weak: set[str] = set()
    person = group.type == "PERSON"
    for form in group.forms:
        form_strong, form_weak = _form_keys(form, person)
        strong |= form_strong
        weak |= form_weak
    return strong, weak


# Distinct name forms whose keys are kept: the same actors come back story after story, and
# normalising a form and looking it up in the alias table was a tenth of the time spent storing
# a document. A bounded cache (a few MiB), so memory stays flat.
FORM_KEYS_CACHE = 8192


@functools.lru_cache(maxsize=FORM_KEYS_CACHE)
def _form_keys(form: str, person: bool) -> tuple[frozenset[str], frozenset[str]]:
    """The (strong, weak) keys one name form gives, as a person's name or another actor's."""
    strong: set[str] = set()
    weak: set[str] = set()
    norm = normalise_name(form)
    if not norm:
        return frozenset(), frozenset()
    hit = canonical_alias(form)
    if hit:
        strong.add("alias:" + normalise_name(hit[0]))
    tokens = norm.split()
    if _is_acronym(form.strip()) and not person:
        strong.add("acr:" + norm.replace(" ", ""))
        return frozenset(strong), frozenset(weak)
    if len(tokens) >= 2:
        strong.add("name:" + norm)
        if not person:
            letters = initials(form)
            if MIN_ACRONYM <= len(letters) <= MAX_ACRONYM:
                strong.add("acr:" + letters)
    elif not person:
        strong.add("name:" + norm)
    if person or len(tokens) == 1:
        weak |= surname_keys(tokens[-1])
    if not person and tokens[0] not in _ACRONYM_SKIP:
        weak.add("first:" + tokens[0])  # "Meridian" for "Meridian Press Agency", with context
    return frozenset(strong), frozenset(weak)


def surname_keys(surname: str) -> set[str]:
    """The surname and, for longer ones, each spelling one letter shorter: two names one
    letter apart (substitution, insertion or deletion) always share one of these keys."""
    keys = {"sur:" + surname}
    if len(surname) >= MIN_FUZZY_SURNAME:
        keys |= {"sur:" + surname[:i] + surname[i + 1:] for i in range(len(surname))}
    return keys


def surnames(forms: list[str]) -> set[str]:
    return {_tokens(f)[-1] for f in forms if _tokens(f)}


def _name_of(forms: list[str]) -> str:
    """The fullest of a stored entity's forms, to name it in a decision."""
    return max(forms, key=lambda f: (len(_tokens(f)), len(f)), default="")


def group_name(group: Group) -> str:
    """The alias table's name for the group's actor when it has one, else its fullest form."""
    canonical = next((hit for hit in map(canonical_alias, group.forms) if hit), None)
    return canonical[0] if canonical else group.fullest


def _is_canonical(name: str) -> bool:
    hit = canonical_alias(name)
    return hit is not None and hit[0] == name


def better_name(form: str, current: str) -> bool:
    """Whether ``form`` should name a stored entity instead of ``current``: the alias table's
    name, then more words, not in capitals, then first in alphabetical order."""
    mine = (_is_canonical(form), len(_tokens(form)), not form.isupper())
    theirs = (_is_canonical(current), len(_tokens(current)), not current.isupper())
    return mine > theirs or (mine == theirs and form < current)


def first_names(forms: list[str]) -> set[str]:
    return {_tokens(f)[0] for f in forms if len(_tokens(f)) >= 2}


def _entity_id(seed: str) -> str:
    return "E" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:12]


class EntityResolver:
    """Resolves one document at a time against the stored entities (same connection, same transaction)."""

    def __init__(self, conn: sqlite3.Connection, rowid: int) -> None:
        self.conn = conn
        # The document's row in ``documents``: the key of its mentions, and the bound of the
        # documents weak links are judged on (those stored before it, the same whether it is
        # being ingested now or indexed again after a forget).
        self.rowid = rowid

    def resolve(self, doc: Document) -> dict[str, str]:
        """Link every entity of ``doc``; returns {local entity id: canonical id}."""
        resolved: dict[str, str] = {}
        pending: list[tuple[Group, set[str], set[str]]] = []
        for group in local_groups(doc):
            strong, weak = keys_of(group)
            target = self._strong_match(strong)
            if target:
                self._attach(doc, group, target, strong, weak, resolved)
            else:
                pending.append((group, strong, weak))
        for group, strong, weak in pending:
            target = self._weak_match(doc, group, weak, set(resolved.values()))
            created = target is None
            if target is None:
                seed = sorted(strong)[0] if strong else f"{doc.id}:{group.local_ids[0]}"
                target = _entity_id(seed)
                if self.conn.execute("SELECT 1 FROM kb_entities WHERE id = ?", (target,)).fetchone():
                    target = _entity_id(f"{doc.id}:{group.local_ids[0]}")
                self.conn.execute("INSERT OR IGNORE INTO kb_entities (id, name, type) VALUES (?, ?, ?)",
                                  (target, group_name(group), group.type))
            self._attach(doc, group, target, strong, weak, resolved, created)
        return resolved

    def _strong_match(self, strong: set[str]) -> str | None:
        if not strong:
            return None
        marks = ",".join("?" * len(strong))
        rows = self.conn.execute(
            f"SELECT entity_id, COUNT(*) AS n FROM entity_keys WHERE strong = 1 AND key IN ({marks}) "
            "GROUP BY entity_id ORDER BY n DESC, entity_id", tuple(sorted(strong))).fetchall()
        return rows[0][0] if rows else None

    def _weak_match(self, doc: Document, group: Group, weak: set[str], context: set[str]) -> str | None:
        if not weak:
            return None
        marks = ",".join("?" * len(weak))
        # A place never links weakly to an actor nor an actor to a place ("Pacific coast" is no
        # short form of "Pacific Revolutionary Front"); between actors the model's type is too
        # noisy to insist on (a "Meridian" tagged NORP is the Meridian Press Agency).
        places = group.type in PLACE_TYPES
        candidates = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT k.entity_id, e.type FROM entity_keys k JOIN kb_entities e ON e.id = k.entity_id "
            f"WHERE k.strong = 0 AND k.key IN ({marks}) AND EXISTS (SELECT 1 FROM doc_mentions m "
            "WHERE m.entity_id = k.entity_id AND m.doc < ?) ORDER BY k.entity_id LIMIT ?",
            (*sorted(weak), self.rowid, MAX_WEAK_CANDIDATES)) if (r[1] in PLACE_TYPES) == places]
        mine = first_names(group.forms)
        scored = []
        for candidate in candidates:
            forms = self._forms(candidate)
            theirs = first_names(forms)
            # Only refusals a user would ask about are logged: a name one letter off a stored
            # one, or a namesake named in this very document. Every other bearer of a common
            # surname kept apart is the expected outcome, and logging it buried the rest.
            worth_logging = candidate in context or not (surnames(group.forms) & surnames(forms))
            if mine and theirs and not (mine & theirs):
                if worth_logging:
                    self._decide(doc.id, "entity kept apart",
                                 f"{group.fullest!r} and entity {candidate} ({_name_of(forms)!r}) "
                                 "share a surname but not a first name")
                continue
            shared = len(self._context(candidate) & context)
            if shared < MIN_SHARED_CONTEXT:
                if worth_logging:
                    self._decide(doc.id, "entity kept apart",
                                 f"{group.fullest!r} resembles entity {candidate} ({_name_of(forms)!r}) "
                                 "but they share no context")
                continue
            scored.append((shared, candidate))
        if not scored:
            return None
        scored.sort(key=lambda item: (-item[0], item[1]))
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            self._decide(doc.id, "entity ambiguous",
                         f"{group.fullest!r} fits {scored[0][1]} and {scored[1][1]} equally; kept apart")
            return None
        self._decide(doc.id, "entity linked by context",
                     f"{group.fullest!r} linked to {scored[0][1]} ({scored[0][0]} shared actors)")
        return scored[0][1]

    def _forms(self, entity_id: str) -> list[str]:
        forms: list[str] = []
        for row in self.conn.execute(
                "SELECT forms FROM doc_mentions WHERE entity_id = ? AND doc < ? ORDER BY doc DESC LIMIT ?",
                (entity_id, self.rowid, CONTEXT_DOCS)):
            forms += json.loads(row[0])
        return forms

    def _context(self, entity_id: str) -> set[str]:
        rows = self.conn.execute(
            """SELECT DISTINCT m2.entity_id FROM
                 (SELECT doc FROM doc_mentions WHERE entity_id = ? AND doc < ?
                  ORDER BY doc DESC LIMIT ?) AS m1
               JOIN doc_mentions m2 ON m2.doc = m1.doc
               WHERE m2.entity_id != ? AND m2.type IN ('PERSON', 'ORG')""",
            (entity_id, self.rowid, CONTEXT_DOCS, entity_id))
        return {row[0] for row in rows}

    def _attach(self, doc: Document, group: Group, target: str, strong: set[str], weak: set[str],
                resolved: dict[str, str], created: bool = False) -> None:
        # Strong (1), weak (0) and plain-form (2) keys have distinct prefixes: one statement.
        keys = [(key, target, 1) for key in sorted(strong)] + [(key, target, 0) for key in sorted(weak)]
        keys += [("form:" + form, target, 2) for form in sorted({normalise_name(f) for f in group.forms})]
        stored: tuple[str, str] | None = None  # the entity's name and type, when it was there before
        if not created:
            # A known entity mostly comes back under forms it already has: its keys are read with
            # its name and type, in one range of the entity index, and only the new ones written
            # (each INSERT OR IGNORE was a search of the whole key table).
            found = self.conn.execute(
                "SELECT e.name, e.type, k.key FROM kb_entities e "
                "LEFT JOIN entity_keys k ON k.entity_id = e.id WHERE e.id = ?", (target,)).fetchall()
            if found:
                stored = (found[0][0], found[0][1])
                known = {row[2] for row in found}
                keys = [row for row in keys if row[0] not in known]
        if keys:
            self.conn.executemany(
                "INSERT OR IGNORE INTO entity_keys (key, entity_id, strong) VALUES (?, ?, ?)", keys)
        rows = []
        for local_id in group.local_ids:
            ent = doc.entity(local_id) or Entity(local_id, group.fullest, group.type)
            rows.append((self.rowid, local_id, target, ent.name, ent.type,
                         encode_plain(sorted({ent.name, *ent.aliases})),
                         json.dumps(ent.mentions)))
            resolved[local_id] = target
        self.conn.executemany(
            "INSERT OR REPLACE INTO doc_mentions (doc, local_id, entity_id, name, type, forms, spans) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        # Name and type are ranked over everything attached so far, never "the first seen", so
        # that they do not depend on the order documents came in (a forget and a re-ingest, or
        # a fresh ingest of the same records in another order, agree).
        if stored is None:  # named and typed from this group a moment ago
            return
        row = stored
        name = group_name(group)
        if name != row[0] and better_name(name, row[0]):
            self.conn.execute("UPDATE kb_entities SET name = ? WHERE id = ?", (name, target))
        if group.type != row[1]:  # the type most of its mentions have (then alphabetical)
            kind = self.conn.execute("SELECT type FROM doc_mentions WHERE entity_id = ? GROUP BY type "
                                     "ORDER BY COUNT(*) DESC, type LIMIT 1", (target,)).fetchone()[0]
            if kind != row[1]:
                self.conn.execute("UPDATE kb_entities SET type = ? WHERE id = ?", (kind, target))

    def _decide(self, doc_id: str, kind: str, detail: str) -> None:
        self.conn.execute("INSERT INTO decisions (doc_id, kind, detail) VALUES (?, ?, ?)",
                          (doc_id, kind, detail))
