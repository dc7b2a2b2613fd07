"""Putting a rebuilt table in the place of the old one, for changes ALTER TABLE cannot make."""

from __future__ import annotations

import sqlite3


def replace_table(conn: sqlite3.Connection, table: str, rebuilt: str) -> None:
    """Drop ``table`` and give its name to ``rebuilt`` (a new table already holding its rows).

    The steps are the ones SQLite's documentation gives for a table rebuild. Indexes and
    triggers defined on ``table`` go with it when it is dropped: each is created again from
    its own stored SQL, so those a user added survive too. Views, and triggers of other
    tables, only name ``table``: they read the new one once it bears the name. The rename
    runs with legacy_alter_table on, which keeps SQLite from checking them while the name
    is missing (a view of the dropped table would make it fail) or rewriting them.

    Runs inside the caller's transaction. The caller turns foreign keys off beforehand:
    dropping a parent table with them on deletes its children's rows (ON DELETE CASCADE).
    """
    attached = [row[0] for row in conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
        "AND sql IS NOT NULL ORDER BY rowid", (table,))]  # automatic indexes have no SQL
    conn.execute(f'DROP TABLE "{table}"')
    legacy = conn.execute("PRAGMA legacy_alter_table").fetchone()[0]
    conn.execute("PRAGMA legacy_alter_table=ON")
    try:
        conn.execute(f'ALTER TABLE "{rebuilt}" RENAME TO "{table}"')
    finally:
        conn.execute(f"PRAGMA legacy_alter_table={'ON' if legacy else 'OFF'}")
    for sql in attached:
        conn.execute(sql)
