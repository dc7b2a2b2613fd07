"""The tokens a quantity is read from, and what the scanner finds.

Tokens are digit runs (with thousands separators and decimals), letter runs and single
symbols, each with its character offsets; ``TokenRun`` answers the small questions the
scanner and its filters ask about them (the lower-cased text, whether two touch).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?|\.\d+|[^\W\d_]+|\S")
_DIGITS = re.compile(r"[\d.,]+$")
DASHES = {"-", "–", "—", "‒"}


@dataclass
class Token:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass
class Found:
    """A quantity read from the text, before it becomes a record ``Quantity``."""

    start: int
    end: int
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None
    vague_base: float | None = None  # order of magnitude of "dozens", "tens of thousands"
    descending: bool = False  # a range stated high to low ("from 208 to 193")
    last_token: int = 0
    first_token: int = 0
    # The first number's token range and form, for the filters in ``quantity_filters.is_amount``.
    core_first: int = 0
    core_end: int = 0
    from_words: bool = False
    plain: bool = False  # the first number is a bare integer (may be a year or a label)
    plain_second: bool = False


@dataclass
class Core:
    value: float
    first: int  # token indices [first, end)
    end: int
    from_words: bool = False
    vague_base: float | None = None
    plain_integer: bool = False  # digits only, no comma/decimal: may be a year or label
    currency: str | None = None
    unit: str | None = None
    scaled: bool = False
    raw: float = 0.0  # the digits' value before any scale word


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


class TokenRun:
    """A text cut into tokens, with the lookups the scanner and the filters share."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.lows = [tok.text.lower() for tok in self.tokens]

    def low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < len(self.lows) else ""

    def glued(self, i: int) -> bool:
        """Token ``i`` touches the token before it (no space between)."""
        return 0 < i < len(self.tokens) and self.tokens[i].start == self.tokens[i - 1].end

    def is_digit(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and bool(_DIGITS.match(self.tokens[i].text)) \
            and any(c.isdigit() for c in self.tokens[i].text)

    def match_words(self, i: int, phrase: tuple[str, ...]) -> bool:
        return i >= 0 and tuple(self.lows[i:i + len(phrase)]) == phrase

    def match_before(self, i: int, phrase: tuple[str, ...]) -> bool:
        """``phrase`` ends right before token ``i``."""
        return i - len(phrase) >= 0 and self.match_words(i - len(phrase), phrase)

