"""Reading texts of any size and shape, many files at once, on several cores.

Covers glossary._stream (sources, the piece reader, the worker pool, the progress bar) and
the batch options of `glossary annotate` and `glossary normalize`: several files and
folders, --output-dir, --in-place, --errors, --jobs, --quiet.
"""

from __future__ import annotations

import codecs
import io
import json
import pickle
import stat
import subprocess
from pathlib import Path, PurePath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import glossary._stream
from glossary import Glossary, GlossaryError
from glossary._stream import Progress, Reader, Source, annotated, show_progress, sources
from glossary.cli import app
from tests.conftest import script_or_skip

STORY = "The rally in Situn District was attended by Liu Shyh-fang.\n"
GLOSSED = "The rally in Situn District (西屯) was attended by Liu Shyh-fang (劉世芳).\n"


def read(data: bytes, *, size: int = 0, errors: str = "strict") -> list[str]:
    """The pieces a Reader makes of ``data``."""
    reader = Reader(Source("-", PurePath("x")), size=size or None, errors=errors)  # type: ignore[arg-type]
    reader._handle = io.BytesIO(data)
    return list(reader)


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=input)
    # click's .stdout turns CRLF into LF; the bytes are what a pipe would get
    return result.exit_code, result.stdout_bytes.decode("utf-8"), result.stderr


# -- the piece reader ------------------------------------------------------------------------


def test_pieces_end_at_blank_lines() -> None:
    text = "".join(f"Paragraph {n} about Situn District.\n\n" for n in range(20))
    pieces = read(text.encode(), size=100)
    assert "".join(pieces) == text
    assert len(pieces) > 4
    assert all(p.endswith("\n\n") for p in pieces)


@pytest.mark.parametrize("block", [1, 2, 3, 7, 64])
def test_block_boundaries_inside_characters(monkeypatch: pytest.MonkeyPatch, block: int) -> None:
    """A character cut by a block boundary (西 is three bytes) is decoded whole."""
    monkeypatch.setattr(glossary._stream, "BLOCK_SIZE", block)
    text = "西屯區\n\n臺中市 Situn\n\n" * 5
    assert "".join(read(text.encode(), size=10)) == text


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab 西屯.\n\r\t。"), max_size=400),
    size=st.integers(1, 50),
    block=st.integers(1, 40),
)
def test_pieces_always_join_to_the_text(text: str, size: int, block: int) -> None:
    old = glossary._stream.BLOCK_SIZE
    glossary._stream.BLOCK_SIZE = block
    try:
        pieces = read(text.encode(), size=size)
    finally:
        glossary._stream.BLOCK_SIZE = old
    assert "".join(pieces) == text
    assert all(pieces)


def test_a_very_long_line_is_cut_after_sentences() -> None:
    line = "Officials in Situn District met. " * 400  # one line, no line end
    pieces = read(line.encode(), size=64)
    assert "".join(pieces) == line
    assert len(pieces) > 5
    assert all(p.endswith("met. ") for p in pieces[:-1])


def test_chinese_without_spaces_is_cut_after_sentences() -> None:
    line = "市長在西屯區開會。" * 2000
    pieces = read(line.encode(), size=64)
    assert "".join(pieces) == line
    assert all(p.endswith("。") for p in pieces)


def test_text_with_no_break_at_all_is_still_cut() -> None:
    data = ("x" * 20000).encode()
    pieces = read(data, size=64)
    assert "".join(pieces) == data.decode()
    assert max(map(len, pieces)) <= 16 * 64 + glossary._stream.BLOCK_SIZE


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (codecs.BOM_UTF8 + STORY.encode(), STORY),
        (codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), STORY),
        (codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"), STORY),
        (codecs.BOM_UTF32_LE + STORY.encode("utf-32-le"), STORY),
        (STORY.replace("\n", "\r\n").encode(), STORY.replace("\n", "\r\n")),
        (b"", ""),
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be", "utf-32", "crlf", "empty"],
)
def test_encodings_and_line_ends(data: bytes, text: str) -> None:
    assert "".join(read(data)) == text


def test_binary_is_refused() -> None:
    with pytest.raises(GlossaryError, match=r"looks like a binary file \(a NUL byte at byte 4\)"):
        read(b"\x7fELF\0\0\x01")


def test_invalid_utf8_names_its_line_across_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glossary._stream, "BLOCK_SIZE", 5)
    data = "西屯\n\n第二行\nSitun\n".encode() + b"ok \xe8\xa5\n"
    with pytest.raises(GlossaryError) as info:
        read(data, size=3)
    assert str(info.value) == "<stdin>:5: not valid UTF-8 (byte 0xe8); --errors replace reads on"


def test_errors_replace_reads_on() -> None:
    assert "".join(read(b"Situn \xff District\n", errors="replace")) == "Situn \ufffd District\n"


# -- sources ---------------------------------------------------------------------------------


def test_sources_walk_folders(tmp_path: Path) -> None:
    (tmp_path / "news" / "2024").mkdir(parents=True)
    (tmp_path / "news" / ".git").mkdir()
    for name in ("news/b.txt", "news/2024/a.txt", "news/.git/x.txt", "news/notes.md"):
        (tmp_path / name).write_text("Situn\n", encoding="utf-8")
    found = sources([str(tmp_path / "news"), str(tmp_path / "news" / "notes.md")])
    assert [str(s.relative) for s in found] == ["2024/a.txt", "b.txt", "notes.md"]
    assert all(s.size == 6 for s in found)
    assert [str(s.relative) for s in sources([str(tmp_path / "news")], "*.md")] == ["notes.md"]
    assert sources([]) == [Source("-", PurePath("stdin.txt"))]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["missing.txt"], "missing.txt: no such file or directory"),
        (["-", "-"], "stdin ('-') is named twice"),
        (["empty"], "empty: no files matching '*.txt' (see --glob)"),
    ],
)
def test_bad_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, arguments: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        sources(arguments)
    assert str(info.value) == message


# -- several cores ---------------------------------------------------------------------------


def test_jobs_give_the_same_results_in_order(glossary: Glossary) -> None:
    pieces = [(n, f"Situn District {n}. 西屯区 and Banqiao.\n", 0) for n in range(12)]
    one = list(annotated(glossary, pieces))
    two = list(annotated(glossary, iter(pieces), jobs=2))
    assert [key for key, _, _ in two] == list(range(12))
    assert [[(s.start, s.end, s.entry.id) for s in spans] for _, _, spans in two] == [
        [(s.start, s.end, s.entry.id) for s in spans] for _, _, spans in one
    ]


def test_an_error_in_a_worker_is_the_same_one_line(tmp_path: Path) -> None:
    """A term base that fails to load in a worker reports its file, line and field."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: x\n  kind: district\n  zh: [西屯]\n", encoding="utf-8")
    broken = Glossary([bad], builtin=False, cache_dir=None)
    with pytest.raises(GlossaryError) as info:
        list(annotated(broken, [(0, "Situn", 0)], jobs=2))
    assert str(info.value).startswith(f"{bad}:1")


def test_glossary_maps_over_a_dask_bag(glossary: Glossary) -> None:
    """The annotator pickles, so Dask (or Spark) can map it over partitions in processes."""
    bag = pytest.importorskip("dask.bag")
    lines = [STORY, "西屯区的居民\n", "Nothing here.\n", "Hsi-t'un District farmers\n"] * 3
    found = (
        bag.from_sequence(lines, npartitions=3)
        .map(lambda line: [s.entry.id for s in glossary.annotate(line) if s.entry])
        .compute(scheduler="processes", num_workers=2)
    )
    assert found == [[s.entry.id for s in glossary.annotate(line) if s.entry] for line in lines]
    assert found[0] == ["taichung-city-xitun", "liu-shyh-fang"]
    assert pickle.loads(pickle.dumps(glossary)).annotate("西屯区")[0].entry.id == found[1][0]


# -- progress --------------------------------------------------------------------------------


def test_progress_bar_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert show_progress(quiet=False, stream=Terminal())
    assert not show_progress(quiet=True, stream=Terminal())
    assert not show_progress(quiet=False, stream=io.StringIO())
    screen = Terminal()
    with Progress(10 * Progress.THRESHOLD, enabled=True, stream=screen) as bar:
        bar.update(Progress.THRESHOLD, "story.txt")
    assert "story.txt" in screen.getvalue()
    quiet = Terminal()
    with Progress(Progress.THRESHOLD - 1, enabled=True, stream=quiet) as bar:
        bar.update(1)
    assert quiet.getvalue() == ""  # a short input draws nothing


# -- the command line ------------------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "2024").mkdir(parents=True)
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "2024" / "b.txt").write_text("西屯区的居民\n", encoding="utf-8")
    return folder


def test_cli_folder_to_output_dir(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("annotate", str(corpus), "-o", str(out)) == (0, "", "")
    assert (out / "a.txt").read_text(encoding="utf-8") == GLOSSED
    assert (out / "2024" / "b.txt").read_text(
        encoding="utf-8"
    ) == "西屯区（Xitun District）的居民\n"
    assert stat.S_IMODE((out / "a.txt").stat().st_mode) != 0o600  # not left private
    assert run("annotate", str(corpus), "-o", str(out), "-f", "html")[0] == 0
    page = (out / "a.txt.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>a.txt</title>" in page
    assert run("annotate", str(corpus), "-o", str(out), "-f", "json")[0] == 0
    assert json.loads((out / "2024" / "b.txt.json").read_text(encoding="utf-8"))["length"] == 7


def test_cli_several_files_to_stdout(corpus: Path) -> None:
    a, b = str(corpus / "a.txt"), str(corpus / "2024" / "b.txt")
    code, out, _ = run("annotate", a, b, "-f", "jsonl")
    assert code == 0
    assert [(d["file"], d["text"]) for d in map(json.loads, out.splitlines())] == [
        (a, "Situn District"),
        (a, "Liu Shyh-fang"),
        (b, "西屯区"),
    ]
    code, out, _ = run("annotate", a, b, "-f", "json")
    payload = json.loads(out)
    assert [(f["file"], f["length"], len(f["spans"])) for f in payload["files"]] == [
        (a, len(STORY), 2),
        (b, 7, 1),
    ]
    code, out, err = run("annotate", a, b)
    assert (code, out) == (1, "")
    assert err == (
        "glossary: error: 2 inputs: write them to a folder with --output-dir DIR, "
        "or use --format json or jsonl\n"
    )


def test_cli_same_names_clash_only_in_an_output_dir(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "sub/a.txt"):
        (tmp_path / name).write_text(STORY, encoding="utf-8")
    a, b = str(tmp_path / "a.txt"), str(tmp_path / "sub" / "a.txt")
    code, out, _ = run("annotate", a, b, "-f", "jsonl")
    assert code == 0
    assert len(out.splitlines()) == 4
    code, _, err = run("annotate", a, b, "-o", str(tmp_path / "out"))
    assert code == 1
    assert err == (
        f"glossary: error: {b}: would be written to {tmp_path / 'out' / 'a.txt'} as {a} is\n"
    )
    assert not (tmp_path / "out").exists()


def test_cli_output_dir_never_overwrites_an_input(corpus: Path) -> None:
    code, _, err = run("annotate", str(corpus), "-o", str(corpus))
    assert code == 1
    assert "would write over the input" in err
    assert (corpus / "a.txt").read_text(encoding="utf-8") == STORY


def test_cli_normalize_in_place_and_diff(corpus: Path) -> None:
    path = corpus / "a.txt"
    path.chmod(0o640)
    code, out, _ = run("normalize", str(corpus), "--diff")
    assert code == 1  # names would change (as black --check, to gate CI)
    assert f"--- {path}\n" in out
    assert "+The rally in Xitun District" in out
    assert "+西屯區的居民" in out
    assert run("normalize", "-i", str(path)) == (0, "", "")
    assert path.read_text(encoding="utf-8") == STORY.replace("Situn", "Xitun")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640  # the file keeps its permissions
    code, _, err = run("normalize", "-i", str(path), "--diff")
    assert code == 2
    assert "choose one of --diff and --in-place" in err
    code, _, err = run("normalize", "-i", input=STORY)
    assert (code, err) == (1, "glossary: error: --in-place needs files, not stdin\n")


@pytest.mark.parametrize(
    ("data", "args", "expected"),
    [
        (codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), [], GLOSSED),
        (STORY.replace("\n", "\r\n").encode(), [], GLOSSED.replace("\n", "\r\n")),
        (b"", [], ""),
        (b"Situn District \xff\n", ["--errors", "replace"], "Situn District (西屯) \ufffd\n"),
    ],
    ids=["utf-16", "crlf", "empty", "replace"],
)
def test_cli_reads_any_text(tmp_path: Path, data: bytes, args: list[str], expected: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    assert run("annotate", str(path), *args) == (0, expected, "")


def test_cli_refuses_binary_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\0\x10JFIF\0")
    code, out, err = run("annotate", str(path))
    assert (code, out) == (1, "")
    assert err == (
        f"glossary: error: {path}: looks like a binary file (a NUL byte at byte 4); "
        "glossary reads UTF-8 text, or UTF-16 with a byte-order mark\n"
    )


def test_cli_a_ten_megabyte_line(tmp_path: Path) -> None:
    """One 10 MB line (no line end at all) streams through with every name found."""
    filler = "The council met again today in the hall. " * 49
    sentence = filler + "Officials from Situn District met residents of 西屯區 again. "
    repeats = 10 * 1024 * 1024 // len(sentence.encode())
    path = tmp_path / "line.txt"
    path.write_text(sentence * repeats, encoding="utf-8")
    code, out, _ = run("annotate", str(path), "-f", "jsonl", "--no-fuzzy")
    assert code == 0
    spans = [json.loads(line) for line in out.splitlines()]
    assert len(spans) == 2 * repeats
    assert spans[-1]["start"] == len(sentence) * (repeats - 1) + sentence.index("西屯區")


def test_installed_script_runs_jobs_quietly(corpus: Path, tmp_path: Path) -> None:
    """Two worker processes give the same output as one; nothing on stderr when piped."""
    script = script_or_skip()
    big = corpus / "big.txt"
    big.write_text((STORY + "\n") * 3000, encoding="utf-8")

    def annotate(*args: str) -> str:
        done = subprocess.run(
            [str(script), "annotate", str(corpus), "-f", "jsonl", *args],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=False,
        )
        assert (done.returncode, done.stderr) == (0, "")
        return done.stdout

    one = annotate()
    assert one == annotate("--jobs", "2", "--quiet")
    assert len(one.splitlines()) == 2 * 3000 + 3
