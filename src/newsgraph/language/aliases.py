"""The curated alias table: actors whose other names a document cannot teach us.

The table ships as package data (``newsgraph/data/aliases.json``): each entry has
a canonical name, an entity type, the variants seen in news copy, and a note on
where the variants come from. It is read lazily, once per process.

``canonical_alias`` answers "which actor is this name?" for any variant, ignoring
case, punctuation, accents and a leading "the". ``find_variants`` scans raw text
for the variants themselves, so that names the statistical NER misses ("Daesh",
"ISIL") still become entities.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

_APOSTROPHES = re.compile(r"['\u2019\u2018`\u02bc]")
_NON_ALNUM = re.compile(r"[\W_]+")  # any script: Cyrillic and Arabic names keep their letters
_LEADING_THE = re.compile(r"^the\s+")

# Variants written as one word with two or more capitals ("ISIS", "LeT", "U.S.")
# are acronyms: they must appear in capitals, since their lower-case spelling is
# often an English word ("let", "is", "us").
_MIN_CAPITALS_FOR_ACRONYM = 2

# Accented letters the text may use where the table writes the plain letter
# ("Medellín", "Martí"); the scanner accepts either.
_ACCENT_CLASSES = {
    "a": "aáàâäãå", "e": "eéèêë", "i": "iíìîï", "o": "oóòôöõ", "u": "uúùûü", "n": "nñ", "c": "cç",
}


def fold_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """Lower case, accents folded, apostrophes dropped, other punctuation as spaces, no leading "the"."""
    text = _APOSTROPHES.sub("", fold_accents(name).lower())
    text = _NON_ALNUM.sub(" ", text).strip()
    return _LEADING_THE.sub("", text)


@dataclass(frozen=True)
class AliasEntry:
    canonical: str
    type: str
    variants: tuple[str, ...]
    ambiguous_variants: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class VariantHit:
    """A table variant found in text: ``[start, end)`` offsets and the actor it names."""

    start: int
    end: int
    text: str
    canonical: str
    type: str
    ambiguous: bool


class AliasTable:
    def __init__(self, entries: list[AliasEntry]) -> None:
        self.entries = entries
        self._by_name: dict[str, AliasEntry] = {}
        self._ambiguous: set[str] = set()
        for entry in entries:
            for form in (entry.canonical, *entry.variants):
                self._by_name.setdefault(normalise_name(form), entry)
            self._ambiguous.update(normalise_name(v) for v in entry.ambiguous_variants)
        self._pattern = _compile_variants(entries)

    def lookup(self, name: str) -> AliasEntry | None:
        return self._by_name.get(normalise_name(name))

    def is_ambiguous(self, name: str) -> bool:
        return normalise_name(name) in self._ambiguous

    def find_variants(self, text: str, text_is_lower_case: bool = False) -> list[VariantHit]:
        """Every table variant in ``text``, longest match first at each position.

        A variant matched without regard to case must show a capital letter in
        the text unless the whole text is lower case (as in the MUC-4 corpus):
        "shining path" in ordinary prose is not the group.
        """
        hits = []
        for match in self._pattern.finditer(text):
            found = match.group(0)
            entry = self.lookup(found)
            if entry is None:
                continue
            if not text_is_lower_case and found == found.lower():
                continue
            hits.append(VariantHit(match.start(), match.end(), found, entry.canonical, entry.type,
                                   self.is_ambiguous(found)))
        return hits


def _is_acronym(variant: str) -> bool:
    capitals = sum(ch.isupper() for ch in variant)
    return (" " not in variant and capitals >= _MIN_CAPITALS_FOR_ACRONYM
            and capitals >= sum(ch.islower() for ch in variant))


def _variant_pattern(variant: str, case_sensitive: bool) -> str:
    parts = []
    for ch in variant:
        if ch in "'\u2019":
            parts.append("['\u2019\u2018]?")
        elif ch == " ":
            parts.append(r"[ \t\u00a0]+")
        elif ch == "-":
            parts.append(r"[-\u2010\u2011 ]")
        elif not case_sensitive and ch.lower() in _ACCENT_CLASSES:
            parts.append("[" + _ACCENT_CLASSES[ch.lower()] + "]")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


def _compile_variants(entries: list[AliasEntry]) -> re.Pattern[str]:
    forms = {form for entry in entries for form in (entry.canonical, *entry.variants)}
    # Longest first, so that "ISIS-K" wins over "ISIS" and "al-Qaeda in the
    # Arabian Peninsula" over "al-Qaeda" (the regex takes the first branch that matches).
    # Branches are grouped by first letter behind a one-character lookahead, so
    # that most text positions are rejected after one test instead of one per
    # variant (a third of the scan time on long pages).
    groups: dict[str, list[str]] = {}
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        case_sensitive = _is_acronym(form)
        pattern = _variant_pattern(form, case_sensitive)
        groups.setdefault(fold_accents(form[0]).lower(), []).append(
            pattern if case_sensitive else f"(?i:{pattern})")
    alternatives = [f"(?=[{re.escape(first)}{re.escape(first.upper())}])(?:{'|'.join(branches)})"
                    for first, branches in sorted(groups.items())]
    return re.compile(r"(?<![\w.])(?:" + "|".join(alternatives) + r")(?!\w)")


def _entry_from_json(item: dict) -> AliasEntry:
    return AliasEntry(canonical=item["canonical"], type=item["type"],
                      variants=tuple(item.get("variants", ())),
                      ambiguous_variants=tuple(item.get("ambiguous_variants", ())),
                      note=item.get("note", ""))


@functools.lru_cache(maxsize=1)
def alias_table() -> AliasTable:
    """The shipped table, read once on first use."""
    path = resources.files("newsgraph").joinpath("data", "aliases.json")
    with path.open("r", encoding="utf-8") as handle:
        data = json.load(handle)
    return AliasTable([_entry_from_json(item) for item in data["entries"]])


def canonical_alias(name: str) -> tuple[str, str] | None:
    """The canonical name and type of the actor ``name`` denotes, if the table knows it."""
    entry = alias_table().lookup(name)
    return (entry.canonical, entry.type) if entry else None
