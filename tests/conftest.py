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


def datasets_dir(name: str) -> Path:
    path = DATASETS / name
    if not path.exists():
        pytest.skip(f"benchmark set {name} not present at {path}")
    return path
