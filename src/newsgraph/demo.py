"""The demo: the bundled corpus through ingest, then a readable summary of what came out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from newsgraph.kb import open_kb
from newsgraph.kb.load import ingest_paths
from newsgraph.pipeline import Pipeline
from newsgraph.record import Document

SHOWN = 8  # rows shown per section
MAX_CHAIN_DEPTH = 4  # relay levels shown under a page's outlet
# Folders of the samples that are not pages to ingest: gold answers, and the
# sources the archives are built from (the archives hold the same pages).
NOT_PAGES = {"gold", "src"}


def _corpus_paths(samples: Path) -> list[Path]:
    paths = []
    for path in sorted(samples.iterdir()):
        if path.is_dir() and path.name not in NOT_PAGES:
            paths += [p for p in sorted(path.iterdir()) if p.name not in NOT_PAGES]
    return paths


def run_demo(samples: Path, db: str) -> Iterator[str]:
    inputs = [str(path) for path in _corpus_paths(samples)]
    with open_kb(db) as kb:
        summary = ingest_paths(inputs, kb, Pipeline())
        yield f"newsgraph demo: {samples}"
        yield from ("  " + line for line in summary.lines())
        docs = list(kb.documents())
        across = list(_across_documents(kb, docs))
    yield ""
    formats = Counter(doc.source.format for doc in docs)
    yield "documents by input kind: " + ", ".join(f"{k} {v}" for k, v in sorted(formats.items()))
    bases = Counter(doc.published_basis for doc in docs)
    yield "publication date from: " + ", ".join(f"{k} {v}" for k, v in sorted(bases.items()))
    removed = Counter(block.kind for doc in docs for block in doc.blocks if not block.kept)
    yield "blocks set aside: " + ", ".join(f"{k} {v}" for k, v in removed.most_common())
    yield ""
    yield "documents:"
    for doc in docs[:SHOWN]:
        yield f"  {doc.published or '----------'}  {doc.id[:12]}  {(doc.title or '(no title)')[:70]}"
    if len(docs) > SHOWN:
        yield f"  ... and {len(docs) - SHOWN} more"
    yield from _extraction_summary(docs)
    yield from across


def _extraction_summary(docs: list[Document]) -> Iterator[str]:
    """What the annotation stages found, summed over the corpus, with a few examples each."""
    yield ""
    yield (f"found: {sum(len(d.entities) for d in docs)} entities, {sum(len(d.dates) for d in docs)} "
           f"dates, {sum(len(d.quantities) for d in docs)} quantities, "
           f"{sum(len(d.quotes) for d in docs)} quotes, {sum(len(d.sources) for d in docs)} sources, "
           f"{sum(len(d.incidents) for d in docs)} incidents")
    actors = Counter(e.name for d in docs for e in d.entities if e.type in ("PERSON", "ORG", "NORP"))
    yield "most reported actors: " + ", ".join(f"{name} ({n})" for name, n in actors.most_common(SHOWN))
    yield ""
    yield "quotes (speaker as resolved / as written):"
    quotes = [(d, q) for d in docs for q in d.quotes if q.kind == "direct" and q.speaker]
    for _, quote in quotes[:SHOWN]:
        as_written = quote.speaker_text
        written = f" / {as_written}" if as_written and as_written != quote.speaker else ""
        yield f"  {quote.speaker}{written} ({quote.cue}): {_short(quote.text)}"
    yield ""
    yield "sources relied on (who relays whom; anonymous marked):"
    relayed = [d for d in docs if any(source.via is not None for source in d.sources)]
    # Pages that relay another outlet's sources (a chain two deep) first: they show the most.
    relayed.sort(key=lambda d: not any(source.via not in (None, 0) for source in d.sources))
    for doc in relayed[:SHOWN // 2]:
        yield f"  {_short(doc.title or doc.id[:12], 70)}:"
        yield from ("    " + line for line in source_chain(doc))
    yield ""
    yield "numbers with qualifiers and claimants:"
    claimed = [q for d in docs for q in d.quantities if q.qualifier != "exact" and q.unit]
    for quantity in claimed[:SHOWN]:
        by = f" — {quantity.claimant_text}" if quantity.claimant_text else ""
        yield f"  {quantity.text} {quantity.unit} [{quantity.qualifier} {quantity.low}-{quantity.high}]{by}"


def source_chain(doc: Document) -> list[str]:
    """A page's sources as a tree: each one under the source that relays it ("via")."""
    children: dict[int | None, list[int]] = {}
    for index, source in enumerate(doc.sources):
        parent = source.via if source.via is not None and 0 <= source.via < len(doc.sources) else None
        children.setdefault(None if parent == index else parent, []).append(index)
    lines: list[str] = []
    shown: set[int] = set()

    def show(index: int, depth: int) -> None:
        source = doc.sources[index]
        shown.add(index)
        mark = ", anonymous" if source.anonymous else ""
        lines.append(f"{'  ' * depth}{'<- ' if depth else ''}{source.name} ({source.kind}{mark})")
        for child in children.get(index, []):
            if child not in shown and depth < MAX_CHAIN_DEPTH:
                show(child, depth + 1)

    for index in children.get(None, []):
        show(index, 0)
    for index in range(len(doc.sources)):  # in a relay cycle (bad data) nobody is on top
        if index not in shown:
            show(index, 0)
    return lines


def _across_documents(kb, docs: list[Document]) -> Iterator[str]:
    """The knowledge base's view: one incident per event with its report history, copies, actors."""
    from newsgraph.kb import queries

    titles = {doc.id: doc.title or doc.id[:12] for doc in docs}
    yield ""
    yield "incidents across reports (figures as each report gave them; the latest is current):"
    for incident in queries.incidents(kb.conn):
        if len(incident["reports"]) < 2:
            continue
        place = incident["location"].get("name") or "?"
        yield (f"  {incident['date'] or '?'}  {incident['type']} in {place}: "
               f"{len(incident['reports'])} reports, now {incident['killed']} killed, "
               f"{incident['injured']} injured")
        history = [f"{r['published']}: {r['killed'] if r['killed'] is not None else '-'}/"
                   f"{r['injured'] if r['injured'] is not None else '-'}"
                   + ("" if r.get("independent", True) else " (copy)") for r in incident["reports"]]
        yield "      killed/injured by report: " + ", ".join(history)
    yield ""
    yield "republished copies:"
    for pair in queries.reprints(kb.conn):
        copy = _short(titles.get(pair["copy"], pair["copy"]), 50)
        original = _short(titles.get(pair["original"], pair["original"]), 50)
        yield f"  {copy} copies {original} ({pair['coverage']:.0%} reused)"


def _count(count) -> str:
    if count.low is None and count.high is None:
        return "-"
    if count.qualifier in (None, "exact"):
        return str(count.low)
    return f"{count.qualifier} {count.low if count.low is not None else count.high}"


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
