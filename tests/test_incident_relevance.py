"""The document relevance gate: features, scoring, and how the MUC-4 path builds templates from it."""

from __future__ import annotations

import math

import pytest

from newsgraph.eval import muc4
from newsgraph.extract import incident_relevance as ir
from newsgraph.record import Document, Incident


def _model(weights: dict[str, dict[str, float]], intercept: float = 0.0) -> dict:
    return {"labels": list(ir.LABELS), "intercept": [intercept] * len(ir.LABELS),
            "weights": {name: [row.get(label, 0.0) for label in ir.LABELS] for name, row in weights.items()}}


def test_each_label_is_its_own_logistic_regression():
    model = _model({"lem=bomb": {"relevant": math.log(3), "bombing": math.log(9)}}, intercept=0.0)
    probs = ir.score_features(["bias", "lem=bomb", "lem=unknown"], model)
    assert probs["relevant"] == pytest.approx(0.75)  # odds 3
    assert probs["bombing"] == pytest.approx(0.9)  # odds 9
    assert probs["kidnapping"] == pytest.approx(0.5)  # no evidence either way


def test_huge_scores_do_not_overflow():
    probs = ir.score_features(["x"], _model({"x": {"relevant": 1e6, "arson": -1e6}}))
    assert probs["relevant"] == pytest.approx(1.0)
    assert probs["arson"] == pytest.approx(0.0)


@pytest.mark.model
def test_features_of_a_lowercased_wire_story(parse):
    doc = parse("terrorists bombed the embassy in lima. the weather was fine. police arrived later.")
    names = ir.features(doc._nlp)
    assert "lead=terrorist" in names and "lead=embassy" in names
    assert "lem=police" in names and "lead=police" not in names  # third sentence: not the lead
    assert "lead_trigger=bombing" in names
    assert "kind=bombing|1" in names
    assert names == sorted(set(names))


@pytest.mark.model
def test_empty_text_has_only_the_constant_features(parse):
    assert ir.features(parse("")._nlp) == ["bias", "triggers=0"]


@pytest.mark.model
def test_shipped_model_tells_a_bombing_report_from_a_football_report(parse):
    bombing = parse("a dynamite bomb exploded this morning at the customs offices in cartagena, "
                    "killing three soldiers. the army blamed terrorists of the cali cartel.")
    football = parse("the city soccer club beat its rivals in sunday's league final before a packed stadium. "
                     "the manager thanked the fans.")
    attack = ir.probabilities(bombing._nlp)
    sport = ir.probabilities(football._nlp)
    assert attack["relevant"] > muc4.RELEVANCE_THRESHOLD > sport["relevant"]
    assert attack["bombing"] > 0.3  # a clear lead, not only the likeliest of weak kinds
    assert max(ir.KINDS, key=lambda k: attack[k]) == "bombing"


def _document() -> Document:
    doc = Document(body="x" * 200)
    doc.incidents = [
        Incident(id="incident-1", type="bombing", evidence=[[0, 50]], perpetrators=["terrorists"],
                 targets=["the embassy"], weapons=["dynamite"]),
        Incident(id="incident-2", type="kidnapping", evidence=[[100, 150]], perpetrators=["rebels"]),
    ]
    return doc


def test_without_a_relevance_model_the_incidents_are_grouped_by_kind():
    templates = muc4.templates_from_document(_document())
    assert [t["incident_type"] for t in templates] == ["bombing", "kidnapping"]
    assert templates[0]["Target"] == [["the embassy"]]
    assert templates[1]["PerpInd"] == [["rebels"]]
