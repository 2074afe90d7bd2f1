"""Start-up of the command line at several revisions, side by side with `import typer`.

Run: python benchmarks/startup.py [--termbase N] [--rounds R] [REV ...]
(default: HEAD; e.g. `python benchmarks/startup.py --termbase 50000 6cd923a HEAD`).

Each revision is exported with `git archive` into a temp directory and run from there
(PYTHONPATH) with the current environment's packages, warm cache (each command is run once
before the timing, which builds the index and writes the bytecode, as after `pip install`):

- `glossary lookup Situn` and `glossary annotate` of one English paragraph, on the built-in
  term base;
- with `--termbase N`: `glossary --termbase districts-N.yaml annotate` of the same paragraph,
  N synthetic districts (benchmarks/unknown_names.py's term base) layered over the built-in
  one. Building that index takes a while once (about 35 s for 50,000): the revisions share
  it when their index format is the same.

The commands run in turn with `python -c "import typer"`, R rounds (default 20), so that
drift on a shared machine hits every command alike. Prints the minimum of each, and its
ratio to typer's, as a Markdown table with the machine, versions and load.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import tempfile
import timeit
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent
RUNS = 20
PARAGRAPH = (
    "The rally in Situn District was attended by Minister of the Interior Liu Shyh-fang, "
    "Taichung City councilors and residents of Hsi-t'un, Banqiao and 西屯區, who said the "
    "new road would cut through Xitun Dist. farmland.\n"
)
RUN = "import sys; from glossary.cli import main; sys.argv[0] = 'glossary'; main()"


def export(revision: str, into: Path) -> Path:
    """The tree of ``revision`` in a fresh directory under ``into``."""
    tree = Path(tempfile.mkdtemp(dir=into, prefix=f"{revision}-"))
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def _load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revisions", nargs="*", default=["HEAD"], metavar="REV")
    parser.add_argument(
        "--termbase",
        type=int,
        action="append",
        default=[],
        metavar="N",
        help="also annotate with N synthetic districts layered over the built-in term base",
    )
    parser.add_argument("--rounds", type=int, default=RUNS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:  # the 50k index alone is 125 MB
        run(args, Path(tmp))


def run(args: argparse.Namespace, work: Path) -> None:
    """Build the term bases and indexes in ``work``, time the commands, print the table."""
    paragraph = work / "paragraph.txt"
    paragraph.write_text(PARAGRAPH, encoding="utf-8")
    termbases: list[tuple[int, Path]] = []
    if args.termbase:
        from benchmarks.unknown_names import make_corpus

        for terms in args.termbase:
            path, _, _ = make_corpus(terms, 0.001, work)
            termbases.append((terms, path))
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    base["GLOSSARY_CACHE_DIR"] = str(work / "cache")
    typer = [sys.executable, "-c", "import typer"]
    rows = ["lookup Situn", "annotate paragraph.txt"] + [
        f"--termbase {path.name} annotate paragraph.txt" for _, path in termbases
    ]
    commands: list[tuple[str, str, list[str], dict[str, str]]] = [("", "import typer", typer, base)]
    for revision in args.revisions:
        env = {**base, "PYTHONPATH": str(export(revision, work))}
        glossary = [sys.executable, "-c", RUN]
        commands.append((revision, rows[0], [*glossary, "lookup", "Situn"], env))
        commands.append((revision, rows[1], [*glossary, "annotate", str(paragraph)], env))
        for (_, path), row in zip(termbases, rows[2:], strict=True):
            annotate = [*glossary, "--termbase", str(path), "annotate", str(paragraph)]
            commands.append((revision, row, annotate, env))
    for _, _, command, env in commands:  # builds the indexes, writes the bytecode
        subprocess.run(command, env=env, check=True, capture_output=True)
    load_before = _load()
    best = {(rev, row): float("inf") for rev, row, _, _ in commands}
    for _ in range(args.rounds):
        for rev, row, command, env in commands:
            start = timeit.default_timer()
            subprocess.run(command, env=env, check=True, capture_output=True)
            best[rev, row] = min(best[rev, row], timeit.default_timer() - start)
    typer_time = best["", "import typer"]
    options = [f"--termbase {t}" for t in args.termbase]
    options += [f"--rounds {args.rounds}"] if args.rounds != RUNS else []
    options += args.revisions
    print(
        f"Run {datetime.date.today()} on {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{platform.system()}; typer {version('typer')}. Load average {load_before} before, "
        f"{_load()} after. Command: `python benchmarks/startup.py {' '.join(options)}`; "
        f"minimum of {args.rounds} interleaved rounds.\n"
    )
    print(f"| command | {' | '.join(args.revisions)} |")
    print(f"| --- |{' --- |' * len(args.revisions)}")
    blanks = " |" * (len(args.revisions) - 1)
    print(f'| `python -c "import typer"` (same run) | {typer_time * 1000:.1f} ms |{blanks}')
    for row in rows:
        cells = [
            f"{best[rev, row] * 1000:.1f} ms ({best[rev, row] / typer_time:.2f}x)"
            for rev in args.revisions
        ]
        print(f"| warm `glossary {row}` | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
