"""The pipeline: stages in order, a failing stage costs one record a warning, never the batch."""

from __future__ import annotations

from newsgraph.ingest.readers import Failure
from newsgraph.pipeline import Pipeline, Stage
from newsgraph.record import DateMention, Document


def test_stages_run_in_order_and_failures_become_warnings():
    seen: list[str] = []

    def first(doc: Document) -> None:
        seen.append(f"first:{doc.title}")
        doc.dates.append(DateMention("today", [0, 5], None))

    def flaky(doc: Document) -> None:
        doc.dates.append(DateMention("half", [0, 4], None))  # half-written, then it fails
        if doc.title == "bad":
            raise ValueError("cannot cope")

    pipeline = Pipeline(stages=[Stage("first", first, needs=(), sets=()),
                                Stage("flaky", flaky, needs=(), sets=("dates",))], batch_size=2)
    docs = [Document(body=f"Body {n}.", title=title) for n, title in enumerate(["a", "bad", "c"])]
    out = list(pipeline.annotate(docs))
    assert [d.title for d in out] == ["a", "bad", "c"]
    assert seen == ["first:a", "first:bad", "first:c"]
    assert out[1].warnings == ["flaky stage failed: ValueError: cannot cope"]
    assert out[1].dates == []  # what the failing stage set is dropped, not left half-written
    assert [m.text for m in out[0].dates] == ["today", "half"]
    assert set(pipeline.timings) == {"first", "flaky"}


def test_extract_keeps_input_order_with_failures_between_pages(tmp_path):
    (tmp_path / "1.txt").write_text("Floods in Lagos\n\nHeavy rain flooded large parts of Lagos on "
                                    "Monday, forcing thousands of residents from their homes.\n",
                                    encoding="utf-8")
    (tmp_path / "2.txt").write_text("", encoding="utf-8")
    (tmp_path / "3.txt").write_text("Storm in Accra\n\nA storm tore roofs off houses across Accra on "
                                    "Friday night, emergency services said in a statement.\n",
                                    encoding="utf-8")
    out = list(Pipeline(stages=[], batch_size=2).extract([str(tmp_path)]))
    assert [type(item).__name__ for item in out] == ["Document", "Failure", "Document"]
    assert out[0].title == "Floods in Lagos" and out[2].title == "Storm in Accra"
    assert isinstance(out[1], Failure) and out[1].reason == "empty file"


def test_records_round_trip_through_json():
    doc = Document(body="A bomb exploded.", title="Blast", published="2016-03-22",
                   published_basis="dateline")
    doc.dates.append(DateMention("Tuesday", [0, 7], "2016-03-22", "day"))
    again = Document.from_json(doc.to_json())
    assert again.to_dict() == doc.to_dict()
    assert again.id == doc.id
