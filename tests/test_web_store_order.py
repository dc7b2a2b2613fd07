"""web/store.py: a document's incidents are listed in the order of their numbers, not as text."""

from __future__ import annotations

from newsgraph.kb import open_kb
from newsgraph.record import Document, Incident
from newsgraph.web.store import connect_readonly, numbered_order, report_incidents

NUMBERS = [3, 12, 1, 10, 2, 11, 4, 5, 6, 7, 8, 9]  # stored out of order, twelve of them


def test_a_documents_incidents_are_listed_by_their_number(tmp_path):
    record = Document(body="An invented bulletin listing twelve separate attacks across the region.",
                      published_basis="none",
                      incidents=[Incident(f"incident-{n}", "bombing") for n in NUMBERS])
    path = tmp_path / "kb.db"
    with open_kb(path) as kb:
        assert kb.add_batch([record]) == [True]
    conn = connect_readonly(str(path))
    try:
        listed = report_incidents(conn, record.id)
        assert report_incidents(conn, "no-such-document") == []
    finally:
        conn.close()
    # As text, "incident-10" came right after "incident-1".
    assert [row["report"] for row in listed] == [f"incident-{n}" for n in range(1, 13)]
    # Undated, each is its own incident in the knowledge base.
    assert len({row["incident"] for row in listed}) == 12


def test_numbered_order_reads_the_trailing_number_and_keeps_other_ids_apart():
    ids = ["incident-10", "i2", "incident-9", "incident", "i10", "incident-02", "incident-2", "report"]
    assert sorted(ids, key=numbered_order) == [
        "i2", "i10", "incident", "incident-02", "incident-2", "incident-9", "incident-10", "report"]
