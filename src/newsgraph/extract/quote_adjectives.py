"""Adjectival cues: a stance or belief told by a predicative adjective ("Democrats were
confident that ...", "he is critical of the deal", "it was unclear whether ...").

The adjectives come from the learned lexicon (``quote_learned``, section ``adj``,
counted from PolNeAR train). An adjective is a cue only as the predicate of a
copula and only with a content the parse gives it: a clause ("that ...",
"whether ..."), an infinitive ("eager to ...") or the object of a preposition
("skeptical of ..."). The cue runs from the copula with its auxiliaries to the
adjective, and on to the preposition when that carries the content (as the
verb and preposition cues do, "responded to"). The copula's subject is the
source; an expletive "it" ("it is clear that ...") gives none.
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.extract.quote_cues import Found, source_span, subtree_span, verb_group
from newsgraph.extract.quote_learned import COPULA_LEMMAS, learned_cues

# Adjectives that were inside a gold cue in at least this share of their uses after a
# copula outside contents in PolNeAR train ("eager", "skeptical", "confident"; not
# "likely", "able", "clear"). On PolNeAR dev soft F1, 0.4, 0.5 and 0.6 score alike (two
# predictions apart); 0.5 is the middle.
LEARNED_ADJECTIVE_PRECISION = 0.5
# Subjects that stand for no one ("it is clear that ...", "there is ...").
_EXPLETIVES = frozenset({"it", "there"})


@lru_cache(maxsize=1)
def cue_adjectives() -> frozenset[str]:
    return learned_cues("adj", LEARNED_ADJECTIVE_PRECISION)


def find_adjectival_cues(parsed, text: str) -> list[Found]:
    """Attributions headed by a predicative cue adjective, in text order."""
    found = []
    for token in parsed:
        if token.pos_ == "ADJ" and token.dep_ == "acomp" and token.lemma_.lower() in cue_adjectives():
            copula = token.head
            if copula.i < token.i and copula.lemma_.lower() in COPULA_LEMMAS:
                item = _from_adjective(token, copula, text)
                if item is not None:
                    found.append(item)
    return found


def _content(adjective, copula):
    """The adjective's content word and whether it came through a preposition."""
    for child in adjective.children:
        if child.i > adjective.i and child.dep_ in ("ccomp", "xcomp"):
            return child, False
    for child in adjective.children:
        if child.i == adjective.i + 1 and child.dep_ == "prep":
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return child, True
    for child in copula.children:  # "it is clear that ...": the clause hangs on the copula
        if child.i > adjective.i and child.dep_ == "ccomp":
            return child, False
    return None, False


def _from_adjective(adjective, copula, text: str) -> Found | None:
    complement, through_preposition = _content(adjective, copula)
    if complement is None:
        return None
    cue_start = verb_group(copula)[0]
    cue_end = adjective.idx + len(adjective)
    if through_preposition:
        cue_end = complement.idx + len(complement)
        objects = [c for c in complement.children if c.dep_ in ("pobj", "pcomp")]
        content = subtree_span(objects[0], text)
    else:
        content = subtree_span(complement, text)
    if content[1] <= content[0]:
        return None
    found = Found(cue=(cue_start, cue_end), content=[content], cue_token=adjective.i)
    subjects = [c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and subjects[0].lower_ not in _EXPLETIVES:
        found.source = source_span(subjects[0], text, exclude={copula.i})
        found.source_token = subjects[0].i
    return found
