"""Precision and recall of `glossary annotate` on the corpora of tests/fixtures/corpus.

Run: python benchmarks/precision.py [--list]

With the built-in term base: precision and recall by kind on the Taiwan news-style stories
(recall/, every name marked), and the names found in the stories about elsewhere
(false_positive/, where nothing should be). ``--list`` also prints each wrong and each
missed name. The table goes into docs/annotate.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from glossary import Glossary
from tests.corpus import FALSE_POSITIVE, RECALL, named, score, table


def main(argv: list[str]) -> None:
    g = Glossary()
    files = sorted(RECALL.glob("*.txt"))
    result = score(g, files)
    print(f"recall corpus: {len(files)} stories")
    print(table(result))
    if "--list" in argv:
        print("\nwrong:", *result.wrong, sep="\n  ")
        print("\nmissed:", *result.missed, sep="\n  ")
    print("\nfalse-positive corpus (nothing should be found):")
    total = 0
    for path in sorted(FALSE_POSITIVE.glob("*.txt")):
        found = named(g.annotate(path.read_text(encoding="utf-8")))
        total += len(found)
        names = ", ".join(f"{s.text} -> {s.entry.id}" for s in found if s.entry)
        print(f"  {path.name}: {len(found)}" + (f" ({names})" if names else ""))
    print(f"  total: {total}")


if __name__ == "__main__":
    main(sys.argv[1:])
