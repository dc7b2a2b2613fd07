"""Vocabulary for reading numbers: number words, scales, vague plurals, qualifiers.

Everything here is plain data plus small pure functions over lowercased words,
so the scanner in ``quantities.py`` stays about control flow.
"""

from __future__ import annotations

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Abbreviated scales written straight after digits ("$13.6M", "1.762bn", "PS2.7m").
SCALE_SUFFIXES = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
    "b": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
}
# Vague plurals name an order of magnitude: "dozens" means at least two dozen.
VAGUE_PLURALS = {
    "dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1_000,
    "millions": 1_000_000, "billions": 1_000_000_000, "trillions": 1_000_000_000_000,
}
# "two-thirds", "a quarter": fractions written as words.
FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
}

# Qualifier phrases before a number, longest first so "just under" beats "under".
# "nearly"/"almost" are read as "about": news uses them for round approximations
# ("nearly 100 people"), and a strict upper bound would misstate a figure that
# later reports often confirm as reached.
PREFIX_QUALIFIERS: list[tuple[tuple[str, ...], str]] = sorted([
    (("at", "least"), "at_least"), (("no", "fewer", "than"), "at_least"),
    (("no", "less", "than"), "at_least"), (("a", "minimum", "of"), "at_least"),
    (("not", "less", "than"), "at_least"),
    (("more", "than"), "more_than"), (("over",), "more_than"), (("above",), "more_than"),
    (("greater", "than"), "more_than"), (("upwards", "of"), "more_than"),
    (("in", "excess", "of"), "more_than"), (("north", "of"), "more_than"),
    (("well", "over"), "more_than"), (("just", "over"), "more_than"),
    (("well", "above"), "more_than"), (("just", "above"), "more_than"),
    (("more", "then"), "more_than"), (("over", "than"), "more_than"),
    (("fewer", "than"), "less_than"), (("less", "than"), "less_than"),
    (("under",), "less_than"), (("below",), "less_than"), (("just", "under"), "less_than"),
    (("just", "below"), "less_than"), (("sub",), "less_than"), (("barely",), "less_than"),
    (("up", "to"), "at_most"), (("as", "many", "as"), "at_most"), (("as", "much", "as"), "at_most"),
    (("as", "high", "as"), "at_most"), (("at", "most"), "at_most"), (("no", "more", "than"), "at_most"),
    (("a", "maximum", "of"), "at_most"), (("not", "more", "than"), "at_most"),
    (("about",), "about"), (("around",), "about"), (("approximately",), "about"),
    (("roughly",), "about"), (("some",), "about"), (("nearly",), "about"), (("almost",), "about"),
    (("close", "to"), "about"), (("an", "estimated"), "about"), (("estimated",), "about"),
    (("circa",), "about"), (("approx",), "about"), (("~",), "about"), (("≈",), "about"),
    (("an", "average", "of"), "about"), (("averaging",), "about"), (("nearly", "half"), "about"),
], key=lambda item: -len(item[0]))
# The same phrases keyed by their last word, for a quick look-up before a number.
PREFIX_QUALIFIERS_BY_LAST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _qualifier in PREFIX_QUALIFIERS:
    PREFIX_QUALIFIERS_BY_LAST.setdefault(_phrase[-1], []).append((_phrase, _qualifier))
SUFFIX_QUALIFIERS: list[tuple[tuple[str, ...], str]] = [
    (("or", "more"), "at_least"), (("or", "so"), "about"), (("plus",), "at_least"),
    (("or", "less"), "at_most"), (("or", "fewer"), "at_most"),
]

# Words that open a range: "between 200 and 300", "anywhere from 5 to 10".
RANGE_OPENERS: list[tuple[str, ...]] = [
    ("anywhere", "from"), ("anywhere", "between"), ("somewhere", "between"),
    ("between",), ("from",),
]

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}
ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}
TIME_SUFFIXES = {"am", "pm", "a.m", "p.m", "hrs", "gmt", "utc", "bst", "et", "est", "edt", "pst"}
STREET_WORDS = {
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive",
    "dr", "way", "place", "pl", "court", "ct", "square", "sq", "terrace", "highway", "hwy",
    "parkway", "pkwy", "close", "crescent", "plaza", "alley", "row", "strasse", "rue", "calle",
}
# A number after one of these words is a label, not a count ("Resolution 2254").
IDENTIFIER_CUES = {
    "resolution", "flight", "article", "no", "number", "nos", "route", "room", "gate",
    "platform", "page", "chapter", "section", "level", "version", "episode", "phase", "stage",
    "category", "grade", "bus", "line", "apollo", "formula", "channel", "unit", "district",
    "ward", "box", "suite", "apt", "apartment", "floor", "exit", "interstate", "highway",
    "model", "series", "windows", "iphone", "galaxy", "pixel", "covid", "mh", "boeing", "airbus",
    "code", "id", "ref", "case", "lot", "item", "question", "rule", "bill", "act", "amendment",
    "verse", "psalm", "table", "figure", "fig", "seed", "week", "day", "game", "round",
    "match", "vol", "volume", "issue", "part", "tier", "class", "type", "mark", "mk", "generation",
    "gen", "sp", "s&p", "dow", "nasdaq", "ftse", "dax", "nikkei", "index", "top",
}

# Cues that mark a label even in lowercase text ("the sp 500", "category 4 hurricane").
STRONG_IDENTIFIER_CUES = {"sp", "s&p", "category", "covid", "iphone", "channel", "flight",
                          "resolution", "route", "zip", "interstate", "windows", "ftse", "dow",
                          "nasdaq", "nikkei", "dax", "cac", "stoxx", "mh", "boeing", "airbus"}


def words_value(words: list[str]) -> float | None:
    """Value of a run of number words ("four hundred million", "a dozen", "twenty-five").

    ``words`` are lowercased and hyphen parts already split; "a"/"an" count as one
    before a scale, "and" is skipped. Returns None when the words do not form a number.
    """
    total = 0.0
    current = 0.0
    seen_any = False
    for word in words:
        if word in ("and", "-"):
            continue
        if word in ("a", "an"):
            current += 1
        elif word in UNITS_WORDS:
            current += UNITS_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[word]
            current = 0
        else:
            return None
        seen_any = True
    return total + current if seen_any else None


def is_number_word(word: str) -> bool:
    return word in UNITS_WORDS or word in TENS_WORDS or word in SCALE_WORDS or word == "dozen"


def vague_base(words: list[str]) -> float | None:
    """Order of magnitude named by a vague plural run ("tens of thousands" -> 10,000)."""
    words = [w for w in words if w != "of"]
    if not words or words[0] not in VAGUE_PLURALS:
        return None
    base = 1.0
    for word in words:
        if word in VAGUE_PLURALS:
            base *= VAGUE_PLURALS[word]
        else:
            return None
    return base
