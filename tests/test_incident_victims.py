"""A single unnumbered victim: fatal and injury cues, negations."""

from __future__ import annotations

from newsgraph.extract.incident_victims import single_victim_counts
from newsgraph.record import Count


def _counts(*texts, killed=None, injured=None, listed=False):
    result = single_victim_counts(list(texts), killed or Count(), injured or Count(), injured_from_listing=listed)
    return [(c.low, c.high, c.qualifier) for c in result]


def test_fatal_cue_gives_one_killed():
    assert _counts("A 22-year-old man was shot and killed on Minock Street.") == [
        (1, 1, "exact"), (None, None, None)]
    assert _counts("The victim died at the hospital.")[0] == (1, 1, "exact")


def test_injury_cue_gives_one_injured():
    assert _counts("A 20-year-old man was shot while walking.", "He is in stable condition.") == [
        (None, None, None), (1, 1, "exact")]


def test_negated_cues_give_nothing():
    assert _counts("The troopers inside the vehicle were not injured.", "No one was killed.") == [
        (None, None, None), (None, None, None)]


def test_listed_wounded_victim_who_died_moves_to_killed():
    assert _counts("The man died Wednesday.", injured=Count(1, 1, "exact"), listed=True) == [
        (1, 1, "exact"), (None, None, None)]


def test_stated_figures_are_kept():
    stated_killed = Count(3, 3, "exact", "three people were killed")
    assert _counts("A man was shot in the leg.", killed=stated_killed) == [(3, 3, "exact"), (None, None, None)]
