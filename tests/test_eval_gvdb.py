"""GVDB gold derivation, comparison rules, and a gate on a dev subset."""

from __future__ import annotations

import pytest
from tests.conftest import datasets_dir

from newsgraph.eval import gvdb


def test_gold_fields_from_crowd_json():
    annotation = {"date-and-time": {"date": "2015-8-3", "city": {"value": "MILWAUKEE "},
                                    "state": "WI - Wisconsin"},
                  "victim-section": [{"victim-was": ["killed"]}, {"victim-was": ["killed", "hospitalized"]},
                                     {"victim-was": ["injured", "hospitalized"]},
                                     {"victim-was": ["hospitalized"]},
                                     {"victim-was": []}]}
    assert gvdb.gold_fields(annotation) == {"date": "2015-08-03", "city": "MILWAUKEE", "state": "WI",
                                            "killed": 2, "injured": 2}
    unclear = {"date-and-time": {"date": "", "city": {"value": ""}, "state": "Unclear"}, "victim-section": []}
    assert gvdb.gold_fields(unclear) == {"date": None, "city": None, "state": None, "killed": 0, "injured": 0}


def test_score_compares_cities_loosely_and_counts_missing_as_zero():
    import json

    rows = [{"Article id": "1", "Json": json.dumps({
        "date-and-time": {"date": "2016-01-27", "city": {"value": "The Bronx"}, "state": "NY - New York"},
        "victim-section": [{"victim-was": ["killed"]}]})}]
    predictions = {"1": {"date": "2016-01-27", "city": "BRONX", "state": "NY", "killed": None, "injured": 0}}
    scores = gvdb.score(predictions, rows)
    assert (scores["date"], scores["city"], scores["state"], scores["killed"], scores["injured"]) == (
        1.0, 1.0, 1.0, 0.0, 1.0)
    assert scores["mean"] == pytest.approx(0.8)
    assert "| **mean** | **80.0%** |" in gvdb.format_gvdb_report(scores)


def test_url_dates():
    assert gvdb._url_date("http://fox6now.com/2015/12/11/same-man/") == "2015-12-11"
    assert gvdb._url_date("http://example.com/news/story") is None


@pytest.mark.datasets
@pytest.mark.model
def test_dev_subset_gate(tmp_path):
    path = datasets_dir("gvdb") / "dev.tsv"
    scores = gvdb.evaluate_gvdb(path, tmp_path / "pred.json", limit=40)
    assert scores["mean"] >= GATE_GVDB_MEAN


# Measured on the first 40 dev pages (see the report); the floor sits just below it.
GATE_GVDB_MEAN = 0.65  # measured 0.665


def test_more_url_date_shapes():
    assert gvdb._url_date("http://www.arkansasonline.com/news/2016/jan/26/girl-shot/") == "2016-01-26"
    assert gvdb._url_date("http://abc22now.com/news/local/man-injured-sunday-01-17-2016") == "2016-01-17"
    assert gvdb._url_date("http://www.latimes.com/socal/tn-blr-me-papiyan-20160223-story.html") == "2016-02-23"
    assert gvdb._url_date("http://www.fox10tv.com/story/31073042/armed") is None


def test_page_text_puts_the_glued_title_on_its_own_line():
    row = {"Full text": "Man shot in Ceres | KCRAMILWAUKEE -- A man was shot.", "Article title": "Man shot in Ceres | KCRA"}
    assert gvdb.page_text(row) == "Man shot in Ceres | KCRA\n\nMILWAUKEE -- A man was shot."
    assert gvdb.page_text({"Full text": "No title here.", "Article title": "Other"}) == "No title here."


@pytest.mark.model
def test_headline_town_when_the_body_names_none(parse, nlp):
    from newsgraph.record import Location

    doc = parse("The shooting was reported around 5:30 p.m. Wednesday in the 5400 block of Pearl Street.")
    doc.title = "Woman shot, killed in West Philadelphia | 6abc.com"
    assert gvdb._city_and_state(doc, Location(name="Pearl Street"), nlp) == ("Philadelphia", "PA")
    # A small town the gazetteer lacks is kept as written; its state comes from the page.
    doc = parse("Police in Brown Deer said a man was shot. Milwaukee police helped, as did Milwaukee firefighters.")
    doc.title = "Man shot | FOX6Now.com"
    assert gvdb._city_and_state(doc, Location(name="Brown Deer"), nlp) == ("Brown Deer", "WI")


def test_a_year_or_month_date_becomes_the_first_day_named():
    from newsgraph.record import DateMention, Document

    body = "Three days into 2016, a man was shot Sunday, January 3rd. Police will meet Friday."
    doc = Document(body=body, published="2016-01-04")
    doc.dates = [DateMention("2016", [16, 20], "2016", "year"),
                 DateMention("Sunday, January 3rd", [37, 56], "2016-01-03", "day"),
                 DateMention("Friday", [75, 81], "2016-01-08", "day")]
    assert gvdb._day(doc, "2016") == "2016-01-03"
    assert gvdb._day(doc, "2015-12-30") == "2015-12-30"
    assert gvdb._day(doc, None) is None
    # A day after publication (an "updated" line) is not the shooting's day.
    assert gvdb._day(doc, "2016-01-08") == "2016-01-03"
    # No day on the page (or only later ones): the publication day.
    doc.dates = [doc.dates[0], doc.dates[2]]
    assert gvdb._day(doc, "2016") == "2016-01-04"


@pytest.mark.model
@pytest.mark.parametrize("row", [
    {"Article id": "1", "Article url": "", "Article title": "", "Full text": ""},
    {"Article id": "2", "Article url": "not a url", "Article title": " | ", "Full text": "\n\n  \n"},
    {"Article id": "3", "Article url": "http://x.com/2016/13/45/", "Article title": "«",
     "Full text": "Weather | Sports | Contact us"},
])
def test_odd_pages_give_empty_predictions(nlp, row):
    predicted = gvdb.predict_page(row, nlp)
    assert predicted == {"date": None, "city": None, "state": None, "killed": 0, "injured": 0}


def test_page_text_decodes_character_references():
    row = {"Full text": "Man shotPolice say a man was shot in Philadelphia&#39;s Oak Lane &amp; Ogontz.",
           "Article title": "Man shot"}
    assert gvdb.page_text(row) == "Man shot\n\nPolice say a man was shot in Philadelphia's Oak Lane & Ogontz."


def test_a_weekday_read_past_publication_is_the_week_before():
    from newsgraph.record import Document

    doc = Document(body="The victim was shot at around 4 a.m. on Tuesday.", published="2015-12-17")
    assert gvdb._day(doc, "2015-12-22T04:00", "4 a.m. on Tuesday") == "2015-12-15"
    # Not a weekday: the first day named, else the publication day.
    assert gvdb._day(doc, "2015-12-22", "Dec. 22") == "2015-12-17"
    assert gvdb._day(doc, "2015-12-16", "Wednesday") == "2015-12-16"


@pytest.mark.model
def test_town_when_the_page_names_none_of_its_own(parse, nlp):
    from newsgraph.record import Location

    # The headline and body agree on a town the gazetteer lacks.
    doc = parse("A 13-year-old boy was accidentally shot at home on the 3600 block of Beheler Road in Elm Mott.")
    doc.title = "Teenager accidentally shot in Elm Mott - KXXV-TV News Channel 25 - Central Texas News"
    assert gvdb._city_and_state(doc, Location(), nlp) == ("Elm Mott", "TX")
    # No town anywhere: the outlet's own town.
    doc = parse("Anthony Hill was shot and killed Saturday in the 4200 block of South Crenshaw Boulevard.")
    doc.title = "Anthony Hill, 33 - The Homicide Report - Los Angeles Times"
    assert gvdb._city_and_state(doc, Location(name="South Crenshaw Boulevard"), nlp) == ("Los Angeles", "CA")


def test_a_gazetteer_town_ending_in_a_district_word_is_a_town_in_a_named_state():
    from newsgraph.extract import places

    dearborn_heights = places.geocode("Dearborn Heights", {"US"}, {"MI"})
    assert gvdb._is_town(dearborn_heights, {"MI"})
    assert not gvdb._is_town(dearborn_heights, {"IL"})
    # GVDB's annotators give a county for a shooting outside any town.
    assert gvdb._is_town(places.geocode("Pasco County"), set())


def test_a_month_date_takes_a_day_of_that_month_first():
    from newsgraph.record import DateMention, Document

    body = "A man was charged Friday in a killing back in December. It happened on December 2, 2015."
    doc = Document(body=body, published="2016-02-08")
    doc.dates = [DateMention("Friday", [18, 24], "2016-02-05", "day"),
                 DateMention("December", [48, 56], "2015-12", "month"),
                 DateMention("December 2, 2015", [72, 88], "2015-12-02", "day")]
    assert gvdb._day(doc, "2015-12", "December") == "2015-12-02"
    assert gvdb._day(doc, "2016", "this year") == "2016-02-05"


@pytest.mark.model
def test_a_suburb_the_headline_names_beats_the_big_city_dateline(parse, nlp):
    from newsgraph.extract import places

    doc = parse("CHICAGO (STMW) - A 25-year-old man was shot to death Sunday afternoon in south suburban Dolton.")
    doc.title = "Man Shot And Killed In Dolton « CBS Chicago"
    assert gvdb._city_and_state(doc, places.geocode("Chicago", {"US"}, {"IL"}), nlp) == ("Dolton", "IL")
    # Without "suburban" the stage's town stands.
    doc = parse("CHICAGO (STMW) - A man was shot Sunday in Little Village.")
    doc.title = "Man Shot In Little Village « CBS Chicago"
    assert gvdb._city_and_state(doc, places.geocode("Chicago", {"US"}, {"IL"}), nlp) == ("Chicago", "IL")
