"""The learned cue classifier: features from the parse, scoring, training, shipped file."""

from __future__ import annotations

import json
import math

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsgraph.extract import quote_model
from newsgraph.extract.quote_model import (
    cue_features,
    cue_probability,
    dumps_model,
    fit_cue_model,
    load_cue_model,
    training_examples,
)


def _said_doc() -> Doc:
    # “ Taxes rose , ” Ann said . Bob raised taxes .
    words = ["“", "Taxes", "rose", ",", "”", "Ann", "said", ".", "Bob", "raised", "taxes", "."]
    heads = [2, 2, 6, 6, 6, 6, 6, 6, 9, 9, 9, 9]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct",
            "nsubj", "ROOT", "dobj", "punct"]
    pos = ["PUNCT", "NOUN", "VERB", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT",
           "PROPN", "VERB", "NOUN", "PUNCT"]
    tags = ["``", "NNS", "VBD", ",", "''", "NNP", "VBD", ".", "NNP", "VBD", "NNS", "."]
    lemmas = ["“", "tax", "rise", ",", "”", "Ann", "say", ".", "Bob", "raise", "tax", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
              lemmas=lemmas, sent_starts=[True] + [False] * 7 + [True] + [False] * 3)
    doc.ents = [Span(doc, 5, 6, label="PERSON")]
    return doc


def test_features_of_a_parenthetical_speech_verb():
    said = _said_doc()[6]
    # with an empty word-meaning prior there are no prior features
    assert cue_features(said, prior={"verb": {}}) == sorted([
        "lemma=say", "tag=VBD", "dep=ROOT", "frame=ccomp", "subj=named", "lemma|frame=say|ccomp",
        "lemma|subj=say|named", "lemma|dep=say|ROOT", "dep|subj=ROOT|named", "head_pos=VERB",
        "child=ccomp", "child=nsubj", "child=punct", "quote_near", "lemma|quote_near=say",
        "after=."])


def test_prior_features_are_cumulative_edges_and_high_prior_crosses():
    doc = _said_doc()
    # 0.35 reaches the edges 0.1, 0.2 and 0.3 and the high mark (0.3): frame and subject crossed
    said = cue_features(doc[6], prior={"verb": {"say": 0.35}})
    assert [f for f in said if f.startswith("prior")] == [
        "prior>=0.1", "prior>=0.2", "prior>=0.3", "prior_high|frame=ccomp", "prior_high|subj=named"]
    # 0.15 reaches one edge, under the high mark
    raised = cue_features(doc[9], prior={"verb": {"raise": 0.15}})
    assert [f for f in raised if f.startswith("prior")] == ["prior>=0.1"]


def test_training_examples_read_the_prior_they_are_given():
    doc = _said_doc()
    cue = ((doc[6].idx, doc[6].idx + 4),)
    rows, _ = training_examples([doc], [([cue], [])], prior={"verb": {"raise": 0.65}})
    assert "prior>=0.6" in rows[2] and not any(f.startswith("prior") for f in rows[1])


def test_features_of_a_verb_with_an_object_and_no_marks():
    raised = _said_doc()[9]
    features = cue_features(raised)
    assert "frame=dobj" in features and "subj=named" not in features
    assert "subj=propn" in features  # "Bob" carries no entity label here
    assert not any(f.startswith("quote_near") for f in features)


def test_probability_is_the_logistic_of_the_summed_weights(monkeypatch):
    model = {"intercept": -1.0, "weights": {"lemma=say": 2.5, "quote_near": 0.5, "frame=dobj": -3.0}}
    monkeypatch.setattr(quote_model, "load_cue_model", lambda: model)
    doc = _said_doc()
    assert cue_probability(doc[6]) == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert cue_probability(doc[9]) == pytest.approx(1 / (1 + math.exp(4.0)))
    assert cue_probability(doc[1]) == 0.0  # a noun is not scored


def test_training_examples_skip_verbs_inside_gold_contents():
    doc = _said_doc()
    cue = ((doc[6].idx, doc[6].idx + 4),)
    content = ((doc[1].idx, doc[2].idx + 4),)
    rows, labels = training_examples([doc], [([cue], [content])])
    # "rose" lies inside the content; "said" is the cue; "raised" is a negative
    assert labels == [1, 0]
    assert "lemma=say" in rows[0] and "lemma=raise" in rows[1]


def test_fit_learns_the_sign_of_each_feature_and_is_deterministic():
    rows = [["lemma=say", "frame=ccomp"]] * 6 + [["lemma=raise", "frame=dobj"]] * 6
    labels = [1] * 6 + [0] * 6
    first = fit_cue_model(rows, labels, c=1.0)
    second = fit_cue_model(rows, labels, c=1.0)
    assert first == second
    assert first["weights"]["lemma=say"] > 0 > first["weights"]["lemma=raise"]


def test_dumps_model_is_valid_json_one_weight_a_line():
    model = {"source": "x", "intercept": -2.0, "weights": {"b": 0.5, "a": -1.25}}
    text = dumps_model(model)
    assert json.loads(text) == model
    assert '  "a": -1.25,' in text.splitlines()


def test_shipped_model_scores_a_speech_verb_above_a_plain_one():
    weights = load_cue_model()["weights"]
    assert len(weights) > 100
    doc = _said_doc()
    assert cue_probability(doc[6]) > 0.5 > cue_probability(doc[9])


# --- the model inside the extractor (real parse) ---

def _cues(parse, body):
    from newsgraph.extract.quotes import find_attributions

    found, _ = find_attributions(body, parse(body)._nlp)
    return [(body[f.cue[0]:f.cue[1]], f.modelled, [body[s:e] for s, e in f.content]) for f in found]


@pytest.mark.model
def test_shipped_model_adds_a_verb_outside_the_lexicons(parse):
    body = "The governor regretted that the bill had failed."
    assert _cues(parse, body) == [("regretted", True, ["that the bill had failed"])]


@pytest.mark.model
def test_model_veto_drops_a_listed_verb_and_threshold_adds_an_unlisted_one(parse, monkeypatch):
    body = "Ann said that taxes rose. Bob regretted that the bill failed."
    # a model that scores "say" far below the veto and "regret" above the adding threshold
    model = {"intercept": 0.0, "weights": {"lemma=say": -5.0, "lemma=regret": 5.0}}
    monkeypatch.setattr(quote_model, "load_cue_model", lambda: model)
    assert _cues(parse, body) == [("regretted", True, ["that the bill failed"])]
    # with no weights and an intercept of 0.45 every verb scores 0.611: "say" stays (above the
    # veto), "regret" is added too (above the adding threshold, 0.6)
    monkeypatch.setattr(quote_model, "load_cue_model", lambda: {"intercept": 0.45, "weights": {}})
    assert [c[0] for c in _cues(parse, body)] == ["said", "regretted"]


@pytest.mark.model
def test_a_modelled_cue_inside_another_content_is_dropped(parse):
    body = "The company said in a statement that it regretted the loss."
    assert _cues(parse, body) == [("said in a statement", False, ["that it regretted the loss"])]


@pytest.mark.model
def test_an_adverb_after_the_verb_joins_the_cue_and_a_date_does_not(parse):
    body = ("“We will win,” Smith said Friday. Jones said sarcastically that it was fine. "
            "Lee told reporters last week that the plan was dead.")
    assert [c[0] for c in _cues(parse, body)] == ["said", "said sarcastically", "told"]


@pytest.mark.model
def test_a_passive_stance_without_agent_has_its_subject_as_content(parse):
    body = "The new tax plan has been harshly criticized."
    from newsgraph.extract.quotes import find_attributions

    found, _ = find_attributions(body, parse(body)._nlp)
    assert [(body[f.cue[0]:f.cue[1]], [body[s:e] for s, e in f.content], f.source) for f in found] == [
        ("has been harshly criticized", ["The new tax plan"], None)]


@pytest.mark.model
def test_a_source_stops_before_its_own_reporting_clause(parse):
    body = "Mr. Kamin, who argued that the rules were too complex, said the plan would help."
    from newsgraph.extract.quotes import find_attributions

    found, _ = find_attributions(body, parse(body)._nlp)
    said = [f for f in found if body[f.cue[0]:f.cue[1]] == "said"]
    assert [body[f.source[0]:f.source[1]] for f in said] == ["Mr. Kamin"]


@pytest.mark.model
def test_write_cue_model_from_a_tiny_train_folder(tmp_path, nlp):
    from newsgraph.extract.quote_model import write_cue_model
    from test_quote_learned import write_tiny_train_folder

    train = tmp_path / "train"
    write_tiny_train_folder(train)
    out = write_cue_model(train, tmp_path / "model.json", nlp=nlp)
    with open(out, encoding="utf-8") as handle:
        model = json.load(handle)
    # four "insisted" outside the contents: three with a that-clause are cues, the bare one is not
    assert model["weights"]["frame=ccomp"] > 0
    assert "frame=none" not in model["weights"]  # seen once: under MIN_FEATURE_COUNT
    assert all(not name.startswith("lemma=rain") for name in model["weights"])  # inside contents
