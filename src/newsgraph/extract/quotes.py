"""Reported speech: direct, indirect and mixed quotes with their cues and speakers.

``find_attributions`` joins the two views of a page: the quotation marks
(``quote_marks``) and the reporting cues of the parse (``quote_cues``). A cue
whose content overlaps a quotation takes the quotation's bounds (direct when
the quotation is all of the content, mixed when the content also runs outside
the marks); a quotation with no cue of its own continues the quote just before
it (a quote interrupted by its attribution, or running over paragraphs); what
is left is a scare quote or title when short, else a quote without a cue.

Before that, cue verbs that PolNeAR reads as one longer cue are joined: a verb
carried by a produced document ("issued a statement calling", ``quote_vehicles``)
and a verb chained through an infinitive ("appeared to suggest", ``quote_chains``);
a learned verb and object pair ("made the case that", ``quote_idioms``) replaces its
verb's own attribution; a poll opening a sentence ("In a ... poll, ...",
``quote_polls``) is a source like "according to".

``run_quotes(doc)`` is the pipeline stage: it fills ``doc.quotes`` and resolves
speakers (``speakers``).
"""

from __future__ import annotations

from newsgraph.extract.quote_adjectives import find_adjectival_cues
from newsgraph.extract.quote_chains import join_chains
from newsgraph.extract.quote_cues import (
    Found,
    cue_reliability,
    find_in_parse,
    trim,
)
from newsgraph.extract.quote_cuts import cut_before_relative_report
from newsgraph.extract.quote_fallback import sentence_content
from newsgraph.extract.quote_hearsay import find_hearsay_cues
from newsgraph.extract.quote_idioms import find_idiom_cues
from newsgraph.extract.quote_layout import find_colon_speakers, find_dash_signature
from newsgraph.extract.quote_lexicon import SPEECH_VERBS
from newsgraph.extract.quote_marks import DOUBLE_MARKS, QuotedPassage, find_quoted_passages
from newsgraph.extract.quote_nouns import find_nominal_cues
from newsgraph.extract.quote_polls import find_poll_cues
from newsgraph.extract.quote_spans import quote_segments, speaker_name_span
from newsgraph.extract.quote_tidy import tidy_quotes
from newsgraph.extract.quote_vehicles import join_vehicles
from newsgraph.record import Document, Quote

# A quotation of at most this many words with no cue is a scare quote, a title or
# a term ("the so-called “caliphate”"), not speech. Set from PolNeAR train: cueless
# quotations of 1-4 words were almost never annotated as attributions.
SCARE_QUOTE_MAX_WORDS = 4
# A cue and a quotation are adjacent when at most this many characters of
# punctuation and spaces separate them ("...,” said" / "said: “...").
ADJACENT_GAP = 3
# A cueless quotation continues the previous quote only if it starts within this
# many characters of that quote's end (the attribution sentence in between).
CONTINUATION_REACH = 400
# Sources that address the reader ("you know that", "you'd think"): in PolNeAR train
# 16 of 55 attributions found with such a source were annotated, well under the half
# the other pronouns reach (he 0.86, they 0.70, I 0.73), so they are not written.
_READER_SOURCES = frozenset({"you"})
# A bare verb form with no source ("Don't forget that ...", "consider a gap year", "to
# watch"): imperatives and loose infinitives, annotated in 46 of 139 such attributions
# found in PolNeAR train (a third), so they are not written.
_SOURCELESS_BARE_TAG = "VB"


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _passage_words(text: str, passage: QuotedPassage) -> int:
    return sum(len(text[s:e].split()) for s, e in passage.fragments)


def _gap_is_punctuation(text: str, start: int, end: int) -> bool:
    if end < start:
        return False
    gap = text[start:end]
    if ":" in gap:
        # "X says:" closing a paragraph, the quotation opening the next one
        return end - start <= ADJACENT_GAP + 2 and all(ch in " \t\n:" for ch in gap)
    return end - start <= ADJACENT_GAP and all(ch in " \t,;—–-" for ch in gap)


def _claim_passages(found: Found, passages: list[QuotedPassage], taken: set[int], text: str) -> None:
    """Give ``found`` the quotations its content overlaps, or one right next to its cue."""
    claimed: list[int] = []
    if found.source is not None:
        # A quotation right before or after "X said" is its content, whatever the parse says.
        clause_start = min(found.cue[0], found.source[0])
        clause_end = max(found.cue[1], found.source[1])
        for i, passage in enumerate(passages):
            if i in taken:
                continue
            before = _gap_is_punctuation(text, passage.end, clause_start)
            after = _gap_is_punctuation(text, clause_end, passage.start)
            if before or after:
                found.content = list(passage.fragments)
                claimed = [i]
                break
    if not claimed:
        claimed = [i for i, p in enumerate(passages) if i not in taken and any(
            _overlaps(frag, piece) for frag in p.fragments for piece in found.content)]
    if not claimed:
        return
    quoted = [frag for i in claimed for frag in passages[i].fragments]
    inside = all(any(q[0] <= piece[0] and piece[1] <= q[1] for q in quoted) for piece in found.content)
    if found.content and not inside:
        # Content runs outside the marks: one span over both, a mixed quote.
        start = min([p[0] for p in found.content] + [q[0] for q in quoted])
        end = max([p[1] for p in found.content] + [q[1] for q in quoted])
        found.content = [(start, end)]
        found.kind = "mixed"
    else:
        found.content = sorted(quoted)
        found.kind = "direct"
    taken.update(claimed)


def find_attributions(text: str, parsed) -> tuple[list[Found], list[str]]:
    """All attributions of a page in text order, with warnings about its quotation marks."""
    passages, warnings = find_quoted_passages(text)
    candidates = (join_chains(join_vehicles(find_in_parse(parsed, text), parsed, text), parsed, text)
                  + find_nominal_cues(parsed, text)
                  + find_adjectival_cues(parsed, text)
                  + find_poll_cues(parsed, text)
                  + find_hearsay_cues(parsed, text)) if parsed is not None else []
    if parsed is not None:
        # a verb and object pair ("made the case that", "expressed concern about") is the cue
        # in place of the verb's own attribution (its object as content)
        idioms = find_idiom_cues(parsed, text)
        paired = {item.cue_token for item in idioms}
        candidates = [item for item in candidates if item.cue_token not in paired] + idioms
    taken: set[int] = set()
    signed = _dash_signatures(text, passages, taken)
    colon_found = _colon_speakers(text, parsed, passages, candidates, taken)
    for item in sorted(candidates, key=lambda f: f.cue[0]):
        if any(_overlaps(item.cue, frag) for p in passages for frag in p.fragments):
            # A cue inside a quotation: speech within speech, never the quotation's own cue.
            item.nested = True
            continue
        _resource_from_quotation(item, passages, parsed, text)
        _claim_passages(item, passages, taken, text)
    for item in candidates:
        if not item.content and not item.nested and _takes_sentence(item, parsed):
            item.content = sentence_content(item, parsed, text)
    # a content needs words: an AP separator line ("___.") next to "spoke" is none
    found = [f for f in candidates + colon_found + signed
             if any(ch.isalnum() for s, e in f.content for ch in text[s:e])
             and not (f.source is not None and text[f.source[0]:f.source[1]].lower() in _READER_SOURCES)
             and not _sourceless_bare_verb(f, parsed)]
    found.sort(key=lambda f: (f.content[0][0], f.cue[0]))
    _attach_continuations(found, passages, taken, text)
    cueless = []
    for i, passage in enumerate(passages):
        if i in taken or _passage_words(text, passage) <= SCARE_QUOTE_MAX_WORDS:
            continue
        cueless.append(Found(cue=(passage.start, passage.start), content=list(passage.fragments),
                             kind="direct"))
    if cueless:
        warnings.append(f"{len(cueless)} quotation(s) with no reporting cue or speaker")
    found.extend(cueless)
    found.sort(key=lambda f: (f.content[0][0], f.cue[0]))
    _mark_nested(found, parsed, text)
    return found, warnings


# Words between a closing quotation mark and the cue that can name a speaker ("..., Dayton
# police Chief Rhonda Belvedere said"): at most this many.
SPEAKER_GAP_WORDS = 8
_NOT_NAME_OPENERS = frozenset({"CCONJ", "SCONJ", "ADP", "ADV", "PUNCT"})


def _resource_from_quotation(item: Found, passages: list[QuotedPassage], parsed, text: str) -> None:
    """A source the parse found inside the quotation just before its cue ("“... We will achieve
    justice,” Tulsa police Chief Chuck Jordan said": the verb read as the quotation's
    conjunct, sharing its subject) is the words between the quotation and the cue instead."""
    if item.source is None or parsed is None:
        return
    for passage in passages:
        if not any(s <= item.source[0] < e for s, e in passage.fragments) or passage.end > item.cue[0]:
            continue
        if _passage_words(text, passage) <= SCARE_QUOTE_MAX_WORDS:
            return  # a title ("“Broad City” star Abbi Jacobson"): the name runs through it
        start, end = trim(text, passage.end, item.cue[0])
        words = text[start:end].split()
        if not words or len(words) > SPEAKER_GAP_WORDS or any(ch in text[start:end] for ch in "!?\n“”\""):
            return
        span = parsed.char_span(start, end, alignment_mode="expand")
        nominal = [t for t in span if t.pos_ in ("PROPN", "NOUN", "PRON")] if span is not None else []
        # a name opens the gap; "and, when asked after the hearing, insisting" is a clause,
        # "including Ortega" a participle, "she said" a cue of its own
        if nominal and span[0].pos_ not in _NOT_NAME_OPENERS and span[0].tag_ != "VBG" and not any(
                t.lemma_.lower() in SPEECH_VERBS for t in span):
            item.source = (start, end)
            item.source_token = nominal[-1].i
        return


# A cue verb left without a content takes its sentence's words (``quote_fallback``) when
# the linear cue model (``quote_model``) is at least this sure of it. Tuned on PolNeAR dev
# soft F1: 0.5 / 0.7 / 0.8 / 0.9 / 0.95 gave cue 0.757 / 0.759 / 0.760 / 0.761 / 0.761, source
# 0.782 / 0.783 / 0.784 / 0.783 / 0.782 (none: 0.759, 0.780); at 0.9 train cue 0.726 -> 0.729.
SENTENCE_CONTENT_PROBABILITY = 0.9


def _takes_sentence(item: Found, parsed) -> bool:
    from newsgraph.extract.quote_model import cue_probability

    return (parsed is not None and item.cue_token is not None and item.source is not None
            and cue_probability(parsed[item.cue_token]) >= SENTENCE_CONTENT_PROBABILITY)


def _sourceless_bare_verb(found: Found, parsed) -> bool:
    return (found.source is None and found.cue_token is not None and parsed is not None
            and parsed[found.cue_token].tag_ == _SOURCELESS_BARE_TAG)


def _dash_signatures(text: str, passages: list[QuotedPassage], taken: set[int]) -> list[Found]:
    """Quotations signed with a dash and a name at the end of their line."""
    signed = []
    for i, passage in enumerate(passages):
        item = find_dash_signature(text, passage.end)
        if item is not None and i not in taken:
            item.content = list(passage.fragments)
            taken.add(i)
            signed.append(item)
    return signed


def _colon_speakers(text: str, parsed, passages: list[QuotedPassage], candidates: list[Found],
                    taken: set[int]) -> list[Found]:
    """Transcript and headline speakers ("SMITH: ..."), and the quotations they take."""
    colon_found = []
    for item in find_colon_speakers(text):
        assert item.source is not None
        if any(_overlaps(item.source, c.cue) for c in candidates):
            continue  # "X said: ..." is the verb's
        if parsed is not None and not _is_bare_name(parsed, item.source):
            continue  # a headline or run-in heading ("The Latest: ...", "Voss on Tolls: ...")
        # '"WALLACE: ...': a transcript line quoted whole; the speaker is not part of the speech
        line_marks = [i for i, p in enumerate(passages) if any(
            start < item.source[0] < end and not text[start:item.source[0]].strip(DOUBLE_MARKS + "'")
            for start, end in p.fragments)]
        if line_marks:
            taken.update(line_marks)
            colon_found.append(item)
        elif not any(_overlaps(item.cue, (p.start, p.end)) for p in passages):
            _claim_passages(item, passages, taken, text)
            colon_found.append(item)
    return colon_found


# Parts of speech a colon speaker may have: names and nouns ("SMITH", "Poll", "Mr. Lee").
_NAME_POS = {"PROPN", "NOUN", "PUNCT"}


def _is_bare_name(parsed, span: tuple[int, int]) -> bool:
    """A name or a noun alone: no verb, article, preposition or adjective ("The Gap Goes On")."""
    words = parsed.char_span(span[0], span[1], alignment_mode="expand")
    if words is None:
        return False
    return all(t.pos_ in _NAME_POS or t.is_upper for t in words)


def _attach_continuations(found: list[Found], passages: list[QuotedPassage], taken: set[int],
                          text: str) -> None:
    """A quotation with no cue right after a direct quote continues that quote."""
    for i, passage in enumerate(passages):
        if i in taken:
            continue
        before = [f for f in found if f.kind == "direct" and f.content[-1][1] <= passage.start]
        if not before:
            continue
        previous = max(before, key=lambda f: f.content[-1][1])
        last_end = previous.content[-1][1]
        if passage.start - last_end > CONTINUATION_REACH:
            continue
        # no other speaker's cue may stand between the two ("..., said Lindqvist, speaking of
        # the tolls. “...”" is one speaker throughout)
        if any(last_end <= f.cue[0] < passage.start and f is not previous
               and (f.source is None or f.source != previous.source) for f in found):
            continue
        previous.content.extend(passage.fragments)
        taken.add(i)


def _credits_by_phrase(item: Found, parsed) -> bool:
    """An "according to" phrase: inside an indirect content it still credits its clause
    (PolNeAR train: 8 of 9 such phrases annotated; inside quotations 1 of 9)."""
    return item.cue_token is not None and parsed is not None and parsed[item.cue_token].lower_ == "according"


def _cue_inside(item: Found, other: Found) -> bool:
    return any(piece[0] <= item.cue[0] and item.cue[1] <= piece[1] for piece in other.content)


def _mark_nested(found: list[Found], parsed, text: str) -> None:
    """An attribution whose cue lies in another's content is nested (not written to PolNeAR).

    Two that each hold the other's cue ("Those repairs are continuing, she said": the
    parse may make "she said" the content of "continuing") are one misreading: the
    more reliable cue (``cue_reliability``) stays on top.
    """
    misread = []
    for item in found:
        for other in found:
            if other is item or item.nested or other.nested or not _cue_inside(item, other):
                continue
            if other.kind == "indirect" and _credits_by_phrase(item, parsed):
                continue  # "..., according to X" is the sentence's own credit, not speech within
            if other.kind == "indirect" and cut_before_relative_report(item, other, parsed, text):
                continue  # "..., which he said were ...": a report of its own after the content
            if _cue_inside(other, item):
                if cue_reliability(item, parsed) > cue_reliability(other, parsed):
                    continue  # ``other`` is the misreading; it is dropped when its turn comes
                misread.append(item)
            item.nested = True
    for item in misread:
        found.remove(item)
    # The model learned its cues from verbs outside contents only: inside one, a verb it
    # alone calls a cue ("said that it regretted the loss") is not trusted as speech.
    found[:] = [item for item in found if not (item.nested and item.modelled)]


def content_text(text: str, content: list[tuple[int, int]]) -> str:
    return " ".join(text[s:e] for s, e in content)


def run_quotes(doc: Document) -> None:
    """Pipeline stage: fill ``doc.quotes`` (needs ``doc._nlp``; falls back to marks only)."""
    text = doc.body or ""
    if doc._nlp is None:
        doc.warn("quotes: no parse; only quotation marks used")
    try:
        found, warnings = find_attributions(text, doc._nlp)
    except Exception as exc:  # a parser oddity must not lose the page's other fields
        doc.warn(f"quotes: extraction failed: {type(exc).__name__}: {exc}")
        return
    for message in warnings[:10]:
        doc.warn(f"quotes: {message}")
    if len(warnings) > 10:
        doc.warn(f"quotes: {len(warnings) - 10} more quotation mark warnings")
    record_quotes(doc, found)


def record_quotes(doc: Document, found: list[Found]) -> None:
    """``doc.quotes`` from the attributions ``find_attributions`` gave: speakers resolved, direct
    quotes split into their segments, then tidied for the record."""
    from newsgraph.extract.speakers import resolve_speakers

    text = doc.body or ""
    speakers = resolve_speakers(doc, found)
    quotes = []
    for item, speaker in zip(found, speakers, strict=True):
        has_cue = item.cue[1] > item.cue[0]
        named = speaker_name_span(doc, item)
        segments = quote_segments(text, item.content) if item.kind == "direct" else [item.content]
        for segment in segments:
            start, end = segment[0][0], segment[-1][1]
            start, end = trim(text, start, end) if item.kind != "direct" else (start, end)
            quotes.append(Quote(
                text=content_text(text, segment), span=[start, end], kind=item.kind,
                cue=text[item.cue[0]:item.cue[1]] if has_cue else None,
                cue_span=list(item.cue) if has_cue else None,
                speaker=speaker.name, speaker_entity=speaker.entity,
                speaker_span=list(named) if named else None,
                speaker_text=text[named[0]:named[1]] if named else None))
    doc.quotes = quotes
    try:
        tidy_quotes(doc)
    except Exception as exc:  # the untidied quotes are still worth keeping
        doc.warn(f"quotes: tidying failed: {type(exc).__name__}: {exc}")
