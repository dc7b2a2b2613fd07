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
