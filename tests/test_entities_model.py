"""The entities stage over the real model's parse: hand-written news text, exact expected entities."""

from __future__ import annotations

import pytest

from newsgraph.language.entities import entity_at, run

pytestmark = pytest.mark.model


def entities(parse, body: str):
    doc = parse(body)
    run(doc)
    return doc


def find(doc, name: str):
    matches = [e for e in doc.entities if e.name == name]
    assert len(matches) == 1, [(e.name, e.type) for e in doc.entities]
    return matches[0]


def test_parenthetical_acronym_and_aka(parse):
    doc = entities(parse, "The Kurdistan Workers' Party (PKK, also known as KADEK) claimed the attack. "
                          "Turkish officials said the PKK had planned it for months.")
    pkk = find(doc, "Kurdistan Workers' Party")
    assert (pkk.type, pkk.aliases, pkk.mentions) == ("ORG", ["PKK", "KADEK"],
                                                      [[4, 28], [30, 33], [49, 54], [103, 106]])
    assert [e.name for e in doc.entities] == ["Kurdistan Workers' Party", "Turkish"]


def test_surname_alone(parse):
    doc = entities(parse, "Maria Lopez, the mayor, arrived on Tuesday. Lopez said the bridge would reopen.")
    lopez = find(doc, "Maria Lopez")
    assert (lopez.type, lopez.aliases, lopez.mentions) == ("PERSON", ["Lopez"], [[0, 11], [44, 49]])
    assert len(doc.entities) == 1  # Tuesday is a date, not an entity


def test_title_plus_surname(parse):
    doc = entities(parse, "President Recep Tayyip Erdogan spoke in Ankara on Monday. Mr. Erdogan said "
                          "the talks had failed, and President Erdogan left.")
    erdogan = find(doc, "Recep Tayyip Erdogan")
    # titles are not part of the mentions
    assert (erdogan.type, erdogan.aliases, erdogan.mentions) == ("PERSON", ["Erdogan"],
                                                                  [[10, 30], [62, 69], [111, 118]])


def test_possessive(parse):
    doc = entities(parse, "Maria Lopez's office issued a statement. Lopez's deputy declined to comment.")
    lopez = find(doc, "Maria Lopez")
    assert (lopez.aliases, lopez.mentions) == (["Lopez"], [[0, 11], [41, 46]])


def test_the_prefix(parse):
    doc = entities(parse, "Residents fled as the Islamic State advanced. The Islamic State later withdrew.")
    group = find(doc, "Islamic State")
    assert (group.type, group.aliases, group.mentions) == ("ORG", [], [[22, 35], [50, 63]])


def test_one_letter_misspelling_but_not_two(parse):
    doc = entities(parse, "Mohammed Yusuf, a local official, said the road was closed. Yussuf added that aid "
                          "would arrive. Mohammed Yosef disagreed.")
    yusuf = find(doc, "Mohammed Yusuf")
    assert (yusuf.aliases, yusuf.mentions) == (["Yussuf"], [[0, 14], [60, 66]])
    yosef = find(doc, "Mohammed Yosef")  # Yusuf -> Yosef is two letters
    assert yosef.mentions == [[96, 110]]


def test_shared_surname_and_coordinated_names(parse):
    doc = entities(parse, "Ali Haddad and Omar Haddad were arrested. "
                          "Ali and Hassan Haddad were released on Friday.")
    assert [(e.name, e.aliases, e.mentions) for e in doc.entities] == [
        ("Ali Haddad", ["Ali"], [[0, 10], [42, 45]]),
        ("Omar Haddad", [], [[15, 26]]),
        ("Hassan Haddad", [], [[50, 63]]),
    ]


def test_alias_table_variants_are_one_entity(parse):
    doc = entities(parse, "ISIS claimed the bombing in a statement. Iraqi officials said Daesh had used "
                          "a truck. Analysts said ISIL was weakened.")
    group = find(doc, "Islamic State")
    assert (group.type, group.aliases, group.mentions) == ("ORG", ["ISIS", "Daesh", "ISIL"],
                                                            [[0, 4], [62, 67], [100, 104]])


def test_is_as_a_verb_is_not_the_group(parse):
    doc = entities(parse, "What IS clear is that the plan failed, the minister said.")
    assert doc.entities == []


def test_type_fixed_from_the_full_name(parse):
    body = "Mohammed Yusuf, a local official, said the road was closed. Yusuf added that aid would arrive."
    doc = entities(parse, body)
    # precondition: the small model does not see the bare surname as a person here
    assert [(e.text, e.label_) for e in doc._nlp.ents][1][1] != "PERSON"
    yusuf = find(doc, "Mohammed Yusuf")
    assert (yusuf.type, yusuf.aliases, yusuf.mentions) == ("PERSON", ["Yusuf"], [[0, 14], [60, 65]])
    assert entity_at(doc, 60, 65) is yusuf


def test_bad_input_all_capitals(parse):
    doc = entities(parse, "THE PRESIDENT OF EL SALVADOR, ALFREDO CRISTIANI, SAID TODAY THAT THE FMLN "
                          "ATTACKED THE CAPITAL. CRISTIANI SAID THE ARMY WOULD RESPOND AND ASKED THE "
                          "PEOPLE TO HELP US.")
    assert doc.warnings == [
        "entities: text is almost all capital letters; names found in it are less reliable"]
    cristiani = find(doc, "CRISTIANI")
    assert (cristiani.type, cristiani.mentions) == ("PERSON", [[38, 47], [96, 105]])
    assert "United States" not in {e.name for e in doc.entities}  # "HELP US" is the pronoun


def test_bad_input_table_of_numbers(parse):
    doc = entities(parse, "Revenue 2019 2020 2021\nQ1 12,400 13,100 14,200\nQ2 11,000 12,500 13,900\n"
                          "Total 23,400 25,600 28,100")
    assert doc.entities == [] and doc.warnings == []


def test_bad_input_no_sentences(parse):
    for body in ("", "   \n\n ", "...", "-- | -- | --"):
        doc = entities(parse, body)
        assert doc.entities == [] and doc.warnings == []


def test_bad_input_mixed_scripts(parse):
    body = ("Officials said \u0412\u043b\u0430\u0434\u0438\u043c\u0438\u0440 "
            "\u041f\u0443\u0442\u0438\u043d and "
            "\u0645\u062d\u0645\u062f \u0628\u0646 \u0633\u0644\u0645\u0627\u0646 spoke by phone. "
            "Putin later met Erdogan in Sochi.")
    doc = entities(parse, body)
    assert doc.warnings == []
    for entity in doc.entities:
        for start, end in entity.mentions:
            assert 0 <= start < end <= len(body)
    assert {"Putin", "Erdogan", "Sochi"} <= {e.name for e in doc.entities}


def test_bad_input_long_page(parse):
    sentence = ("Maria Lopez met officials of the Kurdistan Workers' Party (PKK) in Ankara on Monday, "
                "and Lopez said the PKK had agreed to talk. ")
    # about 3,300 words: the 50,000-word case runs on hand-built spans in test_entities_merge
    body = "\n\n".join(sentence * 25 for _ in range(6))
    doc = parse(body)
    run(doc)
    lopez = find(doc, "Maria Lopez")
    assert len(lopez.mentions) == 300
    assert find(doc, "Kurdistan Workers' Party").aliases == ["PKK"]


def test_stage_is_deterministic(parse):
    body = "ISIS and Maria Lopez. Lopez said Daesh fled from Mosul."
    first, second = entities(parse, body), entities(parse, body)
    assert first.to_json() == second.to_json()
