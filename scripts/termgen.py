"""Shared helpers of the scripts that generate term base layers (gen_government.py,
gen_laws.py, gen_stations.py): reading the reference data, writing entries as YAML in the
house layout, and the --check mode that says whether a committed file is stale.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
HEADER = ROOT / "scripts" / "termbase_header.txt"

sys.path.insert(0, str(ROOT))

from glossary._fsutil import atomic_write  # noqa: E402

Entry = dict[str, Any]

#: The order of an entry's fields, and of a term's, in the files we write.
ENTRY_FIELDS = (
    "id",
    "kind",
    "parent",
    "zh",
    "gloss",
    "en",
    "note",
    "definition",
    "since",
    "until",
    "tags",
    "prominence",
    "source",
)
TERM_FIELDS = ("term", "status", "system", "official", "case", "match", "fuzzy", "note")


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def slug(english: str) -> str:
    """An id from English: 'Ministry of the Interior' -> 'ministry-of-the-interior'."""
    text = re.sub(r"['’.]", "", english.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def scalar(value: object) -> str:
    """A YAML scalar, quoted only where YAML needs it."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    dumped: str = yaml.safe_dump([str(value)], allow_unicode=True, width=10000)
    return dumped[2:].rstrip("\n")


def _term_yaml(term: str | dict[str, Any]) -> list[str]:
    if isinstance(term, str):
        term = {"term": term}
    lines = [f"    - term: {scalar(term['term'])}"]
    for key in TERM_FIELDS[1:]:
        if key in term and term[key] is not None:
            lines.append(f"      {key}: {scalar(term[key])}")
    return lines


def entry_yaml(entry: Entry) -> str:
    unknown = set(entry) - set(ENTRY_FIELDS)
    if unknown:
        raise SystemExit(f"{entry['id']}: unknown fields {sorted(unknown)}")
    lines = [f"- id: {entry['id']}"]
    for key in ENTRY_FIELDS[1:]:
        value = entry.get(key)
        if value in (None, "", []):
            continue
        if key in ("zh", "en"):
            lines.append(f"  {key}:")
            for term in value:
                lines.extend(_term_yaml(term))
        elif key == "tags":
            lines.append(f"  tags: [{', '.join(scalar(t) for t in value)}]")
        else:
            lines.append(f"  {key}: {scalar(value)}")
    return "\n".join(lines)


def render(intro: str, entries: list[Entry]) -> str:
    """The whole file: the intro comment, the shared header, then the entries by id."""
    entries = sorted(entries, key=lambda e: str(e["id"]))
    ids = [e["id"] for e in entries]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SystemExit(f"duplicate ids: {', '.join(duplicates)}")
    comment = "".join(f"# {line}".rstrip() + "\n" for line in intro.strip("\n").split("\n"))
    header = HEADER.read_text(encoding="utf-8")
    return comment + "#\n" + header + "\n" + "\n\n".join(entry_yaml(e) for e in entries) + "\n"


def main(out: Path, build: Callable[[Path], str], doc: str) -> int:
    """Parse --data and --check, build the text and write it (or compare it)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the reference data folder")
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args()
    text = build(args.data)
    return write_or_check(out, text, args.check, f"{text.count(chr(10) + '- id: ')} entries")


def list_main(out: Path, build: Callable[[], str], doc: str, unit: str) -> int:
    """For a generated list (one item a line under a ``#`` header, no reference data):
    parse --check, build the text and write it (or compare it); ``unit`` names its items."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args()
    text = build()
    items = sum(1 for line in text.splitlines() if line and not line.startswith("#"))
    return write_or_check(out, text, args.check, f"{items} {unit}")


def write_or_check(out: Path, text: str, check: bool, what: str) -> int:
    """Write ``text`` to ``out`` atomically and say ``what`` it holds, or with ``check``
    exit 1 (and say so) if the committed file differs."""
    if check:
        if not out.is_file() or out.read_text(encoding="utf-8") != text:
            print(f"{out} is stale: run scripts/{Path(sys.argv[0]).name}", file=sys.stderr)
            return 1
        return 0
    with atomic_write(out) as handle:
        handle.write(text.encode("utf-8"))
    print(f"wrote {out.relative_to(ROOT)}: {what}")
    return 0
