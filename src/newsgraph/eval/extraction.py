"""The article-extraction benchmark: body text of news pages, scored by shingles.

Data (``../shared/datasets/extraction``): ``text/<id>.txt`` (the page rendered to
plain text by inscriptis), ``html/<id>.html.gz`` (the saved page) and
``ground-truth.json`` (id -> {articleBody, url}).

The score follows the benchmark's own scorer: texts are cut into word tokens
(runs of ``\\w``), a document's 4-token shingles are compared as multisets
(a text shorter than four tokens is one shorter shingle); per document
tp/fp/fn are counted and normalised to sum to one; precision is averaged over
the documents with a nonempty prediction, recall over those with a nonempty
truth (an empty prediction thus lowers recall, not precision); F1 is taken
from the two averages. Predictions are written in the benchmark's submission
format, ``{id: {"articleBody": text}}``, so its scorer can be run on them.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1))


def match_counts(truth: str, prediction: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one document's shingles."""
    true_sh, pred_sh = shingles(truth), shingles(prediction)
    tp = sum((true_sh & pred_sh).values())
    fp = sum((pred_sh - true_sh).values())
    fn = sum((true_sh - pred_sh).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def score(truths: dict[str, str], predictions: dict[str, str]) -> dict[str, float]:
    """Averaged shingle precision, recall and F1 over the documents of ``truths``."""
    counts = [match_counts(truths[key], predictions.get(key, "")) for key in truths]
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "documents": len(counts)}


def read_page(data_dir: Path, doc_id: str, input_kind: str) -> str:
    if input_kind == "text":
        with open(data_dir / "text" / f"{doc_id}.txt", encoding="utf-8") as handle:
            return handle.read()
    if input_kind == "html":
        with gzip.open(data_dir / "html" / f"{doc_id}.html.gz", "rb") as handle:
            raw = handle.read()
        from newsgraph.ingest.decode import decode_bytes

        decoded = decode_bytes(raw)
        return decoded[0] if isinstance(decoded, tuple) else decoded
    raise ValueError(f"input kind must be 'text' or 'html'; got {input_kind!r}")


def text_extractor(page: str) -> str:
    from newsgraph.clean.textblocks import classify_text

    return classify_text(page).body


def html_extractor(page: str) -> str:
    """The project's HTML cleaner; a page it cannot clean gives an empty body."""
    from newsgraph.clean import clean_page
    from newsgraph.ingest.readers import RawPage

    try:
        result = clean_page(RawPage(content=page, kind="html", origin="html"))
    except Exception:  # a cleaner bug on one page is scored as that page's empty body
        return ""
    return getattr(result, "body", "") or ""


def uncleaned_extractor(page: str) -> str:
    """The baseline: the whole dump, as a crawler stores it."""
    return page


def trafilatura_extractor(page: str) -> str:
    """Anchor: trafilatura on the saved HTML, comments excluded."""
    import trafilatura

    return trafilatura.extract(page, include_comments=False) or ""


DEFAULT_EXTRACTORS: dict[str, Callable[[str], str]] = {"text": text_extractor, "html": html_extractor}


def evaluate_extraction(data_dir: Path, input_kind: str, predictions_path: Path,
                        extractor: Callable[[str], str] | None = None,
                        label: str | None = None) -> dict:
    """Run ``extractor`` over every page, write the predictions, return the scores."""
    data_dir = Path(data_dir)
    if input_kind not in DEFAULT_EXTRACTORS:
        raise ValueError(f"input kind must be 'text' or 'html'; got {input_kind!r}")
    extract = extractor or DEFAULT_EXTRACTORS[input_kind]
    with open(data_dir / "ground-truth.json", encoding="utf-8") as handle:
        truth = {key: value.get("articleBody") or "" for key, value in json.load(handle).items()}
    predictions: dict[str, str] = {}
    for doc_id in sorted(truth):
        predictions[doc_id] = extract(read_page(data_dir, doc_id, input_kind))
    predictions_path = Path(predictions_path)
    predictions_path.parent.mkdir(parents=True, exist_ok=True)
    with open(predictions_path, "w", encoding="utf-8") as handle:
        json.dump({key: {"articleBody": body} for key, body in predictions.items()}, handle,
                  ensure_ascii=False, indent=1)
    scores = score(truth, predictions)
    scores["input"] = input_kind if label is None else label
    return scores


def evaluate_all(data_dir: Path, predictions_dir: Path) -> list[dict]:
    """The project's text and HTML rows with the uncleaned baseline and trafilatura anchor."""
    predictions_dir = Path(predictions_dir)
    runs = [
        ("text", "text (uncleaned dump)", uncleaned_extractor, "uncleaned"),
        ("text", "text (newsgraph)", None, "text"),
        ("html", "html (newsgraph)", None, "html"),
        ("html", "html (trafilatura anchor)", trafilatura_extractor, "trafilatura"),
    ]
    return [evaluate_extraction(data_dir, kind, predictions_dir / f"extraction-{name}.json",
                                extractor, label) for kind, label, extractor, name in runs]


def format_extraction_report(results: list[dict]) -> str:
    """Markdown table: input, documents, precision, recall, F1."""
    lines = ["| input | documents | precision | recall | F1 |", "|---|---:|---:|---:|---:|"]
    for row in results:
        lines.append(f"| {row['input']} | {row['documents']} | {row['precision']:.3f} "
                     f"| {row['recall']:.3f} | {row['f1']:.3f} |")
    return "\n".join(lines)
