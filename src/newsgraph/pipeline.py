"""Ordered stages over Documents.

Cleaning turns each raw page into a Document; the language model then runs
once over the bodies of a batch (``nlp.pipe``), and each annotation stage reads
the spaCy Doc (``document._nlp``) and the fields earlier stages set, and fills
its own. A stage that fails on one document leaves a warning on that record and
the batch goes on.
"""

from __future__ import annotations

import itertools
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from newsgraph.clean import clean_page
from newsgraph.ingest.readers import Failure, RawPage, read_paths
from newsgraph.record import Document

# spaCy's default max_length; bodies longer than this are cut (with a warning)
# rather than failing the page. 1M characters is about 170,000 words.
MAX_BODY_CHARS = 1_000_000
BATCH_SIZE = 32


@dataclass(frozen=True)
class Stage:
    """One annotation stage: what it needs from the record and what it sets."""

    name: str
    run: Callable[[Document], None]
    needs: tuple[str, ...]
    sets: tuple[str, ...]


def default_stages() -> list[Stage]:
    """The annotation stages in order; imported here so that start-up stays cheap.

    Order matters: entities come first (every later stage links to them), quotes
    before quantities (a number inside a quote is claimed by its speaker), and
    incidents last (they read dates, entities and the casualty numbers).
    """
    from newsgraph.extract import dates, incidents, quantities, quotes, sources
    from newsgraph.language import entities

    return [
        Stage("entities", entities.run, needs=("nlp",), sets=("entities",)),
        Stage("dates", dates.run, needs=("nlp", "published"), sets=("dates",)),
        Stage("quotes", quotes.run_quotes, needs=("nlp", "entities"), sets=("quotes",)),
        Stage("sources", sources.run_sources, needs=("quotes", "entities"), sets=("sources",)),
        Stage("quantities", quantities.run, needs=("nlp", "entities", "quotes"), sets=("quantities",)),
        Stage("incidents", incidents.run, needs=("nlp", "dates", "entities"), sets=("incidents",)),
    ]


class Pipeline:
    def __init__(self, stages: list[Stage] | None = None, model: str | None = None,
                 batch_size: int = BATCH_SIZE) -> None:
        self.stages = default_stages() if stages is None else stages
        self.model = model
        self.batch_size = batch_size
        self._nlp = None
        # Seconds spent per stage ("model" for nlp.pipe), for `newsgraph bench`.
        self.timings: dict[str, float] = defaultdict(float)

    @property
    def needs_model(self) -> bool:
        return any("nlp" in stage.needs for stage in self.stages)

    def nlp(self):
        if self._nlp is None:
            from newsgraph.language.model import load_model

            self._nlp = load_model(self.model)
        return self._nlp

    def annotate(self, documents: Iterable[Document]) -> Iterator[Document]:
        """Run every stage over ``documents``, batching the model."""
        iterator = iter(documents)
        while batch := list(itertools.islice(iterator, self.batch_size)):
            if self.needs_model:
                texts = [_model_text(doc) for doc in batch]
                nlp = self.nlp()
                started = time.perf_counter()
                for doc, parsed in zip(batch, nlp.pipe(texts), strict=True):
                    doc._nlp = parsed
                self.timings["model"] += time.perf_counter() - started
            for doc in batch:
                self._run_stages(doc)
                doc._nlp = None  # the spaCy Doc is working state; free it with the batch
                yield doc

    def _run_stages(self, doc: Document) -> None:
        for stage in self.stages:
            if "nlp" in stage.needs and doc._nlp is None:
                continue
            started = time.perf_counter()
            try:
                stage.run(doc)
            except Exception as exc:  # one bad document must not abort the batch
                for name in stage.sets:  # no half-filled field: what the stage set is dropped
                    setattr(doc, name, [])
                doc.warn(f"{stage.name} stage failed: {type(exc).__name__}: {exc}")
            self.timings[stage.name] += time.perf_counter() - started

    def extract(self, paths: Iterable[str], published: str | None = None
                ) -> Iterator[Document | Failure]:
        """Read, clean and annotate; failures pass through in input order."""
        cleaned = (clean_item(item, published) for item in read_paths(paths))
        pending: list[Document | Failure] = []
        for item in cleaned:
            pending.append(item)
            if len(pending) >= self.batch_size:
                yield from self._flush(pending)
                pending = []
        yield from self._flush(pending)

    def _flush(self, items: list[Document | Failure]) -> Iterator[Document | Failure]:
        annotated = iter(self.annotate([i for i in items if isinstance(i, Document)]))
        for item in items:
            yield next(annotated) if isinstance(item, Document) else item


def clean_item(item: RawPage | Failure, published: str | None = None) -> Document | Failure:
    if isinstance(item, Failure):
        return item
    try:
        return clean_page(item, published=published)
    except Exception as exc:  # a cleaner bug on one page is that page's failure only
        return Failure(item.path or item.uri or "?", f"cleaning failed: {type(exc).__name__}: {exc}")


def _model_text(doc: Document) -> str:
    if len(doc.body) > MAX_BODY_CHARS:
        doc.warn(f"body of {len(doc.body)} characters cut to {MAX_BODY_CHARS} for the language model")
        return doc.body[:MAX_BODY_CHARS]
    return doc.body
