"""Reported speech over parses that misread the sentence: a second subject after the cue, a
participle taken for the main verb, a that-clause hung on "citing", an "it" for a body's
office, a dateline run into the subject, a verb tagged as a plural noun; and sources that are
things inside someone's words."""

from __future__ import annotations

import pytest

from newsgraph.extract.quotes import run_quotes
from newsgraph.extract.sources import run_sources
from newsgraph.language import entities


@pytest.mark.model
def test_the_subject_before_the_cue_wins_over_the_contents_subject_after_it(written):
    # the parse gives "said" two subjects: the minister, and "records" of the clause after it
    body = ("Transport Minister Ayla Koc, who toured the depot on Monday morning, said records "
            "gathered overnight pointed to a fault in the signal system.")
    sources = [source for _cue, source, _content in written(body)]
    assert sources and all(source.startswith("Transport Minister Ayla Koc") for source in sources)


@pytest.mark.model
def test_a_speaker_after_the_cue_is_kept_when_a_quotation_stands_before(written):
    # the parse hangs the quotation's last words on "said" as a subject ("chaos")
    body = "“The council is in chaos. Total chaos,” said Ayla Koc, the president of the caucus."
    assert [source for _cue, source, _content in written(body)] == [
        "Ayla Koc, the president of the caucus"]


@pytest.mark.model
def test_a_participle_read_as_the_main_verb_is_no_cue(written):
    # "offered" modifies "Quantities"; the parse makes it the root with "fell" as its clause
    assert written("Quantities offered fell by more than a fifth.") == []


@pytest.mark.model
def test_the_clause_after_citing_belongs_to_the_reporting_verb(written):
    body = ("The Harbor Gazette reported, citing three port officials, that the union had between "
            "200 and 300 members at the docks.")
    assert sorted(written(body)) == [
        ("citing", "The Harbor Gazette", ["three port officials"]),
        ("reported", "The Harbor Gazette",
         ["that the union had between 200 and 300 members at the docks"]),
    ]


@pytest.mark.model
def test_it_after_an_office_that_spoke_is_that_office(parse):
    doc = parse("The audit found gaps in the port's accounts. “The records show the payments were "
                "made twice,” the auditor's office said in a statement. It said two clerks would "
                "be suspended.")
    run_quotes(doc)
    it = [q for q in doc.quotes if q.speaker_text == "It"]
    assert [q.speaker for q in it] == ["the auditor's office"]


@pytest.mark.model
def test_a_thing_inside_someones_words_is_not_a_source_but_a_document_is(parse):
    doc = parse("Ana Ruiz, an economist at a local bank, said the size of the cuts suggested that "
                "the board was worried. Ruiz said the central bank's report showed that prices "
                "were rising.")
    run_quotes(doc)
    run_sources(doc)
    names = [source.name for source in doc.sources]
    assert "the size of the cuts" not in names
    assert "Ana Ruiz" in names
    assert any("report" in name for name in names)


@pytest.mark.model
def test_a_quantifier_opening_a_sentence_is_part_of_the_one_group_before_and_unnamed(parse):
    # the tagger reads a sentence-initial "Several" as a proper noun
    doc = parse("The Digest has heard from aid workers in the region. Several told us that the "
                "withdrawal of the army had left a vacuum.")
    run_quotes(doc)
    run_sources(doc)
    several = [s for s in doc.sources if s.name.startswith("Several")]
    assert [(s.name, s.anonymous) for s in several] == [("Several of the aid workers in the region", True)]


@pytest.mark.model
def test_a_quantifier_with_two_groups_before_stays_as_written(parse):
    doc = parse("For the drivers who use the road, the trip was always risky. Since Monday, when "
                "gunmen attacked a convoy, many say the road is too dangerous.")
    run_quotes(doc)
    assert [q.speaker for q in doc.quotes if q.speaker_text == "many"] == ["many"]


def _speakers(parse, body):
    doc = parse(body)
    entities.run(doc)  # the record's entities, as the pipeline gives them to the quotes
    run_quotes(doc)
    return [(q.speaker_text, q.speaker) for q in doc.quotes]


@pytest.mark.model
def test_a_place_after_a_bodys_name_is_not_the_speaker(parse):
    # the tagger finds only the country
    body = "The independent Press Freedom Forum of Kenya said the new rules would silence reporters."
    assert _speakers(parse, body) == [("The independent Press Freedom Forum of Kenya",
                                       "The independent Press Freedom Forum of Kenya")]


@pytest.mark.model
def test_a_definite_description_with_its_own_modifier_is_no_anaphor(parse):
    body = ("Two guards and three other people were hurt, the mayor said. The people of Ardmore "
            "have been asking for security on that road for years.")
    assert ("The people of Ardmore", "The people of Ardmore") in _speakers(parse, body)


@pytest.mark.model
def test_it_after_a_statement_is_the_statement_not_the_country(parse):
    body = ("Rebels attacked a bridge in Norland on Friday. The statement, posted on a website used "
            "by the rebels, said the bridge had carried troops. It did not mention the guards who "
            "were killed.")
    speakers = dict(_speakers(parse, body))
    assert speakers["It"].startswith("The statement")


@pytest.mark.model
def test_a_tycoon_quoted_inside_someones_words_is_still_a_source(parse):
    # people nouns beyond the roles of crime news: a nested speaker headed by one is kept
    doc = parse("Ana Ruiz said the shipping tycoon had told her that the port would close.")
    run_quotes(doc)
    run_sources(doc)
    assert "the shipping tycoon" in [source.name for source in doc.sources]


@pytest.mark.model
def test_a_report_in_a_relative_clause_ends_the_content_before_it(written):
    # the relative clause hangs outside the object the content grew from ("for ignoring ...")
    body = "The council criticised the firm for ignoring the warnings, which its chief said were never sent."
    assert sorted(written(body)) == [
        ("criticised", "The council", ["the firm for ignoring the warnings"]),
        ("said", "its chief", ["were never sent"]),
    ]
    body = ("The mayor said builders had used the grants to put up hotels, amounting to what the "
            "auditors said was plain waste.")
    assert sorted(written(body)) == [
        ("said", "The mayor", ["builders had used the grants to put up hotels"]),
        ("said", "the auditors", ["was plain waste"]),
    ]


@pytest.mark.model
def test_a_dateline_the_parse_ran_into_the_subject_is_not_the_source(written):
    body = ("HALDEN -- Mayor Ingrid Sola, opening the new ferry terminal on Saturday, said it would "
            "carry a million passengers a year.\n\n"
            "TROMSO (Meridian) - Harbour officials said the ice had closed two berths.\n\n"
            "NATO - the alliance - said it would act.\n\n"
            "Sen. Ana Ruiz (D-Ore.) -- the panel's top Democrat, said the bill was dead.")
    # a second dash, or a party and state in brackets, is no dateline
    assert [source for _cue, source, _content in written(body)] == [
        "Mayor Ingrid Sola", "Harbour officials", "NATO - the alliance",
        "Sen. Ana Ruiz (D-Ore.) -- the panel's top Democrat"]



@pytest.mark.model
def test_a_described_speaker_after_a_dateline_is_named_without_it(parse):
    doc = parse("May 4 (Meridian) - Harbour pilots said the ice had closed two berths on the fjord.")
    entities.run(doc)
    run_quotes(doc)
    assert [(q.speaker_text, q.speaker) for q in doc.quotes] == [("Harbour pilots", "Harbour pilots")]

def test_a_subject_or_name_on_a_claim_noun_is_its_source():
    import spacy
    from spacy.tokens import Doc

    from newsgraph.extract.quote_nouns import find_nominal_cues

    # the tagger read the verb "claims" as a plural noun with a subject; and a name in compound
    words = ["But", "Ferreira", "claims", "that", "he", "was", "cheated", ".", "Few", "believed",
             "the", "Pentagon", "claim", "that", "it", "hit", "nothing", "."]
    doc = Doc(spacy.blank("en").vocab, words=words,
              pos=["CCONJ", "PROPN", "NOUN", "SCONJ", "PRON", "AUX", "VERB", "PUNCT", "ADJ", "VERB",
                   "DET", "PROPN", "NOUN", "SCONJ", "PRON", "VERB", "PRON", "PUNCT"],
              deps=["cc", "nsubj", "ROOT", "mark", "nsubjpass", "auxpass", "ccomp", "punct", "nsubj",
                    "ROOT", "det", "compound", "dobj", "mark", "nsubj", "acl", "dobj", "punct"],
              heads=[2, 2, 2, 6, 6, 6, 2, 2, 9, 9, 11, 12, 9, 15, 15, 12, 15, 9],
              lemmas=["but", "Ferreira", "claim", "that", "he", "be", "cheat", ".", "few", "believe",
                      "the", "Pentagon", "claim", "that", "it", "hit", "nothing", "."])
    text = doc.text
    found = find_nominal_cues(doc, text)
    assert [(text[slice(*f.cue)], text[slice(*f.source)] if f.source else None) for f in found] == [
        ("claims", "Ferreira"), ("claim", "the Pentagon")]
