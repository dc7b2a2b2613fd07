"""The knowledge base: storage, migrations, loading and queries."""

from __future__ import annotations

from pathlib import Path

DEFAULT_DB = "newsgraph.db"


def open_kb(url: str | Path = DEFAULT_DB):
    """Open (creating and migrating) the knowledge base at ``url``: a SQLite file path."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        raise ValueError("this version stores the knowledge base in SQLite only; "
                         "give --db a file path")
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):]
    from newsgraph.kb.sqlite import SqliteKB

    return SqliteKB(text)
