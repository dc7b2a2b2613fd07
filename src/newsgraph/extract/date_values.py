"""The values and context that every date resolver shares.

A resolution is ``(value, granularity, TimeML type)``; ``ResolveContext`` carries the
anchor (the publication date) and what the text around an expression says about it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsgraph.extract.date_lexicon import (
    MONTHS,
    PARTS_OF_DAY,
    SPOKEN_YEAR_PATTERN,
    UNITS,
    WEEKDAYS,
    spoken_year_value,
)

Resolution = tuple[str | None, str | None, str]  # value, granularity, TimeML type


# A month-day without a year is moved to the neighbouring year only when the publication
# year would put it this many days on the "wrong" side of publication (past clause: after it;
# future clause: before it). 60 days leaves room for announcements of events a few weeks ahead.
WRONG_SIDE_DAYS = 60


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


def day_value(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_quarter(year: int, quarter: int, delta: int) -> tuple[int, int]:
    index = year * 4 + quarter - 1 + delta
    return index // 4, index % 4 + 1


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("-", " ")).strip()


def weekday_in(low: str) -> int | None:
    for word in re.findall(r"[a-z]+\.?", low):
        if word in WEEKDAYS:
            return WEEKDAYS[word]
        if word.rstrip(".") in WEEKDAYS:
            return WEEKDAYS[word.rstrip(".")]
    return None


def month_in(low: str) -> int | None:
    for word in re.findall(r"[a-z]+\.?", low):
        if word in MONTHS:
            return MONTHS[word]
        if word.rstrip(".") in MONTHS and len(word.rstrip(".")) > 3:
            return MONTHS[word.rstrip(".")]
    return None


def part_in(low: str) -> str | None:
    for word, code in PARTS_OF_DAY.items():
        if re.search(rf"\b{word}s?\b", low):  # "Tuesday nights" too
            return code
    return None


def explicit_year(low: str) -> int | None:
    m = re.search(r"\b(1[6-9]\d\d|20\d\d)\b", low)
    if m:
        return int(m.group(1))
    spoken = re.search(SPOKEN_YEAR_PATTERN, low, re.IGNORECASE)
    return spoken_year_value(spoken.group(0)) if spoken else None


def year_for_day(anchor: dt.date, month: int, day: int, future: bool) -> int:
    try:
        same = dt.date(anchor.year, month, day)
    except ValueError:
        return anchor.year
    if not future and (same - anchor).days > WRONG_SIDE_DAYS:
        return anchor.year - 1
    if future and (anchor - same).days > WRONG_SIDE_DAYS:
        return anchor.year + 1
    return anchor.year


def duration_value(number: float | None, unit: str) -> str:
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
