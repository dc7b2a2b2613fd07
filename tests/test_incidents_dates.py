"""The main incident's date: follow-up verbs (arrest, charges, court) and the page's bracketed
date line do not date it (bug: an arrest day or a misprinted date line was taken as the
shooting's day)."""

from __future__ import annotations

import pytest

from newsgraph.extract import incidents
from newsgraph.record import DateMention, Document


def _dated(parse, body: str, published: str, dates: list[tuple[str, str]]) -> Document:
    doc = parse(body, published=published)
    for text, value in dates:
        start = body.index(text)
        doc.dates.append(DateMention(text=text, span=[start, start + len(text)], value=value, granularity="day"))
    return doc


@pytest.mark.model
def test_an_arrest_day_gives_way_to_the_shooting_day(parse):
    body = ("HARTFORD - Police arrested a suspect Friday in a homicide. Around 4 a.m. on December 12, 2015, "
            "a man was shot several times on Griswold Street and died at a hospital.")
    doc = _dated(parse, body, "2016-01-25", [("Friday", "2016-01-22"), ("December 12, 2015", "2015-12-12")])
    incidents.run(doc)
    assert len(doc.incidents) == 1
    assert (doc.incidents[0].date, doc.incidents[0].date_text) == ("2015-12-12", "December 12, 2015")


@pytest.mark.model
def test_an_arrest_day_still_dates_a_story_that_gives_no_other(parse):
    body = "Police arrested a man Friday after a shooting that wounded a woman in Hartford."
    doc = _dated(parse, body, "2016-01-25", [("Friday", "2016-01-22")])
    incidents.run(doc)
    assert doc.incidents[0].date == "2016-01-22"


@pytest.mark.model
def test_a_said_day_still_dates_the_incident(parse):
    body = "One of the men began firing at officers and was shot, a spokesman said on Wednesday."
    doc = _dated(parse, body, "2016-01-28", [("Wednesday", "2016-01-27")])
    incidents.run(doc)
    assert doc.incidents[0].date == "2016-01-27"


@pytest.mark.model
def test_the_bracketed_date_line_does_not_date_the_incident(parse):
    body = ("LAFAYETTE, Ind. (Jan. 8, 2015) - A man was shot in Lafayette. Officers found him lying in the "
            "street early Friday morning.")
    doc = _dated(parse, body, "2016-01-08", [("Jan. 8, 2015", "2015-01-08"),
                                             ("early Friday morning", "2016-01-08")])
    incidents.run(doc)
    assert doc.incidents[0].date == "2016-01-08"
    assert doc.incidents[0].date_text == "early Friday morning"


@pytest.mark.model
def test_a_day_with_its_hour_dates_the_story_before_a_bare_day(parse):
    # The lead names no day; of the next sentences, the one that tells the hour tells the event.
    body = ("A holdup at a corner market in Dallas ended with deadly gunfire. The market stayed shut on "
            "Monday. Police said it was about 8:15 Tuesday night when two men walked in and demanded cash.")
    doc = _dated(parse, body, "2016-03-09", [("Monday", "2016-03-07"), ("8:15 Tuesday night", "2016-03-08TNI")])
    incidents.run(doc)
    assert doc.incidents[0].date == "2016-03-08"
