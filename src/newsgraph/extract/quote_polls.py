"""Findings credited to a poll by a sentence-opening phrase: "In a Harbor Institute poll
released Monday, 48 percent of voters backed the levy."

PolNeAR reads such a sentence as an attribution: the preposition is the cue, the poll the
source and the clause the content, as with "according to" (``quote_cues``). In PolNeAR
train a poll or survey phrase opening its sentence and hanging on the clause's verb was
annotated so 17 times in 20; further into the sentence ("Cruz rose three points in the
latest poll") only 21 times in 63, too seldom to write.
"""

from __future__ import annotations

from newsgraph.extract.quote_cues import Found, _minus, source_span, subtree_span

# Nouns (lemmas) that make the object of "in" a poll ("poll", "polls", "survey").
POLL_NOUNS = frozenset({"poll", "survey"})
# Dependency labels that end the climb from the phrase to the clause it opens.
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl", "relcl"})


def _opens_sentence(token) -> bool:
    """The first word of its sentence, or the first after punctuation (a quotation mark,
    a dateline's dash)."""
    return token.i == token.sent.start or token.doc[token.i - 1].is_punct


def find_poll_cues(parsed, text: str) -> list[Found]:
    """Attributions of a clause to the poll named by the "In ... poll," phrase opening it."""
    found = []
    for token in parsed:
        if token.lower_ != "in" or token.dep_ != "prep" or not _opens_sentence(token):
            continue
        objects = [c for c in token.children if c.dep_ == "pobj"]
        head = token.head
        if not objects or objects[0].lemma_.lower() not in POLL_NOUNS or head.pos_ not in ("VERB", "AUX"):
            continue
        clause = head
        while clause.dep_ not in _CLAUSE_DEPS and clause.head.i != clause.i:
            clause = clause.head
        inner = (token.left_edge.idx, token.right_edge.idx + len(token.right_edge))
        content = _minus(subtree_span(clause, text), inner, text)
        source = source_span(objects[0], text)
        if not content or source is None:
            continue
        found.append(Found(cue=(token.idx, token.idx + len(token)), content=content, source=source,
                           source_token=objects[0].i, cue_token=token.i))
    return found
