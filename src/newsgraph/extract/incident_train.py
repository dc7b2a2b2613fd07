"""Rebuild the incident role lexicon (``models/incident_roles.json``) from MUC-4 train.

For each role (PerpInd, PerpOrg, Target, Weapon) every annotated mention is
normalised and scored by the share of training documents containing the phrase
in which it was that role's filler. Victim and target mention head words give
``_victim_heads``: how often a head noun was a victim (a person) rather than a
target (a thing). Counting only, so the result is deterministic; ``seed`` is
accepted for a uniform training interface and has no effect.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

# A phrase must be a filler in at least this many training documents to be kept
# (one-off names would only fit the documents they came from).
MIN_DOCUMENTS = 3
ROLES = ("PerpInd", "PerpOrg", "Target", "Weapon")
_NON_WORD = re.compile(r"[^\w\s]")
_ARTICLES = re.compile(r"\b(?:a|an|the)\b")


def normalise_mention(text: str) -> str:
    text = _NON_WORD.sub(" ", text.lower())
    return " ".join(_ARTICLES.sub(" ", text).split())


def train_incidents(data_dir: Path, out_path: Path, seed: int = 0) -> dict:
    """Count role fillers in ``data_dir/train.jsonl`` and write the lexicon JSON to ``out_path``."""
    del seed  # counting is deterministic
    rows = [json.loads(line) for line in (Path(data_dir) / "train.jsonl").open(encoding="utf-8")]
    filler_docs: dict[str, Counter] = {role: Counter() for role in ROLES}
    victim_heads: Counter = Counter()
    target_heads: Counter = Counter()
    for row in rows:
        seen: dict[str, set[str]] = {role: set() for role in ROLES}
        for template in row["templates"]:
            for role in ROLES:
                for entity in template.get(role) or []:
                    for mention, _offset in entity:
                        seen[role].add(normalise_mention(mention))
            for entity in template.get("Victim") or []:
                victim_heads[normalise_mention(entity[0][0]).split(" ")[-1]] += 1
            for entity in template.get("Target") or []:
                target_heads[normalise_mention(entity[0][0]).split(" ")[-1]] += 1
        for role in ROLES:
            filler_docs[role].update(p for p in seen[role] if p)
    texts = [" " + normalise_mention(row["doctext"]) + " " for row in rows]
    lexicon: dict[str, dict[str, float]] = {}
    for role in ROLES:
        entries: dict[str, float] = {}
        for phrase, count in sorted(filler_docs[role].items()):
            if count < MIN_DOCUMENTS or len(phrase) < 3:
                continue
            present = sum(1 for text in texts if f" {phrase} " in text)
            entries[phrase] = round(count / max(present, count), 3)
        lexicon[role] = entries
    heads = {}
    for head in sorted(set(victim_heads) | set(target_heads)):
        total = victim_heads[head] + target_heads[head]
        if total >= MIN_DOCUMENTS:
            heads[head] = round(victim_heads[head] / total, 3)
    lexicon["_victim_heads"] = heads
    model = {"note": "Role lexicon learned from MUC-4 train (newsgraph.extract.incident_train).",
             "min_documents": MIN_DOCUMENTS, "lexicon": lexicon}
    Path(out_path).parent.mkdir(parents=True, exist_ok=True)
    Path(out_path).write_text(json.dumps(model, indent=0, sort_keys=True), encoding="utf-8")
    return model
