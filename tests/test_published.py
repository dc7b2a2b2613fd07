"""Publication dates: metadata first, then dateline, captions, embeds, the top of the text."""

from __future__ import annotations

from newsgraph.clean.published import dateline_date, full_dates, infer_published, normalise_date
from newsgraph.record import Block


def test_full_dates_in_several_shapes():
    assert full_dates("Posted Mar. 3rd, 2015; updated 2016-04-01 and 22 March 2016.") == [
        "2015-03-03", "2016-04-01", "2016-03-22"]
    assert full_dates("On March 22 and in 2016 and on 31 February 2016") == []


def test_numeric_dates_read_their_order_from_values_then_separator():
    assert full_dates("Published 28.04.2016 - 10:12") == ["2016-04-28"]
    assert full_dates("Posted 4/28/2016") == ["2016-04-28"]
    assert full_dates("03.04.2016 and 03/04/2016") == ["2016-04-03", "2016-03-04"]
    assert full_dates("build 12.13.20161 and 10.11.2016.5") == []


def test_metadata_dates_are_normalised():
    assert normalise_date("2016-03-22T10:31:00+02:00") == "2016-03-22"
    assert normalise_date("Tue, March 22, 2016") == "2016-03-22"
    assert normalise_date("yesterday") is None


def test_dateline_with_and_without_year():
    assert dateline_date("ANKARA, March 22 (Reuters) - A bomb", 2016) == "2016-03-22"
    assert dateline_date("ANKARA, March 22 (Reuters) - A bomb", None) is None
    assert dateline_date("LAGOS, Nigeria — 4 April 2016 — Heavy rain", None) == "2016-04-04"
    assert dateline_date("A bomb exploded on March 22, 2016 in Ankara", 2016) is None


def test_order_of_evidence():
    body = "ANKARA, March 22 (Reuters) - A bomb exploded."
    caption = Block("caption", "Police at the scene on March 21, 2016. Photo: AFP")
    kept = Block("paragraph", body, True)
    assert infer_published(body, [kept, caption], "2016-03-23") == ("2016-03-23", "metadata")
    # no metadata: the dateline, its year taken from a full date elsewhere on the page
    assert infer_published(body, [kept, caption], None) == ("2016-03-22", "dateline")
    plain = "A bomb exploded in a market."
    assert infer_published(plain, [Block("paragraph", plain, True), caption], None) == (
        "2016-03-21", "caption")
    embed = Block("embed", "Terrible news — Ana (@ana) March 20, 2016")
    assert infer_published(plain, [Block("paragraph", plain, True), embed], None) == ("2016-03-20", "embed")
    byline = Block("other", "By Jane Doe | March 19, 2016")
    assert infer_published(plain, [byline, Block("paragraph", plain, True)], None) == (
        "2016-03-19", "dateline")
    assert infer_published(plain, [Block("paragraph", plain, True)], None) == (None, "none")
