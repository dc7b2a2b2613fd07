"""NewsQuant: quantities in news sentences, scored as the CQE evaluation does.

Predictions are written in the gold file's own shape, one entry per sentence:
``{text, quantities: [{value, unit, normalized_unit, change}]}``; value is a number
or "low - high" for a range, change one of = ~ > < up down.

Scoring, per sentence: a predicted quantity matches a gold one when the values
agree (ranges need both ends, numbers compared with a relative tolerance of 1e-5);
each gold and each predicted quantity is matched at most once. value+unit also
needs the normalised units to agree. Precision = matches / predicted, recall =
matches / gold, over the whole file.

Unit normalisation (ours, to compare with the gold ``normalized_unit``): money
-> currency name ("dollar", "pound sterling"), percentages -> "percentage",
units of measure -> singular British-spelt name ("kilometre"), ages ->
"year of age", counted nouns -> lowercased singular ("heart transplants" ->
"heart transplant"); no unit -> "-".
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from newsgraph.extract import quantity_units as units
from newsgraph.extract.quantities import find_quantities
from newsgraph.extract.quantity_scan import change_direction
from newsgraph.record import Quantity

ANCHORS = {"CQE": (0.920, 0.856), "quantulum3": (0.730, 0.472)}
_CHANGE = {"exact": "=", "about": "~", "more_than": ">", "at_least": ">", "less_than": "<",
           "at_most": "<", "range": "="}
REL_TOLERANCE = 1e-5
_IRREGULAR = {"people": "people", "feet": "foot", "men": "man", "women": "woman",
              "children": "child", "teeth": "tooth", "mice": "mouse", "series": "series",
              "news": "news", "species": "species"}


def evaluate_quantities(gold_path: Path, predictions_path: Path, nlp: Any = None) -> dict:
    """Extract quantities from every gold sentence, write predictions, return the scores."""
    with open(gold_path, encoding="utf-8") as handle:
        gold = json.load(handle)
    texts = [entry["text"] for entry in gold]
    if nlp is None:
        from newsgraph.language.model import load_model

        nlp = load_model()
    predictions = []
    for text, sdoc in zip(texts, nlp.pipe(texts, batch_size=64), strict=True):
        lemmas = {t.lower_: t.lemma_.lower() for t in sdoc if t.is_alpha}
        predictions.append({"text": text, "quantities": [
            to_newsquant(q, text, lemmas) for q in find_quantities(text, sdoc)]})
    predictions_path = Path(predictions_path)
    predictions_path.parent.mkdir(parents=True, exist_ok=True)
    with open(predictions_path, "w", encoding="utf-8") as handle:
        json.dump(predictions, handle, ensure_ascii=False, indent=1)
    return score(gold, predictions)


def to_newsquant(quantity: Quantity, text: str, lemmas: dict[str, str] | None = None) -> dict:
    """One record ``Quantity`` in NewsQuant's shape."""
    vague = getattr(quantity, "_vague_base", None)
    if vague is not None:
        # NewsQuant writes "dozens" as 12-120 and "hundreds" as 100-1000: one order of magnitude.
        value: Any = f"{vague} - {vague * 10}"
        change = "="
    elif quantity.qualifier == "range":
        low, high = quantity.low, quantity.high
        if getattr(quantity, "_descending", False):
            low, high = high, low
        value = f"{low} - {high}"
        change = "="
    else:
        value = quantity.low if quantity.low is not None else quantity.high
        change = _CHANGE[quantity.qualifier]
    direction = change_direction(text, quantity.span[0])
    if direction:
        change = direction
    return {"value": value, "unit": quantity.unit or "-",
            "normalized_unit": normalize_unit(quantity.unit, lemmas), "change": change}


def normalize_unit(unit: str | None, lemmas: dict[str, str] | None = None) -> str:
    """Our unit in NewsQuant's ``normalized_unit`` vocabulary.

    ``lemmas`` maps words of the sentence to the parser's lemmas ("best" -> "good").
    """
    if not unit:
        return "-"
    if " per " in unit:
        head, _, rest = unit.partition(" per ")
        return f"{normalize_unit(head, lemmas)} per {normalize_unit(rest, lemmas)}"
    if unit.isupper() and len(unit) == 3:
        return units.currency_name(unit)
    if unit in (units.PERCENT, "percentage points"):
        return "percentage"
    if unit.endswith(" old"):
        return unit.split()[0].rstrip("s") + " of age"
    measure = units.measure_unit(unit, glued=True)
    if measure:
        return measure
    words = unit.lower().split()
    if lemmas:
        return " ".join(lemmas.get(w, w) for w in words[:-1]) + (" " if len(words) > 1 else "") \
            + (lemmas[words[-1]] if words[-1] in lemmas else _singular(words[-1]))
    words[-1] = _singular(words[-1])
    return " ".join(words)


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _value(raw: Any) -> float | tuple[float, float]:
    if isinstance(raw, (int, float)):
        return float(raw)
    text = str(raw).strip()
    if "E" not in text and not text.startswith("-") and "-" in text:
        low, high = text.split("-", 1)
        return float(low), float(high)
    return float(text)


def _same_value(a: float | tuple, b: float | tuple) -> bool:
    if isinstance(a, tuple) != isinstance(b, tuple):
        return False
    if isinstance(a, tuple):
        return all(math.isclose(x, y, rel_tol=REL_TOLERANCE, abs_tol=1e-8) for x, y in zip(a, b, strict=True))
    return math.isclose(a, b, rel_tol=REL_TOLERANCE, abs_tol=1e-8)


def _matches(gold: list[dict], predicted: list[dict], with_unit: bool) -> int:
    used: set[int] = set()
    count = 0
    for g in gold:
        g_value, g_unit = _value(g["value"]), str(g.get("normalized_unit", "-")).lower()
        for k, p in enumerate(predicted):
            if k in used or not _same_value(g_value, _value(p["value"])):
                continue
            if with_unit and str(p.get("normalized_unit", "-")).lower() != g_unit:
                continue
            used.add(k)
            count += 1
            break
    return count


def _prf(correct: int, gold: int, predicted: int) -> tuple[float, float, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 3), round(recall, 3), round(f1, 3)


def score(gold: list[dict], predictions: list[dict]) -> dict:
    n_gold = n_pred = value_hits = unit_hits = 0
    for g_entry, p_entry in zip(gold, predictions, strict=True):
        g_list, p_list = g_entry["quantities"], p_entry["quantities"]
        n_gold += len(g_list)
        n_pred += len(p_list)
        value_hits += _matches(g_list, p_list, with_unit=False)
        unit_hits += _matches(g_list, p_list, with_unit=True)
    vp, vr, vf = _prf(value_hits, n_gold, n_pred)
    up, ur, uf = _prf(unit_hits, n_gold, n_pred)
    return {"value_precision": vp, "value_recall": vr, "value_f1": vf, "unit_precision": up,
            "unit_recall": ur, "unit_f1": uf, "gold_quantities": n_gold,
            "predicted_quantities": n_pred, "sentences": len(gold)}


def format_quantities_report(scores: dict) -> str:
    """Markdown table of our scores beside the published anchors (full NewsQuant)."""
    lines = ["| system | value P | value R | value F1 | value+unit F1 |",
             "|---|---|---|---|---|",
             f"| newsgraph | {scores['value_precision']:.3f} | {scores['value_recall']:.3f} | "
             f"{scores['value_f1']:.3f} | {scores['unit_f1']:.3f} |"]
    for name, (value_f1, unit_f1) in ANCHORS.items():
        lines.append(f"| {name} (published) | | | {value_f1:.3f} | {unit_f1:.3f} |")
    lines.append(f"\n{scores['sentences']} sentences, {scores['gold_quantities']} gold quantities, "
                 f"{scores['predicted_quantities']} predicted.")
    return "\n".join(lines)
