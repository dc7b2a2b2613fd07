"""Quotes: quotation marks (unit) and each reported-speech construction on the real parse."""

from __future__ import annotations

import pytest

from newsgraph.extract.quote_marks import find_quoted_passages
from newsgraph.extract.quotes import run_quotes
from newsgraph.record import Document


def _texts(text: str) -> list[list[str]]:
    passages, _ = find_quoted_passages(text)
    return [[text[s:e] for s, e in p.fragments] for p in passages]


# --- quotation marks, no model ---------------------------------------------------------------

def test_curly_and_straight_marks_pair():
    assert _texts('He said “yes” and she said "no".') == [["“yes”"], ['"no"']]


def test_single_quotes_nested_inside_double_do_not_split():
    text = "“They called it ‘a farce’ and left,” she said."
    assert _texts(text) == [["“They called it ‘a farce’ and left,”"]]


def test_apostrophes_are_not_quote_marks():
    assert _texts("Trump’s aides didn’t comment.") == []


def test_quote_over_paragraphs_is_one_passage_with_a_fragment_each():
    text = "“First part.\n\n“Second part,” he said."
    passages, warnings = find_quoted_passages(text)
    assert [[text[s:e] for s, e in p.fragments] for p in passages] == [["“First part.", "“Second part,”"]]
    assert warnings == []


def test_one_quote_mark_warns_and_keeps_the_paragraph():
    text = "He said “we will go.\n\nPolice arrived."
    passages, warnings = find_quoted_passages(text)
    assert [[text[s:e] for s, e in p.fragments] for p in passages] == [["“we will go."]]
    assert passages[0].balanced is False
    assert warnings == ["unbalanced quotation mark at offset 8; quotation taken to the end of its paragraph"]


def test_mixed_styles_pair_and_stray_closer_warns():
    text = "“Mixed styles\" here. A stray ” mark."
    passages, warnings = find_quoted_passages(text)
    assert [[text[s:e] for s, e in p.fragments] for p in passages] == [["“Mixed styles\""]]
    assert warnings == ["stray closing quotation mark at offset 29"]


def test_two_hundred_quote_marks_pair_up_without_error():
    text = " ".join(['"ok"'] * 100)
    passages, warnings = find_quoted_passages(text)
    assert len(passages) == 100 and warnings == []


def test_no_parse_falls_back_to_marks_with_warning():
    doc = Document(body="“We will rebuild every house in this town,” the mayor said.")
    run_quotes(doc)
    assert [q.text for q in doc.quotes] == ["“We will rebuild every house in this town,”"]
    assert doc.quotes[0].cue is None
    assert "quotes: no parse; only quotation marks used" in doc.warnings


# --- constructions on the real model -----------------------------------------------------------

def _quotes(parse, body: str):
    doc = parse(body)
    run_quotes(doc)
    return doc, [(q.kind, q.text, q.cue, q.speaker) for q in doc.quotes]


@pytest.mark.model
def test_direct_quote_with_colon_and_straight_marks(parse):
    doc, quotes = _quotes(parse, 'The minister said: "We will win."')
    assert quotes == [("direct", '"We will win."', "said", "The minister")]
    assert doc.quotes[0].span == [19, 33] and doc.quotes[0].cue_span == [13, 17]


@pytest.mark.model
def test_nested_single_quotes_and_named_speaker(parse):
    _, quotes = _quotes(parse, "“They called it ‘a farce’ and left,” said Mary Jones.")
    assert quotes[0] == ("direct", "“They called it ‘a farce’ and left,”", "said", "Mary Jones")


@pytest.mark.model
def test_quote_interrupted_by_its_attribution_is_one_quote(parse):
    doc, quotes = _quotes(parse, "“We will not stop,” said Mary Jones, “until the job is done.”")
    assert quotes == [("direct", "“We will not stop,” “until the job is done.”", "said", "Mary Jones")]
    assert doc.quotes[0].span == [0, 61]


@pytest.mark.model
def test_quote_over_two_paragraphs(parse):
    body = "“First paragraph of speech here.\n\n“Second paragraph ends here,” said John Smith."
    _, quotes = _quotes(parse, body)
    assert quotes == [("direct", "“First paragraph of speech here. “Second paragraph ends here,”", "said",
                       "John Smith")]


@pytest.mark.model
def test_scare_quote_is_not_speech(parse):
    doc, quotes = _quotes(parse, "The so-called “caliphate” has collapsed.")
    assert quotes == [] and doc.warnings == []


@pytest.mark.model
@pytest.mark.parametrize(("body", "expected"), [
    ("The ministry estimated that 300 people had fled.",
     ("indirect", "that 300 people had fled", "estimated", "The ministry")),
    ("Residents fear that the dam will break.", ("indirect", "that the dam will break", "fear", "Residents")),
    ("Analysts believe the ceasefire will hold.",
     ("indirect", "the ceasefire will hold", "believe", "Analysts")),
    ("The town was quiet, according to local residents.",
     ("indirect", "The town was quiet", "according to", "local residents")),
    ("The company said in a statement that it regretted the loss.",
     ("indirect", "that it regretted the loss", "said in a statement", "The company")),
    ("It was reported that the minister had resigned.",
     ("indirect", "that the minister had resigned", "was reported", None)),
    ("Smith said the plan was “a disaster for everyone”.",
     ("mixed", "the plan was “a disaster for everyone”", "said", "Smith")),
])
def test_indirect_and_mixed_constructions(parse, body, expected):
    _, quotes = _quotes(parse, body)
    assert quotes == [expected]


@pytest.mark.model
def test_told_the_newspaper_and_warned(parse):
    _, quotes = _quotes(parse, "Maria Lopez told the newspaper that she had been threatened. "
                               "The general warned that more attacks would follow.")
    assert quotes == [("indirect", "that she had been threatened", "told", "Maria Lopez"),
                      ("indirect", "that more attacks would follow", "warned", "The general")]


# --- bad input -------------------------------------------------------------------------------------

@pytest.mark.model
def test_page_with_one_quote_mark_warns_and_parses_the_rest(parse):
    doc, quotes = _quotes(parse, "He said “we will go. Then he left.\n\nPolice said the road was closed.")
    assert quotes[-1] == ("indirect", "the road was closed", "said", "Police")
    assert any("unbalanced quotation mark at offset 8" in w for w in doc.warnings)


@pytest.mark.model
def test_page_with_two_hundred_quote_marks(parse):
    body = " ".join(['"ok"'] * 100) + "\n\nThe mayor said the bridge was safe."
    doc, quotes = _quotes(parse, body)
    assert quotes == [("indirect", "the bridge was safe", "said", "The mayor")]  # 1-word quotes are terms
    assert doc.warnings == []


@pytest.mark.model
def test_mixed_quote_styles(parse):
    doc, quotes = _quotes(parse, "“We have no water at all now\" said Amina Yusuf. A stray ” mark.")
    assert quotes == [("direct", "“We have no water at all now\"", "said", "Amina Yusuf")]
    assert any("stray closing quotation mark" in w for w in doc.warnings)


@pytest.mark.model
def test_transcript_with_speakers_in_capitals(parse):
    _, quotes = _quotes(parse, "SMITH: We will act.\n\nJONES: Not yet.")
    assert quotes == [("direct", "We will act", ":", "SMITH"), ("direct", "Not yet", ":", "JONES")]


@pytest.mark.model
def test_list_of_quotes_without_cues(parse):
    doc, quotes = _quotes(parse, "“We are ready for the storm.”\n\n“The streets are calm tonight.”")
    assert quotes == [("direct", "“We are ready for the storm.”", None, None),
                      ("direct", "“The streets are calm tonight.”", None, None)]
    assert "quotes: 2 quotation(s) with no reporting cue or speaker" in doc.warnings


@pytest.mark.model
def test_a_price_quoted_at_a_number_is_no_speech(written):
    body = ("Street vendors in Accra quoted the cedi at between 4 and 5 to the dollar on Monday. "
            "Shares were quoted at $12 in early trading. The paper quoted the minister at length.")
    assert [(cue, source) for cue, source, _content in written(body)] == [("quoted", "The paper")]
