"""The JSON API: one function per route over a read-only connection.

Each route returns what the matching command prints with ``--json`` (a list where
the command prints JSON Lines). Bad input raises ``ApiError`` with the HTTP
status to send; the server turns it into ``{"error": ..., "status": ...}``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from newsgraph.record import INCIDENT_TYPES
from newsgraph.web import store

MAX_DEPTH = 3  # as `newsgraph network --depth`
DEFAULT_SEARCH_LIMIT = 20  # as `newsgraph search --limit`
MAX_SEARCH_LIMIT = 200


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


Params = dict[str, str]


def _text(params: Params, name: str, required: bool = False) -> str | None:
    value = (params.get(name) or "").strip()
    if not value and required:
        raise ApiError(400, f"missing parameter {name!r}")
    return value or None


def _date(params: Params, name: str) -> str | None:
    from newsgraph.clean.published import normalise_date

    value = _text(params, name)
    if value is None:
        return None
    iso = normalise_date(value)
    if iso is None:
        raise ApiError(400, f"{name}: expected a date like 2016-03-22, got {value!r}")
    return iso


def _kind(params: Params) -> str | None:
    value = _text(params, "type")
    if value is not None and value not in INCIDENT_TYPES:
        raise ApiError(400, f"type: expected one of {', '.join(INCIDENT_TYPES)}, got {value!r}")
    return value


def _integer(params: Params, name: str, default: int, low: int, high: int) -> int:
    value = _text(params, name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ApiError(400, f"{name}: expected a whole number, got {value!r}") from None
    if not low <= number <= high:
        raise ApiError(400, f"{name}: expected {low} to {high}, got {number}")
    return number


def search(conn: sqlite3.Connection, params: Params) -> list[dict[str, Any]]:
    from newsgraph.kb.queries import search as query

    return query(conn, _text(params, "q", required=True), since=_date(params, "since"),
                 until=_date(params, "until"), entity=_text(params, "entity"), kind=_kind(params),
                 place=_text(params, "place"),
                 limit=_integer(params, "limit", DEFAULT_SEARCH_LIMIT, 1, MAX_SEARCH_LIMIT))


def entity(conn: sqlite3.Connection, params: Params) -> dict[str, Any]:
    from newsgraph.kb.queries import entity_profile

    name = _text(params, "name", required=True)
    profile = entity_profile(conn, name)
    if profile is None:
        raise ApiError(404, f"no entity named {name!r}")
    return profile


def incidents(conn: sqlite3.Connection, params: Params) -> list[dict[str, Any]]:
    from newsgraph.kb.queries import incidents as query

    return query(conn, since=_date(params, "since"), until=_date(params, "until"), kind=_kind(params),
                 place=_text(params, "place"))


def incident(conn: sqlite3.Connection, incident_id: str) -> dict[str, Any]:
    from newsgraph.kb.queries import incident as query

    found = query(conn, incident_id)
    if found is None:
        raise ApiError(404, f"no incident {incident_id!r}")
    return found


def claims(conn: sqlite3.Connection, params: Params) -> list[dict[str, Any]]:
    from newsgraph.kb.queries import claims as query

    return query(conn, _text(params, "q", required=True))


def quotes(conn: sqlite3.Connection, params: Params) -> list[dict[str, Any]]:
    """As `newsgraph quotes`: by words (q), speaker and publication dates; all when none is given."""
    from newsgraph.kb.queries import quotes as query

    return query(conn, _text(params, "q"), speaker=_text(params, "speaker"), since=_date(params, "since"),
                 until=_date(params, "until"))


def network(conn: sqlite3.Connection, params: Params) -> dict[str, list[dict]]:
    """As `newsgraph network`: around an entity (any alias) or an incident id."""
    from newsgraph.kb.network import network as query
    from newsgraph.kb.queries import find_entity

    name = _text(params, "name", required=True)
    depth = _integer(params, "depth", 1, 1, MAX_DEPTH)
    start = find_entity(conn, name)
    if start is None and store.incident_exists(conn, name):
        start = name
    if start is None:
        raise ApiError(404, f"no entity named {name!r}")
    return query(conn, start, depth)


def reprints(conn: sqlite3.Connection, params: Params) -> list[dict[str, Any]]:
    from newsgraph.kb.queries import reprints as query

    return query(conn)


def decisions(conn: sqlite3.Connection, params: Params) -> list[dict[str, Any]]:
    from newsgraph.kb.queries import decisions as query

    return query(conn, _text(params, "document"))


def reports(conn: sqlite3.Connection, params: Params) -> list[dict[str, str]]:
    """For ``document``: each of its record's incidents and the knowledge-base incident it joined."""
    return store.report_incidents(conn, _text(params, "document", required=True) or "")


def document(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any]:
    record = store.document_record(conn, doc_id)
    if record is None:
        raise ApiError(404, f"no document {doc_id!r}")
    return record


def documents(conn: sqlite3.Connection, params: Params, ids: list[str]) -> list[dict[str, Any]]:
    """Titles and dates of the documents named by repeated ``id`` parameters (for the UI's lists)."""
    return store.document_summaries(conn, ids)


_ROUTES: dict[str, Callable[[sqlite3.Connection, Params], Any]] = {
    "search": search, "entity": entity, "incidents": incidents, "claims": claims, "quotes": quotes,
    "network": network, "reprints": reprints, "decisions": decisions, "reports": reports,
}
_ITEM_ROUTES: dict[str, Callable[[sqlite3.Connection, str], Any]] = {
    "incidents": incident, "documents": document,
}


def is_api(target: str) -> bool:
    path = urlsplit(target).path
    return path == "/api" or path.startswith("/api/")


def answer(conn: sqlite3.Connection, target: str) -> Any:
    """The JSON value for a request target ("/api/entity?name=PKK"); ``ApiError`` if there is none."""
    parts = urlsplit(target)
    pairs = parse_qs(parts.query, keep_blank_values=True)
    params = {key: values[0] for key, values in pairs.items()}
    segments = [unquote(s) for s in parts.path.split("/")[2:]]  # after "", "api"
    if len(segments) == 1 and segments[0] == "documents":
        return documents(conn, params, pairs.get("id", []))
    if len(segments) == 1 and segments[0] in _ROUTES:
        return _ROUTES[segments[0]](conn, params)
    if len(segments) == 2 and segments[0] in _ITEM_ROUTES and segments[1]:
        return _ITEM_ROUTES[segments[0]](conn, segments[1])
    raise ApiError(404, f"no such API route: {parts.path}")
