"""A clock time with a written date takes that date, not the publication day (bug: it took the latter)."""

from __future__ import annotations

import pytest

from newsgraph.extract.dates import find_dates


@pytest.mark.parametrize(("sentence", "published", "value"), [
    ("The shooting happened at 6:00 p.m. on December 27th.", "2016-01-05", "2015-12-27T18:00"),
    ("Police were called at 2:20 a.m. Jan. 23, officials said.", "2016-01-25", "2016-01-23T02:20"),
    ("It began at 12:10 p.m. on December 2, 2015 in San Bernardino.", None, "2015-12-02T12:10"),
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
    ("The victim was shot by a gunman at around 4 a.m. on Tuesday.", "2016-03-08T04:00"),
    ("The hearing will start at 9 a.m. on Tuesday.", "2016-03-15T09:00"),  # a firm future
])
def test_clock_time_with_a_weekday_follows_only_a_firm_future(sentence, value):
    [mention] = find_dates(sentence, "2016-03-10")  # a Thursday
    assert mention.value == value
