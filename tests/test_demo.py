"""The demo: the bundled corpus end to end through the real pipeline."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import SAMPLES
from newsgraph.cli import main


@pytest.mark.model
@pytest.mark.slow
def test_demo_reads_every_sample_page(tmp_path):
    result = CliRunner().invoke(main, ["demo", "--db", str(tmp_path / "demo.db")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"newsgraph demo: {SAMPLES}"
    assert lines[1:5] == ["  pages read: 48", "  stored: 48", "  already present: 0", "  failed: 0"]
    assert "documents by input kind: html 11, jsonl 5, text 24, warc 5, wet 3" in lines
    # every page has a publication date: from metadata, or read off the page itself
    dates = next(line for line in lines if line.startswith("publication date from: "))
    assert "none" not in dates


def test_source_chain_nests_each_source_under_the_one_that_relays_it():
    from newsgraph.demo import source_chain
    from newsgraph.record import Attribution, Document

    doc = Document(body="x")
    doc.sources = [Attribution("Harbour Courier", "outlet"), Attribution("Reuters", "agency", via=0),
                   Attribution("two officials", "official", anonymous=True, via=1),
                   Attribution("Ana Ruiz", "person", via=1), Attribution("Loop", "person", via=4)]
    assert source_chain(doc) == [
        "Harbour Courier (outlet)", "  <- Reuters (agency)", "    <- two officials (official, anonymous)",
        "    <- Ana Ruiz (person)", "Loop (person)"]


def test_source_chain_shows_a_relay_cycle_once():
    from newsgraph.demo import source_chain
    from newsgraph.record import Attribution, Document

    doc = Document(body="x")
    doc.sources = [Attribution("A", "person", via=1), Attribution("B", "person", via=0)]
    assert source_chain(doc) == ["A (person)", "  <- B (person)"]
