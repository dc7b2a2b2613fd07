"""The MUC-4 template scorer on tiny hand-made templates, and a gate on a dev subset."""

from __future__ import annotations

import pytest
from tests.conftest import datasets_dir

from newsgraph.eval import muc4
from newsgraph.extract import incident_classifier


def _gold(kind, **roles):
    template = {"incident_type": kind}
    for role in muc4.ROLES:
        template[role] = [[[m, 0] for m in entity] for entity in roles.get(role, [])]
    return template


def _pred(kind, **roles):
    template = {"incident_type": kind}
    template.update({role: roles.get(role, []) for role in muc4.ROLES})
    return template


def test_numeric_docids():
    assert muc4.numeric_docid("TST1-MUC3-0001") == "10001"
    assert muc4.numeric_docid("TST2-MUC4-0048") == "20048"
    assert muc4.numeric_docid("DEV-MUC3-0042") == "42"


def test_normalise_drops_case_punctuation_and_articles():
    assert muc4.normalise('The "Santo Tomas"  Farm') == "santo tomas farm"


def test_scores_on_hand_made_templates():
    gold = [{"docid": "TST1-MUC3-0001", "templates": [
        _gold("attack", PerpInd=[["guerrillas", "guerrilla column"]],
              PerpOrg=[["fmln", "farabundo marti front"]], Target=[["farm"]]),
        _gold("bombing", Weapon=[["bomb"]], Victim=[["peasant"]]),
    ]}]
    predictions = {"10001": {"pred_templates": [
        # matches: PerpInd (both mentions in one gold entity), PerpOrg; Target "house" is wrong
        _pred("attack", PerpInd=[["the guerrillas", "guerrilla column"]], PerpOrg=[["FMLN"]],
              Target=[["house"]]),
        # type disagrees with the bombing: its weapon cannot match
        _pred("kidnapping", Weapon=[["bomb"]]),
    ]}}
    scores = muc4.score(predictions, gold)
    # predicted entities 4, gold entities 5, matched 2
    assert scores["precision"] == pytest.approx(2 / 4)
    assert scores["recall"] == pytest.approx(2 / 5)
    assert scores["f1"] == pytest.approx(2 * 0.5 * 0.4 / 0.9)
    assert scores["roles"]["PerpOrg"]["f1"] == pytest.approx(1.0)
    assert scores["roles"]["Weapon"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "matched": 0,
                                         "predicted": 1, "gold": 1}


def test_alignment_chooses_the_best_pairing_and_missing_docs_count_as_empty():
    gold = [{"docid": "TST1-MUC3-0002", "templates": [_gold("attack", Victim=[["mayor"]]),
                                                       _gold("attack", Victim=[["priest"]])]},
            {"docid": "TST1-MUC3-0003", "templates": [_gold("arson", Target=[["bus"]])]}]
    predictions = {"10002": {"pred_templates": [_pred("attack", Victim=[["priest"]]),
                                                _pred("attack", Victim=[["mayor"]])]}}
    scores = muc4.score(predictions, gold)
    assert (scores["precision"], scores["recall"]) == (1.0, pytest.approx(2 / 3))
    assert "| **micro** | 100.0% | 66.7% |" in muc4.format_muc4_report(scores)


@pytest.mark.datasets
@pytest.mark.model
def test_dev_subset_gate(tmp_path):
    path = datasets_dir("muc4") / "dev.jsonl"
    scores = muc4.evaluate_muc4(path, tmp_path / "pred.json", limit=40)
    assert (tmp_path / "pred.json").exists()
    assert scores["f1"] >= GATE_MUC4_F1


# Measured on the first 40 dev documents (see the report); the floor sits just below it.
# 0.290 with the clustered templates (full dev 28.9 -> 34.6; these 40 gain little: few have
# several gold templates), 0.287 with one PerpOrg per story, 0.240 before per-role thresholds.
GATE_MUC4_F1 = 0.28


def _filler(role, text, probability, start):
    return incident_classifier.Filler(role, text, probability, 0, start, start + len(text))


def test_cap_keeps_the_likeliest_perpetrator_organisation_and_every_other_role():
    fillers = [_filler("PerpOrg", "fmln", 0.3, 0), _filler("Target", "farm", 0.4, 10),
               _filler("PerpOrg", "army", 0.2, 20), _filler("Target", "bus", 0.3, 30),
               _filler("PerpOrg", "eln", 0.6, 40)]
    kept = muc4.cap_fillers(fillers)
    assert [(f.role, f.text) for f in kept] == [("Target", "farm"), ("Target", "bus"), ("PerpOrg", "eln")]
    # two organisations kept when the cap allows, still in text order
    assert [f.text for f in muc4.cap_fillers(fillers, {"PerpOrg": 2})] == ["fmln", "farm", "bus", "eln"]
    assert muc4.cap_fillers([]) == []
