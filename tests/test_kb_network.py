"""Knowledge-base relations (perpetrator_of, victim_of, quoted_by, cites, spokesperson_for, member_of)
and the decisions log, on hand-built records."""

from __future__ import annotations

from newsgraph.kb import open_kb
from newsgraph.kb.queries import decisions, find_entity
from newsgraph.record import Attribution, Document, Entity, Incident, Location, Quote, Source


def make_doc(body: str, published: str, names: list[tuple[str, str]], path: str, site: str | None = None,
             incidents: list[Incident] | None = None, quotes: list[Quote] | None = None,
             sources: list[Attribution] | None = None) -> Document:
    """Entities e0, e1, ... with every occurrence of each name as a mention."""
    entities = []
    for n, (name, kind) in enumerate(names):
        spans, start = [], body.find(name)
        assert start >= 0, name
        while start >= 0:
            spans.append([start, start + len(name)])
            start = body.find(name, start + len(name))
        entities.append(Entity(f"e{n}", name, kind, [], spans))
    return Document(body=body, published=published, published_basis="metadata", source=Source(path=path),
                    site_name=site, entities=entities, incidents=incidents or [], quotes=quotes or [],
                    sources=sources or [])


def relations(kb, relation: str) -> set[tuple[str, str]]:
    """(source, target) names of every stored edge of ``relation``; entities by their KB name."""
    names = dict(kb.conn.execute("SELECT id, name FROM kb_entities").fetchall())
    return {(names.get(s, s), names.get(t, t)) for s, t in kb.conn.execute(
        "SELECT source, target FROM relations WHERE relation = ?", (relation,))}


def attack(perpetrators: list[str], victims: list[str], orgs: list[str] | None = None) -> Incident:
    return Incident("i0", "armed_assault", date="2016-08-02", location=Location(name="Diyarbakir", country="TR"),
                    perpetrators=perpetrators, perpetrator_orgs=orgs or [], victims=victims)


# -- perpetrator_of / victim_of ---------------------------------------------------------------

def test_perpetrators_and_victims_match_entities_by_alias_table_name_forms_and_surname(tmp_path):
    body = ("PKK militants shot dead Mayor Ahmet Demir in Diyarbakir. Security forces blamed the PKK "
            "and said a second gunman, Kemal Arslan, escaped.")
    doc = make_doc(body, "2016-08-02", [("PKK", "ORG"), ("Ahmet Demir", "PERSON"), ("Kemal Arslan", "PERSON")],
                   "a.txt", incidents=[attack(["Arslan"], ["Mayor Ahmet Demir", "a bystander"],
                                              orgs=["Kurdistan Workers' Party"])])
    with open_kb(tmp_path / "kb.db") as kb:
        kb.add_batch([doc])
        incident_id = kb.conn.execute("SELECT id FROM kb_incidents").fetchone()[0]
        # The alias table maps "Kurdistan Workers' Party" to the entity the text calls "PKK";
        # "Arslan" is the one person of that surname; "Mayor Ahmet Demir" carries Demir's surname.
        assert relations(kb, "perpetrator_of") == {("Kurdistan Workers' Party", incident_id),
                                                   ("Kemal Arslan", incident_id)}
        assert relations(kb, "victim_of") == {("Ahmet Demir", incident_id)}


def test_initials_match_within_the_document_and_other_documents_are_not_consulted(tmp_path):
    earlier = make_doc("The Northern Liberation Front claimed the bombing of the pipeline.", "2016-07-01",
                       [("Northern Liberation Front", "ORG")], "a.txt")
    by_initials = make_doc("NLF gunmen attacked a police post near Diyarbakir.", "2016-08-02", [("NLF", "ORG")],
                           "b.txt", incidents=[attack([], [], orgs=["the Northern Liberation Front"])])
    # Named only in another document: linking it would depend on which document came first.
    elsewhere = make_doc("Gunmen attacked a police post near Diyarbakir on Tuesday.", "2016-08-02", [],
                         "c.txt", incidents=[attack([], [], orgs=["the Northern Liberation Front"])])
    # Two people share the surname Otieno: a bare "Otieno" is not guessed.
    otienos = make_doc("Joseph Otieno and Grace Otieno were shot at a checkpoint.", "2016-08-02",
                       [("Joseph Otieno", "PERSON"), ("Grace Otieno", "PERSON")], "d.txt",
                       incidents=[attack(["Otieno"], [])])
    with open_kb(tmp_path / "kb.db") as kb:
        kb.add_batch([earlier, by_initials, elsewhere, otienos])
        front = find_entity(kb.conn, "Northern Liberation Front")
        assert find_entity(kb.conn, "NLF") == front
        rows = kb.conn.execute("SELECT source, relation, doc_id FROM relations WHERE relation = 'perpetrator_of'"
                               ).fetchall()
        assert [tuple(r) for r in rows] == [(front, "perpetrator_of", by_initials.id)]


# -- quoted_by / cites ------------------------------------------------------------------------

def test_quotes_and_citations_follow_the_chain_of_sources(tmp_path):
    body = ("Police chief Ali Noor told Reuters the gunmen had fled. "
            "\"We will rebuild,\" Grace Otieno said.")
    noor, otieno = body.index("Ali Noor"), body.index("Grace")
    quotes = [Quote("the gunmen had fled", [body.index("the gunmen"), body.index(". \"We")], "indirect", "told",
                    "Ali Noor", "e2", [noor, noor + 8]),
              Quote("\"We will rebuild,\"", [body.index("\"We"), body.index(" Grace")], "direct", "said",
                    "Grace Otieno", "e1", [otieno, otieno + 12])]
    doc = make_doc(body, "2016-08-03", [("Reuters", "ORG"), ("Grace Otieno", "PERSON"), ("Ali Noor", "PERSON")],
                   "a.txt", site="Daily Meridian", quotes=quotes,
                   sources=[Attribution("Reuters", "agency", entity="e0"),
                            Attribution("Ali Noor", "official", entity="e2", via=0),
                            Attribution("Wire Digest", "agency"),
                            Attribution("Grace Otieno", "person", entity="e1")])
    with open_kb(tmp_path / "kb.db") as kb:
        kb.add_batch([doc])
        # The outlet cites the top of each chain (Reuters, and an agency known only by name);
        # Reuters cites the official it relays; a person is quoted, not cited.
        assert relations(kb, "cites") == {("outlet:Daily Meridian", "Reuters"),
                                          ("outlet:Daily Meridian", "outlet:Wire Digest"),
                                          ("Reuters", "Ali Noor")}
        # A relayed speaker is quoted by the relay, everyone else by the outlet.
        assert relations(kb, "quoted_by") == {("Grace Otieno", "outlet:Daily Meridian"), ("Ali Noor", "Reuters")}


# -- spokesperson_for / member_of -------------------------------------------------------------

def test_roles_from_appositions_titles_and_lists(tmp_path):
    body = ("Taliban spokesman Zabihullah Mujahid denied the attack. Ali Noor of the Jamaat Valley Brigade "
            "was arrested. Omar Said and Hasan Kaya, commanders of the Northern Front, fled. "
            "Grace Otieno, a spokeswoman for the Kenya Red Cross, counted the dead. "
            "Peter Mwangi met Luis Ortiz, a member of the Coast Traders Union. Maria Lopez thanked the Red Cross")
    doc = make_doc(body, "2016-08-04", [
        ("Taliban", "ORG"), ("Zabihullah Mujahid", "PERSON"), ("Ali Noor", "PERSON"),
        ("Jamaat Valley Brigade", "ORG"), ("Omar Said", "PERSON"), ("Hasan Kaya", "PERSON"),
        ("Northern Front", "ORG"), ("Grace Otieno", "PERSON"), ("Kenya Red Cross", "ORG"),
        ("Peter Mwangi", "PERSON"), ("Luis Ortiz", "PERSON"), ("Coast Traders Union", "ORG"),
        ("Maria Lopez", "PERSON"), ("Red Cross", "ORG")], "a.txt")
    with open_kb(tmp_path / "kb.db") as kb:
        kb.add_batch([doc])
        assert relations(kb, "spokesperson_for") == {("Zabihullah Mujahid", "Taliban"),
                                                     ("Grace Otieno", "Kenya Red Cross")}
        # Peter Mwangi only met a member; Maria Lopez only thanked the Red Cross.
        assert relations(kb, "member_of") == {("Ali Noor", "Jamaat Valley Brigade"),
                                              ("Omar Said", "Northern Front"), ("Hasan Kaya", "Northern Front"),
                                              ("Luis Ortiz", "Coast Traders Union")}


# -- decisions --------------------------------------------------------------------------------

def test_common_surname_in_another_story_is_not_logged_but_a_namesake_in_the_same_text_is(tmp_path):
    first = make_doc("Joseph Otieno spoke in the National Assembly.", "2016-06-02",
                     [("Joseph Otieno", "PERSON"), ("National Assembly", "ORG")], "a.txt")
    elsewhere = make_doc("Grace Otieno fled the floods with the Kenya Red Cross.", "2016-06-05",
                         [("Grace Otieno", "PERSON"), ("Kenya Red Cross", "ORG")], "b.txt")
    together = make_doc("Joseph Otieno and his sister Mary Otieno visited the camp.", "2016-06-06",
                        [("Joseph Otieno", "PERSON"), ("Mary Otieno", "PERSON")], "c.txt")
    with open_kb(tmp_path / "kb.db") as kb:
        kb.add_batch([first, elsewhere, together])
        assert decisions(kb.conn, elsewhere.id) == []
        logged = decisions(kb.conn, together.id)
        assert [d["kind"] for d in logged] == ["entity kept apart"]
        assert logged[0]["detail"].startswith("'Mary Otieno' and entity ")
        assert "('Joseph Otieno') share a surname but not a first name" in logged[0]["detail"]
        people = {find_entity(kb.conn, n) for n in ("Joseph Otieno", "Grace Otieno", "Mary Otieno")}
        assert len(people) == 3


PARAGRAPHS = [
    "The group first appeared three years ago in the river towns of the southern coast and has grown quickly",
    "Its commanders are former members of a larger movement who rejected the peace deal signed last year",
    "Analysts say it funds itself through taxes on coca growers and on boats that carry fuel on the rivers",
]


def test_a_copy_of_a_copy_keeps_only_the_decision_of_the_link_it_keeps(tmp_path):
    original = make_doc("\n\n".join(PARAGRAPHS), "2016-05-14", [], "orig.txt")
    copy = make_doc("\n\n".join(PARAGRAPHS + ["Shared from our partners at the river desk today"]),
                    "2016-05-15", [], "copy.txt")
    second = make_doc("\n\n".join(PARAGRAPHS + ["Shared from our partners at the river desk today",
                                                "Reposted by the weekend digest"]), "2016-05-16", [], "second.txt")
    with open_kb(tmp_path / "kb.db") as kb:
        kb.add_batch([original, copy, second])
        pairs = {tuple(r) for r in kb.conn.execute("SELECT original, copy FROM reprints")}
        assert pairs == {(original.id, copy.id), (original.id, second.id)}
        logged = decisions(kb.conn, second.id)
        assert [d["kind"] for d in logged] == ["reprint"]
        assert f"copy of {original.id} (" in logged[0]["detail"]
        assert "published earlier" in logged[0]["detail"]
