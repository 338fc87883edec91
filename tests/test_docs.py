"""The docs and the README stay in step with the code: every command and option the CLI has
is documented, and the README's quick start is the test command CI runs."""
from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.config import Settings
from tests.conftest import REPO

USAGE = (REPO / "docs" / "usage.md").read_text()
README = (REPO / "README.md").read_text()
COMMANDS = [c.name or c.callback.__name__ for c in app.registered_commands]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_and_option_is_documented(command):
    assert f"### `eventwire {command}" in USAGE
    helptext = CliRunner().invoke(app, [command, "--help"], terminal_width=200).output
    for option in set(re.findall(r"--[a-z][a-z0-9-]+", helptext)) - {"--help"}:
        assert option in USAGE, f"{command} {option} is not in docs/usage.md"


def test_quick_start_is_two_commands_and_ci_runs_the_second():
    block = re.search(r"## Quick start\n.*?```sh\n(.*?)```", README, re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
    assert len(commands) == 2
    assert "ingest examples/articles" in commands[0] and "pytest" in commands[1]
    ci = (REPO / ".ci" / "run").read_text()
    assert "quick_start_command" in ci and "for n in 1 2" in ci


def test_every_setting_has_help_and_a_section_in_the_defaults():
    assert all(len(s.help) > 20 for s in Settings(environ={}).describe())
