"""A prior over word meaning: how likely a lemma is to head a reporting cue.

The counted lexicon (``quote_learned``) knows only lemmas seen as cues in PolNeAR
train, and most cues of unseen text are verbs, nouns and adjectives seen there
once or never ("conceded", "lamented", "was adamant that"). Words of like
meaning are cues alike, so this module learns, per part of speech, a logistic
regression from a lemma's static word vector (the md spaCy model's 300-d vectors,
at build time only) to the share of its uses outside gold contents in which it was
a gold cue's key word in PolNeAR train, and scores a vocabulary with it: every
lemma of train and every lemma the lemmatizer's index lists for that part of
speech that has a vector.

Lemmas of train are scored out of fold (``PRIOR_FOLDS`` folds over the sorted
lemmas), so the meaning score of a train lemma never saw its own counts; that score
is then updated by the lemma's counts as a Beta prior of strength ``PRIOR_STRENGTH``
would be, so a word train saw often is judged by its own record ("report" as a noun
is seldom a cue, whatever its meaning) and a word seen once or never by its meaning.

The shipped file (``data/cue_prior.json``, ``{"verb": {lemma: score}}``)
holds the scores at or above ``PRIOR_FLOOR``; reading it needs no md model.
``write_cue_prior`` rebuilds it deterministically (sorted lemmas, fixed folds and
solver, scores rounded).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from functools import lru_cache
from pathlib import Path

from newsgraph.packaged import read_packaged_json

PRIOR_FILE = "cue_prior.json"
# Tagger parts of speech the prior can cover, with their section names in the file and in
# the lemmatizer's index of known lemmas.
PRIOR_POS = {"VERB": "verb", "NOUN": "noun", "ADJ": "adj"}
# Those it is fitted and shipped for. Only the verb cue classifier (``quote_model``) reads
# it: admitting nouns and predicative adjectives outside the counted lexicon by their
# prior (in the lexicon's frames) did not help on PolNeAR dev (nouns at 0.15: cue soft F1
# 0.754 -> 0.752; adjectives at 0.25: 0.754 -> 0.753), so those sections are not shipped.
SHIPPED_POS = ("VERB",)
# A train lemma seen fewer times than this outside contents is not a training example
# (one use says little about a word's cue rate), though it is still scored.
MIN_SEEN = 2
# Inverse L2 regularisation of the vector regression. Chosen on the weighted out-of-fold
# log loss of the 1,735 train verbs fitted (C 0.3 / 1 / 3 / 10: 0.522 / 0.526 / 0.534 /
# 0.548); on PolNeAR dev, cue soft F1 with the retrained cue model 0.758 / 0.757 / 0.757.
PRIOR_C = 0.3
# Folds for the out-of-fold scores of train lemmas.
PRIOR_FOLDS = 5
# Weight of the meaning score against a train lemma's own counts, in uses: a lemma seen
# this often is judged half by its meaning and half by its record.
PRIOR_STRENGTH = 10
# Scores below this are not shipped (absent lemmas read as 0): keeps the file small;
# every threshold that uses the prior is well above it.
PRIOR_FLOOR = 0.1
SCORE_DECIMALS = 3
SOURCE_NOTE = ("Logistic regression from en_core_web_md static vectors to the share of a lemma's uses "
               "outside gold contents that were a gold cue's key word in PolNeAR train (840 articles); "
               "train lemmas scored out of fold; built by newsgraph.extract.quote_prior.build_cue_prior.")


def example_weight(seen: int) -> float:
    """How much a lemma counts in the fit: more uses, firmer rate, with diminishing returns."""
    return math.log1p(seen)


def training_rates(as_cue: Counter, seen: Counter) -> dict[str, dict[str, tuple[int, int]]]:
    """``{pos: {lemma: (times a cue, times seen)}}`` from ``quote_learned.count_cues`` counts."""
    rates: dict[str, dict[str, tuple[int, int]]] = {pos: {} for pos in PRIOR_POS}
    for (pos, lemma), count in seen.items():
        if pos in rates:
            rates[pos][lemma] = (min(as_cue[(pos, lemma)], count), count)
    for (pos, lemma), count in as_cue.items():
        if pos in rates and lemma not in rates[pos]:
            rates[pos][lemma] = (count, count)
    return rates


def _unit(vector):
    import numpy

    norm = float(numpy.linalg.norm(vector))
    return vector / norm if norm else vector


def _fit(matrix, targets, weights, c: float):
    """One weighted logistic regression on soft targets: each lemma is a positive example
    weighted by its cue rate and a negative one weighted by the rest."""
    import numpy
    from sklearn.linear_model import LogisticRegression

    features = numpy.vstack([matrix, matrix])
    labels = numpy.array([1] * len(targets) + [0] * len(targets))
    sample = numpy.concatenate([weights * targets, weights * (1.0 - targets)])
    keep = sample > 0
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=2000)
    model.fit(features[keep], labels[keep], sample_weight=sample[keep])
    return model


def score_part_of_speech(rates: dict[str, tuple[int, int]], vocabulary: list[str], vector_of,
                         c: float = PRIOR_C) -> dict[str, float]:
    """Scores of ``vocabulary`` and the train lemmas (out of fold) for one part of speech."""
    import numpy

    train = sorted(lemma for lemma, (_, n) in rates.items() if n >= MIN_SEEN and vector_of(lemma) is not None)
    if len(train) < PRIOR_FOLDS * 2:
        return {}
    matrix = numpy.array([_unit(vector_of(lemma)) for lemma in train])
    targets = numpy.array([rates[lemma][0] / rates[lemma][1] for lemma in train])
    weights = numpy.array([example_weight(rates[lemma][1]) for lemma in train])
    scores: dict[str, float] = {}
    for fold in range(PRIOR_FOLDS):
        held = numpy.arange(len(train)) % PRIOR_FOLDS == fold
        model = _fit(matrix[~held], targets[~held], weights[~held], c)
        for lemma, p in zip([t for t, h in zip(train, held, strict=True) if h],
                            model.predict_proba(matrix[held])[:, 1], strict=True):
            cue, seen = rates[lemma]
            scores[lemma] = (cue + PRIOR_STRENGTH * float(p)) / (seen + PRIOR_STRENGTH)
    model = _fit(matrix, targets, weights, c)
    rest = sorted({lemma for lemma in set(vocabulary) | set(rates)
                   if lemma not in scores and vector_of(lemma) is not None})
    if rest:
        probabilities = model.predict_proba(numpy.array([_unit(vector_of(lemma)) for lemma in rest]))[:, 1]
        for lemma, p in zip(rest, probabilities, strict=True):
            # train lemmas seen once (too few to fit on) still update by their one use
            cue, seen = rates.get(lemma, (0, 0))
            scores[lemma] = (cue + PRIOR_STRENGTH * float(p)) / (seen + PRIOR_STRENGTH)
    return scores


def md_vector_lookup(md_nlp):
    """``lemma -> vector or None`` over the md model's static vectors."""
    vectors = md_nlp.vocab.vectors

    def vector_of(lemma: str):
        if not lemma.isalpha() or lemma not in md_nlp.vocab.strings:
            return None
        key = md_nlp.vocab.strings[lemma]
        return vectors[key] if key in vectors else None

    return vector_of


def index_vocabulary(nlp) -> dict[str, list[str]]:
    """Lower-case alphabetic lemmas the (sm) lemmatizer's index lists, per part of speech."""
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {pos: sorted(w for w in index[PRIOR_POS[pos]] if w.isalpha() and w.islower())
            for pos in SHIPPED_POS}


def build_cue_prior(as_cue: Counter, seen: Counter, nlp, md_nlp=None) -> dict:
    """The prior file's content from ``quote_learned.count_cues`` counts of train."""
    if md_nlp is None:
        from newsgraph.language.model import load_model

        md_nlp = load_model("md")
    vector_of = md_vector_lookup(md_nlp)
    rates = training_rates(as_cue, seen)
    vocabulary = index_vocabulary(nlp)
    prior: dict = {"source": SOURCE_NOTE, "c": PRIOR_C, "floor": PRIOR_FLOOR, "folds": PRIOR_FOLDS}
    for pos in SHIPPED_POS:
        section = PRIOR_POS[pos]
        scores = score_part_of_speech(rates[pos], vocabulary[pos], vector_of)
        prior[section] = {lemma: round(score, SCORE_DECIMALS)
                          for lemma, score in sorted(scores.items()) if score >= PRIOR_FLOOR}
    return prior


def dumps_prior(prior: dict) -> str:
    """JSON, sections one a line per lemma, keys sorted: stable bytes and small diffs."""
    from newsgraph.extract.quote_learned import dumps_lexicon

    return dumps_lexicon(prior)


def write_cue_prior(prior: dict, out_path: Path | None = None) -> Path:
    if out_path is None:
        out_path = default_prior_path()
    with open(out_path, "w", encoding="utf-8") as handle:
        handle.write(dumps_prior(prior))
    load_cue_prior.cache_clear()
    return out_path


def default_prior_path() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / PRIOR_FILE


def read_prior(path: Path) -> dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=1)
def load_cue_prior() -> dict:
    """The shipped prior; one with no entries (every prior 0) if the file is missing."""
    return read_packaged_json(f"data/{PRIOR_FILE}", {section: {} for section in PRIOR_POS.values()})


def cue_prior(pos: str, lemma: str, prior: dict | None = None) -> float:
    """The prior of ``lemma`` as a ``pos`` ("VERB", "NOUN", "ADJ"); 0 when not listed."""
    section = PRIOR_POS.get(pos)
    if section is None:
        return 0.0
    table = (prior if prior is not None else load_cue_prior()).get(section, {})
    return float(table.get(lemma, 0.0))
