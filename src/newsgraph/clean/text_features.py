"""Splitting a plain-text page dump into blocks, and the features of each block.

A dump is a sequence of chunks separated by blank lines. Text renderers such as
inscriptis write one paragraph per line and list items one per line, often with
no blank line between them, so each line of a chunk is a block of its own unless
the chunk looks like one paragraph wrapped to a fixed width (several lines of
similar length, no list markers), in which case its lines are joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A chunk is treated as one hard-wrapped paragraph when its lines (all but the last)
# are at least this long and no longer than WRAP_MAX_CHARS; inscriptis writes whole
# paragraphs on one line (hundreds of characters), hand-wrapped text stays under ~100.
WRAP_MIN_CHARS = 30
WRAP_MAX_CHARS = 100
# ...and the shorter lines (but the last) are at least this fraction of the longest.
WRAP_EVENNESS = 0.5

# A sentence end (with a trailing quote or a short bracketed note) fits in this many characters.
SENTENCE_TAIL_CHARS = 40

_LIST_MARKER = re.compile(r"^(?:[*•·+o\-–]\s|\d{1,3}[.)]\s|[a-z][.)]\s)")
_MARKER_OPENERS = frozenset("*•·+-–0123456789abcdefghijklmnopqrstuvwxyz")
_WORD = re.compile(r"\w[\w'’.-]*", re.UNICODE)
_URL = re.compile(r"https?://|www\.\w|\b\w+\.(?:com|org|net|co\.uk|html?|php)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’)\]]*$|[.!?][\"'”’]?\s*\(?[\w -]{0,30}\)?$")
_SENTENCE_INSIDE = re.compile(r"[a-z0-9%)\"”’][.!?][\"”’]?\s+[\"“‘(]?[A-Z]")

STOP_WORDS = frozenset(
    """a about after all also an and any are as at be because been before being but by can could
    did do does during each for from had has have he her here him his how i if in into is it its
    just last like made many may me more most much must my new no not now of on one only or other
    our out over said says she should since so some still such than that the their them then there
    these they this those through to too under up us very was we were what when where which while
    who whom why will with would year years you your""".split()
)
# The commonest function words of other languages seen in crawls (German, French,
# Spanish, Portuguese, Italian, Dutch, Indonesian/Malay, Russian), so that the
# function-word share means the same on non-English pages.
FOREIGN_STOP_WORDS = frozenset(
    """der die das und ist nicht ein eine einen dem den des mit von auf für sich auch es im zu wird
    sind wir ich sie als bei nach aus wie werden hat noch nur oder aber wenn so dass durch über
    le la les et est un une des du en que qui dans pour pas sur au avec il elle ce se sont par plus
    ne aux ou mais nous vous ont été cette son ses leur
    el los las y es una por con para del al lo como más pero sus le su ha este esta entre sin sobre
    o os as um uma não com para mais por seu sua são ao dos das na no nas nos foi ser tem você
    il di che è per non gli della delle nel nella sono da un una anche ma come più alla
    het een van en de is dat op te zijn voor niet met ook als er maar om aan bij door hij
    yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada kita kami mereka atau
    karena bisa sudah oleh saya adalah seperti jika hanya lebih
    и в не на что с по как это из к за от а о но же для все так его она он они мы вы бы или то""".split()
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# Particles and function characters of Japanese and Chinese running text.
_CJK_FUNCTION = re.compile(r"[のはがをにでともへやかなたしてる的了是在和有这也就]")
# In Chinese and Japanese, about two characters make a word; used to give CJK blocks
# a comparable "words" count.
CJK_CHARS_PER_WORD = 2


_ALL_STOP_WORDS = STOP_WORDS | FOREIGN_STOP_WORDS
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# ASCII letters, deleted with bytes.translate to count them: far cheaper than a regex.
_ASCII_LETTERS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))
# The whitespace a stripped ASCII line can still hold (splitlines() takes the rest).
_ASCII_INNER_SPACES = (" ", "\t", "\x1f")


@dataclass(slots=True)
class TextBlock:
    """One block of the dump and the features the classifier reads.

    Features the classifier reads for every block are computed up front; the rest
    (title_ratio, sentences, has_url) only when asked for, which keeps splitting cheap
    (a dump has a few hundred blocks, and bulk cleaning runs hundreds of pages a second).
    """

    text: str  # stripped; lines of a wrapped paragraph joined with one space
    raw: str  # the original lines, for callers who need them
    indent: int  # leading spaces of its first line
    line: int  # 0-based number of its first line
    listed: bool  # starts with a list marker ("* ", "o ", "1. ")
    content: str  # text without its list marker
    lowered: str  # content in lower case, for the cue patterns
    words: int
    stop_ratio: float  # share of words that are function words
    sentence_end: bool  # ends like a sentence
    alpha_ratio: float  # share of visible characters that are letters

    @property
    def title_ratio(self) -> float:
        """Share of words that start with a capital letter."""
        words = _WORD.findall(self.content)
        return sum(1 for w in words if w[0].isupper()) / len(words) if words else 0.0

    @property
    def sentences(self) -> int:
        """Rough count of sentence breaks inside plus the end."""
        return len(_SENTENCE_INSIDE.findall(self.content)) + (1 if self.sentence_end else 0)

    @property
    def has_url(self) -> bool:
        return bool(_URL.search(self.content))


def split_blocks(text: str) -> list[TextBlock]:
    """Every non-blank stretch of ``text`` as blocks, in order."""
    blocks: list[TextBlock] = []
    chunk: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines()):
        if line.strip():
            chunk.append((number, line))
        elif chunk:
            blocks.extend(_chunk_blocks(chunk))
            chunk = []
    if chunk:
        blocks.extend(_chunk_blocks(chunk))
    return blocks


def _chunk_blocks(chunk: list[tuple[int, str]]) -> list[TextBlock]:
    if _is_wrapped_paragraph([line for _, line in chunk]):
        joined = " ".join(line.strip() for _, line in chunk)
        raw = "\n".join(line for _, line in chunk)
        return [make_block(joined, raw, _indent(chunk[0][1]), chunk[0][0])]
    return [make_block(line.strip(), line, _indent(line), number) for number, line in chunk]


def _is_wrapped_paragraph(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    stripped = [line.strip() for line in lines]
    if any(_LIST_MARKER.match(line) for line in stripped):
        return False
    if len({_indent(line) for line in lines[1:]}) > 1:
        return False
    if all(_SENTENCE_END.search(line[-SENTENCE_TAIL_CHARS:]) for line in stripped[:-1]):
        return False  # every line is complete on its own: separate items, not a wrapped paragraph
    if len(stripped) == 2 and not _SENTENCE_END.search(stripped[1][-SENTENCE_TAIL_CHARS:]):
        return False  # a line and an unfinished one: a headline and its byline, not a paragraph wrapped once
    body = [len(line) for line in stripped[:-1]]
    longest = max(body)
    return (min(body) >= WRAP_MIN_CHARS and longest <= WRAP_MAX_CHARS
            and min(body) >= WRAP_EVENNESS * longest and len(stripped[-1]) <= WRAP_MAX_CHARS)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def make_block(text: str, raw: str, indent: int, line: int) -> TextBlock:
    # Only a few characters can open a list marker; most lines skip the pattern.
    listed = text[:1] in _MARKER_OPENERS and bool(_LIST_MARKER.match(text))
    content = _LIST_MARKER.sub("", text, count=1).lstrip() if listed else text
    lowered = content.lower()
    words = _WORD.findall(lowered)
    n_words = len(words)
    stop = sum(map(_ALL_STOP_WORDS.__contains__, words))
    if content.isascii():
        visible = len(content) - sum(map(content.count, _ASCII_INNER_SPACES))
        letters = len(content) - len(content.encode("ascii").translate(None, _ASCII_LETTERS))
    else:
        # Count ASCII letters on the bytes, then look only at the few non-ASCII characters.
        encoded = content.encode("utf-8")
        beyond_ascii = "".join(_NON_ASCII_RUN.findall(content))
        letters = len(encoded) - len(encoded.translate(None, _ASCII_LETTERS)) \
            + sum(map(str.isalpha, beyond_ascii))
        visible = sum(map(len, content.split()))
        cjk = len(_CJK.findall(beyond_ascii))
        if cjk > n_words:
            # CJK text has no spaces: count words by characters, function words by particles.
            n_words = max(n_words, cjk // CJK_CHARS_PER_WORD)
            stop = min(n_words, len(_CJK_FUNCTION.findall(content)))
    return TextBlock(
        text=text, raw=raw, indent=indent, line=line, listed=listed, content=content, lowered=lowered,
        words=n_words, stop_ratio=stop / n_words if n_words else 0.0,
        sentence_end=bool(_SENTENCE_END.search(content[-SENTENCE_TAIL_CHARS:])),
        alpha_ratio=letters / (visible or 1),
    )
