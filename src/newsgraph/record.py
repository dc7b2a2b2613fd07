"""The Document record (``newsgraph.document/1``) and its parts.

One Document travels through every stage; each stage reads what it needs and
fills its own fields. Spans are ``[start, end)`` character offsets into
``body``. ``to_json``/``from_json`` give the contract's JSON shape exactly;
fields that start with an underscore are working state and never serialised.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA = "newsgraph.document/1"

BLOCK_KINDS = (
    "headline", "paragraph", "subheading", "caption", "credit", "embed", "navigation",
    "related", "comments", "footer", "advert", "other",
)
PUBLISHED_BASES = ("metadata", "dateline", "caption", "embed", "text", "none")
SOURCE_FORMATS = ("text", "html", "warc", "wet", "jsonl")
QUALIFIERS = ("exact", "about", "at_least", "at_most", "more_than", "less_than", "range")
QUOTE_KINDS = ("direct", "indirect", "mixed")
SOURCE_KINDS = ("outlet", "agency", "official", "expert", "organisation", "document", "person")
INCIDENT_TYPES = (
    "bombing", "armed_assault", "assassination", "kidnapping", "hostage_taking", "hijacking",
    "arson", "unarmed_assault", "robbery", "arrest", "raid", "other",
)

_SPACES = re.compile(r"\s+")


def body_id(body: str) -> str:
    """Stable document id: hash of the whitespace-normalised body."""
    normalised = _SPACES.sub(" ", body).strip().lower()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:32]


def _check(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"{what} must be one of {', '.join(allowed)}; got {value!r}")
    return value


@dataclass
class Source:
    """Where the page came from (not to be confused with a quoted ``Attribution`` source)."""

    uri: str | None = None
    path: str | None = None
    format: str = "text"

    def __post_init__(self) -> None:
        _check(self.format, SOURCE_FORMATS, "source format")


@dataclass
class Block:
    kind: str
    text: str
    kept: bool = False

    def __post_init__(self) -> None:
        _check(self.kind, BLOCK_KINDS, "block kind")


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[list[int]] = field(default_factory=list)


@dataclass
class DateMention:
    text: str
    span: list[int]
    value: str | None
    granularity: str | None = None
    type: str = "DATE"  # TimeML type: DATE, TIME, DURATION, SET


@dataclass
class Quantity:
    text: str
    span: list[int]
    low: float | None
    high: float | None
    qualifier: str = "exact"
    unit: str | None = None
    claimant: str | None = None
    claimant_text: str | None = None

    def __post_init__(self) -> None:
        _check(self.qualifier, QUALIFIERS, "qualifier")


@dataclass
class Quote:
    text: str
    span: list[int]
    kind: str
    cue: str | None = None
    speaker: str | None = None
    speaker_entity: str | None = None
    speaker_span: list[int] | None = None
    cue_span: list[int] | None = None
    speaker_text: str | None = None  # the speaker as written ("he"), before resolution

    def __post_init__(self) -> None:
        _check(self.kind, QUOTE_KINDS, "quote kind")


@dataclass
class Attribution:
    """A source the story relies on (the contract's ``sources`` entries)."""

    name: str
    kind: str
    entity: str | None = None
    anonymous: bool = False
    via: int | None = None
    evidence: list[list[int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        _check(self.kind, SOURCE_KINDS, "source kind")


@dataclass
class Location:
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


@dataclass
class Count:
    low: int | None = None
    high: int | None = None
    qualifier: str | None = None
    text: str | None = None


@dataclass
class Incident:
    id: str
    type: str
    suicide: bool = False
    date: str | None = None
    date_text: str | None = None
    location: Location = field(default_factory=Location)
    places: list[str] = field(default_factory=list)
    perpetrators: list[str] = field(default_factory=list)
    perpetrator_orgs: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    killed: Count = field(default_factory=Count)
    injured: Count = field(default_factory=Count)
    evidence: list[list[int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        _check(self.type, INCIDENT_TYPES, "incident type")


_LIST_TYPES: dict[str, type] = {
    "blocks": Block, "entities": Entity, "dates": DateMention, "quantities": Quantity,
    "quotes": Quote, "sources": Attribution,
}


@dataclass
class Document:
    body: str
    source: Source = field(default_factory=Source)
    title: str | None = None
    published: str | None = None
    published_basis: str = "none"
    language: str = "en"
    blocks: list[Block] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sources: list[Attribution] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    site_name: str | None = None
    id: str = ""
    schema: str = SCHEMA

    def __post_init__(self) -> None:
        _check(self.published_basis, PUBLISHED_BASES, "published_basis")
        if not self.id:
            self.id = body_id(self.body)
        # Working state for stages (the spaCy Doc); never serialised.
        self._nlp: Any = None

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def entity(self, entity_id: str | None) -> Entity | None:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        order = ["schema", "id", "source", "title", "published", "published_basis", "language",
                 "site_name", "body", "blocks", "entities", "dates", "quantities", "quotes",
                 "sources", "incidents", "warnings"]
        return {key: out[key] for key in order}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        if data.get("schema", SCHEMA) != SCHEMA:
            raise ValueError(f"unsupported record schema {data.get('schema')!r}")
        known = {f.name for f in fields(cls)}
        kwargs: dict[str, Any] = {k: v for k, v in data.items() if k in known}
        kwargs["source"] = Source(**data.get("source") or {})
        for name, item_type in _LIST_TYPES.items():
            kwargs[name] = [item_type(**item) for item in data.get(name) or []]
        kwargs["incidents"] = [_incident_from_dict(item) for item in data.get("incidents") or []]
        return cls(**kwargs)

    @classmethod
    def from_json(cls, line: str) -> Document:
        return cls.from_dict(json.loads(line))


def _incident_from_dict(data: dict[str, Any]) -> Incident:
    data = dict(data)
    data["location"] = Location(**data.get("location") or {})
    data["killed"] = Count(**data.get("killed") or {})
    data["injured"] = Count(**data.get("injured") or {})
    return Incident(**data)
