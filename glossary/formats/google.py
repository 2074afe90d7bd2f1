"""Google Cloud Translation glossaries.

- ``google-csv``: an equivalent-term-set glossary: a header row of language codes
  (``en,zh-TW``), then one row per concept with its term in each language. Google
  matches every term of a row against the others, in either direction.
- ``google-pairs``: a unidirectional glossary: ``source,target`` rows, no header, each
  source once (duplicates resolved as for DeepL and reported).

Google's language codes are used: zh-TW for Traditional, zh-CN for Simplified.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from glossary._model import Entry
from glossary.formats import (
    SIMPLIFIED,
    ExportOptions,
    Format,
    FormatError,
    Imported,
    chinese_terms,
    register,
)
from glossary.formats._cells import entries_from_pairs, plain
from glossary.formats.deepl import pairs, read_csv

_GOOGLE_CODES = {"zh-Hant": "zh-TW", "zh-TW": "zh-TW", "zh-Hans": "zh-CN", "zh-CN": "zh-CN"}


def write_sets(entries: Sequence[Entry], options: ExportOptions) -> tuple[str, list[str]]:
    """One row per concept: the house English and the canonical Chinese (one term per
    language: an equivalent set with synonyms would map synonyms onto each other)."""
    chinese_code = _GOOGLE_CODES[options.chinese_tag]
    header = ["en", chinese_code] if options.source == "en" else [chinese_code, "en"]
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(header)
    simplified = options.chinese_tag in SIMPLIFIED
    for entry in entries:
        english = entry.english_for(options.prefer).text
        chinese = chinese_terms(entry, simplified=simplified)[0].text
        row = [english, chinese] if options.source == "en" else [chinese, english]
        out.writerow([plain(c, what="term", where=entry.id) for c in row])
    return buffer.getvalue(), []


def write_pairs(entries: Sequence[Entry], options: ExportOptions) -> tuple[str, list[str]]:
    found, warnings = pairs(entries, options)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(found)
    return buffer.getvalue(), warnings


def read_sets(text: str, path: str) -> Imported:
    """Entries from an equivalent-term-set CSV with an en and a zh column."""
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    if not rows:
        raise FormatError("empty: no header row", path=path)
    header = [h.strip().lower() for h in rows[0]]
    try:
        en = next(i for i, h in enumerate(header) if h.split("-")[0] == "en")
        zh = next(i for i, h in enumerate(header) if h in ("zh-tw", "zh-hant", "zh"))
    except StopIteration:
        message = f"the header has no en or no zh-TW column: {rows[0]}"
        raise FormatError(message, path=path, line=1) from None
    pairs = []
    skipped = []
    for line, row in enumerate(rows[1:], start=2):
        if len(row) <= max(en, zh) or not row[en].strip() or not row[zh].strip():
            skipped.append(f"{path}:{line}: skipped: no English or no Chinese term")
            continue
        pairs.append((line, row[en].strip(), row[zh].strip(), None))
    imported = entries_from_pairs(pairs, path)
    imported.warnings.extend(skipped)
    return imported


register(
    Format(
        "google-csv",
        "Google Cloud Translation equivalent-term-set glossary (CSV, language-code header)",
        ".csv",
        write_sets,
        read_sets,
        "everything but the house English and canonical Chinese of each concept",
    )
)
register(
    Format(
        "google-pairs",
        "Google Cloud Translation unidirectional glossary (CSV): source, target; no header",
        ".csv",
        write_pairs,
        read_csv,
        "everything but the pairs, and one target per source",
    )
)
