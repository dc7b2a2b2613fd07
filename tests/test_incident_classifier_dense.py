"""The role classifier's dense features: tok2vec tensor rows per candidate, and their scores."""

from __future__ import annotations

import math

import numpy as np
import pytest
from spacy.tokens import Doc

from newsgraph.extract import incident_classifier as ic


def _dense_model(rows: list[list[float]], offset: list[float]) -> dict:
    return {"classes": list(ic.CLASSES), "intercept": [0.0] * len(ic.CLASSES), "weights": {},
            "dense": {"blocks": list(ic.DENSE_BLOCKS), "vectors_width": 0, "weights": rows, "offset": offset}}


def test_dense_scores_are_a_product_plus_the_offset():
    # two dense values; class order none, PerpInd, PerpOrg, Target, Victim, Weapon
    model = _dense_model([[0, 1, 0, 0, 0, 0], [0, 0, 0, 2, 0, 0]], [0, -1, 0, 0, 0, 0])
    scores = ic.dense_scores(np.array([[3.0, 0.5], [0.0, 0.0]], dtype=np.float32), model)
    assert scores.tolist() == [[0, 2, 0, 1, 0, 0], [0, -1, 0, 0, 0, 0]]
    # a row of another width (features of another layout) is not scored
    assert ic.dense_scores(np.zeros((1, 3), dtype=np.float32), model) is None
    assert ic.dense_scores(None, model) is None


def test_dense_scores_join_the_sparse_ones_in_the_softmax():
    model = _dense_model([[0] * 6], [0] * 6)
    model["weights"] = {"lemma=bomb": [0, 0, 0, 0, 0, math.log(2)]}
    probs = ic.probabilities(["lemma=bomb"], model, np.array([0, 0, 0, 0, 0, math.log(2)]))
    # Weapon: log 2 + log 2 -> 4 against five classes at 1
    assert probs["Weapon"] == pytest.approx(4 / 9)
    assert probs["none"] == pytest.approx(1 / 9)


def test_nearest_trigger_token_prefers_the_earlier_one_on_a_tie():
    assert ic._nearest([2, 6], 4) == 2
    assert ic._nearest([2, 6], 5) == 6
    assert ic._nearest([2, 6], 0) == 2
    assert ic._nearest([2, 6], 9) == 6
    assert ic._nearest([], 3) is None


@pytest.mark.model
def test_dense_rows_are_the_tensor_rows_of_words_head_governor_and_trigger(parse):
    doc = parse("guerrillas killed the mayor with a bomb.")._nlp
    tensor = doc.tensor
    width = tensor.shape[1]
    triggers = ic.TriggerContext.of(doc)
    assert sorted(triggers.by_token) == [1]  # "killed"
    found = ic.candidates(doc)
    dense = ic.dense_features(found, triggers, doc)
    assert dense.shape == (len(found), 4 * width)
    bomb = next(i for i, c in enumerate(found) if c.text == "bomb")
    row = dense[bomb]
    np.testing.assert_allclose(row[:width], tensor[6], rtol=1e-6)  # its one word
    np.testing.assert_allclose(row[width:2 * width], tensor[6], rtol=1e-6)  # its head
    # "with a bomb" hangs from "killed": the preposition is skipped
    np.testing.assert_allclose(row[2 * width:3 * width], tensor[1], rtol=1e-6)
    np.testing.assert_allclose(row[3 * width:], tensor[1], rtol=1e-6)  # the trigger
    guerrillas = next(i for i, c in enumerate(found) if c.text == "guerrillas")
    np.testing.assert_allclose(dense[guerrillas, 2 * width:3 * width], tensor[1], rtol=1e-6)


@pytest.mark.model
def test_a_span_row_is_the_mean_of_its_words_and_no_trigger_gives_zeros(parse):
    doc = parse("the old farm grows coffee.")._nlp
    found = ic.candidates(doc)
    dense = ic.dense_features(found, ic.TriggerContext.of(doc), doc)
    width = doc.tensor.shape[1]
    farm = next(i for i, c in enumerate(found) if c.text == "old farm")
    np.testing.assert_allclose(dense[farm, :width], doc.tensor[1:3].mean(axis=0), rtol=1e-5, atol=1e-6)
    assert not dense[:, 3 * width:].any()  # no trigger in the story


@pytest.mark.model
def test_a_parse_without_tensor_or_from_another_model_is_scored_on_sparse_features(nlp):
    words = Doc(nlp.vocab, words=["guerrillas", "bombed", "the", "farm"])  # no pipeline ran
    assert ic.dense_features([], ic.TriggerContext(by_sentence={}, by_token={}, count=0), words) is None
    parsed = nlp("guerrillas bombed the farm.")
    found = ic.candidates(parsed)
    assert ic.dense_features(found, ic.TriggerContext.of(parsed), parsed, vectors_width=300) is None
    # a model with dense weights still scores such a parse, from its sparse features alone
    model = _dense_model([[0, 0, 0, 0, 0, 9]] * (4 * parsed.tensor.shape[1]), [0] * 6)
    model["weights"] = {"text=farm": [0, 0, 0, 4.0, 0, 0]}
    parsed.tensor = np.zeros((0, 0), dtype=np.float32)
    fillers = ic.predict_fillers(parsed, model, {r: 0.5 for r in ic.ROLES})
    assert [(f.role, f.text) for f in fillers] == [("Target", "farm")]
