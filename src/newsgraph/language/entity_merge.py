"""Merging the mentions of one document into entities, one per actor.

Mentions are visited in text order; each joins the first cluster a rule finds,
or opens a new one. The rules, most reliable first:

1. a parenthetical alias joins the name it follows ("... Party (PKK)");
2. a variant the alias table knows joins the table's actor;
3. a surname standing alone (or the same single word seen before) joins
   whoever of that name was mentioned most recently: when two people in the
   story share it ("Ali Haddad", "Omar Haddad"), a bare "Haddad" goes to the
   one named last, as a reader would read it;
4. the same form seen before (normalised: case, punctuation, "the");
5. a person's full name with the same first and last word ("Maria Lopez", "Maria Elena Lopez");
6. a given name named in a coordination ("Ali and Omar Haddad") is Ali Haddad;
   a given name alone joins the only full name that starts with it;
7. an acronym joins the multi-word name whose initials it spells, when only one does;
8. a one-letter misspelling (edit distance 1, five letters or more, same type,
   not a place) joins the only name it is that close to.

Titles that carry a gender ("Mr.", "Mrs.") keep two people of one surname
apart. A second pass lets a surname seen shortly before its full form, or an
acronym seen before its expansion, join it when only one fits. Shared surnames
with different given names never merge: full names meet only through rules 4,
5 and 8.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from newsgraph.language.aliases import alias_table, normalise_name
from newsgraph.language.entity_rules import Mention
from newsgraph.language.entity_words import (
    ACRONYM_SKIPPED_WORDS,
    PLACE_LABELS,
    SURNAME_MISTAG_LABELS,
    SURNAME_PARTICLES,
)

# Misspellings are merged only for names this long or longer (normalised
# letters): below it one letter separates distinct names too often ("Iran",
# "Iraq"; "Omar", "Amar").
MIN_FUZZY_LENGTH = 5
# ... and only for names up to this long: misspelt names in news are personal
# and short organisation names, and the deletion index grows with length.
MAX_FUZZY_LENGTH = 40
# Longest acronym compared with initials; longer all-capital words are names.
MAX_ACRONYM_LETTERS = 6
# How far (characters) a surname may come before the full name it belongs to:
# about a news paragraph, as in a lead that names someone in full a sentence later.
CATAPHORA_WINDOW = 600
# Vote weights for a cluster's type: a full personal name or a title is strong
# evidence, a single word tagged by the small model is weak.
WEIGHT_FULL_NAME = 3
WEIGHT_TITLE = 3
WEIGHT_REPORTING_SUBJECT = 2
WEIGHT_MULTIWORD = 2
WEIGHT_SINGLE_WORD = 1


@dataclass
class Cluster:
    key: int
    mentions: list[Mention] = field(default_factory=list)
    canonical: str | None = None
    canonical_type: str | None = None
    implied_names: list[str] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)
    first_label: str = ""
    last_seen: int = -1
    merged_into: Cluster | None = None
    full_person_names: int = 0  # mentions that are a full personal name (or imply one)
    genders: set[str] = field(default_factory=set)  # from titles: "Mr." -> m, "Mrs." -> f
    indexed: set[tuple[str, str]] = field(default_factory=set)

    def root(self) -> Cluster:
        cluster = self
        while cluster.merged_into is not None:
            cluster = cluster.merged_into
        return cluster

    def current_type(self) -> str:
        if self.canonical_type:
            return self.canonical_type
        if not self.votes:
            return self.first_label
        best = max(self.votes.values())
        leaders = {label for label, votes in self.votes.items() if votes == best}
        if self.first_label in leaders:
            return self.first_label
        return min(leaders)

    def has_full_person_name(self) -> bool:
        return self.full_person_names > 0


@dataclass
class MergedEntity:
    """A finished cluster: what ``entities.run`` turns into a record ``Entity``."""

    name: str
    type: str
    aliases: list[str]
    mentions: list[list[int]]


def surname_keys(full_name: str) -> list[str]:
    """Normalised ways a surname may stand alone: "Abu Bakr al-Baghdadi" -> "al baghdadi", "baghdadi"."""
    words = full_name.split()
    if len(words) < 2:
        return []
    last = words[-1]
    keys = [normalise_name(last)]
    lowered = last.lower()
    for particle in SURNAME_PARTICLES:
        if lowered.startswith(particle) and len(last) > len(particle) + 1:
            keys.append(normalise_name(last[len(particle):]))
    if len(words) >= 3 and words[-2].lower() + " " in SURNAME_PARTICLES:
        keys.append(normalise_name(" ".join(words[-2:])))
    return [k for k in dict.fromkeys(keys) if k]


def initials(name: str) -> set[str]:
    """Acronyms a multi-word name may go by, with and without its connective words."""
    words = [w for part in name.replace("-", " ").split() if (w := part.strip("'\u2019.,"))]
    if len(words) < 2:
        return set()
    every = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in ACRONYM_SKIPPED_WORDS).upper()
    return {every, content} - {""}


def is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= MAX_ACRONYM_LETTERS and letters.isalpha() and letters.isupper()


def _deletions(text: str) -> set[str]:
    return {text} | {text[:i] + text[i + 1:] for i in range(len(text))}


def edit_distance_is_one(a: str, b: str) -> bool:
    """True when one substitution, insertion or deletion turns ``a`` into ``b``."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1:]


def is_misspelling(a: str, b: str) -> bool:
    """One letter apart, inside one word of at least ``MIN_FUZZY_LENGTH`` letters, other words equal.

    "Yusuf"/"Yussuf" and "Mohammed Yusuf"/"Mohammed Yussuf" qualify; "ABC News"/
    "NBC News" do not: a short word (often an acronym) differing by a letter is
    another name, not a typo.
    """
    if not edit_distance_is_one(a, b):
        return False
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    differing = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    return len(differing) == 1 and min(map(len, differing[0])) >= MIN_FUZZY_LENGTH


class Merger:
    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self.by_canonical: dict[str, Cluster] = {}
        self.by_form: dict[str, list[Cluster]] = {}
        self.by_person_key: dict[tuple[str, str], Cluster] = {}
        self.by_surname: dict[str, list[Cluster]] = {}
        self.by_given: dict[str, list[Cluster]] = {}
        self.by_initials: dict[str, list[Cluster]] = {}
        self.fuzzy: dict[str, list[tuple[str, Cluster, bool]]] = {}
        self.cluster_of_mention: dict[int, Cluster] = {}

    # -- pass 1 -------------------------------------------------------------
    def add_all(self, mentions: list[Mention]) -> None:
        for index, mention in enumerate(mentions):
            cluster = self._find(mention, index, mentions)
            if cluster is None:
                cluster = self._new_cluster(mention)
            self._attach(cluster, mention)
            self.cluster_of_mention[index] = cluster

    def _find(self, mention: Mention, index: int, mentions: list[Mention]) -> Cluster | None:
        if mention.linked_to is not None and mention.linked_to in self.cluster_of_mention:
            cluster = self.cluster_of_mention[mention.linked_to].root()
            if mention.canonical and cluster.canonical is None and mention.canonical not in self.by_canonical:
                self._set_canonical(cluster, mention.canonical, mention.label)
            if not mention.canonical or cluster.canonical == mention.canonical:
                return cluster
        if mention.canonical:
            found = self.by_canonical.get(mention.canonical)
            return found.root() if found else None
        return self._match(mention)

    def _match(self, mention: Mention) -> Cluster | None:
        norm = normalise_name(mention.text)
        words = mention.words
        same_form = [c.root() for c in self.by_form.get(norm, []) if self._compatible(c.root(), mention)]
        # a surname may be two words with a particle: "De Blasio" after "Bill de Blasio"
        if (len(words) == 1 or norm in self.by_surname) and self._may_be_surname(mention):
            # the bare surname goes to whoever of that name was mentioned last
            holders = [c.root() for c in self.by_surname.get(norm, []) if self._compatible(c.root(), mention)]
            found = self._latest(same_form + holders)
            if found is not None:
                return found
        elif same_form:
            return self._latest(same_form)
        if mention.label == "PERSON" and len(words) >= 2:
            found = self.by_person_key.get(_person_key(mention.text))
            if found is not None and self._compatible(found.root(), mention):
                return found.root()
        if mention.implied_name:
            implied = normalise_name(mention.implied_name)
            for cluster in reversed(self.by_form.get(implied, [])):
                return cluster.root()
            found = self.by_person_key.get(_person_key(mention.implied_name))
            if found is not None:
                return found.root()
            return None
        if len(words) == 1 and mention.label == "PERSON":
            # a given name alone ("Hillary") joins the only full name that starts with it
            given = {c.root().key: c.root() for c in self.by_given.get(norm, [])
                     if self._compatible(c.root(), mention)}
            if len(given) == 1:
                return next(iter(given.values()))
        if len(words) == 1 and is_acronym(mention.text):
            holders = self.by_initials.get(mention.text.replace(".", ""), [])
            candidates = {c.root().key: c.root() for c in holders if c.root().current_type() != "PERSON"}
            if len(candidates) == 1:
                return next(iter(candidates.values()))
        return self._fuzzy_match(mention, norm)

    def _may_be_surname(self, mention: Mention) -> bool:
        if mention.label == "PERSON" or mention.titled or mention.reporting_subject:
            return True
        return mention.label in SURNAME_MISTAG_LABELS

    def _compatible(self, cluster: Cluster, mention: Mention) -> bool:
        ctype = cluster.current_type()
        cued = mention.titled or mention.reporting_subject
        if ctype == "PERSON" and mention.label in PLACE_LABELS and not cued:
            return False
        if ctype in PLACE_LABELS and mention.titled:
            return False
        if mention.gender and cluster.genders and mention.gender not in cluster.genders:
            return False
        return True

    def _fuzzy_match(self, mention: Mention, norm: str) -> Cluster | None:
        if len(norm.replace(" ", "")) < MIN_FUZZY_LENGTH or len(norm) > MAX_FUZZY_LENGTH:
            return None
        if mention.label in PLACE_LABELS or is_acronym(mention.text):
            return None
        single_word = len(mention.words) == 1
        found: dict[int, Cluster] = {}
        for key in _deletions(norm):
            for form, cluster, is_surname in self.fuzzy.get(key, []):
                cluster = cluster.root()
                if is_surname and not single_word:
                    continue
                if not is_misspelling(norm, form):
                    continue
                ctype = cluster.current_type()
                same_type = ctype == mention.label or (
                    is_surname and ctype == "PERSON" and (mention.titled or mention.reporting_subject))
                if same_type:
                    found[cluster.key] = cluster
        return next(iter(found.values())) if len(found) == 1 else None

    def _latest(self, clusters: list[Cluster]) -> Cluster | None:
        roots = [c.root() for c in clusters]
        return max(roots, key=lambda c: c.last_seen) if roots else None

    def _new_cluster(self, mention: Mention) -> Cluster:
        cluster = Cluster(key=len(self.clusters), first_label=mention.label)
        self.clusters.append(cluster)
        if mention.canonical and mention.canonical not in self.by_canonical:
            self._set_canonical(cluster, mention.canonical, mention.label)
        return cluster

    def _set_canonical(self, cluster: Cluster, canonical: str, label: str) -> None:
        entry = alias_table().lookup(canonical)
        cluster.canonical = canonical
        cluster.canonical_type = entry.type if entry else label
        self.by_canonical[canonical] = cluster
        self._index_form(cluster, canonical, "ORG")

    def _attach(self, cluster: Cluster, mention: Mention) -> None:
        cluster.mentions.append(mention)
        cluster.last_seen = max(cluster.last_seen, mention.start)
        # "Lopez and Omar Haddad" after "Maria Lopez": Lopez joined Maria Lopez as
        # her surname, and is not a given name sharing the Haddad surname.
        # "Obama and Hillary Clinton": Obama, named before, is not "Obama Clinton";
        # the implied name counts only for a name first seen in the coordination.
        if mention.implied_name and len(cluster.mentions) == 1:
            cluster.implied_names.append(mention.implied_name)
            self._index_form(cluster, mention.implied_name, "PERSON")
            cluster.full_person_names += 1
        elif mention.label == "PERSON" and len(mention.words) >= 2:
            cluster.full_person_names += 1
        label, weight = _vote(mention, cluster.has_full_person_name())
        cluster.votes[label] += weight
        if mention.gender:
            cluster.genders.add(mention.gender)
        self._index_form(cluster, mention.text, mention.label)

    def _index_form(self, cluster: Cluster, text: str, label: str) -> None:
        norm = normalise_name(text)
        kind = "PERSON" if label == "PERSON" else "other"
        if not norm or (norm, kind) in cluster.indexed:
            return
        cluster.indexed.add((norm, kind))
        forms = self.by_form.setdefault(norm, [])
        if cluster not in forms:
            forms.append(cluster)
        words = text.split()
        if MIN_FUZZY_LENGTH <= len(norm.replace(" ", "")) and len(norm) <= MAX_FUZZY_LENGTH:
            for key in _deletions(norm):
                self.fuzzy.setdefault(key, []).append((norm, cluster, False))
        if label == "PERSON" and len(words) >= 2:
            self.by_person_key.setdefault(_person_key(text), cluster)
            given = self.by_given.setdefault(normalise_name(words[0]), [])
            if cluster not in given:
                given.append(cluster)
            for surname in surname_keys(text):
                holders = self.by_surname.setdefault(surname, [])
                if cluster not in holders:
                    holders.append(cluster)
                if len(surname) >= MIN_FUZZY_LENGTH:
                    for key in _deletions(surname):
                        self.fuzzy.setdefault(key, []).append((surname, cluster, True))
        elif label != "PERSON" and len(words) >= 2:
            for acronym in initials(text):
                holders = self.by_initials.setdefault(acronym, [])
                if cluster not in holders:
                    holders.append(cluster)

    # -- pass 2 -------------------------------------------------------------
    def link_late_full_forms(self) -> None:
        """A surname or acronym written before its full form joins it when only one fits."""
        for cluster in self.clusters:
            if cluster.merged_into is not None or cluster.canonical:
                continue
            forms = {m.text for m in cluster.mentions}
            if any(len(f.split()) > 1 for f in forms) or cluster.implied_names:
                continue
            targets: dict[int, Cluster] = {}
            for form in forms:
                norm = normalise_name(form)
                if any(self._may_be_surname(m) for m in cluster.mentions):
                    for other in self.by_surname.get(norm, []):
                        if other.root() is not cluster and _may_precede(cluster, other.root()):
                            targets[other.root().key] = other.root()
                if is_acronym(form):
                    for other in self.by_initials.get(form.replace(".", ""), []):
                        if other.root() is not cluster and other.root().current_type() != "PERSON":
                            targets[other.root().key] = other.root()
            if len(targets) == 1:
                self.merge(cluster, next(iter(targets.values())))

    def merge(self, source: Cluster, target: Cluster) -> None:
        source, target = source.root(), target.root()
        if source is target:
            return
        target.mentions.extend(source.mentions)
        target.implied_names.extend(source.implied_names)
        target.full_person_names += source.full_person_names
        target.genders |= source.genders
        target.last_seen = max(target.last_seen, source.last_seen)
        if target.canonical is None and source.canonical is not None:
            target.canonical, target.canonical_type = source.canonical, source.canonical_type
        source.merged_into = target
        source.mentions = []

    def roots(self) -> list[Cluster]:
        return [c for c in self.clusters if c.merged_into is None and c.mentions]


def _may_precede(early: Cluster, full: Cluster) -> bool:
    """A surname may stand before its full name only close by (a lead: "Lopez said ...
    Maria Lopez, the mayor, ..."), and not when titles give two genders. A surname
    used long before someone else's full name is a person the story never names in full."""
    if early.genders and full.genders and not early.genders & full.genders:
        return False
    first_early = min(m.start for m in early.mentions)
    first_full = min(m.start for m in full.mentions)
    return 0 <= first_full - first_early <= CATAPHORA_WINDOW


def _vote(mention: Mention, has_person_name: bool) -> tuple[str, int]:
    """The type a mention argues for, and how strongly."""
    if mention.titled:
        return "PERSON", WEIGHT_TITLE
    if mention.implied_name or (mention.label == "PERSON" and len(mention.words) >= 2):
        return "PERSON", WEIGHT_FULL_NAME
    if mention.reporting_subject and has_person_name:
        return "PERSON", WEIGHT_REPORTING_SUBJECT
    if len(mention.words) >= 2:
        return mention.label, WEIGHT_MULTIWORD
    return mention.label, WEIGHT_SINGLE_WORD


def _person_key(name: str) -> tuple[str, str]:
    words = normalise_name(name).split()
    return (words[0], words[-1]) if words else ("", "")


def finish(cluster: Cluster) -> MergedEntity:
    """Name, type, aliases and spans of a finished cluster."""
    mentions = sorted(cluster.mentions, key=lambda m: (m.start, m.end))
    entity_type = _resolve_type(cluster, mentions)
    surface = list(dict.fromkeys(m.text for m in mentions))
    if cluster.canonical:
        name = cluster.canonical
    else:
        counts = Counter(m.text for m in mentions)
        order = {form: i for i, form in enumerate(dict.fromkeys([*surface, *cluster.implied_names]))}
        name = max(order, key=lambda f: (len(f.split()), counts.get(f, 0), -order[f]))
    aliases = [form for form in surface if form != name]
    spans = [list(span) for span in dict.fromkeys((m.start, m.end) for m in mentions)]
    return MergedEntity(name=name, type=entity_type, aliases=aliases, mentions=spans)


def _resolve_type(cluster: Cluster, mentions: list[Mention]) -> str:
    if cluster.canonical_type:
        return cluster.canonical_type
    has_person_name = cluster.has_full_person_name()
    if has_person_name:
        return "PERSON"  # a full personal name outweighs any number of bare surnames tagged ORG
    votes: Counter = Counter()
    for mention in mentions:
        if mention.origin != "repeat":  # a repeat only echoes the cluster's type
            label, weight = _vote(mention, has_person_name)
            votes[label] += weight
    if not votes:
        return mentions[0].label
    best = max(votes.values())
    first_labels = [m.label for m in mentions if votes.get(m.label) == best]
    return first_labels[0] if first_labels else sorted(k for k, v in votes.items() if v == best)[0]
