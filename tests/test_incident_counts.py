"""Casualty figures: long death-toll phrases, ordinal deaths."""

from __future__ import annotations

import pytest

from newsgraph.extract import incident_counts


def _found(text):
    return [(m.kind, m.count.low, m.count.high, m.count.qualifier) for m in incident_counts.find_casualties(text)]


def test_death_toll_far_from_its_figure():
    text = ("The death toll from a car bombing near a crowded bus depot in the northern town of Velmora climbed to "
            "at least 13 by Saturday evening, with more than 50 others injured.")
    assert _found(text) == [("killed", 13, None, "at_least"), ("injured", 50, None, "more_than")]


def test_death_toll_with_a_curly_apostrophe_beats_the_latest_deaths():
    text = "The death toll from Thursday’s depot blast climbed to 17 when two more of the injured died."
    mentions = incident_counts.find_casualties(text)
    total, disagree = incident_counts.best_total([m for m in mentions if m.kind == "killed"])
    assert (total.low, total.high, disagree) == (17, 17, True)


def test_an_ordinal_death_gives_the_toll():
    mentions = incident_counts.find_casualties("A tenth border guard has died of injuries received in the ambush.")
    total, _ = incident_counts.best_total([m for m in mentions if m.kind == "killed"])
    assert (total.low, total.high, total.qualifier) == (10, 10, "exact")


@pytest.mark.parametrize("text", [
    "Delmar Quist was indicted over a gunfight that left 25-year-old Renata Oakes dead.",
    "Gideon Marlowe shot and killed 38-year-old Petra Marlowe.",
    "Osric Pembley, 30, died at a clinic.",
    "He had turned 21 a week before he was slain.",
    "That is the highest March tally the county has had since 2009, when 31 were killed.",
    "Seven deputies have been fatally shot so far this year.",
    "Quimby killed four campers at a lake in the autumn of 2011.",
])
def test_ages_and_statistics_are_not_tolls(text):
    assert incident_counts.find_casualties(text) == []


def test_tolls_beside_commas_and_superlatives():
    found = incident_counts.find_casualties(
        "The siege closed with 14 hostages dead and 17 more wounded, the worst rampage the valley has known.")
    assert [(m.kind, m.count.low) for m in found] == [("killed", 14), ("injured", 17)]
    found = incident_counts.find_casualties("The raiders swept the village, killing 1,200, wounding 21.")
    assert [(m.kind, m.count.low) for m in found] == [("killed", 1200), ("injured", 21)]


@pytest.mark.parametrize(("killed", "injured", "headline", "expected"), [
    (0, 1, "Man shot, killed on Fennmoor's south end", (1, 0)),
    (0, 0, "1 dead, 1 injured in gunfire at Larkvale gas station", (1, 1)),
    (1, 0, "1 dead, 1 injured in gunfire at Larkvale gas station", (1, 1)),
    (0, 0, "Teenager hurt as stray round pierces kitchen window", (0, 1)),
    (0, 0, "Hunt goes on for 2 men after parked pickup shot at", (0, 0)),
    (0, 0, "Non-fatal shootings climb sharply in county", (0, 0)),
    (0, 0, "No one hurt in gunfire", (0, 0)),
    (2, 3, "Man shot, killed in Ashgrove", (2, 3)),
    (0, 2, "Detectives probe double shooting", (0, 2)),
])
def test_headline_completes_the_body_tolls(killed, injured, headline, expected):
    assert incident_counts.with_headline(killed, injured, headline) == expected


@pytest.mark.parametrize("text", ["No one was hurt.", "no one inside was injured", "Zero people were killed."])
def test_no_one_counts_nobody(text):
    assert [m.count.low for m in incident_counts.find_casualties(text)] == [0]


@pytest.mark.parametrize(("text", "expected"), [
    ("The ambush left three bystanders wounded.", [("injured", 3)]),
    ("The crash left two riders in critical condition.", [("injured", 2)]),
    ("The raid left 12 villagers dead.", [("killed", 12)]),
    ("The explosion left two dead and three wounded.", [("killed", 2), ("injured", 3)]),
    ("She moved out two weeks ago and left two weeks later.", []),
])
def test_left_counts_what_its_object_is(text, expected):
    assert [(m.kind, m.count.low) for m in incident_counts.find_casualties(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The gunfight left one guard dead and another injured.", [("killed", 1), ("injured", 1)]),
    ("Two cyclists remain in critical condition.", [("injured", 2)]),
    ("Inspectors began a critical incident review.", []),
])
def test_another_and_critical(text, expected):
    assert [(m.kind, m.count.low) for m in incident_counts.find_casualties(text)] == expected


@pytest.mark.parametrize(("killed", "injured", "headline", "expected"), [
    (0, 1, "3 critical after shooting near harbor ferry dock", (0, 3)),
    (0, 1, "Detectives probe Brackford double shooting", (0, 2)),
    (1, 0, "Detectives probe triple shooting", (1, 2)),
    (0, 3, "Detectives probe double shooting", (0, 3)),
])
def test_headline_figures_and_multiple_shootings(killed, injured, headline, expected):
    assert incident_counts.with_headline(killed, injured, headline) == expected


def test_empty_headline_changes_nothing():
    assert incident_counts.with_headline(2, 1, "") == (2, 1)
    assert incident_counts.find_casualties("") == []


def test_a_possessive_before_the_figure():
    found = incident_counts.find_casualties("He turned the rifle on his family, killing his five small daughters and wounding their two neighbours.")
    assert [(m.kind, m.count.low) for m in found] == [("killed", 5), ("injured", 2)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Three diners were shot near the taco stand.", [("shot", 3)]),
    ("Two brothers were shot and wounded late Tuesday.", [("injured", 2)]),
    ("Two clerks were shot and killed.", [("killed", 2)]),
    ("Two hikers were shot at but not hit.", []),
    ("The trooper fired back one shot.", []),
    ("Channel 9 was told that marshals shot the driver.", []),
])
def test_a_count_of_people_shot(text, expected):
    assert [(m.kind, m.count.low) for m in incident_counts.find_casualties(text)] == expected


@pytest.mark.parametrize(("killed", "injured", "headline", "expected"), [
    (1, 0, "Three shot, one dead after vigil at church hall", (1, 2)),
    (0, 1, "Gunman sought after 3 shot in Millbrook Heights", (0, 3)),
    (0, 0, "Shot Fired During Ormsby Pawnshop Holdup", (0, 0)),
    (0, 0, "Officers say a shot was fired at a van", (0, 0)),
    (0, 0, "Hunt for 2 men after parked pickup shot at", (0, 0)),
])
def test_headline_count_of_people_shot(killed, injured, headline, expected):
    assert incident_counts.with_headline(killed, injured, headline) == expected
