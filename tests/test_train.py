"""`newsgraph train incidents` rebuilds the shipped model file byte for byte."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import ROOT, datasets_dir
from newsgraph.cli import main


@pytest.mark.datasets
@pytest.mark.model
@pytest.mark.slow
def test_train_incidents_reproduces_the_shipped_lexicon_and_classifiers(tmp_path):
    # Parses all 1,300 MUC-4 train documents (several minutes): slow.
    data = datasets_dir("muc4")
    out = tmp_path / "roles.json"
    result = CliRunner().invoke(main, ["train", "incidents", "--data", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"wrote {out}: ")
    shipped = ROOT / "src" / "newsgraph" / "models" / "incident_roles.json"
    assert out.read_bytes() == shipped.read_bytes()
    classifier = ROOT / "src" / "newsgraph" / "models" / "incident_classifier.json"
    assert (tmp_path / "incident_classifier.json").read_bytes() == classifier.read_bytes()
    relevance = ROOT / "src" / "newsgraph" / "models" / "incident_relevance.json"
    assert (tmp_path / "incident_relevance.json").read_bytes() == relevance.read_bytes()


@pytest.mark.datasets
@pytest.mark.model
@pytest.mark.slow
def test_train_cues_reproduces_the_shipped_lexicon(tmp_path):
    data = datasets_dir("polnear") / "train"
    out = tmp_path / "cues.json"
    result = CliRunner().invoke(main, ["train", "cues", "--data", str(data), "--out", str(out),
                                       "--lexicon-only"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out}\n"
    shipped = ROOT / "src" / "newsgraph" / "data" / "cue_lexicon.json"
    assert out.read_bytes() == shipped.read_bytes()
    # the word-meaning prior is fitted to the same counts and written beside the lexicon
    prior = ROOT / "src" / "newsgraph" / "data" / "cue_prior.json"
    assert (tmp_path / "cue_prior.json").read_bytes() == prior.read_bytes()


def _row(text: str, **roles: list[str]) -> dict:
    return {"doctext": text, "templates": [{"incident_type": "bombing",
                                            **{role: [[[value, 0]] for value in values]
                                               for role, values in roles.items()}}]}


@pytest.mark.model
def test_role_classifier_training_is_repeatable(nlp):
    import json

    from newsgraph.extract import incident_classifier, incident_train

    rows = [_row("guerrillas bombed the farm with dynamite.", PerpInd=["guerrillas"], Target=["farm"],
                 Weapon=["dynamite"]),
            _row("terrorists bombed the bridge with dynamite.", PerpInd=["terrorists"], Target=["bridge"],
                 Weapon=["dynamite"]),
            _row("rebels bombed the station with grenades.", PerpInd=["rebels"], Target=["station"],
                 Weapon=["grenades"]),
            _row("the fmln kidnapped the mayor.", PerpOrg=["fmln"], Victim=["mayor"]),
            _row("the farm grows coffee near the bridge.")]
    parsed = [nlp(row["doctext"]) for row in rows]
    first = incident_train.train_classifier(rows, parsed, seed=0)
    again = incident_train.train_classifier(rows, parsed, seed=0)
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)
    assert first["classes"] == ["none", "PerpInd", "PerpOrg", "Target", "Victim", "Weapon"]
    assert first["candidates"] == sum(len(incident_classifier.candidates(doc)) for doc in parsed)
    # features seen on fewer than three training candidates are left out
    assert "text=fmln" not in first["weights"] and "prep=with" in first["weights"]
    # the model reads its own training text: "dynamite" is likelier a weapon than none
    scored = dict((c.text, p) for c, p in incident_classifier.score_candidates(parsed[0], first))
    assert scored["dynamite"]["Weapon"] > scored["dynamite"]["none"]
    assert scored["guerrillas"]["PerpInd"] > scored["guerrillas"]["Target"]
