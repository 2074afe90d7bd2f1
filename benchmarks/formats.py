"""Benchmarks for export and import, against translate-toolkit doing the same conversion.

Run through benchmarks/run.py, or alone: python benchmarks/formats.py. The term base is
the built-in one plus the 28,893 road names of ../shared/data. Each row is one job done
by glossary and by translate-toolkit (what a localisation engineer would reach for) on the
same entries in the same run:

- TBX out: glossary's TBX v2 export (every term with status, notes, sources) against
  translate-toolkit's csv2tbx on the same pairs (one term per language, nothing else).
- CSV to TBX: the same conversion on both sides: a CSV of the pairs read and written out
  as TBX v2 (glossary's csv reader and TBX writer; csv2tbx).
- TBX in: reading glossary's TBX v2 file: glossary's reader (entries with every term)
  against translate-toolkit's tbxfile (units with the first term of each language). A
  third line gives the floor both stand on: lxml parsing the file into a tree, nothing else.
- CSV out / in: the bilingual CSV (source, target, context, comment), written and read by
  glossary and by translate-toolkit's csvl10n.

Each job runs in a fresh process that first loads its input, three times over, glossary's
and translate-toolkit's processes in turn (the machine is shared and drifts): the time is
the best of three runs of the job in each; the memory is how far the first process's first
run raised its peak RSS
(VmHWM, reset after loading; Linux) above what it had after loading (lxml's trees live
outside Python's allocator, so tracemalloc would not see them).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.roads import write_termbase
from glossary import Glossary
from glossary.formats import ExportOptions, export

_HARNESS = """
import sys, timeit
from pathlib import Path
tmp = Path(sys.argv[1])
{setup}
def job():
{job}
def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) / 1024
open("/proc/self/clear_refs", "w").write("5")  # Linux: the peak (VmHWM) restarts from now
rss = status("VmRSS:")
job()  # the first run: how far it raises the peak above what setup left
grown = status("VmHWM:") - rss
print(min(timeit.repeat(job, number=1, repeat=3)), grown)
"""

_OURS = """
from glossary import Glossary
from glossary.formats import ExportOptions, export, read
glossary = Glossary([tmp / "roads.yaml"], cache_dir=tmp)
len(glossary)
tbx_text = (tmp / "roads.tbx").read_text(encoding="utf-8")
csv_text = (tmp / "roads.csv").read_text(encoding="utf-8")
pairs_text = (tmp / "pairs.csv").read_text(encoding="utf-8")
from glossary.formats import get_format
"""

_THEIRS = """
import io
from translate.convert.csv2tbx import csv2tbx
from translate.storage import csvl10n, tbx
tbx_bytes = (tmp / "roads.tbx").read_bytes()
csv_bytes = (tmp / "roads.csv").read_bytes()
pairs_bytes = (tmp / "pairs.csv").read_bytes()
PAIRS = [line.split("\t") for line in (tmp / "pairs.tsv").read_text("utf-8").splitlines()]
"""

#: Fresh processes per side and job, taken in turn; the best time of each side counts.
ROUNDS = 3

_PARSE = """
from lxml import etree
tbx_bytes = (tmp / "roads.tbx").read_bytes()
"""

JOBS = [
    (
        "TBX out",
        "`export -f tbx` (all terms, statuses, notes)",
        "    export(glossary, 'tbx')",
        "`csv2tbx` on the same pairs",
        "    out = io.BytesIO()\n"
        "    csv2tbx().convertfile(csvl10n.csvfile(io.BytesIO(pairs_bytes))).serialize(out)",
    ),
    (
        "CSV to TBX",
        "`read(..., 'csv')`, then the TBX writer",
        "    get_format('tbx').write(read(pairs_text, 'csv').entries, ExportOptions())",
        "`csv2tbx`",
        "    out = io.BytesIO()\n"
        "    csv2tbx().convertfile(csvl10n.csvfile(io.BytesIO(pairs_bytes))).serialize(out)",
    ),
    (
        "TBX in",
        "`read(..., 'tbx')`: entries, every term",
        "    assert len(read(tbx_text, 'tbx').entries) > 29000",
        "`tbxfile.parsestring`: units, first terms",
        "    store = tbx.tbxfile.parsestring(tbx_bytes)\n"
        "    assert sum(1 for u in store.units if u.source and u.target) > 29000",
    ),
    (
        "CSV out",
        "`export -f csv`",
        "    export(glossary, 'csv', ExportOptions(english='preferred'))",
        "`csvl10n` units + `serialize`",
        "    store = csvl10n.csvfile()\n"
        "    for source, target, context in PAIRS:\n"
        "        unit = store.addsourceunit(source)\n"
        "        unit.target = target\n"
        "        unit.setcontext(context)\n"
        "    store.serialize(io.BytesIO())",
    ),
    (
        "CSV in",
        "`read(..., 'csv')`: entries",
        "    assert len(read(csv_text, 'csv').entries) > 29000",
        "`csvl10n.csvfile` parse: units",
        "    assert sum(1 for u in csvl10n.csvfile(io.BytesIO(csv_bytes)).units) > 29000",
    ),
]


def _run(tmp: str, setup: str, job: str) -> tuple[float, float]:
    code = _HARNESS.format(setup=setup, job=job)
    done = subprocess.run(
        [sys.executable, "-c", code, tmp], capture_output=True, text=True, check=True
    )
    seconds, megabytes = done.stdout.split()
    return float(seconds), float(megabytes)


def report() -> list[str]:
    """The export/import table, as Markdown lines."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_termbase(folder / "roads.yaml")
        glossary = Glossary([folder / "roads.yaml"], cache_dir=tmp)
        entries = len(glossary)
        tbx_text, _ = export(glossary, "tbx")
        csv_text, _ = export(glossary, "csv", ExportOptions(english="preferred"))
        (folder / "roads.tbx").write_text(tbx_text, encoding="utf-8")
        (folder / "roads.csv").write_text(csv_text, encoding="utf-8")
        # csv2tbx fails on a context column (it makes ids with a control character in
        # them), so it gets the pairs alone
        rows = [(glossary.english(e), e.chinese, e.id) for e in glossary]
        (folder / "pairs.csv").write_text(
            "source,target\n" + "".join(f'"{s}","{t}"\n' for s, t, _ in rows), encoding="utf-8"
        )
        (folder / "pairs.tsv").write_text(
            "".join(f"{s}\t{t}\t{c}\n" for s, t, c in rows), encoding="utf-8"
        )
        theirs_setup = _THEIRS
        tbx_mb, csv_mb = len(tbx_text.encode()) / 1e6, len(csv_text.encode()) / 1e6
        lines = [
            f"{entries:,} entries (built-in + roads); TBX v2 file {tbx_mb:.1f} MB, "
            f"bilingual CSV {csv_mb:.1f} MB. lxml {version('lxml')}, translate-toolkit "
            f"{version('translate-toolkit')}.",
            "",
            "| Job | glossary | time, memory | translate-toolkit | time, memory | speed-up "
            "| goal |",
            "|---|---|---|---|---|---|---|",
        ]
        for job, ours_name, ours, theirs_name, theirs in JOBS:
            # the two sides in turn, each in fresh processes: drift hits both alike
            runs = [
                (_run(tmp, _OURS, ours), _run(tmp, theirs_setup, theirs)) for _ in range(ROUNDS)
            ]
            ours_s = min(o[0] for o, _ in runs)
            theirs_s = min(t[0] for _, t in runs)
            ours_mb, theirs_mb = runs[0][0][1], runs[0][1][1]
            lines.append(
                f"| {job} | {ours_name} | {ours_s:.2f} s, +{ours_mb:.0f} MB | {theirs_name} | "
                f"{theirs_s:.2f} s, +{theirs_mb:.0f} MB | {theirs_s / ours_s:.1f}x | >= 5x |"
            )
        parse_s, parse_mb = _run(tmp, _PARSE, "    etree.fromstring(tbx_bytes)")
        lines += [
            "",
            f"The floor under both TBX readers: lxml parsing the {tbx_mb:.1f} MB file into a "
            f"tree and nothing else takes {parse_s:.2f} s (+{parse_mb:.0f} MB).",
        ]
        return lines


if __name__ == "__main__":
    print("\n".join(report()))
