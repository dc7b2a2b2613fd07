"""Entity mentions: the model's named spans, cleaned, plus the project's own rules.

Turns ``doc._nlp.ents`` into ``Mention`` objects with clean spans (no leading
"the", no possessive "'s", no title), drops numeric labels and noise, adds
alias-table variants the model missed, links parenthetical aliases ("the
Kurdistan Workers' Party (PKK, also known as KADEK)") and splits coordinated
names ("Ali and Omar Haddad"). Merging the mentions into entities is
``entity_merge``'s job.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Any

from newsgraph.language.aliases import AliasTable, alias_table
from newsgraph.language.entity_words import (
    BODY_NAME_ENDS,
    DROPPED_LABELS,
    GROUP_CUE_WORDS,
    LEADING_TITLES,
    NOISE_WORDS,
    PERSON_NOUNS,
    QUALIFIED_TITLES,
    REPORTING_VERBS,
    TITLE_ONLY,
    title_before,
    title_gender,
)

# Share of upper-case letters above which a text counts as all capitals (wire
# copy of the MUC era, shouted headlines); calibrated on the MUC-4 raw texts
# (about 0.99) against ordinary news pages (under 0.1 even with acronyms).
ALL_CAPS_RATIO = 0.85
# Below this share of capitals the text is taken as lower-cased (the MUC-4
# JSONL texts are lowered entirely: 0.0); ordinary prose is well above 0.02.
LOWER_CASE_RATIO = 0.005
# Fewer letters than this and casing says nothing.
MIN_LETTERS_FOR_CASING = 40

# How far before a name to look for a title, and for the given names of a
# coordination ("Ali, Hassan and Omar Haddad"): a few words.
TITLE_WINDOW = 40
COORDINATION_WINDOW = 80
# How far after a name a parenthetical alias may open, and its longest content.
PARENTHESIS = re.compile(r"\s*\(([^()\n]{1,120})\)")
PARENTHESIS_SPLIT = re.compile(
    r"\s*(?:,|;|\bor\b|\balso known as\b|\balso called\b|\bknown as\b|\baka\b|\ba\.k\.a\.|\bformerly\b"
    r"|\bformerly known as\b)\s*")
# A parenthetical alias is a short name: at most this many words.
MAX_PAREN_ALIAS_WORDS = 5

# "(D-Newport News)", "(R-Texas)": a politician's party and state, not an alias.
_PARTY_AND_STATE = re.compile(r"^[DRI]-[A-Z]")
_LEADING_JUNK = re.compile(r"^(?:[Tt]he\s+|THE\s+|[\"'\u201c\u2018(\[\-\u2013\u2014\s])+")
# Quotes, brackets and punctuation a model leaves at the end of a name; a lone
# apostrophe is the possessive of a name ending in s ("Reuters'").
_TRAILING_CHARS = " \t\"'\u201d\u2019)],;:!?-\u2013\u2014"
_WORD = re.compile(r"[^\W\d_][\w'\u2019\-]*")
_NAME_WORD = r"[^\W\d_][\w'\u2019\-]*"
_COORDINATION_TAIL = re.compile(rf"((?:{_NAME_WORD}\s*,\s*)*{_NAME_WORD})\s*,?\s+(?:and|&)\s+$")
_IN_SPAN_COORDINATION = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str
    origin: str = "ner"            # ner | table | paren | coordination | repeat
    canonical: str | None = None   # the alias table's name for the actor, if any
    titled: bool = False           # a personal title stood before the name
    gender: str | None = None      # "m" or "f" when the title says ("Mr.", "Mrs.")
    reporting_subject: bool = False
    implied_name: str | None = None  # "Ali Haddad" for "Ali" in "Ali and Omar Haddad"
    linked_to: int | None = None   # index of the mention this one is a parenthetical alias of
    ambiguous: bool = False        # a table variant that is also a common word ("IS")

    @functools.cached_property
    def words(self) -> list[str]:
        return self.text.split()


@dataclass
class ParsedText:
    """What the rules read of one document, computed once: the spaCy ``ents``
    property walks every token, so it is read a single time."""

    body: str
    parsed: Any
    ents: list[Any]
    casing: str
    tagged: bool
    has_parse: bool

    @classmethod
    def of(cls, doc: Any) -> ParsedText:
        parsed = doc._nlp
        return cls(doc.body, parsed, list(parsed.ents), text_casing(doc.body),
                   parsed.has_annotation("TAG"), parsed.has_annotation("DEP"))


# Cased letters of the Latin, Greek and Cyrillic scripts, counted with regexes
# (C speed) rather than a Python loop over every character.
_UPPER_LETTER = re.compile(r"[A-Z\u00c0-\u00de\u0391-\u03a9\u0410-\u042f]")
_LOWER_LETTER = re.compile(r"[a-z\u00df-\u00ff\u03b1-\u03c9\u0430-\u044f]")
CASING_SAMPLE_CHARS = 20000


def text_casing(text: str) -> str:
    """"upper", "lower" or "mixed": how far capital letters can be trusted as name cues."""
    sample = text[:CASING_SAMPLE_CHARS]
    # Scripts without case (Arabic, Chinese) count as neither: compare cased letters only.
    upper = len(_UPPER_LETTER.findall(sample))
    lower = len(_LOWER_LETTER.findall(sample))
    if upper + lower < MIN_LETTERS_FOR_CASING:
        return "mixed"
    ratio = upper / (upper + lower)
    if ratio >= ALL_CAPS_RATIO:
        return "upper"
    if ratio <= LOWER_CASE_RATIO:
        return "lower"
    return "mixed"


def clean_span(body: str, start: int, end: int, casing: str) -> tuple[int, int, str | None] | None:
    """Trim a name span; returns (start, end, title) or None when nothing name-like is left."""
    text = body[start:end]
    if "\n" in text:  # a span across lines is two fragments; keep the longer
        pieces = text.split("\n")
        longest = max(pieces, key=len)
        start += text.index(longest)
        end = start + len(longest)
        text = longest
    lead = _LEADING_JUNK.match(text)
    if lead:
        start += lead.end()
        text = text[lead.end():]
    text = text.rstrip(_TRAILING_CHARS)
    if text.endswith(("'s", "\u2019s")):  # "Lopez's" is a mention of Lopez
        text = text[:-2].rstrip(_TRAILING_CHARS)
    end = start + len(text)
    titled = None
    title = LEADING_TITLES.match(text) or QUALIFIED_TITLES.match(text)
    if title and title.end() < len(text) and text.split()[-1].lower() not in BODY_NAME_ENDS:
        titled = title.group(0).split()[-1] if title.re is QUALIFIED_TITLES else title.group(0).strip()
        start += title.end()
        text = text[title.end():]
    if not _looks_like_name(text, casing):
        return None
    return start, end, titled


def _looks_like_name(text: str, casing: str) -> bool:
    letters = sum(ch.isalpha() for ch in text)
    if letters < 2 or letters < sum(ch.isdigit() for ch in text):
        return False
    if TITLE_ONLY.match(text):
        return False
    lowered = text.lower()
    if lowered in NOISE_WORDS and not (casing == "mixed" and text.isupper() and len(text) > 1
                                       and lowered not in {"i", "a", "the", "and", "or"}):
        return False
    # In ordinary text a name has a capital; scripts without case (Arabic,
    # Chinese) have neither capitals nor small letters and pass.
    if casing == "mixed" and not any(ch.isupper() for ch in text) and any(ch.islower() for ch in text):
        return False
    return True


def collect_mentions(text: ParsedText, table: AliasTable | None = None) -> list[Mention]:
    """All name mentions of a parsed document, in text order."""
    table = table or alias_table()
    body, casing = text.body, text.casing
    candidates = [*_model_mentions(text.ents, body, casing, table), *_table_mentions(body, casing, table)]
    mentions = _without_overlaps(candidates)
    mentions = _resolve_ambiguous(mentions, body)
    mentions = _split_coordinations(mentions, body, text)
    _link_parentheticals(mentions, body, casing, table)
    mentions.sort(key=lambda m: (m.start, m.end))
    _mark_cues(mentions, text)
    return mentions


def _model_mentions(ents: list[Any], body: str, casing: str, table: AliasTable) -> list[Mention]:
    out = []
    for ent in ents:
        if ent.label_ in DROPPED_LABELS:
            continue
        cleaned = clean_span(body, ent.start_char, ent.end_char, casing)
        if cleaned is None:
            continue
        start, end, title = cleaned
        text = body[start:end]
        entry = table.lookup(text)
        # a title before a full name makes it a person, whatever the model tagged
        label = "PERSON" if title is not None and len(text.split()) >= 2 else ent.label_
        out.append(Mention(start, end, text, label, titled=title is not None, gender=title_gender(title),
                           canonical=entry.canonical if entry else None,
                           ambiguous=table.is_ambiguous(text) if entry else False))
    return out


def _table_mentions(body: str, casing: str, table: AliasTable) -> list[Mention]:
    out = []
    for hit in table.find_variants(body, text_is_lower_case=casing == "lower"):
        # In all-capital text every short word looks like an acronym ("HELP US").
        if casing == "upper" and " " not in hit.text and len(hit.text) < 5:
            continue
        out.append(Mention(hit.start, hit.end, hit.text, hit.type, origin="table",
                           canonical=hit.canonical, ambiguous=hit.ambiguous))
    return out


def _without_overlaps(candidates: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping spans; at equal length the alias table wins."""
    ranked = sorted(candidates, key=lambda m: (-(m.end - m.start), m.origin != "table", m.start))
    starts: list[int] = []
    kept: list[Mention] = []
    for mention in ranked:
        i = bisect.bisect_left(starts, mention.start)
        if i > 0 and kept[i - 1].end > mention.start:
            continue
        if i < len(kept) and kept[i].start < mention.end:
            continue
        starts.insert(i, mention.start)
        kept.insert(i, mention)
    return kept


def _resolve_ambiguous(mentions: list[Mention], body: str) -> list[Mention]:
    """Keep "IS"-like variants only beside a cue word or after an unambiguous mention of the group."""
    named: set[str] = set()
    out = []
    for mention in mentions:
        if mention.canonical and mention.ambiguous:
            if mention.canonical not in named and not _has_group_cue(body, mention.start, mention.end):
                continue
        elif mention.canonical:
            named.add(mention.canonical)
        out.append(mention)
    return out


def _has_group_cue(body: str, start: int, end: int) -> bool:
    before, after = body[max(0, start - 40):start], body[end:end + 40]
    if before.endswith("-") or after.startswith("-"):  # "pro-IS", "IS-linked"
        return True
    words_before = [w.lower() for w in _WORD.findall(before)][-2:]
    words_after = [w.lower() for w in _WORD.findall(after)][:2]
    return any(w in GROUP_CUE_WORDS for w in (*words_before, *words_after))


def _split_coordinations(mentions: list[Mention], body: str, text: ParsedText) -> list[Mention]:
    """"Ali and Omar Haddad": Ali's full name is Ali Haddad; add it to the mention of "Ali"."""
    out: list[Mention] = []
    for mention in mentions:
        if mention.label == "PERSON" and _IN_SPAN_COORDINATION.search(mention.text):
            out.extend(_split_person_span(mention))
        else:
            out.append(mention)
    by_start = {m.start: m for m in out}
    ordered = sorted(out, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    added: list[Mention] = []
    for mention in list(out):
        words = mention.words
        if mention.label != "PERSON" or len(words) < 2 or mention.implied_name:
            continue
        window_start = max(0, mention.start - COORDINATION_WINDOW)
        tail = _COORDINATION_TAIL.search(body[window_start:mention.start])
        if not tail:
            continue
        surname = " ".join(words[1:])
        for word in _WORD.finditer(tail.group(1)):
            start = window_start + tail.start(1) + word.start()
            given = word.group(0)
            earlier = by_start.get(start)
            # "Ali Haddad and Omar Haddad": the word before "and" ends another
            # name; it is not a given name.
            i = bisect.bisect_left(starts, start)
            if earlier is None and i > 0 and ordered[i - 1].end > start:
                continue
            if earlier is not None:
                if earlier.label == "PERSON" and len(earlier.words) == 1:
                    earlier.implied_name = f"{given} {surname}"
            elif _is_untagged_given_name(given, start, text):
                added.append(Mention(start, start + len(given), given, "PERSON", origin="coordination",
                                     implied_name=f"{given} {surname}"))
    return out + added


def _split_person_span(mention: Mention) -> list[Mention]:
    parts = []
    offset = 0
    for sep in _IN_SPAN_COORDINATION.finditer(mention.text):
        parts.append((offset, sep.start()))
        offset = sep.end()
    parts.append((offset, len(mention.text)))
    pieces = [Mention(mention.start + s, mention.start + e, mention.text[s:e], "PERSON",
                      origin=mention.origin, titled=mention.titled and s == 0,
                      gender=mention.gender if s == 0 else None)
              for s, e in parts if e > s and mention.text[s].isupper()]
    if len(pieces) > 1 and len(pieces[-1].words) >= 2:
        surname = " ".join(pieces[-1].words[1:])
        for piece in pieces[:-1]:
            if len(piece.words) == 1:
                piece.implied_name = f"{piece.text} {surname}"
    return pieces or [mention]


def _is_untagged_given_name(word: str, start: int, text: ParsedText) -> bool:
    if not word[0].isupper() or len(word) < 2 or word.lower() in NOISE_WORDS or TITLE_ONLY.match(word):
        return False
    if not text.tagged:
        return True
    span = text.parsed.char_span(start, start + len(word), alignment_mode="expand")
    return span is not None and span.root.pos_ == "PROPN"


def _link_parentheticals(mentions: list[Mention], body: str, casing: str, table: AliasTable) -> None:
    """"the Kurdistan Workers' Party (PKK, also known as KADEK)": PKK and KADEK name the party."""
    by_start = {m.start: i for i, m in enumerate(mentions)}
    for index in range(len(mentions)):
        outer = mentions[index]
        if outer.label == "PERSON":
            continue  # "(pictured)", "(D-Calif.)", ages: not aliases of a person
        after = body[outer.end:outer.end + 130]
        if after.startswith(("'s", "\u2019s")):
            continue
        opened = PARENTHESIS.match(after)
        if not opened:
            continue
        inner_start = outer.end + opened.start(1)
        inner = opened.group(1)
        offset = 0
        pieces = []
        for sep in PARENTHESIS_SPLIT.finditer(inner):
            pieces.append((offset, sep.start()))
            offset = sep.end()
        pieces.append((offset, len(inner)))
        for s, e in pieces:
            cleaned = clean_span(body, inner_start + s, inner_start + e, casing) if e > s else None
            if cleaned is None:
                continue
            start, end, _ = cleaned
            _link_piece(mentions, by_start, index, start, end, body, table)


def _link_piece(mentions: list[Mention], by_start: dict[int, int], outer_index: int, start: int, end: int,
                body: str, table: AliasTable) -> None:
    outer = mentions[outer_index]
    text = body[start:end]
    entry = table.lookup(text)
    if entry and outer.canonical and entry.canonical != outer.canonical:
        return  # the table knows them as two actors
    existing = by_start.get(start)
    if existing is not None:
        piece = mentions[existing]
        compatible = piece.label == outer.label or piece.label not in ("PERSON", "GPE", "LOC", "FAC")
        if compatible and piece.end == end:
            piece.linked_to = outer_index
        return
    if len(text.split()) > MAX_PAREN_ALIAS_WORDS or not _is_alias_like(text) or _PARTY_AND_STATE.match(text):
        return
    if any(m.start < end and start < m.end for m in mentions):
        return
    mentions.append(Mention(start, end, text, outer.label, origin="paren", linked_to=outer_index,
                            canonical=entry.canonical if entry else None))


def _is_alias_like(text: str) -> bool:
    words = text.split()
    if len(words) == 1:
        return sum(ch.isupper() for ch in text) >= 2 or (text[0].isupper() and len(text) >= 3)
    return all(w[0].isupper() or w.lower() in {"of", "the", "and", "for", "al", "de", "la"} for w in words)


def _mark_cues(mentions: list[Mention], text: ParsedText) -> None:
    """Titles before a name, and names that are the subject of a reporting verb."""
    body, parsed, has_parse = text.body, text.parsed, text.has_parse
    for mention in mentions:
        before = body[max(0, mention.start - TITLE_WINDOW):mention.start]
        title = None if mention.titled else title_before(before)
        if title:
            mention.titled = True
            mention.gender = title_gender(title)
        if (has_parse and 2 <= len(mention.words) <= 3 and mention.label != "PERSON"
                and mention.origin == "ner"):
            span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and any(c.dep_ == "appos" and c.pos_ == "NOUN"
                                        and c.lemma_.lower() in PERSON_NOUNS for c in span.root.children):
                mention.label = "PERSON"  # "Ana Ruiz, an economist at a brokerage"
        if has_parse and len(mention.words) == 1 and mention.label != "PERSON":
            span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                root = span.root
                mention.reporting_subject = (root.dep_ in ("nsubj", "nsubjpass")
                                             and root.head.lemma_ in REPORTING_VERBS)
