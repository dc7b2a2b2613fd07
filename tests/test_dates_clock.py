"""A clock time with a written date takes that date, not the publication day (bug: it took the latter)."""

from __future__ import annotations

import pytest

from newsgraph.extract.dates import find_dates


@pytest.mark.parametrize(("sentence", "published", "value"), [
    ("The robbery happened at 7:00 p.m. on December 28th.", "2016-01-05", "2015-12-28T19:00"),
    ("Police were called at 2:20 a.m. Jan. 23, officials said.", "2016-01-25", "2016-01-23T02:20"),
    ("It started at 11:40 a.m. on November 14, 2015 in Bakersfield.", None, "2015-11-14T11:40"),
    ("At noon on March 3 the market opened.", "2016-03-10", "2016-03-03T12:00"),
    ("He left at 5 p.m. Tuesday.", "2016-03-10", "2016-03-08T17:00"),  # weekday: unchanged
    ("He left at 5 p.m. on Jan. 31.", None, None),  # no year and no anchor: unknown
])
def test_clock_time_with_a_written_date(sentence, published, value):
    [mention] = find_dates(sentence, published)
    assert mention.value == value
    assert mention.granularity == "time"


@pytest.mark.parametrize(("sentence", "value"), [
    # "by" is a weak future cue: like a bare weekday, a clock time's weekday stays in the past
    # (bug: it took the next Tuesday).
    ("The clerk was robbed by a masked man at around 4 a.m. on Tuesday.", "2016-03-08T04:00"),
    ("The hearing will start at 9 a.m. on Tuesday.", "2016-03-15T09:00"),  # a firm future
])
def test_clock_time_with_a_weekday_follows_only_a_firm_future(sentence, value):
    [mention] = find_dates(sentence, "2016-03-10")  # a Thursday
    assert mention.value == value
