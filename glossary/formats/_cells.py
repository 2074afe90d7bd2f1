"""Helpers the delimited formats share: which pair goes out, and cell hygiene."""

from __future__ import annotations

import re

from glossary.formats import FormatError

#: A cell a spreadsheet would run as a formula starts with one of these.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: C0 and C1 control characters and Unicode line breaks (DeepL refuses them).
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def neutralise(cell: str) -> str:
    """A cell Excel or LibreOffice will show as text, never run: a leading ``=``, ``+``,
    ``-``, ``@``, tab or CR gets an apostrophe before it (OWASP's advice).

    >>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("Xitun")
    ('\\'=HYPERLINK("http://x")', 'Xitun')
    """
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def restore(cell: str) -> str:
    """The inverse of :func:`neutralise`, for cells read back."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_START):
        return cell[1:]
    return cell


def plain(cell: str, *, what: str, where: str) -> str:
    """``cell`` if it holds no tab, line break or control character, else a FormatError."""
    found = CONTROL.search(cell)
    if found:
        code = f"U+{ord(found.group()):04X}"
        raise FormatError(
            f"{what} {cell!r} holds a control character or line break ({code})", path=where
        )
    return cell
