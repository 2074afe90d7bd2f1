"""Where the built-in term base lives.

In an installed wheel the curated YAML sits inside the package (``glossary/terms``); in a
checkout or an editable install it is the top-level ``terms/`` beside the package.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def builtin_dir() -> Path:
    """The directory holding the built-in term base files.

    >>> (builtin_dir() / "seed.yaml").is_file()
    True
    """
    inside = _PACKAGE / "terms"
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / "terms"
