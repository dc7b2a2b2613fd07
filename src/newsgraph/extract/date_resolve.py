"""Normalising a matched date expression to a TimeML (TIMEX3) value.

``resolve(text, rule, context)`` returns ``(value, granularity, type)``. Relative
expressions are resolved against ``context.anchor`` (the publication date);
without one their value is None. Choices, following the TimeML/TimeBank
annotation practice for news:

* A bare weekday ("Friday") is the latest such day on or before publication:
  news reports use the weekday name for the publication day itself (TimeBank:
  132 of 303 bare weekdays are the creation day, 157 earlier, 15 later). When
  the clause is in the future tense, or says "next"/"this coming", it is the
  next such day instead; "last Friday" is strictly before.
* A bare month ("November") is the latest one on or before the publication
  month (so the publication month itself), or the next one in a future clause.
* A month and day without a year take the publication year, unless that puts the
  date far after publication in a past clause (then the year before) or far
  before it in a future clause (then the year after).
* Vague past/present/future words ("recently", "now", "soon", "a few days
  earlier") get PAST_REF / PRESENT_REF / FUTURE_REF.
"""

from __future__ import annotations

import datetime as dt
import re

from newsgraph.extract.date_durations import (
    resolve_ago,
    resolve_duration,
    resolve_plural_units,
    resolve_relative_unit,
    resolve_set,
    resolve_vague,
)
from newsgraph.extract.date_holidays import holiday_date
from newsgraph.extract.date_lexicon import (
    parse_number,
)
from newsgraph.extract.date_periods import (
    resolve_century,
    resolve_decade,
    resolve_decade_word,
    resolve_half,
    resolve_period,
    resolve_quarter,
    resolve_season,
    resolve_year_ago,
    resolve_year_whole,
)
from newsgraph.extract.date_values import (
    Resolution,
    ResolveContext,
    day_value,
    explicit_year,
    month_in,
    month_value,
    part_in,
    weekday_in,
    words,
    year_for_day,
)


def resolve_weekday(anchor: dt.date, weekday: int, low: str, future: bool) -> dt.date:
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if re.search(r"\b(?:next|this coming|coming)\b", low):
        return anchor + dt.timedelta(days=ahead or 7)
    if re.search(r"\b(?:last|this past|past)\b", low):
        return anchor - dt.timedelta(days=back or 7)
    if future:
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def _year_for_month(anchor: dt.date, month: int, low: str, future: bool) -> int:
    if re.search(r"\b(?:next|this coming|coming)\b", low):
        return anchor.year if month > anchor.month else anchor.year + 1
    if re.search(r"\b(?:last|this past|past)\b", low):
        return anchor.year if month < anchor.month else anchor.year - 1
    if re.search(r"\bthis\b", low):
        return anchor.year
    if future:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def _with_part(day_value: str, part: str | None) -> Resolution:
    if part:
        return f"{day_value}T{part}", "time", "TIME"
    return day_value, "day", "DATE"


def _resolve_day_expression(text: str, ctx: ResolveContext) -> Resolution:
    """month_day / day_month: "Aug. 7", "Friday, Oct. 23", "22 March 2016"."""
    low = text.lower()
    month = month_in(low)
    day_match = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", re.sub(r"\b(1[6-9]\d\d|20\d\d)\b", "", low))
    if month is None or day_match is None:
        return None, "day", "DATE"
    day = int(day_match.group(1))
    year = explicit_year(low)
    if year is None:
        if ctx.anchor is None:
            return None, "day", "DATE"
        year = year_for_day(ctx.anchor, month, day, ctx.future)
    try:
        return day_value(dt.date(year, month, day)), "day", "DATE"
    except ValueError:
        return None, "day", "DATE"


def _resolve_numeric(text: str) -> Resolution:
    if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
        return text, "day", "DATE"
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d)?", text)
    if m:
        return f"{m.group(1)}T{m.group(2)}", "time", "TIME"
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", text)
    if not m:
        return None, "day", "DATE"
    month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if year < 100:
        year += 2000 if year < 50 else 1900
    if month > 12 >= day:  # written day-first (22/3/2016)
        month, day = day, month
    try:
        return day_value(dt.date(year, month, day)), "day", "DATE"
    except ValueError:
        return None, "day", "DATE"


def _resolve_time(text: str, ctx: ResolveContext) -> Resolution:
    low = text.lower()
    after_clock = low
    if "noon" in low or "midday" in low:
        clock = "12:00"
    elif "midnight" in low:
        clock = "24:00"
    else:
        m = re.search(r"\b(\d{1,2})(?::(\d\d))?\s*(a\.m\.|p\.m\.|am|pm)?", low)
        if not m:
            return None, "time", "TIME"
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if m.group(3) and m.group(3).startswith("p") and hour < 12:
            hour += 12
        if m.group(3) and m.group(3).startswith("a") and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{minute:02d}"
        after_clock = low[m.end():]
    if month_in(after_clock) is not None:
        # "6:00 p.m. on December 27th", "2:20 a.m. Jan. 23, 2016": the day is the one written.
        written, _granularity, _type = _resolve_day_expression(after_clock, ctx)
        return (f"{written}T{clock}" if written else None), "time", "TIME"
    if ctx.anchor is None:
        return None, "time", "TIME"
    day = ctx.anchor
    weekday = weekday_in(low)
    if weekday is not None:
        # A firm future only, as for a bare weekday ("shot by a gunman at 4 a.m. on Tuesday":
        # "by" is a weak cue and took the next Tuesday).
        day = resolve_weekday(ctx.anchor, weekday, low, ctx.firm_future)
    elif "yesterday" in low:
        day = ctx.anchor - dt.timedelta(days=1)
    elif "tomorrow" in low:
        day = ctx.anchor + dt.timedelta(days=1)
    return f"{day_value(day)}T{clock}", "time", "TIME"


def _resolve_weekday(text: str, ctx: ResolveContext) -> Resolution:
    low = text.lower()
    if ctx.anchor is None:
        return None, "day", "DATE"
    weekday = weekday_in(low)
    if weekday is None:
        return None, "day", "DATE"
    # Weekday names follow only a firm future: 95% of TimeBank's bare weekdays are on or before
    # publication, so weaker cues ("would", "until") cost more than they gain.
    day = resolve_weekday(ctx.anchor, weekday, low, ctx.firm_future)
    return _with_part(day_value(day), part_in(low))


def _resolve_deictic(text: str, ctx: ResolveContext) -> Resolution:
    low = words(text)
    part = part_in(low)
    if "tonight" in low:
        part = "NI"
    if ctx.anchor is None:
        return None, "time" if part else "day", "TIME" if part else "DATE"
    day = ctx.anchor
    if "yesterday" in low or "last night" in low:
        day = ctx.anchor - dt.timedelta(days=1)
    elif "tomorrow" in low:
        day = ctx.anchor + dt.timedelta(days=1)
    return _with_part(day_value(day), part)


def _resolve_month(text: str, ctx: ResolveContext) -> Resolution:
    low = text.lower()
    month = month_in(low)
    if month is None:
        return None, "month", "DATE"
    year = explicit_year(low)
    named_year = re.search(r"\b(this|last|next) year$", low)
    if year is None and named_year and ctx.anchor is not None:
        # "June last year", "April next year": the month in the year named.
        year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[named_year.group(1)]
    if year is None:
        if ctx.anchor is None:
            return None, "month", "DATE"
        year = _year_for_month(ctx.anchor, month, low, ctx.future)
    return month_value(year, month), "month", "DATE"


def _resolve_year(text: str, ctx: ResolveContext) -> Resolution:
    low = text.lower()
    if re.search(r"\btwo\s+thousand\b", low):
        rest = parse_number(re.sub(r"^.*?two\s+thousand(?:\s+and)?\s*", "", low)) if re.search(
            r"thousand(?:\s+and)?\s+\w", low) else 0.0
        return f"{2000 + int(rest or 0):04d}", "year", "DATE"
    year = explicit_year(low)
    if year is None:
        m = re.search(r"'(\d\d)\b", low)
        if not m:
            return None, "year", "DATE"
        two = int(m.group(1))
        year = (2000 if two < 50 else 1900) + two
    return f"{year:04d}", "year", "DATE"


def _resolve_holiday(text: str, ctx: ResolveContext) -> Resolution:
    if ctx.anchor is None:
        return None, "day", "DATE"
    low = text.lower()
    this_year = holiday_date(low, ctx.anchor.year)
    if this_year is None:
        return None, "day", "DATE"
    year = year_for_day(ctx.anchor, this_year.month, this_year.day, ctx.future)
    found = holiday_date(low, year)
    return (day_value(found) if found else None), "day", "DATE"


_RESOLVERS = {
    "period": resolve_period, "decade_word": resolve_decade_word,
    "year_whole": resolve_year_whole,
    "year_ago": resolve_year_ago,
    "month_day": _resolve_day_expression, "day_month": _resolve_day_expression,
    "month_year": _resolve_month, "month": _resolve_month, "time": _resolve_time,
    "weekday": _resolve_weekday, "deictic": _resolve_deictic, "ago": resolve_ago,
    "relative_unit": resolve_relative_unit, "edge_relative": resolve_relative_unit,
    "quarter": resolve_quarter, "quarter_year": resolve_quarter, "half": resolve_half,
    "season": resolve_season, "year": _resolve_year, "decade": resolve_decade,
    "century": resolve_century, "duration": resolve_duration, "plural_units": resolve_plural_units,
    "set": resolve_set, "vague": resolve_vague, "holiday": _resolve_holiday,
}


def resolve(text: str, rule: str, ctx: ResolveContext) -> Resolution:
    """The TimeML value, granularity and type of ``text`` matched by grammar rule ``rule``."""
    if rule in ("iso", "numeric"):
        return _resolve_numeric(text)
    if rule == "edge_relative":
        text = re.sub(r"^(?:early|late|mid|middle|earlier|later)\s+(?:in\s+)?", "", text, flags=re.I)
    return _RESOLVERS[rule](text, ctx)
