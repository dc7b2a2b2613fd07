"""Resolving calendar periods: decades, centuries, seasons, quarters and halves.

Quarters follow the practice of company results stories: "the quarter" is the latest
finished one unless the text has named another this year.
"""

from __future__ import annotations

import datetime as dt
import re

from newsgraph.extract.date_lexicon import (
    ORDINALS,
    SEASONS,
)
from newsgraph.extract.date_values import (
    Resolution,
    ResolveContext,
    add_quarter,
    explicit_year,
    quarter_of,
    words,
)


def resolve_decade(text: str, ctx: ResolveContext) -> Resolution:
    low = text.lower()
    m = re.search(r"(1[5-9]\d|20\d)0'?s", low)
    if m:
        return m.group(1), "decade", "DATE"
    m = re.search(r"'?([2-9])0'?s", low)
    if m:
        return f"19{m.group(1)}", "decade", "DATE"
    return None, "decade", "DATE"


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def resolve_decade_word(text: str, ctx: ResolveContext) -> Resolution:
    word = re.search(r"[a-z]+ies$", text.lower())
    if word is None or word.group(0) not in _DECADE_WORDS:
        return None, "decade", "DATE"
    return f"19{_DECADE_WORDS[word.group(0)]}", "decade", "DATE"


def resolve_century(text: str, ctx: ResolveContext) -> Resolution:
    low = words(text)
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)\b", low)
    number: int | None = int(m.group(1)) if m else None
    if number is None:
        for word, value in (("twenty first", 21), ("twentieth", 20), ("nineteenth", 19)):
            if word in low:
                number = value
        for word, value in ORDINALS.items():
            if number is None and re.search(rf"\b{word}\b", low):
                number = value
    if number is None:
        if ctx.anchor is None:
            return None, "century", "DATE"
        return f"{ctx.anchor.year // 100:02d}", "century", "DATE"
    return f"{number - 1:02d}", "century", "DATE"


SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def resolve_season(text: str, ctx: ResolveContext) -> Resolution:
    low = text.lower()
    code = next((c for w, c in SEASONS.items() if re.search(rf"\b{w}\b", low)), None)
    if code is None:
        return None, "season", "DATE"
    year = explicit_year(low)
    if year is None:
        if ctx.anchor is None:
            return None, "season", "DATE"
        a = ctx.anchor
        current_year = a.year - 1 if (code == "WI" and a.month < 3) else a.year
        start = dt.date(current_year, SEASON_START[code], 1)
        if re.search(r"\b(?:next|coming)\b", low) or (ctx.future and start <= a and "this" not in low):
            year = current_year if start > a else current_year + 1
        elif re.search(r"\b(?:last|past)\b", low):
            end_month = SEASON_START[code] + 3
            ended = dt.date(current_year + (end_month > 12), (end_month - 1) % 12 + 1, 1) <= a
            year = current_year if ended else current_year - 1
        elif "this" in low or ctx.future:
            year = current_year
        else:
            year = current_year if start <= a else current_year - 1
    return f"{year:04d}-{code}", "season", "DATE"


def _quarter_number(low: str) -> int | None:
    for word, value in ORDINALS.items():
        if re.search(rf"\b{word}\b", low) and value <= 4:
            return value
    for month, quarter in (("march", 1), ("june", 2), ("september", 3), ("december", 4)):
        if month in low:
            return quarter
    return None


def resolve_quarter(text: str, ctx: ResolveContext) -> Resolution:
    low = words(text)
    number = _quarter_number(low)
    year = explicit_year(low)
    if ctx.anchor is None and year is None:
        return None, "quarter", "DATE"
    if year is None:
        assert ctx.anchor is not None
        current = quarter_of(ctx.anchor)
        if "last year" in low:
            year = ctx.anchor.year - 1
        elif "next year" in low:
            year = ctx.anchor.year + 1
        elif "this year" in low or number is None:
            year = ctx.anchor.year
        else:
            year = ctx.anchor.year if (number <= current or ctx.future) else ctx.anchor.year - 1
        if number is None:
            if re.search(r"\b(?:current|this)\b", low):
                number = current
            elif (ctx.reference_quarter and ctx.reference_quarter[0] == ctx.anchor.year
                  and not re.search(r"\b(?:next|coming|latest|last|past)\b", low)):
                # "the quarter", "that quarter": the one this year's story is about.
                year, number = ctx.reference_quarter
            else:
                # "the quarter" in a results story is the latest finished one.
                year, number = add_quarter(ctx.anchor.year, current, -1)
            if re.search(r"\b(?:year ago|year earlier|same)\b", low):
                year -= 1
            elif re.search(r"\b(?:next|coming)\b", low):
                year, number = add_quarter(ctx.anchor.year, current, 1)
    if number is None and ctx.anchor is not None:
        # "the 1988 quarter": that year's instance of the quarter the story is about.
        number = ctx.reference_quarter[1] if ctx.reference_quarter else \
            add_quarter(ctx.anchor.year, quarter_of(ctx.anchor), -1)[1]
    if number is None:
        return None, "quarter", "DATE"
    return f"{year:04d}-Q{number}", "quarter", "DATE"


def year_before_latest_quarter(anchor: dt.date) -> str:
    year, quarter = add_quarter(anchor.year, quarter_of(anchor), -1)
    return f"{year - 1:04d}-Q{quarter}"


def resolve_half(text: str, ctx: ResolveContext) -> Resolution:
    low = text.lower()
    half = 1 if "first" in low else 2
    year = explicit_year(low)
    if year is None:
        if ctx.anchor is None:
            return None, "half", "DATE"
        year = ctx.anchor.year
        if "last year" in low:
            year -= 1
        elif "next year" in low:
            year += 1
        elif half == 2 and ctx.anchor.month <= 6 and not ctx.future and "this year" not in low:
            year -= 1
    return f"{year:04d}-H{half}", "half", "DATE"


def resolve_period(text: str, ctx: ResolveContext) -> Resolution:
    """ "the latest period", "the 1988 period": read as the quarter that results story is about."""
    return resolve_quarter(re.sub(r"period$", "quarter", text.strip(), flags=re.IGNORECASE), ctx)


def resolve_year_ago(text: str, ctx: ResolveContext) -> Resolution:
    """ "year-earlier", "the year-ago quarter": the same period one year before."""
    if ctx.reference_quarter and ctx.anchor:
        return year_before_latest_quarter(ctx.anchor), "quarter", "DATE"
    if ctx.anchor is None:
        return None, "year", "DATE"
    return f"{ctx.anchor.year - 1:04d}", "year", "DATE"


def resolve_year_whole(text: str, ctx: ResolveContext) -> Resolution:
    if ctx.anchor is None:
        return None, "year", "DATE"
    return f"{ctx.anchor.year:04d}", "year", "DATE"
