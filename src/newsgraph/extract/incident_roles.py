"""Who did it, to whom, with what: role fillers for an incident's sentences.

Two sources that both work on lower- and upper-case wire text: the dependency
parse around each trigger (subject of "attacked" is a perpetrator, object of
"kidnapped" a victim, "claimed responsibility" names an organisation), and a
role lexicon learned from the MUC-4 training templates (``models/incident_roles.json``,
rebuilt by ``incident_train.train_incidents``) for group names, weapons and the
head nouns that tell a victim (person) from a target (thing).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newsgraph.packaged import read_packaged_json

# Verbs whose object (or passive subject) is a person hurt: a victim.
VICTIM_VERBS = {"kill", "murder", "assassinate", "kidnap", "abduct", "wound", "injure", "shoot", "slay",
                "execute", "massacre", "torture", "hurt", "stab", "beat", "hold", "take", "kidnaping",
                "machinegun", "gun", "hijack", "rob"}
# Verbs whose object is a thing damaged: a target.
TARGET_VERBS = {"attack", "bomb", "burn", "destroy", "damage", "dynamite", "blow", "torch", "raid", "hit",
                "loot", "rob", "hijack", "set", "storm", "explode", "detonate", "fire"}
PERSON_WORDS = {
    "people", "person", "persons", "man", "men", "woman", "women", "child", "children", "boy", "girl",
    "soldier", "soldiers", "civilian", "civilians", "peasant", "peasants", "policeman", "policemen",
    "officer", "officers", "guard", "guards", "student", "students", "priest", "priests", "judge",
    "mayor", "leader", "member", "members", "teenager", "victim", "victims", "worker", "workers",
    "journalist", "journalists", "resident", "residents", "passenger", "passengers", "baby", "wife",
    "husband", "son", "daughter", "mother", "father", "brother", "sister", "agent", "agents", "trooper",
    "troopers", "deputy", "businessman", "citizen", "citizens", "tourist", "tourists", "official",
    "officials", "minister", "president", "candidate", "diplomat", "ambassador", "jesuits", "nun",
    "nuns", "employee", "employees", "cop", "cops", "patrolman", "individual", "individuals",
}
WEAPON_NORMAL = {
    "car bomb": "car bomb", "car-bomb": "car bomb", "truck bomb": "truck bomb", "bomb": "bomb",
    "bombs": "bomb", "explosives": "explosives", "explosive": "explosives", "dynamite": "dynamite",
    "grenade": "grenade", "grenades": "grenade", "machinegun": "machine gun", "rifle": "rifle",
    "rifles": "rifle", "ak-47": "rifle",
    "machine gun": "machine gun", "machineguns": "machine gun", "machine guns": "machine gun",
    "handgun": "handgun", "pistol": "handgun", "revolver": "handgun", "gun": "gun", "guns": "gun",
    "shotgun": "shotgun", "knife": "knife", "knives": "knife", "machete": "machete", "rocket": "rocket",
    "rockets": "rocket", "mortar": "mortar", "mortars": "mortar", "suicide vest": "suicide vest",
    "explosive belt": "suicide vest", "firearm": "gun", "firearms": "gun", "molotov cocktail": "incendiary",
    "incendiary bomb": "incendiary", "tnt": "explosives", "landmine": "mine", "mine": "mine",
}
_WEAPON_PATTERN = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(WEAPON_NORMAL, key=len,
                                                                           reverse=True)) + r")\b", re.I)
# A learned lexicon entry is used only when at least this share of its occurrences in training
# texts were role fillers (calibrated on MUC-4 train: below 0.3 common words like "army" crept in).
LEXICON_MIN_PRECISION = 0.15
_ATTACKER = re.compile(r"\b(?:attackers?|gunm[ae]n|bombers?|assailants?|shooters?|hijackers?|kidnappers?|"
                      r"terrorists?|militants?|guerrillas?|rebels?|insurgents?|robbers?)\b", re.I)
_STRIP = re.compile(r"^(?:the|a|an|some|several|two|three|four|five|his|her|their|its)\s+", re.I)


@dataclass
class Roles:
    perpetrators: list[str] = field(default_factory=list)
    perpetrator_orgs: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    victim_tokens: list[Token] = field(default_factory=list)

    def add(self, role: str, value: str) -> None:
        value = clean_mention(value)
        if value and value.lower() not in {v.lower() for v in getattr(self, role)}:
            getattr(self, role).append(value)


def clean_mention(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,.;:\"'")
    if text.endswith(")") and "(" not in text:
        text = text[:-1]
    if text.startswith("(") and ")" not in text:
        text = text[1:]  # a bracket left open by the cut, not an acronym's: "Front (FRP)" keeps both
    return _STRIP.sub("", text.strip()).strip()


@functools.lru_cache(maxsize=1)
def role_lexicon() -> dict[str, dict[str, float]]:
    """{role: {normalised phrase: precision}} learned from MUC-4 train; empty if the file is absent."""
    return read_packaged_json("models/incident_roles.json", {}).get("lexicon", {})


@functools.lru_cache(maxsize=1)
def _lexicon_patterns() -> dict[str, re.Pattern]:
    patterns = {}
    for role, entries in role_lexicon().items():
        kept = [p for p, precision in entries.items() if precision >= LEXICON_MIN_PRECISION]
        if kept:
            alternatives = "|".join(re.escape(p) for p in sorted(kept, key=len, reverse=True))
            patterns[role] = re.compile(rf"\b(?:{alternatives})\b", re.I)
    return patterns


def noun_phrase(token: Token) -> Span:
    """The token's noun phrase without relative clauses or long attachments: compounds,
    modifiers and an "of"-phrase ("members of the fmln")."""
    doc = token.doc
    left = token.i
    for child in token.lefts:
        if child.dep_ in {"compound", "amod", "nmod", "det", "nummod", "poss", "quantmod", "npadvmod"}:
            left = min(left, child.left_edge.i)
    right = token.i
    for child in token.rights:
        if child.dep_ in {"compound", "flat", "appos"} and child.i == right + 1:
            right = child.i
        elif child.dep_ == "prep" and child.lower_ == "of" and child.i == right + 1:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                right = max(right, objects[0].i)
                for grandchild in objects[0].rights:
                    if grandchild.dep_ in {"compound", "flat"}:
                        right = max(right, grandchild.i)
    span = doc[left:right + 1]
    while len(span) > 1 and span[0].dep_ in {"det", "poss", "nummod", "punct"}:
        span = span[1:]
    return span


def person_text(phrase: Span) -> str:
    """A person's name without the titles and offices before it ("Tolima governor Ernesto
    Valdivia" -> "Ernesto Valdivia"): templates name victims and attackers by name."""
    names = [ent for ent in phrase.ents if ent.label_ == "PERSON"]
    if names:
        return max(names, key=len).text
    return phrase.text


def is_person(token: Token) -> bool:
    if token.ent_type_ in {"PERSON", "NORP"}:
        return True
    lower = token.lower_
    heads = role_lexicon().get("_victim_heads", {})
    if lower in PERSON_WORDS or heads.get(lower, 0) >= 0.5:
        return True
    return False


def _arguments(trigger: Token) -> tuple[list[Token], list[Token], list[Token]]:
    """(agents, patients, instruments) around a trigger verb or noun."""
    agents, patients, instruments = [], [], []
    verb = trigger
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    for child in verb.children:
        if child.dep_ == "nsubj" and not passive:
            agents.append(child)
        elif child.dep_ in {"dobj", "nsubjpass"}:
            patients.append(child)
        elif child.dep_ == "agent":
            agents.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in {"with"}:
            instruments.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in {"on", "against", "of"} and verb.pos_ == "NOUN":
            patients.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prt" and child.lower_ in {"up", "down"}:
            continue
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "a soldier wounded in the attack"
        patients.append(verb.head)
    if verb.dep_ == "conj" and not agents and verb.head.pos_ == "VERB":
        agents.extend(c for c in verb.head.children if c.dep_ == "nsubj")
    # Extend over conjuncts: "killed a peasant and a soldier".
    for group in (agents, patients, instruments):
        for token in list(group):
            group.extend(c for c in token.children if c.dep_ == "conj")
    return agents, patients, instruments


def fill_roles(sentences: list[Span], trigger_tokens: list[Token], roles: Roles) -> None:
    """Add role fillers found in ``sentences`` around ``trigger_tokens`` to ``roles``."""
    for trigger in trigger_tokens:
        agents, patients, instruments = _arguments(trigger)
        lemma = trigger.lemma_.lower()
        for agent in agents:
            if agent.pos_ == "PRON":
                continue
            if agent.ent_type_ == "ORG" or _matches_lexicon(agent, "PerpOrg"):
                roles.add("perpetrator_orgs", noun_phrase(agent).text)
            elif is_person(agent) or _matches_lexicon(agent, "PerpInd") or _ATTACKER.search(agent.text):
                roles.add("perpetrators", person_text(noun_phrase(agent)))
        for patient in patients:
            if patient.pos_ == "PRON" or _not_a_patient(trigger, patient):
                continue
            phrase = person_text(noun_phrase(patient))
            if is_person(patient) and lemma in VICTIM_VERBS | {"attack", "ambush", "assassination",
                                                                 "kidnapping", "murder"}:
                roles.add("victims", phrase)
                roles.victim_tokens.append(patient)
            elif lemma in TARGET_VERBS or trigger.pos_ == "NOUN":
                roles.add("targets", phrase)
        for instrument in instruments:
            _add_weapons(noun_phrase(instrument).text, roles)
    for sentence in sentences:
        _add_weapons(sentence.text, roles)
        _claims(sentence, roles)
        for role, attribute in (("PerpOrg", "perpetrator_orgs"), ("PerpInd", "perpetrators")):
            pattern = _lexicon_patterns().get(role)
            if pattern is not None:
                for match in pattern.finditer(sentence.text):
                    roles.add(attribute, match.group(0))


# Where a statement is posted, not what was attacked: "condemned the attack on Twitter".
SOCIAL_PLATFORMS = frozenset({"twitter", "facebook", "instagram", "youtube", "telegram", "whatsapp",
                              "tiktok", "x"})
# Verbs that put an attack "on" its perpetrator: "police blamed the attack on the FRP".
_BLAME_VERBS = frozenset({"blame", "pin"})


def _not_a_patient(trigger: Token, patient: Token) -> bool:
    """What a trigger's object or "on" phrase names that was not attacked: a day ("the attack
    on Sunday"), a platform the news came on, or the one an attack is blamed on."""
    if patient.ent_type_ in ("DATE", "TIME") or patient.lower_ in SOCIAL_PLATFORMS:
        return True
    preposition = patient.head
    return (trigger.pos_ == "NOUN" and preposition.dep_ == "prep" and preposition.lower_ == "on"
            and trigger.head.lemma_.lower() in _BLAME_VERBS)


def _matches_lexicon(token: Token, role: str) -> bool:
    pattern = _lexicon_patterns().get(role)
    return bool(pattern and pattern.search(noun_phrase(token).text))


def _add_weapons(text: str, roles: Roles) -> None:
    """Weapons as written ("rockets", "car bomb"): a reader and the templates quote the text; a
    plural already listed in the singular (or the reverse) is not added twice."""
    for match in _WEAPON_PATTERN.finditer(text):
        written = match.group(1)
        kind = WEAPON_NORMAL[written.lower()]
        stem = written.lower().rstrip("s")
        if any(WEAPON_NORMAL.get(listed.lower()) == kind and listed.lower().rstrip("s") == stem
               for listed in roles.weapons):
            continue
        roles.add("weapons", written)


# "Islamic State claimed responsibility", in any case: the words before the claim verb,
# back to a clause boundary or a dateline's dash (at most six words and a bracketed acronym).
_CLAIM = re.compile(r"(?:^|[,;:.\-—–]\s*|\b(?:and|but|while|after|which|whom)\s+)"
                    r"((?:[\w'&-]+\s+|\(\w+\)\s+){1,7}?)"
                    r"(?:has\s+|have\s+|had\s+|later\s+)?(?:claimed|claims|accepted)\s+responsibility", re.I)
_CLAIM_LEAD = re.compile(r"\b(?:which|whom|later|then|when|after|while)\b", re.I)
_NOT_ORG = {"no", "nobody", "no one", "no group", "it", "they", "he", "she", "police", "officials"}


def _claims(sentence: Span, roles: Roles) -> None:
    """"X claimed responsibility": X is the perpetrating organisation."""
    for match in _CLAIM.finditer(sentence.text):
        written = match.group(1).strip().lower()
        if written in _NOT_ORG or written.split()[0] in ("no", "none"):
            return  # "No group has claimed responsibility": nobody, so no subject either
        # the match starts at the first boundary: "..., for which Islamic State claimed", "Hours
        # later the Front claimed" keep what follows the last relative or time word
        name = clean_mention(_CLAIM_LEAD.split(match.group(1))[-1])
        if name and name.lower() not in _NOT_ORG:
            roles.add("perpetrator_orgs", name)
            return
    for token in sentence:
        if token.lemma_.lower() in {"claim", "accept"} and any(
                c.lower_ == "responsibility" for c in token.subtree):
            for child in token.children:
                if child.dep_ == "nsubj" and child.pos_ != "PRON" and child.ent_type_ not in ("GPE", "LOC"):
                    # a dateline's place read as the subject ("CALI, Colombia — ...") is no group
                    roles.add("perpetrator_orgs", noun_phrase(child).text)
