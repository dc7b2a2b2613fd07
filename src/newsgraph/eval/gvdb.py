"""Gun Violence Database (dev): the main shooting's date, city, state and casualty counts.

Each page is cleaned like any text page (``clean_page``; a date in the URL path,
"/2016/01/27/", is passed as page metadata, as a crawler would), then parsed,
dated (the dates stage) and run through the incident stage. The page's main
shooting is the incident with the most evidence sentences among those of an
assault type (else the first incident).

Gold, from the crowd JSON:
- date: "date-and-time"."date", zero-padded to YYYY-MM-DD ("2015-8-23" -> "2015-08-23");
- city: "date-and-time"."city"."value", empty -> none; a value that swallowed the page header
  ("publication date: ...\nMILWAUKEE") keeps its last line, less a glued title or year;
- state: the two-letter code before " - " in "date-and-time"."state", or of a state written by
  hand ("California", "Wis."); "Unclear", "Outside the USA" or empty -> none;
- killed: victims whose "victim-was" includes "killed";
- injured: victims not killed whose "victim-was" includes "injured" or "hospitalized".
Comparison: dates exactly; cities after lower-casing, dropping punctuation and a leading "the";
states exactly; counts as integers, a missing prediction counting as 0 (none for city/state/date).
"""

from __future__ import annotations

import csv
import html
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from newsgraph.record import Document, Location

FIELDS = ("date", "city", "state", "killed", "injured")

_URL_DATE = re.compile(r"/(20\d\d|19\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-)")
# Other dated URL shapes: "/2016/mar/09/", "...-friday-02-05-2016", "-20160311-story".
_URL_MONTH_NAME = re.compile(r"/(20\d\d)/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/(\d{1,2})/",
                             re.I)
_URL_US_DATE = re.compile(r"[-/_](\d{2})-(\d{2})-(20\d\d)(?:[-/_.]|$)")
_URL_COMPACT = re.compile(r"[-/_](20[01]\d)(0[1-9]|1[0-2])([0-2]\d|3[01])(?:[-/_.]|$)")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def gold_fields(annotation: dict, title: str | None = None) -> dict:
    when = annotation.get("date-and-time") or {}
    date = _pad_date(when.get("date") or "")
    city = _gold_city((when.get("city") or {}).get("value") or "", title)
    state = _gold_state((when.get("state") or "").strip())
    killed = injured = 0
    for victim in annotation.get("victim-section") or []:
        status = set(victim.get("victim-was") or [])
        if "killed" in status:
            killed += 1
        elif status & {"injured", "hospitalized"}:
            injured += 1
    return {"date": date, "city": city, "state": state, "killed": killed, "injured": injured}


def _gold_state(text: str) -> str | None:
    """The two-letter code of the crowd's state: "IL - Illinois", and also a state written by
    hand ("California", "Wis.", "Mo", "SC"), which the annotation tool let through. "Unclear",
    "Outside the USA" or nothing: none."""
    from newsgraph.extract import incident_places, places

    if " - " in text:
        return text.split(" - ")[0].strip()
    if not text or text.lower() in {"unclear", "outside the usa"}:
        return None
    return places.state_code(text) or incident_places.AP_STATES.get(text.lower().rstrip(".").strip())


def _gold_city(value: str, title: str | None) -> str | None:
    """The crowd's city. A selection that swallowed the page's header keeps its last line, less
    the page title glued before the city ("...armed robberyBELPRE") and a year glued before it
    ("2016Chicago")."""
    lines = [line.strip() for line in value.splitlines() if line.strip()]
    if not lines:
        return None
    city = lines[-1]
    if len(lines) > 1 and title:
        headline = title.strip()
        if headline and city.startswith(headline) and len(city) > len(headline):
            city = city[len(headline):]
    return re.sub(r"^(?:19|20)\d\d(?=[A-Za-z])", "", city).strip() or None


def _pad_date(value: str) -> str | None:
    match = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", value.strip())
    if not match:
        return None
    return f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}"


def normalise_city(value: str | None) -> str | None:
    if not value:
        return None
    text = re.sub(r"[^\w\s]", " ", value.lower())
    text = re.sub(r"^\s*the\s+", "", text)
    return " ".join(text.split()) or None


def read_rows(gold_tsv: Path) -> list[dict]:
    csv.field_size_limit(sys.maxsize)
    with open(gold_tsv, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return list(reader)


def _url_date(url: str) -> str | None:
    url = url or ""
    if match := _URL_DATE.search(url):
        return _pad_date(f"{match[1]}-{match[2]}-{match[3]}")
    if match := _URL_MONTH_NAME.search(url):
        return _pad_date(f"{match[1]}-{_MONTHS.index(match[2].lower()[:3]) + 1}-{match[3]}")
    if match := _URL_US_DATE.search(url):
        return _pad_date(f"{match[3]}-{match[1]}-{match[2]}")
    if match := _URL_COMPACT.search(url):
        return _pad_date(f"{match[1]}-{match[2]}-{match[3]}")
    return None


def page_text(row: dict) -> str:
    """The scraped text with its title on a line of its own: the dump glues the title to the
    first words of the page ("...Local NewsTOLEDO -- Three..."), which hides the dateline."""
    # A few pages keep HTML character references ("Baltimore&#39;s"): the dump is text.
    text = _apostrophes(html.unescape(row.get("Full text") or ""))
    title = _apostrophes(html.unescape(row.get("Article title") or "")).strip()
    if title and text.startswith(title) and len(text) > len(title):
        return title + "\n\n" + text[len(title):].lstrip()
    return text


# The dump lost curly apostrophes to "?" ("on Brackford?s east side"): a "?" between a word and
# a possessive or contracted "s" is an apostrophe.
_LOST_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\?(?=s\b)")


def _apostrophes(text: str) -> str:
    return _LOST_APOSTROPHE.sub("\u2019", text)


def main_incident(doc: Document):
    """The page's main incident: the stage reports it first."""
    return doc.incidents[0] if doc.incidents else None


def predict_page(row: dict, nlp) -> dict:
    from newsgraph.clean import clean_page
    from newsgraph.extract import dates, incidents
    from newsgraph.ingest.readers import RawPage

    url = row.get("Article url") or ""
    raw = RawPage(content=page_text(row), kind="text", origin="text", uri=url, published=_url_date(url),
                  title=_apostrophes(html.unescape(row.get("Article title") or "")) or None)
    doc = clean_page(raw)
    if not isinstance(doc, Document) or not doc.body.strip():
        doc = Document(body=raw.content or " ")
    if doc.published is None:
        # No dateline or metadata: a page is published on or after every full date it shows.
        from newsgraph.clean.published import full_dates

        shown = full_dates(raw.content)
        if shown:
            doc.published, doc.published_basis = max(shown), "text"
    doc._nlp = nlp(doc.body)
    dates.run(doc)
    incidents.run(doc)
    incident = main_incident(doc)
    if incident is None:
        from newsgraph.extract import incident_tolls

        city, state = _city_and_state(doc, Location(), nlp)
        # Every GVDB page reports a shooting: the headline and the opening sentences still say
        # who was hurt when no sentence gave an incident.
        killed, injured = incident_tolls.tolls_without_incident(doc, list(doc._nlp.sents))
        return {"date": doc.published, "city": city, "state": state, "killed": killed, "injured": injured}
    city, state = _city_and_state(doc, incident.location, nlp)
    # The stage completes the main incident's tolls from the headline and the lead sentence.
    return {"date": _day(doc, incident.date, incident.date_text), "city": city, "state": state,
            "killed": _value(incident.killed), "injured": _value(incident.injured)}


def _city_and_state(doc: Document, location: Location, nlp) -> tuple[str | None, str | None]:
    """The town and two-letter state of the main shooting.

    The incident's own town comes first. When it gave none, or only a region or a street, a
    gazetteer town named in the headline replaces it (the headline often names the town the body
    leaves out: "Man shot, wounded in West Baltimore"), else the town the page names most
    often ("Phoenix police"). The state is the town's; for a town the gazetteer lacks, the single
    state the page names, else the state of the headline's or the page's town.
    """
    from newsgraph.extract import incident_places, incidents, places

    named_states = incidents._place_context(doc._nlp)[1]
    headline = incident_places.headline_words(doc.title)
    parsed_headline = nlp(headline) if headline else None
    if parsed_headline is not None:
        named_states = named_states | incidents._place_context(parsed_headline)[1]
    outlet_state = incident_places.outlet_state(doc.title)
    # A namesake town ("Bloomington", "Springfield") is settled by the page's states, else the outlet's.
    settle = named_states or ({outlet_state} if outlet_state else set())
    # Towns of the headline, then of the page, that the gazetteer places in the US.
    guesses = [places.geocode(town, {"US"}, settle) for town in (
        incident_places.headline_town(parsed_headline) if parsed_headline else None,
        incident_places.page_town(doc._nlp)) if town]
    guesses = [guess for guess in guesses if guess.country == "US"]
    if location.country not in (None, "US") and location.name:
        # GVDB is a database of US shootings: a namesake abroad ("Kensington", London) gives way to
        # a US town of that name, else to the headline's or the page's US town, if any.
        us_towns = [c for c in places.candidates(location.name) if c.country == "US" and c.kind == "city"]
        if us_towns:
            location = places.geocode(location.name, {"US"}, settle)
        elif guesses:
            location = guesses[0]
    agreed = incident_places.town_in_headline_and_body(headline, doc.body)
    suburb = agreed and re.search(rf"\bsuburban\s+{re.escape(agreed)}\b", doc.body)
    if agreed and (suburb or not _is_town(location, settle)):
        # The headline and the body both put the shooting "in Axtell": the town, though the
        # gazetteer is too small to list it (on dev, letting it also beat a town the stage
        # found lost more pages than it gained: those are mostly neighbourhoods), and a suburb
        # ("in south suburban Blue Island") beats the big city's dateline.
        location = places.geocode(agreed, {"US"}, settle)
    elif not _is_town(location, settle) and guesses:
        location = guesses[0]
    elif location.name and outlet_state and not named_states and location.country == "US" \
            and location.admin1 != outlet_state:
        # The stage chose the most populous namesake; one in the outlet's state is likelier.
        nearer = places.choose(places.candidates(location.name), {"US"}, {outlet_state},
                               written=location.name)
        if nearer is not None and nearer.admin1 == outlet_state:
            location = places.geocode(location.name, {"US"}, {outlet_state})
    name = location.name
    state = _us_state(location)
    if state is None and name and location.admin1 is None:
        # GVDB is a database of US shootings: a town the stage could not place is looked up among
        # US towns (the page's own state names, if any, settle namesakes).
        state = _us_state(places.geocode(name, {"US"}, settle))
    if state is None and len(named_states) == 1:
        state = next(iter(named_states))
    if state is None and guesses:
        # A small town the gazetteer lacks lies, most likely, in the state of the towns around it.
        state = _us_state(guesses[0])
    if state is None:
        # Last, the outlet's own state or town, named in the page title ("- Sacramento Ledger").
        state = outlet_state
    # A region (state, country) is not a city, nor is a street; a name the gazetteer lacks is
    # kept as written.
    city = name if location.lat is not None or location.geonameid is None else None
    if city and incident_places.is_street_like(city):
        city = None
    if city is None:
        # A part of town both the headline and the body name ("Frankford shooting" ... "the
        # city's Frankford section"): the crowd gives it as the city when no town is named.
        city = incident_places.neighbourhood_in_headline_and_body(headline, doc.body)
    if city is None:
        # Last, the outlet's own town ("- Sacramento Ledger", "« WKBC Chicago"): local news is
        # mostly about its own town.
        city = incident_places.outlet_town(doc.title)
    return city, state


def _us_state(location: Location) -> str | None:
    code = location.admin1
    return code if location.country == "US" and code and len(code) == 2 else None


_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d")


_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)


def _day(doc: Document, value: str | None, text: str | None = None) -> str | None:
    """GVDB asks for the day of a past shooting. An incident dated only by a year or a month
    ("this year", "last month", "2012" in the lead), or by a day after publication (a page's
    "updated" line read as the date), takes the first day the page names that is not after
    publication, else the publication day. A weekday read forward past publication ("shot at
    3 a.m. on Monday" in a Thursday story) is the same weekday a week earlier."""
    if value is None:
        return None
    after_publication = doc.published is not None and value[:10] > doc.published
    if len(value) >= 10 and not after_publication:
        return value
    if after_publication and len(value) >= 10 and text and _WEEKDAY.search(text):
        earlier = (date.fromisoformat(value[:10]) - timedelta(days=7)).isoformat()
        if earlier <= doc.published:
            return earlier
    days = [mention.value[:10] for mention in doc.dates
            if _DAY_VALUE.match(mention.value or "")
            and (doc.published is None or mention.value[:10] <= doc.published)
            and not doc.body[mention.span[1]:mention.span[1] + 8].lstrip().startswith("block")]
    # A day in the incident's own month or year first ("back in December ... on December 2,
    # 2015" in a story about a charge filed in February).
    coarse = value[:7] if len(value) < 10 else None
    within = [day for day in days if coarse and day.startswith(coarse)]
    if within or days:
        return (within or days)[0]
    return doc.published or value


def _is_town(location, settle: set[str] | None = None) -> bool:
    """A town: a gazetteer city, or a name the dateline placed in a US state; not a region, a
    county or a street."""
    from newsgraph.extract import incident_places

    name = location.name
    if not name or incident_places.is_region(name) or incident_places.is_street_like(name):
        return False
    if name.lower().split()[-1] in {"county", "parish"}:
        return True  # GVDB's annotators give a county for a shooting outside any town
    if name.lower().split()[-1] in incident_places.DISTRICT_WORDS:
        # A gazetteer town may end in one ("Shaker Heights"), if it lies in a state the page
        # names (New York's Jackson Heights is not a Chicago story's town).
        return location.lat is not None and bool(settle) and location.admin1 in settle
    # A name the gazetteer lacks is mostly a small town ("Axtell", "Paddock Lake").
    return location.lat is not None or location.geonameid is None


def _value(count) -> int:
    return int(count.low if count.low is not None else count.high or 0)


def score(predictions: dict[str, dict], rows: list[dict]) -> dict:
    correct = dict.fromkeys(FIELDS, 0)
    for row in rows:
        gold = gold_fields(json.loads(row["Json"]), row.get("Article title"))
        predicted = predictions.get(row["Article id"], {})
        for name in FIELDS:
            if name == "city":
                hit = normalise_city(predicted.get("city")) == normalise_city(gold["city"])
            elif name in ("killed", "injured"):
                hit = int(predicted.get(name) or 0) == gold[name]
            else:
                hit = predicted.get(name) == gold[name]
            correct[name] += int(hit)
    total = max(len(rows), 1)
    scores = {name: correct[name] / total for name in FIELDS}
    scores["mean"] = sum(scores[name] for name in FIELDS) / len(FIELDS)
    scores["pages"] = len(rows)
    scores["limits"] = gold_limits(rows)
    return scores


def gold_limits(rows: list[dict]) -> dict:
    """What the gold itself puts beyond any reader: pages whose gold date has a year that
    appears nowhere on the page, its title or its address (no reading can find it), and pages
    whose gold names a city but no state (the crowd left the state out; a reader that names
    the city's state is marked wrong). ``ceiling`` is the mean a reader would reach that got
    everything else right."""
    undatable = stateless = 0
    for row in rows:
        gold = gold_fields(json.loads(row["Json"]), row.get("Article title"))
        page = " ".join((page_text(row), row.get("Article title") or "", row.get("Article url") or ""))
        year = (gold["date"] or "")[:4]
        # the year in full, as "'15", or closing a numeric date ("12/10/15")
        if year and year not in page and not re.search(rf"(?:['’]|\d[/.-]){year[2:]}\b", page):
            undatable += 1
        if gold["city"] and not gold["state"]:
            stateless += 1
    total = max(len(rows), 1)
    ceiling = (len(FIELDS) - (undatable + stateless) / total) / len(FIELDS)
    return {"undatable": undatable, "stateless": stateless, "ceiling": ceiling}


def evaluate_gvdb(gold_tsv: Path, predictions_path: Path, limit: int | None = None) -> dict:
    """Predict every page of ``gold_tsv``, write ``{article id: fields}`` JSON, return field accuracies."""
    from newsgraph.language.model import load_model

    rows = read_rows(gold_tsv)
    if limit is not None:
        rows = rows[:limit]
    nlp = load_model()
    predictions = {row["Article id"]: predict_page(row, nlp) for row in rows}
    Path(predictions_path).parent.mkdir(parents=True, exist_ok=True)
    with open(predictions_path, "w", encoding="utf-8") as handle:
        json.dump(predictions, handle, indent=1)
    return score(predictions, rows)


def format_gvdb_report(scores: dict) -> str:
    lines = [f"GVDB dev, main shooting per page, {scores['pages']} pages", "",
             "| field | accuracy |", "|---|---|"]
    lines += [f"| {name} | {scores[name]:.1%} |" for name in FIELDS]
    lines.append(f"| **mean** | **{scores['mean']:.1%}** |")
    limits = scores.get("limits")
    if limits:
        lines += ["", f"Limits of the gold: on {limits['undatable']} pages the gold date's year appears "
                  f"nowhere on the page, its title or its address; on {limits['stateless']} pages the gold "
                  "names a city and no state. A reader right on everything else would score a mean of at "
                  f"most {limits['ceiling']:.1%}."]
    return "\n".join(lines)
