"""Tolls: statistics and near misses name no victim, another event's opening sentence,
the story's hospital sentence, the shooter's own death (invented sentences of the GVDB shapes)."""

from __future__ import annotations

import pytest

from newsgraph.extract import incident_tolls, incidents
from newsgraph.extract.incident_victims import single_victim_counts
from newsgraph.record import Count


def _main_tolls(parse, body: str, published: str = "2016-01-09") -> tuple[int, int]:
    doc = parse(body, published=published)
    incidents.run(doc, with_classifier=False)
    main = doc.incidents[0]
    return (main.killed.low or 0, main.injured.low or 0)


def test_the_side_of_his_body_is_no_death():
    killed, injured = single_victim_counts(["An 18-year-old was shot twice on the left side of his body."],
                                           Count(), Count(), injured_from_listing=False)
    assert (killed.low, injured.low) == (None, 1)
    killed, _ = single_victim_counts(["Her body was found in a ditch."], Count(), Count(),
                                     injured_from_listing=False)
    assert killed.low == 1


@pytest.mark.parametrize("text, expected", [
    ("The round came within inches of killing the deputy.", True),
    ("He could have been killed, the sheriff said.", True),
    ("They may have been wounded, relatives feared.", True),
    ("The deputy was shot and killed.", False),
])
def test_hypothetical_harm(text, expected):
    assert bool(incident_tolls.HYPOTHETICAL.search(text)) is expected


@pytest.mark.model
def test_statistics_and_near_misses_name_no_victim(parse):
    body = ("Someone in a fleeing pickup fired at a deputy during a chase on Route 9 on Friday. "
            "One round came within inches of killing the deputy. "
            "Six deputies were fatally shot this year in the state, the sheriff said.")
    assert _main_tolls(parse, body) == (0, 0)


@pytest.mark.parametrize("text, expected", [
    ("Earlier, two men were shot to death in Elmwood.", True),
    ("Earlier that night, a woman was wounded on Pine Street.", True),
    ("In an unrelated shooting, a teenager was hurt.", True),
    ("Separately, police arrested a man in a robbery.", True),
    ("Earlier reports said the man had been shot twice.", False),
    ("The man was shot earlier in the day.", False),
])
def test_openings_of_another_event(text, expected):
    assert bool(incidents.OTHER_EVENT_OPENING.match(text)) is expected


@pytest.mark.model
def test_an_earlier_event_keeps_its_own_dead(parse):
    body = ("A man was wounded by a police officer Saturday afternoon in Midvale. "
            "He was shot twice in the leg and taken to a hospital in stable condition. "
            "Earlier, a man and a woman were shot to death by officers in another part of the city.")
    assert _main_tolls(parse, body) == (0, 1)


@pytest.mark.model
def test_the_story_sentence_that_names_no_shooting_gives_the_hurt(parse):
    body = ("Deputies were called to a shooting in Elmwood early on Sunday. "
            "One man was taken to a hospital with life-threatening injuries.")
    assert _main_tolls(parse, body) == (0, 1)


@pytest.mark.model
def test_a_murder_suicide_counts_the_murdered_not_the_shooter(parse):
    body = ("Oakdale detectives called Friday's deaths at a farmhouse a murder-suicide. "
            "Officers say the man shot the woman and then used the gun to shoot himself.")
    assert _main_tolls(parse, body) == (1, 0)


@pytest.mark.parametrize("texts, expected", [
    (["Detectives called it a murder-suicide."], True),
    (["Police do not believe it was a murder-suicide."], False),
    # A gunman who killed himself is no casualty of his attack unless the page counts him.
    (["The gunman then killed himself."], False),
])
def test_murder_suicide_cue(texts, expected):
    assert incident_tolls._shooter_suicide(texts) is expected


def test_murder_suicide_toll_counted_from_the_victims():
    one = Count(1, 1, "exact")
    killed, injured = incident_tolls._murdered(one, Count(), False)
    assert (killed.low, injured.low) == (1, None)  # the shooter is no victim
    # The victim only said to be shot is the one murdered.
    killed, injured = incident_tolls._murdered(Count(), one, True)
    assert (killed.low, injured.low) == (1, None)
    # With no victim counted, one was murdered.
    killed, injured = incident_tolls._murdered(Count(), Count(), False)
    assert (killed.low, injured.low) == (1, None)
    # "Both had a gunshot wound": the one hurt victim listed is the one murdered.
    killed, injured = incident_tolls._murdered(Count(), one, False)
    assert (killed.low, injured.low) == (1, None)
    # Beside a death already counted, a hurt victim listed is a survivor.
    killed, injured = incident_tolls._murdered(one, one, False)
    assert (killed.low, injured.low) == (1, 1)


@pytest.mark.parametrize("killed, injured, headline, expected", [
    (0, 2, "Holiday motel double shooting, 1 killed", (1, 1)),
    # The body told the death too ("the 19-year-old victim died"): still one of the two.
    (1, 2, "Holiday motel double shooting, 1 killed", (1, 1)),
    (0, 3, "Triple shooting leaves 2 dead on Elm Street", (2, 1)),
    # Within the count, nothing changes.
    (1, 1, "Double shooting, 1 killed", (1, 1)),
])
def test_a_multiple_shooting_caps_the_victims(killed, injured, headline, expected):
    from newsgraph.extract import incident_counts

    assert incident_counts.with_headline(killed, injured, headline) == expected


@pytest.mark.model
def test_killed_along_with_another(parse):
    body = ("Tomas Reyes, 31, was killed along with Mario Quintana, 22, in a double homicide at a home on "
            "Maple Street in Reseda. Both were shot several times.")
    assert _main_tolls(parse, body) == (2, 0)


@pytest.mark.parametrize("text", [
    "A clerk was pistol-whipped during the holdup.",
    "The guard was struck twice with a handgun.",
])
def test_a_beating_with_a_gun_hurts(text):
    killed, injured = single_victim_counts([text], Count(), Count(), injured_from_listing=False)
    assert (killed.low, injured.low) == (None, 1)


@pytest.mark.model
def test_tolls_of_a_page_with_no_incident(parse):
    doc = parse("A cashier at a dry cleaner in Camden was injured when a would-be robber hit him twice "
                "with a handgun. The man fled on foot.")
    doc.title = "Dry cleaner cashier hurt in attempted holdup | WXYZ"
    incidents.run(doc, with_classifier=False)
    assert doc.incidents == []
    assert incident_tolls.tolls_without_incident(doc, list(doc._nlp.sents)) == (0, 1)


@pytest.mark.model
def test_a_second_man_is_a_second_victim(parse):
    body = ("A 20-year-old man was shot in the leg on Elm Street in Dayton on Friday night. "
            "A second man was also wounded, police said.")
    assert _main_tolls(parse, body) == (0, 2)


@pytest.mark.model
def test_the_stories_stated_toll_completes_the_main_incident(parse):
    # The toll sits in a sentence with no shooting word of the incident's own.
    body = ("Two men were named on Sunday as the victims of Friday's shooting at a clinic in Fairhaven. "
            "Nobody knows why a man set out to kill four people and wound six others at the clinic.")
    doc = parse(body, published="2016-01-10")
    incidents.run(doc, with_classifier=False)
    main = doc.incidents[0]
    sentences = list(doc._nlp.sents)
    killed, injured = incident_tolls.main_casualties(doc, main, sentences)
    assert (killed.low, injured.low) == (4, 6)


@pytest.mark.parametrize("text, expected", [
    ("A second man was also wounded.", [("injured", 1, False)]),
    ("Another woman was hurt in the crossfire.", [("injured", 1, False)]),
    # No noun after the ordinal, or "another" inside a toll: a total.
    ("One person died and a second was injured.", [("killed", 1, True), ("injured", 1, True)]),
    ("The gunfight left one guard dead and another injured.", [("killed", 1, True), ("injured", 1, True)]),
])
def test_one_victim_more_is_no_total(text, expected):
    from newsgraph.extract import incident_counts

    found = incident_counts.find_casualties(text)
    assert [(m.kind, m.count.low, m.is_total) for m in found] == expected


@pytest.mark.model
def test_both_died(parse):
    body = ("Rosa Vega, 16, and Luis Ortiz, 17, were shot outside a party in Compton on Saturday night. "
            "Both teens later died at the county hospital.")
    assert _main_tolls(parse, body) == (2, 0)


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", [
    ("Both teens later died at the county hospital.", "both"),
    ("All three men died at the scene.", "all"),
    ("They died at the scene.", None),
    ("The man died at the scene.", None),
])
def test_who_all_died(nlp, sentence, expected):
    doc = nlp(sentence)
    died = next(t for t in doc if t.lemma_ == "die")
    assert incident_tolls._all_of_them(died, doc[:]) == expected


@pytest.mark.parametrize("headline, expected", [
    ("Police chase suspects who wreck the car they shot from", (0, 0)),
    ("Ex-player arrested after he shot a round into a house in Carmel", (0, 0)),
    ("Trooper who shot a driver at a checkpoint is cleared", (0, 1)),
    ("Teen shot near bus stop in Carmel", (0, 1)),
])
def test_the_shooters_act_is_no_wound(headline, expected):
    from newsgraph.extract import incident_counts

    assert incident_counts.with_headline(0, 0, headline) == expected
