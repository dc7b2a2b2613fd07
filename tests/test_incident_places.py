"""Datelines and the town an incident is placed in."""

from __future__ import annotations

import pytest

from newsgraph.extract import incident_places, incidents
from newsgraph.record import DateMention


def test_ap_style_dateline_with_state_abbreviation_and_agency():
    found = incident_places.find_dateline("SPRINGFIELD, Ill. (AP) — A man was shot on Tuesday.")
    assert found == incident_places.Dateline(city="Springfield", state="IL", region="Ill.")


def test_dateline_without_region_after_a_byline_line():
    found = incident_places.find_dateline("By Sam Ortolan\n\nCLEVELAND (WKTR) - Officers are looking into it.")
    assert (found.city, found.state, found.region) == ("Cleveland", None, None)


def test_dateline_with_a_country():
    found = incident_places.find_dateline("ANKARA, Turkey (MPA) — A bomb exploded.")
    assert (found.city, found.state, found.region) == ("Ankara", None, "Turkey")


@pytest.mark.parametrize(("body", "city", "region"), [
    ("LIMA, March 3 (Andes Wire) - Gunmen ambushed a bus.", "Lima", None),
    ("QUITO, Ecuador, Sept. 14 (AP) — A bomb exploded.", "Quito", "Ecuador"),
    ("BOGOTÁ — A tenth officer has died.", "Bogotá", None),
])
def test_dateline_with_the_day_or_an_accented_town(body, city, region):
    found = incident_places.find_dateline(body)
    assert (found.city, found.region) == (city, region)


@pytest.mark.parametrize("body", ["BREAKING NEWS - A shooting downtown.", "A woman was shot in Turlock.", "",
                                  "Police said — again — nothing."])
def test_no_dateline(body):
    assert incident_places.find_dateline(body) is None


def test_capitals_are_foreign_national_capitals():
    assert incident_places.is_capital("Nairobi") and incident_places.is_capital("Ankara")
    assert not incident_places.is_capital("Washington") and not incident_places.is_capital("Milwaukee")


@pytest.mark.model
def test_follow_ups_stay_with_the_main_incident_in_the_dateline_town(parse):
    body = ("MILWAUKEE -- A 27-year-old man died after he was shot Tuesday night in the Sherman Park "
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
    found = incident_places.find_dateline("STATE COLLEGE, Pa.–A woman was treated for a wound.")
    assert (found.city, found.state) == ("State College", "PA")
    # A hyphen glued to a word is a compound, not a dateline dash.
    assert incident_places.find_dateline("MILWAUKEE-area police said a man was shot.") is None


def test_headline_words_drop_the_outlet():
    assert incident_places.headline_words("Woman hurt in Greenville | wrbx7.com") == "Woman hurt in Greenville"
    assert incident_places.headline_words(
        "Marisol Trevino, 41 - The Crime Desk - Sacramento Ledger") == "Marisol Trevino, 41"
    assert incident_places.headline_words(None) == ""


@pytest.mark.parametrize(("name", "street"), [("East Harmon Avenue", True), ("I-70", True), ("West 48th", True),
                                              ("South Whitcomb Street", True), ("Cedar Rapids", False),
                                              ("Marion County", False)])
def test_street_like_names(name, street):
    assert incident_places.is_street_like(name) is street


@pytest.mark.model
@pytest.mark.parametrize(("title", "town"), [
    ("Man shot, wounded in West Baltimore; gunman sought", "West Baltimore"),
    ("Woman wounded at north Macon grocery store", "Macon"),
    ("Girl shot and wounded in west Hamilton County apartment", None),
    ("Nurse shot at Hughes and Lindgren's Clinic, Gunman Found Dead", None),
    ("Police probe overnight triple shooting", None),
    ("Two Men Shot In Northwest Raleigh", "Raleigh"),
    ("Kettering homicide victim named", "Kettering"),
    ("Rock Hill drive-by shooting seriously wounds teen", "Rock Hill"),
    ("Woman Shot By Deputies In Jackson Heights", None),
    ("Same man: Detectives formally tie suspect to robbery of pizza driver", None),
    ("Carjacking attempt ends with deadly shooting in N. Memphis", "Memphis"),
    ("Girl accidentally shot, hurt by cousin in NE Tulsa", "Tulsa"),
])
def test_headline_town(nlp, title, town):
    assert incident_places.headline_town(nlp(title)) == town


@pytest.mark.model
def test_page_town_counts_places_and_town_forces(nlp):
    parsed = nlp("A woman was shot in the 1400 block of Tallow. Phoenix police have not named her. "
                 "Phoenix Police Chief Dana Whitcombe spoke. Her family moved from Tucson in 2014.")
    assert incident_places.page_town(parsed) == "Phoenix"
    assert incident_places.page_town(nlp("A woman was wounded on Elm Street on Friday.")) is None


@pytest.mark.parametrize(("title", "state"), [
    ("Darnell Pruitt, 38 - The Crime Desk - Sacramento Ledger", "CA"),
    ("Cherry Lane Shooting - Hilltopnews.com-WBGX- Bowling Green, KY Local Headlines", "KY"),
    ("Teen wounded in Oak Hollow - KTVR-TV Channel 9 - East Texas Local News", "TX"),
    ("Quincy Man Found Hurt On Walking Trail Dies « WBNX Boston", "MA"),
    ("Woman shot in Turlock | kcvn12.com", None),
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
    found = incident_places.find_dateline("FLORENCE, Alabama --Florence sophomore Trey Caldwell was wounded.")
    assert (found.city, found.state) == ("Florence", "AL")


@pytest.mark.parametrize(("headline", "body", "town"), [
    ("Girl accidentally wounded in Pecan Bend", "A girl was hurt at home in Pecan Bend Friday night.", "Pecan Bend"),
    ("Woman Shot And Wounded In Blue Island", "A woman was shot in south suburban Blue Island.", "Blue Island"),
    ("Cab Driver Shot In Elk Grove Village", "He was hurt in northwest suburban Elk Grove Village.", "Elk Grove Village"),
    ("Woman Shot In Ukrainian Village", "She was shot in the Ukrainian Village neighborhood.", None),
    ("Girl wounded in Pecan Bend", "A girl was hurt at home on Calloway Road.", None),
    ("Nurse shot at Hughes and Lindgren's Clinic", "She was shot at Hughes and Lindgren's Clinic.", None),
    ("Teen shot at Larkmoor Mall", "A teen was shot at Larkmoor Mall in Hickory.", None),
    ("Charges in October killing", "The killing happened in October in Bridgeport.", None),
    ("Woman wounded in Ohio", "A woman was wounded in Ohio.", None),
    ("", "", None),
])
def test_town_in_headline_and_body(headline, body, town):
    assert incident_places.town_in_headline_and_body(headline, body) == town


@pytest.mark.parametrize(("body", "expected"), [
    ("(Louisville, KY)--A 33-year-old woman was shot and wounded.", ("Louisville", "KY")),
    ("Friday, March 6, 2015 FLORENCE, Alabama --Florence sophomore Trey Caldwell was wounded.", ("Florence", "AL")),
    ("UPDATE THURSDAY, APRIL 7: Officers named the victim. PLANO (KDFX.COM) – A shooting at an apartment.",
     ("Plano", None)),
    ("(Police say) -- nothing here.", None),
    ("Police said. NOTHING HERE but words.", None),
])
def test_datelines_after_a_date_or_an_update_line_and_in_brackets(body, expected):
    found = incident_places.find_dateline(body)
    assert (found.city, found.state) == expected if expected else found is None


@pytest.mark.model
def test_a_town_beats_a_state_dateline_only_in_that_state(parse):
    doc = parse("DAVIESS COUNTY, KY (WKYX) - A hunter came upon the body of a woman with a gunshot wound "
                "in the Elk River on Sunday morning.")
    incidents.run(doc)
    assert (doc.incidents[0].location.name, doc.incidents[0].location.admin1) == ("Daviess County", "KY")
    doc = parse("PEORIA, Ill. (AP) - A woman was shot and killed in Bloomington on Sunday.")
    incidents.run(doc)
    assert (doc.incidents[0].location.name, doc.incidents[0].location.admin1) == ("Bloomington", "IL")


@pytest.mark.model
def test_suburban_and_bearings_are_not_the_town(nlp):
    doc = nlp("Authorities say a deputy fatally shot a woman at a motel in suburban Atlanta.")
    atlanta = next(ent for ent in doc.ents if ent.text == "Atlanta")
    assert not incident_places.is_town_choice(atlanta, "Marietta")
    doc = nlp("Two teens were playing pool at a bowling alley in Katy, west of Houston Friday night.")
    houston = next(ent for ent in doc.ents if ent.text == "Houston")
    assert incident_places.place_rank(houston, 0)[0] >= 4
    doc = nlp("He was listed in stable condition at the hospital in Naperville.")
    naperville = next(ent for ent in doc.ents if ent.text == "Naperville")
    assert incident_places.place_rank(naperville, 0)[0] >= 4
    doc = nlp("A man was shot in Naperville on Friday.")
    naperville = next(ent for ent in doc.ents if ent.text == "Naperville")
    assert incident_places.place_rank(naperville, 0)[0] == 0


@pytest.mark.parametrize(("headline", "body", "name"), [
    ("Woman hospitalized after Frankford shooting", "A woman is injured after a shooting in the city's Frankford "
     "section.", "Frankford"),
    ("Woman, 34, shot outside Albany Park bakery", "She was shot in the Albany Park neighborhood.", "Albany Park"),
    ("Woman shot on the Northwest Side", "She was shot in the Albany Park neighborhood.", None),
    ("", "", None),
])
def test_neighbourhood_in_headline_and_body(headline, body, name):
    assert incident_places.neighbourhood_in_headline_and_body(headline, body) == name


@pytest.mark.model
def test_an_event_in_a_part_of_the_country_is_not_in_the_capital_the_wire_files_from(parse):
    for opening in ("LIMA —", "LIMA, March 3 (Andes Wire) -"):
        doc = parse(f"{opening} Gunmen ambushed a bus in southern Peru on Tuesday, killing four "
                    "passengers, police said.", published="2016-03-03")
        incidents.run(doc)
        assert (doc.incidents[0].location.name, doc.incidents[0].location.country) == ("Peru", "PE")


@pytest.mark.model
def test_an_event_in_the_capital_stays_there(parse):
    doc = parse("LIMA — Gunmen ambushed a bus in the city on Tuesday, killing four passengers.",
                published="2016-03-03")
    incidents.run(doc)
    assert doc.incidents[0].location.name == "Lima"


@pytest.mark.model
def test_a_port_of_a_town_and_a_towns_market_place_the_incident(parse):
    # the small model tags both towns as organisations
    doc = parse("BOGOTÁ — A fourth soldier has died of wounds from Thursday's attack on a checkpoint "
                "near the Colombian port of Tumaco, the army said on Sunday.", published="2016-05-15")
    incidents.run(doc)
    assert doc.incidents[0].location.name == "Tumaco"
    doc = parse("Traders at the Gaziantep market hit by a bomb on Saturday reopened their stalls on "
                "Wednesday, four days after the blast killed nine people.", published="2016-04-20")
    incidents.run(doc)
    assert doc.incidents[0].location.name == "Gaziantep"
