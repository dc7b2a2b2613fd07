"""Incidents across reports: each document's incidents joined to the stored incident they report.

A report joins an incident when the types are compatible, the dates lie within
a few days, the places do not disagree and the two stories share actors (the
canonical entities of the report's document and of the incident's other
reports). A republished copy joins its original's incidents but is marked as
not independent, so it never counts as a confirmation and never sets a figure.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict
from datetime import date, timedelta

from newsgraph.language.aliases import normalise_name
from newsgraph.record import Document, Incident

# Follow-up reports date the event itself; 4 days covers a weekday named a few days late.
DATE_WINDOW_DAYS = 4
# Shared actors needed to join: one shared name is often just the country's police or
# the wire agency; two make the same story. A same-place, same-type report needs one.
MIN_SHARED_ACTORS = 2
MIN_SHARED_ACTORS_SAME_PLACE = 1
CANDIDATE_LIMIT = 200  # incidents in the date window examined per report
ACTOR_TYPES = ("PERSON", "ORG", "NORP")

# Types one report may give where another gives the other: a kidnapping that turns
# into a hostage taking, an attack called a shooting in one report and a bombing in another.
_FAMILIES = [
    {"bombing", "armed_assault", "assassination", "arson", "unarmed_assault"},
    {"kidnapping", "hostage_taking", "hijacking", "armed_assault"},
    {"arrest", "raid"},
]


def compatible_types(a: str, b: str) -> bool:
    return a == b or "other" in (a, b) or any(a in family and b in family for family in _FAMILIES)


def _day(value: str | None) -> date | None:
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def report_date(incident: Incident, published: str | None) -> str | None:
    """The event's day: the incident's own date when it is a day, else the publication date."""
    if _day(incident.date):
        return incident.date
    return published if _day(published) else None


def _count(value: int | None) -> int | None:
    return int(value) if isinstance(value, (int, float)) else None


def _incident_id(doc_id: str, local_id: str) -> str:
    return "I" + hashlib.sha1(f"{doc_id}:{local_id}".encode()).hexdigest()[:12]


class IncidentResolver:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def resolve(self, doc: Document, entity_map: dict[str, str], copy_of: list[str]) -> list[str]:
        """File every incident of ``doc``; returns the incident ids it reports."""
        actors = {entity_map[e.id] for e in doc.entities if e.type in ACTOR_TYPES and e.id in entity_map}
        out = []
        for n, incident in enumerate(doc.incidents):
            local_id = incident.id or f"i{n}"
            when = report_date(incident, doc.published)
            place = normalise_name(incident.location.name or "") or None
            country = incident.location.country
            target = self._copied_incident(copy_of, incident) if copy_of else None
            if target is None:
                target = self._match(incident.type, when, place, country, actors)
            if target is None:
                target = _incident_id(doc.id, local_id)
                self.conn.execute(
                    "INSERT OR IGNORE INTO kb_incidents (id, type, date, place, country, lat, lon) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (target, incident.type, when, incident.location.name, country,
                     incident.location.lat, incident.location.lon))
            else:
                self._fill_gaps(target, incident, country)
            self.conn.execute(
                "INSERT OR REPLACE INTO incident_reports (doc_id, local_id, incident_id, type, date, place, "
                "country, published, killed, injured, independent, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, local_id, target, incident.type, when, place, country, doc.published,
                 _count(incident.killed.low if incident.killed.high is None else incident.killed.high),
                 _count(incident.injured.low if incident.injured.high is None else incident.injured.high),
                 0 if copy_of else 1, json.dumps(asdict(incident), ensure_ascii=False)))
            out.append(target)
        return out

    def _copied_incident(self, originals: list[str], incident: Incident) -> str | None:
        marks = ",".join("?" * len(originals))
        rows = self.conn.execute(
            f"SELECT incident_id, type FROM incident_reports WHERE doc_id IN ({marks})", tuple(originals))
        for incident_id, kind in rows:
            if compatible_types(kind, incident.type):
                return incident_id
        return None

    def _match(self, kind: str, when: str | None, place: str | None, country: str | None,
               actors: set[str]) -> str | None:
        day = _day(when)
        if day is None or not actors:
            return None  # an undated report, or one naming nobody, cannot be placed safely
        low = (day - timedelta(days=DATE_WINDOW_DAYS)).isoformat()
        high = (day + timedelta(days=DATE_WINDOW_DAYS)).isoformat()
        rows = self.conn.execute(
            "SELECT id, type, country FROM kb_incidents WHERE date BETWEEN ? AND ? ORDER BY date, id LIMIT ?",
            (low, high, CANDIDATE_LIMIT)).fetchall()
        best: tuple[int, str] | None = None
        for incident_id, other_type, other_country in rows:
            if not compatible_types(kind, other_type):
                continue
            places, countries = self._places(incident_id)
            countries.add(other_country)
            countries.discard(None)
            if country and countries and country not in countries:
                continue
            shared = len(self._actors(incident_id) & actors)
            same_place = bool(place and place in places)
            needed = MIN_SHARED_ACTORS_SAME_PLACE if same_place else MIN_SHARED_ACTORS
            if shared >= needed:
                score = shared + (1 if same_place else 0)
                if best is None or score > best[0]:
                    best = (score, incident_id)
        return best[1] if best else None

    def _places(self, incident_id: str) -> tuple[set[str], set[str | None]]:
        rows = self.conn.execute("SELECT DISTINCT place, country FROM incident_reports WHERE incident_id = ?",
                                 (incident_id,)).fetchall()
        return {r[0] for r in rows if r[0]}, {r[1] for r in rows}

    def _actors(self, incident_id: str) -> set[str]:
        marks = ",".join("?" * len(ACTOR_TYPES))
        rows = self.conn.execute(
            f"""SELECT DISTINCT m.entity_id FROM incident_reports r JOIN mentions m ON m.doc_id = r.doc_id
                WHERE r.incident_id = ? AND m.type IN ({marks})""", (incident_id, *ACTOR_TYPES))
        return {row[0] for row in rows}

    def _fill_gaps(self, incident_id: str, incident: Incident, country: str | None) -> None:
        """A later report may know the country or coordinates the first one lacked."""
        self.conn.execute("UPDATE kb_incidents SET country = COALESCE(country, ?), "
                          "place = COALESCE(place, ?), lat = COALESCE(lat, ?), lon = COALESCE(lon, ?) "
                          "WHERE id = ?", (country, incident.location.name, incident.location.lat,
                                           incident.location.lon, incident_id))


def current_figures(conn: sqlite3.Connection, incident_id: str) -> tuple[list[dict], int | None, int | None]:
    """Reports in publication order (one row per document) and the latest independent killed/injured."""
    rows = conn.execute(
        "SELECT doc_id, published, MAX(killed), MAX(injured), MAX(independent) FROM incident_reports "
        "WHERE incident_id = ? GROUP BY doc_id ORDER BY published IS NULL, published, doc_id",
        (incident_id,)).fetchall()
    reports, killed, injured = [], None, None
    for doc_id, published, k, i, independent in rows:
        reports.append({"document": doc_id, "published": published, "killed": k, "injured": i,
                        "independent": bool(independent)})
        if independent:
            killed = k if k is not None else killed
            injured = i if i is not None else injured
    return reports, killed, injured
