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


def test_dateline_with_a_dash_glued_to_the_first_word():
    found = incident_places.find_dateline("YORK CITY, Pa.–A man was hospitalized.")
    assert (found.city, found.state) == ("York City", "PA")
    # A hyphen glued to a word is a compound, not a dateline dash.
    assert incident_places.find_dateline("MILWAUKEE-area police said a man was shot.") is None


def test_headline_words_drop_the_outlet():
    assert incident_places.headline_words("Man shot in Chapel Hill | abc11.com") == "Man shot in Chapel Hill"
    assert incident_places.headline_words(
        "Jassely Lupoe, 5 - The Homicide Report - Los Angeles Times") == "Jassely Lupoe, 5"
    assert incident_places.headline_words(None) == ""


@pytest.mark.parametrize(("name", "street"), [("West Chicago Avenue", True), ("I-45", True), ("West 21st", True),
                                              ("South Laflin Street", True), ("Chapel Hill", False),
                                              ("Palm Beach County", False)])
def test_street_like_names(name, street):
    assert incident_places.is_street_like(name) is street


@pytest.mark.model
@pytest.mark.parametrize(("title", "town"), [
    ("Woman shot, killed in West Philadelphia; suspect in custody", "West Philadelphia"),
    ("Man shot at south Augusta shopping center", "Augusta"),
    ("Toddler shot and killed in north St. Louis County neighborhood", None),
    ("Doctor shot at Brigham and Women's Hospital, Suspect Found Dead", None),
    ("Police investigating double shooting", None),
    ("Teenagers Shot In Southeast Columbus", "Columbus"),
    ("Trotwood homicide victim identified", "Trotwood"),
    ("Chapel Hill drive-by shooting critically injures child", "Chapel Hill"),
    ("Man Shot By Police In Washington Heights", None),
    ("Same man: Police officially link suspect to shooting of cab driver", None),
    ("Attempted robbery ends with fatal shooting in E. Houston", "Houston"),
    ("Boy accidentally shot, killed by brother in SW Houston", "Houston"),
])
def test_headline_town(nlp, title, town):
    assert incident_places.headline_town(nlp(title)) == town


@pytest.mark.model
def test_page_town_counts_places_and_town_forces(nlp):
    parsed = nlp("A man was shot in the 3200 block of Jorns. Houston police have not identified him. "
                 "Houston Police Chief Art Acevedo spoke. The family moved from Dallas last year.")
    assert incident_places.page_town(parsed) == "Houston"
    assert incident_places.page_town(nlp("A man was shot on Main Street on Sunday.")) is None


@pytest.mark.parametrize(("title", "state"), [
    ("Joel Gonzalez, 26 - The Homicide Report - Los Angeles Times", "CA"),
    ("Pine Street Shooting - Hometownstations.com-WLIO- Lima, OH News Weather Sports", "OH"),
    ("Teenager shot in Elm Mott - KXXV-TV News Channel 25 - Central Texas News and Weather", "TX"),
    ("Everett Teen Found Shot On Bike Path Dies « CBS Boston", "MA"),
    ("Man shot in Ceres | abc13.com", None),
    (None, None),
])
def test_outlet_state_from_the_title(title, state):
    assert incident_places.outlet_state(title) == state


@pytest.mark.model
def test_empty_headline_and_page(nlp):
    assert incident_places.headline_town(nlp("")) is None
    assert incident_places.page_town(nlp("")) is None
    assert incident_places.outlet_town("") is None and incident_places.outlet_state("   |  ") is None


def test_dateline_with_a_double_hyphen_glued_to_the_lead():
    found = incident_places.find_dateline("AUBURN, Alabama --Auburn freshman Jakell Mitchell was shot.")
    assert (found.city, found.state) == ("Auburn", "AL")


@pytest.mark.parametrize(("headline", "body", "town"), [
    ("Teenager accidentally shot in Elm Mott", "A boy was shot at home in Elm Mott Saturday night.", "Elm Mott"),
    ("Man Shot And Killed In Dolton", "A man was shot to death in south suburban Dolton.", "Dolton"),
    ("Pregnant Woman Shot In Sauk Village", "She was wounded in far south suburban Sauk Village.", "Sauk Village"),
    ("Man Shot In Little Village", "He was shot in the Little Village neighborhood.", None),
    ("Man shot in Elm Mott", "A boy was shot at home on Beheler Road.", None),
    ("Doctor shot at Brigham and Women's Hospital", "He was shot at Brigham and Women's Hospital.", None),
    ("Man shot at Eastridge Mall", "A man was shot at Eastridge Mall in Gastonia.", None),
    ("Arrest in December homicide", "The shooting happened in December in Hartford.", None),
    ("Man shot in Texas", "A man was shot in Texas.", None),
    ("", "", None),
])
def test_town_in_headline_and_body(headline, body, town):
    assert incident_places.town_in_headline_and_body(headline, body) == town


@pytest.mark.parametrize(("body", "expected"), [
    ("(Cincinnati, OH)--A 27-year-old man was shot and killed.", ("Cincinnati", "OH")),
    ("Monday, December 15, 2014 AUBURN, Alabama --Auburn freshman Jakell Mitchell was shot.", ("Auburn", "AL")),
    ("UPDATE TUESDAY, JANUARY 19: Police identified the man. GARLAND (CBSDFW.COM) – A shooting at a home.",
     ("Garland", None)),
    ("(Police say) -- nothing here.", None),
    ("Police said. NOTHING HERE but words.", None),
])
def test_datelines_after_a_date_or_an_update_line_and_in_brackets(body, expected):
    found = incident_places.find_dateline(body)
    assert (found.city, found.state) == expected if expected else found is None


@pytest.mark.model
def test_a_town_beats_a_state_dateline_only_in_that_state(parse):
    doc = parse("WAYNE COUNTY, MO (KTVI) - A fisherman found the body of a man with a gunshot wound "
                "in the Black River on Saturday morning.")
    incidents.run(doc)
    assert (doc.incidents[0].location.name, doc.incidents[0].location.admin1) == ("Wayne County", "MO")
    doc = parse("SPRINGFIELD, Ill. (AP) - A man was shot and killed in Decatur on Saturday.")
    incidents.run(doc)
    assert (doc.incidents[0].location.name, doc.incidents[0].location.admin1) == ("Decatur", "IL")


@pytest.mark.model
def test_suburban_and_bearings_are_not_the_town(nlp):
    doc = nlp("Authorities say an officer fatally shot a man at a complex in suburban Detroit.")
    detroit = next(ent for ent in doc.ents if ent.text == "Detroit")
    assert not incident_places.is_town_choice(detroit, "Dearborn Heights")
    doc = nlp("Two boys were watching TV at a paintball facility in Forney, east of Dallas Saturday night.")
    dallas = next(ent for ent in doc.ents if ent.text == "Dallas")
    assert incident_places.place_rank(dallas, 0)[0] >= 4
    doc = nlp("She was listed in serious condition at the hospital in Evanston.")
    evanston = next(ent for ent in doc.ents if ent.text == "Evanston")
    assert incident_places.place_rank(evanston, 0)[0] >= 4
    doc = nlp("A woman was shot in Evanston on Saturday.")
    evanston = next(ent for ent in doc.ents if ent.text == "Evanston")
    assert incident_places.place_rank(evanston, 0)[0] == 0


@pytest.mark.parametrize(("headline", "body", "name"), [
    ("Man hospitalized after Feltonville shooting", "A man is hurt after a shooting in the city's Feltonville "
     "section.", "Feltonville"),
    ("Man, 29, shot outside Irving Park restaurant", "He was shot in the Irving Park neighborhood.", "Irving Park"),
    ("Man shot on the North Side", "He was shot in the Irving Park neighborhood.", None),
    ("", "", None),
])
def test_neighbourhood_in_headline_and_body(headline, body, name):
    assert incident_places.neighbourhood_in_headline_and_body(headline, body) == name
