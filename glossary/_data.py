"""The package's data files (``glossary/data/``): generated tables and word lists."""

from __future__ import annotations

from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data"


def data_text(name: str) -> str:
    """The text of ``glossary/data/<name>`` (UTF-8).

    A package installed as files (pip, an editable install, a checkout) is read directly;
    importing :mod:`importlib.resources`, which brings in ``zipfile`` and ``tempfile``,
    costs a warm `glossary annotate` about 4 ms, so it is used only for a package that is
    not on disk as files (a zip archive).

    >>> data_text("syllables.tsv").startswith("#")
    True
    """
    path = _DATA / name
    try:
        return path.read_text("utf-8")
    except FileNotFoundError:
        from importlib import resources

        return resources.files("glossary").joinpath("data", name).read_text("utf-8")
