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
