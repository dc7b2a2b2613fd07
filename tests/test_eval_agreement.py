"""Annotator agreement on PolNeAR-style folders: who is paired with whom, and the pooled scores."""

from __future__ import annotations

import pytest

from newsgraph.eval.agreement import annotator_files, evaluate_agreement, format_agreement_report

TEXT = "Ann Lee said the bridge was unsafe. The mayor denied it."
# Annotator "a" and "b" agree on the first attribution; "b" alone adds the mayor's denial.
ONE = ("T1\tSource 0 7\tAnn Lee\nT2\tCue 8 12\tsaid\nT3\tContent 13 34\tthe bridge was unsafe\n"
       "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n")
TWO = ONE + ("T4\tSource 36 45\tThe mayor\nT5\tCue 46 52\tdenied\nT6\tContent 53 55\tit\n"
             "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n")


def _folder(root, files: dict[str, str], texts: dict[str, str]):
    (root / "attributions").mkdir(parents=True)
    (root / "text").mkdir()
    for name, body in files.items():
        (root / "attributions" / name).write_text(body, encoding="utf-8")
    for stem, text in texts.items():
        (root / "text" / f"{stem}.txt").write_text(text, encoding="utf-8")
    return root


def test_only_articles_with_several_annotators_are_paired(tmp_path):
    data = _folder(tmp_path / "dev", {"story_b.ann": TWO, "story_a.ann": ONE, "single_a.ann": ONE},
                   {"story": TEXT, "single": TEXT})
    assert annotator_files(data) == {"story": [data / "attributions" / "story_a.ann",
                                               data / "attributions" / "story_b.ann"]}
    assert annotator_files(tmp_path / "missing") == {}


@pytest.mark.model
def test_agreement_pools_both_directions_and_scores_newsgraph_on_the_same_articles(tmp_path):
    dev = _folder(tmp_path / "dev", {"story_a.ann": ONE, "story_b.ann": TWO, "single_a.ann": ONE},
                  {"story": TEXT, "single": TEXT})
    train = _folder(tmp_path / "train", {"lone_a.ann": ONE}, {"lone": TEXT})
    result = evaluate_agreement([train, dev], tmp_path / "out")
    assert [f["name"] for f in result["folders"]] == ["dev"]     # train has no shared article
    assert result["all"] is None
    folder = result["folders"][0]
    assert (folder["articles"], folder["files"]) == (1, 2)
    # a against b and b against a: 2 cues matched of 3 each way -> F1 = 2*2 / (3 + 3)
    human = folder["human"]["cue"]
    assert (human["gold"], human["predicted"], human["soft"]["f1"]) == (3, 3, 0.6667)
    # newsgraph predicted only the article several people annotated
    assert sorted(p.name for p in (tmp_path / "out" / "dev").glob("*.ann")) == ["story.ann"]
    system = folder["system"]["cue"]
    assert system["gold"] == 3
    assert system["soft"]["f1"] > 0
    report = format_agreement_report(result)
    assert "| dev | 1 | 2 | another annotator | 0.667 | 0.667 | 0.667 |" in report
    assert "| dev | 1 | 2 | newsgraph |" in report


def test_report_without_shared_articles():
    assert format_agreement_report({"folders": [], "all": None}).startswith(
        "Annotator agreement: no article")
