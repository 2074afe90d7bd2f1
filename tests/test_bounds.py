"""Bounded cost for any query: a query no name could be is refused in one line, at once."""

from __future__ import annotations

import subprocess

import pytest
from typer.testing import CliRunner

from glossary import Glossary, QueryError
from glossary.cli import app
from glossary.romanize import MAX_PARSE_LETTERS, parse

from .conftest import script_or_skip

LONG = "a" * 100_000


def test_lookup_refuses_a_query_longer_than_any_name() -> None:
    """lookup() and get() of 100,000 letters raise a QueryError naming the length."""
    g = Glossary()
    with pytest.raises(QueryError, match="100,000 characters"):
        g.lookup(LONG)
    with pytest.raises(QueryError, match="100,000 characters"):
        g.get(LONG)


def test_parse_reads_no_more_than_a_name() -> None:
    """parse() of more letters than any name says why instead of segmenting them (its
    cost grows faster than the length)."""
    result = parse(LONG)
    assert not result.candidates
    assert result.reason is not None
    assert f"at most {MAX_PARSE_LETTERS}" in result.reason
    assert len(result.reason) < 200  # the text itself is not repeated
    assert parse("Hsi-t'un").candidates  # a name still parses


@pytest.mark.parametrize("command", ["lookup", "romanize"])
def test_the_cli_refuses_a_long_query_in_one_line(command: str) -> None:
    """glossary lookup/romanize of 100,000 letters: exit 1, one line on stderr."""
    result = CliRunner().invoke(app, [command, LONG])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("glossary: error: ")


def test_the_installed_cli_refuses_a_long_query() -> None:
    """The installed script does the same, with no traceback."""
    done = subprocess.run(
        [script_or_skip(), "lookup", LONG], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr
