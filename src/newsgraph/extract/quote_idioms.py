"""Cues made of a verb and its object noun: "made the case that ...", "expressed concern
about ...", "took aim at ...", "raised questions about ..."; and "made (it) clear that ...".

Neither word is a cue by itself often enough for the lexicons ("make", "take", "case"),
but together they are. The pairs come from the learned lexicon (``quote_learned``,
section ``verb_noun``: verb and object lemmas counted in PolNeAR train). The cue runs from
the verb's group to the noun, and on to a preposition right after the noun when that
preposition carries the content ("took aim at", "expressed concern about"); the content
is that preposition's object, a clause on the noun ("the case that ...") or on the verb;
the verb's subject is the source.
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.extract.quote_cues import Found, _subject, source_span, subtree_span, verb_group
from newsgraph.extract.quote_learned import learned_cues, object_noun

# Verb and object pairs that were inside one gold cue in at least this share of their uses
# outside contents in PolNeAR train.
LEARNED_IDIOM_PRECISION = 0.5


@lru_cache(maxsize=1)
def cue_idioms() -> frozenset[tuple[str, str]]:
    pairs = learned_cues("verb_noun", LEARNED_IDIOM_PRECISION)
    return frozenset(tuple(pair.split(" ", 1)) for pair in pairs)  # type: ignore[misc]


def _idiom_object(verb):
    """The object noun that makes a learned pair with ``verb``, as the lexicon counted it
    (``quote_learned.object_noun``), and only when the parse makes it the verb's object."""
    noun = object_noun(verb)
    if noun is None or (verb.lemma_.lower(), noun.lemma_.lower()) not in cue_idioms():
        return None
    return noun if noun.head.i == verb.i and noun.dep_ in ("dobj", "attr", "oprd") else None


# Prepositions after the object that lead to what the cue is about ("concern about",
# "aim at", "the case for", "issue with").
CONTENT_PREPOSITIONS = frozenset({"about", "of", "for", "at", "on", "against", "with", "to", "over"})


def _content(verb, noun):
    """The content word and the preposition that leads to it (None for a clause)."""
    for owner in (noun, verb):
        for child in owner.children:
            if child.i <= noun.i:
                continue
            if child.dep_ == "prep" and child.lower_ in CONTENT_PREPOSITIONS:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    return objects[0], child
            if child.dep_ in ("ccomp", "acl") and any(c.dep_ == "mark" and c.lower_ == "that"
                                                      for c in child.children):
                return child, None
            if child.dep_ in ("acl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                      for c in child.children):
                return child, None
    return None, None


# Verbs that with "clear" make a cue of their clause: "made it clear that ...", "made clear
# Monday they ...". In PolNeAR train "make it clear" outside contents was a cue 12 times in 13.
CLEAR_VERBS = frozenset({"make"})


def _made_clear(verb):
    """"clear" as the verb's predicate and the clause it makes clear, or (None, None)."""
    clear = [c for c in verb.children
             if c.lower_ == "clear" and c.i > verb.i and c.dep_ in ("ccomp", "oprd", "acomp")]
    if verb.lemma_.lower() not in CLEAR_VERBS or not clear:
        return None, None
    for owner in (clear[0], verb):
        for child in owner.children:
            if child.i > clear[0].i and child.dep_ in ("ccomp", "advcl") and child.pos_ in ("VERB", "AUX"):
                return clear[0], child
    return None, None


def find_idiom_cues(parsed, text: str) -> list[Found]:
    """Attributions whose cue is a learned verb and object pair, or a verb that makes its
    clause clear, in text order."""
    found = []
    for token in parsed:
        if token.pos_ != "VERB":
            continue
        noun = _idiom_object(token)
        clear, clause = _made_clear(token)
        if noun is not None:
            content, preposition = _content(token, noun)
        elif clear is not None:
            noun, content, preposition = clear, clause, None
        else:
            continue
        if content is None:
            continue
        start = verb_group(token)[0]
        end = noun.idx + len(noun)
        if preposition is not None and preposition.i == noun.i + 1:
            end = preposition.idx + len(preposition)
        item = Found(cue=(start, end), content=[subtree_span(content, text)], cue_token=token.i)
        subject, _passive = _subject(token)
        if subject is not None and subject.lower_ != "there":
            item.source = source_span(subject, text, exclude={token.i}, verb=token)
            item.source_token = subject.i if item.source is not None else None
        found.append(item)
    return found
