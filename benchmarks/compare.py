"""Two checkouts of glossary side by side: annotate speed and CLI start-up, in one run.

Run: python benchmarks/compare.py OTHER_CHECKOUT [MB]  (needs ../shared/data).

Both checkouts annotate the same text (benchmarks/annotate.py's, ``MB`` megabytes, default 2)
with the same term base (the 28,893 road names of ../shared/data, without either's built-in
term base, so that only the matcher differs), in fresh processes taken in turn, best of
several rounds; then each one's `glossary annotate` of one paragraph on its own built-in term
base, against `python -c "import typer"`. The other checkout is imported by putting it first
on PYTHONPATH.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import timeit
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))

ROUNDS = int(os.environ.get("ROUNDS", "5"))

TIMED = r"""
import sys, time
from glossary import Glossary
g = Glossary([sys.argv[1]], builtin=False, cache_dir=sys.argv[2])
text = open(sys.argv[3], encoding="utf-8").read()
g.annotate(text)  # keys worked out, automatons built
best = {}
for mode in ("full", "exact"):
    times = []
    for _ in range(3):
        t = time.perf_counter()
        g.annotate(text, exact=mode == "exact")
        times.append(time.perf_counter() - t)
    best[mode] = min(times)
print(best["full"], best["exact"])
"""

PARAGRAPH = (
    "The rally in Situn District was attended by Minister of the Interior Liu Shyh-fang, "
    "Taichung City councilors and residents of Hsi-t'un, Banqiao and 西屯區.\n"
)


def main(other: Path, megabytes: float) -> None:
    from benchmarks.annotate import make_text
    from benchmarks.roads import write_termbase
    from glossary import Glossary

    checkouts = {"this": HERE, "other": other.resolve()}
    with tempfile.TemporaryDirectory() as tmp:
        roads = Path(tmp) / "roads.yaml"
        write_termbase(roads)
        # Without either built-in term base, the roads' parents (the districts) are not
        # there: drop them (they only decide homonyms)
        roads.write_text(
            "".join(
                line
                for line in roads.read_text(encoding="utf-8").splitlines(keepends=True)
                if not line.startswith("  parent: ")
            ),
            encoding="utf-8",
        )
        text, _ = make_text(Glossary([roads], builtin=False, cache_dir=tmp), megabytes)
        text_path = Path(tmp) / "text.txt"
        text_path.write_text(text, encoding="utf-8")
        mb = len(text.encode()) / 1e6
        best = {name: [float("inf"), float("inf")] for name in checkouts}
        for _ in range(ROUNDS):
            for name, root in checkouts.items():
                env = {**os.environ, "PYTHONPATH": str(root)}
                cache = Path(tmp) / name
                cache.mkdir(exist_ok=True)
                done = subprocess.run(
                    [sys.executable, "-c", TIMED, str(roads), str(cache), str(text_path)],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                )
                full, exact = map(float, done.stdout.split())
                best[name][0] = min(best[name][0], full)
                best[name][1] = min(best[name][1], exact)
        print(f"annotate, {mb:.1f} MB, roads term base; best of {ROUNDS} rounds x 3:")
        print("| checkout | full mode MB/s | exact mode MB/s |")
        print("| --- | --- | --- |")
        for name, (full, exact) in best.items():
            print(f"| {name} ({checkouts[name]}) | {mb / full:.2f} | {mb / exact:.2f} |")
        print(
            f"full mode: this / other = {best['other'][0] / best['this'][0]:.3f}; "
            f"exact mode: {best['other'][1] / best['this'][1]:.3f} (above 1: this is faster)"
        )
        para = Path(tmp) / "paragraph.txt"
        para.write_text(PARAGRAPH, encoding="utf-8")
        start = {name: float("inf") for name in (*checkouts, "import typer")}
        for name, root in checkouts.items():  # warm each one's index cache first
            env = {
                **os.environ,
                "PYTHONPATH": str(root),
                "GLOSSARY_CACHE_DIR": str(Path(tmp) / name),
            }
            subprocess.run(  # the command timed below: glossary.cli has no __main__
                [
                    sys.executable,
                    "-c",
                    "from glossary.cli import main; main()",
                    "annotate",
                    str(para),
                ],
                env=env,
                capture_output=True,
                check=True,
            )
        for _ in range(15):
            for name in start:
                if name == "import typer":
                    cmd, env = [sys.executable, "-c", "import typer"], dict(os.environ)
                else:
                    root = checkouts[name]
                    cmd = [
                        sys.executable,
                        "-c",
                        "from glossary.cli import main; main()",
                        "annotate",
                        str(para),
                    ]
                    env = {
                        **os.environ,
                        "PYTHONPATH": str(root),
                        "GLOSSARY_CACHE_DIR": str(Path(tmp) / name),
                    }
                t = timeit.default_timer()
                subprocess.run(cmd, env=env, capture_output=True, check=True)
                start[name] = min(start[name], timeit.default_timer() - t)
        print()
        print("warm `glossary annotate` of one paragraph (built-in term base), best of 15:")
        print("| | seconds | x import typer |")
        print("| --- | --- | --- |")
        for name, seconds in start.items():
            print(f"| {name} | {seconds:.3f} | {seconds / start['import typer']:.2f} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]), float(sys.argv[2]) if len(sys.argv) > 2 else 2.0)
