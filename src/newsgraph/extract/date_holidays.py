"""Holidays by name: the date of Christmas, Thanksgiving, Easter ... in a given year."""

from __future__ import annotations

import datetime as dt


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lw) // 451
    month = (h + lw - 7 * m + 114) // 31
    day = (h + lw - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def holiday_date(low: str, year: int) -> dt.date | None:
    """The date of the holiday named in ``low`` (lowercased) in ``year``; None if none is named."""
    if "christmas eve" in low:
        return dt.date(year, 12, 24)
    if "christmas" in low:
        return dt.date(year, 12, 25)
    if "new year's eve" in low:
        return dt.date(year, 12, 31)
    if "new year" in low:
        return dt.date(year, 1, 1)
    if "thanksgiving" in low:
        return _nth_weekday(year, 11, 3, 4)
    if "halloween" in low:
        return dt.date(year, 10, 31)
    if "independence" in low:
        return dt.date(year, 7, 4)
    if "valentine" in low:
        return dt.date(year, 2, 14)
    if "labor day" in low:
        return _nth_weekday(year, 9, 0, 1)
    if "memorial day" in low:
        return _nth_weekday(year, 5, 0, -1)
    if "easter" in low:
        return _easter(year)
    if "boxing" in low:
        return dt.date(year, 12, 26)
    return None
