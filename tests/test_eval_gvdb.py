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


def test_the_report_says_what_the_gold_puts_beyond_any_reader():
    import json

    def row(key, text, date, city, state):
        when = {"date": date, "city": {"value": city}, "state": state}
        return {"Article id": key, "Full text": text, "Article title": "", "Article url": "",
                "Json": json.dumps({"date-and-time": when})}

    rows = [row("1", "A man was shot on Friday.", "2016-01-29", "Dayton", "OH - Ohio"),
            row("2", "Posted 1/29/16. A man was shot.", "2016-01-29", "Dayton", ""),
            row("3", "In 2016 a man was shot.", "2016-01-29", "", "")]
    limits = gvdb.gold_limits(rows)
    assert (limits["undatable"], limits["stateless"]) == (1, 1)
    assert limits["ceiling"] == pytest.approx((5 - 2 / 3) / 5)
    report = gvdb.format_gvdb_report(gvdb.score({}, rows))
    assert report.endswith("on 1 pages the gold date's year appears nowhere on the page, its title or "
                           "its address; on 1 pages the gold names a city and no state. A reader right "
                           "on everything else would score a mean of at most 86.7%.")


def test_url_dates():
    assert gvdb._url_date("http://wmbx9news.com/2015/11/24/clerk-wounded/") == "2015-11-24"
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
    assert gvdb._url_date("http://www.riverbendherald.com/news/2016/mar/09/teen-wounded/") == "2016-03-09"
    assert gvdb._url_date("http://kxyz14news.com/news/local/woman-hurt-friday-02-05-2016") == "2016-02-05"
    assert gvdb._url_date("http://www.valleydispatch.com/local/vd-me-porter-shooting-20160311-story.html") == "2016-03-11"
    assert gvdb._url_date("http://www.wqrt12.com/story/28460517/robbery") is None


def test_page_text_puts_the_glued_title_on_its_own_line():
    row = {"Full text": "Woman hurt in Lodi | KVRTSTOCKTON -- A woman was hurt.", "Article title": "Woman hurt in Lodi | KVRT"}
    assert gvdb.page_text(row) == "Woman hurt in Lodi | KVRT\n\nSTOCKTON -- A woman was hurt."
    assert gvdb.page_text({"Full text": "No title here.", "Article title": "Other"}) == "No title here."


@pytest.mark.model
def test_headline_town_when_the_body_names_none(parse, nlp):
    from newsgraph.record import Location

    doc = parse("The shooting was reported around 9:15 p.m. Thursday in the 2700 block of Larkspur Avenue.")
    doc.title = "Man shot, wounded in West Baltimore | wbtv11.com"
    assert gvdb._city_and_state(doc, Location(name="Larkspur Avenue"), nlp) == ("Baltimore", "MD")
    # A small town the gazetteer lacks is kept as written; its state comes from the page.
    doc = parse("Officers in Paddock Lake said a woman was wounded. Kenosha police assisted, as did Kenosha firefighters.")
    doc.title = "Woman wounded | WMBX9.com"
    assert gvdb._city_and_state(doc, Location(name="Paddock Lake"), nlp) == ("Paddock Lake", "WI")


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

    doc = Document(body="The woman was hit at about 3 a.m. on Monday.", published="2015-12-17")
    assert gvdb._day(doc, "2015-12-21T03:00", "3 a.m. on Monday") == "2015-12-14"
    # Not a weekday: the first day named, else the publication day.
    assert gvdb._day(doc, "2015-12-21", "Dec. 21") == "2015-12-17"
    assert gvdb._day(doc, "2015-12-16", "Wednesday") == "2015-12-16"


@pytest.mark.model
def test_town_when_the_page_names_none_of_its_own(parse, nlp):
    from newsgraph.record import Location

    # The headline and body agree on a town the gazetteer lacks.
    doc = parse("A 12-year-old girl was hurt by a stray bullet at home on the 1900 block of Calloway Road in Axtell.")
    doc.title = "Girl hurt by stray bullet in Axtell - KTVR-TV Channel 9 - East Texas Local News"
    assert gvdb._city_and_state(doc, Location(), nlp) == ("Axtell", "TX")
    # No town anywhere: the outlet's own town.
    doc = parse("Darnell Whitley was shot and killed Friday in the 1800 block of West Alder Avenue.")
    doc.title = "Darnell Whitley, 38 - The Crime Desk - Sacramento Ledger"
    assert gvdb._city_and_state(doc, Location(name="West Alder Avenue"), nlp) == ("Sacramento", "CA")


def test_a_gazetteer_town_ending_in_a_district_word_is_a_town_in_a_named_state():
    from newsgraph.extract import places

    shaker_heights = places.geocode("Shaker Heights", {"US"}, {"OH"})
    assert gvdb._is_town(shaker_heights, {"OH"})
    assert not gvdb._is_town(shaker_heights, {"IL"})
    # GVDB's annotators give a county for a shooting outside any town.
    assert gvdb._is_town(places.geocode("Pinal County"), set())


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

    doc = parse("CHICAGO (CNW) - A 37-year-old woman died of gunshot wounds Friday evening in south suburban Blue Island.")
    doc.title = "Woman Shot And Killed In Blue Island « WKBC Chicago"
    assert gvdb._city_and_state(doc, places.geocode("Chicago", {"US"}, {"IL"}), nlp) == ("Blue Island", "IL")
    # Without "suburban" the stage's town stands.
    doc = parse("CHICAGO (CNW) - A woman was shot Friday in Ukrainian Village.")
    doc.title = "Woman Shot In Ukrainian Village « WKBC Chicago"
    assert gvdb._city_and_state(doc, places.geocode("Chicago", {"US"}, {"IL"}), nlp) == ("Chicago", "IL")
