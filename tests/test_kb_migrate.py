"""SqliteKB.migrate: two commands opening one old file, and a migration that fails."""

from __future__ import annotations

import sqlite3

import pytest

import newsgraph.kb.sqlite as kb_sqlite
from newsgraph.kb import open_kb
from newsgraph.kb.migrations import SQLITE_MIGRATIONS
from newsgraph.kb.sqlite import SqliteKB

LATEST = SQLITE_MIGRATIONS[-1][0]


def _old_file(path, monkeypatch, version: int) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(kb_sqlite, "SQLITE_MIGRATIONS", SQLITE_MIGRATIONS[:version])
        with open_kb(path) as kb:
            assert kb.schema_version() == version


def test_a_migration_another_connection_applied_meanwhile_is_skipped_not_run_twice(tmp_path, monkeypatch):
    path = tmp_path / "kb.db"
    _old_file(path, monkeypatch, 9)
    apply = SqliteKB._apply
    raced: list[list[int]] = []

    def another_command_first(self, *args):
        # The first time this connection is about to upgrade, a second command (which read the
        # same old list) upgrades the file completely.
        if not raced:
            raced.append([])
            with open_kb(path) as other:
                raced[0] = [row[0] for row in other.conn.execute("SELECT version FROM schema_migrations")]
        return apply(self, *args)

    monkeypatch.setattr(SqliteKB, "_apply", another_command_first)
    with open_kb(path) as kb:  # read versions 1..9, then found 10 and 11 applied by the other one
        assert raced == [list(range(1, LATEST + 1))]
        assert kb.schema_version() == LATEST and kb.migrate() == []
        assert [row[0] for row in kb.conn.execute("SELECT version FROM schema_migrations")] == raced[0]
        assert kb.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_failing_migration_leaves_the_file_as_it_was_and_no_connection_open(tmp_path, monkeypatch):
    path = tmp_path / "kb.db"
    _old_file(path, monkeypatch, LATEST)
    opened: list[sqlite3.Connection] = []
    connect = sqlite3.connect

    def recording_connect(*args, **kwargs):
        opened.append(connect(*args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(kb_sqlite.sqlite3, "connect", recording_connect)
    broken = (LATEST + 1, "broken", "CREATE TABLE half_done (x);\nSELECT nope;")
    monkeypatch.setattr(kb_sqlite, "SQLITE_MIGRATIONS", [*SQLITE_MIGRATIONS, broken])
    with pytest.raises(sqlite3.OperationalError, match="no such column: nope"):
        open_kb(path)
    assert len(opened) == 1
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        opened[0].execute("SELECT 1")
    monkeypatch.undo()
    with open_kb(path) as kb:
        assert kb.schema_version() == LATEST
        assert kb.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half_done'").fetchone() is None
