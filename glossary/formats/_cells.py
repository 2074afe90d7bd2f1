"""Helpers the delimited formats share: which pair goes out, and cell hygiene."""

from __future__ import annotations

import re
from collections.abc import Iterable

from glossary._model import Entry, Kind, Status, Term
from glossary.formats import FormatError, Imported, imported_source

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
    """``cell`` if it holds no tab, line break or control character and does not start
    like a formula (:func:`formula_free`), else a FormatError."""
    found = CONTROL.search(cell)
    if found:
        code = f"U+{ord(found.group()):04X}"
        raise FormatError(
            f"{what} {cell!r} holds a control character or line break ({code})", path=where
        )
    return formula_free(cell, what=what, where=where)


def formula_free(cell: str, *, what: str, where: str) -> str:
    """``cell``, or a FormatError if it starts like a formula (``=``, ``+``, ``-``, ``@``,
    tab, CR: CWE-1236). For the formats an MT engine or OmegaT reads (deepl, deepl-csv,
    google-csv, google-pairs, omegat), a term is refused rather than neutralised: the
    apostrophe :func:`neutralise` adds would reach the engine as part of the term.
    """
    if cell.startswith(FORMULA_START):
        raise FormatError(
            f"{what} {cell!r} starts with {cell[0]!r}, which a spreadsheet runs as a formula; "
            "not exported (memoq-csv and csv write it with an apostrophe before it)",
            path=where,
        )
    return cell


_ID_WORD = re.compile(r"[a-z0-9]+")


def make_id(english: str, taken: set[str]) -> str:
    """An id from an English name (Xitun District → xitun-district), unique in ``taken``
    (which it is added to)."""
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", english).encode("ascii", "ignore").decode()
    base = "-".join(_ID_WORD.findall(ascii_name.lower())) or "entry"
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident


def entries_from_pairs(pairs: Iterable[tuple[int, str, str, Status | None]], path: str) -> Imported:
    """Entries from (line, one side, other side, status or None) pairs, in either
    direction (the Chinese side is recognised), one entry per Chinese term: its first
    English term preferred and the others admitted, unless a pair says its status."""
    from glossary._text import has_cjk

    by_chinese: dict[str, list[Term]] = {}
    for line, first, second, status in pairs:
        english, chinese = (
            (second, first)
            if has_cjk(first) and not has_cjk(second)
            else (
                first,
                second,
            )
        )
        if not has_cjk(chinese):
            raise FormatError(f"no Chinese in {first!r}, {second!r}", path=path, line=line)
        terms = by_chinese.setdefault(chinese, [])
        if english in {t.text for t in terms}:
            continue
        default = Status.PREFERRED if not terms else Status.ADMITTED
        terms.append(Term(english, status or default))
    imported = Imported()
    taken: set[str] = set()
    for chinese, terms in by_chinese.items():
        ident = make_id(terms[0].text, taken)
        source = imported_source(path)
        imported.entries.append(Entry(ident, Kind.OTHER, (Term(chinese),), tuple(terms), source))
    return imported
