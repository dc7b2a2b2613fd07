"""How a found attribution is cut into the record's quotes and speaker spans.

Two presentation rules for ``doc.quotes`` that the PolNeAR output does not share
(PolNeAR annotates the whole source phrase and one content over every segment):

- A named speaker is written as the name, without what is said of them after
  it: "Nurettin Kaya, who grows hazelnuts near Giresun" gives "Nurettin Kaya"
  (titles before the name stay: "Dr. Leyla Sahin"). A description keeps its
  clauses ("a senior police officer who spoke on condition of anonymity"): they
  are what identifies the speaker.
- A direct quote continued after its attribution as a new sentence ("“A,” she
  said. “B.”") is two quotes with the same speaker and cue. A quotation broken
  mid-sentence ("“We will not stop,” said Jones, “until it is done.”") and one
  running over paragraphs stay one quote.
"""

from __future__ import annotations

from newsgraph.extract.quote_cues import Found
from newsgraph.record import Document

Span = tuple[int, int]
# Entity labels whose mention is a name, not a description.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})


def speaker_name_span(doc: Document, found: Found) -> Span | None:
    """The speaker as written, cut to the name when the source is one."""
    parsed = doc._nlp
    if found.source is None or found.source_token is None or parsed is None:
        return found.source
    head = parsed[found.source_token]
    if head.pos_ == "PROPN":
        return found.source[0], _name_end(parsed, head, found.source[1])
    if head.pos_ == "NOUN":
        # "the agency's spokesman, Tunde Lawal": the name in apposition
        # only a name inside the source: "four senators claim ...: Sens. Joe Lee (D-WV), ..." lists
        # names after the cue, and a span from there back to the source's end would run backwards
        names = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > head.i
                 and c.ent_type_ in NAME_LABELS and c.idx < found.source[1]]
        if names:
            return names[0].left_edge.idx, _name_end(parsed, names[0], found.source[1])
        return found.source
    # a name the tagger misread ("Segun" as a verb): the entity mention at the head
    for entity in doc.entities:
        for m_start, m_end in entity.mentions:
            if m_start <= head.idx < m_end and m_end < found.source[1] and entity.type in NAME_LABELS:
                return found.source[0], m_end
    return found.source


def _name_end(parsed, head, limit: int) -> int:
    """End of the name headed by ``head``: before the first comma after it ("Nurettin Kaya,
    who grows ..."), else the end of its phrase, never past ``limit``."""
    last = head.right_edge.i
    for token in parsed[head.i + 1: last + 1]:
        if token.text in (",", "—", "–") or token.idx >= limit:
            last = token.i - 1
            break
    return min(limit, parsed[last].idx + len(parsed[last]))


def quote_segments(text: str, content: list[Span]) -> list[list[Span]]:
    """A direct quote's fragments grouped into quotes: a new group after words that end a
    sentence between two fragments ("...,” she said. “..."); a paragraph break alone, or an
    attribution ending in a comma, keeps the group."""
    groups: list[list[Span]] = []
    for fragment in content:
        if groups:
            gap = text[groups[-1][-1][1]:fragment[0]].strip()
            if gap and gap[-1] in ".!?":
                groups.append([fragment])
                continue
            groups[-1].append(fragment)
        else:
            groups.append([fragment])
    return groups
