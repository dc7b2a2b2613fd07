"""Cue verbs chained through an infinitive or gerund: "appeared to suggest", "continue to
ignore", "avoids condemning", "wanted to know".

When a cue verb is the open complement (``xcomp``) of a verb before it, PolNeAR reads
the two, and the words between, as one cue, with the content of the second and the
subject they share as the source. The extractor would otherwise give the first verb
with the whole chain as its content (and drop the second as nested in it), or the
second verb alone. ``join_chains`` rewrites the attributions of
``quote_cues.find_in_parse`` accordingly.
"""

from __future__ import annotations

from newsgraph.extract.quote_cues import Found, verb_group


def join_chains(found: list[Found], parsed, text: str) -> list[Found]:
    """Chained cue verbs made one cue, from the first verb's group to the second's end."""
    by_token = {item.cue_token: item for item in found if item.cue_token is not None}
    merged: set[int] = set()
    for item in found:
        if item.cue_token is None or item.cue_token in merged:
            continue
        verb = parsed[item.cue_token]
        head = verb.head
        if verb.dep_ != "xcomp" or head.i >= verb.i or head.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ == "dobj" and c.i < verb.i for c in head.children):
            continue  # "urged supporters to call": the object is the infinitive's own doer
        start = verb_group(head)[0]
        if not text[start:item.cue[0]].strip() and start >= item.cue[0]:
            continue
        upper = by_token.get(head.i)
        item.cue = (min(start, item.cue[0]), item.cue[1])
        if upper is not None:
            merged.add(head.i)
            if item.source is None:
                item.source, item.source_token = upper.source, upper.source_token
    return [item for item in found if item.cue_token not in merged]
