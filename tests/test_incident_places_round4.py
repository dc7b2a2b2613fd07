"""A town's name used as one of two streets that meet is no town (invented sentences)."""

from __future__ import annotations

import pytest

from newsgraph.extract import incident_places


@pytest.mark.model
@pytest.mark.parametrize("sentence, name, expected", [
    ("It happened near Quillen and Fond du Lac around 3:20 a.m. on Sunday.", "Fond du Lac", True),
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
