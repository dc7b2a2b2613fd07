"""The extraction benchmark scorer and runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.eval.extraction import (
    evaluate_extraction,
    format_extraction_report,
    match_counts,
    score,
    uncleaned_extractor,
)

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets" / "extraction"

# The evaluation gate: F1 of the text-dump classifier on the 91 development pages was
# 0.923 when this floor was raised from 0.90 (it was 0.913 before bylines became barriers).
# Lowering it needs a stated reason (a deliberate trade, e.g. for held-out pages), never
# just a failing run.
TEXT_F1_FLOOR = 0.915


def test_one_changed_word_gives_one_shared_shingle_of_three():
    tp, fp, fn = match_counts("a b c d e", "a b c d x")
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))


def test_score_averages_precision_over_nonempty_predictions_only():
    truths = {"1": "a b c d e", "2": "one two three four five six"}
    result = score(truths, {"1": "a b c d x", "2": ""})
    assert result["precision"] == pytest.approx(0.5)  # document 2 has no prediction: not averaged
    assert result["recall"] == pytest.approx(0.25)  # (0.5 + 0) / 2
    assert result["f1"] == pytest.approx(1 / 3)
    assert result["documents"] == 2


def test_short_texts_are_one_shingle_and_punctuation_splits_words():
    assert score({"1": "hello world"}, {"1": "hello world"})["f1"] == pytest.approx(1.0)
    assert score({"1": "a b c d"}, {"1": "a-b c.d"})["f1"] == pytest.approx(1.0)
    assert score({"1": "Hello world"}, {"1": "hello world"})["f1"] == 0.0  # tokens keep their case


def test_repeated_shingles_count_as_often_as_they_occur():
    result = score({"1": "x y z w x y z w"}, {"1": "x y z w"})
    assert result["precision"] == pytest.approx(1.0)
    assert result["recall"] == pytest.approx(0.2)


def test_evaluate_extraction_writes_submission_format(tmp_path):
    data = tmp_path / "extraction"
    (data / "text").mkdir(parents=True)
    truth = {"p1": {"articleBody": "the river broke its banks", "url": "http://a"},
             "p2": {"articleBody": "rescue teams moved families", "url": "http://b"}}
    (data / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    (data / "text" / "p1.txt").write_text("Menu\nthe river broke its banks\n", encoding="utf-8")
    (data / "text" / "p2.txt").write_text("rescue teams moved families\n", encoding="utf-8")
    out = tmp_path / "pred" / "text.json"
    result = evaluate_extraction(data, "text", out, extractor=uncleaned_extractor)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written == {"p1": {"articleBody": "Menu\nthe river broke its banks\n"},
                       "p2": {"articleBody": "rescue teams moved families\n"}}
    # p1: 3 predicted shingles, 2 true ones shared -> P 2/3, R 1; p2 exact
    assert result["precision"] == pytest.approx((2 / 3 + 1) / 2)
    assert result["recall"] == pytest.approx(1.0)
    assert result["input"] == "text" and result["documents"] == 2


def test_evaluate_extraction_rejects_unknown_input_kind(tmp_path):
    with pytest.raises(ValueError):
        evaluate_extraction(tmp_path, "pdf", tmp_path / "out.json")


def test_report_table_rows():
    table = format_extraction_report([{"input": "text", "documents": 91, "precision": 0.9196,
                                       "recall": 0.9061, "f1": 0.91284}])
    assert table.splitlines() == ["| input | documents | precision | recall | F1 |",
                                  "|---|---:|---:|---:|---:|",
                                  "| text | 91 | 0.920 | 0.906 | 0.913 |"]


@pytest.mark.datasets
def test_text_dump_f1_on_development_pages(tmp_path):
    if not DATA_DIR.exists():
        pytest.skip(f"benchmark set not present at {DATA_DIR}")
    result = evaluate_extraction(DATA_DIR, "text", tmp_path / "extraction-text.json")
    assert result["documents"] == 91
    assert result["f1"] >= TEXT_F1_FLOOR
