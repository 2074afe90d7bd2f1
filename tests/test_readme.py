"""The README's examples run and print what it says."""

from __future__ import annotations

import doctest
import re
import shlex

import pytest
from typer.testing import CliRunner

from glossary.cli import app

from .conftest import ROOT

README = ROOT / "README.md"


def test_python_session() -> None:
    """The README's >>> session runs as written."""
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 5
    assert result.failed == 0


def _console_blocks() -> list[tuple[str, str]]:
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```console\n(.*?)```", text, re.DOTALL)
    out = []
    for block in blocks:
        command, _, expected = block.partition("\n")
        assert command.startswith("$ glossary ")
        out.append((command[2:], expected))
    return out


@pytest.mark.parametrize(("command", "expected"), _console_blocks(), ids=lambda v: v[:40])
def test_shell_examples(command: str, expected: str) -> None:
    """Each console example in the README prints exactly what it shows."""
    result = CliRunner().invoke(app, shlex.split(command)[1:])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected


def test_quick_start_commands() -> None:
    """The Quick start has exactly the two commands CI and newcomers rely on."""
    text = README.read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = re.findall(r"```sh\n(.*?)\n```", quick)
    assert commands == ["pip install . && glossary lookup Situn", 'pip install ".[test]" && pytest']
