"""The document relevance gate: features, scoring, and how the MUC-4 path builds templates from it."""

from __future__ import annotations

import math

import pytest

from newsgraph.eval import muc4
from newsgraph.extract import incident_relevance as ir
from newsgraph.extract.incident_classifier import Filler
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
    bombing = parse("a powerful bomb exploded last night at the offices of the government in bogota, "
                    "killing two policemen. police blamed the drug traffickers of the medellin cartel.")
    football = parse("the national football team won the cup final yesterday in front of a large crowd. "
                     "the coach praised the players.")
    attack = ir.probabilities(bombing._nlp)
    sport = ir.probabilities(football._nlp)
    assert attack["relevant"] > muc4.RELEVANCE_THRESHOLD > sport["relevant"]
    assert attack["bombing"] > muc4.KIND_THRESHOLD
    assert max(ir.KINDS, key=lambda k: attack[k]) == "bombing"


def _probs(relevant: float, **kinds: float) -> dict[str, float]:
    return {"relevant": relevant, **{k: kinds.get(k, 0.0) for k in ir.KINDS}}


def _document() -> Document:
    doc = Document(body="x" * 200)
    doc.incidents = [
        Incident(id="incident-1", type="bombing", evidence=[[0, 50]], perpetrators=["terrorists"],
                 targets=["the embassy"], weapons=["dynamite"]),
        Incident(id="incident-2", type="kidnapping", evidence=[[100, 150]], perpetrators=["rebels"]),
    ]
    return doc


def test_an_irrelevant_story_gets_no_template():
    assert muc4.muc_templates(_document(), _probs(0.2, bombing=0.9), []) == []


def test_rule_fillers_of_unused_roles_are_dropped_and_classifier_fillers_join_their_incidents_kind():
    fillers = [Filler("Target", "the embassy", 0.6, 0, 10, 21), Filler("Victim", "an engineer", 0.5, 2, 120, 131)]
    templates = muc4.muc_templates(_document(), _probs(0.9, bombing=0.8, kidnapping=0.4), fillers)
    assert [t["incident_type"] for t in templates] == ["bombing", "kidnapping"]
    bombing, kidnapping = templates
    assert bombing["PerpInd"] == [["terrorists"]]
    assert bombing["Weapon"] == [["dynamite"]]
    assert bombing["Target"] == [["the embassy"]]  # the classifier's, not a repeat of the rules'
    assert kidnapping["PerpInd"] == [["rebels"]]
    assert kidnapping["Victim"] == [["an engineer"]]


def test_fillers_of_a_kind_without_template_go_to_the_likeliest_kind():
    # No kind reaches its threshold: only the likeliest (attack) gets a template, and takes all.
    templates = muc4.muc_templates(_document(), _probs(0.9, attack=0.25, bombing=0.1), [])
    assert [t["incident_type"] for t in templates] == ["attack"]
    assert templates[0]["PerpInd"] == [["terrorists"], ["rebels"]]
    assert templates[0]["Target"] == []  # a rule Target filler is not used on MUC-4


def test_without_a_relevance_model_the_incidents_are_grouped_by_kind():
    templates = muc4.muc_templates(_document(), None, [])
    assert [t["incident_type"] for t in templates] == ["bombing", "kidnapping"]
    assert templates[0]["Target"] == [["the embassy"]]


def test_a_phrase_inside_a_listed_one_is_not_a_second_entity():
    doc = _document()
    fillers = [Filler("Weapon", "dynamite charge", 0.6, 0, 10, 25), Filler("Weapon", "rifles", 0.5, 0, 30, 36)]
    templates = muc4.muc_templates(doc, _probs(0.9, bombing=0.8), fillers)
    # the rules' "dynamite" came first; "dynamite charge" contains it and is dropped
    assert templates[0]["Weapon"] == [["dynamite"], ["rifles"]]
