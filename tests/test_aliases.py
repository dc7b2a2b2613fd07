"""The curated alias table: lookups and the text scanner."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from newsgraph.language.aliases import alias_table, canonical_alias, normalise_name


def test_variants_map_to_canonical_name_and_type():
    assert canonical_alias("ISIS") == ("Islamic State", "ORG")
    assert canonical_alias("Daesh") == ("Islamic State", "ORG")
    assert canonical_alias("Islamic State of Iraq and the Levant") == ("Islamic State", "ORG")
    assert canonical_alias("Hizballah") == ("Hezbollah", "ORG")
    assert canonical_alias("KADEK") == ("Kurdistan Workers' Party", "ORG")
    assert canonical_alias("U.S.") == ("United States", "GPE")


def test_lookup_ignores_case_punctuation_accents_and_the():
    assert canonical_alias("the Taliban") == ("Taliban", "ORG")
    assert canonical_alias("THE TALIBAN") == ("Taliban", "ORG")
    assert canonical_alias("al Qa\u2019ida") == ("al-Qaeda", "ORG")
    assert canonical_alias("Al-Qa'ida") == ("al-Qaeda", "ORG")
    assert canonical_alias("Medell\u00edn Cartel") == ("Medellin Cartel", "ORG")
    assert canonical_alias("  Kurdistan   Workers Party ") == ("Kurdistan Workers' Party", "ORG")


def test_unknown_names_and_empty_input_give_none():
    assert canonical_alias("Maria Lopez") is None
    assert canonical_alias("") is None
    assert canonical_alias("the") is None


def test_normalise_name():
    assert normalise_name("The Kurdistan Workers\u2019 Party") == "kurdistan workers party"
    assert normalise_name("Hay'at Tahrir al-Sham") == "hayat tahrir al sham"
    assert normalise_name("Theodore") == "theodore"  # only a whole leading word "the" goes


def test_table_file_is_well_formed():
    path = resources.files("newsgraph").joinpath("data", "aliases.json")
    with path.open("r", encoding="utf-8") as handle:
        entries = json.load(handle)["entries"]
    assert 35 <= len(entries) <= 60
    seen: dict[str, str] = {}
    for entry in entries:
        assert entry["note"] and entry["type"] in {"ORG", "GPE", "NORP"}
        for variant in entry.get("ambiguous_variants", []):
            assert variant in (entry["canonical"], *entry["variants"])
        for form in (entry["canonical"], *entry["variants"]):
            key = normalise_name(form)
            # no variant may name two actors
            assert seen.setdefault(key, entry["canonical"]) == entry["canonical"], form


def test_scanner_finds_variants_with_offsets():
    text = "Fighters of Daesh, also called ISIL, attacked. The Medell\u00edn Cartel denied it."
    hits = [(h.start, h.end, h.text, h.canonical) for h in alias_table().find_variants(text)]
    assert hits == [
        (12, 17, "Daesh", "Islamic State"),
        (31, 35, "ISIL", "Islamic State"),
        (51, 66, "Medell\u00edn Cartel", "Medellin Cartel"),
    ]


def test_scanner_prefers_longest_variant():
    hits = alias_table().find_variants("A branch, ISIS-K, and al-Qaeda in the Arabian Peninsula.")
    assert [(h.text, h.canonical) for h in hits] == [
        ("ISIS-K", "Islamic State Khorasan Province"),
        ("al-Qaeda in the Arabian Peninsula", "al-Qaeda in the Arabian Peninsula"),
    ]


@pytest.mark.parametrize("text", ["let it be", "Let it be.", "tell us", "what is it", "the eta"])
def test_acronyms_must_be_capitals(text):
    assert alias_table().find_variants(text) == []


def test_lower_case_words_count_only_in_lower_case_text():
    table = alias_table()
    assert table.find_variants("the shining path of glory") == []
    hits = table.find_variants("the shining path attacked", text_is_lower_case=True)
    assert [h.canonical for h in hits] == ["Shining Path"]


def test_ambiguous_variant_is_flagged():
    hits = alias_table().find_variants("IS and ISIS")
    assert [(h.text, h.ambiguous) for h in hits] == [("IS", True), ("ISIS", False)]
