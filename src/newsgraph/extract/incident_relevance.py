"""Does a story report a terrorist incident, and of which kinds? A document-level classifier.

Most pages with an incident trigger word are not incident reports in the MUC-4 sense: a
politician condemns "the attacks", an army communique reports combat with guerrillas, a
trial recalls a murder of years ago. The role fillers of such pages only cost precision. This
module scores a whole parsed story with one logistic regression per label (``relevant``, and
one per MUC-4 incident kind: ``attack``, ``bombing``, ``kidnapping``, ``arson``, ``robbery``),
trained on MUC-4 train by ``incident_train.train_relevance`` (weights shipped in
``models/incident_relevance.json``). Scoring is plain Python over the shipped weights.

Features are binary strings: the story's content lemmas, the lemmas of its lead sentence
(news leads say what happened), and the incident triggers found, by type and position.
No feature looks at letter case, so lowercased wire text and cased news read alike.
"""

from __future__ import annotations

import functools
import math

from spacy.tokens import Doc

from newsgraph.extract import incident_types
from newsgraph.packaged import read_packaged_json

MODEL_FILE = "models/incident_relevance.json"
RELEVANT = "relevant"
KINDS = ("attack", "bombing", "kidnapping", "arson", "robbery")
LABELS = (RELEVANT, *KINDS)
# Contract incident types -> the MUC-4 kind whose trigger they are.
KIND_OF_TYPE = {"bombing": "bombing", "armed_assault": "attack", "assassination": "attack",
                "unarmed_assault": "attack", "hijacking": "attack", "kidnapping": "kidnapping",
                "hostage_taking": "kidnapping", "arson": "arson", "robbery": "robbery",
                "arrest": "security", "raid": "security", "other": "attack"}
# Sentences that count as the lead (the first ones say what happened).
LEAD_SENTENCES = 2
# Lemmas shorter than this are mostly tokenisation debris.
MIN_LEMMA_CHARS = 3


def _bucket(value: int, limits: tuple[int, ...]) -> str:
    for limit in limits:
        if value <= limit:
            return str(limit)
    return f">{limits[-1]}"


def features(parsed: Doc) -> list[str]:
    """The story's features, sorted and without repeats."""
    out: set[str] = {"bias"}
    lead_end = None
    for index, sentence in enumerate(parsed.sents):
        if index == LEAD_SENTENCES:
            lead_end = sentence.start
            break
    for token in parsed:
        if not token.is_alpha or token.is_stop or len(token.text) < MIN_LEMMA_CHARS:
            continue
        lemma = token.lemma_.lower()
        out.add(f"lem={lemma}")
        if lead_end is None or token.i < lead_end:
            out.add(f"lead={lemma}")
    triggers = incident_types.find_triggers(parsed)
    out.add(f"triggers={_bucket(len(triggers), (0, 1, 2, 4, 8, 16))}")
    kinds: dict[str, int] = {}
    for trigger in triggers:
        kind = KIND_OF_TYPE.get(trigger.type, "attack")
        kinds[kind] = kinds.get(kind, 0) + 1
        if trigger.sentence_index < LEAD_SENTENCES:
            out.add(f"lead_trigger={kind}")
        if trigger.suicide:
            out.add("suicide")
    for kind, count in kinds.items():
        out.add(f"kind={kind}|{_bucket(count, (1, 2, 4, 8))}")
    return sorted(out)


@functools.lru_cache(maxsize=1)
def load_model() -> dict | None:
    """The shipped weights ({labels, intercept, weights: {feature: [per label]}}); None if absent."""
    return read_packaged_json(MODEL_FILE)


def probabilities(parsed: Doc, model: dict | None = None) -> dict[str, float] | None:
    """P(label) for every label (independent logistic regressions); None without a model."""
    model = model if model is not None else load_model()
    if model is None:
        return None
    return score_features(features(parsed), model)


def score_features(feature_list: list[str], model: dict) -> dict[str, float]:
    scores = list(model["intercept"])
    weights = model["weights"]
    for name in feature_list:
        row = weights.get(name)
        if row is not None:
            for index, value in enumerate(row):
                scores[index] += value
    return {label: 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, s))))
            for label, s in zip(model["labels"], scores, strict=True)}
