"""Word lists for the date grammar: month and weekday names, number words, units.

Kept apart from the patterns so that the grammar (``date_grammar``) and the
resolver (``date_resolve``) read the same vocabulary.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan.": 1, "february": 2, "feb.": 2, "march": 3, "mar.": 3, "april": 4, "apr.": 4,
    "may": 5, "june": 6, "jun.": 6, "july": 7, "jul.": 7, "august": 8, "aug.": 8, "september": 9,
    "sept.": 9, "sep.": 9, "october": 10, "oct.": 10, "november": 11, "nov.": 11, "december": 12,
    "dec.": 12,
}
# Month names that are also ordinary words: accepted only when capitalised.
AMBIGUOUS_MONTHS = frozenset({"may", "march"})

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon.": 0, "tuesday": 1, "tue.": 1, "tues.": 1, "wednesday": 2, "wed.": 2,
    "thursday": 3, "thu.": 3, "thur.": 3, "thurs.": 3, "friday": 4, "fri.": 4, "saturday": 5,
    "sat.": 5, "sunday": 6, "sun.": 6,
}

SMALL_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "dozen": 12,
    "a dozen": 12, "half a": 0.5, "a half": 0.5, "a hundred": 100, "one hundred": 100,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Quantities with no definite number: TimeML writes their value with an X ("PXY").
VAGUE_NUMBERS = (
    "a few", "few", "several", "some", "many", "a couple of", "a couple", "couple of", "a number of",
    "numerous", "dozens of", "hundreds of", "a couple of dozen",
)
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "1st": 1, "2nd": 2,
    "3rd": 3, "4th": 4,
}

# Unit word -> (TimeML duration letter, whether it is a time-of-day unit written after "T",
#              how many of that letter one unit is)
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("Q", False, 1),
    "year": ("Y", False, 1), "decade": ("Y", False, 10), "century": ("Y", False, 100),
    "weekend": ("WE", False, 1),
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}


def alternation(words: list[str] | tuple[str, ...] | dict[str, object]) -> str:
    """A regex alternation of ``words``, longest first so that the longest form wins."""
    items = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


def unit_key(word: str) -> str | None:
    """Normalise a unit word ("Years", "centuries", "days") to its ``UNITS`` key."""
    w = word.lower()
    if w == "centuries":
        return "century"
    if w in UNITS:
        return w
    if w.endswith("s") and w[:-1] in UNITS:
        return w[:-1]
    return None


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words; None when vague ("several")."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    if not t:
        return None
    digits = t.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return float(digits)
    if t in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[t])
    if t in TENS:
        return float(TENS[t])
    m = re.fullmatch(r"(\w+)[- ](\w+)", t)
    if m and m.group(1) in TENS and m.group(2) in SMALL_NUMBERS:
        return float(TENS[m.group(1)] + SMALL_NUMBERS[m.group(2)])
    return None


NUMBER_WORD_PATTERN = (
    "(?:" + alternation(list(TENS)) + r"(?:[- ]" + alternation(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]) + ")?"
    + "|" + alternation([w for w in SMALL_NUMBERS if w not in ("a", "an")]) + ")"
)


# Years said in words, as in broadcast transcripts: "nineteen ninety-six", "nineteen oh five",
# "nineteen hundred". Only the 1800s and 1900s: "two thousand" is far more often a count, so
# "the year two thousand" has a rule of its own in the grammar.
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
SPOKEN_YEAR_PATTERN = (
    r"\b(?:eighteen|nineteen)[\s-]+(?:hundred|oh[\s-]+" + alternation(_ONES) + "|"
    + alternation(list(TENS)) + r"(?:[\s-]" + alternation(_ONES) + ")?|" + alternation(_TEENS)
    + r")(?![\w-])"
)


def spoken_year_value(text: str) -> int | None:
    """1996 for "nineteen ninety-six", 1905 for "nineteen oh five", 1900 for "nineteen hundred"."""
    words = re.sub(r"[\s-]+", " ", text.strip().lower()).split(" ")
    if len(words) < 2 or words[0] not in ("eighteen", "nineteen"):
        return None
    century = 1800 if words[0] == "eighteen" else 1900
    rest = [w for w in words[1:] if w != "oh"]
    if rest == ["hundred"]:
        return century
    value = parse_number(" ".join(rest)) if len(rest) == 1 else parse_number("-".join(rest))
    if value is None or not 0 < value < 100:
        return None
    return century + int(value)
