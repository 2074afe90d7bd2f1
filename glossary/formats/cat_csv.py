"""CSV for CAT tools (memoQ, Trados MultiTerm, Phrase): one row per concept.

The header names the columns: ``id, kind, parent``, then for each language its terms in
one cell (``en``, the house form first, synonyms after it, split by ``;`` or the
separator chosen), the English deprecated and forbidden terms in their own columns
(``en deprecated``, ``en forbidden``: map them to memoQ's "forbidden"), then
``definition, note, source``. The source language's columns come first.

Cells a spreadsheet would run as formulas (starting ``= + - @``, tab or CR) get an
apostrophe before them, which reading removes again. ``bom=True`` starts the file with a
UTF-8 byte-order mark, which Excel needs to read UTF-8.

Reading takes this layout or any CSV/TSV whose header names languages (``en``,
``English``, ``zh-TW``, ``Chinese``...), or a mapping from field to header given by the
caller (``columns={"en": "Source", "zh-Hant": "Target"}``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from glossary._model import Entry, Kind, Status, Term
from glossary.formats import (
    SIMPLIFIED,
    ExportOptions,
    Format,
    FormatError,
    Imported,
    chinese_terms,
    english_terms,
    imported_source,
    register,
)
from glossary.formats._cells import make_id, neutralise, restore

#: Headers read as each field (lower-cased), besides the field's own name.
ALIASES = {
    "en": ("en", "en-us", "en-gb", "english", "eng"),
    "zh": ("zh-hant", "zh-tw", "zh", "zh-hk", "chinese", "chinese (taiwan)", "zho", "cht"),
    "en deprecated": ("en deprecated",),
    "en forbidden": ("en forbidden", "en_forbidden", "forbidden"),
    "id": ("id", "entry id", "entry_id"),
    "kind": ("kind", "subject", "subject field", "domain"),
    "parent": ("parent",),
    "definition": ("definition", "en definition", "english_def"),
    "note": ("note", "notes", "comment"),
    "source": ("source", "sources", "reference"),
}


def write(entries: Sequence[Entry], options: ExportOptions) -> tuple[str, list[str]]:
    """One row per entry, with a header row."""
    chinese = options.chinese_tag
    traditional = "zh-Hant" if chinese in SIMPLIFIED else chinese
    simplified = chinese if chinese in SIMPLIFIED else ("zh-Hans" if options.simplified else "")
    english_columns = ["en"]
    if options.english == "all":
        english_columns += ["en deprecated", "en forbidden"]
    chinese_columns = [c for c in (traditional, simplified) if c]
    languages = english_columns + chinese_columns
    if options.source != "en":
        languages = chinese_columns + english_columns
    header = ["id", "kind", "parent", *languages, "definition", "note", "source"]
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\r\n")
    out.writerow(header)
    sep = options.separator
    for entry in entries:
        english = english_terms(entry, options)
        cells = {
            "en": [t.text for t in english if t.status in (Status.PREFERRED, Status.ADMITTED)],
            "en deprecated": [t.text for t in english if t.status is Status.DEPRECATED],
            "en forbidden": [t.text for t in english if t.status is Status.FORBIDDEN],
            traditional: [t.text for t in chinese_terms(entry)],
        }
        if simplified:
            cells[simplified] = [t.text for t in chinese_terms(entry, simplified=True)]
        for terms in cells.values():
            for term in terms:
                if sep in term:
                    message = f"the term {term!r} holds the separator {sep!r}: choose another"
                    raise FormatError(message, path=entry.id)
        row = [entry.id, entry.kind.value, entry.parent or ""]
        row += [sep.join(cells[c]) for c in languages]
        row += [entry.definition, entry.note, entry.source]
        out.writerow([neutralise(cell) for cell in row])
    text = buffer.getvalue()
    return ("\ufeff" + text if options.bom else text), []


def _columns(header: Sequence[str], mapping: Mapping[str, str] | None) -> dict[str, int]:
    """Field → column number."""
    lowered = [h.strip().lower() for h in header]
    found: dict[str, int] = {}
    if mapping:
        for name, column in mapping.items():
            key = "zh" if name.lower().startswith("zh") else name.lower()
            if column.strip().lower() not in lowered:
                raise FormatError(f"no column {column!r} in the header ({', '.join(header)})")
            found[key] = lowered.index(column.strip().lower())
    for name, aliases in ALIASES.items():
        if name not in found:
            for alias in aliases:
                if alias in lowered and lowered.index(alias) not in found.values():
                    found[name] = lowered.index(alias)
                    break
    return found


def read(
    text: str,
    path: str,
    *,
    columns: Mapping[str, str] | None = None,
    separator: str = ";",
    delimiter: str | None = None,
) -> Imported:
    """Entries from a CSV or TSV file with a header row (the delimiter is sniffed)."""
    text = text.removeprefix("\ufeff")
    if delimiter is None:
        first = text.split("\n", 1)[0]
        delimiter = "\t" if first.count("\t") > first.count(",") else ","
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(rows)
    except StopIteration:
        raise FormatError("empty: no header row", path=path) from None
    try:
        where = _columns(header, columns)
    except FormatError as exc:
        raise FormatError(exc.message, path=path, line=1) from None
    if "en" not in where or "zh" not in where:
        names = ", ".join(header)
        message = f"the header names no English or no Chinese column ({names}); map them"
        raise FormatError(message, path=path, line=1)
    imported = Imported()
    seen_ids: set[str] = set()
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue

        cell = _Row(row, where, separator)
        terms = cell.terms
        en = terms("en", Status.ADMITTED, Status.PREFERRED)
        en += terms("en deprecated", Status.DEPRECATED) + terms("en forbidden", Status.FORBIDDEN)
        zh = terms("zh", Status.ADMITTED, Status.PREFERRED)
        if not en or not zh:
            imported.warnings.append(f"{path}:{line}: skipped: no English or no Chinese term")
            continue
        ident = cell("id") or make_id(en[0].text, seen_ids)
        seen_ids.add(ident)
        kind_text = cell("kind")
        try:
            kind = Kind(kind_text) if kind_text else Kind.OTHER
        except ValueError:
            raise FormatError(
                f"unknown kind {kind_text!r}", path=path, line=line, field="kind"
            ) from None
        imported.entries.append(
            Entry(
                ident,
                kind,
                tuple(zh),
                tuple(en),
                cell("source") or imported_source(path),
                cell("parent") or None,
                note=cell("note"),
                definition=cell("definition"),
            )
        )
    return imported


class _Row:
    """The cells of one row, by field name."""

    def __init__(self, row: list[str], where: dict[str, int], separator: str) -> None:
        self.row, self.where, self.separator = row, where, separator

    def __call__(self, name: str) -> str:
        n = self.where.get(name)
        return restore(self.row[n].strip()) if n is not None and n < len(self.row) else ""

    def terms(self, name: str, status: Status, first: Status | None = None) -> list[Term]:
        """The terms of a cell of synonyms, the first with status ``first`` if given."""
        parts = [p.strip() for p in self(name).split(self.separator) if p.strip()]
        return [Term(p, first if (first and i == 0) else status) for i, p in enumerate(parts)]


register(
    Format(
        "memoq-csv",
        "CSV for CAT tools (memoQ, Trados, Phrase): a header, one row per concept",
        ".csv",
        write,
        read,
        "each term's system, official flag, note and matching controls; admitted terms "
        "other than the first (all come back admitted); the entry's gloss, since, until, "
        "tags, prominence and roles",
    )
)
