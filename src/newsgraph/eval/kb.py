"""`newsgraph eval kb`: the demo corpus into a temporary knowledge base, scored against samples/gold/kb.json.

Three pairwise scores: reprint pairs (directed: original -> copy), incident
merges (pairs of reports filed under one incident) and entity merges (pairs of
mentions, a mention being one document's entity carrying a gold surface form,
linked to one canonical entity). Gold names files relative to samples/; pages
of an archive or JSON Lines export are numbered in reading order ("#1" first).
"""

from __future__ import annotations

import itertools
import json
import re
import tempfile
from collections import defaultdict
from pathlib import Path

from newsgraph.language.aliases import normalise_name

INPUT_FOLDERS = ("text", "html", "jsonl")
_NUMBERED = re.compile(r"^(.*)#(\d+)$")


def corpus_inputs(samples: Path) -> list[str]:
    """The demo pages: every text, html and jsonl file, and the archives (not their sources)."""
    paths = [str(p) for folder in INPUT_FOLDERS for p in sorted((samples / folder).glob("*")) if p.is_file()]
    paths += [str(p) for p in sorted((samples / "archive").glob("crawl.*")) if p.is_file()]
    return paths


def gold_keys(stored_paths: dict[str, str]) -> dict[str, str]:
    """{gold file key: document id} from {document id: stored source path}."""
    plain: dict[str, str] = {}
    numbered: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for doc_id, path in stored_paths.items():
        if not path:
            continue
        match = _NUMBERED.match(path)
        container = match.group(1) if match else path
        key = "/".join(Path(container).parts[-2:])
        if match:
            numbered[key].append((int(match.group(2)), doc_id))
        else:
            plain[key] = doc_id
    for key, items in numbered.items():
        for rank, (_, doc_id) in enumerate(sorted(items), start=1):
            plain[f"{key}#{rank}"] = doc_id
    return plain


def _scores(predicted: set, gold: set) -> dict[str, float]:
    hit = len(predicted & gold)
    precision = hit / len(predicted) if predicted else 1.0
    recall = hit / len(gold) if gold else 1.0
    return {"precision": round(precision, 3), "recall": round(recall, 3),
            "predicted": len(predicted), "gold": len(gold)}


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def score_kb(kb, gold: dict) -> tuple[dict[str, dict[str, float]], dict]:
    """Scores of a loaded knowledge base against the gold, and the predictions they came from."""
    conn = kb.conn
    stored = {row[0]: row[1] for row in conn.execute("SELECT id, path FROM documents")}
    file_of = {doc_id: key for key, doc_id in gold_keys(stored).items()}

    # Reprints: directed pairs of files.
    predicted_reprints = {(file_of.get(o, o), file_of.get(c, c))
                          for o, c in conn.execute("SELECT original, copy FROM reprints")}
    gold_reprints = {(r["original"], r["copy"]) for r in gold["reprints"]}

    # Incidents: two files pair up when any incident lists both.
    incidents_of: dict[str, set[str]] = defaultdict(set)
    for doc_id, incident_id in conn.execute("SELECT doc_id, incident_id FROM incident_reports"):
        if doc_id in file_of:
            incidents_of[file_of[doc_id]].add(incident_id)
    predicted_incidents = {_pair(a, b) for a, b in itertools.combinations(sorted(incidents_of), 2)
                           if incidents_of[a] & incidents_of[b]}
    gold_incidents = {_pair(a, b) for item in gold["incidents"].values()
                      for a, b in itertools.combinations(item["reports"], 2)}

    # Entities: mentions carrying a gold form in a gold file, paired within and across clusters.
    clusters = [(name, {normalise_name(f) for f in item["forms"]}, set(item["files"]))
                for name, item in gold["entities"].items()]
    mention_cluster: dict[tuple[str, str], str] = {}
    mention_entity: dict[tuple[str, str], str] = {}
    for doc_id, local_id, entity_id, forms in conn.execute(
            "SELECT doc_id, local_id, entity_id, forms FROM mentions"):
        key = file_of.get(doc_id)
        if key is None:
            continue
        normal = {normalise_name(f) for f in json.loads(forms)}
        best = None
        for name, gold_forms, files in clusters:
            matched = normal & gold_forms
            if key in files and matched:
                length = max(len(m) for m in matched)
                if best is None or length > best[0]:
                    best = (length, name)
        if best:
            mention_cluster[(key, local_id)] = best[1]
            mention_entity[(key, local_id)] = entity_id
    mentions = sorted(mention_cluster)
    predicted_entities = {(a, b) for a, b in itertools.combinations(mentions, 2)
                          if mention_entity[a] == mention_entity[b]}
    gold_entities = {(a, b) for a, b in itertools.combinations(mentions, 2)
                     if mention_cluster[a] == mention_cluster[b]}
    gold_clusters_found = {mention_cluster[m] for m in mentions}
    figures = _figures(conn, gold["incidents"], {key: doc_id for doc_id, key in file_of.items()})
    scores = {
        "reprints": _scores(predicted_reprints, gold_reprints),
        "incidents": _scores(predicted_incidents, gold_incidents),
        "entities": _scores(predicted_entities, gold_entities),
    }
    scores["entities"]["clusters_found"] = f"{len(gold_clusters_found)}/{len(clusters)}"
    scores["current_figures"] = figures
    predictions = {"reprints": sorted(predicted_reprints), "incident_pairs": sorted(predicted_incidents),
                   "entity_mentions": {f"{k[0]}|{k[1]}": mention_entity[k] for k in mentions}}
    return scores, predictions


def _figures(conn, gold_incidents: dict, doc_of: dict[str, str]) -> dict[str, float]:
    """Share of gold incidents whose current killed and injured figures the KB gives exactly.

    Each gold incident is compared with the stored incident that holds most of its reports.
    """
    from collections import Counter

    from newsgraph.kb.incidents import current_figures

    right, total = 0, 0
    for item in gold_incidents.values():
        votes: Counter[str] = Counter()
        for report in item["reports"]:
            for (incident_id,) in conn.execute("SELECT DISTINCT incident_id FROM incident_reports "
                                               "WHERE doc_id = ?", (doc_of.get(report),)):
                votes[incident_id] += 1
        for figure, gold_value in (("killed", item.get("killed_current")),
                                   ("injured", item.get("injured_current"))):
            if gold_value is None:
                continue
            total += 1
            if votes:
                _, killed, injured = current_figures(conn, votes.most_common(1)[0][0])
                right += (killed if figure == "killed" else injured) == gold_value
    return {"accuracy": round(right / total, 3) if total else 1.0, "right": right, "total": total}


def evaluate_kb(samples: Path, predictions: Path, records: Path | None = None) -> dict[str, dict[str, float]]:
    """Ingest the demo corpus (or ready ``records``, JSON Lines) into a temporary KB and score it."""
    from newsgraph.kb import open_kb

    with open(samples / "gold" / "kb.json", encoding="utf-8") as handle:
        gold = json.load(handle)
    with tempfile.TemporaryDirectory() as tmp, open_kb(Path(tmp) / "kb.db") as kb:
        if records is not None:
            from newsgraph.record import Document

            with open(records, encoding="utf-8") as handle:
                docs = [Document.from_json(line) for line in handle if line.strip()]
            for start in range(0, len(docs), 32):
                kb.add_batch(docs[start:start + 32])
        else:
            from newsgraph.kb.load import ingest_paths
            from newsgraph.pipeline import Pipeline

            ingest_paths(corpus_inputs(samples), kb, Pipeline())
        scores, predicted = score_kb(kb, gold)
    predictions.parent.mkdir(parents=True, exist_ok=True)
    with open(predictions, "w", encoding="utf-8") as handle:
        json.dump(predicted, handle, ensure_ascii=False, indent=1)
    return scores


def format_kb_report(scores: dict[str, dict[str, float]]) -> str:
    lines = ["| merges | precision | recall | predicted pairs | gold pairs |", "|---|---|---|---|---|"]
    for name in ("reprints", "incidents", "entities"):
        s = scores[name]
        lines.append(f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} "
                     f"| {s['predicted']} | {s['gold']} |")
    figures = scores.get("current_figures")
    if figures:
        lines += ["", "Current killed/injured figures of the gold incidents: "
                      f"{figures['right']}/{figures['total']} exact ({figures['accuracy']:.3f})."]
    return "\n".join(lines)
