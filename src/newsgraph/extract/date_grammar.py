"""The regex grammar that finds date and time expressions in running text.

Each rule is a named pattern; ``find_candidates`` returns every match of every
rule and keeps the longest non-overlapping ones (earlier rules win ties). Spans
follow the TimeML (TIMEX3) extent conventions: modifiers that belong to the
expression ("last", "early", "the past", "nearly") are inside, prepositions
("on", "in", "for") and a possessive "'s" are outside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.extract.date_lexicon import (
    AMBIGUOUS_MONTHS,
    MONTHS,
    NUMBER_WORD_PATTERN,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    SPOKEN_YEAR_PATTERN,
    VAGUE_NUMBERS,
    WEEKDAYS,
    alternation,
)
from newsgraph.extract.date_scan import TokenIndex, rule_matches, trigger_positions

_MONTH = alternation(MONTHS)
_WEEKDAY = alternation(WEEKDAYS)
_PART = alternation(PARTS_OF_DAY)
_SEASON = alternation(SEASONS)
_ORD = alternation(ORDINALS)
_NUM = (r"(?:\d{1,3}(?:,\d{3})+|\d+\s+1/2|\d+(?:\.\d+)?|" + NUMBER_WORD_PATTERN + "|"
        + alternation(VAGUE_NUMBERS) + r"|an?)")
_UNIT = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?"
         r"|decades?|century|centuries|weekends?)")
# Words between a number and its unit that leave the length as it is: "20 more years",
# "an additional year", "eight trading days".
_UNIT_MODIFIER = r"(?:more|additional|trading|business|straight|consecutive|full)"
_UNIT_SINGULAR = r"(?:second|minute|hour|day|week|month|quarter|year|decade|century|weekend)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d|" + SPOKEN_YEAR_PATTERN + ")"
_APPROX = (r"(?:more\s+than|less\s+than|fewer\s+than|nearly|almost|about|around|roughly|some|just|only"
           r"|over|under|at\s+least|at\s+most|up\s+to|barely|approximately|as\s+many\s+as|as\s+long\s+as"
           r"|the\s+better\s+part\s+of|well\s+over)")
_EDGE = r"(?:early|late|mid|middle|earlier|later)"
_TIME_OF_DAY = (r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
                r"(?:\s+(?:[ECMP][SD]T|GMT|UTC))?|(?:[01]?\d|2[0-3]):[0-5]\d(?:\s+(?:[ECMP][SD]T|GMT|UTC))?"
                r"|noon|midnight|midday)")
_PLURAL_PART = r"(?:mornings|afternoons|evenings|nights)"
_DEICTIC_DAY = r"(?:today|yesterday|tomorrow)"

RULES: list[tuple[str, str]] = [
    ("iso", r"\b\d{4}-\d\d-\d\d(?:T\d\d:\d\d(?::\d\d)?)?\b"),
    ("numeric", r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b"),
    ("time", rf"\b(?:(?:{_WEEKDAY}|{_DEICTIC_DAY})(?:\s+(?:at|about|around))?\s+)?{_TIME_OF_DAY}"
             rf"(?:\s+(?:on\s+)?(?:{_WEEKDAY}|{_DEICTIC_DAY}|(?:this|last|tomorrow|yesterday)\s+{_PART}"
             rf"|{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?))?"),
    ("month_day", rf"\b(?:{_WEEKDAY},?\s+)?(?:(?:{_EDGE})\s+)?{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"),
    ("day_month", rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?"),
    ("month_year", rf"\b(?:(?:{_EDGE})[- ]|the\s+(?:end|beginning|middle|start)\s+of\s+)?"
                   rf"{_MONTH},?\s+(?:(?:of\s+)?{_YEAR}\b|(?:this|last|next)\s+year(?![\w-]))"),
    ("month", rf"\b(?:(?:last|next|this|this\s+past|this\s+coming|coming|past|{_EDGE})[- ]"
              rf"|(?:the\s+)?(?:end|beginning|middle|start)\s+of\s+)?(?:(?:early|late|mid)[- ])?{_MONTH}"
              r"(?![\w-])"),
    ("weekday", rf"\b(?:(?:last|next|this|this\s+past|this\s+coming|coming|past|early|late)\s+"
                rf"(?:on\s+)?)?{_WEEKDAY}(?![\w-])(?:\s+{_PART}(?![\w-]))?"),
    ("deictic", rf"\b(?:(?:{_EDGE})\s+)?(?:{_DEICTIC_DAY}|tonight|last\s+night|this\s+{_PART}"
                rf"|(?:yesterday|tomorrow)\s+{_PART})(?![\w-])"),
    ("ago", rf"\b(?:{_APPROX}\s+)?{_NUM}[\s-]+{_UNIT}(?:\s+and\s+a\s+half)?(?:\s+or\s+so)?\s+"
            r"(?:ago|earlier|later|from\s+now|hence)\b"),
    ("relative_unit", rf"\b(?:(?:{_EDGE})\s+)?(?:the\s+)?(?:last|this|next|past|previous|coming|current|"
                      rf"following|same|latest|prior|preceding|that|year-ago|year-earlier|the)\s+"
                      rf"(?:fiscal\s+)?{_UNIT_SINGULAR}(?![\w-])"),
    # "the full year" (results stories) and "year-end", "year's end": the current year.
    ("year_whole", r"\bthe\s+full\s+(?:fiscal\s+)?year(?![\w-])|\byear[- ]end(?![\w-])"
                   r"|\byear's\s+end(?![\w-])"),
    ("edge_relative", rf"\b(?:{_EDGE})\s+(?:in\s+)?(?:this|next|last|that)\s+{_UNIT_SINGULAR}(?![\w-])"),
    ("quarter", rf"\b(?:the\s+)?(?:(?:fiscal|calendar)[- ])?(?:{_YEAR}\s+)?"
                rf"(?:{_ORD}|final|latest|last|current|past|previous|year-ago|year-earlier|same|fourth|June|September|December|March)?"
                rf"(?:[- ](?:fiscal|calendar))?[- ]?quarter(?:\s+of\s+(?:fiscal\s+)?{_YEAR}"
                rf"|\s+of\s+(?:this|last|next)\s+year)?(?![\w-])"),
    ("quarter_year", rf"\b(?:fiscal\s+)?(?:{_YEAR}|(?:this|next|last)\s+year)(?:'s)?\s+(?:{_ORD}|fourth)"
                     r"[- ]quarter(?![\w-])"),
    ("year_ago", r"\b(?:(?:the|a)\s+(?:comparable\s+|same\s+)?year[- ](?:ago|earlier)\s+(?:period|quarter)"
                 r"|year[- ](?:ago|earlier))(?![\w-])"),
    # "the latest period", "the 1989 period": in results stories, the quarter reported on.
    ("period", rf"\b(?:the\s+)?(?:latest|comparable|{_YEAR})\s+period(?![\w-])"),
    # "the last half" only with its year: "the last half of the '80s" is the decade's.
    ("half", rf"\b(?:the\s+)?(?:first|second|latter|later|last(?=\s+half\s+of\s+(?:fiscal\s+)?"
             rf"(?:{_YEAR}|(?:this|last|next)\s+year)))\s+half(?:\s+of\s+(?:(?:fiscal\s+)?{_YEAR}|"
             r"(?:this|last|next|the)\s+year))?(?![\w-])"),
    ("season", rf"\b(?:(?:last|next|this|this\s+past|this\s+coming|coming|past|{_EDGE})\s+)?"
               rf"(?:the\s+)?{_SEASON}(?:\s+(?:of\s+)?{_YEAR})?(?![\w-])"),
    ("year", rf"\b(?:(?:{_EDGE})[- ]|the\s+(?:end|beginning|middle|start)\s+of\s+)?(?:fiscal\s+(?:year\s+)?)?"
             rf"{_YEAR}(?![\w,.]?\d)(?!\s*(?:%|percent))|\b(?:fiscal\s+(?:year\s+)?)'\d\d\b"
             rf"|\bthe\s+year\s+two\s+thousand(?:\s+and)?(?:\s+{NUMBER_WORD_PATTERN})?(?![\w-])"),
    ("decade", r"\b(?:the\s+)?(?:(?:early|late|mid)[- ])?(?:1[5-9]\d0|20\d0|'\d0|[2-9]0)'?s\b"),
    # Decades in words: "the nineties", "the early sixties" (always the 1900s in news).
    ("decade_word", r"\bthe\s+(?:(?:early|late|mid)[- ])?(?:twenties|thirties|forties|fifties|sixties|"
                    r"seventies|eighties|nineties)(?![\w-])"),
    ("century", rf"\b(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{_ORD}|twentieth|twenty-first|nineteenth)"
                r"[- ]century\b|\bthis\s+century\b|\bthe\s+turn\s+of\s+the\s+century\b"),
    ("duration", rf"\b(?:(?:the|a|an)\s+)?(?:{_APPROX}\s+)?(?:(?:past|last|next|first|coming|previous|final|"
                 rf"following|recent|latest|preceding|initial|same|remaining|ensuing|other)\s+)?"
                 rf"{_NUM}(?:\s+or\s+(?:so|more|\d+|{NUMBER_WORD_PATTERN}))?[\s-]+(?:{_UNIT_MODIFIER}\s+)?{_UNIT}"
                 r"(?:\s+and\s+a\s+half)?(?:-(?:long|old))?(?![\w-])"),
    ("plural_units", r"\b(?:the\s+(?:past|last|next|coming|early)\s+)?(?:years|months|weeks|decades|"
                     r"centuries|days|hours|minutes)(?:-long)?(?![\w-])"),
    ("set", rf"\b(?:daily|weekly|monthly|yearly|nightly|hourly|biweekly|"
            rf"(?:every|each|per)\s+(?:other\s+)?(?:{_UNIT_SINGULAR}|{_WEEKDAY}|{_PART})|"
            rf"(?:a|per)\s+(?:year|month|week|day)(?=\s*[.,;)]|\s+(?:for|in|on|and|or|to|of|at|from|by)\b)"
            rf"|{_WEEKDAY}s(?:\s+{_PART})?|(?:mornings|evenings|nights|afternoons|weekends)"
            rf"|(?:every|each)\s+{_MONTH}"
            # "Tuesday nights", and "Monday" in "Monday and Tuesday nights": every such night.
            rf"|{_WEEKDAY}\s+{_PLURAL_PART}|{_WEEKDAY}(?=\s+(?:and|or)\s+{_WEEKDAY}\s+{_PLURAL_PART}))"
            r"(?![\w-])"),
    ("vague", r"\b(?:now|currently|current|recently|recent\s+(?:years|months|weeks|days|times)|recent|lately|"
              r"nowadays|(?:the\s+)?past|(?:the\s+)?future|at\s+present|the\s+present|these\s+days|"
              r"the\s+moment|once|formerly|previously|earlier|the\s+time\s+being|the\s+(?:near|short)\s+term|"
              r"(?:in\s+)?(?:coming|future|next|past|previous|earlier|later)\s+(?:years|months|weeks|days))"
              r"(?![\w-])"),
    ("holiday", r"\b(?:christmas(?:\s+(?:day|eve))?|new\s+year's(?:\s+(?:day|eve))?|thanksgiving(?:\s+day)?|"
                r"halloween|independence\s+day|valentine's\s+day|labor\s+day|memorial\s+day|easter"
                r"(?:\s+sunday)?|boxing\s+day)(?![\w-])"),
]

_COMPILED = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in RULES]
_RULE_ORDER = {name: i for i, (name, _) in enumerate(RULES)}

# Words that a vague rule matches but are very often not temporal at all; accepted only in the
# frames below. Chosen by reading TimeBank's annotation guidelines, not by fitting documents.
_WEAK_VAGUE = re.compile(
    r"^(?:once|earlier|previously|formerly|past|the\s+past|current|future|the\s+moment)$", re.IGNORECASE)


_PLURAL_PART_AFTER = re.compile(rf"\s+(?:and|or)\s+{_WEEKDAY}\s+{_PLURAL_PART}(?![\w-])", re.IGNORECASE)
# Words after "current" that make it something other than an adjective of time ("the current
# account" is a balance; "the current of the river", "current is flowing" are nouns).
_CURRENT_NOT_TEMPORAL = frozenset({"account", "accounts", "of", "is", "was", "and", "or", "in", "to",
                                   "from", "that", "which", "flows", "flowing"})


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: str
    text: str


def _acceptable(rule: str, text: str, body: str, start: int, end: int) -> bool:
    """Filters for readings that are usually not dates ("may" the verb, "a second" the ordinal)."""
    low = text.lower()
    words = low.split()
    if rule in ("month", "month_day", "month_year") or (rule == "day_month" and words):
        for word in re.findall(r"[a-z]+\.?", low):
            if word in AMBIGUOUS_MONTHS:
                original = text[low.index(word)]
                if not original.isupper():
                    return False
    if rule == "month" and low.rstrip(".") in ("may", "march") and start == 0:
        return False
    if rule in ("duration", "ago") and re.match(r"(?:the\s+|a\s+)?(?:an?|one)\s+seconds?\b", low):
        return False
    if rule == "vague":
        if _WEAK_VAGUE.match(low):
            return _weak_vague_ok(low, body, start, end)
    if rule == "year":
        before = body[max(0, start - 2):start]
        if "$" in before or re.search(r"\d[.,]?$", before) or \
                re.search(r"No\.\s*$", body[max(0, start - 4):start]):
            return False
    if rule == "duration" and "quarter" in low and (re.match(r"\s+of\b", body[end:end + 4]) or
                                                    re.search(r"\w-quarters?$", low)):
        return False  # "a quarter of the shares", "three-quarters": fractions, not quarters of a year
    if text.startswith("-"):
        return False  # the tail of a split compound ("third- and fourth-quarter")
    if rule == "season" and re.fullmatch(r"(?:the\s+)?(?:spring|summer|fall|autumn|winter)", low):
        # A bare "fall" or "spring" is most often a verb or a noun; a season needs a temporal frame.
        return bool(re.search(r"\b(?:in|during|by|until|through|since|over|this|last|next|that)\s*$",
                              body[max(0, start - 12):start].lower()))
    if rule == "relative_unit" and re.fullmatch(r"the\s+day", low):
        return False  # "the day" is a generic noun phrase far more often than a date
    if rule == "relative_unit" and low.endswith("second"):
        return False  # "the second" is an ordinal far more often than a unit of time
    if rule == "duration" and (low.endswith("-old") or re.match(r"\s*old\b", body[end:end + 5])):
        return False  # ages ("a 44-year-old") are not annotated as durations in news TimeML
    if rule == "plural_units" and re.match(r"the\s+early\s+", low):
        return False
    if rule == "plural_units" and re.match(r"\s*old\b", body[end:end + 5]):
        return False  # "52 years old": an age, like "a 44-year-old"
    if rule == "weekday" and _PLURAL_PART_AFTER.match(body, end):
        return False  # "Monday and Tuesday nights": a set, which the set rule finds
    return True


def _weak_vague_ok(low: str, body: str, start: int, end: int) -> bool:
    before = body[max(0, start - 20):start].lower()
    after = body[end:end + 20].lower()
    if low in ("past", "the past"):
        # "in the past", "the past" as a noun; not "past the station" nor "the past two years".
        return low == "the past" and not re.match(r"\s*(?:\d|[a-z]+\s+(?:years|months|weeks|days))", after)
    if low == "future":
        return bool(re.search(r"\b(?:in|near|for|distant|foreseeable)\s*$", before))
    if low == "current":
        # The adjective before a noun ("his current wife", "current market conditions") refers to the
        # present: TimeBank tags it PRESENT_REF (9 of the 16 such uses in TBAQ-cleaned).
        following = re.match(r"\s+([a-z][a-z-]*)", after)
        return following is not None and following.group(1) not in _CURRENT_NOT_TEMPORAL
    if low == "the moment":
        return bool(re.search(r"\b(?:at|for)\s*$", before))
    return False


def find_candidates(text: str) -> list[Candidate]:
    """Every rule's matches, reduced to the longest non-overlapping ones in text order."""
    found: list[Candidate] = []
    index = TokenIndex.of(text)
    triggers = trigger_positions(index)
    for name, pattern in _COMPILED:
        for m in rule_matches(name, pattern, text, index, triggers):
            start, end = m.span()
            matched = m.group(0)
            # Trailing whitespace can creep in through optional groups; never part of a span.
            stripped = matched.rstrip()
            end -= len(matched) - len(stripped)
            if end <= start or not _acceptable(name, stripped, text, start, end):
                continue
            if name == "duration" and re.match(r"(?:an?|the)\s+\S+-", stripped, re.IGNORECASE):
                # "a two-year term": the article belongs to the noun, the TIMEX is "two-year".
                article = re.match(r"(?:an?|the)\s+", stripped, re.IGNORECASE)
                assert article is not None
                start += article.end()
                stripped = stripped[article.end():]
            found.append(Candidate(start, end, name, stripped))
    found.sort(key=lambda c: (-(c.end - c.start), _RULE_ORDER[c.rule], c.start))
    chosen: list[Candidate] = []
    # One flag per character: checking a candidate costs its own length, not the number taken.
    taken = bytearray(len(text))
    for cand in found:
        if any(taken[cand.start:cand.end]):
            continue
        chosen.append(cand)
        taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
    chosen.sort(key=lambda c: c.start)
    return chosen
