"""Datelines and the town an incident is placed in."""

from __future__ import annotations

import pytest

from newsgraph.extract import incident_places, incidents
from newsgraph.record import DateMention


def test_ap_style_dateline_with_state_abbreviation_and_agency():
    found = incident_places.find_dateline("SPRINGFIELD, Ill. (AP) — A man was shot on Tuesday.")
    assert found == incident_places.Dateline(city="Springfield", state="IL", region="Ill.")


def test_dateline_without_region_after_a_byline_line():
    found = incident_places.find_dateline("By Jane Roe\n\nDETROIT (WXYZ) - Police are investigating.")
    assert (found.city, found.state, found.region) == ("Detroit", None, None)


def test_dateline_with_a_country():
    found = incident_places.find_dateline("ANKARA, Turkey (MPA) — A bomb exploded.")
    assert (found.city, found.state, found.region) == ("Ankara", None, "Turkey")


@pytest.mark.parametrize("body", ["BREAKING NEWS - A shooting downtown.", "A man was shot in Ceres.", "",
                                  "Police said — again — nothing."])
def test_no_dateline(body):
    assert incident_places.find_dateline(body) is None


def test_capitals_are_foreign_national_capitals():
    assert incident_places.is_capital("Nairobi") and incident_places.is_capital("Ankara")
    assert not incident_places.is_capital("Washington") and not incident_places.is_capital("Milwaukee")


@pytest.mark.model
def test_follow_ups_stay_with_the_main_incident_in_the_dateline_town(parse):
    body = ("MILWAUKEE -- A 24-year-old man was shot and killed Tuesday night in the Sherman Park "
            "neighborhood, police said. Police arrested a 19-year-old suspect on Wednesday.")
    doc = parse(body, published="2016-01-21")
    for text, value in (("Tuesday night", "2016-01-19TNI"), ("Wednesday", "2016-01-20")):
        start = body.index(text)
        doc.dates.append(DateMention(text=text, span=[start, start + len(text)], value=value,
                                     granularity="day"))
    incidents.run(doc)
    (incident,) = doc.incidents
    assert (incident.type, incident.date, incident.date_text) == ("armed_assault", "2016-01-19", "Tuesday night")
    assert (incident.location.name, incident.location.admin1, incident.location.geonameid) == (
        "Milwaukee", "WI", 5263045)
    assert (incident.killed.low, incident.killed.qualifier, incident.injured.low) == (1, "exact", None)


@pytest.mark.model
def test_a_town_named_with_in_beats_a_capital_dateline(parse):
    body = "ANKARA, Turkey (MPA) — A car bomb exploded in Gaziantep on Saturday, killing 12 people."
    doc = parse(body, published="2016-04-17")
    start = body.index("Saturday")
    doc.dates.append(DateMention(text="Saturday", span=[start, start + 8], value="2016-04-16", granularity="day"))
    incidents.run(doc)
    (incident,) = doc.incidents
    assert (incident.type, incident.location.name, incident.location.country) == ("bombing", "Gaziantep", "TR")
    assert incident.killed.low == 12


@pytest.mark.model
def test_set_fire_is_arson_and_a_second_specific_kind_is_another_event(parse):
    body = ("PESHAWAR: Two night watchmen were killed when armed men set fire to a warehouse. "
            "Police said a bomb exploded outside a police station in the city.")
    doc = parse(body, published="2016-07-19")
    incidents.run(doc)
    assert [i.type for i in doc.incidents] == ["arson", "bombing"]
    assert (doc.incidents[0].location.name, doc.incidents[0].killed.low) == ("Peshawar", 2)
