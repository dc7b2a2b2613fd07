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

import bisect
import re

from newsgraph.extract.quote_lexicon import CREDITED_DATELINE, DATELINE_PLACE, SPEECH_VERBS
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
_DATELINE = re.compile(rf"(?:^|\n)(?P<line>{DATELINE_PLACE}\s*(?:[—–]|-{{1,2}}|:)\s*)")
_ANONYMITY_REQUEST = re.compile(
    r"^(?:not to be (?:named|identified)|anonymity|(?:speaking )?on condition of anonymity)\b", re.IGNORECASE)
# Without a parse, a sentence ends between two points of text at a stop, an optional closing
# mark, then a capital, unless the stop ends a title or an initial ("Mr. Obama said", "Sen.
# Lindsey Graham (R-S.C.) told": both read as breaks, and dropped good quotes).
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+[A-Z“\"]")
_ABBREVIATION_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr|Inc|Corp|Co|No|vs)|\b[A-Z])$")
# "in what police described as an act of terrorism": the words after the cue (and "as") are
# what was said; the parse often gives the whole sentence around them.
_NAMING_LEMMAS = frozenset({"describe", "call", "term", "label", "dub"})
# A resolved description running on into a clause of its own: ", of carrying out the abduction".
_DESCRIPTION_TAIL = re.compile(r",\s+(?:of|for|to|from)\s.*$")


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
    # or name closing the phrase; the one who speaks is the noun that phrase belongs to
    while (noun.ent_type_ in _PLACE_LABELS or noun.pos_ == "PROPN") and noun.dep_ == "pobj" \
            and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    tokens = [t for t in noun.subtree if t.i < words.root.i]
    if (noun.ent_type_ or noun.pos_ == "PROPN") and noun.dep_ == "pobj" and noun.head.dep_ == "prep" \
            and noun.head.head.pos_ == "VERB" and noun.head.i > 0 \
            and doc._nlp[noun.head.i - 1].pos_ == "NOUN":
        # "heard from aid workers in Nariño, who ...": the place's preposition hangs on the
        # verb, but the people just before it are the ones the clause is about
        owner = doc._nlp[noun.head.i - 1]
        first = min(t.i for t in owner.subtree)
        tokens = [t for t in doc._nlp[first:words.root.i]]
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


# Third-person and demonstrative pronouns: inside a quotation they point into the quoted
# speaker's own world ("They told me ...", "That tells you ..."), which the page's discourse
# model does not see.
THIRD_PERSON = frozenset({"he", "she", "they", "it", "him", "her", "them"})
DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})
# Everyone and no one: in a quotation, a manner of speaking, not a source ("Everyone knows
# who they are", "People want a metro").
EVERYONE = frozenset({"everyone", "everybody", "nobody", "no one", "anyone", "people"})
PARTITIVES = frozenset({"one of them", "one of those", "some of them", "two of them"})


def _holder(quote: Quote, quotes: list[Quote]) -> Quote | None:
    """The direct or mixed quote whose quotation holds this one's cue."""
    outer = _enclosing(quote, quotes)
    return outer if outer is not None and outer.kind in ("direct", "mixed") else None


def _misread_inside_quotation(doc: Document, quote: Quote, quotes: list[Quote]) -> bool:
    """Speech within a quotation the record cannot attribute: its content runs out of the
    quotation (“Everyone knew,” said X -> "knew: said X"), its speaker is a demonstrative, or a
    pronoun whose referent the quotation itself does not name."""
    outer = _holder(quote, quotes)
    if outer is None or quote.kind == "direct":
        return False
    if quote.span[1] > outer.span[1] or quote.span[0] < outer.span[0]:
        return True
    written = (quote.speaker_text or "").lower()
    if written in DEMONSTRATIVES or written in EVERYONE:
        return True  # "That tells you ...", "Everyone knows who they are": no one reported
    if written in THIRD_PERSON:
        inside = doc.body[outer.span[0]:outer.span[1]]
        if quote.speaker_span and re.search(rf"\b{written}\b", doc.body[outer.span[0]:quote.speaker_span[0]],
                                            re.IGNORECASE):
            # "They chose a market full of families because they wanted ...": the pronoun goes
            # on from the quotation's own earlier "They", whom the quotation does not name
            return True
        return not quote.speaker or quote.speaker.lower() == written or quote.speaker not in inside
    return False


def _expletive_infinitive(quote: Quote) -> bool:
    """"It was too early to say who ...": the "it" is no one, and nobody says anything."""
    return (quote.speaker_text or "").lower() == "it" and (quote.cue or "").startswith("to ")


def _swallows_another(quote: Quote, quotes: list[Quote]) -> bool:
    """A cue after its content, whose content ends with another quote's own attribution ("X
    plans to build berths, its director said on Tuesday, as importers complain of queues":
    the parse gave "complain" the main clause and the director's cue): the words are the
    director's. ("Police believe X, the commander said" stays: there the inner cue opens.)"""
    if quote.kind == "direct" or not quote.cue_span or quote.cue_span[0] < quote.span[1]:
        return False
    return any(other is not quote and other.cue_span and quote.span[0] <= other.span[0]
               and other.span[1] <= other.cue_span[0] and other.cue_span[1] <= quote.span[1]
               for other in quotes)


def _earlier_group(quote: Quote, quotes: list[Quote]) -> str | None:
    """The latest plural speaker before "one of them": the group it is one of."""
    before = [q for q in quotes if q.speaker_span and quote.speaker_span
              and q.speaker_span[1] <= quote.speaker_span[0] and q.speaker
              and (q.speaker_text or "").lower() not in PARTITIVES | THIRD_PERSON | FIRST_PERSON
              and q.speaker.split(",")[0].rstrip().endswith("s") and not q.speaker_entity]
    return max(before, key=lambda q: q.speaker_span[0]).speaker if before else None


def _naming_content(doc: Document, quote: Quote) -> None:
    """A naming cue inside its own content ("in what police described as an act of terror"):
    the content is what follows the cue, to the content's end."""
    if quote.kind == "direct" or not quote.cue_span:
        return
    if not quote.span[0] <= quote.cue_span[0] < quote.span[1] or _cue_lemma(doc, quote) not in _NAMING_LEMMAS:
        return
    text = doc.body
    start = quote.cue_span[1]
    after = re.match(r"\s+(?:as\s+)?", text[start:quote.span[1]])
    start += after.end() if after else 0
    if start < quote.span[1]:
        quote.span = [start, quote.span[1]]
        quote.text = text[start:quote.span[1]]


def _trim_description(quote: Quote) -> None:
    """A described speaker stops before its own cue ("a man demanding that ..." -> "a man")
    and before a prepositional clause of its own (", of carrying out the abduction")."""
    if quote.speaker_entity or not quote.speaker:
        return
    name = _DESCRIPTION_TAIL.sub("", quote.speaker)
    cue = f" {quote.cue} " if quote.cue else None
    if cue and cue in f"{name} ":
        name = name[:f"{name} ".index(cue)]
    if name.strip():
        quote.speaker = name.strip(" ,")


# A dateline the parse took into the subject: "May 17 (Meridian) - Colombian prosecutors said".
_DATELINE_PREFIX = re.compile(rf"^{CREDITED_DATELINE}")


def _trim_dateline(quote: Quote) -> None:
    """A speaker written after a dateline is the words after it."""
    written = quote.speaker_text or ""
    match = _DATELINE_PREFIX.match(written)
    if match is None or not quote.speaker_span or match.end() >= len(written):
        return
    cut = match.end()
    quote.speaker_span = [quote.speaker_span[0] + cut, quote.speaker_span[1]]
    if quote.speaker and quote.speaker.startswith(written[:cut]):
        quote.speaker = quote.speaker[cut:]
    quote.speaker_text = written[cut:]


# Titles and offices that the entity tagger sometimes takes into a person's name
# ("Councillor Ricardo Ortega", "Gaziantep Governor Kemal Aydin"): the name is what follows.
TITLE_WORDS = frozenset("""
councillor councilor governor mayor minister president senator colonel general chief commander
superintendent inspector justice judge dr dr. mr mr. mrs mrs. ms ms. sp
""".split())


def _drop_title(doc: Document, quote: Quote) -> None:
    """A person's name without the title the tagger left in it (two capitalised words at least)."""
    entity = doc.entity(quote.speaker_entity) if quote.speaker_entity else None
    if entity is None or entity.type != "PERSON" or not quote.speaker:
        return
    words = quote.speaker.split()
    titled = [i for i, w in enumerate(words) if w.lower() in TITLE_WORDS]
    if titled:
        rest = words[titled[-1] + 1:]
        if len(rest) >= 2 and all(w[:1].isupper() for w in rest):
            quote.speaker = " ".join(rest)


_ANAPHOR_OPENERS = ("the ", "this ", "that ", "these ", "those ", "its ", "his ", "her ", "their ")


def _keep_written_name(doc: Document, quote: Quote) -> None:
    """Keep the speaker as written where the entity found for it is another thing or a part:
    "The Black Sea Hazelnut Exporters' Association" is no "Black Sea", "Tehrik-e-Nifaz-e-Adl"
    more than "Tehrik", and "Colombian officials" (a description, not an anaphor) is not an
    armed group named before."""
    written = (quote.speaker_text or "").strip()
    entity = doc.entity(quote.speaker_entity) if quote.speaker_entity else None
    if entity is None or not written or written.lower() in FIRST_PERSON | THIRD_PERSON | RELATIVE_PRONOUNS:
        return
    bare = written[4:] if written.lower().startswith("the ") else written
    words = bare.replace("-", " ").split()
    if entity.type != "PERSON" and entity.name in bare and len(entity.name) < len(bare) \
            and all(w[:1].isupper() or w in _NAME_LINKS for w in words):
        quote.speaker = bare
        if entity.type not in ("ORG", "NORP"):
            quote.speaker_entity = None
        return
    description = words and words[-1].islower() and not written.lower().startswith(_ANAPHOR_OPENERS)
    if description and not set(entity.name.lower().split()) & set(written.lower().split()):
        quote.speaker, quote.speaker_entity = written, None


# Small words inside organisation names ("Bank of England", "Tehrik-e-Nifaz-e-Adl").
_NAME_LINKS = frozenset({"of", "for", "and", "the", "e", "al", "de", "del", "la"})


def _speaker_from(quote: Quote, other: Quote) -> None:
    quote.speaker, quote.speaker_entity = other.speaker, other.speaker_entity


def _sentence_break(doc: Document, start: int, end: int) -> bool:
    """Whether a paragraph or sentence ends between ``start`` and ``end`` (the parse's
    sentences where there is a parse)."""
    text = doc.body or ""
    if "\n" in text[start:end]:
        return True
    parsed = doc._nlp
    if parsed is not None and len(parsed):
        starts = [sentence.start_char for sentence in parsed.sents]
        return bisect.bisect_right(starts, max(start - 1, 0)) != bisect.bisect_right(starts, end)
    return any(not _ABBREVIATION_BEFORE.search(text[start:m.start()])
               for m in _SENTENCE_BREAK.finditer(text, start, end))


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
        if quote.kind != "direct" and quote.cue_span and quote.span[1] <= quote.cue_span[0] \
                and _sentence_break(doc, quote.span[1], quote.cue_span[0]):
            continue  # "We quote it at length:" is no content of the next paragraph's cue
        _naming_content(doc, quote)
        if quote.kind != "direct" and not quote.speaker and not _agentless_report(doc, quote):
            continue  # "was expected to travel", "voiced fears that ...": nobody speaks
        kept.append(quote)
    _continue_cueless(kept)
    kept = [q for q in kept if not _misread_inside_quotation(doc, q, kept)
            and not _expletive_infinitive(q) and not _swallows_another(q, kept)]
    for quote in kept:
        _keep_written_name(doc, quote)
        _trim_dateline(quote)
        _trim_description(quote)
        _drop_title(doc, quote)
        written = (quote.speaker_text or "").lower()
        if written in FIRST_PERSON:
            outer = _enclosing(quote, kept)
            if outer is not None and outer.speaker:
                _speaker_from(quote, outer)
        elif written in PARTITIVES:
            group = _earlier_group(quote, kept)
            if group is not None:
                quote.speaker = f"one of {group[0].lower()}{group[1:]}" if group[:2] != "I " else group
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
