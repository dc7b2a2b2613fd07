"""Option callbacks and helpers shared by the command modules (cli.py, kb/commands.py)."""

from __future__ import annotations

import click


def check_date(ctx, param, value: str | None) -> str | None:
    """A click callback: a date option as YYYY-MM-DD, or a usage error."""
    if value is None:
        return None
    from newsgraph.clean.published import normalise_date

    iso = normalise_date(value)
    if iso is None:
        raise click.BadParameter(f"expected a date like 2016-03-22, got {value!r}")
    return iso


def open_kb_or_fail(db: str):
    """The knowledge base at ``db``; an unsupported URL is a usage error, not a traceback."""
    from newsgraph.kb import open_kb

    try:
        return open_kb(db)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
