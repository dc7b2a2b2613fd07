"""Quantities: values, qualifiers, units, non-quantities, claimants, bad input."""

from __future__ import annotations

import pytest

from newsgraph.extract.quantities import find_quantities, parse_number_phrase, run
from newsgraph.record import Document, Entity, Quote


def only(text: str, sdoc=None):
    found = find_quantities(text, sdoc)
    assert len(found) == 1, [(q.text, q.low, q.high) for q in found]
    q = found[0]
    return q.low, q.high, q.qualifier, q.unit


# -- values and qualifiers without a parse -----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("at least 12 people died", (12, None, "at_least", "people")),
    ("more than 40 cells", (40, None, "more_than", "cells")),
    ("about 80 fighters", (80, 80, "about", "fighters")),
    ("200 to 300 fighters", (200, 300, "range", "fighters")),
    ("between 200 and 300 fighters", (200, 300, "range", "fighters")),
    ("200-300 fighters", (200, 300, "range", "fighters")),
    ("anywhere from 5 to 10 boats", (5, 10, "range", "boats")),
    ("up to 50 people", (None, 50, "at_most", "people")),
    ("fewer than 10 people", (None, 10, "less_than", "people")),
    ("nearly 100 people", (100, 100, "about", "people")),
    ("almost 70 homes", (70, 70, "about", "homes")),
    ("some 30 villages", (30, 30, "about", "villages")),
    ("roughly 40 trucks", (40, 40, "about", "trucks")),
    ("around 90 shops", (90, 90, "about", "shops")),
    ("over 60 schools", (60, None, "more_than", "schools")),
    ("dozens of people", (24, None, "at_least", "people")),
    ("hundreds of protesters", (200, None, "at_least", "protesters")),
    ("tens of thousands of refugees", (20000, None, "at_least", "refugees")),
    ("a dozen soldiers", (12, 12, "exact", "soldiers")),
    ("four soldiers", (4, 4, "exact", "soldiers")),
    ("a couple of tanks", (2, 2, "exact", "tanks")),
    ("1.5 million voters", (1_500_000, 1_500_000, "exact", "voters")),
    ("3,000 workers", (3000, 3000, "exact", "workers")),
    ("twenty-five hostages", (25, 25, "exact", "hostages")),
    ("$5 million", (5_000_000, 5_000_000, "exact", "USD")),
    ("a fine of €2.5bn", (2_500_000_000, 2_500_000_000, "exact", "EUR")),
    ("12 percent", (12, 12, "exact", "percent")),
    ("7.5 per cent", (7.5, 7.5, "exact", "percent")),
    ("40%", (40, 40, "exact", "percent")),
    ("a 34-year-old man", (34, 34, "exact", "years old")),
    ("15 km", (15, 15, "exact", "km")),
])
def test_values_qualifiers_and_units(text, expected):
    assert only(text) == expected


def test_range_stated_high_to_low_is_stored_low_to_high():
    q = find_quantities("dropping from 208 pounds to 193 by June")[0]
    assert (q.low, q.high, q.qualifier) == (193, 208, "range")
    assert q._descending is True


def test_scale_word_after_second_end_serves_both():
    assert only("between $89 and $93 billion") == (89e9, 93e9, "range", "USD")


def test_text_and_span_cover_qualifier_and_number():
    text = "Officials said at least 12 people died."
    q = find_quantities(text)[0]
    assert q.text == "at least 12"
    assert text[q.span[0]:q.span[1]] == "at least 12"


@pytest.mark.parametrize("text, expected", [
    ("at least 12", (12, None, "at_least")),
    ("more than 40", (40, None, "more_than")),
    ("up to 50", (None, 50, "at_most")),
    ("dozens", (24, None, "at_least")),
    ("between 3 and 5", (3, 5, "range")),
    ("seven", (7, 7, "exact")),
])
def test_parse_number_phrase(text, expected):
    assert parse_number_phrase(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "no numbers here", "the third time"])
def test_parse_number_phrase_without_number(text):
    assert parse_number_phrase(text) is None


# -- not quantities --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The war began in 1990 and ended in 2015.",           # years
    "The meeting starts at 10:30 and ends at 5pm or 6 p.m.",  # clock times
    "It happened on March 22, and again on 22 March and on 22/3.",  # dates
    "It was the third attempt and his 21st birthday.",     # ordinals
    "Call 555-123-4567 or +44 20 7946 0958 for details.",  # phone numbers
    "The office is at 12 Main Street near 9 E 71st St.",   # street addresses
    "Flight 370 vanished; Resolution 2254 was adopted; MH17 was hit.",  # identifiers
    "The Big 12 conference and the iPhone 11 launched.",   # numbers in names
    "The code 4B7 was rejected.",                         # codes
])
def test_non_quantities(text):
    assert find_quantities(text) == []


def test_a_real_count_next_to_a_year_is_kept():
    found = find_quantities("In 2015, 40 people were arrested.")
    assert [(q.low, q.unit) for q in found] == [(40, "people")]


# -- units with the parse --------------------------------------------------------------------

@pytest.mark.model
def test_unit_is_the_counted_noun_phrase(parse):
    doc = parse("Officials said some 30 police officers were hurt.")
    assert only(doc.body, doc._nlp) == (30, 30, "about", "police officers")


@pytest.mark.model
def test_unit_of_a_range_and_of_a_vague_plural(parse):
    doc = parse("Between 200 and 300 fighters and dozens of civilians fled.")
    found = find_quantities(doc.body, doc._nlp)
    assert [(q.low, q.high, q.qualifier, q.unit) for q in found] == [
        (200, 300, "range", "fighters"), (24, None, "at_least", "civilians")]


@pytest.mark.model
def test_a_pronoun_after_of_is_no_unit(parse):
    doc = parse("Rebels stormed the camp and dozens of them were killed, two of whom were commanders.")
    found = find_quantities(doc.body, doc._nlp)
    assert [(q.text, q.unit) for q in found] == [("dozens", None), ("two", None)]


def test_a_pronoun_after_of_is_no_unit_without_a_parse():
    assert [q.unit for q in find_quantities("Police arrested dozens of them on Monday.")] == [None]


# -- claimants -------------------------------------------------------------------------------

@pytest.mark.model
def test_claimant_from_reporting_verb_with_entity(parse):
    body = "Maria Lopez estimated that between 200 and 300 fighters remained in the city."
    doc = parse(body)
    doc.entities = [Entity(id="e1", name="Maria Lopez", type="PERSON", mentions=[[0, 11]])]
    run(doc)
    q = doc.quantities[0]
    assert (q.low, q.high, q.qualifier, q.unit) == (200, 300, "range", "fighters")
    assert (q.claimant, q.claimant_text) == ("e1", "Maria Lopez")


@pytest.mark.model
def test_claimant_text_without_entity(parse):
    doc = parse("An official told the newspaper that more than 40 cells were active.")
    run(doc)
    q = doc.quantities[0]
    assert (q.low, q.qualifier, q.unit) == (40, "more_than", "cells")
    assert (q.claimant, q.claimant_text) == (None, "An official")


@pytest.mark.model
def test_claimant_from_according_to(parse):
    doc = parse("Prices rose 5 percent last year, according to the central bank.")
    run(doc)
    assert doc.quantities[0].claimant_text == "the central bank"


@pytest.mark.model
def test_pronoun_claimant_kept_as_written(parse):
    doc = parse("He said that 15 soldiers died.")
    run(doc)
    assert (doc.quantities[0].claimant, doc.quantities[0].claimant_text) == (None, "He")


@pytest.mark.model
def test_quote_speaker_is_preferred(parse):
    body = '"We counted 40 bodies," he said.'
    doc = parse(body)
    doc.entities = [Entity(id="e7", name="Ahmed Nasser", type="PERSON", mentions=[[100, 112]])]
    doc.quotes = [Quote(text="We counted 40 bodies,", span=[1, 22], kind="direct", speaker="Ahmed Nasser",
                        speaker_entity="e7", speaker_text="he")]
    run(doc)
    q = doc.quantities[0]
    assert (q.low, q.unit, q.claimant, q.claimant_text) == (40, "bodies", "e7", "Ahmed Nasser")


@pytest.mark.model
def test_page_own_statement_has_no_claimant(parse):
    doc = parse("The blast killed at least 12 people on Tuesday.")
    run(doc)
    q = doc.quantities[0]
    assert (q.low, q.qualifier, q.claimant, q.claimant_text) == (12, "at_least", None, None)


def test_stage_without_parse_reads_numbers_without_claimants():
    doc = Document(body="At least 12 people died, police said.")
    run(doc)
    assert [(q.low, q.qualifier, q.claimant_text) for q in doc.quantities] == [(12, "at_least", None)]
    assert doc.warnings == []


# -- bad input -------------------------------------------------------------------------------

def test_empty_body():
    doc = Document(body="")
    run(doc)
    assert doc.quantities == [] and doc.warnings == []


@pytest.mark.model
def test_text_with_no_sentences(parse):
    doc = parse("   \n\n  ...  \n")
    run(doc)
    assert doc.quantities == []


@pytest.mark.model
def test_table_of_numbers(parse):
    doc = parse("12 34 56\n78 90 11\n3.5 4.5 5.5\n")
    run(doc)
    assert [q.low for q in doc.quantities] == [12, 34, 56, 78, 90, 11, 3.5, 4.5, 5.5]


@pytest.mark.model
def test_all_caps_text(parse):
    doc = parse("POLICE SAID AT LEAST 12 PEOPLE WERE KILLED AND ABOUT 30 INJURED.")
    run(doc)
    assert [(q.low, q.high, q.qualifier) for q in doc.quantities] == [
        (12, None, "at_least"), (30, 30, "about")]


@pytest.mark.model
def test_mixed_scripts(parse):
    doc = parse("Полиция: 12 человек. 警察说有 30 人受伤. About 40 people fled to الموصل.")
    run(doc)
    assert [q.low for q in doc.quantities] == [12, 30, 40]


@pytest.mark.model
def test_parse_shorter_than_body_gives_warning(nlp):
    doc = Document(body="At least 12 people died. Police said 30 fled.")
    doc._nlp = nlp("At least 12 people died.")
    run(doc)
    assert [(q.low, q.unit) for q in doc.quantities] == [(12, "people"), (30, None)]
    assert any("parse does not cover" in w for w in doc.warnings)


def test_parse_of_another_text_is_ignored_with_warning():
    class OtherParse:
        text = "Something else entirely."

    doc = Document(body="At least 12 people died.")
    doc._nlp = OtherParse()
    run(doc)
    assert [(q.low, q.unit, q.claimant_text) for q in doc.quantities] == [(12, "people", None)]
    assert any("not of this body" in w for w in doc.warnings)


def test_fifty_thousand_word_page_gives_every_quantity():
    # Speed on long pages is measured by `newsgraph bench`, not asserted here.
    sentence = "Officials said at least 12 people died and 3,000 fled on March 22, 2016. "
    body = sentence * (50_000 // 13)
    doc = Document(body=body)
    run(doc)
    assert len(doc.quantities) == 2 * (50_000 // 13)


# -- the cheap paths give the same answers as the plain ones ------------------------------------

def test_phone_number_among_counts_masks_only_its_own_tokens():
    found = [(q.text, q.low) for q in find_quantities("Call 555-123-4567 now: 12 people died, 3 hurt.")]
    assert found == [("12", 12), ("3", 3)]


def test_words_that_cannot_start_a_number_are_skipped_but_number_words_are_read():
    found = [(q.text, q.low, q.high, q.qualifier) for q in find_quantities(
        "Officials said twenty-one people and a dozen officers, half of them hurt, and dozens more.")]
    assert found == [("twenty-one", 21, 21, "exact"), ("a dozen", 12, 12, "exact"),
                     ("half", 0.5, 0.5, "exact"), ("dozens", 24, None, "at_least")]


@pytest.mark.model
def test_according_heads_are_the_heads_of_according(parse):
    from newsgraph.extract.quantities import _according_heads

    doc = parse("According to police, 12 people died. ACCORDING to them it was 5. Nobody agreed.")
    sdoc = doc._nlp
    assert _according_heads(sdoc) == {t.head.i for t in sdoc if t.lower_ == "according"}
    assert len(_according_heads(sdoc)) == 2
