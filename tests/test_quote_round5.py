"""Round 5 of reported speech: cues carried by a produced document ("issued a statement calling")."""

from __future__ import annotations

import pytest

from newsgraph.extract.quotes import find_attributions


def _written(parse, body):
    found, _ = find_attributions(body, parse(body)._nlp)
    return [(body[f.cue[0]:f.cue[1]], body[f.source[0]:f.source[1]] if f.source else None,
             [body[s:e] for s, e in f.content]) for f in found if not f.nested]


@pytest.mark.model
def test_a_participle_on_a_document_object_stretches_back_to_the_producing_verb(parse):
    body = "The group issued a statement calling for calm."
    assert _written(parse, body) == [("issued a statement calling for", "The group", ["calm"])]


@pytest.mark.model
def test_a_relative_clause_of_the_document_is_carried_too(parse):
    body = "The campaign released a letter from his doctor that says he is healthy."
    assert _written(parse, body) == [
        ("released a letter from his doctor that says", "The campaign", ["he is healthy"])]


@pytest.mark.model
def test_a_relative_clause_with_its_own_speaker_is_not_carried(parse):
    # "he added": a subject of its own, so "passed" keeps its object as its content
    body = "The council passed a resolution which he added to the agenda."
    assert _written(parse, body) == [("passed", "The council", ["a resolution which he added to the agenda"])]


@pytest.mark.model
def test_a_noun_clause_after_a_cue_verb_is_not_a_carrier(parse):
    # "reports that the agency said": the clause is the reports' content, and "cited" a cue itself
    body = "The senator cited reports that the agency said it was closing."
    assert _written(parse, body) == [("cited", "The senator", ["reports that the agency said it was closing"])]
