"""Extraction on Dask workers stores exactly what a serial run stores."""

from __future__ import annotations

import pytest

from conftest import SAMPLES
from newsgraph.ingest.readers import Failure
from newsgraph.parallel import extract_parallel
from newsgraph.pipeline import Pipeline


@pytest.mark.model
@pytest.mark.slow
def test_two_local_workers_give_the_serial_records_in_input_order(tmp_path):
    pages = sorted((SAMPLES / "text").glob("*.txt"))[:6]
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    paths = [str(p) for p in pages[:3]] + [str(tmp_path / "empty.txt")] + [str(p) for p in pages[3:]]
    serial = list(Pipeline(batch_size=2).extract(paths))
    parallel = list(extract_parallel(paths, workers=2, batch_size=2))
    assert [type(x).__name__ for x in parallel] == [type(x).__name__ for x in serial]
    assert isinstance(parallel[3], Failure) and parallel[3].reason == "empty file"
    for mine, theirs in zip(parallel, serial, strict=True):
        if not isinstance(mine, Failure):
            assert mine.to_dict() == theirs.to_dict()
