"""Regression tests for issue 15 (reliability): each test is named after the item it
guards (``test_15_2_...`` for item 2), so a failure says which promise broke."""

from __future__ import annotations

import contextlib
import csv
import errno
import functools
import io
import json
import os
import re
import socket
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary import Glossary, GlossaryError, QueryError
from glossary._fsutil import atomic_write
from glossary.cli import app

from .conftest import FIXTURES, ROAD, ROOT, script_or_skip

runner = CliRunner()

#: A paragraph break: a line break, nothing but spaces, another line break.
BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


# -- 2. no name runs across a paragraph break ------------------------------------------------

PARAGRAPHS = [
    pytest.param("He moved to Situn\n\nDistrict offices are closed.\n", id="latin-blank-line"),
    pytest.param("He moved to Situn\n \t\nDistrict offices are closed.\n", id="spaces-between"),
    pytest.param("He moved to Situn\r\n\r\nDistrict offices are closed.\r\n", id="crlf"),
    pytest.param("她是皇后\n\n里面的人\n", id="chinese-blank-line"),
    pytest.param("He met Liu Shyh\n\nfang said nothing.\n", id="person-split"),
]


@pytest.mark.parametrize("text", PARAGRAPHS)
def test_15_2_normalize_never_joins_paragraphs(text: str) -> None:
    """normalize keeps every paragraph break of its input, as it was."""
    result = runner.invoke(app, ["normalize"], input=text)
    assert result.exit_code == 0, result.output
    out = result.stdout_bytes.decode()  # .stdout would turn CRLF into LF
    assert BLANK_LINE.findall(out) == BLANK_LINE.findall(text)
    assert len(BLANK_LINE.split(out)) == len(BLANK_LINE.split(text))


@pytest.mark.parametrize("text", PARAGRAPHS)
@pytest.mark.parametrize("overlapping", [False, True], ids=["longest", "overlapping"])
def test_15_2_no_span_crosses_a_blank_line(
    glossary: Glossary, text: str, overlapping: bool
) -> None:
    """No span the matcher reports (leftmost-longest or every one) holds a blank line."""
    spans = glossary.annotate(text, overlapping=overlapping)
    for span in spans:
        assert BLANK_LINE.search(text, span.start, span.end) is None, span


def test_15_2_a_name_still_wraps_across_one_line_break(glossary: Glossary) -> None:
    """One line break inside a name (a hard-wrapped text) still matches the whole name;
    with a blank line instead, only the part before it is a name."""
    wrapped = glossary.annotate("He moved to Situn\nDistrict last year.")
    assert [(s.text, s.entries[0].id) for s in wrapped] == [
        ("Situn\nDistrict", "taichung-city-xitun")
    ]
    split = glossary.annotate("He moved to Situn\n\nDistrict offices are closed.")
    assert [(s.text, s.entries[0].id) for s in split] == [("Situn", "taichung-city-xitun")]
    assert glossary.annotate("她是皇后\n\n里面的人") == []
    assert [s.text for s in glossary.annotate("她去了后\n里區")] == ["后\n里區"]


def test_15_2_normalize_example_from_the_issue() -> None:
    """The issue's example: the paragraph break stays, and only the name is rewritten."""
    text = "He moved to Situn\n\nDistrict offices are closed.\n"
    result = runner.invoke(app, ["normalize"], input=text)
    assert result.stdout == "He moved to Xitun\n\nDistrict offices are closed.\n"
    result = runner.invoke(app, ["normalize"], input="她是皇后\n\n里面的人\n")
    assert result.stdout == "她是皇后\n\n里面的人\n"


def test_15_2_installed_normalize_keeps_the_paragraph_break() -> None:
    """The installed script, in a subprocess, keeps the break (CRLF line ends as they were)."""
    text = "He moved to Situn\r\n\r\nDistrict offices are closed.\r\n"
    done = subprocess.run(
        [str(script_or_skip()), "normalize"],
        input=text.encode(),
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout == b"He moved to Xitun\r\n\r\nDistrict offices are closed.\r\n"


# -- 1. a write replaces a regular file, writes through a symlink, never a device ------------


@functools.cache
def _persons() -> str:
    """The first line `export -f deepl --kind person` prints to stdout (whatever the data).

    Called inside tests, so that it runs with the isolated cache of conftest.
    """
    result = runner.invoke(app, ["export", "-f", "deepl", "--kind", "person"])
    assert result.exit_code == 0, result.stderr
    line = result.stdout.splitlines(keepends=True)[0]
    assert "\t" in line
    return line


def _export(target: Path | str, *extra: str) -> tuple[int, str, str]:
    args = ["export", "-f", "deepl", "--kind", "person", "-o", str(target), *extra]
    result = runner.invoke(app, args)
    return result.exit_code, result.stdout, result.stderr


def test_15_1_regular_file_replaced_atomically_keeping_its_mode(tmp_path: Path) -> None:
    """A regular file is replaced whole, keeps its permissions, and no temp file is left."""
    target = tmp_path / "deepl.tsv"
    target.write_text("old\n")
    target.chmod(0o640)
    assert _export(target)[:1] == (0,)
    assert target.read_text(encoding="utf-8").startswith(_persons())
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["deepl.tsv"]


def test_15_1_symlink_written_through(tmp_path: Path) -> None:
    """-o onto a symlink writes the file it points to, and the link stays a link."""
    real = tmp_path / "real" / "deepl.tsv"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "link.tsv"
    link.symlink_to(real)
    assert _export(link)[0] == 0
    assert link.is_symlink()
    assert link.resolve() == real.resolve()
    assert real.read_text(encoding="utf-8").startswith(_persons())
    assert sorted(p.name for p in real.parent.iterdir()) == ["deepl.tsv"]  # no temp file


def test_15_1_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    """A symlink to a file not there yet creates that file (as the shell's > does)."""
    link = tmp_path / "link.tsv"
    link.symlink_to(tmp_path / "made.tsv")
    assert _export(link)[0] == 0
    assert link.is_symlink()
    assert (tmp_path / "made.tsv").read_text(encoding="utf-8").startswith(_persons())


def test_15_1_hard_link_keeps_both_names(tmp_path: Path) -> None:
    """A file with two hard links is written in place: both names see the new content."""
    one = tmp_path / "one.tsv"
    one.write_text("old\n")
    two = tmp_path / "two.tsv"
    os.link(one, two)
    inode = one.stat().st_ino
    assert _export(one)[0] == 0
    assert one.stat().st_ino == two.stat().st_ino == inode
    assert two.read_text(encoding="utf-8").startswith(_persons())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.tsv", "two.tsv"]


def test_15_1_fifo_written_to_not_replaced(tmp_path: Path) -> None:
    """-o onto a FIFO writes into it (its reader gets the export); the FIFO stays a FIFO."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _, err = _export(fifo)
    reader.join(timeout=60)
    if reader.is_alive():  # nothing opened the FIFO to write: let the reader go
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert (code, err) == (0, "")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got
    assert got[0].decode().startswith(_persons())


def _char_device(tmp_path: Path) -> Path:
    """A character device to write to: one made in tmp_path (as root), else /dev/null
    (which a user who is not root cannot replace, so a regression fails, never clobbers)."""
    if os.geteuid() == 0:
        made = tmp_path / "null"
        os.mknod(made, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        return made
    return Path(os.devnull)


def test_15_1_character_device_written_directly(tmp_path: Path) -> None:
    """-o onto a character device (/dev/null's kind) writes into it; it stays a device."""
    device = _char_device(tmp_path)
    before = device.stat()
    code, _, err = _export(device)
    assert (code, err) == (0, "")
    after = device.stat()
    assert stat.S_ISCHR(after.st_mode)
    assert after.st_ino == before.st_ino


def test_15_1_dash_is_stdout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """-o - writes to stdout, never a file named '-'."""
    monkeypatch.chdir(tmp_path)
    code, out, _ = _export("-")
    assert code == 0
    assert out.startswith(_persons())
    assert list(tmp_path.iterdir()) == []


def test_15_1_socket_and_directory_refused_in_one_line(tmp_path: Path) -> None:
    """A socket or a directory as the target: one line naming it, exit 1, nothing made."""
    sock_path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(sock_path))
        code, out, err = _export(sock_path)
        assert (code, out) == (1, "")
        assert err == f"glossary: error: {sock_path}: is a socket, not a file; give a file path\n"
        assert stat.S_ISSOCK(sock_path.stat().st_mode)
    with pytest.raises(GlossaryError, match="is a directory"), atomic_write(tmp_path):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]


def test_15_1_failure_leaves_the_target_and_no_temp_file(tmp_path: Path) -> None:
    """An error while writing leaves the old file as it was, through a symlink too."""
    real = tmp_path / "real.tsv"
    real.write_text("old\n")
    link = tmp_path / "link.tsv"
    link.symlink_to(real)

    def fail() -> None:
        with atomic_write(link) as handle:
            handle.write(b"half")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        fail()
    assert real.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.tsv", "real.tsv"]


def test_15_1_checked_write_refuses_a_fifo(tmp_path: Path) -> None:
    """A write checked in a temp file first (import --write) refuses a FIFO, unopened."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with (
        pytest.raises(GlossaryError, match="not a regular file"),
        atomic_write(fifo, check=lambda tmp: None),
    ):
        pass
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_15_1_import_write_through_a_symlink(tmp_path: Path) -> None:
    """import --write onto a symlink merges into the file it points to; the link stays."""
    real = tmp_path / "real.yaml"
    real.write_text("", encoding="utf-8")
    link = tmp_path / "mine.yaml"
    link.symlink_to(real)
    edits = tmp_path / "edits.csv"
    edits.write_text("en,zh-TW\r\nBanqiao District,板橋區\r\n", encoding="utf-8")
    args = ["--no-builtin", "import", str(edits), "--write", str(link)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert f"{link}: wrote 1 entries" in result.stdout
    assert link.is_symlink()
    assert "Banqiao District" in real.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edits.csv", "mine.yaml", "real.yaml"]


def test_15_1_normalize_in_place_through_a_symlink(tmp_path: Path) -> None:
    """normalize -i on a symlink rewrites the file it points to and keeps the link."""
    real = tmp_path / "story.txt"
    real.write_text("He moved to Situn.\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    result = runner.invoke(app, ["normalize", "-i", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "He moved to Xitun.\n"


# -- 6. a damaged or unusable cache is rebuilt or bypassed, one build at a time --------------


#: One real layer of the built-in term base, alone: an index large enough to damage in its
#: middle (some 900 KB), built in a fraction of the time the whole built-in one takes.
DIVISIONS = ROOT / "terms" / "divisions.yaml"


def _divisions(cache: Path | None) -> Glossary:
    return Glossary([DIVISIONS], builtin=False, cache_dir=cache)


def _cached_index(cache: Path) -> Path:
    _divisions(cache)._index  # noqa: B018 - builds it
    [path] = sorted(cache.glob("index-*.sqlite"))
    return path


def _zero_the_middle(path: Path, size: int = 64 * 1024) -> None:
    """Zero ``size`` bytes in the middle of the keys table, which every lookup reads (the
    first pages, meta's, intact); the middle of the file where SQLite cannot say where the
    table lies."""
    length = path.stat().st_size
    assert length > 4 * size, "the index is too small to damage in the middle"
    at = length // 2
    with contextlib.closing(sqlite3.connect(path)) as conn:
        try:
            (page_size,) = conn.execute("PRAGMA page_size").fetchone()
            first, last = conn.execute(
                "SELECT min(pageno), max(pageno) FROM dbstat WHERE name = 'keys'"
            ).fetchone()
            at = (first + last) // 2 * page_size
        except sqlite3.Error:
            pass  # no dbstat in this SQLite build
    with path.open("r+b") as handle:
        handle.seek(at)
        handle.write(b"\0" * size)


def test_15_6_damaged_index_rebuilt_with_one_warning(tmp_path: Path) -> None:
    """A cached index with 64 KiB zeroed in its middle (its meta table intact) is rebuilt
    the first time a statement fails, with one warning, and every answer stays right."""
    expected = [e.id for e in _divisions(None)]
    path = _cached_index(tmp_path)
    _zero_the_middle(path)
    g = _divisions(tmp_path)
    assert g.index_info.built is False  # the meta table still reads: opened as it is
    with pytest.warns(RuntimeWarning, match="rebuilt it") as caught:
        fuzzy = g.lookup("Shidng")  # reads every key row: into the zeroed pages
    assert len(caught) == 1
    assert fuzzy[0].entry.english == "Shiding District"
    assert [e.id for e in g] == expected
    assert g.get("Shiding District") is not None
    again = _divisions(tmp_path)
    assert again.index_info.built is False
    assert [e.id for e in again] == expected  # the rebuilt file, read without a warning


def test_15_6_damaged_index_cli_one_warning_line(tmp_path: Path) -> None:
    """Through the CLI: the right output and one warning line, never a traceback."""
    _zero_the_middle(_cached_index(tmp_path))
    env = {"GLOSSARY_CACHE_DIR": str(tmp_path)}
    layer = ["--no-builtin", "-t", str(DIVISIONS)]
    result = runner.invoke(app, [*layer, "lookup", "Shidng"], env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Shiding District (石碇區)")
    [line] = result.stderr.splitlines()
    assert line.startswith("glossary: warning: the cached index could not be read (")
    assert line.endswith("; rebuilt it")
    result = runner.invoke(app, [*layer, "lookup", "Shiding District"], env=env)
    assert (result.exit_code, result.stderr) == (0, "")


def test_15_6_damaged_header_rebuilt_with_one_warning(tmp_path: Path) -> None:
    """A file that is no index at all (its first page zeroed) is rebuilt at open."""
    path = _cached_index(tmp_path)
    with path.open("r+b") as handle:
        handle.write(b"\0" * 4096)
    g = _divisions(tmp_path)
    with pytest.warns(RuntimeWarning, match="rebuilt it") as caught:
        info = g.index_info
    assert len(caught) == 1
    assert info.built
    assert g.get("Shiding District") is not None


def _deny(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every file operation inside ``cache`` fail as in a mode-000 directory (what
    chmod does not do to root)."""
    real_stat, real_open, real_scandir = os.stat, os.open, os.scandir

    def inside(path: object) -> bool:
        return isinstance(path, str | Path) and str(path).startswith(f"{cache}{os.sep}")

    def stat_(path: object, *args: object, **kwargs: object) -> object:
        if inside(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[call-overload]

    def open_(path: object, *args: object, **kwargs: object) -> object:
        if inside(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    def scandir_(path: object = ".") -> object:
        if str(path) == str(cache) or inside(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "stat", stat_)
    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "scandir", scandir_)


def test_15_6_unreadable_cache_dir_falls_back_to_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache directory that cannot be looked into: the index is built in memory."""
    cache = tmp_path / "cache"
    cache.mkdir()
    termbase = tmp_path / "roads.yaml"
    termbase.write_text(ROAD.replace("  parent: taichung-city-xitun\n", ""), encoding="utf-8")
    _deny(cache, monkeypatch)
    g = Glossary([termbase], builtin=False, cache_dir=cache)
    assert g.get("Xitun Rd.") is not None
    assert g.index_info.path is None


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores mode 000")
def test_15_6_mode_000_cache_dir_falls_back_to_memory(tmp_path: Path) -> None:
    """The same with a real mode-000 directory, through the CLI: no traceback."""
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0)
    try:
        result = runner.invoke(app, ["lookup", "Situn"], env={"GLOSSARY_CACHE_DIR": str(cache)})
    finally:
        cache.chmod(0o700)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith("Xitun District (西屯區)")


def test_15_6_temp_files_of_killed_builds_removed(tmp_path: Path) -> None:
    """Temp files a killed build left are removed by the next build (under the lock, no
    other build is running); other files stay."""
    stale = [tmp_path / ".index-0123abcd.sqlite.k2j4_x.tmp", tmp_path / ".index-ff.sqlite.a.tmp"]
    for path in stale:
        path.write_bytes(b"\0" * 1024)
    mine = tmp_path / "notes.txt"
    mine.write_text("keep")
    _cached_index(tmp_path)
    assert not any(path.exists() for path in stale)
    assert mine.read_text() == "keep"


RACE = """
import sys
from glossary import Glossary
g = Glossary([sys.argv[1]], builtin=False, cache_dir=sys.argv[2])
print(int(g.index_info.built), g.get("Xitun Rd.").id)
"""


def test_15_6_racing_processes_build_once(tmp_path: Path) -> None:
    """Four processes on a cold cache: one builds the index, the others wait and read it."""
    termbase = tmp_path / "roads.yaml"
    termbase.write_text(ROAD.replace("  parent: taichung-city-xitun\n", ""), encoding="utf-8")
    cache = tmp_path / "cache"
    command = [sys.executable, "-c", RACE, str(termbase), str(cache)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [run.communicate(timeout=120)[0].split() for run in runs]
    assert [code for code in (run.returncode for run in runs)] == [0] * 4
    assert sorted(built for built, _ in outputs) == ["0", "0", "0", "1"]
    assert {ident for _, ident in outputs} == {"taichung-city-xitun-road"}
    assert len(list(cache.glob("index-*.sqlite"))) == 1


# -- 3. Glossary("/path/mine.yaml") is one path ----------------------------------------------


@pytest.mark.parametrize("kind", [str, Path], ids=["str", "Path"])
def test_15_3_one_path_is_one_layer(tmp_path: Path, kind: type) -> None:
    """A str or Path given alone is one term base file, not a string of characters."""
    mine = tmp_path / "mine.yaml"
    mine.write_text(ROAD.replace("  parent: taichung-city-xitun\n", ""), encoding="utf-8")
    g = Glossary(kind(mine), builtin=False, cache_dir=None)
    assert g.termbases == (mine,)
    assert [e.id for e in g] == ["taichung-city-xitun-road"]
    assert Glossary(kind("."), builtin=False, cache_dir=None).termbases == (Path(),)


# -- 10. API edges: a TypeError or QueryError that says what to pass -------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [(None, "not NoneType"), (b"Situn", "not bytes: decode it first"), (42, "not int")],
    ids=["None", "bytes", "int"],
)
def test_15_10_annotate_takes_a_str(glossary: Glossary, value: object, message: str) -> None:
    """annotate() of anything but a str is a TypeError saying what to pass."""
    with pytest.raises(TypeError, match=message):
        glossary.annotate(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="a query is a str"):
        glossary.lookup(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("limit", [-1, 0], ids=["negative", "zero"])
def test_15_10_lookup_limit_below_one(glossary: Glossary, limit: int) -> None:
    """lookup(limit=-1) is a QueryError (a ValueError), not rapidfuzz's RuntimeError."""
    with pytest.raises(QueryError, match="limit must be a whole number, 1 or more"):
        glossary.lookup("Shidng", limit=limit)
    assert isinstance(QueryError("x"), ValueError)


def test_15_10_prefer_as_a_str() -> None:
    """prefer="tongyong" is one choice (and "tongyong,official" two), as --prefer takes it;
    an unknown choice is an error, not silently ignored."""
    assert Glossary(prefer="tongyong").get("Situn").english == "Xitun District"
    assert Glossary(prefer="tongyong").english(Glossary().get("Situn")) == "Situn District"
    assert Glossary(prefer="tongyong, official").prefer == ("tongyong", "official")
    with pytest.raises(QueryError, match="'tongyoung' is not one of"):
        Glossary(prefer="tongyoung")


def test_15_10_lone_surrogates(glossary: Glossary) -> None:
    """A lone surrogate (os.fsdecode's mark of a bad byte) in a text is passed over with
    offsets kept; in a query it is a QueryError naming the code point."""
    text = "\udcff Situn District \ud800"
    for exact in (False, True):
        spans = glossary.annotate(text, exact=exact)
        assert [(s.start, s.end, s.text) for s in spans] == [(2, 16, "Situn District")]
    with pytest.raises(QueryError, match="lone surrogate U\\+D800"):
        glossary.lookup("Sit\ud800un")
    with pytest.raises(QueryError, match="lone surrogate U\\+DCFF"):
        glossary.get("\udcff")


def test_15_10_unreadable_subdirectory_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder inside an input folder that cannot be read is an error naming it, exit 1
    (a glob skipped it, and its files, with exit 0)."""
    (tmp_path / "a.txt").write_text("Situn\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("Situn\n")
    real_scandir = os.scandir

    def scandir_(path: object = ".") -> object:
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir_)
    result = runner.invoke(app, ["annotate", "-f", "jsonl", str(tmp_path)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"glossary: error: {locked}: cannot read: Permission denied\n"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores mode 000")
def test_15_10_mode_000_subdirectory_is_an_error(tmp_path: Path) -> None:
    """The same with a real mode-000 folder."""
    (tmp_path / "a.txt").write_text("Situn\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        result = runner.invoke(app, ["annotate", "-f", "jsonl", str(tmp_path)])
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 1
    assert result.stderr == f"glossary: error: {locked}: cannot read: Permission denied\n"


# -- 9. output errors: one line, never a traceback -------------------------------------------

UNDECODABLE = os.fsdecode(b"caf\xe9.txt")


@pytest.mark.parametrize("output", ["json", "jsonl", "html"])
def test_15_9_non_utf8_file_names_in_output(tmp_path: Path, output: str) -> None:
    """A file name that is not UTF-8 is shown with \\xe9 in json, jsonl and html output."""
    (tmp_path / UNDECODABLE).write_text("Situn District\n")
    (tmp_path / "b.txt").write_text("Situn\n")
    args = ["annotate", "-f", output, str(tmp_path)]
    if output == "html":
        args = ["annotate", "-f", output, str(tmp_path / UNDECODABLE)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    if output == "html":
        assert "<title>caf\\xe9.txt" in result.stdout
    else:
        assert f"{tmp_path}/caf\\\\xe9.txt" in result.stdout  # JSON escapes the backslash


def test_15_9_non_utf8_file_name_in_a_diff(tmp_path: Path) -> None:
    """normalize --diff names a non-UTF-8 file the same way."""
    (tmp_path / UNDECODABLE).write_text("Situn\n")
    result = runner.invoke(app, ["normalize", "--diff", str(tmp_path / UNDECODABLE)])
    assert result.exit_code == 1, result.output  # a name would change
    assert result.stdout.startswith(f"--- {tmp_path}/caf\\xe9.txt\n")


# -- 5. annotate -f json streams ----------------------------------------------------------


def test_15_5_json_written_piece_by_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    """annotate -f json writes each piece's spans as it goes ("spans" first, "length" at
    the end), so memory does not grow with the input; the JSON is the same spans."""
    import glossary._batch
    import glossary._stream

    monkeypatch.setattr(glossary._stream, "PIECE_SIZE", 64)
    chunks: list[str] = []
    monkeypatch.setattr(glossary._batch, "write_stdout", chunks.append)
    paragraph = "Officials in Situn District met Liu Shyh-fang.\n\n"
    text = paragraph * 50
    result = runner.invoke(app, ["annotate", "-f", "json"], input=text)
    assert result.exit_code == 0, result.output
    assert len([c for c in chunks if '"start"' in c]) >= 25  # not one write at the end
    payload = json.loads("".join(chunks))
    assert list(payload) == ["spans", "length"]
    assert payload["length"] == len(text)
    assert len(payload["spans"]) == 100
    assert all(text[s["start"] : s["end"]] == s["text"] for s in payload["spans"])


def test_15_5_a_single_long_line_is_cut_into_bounded_pieces() -> None:
    """A line of 40 pieces' length (no line end) is cut at sentences past four pieces, and
    a text with no break at all at sixteen: pieces stay bounded whatever the line."""
    from glossary._stream import Reader, Source

    def pieces(data: bytes) -> list[str]:
        reader = Reader(Source("-", Path("x")), size=1024)
        reader._handle = io.BytesIO(data)
        return list(reader)

    line = "Officials in Situn District met. " * (40 * 1024 // 33)
    cut = pieces(line.encode())
    assert "".join(cut) == line
    assert max(map(len, cut)) <= 4 * 1024 + 64
    assert all(p.endswith("met. ") for p in cut[:-1])
    solid = "x" * (40 * 1024)
    assert max(map(len, pieces(solid.encode()))) <= 16 * 1024 + 64 * 1024  # + one block


# -- 7. formula injection: neutralised or refused in every format ----------------------------

FORMULA = '=HYPERLINK("http://x.example","click")'
ALL_FORMATS = ["tbx", "tbx3", "memoq-csv", "csv", "omegat", "deepl", "deepl-csv"]
ALL_FORMATS += ["google-csv", "google-pairs", "json"]


def _formula_termbase(tmp_path: Path, english: str) -> Path:
    path = tmp_path / "f.yaml"
    path.write_text(
        f"- id: formula-test\n  kind: other\n  zh: [公式]\n  en: ['{english}']\n"
        "  source: test fixture\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
@pytest.mark.parametrize("name", ALL_FORMATS)
def test_15_7_formula_cells_in_every_format(tmp_path: Path, name: str, start: str) -> None:
    """A term starting like a formula: spreadsheet CSV (memoq-csv, csv) writes it with an
    apostrophe; the formats MT engines and OmegaT read refuse it in one line naming the
    entry (an apostrophe would reach the engine); XML and JSON carry it as it is."""
    english = start + FORMULA[1:]
    termbase = _formula_termbase(tmp_path, english)
    args = ["--no-builtin", "-t", str(termbase), "export", "-f", name]
    result = runner.invoke(app, args)
    if name in ("memoq-csv", "csv"):
        assert result.exit_code == 0, result.output
        cells = [c for row in csv.reader(io.StringIO(result.stdout)) for c in row]
        assert "'" + english in cells
        assert english not in cells
    elif name in ("tbx", "tbx3", "json"):
        assert result.exit_code == 0, result.output
        text = json.loads(result.stdout) if name == "json" else result.stdout
        assert english in str(text) or english.replace('"', "&quot;") in str(text)
    else:
        assert (result.exit_code, result.stdout) == (1, "")
        assert result.stderr == (
            f"glossary: error: formula-test: term {english!r} starts with {start!r}, which "
            "a spreadsheet runs as a formula; not exported (memoq-csv and csv write it "
            "with an apostrophe before it)\n"
        )


FULL = Path("/dev/full")
COMMANDS_TO_STDOUT = [
    pytest.param(["lookup", "Situn"], None, id="lookup"),
    pytest.param(["romanize", "西屯"], None, id="romanize"),
    pytest.param(["terms", "validate"], None, id="terms-validate"),
    pytest.param(["export", "-f", "tbx"], None, id="export"),
    pytest.param(["annotate"], b"Situn District\n", id="annotate"),
    pytest.param(["normalize"], b"Situn District\n", id="normalize"),
    pytest.param(["import", str(FIXTURES / "formats" / "terms.tbx")], None, id="import"),
    pytest.param(["validate-tbx", str(FIXTURES / "formats" / "terms.tbx")], None, id="validate"),
]


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full here")
@pytest.mark.parametrize(("args", "stdin"), COMMANDS_TO_STDOUT)
def test_15_9_stdout_on_dev_full_is_one_line(args: list[str], stdin: bytes | None) -> None:
    """Every command writing to /dev/full (the installed script, in a subprocess): one
    error line and exit 1, never a traceback."""
    with FULL.open("wb") as full:
        done = subprocess.run(
            [str(script_or_skip()), *args],
            input=stdin or b"",
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
            timeout=300,
        )
    assert done.returncode == 1
    err = done.stderr.decode()
    assert (
        err.splitlines()[-1] == "glossary: error: <stdout>: cannot write: No space left on device"
    )
    assert "Traceback" not in err


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full here")
def test_15_9_export_to_dev_full_names_it() -> None:
    """export -o /dev/full writes to the device (a full one): one line naming it."""
    code, out, err = _export(FULL)
    assert (code, out) == (1, "")
    assert err == "glossary: error: /dev/full: cannot write: No space left on device\n"


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        pytest.param(["export", "-f", "tbx"], b"", id="export"),
        pytest.param(["annotate"], b"Situn District and Xitun.\n" * 100_000, id="annotate"),
        pytest.param(["lookup", "Xinyi", "--limit", "10"], b"", id="lookup"),
    ],
)
def test_15_9_broken_pipe_same_status_everywhere(args: list[str], stdin: bytes) -> None:
    """A reader that goes away (| head -c 10): every command ends quietly with exit 1 once
    a write fails (a partial buffered write no longer hides the error)."""
    with subprocess.Popen(
        [str(script_or_skip()), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        if args[0] == "lookup":  # a short output fits in the pipe: no write fails
            _, err = process.communicate(timeout=300)
            assert (process.returncode, err) == (0, b"")
            return
        writer = threading.Thread(target=_feed, args=(process.stdin, stdin), daemon=True)
        writer.start()
        process.stdout.read(10)
        process.stdout.close()
        err = process.stderr.read()
        process.wait(timeout=300)
        writer.join(timeout=60)
    assert (process.returncode, err) == (1, b"")


def _feed(pipe: object, data: bytes) -> None:
    try:
        pipe.write(data)  # type: ignore[attr-defined]
        pipe.close()  # type: ignore[attr-defined]
    except BrokenPipeError:
        pass


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the fsync of every written file fail as on a full disk."""

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)


def test_15_9_disk_full_in_annotate_output_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """annotate -o DIR on a full disk: one line naming the file, no file left behind."""
    story = tmp_path / "story.txt"
    story.write_text("Situn District\n")
    out = tmp_path / "out"
    _disk_full(monkeypatch)
    result = runner.invoke(app, ["annotate", str(story), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"glossary: error: {out / 'story.txt'}: cannot write: No space left on device\n"
    )
    assert list(out.iterdir()) == []


def test_15_9_disk_full_in_normalize_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """normalize -i on a full disk: one line, the file as it was."""
    story = tmp_path / "story.txt"
    story.write_text("Situn District\n")
    _disk_full(monkeypatch)
    result = runner.invoke(app, ["normalize", "-i", str(story)])
    assert result.exit_code == 1
    assert result.stderr == f"glossary: error: {story}: cannot write: No space left on device\n"
    assert story.read_text() == "Situn District\n"
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]


def test_15_9_disk_full_in_import_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """import --write on a full disk: one line, the term base file as it was."""
    mine = tmp_path / "mine.yaml"
    mine.write_text("", encoding="utf-8")
    edits = tmp_path / "edits.csv"
    edits.write_text("en,zh-TW\r\nBanqiao District,板橋區\r\n", encoding="utf-8")
    _disk_full(monkeypatch)
    result = runner.invoke(app, ["--no-builtin", "import", str(edits), "--write", str(mine)])
    assert result.exit_code == 1
    assert result.stderr == f"glossary: error: {mine}: cannot write: No space left on device\n"
    assert mine.read_text() == ""


def test_15_9_unwritable_output_dir(tmp_path: Path) -> None:
    """annotate -o into a folder that cannot be made (a file is in the way): one line."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    story = tmp_path / "story.txt"
    story.write_text("Situn\n")
    result = runner.invoke(app, ["annotate", str(story), "-o", str(blocker / "out")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"glossary: error: {blocker / 'out' / 'story.txt'}: ")
    assert len(result.stderr.splitlines()) == 1


# -- 4. every read is bounded, whatever the file is ------------------------------------------

ZERO = Path("/dev/zero")


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> int:
    """Limits of 1 MiB (the real ones are 512 MiB for import and 32 MiB for term base
    files): an endless input is refused after reading a little more than that."""
    import glossary._sources
    import glossary.formats._xml

    monkeypatch.setattr(glossary.formats._xml, "MAX_SIZE", 2**20)
    monkeypatch.setattr(glossary._sources, "MAX_FILE_BYTES", 2**20)
    return 2**20


@pytest.mark.skipif(not ZERO.exists(), reason="no /dev/zero here")
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["import", str(ZERO)],
            "/dev/zero: looks like a binary file (a NUL byte at byte 0); glossary reads UTF-8 "
            "text, or UTF-16 with a byte-order mark",
        ),
        (
            ["import", "--column", "en=Source", str(ZERO)],
            "/dev/zero: looks like a binary file (a NUL byte at byte 0); glossary reads UTF-8 "
            "text, or UTF-16 with a byte-order mark",
        ),
        (
            ["--no-builtin", "--termbase", str(ZERO), "lookup", "Situn"],
            "/dev/zero: term base file is larger than 1 MiB; refused (split it into several files)",
        ),
    ],
    ids=["import", "import-columns", "termbase"],
)
def test_15_4_endless_device_refused(args: list[str], message: str, small_limits: int) -> None:
    """/dev/zero (st_size 0, endless) is refused in one line: a term base file when
    reading it passes the limit, an import file from its first bytes (NUL bytes: binary)."""
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"glossary: error: {message}\n"


def test_15_4_endless_fifo_refused(tmp_path: Path, small_limits: int) -> None:
    """A FIFO whose writer never stops is refused at the limit, not read until memory
    runs out."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def endless() -> None:
        with contextlib.suppress(BrokenPipeError), fifo.open("wb") as handle:
            while True:
                handle.write(b"x" * 65536)

    writer = threading.Thread(target=endless, daemon=True)
    writer.start()
    result = runner.invoke(app, ["import", str(fifo)])
    writer.join(timeout=60)
    assert result.exit_code == 1
    assert result.stderr == f"glossary: error: {fifo}: file is larger than 1 MiB; refused\n"


@pytest.mark.skipif(not ZERO.exists(), reason="no /dev/zero here")
def test_15_4_endless_device_validated_as_a_stream(small_limits: int) -> None:
    """validate-tbx parses as it reads: /dev/zero is not XML from its first block on,
    one problem line, exit 1."""
    result = runner.invoke(app, ["validate-tbx", str(ZERO)])
    assert result.exit_code == 1
    assert result.stdout == f"{ZERO}:1: not well-formed XML: Start tag expected, '<' not found\n"
    assert result.stderr == ""


def _endless_tbx(fifo: Path) -> threading.Thread:
    """A thread writing a TBX into ``fifo`` whose entries never end (valid XML as far
    as it goes), until the reader goes away."""
    os.mkfifo(fifo)
    entry = (
        '<termEntry><langSet xml:lang="en"><tig><term>Situn District</term></tig></langSet>'
        '<langSet xml:lang="zh-Hant"><tig><term>西屯區</term></tig></langSet></termEntry>\n'
    ).encode()

    def endless() -> None:
        with contextlib.suppress(BrokenPipeError), fifo.open("wb") as handle:
            handle.write(b'<martif type="TBX-Basic" xml:lang="en"><text><body>\n')
            while True:
                handle.write(entry * 500)

    writer = threading.Thread(target=endless, daemon=True)
    writer.start()
    return writer


@pytest.mark.parametrize("command", ["import", "validate-tbx"])
def test_15_4_endless_tbx_fifo_refused(tmp_path: Path, small_limits: int, command: str) -> None:
    """A FIFO of TBX entries that never end is parsed as it comes, and refused in one line
    when it passes the limit (a stream has no end to wait for)."""
    fifo = tmp_path / "pipe.tbx"
    writer = _endless_tbx(fifo)
    result = runner.invoke(app, [command, str(fifo)])
    writer.join(timeout=60)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"glossary: error: {fifo}: file is larger than 1 MiB; refused\n"


def test_15_4_large_regular_file_refused_unread(tmp_path: Path) -> None:
    """A regular file over the limit (600 MB, sparse) is refused from its size, unread."""
    big = tmp_path / "big.tbx"
    with big.open("wb") as handle:
        handle.truncate(600 * 2**20)
    result = runner.invoke(app, ["import", str(big)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"glossary: error: {big}: file is 629,145,600 bytes; the limit is 512 MiB; refused\n"
    )


@pytest.mark.skipif(not ZERO.exists(), reason="no /dev/zero here")
def test_15_4_installed_termbase_dev_zero() -> None:
    """The installed script with --termbase /dev/zero (the real 32 MiB limit): one line."""
    done = subprocess.run(
        [str(script_or_skip()), "--termbase", str(ZERO), "lookup", "Situn"],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.decode() == (
        "glossary: error: /dev/zero: term base file is larger than 32 MiB; refused (split it "
        "into several files)\n"
    )


# -- 8. invisible characters: refused in validation, never obeyed by a terminal --------------

INVISIBLES = [
    pytest.param("\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)", id="bidi-override"),
    pytest.param("\u200b", "U+200B (ZERO WIDTH SPACE)", id="zero-width-space"),
    pytest.param("\x1b[31m", "U+001B (a control character)", id="esc-sequence"),
    pytest.param("\x07", "U+0007 (a control character)", id="bell"),
    pytest.param("\u2066", "U+2066 (LEFT-TO-RIGHT ISOLATE)", id="bidi-isolate"),
]


@pytest.mark.parametrize(("char", "named"), INVISIBLES)
@pytest.mark.parametrize("field", ["en", "zh", "note"])
def test_15_8_validation_refuses_invisible_characters(
    tmp_path: Path, char: str, named: str, field: str
) -> None:
    """terms validate refuses a control, bidi or zero-width character in a term or note,
    naming its code point, file and line."""
    en, zh, note = "Xitun District", "西屯區", "A district."
    if field == "en":
        en = f"Xi{char}tun District"
    elif field == "zh":
        zh = f"西{char}屯區"
    else:
        note = f"A {char}district."
    path = tmp_path / "bad.yaml"
    entry = {"id": "bad-entry", "kind": "other", "zh": [zh], "en": [en], "note": note}
    path.write_text(
        "- "
        + "\n  ".join(f"{k}: {json.dumps(v, ensure_ascii=True)}" for k, v in entry.items())
        + "\n  source: test fixture\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["--no-builtin", "terms", "validate", str(path)])
    assert result.exit_code == 1
    [line] = [x for x in result.stdout.splitlines() if "invisible character" in x]
    assert line.startswith(f"{path}:")
    assert f"invisible character {named}" in line
    assert "\x1b" not in result.stdout + result.stderr
    assert "\u202e" not in result.stdout + result.stderr


def test_15_8_terminal_never_gets_escape_sequences() -> None:
    """annotate of a text with ESC sequences, to a terminal (a pty): they are shown as
    \\x1b, never obeyed; to a pipe the text goes through as it is."""
    script = str(script_or_skip())
    text = b"Situn \x1b[2J\x1b]0;title\x07 District\n"
    leader, follower = os.openpty()
    try:
        done = subprocess.run(
            [script, "annotate"],
            input=text,
            stdout=follower,
            stderr=subprocess.PIPE,
            check=False,
            timeout=120,
        )
        os.close(follower)
        follower = -1
        out = b""
        with contextlib.suppress(OSError):  # EIO once the pty is drained
            while chunk := os.read(leader, 65536):
                out += chunk
    finally:
        os.close(leader)
        if follower >= 0:
            os.close(follower)
    assert done.returncode == 0, done.stderr
    assert b"\x1b" not in out
    assert b"\\x1b[2J" in out
    assert b"\\x07" in out
    piped = subprocess.run(
        [script, "annotate"], input=text, capture_output=True, check=False, timeout=120
    )
    assert b"\x1b[2J\x1b]0;title\x07" in piped.stdout  # the data, as it was
