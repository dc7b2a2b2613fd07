"""Read-only access to the knowledge base for the web server.

The server opens the SQLite file with ``mode=ro`` for each request, so it can
never write to the knowledge base, and under WAL its readers never block a
running ``newsgraph ingest``. The few reads the KB's query modules do not offer
(a stored record, document titles) live here.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

# A request waits this long for a writer's lock (a checkpoint, a migration) before failing.
BUSY_TIMEOUT_MS = 5000
# Titles fetched in one request: an entity view lists its documents, rarely more than a few hundred.
MAX_SUMMARY_IDS = 500


def missing_kb(db: str) -> str | None:
    """Why ``db`` cannot be served (no such file), or None. The server never creates a KB."""
    text = str(db)
    if text.startswith(("postgresql://", "postgres://")):
        return None  # open_kb explains that this version serves SQLite only
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):]
    if not Path(text).is_file():
        return f"no knowledge base at {text}; build one with `newsgraph ingest PATH... --db {text}`"
    return None


def connect_readonly(path: str) -> sqlite3.Connection:
    """A connection that cannot write: SQLite refuses every write on it."""
    uri = "file:" + quote(str(Path(path).resolve())) + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=True)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return conn


def document_record(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    """The stored ``newsgraph.document/1`` record, exactly as ingested."""
    row = conn.execute("SELECT record FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return json.loads(row[0]) if row else None


def document_summaries(conn: sqlite3.Connection, ids: list[str]) -> list[dict[str, Any]]:
    """Title, date and address of the given documents (unknown ids are left out), in the given order."""
    wanted = list(dict.fromkeys(ids))[:MAX_SUMMARY_IDS]
    if not wanted:
        return []
    marks = ", ".join("?" for _ in wanted)
    found = {row[0]: {"id": row[0], "title": row[1], "published": row[2], "uri": row[3]}
             for row in conn.execute(f"SELECT id, title, published, uri FROM documents WHERE id IN ({marks})",
                                     wanted)}
    return [found[doc_id] for doc_id in wanted if doc_id in found]


def report_incidents(conn: sqlite3.Connection, doc_id: str) -> list[dict[str, str]]:
    """Which knowledge-base incident each incident of a document's record was merged into, in the
    order of the record's numbering ("incident-2" before "incident-10")."""
    rows = conn.execute("SELECT local_id, incident_id FROM incident_reports WHERE doc_id = ?", (doc_id,))
    return [{"report": local_id, "incident": incident}
            for local_id, incident in sorted(rows, key=lambda row: numbered_order(row[0]))]


_TRAILING_NUMBER = re.compile(r"(.*?)(\d+)")


def numbered_order(local_id: str) -> tuple[str, int, str]:
    """A sort key reading a trailing number as a number: "incident-2" < "incident-10"; an id
    without one sorts before the numbered ids of the same stem."""
    match = _TRAILING_NUMBER.fullmatch(local_id)
    if match is None:
        return local_id, -1, local_id
    return match.group(1), int(match.group(2)), local_id


def incident_exists(conn: sqlite3.Connection, incident_id: str) -> bool:
    return conn.execute("SELECT 1 FROM kb_incidents WHERE id = ?", (incident_id,)).fetchone() is not None
