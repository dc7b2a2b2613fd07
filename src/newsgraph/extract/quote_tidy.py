"""Tidying of finished quotes for the record: what PolNeAR does not score but a reader sees.

``find_attributions`` is tuned to PolNeAR, which scores top-level attributions only and
reads beliefs and intentions as attributions too. The record's ``quotes`` are read by
people, so after speakers are resolved ``tidy_quotes`` fixes what would mislead them:

- a dateline ("PESHAWAR:", "TUMACO, Colombia —") is neither a speaker nor part of a
  quote's content;
- a first-person speaker inside a quotation ("We have called in ...") is the
  quotation's own speaker;
- a relative pronoun as speaker ("a man who wanted ...") is the noun it stands for;
- a request for anonymity ("who asked not to be named") is no speech of its own (the
  sources stage reads it as a mark of anonymity);
- an indirect content of fewer than ``MIN_INDIRECT_WORDS`` words ("the attack", "him")
  is a verb's object, not something said.
"""

from __future__ import annotations

import re

from newsgraph.extract.quote_lexicon import SPEECH_VERBS
from newsgraph.record import Document, Quote

# Indirect and mixed contents shorter than this many words are dropped. Set by reading
# the 24 demo pages: every such content there ("responsibility", "the vote", "how many",
# "this enemy") was the object of a verb, not a report of speech; three-word contents
# ("to name a culprit", "more traffic police ...") are kept.
MIN_INDIRECT_WORDS = 3
# A citation ("citing intelligence reports") names its source as content: kept whatever its length.
_CITATION_PREFIX = "cit"
# Cue verbs of sight and deed, not of saying ("had never seen a fire spread so fast", "together
# see about 400 patients a day", "ignored the warnings"): the learned cue model takes some in
# inside quotations. Listed from the demo pages' cues read by eye.
NON_SPEECH_LEMMAS = frozenset({"see", "attack", "ignore"})
_PASSIVE_AUXILIARIES = frozenset({"is", "was", "are", "were", "been", "be"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# A paragraph-initial dateline: a place in capitals, an optional region or country, then a
# dash or colon ("HOLA, Kenya —", "PESHAWAR:"). At most this many characters long.
DATELINE_MAX_CHARS = 60
_DATELINE = re.compile(r"(?:^|\n)(?P<line>[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+)*"
                       r"(?:, [A-Z][\w'’. -]*?)?\s*(?:[—–]|-{1,2}|:)\s*)")
_ANONYMITY_REQUEST = re.compile(r"^(?:not to be (?:named|identified)|anonymity)\b", re.IGNORECASE)


def dateline_spans(text: str, parsed=None) -> list[tuple[int, int]]:
    """Character spans of paragraph-initial datelines, dash or colon included. A colon one
    ("PESHAWAR:") must be a place to the parse or the page's only such line: "SMITH:"
    lines, several of them, make a transcript."""
    spans = []
    colon_lines = sum(m.group("line").rstrip().endswith(":") for m in _DATELINE.finditer(text))
    for match in _DATELINE.finditer(text):
        start, end = match.span("line")
        if end - start > DATELINE_MAX_CHARS:
            continue
        if text[start:end].rstrip().endswith(":") and "," not in text[start:end]:
            words = parsed.char_span(start, end, alignment_mode="expand") if parsed is not None else None
            place = words is not None and words[0].ent_type_ in _PLACE_LABELS
            if not place and colon_lines > 1:
                continue  # several "NAME:" lines make a transcript
        spans.append((start, end))
    return spans


def _cue_lemma(doc: Document, quote: Quote) -> str | None:
    """The lemma of the cue's last word (its verb: "had never seen" -> "see")."""
    if doc._nlp is None or not quote.cue_span:
        return None
    words = doc._nlp.char_span(*quote.cue_span, alignment_mode="expand")
    return words[-1].lemma_.lower() if words is not None and len(words) else None


def _agentless_report(doc: Document, quote: Quote) -> bool:
    """A passive verb of saying with no agent ("It was reported that ..."): speech all the same."""
    cue = (quote.cue or "").lower().split()
    return len(cue) > 1 and cue[0] in _PASSIVE_AUXILIARIES and _cue_lemma(doc, quote) in SPEECH_VERBS


def _inside(span: list[int] | None, spans: list[tuple[int, int]]) -> bool:
    return bool(span) and any(s <= span[0] and span[1] <= e for s, e in spans)


def _enclosing(quote: Quote, quotes: list[Quote]) -> Quote | None:
    """The smallest other quote whose content holds this one's cue."""
    if not quote.cue_span:
        return None
    holders = [q for q in quotes if q is not quote and q.span[0] <= quote.cue_span[0]
               and quote.cue_span[1] <= q.span[1]]
    return min(holders, key=lambda q: q.span[1] - q.span[0], default=None)


def _antecedent(doc: Document, quote: Quote) -> tuple[str, list[int]] | None:
    """The noun phrase a relative-pronoun speaker stands for ("one woman, who asked ...")."""
    if doc._nlp is None or not quote.speaker_span:
        return None
    words = doc._nlp.char_span(*quote.speaker_span, alignment_mode="expand")
    if words is None or not len(words):
        return None
    clause = words.root.head
    if clause.dep_ != "relcl":
        return None
    noun = clause.head
    # "aid workers in Nariño, who describe ...": the parse hangs the clause on the place
    while noun.ent_type_ in _PLACE_LABELS and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        noun = noun.head.head
    tokens = [t for t in noun.subtree if t.i < words.root.i]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return doc.body[start:end], [start, end]


# A quotation with no cue continues the direct quote before it when it starts within this
# many characters of that quote's end (the same reach ``quotes`` uses before tidying).
CONTINUATION_REACH = 400


def _continue_cueless(quotes: list[Quote]) -> None:
    """A cueless quotation right after a direct quote (once non-speech between them is
    dropped: "one woman, who asked not to be named, said. “...”") is that speaker's."""
    previous: Quote | None = None
    for quote in sorted(quotes, key=lambda q: q.span[0]):
        if quote.kind == "direct" and not quote.cue and previous is not None \
                and 0 <= quote.span[0] - previous.span[1] <= CONTINUATION_REACH:
            quote.cue, quote.cue_span = previous.cue, previous.cue_span
            quote.speaker_text, quote.speaker_span = previous.speaker_text, previous.speaker_span
            _speaker_from(quote, previous)
        if quote.kind == "direct" and quote.speaker:
            previous = quote
        elif quote.speaker and quote.cue_span and previous is not None \
                and not previous.span[0] <= quote.cue_span[0] < previous.span[1]:
            previous = None  # another speaker's cue stands between


def _speaker_from(quote: Quote, other: Quote) -> None:
    quote.speaker, quote.speaker_entity = other.speaker, other.speaker_entity


def tidy_quotes(doc: Document) -> None:
    """Fix speakers and drop non-speech in ``doc.quotes`` (after speakers are resolved)."""
    text = doc.body or ""
    datelines = dateline_spans(text, doc._nlp)
    kept: list[Quote] = []
    for quote in doc.quotes:
        if _inside(quote.speaker_span, datelines):
            continue  # "PESHAWAR: ..." or "ISTANBUL — X has claimed": the place is no speaker
        for start, end in datelines:
            if quote.kind != "direct" and quote.span[0] == start < end < quote.span[1]:
                quote.span = [end, quote.span[1]]
                quote.text = text[end:quote.span[1]]
        if _ANONYMITY_REQUEST.match(quote.text.strip()):
            continue
        words = len(quote.text.split())
        if (quote.kind != "direct" and words < MIN_INDIRECT_WORDS
                and not (quote.cue or "").lower().startswith(_CITATION_PREFIX)):
            continue
        if quote.kind != "direct" and _cue_lemma(doc, quote) in NON_SPEECH_LEMMAS:
            continue
        if quote.kind != "direct" and not quote.speaker and not _agentless_report(doc, quote):
            continue  # "was expected to travel", "voiced fears that ...": nobody speaks
        kept.append(quote)
    _continue_cueless(kept)
    for quote in kept:
        written = (quote.speaker_text or "").lower()
        if written in FIRST_PERSON:
            outer = _enclosing(quote, kept)
            if outer is not None and outer.speaker:
                _speaker_from(quote, outer)
        elif written in RELATIVE_PRONOUNS:
            found = _antecedent(doc, quote)
            if found is not None:
                name, span = found
                same = [q for q in kept if q.speaker_span == span and q.speaker]
                if same:
                    _speaker_from(quote, same[0])
                else:
                    quote.speaker, quote.speaker_entity = name, None
    doc.quotes = kept
