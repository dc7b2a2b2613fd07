"""The trained role-filler classifier: scoring, selection, attachment, and odd input."""

from __future__ import annotations

import math

import pytest

from newsgraph.extract import incident_classifier as ic
from newsgraph.record import Incident


def _model(weights: dict[str, dict[str, float]]) -> dict:
    """A hand-made model: per feature, a weight for some roles (others 0)."""
    return {"classes": list(ic.CLASSES), "intercept": [0.0] * len(ic.CLASSES),
            "weights": {name: [row.get(label, 0.0) for label in ic.CLASSES] for name, row in weights.items()}}


def test_probabilities_are_a_softmax_of_summed_weights():
    model = _model({"lemma=guerrilla": {"PerpInd": math.log(5)}})
    probs = ic.probabilities(["bias", "lemma=guerrilla", "unknown feature"], model)
    # scores: PerpInd log 5, the five others 0 -> 5 / (5 + 5)
    assert probs["PerpInd"] == pytest.approx(0.5)
    assert probs["none"] == pytest.approx(0.1)
    assert sum(probs.values()) == pytest.approx(1.0)


def test_normalise_is_the_scorer_form():
    assert ic.normalise('The "Extraditables",') == "extraditables"
    assert ic.normalise("members of the 27th front") == "members of 27th front"


HAND_MODEL = {"text=guerrillas": {"PerpInd": 4.0}, "text=farm": {"Target": 4.0},
              "text=dynamite": {"Weapon": 4.0}, "bias": {"none": 2.0}}


@pytest.mark.model
def test_fillers_of_a_lowercased_wire_sentence(parse):
    doc = parse("guerrillas attacked the farm with dynamite yesterday.")
    fillers = ic.predict_fillers(doc._nlp, _model(HAND_MODEL), {r: 0.5 for r in ic.ROLES})
    assert [(f.role, f.text) for f in fillers] == [("PerpInd", "guerrillas"), ("Target", "farm"),
                                                   ("Weapon", "dynamite")]


@pytest.mark.model
def test_a_phrase_inside_a_likelier_phrase_of_the_same_role_is_dropped(parse):
    doc = parse("salvadoran guerrillas attacked the farm.")
    model = _model({**HAND_MODEL, "text=salvadoran guerrillas": {"PerpInd": 6.0}})
    fillers = ic.predict_fillers(doc._nlp, model, {r: 0.5 for r in ic.ROLES})
    assert [(f.role, f.text) for f in fillers] == [("PerpInd", "salvadoran guerrillas"), ("Target", "farm")]


@pytest.mark.model
def test_fillers_join_the_nearest_incident_without_repeats(parse):
    doc = parse("guerrillas attacked the farm. the weather was fine. dynamite was found.")
    first = Incident(id="incident-1", type="armed_assault", evidence=[[0, 29]], targets=["the farm"])
    second = Incident(id="incident-2", type="bombing", evidence=[[52, 71]])
    ic.attach_fillers([first, second], doc._nlp, _model(HAND_MODEL), {r: 0.5 for r in ic.ROLES})
    assert first.perpetrators == ["guerrillas"]
    assert first.targets == ["the farm"]  # "farm" normalises to the listed "the farm"
    assert second.weapons == ["dynamite"]
    assert second.perpetrators == []


@pytest.mark.model
def test_a_story_without_trigger_words_is_still_scored(parse):
    # "the terrorist action" names no trigger; the document gate, not the trigger list, decides.
    calm = parse("the terrorist action left the farm in ruins.")
    fillers = ic.predict_fillers(calm._nlp, _model(HAND_MODEL), {r: 0.5 for r in ic.ROLES})
    assert [(f.role, f.text) for f in fillers] == [("Target", "farm")]


def _candidate_texts(doc) -> dict[str, str]:
    return {c.text: c.variant for c in ic.candidates(doc._nlp)}


@pytest.mark.model
def test_candidates_include_the_shorter_forms_muc_annotators_write(parse):
    found = _candidate_texts(parse("terrorists wrecked four private insurance offices with a heavy "
                                   "dynamite charge."))
    assert found["private insurance offices"] == "nonum"
    assert found["insurance offices"] == "compound"
    assert found["dynamite charge"] == "compound"
    assert found["dynamite"] == "modifier"
    found = _candidate_texts(parse("an fmln unit claimed the attack."))
    assert found["fmln"] == "modifier"


@pytest.mark.model
def test_no_model_or_empty_text_gives_no_fillers(parse, monkeypatch):
    calm = parse("the farm grows coffee and the guerrillas are far away.")
    monkeypatch.setattr(ic, "load_model", lambda: None)  # no shipped weights
    assert ic.predict_fillers(calm._nlp) == []
    monkeypatch.undo()
    empty = parse("")
    assert ic.predict_fillers(empty._nlp, _model(HAND_MODEL)) == []
    incident = Incident(id="incident-1", type="bombing", evidence=[[0, 10]])
    ic.attach_fillers([incident], parse("guerrillas bombed the farm.")._nlp, model={"classes": list(ic.CLASSES),
                      "intercept": [5.0, 0, 0, 0, 0, 0], "weights": {}})
    assert (incident.perpetrators, incident.targets) == ([], [])
    ic.attach_fillers([], calm._nlp)  # no incidents: nothing to attach to, no error


@pytest.mark.model
def test_shipped_model_reads_a_muc_style_story(parse):
    doc = parse("terrorists from the farabundo marti national liberation front bombed a radio station with dynamite "
                "and seized two technicians.")
    fillers = {(f.role, ic.normalise(f.text)) for f in ic.predict_fillers(doc._nlp)}
    assert ("PerpOrg", "farabundo marti national liberation front") in fillers
    assert ("PerpInd", "terrorists") in fillers
    assert ("Weapon", "dynamite") in fillers


@pytest.mark.model
def test_the_pipeline_attaches_fillers_at_the_records_thresholds(parse, monkeypatch):
    # the record asks more of a perpetrator than the MUC-4 template scorer does
    from newsgraph.extract import dates, incidents
    from newsgraph.language import entities

    seen = []
    monkeypatch.setattr(ic, "attach_fillers", lambda found, parsed, model=None, thresholds=None:
                        seen.append(thresholds))

    doc = parse("Gunmen attacked a police checkpoint on Friday, killing two officers.",
                published="2016-05-14")
    entities.run(doc)
    dates.run(doc)
    incidents.run(doc)
    assert seen == [ic.RECORD_THRESHOLDS]
