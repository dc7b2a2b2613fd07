"""The publication date: metadata first, else a dateline, else dates the page shows.

Only full calendar dates count here (day, month and year); a page's date
must not be guessed from a bare year or weekday. ``published_basis`` on the
record says where the date came from.
"""

from __future__ import annotations

import re
from datetime import date

from newsgraph.record import Block

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1)
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
]
# Numeric dates: 28.04.2016, 4/28/2016. The order is read from the values when one
# of them exceeds 12; otherwise dots mean day first (European usage) and slashes
# month first (US usage).
_NUMERIC = re.compile(r"(?<![\d.])(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[0-3]?\d)(?P=sep)"
                      r"(?P<year>(?:19|20)\d\d)(?!\d|\.\d)")
# A dateline opens the first paragraph: "ANKARA, March 22 (Reuters) -" or
# "LAGOS, Nigeria — 22 March 2016 —"; the year may be missing.
_PLACE = r"^[A-Z][A-Za-z .'-]{1,40}(?:,\s*[A-Z][A-Za-z .'-]{1,30})?\s*[,(—–-]\s*"
_MONTH_I = _MONTH.replace("(?P<month>", "(?P<month>(?i:") + ")"
_DATELINES = [
    re.compile(rf"{_PLACE}{_MONTH_I}\s+{_DAY}(?:,?\s+{_YEAR})?"),
    re.compile(rf"{_PLACE}{_DAY}\s+{_MONTH_I}(?:,?\s+{_YEAR})?"),
]
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
_DATELINE_ZONE = 300  # characters at the start of the body a dateline can sit in
TOP_BLOCKS = 8  # blocks at the top of a page searched for a printed date (bylines, headers)
PAST_LIMIT = date(1900, 1, 1)


def _to_iso(year: int, month: int, day: int) -> str | None:
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return value.isoformat() if value >= PAST_LIMIT else None


def _month_number(token: str) -> int:
    return int(token) if token.isdigit() else MONTHS[token.lower().rstrip(".")]


def full_dates(text: str) -> list[str]:
    """Every full calendar date written in ``text``, ISO formatted, in order of appearance."""
    if not _ANY_YEAR.search(text):  # most blocks have no year at all: skip the patterns
        return []
    found: list[tuple[int, str]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            iso = _to_iso(int(match["year"]), _month_number(match["month"]), int(match["day"]))
            if iso:
                found.append((match.start(), iso))
    for match in _NUMERIC.finditer(text):
        first, second = int(match["a"]), int(match["b"])
        day_first = first > 12 or (second <= 12 and match["sep"] == ".")
        day, month = (first, second) if day_first else (second, first)
        iso = _to_iso(int(match["year"]), month, day)
        if iso:
            found.append((match.start(), iso))
    return [iso for _, iso in sorted(found)]


def normalise_date(value: str | None) -> str | None:
    """A metadata date of any common shape to YYYY-MM-DD, or None."""
    if not value:
        return None
    value = value.strip()
    match = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    if match:
        return _to_iso(int(match[1]), int(match[2]), int(match[3]))
    dates = full_dates(value)
    return dates[0] if dates else None


def dateline_date(body: str, year_hint: int | None) -> str | None:
    zone = body[:_DATELINE_ZONE]
    match = next((m for m in (p.match(zone) for p in _DATELINES) if m), None)
    if not match:
        return None
    year = int(match["year"]) if match["year"] else year_hint
    if year is None:
        return None
    return _to_iso(year, _month_number(match["month"]), int(match["day"]))


def infer_published(body: str, blocks: list[Block], metadata: str | None,
                    crawl_date: str | None = None) -> tuple[str | None, str]:
    """(date, basis) for a page: metadata, dateline, caption, embed, text, or none."""
    from_metadata = normalise_date(metadata)
    if from_metadata:
        return from_metadata, "metadata"
    # The first full date on the page lends its year to a dateline that has none.
    first_date = next((iso for block in blocks for iso in full_dates(block.text)), crawl_date or "")
    year_hint = int(first_date[:4] or 0) or None
    from_dateline = dateline_date(body, year_hint)
    if from_dateline:
        return from_dateline, "dateline"
    # A byline or header line above the article ("By Jane Doe | March 22, 2016") is a dateline too.
    for block in _blocks_before_body(blocks)[-TOP_BLOCKS:]:
        if block.kind in ("other", "headline", "credit") and (dates := full_dates(block.text)):
            return dates[0], "dateline"
    for kind, basis in (("caption", "caption"), ("embed", "embed")):
        for block in blocks:
            if block.kind == kind and (dates := full_dates(block.text)):
                return dates[0], basis
    for block in blocks[:TOP_BLOCKS]:
        if dates := full_dates(block.text):
            return dates[0], "text"
    if dates := full_dates(body[:_DATELINE_ZONE * 2]):
        return dates[0], "text"
    return None, "none"


def _blocks_before_body(blocks: list[Block]) -> list[Block]:
    for index, block in enumerate(blocks):
        if block.kept:
            return blocks[:index + 3]  # a byline may also follow the first paragraph closely
    return blocks
