"""Hearsay marked by an adverb alone: "The mill reportedly cut forty jobs." PolNeAR reads
the adverb as a cue with no source, its content the clause around it (in two pieces
when the adverb stands inside it). In PolNeAR train "reportedly" outside contents was
such a cue 19 times in 29 (next to a cue verb, "reportedly said", it stays in that verb's
cue instead: ``quote_cues``).
"""

from __future__ import annotations

from newsgraph.extract.quote_cues import Found, _minus, subtree_span
from newsgraph.extract.quote_verbs import _is_cue_verb

# Adverbs that by themselves credit a clause to unnamed others.
HEARSAY_ADVERBS = frozenset({"reportedly"})


def find_hearsay_cues(parsed, text: str) -> list[Found]:
    """Attributions of a clause to no one in particular, cued by a hearsay adverb."""
    found = []
    for token in parsed:
        if token.lower_ not in HEARSAY_ADVERBS or token.dep_ != "advmod":
            continue
        verb = token.head
        if verb.i == token.i or verb.pos_ not in ("VERB", "AUX") or _is_cue_verb(verb.lemma_.lower()):
            continue
        content = _minus(subtree_span(verb, text), (token.idx, token.idx + len(token)), text)
        if content:
            found.append(Found(cue=(token.idx, token.idx + len(token)), content=content, cue_token=token.i))
    return found
