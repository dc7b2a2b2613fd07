"""Who is speaking: named speakers to their entity, pronouns and definite descriptions to antecedents.

A small salience model over discourse order: every earlier speaker, sentence
subject and person mentioned is a candidate, weighted by its role (speakers
above subjects above people merely mentioned) and decaying with distance in
sentences. A pronoun takes the most salient candidate that agrees in number
and, where known, gender (from titles, a short first-name list, role nouns and
earlier pronouns about the same referent). "The official" goes back to the
latest "an official ..." description; "the agency"/"the newspaper" to the
latest news organisation named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.extract.quote_cues import Found, after_dateline
from newsgraph.extract.quote_lexicon import (
    AGENCIES,
    BODY_NOUNS,
    DOCUMENT_NOUNS,
    OUTLET_ANAPHORS,
    OUTLET_WORDS,
)
from newsgraph.language.entity_words import BODY_NAME_ENDS, ORGANISATION_HEADS, PERSON_ENDINGS, PERSON_NOUNS
from newsgraph.record import Document

# Role weights and per-sentence decay of the salience model. Chosen by hand on
# short constructed examples (and checked on PolNeAR train pronoun sources): a
# speaker two sentences back (4 * 0.6^2 = 1.44) still beats a merely mentioned
# person in the previous sentence (1 * 0.6 = 0.6), but not a subject there (1.2 loses
# to 1.44 only when the speaker is the older of the two by one sentence).
ROLE_WEIGHTS = {"speaker": 4.0, "subject": 2.0, "other": 1.0}
SENTENCE_DECAY = 0.6
# Candidates further back than this many sentences are not considered.
MAX_SENTENCE_DISTANCE = 8

PRONOUNS = {
    "he": ("m", "sg"), "him": ("m", "sg"), "his": ("m", "sg"),
    "she": ("f", "sg"), "her": ("f", "sg"),
    "they": (None, "pl"), "them": (None, "pl"), "their": (None, "pl"),
    "it": ("n", "sg"), "its": ("n", "sg"),
}
# Quantifiers standing alone for part of a group named before ("aid workers ... Several told
# us"): the speaker is that many of the group.
PART_OF_GROUP = frozenset({"several", "many", "some", "most", "few", "both", "others", "all"})
# The group is looked for this many sentences back, and only one group of people may be there.
GROUP_REACH = 2
MALE_TITLES = {"mr", "mr.", "sir", "lord", "king", "prince"}
FEMALE_TITLES = {"ms", "ms.", "mrs", "mrs.", "miss", "madam", "lady", "queen", "princess", "dame"}
MALE_NOUNS = {"spokesman", "man", "father", "son", "husband", "brother", "boy", "chairman",
              "congressman", "businessman", "policeman", "uncle", "grandfather"}
FEMALE_NOUNS = {"spokeswoman", "woman", "mother", "daughter", "wife", "sister", "girl",
                "chairwoman", "congresswoman", "businesswoman", "policewoman", "aunt", "grandmother"}
# A short list of common first names (English and frequent in international news).
MALE_NAMES = set("""
john james robert michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george edward ronald timothy
jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel frank gregory raymond patrick jack dennis jerry tyler aaron jose adam henry nathan peter
barack bill bernie mike ted marco jeb chris ben rand tim joe vladimir recep bashar ali mohammed
muhammad ahmed ahmad hassan hussein omar abdullah ibrahim mahmoud khalid yusuf mustafa emmanuel
francois angela boris nicolas xi narendra imran benjamin hamid ashraf luis carlos juan pedro
""".split())
FEMALE_NAMES = set("""
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie
joyce victoria kelly christina lauren joan evelyn judith olivia hillary nikki theresa theresa
kellyanne huma sheryl marine ursula christine fatima aisha maryam leila sonia indira benazir
""".split())

_PERSON_LIKE_LABELS = {"PERSON"}
# Head nouns of descriptions of bodies, which "it" can stand for ("the prosecutor's office
# said ... It said"): the organisation heads and the public bodies that speak, less the
# plural ones ("police", "authorities" are "they").
BODY_HEADS = ORGANISATION_HEADS | (BODY_NOUNS - {"police", "authorities"}) | {"directorate", "board"}
_NOT_PEOPLE = frozenset({"no", "every", "each", "any"})
_ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}
_PLACE_LABELS = {"GPE", "LOC"}


@dataclass
class Speaker:
    name: str | None
    entity: str | None = None


@dataclass
class _Mention:
    pos: int
    sentence: int
    name: str
    entity: str | None
    role: str
    gender: str | None  # m, f, n (a thing or organisation), or None
    number: str
    head_lemma: str = ""
    indefinite: bool = False
    outlet: bool = False
    person: bool = False  # can be "he" or "she"


def _sentence_index(parsed) -> dict[int, int]:
    return {tok.i: n for n, sent in enumerate(parsed.sents) for tok in sent}


class _Entities:
    """Entity lookup by span: the record's entities, else spaCy's, with the fullest name."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.spacy_ents = list(doc._nlp.ents) if doc._nlp is not None else []

    def at(self, start: int, end: int, head: int | None = None,
           anywhere: bool = True) -> tuple[str, str | None, str] | None:
        """(name, entity id, type) for the entity mentioned at the head, else (when ``anywhere``)
        the first of the record's entities inside the span. A description headed by a common
        noun is not the place it names ("a nurse at Tumaco's hospital" is no "Tumaco"):
        callers pass ``anywhere=False`` for those."""
        best = None
        for ent in self.doc.entities:
            for m_start, m_end in ent.mentions:
                if head is not None and m_start <= head < m_end:
                    return ent.name, ent.id, ent.type
                if best is None and anywhere and start <= m_start and m_end <= end:
                    best = (ent.name, ent.id, ent.type)
        if best is not None or self.doc.entities:
            return best
        for ent in self.spacy_ents:
            inside = head is not None and ent.start_char <= head < ent.end_char
            if inside or (head is None and start <= ent.start_char and ent.end_char <= end):
                return self._fullest(ent), None, ent.label_
        if head is not None:
            # a surname the tagger missed, used alone after the full name ("Lopez said")
            word = re.match(r"[\w’'-]+", self.doc.body[head:end])
            names = [e.text for e in self.spacy_ents if e.label_ == "PERSON" and word
                     and len(e.text.split()) > 1 and e.text.split()[-1] == word.group(0)]
            if names:
                return max(names, key=len), None, "PERSON"
        return None

    def _fullest(self, ent) -> str:
        text = ent.text.removesuffix("’s").removesuffix("'s")
        if ent.label_ != "PERSON":
            return text
        last = text.split()[-1] if text.split() else text
        names = [e.text for e in self.spacy_ents if e.label_ == "PERSON" and e.text.split()
                 and e.text.removesuffix("’s").removesuffix("'s").split()[-1] == last]
        return max(names + [text], key=len).removesuffix("’s").removesuffix("'s")


def _gender_of(span_tokens) -> str | None:
    for tok in span_tokens:
        low = tok.lower_
        if low in MALE_TITLES or low in MALE_NOUNS or low in MALE_NAMES:
            return "m"
        if low in FEMALE_TITLES or low in FEMALE_NOUNS or low in FEMALE_NAMES:
            return "f"
    return None


def _is_outlet(name: str) -> bool:
    low = name.lower().removeprefix("the ").strip()
    return low in AGENCIES or any(word in OUTLET_WORDS for word in low.split())


def _mention_for(token, role: str, sentences: dict[int, int], entities: _Entities,
                 text: str) -> _Mention | None:
    """A discourse mention for a noun or name heading a phrase; None for pronouns and the like."""
    span_tokens = list(token.subtree)
    start, end = span_tokens[0].idx, span_tokens[-1].idx + len(span_tokens[-1])
    if token.pos_ not in ("PROPN", "NOUN"):
        # a name the tagger misread ("Segun" as a verb) is still a name if an entity covers it
        named = entities.at(start, end, token.idx, anywhere=False) if token.is_title else None
        if named is None:
            return None
        name, entity, label = named
        return _Mention(token.idx, sentences[token.i], name, entity, role,
                        _gender_of(span_tokens) if label in _PERSON_LIKE_LABELS else "n",
                        "sg", token.lemma_.lower(), outlet=_is_outlet(name),
                        person=label in _PERSON_LIKE_LABELS)
    found = entities.at(start, end, token.idx, anywhere=token.pos_ == "PROPN")
    if found is not None and token.pos_ == "PROPN" and (
            found[2] in _PLACE_LABELS or token.lower_ in ORGANISATION_HEADS | BODY_NAME_ENDS):
        # a place after the head names where the body is, not the body: "the Human Rights
        # Forum of Pakistan" is no "Pakistan"; after a body's own name, any name says whose or
        # where it is ("Forum of Nepal", when the tagger calls Nepal a person)
        found = entities.at(start, token.idx + len(token), token.idx)
    if found is None and token.pos_ == "NOUN":
        # "the agency's spokesman, Tunde Lawal": the name in apposition is the speaker
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i > token.i:
                appos = list(child.subtree)
                found = entities.at(appos[0].idx, appos[-1].idx + len(appos[-1]), child.idx)
                break
    if found is None and token.pos_ == "NOUN" and token.dep_ == "appos" and token.head.pos_ == "PROPN":
        # "Carolina Ruiz, an economist at a brokerage": the description stands beside the name,
        # and a pronoun that goes back to either is the named person
        named = token.head
        found = entities.at(named.idx, named.idx + len(named), named.idx, anywhere=False)
        if found is None and _described_person(named):
            return _untagged_name(named, role, sentences, text)
        if found is not None and found[2] not in _PERSON_LIKE_LABELS:
            found = None
    number = "pl" if token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children) else "sg"
    determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
    if found is not None:
        name, entity, label = found
        gender = _gender_of(span_tokens) if label in _PERSON_LIKE_LABELS else (
            "n" if label in _ORG_LABELS else None)
        return _Mention(token.idx, sentences[token.i], name, entity, role, gender, number,
                        token.lemma_.lower(), outlet=_is_outlet(name), person=label in _PERSON_LIKE_LABELS)
    if token.pos_ == "PROPN":
        # a name the tagger missed is still a person when a role noun stands beside it
        return _untagged_name(token, role, sentences, text) if _described_person(token) else None
    description = text[after_dateline(text, start, end):end].strip(" ,")
    lemma = token.lemma_.lower()
    person = (lemma in PERSON_NOUNS or lemma.endswith(PERSON_ENDINGS)) and not determiners & _NOT_PEOPLE
    # a body ("Turkey's main opposition party") or a document ("the statement") is an "it", like a
    # named organisation
    gender = "n" if lemma in BODY_HEADS | DOCUMENT_NOUNS and number == "sg" else _gender_of(span_tokens)
    return _Mention(token.idx, sentences[token.i], description, None, role, gender,
                    number, lemma, indefinite=bool(determiners & {"a", "an", "one", "some"})
                    or not determiners, person=person)


def _described_person(name) -> bool:
    """"Ana Ruiz, an economist at ...": a proper noun with a person's role in apposition."""
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > name.i
               and (c.lemma_.lower() in PERSON_NOUNS or c.lemma_.lower().endswith(PERSON_ENDINGS))
               for c in name.children)


def _untagged_name(token, role: str, sentences: dict[int, int], text: str) -> _Mention:
    """The words of an untagged name ("Ana" "Ruiz"), without the description beside it."""
    first = token
    while first.i > 0 and first.doc[first.i - 1].pos_ == "PROPN" and first.doc[first.i - 1].head == token:
        first = first.doc[first.i - 1]
    words = list(first.doc[first.i:token.i + 1])
    return _Mention(token.idx, sentences[token.i], text[first.idx:token.idx + len(token)], None, role,
                    _gender_of(words), "sg", token.lemma_.lower(), person=True)


def _collect_mentions(doc: Document, found: list[Found], entities: _Entities) -> list[_Mention]:
    parsed, text = doc._nlp, doc.body
    sentences = _sentence_index(parsed)
    source_heads = {item.source_token for item in found if item.source_token is not None}
    mentions = []
    for token in parsed:
        if token.i in source_heads:
            continue  # speakers are added as they are resolved
        if token.dep_ in ("nsubj", "nsubjpass"):
            role = "subject"
        elif token.ent_type_ in ("PERSON", "ORG") and token.ent_iob_ == "B" or token.dep_ in (
                "dobj", "pobj", "appos", "conj"):
            role = "other"
        else:
            continue
        head = token
        if token.ent_type_ and token.ent_iob_ == "B":
            # the head of a multi-word name is its last token
            while head.i + 1 < len(parsed) and parsed[head.i + 1].ent_iob_ == "I":
                head = parsed[head.i + 1]
            if head.dep_ in ("compound", "flat"):
                continue  # a compound's head is visited on its own
        mention = _mention_for(head if head is not token else token, role, sentences, entities, text)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _compatible(mention: _Mention, gender: str | None, number: str) -> bool:
    if mention.number != number:
        return False
    if gender == "n":
        return mention.gender == "n"
    if gender in ("m", "f"):
        return mention.gender in (gender, None)
    return True


def _score(mention: _Mention, sentence: int) -> float:
    distance = sentence - mention.sentence
    if distance < 0 or distance > MAX_SENTENCE_DISTANCE:
        return 0.0
    return ROLE_WEIGHTS[mention.role] * SENTENCE_DECAY ** distance


def resolve_speakers(doc: Document, found: list[Found]) -> list[Speaker]:
    """One Speaker per attribution, in the order of ``found``."""
    if doc._nlp is None:
        return [Speaker(doc.body[f.source[0]:f.source[1]] if f.source else None) for f in found]
    parsed, text = doc._nlp, doc.body
    entities = _Entities(doc)
    sentences = _sentence_index(parsed)
    mentions = _collect_mentions(doc, found, entities)
    results: dict[int, Speaker] = {}
    order = sorted(range(len(found)),
                   key=lambda i: found[i].source[0] if found[i].source else found[i].cue[0])
    for index in order:
        item = found[index]
        if item.source is None:
            results[index] = Speaker(None)
            continue
        written = text[item.source[0]:item.source[1]]
        if item.source_token is None:
            # a transcript or headline speaker ("SMITH:"): an entity inside it, else as written
            named = entities.at(item.source[0], item.source[1])
            results[index] = Speaker(named[0], named[1]) if named else Speaker(written)
            continue
        head = parsed[item.source_token]
        earlier = [m for m in mentions if m.pos < item.source[0]]
        speaker, mention = _resolve(head, written, item, earlier, sentences, entities, text)
        results[index] = speaker
        if mention is not None:
            mention.pos, mention.sentence = head.idx, sentences[head.i]
            mentions.append(mention)
    return [results[i] for i in range(len(found))]


def _resolve(head, written: str, item: Found, earlier: list[_Mention], sentences, entities: _Entities,
             text: str) -> tuple[Speaker, _Mention | None]:
    sentence = sentences[head.i]
    low = head.lower_
    if low in PART_OF_GROUP and not any(c.dep_ in ("prep", "compound", "amod") for c in head.children):
        groups = {m.head_lemma: m for m in earlier if m.number == "pl" and m.person
                  and 0 <= sentence - m.sentence <= GROUP_REACH}
        if len(groups) != 1:
            # none, or a choice ("when gunmen ambushed the aid workers, many say"): as written
            return Speaker(written), None
        best = next(iter(groups.values()))
        group = best.name if best.name.lower().startswith(("the ", "these ", "those ")) else (
            f"the {best.name}")
        return Speaker(f"{written} of {group}"), None
    if low in PRONOUNS:
        gender, number = PRONOUNS[low]
        candidates = [m for m in earlier if _compatible(m, gender, number)]
        if gender in ("m", "f"):
            # he/she refer to people: drop organisations and places
            candidates = [m for m in candidates if m.gender != "n" and m.person]
        best = max(candidates, key=lambda m: _score(m, sentence), default=None)
        if best is None or _score(best, sentence) == 0.0:
            return Speaker(written), None
        if gender in ("m", "f") and best.gender is None:
            best.gender = gender  # learn the referent's gender from the pronoun
        return Speaker(best.name, best.entity), _copy(best, gender)
    determiners = {c.lower_ for c in head.children if c.dep_ == "det"}
    if head.pos_ == "NOUN" and "the" in determiners and head.lemma_.lower() in OUTLET_ANAPHORS:
        outlets = [m for m in earlier if m.outlet]
        if outlets:
            best = max(outlets, key=lambda m: m.pos)
            return Speaker(best.name, best.entity), _copy(best, "n")
    mention = _mention_for(head, "speaker", sentences, entities, text)
    if mention is None:
        return Speaker(written), None
    # a modifier right after the noun, with no comma, tells which one is meant: "the people
    # of Garissa" (not "the officials, who spoke on condition of anonymity")
    restricted = any(c.dep_ in ("prep", "relcl", "acl") and c.i > head.i
                     and head.doc[c.left_edge.i - 1].text != "," for c in head.children)
    if (head.pos_ == "NOUN" and determiners & {"the", "this", "that"} and mention.entity is None
            and not restricted):  # "the people of Garissa" is no anaphor of "three other people"
        same = [m for m in earlier if m.head_lemma == mention.head_lemma and m.indefinite]
        if not same and all(c.dep_ == "det" for c in head.children):
            # a bare "the directorate" goes back to "the provincial health directorate"
            same = [m for m in earlier if m.head_lemma == mention.head_lemma and m.entity is None
                    and m.name.lower().startswith("the ") and len(m.name) > len(mention.name)
                    and m.number == mention.number and _score(m, sentences[head.i]) > 0]
        if same:
            best = max(same, key=lambda m: m.pos)
            return Speaker(best.name, best.entity), _copy(best, None)
    return Speaker(mention.name, mention.entity), mention


def _copy(mention: _Mention, gender: str | None) -> _Mention:
    return _Mention(mention.pos, mention.sentence, mention.name, mention.entity, "speaker",
                    mention.gender or (gender if gender != "n" else mention.gender), mention.number,
                    mention.head_lemma, mention.indefinite, mention.outlet, mention.person)
