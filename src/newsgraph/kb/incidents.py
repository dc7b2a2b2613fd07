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
from datetime import date, timedelta

from newsgraph.kb.records import part_json
from newsgraph.language.aliases import normalise_name
from newsgraph.record import Document, Incident

# Follow-up reports date the event itself; 4 days covers a weekday named a few days late.
DATE_WINDOW_DAYS = 4
# Shared actors needed to join: one shared name is often just the country's police or
# the wire agency; two make the same story. A same-place, same-type report needs one.
MIN_SHARED_ACTORS = 2
MIN_SHARED_ACTORS_SAME_PLACE = 1
CANDIDATE_LIMIT = 50  # incidents sharing actors examined per report, most shared first
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
    if incident.date and not (published or "").startswith(incident.date):
        return None  # "in 2013": another, older event, not the one reported on
    return published if _day(published) else None


def _figure(count) -> int | None:
    """A casualty count as one number: the upper bound when stated, else the lower."""
    value = count.high if count.high is not None else count.low
    return int(value) if isinstance(value, (int, float)) else None


def _stories(reports: list[tuple[str, Incident, str | None]]) -> list[list[tuple[str, Incident, str | None]]]:
    """Group one document's incidents: compatible types on days within the window are one story."""
    stories: list[list[tuple[str, Incident, str | None]]] = []
    for report in reports:
        day = _day(report[2])
        home = None
        if day is not None:
            for story in stories:
                if any(_day(w) is not None and abs((_day(w) - day).days) <= DATE_WINDOW_DAYS
                       and compatible_types(i.type, report[1].type) for _, i, w in story):
                    home = story
                    break
        if home is None:
            stories.append([report])
        else:
            home.append(report)
    return stories


def _incident_id(doc_id: str, local_id: str) -> str:
    return "I" + hashlib.sha1(f"{doc_id}:{local_id}".encode()).hexdigest()[:12]


class IncidentResolver:
    def __init__(self, conn: sqlite3.Connection, rowid: int) -> None:
        self.conn = conn
        self.rowid = rowid  # the document's row in ``documents``, the key of its reports

    def resolve(self, doc: Document, entity_map: dict[str, str], copy_of: list[str]) -> list[str]:
        """File every incident of ``doc``; returns the incident ids it reports.

        The document's incidents are first grouped into stories (compatible types,
        days within the window): one story is one event, told in several sentences,
        and all its parts go to one stored incident.
        """
        actors = {entity_map[e.id] for e in doc.entities if e.type in ACTOR_TYPES and e.id in entity_map}
        reports = []
        for n, incident in enumerate(doc.incidents):
            reports.append((incident.id or f"i{n}", incident, report_date(incident, doc.published)))
        out = []
        for story in _stories(reports):
            kinds = {incident.type for _, incident, _ in story}
            target = self._copied_incident(copy_of, kinds) if copy_of else None
            if target is None:
                matches = self._matches(doc.id, story, actors)
                if matches:
                    target = matches[0]
                    for other in matches[1:]:
                        self._merge(doc.id, target, other)
            created = target is None
            if target is None:
                local_id, first, when = story[0]
                target = _incident_id(doc.id, local_id)
                self.conn.execute(
                    "INSERT OR IGNORE INTO kb_incidents (id, type, date, place, country, lat, lon) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (target, first.type, when, first.location.name, first.location.country,
                     first.location.lat, first.location.lon))
            for local_id, incident, when in story:
                self.conn.execute(
                    "INSERT OR REPLACE INTO doc_incident_reports (doc, local_id, incident_id, type, date, "
                    "place, country, published, killed, injured, independent, record) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (self.rowid, local_id, target, incident.type, when,
                     normalise_name(incident.location.name or "") or None, incident.location.country,
                     doc.published, _figure(incident.killed), _figure(incident.injured),
                     0 if copy_of else 1, part_json(incident)))
                out.append(target)
            if not created or len(story) > 1:  # a new incident of one report already has its fields
                self._settle(target)
            days = sorted({when for _, _, when in story if when})
            self.conn.executemany(
                "INSERT OR IGNORE INTO doc_report_actors (entity_id, date, doc) VALUES (?, ?, ?)",
                [(actor, day, self.rowid) for actor in sorted(actors) for day in days])
        return out

    def _copied_incident(self, originals: list[str], kinds: set[str]) -> str | None:
        marks = ",".join("?" * len(originals))
        rows = self.conn.execute(
            "SELECT r.incident_id, r.type FROM documents d JOIN doc_incident_reports r ON r.doc = d.rowid "
            f"WHERE d.id IN ({marks}) ORDER BY r.rowid",
            tuple(originals))
        for incident_id, kind in rows:
            if any(compatible_types(kind, mine) for mine in kinds):
                return incident_id
        return None

    def _matches(self, doc_id: str, story: list[tuple[str, Incident, str | None]],
                 actors: set[str]) -> list[str]:
        """Stored incidents this story reports, best first."""
        scores: dict[str, int] = {}
        for _, incident, when in story:
            place = normalise_name(incident.location.name or "") or None
            for score, incident_id in self._match(incident.type, when, place, incident.location.country,
                                                  actors):
                scores[incident_id] = max(score, scores.get(incident_id, 0))
        return sorted(scores, key=lambda i: (-scores[i], i))

    def _match(self, kind: str, when: str | None, place: str | None, country: str | None,
               actors: set[str]) -> list[tuple[int, str]]:
        day = _day(when)
        if day is None or not actors:
            return []  # an undated report, or one naming nobody, cannot be placed safely
        low = (day - timedelta(days=DATE_WINDOW_DAYS)).isoformat()
        high = (day + timedelta(days=DATE_WINDOW_DAYS)).isoformat()
        # Candidates come from the actors' dated reports (doc_report_actors, indexed by actor and
        # day), not from every incident of the week nor from every story an actor was ever in.
        marks = ",".join("?" * len(actors))
        rows = self.conn.execute(
            f"""SELECT r.incident_id, COUNT(DISTINCT a.entity_id) AS shared, i.type
                FROM doc_report_actors a JOIN doc_incident_reports r ON r.doc = a.doc
                LEFT JOIN kb_incidents i ON i.id = r.incident_id
                WHERE a.entity_id IN ({marks}) AND a.date BETWEEN ? AND ? AND r.date BETWEEN ? AND ?
                GROUP BY r.incident_id ORDER BY shared DESC, r.incident_id LIMIT ?""",
            (*sorted(actors), low, high, low, high, CANDIDATE_LIMIT)).fetchall()
        found = []
        for incident_id, shared, other_kind in rows:  # the incident's type read in the same statement
            if shared < MIN_SHARED_ACTORS_SAME_PLACE:
                continue
            if other_kind is None or not compatible_types(kind, other_kind):
                continue
            places, countries = self._places(incident_id)
            countries.discard(None)
            if country and countries and country not in countries:
                continue
            same_place = bool(place and place in places)
            needed = MIN_SHARED_ACTORS_SAME_PLACE if same_place else MIN_SHARED_ACTORS
            if shared >= needed:
                found.append((shared + (1 if same_place else 0), incident_id))
        return found

    def _merge(self, doc_id: str, target: str, other: str) -> None:
        """A report that fits two stored incidents shows they are one event."""
        self.conn.execute("UPDATE doc_incident_reports SET incident_id = ? WHERE incident_id = ?",
                          (target, other))
        self.conn.execute("UPDATE OR IGNORE doc_relations SET target = ? WHERE target = ?", (target, other))
        self.conn.execute("DELETE FROM doc_relations WHERE target = ?", (other,))
        self.conn.execute("DELETE FROM kb_incidents WHERE id = ?", (other,))
        self.conn.execute("INSERT INTO decisions (doc_id, kind, detail) VALUES (?, ?, ?)",
                          (doc_id, "incidents merged", f"{other} joined {target}: this report fits both"))
        self._settle(target)

    def _places(self, incident_id: str) -> tuple[set[str], set[str | None]]:
        rows = self.conn.execute("SELECT DISTINCT place, country FROM doc_incident_reports "
                                 "WHERE incident_id = ?", (incident_id,)).fetchall()
        return {r[0] for r in rows if r[0]}, {r[1] for r in rows}

    def _settle(self, incident_id: str) -> None:
        """Set an incident's type, day and place from all its reports: the most common of each
        (then the alphabetically first type, the earliest day, the place of the earliest report),
        never the first report's alone, so that the incident reads the same whatever order its
        reports came in."""
        # Ties go to the smaller text id (the document's name, which does not depend on the
        # order documents were stored in); its rowid finds the report's record.
        rows = self.conn.execute(
            "SELECT r.type, r.date, r.place, r.country, r.published, d.id, r.local_id, r.doc "
            "FROM doc_incident_reports r JOIN documents d ON d.rowid = r.doc "
            "WHERE r.incident_id = ?", (incident_id,)).fetchall()
        if not rows:
            return
        kind = _most_common([r[0] for r in rows])
        day = _most_common([r[1] for r in rows if r[1]])
        place = _most_common([r[2] for r in rows if r[2]])
        where: dict = {"country": _most_common([r[3] for r in rows if r[3]])}
        if place is not None:
            first = min((r[4] or "9999", r[5], r[6], r[7]) for r in rows if r[2] == place)
            record = self.conn.execute("SELECT record FROM doc_incident_reports "
                                       "WHERE doc = ? AND local_id = ?", (first[3], first[2])).fetchone()[0]
            where = json.loads(record).get("location") or where
        self.conn.execute(
            "UPDATE kb_incidents SET type = ?, date = ?, place = ?, country = ?, lat = ?, lon = ? "
            "WHERE id = ?",
            (kind, day, where.get("name"), where.get("country"), where.get("lat"), where.get("lon"),
             incident_id))


def _most_common(values: list):
    """The most frequent value, the smallest on a tie; None when there is none."""
    counts: dict = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def current_figures(conn: sqlite3.Connection, incident_id: str) -> tuple[list[dict], int | None, int | None]:
    """Reports in publication order (one row per document) and the latest independent killed/injured."""
    rows = conn.execute(
        "SELECT d.id, r.published, MAX(r.killed), MAX(r.injured), MAX(r.independent) "
        "FROM doc_incident_reports r JOIN documents d ON d.rowid = r.doc "
        "WHERE r.incident_id = ? GROUP BY r.doc ORDER BY r.published IS NULL, r.published, d.id",
        (incident_id,)).fetchall()
    reports, killed, injured = [], None, None
    for doc_id, published, k, i, independent in rows:
        reports.append({"document": doc_id, "published": published, "killed": k, "injured": i,
                        "independent": bool(independent)})
        if independent:
            killed = k if k is not None else killed
            injured = i if i is not None else injured
    return reports, killed, injured
