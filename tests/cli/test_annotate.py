"""`glossary annotate` and `glossary normalize`: --json, the terminal hint, --diff and
--check as CI gates (the matching itself is tested in tests/test_annotate.py)."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import script_or_skip

from .helpers import installed, run

STORY = "The rally in Situn District was attended by Liu Shyh-fang of Hsi-t'un.\n"
NORMALIZED = "The rally in Xitun District was attended by Liu Shyh-fang of Xitun.\n"


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.txt"
    path.write_text(NORMALIZED, encoding="utf-8")
    return path


# -- annotate --json ----------------------------------------------------------------------------


def test_annotate_json_is_format_json() -> None:
    """`annotate - --json` prints exactly what `-f json` prints: the spans."""
    code, out, err = run("annotate", "-", "--json", input=STORY)
    assert (code, err) == (0, "")
    assert out == run("annotate", "-", "-f", "json", input=STORY)[1]
    spans = json.loads(out)["spans"]
    assert [(s["text"], s["id"]) for s in spans] == [
        ("Situn District", "taichung-city-xitun"),
        ("Liu Shyh-fang", "liu-shyh-fang"),
        ("Hsi-t'un", "taichung-city-xitun"),
    ]
    assert all(STORY[s["start"] : s["end"]] == s["text"] for s in spans)


def test_annotate_json_with_format_json_is_fine() -> None:
    assert run("annotate", "--json", "-f", "json", input=STORY)[0] == 0


@pytest.mark.parametrize("other", ["gloss", "jsonl", "html"])
def test_annotate_json_with_another_format_is_a_usage_error(other: str) -> None:
    """--json and -f gloss/jsonl/html contradict each other: one line, exit 2."""
    code, out, err = run("annotate", "--json", "-f", other, input=STORY)
    assert (code, out) == (2, "")
    assert err == (
        f"glossary: error: choose one of --json and --format {other} (see 'glossary annotate -h')\n"
    )


def test_annotate_reading_a_pipe_gives_no_hint() -> None:
    """Text from a pipe (not a terminal) is read without a word on stderr."""
    code, _, err = run("annotate", input=STORY)
    assert (code, err) == (0, "")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("command", ["annotate", "normalize"])
def test_reading_a_terminal_says_how_to_end(command: str) -> None:
    """With stdin a terminal, one line on stderr says the text is read from it and how to
    end it; the text typed is then processed as usual."""
    import pty

    script = script_or_skip()
    leader, follower = pty.openpty()
    with subprocess.Popen(
        [str(script), command],
        stdin=follower,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "TERM": "dumb"},
    ) as process:
        os.close(follower)
        try:
            assert process.stderr is not None
            ready, _, _ = select.select([process.stderr], [], [], 30)
            assert ready, "no hint within 30 s"
            hint = process.stderr.readline().decode()
            assert hint == (
                "glossary: reading text from the terminal; end it with Ctrl-D "
                "(or name a file, or pipe text in)\n"
            )
            os.write(leader, b"Situn District\n")
            os.write(leader, b"\x04")  # Ctrl-D at the start of a line, once: the end
            out, err = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
            os.close(leader)
    assert process.returncode == 0, err
    expected = "Situn District (西屯)" if command == "annotate" else "Xitun District"
    assert out.decode().strip() == expected


def test_installed_annotate_json() -> None:
    """`glossary annotate - --json` through the installed script."""
    result = installed("annotate", "-", "--json", input=STORY)
    assert result.returncode == 0, result.stderr
    assert [s["id"] for s in json.loads(result.stdout)["spans"]][:1] == ["taichung-city-xitun"]


# -- normalize --diff, --check, --json -----------------------------------------------------


def test_normalize_diff_exits_1_on_change(story: Path, clean: Path) -> None:
    """--diff prints the diff and exits 1 when a name would change, 0 (and nothing) when
    none would, as `black --diff --check` and `ruff format --diff` do."""
    code, out, err = run("normalize", "--diff", str(story))
    assert (code, err) == (1, "")
    assert f"-{STORY}" in out
    assert f"+{NORMALIZED}" in out
    assert run("normalize", "--diff", str(clean)) == (0, "", "")
    code, out, _ = run("normalize", "--diff", str(clean), str(story))
    assert code == 1
    assert out.startswith(f"--- {story}")


def test_normalize_check_says_which_would_change(story: Path, clean: Path) -> None:
    """--check prints nothing on stdout; on stderr which inputs would change; exit 1 if any."""
    code, out, err = run("normalize", "--check", str(story), str(clean))
    assert (code, out) == (1, "")
    assert err == f"would normalize {story} (2 names)\n1 of 2 inputs would change\n"
    assert story.read_text(encoding="utf-8") == STORY  # nothing written
    assert run("normalize", "--check", str(clean)) == (0, "", "0 of 1 input would change\n")


def test_normalize_check_follows_to(clean: Path) -> None:
    """What would change depends on --to: in Wade-Giles all three names change."""
    code, _, err = run("normalize", "--check", "--to", "wade-giles", str(clean))
    assert code == 1
    assert f"would normalize {clean} (3 names)" in err


def test_normalize_json_lists_what_would_change(story: Path, clean: Path) -> None:
    """--json lists each name that would change (offsets into the original text, the new
    form, the entry); applying them gives exactly the normalized text; exit 0."""
    code, out, err = run("normalize", "--json", str(story), str(clean))
    assert (code, err) == (0, "")
    payload = json.loads(out)
    assert payload["changed"] == 1
    first, second = payload["files"]
    assert (first["file"], second) == (str(story), {"file": str(clean), "changes": []})
    assert [(c["text"], c["to"], c["ids"]) for c in first["changes"]] == [
        ("Situn District", "Xitun District", ["taichung-city-xitun"]),
        ("Hsi-t'un", "Xitun", ["taichung-city-xitun"]),
    ]
    text = STORY
    for change in reversed(first["changes"]):
        assert text[change["start"] : change["end"]] == change["text"]
        text = text[: change["start"]] + change["to"] + text[change["end"] :]
    assert text == NORMALIZED == run("normalize", str(story))[1]


def test_normalize_json_from_stdin() -> None:
    code, out, _ = run("normalize", "--json", input="Hsi-t'un\n")
    assert code == 0
    [only] = json.loads(out)["files"]
    assert only["file"] == "<stdin>"
    assert [c["to"] for c in only["changes"]] == ["Xitun"]


@pytest.mark.parametrize(
    "options",
    [["--diff", "--check"], ["--check", "--json"], ["--json", "-i"], ["--check", "-o", "out"]],
)
def test_normalize_ways_are_exclusive(options: list[str], story: Path) -> None:
    code, out, err = run("normalize", *options, str(story))
    assert (code, out) == (2, "")
    assert err.startswith("glossary: error: choose one of ")
    assert err.count("\n") == 1


def test_installed_normalize_diff_gates(story: Path, clean: Path) -> None:
    """Through the installed script: `normalize --diff` exits 1 on a change, 0 without."""
    result = installed("normalize", "--diff", str(story))
    assert result.returncode == 1, result.stderr
    assert f"+{NORMALIZED}" in result.stdout
    assert installed("normalize", "--check", str(clean)).returncode == 0
