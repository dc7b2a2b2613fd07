"""Resolving durations, counted shifts ("three days ago"), relative units ("next week"),
sets ("every Monday") and vague references ("recently", "soon")."""

from __future__ import annotations

import datetime as dt
import re

from newsgraph.extract.date_lexicon import (
    VAGUE_NUMBERS,
    parse_number,
    unit_key,
)
from newsgraph.extract.date_periods import resolve_quarter, year_before_latest_quarter
from newsgraph.extract.date_values import (
    Resolution,
    ResolveContext,
    add_months,
    add_quarter,
    day_value,
    duration_value,
    month_in,
    month_value,
    part_in,
    quarter_of,
    week_value,
    weekday_in,
    words,
)

_UNIT_MODIFIERS = frozenset({"more", "additional", "trading", "business", "straight", "consecutive", "full"})


# Units short enough that "N units later/earlier" measures the gap between two events of the story
# rather than dating one against publication: TimeBank tags "three days later", "a day earlier",
# "just over an hour later" as DURATIONs (all such phrases in TBAQ-cleaned), "a year earlier" as a date.
_GAP_UNITS = frozenset({"second", "minute", "hour", "day", "night", "week"})


def _number_and_unit(low: str) -> tuple[float | None, str | None, bool]:
    """(number, unit key, vague) for the number-unit core of a duration or "ago" phrase."""
    fraction = re.search(r"(\d+)\s+1/2[ -]+(\w+)", low)
    if fraction and unit_key(fraction.group(2)):
        return int(fraction.group(1)) + 0.5, unit_key(fraction.group(2)), False  # "5 1/2 hours"
    m = re.search(r"([\w,.]+(?:[ -][\w,.]+){0,3}?)[ -]+(seconds?|minutes?|hours?|days?|nights?|weeks?|"
                  r"fortnights?|months?|quarters?|years?|decades?|century|centuries|weekends?)\b", low)
    if not m:
        return None, None, True
    unit = unit_key(m.group(2))
    # "20 more years", "an additional year", "eight trading days": the modifier is not the number.
    words = [w for w in m.group(1).split() if w not in _UNIT_MODIFIERS]
    number = None
    for size in range(min(3, len(words)), 0, -1):
        phrase = " ".join(words[-size:])
        number = parse_number(phrase)
        if number is not None:
            break
        if phrase in VAGUE_NUMBERS:
            return None, unit, True
    if number is None:
        return None, unit, True
    if "and a half" in low or re.search(r"\d\s+1/2\b", low):
        number += 0.5
    return number, unit, False


def resolve_duration(text: str, ctx: ResolveContext) -> Resolution:
    low = words(text)
    number, unit, _vague = _number_and_unit(low)
    if unit is None:
        return None, "duration", "DURATION"
    return duration_value(number, unit), "duration", "DURATION"


def resolve_plural_units(text: str, ctx: ResolveContext) -> Resolution:
    low = words(text)
    unit = unit_key(re.search(r"(years|months|weeks|decades|centuries|days|hours|minutes)", low).group(1))
    assert unit is not None
    return duration_value(None, unit), "duration", "DURATION"


def _shift(anchor: dt.date, number: float, unit: str, sign: int) -> Resolution:
    n = int(round(number))
    if unit in ("day", "night"):
        return day_value(anchor + dt.timedelta(days=sign * n)), "day", "DATE"
    if unit in ("week", "fortnight"):
        weeks = sign * n * (2 if unit == "fortnight" else 1)
        return week_value(anchor + dt.timedelta(weeks=weeks)), "week", "DATE"
    if unit == "month":
        year, month = add_months(anchor.year, anchor.month, sign * n)
        return month_value(year, month), "month", "DATE"
    if unit == "quarter":
        year, quarter = add_quarter(anchor.year, quarter_of(anchor), sign * n)
        return f"{year:04d}-Q{quarter}", "quarter", "DATE"
    if unit == "year":
        return f"{anchor.year + sign * n:04d}", "year", "DATE"
    if unit == "decade":
        return f"{anchor.year + sign * 10 * n:04d}", "year", "DATE"
    if unit == "century":
        return f"{(anchor.year + sign * 100 * n) // 100:02d}", "century", "DATE"
    return day_value(anchor), "day", "DATE"  # hours and minutes: the day is all we know


def resolve_ago(text: str, ctx: ResolveContext) -> Resolution:
    low = words(text)
    sign = 1 if re.search(r"\b(?:later|after|from now|hence)\b", low) else -1
    number, unit, vague = _number_and_unit(low)
    if unit in _GAP_UNITS and re.search(r"\b(?:later|earlier)$", low):
        return duration_value(None if vague else number, unit), "duration", "DURATION"
    if vague or unit is None or number is None:
        return ("FUTURE_REF" if sign > 0 else "PAST_REF"), "ref", "DATE"
    if unit == "year" and number == 1 and ctx.reference_quarter and ctx.anchor and sign < 0:
        # "a year ago" beside quarterly figures: the latest finished quarter, a year before.
        return year_before_latest_quarter(ctx.anchor), "quarter", "DATE"
    if ctx.anchor is None:
        return None, None, "DATE"
    return _shift(ctx.anchor, number, unit, sign)


def resolve_relative_unit(text: str, ctx: ResolveContext) -> Resolution:
    low = words(text)
    unit_match = re.search(r"(second|minute|hour|day|week|month|quarter|year|decade|century|weekend)$", low)
    if unit_match is None:
        return None, None, "DATE"
    unit = unit_match.group(1)
    if unit == "quarter":
        return resolve_quarter(text, ctx)
    # "the past week", "the next month": a stretch of time, not a calendar unit.
    if re.match(r"(?:the )?(?:past|next|coming|following|previous|last|latest|preceding) ", low) and \
            low.startswith("the ") and unit not in ("weekend",) and "that" not in low:
        if not re.match(r"the (?:following|previous|preceding) ", low):
            return duration_value(1, unit), "duration", "DURATION"
    if unit in ("second", "minute", "hour"):
        return duration_value(1, unit), "duration", "DURATION"
    if unit == "year" and re.fullmatch(r"the (?:fiscal )?year", low) and \
            re.match(r"\s+(?:ended|ending)\b", ctx.following):
        return "P1Y", "duration", "DURATION"  # "the year ended March 31": a twelve-month period
    step = 0
    if re.search(r"\b(?:last|past|previous|prior|preceding)\b", low):
        step = -1
    elif re.search(r"\b(?:next|coming|following)\b", low):
        step = 1
    base = ctx.anchor
    if re.search(r"\b(?:that|same|following|previous|prior|preceding)\b", low):
        # Anaphoric: counted from the last date of that granularity the text mentioned.
        if unit in ("year", "decade", "century") and ctx.reference_year:
            base = dt.date(ctx.reference_year, 7, 1)
        elif unit == "month" and ctx.reference_month:
            base = dt.date(ctx.reference_month[0], ctx.reference_month[1], 1)
        elif unit == "day" and ctx.reference_day:
            base = ctx.reference_day
    if base is None:
        return None, unit, "DATE"
    if unit == "year":
        return f"{base.year + step:04d}", "year", "DATE"
    if unit == "month":
        year, month = add_months(base.year, base.month, step)
        return month_value(year, month), "month", "DATE"
    if unit == "week":
        return week_value(base + dt.timedelta(weeks=step)), "week", "DATE"
    if unit == "weekend":
        saturday = base - dt.timedelta(days=(base.weekday() - 5) % 7)
        if step > 0 or (ctx.future and step == 0):
            saturday += dt.timedelta(days=7)
        elif step < 0 and base.weekday() >= 5:
            saturday -= dt.timedelta(days=7)
        return f"{week_value(saturday)}-WE", "week", "DATE"
    if unit == "day":
        return day_value(base + dt.timedelta(days=step)), "day", "DATE"
    if unit == "decade":
        return f"{(base.year // 10 + step):03d}", "decade", "DATE"
    if unit == "century":
        return f"{(base.year // 100 + step):02d}", "century", "DATE"
    return None, unit, "DATE"


def resolve_set(text: str, ctx: ResolveContext) -> Resolution:
    low = words(text)
    weekday = weekday_in(low)
    part = part_in(low)
    if weekday is not None and part is None and re.fullmatch(r"[a-z.]+", low):
        part = part_in(ctx.following[:40].lower())  # "Monday" in "Monday and Tuesday nights"
    if weekday is not None:
        value = f"XXXX-WXX-{weekday + 1}" + (f"T{part}" if part else "")
        return value, "set", "SET"
    month = month_in(low)
    if month is not None and re.match(r"(?:every|each) ", low):
        return f"XXXX-{month:02d}", "set", "SET"  # "each July"
    fixed = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y",
             "yearly": "P1Y", "nightly": "P1D", "hourly": "PT1H", "biweekly": "P2W"}
    if low in fixed:
        return fixed[low], "set", "SET"
    if re.search(r"weekends?$", low):
        return "XXXX-WXX-WE", "set", "SET"
    if part and not re.search(r"\b(?:day|week|month|year)\b", low):
        return f"XXXX-XX-XXT{part}", "set", "SET"
    unit = re.search(r"(second|minute|hour|day|week|month|quarter|year|decade|century)", low)
    if unit is None:
        return None, "set", "SET"
    step = 2 if "other" in low else 1
    return duration_value(step, unit.group(1)), "set", "SET"


_PRESENT = ("now", "currently", "current", "nowadays", "at present", "the present", "these days",
            "the moment", "the time being")


_FUTURE = ("future", "soon", "coming", "next", "later", "term")  # "the near term", "the short term"


def resolve_vague(text: str, ctx: ResolveContext) -> Resolution:
    low = words(text)
    recent = re.fullmatch(r"recent (years|months|weeks|days)", low)
    if recent:
        # "in recent years" is a stretch of unknown length ending now (TimeBank: PXY, DURATION).
        return duration_value(None, unit_key(recent.group(1)) or "year"), "duration", "DURATION"
    if low in _PRESENT:
        return "PRESENT_REF", "ref", "DATE"
    if any(re.search(rf"\b{w}\b", low) for w in _FUTURE):
        return "FUTURE_REF", "ref", "DATE"
    return "PAST_REF", "ref", "DATE"
