"""Peak memory of `glossary import` and `glossary validate-tbx` on a large TBX file.

Run: python benchmarks/tbx_memory.py [MEGABYTES]  (default 200; glossary installed, e.g.
pip install ".[test]"). Prints a Markdown report for docs/benchmarks.md.

The file is `glossary export -f tbx` of the built-in term base, its entries repeated with
fresh ids (and cross-references renamed alike, so every target names an entry of the
file) until it is MEGABYTES long: a valid TBX-Basic file of about 800 entries a
megabyte. Each command runs once in a fresh process under `/usr/bin/time -v` (its
maximum resident set size); memory, unlike time, does not vary with the machine's load.
Also measured: `validate-tbx` and `import` of a FIFO fed a TBX whose entries never end
(a read of a file whose size says nothing, which must stop at the limit, 512 MiB, in
bounded memory), and `validate-tbx` of a FIFO fed from /dev/zero.
"""

from __future__ import annotations

import datetime
import itertools
import os
import platform
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

_ID = re.compile(r'(id|target)="([^"]+)"')


def exported(script: Path, env: dict[str, str]) -> tuple[str, str, str]:
    """`glossary export -f tbx` of the built-in term base: (head, entries, tail)."""
    text = subprocess.run(
        [str(script), "export", "-f", "tbx"], env=env, check=True, capture_output=True, text=True
    ).stdout
    start = text.index("    <termEntry")
    end = text.rindex("</termEntry>") + len("</termEntry>\n")
    return text[:start], text[start:end], text[end:]


def copies(body: str) -> Iterator[str]:
    """The entries of ``body`` again and again, each time with fresh ids (``-r1``,
    ``-r2``...) and the cross-references renamed alike."""
    for n in itertools.count(1):
        yield _ID.sub(lambda m, n=n: f'{m[1]}="{m[2]}-r{n}"', body)


def make_tbx(path: Path, megabytes: float, script: Path, env: dict[str, str]) -> int:
    """Write a TBX v2 file of about ``megabytes`` MB to ``path``; return its entry count."""
    head, body, tail = exported(script, env)
    want = int(megabytes * 1e6)
    made = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        written = len(head.encode())
        for block in copies(body):
            if written >= want:
                break
            made += 1
            out.write(block)
            written += len(block.encode())
        out.write(tail)
    return body.count("<termEntry ") * made


def peak(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """(peak RSS in MB, seconds, exit status, last stderr line) of one run of ``cmd``."""
    start = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-v", *cmd],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seconds = time.perf_counter() - start
    lines = done.stderr.splitlines()
    rss_kb = next(int(line.split()[-1]) for line in lines if "Maximum resident" in line)
    first = next((line for line in lines if line.startswith("glossary:")), "")
    return rss_kb / 1024, seconds, done.returncode, first


def fifo_run(
    command: str, script: Path, env: dict[str, str], folder: Path, body: str = ""
) -> tuple[float, float, int, str]:
    """``command`` of a FIFO a thread fills until the reader goes: with /dev/zero's NUL
    bytes, or (given ``body``) with a TBX whose entries never end."""
    fifo = folder / f"{command}.fifo"
    os.mkfifo(fifo)

    def feed() -> None:
        try:
            with fifo.open("wb") as out:
                if not body:
                    block = bytes(1 << 20)
                    while True:
                        out.write(block)
                out.write(b'<martif type="TBX-Basic" xml:lang="en"><text><body>\n')
                for block_text in copies(body):
                    out.write(block_text.encode())
        except OSError:  # the reader went away (BrokenPipeError)
            pass

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    result = peak([str(script), command, str(fifo)], env)
    thread.join(5)
    fifo.unlink()
    return result


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 200.0
    script = Path(sys.executable).parent / "glossary"
    folder = Path(tempfile.mkdtemp())
    env = {**os.environ, "GLOSSARY_CACHE_DIR": str(folder / "cache")}
    subprocess.run([str(script), "lookup", "Situn"], env=env, check=True, capture_output=True)
    tbx = folder / "big.tbx"
    entries = make_tbx(tbx, megabytes, script, env)
    size = tbx.stat().st_size
    body = exported(script, env)[1]
    rows = [
        ("`glossary import big.tbx`", peak([str(script), "import", str(tbx)], env)),
        (
            "`glossary --no-builtin import big.tbx` (every entry to add)",
            peak([str(script), "--no-builtin", "import", str(tbx)], env),
        ),
        (
            "`glossary --no-builtin import --json big.tbx`",
            peak([str(script), "--no-builtin", "import", "--json", str(tbx)], env),
        ),
        ("`glossary validate-tbx big.tbx`", peak([str(script), "validate-tbx", str(tbx)], env)),
    ]
    for command in ("validate-tbx", "import"):
        rows.append(
            (
                f"`glossary {command} FIFO`, TBX entries without end",
                fifo_run(command, script, env, folder, body),
            )
        )
    rows.append(
        ("`glossary validate-tbx FIFO` of /dev/zero", fifo_run("validate-tbx", script, env, folder))
    )
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(
        f"Run {now} on {platform.machine()} ({os.cpu_count()} cores, load "
        f"{os.getloadavg()[0]:.1f}), Python {platform.python_version()}, "
        f"lxml {version('lxml')}, glossary {version('glossary')}. "
        f"TBX v2 file of {size:,} bytes, {entries:,} entries; the FIFOs are refused at "
        "the 512 MiB limit.\n"
    )
    print("| command | peak RSS | time | exit | first message |")
    print("| --- | --- | --- | --- | --- |")
    for name, (mb, seconds, status, message) in rows:
        print(f"| {name} | {mb:.0f} MB | {seconds:.1f} s | {status} | {message} |")


if __name__ == "__main__":
    main()
