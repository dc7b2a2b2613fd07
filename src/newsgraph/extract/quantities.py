"""Quantities and who claims them: the ``quantities`` stage.

Conventions (the record contract's, plus the choices it leaves open):
- low/high as stated with the open side None: "at least 12" -> 12, None, at_least;
  "up to 50" -> None, 50, at_most; "about 80" -> 80, 80, about; "200 to 300" -> range.
- "nearly"/"almost" read as ``about`` (see ``quantity_words.PREFIX_QUALIFIERS``).
- Vague plurals are open-ended: "dozens" -> 24, None, at_least (at least two of the
  named amount); "hundreds" -> 200; "tens of thousands" -> 20,000.
- A range is stored low <= high even when stated high to low ("from 208 to 193").
- unit: what is counted, as written, lowercased, without determiners ("police officers");
  money -> ISO 4217 code ("USD"); percentages -> "percent"; units of measure as written
  ("km"); ages ("a 34-year-old") are kept as quantities with unit "years old".
- Not quantities: years, dates, clock times, ordinals, phone numbers, street
  addresses, labels and numbers inside names ("Resolution 2254", "Big 12").
- claimant_text: the subject of the reporting verb that governs the number, or the
  object of "according to"; a quote that contains the number gives its resolved
  speaker instead. claimant: id of the entity whose mention overlaps those words.
"""

from __future__ import annotations

import re
from typing import Any

from newsgraph.extract.quantity_scan import Found, Scanner
from newsgraph.record import Document, Quantity

REPORTING_VERBS = {
    "say", "tell", "estimate", "claim", "report", "announce", "confirm", "state", "put",
    "add", "note", "insist", "allege", "assert", "declare", "reveal", "disclose", "warn",
    "explain", "write", "tweet", "post", "believe", "think", "count", "record", "tally",
    "calculate", "show", "indicate", "suggest", "predict", "forecast", "project", "expect",
    "acknowledge", "admit", "argue", "mention", "testify", "quote", "cite", "publish",
}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his",
                "her", "our", "my", "your", "some", "all", "of"}
_FUNCTION_WORDS = _DETERMINERS | {
    "and", "or", "but", "in", "on", "at", "to", "for", "from", "by", "with", "as", "than",
    "is", "are", "was", "were", "be", "been", "will", "would", "had", "has", "have", "per",
    "who", "which", "while", "when", "since", "after", "before", "over", "under", "into",
    "it", "they", "he", "she", "we", "you", "i", "not", "more", "less", "each", "every",
    "them", "us", "him", "her", "whom", "those", "these",
}
_NOUN_MODIFIER_DEPS = {"amod", "compound", "nmod", "nummod", "poss", "advmod", "npadvmod"}
MAX_UNIT_WORDS = 4  # the counted noun phrase: adjectives + compounds + head, as in "first-team players"


def parse_number_phrase(text: str) -> tuple[float | None, float | None, str] | None:
    """(low, high, qualifier) of the first number expression in ``text``, or None.

    For other stages that hold a short phrase: "at least 12" -> (12, None, "at_least").
    """
    if not text or not text.strip():
        return None
    found = Scanner(text).scan()
    if not found:
        return None
    first = found[0]
    return first.low, first.high, first.qualifier


def find_quantities(text: str, sdoc: Any = None) -> list[Quantity]:
    """Every quantity in ``text``; ``sdoc`` (the spaCy Doc of ``text``) refines the units."""
    if not text:
        return []
    quantities: list[Quantity] = []
    for item in Scanner(text).scan():
        if sdoc is not None and _inside_name(sdoc, item):
            continue
        unit = item.unit
        if unit is None:
            unit = _counted_noun(sdoc, item) if sdoc is not None else _next_noun(text, item)
            if unit is None and sdoc is not None:
                after = _token_at(sdoc, item.end + 1)
                if after is not None and after.pos_ == "NOUN" and after.idx == item.end + 1:
                    unit = after.lower_  # the parse missed the link: the noun right after the number
        elif unit != "percent":
            unit += _rate_suffix(text, item.end)
        quantity = Quantity(text=text[item.start:item.end], span=[item.start, item.end],
                            low=_tidy(item.low), high=_tidy(item.high), qualifier=item.qualifier,
                            unit=unit)
        # Working state for evaluation (not in the contract): stated order and vagueness.
        quantity._descending = item.descending  # type: ignore[attr-defined]
        quantity._vague_base = item.vague_base  # type: ignore[attr-defined]
        quantities.append(quantity)
    return quantities


def run(doc: Document) -> None:
    """The stage: fill ``doc.quantities`` from ``doc.body`` (and its parse, when present)."""
    body = doc.body or ""
    sdoc = doc._nlp
    parsed_text = sdoc.text if sdoc is not None else ""  # Doc.text joins every token: read it once
    if sdoc is not None and not body.startswith(parsed_text):
        doc.warn("quantities: the parse is not of this body; numbers read without it")
        sdoc = None
    elif sdoc is not None and len(parsed_text) < len(body):
        # The pipeline cuts very long bodies for the model: past the cut, no units or claimants.
        doc.warn("quantities: parse does not cover the whole body; numbers past its end read without it")
    try:
        quantities = find_quantities(body, sdoc)
    except RecursionError:  # pathological nesting in the parse; never fail the document
        doc.warn("quantities: parse too deep, read without it")
        sdoc = None
        quantities = find_quantities(body)
    according_heads = _according_heads(sdoc) if sdoc is not None else set()
    for quantity in quantities:
        _attach_claimant(doc, quantity, sdoc, according_heads)
    doc.quantities = quantities


_RATE = re.compile(r"\s*(?:per|an?)\s+(day|week|month|year|hour|share|barrel|gallon|ounce|gram|"
                   r"kilogram|kg|tonne|ton|person|head|night|square (?:foot|feet|metre|meter|mile))\b",
                   re.IGNORECASE)


def _rate_suffix(text: str, end: int) -> str:
    """" per barrel", " per month": the denominator of a price or rate ("$3500 a month")."""
    match = _RATE.match(text, end)
    if match is None:
        return ""
    return " per " + match.group(1).lower()


def _tidy(value: float | None) -> float | None:
    """Whole numbers as ints in the record (12, not 12.0); floats stay floats."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value


# -- units from the parse ----------------------------------------------------------------------

def _parsed_length(sdoc: Any) -> int:
    """Length of ``sdoc.text`` in constant time (``Doc.text`` rebuilds the string on every read)."""
    if len(sdoc) == 0:
        return 0
    last = sdoc[-1]
    return last.idx + len(last.text_with_ws)


def _token_at(sdoc: Any, char: int) -> Any:
    if char >= _parsed_length(sdoc):
        return None
    span = sdoc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _inside_name(sdoc: Any, item: Found) -> bool:
    """The number is part of a product, work or law name the model recognised ("Windows 11")."""
    tok = _token_at(sdoc, item.end - 1)
    return tok is not None and tok.ent_type_ in ("PRODUCT", "WORK_OF_ART", "LAW") \
        and tok.ent_iob_ != "B" and item.unit is None


def _counted_noun(sdoc: Any, item: Found) -> str | None:
    tok = _token_at(sdoc, item.end - 1)
    if tok is None:
        return None
    while tok.dep_ == "conj" and tok.head.i < tok.i and tok.head.idx >= item.start:
        tok = tok.head  # "between 200 and 300 fighters": the range's first number carries the noun
    head = None
    if tok.dep_ in ("nummod", "quantmod", "amod", "compound") and tok.head.i > tok.i \
            and tok.head.pos_ in ("NOUN", "PROPN"):
        head = tok.head
        while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
            head = head.head
    else:
        # "dozens of people", "one of the best speakers": the object of "of".
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    head = objects[0]
                    if head.pos_ == "PRON":
                        return None  # "dozens of them", "two of whom": the pronoun names nothing
                    start = min([t.i for t in head.lefts if t.dep_ in _NOUN_MODIFIER_DEPS
                                 and t.lower_ not in _DETERMINERS] + [head.i])
                    return _unit_text(sdoc[start:head.i + 1])
        return None
    first = tok.i + 1
    while first < head.i and sdoc[first].lower_ in _DETERMINERS | {"-", "of"}:
        first += 1
    if first > head.i or sdoc[first].idx < item.end:
        first = max(first, head.i)
    return _unit_text(sdoc[first:head.i + 1])


def _unit_text(span: Any) -> str | None:
    words = [t.text for t in span if not t.is_punct or t.text == "-"]
    words = words[-MAX_UNIT_WORDS:]
    text = " ".join(words).replace(" - ", "-").lower()
    return text or None


def _next_noun(text: str, item: Found) -> str | None:
    """Without a parse: the next word, or the word after "of" ("dozens of people")."""
    rest = text[item.end:item.end + 60].split()
    if rest and rest[0].lower() == "of" and len(rest) > 1:
        rest = [w for w in rest[1:] if w.lower() not in _DETERMINERS]
    if not rest:
        return None
    word = rest[0].strip(".,;:!?\"')(").lower()
    if not word.isalpha() or word in _FUNCTION_WORDS:
        return None
    return word


# -- claimants -------------------------------------------------------------------------------

def _according_heads(sdoc: Any) -> set[int]:
    """Indices of the tokens that have an "according" child, read from the parse arrays at C speed.

    ``_reporting_subject`` looks for such a child at every step up the tree; asking this set first
    spares it a walk over the children of each node.
    """
    import numpy  # here, not at import: other stages import this module for parse_number_phrase
    from spacy.attrs import HEAD, LOWER

    if len(sdoc) == 0:
        return set()
    table = sdoc.to_array([LOWER, HEAD]).astype(numpy.int64)  # HEAD: offset to the head, signed
    according = numpy.nonzero(table[:, 0] == numpy.uint64(sdoc.vocab.strings["according"]).astype(
        numpy.int64))[0]
    return set((according + table[according, 1]).tolist())


def _attach_claimant(doc: Document, quantity: Quantity, sdoc: Any, according_heads: set[int]) -> None:
    start, end = quantity.span
    for quote in doc.quotes:
        if quote.span and quote.span[0] <= start and end <= quote.span[1] and (
                quote.speaker or quote.speaker_entity or quote.speaker_text):
            quantity.claimant_text = quote.speaker or quote.speaker_text
            quantity.claimant = quote.speaker_entity or (
                _entity_over(doc, quote.speaker_span) if quote.speaker_span else None)
            return
    if sdoc is None:
        return
    tok = _token_at(sdoc, start)
    if tok is None:
        return
    claimant = _reporting_subject(tok, according_heads)
    if claimant is None:
        return
    first, last = claimant
    span_chars = [sdoc[first].idx, sdoc[last].idx + len(sdoc[last].text)]
    quantity.claimant_text = doc.body[span_chars[0]:span_chars[1]]
    quantity.claimant = _entity_over(doc, span_chars)


def _reporting_subject(tok: Any, according_heads: set[int]) -> tuple[int, int] | None:
    """Token range of who reports the number: climb to a reporting verb, take its subject."""
    node = tok
    seen = 0
    while seen < 40:
        seen += 1
        for child in node.children if node.i in according_heads else ():
            if child.lower_ == "according":
                objects = [g for c in child.children for g in c.children if g.dep_ == "pobj"] + \
                          [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return _subtree_range(objects[0])
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in REPORTING_VERBS and node is not tok:
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            agents = [g for c in node.children if c.dep_ == "agent" for g in c.children]
            who = subjects[0] if subjects else (agents[0] if agents else None)
            if who is not None and not _contains(who, tok):
                return _subtree_range(who)
        if node.head is node:
            break
        node = node.head
    return None


def _contains(ancestor: Any, tok: Any) -> bool:
    return ancestor.left_edge.i <= tok.i <= ancestor.right_edge.i


def _subtree_range(tok: Any) -> tuple[int, int]:
    """The claimant's words: its subtree without trailing clauses or punctuation."""
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "appos", "prep", "amod", "pobj") and not child.is_punct:
            if child.dep_ == "appos" and child.right_edge.i - tok.i > 8:
                break
            right = child.right_edge.i
        else:
            break
    return left, right


def _entity_over(doc: Document, span: list[int] | None) -> str | None:
    if not span:
        return None
    for entity in doc.entities:
        for mention in entity.mentions:
            if mention[0] < span[1] and span[0] < mention[1]:
                return entity.id
    return None
