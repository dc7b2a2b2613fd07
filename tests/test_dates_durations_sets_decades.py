"""Dates: results periods, months with a named year, gaps between events ("three days
later"), modified durations, sets of nights and months, decades in words, "current".

Publication date throughout: Wednesday 2016-03-23 (last finished quarter 2015-Q4).
"""

from __future__ import annotations

import pytest

from newsgraph.extract.dates import find_dates

PUBLISHED = "2016-03-23"


def _values(text: str, published: str | None = PUBLISHED) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.value, m.type) for m in find_dates(text, published)]


@pytest.mark.parametrize("text, expected", [
    ("Sales in the latest period were $1 billion.", [("the latest period", "2015-Q4", "DATE")]),
    # The period takes the quarter the story is about, in the year it names.
    ("Profit rose in the third quarter. In the 2014 period, it earned $3 million.",
     [("the third quarter", "2015-Q3", "DATE"), ("the 2014 period", "2014-Q3", "DATE")]),
    ("The period was long.", []),  # no year or "latest": not a results period
])
def test_results_periods(text: str, expected: list) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He was named in June last year and leaves in April next year.",
     [("June last year", "2015-06", "DATE"), ("April next year", "2017-04", "DATE")]),
    ("It began in February this year.", [("February this year", "2016-02", "DATE")]),
])
def test_month_with_a_named_year_is_one_expression(text: str, expected: list) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Three days later, the index fell.", [("Three days later", "P3D", "DURATION")]),
    ("A day earlier, trucks crossed.", [("A day earlier", "P1D", "DURATION")]),
    ("Just over an hour later he died.", [("over an hour later", "PT1H", "DURATION")]),
    ("A few days later it fell.", [("A few days later", "PXD", "DURATION")]),
    ("a minute and a half later", [("a minute and a half later", "PT1M30S", "DURATION")]),
    # Years stay dates: "a year earlier" in results stories is the year before.
    ("Profit was $5 million a year earlier.", [("a year earlier", "2015", "DATE")]),
    ("two days ago", [("two days ago", "2016-03-21", "DATE")]),
])
def test_gaps_between_events_are_durations(text: str, expected: list) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The fleet stays for at least 20 more years.", [("at least 20 more years", "P20Y", "DURATION")]),
    ("extended for an additional year", [("an additional year", "P1Y", "DURATION")]),
    ("Eight trading days after the crash", [("Eight trading days", "P8D", "DURATION")]),
    ("as it has for almost a hundred years.", [("almost a hundred years", "P100Y", "DURATION")]),
    ("two more weeks", [("two more weeks", "P2W", "DURATION")]),
])
def test_modified_durations(text: str, expected: list) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Flights leave on Monday and Tuesday nights.",
     [("Monday", "XXXX-WXX-1TNI", "SET"), ("Tuesday nights", "XXXX-WXX-2TNI", "SET")]),
    ("A festival is held each July.", [("each July", "XXXX-07", "SET")]),
    ("They met on Monday and Tuesday.",  # no plural part of day: two dates
     [("Monday", "2016-03-21", "DATE"), ("Tuesday", "2016-03-22", "DATE")]),
])
def test_sets(text: str, expected: list) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Numbers dropped through the nineties.", [("the nineties", "199", "DATE")]),
    ("since the early sixties", [("the early sixties", "196", "DATE")]),
    ("nineties", []),  # without "the" it is most often an age or a temperature
])
def test_decades_in_words(text: str, expected: list) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He travelled with his current wife.", [("current", "PRESENT_REF", "DATE")]),
    ("Kellogg's current share is 40%.", [("current", "PRESENT_REF", "DATE")]),
    ("The current account deficit widened.", []),
    ("The current of the river was strong.", []),
    ("It changed the current.", []),  # a noun at the end of a sentence
    ("current", []),  # the whole text: nothing after it
])
def test_current_as_an_adjective_of_time(text: str, expected: list) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text", [
    "Mr. Reupke, 52 years old, retired.", "employees 55 years old or older",
])
def test_ages_are_not_durations(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Sales in the latest period rose.", [("the latest period", None, "DATE")]),
    ("in June last year", [("June last year", None, "DATE")]),
    # Durations and sets need no publication date.
    ("Three days later", [("Three days later", "P3D", "DURATION")]),
    ("each July", [("each July", "XXXX-07", "SET")]),
])
def test_without_publication_date(text: str, expected: list) -> None:
    assert _values(text, None) == expected


@pytest.mark.parametrize("text, expected", [
    ("We don't minimize the challenges of the near term.", [("the near term", "FUTURE_REF", "DATE")]),
    ("to placate holders in the short term", [("the short term", "FUTURE_REF", "DATE")]),
    ("a two-year term", [("two-year", "P2Y", "DURATION")]),  # a term of office, not the near term
    ("He appeared before the judge at midday.", [("midday", "2016-03-23T12:00", "TIME")]),
])
def test_near_term_and_midday(text: str, expected: list) -> None:
    assert _values(text) == expected
