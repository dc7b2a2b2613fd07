"""Cuts at the end of a content: attributions of their own that the parse hangs inside
another's content ("..., arguing that ...", "... and warned that ...", "..., though she
noted ...", "..., which he said ..."). PolNeAR never nests them, so the content stops
before them and they stand alone.
"""

from __future__ import annotations

from newsgraph.extract.quote_lexicon import SPEECH_VERBS
from newsgraph.extract.quote_verbs import _is_cue_verb, trim


def _before_trailing_participle(complement, start: int, end: int, text: str) -> int:
    """Cut "..., arguing that ..." off the end of a content: the parse often hangs the
    speaker's next reporting participle inside the clause, but it is an attribution of
    its own (PolNeAR annotates it beside the first, never inside it)."""
    for token in complement.subtree:
        if (token.i > complement.i and token.dep_ == "advcl" and token.tag_ == "VBG"
                and _is_cue_verb(token.lemma_.lower()) and token.left_edge.i > 0
                and token.doc[token.left_edge.i - 1].text == ","):
            cut = trim(text, start, token.doc[token.left_edge.i - 1].idx)[1]
            if cut > start:
                return min(end, cut)
    return end


# Conjunctions opening a contrasting clause of the writer's ("..., though she noted that
# ...", "although she again declined to promise ..."): a cue verb there is an attribution of
# its own, not part of the content before it.
_CONTRAST_MARKS = frozenset({"though", "although", "while", "whereas"})


def _before_contrasting_cue(complement, start: int, end: int, text: str) -> int:
    """Cut "..., though she noted that ..." off the end of a content (PolNeAR never nests it)."""
    for token in complement.subtree:
        if token.i <= complement.i or token.dep_ != "advcl" or not _is_cue_verb(token.lemma_.lower()):
            continue
        marks = [c for c in token.children if c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS]
        if marks and marks[0].i > complement.i and any(c.dep_ == "nsubj" for c in token.children):
            cut = trim(text, start, marks[0].idx)[1]
            if start < cut < end:
                return cut
    return end


def _before_conjoined_cue(verb, complement, start: int, end: int, text: str) -> int:
    """Cut "... and warned that ..." off the end of a content: a second cue verb of the same
    tense joined by a conjunction, with no subject of its own, is the speaker's next
    attribution ("said he would order an audit and warned against thieves"), though the
    parse often hangs it on the content's verb. PolNeAR never nests the two."""
    for token in complement.subtree:
        if (token.i > complement.i and token.dep_ == "conj" and token.pos_ == "VERB"
                and token.tag_ == verb.tag_ and _is_cue_verb(token.lemma_.lower())
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)):
            joints = [c for c in token.head.children if c.dep_ == "cc" and c.i < token.i]
            cut_at = joints[-1] if joints else token.doc[token.left_edge.i]
            cut = trim(text, start, cut_at.idx)[1]
            if start < cut < end:
                return cut
    return end


def _trailing_speaker_aside(token, end: int, text: str) -> bool:
    """A relative clause of saying with its own speaker closing a content ("..., which he
    said were accompanied by favors"): an attribution of its own, never nested in PolNeAR."""
    last = token.right_edge
    return (token.dep_ == "relcl" and token.lemma_.lower() in SPEECH_VERBS
            and any(c.dep_ == "nsubj" for c in token.children)
            and not text[last.idx + len(last):end].strip(" ,.;:\"”’'"))


def _before_aside(complement, start: int, end: int, text: str) -> int:
    """Cut a writer's aside off an object content: "acknowledged the reality of climate
    change, which makes him an outlier" attributes the reality, not the comment; off any
    content, a trailing aside of another speaker (``_trailing_speaker_aside``)."""
    for token in complement.subtree:
        if complement.dep_ not in ("dobj", "prep") and not _trailing_speaker_aside(token, end, text):
            continue
        if token.dep_ == "relcl" and token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == ",":
            cut = trim(text, start, token.doc[token.left_edge.i - 1].idx)[1]
            if cut > start:
                return min(end, cut)
    return end


# Punctuation that sets a relative report off from the content before it.
_ASIDE_MARKS = (",", ";", "—", "–", "--")


def cut_before_relative_report(inner, outer, parsed, text: str) -> bool:
    """Cut ``outer``'s content before ``inner`` when ``inner`` is a report told in a relative
    clause at its end ("..., which he said were at his side", "..., amounting to what the
    senators said was gerrymandering", "... -- meddling the congressman said is designed to
    ..."): a speech verb with its own subject, hanging on a noun or a preposition. PolNeAR
    annotates such a report on its own and ends the content before it. True when cut."""
    if inner.cue_token is None or parsed is None:
        return False
    verb = parsed[inner.cue_token]
    if verb.lemma_.lower() not in SPEECH_VERBS or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    if not (verb.dep_ in ("relcl", "pcomp", "acl") or (verb.dep_ == "ccomp" and verb.head.pos_ == "NOUN")):
        return False
    clause_start = verb.left_edge.idx if verb.dep_ != "ccomp" else verb.head.left_edge.idx
    for index, (start, end) in enumerate(outer.content):
        if not start < clause_start < end:
            continue
        marks = [text.rfind(mark, start, clause_start) for mark in _ASIDE_MARKS]
        at = max(marks)
        if at <= start:
            return False
        cut = trim(text, start, at)[1]
        if len(text[start:cut].split()) < 3:
            return False
        outer.content[index:] = [(start, cut)]
        return True
    return False
