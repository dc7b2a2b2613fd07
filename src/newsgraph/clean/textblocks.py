"""Classify the blocks of a plain-text page dump and keep the article.

A crawl's text dump of a news page holds the article among menus, captions,
credits, embedded posts, share buttons, lists of other stories, comments and
footers. The classifier works in four passes over the blocks:

1. features per block (``text_features``) and the cue phrases it matches (``text_cues``);
2. an "articleness" value per block: prose (long, sentence-like, full of function
   words) counts for its length, furniture counts against;
3. the article core: the contiguous run of blocks with the largest total value, which
   never crosses a comments marker and pays heavily to cross a list of other stories;
4. kinds: blocks in the core are paragraphs or subheadings unless a cue says otherwise;
   everything else keeps the kind its cues, its position and the section markers
   before it give it (comments after a comments marker, related after a related marker).

Pure Python and ``re``: no model, a few milliseconds per page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.clean import text_cues as cues
from newsgraph.clean.text_features import TextBlock, make_block, split_blocks
from newsgraph.record import Block

# --- Prose: a block that reads like article text. Calibrated on the development
# dumps of the extraction benchmark: article paragraphs there have a median of 45
# words and a function-word share of 0.35-0.55; menu items, titles of other stories
# and button labels stay under 0.2 or under 8 words.
PROSE_MIN_WORDS = 8
PROSE_MIN_STOP_RATIO = 0.18
# Long blocks count as prose even without a final full stop (quotes cut by the
# renderer, paragraphs ending in a link).
PROSE_LONG_WORDS = 25
PROSE_MIN_ALPHA = 0.6
# A prose block's value grows with its length, but one very long block (a legal
# notice, a comment) must not outweigh a whole article: cap at about two paragraphs.
PROSE_VALUE_CAP = 120

# --- Costs of non-prose blocks inside a candidate core, in "words". A short neutral
# line (a subheading, a dateline, an empty bullet of an image gallery) costs little so
# that the core bridges it; furniture costs more; section markers are barriers.
SHORT_LINE_COST = 3.0
FURNITURE_COST = 6.0
LISTED_COST = 5.0
# Crossing a "Related" or "Popular posts" header costs as much as a long article
# paragraph and a half: inline "Related:" lines sit in cores of several hundred words.
RELATED_BARRIER = 80.0
# A short plain line at the indentation of the prose just before it (a list item, a
# line of a recipe or a table, a subheading) is almost free: articles that are lists
# must still form one core.
ALIGNED_LINE_COST = 0.5
# Prose near the end of the page weighs less (linearly, down to 1 - POSITION_DECAY
# on the last block): on the development pages, long blocks at the bottom are legal
# notices, contact details and comments, the article sits in the first two thirds.
POSITION_DECAY = 0.5
# A byline or dateline separates the page's header (standfirst, teaser, kicker) from the
# article below it: crossing one costs about a paragraph. On the development dumps
# costs from 15 to 80 all did better than plain furniture (6); 40 is mid-range.
BYLINE_BARRIER = 40.0
# A comments marker is never crossed.
COMMENTS_BARRIER = 1e9
# Prose after a comments marker still counts, but at this fraction, so that a long
# discussion does not win over a shorter article above it.
COMMENT_PROSE_WEIGHT = 0.3

# --- Subheadings inside the article: short, not a sentence, followed by prose.
SUBHEADING_MAX_WORDS = 14
# --- A caption above a credit line is short and one sentence: on the development dumps
# captions run 8-30 words, while article paragraphs above an image credit have two
# sentences or more.
CAPTION_MAX_WORDS = 30
# "Jane Roe and John Doe in Ankara": a byline naming its place has at most this many words.
NAME_IN_PLACE_MAX_WORDS = 9
# --- Headline: searched among the blocks just before the core.
HEADLINE_LOOKBACK = 25
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 30
# A block matches title_hint when this share of the hint's words is in it (and the
# other way round); 0.8 tolerates a site suffix (" | Site name") on either side.
HINT_OVERLAP = 0.8

_NON_WORD = re.compile(r"\W+")


@dataclass
class TextPage:
    blocks: list[Block]
    title: str | None
    body: str


def classify_text(text: str, title_hint: str | None = None) -> TextPage:
    """Split ``text`` into blocks, give each a kind and keep the article's."""
    if not isinstance(text, str) or not text.strip():
        return TextPage(blocks=[], title=None, body="")
    items = split_blocks(text)
    # Menus and link lists repeat within a page; classify each distinct text once.
    cue_cache: dict[str, str | None] = {}
    cue_kinds = [_cached_cue_kind(item, cue_cache) for item in items]
    _captions_above_credits(items, cue_kinds)
    _reporters_beside_datelines(items, cue_kinds)
    markers = [_marker(item) for item in items]
    values = _values(items, cue_kinds, markers)
    start, end = _core(values)
    core_indent = _dominant_indent(items, start, end)
    kinds = _kinds(items, cue_kinds, markers, start, end, core_indent)
    kept = [kind in ("paragraph", "subheading") and start <= i < end for i, kind in enumerate(kinds)]
    title_index = _headline(items, cue_kinds, start, title_hint)
    if title_index is not None:
        kinds[title_index] = "headline"
        kept[title_index] = False
    blocks = [Block(kind, item.text, keep) for item, kind, keep in zip(items, kinds, kept, strict=True)]
    body = "\n\n".join(block.text for block in blocks if block.kept)
    title = items[title_index].text if title_index is not None else None
    return TextPage(blocks=blocks, title=title, body=body)


# Kinds of a lone line that mark it as page furniture wherever it stands. Embeds,
# captions and credits are left alone: extractors keep embedded posts and picture
# captions that benchmark bodies often include too.
FURNITURE_LINE_KINDS = frozenset({"navigation", "related", "footer", "advert", "other"})


def is_furniture_line(text: str) -> bool:
    """True when one line of an extracted body is page furniture by the text cues alone:
    a newsletter prompt, a "Related: ..." teaser, a byline or timestamp, a copyright line."""
    stripped = text.strip()
    if not stripped:
        return False
    item = make_block(stripped, text, 0, 0)
    return _cue_kind(item) in FURNITURE_LINE_KINDS or _marker(item) == "related"


def _cached_cue_kind(item: TextBlock, cache: dict[str, str | None]) -> str | None:
    if item.text not in cache:
        cache[item.text] = _cue_kind(item)
    return cache[item.text]


def _cue_kind(item: TextBlock) -> str | None:
    text, lowered = item.content, item.lowered
    kind = cues.match_cue(text, lowered, item.words)
    if kind is None and item.words <= cues.CUE_MAX_WORDS * 2 and cues.is_caption_tail(text, lowered):
        kind = "caption"
    if kind is None and cues.RELATED_INLINE.match(lowered):
        kind = "related"
    return kind


def _captions_above_credits(items: list[TextBlock], cue_kinds: list[str | None]) -> None:
    """A short one-sentence block on the line just above a photo credit is that photo's caption.

    Only the very next line counts: a credit after a blank line is as likely to belong to
    a picture with no caption below an article paragraph.
    """
    for i in range(len(items) - 1):
        if cue_kinds[i] is None and cue_kinds[i + 1] == "credit" and not items[i].listed \
                and items[i + 1].line == items[i].line + 1 \
                and items[i].words <= CAPTION_MAX_WORDS and items[i].sentences <= 1:
            cue_kinds[i] = "caption"


def _reporters_beside_datelines(items: list[TextBlock], cue_kinds: list[str | None]) -> None:
    """ "Jane Roe in Ankara" just above or below a dateline is the byline."""
    for i, item in enumerate(items):
        if cue_kinds[i] is not None or item.words > NAME_IN_PLACE_MAX_WORDS \
                or not cues.NAME_IN_PLACE.match(item.content):
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(items) and cue_kinds[j] == "other" \
                    and cues.is_byline(items[j].content, items[j].lowered, items[j].words):
                cue_kinds[i] = "other"
                break


def _marker(item: TextBlock) -> str | None:
    """'comments' or 'related' when the block heads such a section."""
    if item.words > 12:
        return None
    if cues.COMMENTS_MARKER.match(item.lowered):
        return "comments"
    if cues.RELATED_MARKER.match(item.lowered):
        return "related"
    return None


def is_prose(item: TextBlock) -> bool:
    return (item.words >= PROSE_MIN_WORDS and item.stop_ratio >= PROSE_MIN_STOP_RATIO
            and item.alpha_ratio >= PROSE_MIN_ALPHA
            and (item.sentence_end or item.words >= PROSE_LONG_WORDS))


def _values(items: list[TextBlock], cue_kinds: list[str | None], markers: list[str | None]) -> list[float]:
    values: list[float] = []
    after_comments = False
    prose_indent: int | None = None
    count = max(1, len(items) - 1)
    for i, (item, cue, marker) in enumerate(zip(items, cue_kinds, markers, strict=True)):
        if marker == "comments":
            values.append(-COMMENTS_BARRIER)
            after_comments = True
        elif marker == "related":
            values.append(-RELATED_BARRIER)
        elif cue == "other" and cues.is_byline(item.content, item.lowered, item.words):
            values.append(-BYLINE_BARRIER)
        elif cue is not None:
            values.append(-FURNITURE_COST)
        elif is_prose(item) and not (item.listed and item.words < PROSE_LONG_WORDS):
            value = float(min(item.words, PROSE_VALUE_CAP)) * (1 - POSITION_DECAY * i / count)
            values.append(value * COMMENT_PROSE_WEIGHT if after_comments else value)
            prose_indent = item.indent
        elif item.indent == prose_indent and item.words and not item.listed:
            values.append(-ALIGNED_LINE_COST)
        elif item.listed:
            values.append(-LISTED_COST)
        else:
            values.append(-SHORT_LINE_COST)
    return values


def _core(values: list[float]) -> tuple[int, int]:
    """[start, end) of the run of blocks with the largest total value (Kadane)."""
    best, best_start, best_end = 0.0, 0, 0
    running, run_start = 0.0, 0
    for i, value in enumerate(values):
        if running <= 0:
            running, run_start = value, i
        else:
            running += value
        if running > best:
            best, best_start, best_end = running, run_start, i + 1
    return best_start, best_end


def _dominant_indent(items: list[TextBlock], start: int, end: int) -> int | None:
    """The indentation carrying most prose words in the core (inscriptis indents by nesting)."""
    weights: dict[int, int] = {}
    for item in items[start:end]:
        if is_prose(item):
            weights[item.indent] = weights.get(item.indent, 0) + item.words
    return max(weights, key=weights.__getitem__) if weights else None


def _kinds(items: list[TextBlock], cue_kinds: list[str | None], markers: list[str | None],
           start: int, end: int, core_indent: int | None) -> list[str]:
    kinds: list[str] = []
    section: str | None = None  # the last section marker seen outside the core
    for i, (item, cue, marker) in enumerate(zip(items, cue_kinds, markers, strict=True)):
        if marker is not None:
            if marker == "comments" and i >= start:
                section = "comments"
            elif marker == "related" and section != "comments":
                section = "related"
            kinds.append(marker)
            continue
        if start <= i < end:
            section = None
            kinds.append(_core_kind(items, i, cue, core_indent))
        elif section == "comments" and i >= end:
            kinds.append("footer" if cue == "footer" else "comments")
        elif section == "related" and cue is None:
            kinds.append("related")
        else:
            kinds.append(_outside_kind(item, cue))
    return kinds


def _core_kind(items: list[TextBlock], i: int, cue: str | None, core_indent: int | None) -> str:
    item = items[i]
    if cue is not None:
        return cue
    if is_prose(item):
        return "paragraph"
    if _is_subheading(items, i):
        return "subheading"
    if item.indent == core_indent and item.words and not item.listed and item.alpha_ratio >= 0.5:
        return "paragraph"  # a short line of the article's own text (a list line, a recipe step)
    return "navigation" if item.listed else "other"


def _is_subheading(items: list[TextBlock], i: int) -> bool:
    item = items[i]
    if item.listed or not 1 <= item.words <= SUBHEADING_MAX_WORDS or item.alpha_ratio < PROSE_MIN_ALPHA:
        return False
    if item.text.endswith((".", ",", ";", "|")):
        return False
    following = items[i + 1] if i + 1 < len(items) else None
    return following is not None and is_prose(following)


def _outside_kind(item: TextBlock, cue: str | None) -> str:
    if cue is not None:
        return cue
    if item.listed:
        return "navigation"
    if is_prose(item):
        return "other"
    return "navigation" if item.words <= 3 else "other"


def _headline(items: list[TextBlock], cue_kinds: list[str | None], start: int,
              title_hint: str | None) -> int | None:
    if title_hint and title_hint.strip():
        hinted = _hinted_headline(items, title_hint)
        if hinted is not None:
            return hinted
    for i in range(start - 1, max(-1, start - 1 - HEADLINE_LOOKBACK), -1):
        item = items[i]
        # Bylines and datelines are cued "other"; a longer line naming a full date
        # ("By Jane Roe and John Doe in Ankara | Tuesday, March 22, 2016") is one too.
        if cue_kinds[i] is not None or item.listed or cues.DATE_INSIDE.search(item.lowered):
            continue
        if item.words >= PROSE_LONG_WORDS and is_prose(item):
            continue  # a standfirst: a whole sentence under the headline, even without its full stop
        if HEADLINE_MIN_WORDS <= item.words <= HEADLINE_MAX_WORDS and not item.text.endswith(".") \
                and item.alpha_ratio >= PROSE_MIN_ALPHA:
            return i
    return None


def _hinted_headline(items: list[TextBlock], title_hint: str) -> int | None:
    hint = set(_NON_WORD.split(title_hint.lower())) - {""}
    if not hint:
        return None
    for i, item in enumerate(items):
        if item.words > 3 * len(hint) + 5:
            continue
        words = set(_NON_WORD.split(item.text.lower())) - {""}
        if not words:
            continue
        shared = len(hint & words)
        if shared / len(hint) >= HINT_OVERLAP or (shared / len(words) >= HINT_OVERLAP
                                                  and shared >= HEADLINE_MIN_WORDS):
            return i
    return None
