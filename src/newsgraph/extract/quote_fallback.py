"""A content for a cue the parse left without one: the rest of its sentence.

A speech verb with a source but neither a complement nor a quotation beside it is
most often a misparse ("Trump tells his supporters at a rally to “go ...”" read
with the infinitive as an adverbial clause; "These employees, Stumpf explained
earlier, were “well-paid”" read with the content as the verb's conjunct). PolNeAR
annotates these as attributions, and the words of the sentence around the
verb and its source are their content: after the verb when the clause opens the
sentence, before the source when it closes it ("..., X said Monday."), both when
it stands inside.
"""

from __future__ import annotations

from newsgraph.extract.quote_cues import Found
from newsgraph.extract.quote_verbs import trim

Span = tuple[int, int]
# A piece of the sentence shorter than this many words is not a content (a stray
# adverb or date between the cue and the full stop).
MIN_CONTENT_WORDS = 2


def _words(text: str, span: Span) -> int:
    return sum(1 for word in text[span[0]:span[1]].split() if any(ch.isalnum() for ch in word))


def sentence_content(item: Found, parsed, text: str) -> list[Span]:
    """The sentence of ``item``'s cue without its cue and source, in up to two pieces."""
    if item.cue_token is None or item.source is None:
        return []
    sentence = parsed[item.cue_token].sent
    start, end = sentence.start_char, sentence.end_char
    clause_start = min(item.cue[0], item.source[0])
    clause_end = max(item.cue[1], item.source[1])
    pieces = [trim(text, start, clause_start), trim(text, clause_end, end)]
    return [p for p in pieces if p[1] > p[0] and _words(text, p) >= MIN_CONTENT_WORDS]
