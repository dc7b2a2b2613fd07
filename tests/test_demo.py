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
