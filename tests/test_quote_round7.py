"""Round 7 of reported speech: a cue preposition the parse read as the mark of a clause."""

from __future__ import annotations

import pytest

from newsgraph.extract.quotes import find_attributions


def _written(parse, body):
    found, _ = find_attributions(body, parse(body)._nlp)
    return [(body[f.cue[0]:f.cue[1]], body[f.source[0]:f.source[1]] if f.source else None,
             [body[s:e] for s, e in f.content]) for f in found if not f.nested]


@pytest.mark.model
def test_calling_for_a_clause_takes_the_preposition_into_the_cue(parse):
    # the parse reads "for" as the mark of "the state to pay ..." (an adverbial clause)
    body = "The mayor is calling for the state to pay for the new bridge."
    assert _written(parse, body) == [("is calling for", "The mayor", ["the state to pay for the new bridge"])]


@pytest.mark.model
def test_an_adverb_may_stand_between_the_verb_and_its_preposition(parse):
    body = "Local unions pressed hard for the council to raise wages."
    assert _written(parse, body) == [("pressed hard for", "Local unions", ["the council to raise wages"])]


@pytest.mark.model
def test_a_clause_under_another_mark_is_not_a_content(parse):
    # "while" makes no cue pair with "call": the clause is a time, not what was called for
    body = "The mayor called while the state was paying for the bridge."
    assert _written(parse, body) == []
