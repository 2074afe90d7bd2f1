"""Rewrite the shared header of every term base file from scripts/termbase_header.txt.

Each file under terms/ (packs included) opens with a few lines of its own (what it holds,
its source and licence, whether it is generated), then the shared header, which starts at
the line "# A glossary term base file". This script replaces that shared block, up to the
first line that is not a comment, with the current text of termbase_header.txt, leaving
the file's own lines and its entries alone. Generated files get the same header from
their generator; rewriting them here keeps them identical to what it writes.

    python scripts/update_headers.py          # rewrite the files whose header is stale
    python scripts/update_headers.py --check  # exit 1 naming the stale files
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START = "# A glossary term base file"


def with_header(text: str, header: str) -> str:
    """``text`` with its shared header block replaced by ``header``."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith(START)), None)
    if start is None:
        raise ValueError(f"no line starting {START!r}")
    end = start
    while end < len(lines) and lines[end].startswith("#"):
        end += 1
    return "".join(lines[:start]) + header + "".join(lines[end:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a header is stale")
    parser.add_argument("--terms", type=Path, default=ROOT / "terms")
    args = parser.parse_args()
    header = (ROOT / "scripts" / "termbase_header.txt").read_text(encoding="utf-8")
    stale = []
    for path in sorted(args.terms.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        try:
            new = with_header(text, header)
        except ValueError as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            return 1
        if new != text:
            stale.append(path)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    for path in stale:
        print(f"{path}: {'stale header' if args.check else 'header rewritten'}", file=sys.stderr)
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
