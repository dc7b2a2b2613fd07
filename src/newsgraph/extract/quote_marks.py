"""Quotation marks: pair them into quoted passages.

Works on the raw body text, paragraph by paragraph (any line break ends a
paragraph). Double marks of every style pair with each other (curly, straight,
low-9, guillemets, and two apostrophes ``''`` as some archives write a straight
double mark), so a page that opens with a curly mark and closes with a straight
one still pairs. Single marks are never treated as top-level quote
marks: they are nested quotes or apostrophes far more often than speech.

A passage left open at the end of a paragraph continues when the next
paragraph starts with an opening mark (the newspaper convention for a quote
running over several paragraphs); otherwise the mark is unbalanced and the
passage is taken to the end of its paragraph, with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENING_MARKS = "“„«"
CLOSING_MARKS = "”»"
NEUTRAL_MARKS = '"'
DOUBLE_MARKS = OPENING_MARKS + CLOSING_MARKS + NEUTRAL_MARKS
_PARAGRAPH = re.compile(r"[^\n]+")
# One double mark: a single character, or two apostrophes (newspaper archives such
# as the New York Times' write ''like this''). Of a run of three apostrophes the
# last two are the double mark (a nested single quote closing with its outer one).
_MARK = re.compile(r"''(?!')|[" + re.escape(DOUBLE_MARKS) + "]")


@dataclass
class QuotedPassage:
    """A quotation: one fragment per paragraph it runs over; fragments include the marks."""

    fragments: list[tuple[int, int]] = field(default_factory=list)
    balanced: bool = True

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


def _acts_as_opening(text: str, pos: int, is_open: bool) -> bool:
    """Whether the mark at ``pos`` opens a quotation, given whether one is open now."""
    mark = text[pos]
    if mark in OPENING_MARKS:
        return True
    if mark in CLOSING_MARKS:
        # A closing-style mark used as an opener (seen on some sites): only when
        # nothing is open and a word follows it directly.
        return not is_open and pos + 1 < len(text) and text[pos + 1].isalnum() and (
            pos == 0 or not text[pos - 1].isalnum())
    return not is_open


def _starts_with_mark(text: str, pos: int) -> bool:
    return _MARK.match(text, pos) is not None


def find_quoted_passages(text: str) -> tuple[list[QuotedPassage], list[str]]:
    """Pair the double quotation marks of ``text``; returns passages and warnings."""
    passages: list[QuotedPassage] = []
    warnings: list[str] = []
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    carried: QuotedPassage | None = None  # a passage continuing from the previous paragraph
    for index, (par_start, par_end) in enumerate(paragraphs):
        open_at: int | None = None
        current = carried
        carried = None
        if current is not None:
            first = _first_non_space(text, par_start, par_end)
            open_at = first  # the continuation's opening mark starts the new fragment
        for mark in _MARK.finditer(text, par_start, par_end):
            pos, mark_end = mark.start(), mark.end()
            if current is not None and open_at == pos:
                continue  # the continuation mark already taken as this fragment's opening
            if open_at is None:
                if _acts_as_opening(text, pos, False):
                    open_at = pos
                    current = QuotedPassage()
                else:
                    warnings.append(f"stray closing quotation mark at offset {pos}")
                continue
            if text[pos] in OPENING_MARKS and text[pos - 1].isspace():
                # A second opener while one is open: the earlier one was never closed.
                warnings.append(f"unbalanced quotation mark at offset {open_at}")
                open_at = pos
                current = QuotedPassage()
                continue
            assert current is not None
            current.fragments.append((open_at, mark_end))
            passages.append(current)
            open_at, current = None, None
        if open_at is None or current is None:
            continue
        end = _last_non_space(text, par_start, par_end)
        # a mark alone at the end of a paragraph ('He said: "') opens no words of its own
        has_words = bool(text[open_at:end].strip(DOUBLE_MARKS + "' \t"))
        next_par = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if next_par and _starts_with_mark(text, _first_non_space(text, *next_par)):
            if has_words:
                current.fragments.append((open_at, end))
            carried = current
        else:
            warnings.append(f"unbalanced quotation mark at offset {open_at}; "
                            "quotation taken to the end of its paragraph")
            if has_words:
                current.fragments.append((open_at, end))
                current.balanced = False
                passages.append(current)
    if carried is not None and carried.fragments:
        carried.balanced = False
        passages.append(carried)
    return passages, warnings


def _first_non_space(text: str, start: int, end: int) -> int:
    while start < end - 1 and text[start].isspace():
        start += 1
    return start


def _last_non_space(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end
