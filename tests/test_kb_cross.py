"""Cross-document knowledge base: entities, reprints, incidents, bad input, forget, and the commands."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.kb import open_kb
from newsgraph.kb.queries import decisions, entity_profile, find_entity, incidents
from newsgraph.record import Count, Document, Entity, Incident, Location, Quantity, Quote, Source

FILLER = ("Officials in the region said the investigation was continuing and that more details "
          "would be released once families had been informed of what happened")


def make_doc(body: str, published: str | None, names: list[tuple[str, str]], path: str,
             site: str | None = None, incidents_: list[Incident] | None = None,
             quotes: list[Quote] | None = None, quantities: list[Quantity] | None = None,
             doc_id: str = "") -> Document:
    entities = []
    for n, (name, kind) in enumerate(names):
        start = body.find(name)
        assert start >= 0, name
        entities.append(Entity(f"e{n}", name, kind, [], [[start, start + len(name)]]))
    return Document(body=body, published=published, published_basis="metadata" if published else "none",
                    source=Source(path=path), site_name=site, entities=entities,
                    incidents=incidents_ or [], quotes=quotes or [], quantities=quantities or [], id=doc_id)


def bombing(date: str, killed: int) -> Incident:
    return Incident("i0", "bombing", date=date, location=Location(name="Gaziantep", country="TR"),
                    perpetrator_orgs=["Islamic State"],
                    killed=Count(low=killed, high=killed, qualifier="exact"))


def gaziantep(published: str, killed: int, path: str, extra: str = FILLER) -> Document:
    body = (f"A bomb killed {killed} people in Gaziantep, Interior Minister Selim Ozturk said, "
            f"blaming Islamic State.\n\n{extra}.")
    return make_doc(body, published, [("Selim Ozturk", "PERSON"), ("Islamic State", "ORG"),
                                      ("Gaziantep", "GPE")], path, incidents_=[bombing("2016-04-16", killed)])


def load(path, docs: list[Document]):
    kb = open_kb(path)
    kb.add_batch(docs)
    return kb


# -- entities ---------------------------------------------------------------------------------

def test_name_forms_and_acronyms_become_one_entity(tmp_path):
    a = make_doc("Selim Ozturk blamed the Frente Revolucionario del Pacífico.", "2016-05-01",
                 [("Selim Ozturk", "PERSON"), ("Frente Revolucionario del Pacífico", "ORG")], "a.txt")
    b = make_doc("Selim Öztürk said the FRP was behind it.", "2016-05-02",
                 [("Selim Öztürk", "PERSON"), ("FRP", "ORG")], "b.txt")
    with load(tmp_path / "kb.db", [a, b]) as kb:
        person = entity_profile(kb.conn, "Selim Öztürk")
        assert person["name"] == "Selim Ozturk"
        assert person["aliases"] == ["Selim Öztürk"]
        assert person["documents"] == sorted([a.id, b.id])
        org = entity_profile(kb.conn, "FRP")
        assert org["name"] == "Frente Revolucionario del Pacífico"
        assert org["documents"] == sorted([a.id, b.id])


def test_same_surname_different_first_names_stay_apart_without_noise_in_the_log(tmp_path):
    a = make_doc("Joseph Otieno spoke in the National Assembly.", "2016-06-02",
                 [("Joseph Otieno", "PERSON"), ("National Assembly", "ORG")], "a.txt")
    b = make_doc("Grace Otieno fled the floods with the Kenya Red Cross.", "2016-05-05",
                 [("Grace Otieno", "PERSON"), ("Kenya Red Cross", "ORG")], "b.txt")
    with load(tmp_path / "kb.db", [a, b]) as kb:
        assert find_entity(kb.conn, "Joseph Otieno") != find_entity(kb.conn, "Grace Otieno")
        # Bearers of a common surname in unrelated stories are the expected case: not logged.
        assert decisions(kb.conn, b.id) == []


def test_one_letter_apart_merges_only_with_shared_context(tmp_path):
    a = make_doc("Mohammed Yusuf of Horizon Relief International was seized.", "2016-06-07",
                 [("Mohammed Yusuf", "PERSON"), ("Horizon Relief International", "ORG")], "a.txt")
    b = make_doc("Horizon Relief International said Mohammed Yussuf was alive.", "2016-06-08",
                 [("Horizon Relief International", "ORG"), ("Mohammed Yussuf", "PERSON")], "b.txt")
    # Same spelling distance, another story, nobody in common: a different man.
    c = make_doc("Mohammed Yusif opened a bakery in Mombasa with the Coast Traders Union.", "2016-06-09",
                 [("Mohammed Yusif", "PERSON"), ("Coast Traders Union", "ORG")], "c.txt")
    with load(tmp_path / "kb.db", [a, b, c]) as kb:
        linked = find_entity(kb.conn, "Mohammed Yusuf")
        assert find_entity(kb.conn, "Mohammed Yussuf") == linked
        assert find_entity(kb.conn, "Mohammed Yusif") != linked
        assert [d["kind"] for d in decisions(kb.conn, c.id)] == ["entity kept apart"]
        assert "share no context" in decisions(kb.conn, c.id)[0]["detail"]


# -- reprints ---------------------------------------------------------------------------------

PARAGRAPHS = [
    "The group first appeared three years ago in the river towns of the southern coast and has grown quickly",
    "Its commanders are former members of a larger movement who rejected the peace deal signed last year",
    "Analysts say it funds itself through taxes on coca growers and on boats that carry fuel on the rivers",
    "The army has sent two battalions to the area but local leaders say the soldiers rarely leave base",
]


def test_full_copy_with_chrome_and_partial_copy_with_coverage(tmp_path):
    original = make_doc("\n\n".join(PARAGRAPHS), "2016-05-14", [], "text/orig.txt", site="Andes Courier")
    blog = make_doc("\n\n".join(PARAGRAPHS + ["Popular posts from this blog: ten recipes for a rainy weekend "
                                              "and the best hiking trails near the city this spring"]),
                    "2016-05-15", [], "text/blog.txt")
    essay = make_doc("\n\n".join(PARAGRAPHS[:2] + [
        "Our own reporting in the port tells a different story about who holds power in the mangroves",
        "Fishermen describe checkpoints run by young men who answer to nobody and change every month"]),
        "2016-05-16", [], "text/essay.txt")
    with load(tmp_path / "kb.db", [essay, blog, original]) as kb:
        rows = kb.conn.execute("SELECT original, copy, kind FROM reprints ORDER BY copy").fetchall()
        coverage = dict(kb.conn.execute("SELECT copy, coverage FROM reprints").fetchall())
    assert sorted(tuple(r) for r in rows) == sorted([(original.id, blog.id, "full"),
                                                     (original.id, essay.id, "partial")])
    assert coverage[essay.id] == pytest.approx(0.45, abs=0.05)  # about half of the essay is reused
    assert coverage[blog.id] >= 0.75  # the blog chrome is the only new text


def test_copy_dated_before_the_original_it_names(tmp_path):
    original = make_doc("\n\n".join(PARAGRAPHS), "2016-05-14", [], "text/orig.txt", site="Andes Courier")
    copy = make_doc("As the Andes Courier reported:\n\n" + "\n\n".join(PARAGRAPHS), "2016-05-10", [],
                    "text/copy.txt")
    with load(tmp_path / "kb.db", [copy, original]) as kb:
        rows = kb.conn.execute("SELECT original, copy FROM reprints").fetchall()
        kinds = [d["kind"] for d in decisions(kb.conn, copy.id)]
    assert [tuple(r) for r in rows] == [(original.id, copy.id)]
    assert "copy dated before its original" in kinds


# -- bad input --------------------------------------------------------------------------------

def test_same_id_different_text_keeps_both_and_says_so(tmp_path):
    first = make_doc("Floods in Lagos closed the market.", "2016-07-01", [], "a.txt", doc_id="same")
    second = make_doc("Fire in Peshawar destroyed a warehouse.", "2016-07-02", [], "b.txt", doc_id="same")
    with open_kb(tmp_path / "kb.db") as kb:
        assert kb.add_batch([first]) == [True]
        assert kb.add_batch([second]) == [True]
        assert second.id.startswith("same-") and len(second.id) == len("same-") + 8
        assert kb.get("same").body == first.body
        assert kb.get(second.id).body == second.body
        assert [d["kind"] for d in decisions(kb.conn, second.id)] == ["id collision"]
        assert kb.add_batch([make_doc(second.body, "2016-07-02", [], "b.txt", doc_id="same")]) == [False]


def test_future_date_is_recorded(tmp_path):
    doc = make_doc("A strike is planned.", "2999-01-01", [], "a.txt")
    with load(tmp_path / "kb.db", [doc]) as kb:
        assert [d["kind"] for d in decisions(kb.conn, doc.id)] == ["date in the future"]


# -- incidents --------------------------------------------------------------------------------

def test_reports_of_one_event_merge_with_moving_figures_and_copies_do_not_confirm(tmp_path):
    first = gaziantep("2016-04-16", 12, "a.txt")
    later = gaziantep("2016-04-17", 15, "b.txt", extra="Two of the wounded died overnight in hospital "
                      "while mourners gathered outside the closed market for a second day of prayers")
    copy = gaziantep("2016-04-18", 12, "copy.txt")  # the first report again, on a blog: no confirmation
    other = make_doc("A bomb killed 4 people in Gaziantep, Selim Ozturk said, blaming Islamic State.",
                     "2016-06-20", [("Selim Ozturk", "PERSON"), ("Islamic State", "ORG")], "c.txt",
                     incidents_=[bombing("2016-06-20", 4)])
    with load(tmp_path / "kb.db", [first, later, copy, other]) as kb:
        found = incidents(kb.conn)
    assert [(i["date"], i["killed"], [r["document"] for r in i["reports"]]) for i in found] == [
        ("2016-04-16", 15, [first.id, later.id, copy.id]), ("2016-06-20", 4, [other.id])]
    assert [(r["killed"], r["independent"]) for r in found[0]["reports"]] == [(12, True), (15, True),
                                                                             (12, False)]


def test_ingesting_twice_changes_nothing_and_forget_recomputes(tmp_path):
    docs = [gaziantep("2016-04-16", 12, "a.txt"),
            gaziantep("2016-04-17", 15, "b.txt", extra="Two of the wounded died overnight in hospital")]
    tables = ("kb_entities", "mentions", "kb_incidents", "incident_reports", "relations", "decisions")

    def counts(kb) -> dict[str, int]:
        return {t: kb.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}

    with load(tmp_path / "kb.db", docs) as kb:
        before = counts(kb)
        assert kb.add_batch([gaziantep("2016-04-16", 12, "a.txt")]) == [False]
        assert counts(kb) == before
        assert incidents(kb.conn)[0]["killed"] == 15
    result = CliRunner().invoke(main, ["forget", docs[1].id, "--db", str(tmp_path / "kb.db")])
    assert result.exit_code == 0 and result.output == f"forgot {docs[1].id}\n"
    with open_kb(tmp_path / "kb.db") as kb:
        assert incidents(kb.conn)[0]["killed"] == 12
        assert entity_profile(kb.conn, "Ozturk")["documents"] == [docs[0].id]
    with load(tmp_path / "fresh.db", [gaziantep("2016-04-16", 12, "a.txt")]) as fresh:
        assert incidents(fresh.conn) == incidents(open_kb(tmp_path / "kb.db").conn)


# -- commands ---------------------------------------------------------------------------------

def _cli(db, *args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--db", str(db)])
    assert result.exit_code == 0, result.output
    return result.output


def test_entity_claims_reprints_incidents_network_commands(tmp_path):
    db = tmp_path / "kb.db"
    body = ("Interior Minister Selim Ozturk, a spokesman for the Justice Party, said \"we will find them\". "
            "At least 12 people were killed in Gaziantep.")
    speaker = body.index("Selim Ozturk")
    doc = make_doc(body, "2016-04-16", [("Selim Ozturk", "PERSON"), ("Justice Party", "ORG")], "a.txt",
                   site="Meridian", incidents_=[bombing("2016-04-16", 12)],
                   quotes=[Quote("\"we will find them\"", [body.index("\"we"), body.index(". At")], "direct",
                                 "said", "Selim Ozturk", "e0", [speaker, speaker + 12])],
                   quantities=[Quantity("At least 12 people", [body.index("At"), body.index(" were")], 12,
                                        None, "at_least", "people", "e0", "Selim Ozturk")])
    load(db, [doc]).close()
    profile = json.loads(_cli(db, "entity", "Ozturk", "--json"))
    person = profile["id"]
    incident_id = profile["incidents"][0]
    assert profile == {
        "id": person, "name": "Selim Ozturk", "type": "PERSON", "aliases": [], "documents": [doc.id],
        "quotes": [{"text": "\"we will find them\"", "kind": "direct", "document": doc.id,
                    "published": "2016-04-16"}],
        "claims": [{"text": "At least 12 people", "low": 12.0, "high": None, "qualifier": "at_least",
                    "unit": "people", "claimant_text": "Selim Ozturk", "document": doc.id,
                    "published": "2016-04-16"}],
        "incidents": [incident_id]}
    claimed = [json.loads(line) for line in _cli(db, "claims", "killed", "--json").splitlines()]
    assert claimed == profile["claims"]
    assert _cli(db, "reprints", "--json") == ""
    output = _cli(db, "incidents", "--json", "--place", "gaziantep")
    listed = [json.loads(line) for line in output.splitlines()]
    assert [(i["id"], i["killed"], i["reports"]) for i in listed] == [
        (incident_id, 12, [{"document": doc.id, "published": "2016-04-16", "killed": 12, "injured": None,
                            "independent": True}])]
    assert _cli(db, "incidents", "--json", "--since", "2016-05-01") == ""
    graph = json.loads(_cli(db, "network", "Selim Ozturk", "--json"))
    party = find_entity(open_kb(db).conn, "Justice Party")
    assert sorted((e["source"], e["target"], e["relation"], e["weight"]) for e in graph["edges"]) == sorted([
        (person, party, "co_mentioned", 1) if person < party else (party, person, "co_mentioned", 1),
        (person, party, "spokesperson_for", 1),
        (person, "outlet:Meridian", "quoted_by", 1)])
    assert {n["type"] for n in graph["nodes"]} == {"PERSON", "ORG", "OUTLET"}


def test_search_over_documents_and_quotes_with_filters(tmp_path):
    from newsgraph.kb.queries import search

    body = "Selim Ozturk said \"the market will reopen\" after the bombing in Gaziantep."
    quote = Quote("\"the market will reopen\"", [body.index("\"the"), body.index(" after")], "direct",
                  "said", "the ministry spokesman", None)
    first = make_doc(body, "2016-04-16", [("Selim Ozturk", "PERSON"), ("Gaziantep", "GPE")], "a.txt",
                     incidents_=[bombing("2016-04-16", 12)], quotes=[quote])
    second = make_doc("Floods closed the market in Lagos, Grace Otieno said.", "2016-06-01",
                      [("Grace Otieno", "PERSON")], "b.txt")
    with load(tmp_path / "kb.db", [first, second]) as kb:
        assert {h["id"] for h in search(kb.conn, "market")} == {first.id, second.id}
        assert [h["id"] for h in search(kb.conn, "market", since="2016-05-01")] == [second.id]
        assert [h["id"] for h in search(kb.conn, "market", entity="Ozturk")] == [first.id]
        assert [h["id"] for h in search(kb.conn, "market", kind="bombing", place="TR")] == [first.id]
        assert search(kb.conn, "market", entity="Nobody Known") == []
        assert [(h["id"], h["in"]) for h in search(kb.conn, "reopen")] == [(first.id, "document")]
        # The quote's resolved speaker is not in the body: only the quote index finds it.
        assert [(h["id"], h["in"], h["speaker"]) for h in search(kb.conn, "spokesman")] == [
            (first.id, "quote", "the ministry spokesman")]


def test_paragraph_signatures_estimate_the_jaccard_of_their_shingles():
    import random

    from newsgraph.kb.reprints import NUM_PERM, shingles, signatures, words

    rng = random.Random(3)
    vocabulary = [f"w{n}" for n in range(5000)]
    base = [rng.choice(vocabulary) for _ in range(400)]
    rows = signatures([words(p) for p in PARAGRAPHS])
    assert rows.shape == (len(PARAGRAPHS), NUM_PERM) and rows.dtype.name == "uint32"
    # Same words, same signature; an empty paragraph gets no row; a short one is one shingle.
    assert (signatures([words(PARAGRAPHS[0])])[0] == rows[0]).all()
    assert signatures([[], words(PARAGRAPHS[1])]).shape == (1, NUM_PERM)
    assert (signatures([["a", "b"]]) == signatures([["a", "b"]])).all()
    assert not (signatures([["a", "b"]]) == signatures([["b", "a"]])).all()
    # Pairs sharing a growing part of a 400-word text: the share of equal signature values
    # (over the 32 values of 8 independent pairs each) is within 0.1 of the true Jaccard.
    for kept in (0, 100, 200, 300, 400):
        equal = truths = 0.0
        for trial in range(8):
            words_a = [f"{w}t{trial}" for w in base]
            words_b = words_a[:kept] + [rng.choice(vocabulary) for _ in range(400 - kept)]
            grams_a, grams_b = shingles(" ".join(words_a)), shingles(" ".join(words_b))
            truths += len(grams_a & grams_b) / len(grams_a | grams_b)
            pair = signatures([words_a, words_b])
            equal += float((pair[0] == pair[1]).mean())
        assert abs(equal / 8 - truths / 8) < 0.1, (kept, equal / 8, truths / 8)


def test_full_text_indexes_stay_whole_through_batches_and_forget(tmp_path):
    from newsgraph.kb.index import forget
    from newsgraph.kb.queries import search

    docs = [gaziantep("2016-04-16", 12, "a.txt"),
            gaziantep("2016-04-17", 15, "b.txt", extra="Two of the wounded died overnight in hospital")]
    quote = Quote("\"the market will reopen\"", [0, 10], "direct", "said", "Selim Ozturk", "e0")
    docs[1].quotes = [quote]
    with open_kb(tmp_path / "kb.db") as kb:
        kb.add_batch(docs[:1])
        kb.add_batch(docs[1:])
        assert forget(kb.conn, docs[0].id)  # docs[1] is indexed again, its quote with it
        for table in ("documents_fts", "quotes_fts"):
            kb.conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
        assert [(h["id"], h["in"]) for h in search(kb.conn, "reopen")] == [(docs[1].id, "quote")]
        assert [h["id"] for h in search(kb.conn, "bomb")] == [docs[1].id]
        assert kb.conn.execute("SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH 'reopen'").fetchone()[0] == 1
