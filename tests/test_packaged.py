"""Shipped data files: read from the package, a default when one is missing."""

from __future__ import annotations

from newsgraph.packaged import read_packaged_json


def test_a_shipped_file_is_read():
    places = read_packaged_json("data/places.json")
    assert "places" in places and places["places"]


def test_a_missing_file_gives_the_default():
    assert read_packaged_json("models/no-such-model.json") is None
    assert read_packaged_json("models/no-such-model.json", {"weights": {}}) == {"weights": {}}
