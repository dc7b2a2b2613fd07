"""TempEval-3 timex scorer: a hand-written TimeML file with exact expected scores, and a gate."""

from __future__ import annotations

import pytest

from newsgraph.eval.timex import evaluate_timex, format_timex_report, read_timeml

SAMPLE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2016-03-23" temporalFunction="false" \
functionInDocument="CREATION_TIME">2016-03-23</TIMEX3></DCT>
<TEXT>
Police <EVENT eid="e1" class="REPORTING">said</EVENT> on <TIMEX3 tid="t1" type="DATE" \
value="2016-03-22">Tuesday</TIMEX3> that the siege lasted <TIMEX3 tid="t2" type="DURATION" \
value="P4D">four days</TIMEX3>. It began <TIMEX3 tid="t3" type="DATE" value="2016-03">last month</TIMEX3> \
&amp; ended <TIMEX3 tid="t4" type="DATE" value="2016-03-20">on Sunday</TIMEX3>. It is over now.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
</TimeML>
"""


def test_read_timeml_strips_tags_and_keeps_offsets(tmp_path):
    path = tmp_path / "sample.tml"
    path.write_text(SAMPLE, encoding="utf-8")
    doc = read_timeml(path)
    assert doc.doc_id == "TEST001"
    assert doc.dct == "2016-03-23"
    assert "<" not in doc.text and "&amp;" not in doc.text and " & ended " in doc.text
    assert [doc.text[g.start:g.end] for g in doc.gold] == ["Tuesday", "four days", "last month", "on Sunday"]
    assert [g.value for g in doc.gold] == ["2016-03-22", "P4D", "2016-03", "2016-03-20"]


def test_evaluate_timex_exact_scores(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "sample.tml").write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "predictions"
    scores = evaluate_timex(data, out, use_model=False)
    # Predicted: Tuesday (exact, right value), four days (exact, right), last month (exact span,
    # value 2016-02 against the gold 2016-03), Sunday (overlaps "on Sunday", right value),
    # now (not in the gold). Gold 4, predicted 5.
    assert scores["documents"] == 1
    assert (scores["gold"], scores["predicted"]) == (4, 5)
    assert (scores["strict_precision"], scores["strict_recall"], scores["strict_f1"]) == (0.6, 0.75, 0.6667)
    assert (scores["relaxed_precision"], scores["relaxed_recall"], scores["relaxed_f1"]) == (0.8, 1.0, 0.8889)
    assert (scores["value_precision"], scores["value_recall"], scores["value_f1"]) == (0.6, 0.75, 0.6667)
    assert (scores["type_precision"], scores["type_recall"], scores["type_f1"]) == (0.8, 1.0, 0.8889)
    written = (out / "TEST001.tml").read_text(encoding="utf-8")
    assert 'functionInDocument="CREATION_TIME">2016-03-23</TIMEX3></DCT>' in written
    assert '<TIMEX3 tid="t1" type="DATE" value="2016-03-22">Tuesday</TIMEX3>' in written
    assert '<TIMEX3 tid="t5" type="DATE" value="PRESENT_REF">now</TIMEX3>' in written
    assert "&amp; ended" in written and "<EVENT" not in written and "MAKEINSTANCE" not in written


def test_evaluate_timex_without_gold_only_writes_predictions(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    raw = SAMPLE.split("<TEXT>")[0] + "<TEXT>\nThe talks will resume on Friday.\n</TEXT>\n</TimeML>\n"
    (data / "raw.TE3input").write_text(raw, encoding="utf-8")
    scores = evaluate_timex(data, tmp_path / "out", use_model=False)
    assert (scores["documents"], scores["scored_documents"], scores["gold"]) == (1, 0, 0)
    written = (tmp_path / "out" / "TEST001.tml").read_text(encoding="utf-8")
    assert '<TIMEX3 tid="t1" type="DATE" value="2016-03-25">Friday</TIMEX3>' in written


def test_format_timex_report():
    scores = {"documents": 2, "gold": 10, "predicted": 8, "value_precision": 0.75, "value_recall": 0.6,
              "value_f1": 0.6667}
    report = format_timex_report(scores)
    assert "| value | 0.750 | 0.600 | 0.667 |" in report
    assert "2 documents, 10 gold TIMEX3, 8 predicted" in report


# Measured value F1 on the first 40 files (AQUAINT, sorted) with the model: 0.765 (dates round 3;
# 0.764 after round 2, 0.749 before). The gate leaves about two points for parser differences.
GATE_VALUE_F1 = 0.745


@pytest.mark.datasets
@pytest.mark.model
def test_gate_tempeval3_value_f1(tmp_path):
    from conftest import datasets_dir

    data = datasets_dir("tempeval3") / "TBAQ-cleaned"
    scores = evaluate_timex(data, tmp_path, limit=40)
    assert scores["documents"] == 40
    assert scores["value_f1"] >= GATE_VALUE_F1
