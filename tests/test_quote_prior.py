"""The word-meaning cue prior: counts to rates, the vector fit, the shipped file, lookups."""

from __future__ import annotations

import json
from collections import Counter

import numpy
import pytest

from newsgraph.extract import quote_prior
from newsgraph.extract.quote_prior import (
    PRIOR_STRENGTH,
    cue_prior,
    dumps_prior,
    load_cue_prior,
    score_part_of_speech,
    training_rates,
)


def test_training_rates_pair_cue_and_seen_counts_per_part_of_speech():
    as_cue = Counter({("VERB", "say"): 9, ("NOUN", "claim"): 2, ("PAIR", "call for"): 3,
                      ("ADJ", "eager"): 1})
    seen = Counter({("VERB", "say"): 10, ("VERB", "go"): 7, ("NOUN", "claim"): 5})
    rates = training_rates(as_cue, seen)
    assert rates["VERB"] == {"say": (9, 10), "go": (0, 7)}
    assert rates["NOUN"] == {"claim": (2, 5)}
    # a cue never counted as seen counts as seen once per cue; pairs are not parts of speech
    assert rates["ADJ"] == {"eager": (1, 1)}
    assert set(rates) == {"VERB", "NOUN", "ADJ"}


def _toy_vectors():
    # cue verbs point one way, other verbs the other; "unseen*" are not in train
    vectors = {}
    for n in range(12):
        vectors[f"cue{n:02d}"] = numpy.array([1.0, 0.1 * (n % 3)])
        vectors[f"act{n:02d}"] = numpy.array([0.1 * (n % 3), 1.0])
    vectors["unseencue"] = numpy.array([0.9, 0.05])
    vectors["unseenact"] = numpy.array([0.05, 0.9])
    return vectors


def test_meaning_generalises_to_unseen_lemmas_and_is_deterministic():
    vectors = _toy_vectors()
    rates = {f"cue{n:02d}": (9, 10) for n in range(12)} | {f"act{n:02d}": (0, 10) for n in range(12)}
    first = score_part_of_speech(rates, ["unseencue", "unseenact", "novector"], vectors.get)
    second = score_part_of_speech(rates, ["unseencue", "unseenact", "novector"], vectors.get)
    assert first == second
    assert "novector" not in first
    assert first["unseencue"] > 0.5 > first["unseenact"]
    # train lemmas are scored too (out of fold, then moved toward their own rate)
    assert first["cue00"] > 0.5 > first["act00"]


def test_a_train_lemma_is_moved_toward_its_own_record_by_its_counts():
    vectors = _toy_vectors()
    rates = {f"cue{n:02d}": (9, 10) for n in range(12)} | {f"act{n:02d}": (0, 10) for n in range(12)}
    meaning_only = score_part_of_speech(rates, ["unseencue"], vectors.get)["unseencue"]
    # the same vector, now a train lemma seen once and never a cue (too few uses to fit on):
    # its score is the Beta update of its meaning by that one use
    rates["unseencue"] = (0, 1)
    updated = score_part_of_speech(rates, [], vectors.get)["unseencue"]
    assert updated == pytest.approx(PRIOR_STRENGTH * meaning_only / (1 + PRIOR_STRENGTH), abs=1e-9)


def test_too_few_train_lemmas_give_no_scores():
    vectors = _toy_vectors()
    assert score_part_of_speech({"cue00": (1, 2)}, ["unseencue"], vectors.get) == {}


def test_lookup_reads_the_given_prior_and_defaults_to_zero():
    prior = {"verb": {"concede": 0.8}}
    assert cue_prior("VERB", "concede", prior) == 0.8
    assert cue_prior("VERB", "walk", prior) == 0.0
    assert cue_prior("NOUN", "concede", prior) == 0.0  # no noun section
    assert cue_prior("ADV", "concede", prior) == 0.0  # not a prior part of speech


def test_missing_file_reads_as_an_empty_prior(monkeypatch):
    monkeypatch.setattr(quote_prior, "PRIOR_FILE", "no-such-prior.json")
    load_cue_prior.cache_clear()
    try:
        assert cue_prior("VERB", "say") == 0.0
    finally:
        load_cue_prior.cache_clear()


def test_dumps_prior_is_valid_json_one_lemma_a_line():
    prior = {"source": "x", "floor": 0.1, "verb": {"say": 0.968, "concede": 0.786}}
    text = dumps_prior(prior)
    assert json.loads(text) == prior
    assert '  "concede": 0.786,' in text.splitlines()


def test_shipped_prior_generalises_over_rare_verbs_of_saying():
    verbs = load_cue_prior()["verb"]
    # verbs seen a few times or never as PolNeAR train cues, close in meaning to frequent ones
    for lemma in ("concede", "lament", "caution", "quip"):
        assert verbs[lemma] >= 0.5, lemma
    # frequent verbs of action score low (under the floor: not shipped, read as 0)
    for lemma in ("go", "make", "walk"):
        assert verbs.get(lemma, 0.0) < 0.3, lemma
    assert all(0.1 <= score <= 1.0 for score in verbs.values())
