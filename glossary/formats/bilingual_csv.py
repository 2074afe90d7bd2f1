"""Bilingual CSV, as translate-toolkit, Weblate and Pootle read it: a header
``source,target,context,developer_comments`` and one row per source term.

Each usable source term (the house form first, then the other usable ones) gets the
canonical target; ``context`` is the entry id, so synonyms read back into one entry;
``developer_comments`` says the term's status and system for the translator. Cells a
spreadsheet would run as formulas are neutralised as in ``memoq-csv``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from glossary._model import Entry, Kind, Status, Term
from glossary.formats import (
    ExportOptions,
    Format,
    FormatError,
    Imported,
    imported_source,
    register,
)
from glossary.formats._cells import make_id, neutralise, restore
from glossary.formats.omegat import pairs

HEADER = ["source", "target", "context", "developer_comments"]


def write(entries: Sequence[Entry], options: ExportOptions) -> tuple[str, list[str]]:
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\r\n")
    out.writerow(HEADER)
    for source, target, comment, entry in pairs(entries, options):
        out.writerow([neutralise(c) for c in (source, target, entry.id, comment)])
    text = buffer.getvalue()
    return ("\ufeff" + text if options.bom else text), []


def read(text: str, path: str) -> Imported:
    """Entries from a bilingual CSV; rows with the same context are one entry."""
    from glossary._text import has_cjk

    rows = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    header = [h.strip().lower() for h in next(rows, [])]
    if "source" not in header or "target" not in header:
        raise FormatError("the header has no source and target columns", path=path, line=1)
    at = {name: header.index(name) for name in HEADER if name in header}
    width = max(at.values()) + 1
    source_at, target_at = at["source"], at["target"]
    context_at, comments_at = at.get("context"), at.get("developer_comments")
    # per context: English and Chinese terms by their text, in the order first seen
    grouped: dict[str, tuple[dict[str, Term], dict[str, Term]]] = {}
    taken: set[str] = set()
    for row in rows:
        if len(row) < width:
            row = row + [""] * (width - len(row))
        source = row[source_at].strip()
        target = row[target_at].strip()
        if not source or not target:
            continue
        if source[0] == "'":
            source = restore(source)
        if target[0] == "'":
            target = restore(target)
        english, chinese = (target, source) if has_cjk(source) else (source, target)
        context = row[context_at].strip() if context_at is not None else ""
        if context.startswith("'"):
            context = restore(context)
        if not context:
            context = make_id(english, taken)
        group = grouped.get(context)
        if group is None:
            group = grouped[context] = ({}, {})
        en, zh = group
        if english not in en:
            status = Status.PREFERRED if not en else Status.ADMITTED
            if comments_at is not None:
                first_word = row[comments_at].split(";", 1)[0].strip()
                if first_word in ("deprecated", "forbidden"):
                    status = Status(first_word)
            en[english] = Term(english, status)
        if chinese not in zh:
            zh[chinese] = Term(chinese, Status.PREFERRED if not zh else Status.ADMITTED)
    source_text = imported_source(path)
    imported = Imported()
    imported.entries = [
        Entry(ident, Kind.OTHER, tuple(zh.values()), tuple(en.values()), source_text)
        for ident, (en, zh) in grouped.items()
    ]
    return imported


register(
    Format(
        "csv",
        "bilingual CSV (source, target, context, comments): translate-toolkit, Weblate",
        ".csv",
        write,
        read,
        "everything but the pairs and the entry id: kinds, parents, notes, sources, other "
        "Chinese terms",
    )
)
