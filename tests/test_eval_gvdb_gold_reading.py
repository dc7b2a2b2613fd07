"""GVDB eval, reading the gold and the pages: apostrophes the dump lost to "?", states typed by
hand, city selections that swallowed the page header."""

from __future__ import annotations

from newsgraph.eval import gvdb


def test_a_lost_apostrophe_is_restored():
    row = {"Article title": "Man shot on Brackford?s east side | KXYZ",
           "Full text": "Man shot on Brackford?s east side | KXYZThe victim?s brother said: Why? Someone knows."}
    text = gvdb.page_text(row)
    assert text.startswith("Man shot on Brackford\u2019s east side | KXYZ\n\nThe victim\u2019s brother")
    # A real question mark stays.
    assert "said: Why? Someone" in text


def _annotation(state: str, city: str) -> dict:
    return {"date-and-time": {"date": "2016-1-5", "state": state, "city": {"value": city}}}


def test_a_state_written_by_hand_is_read():
    assert gvdb.gold_fields(_annotation("Kansas", "Topeka"))["state"] == "KS"
    assert gvdb.gold_fields(_annotation("Nev.", "Reno"))["state"] == "NV"
    assert gvdb.gold_fields(_annotation("KY", "Paducah"))["state"] == "KY"
    assert gvdb.gold_fields(_annotation("OR - Oregon", "Bend"))["state"] == "OR"
    assert gvdb.gold_fields(_annotation("Unclear", "Bend"))["state"] is None
    assert gvdb.gold_fields(_annotation("Outside the USA", "Leeds"))["state"] is None


def test_a_city_selection_that_swallowed_the_header():
    title = "Two hurt in late-night gunfire"
    header = "publication date: 3/2/2016" + title + "\nTOPEKA"
    assert gvdb.gold_fields(_annotation("", header), title)["city"] == "TOPEKA"
    glued = "publication date: 3/2/2016\r\n" + title + "TOPEKA"
    assert gvdb.gold_fields(_annotation("", glued), title)["city"] == "TOPEKA"
    assert gvdb.gold_fields(_annotation("", "2016Topeka "))["city"] == "Topeka"
    # A plain value is kept as written.
    assert gvdb.gold_fields(_annotation("", "West Topeka"))["city"] == "West Topeka"
