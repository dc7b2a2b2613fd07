"""The chain of sources a story relies on: outlet, the agencies it relays, the people they cite.

``run_sources(doc)`` reads ``doc.quotes`` (speakers already resolved) and fills
``doc.sources`` with one Attribution per distinct source. Index 0 is the
outlet that published the page (its site name, else the domain of its URI).
News agencies and newspapers come next: those named in a dateline
("(Reuters) -"), those quoted as speakers ("AP reported"), those a speaker
talked to ("told The Times") and those that cite someone ("Reuters, citing ...").
Then every other speaker. ``via`` is the index of the source that relays this
one: a quote told to Reuters, or one inside Reuters' own report, is relayed by
Reuters; Reuters and every other direct source are relayed by the outlet.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from newsgraph.extract.quote_lexicon import (
    AGENCIES,
    AGENCY_CREDIT,
    ANONYMITY_PHRASES,
    ANONYMOUS_HEADS,
    BODY_NOUNS,
    DOCUMENT_NOUNS,
    EXPERT_NOUNS,
    OFFICIAL_NOUNS,
    OUTLET_WORDS,
)
from newsgraph.extract.speakers import PART_OF_GROUP
from newsgraph.language.entity_words import BODY_NAME_ENDS, ORGANISATION_HEADS, PERSON_ENDINGS, PERSON_NOUNS
from newsgraph.record import Attribution, Document, Quote

# Titles that make a named person an official.
OFFICIAL_TITLES = frozenset({"rep.", "rep", "sen.", "sen", "gov.", "gov", "president", "minister",
                             "secretary", "mayor", "governor", "senator", "ambassador", "gen.",
                             "general", "col.", "colonel", "chief", "spokesman", "spokeswoman",
                             "commissioner", "prime", "premier", "chancellor", "sheriff", "commander",
                             "director", "chairman", "chairwoman", "superintendent", "inspector",
                             "justice", "judge", "prosecutor"})
# More heads of descriptions that name a body: "hospitals in the city", "the health directorate",
# "intelligence services", "the city" (its council speaking).
MORE_BODY_HEADS = frozenset("""
hospital clinic directorate service force team club school university college municipality city
town province county district opposition management leadership board
""".split())
# Heads of descriptions that name a news outlet: "the state broadcaster", "the newspaper".
OUTLET_HEADS = frozenset(
    "broadcaster newspaper daily tabloid magazine channel radio television outlet".split())
# Heads of non-human sources beyond the lexicon's documents: "the Islamic State claim", "the evidence".
MORE_DOCUMENT_HEADS = frozenset("""
claim evidence bill law measure image photo picture finding result figure tally count sign message
note notice order ruling verdict decision announcement advert advertisement
""".split())
# Unnamed people who speak for the state's investigation.
INVESTIGATOR_HEADS = frozenset({"investigator", "detective"})
# Kinds of source that are people, and so may be unnamed (anonymous).
PEOPLE_KINDS = frozenset({"person", "official", "expert"})
# Abstract nouns ("the abduction", "the assessment") are no person: what they say is a document's
# say. Checked after every list above, so "the opposition" or "the administration" stay bodies.
_ABSTRACT_SUFFIX = re.compile(r"(?:tion|sion|ment|ness|ity)$")
# A dateline naming the agency the page relays: "BAGHDAD (Reuters) -".
_DATELINE = re.compile(AGENCY_CREDIT)
# A wire service not in the agency list, known by its name ("Meridian Press Agency").
_AGENCY_WORDS = re.compile(r"\b(?:Press|News) Agency\b")
# How far into the body a dateline may sit (characters): the first paragraph's start.
DATELINE_REACH = 300


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().lower().removeprefix("the ")


def agency_name(name: str) -> str | None:
    return AGENCIES.get(_norm(name))


def is_outlet_name(name: str) -> bool:
    words = _norm(name).split()
    return bool(words) and (agency_name(name) is not None or any(w in OUTLET_WORDS for w in words))


def outlet_of(doc: Document) -> str | None:
    if doc.site_name:
        return doc.site_name
    uri = doc.source.uri if doc.source else None
    if uri:
        host = urlparse(uri if "//" in uri else f"//{uri}").hostname or ""
        return host.removeprefix("www.") or None
    return _copyright_holder(doc)


# A footer's copyright line names the publisher: "© 2016 Meridian Press Agency. All rights
# reserved.", "© East Africa Monitor 2016."; the page's own name when a dump keeps no metadata.
_COPYRIGHT = re.compile(r"(?:©|\(c\)|Copyright)\s*(?:Copyright\s+)?(?:\d{4}\s+)?(?:The\s+)?"
                        r"(?P<name>[A-Z][\w&'’ .-]*?[A-Za-z])(?:\s+\d{4})?\s*(?:\.|,|\||All rights|$)")


def _copyright_holder(doc: Document) -> str | None:
    for block in reversed(doc.blocks):
        if block.kept:
            continue  # a copyright line inside the article is someone else's
        match = _COPYRIGHT.search(block.text)
        if match:
            return _COMPANY_SUFFIX.sub("", match.group("name").strip())
    return None


# The publishing company behind the title ("Levant Observer Media Ltd" -> "Levant Observer").
_COMPANY_SUFFIX = re.compile(r"\s+(?:Media\s+)?(?:Ltd|Limited|Inc|LLC|plc|Group)\.?$|\s+Media$")


class _Ledger:
    """Sources by merge key, in order of first appearance."""

    def __init__(self) -> None:
        self.items: list[Attribution] = []
        self.keys: dict[str, int] = {}

    def add(self, key: str, source: Attribution) -> int:
        if key in self.keys:
            index = self.keys[key]
            known = self.items[index]
            for span in source.evidence:
                if span not in known.evidence:
                    known.evidence.append(span)
            # one mention that says the source is unnamed on purpose ("speaking on condition
            # of anonymity") marks it, though the next ("they said") does not repeat it
            known.anonymous = known.anonymous or source.anonymous
            if known.via in (None, 0) and source.via not in (None, 0) and source.via != index:
                known.via = source.via  # a specific relay beats the page itself
            return index
        self.keys[key] = len(self.items)
        self.items.append(source)
        return len(self.items) - 1


def _token_at(doc: Document, position: int):
    parsed = doc._nlp
    if parsed is None:
        return None
    for token in parsed:
        if token.idx <= position < token.idx + len(token):
            return token
    return None


def _recipient(doc: Document, quote: Quote) -> tuple[str, list[int]] | None:
    """The outlet a speaker talked to: "told Reuters", "said in an interview with The Times"."""
    if not quote.cue_span:
        return None
    cue = _token_at(doc, quote.cue_span[0])
    if cue is None:
        return None
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    candidates = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "with")):
        candidates.extend(c for c in prep.children if c.dep_ == "pobj")
    for child in candidates:
        tokens = list(child.subtree)
        text = doc.body[tokens[0].idx:tokens[-1].idx + len(tokens[-1])]
        if child.pos_ == "PROPN" and is_outlet_name(text):
            return text, [tokens[0].idx, tokens[-1].idx + len(tokens[-1])]
    return None


def _kind(doc: Document, quote: Quote) -> str:
    name = quote.speaker or ""
    if agency_name(name) or _AGENCY_WORDS.search(name):
        return "agency"
    entity = doc.entity(quote.speaker_entity)
    written = _described(doc, quote).lower()
    words = set(re.findall(r"[\w.]+", written))
    label = entity.type if entity else _spacy_label(doc, quote)
    head = _speaker_head(doc, quote)
    if head is not None and (head.pos_ == "PRON" or _part_of_pronoun(head)) and not entity and name:
        # a pronoun resolved to a description or a name ("which" -> "the TNA", "The bill"):
        # the kind of what it stands for, not of the pronoun
        words = set(re.findall(r"[\w.]+", name.lower()))
        last = name.lower().split()[-1]
        for nouns, kind in ((BODY_NOUNS | ORGANISATION_HEADS, "organisation"), (DOCUMENT_NOUNS, "document")):
            if last in nouns:
                return kind
        bare = name.removeprefix("the ").removeprefix("The ")
        label = next((e.label_ for e in doc._nlp.ents if e.text.removeprefix("the ") == bare), label)
    if head is not None and head.pos_ == "NOUN" and not entity:
        kind = _description_kind(head)
        if kind is not None:
            return kind
    if head is not None and head.pos_ == "PROPN" and not entity and label is None and (
            head.lower_ in ORGANISATION_HEADS | BODY_NAME_ENDS):
        return "organisation"  # a body's name the tagger missed: "the Human Rights Forum of ..."
    if label in ("ORG",) and is_outlet_name(name):
        return "outlet"
    if words & ANONYMOUS_HEADS:
        return "official" if words & (OFFICIAL_NOUNS | BODY_NOUNS) else "person"
    if words & BODY_NOUNS and not words & OFFICIAL_TITLES:
        return "organisation"
    if words & OFFICIAL_TITLES or words & OFFICIAL_NOUNS:
        return "official"
    if words & EXPERT_NOUNS:
        return "expert"
    if label == "PERSON":
        return "person"
    if label in ("ORG", "GPE", "NORP", "FAC"):
        return "organisation"
    if words & DOCUMENT_NOUNS:
        return "document"
    return "person"


def _description_kind(head) -> str | None:
    """A description is the kind of its head noun: "a senior police officer who ..." is an
    official, "a nurse at Tumaco's hospital" a person, whatever else it names."""
    lemma = head.lemma_.lower()
    if lemma == "member" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
            g.lower_ in ("parliament", "congress", "senate", "assembly") for g in c.children)
            for c in head.children):
        return "official"  # "members of parliament"
    for nouns, kind in ((OFFICIAL_NOUNS - BODY_NOUNS, "official"),
                        (INVESTIGATOR_HEADS | OFFICIAL_TITLES, "official"), (EXPERT_NOUNS, "expert"),
                        (BODY_NOUNS | ORGANISATION_HEADS | MORE_BODY_HEADS, "organisation"),
                        (PERSON_NOUNS, "person"),
                        (OUTLET_HEADS, "outlet"), (DOCUMENT_NOUNS | MORE_DOCUMENT_HEADS, "document")):
        if lemma in nouns or head.lower_ in nouns:
            return kind
    return "document" if _ABSTRACT_SUFFIX.search(lemma) else None


def _speaker_head(doc: Document, quote: Quote):
    """The head word of the speaker as written, climbing from a name to the noun it is in
    apposition to ("the agency's spokesman, Tunde Lawal" -> spokesman); for a pronoun, the head
    of what it was resolved to, as written last before it; None without a parse."""
    if doc._nlp is None or not quote.speaker_span:
        return None
    head = _head_of(doc, *quote.speaker_span)
    if head is not None and head.pos_ == "PRON" and quote.speaker:
        # a pronoun stands for the description or name it was resolved to: read that as written
        # last before it ("the national police director ... he said")
        at = doc.body.rfind(quote.speaker, 0, quote.speaker_span[0])
        antecedent = _head_of(doc, at, at + len(quote.speaker)) if at >= 0 else None
        return antecedent or head
    return head


def _head_of(doc: Document, start: int, end: int):
    if end <= start:
        return None
    words = doc._nlp.char_span(start, end, alignment_mode="expand")
    if words is None or not len(words):
        return None
    head = words.root
    group = _group_of(head)
    if group is not None and group.pos_ == "NOUN":
        return group  # "one of two officials", "some of the residents": the kind is the group's
    return head.head if head.dep_ == "appos" else head


# Parts of speech of the quantifier heading "one of ...", "some of ...", "many of ...".
_PART_WORDS_POS = frozenset({"NUM", "PRON", "DET", "ADJ"})


def _group_of(head):
    """The group a quantifier takes part of ("officials" in "one of two officials", "them" in
    "some of them"), or None."""
    if head.pos_ not in _PART_WORDS_POS:
        return None
    for preposition in head.children:
        if preposition.dep_ == "prep" and preposition.lower_ == "of":
            for child in preposition.children:
                if child.dep_ == "pobj":
                    return child
    return None


def _part_of_pronoun(head) -> bool:
    """"One of them", "some of them": a part of a group named by a pronoun, which stands, like a
    pronoun, for the group it was resolved to."""
    group = _group_of(head)
    return group is not None and group.pos_ == "PRON"


def _described(doc: Document, quote: Quote) -> str:
    """The speaker with what the text says of them: a quote's speaker span is the name alone
    ("Ali Hassan"), but its apposition ("a professor at ...") tells what kind of source it is."""
    written = quote.speaker_text or quote.speaker or ""
    head = _speaker_head(doc, quote)
    if head is None:
        return written
    # what a relative clause says they do is no description of them ("Segun Oladipo, who runs a
    # plastics factory": a person, not the factory)
    aside = {t.i for c in head.subtree if c.dep_ == "relcl" for t in c.subtree}
    kept = [t for t in head.subtree if t.i not in aside]
    return "".join(t.text_with_ws for t in kept).strip()


def _holds_named_office(doc: Document, quote: Quote) -> bool:
    """"Turkey's interior minister", "the agency's spokesman": one office of a named body,
    which identifies its holder (unlike "a senior official" or "officials")."""
    head = _speaker_head(doc, quote)
    if head is None:
        return False
    # "its spokesman" after the body is named is that body's spokesman too
    owner = [c for c in head.children if c.dep_ == "poss" and (c.ent_type_ or c.pos_ in ("NOUN", "PRON"))
             and c.lower_ not in ("my", "our", "your")]
    # "the provincial governor": one holder of one office, named by the office itself
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    return head.tag_ == "NN" and head.lower_ in OFFICIAL_TITLES and (bool(owner) or definite)


def _spacy_label(doc: Document, quote: Quote) -> str | None:
    if doc._nlp is None or not quote.speaker_span:
        return None
    head = _speaker_head(doc, quote)
    if head is not None and head.pos_ == "NOUN":
        return head.ent_type_ or None  # a description is not the place or body it mentions
    if head is not None and head.pos_ == "PROPN" and head.ent_type_:
        return head.ent_type_
    start, end = quote.speaker_span
    for ent in doc._nlp.ents:
        # the name itself, not a place or body the phrase goes on to mention ("Segun Oladipo,
        # who runs a factory in Ikeja", with "Segun" misread as a verb, is no place)
        if start <= ent.start_char and ent.end_char <= end and (head is None or ent.start <= head.i < ent.end
                                                                 or ent.start_char == start):
            return ent.label_
    return None


def _anonymous(doc: Document, quote: Quote, kind: str, within: int | None = None) -> bool:
    """Whether the source is unnamed: a group or role noun ("officials", "a senior police
    officer"), or an anonymity phrase between the speaker and the end of the sentence (or
    of the quotation ``within`` which the speech is reported)."""
    if kind in ("agency", "outlet", "document", "organisation"):
        return False
    if quote.speaker_entity or _spacy_label(doc, quote) == "PERSON" or _holds_named_office(doc, quote):
        return False
    head = _speaker_head(doc, quote)
    if head is not None:
        # with a parse: every person not named is unnamed ("traders", "a man", "my brother");
        # a description whose head is not known to be people ("the fee cuts") is no one
        return not _is_named(doc, quote, head) and (head.pos_ != "NOUN" or _names_people(head))
    written = (quote.speaker or "").lower()
    head_words = set(re.findall(r"\w+", written))
    sentence_end = doc.body.find(".", quote.cue_span[1]) if quote.cue_span else -1
    if within is not None and (sentence_end < 0 or within < sentence_end):
        sentence_end = within
    around = doc.body[(quote.speaker_span or quote.span)[0]:sentence_end if sentence_end > 0 else None]
    people = ANONYMOUS_HEADS | (OFFICIAL_NOUNS - BODY_NOUNS) | EXPERT_NOUNS
    return bool(head_words & people or any(phrase in around.lower() for phrase in ANONYMITY_PHRASES))


# Nouns for people, and the endings of more of them: the person endings, and agent nouns
# ("growers", "operators").
_PEOPLE_WORDS = (PERSON_NOUNS | OFFICIAL_NOUNS | EXPERT_NOUNS | ANONYMOUS_HEADS | INVESTIGATOR_HEADS
                 | OFFICIAL_TITLES)
_PEOPLE_ENDINGS = (*PERSON_ENDINGS, "er", "or")


def _names_people(head) -> bool:
    lemma = head.lemma_.lower()
    return lemma in _PEOPLE_WORDS or head.lower_ in _PEOPLE_WORDS or lemma.endswith(_PEOPLE_ENDINGS)


def _is_thing(doc: Document, quote: Quote) -> bool:
    """A speaker that is a thing, neither people, a body nor a document: "the speed of the
    arrests suggested", "the fee cuts showed". Inside another's words such a clause is the
    speaker's own reasoning, and the story does not rely on the thing."""
    if quote.speaker_entity:
        return False
    head = _speaker_head(doc, quote)
    if head is None or head.pos_ != "NOUN" or head.ent_type_:
        return False
    return not _names_people(head) and _description_kind(head) is None


# Parts of speech the tagger gives a first name it does not know ("Segun" as a verb).
_MISREAD_NAME_POS = frozenset({"VERB", "ADJ", "ADV", "X"})


def _is_named(doc: Document, quote: Quote, head) -> bool:
    """Whether the speaker is named: a proper noun heads what was written, or a pronoun stands
    for a name the page's entities know."""
    if head.pos_ == "PROPN":
        return head.lower_ not in PART_OF_GROUP  # "Several told us": a quantifier opening a sentence
    following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if head.pos_ in _MISREAD_NAME_POS and head.is_title and head.lower_ not in PART_OF_GROUP \
            and following is not None and following.pos_ == "PROPN" and following.is_title:
        return True  # a first name the tagger misread ("Segun" as a verb) before the surname
    if head.pos_ == "PRON" and quote.speaker:
        wanted = _norm(quote.speaker)
        return any(_norm(form) == wanted
                   for entity in doc.entities for form in (entity.name, *entity.aliases))
    return False


def _enclosing(quote: Quote, quotes: list[Quote]) -> Quote | None:
    """The quote whose content holds this one's cue (speech reported within speech)."""
    if not quote.cue_span:
        return None
    holders = [q for q in quotes if q is not quote and q.speaker
               and q.span[0] <= quote.cue_span[0] and quote.cue_span[1] <= q.span[1]]
    return min(holders, key=lambda q: q.span[1] - q.span[0], default=None)


def run_sources(doc: Document) -> None:
    """Pipeline stage: fill ``doc.sources`` from ``doc.quotes`` (run after ``run_quotes``)."""
    ledger = _Ledger()
    outlet = outlet_of(doc)
    outlet_index = ledger.add(f"outlet:{_norm(outlet)}", Attribution(outlet, "outlet")) if outlet else None
    dateline_index = None
    match = _DATELINE.search(doc.body[:DATELINE_REACH])
    if match and agency_name(match.group("agency")):
        name = agency_name(match.group("agency"))
        dateline_index = ledger.add(f"agency:{_norm(name)}", Attribution(
            name, "agency", via=outlet_index, evidence=[[match.start("agency"), match.end("agency")]]))
    default_via = dateline_index if dateline_index is not None else outlet_index
    quotes = [q for q in doc.quotes if q.speaker]
    index_of: dict[int, int] = {}
    # First the relays (agencies and newspapers), so that people can point to them.
    recipients: dict[int, int] = {}
    for quote in quotes:
        recipient = _recipient(doc, quote)
        if recipient is not None:
            text, span = recipient
            name = agency_name(text) or text.removeprefix("the ").removeprefix("The ")
            kind = "agency" if agency_name(text) else "outlet"
            recipients[id(quote)] = ledger.add(f"{kind}:{_norm(name)}", Attribution(
                name, kind, via=default_via, evidence=[span]))
        kind = _kind(doc, quote)
        if kind in ("agency", "outlet"):
            name = agency_name(quote.speaker or "") or quote.speaker or ""
            index_of[id(quote)] = ledger.add(f"{kind}:{_norm(name)}", Attribution(
                name, kind, entity=quote.speaker_entity, via=default_via,
                evidence=[quote.speaker_span] if quote.speaker_span else []))
    for quote in quotes:
        if id(quote) in index_of:
            continue
        if _enclosing(quote, quotes) is not None and _is_thing(doc, quote):
            continue  # "she said the speed of the arrests suggested ...": her reading, not a source
        kind = _kind(doc, quote)
        via = recipients.get(id(quote))
        if via is None:
            outer = _enclosing(quote, quotes)
            via = index_of.get(id(outer)) if outer is not None else None
        if via is None and quote.cue and quote.cue.lower().startswith("cit"):
            via = None  # "citing X": handled below through the citing clause's subject
        key = quote.speaker_entity or f"name:{_norm(quote.speaker or '')}"
        outer = _enclosing(quote, quotes)
        within = outer.span[1] if outer is not None and outer.kind == "direct" else None
        anonymous = _anonymous(doc, quote, kind, within) or _one_of_anonymous(quote, ledger)
        index_of[id(quote)] = ledger.add(key, Attribution(
            quote.speaker or "", kind, entity=quote.speaker_entity,
            anonymous=anonymous, via=via if via is not None else default_via,
            evidence=[quote.speaker_span] if quote.speaker_span else []))
    _link_citations(doc, quotes, ledger, index_of)
    _link_excerpts(doc, ledger, default_via)
    doc.sources = ledger.items


def _link_citations(doc: Document, quotes: list[Quote], ledger: _Ledger, index_of: dict[int, int]) -> None:
    """"Reuters, citing two officials": the cited sources are relayed by the one citing them."""
    for quote in quotes:
        if not quote.cue or not quote.cue.lower().startswith("cit") or doc._nlp is None:
            continue
        citer = index_of.get(id(quote))
        if citer is None:
            continue
        for source in ledger.items:
            if any(quote.span[0] <= s and e <= quote.span[1] for s, e in source.evidence):
                source.via = citer
        # the cited words themselves become a source relayed by the citer, of the kind of
        # their head noun ("intelligence reports" are documents, "two officials" officials)
        head = _head_of(doc, *quote.span)
        kind = _description_kind(head) if head is not None and head.pos_ == "NOUN" else None
        if kind is None:
            kind = "official" if set(quote.text.lower().split()) & OFFICIAL_NOUNS else "person"
        anonymous = kind in PEOPLE_KINDS and not any(
            ent.label_ == "PERSON" and quote.span[0] <= ent.start_char < quote.span[1]
            for ent in doc._nlp.ents)
        ledger.add(f"name:{_norm(quote.text)}", Attribution(
            quote.text, kind, anonymous=anonymous, via=citer, evidence=[list(quote.span)]))


def _one_of_anonymous(quote: Quote, ledger: _Ledger) -> bool:
    """"One of them said": one of a group that spoke on condition of anonymity is anonymous
    too (the quotes stage names the group: "one of two community leaders")."""
    name = _norm(quote.speaker or "")
    if not name.startswith("one of "):
        return False
    group = name.removeprefix("one of ")
    return any(not item.entity and item.anonymous and _norm(item.name).removeprefix("the ") == group
               for item in ledger.items)


# The page's own framing of an excerpt from another outlet: "We quote it at length:" closing a
# paragraph that names the outlet ("... comes from the Andes Courier, which published ...").
_EXCERPT_INTRO = re.compile(r"\b(?:we|We) (?:quote|reproduce|reprint|excerpt)\b[^.\n]*:[ \t]*\n")
_CAPITALISED_NAME = re.compile(r"\b(?:the |The )?(?:[A-Z][\w'’-]+ )*[A-Z][\w'’-]+")


def _link_excerpts(doc: Document, ledger: _Ledger, default_via: int | None) -> None:
    """Sources speaking inside an excerpt of another outlet are relayed by that outlet. The
    excerpt runs from the introducing line to the first paragraph that names the outlet again."""
    body = doc.body
    for match in _EXCERPT_INTRO.finditer(body):
        paragraph_start = body.rfind("\n", 0, match.start()) + 1
        names = [m for m in _CAPITALISED_NAME.finditer(body, paragraph_start, match.start())
                 if is_outlet_name(m.group(0)) and len(m.group(0).split()) > 1]
        if not names:
            continue
        outlet = names[-1]
        name = outlet.group(0).removeprefix("the ").removeprefix("The ")
        last_word = name.split()[-1]
        start = match.end()
        again = re.search(rf"\b{re.escape(last_word)}\b", body[start:])
        end = start + again.start() if again else len(body)
        end = body.rfind("\n", start, end) if again and body.rfind("\n", start, end) > start else end
        relay = ledger.add(f"outlet:{_norm(name)}", Attribution(
            name, "agency" if agency_name(name) else "outlet", via=default_via,
            evidence=[[outlet.start(), outlet.end()]]))
        for index, source in enumerate(ledger.items):
            inside = all(start <= s and e <= end for s, e in source.evidence)
            if index != relay and source.evidence and inside:
                source.via = relay
