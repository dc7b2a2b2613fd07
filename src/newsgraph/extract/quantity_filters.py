"""Which numbers the scanner found are amounts.

Years, dates, clock times, ordinals, street addresses and labels ("MH17", "Resolution
2254", "iPhone 11") are numbers but not quantities; a qualifier, currency or unit marks
a number as an amount even when it looks like one of those.
"""

from __future__ import annotations

from newsgraph.extract import quantity_units as units
from newsgraph.extract import quantity_words as words
from newsgraph.extract.quantity_tokens import DASHES, Found, TokenRun

# 4-digit integers in this span read as years unless something marks them as amounts.
YEAR_MIN, YEAR_MAX = 1000, 2200


def is_amount(run: TokenRun, item: Found) -> bool:
    """False for numbers that are not amounts: ordinals, clock times, dates, years, addresses, labels."""
    first_core, core_end = item.core_first, item.core_end
    i = first_core if run.is_digit(first_core) or item.from_words else first_core + 1
    if not item.from_words and not run.is_digit(i):
        i = first_core + 1
    unit = item.unit or ""
    marked = (bool(unit) and not unit.startswith("?")) or item.qualifier not in ("exact", "range")
    if unit.startswith("?"):
        suffix = unit[1:].lower()
        if suffix in words.TIME_SUFFIXES or suffix == "s" or len(suffix) > 0:
            return False
    nxt = run.low(core_end)
    prev_i = item.first_token - 1
    prev = run.low(prev_i)
    # Ordinals ("21st") and clock times ("10.45pm", "10:30", "5 p.m.").
    if run.glued(core_end) and nxt in words.ORDINAL_SUFFIXES:
        return False
    if nxt in words.TIME_SUFFIXES or (nxt in ("a", "p") and run.low(core_end + 1) == "."):
        return False
    if nxt == ":" and run.glued(core_end) and run.is_digit(core_end + 1):
        return False
    if nxt == "o" and run.low(core_end + 1) == "'":
        return False
    if run.glued(i) and run.low(i - 1) == ":" and run.is_digit(i - 2):
        return False
    # Dates: "March 22", "22 March", "Feb. 21", "22/3", "2016-03-22".
    if prev in words.MONTHS or (prev == "." and run.low(prev_i - 1) in words.MONTHS):
        if not item.from_words and item.low is not None and item.low <= 31:
            return False
    if not item.from_words and nxt in words.MONTHS and (item.low or 0) <= 31 and not unit:
        return False
    if (nxt in ("/", "-") and run.glued(core_end) and run.is_digit(core_end + 1)
            and run.glued(core_end + 1) and item.qualifier != "range" and nxt == "/"):
        return False
    if prev == "/" and run.glued(item.first_token) and run.is_digit(prev_i - 1):
        return False
    # Years: a plain 4-digit integer with no currency, percent, unit or qualifier.
    if item.plain and not marked:
        value = item.low if item.low is not None else item.high
        if value is not None and YEAR_MIN <= value <= YEAR_MAX and \
                len(run.tokens[i].text) == 4:
            return False
    if item.plain_second and not marked and item.high is not None and \
            YEAR_MIN <= item.high <= YEAR_MAX and float(item.high).is_integer():
        return False  # "from 1600 to 1900", "2008 to 29": years
        if run.glued(core_end) and nxt == "s":
            return False  # "the 1990s", "in his 30s" as a decade, not a count
    if run.glued(core_end) and nxt == "s" and item.plain:
        return False
    # Street addresses: "12 Main Street", "22 Ave Foch", "9 E 71st St".
    if (item.plain or item.plain_second) and (
            _street_follows(run, core_end) or _street_follows(run, item.last_token + 1)):
        return False
    # "a five-year award", "its three-year forecast": a duration used as an adjective.
    if run.low(core_end) in DASHES and run.glued(core_end) and run.low(core_end + 1) in (
            "year", "month", "week", "day", "hour", "minute") and run.low(core_end + 2) != "-":
        return False
    # A plain number followed by a capitalised word mid-sentence names a model ("787 Dreamliner").
    if item.plain and not marked and not item.from_words and \
            core_end < len(run.tokens) and run.tokens[core_end].text[:1].isupper() \
            and run.tokens[core_end].text.isalpha() and item.first_token > 0 \
            and run.low(core_end) not in units.MEASURE_UNITS:
        return False
    # Labels and names: "Resolution 2254", "MH17", "TA-35", "Big 12", "BBC One".
    if not marked or item.from_words:
        if _is_label(run, item.first_token, i, item):
            return False
    return True


def _street_follows(run: TokenRun, j: int) -> bool:
    for k in range(j, min(j + 4, len(run.tokens))):
        text = run.tokens[k].text
        if text.lower().rstrip(".") in words.STREET_WORDS and text[:1].isupper():
            return True
        if not (text[:1].isupper() or run.is_digit(k) or text in words.ORDINAL_SUFFIXES
                or text == "."):
            return False
    return False


def _is_label(run: TokenRun, start_tok: int, num_tok: int, item: Found) -> bool:
    prev = run.tokens[start_tok - 1].text if start_tok > 0 else ""
    # Glued to letters: "MH17", "TA-35", "F-16", "COVID-19".
    if run.glued(start_tok) and prev.isalpha() and prev.lower() not in ("minus", "sub"):
        return True
    if run.glued(start_tok) and prev in DASHES and start_tok >= 2 and run.glued(start_tok - 1) \
            and run.tokens[start_tok - 2].text.isalnum() and run.low(start_tok - 2) not in (
                "minus", "sub", "mid", "under", "over", "now"):
        if not run.is_digit(start_tok - 2):
            return True
    if prev.lower().rstrip(".") in words.IDENTIFIER_CUES and prev[:1].isupper():
        return True
    if prev.lower() in words.STRONG_IDENTIFIER_CUES:
        return True
    if prev.isalpha() and prev[1:] != prev[1:].lower():
        return True  # mixed case before the number: "iPhone 11", "PlayStation 5"
    if prev.lower() in ("no", "nos") and run.low(start_tok) == ".":
        return True
    # After a capitalised word inside a sentence: part of a name ("Big 12", "iPhone 11").
    if prev[:1].isupper() and prev.isalpha() and start_tok >= 2 and \
            run.tokens[start_tok - 2].text not in (".", "!", "?", ":", ";", '"', "“", "(") \
            and prev.lower() not in words.MONTHS and prev not in ("I", "US", "U", "A"):
        return True
    return False


