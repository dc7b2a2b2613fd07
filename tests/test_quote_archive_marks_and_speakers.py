"""Reported speech: archive quote marks, transcripts, signed quotations, learned
cues, quote segments, speaker names and the kind of a described source."""

from __future__ import annotations

import pytest

from newsgraph.extract.quote_cues import Found
from newsgraph.extract.quote_marks import find_quoted_passages
from newsgraph.extract.quote_spans import quote_segments
from newsgraph.extract.quotes import find_attributions, run_quotes
from newsgraph.extract.sources import run_sources


def _passages(text: str) -> list[list[str]]:
    passages, _ = find_quoted_passages(text)
    return [[text[s:e] for s, e in p.fragments] for p in passages]


# --- no model ------------------------------------------------------------------------------------

def test_two_apostrophes_are_a_double_mark():
    text = "''It is a reckless plan,'' said Mr. Halvorsen. He's not ''certain.''"
    assert _passages(text) == [["''It is a reckless plan,''"], ["''certain.''"]]


def test_three_apostrophes_close_a_nested_single_and_the_outer_quote():
    text = "She said ''I told them, 'This is our harbour.''' and left."
    assert _passages(text) == [["''I told them, 'This is our harbour.'''"]]


def test_paragraph_opening_with_two_apostrophes_continues_the_quote():
    text = "''First part.\n\n''Second part,'' he said."
    passages, warnings = find_quoted_passages(text)
    assert [[text[s:e] for s, e in p.fragments] for p in passages] == [["''First part.", "''Second part,''"]]
    assert warnings == []


def test_lone_pair_of_apostrophes_warns():
    passages, warnings = find_quoted_passages("He said ''we will go.")
    assert len(passages) == 1 and passages[0].balanced is False
    assert warnings == ["unbalanced quotation mark at offset 8; quotation taken to the end of its paragraph"]


def test_segments_split_after_a_sentence_but_not_mid_sentence_or_over_paragraphs():
    text = "“A is here,” she said. “B is there.” “C,” said Jo, “and D.”\n\n“E.”"
    a, b = (0, 12), (23, 36)
    c, d = (37, 41), (51, 59)
    e = (61, 65)
    assert [text[s:t] for s, t in (a, b, c, d, e)] == ["“A is here,”", "“B is there.”", "“C,”", "“and D.”", "“E.”"]
    assert quote_segments(text, [a, b]) == [[a], [b]]        # "she said." ends a sentence
    assert quote_segments(text, [c, d]) == [[c, d]]          # "said Jo," interrupts one
    assert quote_segments(text, [d, e]) == [[d, e]]          # a paragraph break alone
    assert quote_segments(text, []) == []


# --- on the real parse ---------------------------------------------------------------------------

def _found(parse, body: str) -> list[tuple[str, str | None, list[str], bool]]:
    doc = parse(body)
    found, _ = find_attributions(body, doc._nlp)
    return [(body[f.cue[0]:f.cue[1]], body[f.source[0]:f.source[1]] if f.source else None,
             [body[s:e] for s, e in f.content], f.nested) for f in found]


@pytest.mark.model
def test_archive_marks_with_a_named_speaker(parse):
    assert _found(parse, "''We will win,'' said Mr. Halvorsen.") == [
        ("said", "Mr. Halvorsen", ["''We will win,''"], False)]


@pytest.mark.model
def test_transcript_quoted_line_by_line(parse):
    body = '"MORALES: Let us begin with the budget.\n\n"BRANDT: Thank you, Dana.'
    found = _found(parse, body)
    # the speaker and the opening mark are not part of the speech; "Thank you" is no cue
    assert found == [(":", "MORALES", ["Let us begin with the budget"], False),
                     (":", "BRANDT", ["Thank you, Dana"], False)]


@pytest.mark.model
def test_quotations_signed_with_a_dash(parse):
    body = ("“The old bridge has served the river towns well.” ― Delia Marwick\n"
            "“We deserve a better plan than this one.”― Tomas Ferreyra.")
    assert _found(parse, body) == [
        ("―", "Delia Marwick", ["“The old bridge has served the river towns well.”"], False),
        ("―", "Tomas Ferreyra", ["“We deserve a better plan than this one.”"], False)]


@pytest.mark.model
def test_run_in_heading_is_not_a_colon_speaker(parse):
    assert _found(parse, "The Delay Grows: It was on her watch that the council voted.") == []


@pytest.mark.model
@pytest.mark.parametrize(("body", "expected"), [
    # a verb of the learned lexicon, not in the hand-written lists
    ("The governor mocked the proposal.", ("mocked", "The governor", ["the proposal"], False)),
    # a learned verb and preposition pair
    ("Critics railed against the new tax.", ("railed against", "Critics", ["the new tax"], False)),
    # a passive: the agent is the source, the subject the content, "by" outside the cue
    ("The plan was endorsed by the union.", ("was endorsed", "the union", ["The plan"], False)),
    # a manner adverb right before the verb belongs to the cue
    ("Halvorsen cynically dismissed the audit.",
     ("cynically dismissed", "Halvorsen", ["the audit"], False)),
    # a nominal cue with its possessor
    ("Marwick's claim that the tally was forged drew criticism.",
     ("claim", "Marwick's", ["that the tally was forged"], False)),
])
def test_learned_and_structural_cues(parse, body, expected):
    assert _found(parse, body) == [expected]


@pytest.mark.model
def test_cues_misread_as_each_others_content_keep_the_reliable_one(parse):
    assert _found(parse, "Those repairs are continuing, she said.") == [
        ("said", "she", ["Those repairs are continuing"], False)]


@pytest.mark.model
def test_trailing_reporting_participle_is_its_own_attribution(parse):
    found = _found(parse, "Okafor said he did not believe the estimates, arguing that delays "
                          "were the larger problem.")
    top = [f for f in found if not f[3]]
    assert top == [("said", "Okafor", ["he did not believe the estimates"], False),
                   ("arguing", "he", ["that delays were the larger problem"], False)]


def _quotes(parse, body: str):
    doc = parse(body)
    run_quotes(doc)
    return doc, [(q.text, q.cue, q.speaker, q.speaker_text) for q in doc.quotes]


@pytest.mark.model
def test_quote_continued_after_its_attribution_is_two_quotes(parse):
    body = ("Dr. Leyla Sahin said her staff were busy. “Nine of them are in intensive care,” she said. "
            "“We have called in every surgeon.”")
    doc, quotes = _quotes(parse, body)
    assert quotes == [("her staff were busy", "said", "Leyla Sahin", "Dr. Leyla Sahin"),
                      ("“Nine of them are in intensive care,”", "said", "Leyla Sahin", "she"),
                      ("“We have called in every surgeon.”", "said", "Leyla Sahin", "she")]
    assert doc.quotes[2].span == [90, 124] and doc.quotes[2].cue_span == doc.quotes[1].cue_span


@pytest.mark.model
def test_named_speaker_is_written_without_the_apposition(parse):
    body = '"A good harvest is good news," said Nurettin Kaya, who grows hazelnuts near Giresun.'
    doc, quotes = _quotes(parse, body)
    assert quotes == [('"A good harvest is good news,"', "said", "Nurettin Kaya", "Nurettin Kaya")]
    assert doc.quotes[0].speaker_span == [36, 49]


@pytest.mark.model
def test_description_keeps_its_clause_and_is_an_anonymous_official(parse):
    body = '"The device was set off remotely," said a senior police officer who spoke on condition of anonymity.'
    doc, quotes = _quotes(parse, body)
    description = "a senior police officer who spoke on condition of anonymity"
    assert quotes == [('"The device was set off remotely,"', "said", description, description)]
    run_sources(doc)
    assert [(s.name, s.kind, s.anonymous) for s in doc.sources] == [(description, "official", True)]


@pytest.mark.model
def test_name_in_apposition_to_a_role_is_the_speaker_and_an_official(parse):
    doc, quotes = _quotes(parse, "The agency's spokesman, Tunde Lawal, said the office was closed.")
    assert quotes == [("the office was closed", "said", "Tunde Lawal", "Tunde Lawal")]
    run_sources(doc)
    assert [(s.name, s.kind, s.anonymous) for s in doc.sources] == [("Tunde Lawal", "official", False)]


@pytest.mark.model
def test_description_is_not_the_place_it_mentions(parse):
    doc, quotes = _quotes(parse, "A nurse at Tumaco's hospital said the wards were full.")
    assert quotes == [("the wards were full", "said", "A nurse at Tumaco's hospital",
                       "A nurse at Tumaco's hospital")]
    run_sources(doc)
    # a nurse the page does not name is an anonymous source
    assert [(s.kind, s.anonymous) for s in doc.sources] == [("person", True)]


@pytest.mark.model
def test_office_of_a_named_body_is_not_anonymous(parse):
    doc, _ = _quotes(parse, "Turkey's interior minister said the border was closed.")
    run_sources(doc)
    assert [(s.name, s.kind, s.anonymous) for s in doc.sources] == [
        ("Turkey's interior minister", "official", False)]


def test_found_without_source_keeps_no_speaker_span():
    from newsgraph.extract.quote_spans import speaker_name_span
    from newsgraph.record import Document

    doc = Document(body="x")
    assert speaker_name_span(doc, Found(cue=(0, 1))) is None
    assert speaker_name_span(doc, Found(cue=(0, 1), source=(0, 1))) == (0, 1)  # no parse: as found


def test_a_name_listed_after_the_cue_is_not_the_speakers_name():
    """"Two senators object: Sen. Ann Lee, ...": the parse may hang the listed name on the
    subject as an apposition; the speaker stays the subject as written (a span that ran from
    the name back to the subject's end once broke the sources stage)."""
    import spacy
    from spacy.tokens import Doc, Span

    from newsgraph.extract.quote_spans import speaker_name_span
    from newsgraph.record import Document

    words = ["Two", "senators", "object", ":", "Sen.", "Ann", "Lee"]
    parsed = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2, 2, 6, 6, 1],
                 deps=["nummod", "nsubj", "ROOT", "punct", "compound", "compound", "appos"],
                 pos=["NUM", "NOUN", "VERB", "PUNCT", "PROPN", "PROPN", "PROPN"])
    parsed.ents = [Span(parsed, 5, 7, label="PERSON")]
    doc = Document(body=parsed.text)
    doc._nlp = parsed
    found = Found(cue=(13, 19), source=(0, 12), source_token=1)
    assert speaker_name_span(doc, found) == (0, 12)


def test_mark_alone_at_a_paragraph_end_opens_no_fragment():
    text = 'He said: "\n\n“This is all about the money,” he added.'
    assert _passages(text) == [["“This is all about the money,”"]]
    passages, warnings = find_quoted_passages('He said: "')
    assert passages == [] and warnings == [
        "unbalanced quotation mark at offset 9; quotation taken to the end of its paragraph"]


@pytest.mark.model
@pytest.mark.parametrize(("body", "expected"), [
    # the charge against a stance verb's object belongs to the content
    ("Okafor blasted the council for being lazy.",
     ("blasted", "Okafor", ["the council for being lazy"], False)),
    # the addressee of an appeal belongs to the content
    ("Okafor urged volunteers to watch the ferry docks.",
     ("urged", "Okafor", ["volunteers to watch the ferry docks"], False)),
])
def test_content_with_its_object(parse, body, expected):
    assert _found(parse, body) == [expected]


@pytest.mark.model
def test_impression_verb_has_no_source_and_keeps_the_subject_in_the_content(parse):
    assert _found(parse, "Rosalind seems to have vanished from the tour.") == [
        ("seems", None, ["Rosalind", "to have vanished from the tour"], False)]


@pytest.mark.model
def test_separator_line_is_no_content(parse):
    assert _found(parse, "The two women spoke.\n\n___.\n\nThe rally ended.") == []


@pytest.mark.model
def test_same_speakers_participle_does_not_break_a_continued_quote(parse):
    body = "“This is all about the money,” said Lindqvist, speaking of the tolls. “It is one of the things keeping them awake.”"
    found = _found(parse, body)
    assert found[0] == ("said", "Lindqvist", ["“This is all about the money,”",
                                              "“It is one of the things keeping them awake.”"], False)


def test_a_dateline_the_parse_took_into_the_speaker_is_cut():
    from newsgraph.extract.quote_tidy import _trim_dateline
    from newsgraph.record import Quote

    body = "BOGOTA, May 17 (Meridian) - Colombian prosecutors said four suspects were charged."
    written = body[8:49]
    quote = Quote("four suspects were charged", [55, 81], "indirect", cue="said", speaker=written,
                  speaker_span=[8, 49], speaker_text=written)
    _trim_dateline(quote)
    assert (quote.speaker, quote.speaker_text, quote.speaker_span) == (
        "Colombian prosecutors", "Colombian prosecutors", [28, 49])
    # a parenthesis without the dateline's dash is part of the speaker
    aside = Quote("it was over", [30, 41], "indirect", cue="said", speaker="Ali Haddad (left)",
                  speaker_span=[0, 17], speaker_text="Ali Haddad (left)")
    _trim_dateline(aside)
    assert (aside.speaker, aside.speaker_span) == ("Ali Haddad (left)", [0, 17])
