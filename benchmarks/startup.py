"""Start-up of the command line at several revisions, side by side with `import typer`.

Run: python benchmarks/startup.py [REV...]  (default: HEAD; e.g. `94c7416 main HEAD`).

Each revision is exported with `git archive` into a temp directory and run from there
(PYTHONPATH) with the current environment's packages: `glossary lookup Situn` and
`glossary annotate` of one paragraph, warm cache, interleaved with `python -c "import
typer"` so that drift on a shared machine hits every command alike. Bytecode is written
and read, as after `pip install`. Prints the minimum of each, and its ratio to typer's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import timeit
from pathlib import Path

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


def main() -> None:
    revisions = sys.argv[1:] or ["HEAD"]
    work = Path(tempfile.mkdtemp())
    paragraph = work / "paragraph.txt"
    paragraph.write_text(PARAGRAPH, encoding="utf-8")
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    base["GLOSSARY_CACHE_DIR"] = str(work / "cache")
    commands: list[tuple[str, list[str], dict[str, str]]] = [
        ("import typer", [sys.executable, "-c", "import typer"], base)
    ]
    for revision in revisions:
        env = {**base, "PYTHONPATH": str(export(revision, work))}
        commands.append(
            (f"{revision}: lookup", [sys.executable, "-c", RUN, "lookup", "Situn"], env)
        )
        annotate = [sys.executable, "-c", RUN, "annotate", str(paragraph)]
        commands.append((f"{revision}: annotate", annotate, env))
    for _, command, env in commands:  # builds the index, writes the bytecode
        subprocess.run(command, env=env, check=True, capture_output=True)
    best = {name: float("inf") for name, _, _ in commands}
    for _ in range(RUNS):
        for name, command, env in commands:
            start = timeit.default_timer()
            subprocess.run(command, env=env, check=True, capture_output=True)
            best[name] = min(best[name], timeit.default_timer() - start)
    typer = best["import typer"]
    print(f"| command | wall time (min of {RUNS}) | of `import typer` |\n| --- | --- | --- |")
    for name, seconds in best.items():
        print(f"| {name} | {seconds * 1000:.1f} ms | {seconds / typer:.2f}x |")


if __name__ == "__main__":
    main()
