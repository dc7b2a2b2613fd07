"""The cue verbs: the hand-written lists less the verbs PolNeAR train shows are seldom
cues, the verbs and verb+preposition pairs learned from PolNeAR train (``quote_learned``),
and the trimming of spans to their words. Shared by the parse cues (``quote_cues``) and
the cuts of their contents (``quote_cuts``).
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.extract.quote_learned import learned_counts, learned_cues
from newsgraph.extract.quote_lexicon import CUE_VERBS
from newsgraph.language.model import doc_text

Span = tuple[int, int]

# Verb and preposition pairs whose object is the content.
_PREPOSITION_CUES = {
    ("call", "for"), ("ask", "for"), ("warn", "of"), ("warn", "about"), ("warn", "against"),
    ("complain", "about"), ("comment", "on"), ("speak", "about"), ("speak", "of"), ("talk", "about"),
    ("refer", "to"), ("point", "to"), ("argue", "for"), ("argue", "against"), ("plead", "for"),
    ("write", "about"), ("worry", "about"), ("agree", "with"), ("disagree", "with"), ("hint", "at"),
    ("push", "for"), ("lobby", "for"), ("respond", "to"), ("react", "to"), ("testify", "about"),
}
_PREPOSITION_VERBS = frozenset(verb for verb, _ in _PREPOSITION_CUES)
# Verbs of the learned lexicon (``quote_learned``) that trigger a cue: those that
# were a gold cue's key word in at least this share of their uses outside contents
# in PolNeAR train. Calibrated on PolNeAR dev soft F1 (0.4 / 0.5 / 0.6 / 0.7 tried).
LEARNED_VERB_PRECISION = 0.5
# Hand-listed cue verbs are dropped when PolNeAR train saw them at least this often outside
# contents and under this share of those uses were cues ("mean", "hear", "prove"). Floor
# tried at 0.2, 0.3, 0.4 on PolNeAR dev (0.3 and 0.4 drop the same six verbs; 0.2 keeps "maintain").
HAND_LISTED_FLOOR = 0.3
HAND_LISTED_MIN_SEEN = 20
_TRIM = set(" \t\n,;:.—–-\"“”„«»")


@lru_cache(maxsize=1)
def learned_verbs() -> frozenset[str]:
    """Cue verbs learned from PolNeAR train beyond the hand-written lists."""
    return learned_cues("verb", LEARNED_VERB_PRECISION) - CUE_VERBS


@lru_cache(maxsize=1)
def learned_pairs() -> frozenset[tuple[str, str]]:
    """Verb and preposition cues learned from PolNeAR train ("rail against")."""
    pairs = learned_cues("verb_prep", LEARNED_VERB_PRECISION)
    return frozenset(tuple(pair.split(" ", 1)) for pair in pairs)  # type: ignore[misc]


@lru_cache(maxsize=1)
def _pair_verbs() -> frozenset[str]:
    return _PREPOSITION_VERBS | frozenset(verb for verb, _ in learned_pairs())


@lru_cache(maxsize=1)
def _rarely_cues() -> frozenset[str]:
    """Hand-listed verbs that PolNeAR train shows are seldom a cue ("mean", "hear", "prove"):
    seen often enough outside contents and a cue in under ``HAND_LISTED_FLOOR`` of those uses."""
    counts = learned_counts("verb")
    return frozenset(lemma for lemma in CUE_VERBS
                     if lemma in counts and counts[lemma][1] >= HAND_LISTED_MIN_SEEN
                     and counts[lemma][0] / counts[lemma][1] < HAND_LISTED_FLOOR)


def _is_cue_verb(lemma: str) -> bool:
    return (lemma in CUE_VERBS and lemma not in _rarely_cues()) or lemma in learned_verbs()


def _is_preposition_cue(lemma: str, preposition: str) -> bool:
    return (lemma, preposition) in _PREPOSITION_CUES or (lemma, preposition) in learned_pairs()


def _pair_preposition(verb, cue: Span):
    """The preposition right after the cue that makes a cue pair with the verb ("call on")."""
    doc = verb.doc
    for child in verb.children:
        if (child.dep_ == "prep" and child.idx >= cue[1] and not doc_text(doc)[cue[1]:child.idx].strip()
                and _is_preposition_cue(verb.lemma_.lower(), child.lower_)):
            return child
    return None


def trim(text: str, start: int, end: int) -> Span:
    """Shrink ``[start, end)`` past surrounding spaces and punctuation that ends a clause."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end
