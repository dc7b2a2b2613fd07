"""Reported speech: cues carried by a produced document ("issued a statement calling")."""

from __future__ import annotations

import pytest

from newsgraph.extract.quotes import find_attributions


@pytest.mark.model
def test_a_participle_on_a_document_object_stretches_back_to_the_producing_verb(written):
    body = "The union issued a statement calling for calm."
    assert written(body) == [("issued a statement calling for", "The union", ["calm"])]


@pytest.mark.model
def test_a_participle_the_parse_hangs_on_the_producing_verb_is_carried_too(written):
    # a day or a recipient between: the parse hangs "saying" on "released", not on the statement
    body = ("The ministry released a statement Wednesday evening, saying the port would reopen. "
            "Critics derided the statement, saying it came too late.")
    assert written(body) == [
        ("released a statement Wednesday evening, saying", "The ministry", ["the port would reopen"]),
        ("derided", "Critics", ["the statement"]),
        ("saying", "Critics", ["it came too late"])]


@pytest.mark.model
def test_a_relative_clause_of_the_document_is_carried_too(written):
    body = "The office released a memo from her lawyer that says she is innocent."
    assert written(body) == [
        ("released a memo from her lawyer that says", "The office", ["she is innocent"])]


@pytest.mark.model
def test_a_relative_clause_with_its_own_speaker_is_not_carried(written):
    # "he added": a subject of its own, so "passed" keeps its object as its content
    body = "The council passed a resolution which he added to the agenda."
    assert written(body) == [("passed", "The council", ["a resolution which he added to the agenda"])]


@pytest.mark.model
def test_a_noun_clause_after_a_cue_verb_is_not_a_carrier(written):
    # "reports that the agency said": the clause is the reports' content, and "cited" a cue itself
    body = "The senator cited reports that the agency said it was closing."
    assert written(body) == [("cited", "The senator", ["reports that the agency said it was closing"])]


@pytest.mark.model
def test_a_that_clause_hung_on_a_noun_of_time_is_the_verbs_content(written):
    # the parse makes "that Reyes was dishonest" a relative clause of "hours"
    body = "Voss tweeted in the late evening hours that Reyes was dishonest."
    assert written(body) == [("tweeted", "Voss", ["that Reyes was dishonest"])]


@pytest.mark.model
def test_a_that_clause_hung_on_the_addressee_is_the_content_of_tell(written):
    body = "In Lisbon last month, she told a gathering of port officials that few people grasped the risks."
    assert written(body) == [("told", "she", ["that few people grasped the risks"])]


@pytest.mark.model
def test_a_true_relative_clause_is_not_a_content(parse):
    # "that" is the clause's own subject: a relative clause of "plan", which is no content of "said"
    body = "The mayor said the plan that helped the city would stay."
    found, _ = find_attributions(body, parse(body)._nlp)
    from newsgraph.extract.quote_clauses import misattached_clause

    doc = parse(body)._nlp
    assert misattached_clause(doc[2]) is None
    assert [body[s:e] for f in found if body[f.cue[0]:f.cue[1]] == "said" for s, e in f.content] == [
        "the plan that helped the city would stay"]


@pytest.mark.model
def test_a_preposition_before_its_verb_does_not_end_the_cue(parse):
    # "for which he apologized": the preposition of the pair stands before the verb
    body = "She repeated the jokes for which she apologized last spring."
    found, _ = find_attributions(body, parse(body)._nlp)
    assert found and all(f.cue[0] < f.cue[1] for f in found)
    assert "apologized" in [body[f.cue[0]:f.cue[1]] for f in found]


@pytest.mark.model
def test_a_cue_verb_in_the_infinitive_of_another_makes_one_cue(written):
    body = "Ellen Voss is drawing criticism after she appeared to suggest that nurses might not be as tough."
    assert [(c, s, content) for c, s, content in written(body) if c != "is drawing criticism"] == [
        ("appeared to suggest", "she", ["that nurses might not be as tough"])]


@pytest.mark.model
def test_an_infinitive_after_an_object_is_not_chained(written):
    # "urged supporters to say": the supporters would say it, so "urged" keeps its own content
    body = "Okafor urged members to say that the plan works."
    assert written(body) == [("urged", "Okafor", ["members to say that the plan works"])]


@pytest.mark.model
def test_a_cue_nouns_adjective_joins_the_cue(parse):
    # spaCy makes a new token object on every access: the modifier's head is compared by index
    body = "Critics mocked his repeated claim that the audit was faked."
    found, _ = find_attributions(body, parse(body)._nlp)
    assert [(body[f.cue[0]:f.cue[1]], body[f.source[0]:f.source[1]]) for f in found
            if f.source and body[f.source[0]:f.source[1]] == "his"] == [("repeated claim", "his")]


@pytest.mark.model
def test_a_contrasting_clause_with_its_own_cue_is_cut_from_the_content(written):
    # the parse hangs "though she noted" on "blurs", inside the content of "said"
    body = ("Moreau said the constant travel often blurs the lines that parents draw in family "
            "life, though she noted employers still complain.")
    assert written(body) == [
        ("said", "Moreau", ["the constant travel often blurs the lines that parents draw in family life"]),
        ("noted", "she", ["employers still complain"])]
