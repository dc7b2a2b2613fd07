"""Nominal cues: a noun of saying or stance with its content ("his claim that ...",
"Trump's controversial proposal to ban ...", "criticism of the plan").

The nouns come from the learned lexicon (``quote_learned``, PolNeAR train). A
noun is a cue only when the parse gives it a content: a clause ("that ...", "to
...") or the object of a preposition that names what the stance is about. The
possessor, when there is one, is the source ("his", "Trump's"). Without a
possessor only a clause makes the noun a cue ("the claim that ...", "a pledge to
..."): in PolNeAR train such nouns were cues in 43 of 65 uses, against 57 of 140
for a bare noun with a prepositional object (mostly topics: "the debate about").
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.extract.quote_cues import Found, subtree_span
from newsgraph.extract.quote_learned import learned_cues
from newsgraph.extract.quote_lexicon import NAMED_LABELS

# Nouns that were a gold cue's key word in at least this share of their uses
# outside contents in PolNeAR train. Calibrated on PolNeAR dev soft F1 (tried
# 0.3, 0.4, 0.5): nouns are cues far less often than verbs, so the bar is lower.
LEARNED_NOUN_PRECISION = 0.3
# Prepositions whose object is what a stance noun is about ("criticism of", "support for").
_CONTENT_PREPOSITIONS = frozenset({"of", "about", "for", "on", "against", "over", "to", "towards",
                                   "toward", "with"})
# Modifiers kept in the cue before the noun ("controversial proposal", "earlier claim").
_CUE_MODIFIERS = {"amod"}


@lru_cache(maxsize=1)
def cue_nouns() -> frozenset[str]:
    return learned_cues("noun", LEARNED_NOUN_PRECISION)


def find_nominal_cues(parsed, text: str) -> list[Found]:
    """Attributions headed by a cue noun, in text order."""
    found = []
    for token in parsed:
        if token.pos_ == "NOUN" and token.lemma_.lower() in cue_nouns():
            item = _from_noun(token, text)
            if item is not None:
                found.append(item)
    return found


def _from_noun(noun, text: str) -> Found | None:
    possessors = [c for c in noun.children if c.dep_ == "poss"]
    start = noun.i
    while start - 1 >= 0 and (noun.doc[start - 1].dep_ in _CUE_MODIFIERS
                              and noun.doc[start - 1].head.i == noun.i):
        start -= 1
    cue_start, cue_end = noun.doc[start].idx, noun.idx + len(noun)
    content = None
    for child in noun.children:
        if child.i < noun.i:
            continue
        if child.dep_ in ("acl", "ccomp") and (
                any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
                or any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)):
            content = subtree_span(child, text)
            break
        if child.dep_ == "prep" and child.lower_ in _CONTENT_PREPOSITIONS and possessors:
            # without a possessor the noun is a topic far more often than a stance
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects and child.i == noun.i + 1:
                content = subtree_span(objects[0], text)
                cue_end = child.idx + len(child)
                break
    if content is None:
        return None
    holder = possessors[0] if possessors else _naming_modifier(noun)
    if holder is None:
        return Found(cue=(cue_start, cue_end), content=[content], cue_token=noun.i)
    source = subtree_span(holder, text)
    return Found(cue=(cue_start, cue_end), content=[content], source=source,
                 source_token=holder.i, cue_token=noun.i)


def _naming_modifier(noun):
    """Whose the claim is, without a possessor: a name modifying the noun ("the Kremlin claim
    that ...", "the White House statement that ..."), or a subject, when the tagger took a verb
    for a plural noun ("Trump claims that ...", parsed as a compound or as the noun's subject).
    The head word of the name."""
    subjects = [c for c in noun.children if c.dep_ == "nsubj" and c.i < noun.i]
    if subjects:
        return subjects[-1]
    names = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i
             and (c.pos_ == "PROPN" or c.ent_type_ in NAMED_LABELS)]
    return names[-1] if names else None
