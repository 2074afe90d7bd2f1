"""The wheel carries the built-in term base inside the package, and no stray modules."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from .conftest import ROOT


def test_wheel_contents(tmp_path: Path) -> None:
    """The built wheel holds glossary/terms/*.yaml and py.typed, and no top-level cli.py."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("glossary-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for yaml_file in (ROOT / "terms").glob("*.yaml"):
        assert f"glossary/terms/{yaml_file.name}" in names
    assert "glossary/py.typed" in names
    assert "glossary/data/syllables.tsv" in names
    assert "glossary/cli/__init__.py" in names
    assert "cli.py" not in names
    assert not any(n.startswith(("terms/", "tests/", "scripts/")) for n in names)
