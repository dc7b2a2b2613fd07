"""How a MUC-4 story's fillers become templates: clusters of target/victim sentences, the
kind of each from its own triggers, perpetrators shared by every template."""

from __future__ import annotations

import pytest

from newsgraph.eval import muc4
from newsgraph.eval import muc4_templates as mt
from newsgraph.eval.muc4_templates import Placed
from newsgraph.extract import incident_relevance as ir
from newsgraph.extract.incident_classifier import Filler
from newsgraph.record import Document, Incident

STORY_KINDS = ["attack", "bombing", "kidnapping", "arson", "robbery"]


def test_sentence_of_an_offset():
    starts = [0, 40, 90]
    assert [mt.sentence_of(starts, o) for o in (0, 39, 40, 89, 90, 500)] == [0, 0, 1, 1, 2, 2]
    assert mt.sentence_of([], 10) == 0  # no sentence at all: the first


def test_close_anchor_sentences_share_a_cluster_and_distant_ones_do_not():
    placed = [Placed("Target", "bus", 0), Placed("Victim", "mayor", 1), Placed("PerpInd", "rebels", 2),
              Placed("Target", "bank", 4), Placed("Weapon", "bomb", 6)]
    # only targets and victims seed clusters; 1 -> 4 is more than one sentence apart
    assert mt.anchor_clusters(placed, []) == [[0, 1], [4]]


def test_a_sentence_reporting_another_specific_kind_starts_its_own_cluster():
    placed = [Placed("Target", "embassy", 0), Placed("Target", "buses", 1)]
    assert mt.anchor_clusters(placed, [(0, "bombing"), (1, "arson")]) == [[0], [1]]
    # "attack" is not specific: the bombing and the attack stay one cluster
    assert mt.anchor_clusters(placed, [(0, "bombing"), (1, "attack")]) == [[0, 1]]
    # a sentence without a specific kind joins too
    assert mt.anchor_clusters(placed, [(0, "bombing")]) == [[0, 1]]


def test_closest_neighbouring_clusters_merge_down_to_the_cap():
    clusters = [[0], [2], [3], [9], [20]]
    assert mt.merge_to_cap(clusters, 4) == [[0], [2, 3], [9], [20]]
    assert mt.merge_to_cap(clusters, 2) == [[0, 2, 3, 9], [20]]
    assert clusters == [[0], [2], [3], [9], [20]]  # the input is left alone
    assert mt.merge_to_cap([], 4) == []


def test_cluster_kind_prefers_a_specific_kind_then_the_nearest_triggers_then_the_story():
    triggers = [(0, "attack"), (0, "attack"), (1, "bombing")]
    assert mt.cluster_kind([0, 1], triggers, STORY_KINDS) == "bombing"  # one bomb beats two "attacks"
    assert mt.cluster_kind([0], triggers, STORY_KINDS) == "attack"
    # no trigger inside: the nearest ones (sentence 8 is 3 away, sentence 1 is 4 away)
    assert mt.cluster_kind([5], [(1, "kidnapping"), (8, "arson")], STORY_KINDS) == "arson"
    # no trigger at all: the story's likeliest kind
    assert mt.cluster_kind([5], [], ["robbery", "attack"]) == "robbery"
    # a tie goes to the kind the story classifier finds likelier
    assert mt.cluster_kind([0], [(0, "bombing"), (0, "arson")], ["arson", "bombing"]) == "arson"
    # only "attack" words in a story the classifier reads as a bombing: a bombing
    assert mt.cluster_kind([0], triggers, ["bombing", "attack"]) == "bombing"
    assert mt.cluster_kind([0, 1], triggers, ["kidnapping", "bombing"]) == "bombing"  # specific stays


def test_templates_per_cluster_with_perpetrators_in_each():
    placed = [Placed("PerpOrg", "fmln", 0), Placed("Target", "embassy", 1), Placed("Weapon", "dynamite", 1),
              Placed("PerpInd", "urban commandos", 3), Placed("Target", "buses", 5),
              Placed("Target", "the buses", 5), Placed("Weapon", "molotov cocktails", 6)]
    templates = mt.build_templates(placed, [(1, "bombing"), (5, "arson")], STORY_KINDS)
    assert [t["incident_type"] for t in templates] == ["bombing", "arson"]
    bombing, arson = templates
    assert bombing["PerpOrg"] == arson["PerpOrg"] == [["fmln"]]
    assert bombing["PerpInd"] == arson["PerpInd"] == [["urban commandos"]]
    assert bombing["Target"] == [["embassy"]] and bombing["Weapon"] == [["dynamite"]]
    assert arson["Target"] == [["buses"]]  # "the buses" is the same entity
    assert arson["Weapon"] == [["molotov cocktails"]]
    assert bombing["Victim"] == arson["Victim"] == []


def test_a_phrase_inside_a_listed_one_is_not_a_second_entity():
    placed = [Placed("Weapon", "dynamite", 0), Placed("Weapon", "dynamite charge", 0), Placed("Weapon", "rifles", 0),
              Placed("Target", "the bus station", 0), Placed("Target", "bus", 0)]
    (template,) = mt.build_templates(placed, [(0, "bombing")], STORY_KINDS)
    assert template["Weapon"] == [["dynamite"], ["rifles"]]  # the first of the two stays
    assert template["Target"] == [["the bus station"]]


def test_a_story_without_fillers_or_triggers_gets_one_empty_template_of_its_likeliest_kind():
    assert mt.build_templates([], [], ["kidnapping", "attack"]) == [
        {"incident_type": "kidnapping", "PerpInd": [], "PerpOrg": [], "Target": [], "Victim": [], "Weapon": []}]


def test_a_filler_of_an_unknown_role_is_ignored():
    templates = mt.build_templates([Placed("Location", "lima", 0), Placed("Victim", "judge", 0)], [], STORY_KINDS)
    assert len(templates) == 1
    assert templates[0]["Victim"] == [["judge"]]
    assert "Location" not in templates[0]


def test_cap_keeps_two_perpetrator_individuals_and_one_organisation_by_default():
    fillers = [Filler("PerpInd", "men", 0.2, 0, 0, 3), Filler("PerpInd", "guerrillas", 0.5, 0, 5, 15),
               Filler("PerpInd", "terrorists", 0.4, 1, 20, 30), Filler("PerpOrg", "eln", 0.3, 1, 35, 38),
               Filler("PerpOrg", "fmln", 0.4, 1, 40, 44)]
    assert [f.text for f in mt.cap_fillers(fillers)] == ["guerrillas", "terrorists", "fmln"]


def _probs(relevant: float, **kinds: float) -> dict[str, float]:
    return {"relevant": relevant, **{k: kinds.get(k, 0.0) for k in ir.KINDS}}


def test_story_templates_without_a_parse_read_the_story_as_one_sentence():
    doc = Document(body="x" * 120)
    doc.incidents = [Incident(id="incident-1", type="bombing", evidence=[[0, 60]], perpetrators=["terrorists"],
                              weapons=["car bomb"])]
    fillers = [Filler("Target", "embassy", 0.6, 0, 10, 17), Filler("Victim", "guard", 0.5, 3, 80, 85)]
    assert muc4.story_templates(doc, _probs(0.3, bombing=0.9), fillers) == []  # the gate
    templates = muc4.story_templates(doc, _probs(0.9, bombing=0.8, attack=0.5), fillers)
    # two target/victim sentences three apart: two templates; no trigger: the likeliest kind
    assert [t["incident_type"] for t in templates] == ["bombing", "bombing"]
    # the rules' weapon ("car bomb" is not in the text: the incident's first sentence) joins the
    # first template; the rules' perpetrators are not used
    assert templates[0]["Weapon"] == [["car bomb"]] and templates[1]["Weapon"] == []
    assert templates[0]["Target"] == [["embassy"]] and templates[1]["Victim"] == [["guard"]]
    assert templates[0]["PerpInd"] == templates[1]["PerpInd"] == []


@pytest.mark.model
def test_story_templates_take_each_kind_from_its_own_sentences(parse):
    doc = parse("a bomb exploded at the embassy in lima. the weather was fine. "
                "rebels burned three buses in cuzco. police arrived later.")
    sentences = list(doc._nlp.sents)
    assert len(sentences) == 4

    def filler(role, text, sentence_index):
        start = doc.body.index(text)
        return Filler(role, text, 0.5, sentence_index, start, start + len(text))

    fillers = [filler("Target", "embassy", 0), filler("PerpInd", "rebels", 2), filler("Target", "three buses", 2)]
    templates = muc4.story_templates(doc, _probs(0.9, attack=0.6, bombing=0.5), fillers)
    assert [t["incident_type"] for t in templates] == ["bombing", "arson"]
    assert [t["Target"] for t in templates] == [[["embassy"]], [["three buses"]]]
    assert templates[0]["PerpInd"] == templates[1]["PerpInd"] == [["rebels"]]


@pytest.mark.model
def test_an_empty_story_that_passes_the_gate_gets_one_empty_template(parse):
    templates = muc4.story_templates(parse(""), _probs(0.9, kidnapping=0.7, attack=0.2), [])
    assert templates == [{"incident_type": "kidnapping", "PerpInd": [], "PerpOrg": [], "Target": [],
                          "Victim": [], "Weapon": []}]
