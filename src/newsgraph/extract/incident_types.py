"""Incident triggers: which words report a violent or security incident, and of what type.

A trigger is a token whose lemma (or lower-cased form, for lemmatiser slips on
lower-case wire text) is in ``TRIGGERS``. Triggers inside plans, threats,
hypotheticals, negations or denials report no incident and are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

# lemma -> contract incident type. Nouns and verbs alike; phrases are handled in PHRASE_TRIGGERS.
TRIGGERS: dict[str, str] = {
    # bombing
    "bomb": "bombing", "bombing": "bombing", "explode": "bombing", "explosion": "bombing",
    "blast": "bombing", "detonate": "bombing", "dynamite": "bombing", "car-bomb": "bombing",
    "explosive": "bombing", "blow": "bombing",
    # armed assault
    "attack": "armed_assault", "shoot": "armed_assault", "shooting": "armed_assault",
    "gunfire": "armed_assault", "ambush": "armed_assault", "massacre": "armed_assault",
    "murder": "armed_assault", "kill": "armed_assault", "killing": "armed_assault",
    "machinegun": "armed_assault", "machine-gun": "armed_assault", "gun": "armed_assault",
    "stab": "armed_assault", "stabbing": "armed_assault", "slay": "armed_assault",
    "assault": "armed_assault", "shootout": "armed_assault", "fire": "armed_assault",
    "homicide": "armed_assault", "gunshot": "armed_assault",
    # assassination
    "assassinate": "assassination", "assassination": "assassination", "assassin": "assassination",
    # kidnapping
    "kidnap": "kidnapping", "kidnapping": "kidnapping", "abduct": "kidnapping",
    "abduction": "kidnapping", "kidnapper": "kidnapping", "kidnaping": "kidnapping",
    "hostage": "hostage_taking", "hijack": "hijacking", "hijacking": "hijacking",
    "hijacker": "hijacking",
    # arson
    "arson": "arson", "burn": "arson", "torch": "arson", "set fire": "arson",
    # robbery
    "rob": "robbery", "robbery": "robbery", "loot": "robbery", "steal": "robbery", "holdup": "robbery",
    # other security incidents
    "arrest": "arrest", "detain": "arrest", "raid": "raid", "beat": "unarmed_assault",
    "beating": "unarmed_assault", "punch": "unarmed_assault",
}
# Words that need a sense check: "fire" is a trigger only as "open fire"/"fire on/at";
# "gun" only as a verb ("gunned down").
CONTEXT_TRIGGERS = {"fire", "gun", "blow"}
# Type precedence when several triggers describe one event: the most specific wins
# ("a bomb attack" is a bombing, "kidnapped and killed" is a kidnapping).
TYPE_PRIORITY = ("hijacking", "hostage_taking", "kidnapping", "assassination", "bombing", "arson",
                 "robbery", "armed_assault", "unarmed_assault", "raid", "arrest", "other")

# Governing words that make the event unreal: planned, threatened, feared, prevented...
IRREALIS_HEADS = {
    "plan", "plot", "threaten", "threat", "vow", "warn", "fear", "prevent", "foil", "thwart",
    "avert", "prepare", "intend", "want", "try", "seek", "possible", "possibility", "risk",
    "avoid", "if", "unless", "whether", "urge",
}
# Heads that make an event unreal only as a clause ("wants to attack"), not as a participle.
WANT_WORDS = {"want"}
# Heads whose infinitive is a purpose or a past habit, not an event: "a checkpoint used to rob
# farmers", "gangs used to rob travellers" (only the "to" clause, and only without an object).
PURPOSE_HEADS = {"use"}
MODAL_WORDS = {"will", "would", "could", "may", "might", "shall", "should", "must", "'ll", "wo"}
SUICIDE_WORDS = {"suicide", "self-immolation", "kamikaze"}
# Adverbs that make a trigger a habit, not an event ("routinely rob", "often attacked").
HABITUAL_ADVERBS = {"often", "usually", "routinely", "regularly", "frequently", "typically", "normally"}


@dataclass(frozen=True)
class Trigger:
    token_index: int
    type: str
    sentence_index: int
    suicide: bool


def trigger_type(token: Token) -> str | None:
    """The incident type a token reports, ignoring context; None if it reports none."""
    lemma = token.lemma_.lower()
    lower = token.lower_
    found = TRIGGERS.get(lemma) or TRIGGERS.get(lower)
    if found is None:
        return None
    if token.pos_ not in {"VERB", "NOUN", "PROPN", "ADJ"}:
        return None
    if lemma in CONTEXT_TRIGGERS or lower in CONTEXT_TRIGGERS:
        if not _fire_sense(token):
            return None
    if lemma in {"explosive", "bomb", "dynamite"} and token.dep_ in {"pobj"} and token.head.lower_ == "with":
        # "armed with explosives" names a weapon, not an event by itself.
        return None
    if found == "arson" and lemma == "burn" and token.pos_ != "VERB":
        return None
    if lemma == "fire" and token.pos_ != "VERB" and token.head.lemma_.lower() == "set":
        return "arson"  # "set fire to a warehouse"
    return found


def _fire_sense(token: Token) -> bool:
    if token.lemma_.lower() == "blow":  # "blew up the bus", "blew themselves up"
        return any(child.dep_ == "prt" and child.lower_ == "up" for child in token.children)
    if token.lower_.startswith("gun"):
        return token.pos_ == "VERB"
    if token.pos_ == "VERB":
        return any(child.lower_ in {"on", "at", "into", "shots", "shot"} for child in token.children)
    # noun "fire": "opened fire", "set fire", "heavy fire"
    return token.head.lemma_ in {"open", "set"} and token.dep_ == "dobj"


def is_irrealis(token: Token) -> bool:
    """True when the trigger sits under a negation, modal, plan/threat verb or condition."""
    current = token
    for _ in range(4):  # the trigger and up to three governing words above it
        for child in current.children:
            if child.dep_ == "neg" or child.lower_ in {"never", "no"}:
                return True
            if child.dep_ == "aux" and child.lower_ in MODAL_WORDS:
                return True
            if child.dep_ == "mark" and child.lower_ in {"if", "unless", "whether"}:
                return True
        if current.dep_ == "ROOT" or current.head is current:
            break
        head = current.head
        if head.lemma_.lower() in WANT_WORDS and current.dep_ not in {"xcomp", "ccomp"}:
            # "wanted in the fatal shooting" is a police phrase about a real event.
            current = head
            continue
        if head.lemma_.lower() in PURPOSE_HEADS and current.dep_ in {"xcomp", "advcl"} and any(
                child.dep_ == "aux" and child.lower_ == "to" for child in current.children) and not any(
                child.dep_ == "dobj" for child in head.children):
            return True  # with an object it is what was done ("used a truck to attack the post")
        if head.lemma_.lower() in IRREALIS_HEADS and current.dep_ in {
                "xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "advcl", "nsubj", "compound", "amod",
                "aux", "attr"}:
            return True
        current = head
    if _habitual(token) or (token.head is not token and _habitual(token.head)):
        return True
    # "no attack", "a planned attack", "possible attacks"
    for child in token.children:
        if child.lemma_.lower() in {"plan", "planned", "possible", "potential", "future"} \
                and child.dep_ in {"amod", "compound"}:
            return True
        if child.dep_ == "det" and child.lower_ == "no":
            return True
        # "No one was killed", "nobody was hurt"
        if child.dep_ in {"nsubj", "nsubjpass"} and (child.lower_ in {"nobody", "none"} or any(
                grandchild.lower_ == "no" for grandchild in child.children)):
            return True
    return False


def _habitual(token: Token) -> bool:
    """A trigger told as what keeps happening, not as an event: "Every week a cyclist is killed",
    "gunmen routinely rob travellers"."""
    for child in token.children:
        if child.dep_ not in ("npadvmod", "advmod"):
            continue
        if child.lower_ in HABITUAL_ADVERBS or any(
                g.dep_ == "det" and g.lower_ in ("every", "each") for g in child.children):
            return True
    return False


def is_suicide(token: Token, sentence: Span) -> bool:
    """A suicide attack: "suicide bomber", "suicide car bomb" in the trigger's sentence."""
    return any(t.lower_ in SUICIDE_WORDS or t.lower_.startswith("suicide") for t in sentence)


def find_triggers(doc) -> list[Trigger]:
    """Every incident trigger in a spaCy Doc that reports a real (not planned or denied) event."""
    triggers: list[Trigger] = []
    for sentence_index, sentence in enumerate(doc.sents):
        for token in sentence:
            kind = trigger_type(token)
            if kind is None or is_irrealis(token):
                continue
            triggers.append(Trigger(token.i, kind, sentence_index, is_suicide(token, sentence)))
    return triggers


def dominant_type(types: list[str]) -> str:
    for kind in TYPE_PRIORITY:
        if kind in types:
            return kind
    return "other"
