"""An incident's casualty figures: stated totals, victims counted from the text, and the
headline and lead sentence completing the main incident's tolls.

Totals come from ``incident_counts`` ("killing at least 12"); without one, the single victims
the sentences name as killed or hurt are counted ("a soldier was wounded"); attackers and
reflexives are never victims.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsgraph.extract import (
    incident_counts,
    incident_places,
    incident_roles,
    incident_types,
    incident_victims,
)
from newsgraph.record import Count, Document, Incident


def complete_from_headline(doc: Document, main: Incident, sentences: list[Span]) -> None:
    """The headline, then the lead sentence, complete the main incident's tolls: they sum the
    story up ("Man shot, killed in Trotwood", "3 critical after shooting") where the body may
    only list a victim or leave the toll out."""
    if _count_value(main.killed) == 0 and _count_value(main.injured) == 0:
        main.killed, main.injured = _story_cues(doc, main, sentences)
    killed, injured = _count_value(main.killed), _count_value(main.injured)
    new_killed, new_injured = killed, injured
    lead = next((s.text for s in sentences if len(s) >= LEAD_MIN_TOKENS), "")
    summaries = [incident_places.headline_words(doc.title), lead]
    for text in summaries:
        if text:
            new_killed, new_injured = incident_counts.with_headline(new_killed, new_injured, text)
    # A toll taken back to nothing ("Man shot, killed": the one hurt victim is the one who died)
    # is no figure at all, not a stated zero.
    if new_killed != killed:
        main.killed = Count(low=new_killed, high=new_killed, qualifier="exact") if new_killed else Count()
    if new_injured != injured:
        main.injured = Count(low=new_injured, high=new_injured, qualifier="exact") if new_injured else Count()


# The opening sentences that tell the main story: a local report says who was hurt in sentences
# that name no shooting ("The man was taken to a hospital with life-threatening injuries").
# On GVDB dev, 8, 12 and 15 score the same (8 loses one page and gains another); 12 is kept.
MAIN_STORY_SENTENCES = 12


def main_story(doc: Document, main: Incident, sentences: list[Span]) -> list[Span]:
    """The page's opening sentences, up to ``MAIN_STORY_SENTENCES``, stopping where another
    incident's sentences begin."""
    others = [start for incident in doc.incidents if incident is not main
              for start, _end in incident.evidence[:1]]
    start = main.evidence[0][0] if main.evidence else 0
    stop = min([s for s in others if s > start], default=len(doc.body))
    return [s for s in sentences if s.start_char < stop][:MAIN_STORY_SENTENCES]


def main_casualties(doc: Document, main: Incident, sentences: list[Span]) -> tuple[Count, Count]:
    """The main incident's tolls over its own sentences and the story's opening ones, which
    often state a toll or a victim's fate without a word of shooting ("The attack left three
    dead and nine wounded", "the victim died at the hospital"). Victims are listed one by one
    from the incident's own sentences only."""
    own = {tuple(span) for span in main.evidence}
    story = main_story(doc, main, sentences)
    own_sentences = [s for s in sentences if (s.start_char, s.end_char) in own]
    chosen = [s for s in sentences if s in own_sentences or s in story]
    return casualties(doc, chosen, incident_roles.Roles(), listed_in=own_sentences)


def _story_cues(doc: Document, main: Incident, sentences: list[Span]) -> tuple[Count, Count]:
    """The main incident's tolls from the single-victim cues of the story's opening sentences,
    when its own sentences gave none: up to ``MAIN_STORY_SENTENCES``, stopping where another
    incident's sentences begin."""
    texts = [s.text for s in main_story(doc, main, sentences) if _names_victims(s.text)]
    killed, injured = _single_victims(texts)
    if killed.low is None and injured.low is None and (hurt := _more_cue(_MORE_HURT, texts)):
        injured = Count(low=1, high=1, qualifier="exact", text=hurt)
    return killed, injured


def tolls_without_incident(doc: Document, sentences: list[Span]) -> tuple[int, int]:
    """Killed and injured of a page known to report violence whose sentences gave no incident
    ("a worker was injured when a thief hit him with a handgun"): the opening sentences' single
    victim cues, completed by the headline and the lead."""
    killed, injured = _single_victims([s.text for s in sentences[:MAIN_STORY_SENTENCES]
                                       if _names_victims(s.text)])
    dead, hurt = _count_value(killed), _count_value(injured)
    lead = next((s.text for s in sentences if len(s) >= LEAD_MIN_TOKENS), "")
    for text in (incident_places.headline_words(doc.title), lead):
        if text:
            dead, hurt = incident_counts.with_headline(dead, hurt, text)
    return dead, hurt


# The lead sentence has a few words at least: the parser may split a dateline ("RICHMOND, VA
# (WWBT) -") off as a sentence of its own.
LEAD_MIN_TOKENS = 8


def _names_victims(text: str) -> bool:
    """A sentence counting over a period ("four officers were fatally shot this year") or telling
    what could have happened ("the bullet could have killed him") names no victim of this incident."""
    return not incident_counts.STATISTIC_CUES.search(text) and not HYPOTHETICAL.search(text)


def _single_victims(texts: list[str]) -> tuple[Count, Count]:
    """Killed and injured from the single-victim cues of ``texts`` alone (no total stated)."""
    return incident_victims.single_victim_counts(texts, Count(), Count(), injured_from_listing=False)


def _count_value(count: Count) -> int:
    return int(count.low if count.low is not None else count.high or 0)


def casualties(doc: Document, sentences: list[Span], roles: incident_roles.Roles,
               listed_in: list[Span] | None = None) -> tuple[Count, Count]:
    """An incident's killed and injured: stated totals first, else the victims its sentences list
    (those of ``listed_in`` only, when given: one victim named in two ways in sentences far
    apart, "a 42-year-old woman" and "his mother", would count twice)."""
    sentences = [s for s in sentences if _names_victims(s.text)]
    listing = sentences if listed_in is None else [s for s in sentences if s in listed_in]
    # Beyond ``listed_in``, a victim marked as another ("a second man was also wounded") is new.
    marked = [s for s in sentences if s not in listing]
    mentions: list[incident_counts.CasualtyMention] = []
    for sentence in sentences:
        mentions += incident_counts.find_casualties(sentence.text)
    counts: dict[str, Count] = {}
    from_listing: dict[str, bool] = {}
    for kind in ("killed", "injured"):
        total, disagree = incident_counts.best_total([m for m in mentions if m.kind == kind])
        if disagree:
            doc.warn(f"incidents: differing {kind} figures on the page; kept the highest, {total.text!r}")
        from_listing[kind] = total.low is None and total.high is None
        counts[kind] = _count_listed(listing, roles, kind, marked) if from_listing[kind] else total
        if not from_listing[kind] and not any(m.is_total for m in mentions if m.kind == kind):
            # Only "a second man was also wounded": the victims listed, if more, are the toll.
            listed_count = _count_listed(listing, roles, kind, marked)
            if (listed_count.low or 0) > (total.low or 0):
                counts[kind] = listed_count
    killed, injured = counts["killed"], counts["injured"]
    listed = from_listing["injured"] and injured.low is not None
    only_shot = listed and _only_shot(listing, roles, marked)
    if only_shot and killed.low and injured.low <= killed.low:
        injured, listed = Count(), False
    texts = [s.text for s in sentences]
    if killed.low is None and killed.high is None and (fatal := _more_fatal_cue(texts)):
        # "found the body of a man", "has passed away": one death the single-victim cues miss;
        # the listed victim who was hurt is the one who died.
        killed = Count(low=1, high=1, qualifier="exact", text=fatal)
        if listed and injured.low:
            injured = _exact(injured.low - 1)
    killed, injured = incident_victims.single_victim_counts(texts, killed, injured,
                                                            injured_from_listing=listed)
    if killed.low is None and injured.low is None and (hurt := _more_cue(_MORE_HURT, texts)):
        injured = Count(low=1, high=1, qualifier="exact", text=hurt)
    if only_shot and killed.low and injured.low and injured.low <= killed.low:
        # "One person is dead ... a man was shot", "A man was shot to death ... Derrick James
        # was shot": beside a death, a victim only said to be shot is the one who died, not a
        # second victim who was hurt.
        injured = Count()
    if from_listing["killed"] and _shooter_suicide(texts):
        killed, injured = _murdered(killed, injured, listed and only_shot)
    return killed, _with_shot_total(mentions, killed, injured)


# "A murder-suicide": the victims the page says were shot are the murdered. The shooter's own
# death is no victim's (the issue's rule: attackers' deaths are never victims), though GVDB's
# annotators and the Gun Violence Archive count it; a stated total ("three dead in a
# murder-suicide") is the page's own figure and is kept as stated.
_MURDER_SUICIDE = re.compile(r"\bmurder[- ]suicide\b", re.I)


def _shooter_suicide(texts: list[str]) -> bool:
    """Whether the sentences call the event a murder-suicide (not under a negation: "police do
    not believe it was a murder-suicide")."""
    return any(not _NEGATED.search(text[max(0, m.start() - 40):m.start()])
               for text in texts for m in _MURDER_SUICIDE.finditer(text))


def _murdered(killed: Count, injured: Count, hurt_only_shot: bool) -> tuple[Count, Count]:
    """A murder-suicide's toll counted from the victims: the victims only said to be shot ("the
    man shot the woman, then himself"), or all the hurt when no death is counted ("both had a
    gunshot wound"), are the murdered, and at least one was. The shooter is not among them."""
    moved = _count_value(injured) if hurt_only_shot or not _count_value(killed) else 0
    dead = max(_count_value(killed) + moved, 1)
    return _exact(dead), (Count() if moved else injured)


# Harm that did not happen: "came within inches of killing him", "could have been killed".
HYPOTHETICAL = re.compile(r"\b(?:could|would|might|may) (?:have|well have) (?:been )?(?:killed|hurt|injured|"
                          r"wounded|died|shot)\b|\b(?:possibly|nearly|almost|narrowly|within inches of) "
                          r"(?:killing|hitting|striking|killed|hit|struck)\b", re.I)


# Deaths said in words the single-victim cues lack ("a deadly Christmas Day shooting", "the
# body of a man", "has passed away", "found a male and female deceased").
_MORE_FATAL = re.compile(r"\b(?:deadly (?:[\w'’-]+ ){0,3}?(?:shooting|gunfire)|body of|bodies of|"
                         r"passed away|deceased|death of)\b", re.I)
# Injuries said in words the single-victim cues lack ("taken to the hospital with life
# threatening injuries", "suffered a graze wound").
_MORE_HURT = re.compile(r"\bwith (?:[\w'’-]+[ -]){0,3}?(?:injuries|wounds?)\b|\bgraze wound", re.I)
_NEGATED = re.compile(r"\b(?:no|not|n't|never|without)\b[^.;,]{0,30}$", re.I)


def _more_fatal_cue(texts: list[str]) -> str | None:
    return _more_cue(_MORE_FATAL, texts)


def _more_cue(pattern: re.Pattern, texts: list[str]) -> str | None:
    for text in texts:
        for match in pattern.finditer(text):
            if not _NEGATED.search(text[max(0, match.start() - 40):match.start()]):
                return match.group(0)
    return None


def _with_shot_total(mentions: list[incident_counts.CasualtyMention], killed: Count, injured: Count) -> Count:
    """"Three people were shot" counts the victims, dead and hurt: those not said to have died
    were hurt ("three people were shot ... one died" is one dead and two hurt)."""
    shot, _ = incident_counts.best_total([m for m in mentions if m.kind == "shot"])
    victims = shot.low or shot.high or 0
    dead, hurt = _count_value(killed), _count_value(injured)
    if victims > dead + hurt:
        return _exact(victims - dead)
    return injured


def _exact(value: int) -> Count:
    return Count(low=value, high=value, qualifier="exact") if value else Count()


_KILLED_LEMMAS = {"kill", "murder", "assassinate", "slay", "execute", "massacre"}
_HARM_LEMMAS = _KILLED_LEMMAS | {"wound", "injure", "hurt", "shoot", "stab", "die"}
# Words beside a harm verb that make it fatal: "shot and killed", "shot dead", "fatally shot".
_FATAL_WORDS = {"kill", "dead", "death", "fatally", "die", "murder"}


# Nouns that refer back to a victim the story has already described.
_GENERIC_VICTIMS = {"victim", "person", "individual", "someone"}


def _count_listed(sentences: list[Span], roles: incident_roles.Roles, kind: str,
                  marked_only: list[Span] = ()) -> Count:
    """No total stated: count the single victims named as killed or hurt ("a soldier was wounded",
    "a 5-year-old was shot and killed"). A victim shot but not said to die counts as injured."""
    fates = _listed_fates(sentences, roles, marked_only)
    number = sum(1 for fate, _verbs in fates.values() if fate == kind)
    if not number:
        return Count()
    return Count(low=number, high=number, qualifier="exact", text=None)


def _only_shot(sentences: list[Span], roles: incident_roles.Roles, marked_only: list[Span] = ()) -> bool:
    """Every victim listed as hurt was only said to be shot (not wounded, injured or hurt)."""
    fates = _listed_fates(sentences, roles, marked_only)
    hurt = [verbs for fate, verbs in fates.values() if fate == "injured"]
    return bool(hurt) and all(verbs == {"shoot"} for verbs in hurt)


def _listed_fates(sentences: list[Span], roles: incident_roles.Roles,
                  marked_only: list[Span] = ()) -> dict[str, tuple[str, set[str]]]:
    """Each single victim named as harmed: "killed" or "injured", and the harm verbs used of them;
    from the ``marked_only`` sentences, only victims marked as another ("a second man")."""
    fates: dict[str, str] = {}
    verbs: dict[str, set[str]] = {}
    marked_starts = {s.start for s in marked_only}
    for sentence in sorted([*sentences, *marked_only], key=lambda s: s.start):
        for token in sentence:
            lemma = token.lemma_.lower()
            if lemma not in _HARM_LEMMAS or incident_types.is_irrealis(token):
                continue
            if lemma == "die" and fates and (collective := _all_of_them(token, sentence)):
                # "Both later died at the county hospital": every victim listed so far,
                # and "both" says there were two (the parse may have lost one of the names).
                fates = dict.fromkeys(fates, "killed")
                if collective == "both" and len(fates) < 2:
                    fates["#both"] = "killed"
                for key in fates:
                    verbs.setdefault(key, set()).add("die")
                continue
            for patient in _patients(token):
                if _is_reflexive(patient):
                    # "A 6-year-old girl accidentally shot herself": the girl is the victim; a
                    # gunman who "killed himself" is not.
                    patient = _accidental_self(token, sentence)
                    if patient is None:
                        continue
                if not incident_roles.is_person(patient) or patient.tag_ not in {"NN", "NNP"} \
                        or _attacker(patient):
                    continue
                # A common noun is keyed by its head ("a 20-year-old man" and "the man" are one),
                # a name by its surname ("Edgar Fabian" and "Fabian" are one).
                key = _surname(incident_roles.noun_phrase(patient)) if patient.tag_ == "NNP" \
                    else patient.lemma_.lower() + _ordinal_mark(patient)
                if not key:
                    continue  # a name's suffix parsed apart ("Sr."): the name is counted already
                if sentence.start in marked_starts and "#" not in key:
                    continue
                fatal = lemma in _KILLED_LEMMAS or lemma == "die" or _fatal_context(token)
                verbs.setdefault(key, set()).add(lemma)
                if fatal or fates.get(key) != "killed":
                    fates[key] = "killed" if fatal else "injured"
    if len(fates) > 1:
        # "the victim" names someone already listed ("a man was shot ... the victim died").
        generic = {key: fate for key, fate in fates.items() if key in _GENERIC_VICTIMS}
        fates = {key: fate for key, fate in fates.items() if key not in _GENERIC_VICTIMS} or fates
        if "killed" in generic.values() and len(fates) == 1:
            fates = dict.fromkeys(fates, "killed")
    return {key: (fate, verbs[key]) for key, fate in fates.items()}


_COLLECTIVE = {"both", "all"}


def _all_of_them(verb: Token, sentence: Span) -> str | None:
    """"both" or "all" when the subject of "died" is every victim: "both", "all", "both men", or
    "they" in a sentence that says "both" or "all" ("Both teens were taken to a hospital, where
    they died"); else None."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        words = [subject.lower_] + [c.lower_ for c in subject.children]
        if subject.lower_ == "they":
            words = [t.lower_ for t in sentence]
        found = [w for w in words if w in _COLLECTIVE]
        if found:
            return found[0]
    return None


# Words that set a victim apart from one already described: "a second man was also wounded",
# "another woman was hurt" ("the man ... a second man" are two victims, not one).
_OTHER_VICTIM_WORDS = {"second", "third", "fourth", "fifth", "another", "other"}


def _ordinal_mark(noun: Token) -> str:
    """"#second" for "a second man", "" for "a man" (the key that tells two victims apart)."""
    marks = [t.lower_ for t in noun.lefts if t.lower_ in _OTHER_VICTIM_WORDS]
    return "#" + marks[0] if marks else ""


def _patients(verb: Token) -> list[Token]:
    if verb.lemma_.lower() == "die":
        found = [c for c in verb.children if c.dep_ == "nsubj"]
    else:
        found = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}]
    if not found and verb.dep_ == "conj":
        found = [c for c in verb.head.children if c.dep_ in {"nsubjpass", "dobj"}]
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBN":
        found = [verb.head]
    # "X was killed along with Y": Y shares X's fate.
    # (The parser hangs "along" on the verb or on "with"; either way it stands just before "with".)
    found += [pobj for prep in verb.children if prep.lower_ == "with" and prep.i > 0
              and prep.nbor(-1).lower_ == "along"
              for pobj in prep.children if pobj.dep_ == "pobj"]
    found += [pobj for along in verb.children if along.lower_ == "along"
              for prep in along.children if prep.lower_ == "with"
              for pobj in prep.children if pobj.dep_ == "pobj"]
    if verb.dep_ == "relcl" and any(t.lower_ in _RELATIVE_PRONOUNS for t in found):
        # "Harris, who had been shot": the relative pronoun stands for the noun it follows
        # (and only for it, not for the names joined to it).
        return [verb.head]
    return found + [c for t in found for c in t.children if c.dep_ == "conj"]


_RELATIVE_PRONOUNS = {"who", "whom"}
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _surname(name: Span) -> str:
    """The last word of a name, without a suffix ("Joshua Hawkins Sr." -> "hawkins"); empty
    when nothing but a suffix or punctuation is left."""
    words = [t.lower_.rstrip(".") for t in name if t.is_alpha or t.lower_.rstrip(".").isalpha()]
    words = [w for w in words if w not in _NAME_SUFFIXES]
    return words[-1] if words else ""


def _fatal_context(verb: Token) -> bool:
    # "shot to death": the fatal word may sit under a preposition of the verb.
    under = [g for c in verb.children if c.dep_ == "prep" for g in c.children]
    near = list(verb.children) + under + [verb.head] + list(verb.head.children)
    return any(t.lemma_.lower() in _FATAL_WORDS for t in near if t is not verb)


_ACCIDENT = re.compile(r"\baccident", re.I)


def _accidental_self(verb: Token, sentence: Span) -> Token | None:
    """The subject of a verb whose object is a reflexive, when the sentence says it was an
    accident."""
    if not _ACCIDENT.search(sentence.text):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ in {"conj", "xcomp", "advcl", "pcomp"}:
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ in {"acl", "pcomp"}:
        subjects = [verb.head]
    return subjects[0] if subjects else None


def _is_reflexive(token: Token) -> bool:
    return token.lower_.endswith("self") or token.lower_.endswith("selves")


def _attacker(token: Token) -> bool:
    return bool(incident_counts.ATTACKER_WORDS.search(token.text))
