"""Reported speech: adjectival cues, "as X pointed out", cue nouns with a
clause and no possessor, objects with their charge, editors' labels, reader-addressed
sources, and the adjective counts of the learned lexicon."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.extract import quote_adjectives
from newsgraph.extract.quote_layout import find_colon_speakers
from newsgraph.extract.quote_learned import after_copula, count_cues, lexicon_from_counts
from newsgraph.extract.quotes import find_attributions


def _doc(words, pos, lemmas):
    return Doc(spacy.blank("en").vocab, words=words, spaces=[True] * len(words), pos=pos, lemmas=lemmas)


def _found(nlp, text):
    found, _ = find_attributions(text, nlp(text))
    return [(text[f.cue[0]:f.cue[1]], text[f.source[0]:f.source[1]] if f.source else None,
             [text[s:e] for s, e in f.content]) for f in found]


# --- no model ------------------------------------------------------------------------------------

def test_editors_labels_are_not_colon_speakers():
    text = ("Correction: A previous edition gave the wrong date.\n\nCLARIFICATION: The caption was "
            "updated.\n\nSource: port authority figures.")
    assert find_colon_speakers(text) == []
    speakers = find_colon_speakers("SMITH: We will win.")
    assert [(s.source, s.cue) for s in speakers] == [((0, 5), (5, 6))]


def test_adjective_after_a_copula_is_counted_and_its_cue_use():
    # "Ann was eager to go . Bob was not eager ." with "was eager" the gold cue of the first
    words = ["Ann", "was", "eager", "to", "go", ".", "Bob", "was", "not", "eager", "."]
    pos = ["PROPN", "AUX", "ADJ", "PART", "VERB", "PUNCT", "PROPN", "AUX", "PART", "ADJ", "PUNCT"]
    lemmas = ["Ann", "be", "eager", "to", "go", ".", "Bob", "be", "not", "eager", "."]
    doc = _doc(words, pos, lemmas)
    assert after_copula(doc[2]) and after_copula(doc[9])  # "not" may stand between
    cue = ((doc[1].idx, doc[2].idx + len(doc[2])),)
    content = ((doc[3].idx, doc[4].idx + len(doc[4])),)
    as_cue, seen = count_cues([doc], [([cue], [content])])
    assert as_cue[("ADJ", "eager")] == 1
    assert seen[("ADJ", "eager")] == 2
    lexicon = lexicon_from_counts({("ADJ", "eager"): 3}, {("ADJ", "eager"): 4})
    assert lexicon["adj"] == {"eager": [3, 4]}


def test_adjective_not_after_a_copula_is_not_counted():
    doc = _doc(["an", "eager", "crowd"], ["DET", "ADJ", "NOUN"], ["an", "eager", "crowd"])
    assert not after_copula(doc[1])
    _, seen = count_cues([doc], [([], [])])
    assert seen[("ADJ", "eager")] == 0


def test_adjectival_cues_without_a_parse_find_nothing():
    assert find_attributions("Democrats were confident.", None)[0] == []


# --- with the model ------------------------------------------------------------------------------

@pytest.mark.model
def test_adjectival_cue_with_a_clause(nlp):
    assert _found(nlp, "Democrats were confident that the bill would pass.") == [
        ("were confident", "Democrats", ["that the bill would pass"])]


@pytest.mark.model
def test_adjectival_cue_with_a_preposition_takes_it_into_the_cue(nlp):
    assert _found(nlp, "He was critical of the deal.") == [("was critical of", "He", ["the deal"])]


@pytest.mark.model
def test_expletive_it_gives_no_source(nlp, monkeypatch):
    monkeypatch.setattr(quote_adjectives, "cue_adjectives", lambda: frozenset({"clear"}))
    assert _found(nlp, "It was clear that the talks had failed.") == [
        ("was clear", None, ["that the talks had failed"])]


@pytest.mark.model
def test_unlisted_adjective_is_no_cue(nlp):
    # "clear" is inside a PolNeAR train cue in well under half its uses after a copula
    assert _found(nlp, "It was clear that the talks had failed.") == []


@pytest.mark.model
def test_as_clause_cue_takes_the_main_clause(nlp):
    assert _found(nlp, "As one adviser pointed out, the island rarely gets hurricanes.") == [
        ("pointed out", "one adviser", ["the island rarely gets hurricanes"])]


@pytest.mark.model
def test_cue_noun_with_a_clause_needs_no_possessor(nlp):
    assert _found(nlp, "The claim that the vote was rigged is false.") == [
        ("claim", None, ["that the vote was rigged"])]
    # with a preposition only, a bare noun is a topic
    assert _found(nlp, "The debate about taxes continued.") == []


@pytest.mark.model
def test_object_and_its_charge_make_one_content(nlp):
    assert _found(nlp, "Okafor accused Marwick of lying about her expenses.") == [
        ("accused", "Okafor", ["Marwick of lying about her expenses"])]


@pytest.mark.model
def test_reader_addressed_source_is_dropped(nlp):
    assert _found(nlp, "You know that the plan failed.") == []
    assert _found(nlp, "She knows that the plan failed.") == [("knows", "She", ["that the plan failed"])]


@pytest.mark.model
def test_conjoined_cue_of_the_same_tense_is_an_attribution_of_its_own(nlp):
    text = "Halvorsen said he would order a full audit of the pipelines and warned against thieves from the coast."
    assert _found(nlp, text) == [
        ("said", "Halvorsen", ["he would order a full audit of the pipelines"]),
        ("warned against", "Halvorsen", ["thieves from the coast"])]


@pytest.mark.model
def test_dateline_parsed_as_subject_gives_way_to_the_words_before_the_verb(nlp):
    text = ("HARTFORD (HPA) — Updates on the count (all times local):\n\n9 p.m.\n\n"
            "Ellen Voss is once again questioning the fairness of the ballot count.")
    assert _found(nlp, text) == [("again questioning", "Ellen Voss", ["the fairness of the ballot count"])]


@pytest.mark.model
def test_purpose_infinitive_and_by_participle_share_the_verb_subject(nlp):
    assert _found(nlp, "Regional mayors met Tuesday to discuss the problems facing the port.") == [
        ("to discuss", "Regional mayors", ["the problems facing the port"])]
    assert _found(nlp, "She sold herself to farmers by telling them that their towns are dying.") == [
        ("telling", "She", ["that their towns are dying"])]


@pytest.mark.model
def test_comma_set_participle_is_left_out_of_the_source(nlp):
    assert _found(nlp, "Okafor, standing beside his brother, said that the strike was over.") == [
        ("said", "Okafor", ["that the strike was over"])]


@pytest.mark.model
def test_sourceless_bare_verb_is_not_written(nlp):
    # imperatives: a bare verb form with no source (PolNeAR train: a third annotated)
    assert _found(nlp, "Remember that the vote is on Tuesday.") == []
    assert _found(nlp, "Don't forget that your pass expires in June.") == []
    assert _found(nlp, "Voters remember that the vote is on Tuesday.") == [
        ("remember", "Voters", ["that the vote is on Tuesday"])]


@pytest.mark.model
def test_of_two_subjects_the_nearest_speaks(nlp):
    # the parse makes the wire headline a second subject of "says"
    text = ("The Latest: Mayor’s leaked memo not from Ohio.\n\nCOLUMBUS (HPA) — The Latest on "
            "the mayoral race between Republican Ellen Voss and Democrat Marcus Reyes (all "
            "times EDT):\n\n2:45 p.m.\n\nOhio’s budget director says an internal audit shows no "
            "one from the office leaked the memo.")
    assert _found(nlp, text)[0] == (
        "says", "Ohio’s budget director",
        ["an internal audit shows no one from the office leaked the memo"])


@pytest.mark.model
def test_according_to_a_source_parsed_as_a_clause(nlp):
    # the parse reads "show crew members" as a clause (pcomp) under "to"
    assert _found(nlp, "Voss insulted her staff, according to show crew members.") == [
        ("according to", "show crew members", ["Voss insulted her staff"])]


@pytest.mark.model
def test_trailing_aside_of_another_speaker_is_cut_off_the_content(nlp):
    text = "Officials said the grant went to beach hotels, which the auditors said was plain favoritism."
    assert _found(nlp, text) == [("said", "Officials", ["the grant went to beach hotels"]),
                                 ("said", "the auditors", ["was plain favoritism"])]
    # in the middle of the content the aside stays inside it (and is not written)
    text = "Officials said the program, which critics say is wasteful, will end next year."
    assert _found(nlp, text)[0] == ("said", "Officials", ["the program, which critics say is wasteful, will end next year"])
