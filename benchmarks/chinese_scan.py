"""Where a Chinese scan's time goes, part by part, beside ahocorasick_rs on the same text.

Run: python benchmarks/chinese_scan.py [MB] [CHECKOUT]  (default 5 MB; needs ../shared/data).

The text and term base are benchmarks/annotate.py's Chinese table's (names planted between
a full-width comma and a full stop in random filler, half Traditional and half Simplified;
the built-in term base and the 28,893 road names). With CHECKOUT, that checkout's glossary
is imported instead (put first on sys.path), so that two versions can be run in turn.
Every figure is CPU time (``time.process_time``: the machine is shared), the best of five
rounds taken in turn:

- the whole ``Glossary.annotate`` without its context decisions (homonyms, places abroad:
  ``glossary._match.context.decide``, left out by replacing it for the run with a function
  that returns the spans as they are), and its parts: the fold, the automaton over the
  folded text, the leftmost-longest pass, building the spans, the typo pass, the doubts;
- the context decisions alone on the first 0.1, 0.2 and 0.4 MB (this text has no
  paragraph breaks: the three show that their time grows with its length, not its square,
  as it did before 1fccfdc);
- ahocorasick_rs (leftmost-longest) over the raw text with the Traditional terms, the
  matches collected into a set (benchmarks/annotate.py's baseline).
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROUNDS = 5


def chinese_text(glossary: Any, megabytes: float) -> tuple[str, list[tuple[int, int]]]:
    """The planted Chinese text of benchmarks/annotate.py's Chinese table: random filler,
    then a full-width comma, a name (half Traditional, half Simplified) and a full stop,
    over and over; and where each name was planted."""
    import random

    from benchmarks.annotate import CHINESE_FILLER
    from glossary._script import to_simplified

    rng = random.Random(11)
    entries = list(glossary)
    out: list[str] = []
    planted: list[tuple[int, int]] = []
    size = 0
    while size < megabytes * 1_000_000 / 3:  # three UTF-8 bytes a character
        filler = "".join(rng.choice(CHINESE_FILLER) for _ in range(rng.randint(40, 80)))
        entry = rng.choice(entries)
        name = entry.chinese if rng.random() < 0.5 else to_simplified(entry.chinese)
        start = size + len(filler) + 1
        planted.append((start, start + len(name)))
        piece = f"{filler}，{name}。"
        out.append(piece)
        size += len(piece)
    return "".join(out), planted


def _best(jobs: dict[str, Callable[[], Any]], rounds: int = ROUNDS) -> dict[str, float]:
    """The best CPU time of each job, the jobs taken in turn in every round."""
    best = dict.fromkeys(jobs, float("inf"))
    for _ in range(rounds):
        for name, job in jobs.items():
            start = time.process_time()
            job()
            best[name] = min(best[name], time.process_time() - start)
    return best


def report(megabytes: float) -> list[str]:
    import ahocorasick_rs

    import glossary._match.scan as scan
    from benchmarks.roads import write_termbase
    from glossary import Glossary
    from glossary._match.context import decide
    from glossary._match.doubts import add_doubts
    from glossary._match.fold import fold

    with tempfile.TemporaryDirectory() as tmp:
        roads = Path(tmp) / "roads.yaml"
        write_termbase(roads)
        glossary = Glossary([roads], cache_dir=tmp)
        text, _ = chinese_text(glossary, megabytes)
        mb = len(text.encode()) / 1e6
        terms = sorted({t.text for e in glossary for t in e.zh})
        automaton = ahocorasick_rs.AhoCorasick(
            terms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )
        scan.decide = lambda spans, index, text="": list(spans)  # type: ignore[assignment]
        glossary.annotate("預熱")
        spans = glossary.annotate(text)  # keys worked out, automatons built
        matcher = glossary._matcher_obj
        assert matcher is not None
        folded = fold(text)
        hits = matcher._leftmost_longest_hits(text, folded)
        plain = matcher.find(text, fuzzy=False)
        leftmost = getattr(matcher, "_leftmost_automaton", None)
        index, prefer = glossary._index, glossary.prefer
        jobs: dict[str, Callable[[], Any]] = {
            "annotate, without the context decisions": lambda: glossary.annotate(text),
            "fold": lambda: fold(text),
        }
        if leftmost is not None:
            jobs["leftmost-longest automaton over the folded text"] = lambda: (
                leftmost.find_matches_as_indexes(folded.text)
            )
        jobs["the leftmost-longest pass (automaton included)"] = lambda: (
            matcher._leftmost_longest_hits(text, folded)
        )
        jobs["find without typos (fold, pass, spans)"] = lambda: matcher.find(text, fuzzy=False)
        jobs["typo pass"] = lambda: matcher.typos.find(text, plain, 88.0)
        jobs["doubts"] = lambda: add_doubts(spans, index, prefer)
        jobs["ahocorasick_rs (leftmost-longest)"] = lambda: {
            (s, e) for _, s, e in automaton.find_matches_as_indexes(text)
        }
        best = _best(jobs)
        scan.decide = decide
        growth = []
        for part in (0.1, 0.2, 0.4):
            piece = text[: int(len(text) * part / megabytes)]
            undecided = [s for s in spans if s.end <= len(piece)]
            job = lambda found=undecided, piece=piece: decide(found, index, piece)  # noqa: E731
            growth.append((part, len(undecided), _best({"": job}, rounds=3)[""]))
    aho = best["ahocorasick_rs (leftmost-longest)"]
    lines = [
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {platform.machine()}, "
        f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, CPython "
        f"{platform.python_version()}, ahocorasick_rs {version('ahocorasick-rs')}; glossary "
        f"from {Path(scan.__file__).parents[2]}. {mb:.1f} MB of planted Chinese, "
        f"{len(spans):,} spans ({len(hits):,} hits), {len(terms):,} Traditional terms for "
        "ahocorasick_rs. CPU time, best of 5 rounds in turn:",
        "",
        "| part | ms | x ahocorasick_rs's time |",
        "| --- | --- | --- |",
    ]
    for name, seconds in best.items():
        lines.append(f"| {name} | {seconds * 1e3:.0f} | {seconds / aho:.2f} |")
    whole = best["annotate, without the context decisions"]
    lines += [
        "",
        f"annotate without the context decisions: {mb / whole:.1f} MB/s, "
        f"{aho / whole:.2f}x ahocorasick_rs's speed ({mb / aho:.1f} MB/s).",
        "",
        "The context decisions alone, on the text's first megabytes (one paragraph):",
        "",
        "| MB | spans | decide, ms |",
        "| --- | --- | --- |",
    ]
    lines += [f"| {part} | {n:,} | {seconds * 1e3:.0f} |" for part, n, seconds in growth]
    return lines


if __name__ == "__main__":
    # glossary (and the benchmarks package's helpers, which make the same text and term
    # base) from CHECKOUT if given, else from this checkout
    here = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(Path(sys.argv[2]).resolve() if len(sys.argv) > 2 else here))
    print("\n".join(report(float(sys.argv[1]) if len(sys.argv) > 1 else 5.0)))
