"""Regression tests for issue 15 (reliability): each test is named after the item it
guards (``test_15_2_...`` for item 2), so a failure says which promise broke."""

from __future__ import annotations

import re
import subprocess

import pytest
from typer.testing import CliRunner

from glossary import Glossary
from glossary.cli import app

from .conftest import script_or_skip

runner = CliRunner()

#: A paragraph break: a line break, nothing but spaces, another line break.
BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


# -- 2. no name runs across a paragraph break ------------------------------------------------

PARAGRAPHS = [
    pytest.param("He moved to Situn\n\nDistrict offices are closed.\n", id="latin-blank-line"),
    pytest.param("He moved to Situn\n \t\nDistrict offices are closed.\n", id="spaces-between"),
    pytest.param("He moved to Situn\r\n\r\nDistrict offices are closed.\r\n", id="crlf"),
    pytest.param("她是皇后\n\n里面的人\n", id="chinese-blank-line"),
    pytest.param("He met Liu Shyh\n\nfang said nothing.\n", id="person-split"),
]


@pytest.mark.parametrize("text", PARAGRAPHS)
def test_15_2_normalize_never_joins_paragraphs(text: str) -> None:
    """normalize keeps every paragraph break of its input, as it was."""
    result = runner.invoke(app, ["normalize"], input=text)
    assert result.exit_code == 0, result.output
    out = result.stdout_bytes.decode()  # .stdout would turn CRLF into LF
    assert BLANK_LINE.findall(out) == BLANK_LINE.findall(text)
    assert len(BLANK_LINE.split(out)) == len(BLANK_LINE.split(text))


@pytest.mark.parametrize("text", PARAGRAPHS)
@pytest.mark.parametrize("overlapping", [False, True], ids=["longest", "overlapping"])
def test_15_2_no_span_crosses_a_blank_line(
    glossary: Glossary, text: str, overlapping: bool
) -> None:
    """No span the matcher reports (leftmost-longest or every one) holds a blank line."""
    spans = glossary.annotate(text, overlapping=overlapping)
    for span in spans:
        assert BLANK_LINE.search(text, span.start, span.end) is None, span


def test_15_2_a_name_still_wraps_across_one_line_break(glossary: Glossary) -> None:
    """One line break inside a name (a hard-wrapped text) still matches the whole name;
    with a blank line instead, only the part before it is a name."""
    wrapped = glossary.annotate("He moved to Situn\nDistrict last year.")
    assert [(s.text, s.entries[0].id) for s in wrapped] == [
        ("Situn\nDistrict", "taichung-city-xitun")
    ]
    split = glossary.annotate("He moved to Situn\n\nDistrict offices are closed.")
    assert [(s.text, s.entries[0].id) for s in split] == [("Situn", "taichung-city-xitun")]
    assert glossary.annotate("她是皇后\n\n里面的人") == []
    assert [s.text for s in glossary.annotate("她去了后\n里區")] == ["后\n里區"]


def test_15_2_normalize_example_from_the_issue() -> None:
    """The issue's example: the paragraph break stays, and only the name is rewritten."""
    text = "He moved to Situn\n\nDistrict offices are closed.\n"
    result = runner.invoke(app, ["normalize"], input=text)
    assert result.stdout == "He moved to Xitun\n\nDistrict offices are closed.\n"
    result = runner.invoke(app, ["normalize"], input="她是皇后\n\n里面的人\n")
    assert result.stdout == "她是皇后\n\n里面的人\n"


def test_15_2_installed_normalize_keeps_the_paragraph_break() -> None:
    """The installed script, in a subprocess, keeps the break (CRLF line ends as they were)."""
    text = "He moved to Situn\r\n\r\nDistrict offices are closed.\r\n"
    done = subprocess.run(
        [str(script_or_skip()), "normalize"],
        input=text.encode(),
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout == b"He moved to Xitun\r\n\r\nDistrict offices are closed.\r\n"
