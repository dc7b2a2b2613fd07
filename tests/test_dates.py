"""Dates stage: resolution against a fixed publication date, the stage, and bad input.

Publication date throughout: Wednesday 2016-03-23 (so "Tuesday" is the day before and
"Friday" the 18th).
"""

from __future__ import annotations

import pytest

from newsgraph.extract.dates import NO_PUBLICATION_WARNING, find_dates, resolve_date_text, run
from newsgraph.record import Document

PUBLISHED = "2016-03-23"


@pytest.mark.parametrize("text, value, granularity", [
    ("Tuesday", "2016-03-22", "day"),            # the latest such day before publication
    ("Friday", "2016-03-18", "day"),
    ("Wednesday", "2016-03-23", "day"),          # the publication weekday is the publication day
    ("today", "2016-03-23", "day"),
    ("yesterday", "2016-03-22", "day"),
    ("next Friday", "2016-03-25", "day"),
    ("this coming Monday", "2016-03-28", "day"),
    ("last Wednesday", "2016-03-16", "day"),
    ("last month", "2016-02", "month"),
    ("last year", "2015", "year"),
    ("next year", "2017", "year"),
    ("January", "2016-01", "month"),
    ("November", "2015-11", "month"),            # a later month name is last year's
    ("two days ago", "2016-03-21", "day"),
    ("two years ago", "2014", "year"),
    ("three months ago", "2015-12", "month"),
    ("a few days earlier", "PXD", "duration"),
    ("recently", "PAST_REF", "ref"),
    ("now", "PRESENT_REF", "ref"),
    ("3/22/2016", "2016-03-22", "day"),
    ("22 March 2016", "2016-03-22", "day"),
    ("March 22", "2016-03-22", "day"),
    ("Aug. 7, 1998", "1998-08-07", "day"),
    ("August 1988", "1988-08", "month"),
    ("2015", "2015", "year"),
    ("the 1990s", "199", "decade"),
    ("the 20th century", "19", "century"),
    ("four days", "P4D", "duration"),
    ("the past two months", "P2M", "duration"),
    ("two-year", "P2Y", "duration"),
    ("five hours", "PT5H", "duration"),
    ("last week", "2016-W11", "week"),
    ("the third quarter", "2015-Q3", "quarter"),
    ("this summer", "2016-SU", "season"),
    ("Tuesday night", "2016-03-22TNI", "time"),
    ("late on Monday", "2016-03-21", "day"),
])
def test_resolve_date_text(text, value, granularity):
    assert resolve_date_text(text, PUBLISHED) == (value, granularity)


def test_january_crosses_the_year_back_from_a_january_publication():
    # In early January, "December" is the December just gone, in the previous year.
    assert resolve_date_text("December", "2016-01-05") == ("2015-12", "month")
    assert resolve_date_text("in January", "2016-01-05") == ("2016-01", "month")


def test_future_clause_points_forward():
    mentions = find_dates("The two leaders will meet on Friday.", PUBLISHED)
    assert [(m.text, m.value) for m in mentions] == [("Friday", "2016-03-25")]


def test_possessive_weekday_span_excludes_the_s():
    body = "Friday's raid left two dead."
    mentions = find_dates(body, PUBLISHED)
    assert [(m.text, m.span, m.value, m.type) for m in mentions] == [
        ("Friday", [0, 6], "2016-03-18", "DATE")]


def test_date_inside_a_longer_phrase():
    body = "Troops moved in on the morning of March 3 and left four days later."
    found = [(m.text, m.value) for m in find_dates(body, PUBLISHED)]
    assert found == [("March 3", "2016-03-03"), ("four days later", "P4D")]


def test_types_and_spans_of_a_sentence():
    body = "Police said on Tuesday that the siege, which lasted four days, began in 2015."
    mentions = find_dates(body, PUBLISHED)
    assert [(m.text, m.span, m.value, m.type) for m in mentions] == [
        ("Tuesday", [15, 22], "2016-03-22", "DATE"),
        ("four days", [52, 61], "P4D", "DURATION"),
        ("2015", [72, 76], "2015", "DATE"),
    ]


def test_set_expressions():
    mentions = find_dates("Patrols run daily and every Monday.", PUBLISHED)
    assert [(m.text, m.value, m.type) for m in mentions] == [
        ("daily", "P1D", "SET"), ("every Monday", "XXXX-WXX-1", "SET")]


def test_may_the_verb_is_not_a_month():
    assert find_dates("Officials may release the names later.", PUBLISHED) == []


def test_no_publication_date_leaves_relative_values_unresolved_with_one_warning():
    doc = Document(body="Police raided the house on Tuesday and again last month, on 22 March 2016.")
    run(doc)
    assert [(m.text, m.value) for m in doc.dates] == [
        ("Tuesday", None), ("last month", None), ("22 March 2016", "2016-03-22")]
    assert doc.warnings == [NO_PUBLICATION_WARNING]


def test_empty_body():
    doc = Document(body="", published=PUBLISHED)
    run(doc)
    assert doc.dates == []
    assert doc.warnings == []


def test_long_repeated_body_gives_every_date():
    # Speed on long pages is measured by `newsgraph bench`, not asserted here.
    sentence = "The raid on Tuesday killed 12 people in March 2015 near the border. "  # 12 words
    body = sentence * 4200  # about 50,000 words
    mentions = find_dates(body, PUBLISHED)
    assert len(mentions) == 2 * 4200
    assert {m.value for m in mentions} == {"2016-03-22", "2015-03"}


def test_all_caps_text():
    mentions = find_dates("POLICE SAID ON TUESDAY THAT THE RAID TOOK PLACE IN MARCH 2015.", PUBLISHED)
    assert [(m.text, m.value) for m in mentions] == [("TUESDAY", "2016-03-22"), ("MARCH 2015", "2015-03")]


def test_mixed_scripts():
    body = "Полиция заявила во вторник: 22 March 2016 警察 said on Tuesday."
    mentions = find_dates(body, PUBLISHED)
    assert [(m.text, m.value) for m in mentions] == [
        ("22 March 2016", "2016-03-22"), ("Tuesday", "2016-03-22")]
    for m in mentions:
        assert body[m.span[0]:m.span[1]] == m.text


def test_malformed_publication_date_is_a_warning_not_a_crash():
    doc = Document(body="It happened on Tuesday.", published="23/03/2016")
    run(doc)
    assert [(m.text, m.value) for m in doc.dates] == [("Tuesday", None)]
    assert len(doc.warnings) == 2 and "not YYYY-MM-DD" in doc.warnings[0]


@pytest.mark.model
def test_stage_on_parsed_document(parse):
    doc = parse("Gunmen attacked the convoy on Tuesday night. The army said it will respond on Friday. "
                "The group has grown since the 1990s.", published=PUBLISHED)
    run(doc)
    assert [(m.text, m.value, m.granularity, m.type) for m in doc.dates] == [
        ("Tuesday night", "2016-03-22TNI", "time", "TIME"),
        ("Friday", "2016-03-25", "day", "DATE"),
        ("the 1990s", "199", "decade", "DATE"),
    ]
    for m in doc.dates:
        assert doc.body[m.span[0]:m.span[1]] == m.text
    assert doc.warnings == []
