"""PolNeAR attribution benchmark: brat files in and out, span scores per type.

Predictions mimic the gold files: ``T`` lines of types Source, Cue, Content (a
Content may have several fragments, ``s e;s e``), an ``Attribution`` trigger on
the cue, and an event line ``E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1``
(``Attribution-no-source`` when there is no source). Sources are the words as
written ("he"), not the resolved speaker. As in PolNeAR, only outermost
attributions are written (no attribution inside another's content).

Scores: per span type, precision/recall/F1 for exact spans (same fragments, once
fragments separated only by spaces are joined) and for soft matches (characters
in common over characters in either >= 0.5; each gold span matched at most once).
Where an article has several annotators' files, the file of the annotator code
that sorts first is used, for every article alike.

Two rows of scores: the attribution finder (``find_attributions``, what PolNeAR
defines: beliefs and stances included) and the record (the attributions whose
quote survives the quotes stage's tidying: no speaker, fragments of fewer than
three words, speech misread inside a quotation are left out of ``quotes``). The
record's are written under ``record/`` beside the finder's files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.extract.quote_cues import Found

SPAN_TYPES = ("Source", "Cue", "Content")
# Soft match: overlap over union of characters at least this (the definition).
SOFT_MATCH_THRESHOLD = 0.5
# Texts per nlp.pipe batch: the corpus articles are short (about 4,000 characters).
PIPE_BATCH = 16

Fragments = tuple[tuple[int, int], ...]


@dataclass
class BratSpan:
    id: str
    type: str
    fragments: Fragments
    text: str = ""


@dataclass
class BratAttribution:
    id: str
    kind: str  # "Attribution" or "Attribution-no-source"
    roles: dict[str, str] = field(default_factory=dict)  # role -> T id


def parse_fragments(spec: str) -> Fragments:
    return tuple(tuple(int(x) for x in part.split()) for part in spec.split(";"))  # type: ignore[misc]


def read_brat(path: Path) -> tuple[list[BratSpan], list[BratAttribution]]:
    spans, events = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("T"):
                parts = line.split("\t")
                if len(parts) < 2:
                    continue
                kind, _, spec = parts[1].partition(" ")
                written = parts[2] if len(parts) > 2 else ""
                spans.append(BratSpan(parts[0], kind, parse_fragments(spec), written))
            elif line.startswith("E"):
                ident, _, rest = line.partition("\t")
                args = [a.split(":", 1) for a in rest.split()]
                if not args:
                    continue
                event = BratAttribution(ident, args[0][0])
                for role, target in args[1:]:
                    event.roles[role] = target
                events.append(event)
    return spans, events


def _fragment_text(text: str, fragments: Fragments) -> str:
    return " ".join(text[s:e] for s, e in fragments)


def _with_colon(text: str, item: Found) -> tuple[int, int]:
    """The cue as PolNeAR marks it: a colon right after a cue word belongs to the cue ("He
    added:", "The statement reads:"; 120 of 130 such cues in PolNeAR train). The extractor's
    own cue stays the words alone."""
    start, end = item.cue
    if item.cue_token is None:
        return start, end
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    return (start, after + 1) if after < len(text) and text[after] == ":" else (start, end)


# Marks that set off an appositive inside a source ("Rosa Lindqvist, deputy director of the
# fund, said"; "Omar Tessaro — a baker from Lake Orvin — said").
_APPOSITIVE_MARKS = (",", "—", "–")


def _with_closing_mark(text: str, source: tuple[int, int]) -> tuple[int, int]:
    """The source as PolNeAR marks it: an appositive's closing comma or dash right after the
    source is part of it when the source holds the opening one (PolNeAR train: 634 of 700
    such sources; a source without an inner comma leaves the comma after it out, 300 of 302).
    The extractor's own source stays the words."""
    start, end = source
    after = end
    while after < len(text) and text[after] == " ":
        after += 1
    if after < len(text) and text[after] in _APPOSITIVE_MARKS and text[after] in text[start:end]:
        if text[after] == "," and after != end:
            return start, end  # a comma is written against the word it follows
        return start, after + 1
    return start, end


def write_brat(path: Path, text: str, attributions: list[Found]) -> None:
    """Write attributions as PolNeAR-style brat annotations."""
    lines: list[str] = []
    counter = {"T": 0, "E": 0}

    def add_span(kind: str, fragments: Fragments) -> str:
        counter["T"] += 1
        spec = ";".join(f"{s} {e}" for s, e in fragments)
        lines.append(f"T{counter['T']}\t{kind} {spec}\t{_fragment_text(text, fragments)}")
        return f"T{counter['T']}"

    for item in attributions:
        if item.nested or not item.content or item.cue[1] <= item.cue[0]:
            continue
        roles = []
        cue = _with_colon(text, item)
        trigger = add_span("Attribution", (cue,))
        roles.append(f"Content:{add_span('Content', tuple(item.content))}")
        roles.append(f"Cue:{add_span('Cue', (cue,))}")
        if item.source is not None:
            roles.append(f"Source:{add_span('Source', (_with_closing_mark(text, item.source),))}")
        kind = "Attribution" if item.source is not None else "Attribution-no-source"
        counter["E"] += 1
        lines.append(f"E{counter['E']}\t{kind}:{trigger} " + " ".join(roles))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + ("\n" if lines else ""))


def normalise(text: str, fragments: Fragments) -> Fragments:
    """Join fragments separated only by whitespace; drop empty ones."""
    merged: list[list[int]] = []
    for start, end in sorted(fragments):
        if end <= start:
            continue
        if merged and not text[merged[-1][1]:start].strip():
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def _chars(fragments: Fragments) -> set[int]:
    return {i for s, e in fragments for i in range(s, e)}


def match_counts(gold: list[Fragments], predicted: list[Fragments]) -> dict[str, int]:
    """Exact and soft matches between two lists of (normalised) spans of one type."""
    exact = 0
    remaining = list(gold)
    for span in predicted:
        if span in remaining:
            remaining.remove(span)
            exact += 1
    soft = 0
    gold_chars = [_chars(g) for g in gold]
    used: set[int] = set()
    for span in predicted:
        chars = _chars(span)
        best, best_ratio = None, SOFT_MATCH_THRESHOLD
        for i, other in enumerate(gold_chars):
            if i in used or not chars or not other:
                continue
            ratio = len(chars & other) / len(chars | other)
            if ratio >= best_ratio and (best is None or ratio > best_ratio):
                best, best_ratio = i, ratio
        if best is not None:
            used.add(best)
            soft += 1
    return {"gold": len(gold), "predicted": len(predicted), "exact": exact, "soft": soft}


def prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def gold_files(data_dir: Path) -> dict[str, Path]:
    """One annotation file per article: the annotator code that sorts first."""
    chosen: dict[str, Path] = {}
    folder = data_dir / "attributions"
    if not folder.is_dir():
        return chosen
    for path in sorted(folder.glob("*.ann")):
        stem, _, _annotator = path.stem.rpartition("_")
        chosen.setdefault(stem, path)
    return chosen


def spans_by_type(text: str, spans: list[BratSpan]) -> dict[str, list[Fragments]]:
    out: dict[str, list[Fragments]] = {kind: [] for kind in SPAN_TYPES}
    for span in spans:
        if span.type in out:
            out[span.type].append(normalise(text, span.fragments))
    return out


def score_files(pairs: list[tuple[str, Path, Path]]) -> dict:
    """Scores over (text, gold .ann, predicted .ann) triples."""
    totals = {kind: {"gold": 0, "predicted": 0, "exact": 0, "soft": 0} for kind in SPAN_TYPES}
    for text, gold_path, predicted_path in pairs:
        gold = spans_by_type(text, read_brat(gold_path)[0])
        predicted = spans_by_type(text, read_brat(predicted_path)[0])
        for kind in SPAN_TYPES:
            counts = match_counts(gold[kind], predicted[kind])
            for key, value in counts.items():
                totals[kind][key] += value
    scores: dict = {"documents": len(pairs)}
    for kind in SPAN_TYPES:
        t = totals[kind]
        scores[kind.lower()] = {"exact": prf(t["exact"], t["predicted"], t["gold"]),
                                "soft": prf(t["soft"], t["predicted"], t["gold"]),
                                "gold": t["gold"], "predicted": t["predicted"]}
    return scores


def evaluate_attribution(data_dir: Path, predictions_dir: Path, limit: int | None = None,
                         only: set[str] | None = None) -> dict:
    """Extract attributions for ``data_dir/text/*.txt`` (those named in ``only``, when given), write
    brat predictions, score when gold exists."""
    from newsgraph.extract.quotes import find_attributions
    from newsgraph.language.model import load_model

    data_dir, predictions_dir = Path(data_dir), Path(predictions_dir)
    predictions_dir.mkdir(parents=True, exist_ok=True)
    text_paths = [path for path in sorted((data_dir / "text").glob("*.txt"))
                  if only is None or path.stem in only][:limit]
    texts = []
    for path in text_paths:
        with open(path, encoding="utf-8") as handle:
            texts.append(handle.read())
    record_dir = predictions_dir / "record"
    record_dir.mkdir(exist_ok=True)
    nlp = load_model()
    for path, text, parsed in zip(text_paths, texts, nlp.pipe(texts, batch_size=PIPE_BATCH), strict=True):
        found, _warnings = find_attributions(text, parsed)
        write_brat(predictions_dir / f"{path.stem}.ann", text, found)
        write_brat(record_dir / f"{path.stem}.ann", text, kept_in_record(text, parsed, found))
    golds = gold_files(data_dir)
    pairs = [(text, golds[path.stem], predictions_dir / f"{path.stem}.ann")
             for path, text in zip(text_paths, texts, strict=True) if path.stem in golds]
    if not pairs:
        return {"documents": len(text_paths), "predictions": str(predictions_dir)}
    scores = score_files(pairs)
    scores["record"] = score_files([(text, gold, record_dir / predicted.name)
                                    for text, gold, predicted in pairs])
    scores["predictions"] = str(predictions_dir)
    return scores


def kept_in_record(text: str, parsed, found: list[Found]) -> list[Found]:
    """The attributions whose quote the quotes stage keeps in the record (same cue, or for a
    quote without a cue the same content start)."""
    from newsgraph.extract.quotes import record_quotes
    from newsgraph.language import entities
    from newsgraph.record import Document

    doc = Document(body=text)
    doc._nlp = parsed
    entities.run(doc)  # speakers link to entities; a quote without a speaker is tidied away
    record_quotes(doc, found)  # the finder's own attributions, not found a second time
    cues = {tuple(q.cue_span) for q in doc.quotes if q.cue_span}
    starts = {q.span[0] for q in doc.quotes}
    return [item for item in found if (tuple(item.cue) in cues if item.cue[1] > item.cue[0]
                                       else bool(item.content) and item.content[0][0] in starts)]


def _score_rows(scores: dict, label: str) -> list[str]:
    rows = []
    for kind in SPAN_TYPES:
        row = scores[kind.lower()]
        e, s = row["exact"], row["soft"]
        rows.append(f"| {kind.lower()}{label} | {e['precision']:.3f} | {e['recall']:.3f} | {e['f1']:.3f} | "
                    f"{s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {row['gold']} | "
                    f"{row['predicted']} |")
    return rows


def format_attribution_report(scores: dict) -> str:
    """Markdown table of the scores (what the CLI prints and docs/ACCURACY.md holds)."""
    if "source" not in scores:
        documents = scores.get("documents", 0)
        return f"PolNeAR attribution: predictions for {documents} documents, no gold to score."
    lines = [f"PolNeAR attribution ({scores['documents']} documents)", "",
             "| span | exact P | exact R | exact F1 | soft P | soft R | soft F1 | gold | predicted |",
             "|---|---|---|---|---|---|---|---|---|"]
    lines += _score_rows(scores, "")
    if "record" in scores:
        lines += _score_rows(scores["record"], " (record)")
    lines.append("")
    if "record" in scores:
        lines.append("(record): the attributions the record's quotes keep after tidying (no speaker, "
                     "fragments under three words and speech misread inside a quotation left out).")
        lines.append("")
    lines.append("Reference (PARC 3.0, exact spans, Citron): cue 0.823, source 0.820, content 0.593 F1.")
    return "\n".join(lines)
