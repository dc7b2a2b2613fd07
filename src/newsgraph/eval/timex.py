"""TempEval-3 style scoring of temporal expressions on TimeML files (TimeBank, AQUAINT).

For each ``*.tml`` / ``*.TE3input`` file: the creation time comes from the DCT
TIMEX3, the text is TEXT with every tag removed, ``find_dates`` runs over it,
and ``<predictions_dir>/<DOCID>.tml`` gets the document back with our TIMEX3
tags in TEXT (so TempEval-3's own scorer can be run on it). Where the input has
gold TIMEX3 tags in TEXT they are scored: strict span (exact offsets), relaxed
span (any overlap, one-to-one), and value and type, each an attribute match
over the relaxed pairs: precision = correct / predicted, recall = correct / gold.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.extract.dates import find_dates
from newsgraph.record import DateMention

ANCHORS = {"HeidelTime (TE3 platinum)": 0.776, "SUTime (TE3 platinum)": 0.674}

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)((?:\s[^>]*)?)/?>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')


@dataclass
class Timex:
    start: int
    end: int
    type: str
    value: str | None


@dataclass
class TimeMLDocument:
    doc_id: str
    dct: str | None
    text: str
    gold: list[Timex] = field(default_factory=list)
    header: str = ""  # the source up to and including <TEXT>


def _attributes(raw: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(raw)}


def read_timeml(path: Path) -> TimeMLDocument:
    """Parse one TimeML file: DOCID, DCT value, TEXT without tags, and the gold TIMEX3 in TEXT."""
    source = path.read_text(encoding="utf-8")
    doc_id_match = re.search(r"<DOCID>\s*(.*?)\s*</DOCID>", source, re.S)
    doc_id = doc_id_match.group(1) if doc_id_match else path.name.split(".tml")[0].split(".TE3input")[0]
    dct = None
    for m in re.finditer(r"<TIMEX3\b([^>]*)>", source):
        attrs = _attributes(m.group(1))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value")
            break
    open_match = re.search(r"<TEXT>", source)
    close_index = source.rfind("</TEXT>")
    if open_match is None or close_index < open_match.end():
        return TimeMLDocument(doc_id, dct, "", [], source)
    inner = source[open_match.end():close_index]
    pieces: list[str] = []
    length = 0
    gold: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    position = 0
    for m in _TAG.finditer(inner):
        chunk = html.unescape(inner[position:m.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = m.end()
        closing, name = m.group(1) == "/", m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, _attributes(m.group(3)))
        elif open_timex is not None:
            start, attrs = open_timex
            gold.append(Timex(start, length, attrs.get("type", "DATE"), attrs.get("value")))
            open_timex = None
    pieces.append(html.unescape(inner[position:]))
    return TimeMLDocument(doc_id, dct, "".join(pieces), gold, source[:open_match.end()])


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def write_predictions(doc: TimeMLDocument, mentions: list[DateMention], path: Path) -> None:
    """The document with our TIMEX3 tags in TEXT (other TEXT tags dropped, header and DCT kept)."""
    parts = [doc.header]
    position = 0
    for number, mention in enumerate(sorted(mentions, key=lambda m: m.span[0]), start=1):
        start, end = mention.span
        parts.append(_escape(doc.text[position:start]))
        value = html.escape(mention.value or "", quote=True)
        parts.append(f'<TIMEX3 tid="t{number}" type="{mention.type}" value="{value}">'
                     f"{_escape(doc.text[start:end])}</TIMEX3>")
        position = end
    parts.append(_escape(doc.text[position:]))
    parts.append("</TEXT>\n\n</TimeML>\n")
    path.write_text("".join(parts), encoding="utf-8")


def _timeml_files(data_dir: Path) -> list[Path]:
    files = [p for p in data_dir.rglob("*") if p.is_file() and p.name.endswith((".tml", ".TE3input"))]
    return sorted(files)


@dataclass
class _Counts:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed_gold: int = 0
    relaxed_predicted: int = 0
    value: int = 0
    type: int = 0


def score_document(gold: list[Timex], predicted: list[Timex], counts: _Counts) -> None:
    counts.gold += len(gold)
    counts.predicted += len(predicted)
    exact = {(p.start, p.end) for p in predicted}
    counts.strict += sum((g.start, g.end) in exact for g in gold)
    used: set[int] = set()
    matched_predicted: set[int] = set()
    for g in gold:
        for i, p in enumerate(predicted):
            if i in used or not (p.start < g.end and g.start < p.end):
                continue
            used.add(i)
            matched_predicted.add(i)
            counts.relaxed_gold += 1
            counts.value += (p.value or "") == (g.value or "")
            counts.type += p.type == g.type
            break
    counts.relaxed_predicted += len(matched_predicted)


def _prf(correct_p: int, predicted: int, correct_r: int, gold: int) -> tuple[float, float, float]:
    precision = correct_p / predicted if predicted else 0.0
    recall = correct_r / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 4), round(recall, 4), round(f1, 4)


def _parse_all(texts: list[str], use_model: bool) -> list[Any]:
    if not use_model:
        return [None] * len(texts)
    from newsgraph.language.model import load_model

    nlp = load_model()
    return list(nlp.pipe(texts, batch_size=16))


def evaluate_timex(data_dir: Path, predictions_dir: Path, limit: int | None = None,
                   use_model: bool = True) -> dict:
    """Run ``find_dates`` over every TimeML file under ``data_dir``, write predictions, score them."""
    data_dir, predictions_dir = Path(data_dir), Path(predictions_dir)
    files = _timeml_files(data_dir)
    if limit is not None:
        files = files[:limit]
    predictions_dir.mkdir(parents=True, exist_ok=True)
    documents = [read_timeml(path) for path in files]
    parses = _parse_all([d.text for d in documents], use_model)
    counts = _Counts()
    scored = 0
    for doc, sdoc in zip(documents, parses, strict=True):
        published = doc.dct[:10] if doc.dct else None
        mentions = find_dates(doc.text, published, sdoc)
        write_predictions(doc, mentions, predictions_dir / f"{doc.doc_id}.tml")
        if doc.gold:
            scored += 1
            predicted = [Timex(m.span[0], m.span[1], m.type, m.value) for m in mentions]
            score_document(doc.gold, predicted, counts)
    strict = _prf(counts.strict, counts.predicted, counts.strict, counts.gold)
    relaxed = _prf(counts.relaxed_predicted, counts.predicted, counts.relaxed_gold, counts.gold)
    value = _prf(counts.value, counts.predicted, counts.value, counts.gold)
    type_ = _prf(counts.type, counts.predicted, counts.type, counts.gold)
    scores: dict[str, Any] = {"documents": len(documents), "scored_documents": scored,
                              "gold": counts.gold, "predicted": counts.predicted}
    for name, (p, r, f) in (("strict", strict), ("relaxed", relaxed), ("value", value), ("type", type_)):
        scores[f"{name}_precision"], scores[f"{name}_recall"], scores[f"{name}_f1"] = p, r, f
    return scores


def format_timex_report(scores: dict) -> str:
    """A short Markdown table of the scores, with the published anchors beside them."""
    lines = [
        f"TempEval-3 temporal expressions: {scores.get('documents', 0)} documents, "
        f"{scores.get('gold', 0)} gold TIMEX3, {scores.get('predicted', 0)} predicted",
        "",
        "| measure | precision | recall | F1 |",
        "|---|---|---|---|",
    ]
    for name, label in (("strict", "span (strict)"), ("relaxed", "span (relaxed)"),
                        ("value", "value"), ("type", "type")):
        lines.append(f"| {label} | {scores.get(name + '_precision', 0.0):.3f} | "
                     f"{scores.get(name + '_recall', 0.0):.3f} | {scores.get(name + '_f1', 0.0):.3f} |")
    anchors = ", ".join(f"{name} {value:.3f}" for name, value in ANCHORS.items())
    lines += ["", f"Value F1 anchors: {anchors}."]
    return "\n".join(lines)
