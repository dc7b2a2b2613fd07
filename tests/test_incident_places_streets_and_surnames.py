"""A town's name used as one of two streets that meet is no town, a surname is the person, a
name after "the suburb of" is a town (invented sentences)."""

from __future__ import annotations

import pytest

from newsgraph.extract import incident_places


@pytest.mark.model
@pytest.mark.parametrize("sentence, name, expected", [
    ("The car stopped near Kessel and Fond du Lac just after 2 a.m.", "Fond du Lac", True),
    ("A second man was found at Concord and Market streets with a wound to the arm.", "Concord", True),
    ("Shots were fired near 52nd and Auburn late Friday.", "Auburn", True),
    ("Police in Dallas and Fort Worth are looking for the gunman.", "Fort Worth", False),
    ("A man was shot near Toledo on Monday.", "Toledo", False),
])
def test_street_corners(nlp, sentence, name, expected):
    doc = nlp(sentence)
    ents = [ent for ent in doc.ents if ent.text == name]
    if not ents:
        # The tagger may leave a street-corner name untagged: then it is no place mention at all.
        assert expected
        return
    assert incident_places.in_street_corner(ents[0]) is expected


def _with_ents(nlp, text: str, ents: list[tuple[str, str, int]]):
    """A parse whose entities are set by hand: (words, label, which occurrence)."""
    from spacy.tokens import Span

    doc = nlp(text)
    spans = []
    for words, label, occurrence in ents:
        starts = [i for i in range(len(doc)) if doc[i:i + len(words.split())].text == words]
        start = starts[occurrence]
        spans.append(Span(doc, start, start + len(words.split()), label=label))
    doc.ents = spans
    return doc


@pytest.mark.model
def test_a_surname_tagged_as_a_town_is_the_person(nlp):
    text = ("Deputies were searching for Dale Ray Sherwood. Officers found Sherwood on foot. "
            "A man was shot in Sherwood on Monday.")
    doc = _with_ents(nlp, text, [("Dale Ray Sherwood", "PERSON", 0), ("Sherwood", "GPE", 1),
                                 ("Sherwood", "GPE", 2)])
    found, introduced = doc.ents[1], doc.ents[2]
    assert incident_places.is_persons_name(found) is True
    # Introduced by "in", the name is a place.
    assert incident_places.is_persons_name(introduced) is False
    sentence = next(s for s in doc.sents if s.text.startswith("Officers"))
    assert incident_places.sentence_place(sentence, sentence.start) is None


@pytest.mark.model
def test_a_mistagged_name_after_the_suburb_of_is_a_town(nlp):
    text = "A clerk was wounded on Tuesday night in the suburb of Wexham."
    doc = _with_ents(nlp, text, [("Wexham", "PERSON", 0)])
    sentence = next(iter(doc.sents))
    place = incident_places.sentence_place(sentence, sentence.start)
    assert place is not None and place.text == "Wexham"
