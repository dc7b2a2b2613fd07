"""A single unnumbered victim: fatal and injury cues, negations."""

from __future__ import annotations

from newsgraph.extract.incident_victims import single_victim_counts
from newsgraph.record import Count


def _counts(*texts, killed=None, injured=None, listed=False):
    result = single_victim_counts(list(texts), killed or Count(), injured or Count(), injured_from_listing=listed)
    return [(c.low, c.high, c.qualifier) for c in result]


def test_fatal_cue_gives_one_killed():
    assert _counts("A 24-year-old woman was shot and killed on Larchmont Lane.") == [
        (1, 1, "exact"), (None, None, None)]
    assert _counts("The victim died at the hospital.")[0] == (1, 1, "exact")


def test_injury_cue_gives_one_injured():
    assert _counts("A 19-year-old cyclist was shot while riding home.", "Doctors say he is stable.") == [
        (None, None, None), (1, 1, "exact")]


def test_negated_cues_give_nothing():
    assert _counts("The two wardens in the truck were not injured.", "No one was killed.") == [
        (None, None, None), (None, None, None)]


def test_listed_wounded_victim_who_died_moves_to_killed():
    assert _counts("The man died Wednesday.", injured=Count(1, 1, "exact"), listed=True) == [
        (1, 1, "exact"), (None, None, None)]


def test_stated_figures_are_kept():
    stated_killed = Count(4, 4, "exact", "four villagers were killed")
    assert _counts("A porter was shot in the ankle.", killed=stated_killed) == [(4, 4, "exact"), (None, None, None)]
