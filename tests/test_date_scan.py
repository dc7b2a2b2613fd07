"""The windowed rule scan finds exactly what a whole-text ``finditer`` finds."""

from __future__ import annotations

import random
import re

import pytest

from newsgraph.extract import date_grammar
from newsgraph.extract.date_grammar import _COMPILED, find_candidates
from newsgraph.extract.date_scan import TokenIndex, _windowed, rule_matches, trigger_positions

TRICKY = [
    "He arrived at 5pm on Mon.s and at 12:30 a.m. EST on Jan. 5, 2016; 10 A.M. Friday.",
    "The 1990's and '90s, fiscal '89 and fiscal year 1990, the late-1980s, 5,2016 and 1,999 units.",
    "Thirdquarter results and the fiscal-fourth quarter of 1989; fiscal 1989's third-quarter net.",
    "On 5 Mayday the 3rd of March 2001, mid-May, this past May, early in the month.",
    "\u017funday and \u212aelvin weeks; \u0130stanbul Friday; caf\u00e9 Monday.",
    "the better part of a couple of dozen or so years and a half ago, 1,000,000,000 years ago",
    "in the year-ago period, a year earlier, the same year-earlier quarter, two years from now",
    "since the early 1980s   \n\n   March   \n 5 and 2016-03-22T10:30 and 3/22/2016 or 22/3/16",
    "every other Monday morning; a year, per week; Mondays; daily; now, recently, in coming years",
    "Christmas Eve, New Year's Day, the turn of the century, the 21st century, this century",
    "the first half of fiscal 1989, last winter, the summer of 1999, this coming fall",
    "a 44-year-old, a two-year-long term, 5 p.m. yesterday, tomorrow morning, last night",
    "the latest period, the 1988 period, June last year, each July, Monday and Tuesday nights",
    "20 more years, an additional year, eight trading days, almost a hundred years, the nineties",
    "in the near term, the short term; at midday, middays and midnight; Midday Monday",
    "",
    "2016",
    "May",
]

_WORDS = [
    "the", "a", "of", "last", "next", "this", "past", "early", "late", "mid", "fiscal", "quarter",
    "third", "half", "first", "year", "years", "month", "day", "days", "week", "weekend", "ago",
    "earlier", "later", "now", "from", "hence", "May", "march", "Jan.", "Sept.", "Monday", "Mon.",
    "sat", "tonight", "morning", "night", "noon", "midnight", "5", "12", "30", "1990", "1990s",
    "'90s", "2016", "1,000", "3.5", "two", "twenty-one", "dozen", "couple", "several", "every",
    "per", "daily", "recent", "recently", "current", "future", "once", "spring", "fall",
    "Christmas", "new", "century", "a.m.", "pm", "EST", "and", "or", "so", "more", "than", "about",
    "-long", "percent", "%", "'s", "\u017fun", "\u212aelvin",
]
_SEPARATORS = [" ", " ", " ", "  ", "-", ", ", ". ", "\n\n", "/", ":", "'", ""]


def _scan_everywhere(text: str) -> list[tuple[str, int, int]]:
    return [(name, m.start(), m.end()) for name, pattern in _COMPILED for m in pattern.finditer(text)]


def _scan_windowed(text: str) -> list[tuple[str, int, int]]:
    index = TokenIndex.of(text)
    triggers = trigger_positions(index)
    return [(name, m.start(), m.end()) for name, pattern in _COMPILED
            for m in rule_matches(name, pattern, text, index, triggers)]


@pytest.mark.parametrize("text", TRICKY)
def test_windowed_scan_equals_whole_text_scan(text: str) -> None:
    assert _scan_windowed(text) == _scan_everywhere(text)


def test_windowed_scan_equals_whole_text_scan_on_generated_texts() -> None:
    rng = random.Random(20240611)
    for _ in range(150):
        pieces = []
        for _ in range(rng.randint(5, 120)):
            pieces.append(rng.choice(_WORDS))
            pieces.append(rng.choice(_SEPARATORS))
        text = "".join(pieces)
        assert _scan_windowed(text) == _scan_everywhere(text), text


def test_long_text_with_sparse_dates_finds_the_same_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    filler = "The council discussed the new budget plan with residents. " * 200
    text = filler + "On Friday, March 3, 2017, two years ago, it met. " + filler + "It ends in 1999."
    windowed = find_candidates(text)
    monkeypatch.setattr(date_grammar, "rule_matches",
                        lambda name, pattern, text, index, triggers: pattern.finditer(text))
    assert windowed == find_candidates(text)
    assert [c.text for c in windowed] == ["Friday, March 3, 2017", "two years ago", "1999"]


def test_a_match_running_past_its_window_asks_for_a_whole_text_scan() -> None:
    # The window ends at 2 but "abb" (found with endpos 3) ends at 3: the bound was wrong.
    assert _windowed(re.compile("ab+"), "abbbb", [(0, 2, 3)]) is None
    found = _windowed(re.compile("ab"), "ab ab ab", [(0, 2, 4), (6, 8, 8)])
    assert found is not None and [m.span() for m in found] == [(0, 2), (6, 8)]


def test_non_ascii_tokens_trigger_every_rule() -> None:
    index = TokenIndex.of("\u017funday")
    triggers = trigger_positions(index)
    assert triggers["weekday"] == [0] and triggers["year"] == [0]
    assert _scan_windowed("\u017funday") == _scan_everywhere("\u017funday")
