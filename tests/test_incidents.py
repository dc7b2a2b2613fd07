"""The incident stage on hand-written articles (real model parse, hand-built dates)."""

from __future__ import annotations

import pytest

from newsgraph.extract import incidents
from newsgraph.record import DateMention, Document

BRUSSELS = (
    "Two suicide bombers blew themselves up at Zaventem airport in Brussels on Tuesday, killing at least 12 "
    "people and injuring about 80. The two attackers were also killed. Islamic State claimed responsibility "
    "for the bombings. The attacks came four months after the attacks in Paris in November, which killed "
    "130 people.")


def _with_dates(doc: Document, dates: list[tuple[str, str, str]]) -> Document:
    for text, value, granularity in dates:
        start = doc.body.index(text)
        doc.dates.append(DateMention(text=text, span=[start, start + len(text)], value=value,
                                     granularity=granularity))
    return doc


def _brussels(parse, body: str) -> Document:
    doc = parse(body, published="2016-03-23")
    tuesday = "Tuesday" if "Tuesday" in body else body[body.lower().index("tuesday"):][:7]
    november = body[body.lower().index("november"):][:8]
    _with_dates(doc, [(tuesday, "2016-03-22", "day"), (november, "2015-11", "month")])
    incidents.run(doc)
    return doc


@pytest.mark.model
def test_main_attack_and_older_attack_reported_once_each(parse):
    doc = _brussels(parse, BRUSSELS)
    assert len(doc.incidents) == 2
    main, older = doc.incidents
    assert (main.type, main.suicide, main.date, main.date_text) == ("bombing", True, "2016-03-22", "Tuesday")
    assert (main.location.name, main.location.country, main.location.geonameid) == ("Brussels", "BE", 2800866)
    assert main.places == ["Zaventem airport"]
    assert main.perpetrator_orgs == ["Islamic State"]
    # The attackers' own deaths are not counted: 12 is the explicit total.
    assert (main.killed.low, main.killed.high, main.killed.qualifier) == (12, None, "at_least")
    assert (main.injured.low, main.injured.high, main.injured.qualifier) == (80, 80, "about")
    assert (older.date, older.location.name, older.killed.low) == ("2015-11", "Paris", 130)


@pytest.mark.model
@pytest.mark.parametrize("recase", [str.lower, str.upper])
def test_lower_and_upper_case_give_the_same_type_and_counts(parse, recase):
    doc = _brussels(parse, recase(BRUSSELS))
    main = doc.incidents[0]
    assert (main.type, main.suicide) == ("bombing", True)
    assert (main.killed.low, main.killed.qualifier, main.injured.low, main.injured.qualifier) == (
        12, "at_least", 80, "about")
    assert [org.lower() for org in main.perpetrator_orgs] == ["islamic state"]
    assert main.location.geonameid == 2800866


@pytest.mark.model
@pytest.mark.parametrize("body", [
    # plans, threats and negations
    "The group threatened to attack the embassy. Police said they would arrest anyone who "
    "tried to bomb the station. No one was killed.",
    # habits
    "The council approved the new lanes on Monday. “Every month a rider is killed on "
    "these roads,” a cycling group said. Bandits routinely rob lorries on the coast road.",
    # what something was used to do: a purpose or a past habit
    "The army said the bridge post had been used to extort and rob traders for years. "
    "Smugglers used to kidnap ferry passengers, residents said.",
], ids=["plans-threats-negations", "habits", "used-to"])
def test_no_incident_from_what_did_not_happen_once(parse, body):
    doc = parse(body)
    incidents.run(doc)
    assert doc.incidents == []


@pytest.mark.model
def test_what_was_used_to_do_a_deed_is_still_the_deed(parse):
    doc = parse("Gunmen used a truck to attack the post on Monday, killing two guards.")
    incidents.run(doc)
    assert [incident.type for incident in doc.incidents] == ["armed_assault"]


@pytest.mark.model
def test_page_with_no_incident(parse):
    doc = parse("The weather in Madrid was sunny and the markets rose.")
    incidents.run(doc)
    assert doc.incidents == [] and doc.warnings == []


@pytest.mark.model
def test_numbers_in_words_and_listed_deaths(parse):
    doc = parse("Gunmen shot dead three policemen and wounded two civilians in Wilmington on Monday.",
                published="2016-01-26")
    _with_dates(doc, [("Monday", "2016-01-25", "day")])
    incidents.run(doc)
    (incident,) = doc.incidents
    assert incident.type == "armed_assault" and incident.date == "2016-01-25"
    assert (incident.killed.low, incident.killed.qualifier) == (3, "exact")
    assert (incident.injured.low, incident.injured.qualifier) == (2, "exact")
    assert incident.perpetrators == ["Gunmen"]


@pytest.mark.model
def test_contradictory_tolls_keep_the_highest_and_warn(parse):
    doc = parse("A bomb exploded in Springfield, Illinois today, police said. Five people were killed. "
                "Later officials said seven people were killed.", published="2016-02-02")
    incidents.run(doc)
    (incident,) = doc.incidents
    assert (incident.type, incident.killed.low, incident.killed.high) == ("bombing", 7, 7)
    # No date in the text: the publication date, marked by a warning; the state settles Springfield.
    assert (incident.date, incident.date_text) == ("2016-02-02", "today")
    assert (incident.location.admin1, incident.location.geonameid) == ("IL", 4250542)
    assert any("differing killed figures" in w for w in doc.warnings)
    assert any("publication date" in w for w in doc.warnings)


@pytest.mark.model
def test_unknown_place_kept_without_coordinates(parse):
    doc = parse("A gunman opened fire in Xqzville, wounding four people.", published="2016-02-02")
    incidents.run(doc)
    (incident,) = doc.incidents
    assert incident.location.name == "Xqzville"
    assert (incident.location.lat, incident.location.geonameid) == (None, None)
    assert (incident.injured.low, incident.killed.low) == (4, None)
    assert any("Xqzville" in w for w in doc.warnings)


@pytest.mark.model
def test_fifty_incidents_on_one_page(parse):
    towns = ["Kabul", "Baghdad", "Mosul", "Aleppo", "Homs"]
    sentences = [f"On day {n} a bomb exploded in {towns[n % 5]}, killing {n + 1} people."
                 for n in range(50)]
    body = " ".join(sentences)
    doc = parse(body)
    for n, sentence in enumerate(sentences):
        start = body.index(sentence) + len("On ")
        doc.dates.append(DateMention(text=f"day {n}", span=[start, start + len(f"day {n}")],
                                     value=f"2016-01-{n % 28 + 1:02d}" if n < 28 else f"2016-02-{n - 27:02d}",
                                     granularity="day"))
    incidents.run(doc)
    assert len(doc.incidents) == 50
    assert [i.killed.low for i in doc.incidents] == list(range(1, 51))


def test_no_parse_is_a_warning_not_an_error():
    doc = Document(body="A bomb exploded.")
    incidents.run(doc)
    assert doc.incidents == []
    assert doc.warnings == ["incidents: no language-model parse; no incidents extracted"]
