"""Exports of the knowledge base, streamed: each writer emits a header, one item at a time, a footer.

- ``jsonl``: every stored record (``newsgraph.document/1``), one per line.
- ``csv``: one row per incident across reports, with its current figures.
- ``graphml`` / ``gexf``: the network of actors, outlets and incidents with typed,
  weighted relations (co-mentions included), for Gephi, yEd, NetworkX.
- ``stix``: one STIX 2.1 bundle (``export/stix.py``); ``ftm``: FollowTheMoney entities,
  one per line (``export/ftm.py``).
"""

from __future__ import annotations

import csv
import sqlite3
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

FORMATS = ("jsonl", "csv", "graphml", "gexf", "stix", "ftm")
INCIDENT_COLUMNS = ["id", "type", "date", "place", "country", "lat", "lon", "killed", "injured",
                    "reports", "perpetrator_orgs"]


def export(kb, fmt: str, out: TextIO) -> int:
    """Write the knowledge base to ``out`` in ``fmt``; returns the number of items written."""
    if fmt not in FORMATS:
        raise ValueError(f"export format must be one of {', '.join(FORMATS)}; got {fmt!r}")
    if fmt == "stix":
        from newsgraph.export.stix import export_stix

        return export_stix(kb.conn, out)
    if fmt == "ftm":
        from newsgraph.export.ftm import export_ftm

        return export_ftm(kb.conn, out)
    return {"jsonl": _jsonl, "csv": _csv, "graphml": _graphml, "gexf": _gexf}[fmt](kb, out)


def _jsonl(kb, out: TextIO) -> int:
    count = 0
    for doc in kb.documents():
        out.write(doc.to_json() + "\n")
        count += 1
    return count


def _csv(kb, out: TextIO) -> int:
    from newsgraph.kb.queries import incidents

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(INCIDENT_COLUMNS)
    rows = incidents(kb.conn, limit=10**9)
    for incident in rows:
        location = incident.get("location") or {}
        writer.writerow([incident["id"], incident["type"], incident.get("date"), location.get("name"),
                         location.get("country"), location.get("lat"), location.get("lon"),
                         incident.get("killed"), incident.get("injured"), len(incident["reports"]),
                         "; ".join(incident.get("perpetrator_orgs") or [])])
    return len(rows)


def graph(conn: sqlite3.Connection) -> tuple[list[dict], list[dict]]:
    """Every node with an edge, and every edge with its weight (documents that support it)."""
    from newsgraph.kb.network import node

    weights: dict[tuple[str, str, str], int] = {}
    for source, target, relation, count in conn.execute(
            "SELECT source, target, relation, COUNT(*) FROM relations GROUP BY source, target, relation"):
        weights[(source, target, relation)] = count
    for first, second, count in conn.execute(
            """SELECT m1.entity_id, m2.entity_id, COUNT(DISTINCT m1.doc_id) FROM mentions m1
               JOIN mentions m2 ON m2.doc_id = m1.doc_id AND m1.entity_id < m2.entity_id
               GROUP BY m1.entity_id, m2.entity_id"""):
        weights[(first, second, "co_mentioned")] = count
    ids = sorted({end for key in weights for end in key[:2]})
    nodes = [n for n in (node(conn, node_id) for node_id in ids) if n]
    known = {n["id"] for n in nodes}
    edges = [{"source": s, "target": t, "relation": r, "weight": w}
             for (s, t, r), w in sorted(weights.items()) if s in known and t in known]
    return nodes, edges


def _graphml(kb, out: TextIO) -> int:
    nodes, edges = graph(kb.conn)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
              '  <key id="name" for="node" attr.name="name" attr.type="string"/>\n'
              '  <key id="type" for="node" attr.name="type" attr.type="string"/>\n'
              '  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>\n'
              '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>\n'
              '  <graph id="newsgraph" edgedefault="directed">\n')
    for item in nodes:
        out.write(f'    <node id={quoteattr(item["id"])}><data key="name">{escape(item["name"])}</data>'
                  f'<data key="type">{escape(item["type"])}</data></node>\n')
    for number, edge in enumerate(edges):
        out.write(f'    <edge id="r{number}" source={quoteattr(edge["source"])} '
                  f'target={quoteattr(edge["target"])}><data key="relation">{edge["relation"]}</data>'
                  f'<data key="weight">{edge["weight"]}</data></edge>\n')
    out.write("  </graph>\n</graphml>\n")
    return len(nodes) + len(edges)


def _gexf(kb, out: TextIO) -> int:
    nodes, edges = graph(kb.conn)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<gexf xmlns="http://gexf.net/1.3" version="1.3">\n'
              '  <graph defaultedgetype="directed">\n'
              '    <attributes class="node"><attribute id="0" title="type" type="string"/></attributes>\n'
              '    <attributes class="edge"><attribute id="0" title="relation" type="string"/></attributes>\n'
              '    <nodes>\n')
    for item in nodes:
        out.write(f'      <node id={quoteattr(item["id"])} label={quoteattr(item["name"])}>'
                  f'<attvalues><attvalue for="0" value={quoteattr(item["type"])}/></attvalues></node>\n')
    out.write("    </nodes>\n    <edges>\n")
    for number, edge in enumerate(edges):
        out.write(f'      <edge id="r{number}" source={quoteattr(edge["source"])} '
                  f'target={quoteattr(edge["target"])} weight="{edge["weight"]}">'
                  f'<attvalues><attvalue for="0" value={quoteattr(edge["relation"])}/></attvalues></edge>\n')
    out.write("    </edges>\n  </graph>\n</gexf>\n")
    return len(nodes) + len(edges)
