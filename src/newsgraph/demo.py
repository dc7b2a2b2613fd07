"""The demo: the bundled corpus through ingest, then a readable summary of what came out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from newsgraph.kb import open_kb
from newsgraph.kb.load import ingest_paths
from newsgraph.pipeline import Pipeline

SHOWN = 8  # rows shown per section
# Folders of the samples that are not pages to ingest: gold answers, and the
# sources the archives are built from (the archives hold the same pages).
NOT_PAGES = {"gold", "src"}


def _corpus_paths(samples: Path) -> list[Path]:
    paths = []
    for path in sorted(samples.iterdir()):
        if path.is_dir() and path.name not in NOT_PAGES:
            paths += [p for p in sorted(path.iterdir()) if p.name not in NOT_PAGES]
    return paths


def run_demo(samples: Path, db: str) -> Iterator[str]:
    inputs = [str(path) for path in _corpus_paths(samples)]
    with open_kb(db) as kb:
        summary = ingest_paths(inputs, kb, Pipeline())
        yield f"newsgraph demo: {samples}"
        yield from ("  " + line for line in summary.lines())
        docs = list(kb.documents())
    yield ""
    formats = Counter(doc.source.format for doc in docs)
    yield "documents by input kind: " + ", ".join(f"{k} {v}" for k, v in sorted(formats.items()))
    bases = Counter(doc.published_basis for doc in docs)
    yield "publication date from: " + ", ".join(f"{k} {v}" for k, v in sorted(bases.items()))
    removed = Counter(block.kind for doc in docs for block in doc.blocks if not block.kept)
    yield "blocks set aside: " + ", ".join(f"{k} {v}" for k, v in removed.most_common())
    yield ""
    yield "documents:"
    for doc in docs[:SHOWN]:
        yield f"  {doc.published or '----------'}  {doc.id[:12]}  {(doc.title or '(no title)')[:70]}"
    if len(docs) > SHOWN:
        yield f"  ... and {len(docs) - SHOWN} more"
