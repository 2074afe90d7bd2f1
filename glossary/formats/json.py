"""JSON: the whole model, every field of every entry; reads back exactly what it wrote.

The file is ``{"format": "glossary", "version": 1, "entries": [...]}``, each entry as
:meth:`glossary.Entry.to_dict` writes it (the same fields as the YAML term base).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from glossary._model import Entry
from glossary.formats import ExportOptions, Format, FormatError, Imported, register

VERSION = 1


def write(entries: Sequence[Entry], options: ExportOptions) -> tuple[str, list[str]]:
    """Every entry, whole (the export options do not apply: JSON keeps everything)."""
    payload = {"format": "glossary", "version": VERSION, "entries": [e.to_dict() for e in entries]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n", []


def read(text: str, path: str) -> Imported:
    """Entries from a file :func:`write` made (or a bare list of entry objects)."""
    try:
        payload: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"not valid JSON: {exc.msg}", path=path, line=exc.lineno) from None
    items = payload.get("entries") if isinstance(payload, dict) else payload
    if not isinstance(items, list):
        raise FormatError('expected {"entries": [...]} or a list of entries', path=path)
    imported = Imported()
    for number, item in enumerate(items):
        try:
            imported.entries.append(Entry.from_dict(item))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            field = f"entries[{number}]"
            if isinstance(exc, KeyError):
                field += f".{exc.args[0]}"
                message = "missing"
            else:
                message = f"not a valid entry ({exc})"
            raise FormatError(message, path=path, field=field) from None
    return imported


register(
    Format("json", "the full model as JSON (round-trips exactly)", ".json", write, read, "nothing")
)
