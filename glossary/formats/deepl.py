"""DeepL glossary entries: ``source<TAB>target`` lines (``deepl``) or two-column CSV
(``deepl-csv``), no header, one target per source.

DeepL's rules are checked on the way out, so an upload never fails: no C0/C1 control
characters or line breaks, no leading or trailing spaces, no empty terms, each entry at
most 1024 bytes of UTF-8, each source once; and no term a spreadsheet would run as a
formula (refused: the apostrophe that would neutralise it would reach DeepL). A source
two entries share (the bare name Xinyi, for three places) keeps the target of its best
term (a preferred term beats an admitted one, then the more prominent entry: Taoyuan
District is 桃園區, not Kaohsiung's 桃源區; then the first entry in id order) and the
others are reported as warnings. Only usable terms go out: deprecated and forbidden
terms never become sources.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import replace

from glossary._model import Entry, Status
from glossary.formats import (
    SIMPLIFIED,
    ExportOptions,
    Format,
    FormatError,
    Imported,
    chinese_terms,
    english_terms,
    register,
)
from glossary.formats._cells import CONTROL, entries_from_pairs, formula_free

MAX_ENTRY_BYTES = 1024
_RANK = {Status.PREFERRED: 0, Status.ADMITTED: 1}


def check(source: str, target: str, where: str) -> None:
    """Raise a FormatError if DeepL would refuse this entry."""
    for text in (source, target):
        if not text:
            raise FormatError("an empty term", path=where)
        found = CONTROL.search(text)
        if found:
            code = f"U+{ord(found.group()):04X}"
            raise FormatError(f"{text!r} holds a control character ({code})", path=where)
        if text != text.strip():
            raise FormatError(f"{text!r} starts or ends with a space", path=where)
        formula_free(text, what="term", where=where)
    size = len(source.encode()) + len(target.encode()) + 1
    if size > MAX_ENTRY_BYTES:
        raise FormatError(
            f"the entry {source!r} is {size} bytes; DeepL takes {MAX_ENTRY_BYTES}", path=where
        )


def pairs(
    entries: Sequence[Entry], options: ExportOptions
) -> tuple[list[tuple[str, str]], list[str]]:
    """One (source, target) per distinct source, and a warning for each dropped duplicate."""
    usable = replace(options, english="preferred" if options.english == "preferred" else "admitted")
    simplified = options.chinese_tag in SIMPLIFIED
    # source -> ((rank, -prominence), target, entry id): the smaller order wins
    best: dict[str, tuple[tuple[int, int], str, str]] = {}
    warnings: list[str] = []
    for entry in entries:
        english = english_terms(entry, usable)
        chinese = chinese_terms(entry, simplified=simplified)
        if options.source == "en":
            candidates = [(t.text, chinese[0].text, _RANK.get(t.status, 2)) for t in english]
        else:
            candidates = [(t.text, english[0].text, _RANK.get(t.status, 2)) for t in chinese]
        standing = -entry.prominence
        for source, target, rank in candidates:
            check(source, target, entry.id)
            held = best.get(source)
            this = ((rank, standing), target, entry.id)
            if held is None:
                best[source] = this
            elif held[1] != target:
                keep, drop = (held, this) if held[0] <= this[0] else (this, held)
                best[source] = keep
                warnings.append(
                    f"{source!r}: {drop[2]} ({drop[1]}) dropped for {keep[2]} ({keep[1]}); "
                    "DeepL takes one target per source"
                )
    return [(s, v[1]) for s, v in best.items()], warnings


def write_tsv(entries: Sequence[Entry], options: ExportOptions) -> tuple[str, list[str]]:
    found, warnings = pairs(entries, options)
    return "".join(f"{s}\t{t}\n" for s, t in found), warnings


def write_csv(entries: Sequence[Entry], options: ExportOptions) -> tuple[str, list[str]]:
    found, warnings = pairs(entries, options)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(found)
    return buffer.getvalue(), warnings


def read_pairs(text: str, path: str, *, delimiter: str) -> Imported:
    """Entries from two-column pairs (either direction; Chinese is recognised; a first
    row with no Chinese is a header)."""
    from glossary._text import has_cjk

    def pairs() -> Iterator[tuple[int, str, str, Status | None]]:
        rows = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=delimiter)
        for line, row in enumerate(rows, start=1):
            if not row or not any(c.strip() for c in row):
                continue
            if len(row) < 2:
                raise FormatError("expected two columns", path=path, line=line)
            first, second = row[0].strip(), row[1].strip()
            if line == 1 and not has_cjk(first) and not has_cjk(second):
                continue  # a header row (Source, Target)
            yield line, first, second, None

    return entries_from_pairs(pairs(), path)


def read_tsv(text: str, path: str) -> Imported:
    return read_pairs(text, path, delimiter="\t")


def read_csv(text: str, path: str) -> Imported:
    return read_pairs(text, path, delimiter=",")


_LOSES = (
    "everything but the pairs, and one target per source; the first English term read back "
    "is preferred, the rest admitted"
)
register(
    Format(
        "deepl",
        "DeepL glossary entries (TSV): source, target; no header",
        ".tsv",
        write_tsv,
        read_tsv,
        _LOSES,
    )
)
register(
    Format(
        "deepl-csv",
        "DeepL glossary entries (CSV): source, target; no header",
        ".csv",
        write_csv,
        read_csv,
        _LOSES,
    )
)
