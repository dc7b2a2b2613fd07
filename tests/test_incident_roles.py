"""Role fillers: victims by name without titles, weapons as written."""

from __future__ import annotations

import pytest

from newsgraph.extract import incident_roles, incidents


def test_weapons_kept_as_written_and_not_repeated():
    roles = incident_roles.Roles()
    incident_roles._add_weapons("They fired rockets and threw a grenade; more rockets and a rocket hit.", roles)
    assert roles.weapons == ["rockets", "grenade"]


@pytest.mark.model
def test_victim_named_without_title_and_weapon_phrase(parse):
    doc = parse("Gunmen killed Governor Ernesto Valdivia Ocampo with rockets in Cali on Tuesday.")
    incidents.run(doc)
    (incident,) = doc.incidents
    assert incident.victims == ["Ernesto Valdivia Ocampo"]
    assert incident.perpetrators == ["Gunmen"]
    assert incident.weapons == ["rockets"]


def _rule_roles(parse, body):
    doc = parse(body)
    sentences = list(doc._nlp.sents)
    triggers = [token for token in doc._nlp if token.lemma_.lower() in ("attack", "ambush")]
    roles = incident_roles.Roles()
    incident_roles.fill_roles(sentences, triggers, roles)
    return roles


@pytest.mark.model
def test_the_day_of_an_attack_is_not_its_target(parse):
    roles = _rule_roles(parse, "The rebels claimed the attack on Sunday in a short statement.")
    assert "Sunday" not in roles.targets


@pytest.mark.model
def test_the_group_an_attack_is_blamed_on_is_not_its_target(parse):
    roles = _rule_roles(parse, "Police blamed the attack on the Northern Liberation Army.")
    assert roles.targets == []


@pytest.mark.model
def test_a_platform_an_attack_is_condemned_on_is_not_its_victim(parse):
    roles = _rule_roles(parse, "The minister condemned the attack on Twitter.")
    assert roles.targets == [] and roles.victims == []


@pytest.mark.model
def test_what_an_attack_is_on_is_still_its_target(parse):
    roles = _rule_roles(parse, "The rebels claimed the attack on the power station.")
    assert roles.targets == ["power station"]


def _claimed(parse, body):
    roles = incident_roles.Roles()
    incident_roles._claims(parse(body)._nlp[:], roles)
    return roles.perpetrator_orgs


@pytest.mark.model
def test_a_claim_after_a_dateline_names_the_group_with_its_acronym(parse):
    body = "MERIDA, Norland — The Southern Liberation Front (SLF) claimed responsibility on Sunday."
    assert _claimed(parse, body) == ["Southern Liberation Front (SLF)"]


@pytest.mark.model
def test_no_group_claiming_names_no_group(parse):
    assert _claimed(parse, "No armed group has yet claimed responsibility.") == []


@pytest.mark.model
def test_a_claim_in_a_relative_clause_names_only_the_group(parse):
    body = "The blast, for which the Northern Front claimed responsibility, killed four."
    assert _claimed(parse, body) == ["Northern Front"]
