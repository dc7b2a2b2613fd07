"""Running the date grammar's regexes only where they can match.

Most grammar rules cannot match without one particular word: a month rule
needs a month name, the "ago" rule needs "ago", "earlier", "later", "now" or
"hence", a duration needs a unit of time. Trying such a rule at every word of a
long article is what made the dates stage slow, so for those rules the text is
cut into word tokens once, the tokens that can carry the rule ("trigger"
tokens) are found with set lookups, and the regex is run only in windows of
``WINDOW_TOKENS`` tokens on either side of each trigger.

The result is exactly ``pattern.finditer(text)`` (same matches, same order):

* every match of a windowed rule contains a trigger token, and no match spans
  more than ``WINDOW_TOKENS`` tokens, so every match lies inside one merged
  window;
* within a window the scan restarts with ``pattern.search(text, pos, endpos)``,
  which sees the characters before ``pos`` (``\\b``) like a whole-text scan,
  and ``endpos`` leaves room for the look-aheads after the window's last token;
* a match that ends past its window would break the first point; should one
  ever occur, the rule falls back to scanning the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Alphanumeric runs; digit groups joined by "," or "." stay one token ("1,000", "3.5"), so that
# the token count of a match is bounded by the number of words its rule allows.
_TOKEN = re.compile(r"[^\W_]*\d(?:[.,]\d+)+|[^\W_]+")
# No rule in the grammar matches more than 18 tokens (the longest: a duration such as "the better
# part of a couple of dozen or so years and a half-long"); 24 leaves a margin.
WINDOW_TOKENS = 24
# Tokens after a window that a rule's look-ahead may read ("1998 percent", "five years-long").
LOOKAHEAD_TOKENS = 2

_MONTH_PREFIXES = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                             "nov", "dec"})
_MONTH_WORDS = frozenset({
    "january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july",
    "jul", "august", "aug", "september", "sept", "sep", "october", "oct", "november", "nov",
    "december", "dec"})
_WEEKDAY_PREFIXES = frozenset({"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
_WEEKDAY_WORDS = frozenset({"monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday",
                            "thu", "thur", "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun"})
_UNIT_WORDS = frozenset({
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night", "nights",
    "week", "weeks", "fortnight", "fortnights", "month", "months", "quarter", "quarters", "year",
    "years", "decade", "decades", "century", "centuries", "weekend", "weekends"})
_DEICTIC_WORDS = frozenset({"today", "yesterday", "tomorrow", "tonight", "night", "morning", "afternoon",
                            "evening", "overnight"})
_AGO_WORDS = frozenset({"ago", "earlier", "later", "now", "hence"})
_SEASON_WORDS = frozenset({"spring", "summer", "fall", "autumn", "winter"})
_HOLIDAY_WORDS = frozenset({"christmas", "new", "thanksgiving", "halloween", "independence", "valentine",
                            "labor", "memorial", "easter", "boxing"})
_SET_WORDS = frozenset({"daily", "weekly", "monthly", "yearly", "nightly", "hourly", "biweekly", "every",
                        "each", "per", "year", "month", "week", "day", "mornings", "evenings", "nights",
                        "afternoons", "weekends"})
# The last word of every "vague" alternative ("recent years" -> "years", "the time being" -> "being").
_VAGUE_WORDS = frozenset({"now", "currently", "current", "recently", "recent", "lately", "nowadays",
                          "past", "future", "present", "days", "moment", "once", "formerly", "previously",
                          "earlier", "being", "years", "months", "weeks", "term"})
_YEAR_DIGITS = re.compile(r"(?:1[6-9]|20)\d\d")

# Rule name -> the words the rule cannot do without, as the token they end up in (the last word of
# a multi-word alternative: "recent years" -> "years", "from now" -> "now"). Each set follows the
# rule's pattern in ``date_grammar``.
WORD_TRIGGERS: dict[str, frozenset[str]] = {
    "month_day": _MONTH_WORDS, "month_year": _MONTH_WORDS, "month": _MONTH_WORDS,
    "weekday": _WEEKDAY_WORDS,
    "deictic": _DEICTIC_WORDS,
    "ago": _AGO_WORDS,
    "relative_unit": _UNIT_WORDS, "edge_relative": _UNIT_WORDS, "duration": _UNIT_WORDS,
    "plural_units": _UNIT_WORDS,
    "year_ago": frozenset({"ago", "earlier"}),
    "half": frozenset({"half"}),
    "period": frozenset({"period"}),
    "decade_word": frozenset({"twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                              "eighties", "nineties"}),
    "season": _SEASON_WORDS,
    "year": frozenset({"fiscal", "eighteen", "nineteen", "thousand"}),  # spoken: "nineteen ninety-six"
    "century": frozenset({"century"}),
    "year_whole": frozenset({"year"}),
    "set": _SET_WORDS,
    "vague": _VAGUE_WORDS,
    "holiday": _HOLIDAY_WORDS,
    "time": frozenset({"am", "pm", "m"}),  # "5 am", "5 a.m."
}
# Rules whose trigger word may be the start of a longer token (the rule has no look-ahead there).
PREFIX_RULES: dict[str, tuple[str, ...]] = {
    "day_month": tuple(_MONTH_PREFIXES),  # "5 Mayday" matches "5 May"
    "set": tuple(_WEEKDAY_PREFIXES),  # "Mon.s" splits into "mon" + "s"
    "time": ("noon", "midnight", "midday"),  # "noonday" matches "noon"
}
QUARTER_RULES = ("quarter", "quarter_year")  # "thirdquarter" matches too: any token holding "quarter"
WINDOWED_RULES = frozenset(WORD_TRIGGERS) | frozenset(PREFIX_RULES) | frozenset(QUARTER_RULES) | {
    "iso", "numeric", "decade"}

_RULES_BY_WORD: dict[str, tuple[str, ...]] = {}
for _rule, _words in WORD_TRIGGERS.items():
    for _word in _words:
        _RULES_BY_WORD[_word] = _RULES_BY_WORD.get(_word, ()) + (_rule,)
# Every prefix above is at least three letters long: one dict lookup on a token's first three
# letters finds the (rule, prefix) pairs worth a full ``startswith`` test.
_PREFIXES_BY_HEAD: dict[str, tuple[tuple[str, str], ...]] = {}
for _rule, _prefixes in PREFIX_RULES.items():
    for _prefix in _prefixes:
        _PREFIXES_BY_HEAD[_prefix[:3]] = _PREFIXES_BY_HEAD.get(_prefix[:3], ()) + ((_rule, _prefix),)


def _number_rules(token: str, follow: str) -> list[str]:
    """Rules triggered by a token holding a digit: dates written in figures, clock times, years."""
    if not any(c.isdigit() for c in token):
        return []
    rules = []
    if follow == "-":
        rules.append("iso")
    if follow == "/":
        rules.append("numeric")
    if follow == ":" or token.endswith(("am", "pm")):
        rules.append("time")  # "10:30", "5pm"
    if _YEAR_DIGITS.search(token):
        rules.append("year")
    if token.endswith("0s") or (token.endswith("0") and follow == "'"):
        rules.append("decade")  # "1990s", "'90s", "1990's"
    return rules


def trigger_positions(index: TokenIndex) -> dict[str, list[int]]:
    """Rule name -> indices of the tokens that can carry a match of it (one pass over the tokens)."""
    hits: dict[str, list[int]] = {rule: [] for rule in WINDOWED_RULES}
    text = index.text
    for i, token in enumerate(index.lowered):
        if not token.isascii():
            # Case-insensitive matching pairs some non-ASCII letters with ASCII ones ("ſ" with "s",
            # "K" with "k") in ways lower() does not mirror: such a token may carry any rule.
            for positions in hits.values():
                positions.append(i)
            continue
        for rule in _RULES_BY_WORD.get(token, ()):
            hits[rule].append(i)
        for rule, prefix in _PREFIXES_BY_HEAD.get(token[:3], ()):
            if token.startswith(prefix):
                hits[rule].append(i)
        if "quarter" in token:
            for rule in QUARTER_RULES:
                hits[rule].append(i)
        if not token.isalpha():  # cheap test first: most tokens are plain words
            end = index.ends[i]
            for rule in _number_rules(token, text[end:end + 1]):
                hits[rule].append(i)
    for positions in hits.values():
        positions.sort()
    return hits


@dataclass
class TokenIndex:
    """The word tokens of one text, lowercased once, shared by every rule."""

    text: str
    starts: list[int]
    ends: list[int]
    lowered: list[str]

    @classmethod
    def of(cls, text: str) -> TokenIndex:
        spans = [m.span() for m in _TOKEN.finditer(text)]
        starts = [start for start, _end in spans]
        ends = [end for _start, end in spans]
        lowered = [text[start:end].lower() for start, end in spans]
        return cls(text, starts, ends, lowered)


def _windows(index: TokenIndex, positions: list[int], text_length: int) -> list[tuple[int, int, int]]:
    """Merged (start, end, endpos) character windows around the trigger tokens at ``positions``."""
    last = len(index.lowered) - 1
    windows: list[tuple[int, int, int]] = []
    for i in positions:
        low, high = max(0, i - WINDOW_TOKENS), min(last, i + WINDOW_TOKENS)
        start, end = index.starts[low], index.ends[high]
        endpos = index.ends[high + LOOKAHEAD_TOKENS] if high + LOOKAHEAD_TOKENS <= last else text_length
        if windows and start <= windows[-1][1]:
            previous = windows[-1]
            windows[-1] = (previous[0], max(previous[1], end), max(previous[2], endpos))
        else:
            windows.append((start, end, endpos))
    return windows


def _windowed(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int, int]]
              ) -> list[re.Match[str]] | None:
    """The matches inside ``windows``; None when one runs past its window (scan the whole text)."""
    found: list[re.Match[str]] = []
    for start, end, endpos in windows:
        pos = start
        while pos < end:
            m = pattern.search(text, pos, endpos)
            if m is None or m.start() >= end:
                break
            if m.end() > end or m.end() == m.start():
                return None
            found.append(m)
            pos = m.end()
    return found


def rule_matches(name: str, pattern: re.Pattern[str], text: str, index: TokenIndex,
                 triggers: dict[str, list[int]]) -> Iterator[re.Match[str]]:
    """Exactly the matches of ``pattern.finditer(text)``, found faster where the rule has triggers.

    ``triggers`` is ``trigger_positions(index)``.
    """
    positions = triggers.get(name)
    if positions is None:
        return pattern.finditer(text)
    found = _windowed(pattern, text, _windows(index, positions, len(text)))
    return iter(found) if found is not None else pattern.finditer(text)
