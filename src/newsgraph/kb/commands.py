"""Knowledge-base commands: entity, incidents, claims, quotes, network, reprints, decisions, forget.

Thin wrappers over kb/queries.py and kb/network.py; ``register(main)`` adds them
to the top-level group.
"""

from __future__ import annotations

import json
import sys

import click

from newsgraph.cli_options import check_date, open_kb_or_fail
from newsgraph.kb import DEFAULT_DB
from newsgraph.record import INCIDENT_TYPES

_db = click.option("--db", default=DEFAULT_DB, show_default=True, help="Knowledge base file.")
_json = click.option("--json", "as_json", is_flag=True, help="JSON output.")


def _emit(obj) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


@click.command()
@click.argument("name")
@_db
@_json
def entity(name: str, db: str, as_json: bool) -> None:
    """One actor across documents: names, documents, quotes, claims, incidents."""
    from newsgraph.kb.queries import entity_profile

    with open_kb_or_fail(db) as kb:
        profile = entity_profile(kb.conn, name)
    if profile is None:
        click.echo(f"newsgraph: no entity named {name!r}", err=True)
        sys.exit(1)
    if as_json:
        _emit(profile)
        return
    click.echo(f"{profile['name']} ({profile['type']}, {profile['id']})")
    click.echo(f"  also: {', '.join(profile['aliases']) or '-'}")
    click.echo(f"  documents: {len(profile['documents'])}, quotes: {len(profile['quotes'])}, "
               f"claims: {len(profile['claims'])}, incidents: {len(profile['incidents'])}")


@click.command()
@click.option("--since", callback=check_date, help="Incidents on or after this date.")
@click.option("--until", callback=check_date, help="Incidents on or before this date.")
@click.option("--type", "kind", type=click.Choice(INCIDENT_TYPES), help="Incident type.")
@click.option("--place", help="Place or country code of any report.")
@_db
@_json
def incidents(since: str | None, until: str | None, kind: str | None, place: str | None, db: str,
              as_json: bool) -> None:
    """Incidents across reports, with their reports and current figures (JSON Lines with --json)."""
    from newsgraph.kb.queries import incidents as query

    with open_kb_or_fail(db) as kb:
        found = query(kb.conn, since=since, until=until, kind=kind, place=place)
    for item in found:
        if as_json:
            _emit(item)
        else:
            click.echo(f"{item['date'] or '----------'}  {item['type']:<15} "
                       f"{item['location']['name'] or '?'}  "
                       f"killed {item['killed']}, injured {item['injured']}, {len(item['reports'])} reports")


@click.command()
@click.argument("query")
@_db
@_json
def claims(query: str, db: str, as_json: bool) -> None:
    """Every figure whose unit or sentence matches QUERY, side by side across documents."""
    from newsgraph.kb.queries import claims as query_claims

    with open_kb_or_fail(db) as kb:
        found = query_claims(kb.conn, query)
    for item in found:
        if as_json:
            _emit(item)
        else:
            click.echo(f"{item['published'] or '----------'}  {item['text']}  "
                       f"({item['claimant_text'] or 'unattributed'})  {item['document'][:12]}")


@click.command()
@click.argument("query", required=False)
@click.option("--speaker", help="Said by this actor (any of its names) or described speaker.")
@click.option("--since", callback=check_date, help="Published on or after this date.")
@click.option("--until", callback=check_date, help="Published on or before this date.")
@_db
@_json
def quotes(query: str | None, speaker: str | None, since: str | None, until: str | None, db: str,
           as_json: bool) -> None:
    """Who said what: quotes matching QUERY, oldest first, with speaker and document."""
    from newsgraph.kb.queries import quotes as query_quotes

    with open_kb_or_fail(db) as kb:
        found = query_quotes(kb.conn, query, speaker=speaker, since=since, until=until)
    for item in found:
        if as_json:
            _emit(item)
        else:
            click.echo(f"{item['published'] or '----------'}  {item['speaker'] or 'unattributed'}: "
                       f"{item['text']}  ({item['kind']}, {item['document'][:12]})")


@click.command()
@click.argument("name")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1, 3), help="Hops from NAME.")
@_db
@_json
def network(name: str, depth: int, db: str, as_json: bool) -> None:
    """Typed, weighted relations around an entity (or an incident id)."""
    from newsgraph.kb.network import network as query_network
    from newsgraph.kb.queries import find_entity

    with open_kb_or_fail(db) as kb:
        start = find_entity(kb.conn, name)
        if start is None and kb.conn.execute("SELECT 1 FROM kb_incidents WHERE id = ?", (name,)).fetchone():
            start = name
        if start is None:
            click.echo(f"newsgraph: no entity named {name!r}", err=True)
            sys.exit(1)
        graph = query_network(kb.conn, start, depth)
    if as_json:
        _emit(graph)
        return
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    for edge in graph["edges"]:
        click.echo(f"{names[edge['source']]} -{edge['relation']}-> {names[edge['target']]} "
                   f"({edge['weight']})")


@click.command()
@_db
@_json
def reprints(db: str, as_json: bool) -> None:
    """Republished copies: original, copy and the share of the copy reused."""
    from newsgraph.kb.queries import reprints as query

    with open_kb_or_fail(db) as kb:
        found = query(kb.conn)
    for item in found:
        if as_json:
            _emit(item)
        else:
            click.echo(f"{item['original'][:12]} -> {item['copy'][:12]}  {item['coverage']:.0%}")


@click.command()
@click.option("--document", "doc_id", default=None, help="Only this document's decisions.")
@_db
@_json
def decisions(doc_id: str | None, db: str, as_json: bool) -> None:
    """What the knowledge base decided: id collisions, copies, merges, names kept apart."""
    from newsgraph.kb.queries import decisions as query

    with open_kb_or_fail(db) as kb:
        found = query(kb.conn, doc_id)
    for item in found:
        if as_json:
            _emit(item)
        else:
            click.echo(f"{(item['document'] or '-')[:12]:<12}  {item['kind']}: {item['detail']}")


@click.command()
@click.argument("doc_id")
@_db
def forget(doc_id: str, db: str) -> None:
    """Remove a document and everything derived only from it; merges are recomputed."""
    from newsgraph.kb.index import forget as forget_document

    with open_kb_or_fail(db) as kb:
        removed = forget_document(kb.conn, doc_id)
    if not removed:
        click.echo(f"newsgraph: no document {doc_id}", err=True)
        sys.exit(1)
    click.echo(f"forgot {doc_id}")


def register(main: click.Group) -> None:
    for command in (entity, incidents, claims, quotes, network, reprints, decisions, forget):
        main.add_command(command)
