"""Ingesting pages into the knowledge base: read, clean, annotate, store, summarise."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsgraph.ingest.readers import Failure
from newsgraph.pipeline import BATCH_SIZE, Pipeline
from newsgraph.record import Document


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    present: int = 0
    failures: list[Failure] = field(default_factory=list)
    warned: int = 0

    @property
    def exit_code(self) -> int:
        """0 when every input was read, 3 when some failed (the rest is still stored)."""
        return 3 if self.failures else 0

    def lines(self) -> list[str]:
        out = [f"pages read: {self.read}", f"stored: {self.stored}",
               f"already present: {self.present}", f"failed: {len(self.failures)}"]
        if self.warned:
            out.append(f"stored with warnings: {self.warned}")
        out += [f"  {failure.where}: {failure.reason}" for failure in self.failures]
        return out


def ingest_paths(paths: Iterable[str], kb, pipeline: Pipeline, published: str | None = None,
                 on_item: Callable[[Document | Failure], None] | None = None) -> IngestSummary:
    """Store every page of ``paths``; one transaction per batch, failures recorded with reasons."""
    return store_items(pipeline.extract(paths, published=published), kb, pipeline.batch_size, on_item)


def store_items(items: Iterable[Document | Failure], kb, batch_size: int = BATCH_SIZE,
                on_item: Callable[[Document | Failure], None] | None = None) -> IngestSummary:
    """Store extracted records as they come (from a Pipeline or Dask workers), batch by batch."""
    summary = IngestSummary()
    batch: list[Document] = []

    def flush() -> None:
        for doc, new in zip(batch, kb.add_batch(batch), strict=True):
            summary.stored += new
            summary.present += not new
            summary.warned += bool(new and doc.warnings)
        batch.clear()

    for item in items:
        summary.read += 1
        if on_item is not None:
            on_item(item)
        if isinstance(item, Failure):
            summary.failures.append(item)
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    flush()
    return summary
