"""`--report` on annotate and normalize: every doubt on stderr as FILE:line:col: kind: text
-> suggestion, the output and exit code unchanged; and a folder always gives the
multi-file JSON layout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import installed, run

STORY = (
    "Rain closed roads in Shidng District.\n"
    "The Council of Agriculture sent teams to 西屯区 and to Situn\n"
    "District; Hsinchu residents were told to stay home.\n"
)
REPORTED = [
    "1:22: typo: Shidng District -> Shiding District",
    "2:5: deprecated: Council of Agriculture -> Ministry of Agriculture",
    "2:42: simplified: 西屯区 -> 西屯區",
    "2:53: non-house: Situn District -> Xitun District",
    "3:11: ambiguous: Hsinchu: one of Hsinchu City 新竹市; Hsinchu County 新竹縣",
]


@pytest.mark.parametrize("command", ["annotate", "normalize"])
def test_report_prints_every_doubt_on_stderr(tmp_path: Path, command: str) -> None:
    """Each doubt is one stderr line at its 1-based line and column in the input; stdout
    is what the command prints without --report, and the exit code is 0."""
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    code, out, err = run(command, str(path), "--report")
    assert code == 0
    assert err.splitlines() == [f"{path}:{line}" for line in REPORTED]
    assert out == run(command, str(path))[1]


def test_report_names_stdin(tmp_path: Path) -> None:
    """Text read from stdin is named <stdin>, as the project's other messages name it."""
    code, _, err = run("annotate", "--report", "-f", "json", input="Situn District.\n")
    assert code == 0
    assert err == "<stdin>:1:1: non-house: Situn District -> Xitun District\n"


def test_report_counts_columns_across_pieces(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A long text read in pieces is reported at the line and column of the whole text."""
    import glossary._stream

    monkeypatch.setattr(glossary._stream, "PIECE_SIZE", 40)  # a piece every paragraph
    text = ("A quiet day in the hills. " * 3 + "\n\n") * 3 + "Later, Shidng District.\n"
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    code, _, err = run("annotate", str(path), "--report")
    assert code == 0
    assert err == f"{path}:7:8: typo: Shidng District -> Shiding District\n"


def test_report_keeps_the_exit_code_of_check(tmp_path: Path) -> None:
    """normalize --check --report still exits 1 when a name would change."""
    path = tmp_path / "story.txt"
    path.write_text("Situn District.\n", encoding="utf-8")
    code, _, err = run("normalize", str(path), "--check", "--report")
    assert code == 1
    assert f"{path}:1:1: non-house: Situn District -> Xitun District" in err.splitlines()


def test_installed_script_reports(tmp_path: Path) -> None:
    """The installed script prints the report on stderr, its glossed text on stdout."""
    done = installed("annotate", "--report", input="Rain in Shidng District.\n", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Rain in Shidng District (石碇).\n"
    assert done.stderr == "<stdin>:1:9: typo: Shidng District -> Shiding District\n"


@pytest.mark.parametrize("count", [1, 2])
def test_a_folder_gives_the_multi_file_layout(tmp_path: Path, count: int) -> None:
    """A folder with one file gives the layout of a folder with two: each file named."""
    folder = tmp_path / "stories"
    folder.mkdir()
    for i in range(count):
        (folder / f"{i}.txt").write_text("Rain in Situn District.\n", encoding="utf-8")
    code, out, _ = run("annotate", str(folder), "-f", "json")
    assert code == 0
    payload = json.loads(out)
    assert [f["file"] for f in payload["files"]] == [str(folder / f"{i}.txt") for i in range(count)]
    assert all(f["spans"][0]["text"] == "Situn District" for f in payload["files"])
    code, out, _ = run("annotate", str(folder), "-f", "jsonl")
    assert [json.loads(line)["file"] for line in out.splitlines()] == [
        str(folder / f"{i}.txt") for i in range(count)
    ]


def test_one_file_keeps_the_single_file_layout(tmp_path: Path) -> None:
    """A file named on its own gives the single-file layout."""
    path = tmp_path / "story.txt"
    path.write_text("Rain in Situn District.\n", encoding="utf-8")
    code, out, _ = run("annotate", str(path), "-f", "json")
    assert code == 0
    assert set(json.loads(out)) == {"spans", "length"}
