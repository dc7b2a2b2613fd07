"""Word lists the entity rules share: labels kept, titles, reporting verbs, noise."""

from __future__ import annotations

import re

# spaCy labels for quantities and times: other stages own these, they are not actors.
DROPPED_LABELS = frozenset({"CARDINAL", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})

# Place labels: a person's surname is often also a place ("Washington", "Jordan"),
# so a bare word tagged as a place joins a person only with a cue.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# Labels the small model commonly puts on a surname standing alone ("Yusuf added"
# comes out ORG); such a word may join a person with the same surname without a cue.
SURNAME_MISTAG_LABELS = frozenset({"ORG", "NORP", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})

# Verbs whose subject is a speaker: a name that is their subject is a person or an
# organisation speaking, and when it was a person earlier it is that person.
REPORTING_VERBS = frozenset({
    "say", "tell", "add", "state", "claim", "announce", "report", "confirm", "deny", "explain",
    "note", "warn", "insist", "write", "argue", "acknowledge", "allege", "assert", "declare",
    "describe", "suggest", "urge", "reply", "respond", "testify", "recall", "admit", "estimate",
})

# Personal titles, as words before a name ("Mr. Lopez", "President Erdogan",
# "Defence Minister Ali Haddad"). Written as regex pieces; a trailing "." is optional.
_TITLE_WORDS = (
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Gen", "General", "Lt", "Lieutenant",
    "Col", "Colonel", "Maj", "Capt", "Captain", "Cpt", "Sgt", "Sergeant", "Cpl", "Corporal",
    "Adm", "Admiral", "Cmdr", "Commander", "Brig", "Brigadier", "Gov", "Governor", "Sen", "Senator",
    "Rep", "Representative", "Rev", "Reverend", "Sir", "Dame", "Lord", "Lady", "Sheikh", "Sheik",
    "Imam", "Mullah", "Ayatollah", "President", "Vice President", "Prime Minister", "Minister",
    "Chancellor", "King", "Queen", "Prince", "Princess", "Crown Prince", "Emir", "Sultan",
    "Judge", "Justice", "Mayor", "Inspector", "Superintendent", "Detective", "Ambassador",
    "Secretary", "Pope", "Father", "Bishop", "Archbishop", "Cardinal", "Rabbi", "Pastor",
    "Speaker", "Chief", "Officer", "Constable", "Marshal", "Field Marshal", "Commissioner",
    "Attorney General", "Deputy", "Spokesman", "Spokeswoman", "Spokesperson", "Chief Executive",
)
_TITLE = (r"(?:(?:[A-Z][a-z]+\s+)?(?:Minister|Secretary)|"
          + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_TITLE_WORDS, key=len, reverse=True))
          + r")\.?")
# One or more titles at the start of a span ("President Erdogan", "Gen. Haddad").
LEADING_TITLES = re.compile(rf"^(?:{_TITLE}\s+)+")
TITLE_ONLY = re.compile(rf"^{_TITLE}$")
# Nouns for people by role, kin or standing (lemmas). A description headed by one is a person
# (an unnamed one, for the sources' anonymity); a name with one in apposition ("Ana Ruiz, an
# economist at ...") is a person whatever label the small model gave it.
PERSON_NOUNS = frozenset("""
activist adviser advisor aide ambassador analyst attorney aunt author bomber boy broker brother
buyer bystander campaigner candidate chairman chairwoman chief child cleric colleague colonel
commander cousin criminal critic customer daughter demonstrator detainee diplomat director doctor
driver economist editor elder employee engineer executive expert exporter eyewitness family farmer
father fighter firefighter founder friend general girl governor guard guerrilla gunman head hostage
husband imam importer journalist judge lawmaker lawyer leader lecturer local man manager mayor medic
member merchant migrant militant minister mother mourner neighbor neighbour nurse officer official
opponent owner paramedic parent passenger pastor patient people person police president priest
prisoner professor prosecutor protester rebel refugee relative reporter rescuer researcher resident
scientist secretary seller senator shopkeeper shopper sister soldier son spokesman spokesperson
spokeswoman staff student supporter surgeon survivor suspect teacher trader uncle vendor victim
villager volunteer voter watchman widow wife witness woman worker writer youth
actress advocate ally attendee billionaire celebrity citizen constituent delegate fan guy incumbent
magnate millionaire mogul nominee participant rival troop tycoon veteran
""".split())
# Endings of more nouns for people ("columnist", "guardian", "volunteer"): with the list, what
# makes a description able to be "he" or "she" ("the stall" or "the currency" never is).
PERSON_ENDINGS = ("ist", "ian", "man", "woman", "person", "eer")
# Head nouns of descriptions that name a body rather than people ("the distribution company"):
# sources call such a speaker an organisation, and "it" can stand for one.
ORGANISATION_HEADS = frozenset("""
party company group association firm organisation organization union federation charity bank
coalition alliance movement outfit militia corporation operator business businesses network
campaign institute foundation forum
""".split())
# Last words of a body's name, never of a person's: "Justice Department" keeps its "Justice".
BODY_NAME_ENDS = frozenset({
    "department", "ministry", "office", "court", "party", "council", "committee", "commission",
    "agency", "authority", "bureau", "service", "services", "university", "college", "school",
    "foundation", "institute", "association", "union", "corporation", "company", "bank", "hospital",
    "police", "army", "force", "forces", "guard", "command", "directorate", "board", "house", "palace",
})
# A title after the place or body it belongs to ("Gaziantep Governor Kemal Aydin", "Lagos State
# Commissioner Ade Bello"): the small model tags such spans as anything from ORG to WORK_OF_ART.
# Trimmed only when a full name (two or three capitalised words) ends the span.
QUALIFIED_TITLES = re.compile(
    rf"^(?:[A-Z][\w'’-]+\s+){{1,2}}(?:{_TITLE}\s+)+(?=(?:[A-Z][\w'’-]+\s*){{2,3}}$)")


def title_before(before: str) -> str | None:
    """The title ``before`` (the text just before a name) ends with, if any."""
    if not before or not before[-1].isspace():
        return None
    words = before.split()[-2:]
    for n in (2, 1):
        if len(words) >= n and TITLE_ONLY.match(candidate := " ".join(words[-n:])):
            return candidate
    return None


# Titles that say whether a person is a man or a woman: "Mrs. Obama" is not the
# "Mr. Obama" of the same story.
_TITLE_GENDERS = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "father": "m",
    "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "queen": "f", "princess": "f",
}


def title_gender(title: str | None) -> str | None:
    if not title:
        return None
    return _TITLE_GENDERS.get(title.split()[0].rstrip(".").lower())

# Words a model sometimes tags as a name but that never name an actor alone.
NOISE_WORDS = frozenset({
    # "us" and "it" are also "US" and "IT": capitals keep them in ordinary text only
    "i", "me", "my", "he", "him", "his", "she", "her", "hers", "it", "its", "we", "us", "our", "you",
    "your", "they", "them", "their", "this", "that", "these", "those", "the", "a", "an", "and",
    "or", "of", "in", "on", "at", "to", "by", "for", "with", "from", "who", "what", "which",
    "there", "here", "mr", "mrs", "ms", "dr", "sir", "today", "yesterday", "tomorrow",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "am", "pm", "ap", "photo", "video", "image", "getty",
})

# Words around an ambiguous table variant ("IS", "ETA") that show it names the group.
GROUP_CUE_WORDS = frozenset({
    "group", "groups", "militants", "militant", "fighters", "fighter", "jihadists", "jihadist",
    "extremists", "extremist", "insurgents", "insurgent", "terrorists", "terrorist", "terror",
    "rebels", "rebel", "guerrillas", "guerrilla", "separatists", "separatist", "leader", "leaders",
    "commander", "commanders", "affiliate", "affiliated", "cell", "cells", "propaganda", "claimed",
    "loyal", "allegiance", "caliphate", "stronghold", "members", "member", "supporters", "bombers",
})

# Connective words inside a multi-word name that an acronym skips ("Kurdistan
# Workers' Party" -> KWP, "Revolutionary Armed Forces of Colombia" -> RAFC).
ACRONYM_SKIPPED_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "de", "la", "del", "al", "el", "y"})

# Name particles that a surname standing alone may drop ("al-Baghdadi" -> "Baghdadi").
SURNAME_PARTICLES = ("al-", "al ", "el-", "el ", "ad-", "as-", "ash-", "an-", "bin ", "ibn ", "abu ",
                     "van ", "von ", "de ", "da ", "di ", "del ", "la ", "le ")
