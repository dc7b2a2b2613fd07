"""Casualty figures: long death-toll phrases, ordinal deaths."""

from __future__ import annotations

import pytest

from newsgraph.extract import incident_counts


def _found(text):
    return [(m.kind, m.count.low, m.count.high, m.count.qualifier) for m in incident_counts.find_casualties(text)]


def test_death_toll_far_from_its_figure():
    text = ("The death toll from a bomb attack on a busy market in the southern city of Gaziantep rose to "
            "at least 13 on Saturday evening, with more than 50 others injured.")
    assert _found(text) == [("killed", 13, None, "at_least"), ("injured", 50, None, "more_than")]


def test_death_toll_with_a_curly_apostrophe_beats_the_latest_deaths():
    text = "The death toll from Saturday’s market bombing rose to 17 after two more of the wounded died."
    mentions = incident_counts.find_casualties(text)
    total, disagree = incident_counts.best_total([m for m in mentions if m.kind == "killed"])
    assert (total.low, total.high, disagree) == (17, 17, True)


def test_an_ordinal_death_gives_the_toll():
    mentions = incident_counts.find_casualties("A tenth police officer has died of wounds sustained in the attack.")
    total, _ = incident_counts.best_total([m for m in mentions if m.kind == "killed"])
    assert (total.low, total.high, total.qualifier) == (10, 10, "exact")


@pytest.mark.parametrize("text", [
    "Armonte Hooper was charged for a shooting that left 25-year-old Courtney Taylor dead.",
    "Thomas Ransom shot and killed 38-year-old April Ransom.",
    "Larry Henderson, 30, died at a hospital.",
    "He turned 21 shortly before he was killed.",
    "It is the most killings the city has seen in January since 2007, when 28 were killed.",
    "Nine officers have been fatally shot this year.",
    "Leonard killed three men at a party in the summer of 2012.",
])
def test_ages_and_statistics_are_not_tolls(text):
    assert incident_counts.find_casualties(text) == []


def test_tolls_beside_commas_and_superlatives():
    found = incident_counts.find_casualties(
        "It ended with 14 people dead and 17 more wounded, the deadliest shooting since Sandy Hook.")
    assert [(m.kind, m.count.low) for m in found] == [("killed", 14), ("injured", 17)]
    found = incident_counts.find_casualties("The gunmen opened fire, killing 1,200, wounding 21.")
    assert [(m.kind, m.count.low) for m in found] == [("killed", 1200), ("injured", 21)]


@pytest.mark.parametrize(("killed", "injured", "headline", "expected"), [
    (0, 1, "Man shot, killed on Detroit's west side", (1, 0)),
    (0, 0, "1 dead, 1 injured in shooting at San Bernardino liquor store", (1, 1)),
    (1, 0, "1 dead, 1 injured in shooting at San Bernardino liquor store", (1, 1)),
    (0, 0, "Young person hurt when bullet flies through wall into home", (0, 1)),
    (0, 0, "Search continues for 2 men after unmarked vehicle shot at", (0, 0)),
    (0, 0, "Non-fatal shootings see dramatic increase", (0, 0)),
    (0, 0, "No one hurt in shooting", (0, 0)),
    (2, 3, "Man shot, killed in Feltonville", (2, 3)),
    (0, 2, "Police investigate double shooting", (0, 2)),
])
def test_headline_completes_the_body_tolls(killed, injured, headline, expected):
    assert incident_counts.with_headline(killed, injured, headline) == expected


@pytest.mark.parametrize("text", ["No one was hurt.", "no one else was injured", "Zero people were killed."])
def test_no_one_counts_nobody(text):
    assert [m.count.low for m in incident_counts.find_casualties(text)] == [0]


@pytest.mark.parametrize(("text", "expected"), [
    ("The shooting left three people wounded.", [("injured", 3)]),
    ("It left two men in critical condition.", [("injured", 2)]),
    ("The attack left 12 people dead.", [("killed", 12)]),
    ("The blast left two dead and three wounded.", [("killed", 2), ("injured", 3)]),
    ("He left two weeks ago.", []),
])
def test_left_counts_what_its_object_is(text, expected):
    assert [(m.kind, m.count.low) for m in incident_counts.find_casualties(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The shooting left one man dead and another injured.", [("killed", 1), ("injured", 1)]),
    ("Two men are in critical condition.", [("injured", 2)]),
    ("Police opened a critical incident investigation.", []),
])
def test_another_and_critical(text, expected):
    assert [(m.kind, m.count.low) for m in incident_counts.find_casualties(text)] == expected


@pytest.mark.parametrize(("killed", "injured", "headline", "expected"), [
    (0, 1, "3 critical after shooting near W Hotel", (0, 3)),
    (0, 1, "Police investigate Wilmington double shooting", (0, 2)),
    (1, 0, "Police investigate triple shooting", (1, 2)),
    (0, 3, "Police investigate double shooting", (0, 3)),
])
def test_headline_figures_and_multiple_shootings(killed, injured, headline, expected):
    assert incident_counts.with_headline(killed, injured, headline) == expected


def test_empty_headline_changes_nothing():
    assert incident_counts.with_headline(2, 1, "") == (2, 1)
    assert incident_counts.find_casualties("") == []


def test_a_possessive_before_the_figure():
    found = incident_counts.find_casualties("He opened fire, killing his five young children and wounding their two neighbours.")
    assert [(m.kind, m.count.low) for m in found] == [("killed", 5), ("injured", 2)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Three people were shot outside the bar.", [("shot", 3)]),
    ("Two men were shot and wounded early Sunday.", [("injured", 2)]),
    ("Two men were shot and killed.", [("killed", 2)]),
    ("Two men were shot at but not hit.", []),
    ("The officer returned one shot.", []),
    ("ABC 6/FOX 28 has learned that deputies shot the man.", []),
])
def test_a_count_of_people_shot(text, expected):
    assert [(m.kind, m.count.low) for m in incident_counts.find_casualties(text)] == expected


@pytest.mark.parametrize(("killed", "injured", "headline", "expected"), [
    (1, 0, "Three shot, one dead after memorial at community center", (1, 2)),
    (0, 1, "Suspect sought after 3 shot in Streeterville", (0, 3)),
    (0, 0, "Shot Fired During Denver Carjacking Attempt", (0, 0)),
    (0, 0, "Police say a shot was fired at a car", (0, 0)),
    (0, 0, "Search for 2 men after unmarked vehicle shot at", (0, 0)),
])
def test_headline_count_of_people_shot(killed, injured, headline, expected):
    assert incident_counts.with_headline(killed, injured, headline) == expected
