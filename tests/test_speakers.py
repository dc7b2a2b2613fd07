"""Speaker resolution: entities, pronouns by salience and agreement, definite descriptions."""

from __future__ import annotations

import pytest

from newsgraph.extract.quotes import run_quotes
from newsgraph.record import Entity


def _speakers(doc):
    run_quotes(doc)
    return [(q.speaker_text, q.speaker) for q in doc.quotes]


@pytest.mark.model
def test_pronoun_goes_to_the_speaker_not_the_person_merely_mentioned(parse):
    doc = parse("Senator John Smith said on Monday that the police had arrested Peter Brown.\n\n"
                "He said more arrests would follow.")
    assert _speakers(doc) == [("Senator John Smith", "John Smith"), ("He", "John Smith")]
    assert doc.quotes[1].speaker_span == [77, 79]


@pytest.mark.model
def test_gender_from_title_skips_the_nearer_man(parse):
    doc = parse("Mrs. Lopez met the mayor, Tom Hale. She said the talks went well.")
    assert _speakers(doc) == [("She", "Lopez")]


@pytest.mark.model
def test_pronoun_without_antecedent_stays_as_written(parse):
    doc = parse("“We will not stop,” she said.")
    assert _speakers(doc) == [("she", "she")]


@pytest.mark.model
def test_the_official_goes_back_to_the_anonymous_description(parse):
    doc = parse("An official who spoke on condition of anonymity said the convoy was hit twice. "
                "“We lost contact at noon,” the official said.")
    description = "An official who spoke on condition of anonymity"
    assert _speakers(doc) == [(description, description), ("the official", description)]


@pytest.mark.model
def test_a_bare_definite_description_goes_back_to_its_fuller_form(parse):
    doc = parse("The provincial health directorate said 40 people were treated. "
                "The directorate said later that ten remained in hospital. "
                "This government said it would pay. The government said the bill was large.")
    assert _speakers(doc) == [
        ("The provincial health directorate", "The provincial health directorate"),
        ("The directorate", "The provincial health directorate"),
        ("This government", "This government"),
        ("The government", "The government"),  # "this government" is no fuller form of it
    ]


@pytest.mark.model
def test_descriptive_speaker_keeps_its_description(parse):
    doc = parse("A senior police officer said the road was closed. She said it would reopen on Friday.")
    assert _speakers(doc) == [("A senior police officer", "A senior police officer"),
                              ("She", "A senior police officer")]


@pytest.mark.model
def test_the_newspaper_goes_back_to_the_outlet(parse):
    doc = parse("The Times reported that the deal was off. The newspaper said talks would resume.")
    assert _speakers(doc) == [("The Times", "Times"), ("The newspaper", "Times")]


@pytest.mark.model
def test_record_entities_give_the_fullest_name_and_id(parse):
    body = "“It is over,” Lopez said. Maria Lopez had led the talks."
    doc = parse(body)
    doc.entities = [Entity("e1", "Maria Lopez", "PERSON", aliases=["Lopez"],
                           mentions=[[14, 19], [26, 37]])]
    run_quotes(doc)
    assert [(q.speaker, q.speaker_entity, q.speaker_span) for q in doc.quotes] == [
        ("Maria Lopez", "e1", [14, 19])]


@pytest.mark.model
def test_surname_takes_the_fullest_spacy_name_without_entities(parse):
    doc = parse("Maria Lopez arrived late. “It is over,” Lopez said.")
    assert _speakers(doc) == [("Lopez", "Maria Lopez")]
