"""Cues carried by a document: "issued a statement calling for calm", "sent a letter urging
the board to act", "released a letter from his doctor that says he is healthy".

The parse hangs the reporting verb ("calling", "urging", "says") on the object noun
of the verb that produced the document ("issued", "sent", "released"), or, when words
stand between ("released a statement Wednesday, saying"), on the producing verb
itself. PolNeAR reads the whole run, from the producing verb to the reporting one, as
one cue, with the producer's subject as the source; the extractor would otherwise give
the reporting verb alone (the noun as its source) or the producing verb with the whole
object as its content. ``join_vehicles`` rewrites the attributions of
``quote_cues.find_in_parse`` accordingly.
"""

from __future__ import annotations

from newsgraph.extract.quote_cues import Found, _subject, source_span, verb_group
from newsgraph.extract.quote_lexicon import CUE_VERBS

# How the reporting verb hangs on the document noun: a participle ("a statement
# calling") or a relative clause ("a letter that says").
_CARRIED_DEPS = frozenset({"acl", "relcl"})
# The only subjects a carried verb may have: the relative pronoun standing for the
# document ("a letter that says"); "a resolution which he added" has a speaker of its own.
_RELATIVE_PRONOUNS = frozenset({"that", "which"})
# Nouns of documents and messages that carry a statement ("a series of tweets": the
# head noun "series" is the object the parse gives).
VEHICLE_NOUNS = frozenset("""
statement letter tweet paper memo report release ad advertisement video email message note
brief motion filing series editorial column op-ed petition resolution lawsuit complaint
""".split())


# Verbs that make or put out a document. Hung on one of them, a participle after its document is
# what the document says; after any other verb it is the subject's own act. (Verbs of saying that
# also make documents, "wrote", "tweeted", "posted", keep their own attribution, as on the noun.)
PRODUCING_VERBS = frozenset("""
issue release send publish put unleash circulate file deliver sign launch run air pen draft
submit distribute share
""".split())


def _producer_of_participle(verb):
    """The producing verb when the parse hangs the participle on it rather than on the document
    ("released a statement Wednesday, saying", "sent a letter to the board urging"): the verb's
    object is a document standing between them."""
    producer = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or producer.i >= verb.i or producer.pos_ != "VERB":
        return None
    if producer.lemma_.lower() not in PRODUCING_VERBS:
        return None  # "mocked the complaint, saying": a stance on a document, not its making
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in VEHICLE_NOUNS and c.i < verb.i
               for c in producer.children):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return None
    return producer


def _producer(verb):
    """The verb whose direct object carries ``verb`` ("issued" in "issued a statement calling")."""
    noun = verb.head
    if verb.dep_ == "advcl":
        return _producer_of_participle(verb)
    if verb.dep_ not in _CARRIED_DEPS or noun.i == verb.i or noun.lemma_.lower() not in VEHICLE_NOUNS:
        return None
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB" or noun.head.i > noun.i:
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in _RELATIVE_PRONOUNS:
            return None  # "a resolution which he added": a speaker of its own
        if child.dep_ == "mark":
            return None  # "reports that X said": the noun's content, not its carrier
    if noun.head.lemma_.lower() in CUE_VERBS:
        return None  # "called a report suggesting": a verb of saying is a cue of its own
    return noun.head


def join_vehicles(found: list[Found], parsed, text: str) -> list[Found]:
    """Cues carried by a produced document, stretched back to the producing verb; the
    producing verb's own attribution (its object as content) is dropped."""
    producers: set[int] = set()
    for item in found:
        if item.cue_token is None:
            continue
        verb = parsed[item.cue_token]
        producer = _producer(verb)
        if producer is None:
            continue
        producers.add(producer.i)
        item.cue = (verb_group(producer)[0], item.cue[1])
        subject, _passive = _subject(producer)
        item.source, item.source_token = None, None
        if subject is not None and subject.lower_ != "there":
            item.source = source_span(subject, text, exclude={producer.i}, verb=producer)
            item.source_token = subject.i if item.source is not None else None
    return [item for item in found if item.cue_token not in producers]
