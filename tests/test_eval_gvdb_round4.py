"""GVDB eval, fourth round: apostrophes the dump lost to "?"."""

from __future__ import annotations

from newsgraph.eval import gvdb


def test_a_lost_apostrophe_is_restored():
    row = {"Article title": "Man shot on Brackford?s east side | KXYZ",
           "Full text": "Man shot on Brackford?s east side | KXYZThe victim?s brother said: Why? Someone knows."}
    text = gvdb.page_text(row)
    assert text.startswith("Man shot on Brackford\u2019s east side | KXYZ\n\nThe victim\u2019s brother")
    # A real question mark stays.
    assert "said: Why? Someone" in text
