"""Which format an import file is in, from its first bytes and its name.

Every name :func:`sniff` returns is a format registered in :mod:`glossary.formats`.
"""

from __future__ import annotations

from pathlib import PurePath


def sniff(path: str | PurePath, text: str) -> str:
    r"""The registered name of the format an import file is in, from its content and name.

    >>> sniff("taiwan.tbx", '<?xml version="1.0"?><martif type="TBX">')
    'tbx'
    >>> sniff("deepl.tsv", "Xitun District\t西屯區\n")
    'deepl'
    >>> sniff("terms.csv", "en,zh-Hant\nXitun District,西屯區\n")
    'google-csv'
    """
    path = PurePath(path)
    head = text.lstrip("\ufeff \t\r\n")[:200]
    suffix = path.suffix.lower()
    if head.startswith("<"):
        return "tbx"
    if head.startswith(("{", "[")) or suffix == ".json":
        return "json"
    if suffix in (".utf8", ".tab"):
        return "omegat"
    first = head.splitlines()[0].lower() if head else ""
    cells = [c.strip() for c in first.replace("\t", ",").split(",")]
    if "id" in cells or ("en" in cells and len(cells) > 2) or "english" in cells:
        return "memoq-csv"
    if "source" in cells and "target" in cells:
        return "csv"
    if len(cells) == 2 and cells[0].split("-")[0] == "en" and cells[1].startswith("zh"):
        return "google-csv"
    return "deepl" if "\t" in first else "deepl-csv"
