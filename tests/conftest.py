"""Shared fixtures: an isolated index cache and a ready Glossary."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from glossary import Glossary

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

#: How many entries the built-in term base has (counted from its files, not hard-coded).
BUILTIN_ENTRIES = sum(
    line.startswith("- id: ")
    for path in sorted((ROOT / "terms").glob("*.yaml"))
    for line in path.read_text(encoding="utf-8").splitlines()
)

#: How many files the built-in term base loads by default (packs are not among them).
BUILTIN_FILES = len(list((ROOT / "terms").glob("*.yaml")))

#: A valid one-entry term base file layered over the built-in one.
ROAD = """\
- id: taichung-city-xitun-road
  kind: road
  parent: taichung-city-xitun
  zh: [西屯路]
  en: [Xitun Rd.]
  source: test fixture
"""


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache directory for the whole run, so the built-in index is built once."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _isolated_cache(session_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real cache; never read GLOSSARY_TERMBASE from the caller."""
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(session_cache))
    monkeypatch.delenv("GLOSSARY_TERMBASE", raising=False)


@pytest.fixture(scope="session")
def glossary(session_cache: Path) -> Glossary:
    """The built-in glossary."""
    return Glossary(cache_dir=session_cache)


@pytest.fixture
def write(tmp_path: Path) -> Iterator[object]:
    """Write a YAML file into tmp_path: ``write("a.yaml", text) -> Path``."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write


def installed_script() -> Path:
    """The ``glossary`` console script of the environment running the tests."""
    name = "glossary.exe" if os.name == "nt" else "glossary"
    return Path(sys.executable).parent / name


def script_or_skip() -> Path:
    """The installed script; the test is skipped where glossary was not pip-installed."""
    script = installed_script()
    if not script.exists():
        pytest.skip("the glossary script is not installed: run pip install . first")
    return script
