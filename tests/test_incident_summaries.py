"""The main incident's tolls: the headline and lead complete them; a victim only "shot" beside a
stated death toll is the one who died (bug: counted as a second, injured victim)."""

from __future__ import annotations

import pytest

from newsgraph.extract import incidents


@pytest.mark.model
def test_headline_death_makes_the_lone_shot_victim_a_death(parse):
    doc = parse("Officers said a man was shot on Genesee Avenue in Saginaw on Tuesday night. "
                "Neighbors found him on the porch.")
    incidents.run(doc)
    assert (doc.incidents[0].killed.low, doc.incidents[0].injured.low) == (None, 1)
    doc.title = "Man shot, killed in Saginaw - Valley Courier"
    incidents.run(doc)
    main = doc.incidents[0]
    assert (main.killed.low, main.killed.high, main.injured.low) == (1, 1, None)


@pytest.mark.model
def test_headline_figure_beats_a_lower_listed_count(parse):
    doc = parse("A woman was wounded when gunfire broke out near a bowling alley in Saginaw late Thursday.")
    doc.title = "3 hurt in Saginaw bowling alley shooting"
    incidents.run(doc)
    assert doc.incidents[0].injured.low == 3


@pytest.mark.model
def test_shot_victim_beside_a_stated_death_toll_is_not_also_injured(parse):
    doc = parse("One person is dead after gunfire in Lynchburg on Wednesday. Officers said a man was shot "
                "near a bakery on Fort Avenue.")
    incidents.run(doc)
    main = doc.incidents[0]
    assert (main.killed.low, main.injured.low) == (1, None)


@pytest.mark.model
def test_a_victim_said_to_be_wounded_still_counts_beside_the_dead(parse):
    doc = parse("One person is dead after gunfire in Lynchburg on Wednesday, in which a gunman also "
                "wounded a woman near a bakery.")
    incidents.run(doc)
    main = doc.incidents[0]
    assert (main.killed.low, main.injured.low) == (1, 1)


@pytest.mark.model
def test_a_name_and_its_surname_are_one_victim(parse):
    doc = parse("Rodrigo Almanza, a 53-year-old man, was shot and killed Thursday in Hawthorne. "
                "Almanza was shot in the back room of his bakery.")
    incidents.run(doc)
    main = doc.incidents[0]
    assert (main.killed.low, main.injured.low) == (1, None)


@pytest.mark.model
def test_a_named_victim_only_shot_beside_a_death_is_the_dead_one(parse):
    doc = parse("A 27-year-old man was shot to death Monday evening in Blue Island. "
                "Tyrell Banks was shot several times in the 12700 block of Gregory Street.")
    incidents.run(doc)
    main = doc.incidents[0]
    assert (main.killed.low, main.injured.low) == (1, None)


@pytest.mark.model
def test_victims_in_relative_clauses_are_counted(parse):
    doc = parse("Troopers found Whitcombe, who had been shot and killed, and a 23-year-old woman, who had "
                "been wounded in the hip, behind a laundromat.")
    incidents.run(doc)
    main = doc.incidents[0]
    assert (main.killed.low, main.injured.low) == (1, 1)


@pytest.mark.model
def test_people_shot_minus_the_dead_are_hurt(parse):
    doc = parse("Four people were shot near a diner in Saginaw late Friday, and one of them died.")
    incidents.run(doc)
    main = doc.incidents[0]
    assert (main.killed.low, main.injured.low) == (1, 3)


@pytest.mark.model
@pytest.mark.parametrize("body", [
    "A jogger came upon the body of a teenager with a gunshot wound beside the Cass River on Tuesday.",
    "The 17-year-old gunshot victim, who was hit in the neck on Thursday, has passed away.",
])
def test_more_words_for_a_death(parse, body):
    doc = parse(body)
    incidents.run(doc)
    main = doc.incidents[0]
    assert (main.killed.low, main.injured.low) == (1, None)


@pytest.mark.model
def test_a_child_who_accidentally_shot_herself_is_hurt_a_gunman_who_killed_himself_is_not(parse):
    doc = parse("A 7-year-old boy accidentally shot himself in the foot at home in Modesto on Sunday.")
    incidents.run(doc)
    assert (doc.incidents[0].killed.low, doc.incidents[0].injured.low) == (None, 1)
    doc = parse("A gunman shot a cashier in the hand at a pharmacy in Saginaw. The gunman then killed himself.")
    incidents.run(doc)
    assert (doc.incidents[0].killed.low, doc.incidents[0].injured.low) == (None, 1)


@pytest.mark.model
def test_the_lead_is_not_a_dateline_split_off_by_the_parser(parse):
    doc = parse("LYNCHBURG, VA (WKRX) - One man is dead and two more people injured after a violent evening at a "
                "downtown lounge. The gunfire broke out around 2 a.m. Sunday inside the lounge.")
    incidents.run(doc)
    assert (doc.incidents[0].killed.low, doc.incidents[0].injured.low) == (1, 2)


@pytest.mark.model
def test_a_name_suffix_is_not_a_second_victim(parse):
    doc = parse("Marcus Delano Pritchett Jr., a 37-year-old man, died Saturday, Nov. 9, after being "
                "shot in Hawthorne, the county medical examiner said.")
    incidents.run(doc)
    assert (doc.incidents[0].killed.low, doc.incidents[0].injured.low) == (1, None)
