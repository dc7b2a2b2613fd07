"""How far PolNeAR's annotators agree with each other, and newsgraph with them, on the same articles.

A few PolNeAR articles were annotated by several people (five or six files each, ``<article>_<code>.ann``).
Scored with the attribution benchmark's own scorer, one annotator's file against another's tells how
much of a soft F1 the task itself allows: a system cannot be expected to agree with one annotator
more than a second annotator does. Agreement is pooled over every ordered pair of annotators of every
such article, so each pair counts both ways and precision equals recall.

On the same articles, the finder's predictions are scored against each annotator's file in turn
(pooled the same way), so the two figures compare like with like. The articles of PolNeAR train were
seen in training (the cue lexicon and classifier were fitted on train's first annotator files), which
favours newsgraph there.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from pathlib import Path

from newsgraph.eval.attribution import SPAN_TYPES, evaluate_attribution, score_files


def annotator_files(data_dir: Path) -> dict[str, list[Path]]:
    """Article stem -> its annotation files, for the articles with more than one (sorted by code)."""
    by_article: dict[str, list[Path]] = defaultdict(list)
    folder = Path(data_dir) / "attributions"
    for path in sorted(folder.glob("*.ann")):
        stem, _, _annotator = path.stem.rpartition("_")
        by_article[stem].append(path)
    return {stem: paths for stem, paths in by_article.items() if len(paths) > 1}


def _read_text(data_dir: Path, stem: str) -> str:
    with open(Path(data_dir) / "text" / f"{stem}.txt", encoding="utf-8") as handle:
        return handle.read()


def evaluate_agreement(data_dirs: list[Path], predictions_dir: Path) -> dict:
    """Human agreement and newsgraph's agreement with the annotators, per data folder and pooled.

    Returns ``{"folders": [{"name", "articles", "files", "human", "system"}, ...], "all": {...}}``
    where ``human`` and ``system`` are :func:`score_files` results.
    """
    folders, human_pairs_all, system_pairs_all = [], [], []
    for data_dir in data_dirs:
        data_dir = Path(data_dir)
        several = annotator_files(data_dir)
        if not several:
            continue
        out = Path(predictions_dir) / data_dir.name
        evaluate_attribution(data_dir, out, only=set(several))
        human_pairs, system_pairs = [], []
        for stem, paths in several.items():
            text = _read_text(data_dir, stem)
            human_pairs += [(text, gold, other) for gold, other in itertools.permutations(paths, 2)]
            system_pairs += [(text, gold, out / f"{stem}.ann") for gold in paths]
        folders.append({"name": data_dir.name, "articles": len(several),
                        "files": sum(len(paths) for paths in several.values()),
                        "human": score_files(human_pairs), "system": score_files(system_pairs)})
        human_pairs_all += human_pairs
        system_pairs_all += system_pairs
    pooled = None
    if len(folders) > 1:
        pooled = {"name": " + ".join(f["name"] for f in folders),
                  "articles": sum(f["articles"] for f in folders),
                  "files": sum(f["files"] for f in folders),
                  "human": score_files(human_pairs_all), "system": score_files(system_pairs_all)}
    return {"folders": folders, "all": pooled}


def format_agreement_report(result: dict) -> str:
    """Markdown table: soft F1 per span type, annotators against each other and newsgraph against them."""
    rows = result["folders"] + ([result["all"]] if result["all"] else [])
    if not rows:
        return "Annotator agreement: no article has more than one annotator's file."
    header = " | ".join(f"{kind.lower()} soft F1" for kind in SPAN_TYPES)
    lines = [f"| PolNeAR | articles | annotator files | scored against the annotators | {header} |",
             "|---|---:|---:|---|" + "---:|" * len(SPAN_TYPES)]
    for row in rows:
        for label, key in (("another annotator", "human"), ("newsgraph", "system")):
            figures = " | ".join(f"{row[key][kind.lower()]['soft']['f1']:.3f}" for kind in SPAN_TYPES)
            lines.append(f"| {row['name']} | {row['articles']} | {row['files']} | {label} | {figures} |")
    lines += ["", "Every ordered pair of annotators of an article is scored with the benchmark's scorer, "
              "pooled over the articles; newsgraph is scored against each annotator's file in turn. "
              "Train articles were seen in training, which favours newsgraph there."]
    return "\n".join(lines)
