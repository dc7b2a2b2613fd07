"""Reported speech: a cue the parse left without a content takes its sentence."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from newsgraph.extract.quote_cues import Found
from newsgraph.extract.quote_fallback import sentence_content


def _one_sentence(text: str):
    """A stand-in parse: every token index lies in one sentence spanning ``text``."""
    sentence = SimpleNamespace(start_char=0, end_char=len(text))
    return {0: SimpleNamespace(sent=sentence)}


def test_the_sentence_around_cue_and_source_is_the_content():
    text = "These drivers, Okafor explained, were poorly paid."
    item = Found(cue=(22, 31), source=(15, 21), cue_token=0)
    assert [text[s:e] for s, e in sentence_content(item, _one_sentence(text), text)] == [
        "These drivers", "were poorly paid"]


def test_a_one_word_remainder_is_no_content():
    text = "He said so."
    item = Found(cue=(3, 7), source=(0, 2), cue_token=0)
    assert sentence_content(item, _one_sentence(text), text) == []


def test_no_content_without_a_source_or_a_cue_word():
    text = "These drivers, Okafor explained, were poorly paid."
    parsed = _one_sentence(text)
    assert sentence_content(Found(cue=(22, 31), cue_token=0), parsed, text) == []
    assert sentence_content(Found(cue=(22, 31), source=(15, 21)), parsed, text) == []


@pytest.mark.model
def test_a_parenthetical_read_as_the_main_verb_takes_the_words_around_it(written):
    # the parse makes "explained" the root and the content its conjunct: no complement
    body = ("These drivers, Okafor explained earlier in the council meeting, were poorly paid, "
            "earning between $21,000 and $38,000 a year.")
    assert written(body) == [
        ("explained earlier", "Okafor", ["These drivers", "in the council meeting, were poorly paid, "
                                         "earning between $21,000 and $38,000 a year"])]


@pytest.mark.model
def test_a_question_clause_after_a_speech_verb_is_its_content(written):
    body = "Regulators have not said when they would rule on the merger."
    assert written(body) == [
        ("have not said", "Regulators", ["when they would rule on the merger"])]


@pytest.mark.model
def test_a_verb_the_model_doubts_takes_no_sentence(written):
    # "spoke" with no complement: the model is far from sure it is a cue here
    body = "The mayor spoke at the opening of the new library on Main Street."
    assert written(body) == []


class _StubParse:
    """``char_span`` over hand-tagged words: (text, pos, tag, lemma) each, one space apart."""

    def __init__(self, text: str, start: int, words: list[tuple[str, str, str, str]]):
        self.tokens = []
        for i, (word, pos, tag, lemma) in enumerate(words):
            at = text.index(word, start)
            self.tokens.append(SimpleNamespace(i=i, idx=at, text=word, pos_=pos, tag_=tag, lemma_=lemma))
            start = at + len(word)

    def char_span(self, start, end, alignment_mode="strict"):
        return [t for t in self.tokens if start <= t.idx < end]


QUOTED = "“We will find the truth about the fire,” "


def _resourced(gap_words, cue_word="said"):
    from newsgraph.extract.quote_marks import find_quoted_passages
    from newsgraph.extract.quotes import _resource_from_quotation

    gap = " ".join(word for word, *_ in gap_words)
    text = f"{QUOTED}{gap} {cue_word} Monday."
    cue_start = text.index(f" {cue_word} Monday") + 1
    item = Found(cue=(cue_start, cue_start + len(cue_word)), source=(1, 3), source_token=0)  # "We"
    passages, _ = find_quoted_passages(text)
    _resource_from_quotation(item, passages, _StubParse(text, len(QUOTED), gap_words), text)
    return text[item.source[0]:item.source[1]], item.source_token


def test_a_source_parsed_inside_the_quotation_moves_to_the_name_after_it():
    # "Dayton" tagged as a verb, as the parse did with a town name on PolNeAR dev: the name still counts
    words = [("Dayton", "VERB", "VB", "dayton"), ("police", "NOUN", "NN", "police"),
             ("Chief", "PROPN", "NNP", "chief"), ("Rhonda", "PROPN", "NNP", "rhonda"),
             ("Belvedere", "PROPN", "NNP", "belvedere")]
    assert _resourced(words) == ("Dayton police Chief Rhonda Belvedere", 4)


def test_a_clause_or_a_cue_between_quotation_and_verb_is_no_source():
    clause = [("and", "CCONJ", "CC", "and"), ("when", "SCONJ", "WRB", "when"),
              ("questioned", "VERB", "VBN", "question"), ("Voss", "PROPN", "NNP", "voss")]
    assert _resourced(clause, "insisted") == ("We", 0)
    cue = [("she", "PRON", "PRP", "she"), ("said", "VERB", "VBD", "say"), ("later", "ADV", "RB", "later")]
    assert _resourced(cue, "adding") == ("We", 0)


@pytest.mark.model
def test_an_infinitive_after_a_predicative_adjective_takes_the_copulas_subject(written):
    # "was able to tout": the subject of "was" is the source (else a sourceless bare verb, dropped)
    body = "She was able to repeatedly tout her fundraising record while teasing rivals."
    assert written(body) == [("to repeatedly tout", "She", ["her fundraising record"])]


@pytest.mark.model
def test_a_listed_verb_the_model_is_sure_of_keeps_its_sentence_without_a_complement(written):
    # "criticized as ... what ...": the parse gives no object; the model is sure of the cue
    body = "Everyone we surveyed criticized as hopelessly complicated what is perhaps her most novel idea."
    assert written(body) == [
        ("criticized", "Everyone we surveyed",
         ["as hopelessly complicated what is perhaps her most novel idea"])]


@pytest.mark.model
def test_a_cue_preposition_before_the_infinitive_joins_the_cue_and_its_object_the_content(written):
    body = "The senators are calling on the government to release the videos."
    assert written(body) == [
        ("are calling on", "The senators", ["the government to release the videos"])]


@pytest.mark.model
def test_an_adverb_right_before_the_verb_is_part_of_the_cue(written):
    body = "Republicans have long said that the tax code is broken. The senator now says that the bill is dead."
    assert [cue for cue, _, _ in written(body)] == ["have long said", "now says"]


@pytest.mark.model
def test_a_linking_adverb_before_the_verb_stays_out_of_the_cue(written):
    body = "Democrats instead argued that the plan would fail."
    assert written(body) == [("argued", "Democrats", ["that the plan would fail"])]


def test_a_source_outside_the_cues_sentence_leaves_only_the_words_after_the_cue():
    # a source the parse took from an earlier sentence: no piece may run backwards
    text = "Smith spoke. Then he explained the plan to the crowd."
    sentence = SimpleNamespace(start_char=13, end_char=len(text))
    item = Found(cue=(21, 30), source=(0, 5), cue_token=0)
    assert [text[s:e] for s, e in sentence_content(item, {0: SimpleNamespace(sent=sentence)}, text)] == [
        "the plan to the crowd"]


@pytest.mark.model
def test_a_cue_preposition_stays_in_the_cue_when_a_clause_is_the_content(written):
    body = "She agreed with him that the plan had failed."
    assert written(body) == [("agreed with", "She", ["that the plan had failed"])]
