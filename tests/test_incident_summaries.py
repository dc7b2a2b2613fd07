"""The main incident's tolls: the headline and lead complete them; a victim only "shot" beside a
stated death toll is the one who died (bug: counted as a second, injured victim)."""

from __future__ import annotations

import pytest

from newsgraph.extract import incidents


@pytest.mark.model
def test_headline_death_makes_the_lone_shot_victim_a_death(parse):
    doc = parse("Police said a man was shot on Main Street in Dayton on Sunday night. "
                "Officers found him on the sidewalk.")
    incidents.run(doc)
    assert (doc.incidents[0].killed.low, doc.incidents[0].injured.low) == (None, 1)
    doc.title = "Man shot, killed in Dayton - Dayton Daily News"
    incidents.run(doc)
    main = doc.incidents[0]
    assert (main.killed.low, main.killed.high, main.injured.low) == (1, 1, None)


@pytest.mark.model
def test_headline_figure_beats_a_lower_listed_count(parse):
    doc = parse("A woman was wounded when gunfire erupted outside a bar in Akron early Saturday.")
    doc.title = "3 hurt in Akron bar shooting"
    incidents.run(doc)
    assert doc.incidents[0].injured.low == 3


@pytest.mark.model
def test_shot_victim_beside_a_stated_death_toll_is_not_also_injured(parse):
    doc = parse("One person is dead after a shooting in Toledo on Friday. Police said a man was shot "
                "outside a store on Monroe Street.")
    incidents.run(doc)
    main = doc.incidents[0]
    assert (main.killed.low, main.injured.low) == (1, None)


@pytest.mark.model
def test_a_victim_said_to_be_wounded_still_counts_beside_the_dead(parse):
    doc = parse("One person is dead after a shooting in Toledo on Friday, in which a gunman also "
                "wounded a woman outside a store.")
    incidents.run(doc)
    main = doc.incidents[0]
    assert (main.killed.low, main.injured.low) == (1, 1)


@pytest.mark.model
def test_a_name_and_its_surname_are_one_victim(parse):
    doc = parse("Edgar Fabian, a 49-year-old man, was shot and killed Tuesday in South Gate. "
                "Fabian was shot inside the office of his business.")
    incidents.run(doc)
    main = doc.incidents[0]
    assert (main.killed.low, main.injured.low) == (1, None)


@pytest.mark.model
def test_a_named_victim_only_shot_beside_a_death_is_the_dead_one(parse):
    doc = parse("A 25-year-old man was shot to death Sunday afternoon in Dolton. "
                "Derrick James was shot multiple times in the 14400 block of Ellis Avenue.")
    incidents.run(doc)
    main = doc.incidents[0]
    assert (main.killed.low, main.injured.low) == (1, None)


@pytest.mark.model
def test_victims_in_relative_clauses_are_counted(parse):
    doc = parse("Deputies found Harris, who had been shot and killed, and a 19-year-old man, who had "
                "been wounded in the shoulder, outside a liquor store.")
    incidents.run(doc)
    main = doc.incidents[0]
    assert (main.killed.low, main.injured.low) == (1, 1)


@pytest.mark.model
def test_people_shot_minus_the_dead_are_hurt(parse):
    doc = parse("Three people were shot outside a bar in Akron early Saturday, and one of them died.")
    incidents.run(doc)
    main = doc.incidents[0]
    assert (main.killed.low, main.injured.low) == (1, 2)


@pytest.mark.model
@pytest.mark.parametrize("body", [
    "A fisherman found the body of a man with a gunshot wound in the Black River on Saturday.",
    "The 20-year-old shooting victim, who was shot in the head on Friday, has passed away.",
])
def test_more_words_for_a_death(parse, body):
    doc = parse(body)
    incidents.run(doc)
    main = doc.incidents[0]
    assert (main.killed.low, main.injured.low) == (1, None)


@pytest.mark.model
def test_a_child_who_accidentally_shot_herself_is_hurt_a_gunman_who_killed_himself_is_not(parse):
    doc = parse("A 6-year-old girl accidentally shot herself in the thigh at home in San Diego on Saturday.")
    incidents.run(doc)
    assert (doc.incidents[0].killed.low, doc.incidents[0].injured.low) == (None, 1)
    doc = parse("A gunman shot a clerk in the arm at a store in Akron. The gunman then killed himself.")
    incidents.run(doc)
    assert (doc.incidents[0].killed.low, doc.incidents[0].injured.low) == (None, 1)


@pytest.mark.model
def test_the_lead_is_not_a_dateline_split_off_by_the_parser(parse):
    doc = parse("RICHMOND, VA (WWBT) - One man is dead and two others injured after a chaotic night at a "
                "night club. The shooting happened around 1 a.m. Monday in the club.")
    incidents.run(doc)
    assert (doc.incidents[0].killed.low, doc.incidents[0].injured.low) == (1, 2)


@pytest.mark.model
def test_a_name_suffix_is_not_a_second_victim(parse):
    doc = parse("Joshua Cercedric Hawkins Sr., a 42-year-old black male, died Sunday, Dec. 15, after being "
                "shot in Inglewood, according to Los Angeles County coroner's records.")
    incidents.run(doc)
    assert (doc.incidents[0].killed.low, doc.incidents[0].injured.low) == (1, None)
