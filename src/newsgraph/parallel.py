"""Batch extraction on Dask: a local cluster of worker processes, or a real cluster's scheduler.

Pages are read in this process and shipped to the workers in batches; each
worker process loads the language model once and runs the same Pipeline as a
serial run. Results come back in input order, so a parallel ingest stores
exactly what a serial one would.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from newsgraph.ingest.readers import Failure, RawPage, read_paths
from newsgraph.pipeline import BATCH_SIZE, Pipeline, clean_item
from newsgraph.record import Document

# Batches in flight per worker: enough to keep every worker busy while results
# stream back, few enough that memory stays bounded on a long crawl.
IN_FLIGHT_PER_WORKER = 2

_WORKER_PIPELINES: dict[str | None, Pipeline] = {}


def process_batch(items: list[RawPage | Failure], published: str | None,
                  model: str | None) -> list[Document | Failure]:
    """Clean and annotate one batch inside a worker (the pipeline is built once per process)."""
    pipeline = _WORKER_PIPELINES.get(model)
    if pipeline is None:
        pipeline = _WORKER_PIPELINES[model] = Pipeline(model=model)
    cleaned = [clean_item(item, published) for item in items]
    annotated = iter(pipeline.annotate([c for c in cleaned if isinstance(c, Document)]))
    return [next(annotated) if isinstance(c, Document) else c for c in cleaned]


def extract_parallel(paths: Iterable[str], published: str | None = None, workers: int | None = None,
                     scheduler: str | None = None, model: str | None = None,
                     batch_size: int = BATCH_SIZE) -> Iterator[Document | Failure]:
    """Like ``Pipeline.extract``, with the work spread over Dask workers."""
    from distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        slots = max(1, len(client.scheduler_info().get("workers", {})) or workers or 1)
        yield from _ordered_results(client, read_paths(paths), published, model, batch_size,
                                    slots * IN_FLIGHT_PER_WORKER)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _ordered_results(client, items: Iterable[RawPage | Failure], published: str | None,
                     model: str | None, batch_size: int, in_flight: int) -> Iterator[Document | Failure]:
    source = iter(items)
    batches = iter(lambda: list(itertools.islice(source, batch_size)), [])
    pending = []
    for batch in batches:
        pending.append(client.submit(process_batch, batch, published, model, pure=False))
        if len(pending) >= in_flight:
            yield from pending.pop(0).result()
    for future in pending:
        yield from future.result()
