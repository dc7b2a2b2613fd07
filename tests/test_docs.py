"""The README documents every command and web API route, and every command answers --help."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import ROOT
from newsgraph.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def all_commands(group=main, prefix=()):
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        yield path
        if hasattr(command, "commands"):
            yield from all_commands(command, path)


@pytest.mark.parametrize("path", list(all_commands()), ids=" ".join)
def test_command_has_help_and_is_in_the_readme(path):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ")
    assert f"newsgraph {' '.join(path)}" in README, f"README does not mention `newsgraph {' '.join(path)}`"


def _api_routes() -> list[str]:
    from newsgraph.web import api

    return sorted(api._ROUTES) + [f"{name}/ID" for name in sorted(api._ITEM_ROUTES)]


@pytest.mark.parametrize("route", _api_routes())
def test_every_web_api_route_is_in_the_readme(route):
    assert f"`{route}" in README, f"README does not mention the API route `{route}`"
