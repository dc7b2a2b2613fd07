"""Shared fixtures. Unit tests build Documents by hand; the ``nlp`` fixture loads the real model once."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT.parent / "shared" / "datasets"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.language.model import load_model

    return load_model()


@pytest.fixture
def parse(nlp):
    """Build a Document whose ``_nlp`` is the real parse of ``body``."""
    from newsgraph.record import Document

    def build(body: str, published: str | None = None) -> Document:
        doc = Document(body=body, published=published,
                       published_basis="metadata" if published else "none")
        doc._nlp = nlp(body)
        return doc

    return build


@pytest.fixture
def written(parse):
    """The top-level attributions of ``body`` as written: (cue, source, content pieces)."""
    from newsgraph.extract.quotes import find_attributions

    def read(body: str) -> list[tuple[str, str | None, list[str]]]:
        found, _ = find_attributions(body, parse(body)._nlp)
        return [(body[f.cue[0]:f.cue[1]], body[f.source[0]:f.source[1]] if f.source else None,
                 [body[s:e] for s, e in f.content]) for f in found if not f.nested]

    return read


def datasets_dir(name: str) -> Path:
    path = DATASETS / name
    if not path.exists():
        pytest.skip(f"benchmark set {name} not present at {path}")
    return path


def build_old_schema(conn, version: int) -> None:
    """Give an empty SQLite connection the knowledge base's schema as migrations 1..``version``
    left it (their SQL, then their steps, which do nothing on an empty file but finish a table
    swap such as migration 11's), recorded in ``schema_migrations``: the starting point of the
    upgrade tests."""
    from newsgraph.kb.migrations import SQLITE_MIGRATIONS
    from newsgraph.kb.sqlite import MIGRATION_STEPS, _statements

    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                 "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))")
    for number, name, sql in SQLITE_MIGRATIONS[:version]:
        for statement in _statements(sql):
            conn.execute(statement)
        if number in MIGRATION_STEPS:
            MIGRATION_STEPS[number](conn)
        conn.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", (number, name))
