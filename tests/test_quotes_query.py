"""`newsgraph quotes`: who said what across documents, by words, speaker and date."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.kb import open_kb
from newsgraph.kb.queries import quotes
from newsgraph.record import Document, Entity, Quote


def story(body: str, published: str, said: list[tuple[str, str, str | None]]) -> Document:
    doc = Document(body=body, title=f"Story of {published}", published=published, published_basis="metadata")
    at = body.index("Fatma Sahin")
    doc.entities = [Entity("eSahin", "Fatma Sahin", "PERSON", ["Sahin"], [[at, at + 11]])]
    for text, speaker, entity in said:
        start = body.index(text)
        doc.quotes.append(Quote(text=text, span=[start, start + len(text)], kind="direct", cue="said",
                                speaker=speaker, speaker_entity=entity))
    return doc


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "kb.db"
    with open_kb(path) as kb:
        kb.add_batch([
            story('"We will rebuild the market," Mayor Fatma Sahin said. "The market stays open," a police '
                  'official said.', "2016-04-16",
                  [("We will rebuild the market,", "Fatma Sahin", "eSahin"),
                   ("The market stays open,", "a police official", None)]),
            story('"Every stall will be rebuilt," Fatma Sahin said on Sunday.', "2016-04-17",
                  [("Every stall will be rebuilt,", "Fatma Sahin", "eSahin")]),
        ])
    return str(path)


def test_quotes_by_words_speaker_and_date(db):
    with open_kb(db) as kb:
        assert [q["text"] for q in quotes(kb.conn, "rebuild")] == ["We will rebuild the market,"]
        assert [q["text"] for q in quotes(kb.conn, speaker="Sahin")] == [
            "We will rebuild the market,", "Every stall will be rebuilt,"]
        assert [q["speaker"] for q in quotes(kb.conn, speaker="official")] == ["a police official"]
        assert [q["published"] for q in quotes(kb.conn, speaker="Sahin", since="2016-04-17")] == ["2016-04-17"]
        assert quotes(kb.conn, "nothing-like-this") == []


def test_quotes_command_prints_speaker_words_and_document(db):
    result = CliRunner().invoke(main, ["quotes", "market", "--db", db])
    assert result.exit_code == 0, result.output
    with open_kb(db) as kb:
        first_story = quotes(kb.conn, "rebuild")[0]["document"]
    assert result.output == (
        f"2016-04-16  Fatma Sahin: We will rebuild the market,  (direct, {first_story[:12]})\n"
        f"2016-04-16  a police official: The market stays open,  (direct, {first_story[:12]})\n")
    first = json.loads(CliRunner().invoke(main, ["quotes", "--speaker", "Fatma Sahin", "--json",
                                                 "--db", db]).output.splitlines()[0])
    assert {k: first[k] for k in ("text", "kind", "speaker", "published", "title")} == {
        "text": "We will rebuild the market,", "kind": "direct", "speaker": "Fatma Sahin",
        "published": "2016-04-16", "title": "Story of 2016-04-16"}
    assert first["entity"] is not None


def test_quotes_command_refuses_a_bad_date(db):
    result = CliRunner().invoke(main, ["quotes", "--since", "April 2016", "--db", db])
    assert result.exit_code == 2
