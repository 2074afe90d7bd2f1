"""What the English decisions of issue 16 cost the full-mode scan, paired in one process.

Run: python benchmarks/english_rules.py [ROUNDS] [MB]  (needs ../shared/data)

The text and term base are compare.py's (benchmarks/annotate.py's text, ``MB`` megabytes,
default 2, naming the 28,893 road names of ../shared/data, without the built-in term base).
The same warm matcher annotates it with the longer-name rule and the kind rule
(glossary._match.rules.in_longer_name, contradicted) each on and off, the four variants
interleaved round by round, best of ``ROUNDS`` (default 7). The everyday-word rule is
worked out once per key, not per hit: its cost is the list's load, timed on its own.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(rounds: int, megabytes: float) -> None:
    from benchmarks.annotate import make_text
    from benchmarks.roads import write_termbase
    from glossary import Glossary
    from glossary._match import facts, rules

    with tempfile.TemporaryDirectory() as tmp:
        roads = Path(tmp) / "roads.yaml"
        write_termbase(roads)
        roads.write_text(  # without the built-in term base the parents are not there
            "".join(
                line
                for line in roads.read_text(encoding="utf-8").splitlines(keepends=True)
                if not line.startswith("  parent: ")
            ),
            encoding="utf-8",
        )
        g = Glossary([roads], builtin=False, cache_dir=tmp)
        text, _ = make_text(g, megabytes)
        g.annotate(text)  # keys worked out, automatons built
        longer, kind = rules.in_longer_name, rules.contradicted

        def off(*args: object) -> bool:
            return False

        variants: dict[str, tuple[Callable[..., bool], Callable[..., bool]]] = {
            "both rules": (longer, kind),
            "neither": (off, off),
            "longer name only": (longer, off),
            "kind only": (off, kind),
        }
        best = dict.fromkeys(variants, float("inf"))
        spans = {}
        for _ in range(rounds):
            for name, (with_longer, with_kind) in variants.items():
                rules.in_longer_name, rules.contradicted = with_longer, with_kind
                start = time.perf_counter()
                spans[name] = len(g.annotate(text))
                best[name] = min(best[name], time.perf_counter() - start)
        rules.in_longer_name, rules.contradicted = longer, kind
        mb = len(text.encode()) / 1e6
        print(f"full mode, {mb:.1f} MB, roads term base, best of {rounds}:")
        print("| rules | seconds | MB/s | spans | x neither |")
        print("| --- | --- | --- | --- | --- |")
        for name, seconds in best.items():
            print(
                f"| {name} | {seconds:.3f} | {mb / seconds:.2f} | {spans[name]} "
                f"| {seconds / best['neither']:.3f} |"
            )
        loads = []
        for _ in range(rounds):
            facts.everyday_words.cache_clear()
            start = time.perf_counter()
            facts.everyday_words()
            loads.append(time.perf_counter() - start)
        print(
            f"\neveryday_words() load ({len(facts.everyday_words())} words): "
            f"{min(loads) * 1000:.1f} ms, once a process"
        )


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 7,
        float(sys.argv[2]) if len(sys.argv) > 2 else 2.0,
    )
