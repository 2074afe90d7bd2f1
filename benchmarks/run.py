"""Benchmarks: CLI start-up, lookups, cold index build, romanization, annotation, export
and import.

Run: python benchmarks/run.py  (needs ../shared/data beside the checkout and glossary
installed, e.g. pip install ".[test]"). Prints a Markdown report for docs/benchmarks.md.

Each figure is the minimum of several runs, measured in one run side by side with what a
user would do instead: `python -c "import typer"` for start-up, rapidfuzz.process.extract on
the same strings for fuzzy lookup.
"""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
import sys
import tempfile
import timeit
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.annotate import report as annotate_report
from benchmarks.formats import report as formats_report
from benchmarks.roads import write_termbase
from benchmarks.romanize import report as romanization_report
from glossary import Glossary
from glossary._text import latin_key

RUNS = 15

PARAGRAPH = (
    "The rally in Situn District was attended by Minister of the Interior Liu Shyh-fang, "
    "Taichung City councilors and residents of Hsi-t'un, Banqiao and 西屯區, who said the "
    "new road would cut through Xitun Dist. farmland.\n"
)


def wall_interleaved(cmds: list[list[str]], env: dict[str, str], runs: int = RUNS) -> list[float]:
    """Minimum wall time of each command, run in turn so that drift on a shared machine
    hits them all alike."""
    best = [float("inf")] * len(cmds)
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            start = timeit.default_timer()
            subprocess.run(cmd, env=env, check=True, capture_output=True)
            best[i] = min(best[i], timeit.default_timer() - start)
    return best


def per_call(fn: object, number: int) -> float:
    """Minimum time per call over 5 repeats, in seconds."""
    assert callable(fn)
    return min(timeit.repeat(fn, number=number, repeat=5)) / number


def per_call_interleaved(fns: list[Callable[[], object]], number: int) -> list[float]:
    """Minimum time per call of each function over 9 rounds, run in turn in each round."""
    best = [float("inf")] * len(fns)
    for _ in range(9):
        for i, fn in enumerate(fns):
            best[i] = min(best[i], timeit.timeit(fn, number=number) / number)
    return best


def cold_build(termbase: Path) -> tuple[float, float]:
    """Cold index build of a term base in a fresh process: (seconds, peak RSS in MB)."""
    code = (
        "import resource, sys, time\n"
        "from glossary import Glossary\n"
        "t = time.perf_counter()\n"
        "g = Glossary([sys.argv[1]], cache_dir=sys.argv[2])\n"
        "assert g.index_info.built\n"
        "seconds = time.perf_counter() - t\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:  # this process's own peak (ru_maxrss may carry the parent's after exec)\n"
        "    peak = next(int(l.split()[1]) for l in open('/proc/self/status')\n"
        "                if l.startswith('VmHWM:'))\n"
        "except OSError:\n"
        "    pass\n"
        "print(seconds, peak)\n"
    )
    best = (float("inf"), 0.0)
    for _ in range(3):
        with tempfile.TemporaryDirectory() as cache:
            out = subprocess.run(
                [sys.executable, "-c", code, str(termbase), cache],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()
        seconds, rss_kb = float(out[0]), float(out[1])
        best = min(best, (seconds, rss_kb / 1024))
    return best


def main() -> None:
    script = Path(sys.executable).parent / "glossary"
    cache = tempfile.mkdtemp()
    env = {**os.environ, "GLOSSARY_CACHE_DIR": cache}
    # As after `pip install`, which compiles every module: the commands below may write and
    # read bytecode, even where the environment says not to (the first, warm-up run writes it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["GLOSSARY_CACHE_DIR"] = cache
    lines: list[str] = []
    say = lines.append

    # 1. CLI start-up, warm cache.
    subprocess.run([str(script), "lookup", "Situn"], env=env, check=True, capture_output=True)
    paragraph = Path(cache) / "paragraph.txt"
    paragraph.write_text(PARAGRAPH, encoding="utf-8")
    subprocess.run(
        [str(script), "annotate", str(paragraph)], env=env, check=True, capture_output=True
    )
    typer_s, lookup_s, python_s, annotate_s = wall_interleaved(
        [
            [sys.executable, "-c", "import typer"],
            [str(script), "lookup", "Situn"],
            [sys.executable, "-c", "pass"],
            [str(script), "annotate", str(paragraph)],
        ],
        env,
        runs=RUNS * 2,
    )

    # 2. Exact lookups, built-in term base.
    g = Glossary()
    g.get("Situn")
    exact_get = per_call(lambda: g.get("Situn District"), 20000)
    exact_cjk = per_call(lambda: g.get("西屯區"), 20000)
    exact_variant = per_call(lambda: g.lookup("Situn"), 20000)
    names = [e.english for e in g]

    uncached = float("inf")
    for _ in range(5):
        fresh = Glossary()  # reopens the cached index: every key is read from SQLite
        len(fresh)
        start = timeit.default_timer()
        for name in names:
            fresh.lookup(name)
        uncached = min(uncached, (timeit.default_timer() - start) / len(names))

    # 3. The 30k road term base: cold build, exact and fuzzy lookups.
    with tempfile.TemporaryDirectory() as tmp:
        roads = Path(tmp) / "roads.yaml"
        n_roads = write_termbase(roads)
        build_s, build_mb = cold_build(roads)
        big = Glossary([roads])
        big.get("Situn")
        big_exact = per_call(lambda: big.get("Sec. 1, Bade Rd."), 20000)
        road_names = [e.english for e in big][::10]
        big_uncached = float("inf")
        for _ in range(5):
            fresh = Glossary([roads])
            len(fresh)
            start = timeit.default_timer()
            for name in road_names:
                fresh.lookup(name)
            big_uncached = min(big_uncached, (timeit.default_timer() - start) / len(road_names))
        query = "Zhongshn Rd."
        assert big.lookup(query)[0].match.value == "fuzzy"
        from rapidfuzz import fuzz, process

        choices = big._index.fuzzy_choices()[0]
        key = latin_key(query)
        big_fuzzy, raw_fuzzy = per_call_interleaved(
            [
                lambda: big.lookup(query, limit=10),
                lambda: process.extract(key, choices, scorer=fuzz.ratio, limit=80, score_cutoff=75),
            ],
            20,
        )
        n_keys = len(choices)

    today = datetime.date.today().isoformat()
    say(
        f"Run {today} on {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.python_implementation()} {platform.python_version()}, {platform.system()}; "
        f"glossary {version('glossary')}, typer {version('typer')}, "
        f"rapidfuzz {version('rapidfuzz')}, pypinyin {version('pypinyin')}, "
        f"PyYAML {version('PyYAML')}. Command: `python benchmarks/run.py`. "
        f"Minimum of {RUNS * 2} interleaved runs for commands, of 5 repeats for library "
        "calls."
    )
    say("")
    say("| question | glossary | baseline (same run) | ratio | goal |")
    say("| --- | --- | --- | --- | --- |")
    say(
        f"| warm `glossary lookup Situn`, wall time | {lookup_s * 1000:.0f} ms | "
        f'`python -c "import typer"` {typer_s * 1000:.0f} ms (bare `python`: '
        f"{python_s * 1000:.0f} ms) | {lookup_s / typer_s:.2f}x | < 2x |"
    )
    say(
        f"| warm `glossary annotate` of one paragraph ({len(PARAGRAPH)} characters), wall "
        f"time | {annotate_s * 1000:.0f} ms | `import typer`, same run | "
        f"{annotate_s / typer_s:.2f}x | < 2x |"
    )
    say(
        f'| exact `get("Situn District")`, built-in term base | {exact_get * 1e6:.1f} µs | '
        f"| | < 20 µs |"
    )
    say(f'| exact `get("西屯區")` | {exact_cjk * 1e6:.1f} µs | | | < 20 µs |')
    say(f'| `lookup("Situn")` (variant) | {exact_variant * 1e6:.1f} µs | | | |')
    say(
        f"| `lookup()` of {len(names)} distinct names, each read from SQLite once | "
        f"{uncached * 1e6:.1f} µs per name | | | < 20 µs |"
    )
    say(
        f'| exact `get("Sec. 1, Bade Rd.")`, {n_roads:,}-road term base | '
        f"{big_exact * 1e6:.1f} µs | | | < 20 µs |"
    )
    say(
        f"| `lookup()` of {len(road_names):,} distinct road names, each read from SQLite "
        "once | "
        f"{big_uncached * 1e6:.1f} µs per name | | | < 20 µs |"
    )
    say(
        f'| fuzzy `lookup("Zhongshn Rd.")`, {n_roads:,} roads ({n_keys:,} keys) | '
        f"{big_fuzzy * 1000:.2f} ms | `rapidfuzz.process.extract` on the same {n_keys:,} "
        f"keys {raw_fuzzy * 1000:.2f} ms | {big_fuzzy / raw_fuzzy:.2f}x | < 1.5x |"
    )
    say(
        f"| cold index build, {n_roads:,} roads (YAML, validation, readings, SQLite) | "
        f"{build_s:.1f} s, peak RSS {build_mb:.0f} MB | | | |"
    )
    say("")
    say("## Romanization (issue 3)")
    say("")
    lines.extend(romanization_report())
    say("")
    say("## Annotate (issue 4)")
    say("")
    lines.extend(annotate_report())
    say("")
    say("## Export and import (issue 5)")
    say("")
    lines.extend(formats_report())
    print("\n".join(lines))


if __name__ == "__main__":
    main()
