"""A cue lexicon counted from the PolNeAR training split's gold attributions.

For every gold cue of the training split (``polnear/train``, 840 articles, the
annotator file that sorts first for each article, as the scorer reads it) the
cue's key word is taken: its first verb, else its first noun, else its first
word ("according"). Every word of the split outside the gold contents is counted
too (PolNeAR never annotates an attribution inside another's content, so words
there say nothing about cue precision). The lexicon keeps, per part of speech
(``VERB``, ``NOUN``), each lemma seen as a key word at least ``MIN_CUE_COUNT``
times, with ``[times a cue, times seen outside contents]``; ``precision`` is
their ratio. Cues that end in a preposition after their verb ("responded to",
"is calling for", "has been endorsed by") give verb and preposition pairs
(``verb_prep``, "respond to"), counted against every time the verb is followed by
that preposition within ``PAIR_REACH`` words outside contents. Adjectives after a
copula ("was critical of", "is confident that", ``adj``) are counted apart: every
such adjective outside contents is seen, and it is a cue when a gold cue holds it. So are
a verb and the noun right after it (``verb_noun``, "make case", "take aim"; ``object_noun``):
seen wherever the verb is, a cue when one gold cue holds both.
``newsgraph/data/cue_lexicon.json`` is the shipped result of
``build_cue_lexicon`` and ``write_cue_lexicon`` rebuilds it, deterministically
(sorted files, sorted keys), from the training folder.

Nothing here reads the development split: it is for measuring only.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

from newsgraph.packaged import read_packaged_json

# Lemmas seen as a cue fewer times than this in train are left out: too rare for
# their precision to mean anything (and they keep the file small).
MIN_CUE_COUNT = 3
# Parts of speech whose lemmas the lexicon lists (the extractor's triggers).
LEXICON_POS = ("VERB", "NOUN")
# A verb and a preposition at most this many words apart make a pair ("calling for",
# "lashed out at", "doubling down on"): the particle or an adverb may stand between.
PAIR_REACH = 3
# Verbs that link a subject to a predicative adjective ("is aware", "seemed eager",
# "remains skeptical"): an adjective after one of them may be a stance cue.
COPULA_LEMMAS = frozenset({"be", "seem", "remain", "become", "feel", "appear", "sound", "look",
                           "grow", "get", "stay"})
# Adverbs and negations that may stand between the copula and its adjective ("is not
# entirely sure"): at most this many words.
COPULA_REACH = 3
LEXICON_FILE = "cue_lexicon.json"
SOURCE_NOTE = ("Counted from PolNeAR train (840 articles, first annotator file per article) by "
               "newsgraph.extract.quote_learned.build_cue_lexicon; values are "
               "[times the lemma is a gold cue's key word, times seen outside gold contents].")


def key_token(tokens):
    """The word that carries a cue: its first verb, else its first noun, else its first word."""
    tokens = [t for t in tokens if not t.is_punct and not t.is_space]
    if not tokens:
        return None
    for wanted in ("VERB", "NOUN"):
        for token in tokens:
            if token.pos_ == wanted:
                return token
    return tokens[0]


def after_copula(token) -> bool:
    """An adjective right after a copula, adverbs and negations between ("was not sure")."""
    for back in range(1, COPULA_REACH + 1):
        if token.i - back < 0:
            return False
        before = token.doc[token.i - back]
        if before.pos_ in ("AUX", "VERB") and before.lemma_.lower() in COPULA_LEMMAS:
            return True
        if before.pos_ not in ("ADV", "PART"):
            return False
    return False


# Words that may stand between a verb and its object noun in a verb and noun cue ("made the
# case", "expressed deep concern", "took a swipe", "threw their support"): at most this many.
OBJECT_REACH = 3
_OBJECT_FILLERS = frozenset({"DET", "ADJ", "NUM"})


def object_noun(verb):
    """The noun right after ``verb``, past determiners, adjectives, numbers and possessive
    pronouns ("raised serious questions"): the tagger alone decides, no parse needed."""
    for token in verb.doc[verb.i + 1: verb.i + 2 + OBJECT_REACH]:
        if token.pos_ == "NOUN":
            return token
        if token.pos_ not in _OBJECT_FILLERS and token.tag_ != "PRP$":
            return None
    return None


def count_cues(parsed_docs, gold_spans) -> tuple[Counter, Counter]:
    """Key-word counts of gold cues and of every word outside gold contents.

    ``gold_spans`` gives, per document, ``(cues, contents)``: lists of fragment
    tuples ``((start, end), ...)`` in character offsets.
    """
    as_cue: Counter = Counter()
    seen: Counter = Counter()
    for parsed, (cues, contents) in zip(parsed_docs, gold_spans, strict=True):
        inside = set()
        for fragments in contents:
            for start, end in fragments:
                inside.update(range(start, end))
        for token in parsed:
            if token.pos_ in LEXICON_POS and token.idx not in inside:
                seen[(token.pos_, token.lemma_.lower())] += 1
                if token.pos_ == "VERB":
                    for pair in _pairs_after(token):
                        seen[("PAIR", pair)] += 1
                    noun = object_noun(token)
                    if noun is not None:
                        seen[("IDIOM", f"{token.lemma_.lower()} {noun.lemma_.lower()}")] += 1
            elif token.pos_ == "ADJ" and token.idx not in inside and after_copula(token):
                seen[("ADJ", token.lemma_.lower())] += 1
        for fragments in cues:
            start, end = fragments[0]
            span = parsed.char_span(start, end, alignment_mode="expand")
            adjectives = [t for t in span if t.pos_ == "ADJ" and after_copula(t)] if span is not None else []
            if adjectives:
                as_cue[("ADJ", adjectives[0].lemma_.lower())] += 1
            idioms = [(t, object_noun(t)) for t in span if t.pos_ == "VERB"] if span is not None else []
            idioms = [(t, noun) for t, noun in idioms if noun is not None and noun.i <= span[-1].i]
            if idioms:
                verb, noun = idioms[0]
                as_cue[("IDIOM", f"{verb.lemma_.lower()} {noun.lemma_.lower()}")] += 1
            token = key_token(span) if span is not None else None
            if token is None or token.pos_ not in LEXICON_POS:
                continue
            as_cue[(token.pos_, token.lemma_.lower())] += 1
            pair = f"{token.lemma_.lower()} {span[-1].lower_}"
            if token.pos_ == "VERB" and pair in _pairs_after(token) and span[-1].pos_ == "ADP":
                as_cue[("PAIR", pair)] += 1
    return as_cue, seen


def _pairs_after(verb) -> list[str]:
    """"respond to" for every preposition within reach after ``verb`` (the first of each)."""
    pairs = []
    for token in verb.doc[verb.i + 1: verb.i + 1 + PAIR_REACH]:
        if token.pos_ == "ADP":
            pair = f"{verb.lemma_.lower()} {token.lower_}"
            if pair not in pairs:
                pairs.append(pair)
        elif token.pos_ not in ("ADV", "PART", "ADP"):
            break
    return pairs


def lexicon_from_counts(as_cue: Counter, seen: Counter) -> dict:
    lexicon: dict = {"source": SOURCE_NOTE, "min_cue_count": MIN_CUE_COUNT}
    for pos, key in (("VERB", "verb"), ("NOUN", "noun"), ("PAIR", "verb_prep"), ("ADJ", "adj"),
                     ("IDIOM", "verb_noun")):
        entries = {lemma: [count, max(seen[(p, lemma)], count)]
                   for (p, lemma), count in as_cue.items() if p == pos and count >= MIN_CUE_COUNT}
        lexicon[key] = dict(sorted(entries.items()))
    return lexicon


def read_training_split(train_dir: Path) -> tuple[list[str], list[tuple[list, list]]]:
    """Texts and gold ``(cues, contents)`` fragments of every annotated article of ``train_dir``."""
    from newsgraph.eval.attribution import gold_files, read_brat

    train_dir = Path(train_dir)
    golds = gold_files(train_dir)
    names = sorted(name for name in golds if (train_dir / "text" / f"{name}.txt").exists())
    texts, spans = [], []
    for name in names:
        with open(train_dir / "text" / f"{name}.txt", encoding="utf-8") as handle:
            texts.append(handle.read())
        gold = read_brat(golds[name])[0]
        spans.append(([s.fragments for s in gold if s.type == "Cue"],
                      [s.fragments for s in gold if s.type == "Content"]))
    return texts, spans


def count_training_cues(train_dir: Path, nlp=None) -> tuple[Counter, Counter]:
    """``count_cues`` over ``train_dir`` (``text/*.txt`` and ``attributions/*.ann``)."""
    if nlp is None:
        from newsgraph.language.model import load_model

        nlp = load_model()
    texts, spans = read_training_split(train_dir)
    # Tags and lemmas are all the counts need; the parser and entities only cost time.
    disabled = [name for name in ("parser", "ner") if name in nlp.pipe_names]
    with nlp.select_pipes(disable=disabled):
        parsed = list(nlp.pipe(texts, batch_size=32))
    return count_cues(parsed, spans)


def build_cue_lexicon(train_dir: Path, nlp=None) -> dict:
    """Count the lexicon from ``train_dir`` (``text/*.txt`` and ``attributions/*.ann``)."""
    return lexicon_from_counts(*count_training_cues(train_dir, nlp))


def write_cue_lexicon(train_dir: Path, out_path: Path | None = None) -> Path:
    """Rebuild the shipped lexicon file (or write it to ``out_path``), and beside it the
    word-meaning prior (``quote_prior``, ``cue_prior.json``) fitted to the same counts."""
    from newsgraph.extract.quote_prior import PRIOR_FILE, build_cue_prior, write_cue_prior
    from newsgraph.language.model import load_model

    nlp = load_model()
    as_cue, seen = count_training_cues(train_dir, nlp)
    lexicon = lexicon_from_counts(as_cue, seen)
    if out_path is None:
        out_path = Path(__file__).resolve().parent.parent / "data" / LEXICON_FILE
    with open(out_path, "w", encoding="utf-8") as handle:
        handle.write(dumps_lexicon(lexicon))
    write_cue_prior(build_cue_prior(as_cue, seen, nlp), Path(out_path).parent / PRIOR_FILE)
    return out_path


def dumps_lexicon(lexicon: dict) -> str:
    """JSON with one entry a line, keys sorted: small diffs when the lexicon is rebuilt."""
    lines = ["{"]
    keys = sorted(lexicon)
    for n, key in enumerate(keys):
        comma = "," if n < len(keys) - 1 else ""
        value = lexicon[key]
        if not isinstance(value, dict):
            lines.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
            continue
        lines.append(f"{json.dumps(key)}: {{")
        items = sorted(value.items())
        for m, (lemma, counts) in enumerate(items):
            inner = "," if m < len(items) - 1 else ""
            lines.append(f"  {json.dumps(lemma, ensure_ascii=False)}: {json.dumps(counts)}{inner}")
        lines.append("}" + comma)
    lines.append("}")
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def load_cue_lexicon() -> dict:
    """The shipped lexicon; an empty one (with no entries) if the file is missing."""
    return read_packaged_json(f"data/{LEXICON_FILE}", {"verb": {}, "noun": {}, "verb_prep": {}, "adj": {},
                                                       "verb_noun": {}})


def learned_cues(pos: str, min_precision: float, min_count: int = MIN_CUE_COUNT) -> frozenset[str]:
    """Entries of ``pos`` ("verb", "noun", "verb_prep", "adj", "verb_noun") that were a cue this often and
    this precisely."""
    entries = load_cue_lexicon().get(pos, {})
    return frozenset(lemma for lemma, (count, total) in entries.items()
                     if count >= min_count and count / max(total, 1) >= min_precision)


def learned_counts(pos: str) -> dict[str, list[int]]:
    """``{lemma: [times a cue, times seen]}`` of ``pos`` ("verb", "noun", "verb_prep")."""
    return load_cue_lexicon().get(pos, {})
