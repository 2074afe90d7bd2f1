"""normalize --to SYSTEM writes a name's reading in that system only where the name is a
reading: translated names, names from other languages and names that are not all Han
stay as the house writes them."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from glossary import Glossary
from glossary.cli import app
from glossary.render import normalize


@pytest.fixture(scope="module")
def builtin() -> Glossary:
    return Glossary()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reading becomes the system's reading
        ("Rain fell on Situn District.", "Rain fell on Xitun District."),
        # a translated name keeps its English: no Gaoxiong Medical University
        (
            "She studied at Kaohsiung Medical University.",
            "She studied at Kaohsiung Medical University.",
        ),
        ("They met at National Taiwan University.", "They met at National Taiwan University."),
        ("Boats crossed Sun Moon Lake.", "Boats crossed Sun Moon Lake."),
        # a name that is not all Han has no reading (this used to stop with an error)
        ("Fireworks lit Taipei 101.", "Fireworks lit Taipei 101."),
    ],
)
def test_to_hanyu_rewrites_readings_only(builtin: Glossary, text: str, expected: str) -> None:
    assert normalize(text, builtin.annotate(text), builtin, to="hanyu") == expected


def test_to_wade_giles_keeps_an_indigenous_name(builtin: Glossary) -> None:
    text = "An Amis harvest festival was held."
    assert normalize(text, builtin.annotate(text), builtin, to="wade-giles") == text


def test_cli_to_hanyu_with_taipei_101_exits_0() -> None:
    result = CliRunner().invoke(
        app, ["normalize", "-", "--to", "hanyu"], input="Taipei 101 and Situn District.\n"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "Taipei 101 and Xitun District.\n"
