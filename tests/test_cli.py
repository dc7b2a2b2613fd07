"""The command line, run in-process with click's runner, compared on exact output."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newsgraph.cli import main

PAGE_A = """Skip to content
Home | World | Politics

Bomb kills 12 in Ankara market

By Jane Doe | March 22, 2016

A bomb exploded in a crowded market in Ankara on Tuesday, killing at least 12 people and wounding dozens more, officials said.

The blast happened shortly after noon, when the market was full of shoppers, police said in a statement.

Photo: AFP

Leave a reply
"""
PAGE_B = """Floods displace thousands in Lagos

Heavy rain flooded large parts of Lagos on Monday, forcing thousands of residents from their homes.

Emergency services said the water had started to recede by the evening in most districts of the city.
"""


def write_pages(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text(PAGE_A, encoding="utf-8")
    (tmp_path / "pages" / "b.txt").write_text(PAGE_B, encoding="utf-8")
    (tmp_path / "pages" / "empty.txt").write_text("", encoding="utf-8")
    return tmp_path / "pages"


def test_ingest_summary_exit_code_and_idempotence(tmp_path):
    pages = write_pages(tmp_path)
    db = str(tmp_path / "kb.db")
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(pages), "--db", db])
    assert first.exit_code == 3
    assert first.stdout == (
        "pages read: 3\nstored: 2\nalready present: 0\nfailed: 1\n"
        "stored with warnings: 1\n"  # b.txt has no publication date: relative dates stay unresolved
        f"  {pages / 'empty.txt'}: empty file\n")
    second = runner.invoke(main, ["ingest", str(pages / "a.txt"), str(pages / "b.txt"), "--db", db])
    assert second.exit_code == 0
    assert second.stdout == "pages read: 2\nstored: 0\nalready present: 2\nfailed: 0\n"


def test_search_json_lines(tmp_path):
    pages = write_pages(tmp_path)
    db = str(tmp_path / "kb.db")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(pages / "a.txt"), str(pages / "b.txt"), "--db", db])
    result = runner.invoke(main, ["search", "market", "--db", db, "--json"])
    assert result.exit_code == 0
    [line] = result.output.splitlines()
    hit = json.loads(line)
    assert hit["title"] == "Bomb kills 12 in Ankara market"
    assert hit["published"] == "2016-03-22"
    assert set(hit) == {"id", "title", "published", "snippet", "uri", "in"}
    assert "[market]" in hit["snippet"]
    plain = runner.invoke(main, ["search", "volcano", "--db", db])
    assert plain.output == "no matches\n"


def test_extract_prints_one_record_per_page_with_every_field(tmp_path):
    pages = write_pages(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(pages / "b.txt"), "--published", "2016-04-05"])
    assert result.exit_code == 0
    [line] = result.output.splitlines()
    record = json.loads(line)
    assert list(record) == ["schema", "id", "source", "title", "published", "published_basis",
                            "language", "site_name", "body", "blocks", "entities", "dates",
                            "quantities", "quotes", "sources", "incidents", "warnings"]
    assert record["schema"] == "newsgraph.document/1"
    assert (record["published"], record["published_basis"]) == ("2016-04-05", "metadata")
    assert record["title"] == "Floods displace thousands in Lagos"
    assert record["body"].startswith("Heavy rain flooded large parts of Lagos on Monday")


def test_extract_reads_stdin_and_reports_failures_on_stderr(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["extract", "-"], input=PAGE_B)
    assert result.exit_code == 0
    assert json.loads(result.output)["source"]["path"] == "<stdin>"
    missing = runner.invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 3
    assert missing.stderr == f"newsgraph: {tmp_path / 'nope.txt'}: no such file or directory\n"


def test_bad_published_date_is_a_usage_error(tmp_path):
    pages = write_pages(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(pages / "b.txt"), "--published", "soon"])
    assert result.exit_code == 2
    assert "expected a date like 2016-03-22, got 'soon'" in result.output
