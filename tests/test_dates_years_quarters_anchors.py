"""Dates: spoken years, quarters, anaphoric anchors, schedules and weekday direction.

Publication date throughout: Wednesday 2016-03-23 (last finished quarter 2015-Q4).
"""

from __future__ import annotations

import pytest

from newsgraph.extract.date_lexicon import spoken_year_value
from newsgraph.extract.dates import find_dates

PUBLISHED = "2016-03-23"


def _values(text: str, published: str = PUBLISHED, sdoc: object = None) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.value, m.type) for m in find_dates(text, published, sdoc)]


@pytest.mark.parametrize("words, year", [
    ("nineteen ninety-six", 1996), ("nineteen oh five", 1905), ("nineteen hundred", 1900),
    ("eighteen twelve", 1812), ("nineteen ninety", 1990), ("twenty twelve", None), ("nineteen", None),
])
def test_spoken_year_value(words: str, year: int | None) -> None:
    assert spoken_year_value(words) == year


@pytest.mark.parametrize("text, expected", [
    ("In nineteen ninety-one he was convicted.", [("nineteen ninety-one", "1991", "DATE")]),
    ("January nineteen ninety-seven. Atlanta again.", [("January nineteen ninety-seven", "1997-01", "DATE")]),
    ("the winter of nineteen ninety-four", [("the winter of nineteen ninety-four", "1994-WI", "DATE")]),
    ("by the year two thousand", [("the year two thousand", "2000", "DATE")]),
    ("by the year two thousand and five", [("the year two thousand and five", "2005", "DATE")]),
    ("nineteen people and two thousand troops", []),  # counts, not years
])
def test_spoken_years(text: str, expected: list) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("this year's third quarter", ("this year's third quarter", "2016-Q3", "DATE")),
    ("next year's first quarter", ("next year's first quarter", "2017-Q1", "DATE")),
    ("last year's fourth quarter", ("last year's fourth quarter", "2015-Q4", "DATE")),
    ("the 1988 quarter", ("the 1988 quarter", "1988-Q4", "DATE")),  # the story's (latest) quarter
    ("the last half of 1989", ("the last half of 1989", "1989-H2", "DATE")),
    ("for the full year", ("the full year", "2016", "DATE")),
    ("by year-end", ("year-end", "2016", "DATE")),
])
def test_quarters_halves_and_whole_years(text: str, expected: tuple) -> None:
    assert _values(text) == [expected]


def test_the_last_half_of_a_decade_stays_the_decade() -> None:
    assert _values("the last half of the '80s") == [("the '80s", "198", "DATE")]


def test_the_1988_quarter_follows_the_quarter_of_the_story() -> None:
    text = "Third-quarter profit rose. It earned $5 million in the 1988 quarter."
    assert _values(text, "1989-10-30")[-1] == ("the 1988 quarter", "1988-Q3", "DATE")


@pytest.mark.parametrize("text, expected", [
    ("for 5 1/2 hours", ("5 1/2 hours", "PT5H30M", "DURATION")),
    ("for 2 1/2 years", ("2 1/2 years", "P2Y6M", "DURATION")),
    ("for a minute and a half", ("a minute and a half", "PT1M30S", "DURATION")),
    ("for a day and a half", ("a day and a half", "P1DT12H", "DURATION")),
    ("for half a year", ("half a year", "P6M", "DURATION")),
])
def test_fractional_durations_keep_the_whole_units(text: str, expected: tuple) -> None:
    assert _values(text) == [expected]


@pytest.mark.parametrize("text, value", [
    ("in recent years", "PXY"), ("in recent months", "PXM"), ("in recent weeks", "PXW"),
    ("in recent days", "PXD"),
])
def test_recent_plural_units_are_open_durations(text: str, value: str) -> None:
    [(_, found, timex_type)] = _values(text)
    assert (found, timex_type) == (value, "DURATION")


def test_recent_times_and_recently_stay_past_references() -> None:
    assert _values("in recent times, recently") == [("recent times", "PAST_REF", "DATE"),
                                                     ("recently", "PAST_REF", "DATE")]


def test_the_year_ended_is_a_twelve_month_period() -> None:
    assert _values("revenue for the fiscal year ended March 31")[0] == ("the fiscal year", "P1Y", "DURATION")
    assert _values("revenue for the year ending June 30, 2016")[0] == ("the year", "P1Y", "DURATION")
    assert _values("revenue for the year")[0] == ("the year", "2016", "DATE")


def test_anaphoric_day_and_month_follow_the_last_date_mentioned() -> None:
    text = ("On March 3, 1995, he left. That day was cold; the following day was warm. "
            "The following month he died.")
    assert _values(text) == [
        ("March 3, 1995", "1995-03-03", "DATE"), ("That day", "1995-03-03", "DATE"),
        ("the following day", "1995-03-04", "DATE"), ("The following month", "1995-04", "DATE"),
    ]


def test_anaphora_without_an_earlier_date_falls_back_to_publication() -> None:
    assert _values("That day was cold.") == [("That day", "2016-03-23", "DATE")]


@pytest.mark.parametrize("text, value", [
    ("The group could come as soon as Tuesday.", "2016-03-29"),
    ("The group could come as early as Tuesday.", "2016-03-29"),
    ("The group came Tuesday.", "2016-03-22"),
])
def test_earliest_cues_put_a_weekday_ahead(text: str, value: str) -> None:
    assert _values(text)[0][1] == value


# -- with the parse ---------------------------------------------------------------------------

@pytest.mark.model
@pytest.mark.parametrize("text, weekday, value", [
    # Wednesday publication: a schedule or an intention points ahead ...
    ("The sale is scheduled to close Monday.", "Monday", "2016-03-28"),
    ("The team planned to leave Nairobi on Thursday.", "Thursday", "2016-03-24"),
    ("Protesters planned a large demonstration on Saturday.", "Saturday", "2016-03-26"),
    ("Trading is to resume in Paris Tuesday.", "Tuesday", "2016-03-29"),
    # ... a past verb, a possessive, a purpose infinitive or a lapsed schedule does not.
    ("On Friday, the government planned new measures.", "Friday", "2016-03-18"),
    ("They would look for ways to get around Wednesday's ruling.", "Wednesday", "2016-03-23"),
    ("Celebrations were held to mark the entry into NATO on Friday.", "Friday", "2016-03-18"),
    ("The offer had been due to expire Friday.", "Friday", "2016-03-18"),
    ("Police raided the house Wednesday.", "Wednesday", "2016-03-23"),  # the publication day itself
    ("Police raided the house last Wednesday.", "last Wednesday", "2016-03-16"),
    ("Friday's raid killed two.", "Friday", "2016-03-18"),
    ("He decided to weigh in on the fight on Monday.", "Monday", "2016-03-21"),
    ("The band unveiled its plans at the close of its Monday night show.", "Monday night",
     "2016-03-21TNI"),
])
def test_weekday_direction_from_the_parse(parse, text: str, weekday: str, value: str) -> None:
    doc = parse(text, PUBLISHED)
    found = {m.text: m.value for m in find_dates(text, PUBLISHED, doc._nlp)}
    assert found[weekday] == value


@pytest.mark.model
@pytest.mark.parametrize("text, expression, value", [
    ("The reduced dividend is payable Jan. 2 to holders of record.", "Jan. 2", "2017-01-02"),
    ("The change is effective Jan. 15.", "Jan. 15", "2017-01-15"),
    ("The closing is expected in December.", "December", "2016-12"),
    ("Guidelines to be published in early November will decide it.", "early November", "2016-11"),
    ("The summit set for Washington in April will be long.", "April", "2016-04"),
    ("The index fell from its record high set on Aug. 6.", "Aug. 6", "2015-08-06"),
])
def test_schedules_put_month_and_day_ahead(parse, text: str, expression: str, value: str) -> None:
    doc = parse(text, PUBLISHED)
    found = {m.text: m.value for m in find_dates(text, PUBLISHED, doc._nlp)}
    assert found[expression] == value
