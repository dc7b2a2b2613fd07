"""A learned cue classifier: is this verb the key word of a reporting cue?

The hand-written and counted lexicons (``quote_lexicon``, ``quote_learned``) judge
a verb by its lemma alone. Many verbs are cues only in some frames ("pointed out
that ...", "he added," but not "added a clause"), so this model scores each verb
from its parse: its lemma, dependency label, the kinds of children it has (a
that-clause, an infinitive, an object, a preposition), what kind of subject it
has (a person, an organisation, a pronoun), and quotation marks and commas next
to it, with conjunctions of the lemma and the frame; and the word-meaning prior of
its lemma (``quote_prior``), so that a verb train saw rarely or never is judged by
verbs of like meaning.

The model is a logistic regression trained on PolNeAR TRAIN only (``polnear/train``,
840 articles, first annotator file per article, as the scorer reads it): every
verb outside the gold contents is an example, positive when it is the key word
(``quote_learned.key_token``) of a gold cue. scikit-learn fits it at build time
only; the shipped file (``data/cue_model.json``) holds the intercept and the
non-zero weights by feature name, and scoring is a plain sum here, so the runtime
needs no scikit-learn. ``write_cue_model`` rebuilds the file deterministically
(sorted files, fixed solver and seed, rounded weights).

Tried in round 7 and not kept: a one-hidden-layer network over the parser's contextual
token vectors (``doc.tensor`` of the word, its head, its subject and its complement) with
parse features, trained on PolNeAR train. On dev verbs it ranked cue words no better than
this model (AUC 0.939 against 0.946), and in the pipeline, used to admit verbs and nouns
outside the lexicons, to veto lexicon verbs, or (retrained per candidate attribution) to
admit or drop whole attributions, dev soft F1 moved by at most 0.001 at every threshold
and fell when it admitted more (cue 0.764 -> 0.755 at the loosest).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from newsgraph.extract.quote_lexicon import NAMED_LABELS
from newsgraph.packaged import read_packaged_json

MODEL_FILE = "cue_model.json"
# Parts of speech the model scores (nominal cues keep their own rules in ``quote_nouns``).
MODEL_POS = ("VERB",)
# Features seen fewer times than this in train are left out: their weights would be noise.
MIN_FEATURE_COUNT = 3
# Inverse L2 regularisation strength of the logistic regression. Chosen by 3-fold
# cross-validation on train F1 (C 0.1 / 0.3 / 1.0: F1 0.807 / 0.820 / 0.824).
REGULARISATION_C = 1.0
# Weights are written with this many decimals (small file, stable diffs).
WEIGHT_DECIMALS = 4
# Words either side of the verb searched for a quotation mark.
QUOTE_WINDOW = 3
_QUOTE_CHARS = set("\"“”„«»''")
# Edges of the word-meaning prior (``quote_prior``) written as cumulative features
# ("prior>=0.3"): a rare verb's meaning speaks where its lemma has no weight of its own.
PRIOR_EDGES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
# From this prior on, the frame and subject are crossed with it ("prior_high|frame=ccomp").
PRIOR_HIGH = 0.3
SOURCE_NOTE = ("Logistic regression over verb parse features, trained on PolNeAR train (840 articles, "
               "first annotator file per article) by newsgraph.extract.quote_model.build_cue_model.")


def _subject_kind(verb) -> str:
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            if child.ent_type_ in NAMED_LABELS:
                return "named"
            if child.pos_ == "PRON":
                return "pron"
            if child.pos_ == "PROPN":
                return "propn"
            return "noun" if child.pos_ == "NOUN" else "other"
        if child.dep_ == "nsubjpass":
            return "passive"
    return "none"


def _frame(verb) -> str:
    """The verb's complement frame, most telling first."""
    deps = {c.dep_ for c in verb.children}
    for dep in ("ccomp", "xcomp", "dobj"):
        if dep in deps:
            return dep
    if any(c.dep_ == "prep" for c in verb.children):
        return "prep"
    return "none"


def cue_features(token, prior: dict | None = None) -> list[str]:
    """Binary features of one verb (names are what the shipped weights are keyed by);
    ``prior`` is the word-meaning prior to read (default: the shipped one)."""
    from newsgraph.extract.quote_prior import cue_prior

    lemma = token.lemma_.lower()
    frame = _frame(token)
    subject = _subject_kind(token)
    doc = token.doc
    features = [f"lemma={lemma}", f"tag={token.tag_}", f"dep={token.dep_}", f"frame={frame}",
                f"subj={subject}", f"lemma|frame={lemma}|{frame}", f"lemma|subj={lemma}|{subject}",
                f"lemma|dep={lemma}|{token.dep_}", f"dep|subj={token.dep_}|{subject}",
                f"head_pos={token.head.pos_}"]
    meaning = cue_prior(token.pos_, lemma, prior)
    features.extend(f"prior>={edge}" for edge in PRIOR_EDGES if meaning >= edge)
    if meaning >= PRIOR_HIGH:
        features.extend([f"prior_high|frame={frame}", f"prior_high|subj={subject}"])
    for child in token.children:
        features.append(f"child={child.dep_}")
        if child.dep_ == "prep":
            features.append(f"lemma|prep={lemma}|{child.lower_}")
        if child.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            features.append("that_clause")
            features.append(f"lemma|that={lemma}")
        if child.dep_ == "agent":
            features.append(f"lemma|agent={lemma}")
    window = doc[max(token.i - QUOTE_WINDOW, 0): token.i + QUOTE_WINDOW + 1]
    if any(ch in _QUOTE_CHARS for t in window for ch in t.text):
        features.append("quote_near")
        features.append(f"lemma|quote_near={lemma}")
    if token.i > 0 and doc[token.i - 1].text == ",":
        features.append("comma_before")
    if token.i + 1 < len(doc) and doc[token.i + 1].text in (",", "."):
        features.append(f"after={doc[token.i + 1].text}")
    return sorted(set(features))


@lru_cache(maxsize=1)
def load_cue_model() -> dict:
    """The shipped model; one with no weights (every score 0.5 below threshold) if missing."""
    return read_packaged_json(f"data/{MODEL_FILE}", {"intercept": -10.0, "weights": {}})


def cue_probability(token) -> float:
    """The model's probability that ``token`` is the key word of a reporting cue."""
    if token.pos_ not in MODEL_POS:
        return 0.0
    model = load_cue_model()
    weights = model.get("weights", {})
    score = model.get("intercept", 0.0) + sum(weights.get(name, 0.0) for name in cue_features(token))
    return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))


def training_examples(parsed_docs, gold_spans,
                      prior: dict | None = None) -> tuple[list[list[str]], list[int]]:
    """Features and labels of every model verb outside gold contents.

    ``gold_spans`` gives, per document, ``(cues, contents)`` as fragment tuples;
    ``prior`` is the word-meaning prior the features read (default: the shipped one).
    """
    from newsgraph.extract.quote_learned import key_token

    rows, labels = [], []
    for parsed, (cues, contents) in zip(parsed_docs, gold_spans, strict=True):
        inside = set()
        for fragments in contents:
            for start, end in fragments:
                inside.update(range(start, end))
        keys = set()
        for fragments in cues:
            start, end = fragments[0]
            span = parsed.char_span(start, end, alignment_mode="expand")
            token = key_token(span) if span is not None else None
            if token is not None:
                keys.add(token.i)
        for token in parsed:
            if token.pos_ in MODEL_POS and token.idx not in inside:
                rows.append(cue_features(token, prior))
                labels.append(1 if token.i in keys else 0)
    return rows, labels


def fit_cue_model(rows: list[list[str]], labels: list[int], c: float = REGULARISATION_C) -> dict:
    """Fit the logistic regression (scikit-learn, build time only) and return the JSON model."""
    from collections import Counter

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(name for row in rows for name in row)
    kept = [{name: 1 for name in row if counts[name] >= MIN_FEATURE_COUNT} for row in rows]
    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform(kept).tocsr()
    # liblinear takes 32-bit sparse indices only (recent SciPy builds give 64-bit ones)
    matrix.indices = matrix.indices.astype("int32")
    matrix.indptr = matrix.indptr.astype("int32")
    classifier = LogisticRegression(C=c, solver="liblinear", random_state=0, max_iter=1000)
    classifier.fit(matrix, labels)
    weights = {}
    for name, weight in zip(vectorizer.get_feature_names_out(), classifier.coef_[0], strict=True):
        rounded = round(float(weight), WEIGHT_DECIMALS)
        if rounded:
            weights[str(name)] = rounded
    return {"source": SOURCE_NOTE, "c": c, "min_feature_count": MIN_FEATURE_COUNT,
            "intercept": round(float(classifier.intercept_[0]), WEIGHT_DECIMALS),
            "weights": dict(sorted(weights.items()))}


def parse_training_split(train_dir: Path, nlp=None):
    """Parses (full pipeline) and gold ``(cues, contents)`` of every article of ``train_dir``."""
    from newsgraph.extract.quote_learned import read_training_split

    if nlp is None:
        from newsgraph.language.model import load_model

        nlp = load_model()
    texts, spans = read_training_split(train_dir)
    return list(nlp.pipe(texts, batch_size=16)), spans


def build_cue_model(train_dir: Path, nlp=None, prior_path: Path | None = None) -> dict:
    """Parse ``train_dir`` (``text/*.txt``, ``attributions/*.ann``) and fit the model; the
    word-meaning prior is read from ``prior_path`` (default: the shipped file, as it is now
    on disk, so a prior just rebuilt by ``train cues`` is the one used)."""
    from newsgraph.extract.quote_prior import default_prior_path, read_prior

    prior = read_prior(prior_path or default_prior_path())
    parsed, spans = parse_training_split(train_dir, nlp)
    return fit_cue_model(*training_examples(parsed, spans, prior))


def dumps_model(model: dict) -> str:
    """JSON with one weight a line, keys sorted: small diffs when the model is rebuilt."""
    head = {k: v for k, v in model.items() if k != "weights"}
    lines = ["{"]
    for key in sorted(head):
        lines.append(f"{json.dumps(key)}: {json.dumps(head[key], ensure_ascii=False)},")
    lines.append('"weights": {')
    items = sorted(model.get("weights", {}).items())
    for n, (name, weight) in enumerate(items):
        comma = "," if n < len(items) - 1 else ""
        lines.append(f"  {json.dumps(name, ensure_ascii=False)}: {weight}{comma}")
    lines.append("}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_cue_model(train_dir: Path, out_path: Path | None = None, nlp=None,
                    prior_path: Path | None = None) -> Path:
    """Rebuild the shipped cue model (or write it to ``out_path``) from PolNeAR train.

    Parses the split with the full pipeline (about 6 minutes for 840 articles on 2 cores)
    and fits in under a minute."""
    model = build_cue_model(train_dir, nlp, prior_path)
    if out_path is None:
        out_path = Path(__file__).resolve().parent.parent / "data" / MODEL_FILE
    with open(out_path, "w", encoding="utf-8") as handle:
        handle.write(dumps_model(model))
    return out_path
