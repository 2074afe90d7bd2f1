"""`glossary import --json`, `glossary validate-tbx --json` and the format sniffing and
merge-into-file they rest on (formats/_sniff.py, formats/_merge_file.py). The formats
themselves are tested in tests/test_formats.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from glossary import Glossary, TermBaseError
from glossary._model import Entry
from glossary.formats import formats, get_format
from glossary.formats._merge_file import merge_into_file
from glossary.formats._sniff import sniff
from tests.conftest import FIXTURES

from .helpers import installed, run

HERE = FIXTURES / "formats"
TERMS = HERE / "terms.yaml"


# -- sniffing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("terms.tbx", "tbx"),
        ("terms.tbx3.tbx", "tbx"),  # one reader for v2 and v3
        ("terms.memoq.csv", "memoq-csv"),
        ("terms.bilingual.csv", "csv"),
        ("terms.utf8", "omegat"),
        ("terms.deepl.tsv", "deepl"),
        ("terms.deepl.csv", "deepl-csv"),
        ("terms.google.csv", "google-csv"),
        ("terms.google-pairs.csv", "deepl-csv"),  # the same shape, no header to tell
        ("terms.json", "json"),
    ],
)
def test_sniff_each_fixture(name: str, expected: str) -> None:
    """Each exported fixture is recognised from its content and name, as a registered
    format that reads it."""
    path = HERE / name
    found = sniff(path, path.read_text(encoding="utf-8"))
    assert found == expected
    assert get_format(found).read is not None


def test_sniff_reads_past_a_byte_order_mark() -> None:
    assert sniff("x.csv", "\ufeffid,kind,en\r\n") == "memoq-csv"


def test_every_name_sniff_returns_is_registered() -> None:
    """sniff() answers only with names the registry knows."""
    import inspect

    import glossary.formats._sniff as module

    returned = {
        line.split('"')[1]
        for line in inspect.getsource(module).splitlines()
        if line.strip().startswith("return ") and '"' in line
    } | {"deepl", "deepl-csv"}
    assert returned <= set(formats())


# -- merge into a file ---------------------------------------------------------------------


def _entry(**fields: object) -> Entry:
    data: dict[str, object] = {
        "id": "x-new",
        "kind": "district",
        "zh": [{"term": "新區", "status": "preferred"}],
        "en": [{"term": "New District", "status": "preferred"}],
    }
    data.update(fields)
    data.setdefault("source", "test fixture")
    return Entry.from_dict(data)


def test_merge_into_file_writes_a_valid_term_base(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    shutil.copy(TERMS, mine)
    merge_into_file(mine, [_entry()], builtin=False)
    merged = Glossary([mine], builtin=False, cache_dir=None)
    assert merged["x-new"].english == "New District"
    assert [p.name for p in tmp_path.iterdir()] == ["mine.yaml"]  # no temp file left


def test_merge_that_breaks_the_term_base_leaves_the_file(tmp_path: Path) -> None:
    """A merge whose result would not load raises TermBaseError naming the file (not the
    temp file it was checked in), and leaves the file byte for byte as it was."""
    mine = tmp_path / "mine.yaml"
    shutil.copy(TERMS, mine)
    before = mine.read_bytes()
    with pytest.raises(TermBaseError) as caught:
        merge_into_file(mine, [_entry(parent="no-such-parent")], builtin=False)
    assert caught.value.path == str(mine)
    assert all(issue.path == str(mine) for issue in caught.value.issues)
    assert "no-such-parent" in str(caught.value)
    assert mine.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["mine.yaml"]


def test_cli_import_write_refused_says_so(tmp_path: Path) -> None:
    """Through the CLI: the located errors, '... left as it was', exit 1."""
    mine = tmp_path / "mine.yaml"
    shutil.copy(TERMS, mine)
    before = mine.read_bytes()
    edits = tmp_path / "edits.json"
    entries = [_entry(parent="no-such-parent").to_dict()]
    edits.write_text(json.dumps({"format": "glossary", "version": 1, "entries": entries}))
    code, _, err = run("--no-builtin", "-t", str(mine), "import", str(edits), "--write", str(mine))
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith(f"glossary: error: {mine}:")
    assert lines[-1] == f"glossary: error: {mine} left as it was"
    assert mine.read_bytes() == before


# -- import --json ------------------------------------------------------------------------------


def test_import_json_plan(tmp_path: Path) -> None:
    """--json prints the plan: new entries in full, changes and conflicts with notes."""
    edits = tmp_path / "edits.csv"
    edits.write_text(
        "en,zh-TW,note\r\nTaipei City;Taibei,臺北市,\r\nBanqiao District,板橋區,A new one\r\n"
        "Daan District,大安區,\r\n",
        encoding="utf-8",
    )
    code, out, err = run("--no-builtin", "-t", str(TERMS), "import", str(edits), "--json")
    assert code == 1, err  # Daan District contradicts the term base's Da'an District
    payload = json.loads(out)
    assert (payload["file"], payload["format"], payload["entries"]) == (str(edits), "memoq-csv", 3)
    [added] = payload["added"]
    assert (added["id"], added["zh"][0]["term"]) == ("banqiao-district", "板橋區")
    assert payload["changed"] == [{"id": "taipei-city", "notes": ["+ en 'Taibei' (admitted)"]}]
    [conflict] = payload["conflicts"]
    assert conflict["id"] == "taipei-city-daan"
    assert payload["written"] is None


def test_import_json_write(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    shutil.copy(TERMS, mine)
    edits = tmp_path / "edits.tsv"
    edits.write_text("Banqiao District\t板橋區\n", encoding="utf-8")
    args = ["--no-builtin", "-t", str(mine), "import", str(edits), "--write", str(mine), "--json"]
    code, out, err = run(*args)
    assert (code, err) == (0, "")
    payload = json.loads(out)  # stdout is only the JSON
    assert payload["written"] == {"path": str(mine), "entries": 1}
    assert Glossary([mine], builtin=False, cache_dir=None).get("板橋區") is not None
    assert json.loads(run(*args)[1])["written"] == {"path": str(mine), "entries": 0}


def test_installed_import_json() -> None:
    result = installed(
        "--no-builtin", "-t", str(TERMS), "import", str(HERE / "terms.json"), "--json"
    )
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert (payload["format"], payload["unchanged"], payload["added"]) == ("json", 5, [])


# -- validate-tbx --json ------------------------------------------------------------------


def test_validate_tbx_json(tmp_path: Path) -> None:
    """--json gives each file's problems with their lines, the same ones the text lists."""
    good = HERE / "terms.tbx3.tbx"
    bad = tmp_path / "bad.tbx"
    bad.write_text(
        good.read_text(encoding="utf-8").replace("preferredTerm-admn-sts", "bestTerm", 1),
        encoding="utf-8",
    )
    broken = tmp_path / "broken.tbx"
    broken.write_text("<martif><text>", encoding="utf-8")
    code, out, err = run("validate-tbx", str(good), str(bad), str(broken), "--json")
    assert (code, err) == (1, "")
    ok, wrong, unreadable = json.loads(out)["files"]
    assert ok == {"file": str(good), "valid": True, "problems": []}
    assert wrong["valid"] is False
    [problem] = wrong["problems"]
    assert "administrativeStatus 'bestTerm' is not one of" in problem["message"]
    assert problem["line"] > 1
    text = run("validate-tbx", str(bad))[1]
    assert text == f"{bad}:{problem['line']}: {problem['message']}\n"
    assert unreadable["valid"] is False
    assert len(unreadable["problems"]) == 1
    assert run("validate-tbx", str(good), "--json")[0] == 0


def test_installed_validate_tbx_json() -> None:
    result = installed("validate-tbx", str(HERE / "terms.tbx"), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["files"][0]["valid"] is True
