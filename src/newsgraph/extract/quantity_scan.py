"""Finding number expressions in text: the scanner behind ``find_quantities``.

The text is cut into small tokens with character offsets (digits, letter runs,
single symbols); a quantity is read forward from a number token (scale, unit,
range, trailing qualifier) and backward for what precedes it (currency sign,
qualifier, range opener). Filters then drop numbers that are not amounts:
years, dates, clock times, ordinals, phone numbers, street addresses and labels.
Works on plain text; the spaCy parse, when given, only adds the counted noun.
"""

from __future__ import annotations

import bisect
import re

from newsgraph.extract import quantity_units as units
from newsgraph.extract import quantity_words as words
from newsgraph.extract.quantity_filters import is_amount
from newsgraph.extract.quantity_tokens import DASHES, Core, Found, TokenRun, tokenize

# Phone numbers: three or more digit groups joined by spaces, dots or dashes.
_PHONE = re.compile(r"(?<![\w.,])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)\s?|\d{2,5}[\s.-])"
                    r"\d{3,4}[\s.-]\d{3,5}(?![\w])")
MAX_PREFIX_WORDS = 4
# How far "from X ... to Y" may stretch; NewsQuant development sentences have up to 5 words between.
MAX_FROM_GAP = 7  # longest qualifier phrase ("no fewer than" + currency code)

_PRONOUN_ONE_CUES = {"each", "same", "the", "this", "that", "every", "another", "which", "any",
                     "no", "only", "little", "big", "new", "old", "last", "next", "other", "first"}
_SIGNS = {"-", "−", "+"}
UP_WORDS = {"up", "rose", "rise", "rises", "risen", "rising", "gained", "gain", "gains", "climbed",
            "climb", "climbs", "jumped", "jump", "jumps", "increased", "increase", "increases",
            "surged", "surge", "soared", "soar", "advanced", "advance", "grew", "grow", "grows",
            "added", "boost", "boosted", "higher", "rallied", "spiked", "swelled", "widened"}
DOWN_WORDS = {"down", "fell", "fall", "falls", "fallen", "falling", "dropped", "drop", "drops",
              "declined", "decline", "declines", "decreased", "decrease", "lost", "lose", "loses",
              "plunged", "plunge", "slipped", "slip", "slid", "slide", "sank", "sink", "tumbled",
              "tumble", "cut", "shed", "plummeted", "plummet", "lower", "lowered", "eased",
              "dipped", "dip", "shrank", "sagged", "retreated", "slumped", "narrowed"}


# The words a quantity can start with (``read_core``): number words, vague plurals ("dozens"),
# "a"/"an"/"one" ("a third of", "a hundred"), "half", "couple". Any other word is skipped unread.
_START_WORDS = frozenset(words.VAGUE_PLURALS) | frozenset(words.UNITS_WORDS) | frozenset(
    words.TENS_WORDS) | frozenset(words.SCALE_WORDS) | {"dozen", "couple", "a", "an", "one", "half"}


class Scanner(TokenRun):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.masked = [False] * len(self.tokens)
        self._mask_phones()

    # -- helpers -------------------------------------------------------------------------------
    def _mask_phones(self) -> None:
        starts = [tok.start for tok in self.tokens]
        for match in _PHONE.finditer(self.text):
            # Tokens are in text order: only those from the first starting inside the match can be in it.
            for i in range(bisect.bisect_left(starts, match.start()), len(self.tokens)):
                tok = self.tokens[i]
                if tok.start >= match.end():
                    break
                if tok.end <= match.end():
                    self.masked[i] = True

    def _may_start(self, i: int) -> bool:
        """Cheap test before ``read_at``: a digit token or a word that can begin a quantity."""
        first = self.tokens[i].text[0]
        return first.isdigit() or first in ".," or self.lows[i] in _START_WORDS

    # -- main loop -----------------------------------------------------------------------------
    def scan(self) -> list[Found]:
        found: list[Found] = []
        i = 0
        while i < len(self.tokens):
            item = None if self.masked[i] or not self._may_start(i) else self.read_at(i)
            if item is None:
                i += 1
                continue
            if is_amount(self, item):
                found.append(item)
            i = item.last_token + 1
        return found

    # -- reading -------------------------------------------------------------------------------
    def read_core(self, i: int) -> Core | None:
        """A single number at token ``i`` with its scale, sign and glued unit."""
        if i >= len(self.tokens) or self.masked[i]:
            return None
        if self.is_digit(i):
            core = self._digits_core(i)
        else:
            core = self._words_core(i)
        if core is None:
            return None
        core.raw = abs(core.value)
        self._read_scale(core)
        self._read_unit(core)
        return core

    def _digits_core(self, i: int) -> Core | None:
        tok = self.tokens[i]
        raw = tok.text.replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            return None
        plain = tok.text.isdigit()
        core = Core(value=value, first=i, end=i + 1, plain_integer=plain)
        # Sign: "-5", "minus-5", "minus 5"; a dash between two numbers is a range, not a sign.
        if self.glued(i) and self.low(i - 1) in _SIGNS and not self._number_ends_at(i - 2) \
                and not (self.glued(i - 1) and self.tokens[i - 2].text.isalnum()):
            if self.low(i - 1) != "+":
                core.value = -value
            core.first = i - 1
        elif self.low(i - 1) == "minus" or (self.low(i - 1) in DASHES and self.low(i - 2) == "minus"):
            core.value = -value
            core.first = i - 1 if self.low(i - 1) == "minus" else i - 2
        return core

    def _number_ends_at(self, i: int) -> bool:
        return self.is_digit(i) or words.is_number_word(self.low(i))

    def _words_core(self, i: int) -> Core | None:
        word = self.low(i)
        if word in words.VAGUE_PLURALS:
            return self._vague_core(i)
        if word == "couple" and self.low(i - 1) == "a" and self.low(i + 1) == "of":
            return Core(value=2, first=i - 1, end=i + 1, from_words=True)
        start = i
        if word in ("a", "an"):
            if not (words.is_number_word(self.low(i + 1)) and self.low(i + 1) not in words.UNITS_WORDS
                    and self.low(i + 1) not in words.TENS_WORDS):
                return self._fraction_core(i)
        elif not words.is_number_word(word):
            return self._fraction_core(i)
        j = i + 1 if word in ("a", "an") else i
        run: list[str] = []
        end = j
        while j < len(self.tokens):
            w = self.low(j)
            if words.is_number_word(w):
                run.append(w)
                end = j + 1
            elif w in DASHES and self.glued(j) and words.is_number_word(self.low(j + 1)) \
                    and self.glued(j + 1):
                pass
            elif w == "and" and run and run[-1] in words.SCALE_WORDS \
                    and self.low(j + 1) in words.UNITS_WORDS | words.TENS_WORDS.keys():
                pass
            else:
                break
            j += 1
        if not run:
            return None
        # "two-thirds", "three quarters": a fraction, not a count.
        nxt = self.low(end) if self.low(end) not in DASHES else self.low(end + 1)
        if nxt in words.FRACTION_WORDS and len(run) == 1 and run[0] in words.UNITS_WORDS \
                and nxt not in ("half", "halves"):
            fend = end + 1 if self.low(end) not in DASHES else end + 2
            return Core(value=words.UNITS_WORDS[run[0]] / words.FRACTION_WORDS[nxt], first=start,
                         end=fend, from_words=True)
        if word not in ("a", "an") and (run[0] in words.SCALE_WORDS or run[0] == "dozen") \
                and not self.is_digit(i - 1):
            return None  # "several hundred", "a baker's dozen": no count stated
        if run == ["one"] and self.low(end) not in ("of", "out") and self.low(i - 1) in _PRONOUN_ONE_CUES:
            return None  # "each one", "the same one": a pronoun
        value = words.words_value(([word] if word in ("a", "an") else []) + run)
        if value is None:
            return None
        return Core(value=value, first=start, end=end, from_words=True)

    def _fraction_core(self, i: int) -> Core | None:
        """"half of", "a third of", "a quarter of"."""
        word = self.low(i)
        if word in ("a", "an", "one") and self.low(i + 1) in ("third", "quarter", "fifth", "half") \
                and self.low(i + 2) == "of":
            return Core(value=1 / words.FRACTION_WORDS[self.low(i + 1)], first=i, end=i + 2,
                         from_words=True)
        if word == "half" and (self.low(i + 1) == "of" or self._prefix_qualifier(i)[0]):
            return Core(value=0.5, first=i, end=i + 1, from_words=True)
        return None

    def _vague_core(self, i: int) -> Core | None:
        run = [self.low(i)]
        j = i + 1
        while self.low(j) == "of" and self.low(j + 1) in words.VAGUE_PLURALS \
                and self.low(j + 1) not in ("dozens", "tens", "scores"):
            run += ["of", self.low(j + 1)]
            j += 2
        if run == ["tens"] or run == ["scores"]:
            # "tens"/"scores" alone are rarely counts ("tens of ..." needs a scale word after it).
            if self.low(j) != "of":
                return None
        base = words.vague_base(run)
        if base is None:
            return None
        if self.low(j) != "of" and self.low(i - 1) in ("the", "his", "her", "their"):
            return None
        return Core(value=2 * base, first=i, end=j, from_words=True, vague_base=base)

    def _read_scale(self, core: Core) -> None:
        j = core.end
        if core.vague_base is not None:
            return
        if j < len(self.tokens) and self.glued(j) and self.tokens[j].text.isalpha():
            suffix = self.tokens[j].text
            key = suffix.lower()
            money = self._currency_before(core.first) is not None
            label_like = j + 1 < len(self.tokens) and self.glued(j + 1) and self.tokens[j + 1].text.isalnum()
            # Lowercase "m"/"b" alone are metres/bits unless money is named; "bn", "tn" are always scales.
            unambiguous = key in ("bn", "mn", "mln", "tn", "trn") or (
                suffix.isupper() and key in ("m", "b", "k"))
            if key in words.SCALE_SUFFIXES and not label_like and (money or unambiguous):
                core.value *= words.SCALE_SUFFIXES[key]
                core.end = j + 1
                core.scaled = True
                return
        while self.low(j) in words.SCALE_WORDS or self.low(j) == "dozen":
            core.value *= words.SCALE_WORDS.get(self.low(j), 12)
            core.scaled = True
            j += 1
        core.end = j

    def _read_unit(self, core: Core) -> None:
        """Percent, currency word, glued or following unit of measure, age."""
        j = core.end
        low = self.low(j)
        if low == "%" or (low == "pc" and self.glued(j)) or low == "percent" \
                or (low == "per" and self.low(j + 1) == "cent"):
            core.unit = units.PERCENT
            core.end = j + (2 if low == "per" else 1)
            if self.low(core.end) == "points" or self.match_words(core.end, ("percentage", "points")):
                core.unit = "percentage points"
                core.end += 1
            return
        if low == "percentage" and self.low(j + 1) in ("point", "points"):
            core.unit, core.end = "percentage points", j + 2
            return
        age = self._age_suffix(j)
        if age:
            core.unit, core.end = age
            return
        code, end = self._currency_after(j)
        if code:
            core.currency, core.end = code, end
            return
        if j < len(self.tokens):
            glued = self.glued(j)
            text = self.tokens[j].text
            # "m2", "km2", "cm2": area units written with a digit.
            if glued and self.low(j) in ("m", "km", "cm") and self.low(j + 1) == "2" and self.glued(j + 1):
                core.unit, core.end = text.lower() + "2", j + 2
                return
            if self.low(j) == "sq" and self.low(j + 1) in ("m", "ft", "km", "mi", "metres", "feet"):
                core.unit, core.end = "sq " + self.low(j + 1), j + 2
                return
            if text == "°" and self.low(j + 1) in ("c", "f") and self.glued(j + 1):
                core.unit, core.end = "°" + self.low(j + 1), j + 2
                return
            if (text.isalpha() or text == "°") and units.measure_unit(text, glued):
                unit_end = j + 1
                if self.low(j + 1) in DASHES and self.glued(j + 1) and self.glued(j + 2) and \
                        j + 2 < len(self.tokens) and \
                        units.measure_unit(f"{text}-{self.tokens[j + 2].text}", True):
                    unit_end = j + 3  # "lb-ft"
                elif self.low(j) in ("degrees", "degree") and self.low(j + 1) in ("celsius", "fahrenheit"):
                    unit_end = j + 2
                if self.low(j + 1) == "/" and self.glued(j + 1) and self.low(j + 2) in ("h", "hr", "s"):
                    unit_end = j + 3
                if glued or self.low(j) not in ("in", "a", "m", "s"):
                    core.unit = self.text[self.tokens[j].start:self.tokens[unit_end - 1].end]
                    core.unit = core.unit if core.unit in units.CASED_UNITS else core.unit.lower()
                    if glued:
                        core.end = unit_end
                    return
            if glued and text.isalpha() and text.lower() not in words.ORDINAL_SUFFIXES:
                core.unit = "?" + text  # an unknown glued suffix: label or unit, decided in keep()

    def _age_suffix(self, j: int) -> tuple[str, int] | None:
        k = j + 1 if self.low(j) in DASHES else j
        if self.low(k) in ("year", "month", "week", "day") and self.low(k + 1) in DASHES \
                and self.low(k + 2) == "old":
            return f"{self.low(k)}s old", k + 3
        if self.low(k) in ("years", "months") and self.low(k + 1) == "old":
            return f"{self.low(k)} old", k + 2
        return None

    def _currency_before(self, i: int) -> str | None:
        """Currency sign or code ending right before token ``i``."""
        prev = self.tokens[i - 1].text if i > 0 else ""
        if prev in units.CURRENCY_SYMBOLS:
            if prev == "$":
                before = self.low(i - 2).rstrip(".")
                if before in units.DOLLAR_PREFIXES and (self.glued(i - 1) or before in ("us", "hk", "u.s")):
                    return units.DOLLAR_PREFIXES[before]
                if self.low(i - 2) == "." and self.low(i - 3) == "s" and self.low(i - 5) == "u":
                    return "USD"
            return units.CURRENCY_SYMBOLS[prev]
        if prev.isalpha() and i >= 2 and self.tokens[i - 2].text == "$" and self.glued(i - 1) \
                and self.glued(i) and prev.lower() in units.DOLLAR_PREFIXES:
            return units.DOLLAR_PREFIXES[prev.lower()]  # "$US55,931,000", "$A82,615,680"
        if prev in units.GLUED_PREFIXES and self.glued(i):
            return units.GLUED_PREFIXES[prev]
        if prev == "PS" and self.glued(i):
            return "GBP"  # "£" turned into "PS" by a lossy text conversion
        if prev == "=" and self.low(i - 2) == "y" and self.glued(i - 1):
            return "JPY"  # "¥" written as "Y="
        if prev.lower() in units.CURRENCY_CODES and (prev.isupper() or prev == "Rs"):
            return units.CURRENCY_CODES[prev.lower()]
        return None

    def _currency_start(self, i: int) -> int:
        """First token of the currency sign before token ``i`` (``i`` itself if none)."""
        prev = self.tokens[i - 1].text if i > 0 else ""
        if prev == "$" and self.low(i - 2).rstrip(".") in units.DOLLAR_PREFIXES and (
                self.glued(i - 1) or self.low(i - 2) in ("us", "hk")):
            return i - 2
        if prev.isalpha() and i >= 2 and self.tokens[i - 2].text == "$" and self.glued(i - 1):
            return i - 2
        if prev == "=" and self.low(i - 2) == "y":
            return i - 2
        return i - 1

    def _currency_after(self, j: int) -> tuple[str | None, int]:
        for adjective, code in units.CURRENCY_ADJECTIVES.items():
            n = len(adjective)
            if self.match_words(j, adjective) and self.low(j + n) in ("dollar", "dollars", "crowns",
                                                                      "krone", "kroner", "kronor",
                                                                      "pesos", "rupees", "francs",
                                                                      "yen", "yuan", "pounds"):
                return code, j + n + 1
        low = self.low(j)
        if low in ("pounds", "pound") and self.low(j + 1) == "sterling":
            return "GBP", j + 2
        if low in units.CURRENCY_WORDS:
            return units.CURRENCY_WORDS[low], j + 1
        if j < len(self.tokens) and self.tokens[j].text.isupper() and low in units.CURRENCY_CODES:
            return units.CURRENCY_CODES[low], j + 1  # "110 JPY"
        return None, j

    # -- whole quantity --------------------------------------------------------------------------
    def read_at(self, i: int) -> Found | None:
        first = self.read_core(i)
        if first is None:
            return None
        currency = self._currency_before(first.first) if not first.from_words or first.scaled else None
        start_tok = self._currency_start(first.first) if currency else first.first
        if currency and first.currency is None:
            first.currency = currency
        qualifier, start_tok = self._prefix_qualifier(start_tok)
        opener = None
        if qualifier and self.match_before(start_tok, ("from",)):
            qualifier = None  # "from up to 252 miles to 287 miles": the range wins
        for phrase in words.RANGE_OPENERS:
            if self.match_before(start_tok, phrase):
                opener = phrase
                start_tok -= len(phrase)
                break
        second, end_tok = self._range_second(first, opener)
        found = self._build(first, second, qualifier, opener, start_tok, end_tok)
        suffix = self._suffix_qualifier(found.last_token + 1)
        if suffix and found.qualifier == "exact":
            qual, stop = suffix
            found.qualifier = qual
            if qual == "at_least":
                found.low, found.high = found.low, None
            elif qual == "at_most":
                found.low, found.high = None, found.high
            found.last_token = stop - 1
            found.end = self.tokens[stop - 1].end
        return found

    def _prefix_qualifier(self, i: int) -> tuple[str | None, int]:
        for phrase, qualifier in words.PREFIX_QUALIFIERS_BY_LAST.get(self.low(i - 1), ()):
            if self.match_before(i, phrase):
                return qualifier, i - len(phrase)
        return None, i

    def _suffix_qualifier(self, i: int) -> tuple[str, int] | None:
        for phrase, qualifier in words.SUFFIX_QUALIFIERS:
            if phrase == ("plus",) and not (self.glued(i) or self.low(i) in DASHES):
                continue
            if self.low(i) in DASHES and self.glued(i) and self.low(i + 1) == "plus":
                return qualifier, i + 2
            if self.match_words(i, phrase):
                return qualifier, i + len(phrase)
        return None

    def _range_second(self, first: Core, opener: tuple[str, ...] | None) -> tuple[Core | None, int]:
        j = first.end
        conn = self.low(j)
        is_dash = conn in DASHES
        if conn == "to" and self.low(j + 1) in DASHES:
            j += 1
        if opener and opener[-1] == "between":
            allowed = conn in ("and", "to") or is_dash
        elif opener:
            allowed = conn == "to" or is_dash
        else:
            allowed = conn in ("to", "or") or is_dash
        if not allowed and opener and opener[-1] == "from":
            j = self._distant_to(first.end)
            if j is None:
                return None, first.end - 1
            conn, is_dash, allowed = "to", False, True
        if not allowed or (self._is_change_amount(first) and (first.unit or first.currency)):
            return None, first.end - 1
        k = j + 1
        code = None
        if k < len(self.tokens) and self._currency_before(k + 1) and not self.is_digit(k):
            code = self._currency_before(k + 1)
            k = k + 1 if self._currency_start(k + 1) == k else self._currency_start(k + 1) + 2
        second = self.read_core(k)
        if second is None:
            return None, first.end - 1
        if is_dash and not (self.glued(j) and self.glued(k)) and conn != "–":
            return None, first.end - 1  # "5 - 10" with spaces is usually two figures
        if second.currency is None:
            second.currency = code
        if conn == "or" and not (first.from_words and second.from_words and second.value > first.value):
            return None, first.end - 1
        u1, u2 = first.currency or first.unit, second.currency or second.unit
        if not opener and u1 and u1 != u2:
            return None, first.end - 1
        if u1 and u2 and u1 != u2:
            return None, first.end - 1
        return second, second.end - 1

    def _distant_to(self, j: int) -> int | None:
        """"from $36,040 at 10.45pm last night to $34,935": the "to" that closes a from-range."""
        for k in range(j, min(j + MAX_FROM_GAP, len(self.tokens))):
            low = self.low(k)
            if low == "." and len(self.low(k - 1)) == 1:
                continue  # "U.S."
            if low in (",", ";", ".", "from", "and", "but", "(", ")") and k > j:
                return None
            if low == "to" and k > j:
                nxt = k + 1
                if self.is_digit(nxt) or self._currency_before(nxt + 1) and self.is_digit(nxt + 1) \
                        or self.is_digit(nxt + 2) and self._currency_before(nxt + 2):
                    return k
                return None
        return None

    def _is_change_amount(self, core: Core) -> bool:
        """"rose 4% to ...", "increased by $43.6 billion to ...": an amount of change, not a range start."""
        i = self._currency_start(core.first) if core.currency else core.first
        qual, i = self._prefix_qualifier(i)
        prev = self.low(i - 1)
        if prev == "by":
            return True
        return prev in UP_WORDS or prev in DOWN_WORDS

    def _build(self, first: Core, second: Core | None, qualifier: str | None,
               opener: tuple[str, ...] | None, start_tok: int, end_tok: int) -> Found:
        end_tok = max(end_tok, first.end - 1)
        unit = None
        if second is not None:
            currency = second.currency or first.currency
            scale_gap = second.scaled and not first.scaled and first.raw < second.raw
            lo_v = first.value
            if scale_gap and not first.from_words and second.raw:
                # "$89 to $93 billion": the scale word serves both ends.
                lo_v = first.value * (abs(second.value) / second.raw)
            hi_v = second.value
            found = Found(start=0, end=0, low=min(lo_v, hi_v), high=max(lo_v, hi_v),
                          qualifier="range", unit=None, descending=lo_v > hi_v)
            unit = currency or second.unit or first.unit
        else:
            value = first.value
            qual = qualifier or "exact"
            if first.vague_base is not None:
                low, high = value, None
                qual = "at_least" if qual in ("exact", "about", "at_least") else qual
                if qual in ("at_most", "less_than"):
                    low, high = None, value
            elif qual in ("at_least", "more_than"):
                low, high = value, None
            elif qual in ("at_most", "less_than"):
                low, high = None, value
            else:
                low = high = value
            found = Found(start=0, end=0, low=low, high=high, qualifier=qual, unit=None,
                          vague_base=first.vague_base)
            unit = first.currency or first.unit
        found.unit = unit
        found.first_token = start_tok
        found.last_token = end_tok
        found.start = self.tokens[start_tok].start
        found.end = self.tokens[end_tok].end
        found.core_first, found.core_end = first.first, first.end
        found.plain, found.from_words = first.plain_integer, first.from_words
        found.plain_second = second is not None and second.plain_integer
        return found

def change_direction(text: str, start: int) -> str | None:
    """"up"/"down" when the number starting at ``start`` is the size of a rise or fall."""
    before = tokenize(text[max(0, start - 60):start])
    skip = {"by", "nearly", "about", "almost", "just", "only", "some", "a", "an", "further",
            "around", "roughly", "another", "more", "than", "over", "sharply", "slightly",
            "as", "much", "many", "solid", "whopping", "marginally"}
    if start < len(text) and text[start] == "+":
        return "up"
    for tok in reversed(before[-5:]):
        low = tok.low
        if low in UP_WORDS:
            return "up"
        if low in DOWN_WORDS:
            return "down"
        if low not in skip:
            return None
    return None
