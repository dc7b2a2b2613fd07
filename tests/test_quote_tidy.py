"""Tidying of finished quotes: datelines, first-person and relative speakers, non-speech."""

from __future__ import annotations

import pytest

from newsgraph.extract.quote_tidy import dateline_spans, tidy_quotes
from newsgraph.extract.quotes import run_quotes
from newsgraph.extract.sources import run_sources
from newsgraph.record import Document, Quote


def _quote(body: str, content: str, kind: str = "indirect", cue: str | None = "said",
           speaker: str | None = "police", speaker_text: str | None = None,
           speaker_at: str | None = None) -> Quote:
    start = body.index(content)
    cue_start = body.rindex(cue) if cue else None
    written = speaker_text or speaker
    at = body.index(speaker_at or written) if written else None
    return Quote(text=content, span=[start, start + len(content)], kind=kind, cue=cue,
                 cue_span=[cue_start, cue_start + len(cue)] if cue else None,
                 speaker=speaker, speaker_text=written,
                 speaker_span=[at, at + len(written)] if written else None)


def test_dateline_spans_find_capitals_with_dash_or_colon():
    body = "KISUMU, Kenya — Rain fell.\n\nLAGOS: More rain.\n\nMost said — nothing."
    assert dateline_spans(body) == [(0, 16), (28, 35)]
    assert dateline_spans(body + "\n\nOTIENO: Yes.") == [(0, 16)]  # colon lines: a transcript


@pytest.mark.model
def test_a_dateline_is_no_speaker_but_a_transcript_name_is(parse):
    doc = parse("NAIROBI: Three boats sank on the lake late on Monday, the coast guard said.")
    run_quotes(doc)
    assert [q.speaker for q in doc.quotes] == ["the coast guard"]


def test_a_dateline_is_no_speaker():
    body = "KISUMU, Kenya: Three boats sank on the lake, the coast guard said."
    doc = Document(body=body)
    doc.quotes = [_quote(body, body[15:-1], kind="direct", cue=":", speaker="KISUMU")]
    doc.quotes[0].cue_span = [13, 14]
    tidy_quotes(doc)
    assert doc.quotes == []


def test_a_dateline_is_cut_off_the_content():
    body = "KISUMU, Kenya — Three boats sank on the lake, the coast guard said."
    doc = Document(body=body)
    doc.quotes = [_quote(body, body[:44], speaker="the coast guard")]
    tidy_quotes(doc)
    assert doc.quotes[0].text == "Three boats sank on the lake"
    assert doc.quotes[0].span == [16, 44]


def test_first_person_speaker_in_a_quotation_is_its_speaker():
    body = "“We have opened every ward to the injured,” the director said."
    doc = Document(body=body)
    outer = _quote(body, body[:43], kind="direct", speaker="Amina Odhiambo", speaker_text="the director")
    inner = _quote(body, "every ward to the injured", cue="have opened", speaker="We")
    doc.quotes = [outer, inner]
    tidy_quotes(doc)
    assert [q.speaker for q in doc.quotes] == ["Amina Odhiambo", "Amina Odhiambo"]
    assert doc.quotes[1].speaker_text == "We"


def test_first_person_speaker_outside_any_quotation_stays():
    body = "We have opened every ward, the director said."
    doc = Document(body=body)
    doc.quotes = [_quote(body, "every ward", cue="have opened", speaker="We"),
                  _quote(body, "We have opened every ward", speaker="the director")]
    tidy_quotes(doc)
    assert [q.speaker for q in doc.quotes] == ["the director"]  # "every ward": two words


def test_an_anonymity_request_is_not_speech():
    body = "A guard, who asked not to be named for his safety, said the gate was open."
    doc = Document(body=body)
    doc.quotes = [_quote(body, "not to be named for his safety", cue="asked", speaker="who"),
                  _quote(body, "the gate was open", speaker="A guard")]
    tidy_quotes(doc)
    assert [q.text for q in doc.quotes] == ["the gate was open"]


def test_short_indirect_content_is_dropped_but_a_citation_stays():
    body = "The mayor condemned the fire. The paper said it, citing witnesses."
    doc = Document(body=body)
    doc.quotes = [_quote(body, "the fire", cue="condemned", speaker="The mayor"),
                  _quote(body, "witnesses", cue="citing", speaker="The paper")]
    tidy_quotes(doc)
    assert [(q.cue, q.text) for q in doc.quotes] == [("citing", "witnesses")]


def test_indirect_quote_without_speaker_is_dropped():
    body = "The minister was expected to visit the camps on Friday."
    doc = Document(body=body)
    doc.quotes = [_quote(body, "to visit the camps on Friday", cue="was expected", speaker=None)]
    tidy_quotes(doc)
    assert doc.quotes == []


def test_cueless_quotation_continues_the_direct_quote_before_it():
    body = "“The water came at night,” said a farmer.\n\n“By morning the maize was gone.”"
    doc = Document(body=body)
    first = _quote(body, "“The water came at night,”", kind="direct", speaker="a farmer")
    second = Quote(text="“By morning the maize was gone.”", span=[43, 75], kind="direct")
    doc.quotes = [first, second]
    tidy_quotes(doc)
    assert (second.cue, second.speaker, second.cue_span) == ("said", "a farmer", first.cue_span)


def test_cueless_quotation_after_another_speaker_stays_cueless():
    body = "“The water came at night,” said a farmer. Officials said help was coming soon. “Gone.”"
    doc = Document(body=body)
    first = _quote(body, "“The water came at night,”", kind="direct", cue="said a", speaker="a farmer")
    first.cue, first.cue_span = "said", [27, 31]
    middle = _quote(body, "help was coming soon", speaker="Officials")
    last = Quote(text="“Gone.”", span=[79, 86], kind="direct")
    doc.quotes = [first, middle, last]
    tidy_quotes(doc)
    assert last.cue is None and last.speaker is None


def test_odd_input_empty_body_and_no_quotes():
    doc = Document(body="")
    tidy_quotes(doc)
    assert doc.quotes == [] and doc.warnings == []


@pytest.mark.model
def test_relative_pronoun_speaker_is_its_noun(parse):
    doc = parse("Two drivers from Mombasa, who said the road was closed, went home.")
    run_quotes(doc)
    spoken = [q for q in doc.quotes if q.text == "the road was closed"]
    assert [(q.speaker_text, q.speaker) for q in spoken] == [("who", "Two drivers from Mombasa")]


@pytest.mark.model
def test_sight_verbs_in_a_quotation_are_not_cues(parse):
    doc = parse("“I had never seen water rise so fast,” the farmer said.")
    run_quotes(doc)
    assert [q.cue for q in doc.quotes] == ["said"]


def test_sources_anonymity_from_any_mention_and_press_agency_kind():
    body = ("Two elders, speaking on condition of anonymity, said the road was mined. "
            "They said the mines were new. Harbour Press Agency reported that ten boats left.")
    doc = Document(body=body)
    doc.quotes = [_quote(body, "the mines were new", speaker="Two elders", speaker_text="They"),
                  _quote(body, "the road was mined", speaker="Two elders"),
                  _quote(body, "ten boats left", cue="reported", speaker="Harbour Press Agency")]
    run_sources(doc)
    kinds = {s.name: (s.kind, s.anonymous) for s in doc.sources}
    assert kinds["Two elders"] == ("person", True)
    assert kinds["Harbour Press Agency"] == ("agency", False)


def test_speech_inside_a_quotation_with_an_outside_pronoun_is_dropped():
    body = "“They told me the road was safe,” said Omar Haji. Police had spoken to him."
    doc = Document(body=body)
    outer = _quote(body, "“They told me the road was safe,”", kind="direct", speaker="Omar Haji")
    inner = _quote(body, "the road was safe", cue="told", speaker="Police", speaker_text="They")
    doc.quotes = [outer, inner]
    tidy_quotes(doc)
    assert [q.speaker for q in doc.quotes] == ["Omar Haji"]


def test_speech_inside_a_quotation_running_out_of_it_is_dropped():
    body = "“Everyone knew,” said Lina Haddad, a teacher."
    doc = Document(body=body)
    outer = _quote(body, "“Everyone knew,”", kind="direct", speaker="Lina Haddad")
    inner = _quote(body, "said Lina Haddad, a teacher", cue="knew", speaker="Everyone")
    doc.quotes = [outer, inner]
    tidy_quotes(doc)
    assert doc.quotes == [outer]


def test_one_of_them_is_one_of_the_group_before():
    body = "Three nurses said the ward was full. “We have no beds,” one of them said."
    doc = Document(body=body)
    group = _quote(body, "the ward was full", speaker="Three nurses")
    group.cue_span = [13, 17]
    one = _quote(body, "“We have no beds,”", kind="direct", speaker="one of them")
    doc.quotes = [group, one]
    tidy_quotes(doc)
    assert one.speaker == "one of three nurses"


@pytest.mark.model
def test_naming_cue_content_is_what_follows_it(parse):
    body = "The blast, in what police described as an act of sabotage, cut the line."
    doc = parse(body)
    quote = _quote(body, body[:-1], cue="described", speaker="police")
    doc.quotes = [quote]
    tidy_quotes(doc)
    assert quote.text == "an act of sabotage, cut the line"


def test_described_speaker_stops_before_its_own_cue_and_tail():
    body = "A caller demanding that the shop close rang twice."
    doc = Document(body=body)
    quote = _quote(body, "that the shop close", cue="demanding",
                   speaker="A caller demanding that the shop close", speaker_text="A caller")
    other = _quote(body, "that the shop close", cue="demanding",
                   speaker="a militia based in the hills, of running the racket", speaker_text="A caller")
    doc.quotes = [quote, other]
    tidy_quotes(doc)
    assert [q.speaker for q in doc.quotes] == ["A caller", "a militia based in the hills"]


def test_content_across_a_sentence_break_from_its_cue_is_dropped():
    body = "We print the report in full:\n\nThe harbour master said the port would close."
    doc = Document(body=body)
    doc.quotes = [_quote(body, "We print the report in full", speaker="The harbour master"),
                  _quote(body, "the port would close", speaker="The harbour master")]
    tidy_quotes(doc)
    assert [q.text for q in doc.quotes] == ["the port would close"]


@pytest.mark.parametrize(("body", "cue", "speaker"), [
    ("The port would close next week, Mr. Halvorsen said.", "said", "Mr. Halvorsen"),
    ("The port would close next week, Sen. Maria Ortega (D-N.M.) told reporters.", "told", "Maria Ortega"),
])
def test_a_title_or_initial_before_the_cue_is_no_sentence_break(body, cue, speaker):
    # bug: the stop of "Mr." or "Sen." read as a sentence end, and the quote was dropped
    doc = Document(body=body)
    doc.quotes = [_quote(body, "The port would close next week", cue=cue, speaker=speaker)]
    tidy_quotes(doc)
    assert [q.text for q in doc.quotes] == ["The port would close next week"]


@pytest.mark.model
def test_a_sentence_break_is_read_from_the_parse(parse):
    body = "The port would close, Mr. Halvorsen said. Officials in Lima disagreed."
    doc = parse(body)
    doc.quotes = [_quote(body, "The port would close", speaker="Mr. Halvorsen"),
                  _quote(body, "The port would close", cue="disagreed", speaker="Officials")]
    tidy_quotes(doc)
    assert [q.cue for q in doc.quotes] == ["said"]


def test_expletive_it_with_an_infinitive_cue_is_no_speaker():
    body = "Officials said it was too early to say who fired first."
    doc = Document(body=body)
    doc.quotes = [_quote(body, "who fired first", cue="to say", speaker="Officials", speaker_text="it",
                         speaker_at="it was")]
    tidy_quotes(doc)
    assert doc.quotes == []


def test_a_content_ending_with_another_attribution_is_that_ones():
    body = "The mill will reopen in May, its owner said, as workers complain of unpaid wages."
    doc = Document(body=body)
    owner = _quote(body, "The mill will reopen in May", speaker="its owner")
    misread = _quote(body, "The mill will reopen in May, its owner said", cue="complain", speaker="workers")
    doc.quotes = [owner, misread]
    tidy_quotes(doc)
    assert doc.quotes == [owner]


def test_an_entity_that_is_part_of_a_longer_written_name_gives_way():
    from newsgraph.record import Entity

    body = "The Red Sea Fishers' Union said that prices had fallen by half."
    doc = Document(body=body)
    doc.entities = [Entity(id="e1", name="Red Sea", type="LOC", mentions=[[4, 11]])]
    quote = _quote(body, "that prices had fallen by half", speaker="Red Sea",
                   speaker_text="The Red Sea Fishers' Union")
    quote.speaker_entity = "e1"
    doc.quotes = [quote]
    tidy_quotes(doc)
    assert (quote.speaker, quote.speaker_entity) == ("Red Sea Fishers' Union", None)


def test_sources_excerpt_of_another_outlet_relays_its_speakers():
    body = ("The fullest account comes from the Harbour Courier. We quote it at length:\n\n"
            "Dr Ana Ruiz said the clinic had closed.\n\n"
            "The Courier's report matches what we heard. Officials said the road was shut.")
    doc = Document(body=body)
    doc.quotes = [_quote(body, "the clinic had closed", speaker="Ana Ruiz", speaker_text="Dr Ana Ruiz"),
                  _quote(body, "the road was shut", speaker="Officials")]
    run_sources(doc)
    by_name = {s.name: s for s in doc.sources}
    relay = [i for i, s in enumerate(doc.sources) if s.name == "Harbour Courier"]
    assert [doc.sources[i].kind for i in relay] == ["outlet"]
    assert by_name["Ana Ruiz"].via == relay[0]
    assert by_name["Officials"].via != relay[0]


def test_sources_partitive_of_an_anonymous_group_is_anonymous():
    body = ("Two guards, speaking on condition of anonymity, said the gate was open. "
            "“Nobody checked,” one of them said.")
    doc = Document(body=body)
    first = _quote(body, "the gate was open", speaker="Two guards")
    one = _quote(body, "“Nobody checked,”", kind="direct", speaker="one of two guards",
                 speaker_text="one of them")
    doc.quotes = [first, one]
    run_sources(doc)
    assert [(s.name, s.anonymous) for s in doc.sources] == [("Two guards", True), ("one of two guards", True)]


@pytest.mark.model
def test_it_can_stand_for_a_body_named_by_a_description(parse):
    doc = parse("The farmers' union condemned the plan in what it described as a betrayal of growers.")
    run_quotes(doc)
    named = [(q.speaker, q.text) for q in doc.quotes if q.cue == "described"]
    assert named == [("The farmers' union", "a betrayal of growers")]


@pytest.mark.model
def test_provincial_governor_is_not_anonymous(parse):
    doc = parse("The provincial governor said the border would stay open.")
    run_quotes(doc)
    run_sources(doc)
    assert [(s.name, s.anonymous) for s in doc.sources] == [("The provincial governor", False)]


@pytest.mark.model
def test_source_resolved_from_which_takes_the_kind_of_its_noun(parse):
    doc = parse("The roads were closed by the farmers' union, which said that fuel prices were too high.")
    run_quotes(doc)
    run_sources(doc)
    assert [(s.name, s.kind) for s in doc.sources] == [("the farmers' union", "organisation")]


@pytest.mark.parametrize("footer, outlet", [
    ("© 2016 Harbour Press Agency. All rights reserved.", "Harbour Press Agency"),
    ("© Copyright 2016 The Valley Dispatch. All Rights Reserved. Privacy | Terms", "Valley Dispatch"),
    ("© Coast Monitor 2016. All rights reserved. | Privacy", "Coast Monitor"),
    ("© 2016 Delta Observer Media Ltd", "Delta Observer"),
])
def test_outlet_from_a_footer_copyright_line(footer, outlet):
    from newsgraph.extract.sources import outlet_of
    from newsgraph.record import Block

    doc = Document(body="Rain fell.", blocks=[Block("paragraph", "Rain fell.", kept=True),
                                              Block("footer", footer)])
    assert outlet_of(doc) == outlet


def test_no_outlet_from_a_copyright_inside_the_article():
    from newsgraph.extract.sources import outlet_of
    from newsgraph.record import Block

    doc = Document(body="© 2016 Other Paper.", blocks=[Block("paragraph", "© 2016 Other Paper.", kept=True)])
    assert outlet_of(doc) is None


def test_everyone_inside_a_quotation_is_no_source():
    body = "“Everybody knows the bridge is weak,” said Hana Ali."
    doc = Document(body=body)
    outer = _quote(body, "“Everybody knows the bridge is weak,”", kind="direct", speaker="Hana Ali")
    inner = _quote(body, "the bridge is weak", cue="knows", speaker="Everybody")
    doc.quotes = [outer, inner]
    tidy_quotes(doc)
    assert doc.quotes == [outer]


@pytest.mark.model
def test_relative_speaker_after_a_place_is_the_people_before_it(parse):
    # the parse hangs "in Nakuru" on "heard" and the relative clause on "Nakuru"
    doc = parse("The report matches what the Gazette has heard from farmers in Nakuru, "
                "who describe a maze of roadblocks competing for the roads.")
    run_quotes(doc)
    spoken = [(q.speaker_text, q.speaker) for q in doc.quotes if q.cue == "describe"]
    assert spoken == [("who", "farmers in Nakuru")]


def test_a_tidying_failure_is_a_warning_not_a_crash(monkeypatch):
    import newsgraph.extract.quotes as quotes_module

    def broken(doc):
        raise ValueError("odd span")

    monkeypatch.setattr(quotes_module, "tidy_quotes", broken)
    doc = Document(body="“The river is rising fast tonight,” said Amos Kiprop.")
    quotes_module.run_quotes(doc)
    assert len(doc.quotes) == 1
    assert any("tidying failed: ValueError: odd span" in w for w in doc.warnings)


@pytest.mark.parametrize("entity_name, speaker", [
    ("Councillor Amara Obi", "Amara Obi"),
    ("Kano Governor Musa Bello", "Musa Bello"),
    ("Governor Bello", "Governor Bello"),  # a surname alone keeps its title
])
def test_a_title_in_a_person_entity_name_is_left_out(entity_name, speaker):
    from newsgraph.record import Entity

    body = f"{entity_name} said the budget would pass next week."
    doc = Document(body=body)
    doc.entities = [Entity(id="p1", name=entity_name, type="PERSON", mentions=[[0, len(entity_name)]])]
    quote = _quote(body, "the budget would pass next week", speaker=entity_name)
    quote.speaker_entity = "p1"
    doc.quotes = [quote]
    tidy_quotes(doc)
    assert quote.speaker == speaker


def test_a_pronoun_going_on_from_the_quotations_own_earlier_pronoun_is_no_speech():
    # "they" is the attackers of the quotation's own "They", not the families it names
    body = ("“They picked a square full of families because they wanted the largest possible "
            "crowd,” the governor said.")
    end = body.index("”") + 1
    doc = Document(body=body)
    outer = _quote(body, body[:end], kind="direct", speaker="Kemal Aydin", speaker_text="the governor")
    inner = _quote(body, "the largest possible crowd", cue="wanted", speaker="families",
                   speaker_text="they", speaker_at="they wanted")
    doc.quotes = [outer, inner]
    tidy_quotes(doc)
    assert [q.speaker for q in doc.quotes] == ["Kemal Aydin"]
