"""Benchmarks for the grown built-in term base (issue 12): index build, warm lookup, annotate.

Run: python benchmarks/termbase.py [MB]  (from a git checkout, with ../shared/data beside it).

The baseline is the built-in term base as it was before issue 12 (terms/ at commit
BEFORE: the 22 counties and cities, the 368 townships and a few curated entries), read
from git into a temporary directory and loaded with --no-builtin, so that both sides run
the same code in the same run:

- cold index build: a fresh process builds the index into an empty cache and looks up one
  name (min of ROUNDS, the two term bases in turn);
- warm `glossary lookup Situn` against `python -c "import typer"` (min of ROUNDS, in turn);
- annotate throughput on benchmarks/annotate.py's text (the planted names of the old term
  base plus the 28,893 road names, MB of English), each term base with the roads, in turn.
"""

from __future__ import annotations

import datetime
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import timeit
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.annotate import make_text
from benchmarks.roads import write_termbase
from glossary import Glossary
from glossary._audit import stats

ROOT = Path(__file__).resolve().parent.parent
#: The last commit before issue 12's term base.
BEFORE = "94c7416"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
LOOKUP_ROUNDS = 15


def old_terms(into: Path) -> Path:
    """terms/ as it was at BEFORE, written under ``into``."""
    folder = into / "terms-before"
    folder.mkdir()
    names = subprocess.run(
        ["git", "-C", str(ROOT), "ls-tree", "--name-only", f"{BEFORE}:terms"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for name in names:
        data = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{BEFORE}:terms/{name}"],
            capture_output=True,
            check=True,
        ).stdout
        (folder / name).write_bytes(data)
    return folder


def glossary_script() -> str:
    found = shutil.which("glossary")
    if found is None:
        raise SystemExit("the glossary script is not installed: pip install -e . first")
    return found


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = timeit.default_timer()
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    return timeit.default_timer() - start


def report(megabytes: float = 2.0) -> list[str]:
    """The term base table, as Markdown lines."""
    script = glossary_script()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": ""}
    env.pop("GLOSSARY_TERMBASE", None)
    counts, _ = stats()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        before = old_terms(tmp)
        old_args = ["--no-builtin", "--termbase", str(before)]
        old_count, _ = stats([before], builtin=False)

        # cold index build: a fresh cache each time
        build_new, build_old = float("inf"), float("inf")
        for i in range(ROUNDS):
            for side in ("new", "old"):
                cache = tmp / f"cache-{side}-{i}"
                run_env = {**env, "GLOSSARY_CACHE_DIR": str(cache)}
                extra = [] if side == "new" else old_args
                took = timed([script, *extra, "lookup", "Situn"], run_env)
                if side == "new":
                    build_new = min(build_new, took)
                else:
                    build_old = min(build_old, took)

        # warm lookup against importing typer
        warm_env = {**env, "GLOSSARY_CACHE_DIR": str(tmp / "cache-new-0")}
        old_env = {**env, "GLOSSARY_CACHE_DIR": str(tmp / "cache-old-0")}
        warm, warm_old, typer_import = float("inf"), float("inf"), float("inf")
        for _ in range(LOOKUP_ROUNDS):
            warm = min(warm, timed([script, "lookup", "Situn"], warm_env))
            warm_old = min(warm_old, timed([script, *old_args, "lookup", "Situn"], old_env))
            typer_import = min(
                typer_import, timed([sys.executable, "-c", "import typer"], warm_env)
            )

        # annotate throughput, both term bases with the 28,893 roads, on one text
        roads = tmp / "roads.yaml"
        write_termbase(roads)
        old = Glossary([before, roads], builtin=False, cache_dir=tmp / "annotate-old")
        new = Glossary([roads], cache_dir=tmp / "annotate-new")
        text, _ = make_text(old, megabytes)
        size = len(text.encode("utf-8")) / 1e6
        old.annotate("warm up")
        new.annotate("warm up")
        old_best, new_best = float("inf"), float("inf")
        old_spans = new_spans = 0
        for _ in range(ROUNDS):
            start = timeit.default_timer()
            old_spans = len(old.annotate(text))
            old_best = min(old_best, timeit.default_timer() - start)
            start = timeit.default_timer()
            new_spans = len(new.annotate(text))
            new_best = min(new_best, timeit.default_timer() - start)

    today = datetime.date.today().isoformat()
    machine = f"{platform.machine()}, {os.cpu_count()} cores, CPython {platform.python_version()}"
    total_new = counts["total"]
    total_old = old_count["total"]
    lines = [
        f"Run {today} on {machine}; glossary {version('glossary')}. Command: `python "
        f"benchmarks/termbase.py {megabytes:g}`. Minimum of {ROUNDS} rounds ({LOOKUP_ROUNDS} "
        "for the warm lookup), the two sides in turn. Before: terms/ at commit "
        f"{BEFORE} ({total_old} entries); after: the built-in term base now "
        f"({total_new} entries; the roads pack not loaded).",
        "",
        "| question | after | before (same run) | ratio | goal |",
        "| --- | --- | --- | --- | --- |",
        f"| cold `glossary lookup Situn` (index build in a fresh cache) | {build_new:.2f} s | "
        f"{build_old:.2f} s | {build_new / build_old:.2f}x | |",
        f"| warm `glossary lookup Situn`, wall time | {warm * 1000:.0f} ms | "
        f'`python -c "import typer"` {typer_import * 1000:.0f} ms | '
        f"{warm / typer_import:.2f}x | < 2x |",
        f"| warm `glossary lookup Situn`, after against before | {warm * 1000:.0f} ms | "
        f"{warm_old * 1000:.0f} ms | {warm / warm_old:.2f}x | |",
        f"| annotate, {size:.1f} MB of English (benchmarks/annotate.py's text), with the "
        f"28,893 roads | {size / new_best:.2f} MB/s ({new_spans:,} spans) | "
        f"{size / old_best:.2f} MB/s ({old_spans:,} spans) | "
        f"{old_best / new_best:.2f}x | within 10% |",
    ]
    return lines


if __name__ == "__main__":
    print("\n".join(report(float(sys.argv[1]) if len(sys.argv) > 1 else 2.0)))
