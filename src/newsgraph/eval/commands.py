"""`newsgraph eval ...`: each benchmark as a subcommand, and `eval all` writing docs/ACCURACY.md.

Each subcommand is a thin wrapper: the library function writes predictions in
the benchmark's own format and returns scores; the formatter prints them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import click

from newsgraph.paths import DATASETS, DOCS, REPO_ROOT, SAMPLES

DEFAULT_OUT = REPO_ROOT / "out" / "eval"
# The PolNeAR folders whose articles with several annotators measure the annotators' agreement.
AGREEMENT_DATA = [DATASETS / "polnear" / "train", DATASETS / "polnear" / "dev"]

_dir = click.Path(exists=True, file_okay=False, path_type=Path)
_file = click.Path(exists=True, dir_okay=False, path_type=Path)
_out = click.Path(path_type=Path)


@click.group(name="eval")
def eval_group() -> None:
    """Benchmark scores on the sets in ../shared/datasets."""


@eval_group.command()
@click.option("--data", type=_dir, default=DATASETS / "extraction", show_default=True)
@click.option("--input", "input_kind", type=click.Choice(["text", "html"]), default="text", show_default=True)
@click.option("--predictions", type=_out, default=DEFAULT_OUT / "extraction.json", show_default=True)
def extraction(data: Path, input_kind: str, predictions: Path) -> None:
    """Article body extraction (the benchmark's shingle P/R/F1)."""
    from newsgraph.eval.extraction import evaluate_extraction, format_extraction_report

    click.echo(format_extraction_report([evaluate_extraction(data, input_kind, predictions)]))


@eval_group.command()
@click.option("--data", type=_dir, default=DATASETS / "tempeval3" / "TBAQ-cleaned", show_default=True)
@click.option("--predictions", type=_out, default=DEFAULT_OUT / "timex", show_default=True)
@click.option("--limit", type=int, default=None, help="Only the first N documents.")
def timex(data: Path, predictions: Path, limit: int | None) -> None:
    """Temporal expressions, TempEval-3 span and value F1."""
    from newsgraph.eval.timex import evaluate_timex, format_timex_report

    click.echo(format_timex_report(evaluate_timex(data, predictions, limit=limit)))


@eval_group.command()
@click.option("--gold", type=_file, default=DATASETS / "newsquant" / "newsquant.json", show_default=True)
@click.option("--predictions", type=_out, default=DEFAULT_OUT / "newsquant.json", show_default=True)
def quantities(gold: Path, predictions: Path) -> None:
    """Quantities in news sentences (NewsQuant value and value+unit F1)."""
    from newsgraph.eval.newsquant import evaluate_quantities, format_quantities_report

    click.echo(format_quantities_report(evaluate_quantities(gold, predictions)))


@eval_group.command()
@click.option("--data", type=_dir, default=DATASETS / "polnear" / "dev", show_default=True)
@click.option("--predictions", type=_out, default=DEFAULT_OUT / "attribution", show_default=True)
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
def attribution(data: Path, predictions: Path, limit: int | None) -> None:
    """Attribution spans (PolNeAR source, cue, content; exact and soft F1)."""
    from newsgraph.eval.attribution import evaluate_attribution, format_attribution_report

    click.echo(format_attribution_report(evaluate_attribution(data, predictions, limit=limit)))


@eval_group.command()
@click.option("--data", type=_dir, multiple=True, default=AGREEMENT_DATA, show_default=True)
@click.option("--predictions", type=_out, default=DEFAULT_OUT / "agreement", show_default=True)
def agreement(data: tuple[Path, ...], predictions: Path) -> None:
    """Attribution: PolNeAR annotators against each other, and newsgraph against them, on the
    articles several people annotated."""
    from newsgraph.eval.agreement import evaluate_agreement, format_agreement_report

    click.echo(format_agreement_report(evaluate_agreement(list(data), predictions)))


@eval_group.command()
@click.option("--gold", type=_file, default=DATASETS / "muc4" / "dev.jsonl", show_default=True)
@click.option("--predictions", type=_out, default=DEFAULT_OUT / "muc4.json", show_default=True)
@click.option("--limit", type=int, default=None, help="Only the first N documents.")
def muc4(gold: Path, predictions: Path, limit: int | None) -> None:
    """MUC-4 incident templates (GTT template F1)."""
    from newsgraph.eval.muc4 import evaluate_muc4, format_muc4_report

    click.echo(format_muc4_report(evaluate_muc4(gold, predictions, limit=limit)))


@eval_group.command()
@click.option("--gold", type=_file, default=DATASETS / "gvdb" / "dev.tsv", show_default=True)
@click.option("--predictions", type=_out, default=DEFAULT_OUT / "gvdb.json", show_default=True)
@click.option("--limit", type=int, default=None, help="Only the first N pages.")
def gvdb(gold: Path, predictions: Path, limit: int | None) -> None:
    """Gun violence reports: date, city, state, killed, injured of each page's main shooting."""
    from newsgraph.eval.gvdb import evaluate_gvdb, format_gvdb_report

    click.echo(format_gvdb_report(evaluate_gvdb(gold, predictions, limit=limit)))


@eval_group.command()
@click.option("--samples", type=_dir, default=SAMPLES, show_default=True)
def pronouns(samples: Path) -> None:
    """Pronoun and description resolution of quote speakers on the demo corpus's gold set."""
    from newsgraph.eval.pronouns import evaluate_pronouns, format_pronoun_report

    click.echo(format_pronoun_report(evaluate_pronouns(samples)))


# Every task `eval all` runs: (title, function returning the Markdown section).
def _sections(out: Path) -> list[tuple[str, Callable[[], str]]]:
    def extraction_section() -> str:
        from newsgraph.eval.extraction import evaluate_all, format_extraction_report

        return format_extraction_report(evaluate_all(DATASETS / "extraction", out / "extraction"))

    def timex_section() -> str:
        from newsgraph.eval.timex import evaluate_timex, format_timex_report

        return format_timex_report(evaluate_timex(DATASETS / "tempeval3" / "TBAQ-cleaned", out / "timex"))

    def quantities_section() -> str:
        from newsgraph.eval.newsquant import evaluate_quantities, format_quantities_report

        return format_quantities_report(evaluate_quantities(
            DATASETS / "newsquant" / "newsquant.json", out / "newsquant.json"))

    def attribution_section() -> str:
        from newsgraph.eval.attribution import evaluate_attribution, format_attribution_report

        return format_attribution_report(evaluate_attribution(DATASETS / "polnear" / "dev",
                                                              out / "attribution"))

    def agreement_section() -> str:
        from newsgraph.eval.agreement import evaluate_agreement, format_agreement_report

        return format_agreement_report(evaluate_agreement(AGREEMENT_DATA, out / "agreement"))

    def muc4_section() -> str:
        from newsgraph.eval.muc4 import evaluate_muc4, format_muc4_report

        return format_muc4_report(evaluate_muc4(DATASETS / "muc4" / "dev.jsonl", out / "muc4.json"))

    def gvdb_section() -> str:
        from newsgraph.eval.gvdb import evaluate_gvdb, format_gvdb_report

        return format_gvdb_report(evaluate_gvdb(DATASETS / "gvdb" / "dev.tsv", out / "gvdb.json"))

    def pronouns_section() -> str:
        from newsgraph.eval.pronouns import evaluate_pronouns, format_pronoun_report

        return format_pronoun_report(evaluate_pronouns(SAMPLES))

    def kb_section() -> str:
        from newsgraph.eval.kb import evaluate_kb, format_kb_report

        return format_kb_report(evaluate_kb(SAMPLES, out / "kb.json"))

    return [
        ("Article extraction (extraction benchmark, dev half)", extraction_section),
        ("Temporal expressions (TempEval-3 TBAQ-cleaned)", timex_section),
        ("Quantities (NewsQuant)", quantities_section),
        ("Attribution (PolNeAR dev)", attribution_section),
        ("Attribution: annotators' agreement (PolNeAR train and dev, articles with several annotators)",
         agreement_section),
        ("Incidents (MUC-4 dev)", muc4_section),
        ("Shootings (GVDB dev)", gvdb_section),
        ("Speaker pronoun resolution (demo corpus gold)", pronouns_section),
        ("Knowledge base merges across documents (demo corpus gold)", kb_section),
    ]


@eval_group.command(name="all")
@click.option("--write", "target", type=_out, default=DOCS / "ACCURACY.md", show_default=True)
@click.option("--predictions", type=_out, default=DEFAULT_OUT, show_default=True)
def all_tasks(target: Path, predictions: Path) -> None:
    """Run every benchmark and write the results to docs/ACCURACY.md."""
    parts = ["# Accuracy", "",
             f"Written by `newsgraph eval all` on {date.today().isoformat()}; do not edit by hand.",
             "Every figure is on the development half in ../shared/datasets; the other half is held out.",
             "The annotators' agreement also reads PolNeAR train's articles with several annotators.",
             ""]
    for title, section in _sections(predictions):
        started = time.monotonic()
        click.echo(f"== {title}", err=True)
        body = section()
        click.echo(body)
        parts += [f"## {title}", "", body, "", f"({time.monotonic() - started:.0f} s)", ""]
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8") as handle:
        handle.write("\n".join(parts))
    click.echo(f"wrote {target}", err=True)


@eval_group.command(name="kb")
@click.option("--samples", type=_dir, default=SAMPLES, show_default=True)
@click.option("--records", type=_file, default=None,
              help="Ready records (JSON Lines from `newsgraph extract`) instead of running the pipeline.")
@click.option("--predictions", type=_out, default=DEFAULT_OUT / "kb.json", show_default=True)
def kb(samples: Path, records: Path | None, predictions: Path) -> None:
    """Cross-document merges on the demo corpus: reprints, incidents, entities (pairwise P/R)."""
    from newsgraph.eval.kb import evaluate_kb, format_kb_report

    click.echo(format_kb_report(evaluate_kb(samples, predictions, records)))
