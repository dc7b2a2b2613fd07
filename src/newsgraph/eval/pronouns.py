"""Pronoun resolution on the demo corpus: samples/gold/pronouns.json.

Items are ``{file, sentence, pronoun, occurrence, antecedent}``: the pronoun's
``occurrence``-th appearance (counted from 1, as a whole word, case-insensitive)
inside ``sentence``, in the body of ``file``. The body is
``samples/gold/bodies/<stem>.txt`` when present, else the cleaned page (``file#N``:
the N-th page, from 1, of an archive or JSON Lines export). Every
item is resolved with the speaker resolver (``speakers``), whether or not the
quote extractor found a quote for it, so the score measures resolution alone.
A resolution is right when it equals the antecedent (case, articles and
punctuation aside) or one contains the other as whole words ("Lopez" for
"Maria Lopez"); ``exact`` counts equal strings only.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from newsgraph.extract.quote_cues import Found

_WORDS = re.compile(r"[\w’'-]+")


def _normal(text: str | None) -> str:
    words = [w.lower() for w in _WORDS.findall(text or "")]
    return " ".join(w for w in words if w not in ("the", "a", "an"))


def answers_match(predicted: str | None, gold: str) -> bool:
    p, g = _normal(predicted), _normal(gold)
    if not p or not g:
        return False
    return p == g or f" {p} " in f" {g} " or f" {g} " in f" {p} "


def _body(samples_dir: Path, file: str) -> str:
    stem = Path(file).stem
    gold_body = samples_dir / "gold" / "bodies" / f"{stem}.txt"
    if gold_body.exists():
        with open(gold_body, encoding="utf-8") as handle:
            return handle.read()
    from newsgraph.clean import clean_page
    from newsgraph.ingest.readers import Failure, read_paths

    # "archive/crawl.warc.gz#2": the second page of an archive or JSON Lines export
    name, _, record = file.partition("#")
    wanted = int(record) if record.isdigit() else 1
    path = samples_dir / name if (samples_dir / name).exists() else samples_dir / "text" / name
    pages = (raw for raw in read_paths([str(path)]) if not isinstance(raw, Failure))
    for number, raw in enumerate(pages, start=1):
        if number == wanted:
            cleaned = clean_page(raw)
            return getattr(cleaned, "body", "") or ""
    return ""


def locate(body: str, sentence: str, pronoun: str, occurrence: int) -> int | None:
    """Character offset of the pronoun in the body, or None when the sentence is not there."""
    where = body.find(sentence)
    if where < 0:
        # tolerate differences in spacing
        pattern = r"\s+".join(re.escape(part) for part in sentence.split())
        match = re.search(pattern, body)
        if match is None:
            return None
        where, sentence = match.start(), match.group(0)
    hits = [m.start() for m in re.finditer(rf"\b{re.escape(pronoun)}\b", sentence, re.IGNORECASE)]
    index = max(occurrence, 1) - 1
    return where + hits[index] if index < len(hits) else None


def evaluate_pronouns(samples_dir: Path) -> dict:
    """Accuracy of resolved speakers for the gold pronoun items."""
    from newsgraph.extract.quotes import find_attributions
    from newsgraph.extract.speakers import resolve_speakers
    from newsgraph.language.model import load_model
    from newsgraph.record import Document

    samples_dir = Path(samples_dir)
    with open(samples_dir / "gold" / "pronouns.json", encoding="utf-8") as handle:
        items = json.load(handle)
    by_file: dict[str, list[dict]] = {}
    for item in items:
        by_file.setdefault(item["file"], []).append(item)
    nlp = load_model()
    results = []
    for file, file_items in by_file.items():
        body = _body(samples_dir, file)
        doc = Document(body=body)
        doc._nlp = nlp(body)
        found, _ = find_attributions(body, doc._nlp)
        probes: list[tuple[dict, int | None]] = []
        for item in file_items:
            position = locate(body, item["sentence"], item["pronoun"], int(item.get("occurrence", 1)))
            token = None
            if position is not None:
                token = doc._nlp.char_span(position, position + len(item["pronoun"]))
            if token is None:
                probes.append((item, None))
                continue
            found.append(Found(cue=(position, position), source=(position, position + len(item["pronoun"])),
                               source_token=token[0].i))
            probes.append((item, len(found) - 1))
        speakers = resolve_speakers(doc, found)
        for item, index in probes:
            predicted = speakers[index].name if index is not None else None
            results.append({"file": file, "pronoun": item["pronoun"], "gold": item["antecedent"],
                            "predicted": predicted, "correct": answers_match(predicted, item["antecedent"]),
                            "exact": _normal(predicted) == _normal(item["antecedent"]),
                            "located": index is not None})
    total = len(results)
    correct = sum(r["correct"] for r in results)
    return {"items": total, "correct": correct, "accuracy": round(correct / total, 4) if total else 0.0,
            "exact": sum(r["exact"] for r in results),
            "not_located": sum(not r["located"] for r in results), "details": results}


def format_pronoun_report(scores: dict) -> str:
    """Markdown table of the pronoun scores."""
    return "\n".join([
        "Pronoun resolution (samples/gold/pronouns.json)", "",
        "| items | correct | accuracy | exact strings | not located |", "|---|---|---|---|---|",
        f"| {scores['items']} | {scores['correct']} | {scores['accuracy']:.3f} | {scores['exact']} | "
        f"{scores['not_located']} |"])
