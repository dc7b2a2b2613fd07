"""The chain of sources: outlet first, relaying agencies, cited people with via and anonymity."""

from __future__ import annotations

import pytest

from newsgraph.extract.quotes import run_quotes
from newsgraph.extract.sources import outlet_of, run_sources
from newsgraph.record import Document, Quote, Source


def _chain(doc):
    return [(s.name, s.kind, s.anonymous, s.via) for s in doc.sources]


def test_outlet_from_site_name_or_domain():
    assert outlet_of(Document(body="x", site_name="The Ledger")) == "The Ledger"
    assert outlet_of(Document(body="x", source=Source(uri="https://www.example.com/a"))) == "example.com"
    assert outlet_of(Document(body="x")) is None


def test_hand_built_quotes_merge_repeated_speakers():
    body = "Jane Roe said it was over. She said more."
    doc = Document(body=body, site_name="Ledger")
    doc.quotes = [
        Quote("it was over", [14, 25], "indirect", cue="said", cue_span=[9, 13], speaker="Jane Roe",
              speaker_span=[0, 8], speaker_text="Jane Roe"),
        Quote("more", [36, 40], "indirect", cue="said", cue_span=[31, 35], speaker="Jane Roe",
              speaker_span=[27, 30], speaker_text="She"),
    ]
    run_sources(doc)
    assert _chain(doc) == [("Ledger", "outlet", False, None), ("Jane Roe", "person", False, 0)]
    assert doc.sources[1].evidence == [[0, 8], [27, 30]]


def test_no_quotes_no_outlet_gives_no_sources():
    doc = Document(body="Nothing was said.")
    run_sources(doc)
    assert doc.sources == []


@pytest.mark.model
def test_page_relaying_reuters_with_two_anonymous_officials_and_a_named_expert(parse):
    doc = parse("BAGHDAD (Reuters) - A car bomb killed 12 people on Tuesday, two security officials "
                "told Reuters on condition of anonymity. “The toll may rise,” said Ali Hassan, a "
                "professor at Baghdad University.")
    doc.source = Source(uri="https://www.example-news.com/a/1")
    run_quotes(doc)
    run_sources(doc)
    assert _chain(doc) == [
        ("example-news.com", "outlet", False, None),
        ("Reuters", "agency", False, 0),
        ("two security officials", "official", True, 1),
        ("Ali Hassan", "expert", False, 1),
    ]
    assert doc.sources[1].evidence == [[9, 16], [88, 95]]


@pytest.mark.model
def test_agency_reporting_anonymous_police_sources(parse):
    doc = parse("Police said the suspect was arrested. AP reported that police sources said he was 19.")
    doc.site_name = "Daily Ledger"
    run_quotes(doc)
    run_sources(doc)
    assert _chain(doc) == [
        ("Daily Ledger", "outlet", False, None),
        ("Associated Press", "agency", False, 0),
        ("Police", "organisation", False, 0),
        ("police sources", "official", True, 1),
    ]


@pytest.mark.model
def test_outlet_citing_diplomats(parse):
    doc = parse("The Times reported that the deal was off, citing two diplomats. "
                "Minister Jane Roe said she was surprised. “It is a mistake,” she said.")
    run_quotes(doc)
    run_sources(doc)
    assert _chain(doc) == [
        ("Times", "outlet", False, None),
        ("Jane Roe", "official", False, None),
        ("two diplomats", "official", True, 0),
    ]


@pytest.mark.model
def test_cited_reports_are_documents_not_unnamed_people(parse):
    doc = parse("Harbor police, citing customs reports, said on Friday that the containers had "
                "been moved twice.")
    run_quotes(doc)
    run_sources(doc)
    assert ("customs reports", "document", False, 0) in _chain(doc)


@pytest.mark.model
def test_unnamed_people_are_anonymous_and_descriptions_take_their_head_nouns_kind(parse):
    doc = parse("Traders in the old market said prices had doubled since March. The state broadcaster "
                "reported that the bridge would reopen. Hospitals in the city said they had run out of "
                "insulin.")
    doc.site_name = "Daily Ledger"
    run_quotes(doc)
    run_sources(doc)
    assert _chain(doc) == [
        ("Daily Ledger", "outlet", False, None),
        ("The state broadcaster", "outlet", False, 0),
        ("Traders in the old market", "person", True, 0),
        ("Hospitals in the city", "organisation", False, 0),
    ]


@pytest.mark.model
def test_pronoun_after_a_name_in_apposition_is_the_named_person(parse):
    doc = parse("Prices will keep rising, said Ana Ruiz, an economist at a brokerage in Quito. "
                "She said the central bank would act in June.")
    doc.site_name = "Daily Ledger"
    run_quotes(doc)
    run_sources(doc)
    assert _chain(doc) == [("Daily Ledger", "outlet", False, None), ("Ana Ruiz", "expert", False, 0)]
    assert len(doc.sources[1].evidence) == 2


@pytest.mark.model
def test_pronoun_for_the_holder_of_a_definite_office_is_not_anonymous(parse):
    doc = parse("The national police director said four suspects had been held. "
                "He said more arrests would follow.")
    doc.site_name = "Daily Ledger"
    run_quotes(doc)
    run_sources(doc)
    assert _chain(doc) == [("Daily Ledger", "outlet", False, None),
                           ("The national police director", "official", False, 0)]


@pytest.mark.model
def test_only_descriptions_of_people_are_anonymous(parse):
    doc = parse("The fee cuts suggest that the bank wants more customers. "
                "The growers said the harvest was late.")
    run_quotes(doc)
    run_sources(doc)
    assert [(s.name, s.anonymous) for s in doc.sources] == [("The fee cuts", False), ("The growers", True)]


def _hand_parsed(words, pos, deps, heads, ents=()):
    """A Document over a hand-built parse (spaces between all words but before punctuation)."""
    import spacy
    from spacy.tokens import Doc, Span

    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".") for i in range(len(words))]
    parsed = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, pos=pos, deps=deps, heads=heads,
                 lemmas=[w.lower() for w in words])
    parsed.ents = [Span(parsed, start, end, label=label) for start, end, label in ents]
    doc = Document(body=parsed.text)
    doc._nlp = parsed
    return doc


def _speaker(doc, first: int, last: int, name: str) -> Quote:
    parsed = doc._nlp
    span = [parsed[first].idx, parsed[last].idx + len(parsed[last])]
    return Quote(text="x", span=[0, 1], kind="indirect", cue="said", speaker=name, speaker_span=span,
                 speaker_text=doc.body[span[0]:span[1]])


def test_a_misread_first_name_with_a_clause_about_a_factory_is_a_named_person():
    from newsgraph.extract.sources import _anonymous, _kind

    # the tagger read "Segun" as a verb; the place in the relative clause is not the speaker
    words = ["Segun", "Oladipo", ",", "who", "runs", "a", "factory", "in", "Ikeja", ",", "said", "it", "shut", "."]
    doc = _hand_parsed(
        words,
        pos=["VERB", "PROPN", "PUNCT", "PRON", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "VERB", "PRON",
             "VERB", "PUNCT"],
        deps=["nsubj", "dobj", "punct", "nsubj", "relcl", "det", "dobj", "prep", "pobj", "punct", "ROOT",
              "nsubj", "ccomp", "punct"],
        heads=[10, 0, 1, 4, 1, 6, 4, 6, 7, 10, 10, 12, 10, 10], ents=[(8, 9, "GPE")])
    quote = _speaker(doc, 0, 8, "Segun Oladipo, who runs a factory in Ikeja")
    assert _kind(doc, quote) == "person"
    assert not _anonymous(doc, quote, "person")


@pytest.mark.parametrize("words, pos, deps, heads, name, kind", [
    # "one of them" takes the kind of the group it was resolved to
    (["One", "of", "them"], ["NUM", "ADP", "PRON"], ["nsubj", "prep", "pobj"], [3, 0, 1],
     "one of two officials", "official"),
    # a body's name the tagger missed is an organisation
    (["The", "Rights", "Forum"], ["DET", "PROPN", "PROPN"], ["det", "compound", "nsubj"], [2, 2, 3],
     "The Rights Forum", "organisation"),
], ids=["one-of-them", "missed-body-name"])
def test_kind_of_a_three_word_subject(words, pos, deps, heads, name, kind):
    from newsgraph.extract.sources import _kind

    # "<subject> said it shut ."
    doc = _hand_parsed(words + ["said", "it", "shut", "."], pos=pos + ["VERB", "PRON", "VERB", "PUNCT"],
                       deps=deps + ["ROOT", "nsubj", "ccomp", "punct"], heads=heads + [3, 5, 3, 3])
    assert _kind(doc, _speaker(doc, 0, 2, name)) == kind


@pytest.mark.model
def test_a_name_after_a_bodys_name_is_not_the_speaker(parse):
    # the tagger calls "Nepal" a person; the forum is the one speaking
    from newsgraph.language import entities

    doc = parse("The independent Human Rights Forum of Nepal said the raids were illegal.")
    entities.run(doc)
    run_quotes(doc)
    run_sources(doc)
    assert [(s.name, s.kind, s.anonymous) for s in doc.sources] == [
        ("The independent Human Rights Forum of Nepal", "organisation", False)]
