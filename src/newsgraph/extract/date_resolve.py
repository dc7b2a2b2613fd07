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
from dataclasses import dataclass

from newsgraph.extract.date_holidays import holiday_date
from newsgraph.extract.date_lexicon import (
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    SPOKEN_YEAR_PATTERN,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
    parse_number,
    spoken_year_value,
    unit_key,
)

Resolution = tuple[str | None, str | None, str]  # value, granularity, TimeML type

# A month-day without a year is moved to the neighbouring year only when the publication
# year would put it this many days on the "wrong" side of publication (past clause: after it;
# future clause: before it). 60 days leaves room for announcements of events a few weeks ahead.
WRONG_SIDE_DAYS = 60

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass
class ResolveContext:
    anchor: dt.date | None
    future: bool = False              # the clause around the expression points forward
    firm_future: bool = False         # ... and says so with "will"/"shall" on the governing verb
    reference_year: int | None = None  # the last year mentioned, for "that year"
    reference_quarter: tuple[int, int] | None = None  # last (year, quarter) mentioned
    reference_month: tuple[int, int] | None = None  # last (year, month) mentioned, for "the following month"
    reference_day: dt.date | None = None  # last full date mentioned, for "that day", "the same day"
    following: str = ""  # the text right after the expression ("ended Sept. 30")


def _day(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("-", " ")).strip()


def _weekday_in(low: str) -> int | None:
    for word in re.findall(r"[a-z]+\.?", low):
        if word in WEEKDAYS:
            return WEEKDAYS[word]
        if word.rstrip(".") in WEEKDAYS:
            return WEEKDAYS[word.rstrip(".")]
    return None


def _month_in(low: str) -> int | None:
    for word in re.findall(r"[a-z]+\.?", low):
        if word in MONTHS:
            return MONTHS[word]
        if word.rstrip(".") in MONTHS and len(word.rstrip(".")) > 3:
            return MONTHS[word.rstrip(".")]
    return None


def _part_in(low: str) -> str | None:
    for word, code in PARTS_OF_DAY.items():
        if re.search(rf"\b{word}s?\b", low):  # "Tuesday nights" too
            return code
    return None


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


def _year_for_day(anchor: dt.date, month: int, day: int, future: bool) -> int:
    try:
        same = dt.date(anchor.year, month, day)
    except ValueError:
        return anchor.year
    if not future and (same - anchor).days > WRONG_SIDE_DAYS:
        return anchor.year - 1
    if future and (anchor - same).days > WRONG_SIDE_DAYS:
        return anchor.year + 1
    return anchor.year


def _explicit_year(low: str) -> int | None:
    m = re.search(r"\b(1[6-9]\d\d|20\d\d)\b", low)
    if m:
        return int(m.group(1))
    spoken = re.search(SPOKEN_YEAR_PATTERN, low, re.IGNORECASE)
    return spoken_year_value(spoken.group(0)) if spoken else None


def _with_part(day_value: str, part: str | None) -> Resolution:
    if part:
        return f"{day_value}T{part}", "time", "TIME"
    return day_value, "day", "DATE"


def _resolve_day_expression(text: str, ctx: ResolveContext) -> Resolution:
    """month_day / day_month: "Aug. 7", "Friday, Oct. 23", "22 March 2016"."""
    low = text.lower()
    month = _month_in(low)
    day_match = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", re.sub(r"\b(1[6-9]\d\d|20\d\d)\b", "", low))
    if month is None or day_match is None:
        return None, "day", "DATE"
    day = int(day_match.group(1))
    year = _explicit_year(low)
    if year is None:
        if ctx.anchor is None:
            return None, "day", "DATE"
        year = _year_for_day(ctx.anchor, month, day, ctx.future)
    try:
        return _day(dt.date(year, month, day)), "day", "DATE"
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
        return _day(dt.date(year, month, day)), "day", "DATE"
    except ValueError:
        return None, "day", "DATE"


def _resolve_time(text: str, ctx: ResolveContext) -> Resolution:
    low = text.lower()
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
    if ctx.anchor is None:
        return None, "time", "TIME"
    day = ctx.anchor
    weekday = _weekday_in(low)
    if weekday is not None:
        day = resolve_weekday(ctx.anchor, weekday, low, ctx.future)
    elif "yesterday" in low:
        day = ctx.anchor - dt.timedelta(days=1)
    elif "tomorrow" in low:
        day = ctx.anchor + dt.timedelta(days=1)
    return f"{_day(day)}T{clock}", "time", "TIME"


def _resolve_weekday(text: str, ctx: ResolveContext) -> Resolution:
    low = text.lower()
    if ctx.anchor is None:
        return None, "day", "DATE"
    weekday = _weekday_in(low)
    if weekday is None:
        return None, "day", "DATE"
    # Weekday names follow only a firm future: 95% of TimeBank's bare weekdays are on or before
    # publication, so weaker cues ("would", "until") cost more than they gain.
    day = resolve_weekday(ctx.anchor, weekday, low, ctx.firm_future)
    return _with_part(_day(day), _part_in(low))


def _resolve_deictic(text: str, ctx: ResolveContext) -> Resolution:
    low = _words(text)
    part = _part_in(low)
    if "tonight" in low:
        part = "NI"
    if ctx.anchor is None:
        return None, "time" if part else "day", "TIME" if part else "DATE"
    day = ctx.anchor
    if "yesterday" in low or "last night" in low:
        day = ctx.anchor - dt.timedelta(days=1)
    elif "tomorrow" in low:
        day = ctx.anchor + dt.timedelta(days=1)
    return _with_part(_day(day), part)


def _resolve_month(text: str, ctx: ResolveContext) -> Resolution:
    low = text.lower()
    month = _month_in(low)
    if month is None:
        return None, "month", "DATE"
    year = _explicit_year(low)
    named_year = re.search(r"\b(this|last|next) year$", low)
    if year is None and named_year and ctx.anchor is not None:
        # "June last year", "April next year": the month in the year named.
        year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[named_year.group(1)]
    if year is None:
        if ctx.anchor is None:
            return None, "month", "DATE"
        year = _year_for_month(ctx.anchor, month, low, ctx.future)
    return _month_value(year, month), "month", "DATE"


def _resolve_year(text: str, ctx: ResolveContext) -> Resolution:
    low = text.lower()
    if re.search(r"\btwo\s+thousand\b", low):
        rest = parse_number(re.sub(r"^.*?two\s+thousand(?:\s+and)?\s*", "", low)) if re.search(
            r"thousand(?:\s+and)?\s+\w", low) else 0.0
        return f"{2000 + int(rest or 0):04d}", "year", "DATE"
    year = _explicit_year(low)
    if year is None:
        m = re.search(r"'(\d\d)\b", low)
        if not m:
            return None, "year", "DATE"
        two = int(m.group(1))
        year = (2000 if two < 50 else 1900) + two
    return f"{year:04d}", "year", "DATE"


def _resolve_decade(text: str, ctx: ResolveContext) -> Resolution:
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


def _resolve_decade_word(text: str, ctx: ResolveContext) -> Resolution:
    word = re.search(r"[a-z]+ies$", text.lower())
    if word is None or word.group(0) not in _DECADE_WORDS:
        return None, "decade", "DATE"
    return f"19{_DECADE_WORDS[word.group(0)]}", "decade", "DATE"


def _resolve_century(text: str, ctx: ResolveContext) -> Resolution:
    low = _words(text)
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


def _resolve_season(text: str, ctx: ResolveContext) -> Resolution:
    low = text.lower()
    code = next((c for w, c in SEASONS.items() if re.search(rf"\b{w}\b", low)), None)
    if code is None:
        return None, "season", "DATE"
    year = _explicit_year(low)
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


def _resolve_quarter(text: str, ctx: ResolveContext) -> Resolution:
    low = _words(text)
    number = _quarter_number(low)
    year = _explicit_year(low)
    if ctx.anchor is None and year is None:
        return None, "quarter", "DATE"
    if year is None:
        assert ctx.anchor is not None
        current = _quarter_of(ctx.anchor)
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
                year, number = _add_quarter(ctx.anchor.year, current, -1)
            if re.search(r"\b(?:year ago|year earlier|same)\b", low):
                year -= 1
            elif re.search(r"\b(?:next|coming)\b", low):
                year, number = _add_quarter(ctx.anchor.year, current, 1)
    if number is None and ctx.anchor is not None:
        # "the 1988 quarter": that year's instance of the quarter the story is about.
        number = ctx.reference_quarter[1] if ctx.reference_quarter else \
            _add_quarter(ctx.anchor.year, _quarter_of(ctx.anchor), -1)[1]
    if number is None:
        return None, "quarter", "DATE"
    return f"{year:04d}-Q{number}", "quarter", "DATE"


def _add_quarter(year: int, quarter: int, delta: int) -> tuple[int, int]:
    index = year * 4 + quarter - 1 + delta
    return index // 4, index % 4 + 1


def _year_before_latest_quarter(anchor: dt.date) -> str:
    year, quarter = _add_quarter(anchor.year, _quarter_of(anchor), -1)
    return f"{year - 1:04d}-Q{quarter}"


def _resolve_half(text: str, ctx: ResolveContext) -> Resolution:
    low = text.lower()
    half = 1 if "first" in low else 2
    year = _explicit_year(low)
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


def _duration_value(number: float | None, unit: str) -> str:
    letter, is_time, scale = UNITS[unit]
    if letter == "WE":
        letter, scale = "D", 2
    if number is None:
        amount = "X"
    else:
        total = number * scale
        if total != int(total):
            # Fractions of a unit go to the next smaller one, after the whole units, as TimeBank
            # writes them: "half a year" -> P6M, "2 1/2 years" -> P2Y6M, "a minute and a half" -> PT1M30S.
            smaller = {"Y": ("M", 12, False), "M": ("W", 4, False), "D": ("H", 24, True),
                       "H": ("M", 60, True), "W": ("D", 7, False), "TM": ("S", 60, True)}
            key = "TM" if (is_time and letter == "M") else letter
            if key in smaller:
                small_letter, factor, small_is_time = smaller[key]
                whole = int(total)
                part = f"{int(round((total - whole) * factor))}{small_letter}"
                head = f"{whole}{letter}" if whole else ""
                if is_time:
                    return f"PT{head}{part}"
                return f"P{head}T{part}" if small_is_time else f"P{head}{part}"
        amount = str(int(round(total)))
    if letter == "Q":
        return f"P{amount}Q"
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


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


def _resolve_duration(text: str, ctx: ResolveContext) -> Resolution:
    low = _words(text)
    number, unit, _vague = _number_and_unit(low)
    if unit is None:
        return None, "duration", "DURATION"
    return _duration_value(number, unit), "duration", "DURATION"


def _resolve_plural_units(text: str, ctx: ResolveContext) -> Resolution:
    low = _words(text)
    unit = unit_key(re.search(r"(years|months|weeks|decades|centuries|days|hours|minutes)", low).group(1))
    assert unit is not None
    return _duration_value(None, unit), "duration", "DURATION"


def _shift(anchor: dt.date, number: float, unit: str, sign: int) -> Resolution:
    n = int(round(number))
    if unit in ("day", "night"):
        return _day(anchor + dt.timedelta(days=sign * n)), "day", "DATE"
    if unit in ("week", "fortnight"):
        weeks = sign * n * (2 if unit == "fortnight" else 1)
        return _week(anchor + dt.timedelta(weeks=weeks)), "week", "DATE"
    if unit == "month":
        year, month = _add_months(anchor.year, anchor.month, sign * n)
        return _month_value(year, month), "month", "DATE"
    if unit == "quarter":
        year, quarter = _add_quarter(anchor.year, _quarter_of(anchor), sign * n)
        return f"{year:04d}-Q{quarter}", "quarter", "DATE"
    if unit == "year":
        return f"{anchor.year + sign * n:04d}", "year", "DATE"
    if unit == "decade":
        return f"{anchor.year + sign * 10 * n:04d}", "year", "DATE"
    if unit == "century":
        return f"{(anchor.year + sign * 100 * n) // 100:02d}", "century", "DATE"
    return _day(anchor), "day", "DATE"  # hours and minutes: the day is all we know


def _resolve_ago(text: str, ctx: ResolveContext) -> Resolution:
    low = _words(text)
    sign = 1 if re.search(r"\b(?:later|after|from now|hence)\b", low) else -1
    number, unit, vague = _number_and_unit(low)
    if unit in _GAP_UNITS and re.search(r"\b(?:later|earlier)$", low):
        return _duration_value(None if vague else number, unit), "duration", "DURATION"
    if vague or unit is None or number is None:
        return ("FUTURE_REF" if sign > 0 else "PAST_REF"), "ref", "DATE"
    if unit == "year" and number == 1 and ctx.reference_quarter and ctx.anchor and sign < 0:
        # "a year ago" beside quarterly figures: the latest finished quarter, a year before.
        return _year_before_latest_quarter(ctx.anchor), "quarter", "DATE"
    if ctx.anchor is None:
        return None, None, "DATE"
    return _shift(ctx.anchor, number, unit, sign)


def _resolve_relative_unit(text: str, ctx: ResolveContext) -> Resolution:
    low = _words(text)
    unit_match = re.search(r"(second|minute|hour|day|week|month|quarter|year|decade|century|weekend)$", low)
    if unit_match is None:
        return None, None, "DATE"
    unit = unit_match.group(1)
    if unit == "quarter":
        return _resolve_quarter(text, ctx)
    # "the past week", "the next month": a stretch of time, not a calendar unit.
    if re.match(r"(?:the )?(?:past|next|coming|following|previous|last|latest|preceding) ", low) and \
            low.startswith("the ") and unit not in ("weekend",) and "that" not in low:
        if not re.match(r"the (?:following|previous|preceding) ", low):
            return _duration_value(1, unit), "duration", "DURATION"
    if unit in ("second", "minute", "hour"):
        return _duration_value(1, unit), "duration", "DURATION"
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
        year, month = _add_months(base.year, base.month, step)
        return _month_value(year, month), "month", "DATE"
    if unit == "week":
        return _week(base + dt.timedelta(weeks=step)), "week", "DATE"
    if unit == "weekend":
        saturday = base - dt.timedelta(days=(base.weekday() - 5) % 7)
        if step > 0 or (ctx.future and step == 0):
            saturday += dt.timedelta(days=7)
        elif step < 0 and base.weekday() >= 5:
            saturday -= dt.timedelta(days=7)
        return f"{_week(saturday)}-WE", "week", "DATE"
    if unit == "day":
        return _day(base + dt.timedelta(days=step)), "day", "DATE"
    if unit == "decade":
        return f"{(base.year // 10 + step):03d}", "decade", "DATE"
    if unit == "century":
        return f"{(base.year // 100 + step):02d}", "century", "DATE"
    return None, unit, "DATE"


def _resolve_set(text: str, ctx: ResolveContext) -> Resolution:
    low = _words(text)
    weekday = _weekday_in(low)
    part = _part_in(low)
    if weekday is not None and part is None and re.fullmatch(r"[a-z.]+", low):
        part = _part_in(ctx.following[:40].lower())  # "Monday" in "Monday and Tuesday nights"
    if weekday is not None:
        value = f"XXXX-WXX-{weekday + 1}" + (f"T{part}" if part else "")
        return value, "set", "SET"
    month = _month_in(low)
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
    return _duration_value(step, unit.group(1)), "set", "SET"


_PRESENT = ("now", "currently", "current", "nowadays", "at present", "the present", "these days",
            "the moment", "the time being")
_FUTURE = ("future", "soon", "coming", "next", "later", "term")  # "the near term", "the short term"


def _resolve_vague(text: str, ctx: ResolveContext) -> Resolution:
    low = _words(text)
    recent = re.fullmatch(r"recent (years|months|weeks|days)", low)
    if recent:
        # "in recent years" is a stretch of unknown length ending now (TimeBank: PXY, DURATION).
        return _duration_value(None, unit_key(recent.group(1)) or "year"), "duration", "DURATION"
    if low in _PRESENT:
        return "PRESENT_REF", "ref", "DATE"
    if any(re.search(rf"\b{w}\b", low) for w in _FUTURE):
        return "FUTURE_REF", "ref", "DATE"
    return "PAST_REF", "ref", "DATE"


def _resolve_holiday(text: str, ctx: ResolveContext) -> Resolution:
    if ctx.anchor is None:
        return None, "day", "DATE"
    low = text.lower()
    this_year = holiday_date(low, ctx.anchor.year)
    if this_year is None:
        return None, "day", "DATE"
    year = _year_for_day(ctx.anchor, this_year.month, this_year.day, ctx.future)
    found = holiday_date(low, year)
    return (_day(found) if found else None), "day", "DATE"


def _resolve_year_ago(text: str, ctx: ResolveContext) -> Resolution:
    """ "year-earlier", "the year-ago quarter": the same period one year before."""
    if ctx.reference_quarter and ctx.anchor:
        return _year_before_latest_quarter(ctx.anchor), "quarter", "DATE"
    if ctx.anchor is None:
        return None, "year", "DATE"
    return f"{ctx.anchor.year - 1:04d}", "year", "DATE"


def _resolve_year_whole(text: str, ctx: ResolveContext) -> Resolution:
    if ctx.anchor is None:
        return None, "year", "DATE"
    return f"{ctx.anchor.year:04d}", "year", "DATE"


def _resolve_period(text: str, ctx: ResolveContext) -> Resolution:
    """ "the latest period", "the 1988 period": read as the quarter that results story is about."""
    return _resolve_quarter(re.sub(r"period$", "quarter", text.strip(), flags=re.IGNORECASE), ctx)


_RESOLVERS = {
    "period": _resolve_period, "decade_word": _resolve_decade_word,
    "year_whole": _resolve_year_whole,
    "year_ago": _resolve_year_ago,
    "month_day": _resolve_day_expression, "day_month": _resolve_day_expression,
    "month_year": _resolve_month, "month": _resolve_month, "time": _resolve_time,
    "weekday": _resolve_weekday, "deictic": _resolve_deictic, "ago": _resolve_ago,
    "relative_unit": _resolve_relative_unit, "edge_relative": _resolve_relative_unit,
    "quarter": _resolve_quarter, "quarter_year": _resolve_quarter, "half": _resolve_half,
    "season": _resolve_season, "year": _resolve_year, "decade": _resolve_decade,
    "century": _resolve_century, "duration": _resolve_duration, "plural_units": _resolve_plural_units,
    "set": _resolve_set, "vague": _resolve_vague, "holiday": _resolve_holiday,
}


def resolve(text: str, rule: str, ctx: ResolveContext) -> Resolution:
    """The TimeML value, granularity and type of ``text`` matched by grammar rule ``rule``."""
    if rule in ("iso", "numeric"):
        return _resolve_numeric(text)
    if rule == "edge_relative":
        text = re.sub(r"^(?:early|late|mid|middle|earlier|later)\s+(?:in\s+)?", "", text, flags=re.I)
    return _RESOLVERS[rule](text, ctx)
