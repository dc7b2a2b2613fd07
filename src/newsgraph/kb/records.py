"""Records as stored: the exact JSON of ``Document.to_json()``, built without deep copies.

``dataclasses.asdict`` deep-copies every leaf value, which makes serialising a
record the largest single cost of loading the knowledge base; records hold only
JSON values, so a plain walk gives the same object at a fraction of the cost.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from typing import Any

from newsgraph.record import Document


@functools.lru_cache(maxsize=64)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def plain(value: Any) -> Any:
    """A dataclass tree as dicts and lists (what ``dataclasses.asdict`` returns for records)."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if hasattr(type(value), "__dataclass_fields__"):
        return {name: plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


@functools.lru_cache(maxsize=1)
def _order() -> tuple[str, ...]:
    return tuple(Document(body="").to_dict())  # the contract's key order, from the record itself


def _fields_of(value: Any) -> dict[str, Any]:
    """A record part as a dict of its fields (the contract's key order for the document)."""
    if isinstance(value, Document):
        return {key: getattr(value, key) for key in _order()}
    if hasattr(type(value), "__dataclass_fields__"):
        return {name: getattr(value, name) for name in _field_names(type(value))}
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


# One encoder, built once: ``json.dumps`` with any option builds a new encoder per call.
_ENCODE_RECORD = json.JSONEncoder(default=_fields_of, ensure_ascii=False).encode
# Lists of names and the like, as ``json.dumps(value, ensure_ascii=False)`` writes them.
encode_plain = json.JSONEncoder(ensure_ascii=False).encode


def part_json(value: Any) -> str:
    """A record part (an incident, ...) as JSON, as ``json.dumps(plain(value))`` gives it."""
    return _ENCODE_RECORD(value)


def record_json(doc: Document) -> str:
    """Exactly ``doc.to_json()``: the encoder walks lists, strings and numbers itself and asks
    ``_fields_of`` only for the dataclasses, a third of the cost of building plain dicts first."""
    return _ENCODE_RECORD(doc)
