"""The knowledge-base bench (small version) and the eval's file mapping and scoring."""

from __future__ import annotations

import re

from newsgraph.eval.kb import _scores, format_kb_report, gold_keys
from newsgraph.kb.bench import Generator, run_kb_bench


def test_generator_is_deterministic_and_shares_actors():
    first = [d.id for d in Generator().documents(50)]
    assert first == [d.id for d in Generator().documents(50)]
    docs = list(Generator().documents(200))
    names = [e.name for d in docs for e in d.entities if e.type == "PERSON"]
    assert len(set(names)) < len(names)  # people recur across stories
    assert all(d.body[e.mentions[0][0]:e.mentions[0][1]] == e.name for d in docs for e in d.entities)


def test_small_bench_reports_every_figure(tmp_path):
    rows = dict(run_kb_bench(300, folder=tmp_path))
    assert list(rows) == [
        "knowledge base load, 300 generated records (1 core)",
        "knowledge base search query, p95 over 200", "knowledge base entity query, p95 over 200",
        "knowledge base network query, p95 over 200", "knowledge base peak memory (RSS)",
        "knowledge base file size"]
    assert re.fullmatch(r"\d+ documents/s wall, \d+ documents/s of CPU time",
                        rows["knowledge base load, 300 generated records (1 core)"])
    assert re.fullmatch(r"\d+\.\d ms", rows["knowledge base search query, p95 over 200"])


def test_gold_keys_number_archive_pages_in_reading_order():
    stored = {"a": "/x/samples/archive/crawl.warc.gz#3", "b": "/x/samples/archive/crawl.warc.gz#11",
              "c": "/x/samples/archive/crawl.warc.gz#5", "d": "samples/text/one.txt",
              "e": "samples/jsonl/export.jsonl#2"}
    assert gold_keys(stored) == {"archive/crawl.warc.gz#1": "a", "archive/crawl.warc.gz#2": "c",
                                 "archive/crawl.warc.gz#3": "b", "text/one.txt": "d",
                                 "jsonl/export.jsonl#1": "e"}


def test_pairwise_scores_and_report():
    scores = _scores({("a", "b"), ("a", "c")}, {("a", "b"), ("b", "c"), ("c", "d"), ("a", "d")})
    assert scores == {"precision": 0.5, "recall": 0.25, "predicted": 2, "gold": 4}
    table = format_kb_report({"reprints": scores, "incidents": scores, "entities": scores})
    assert table.splitlines()[2] == "| reprints | 0.500 | 0.250 | 2 | 4 |"
