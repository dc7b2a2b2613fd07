"""The README documents every command, and every command answers --help."""

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
