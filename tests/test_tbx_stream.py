"""TBX read as a stream (issue 15: a 200 MB TBX imported and validated in bounded
memory): the streaming reader and validator give what the tree-walking ones gave, on
files of many entries; the parse never holds more than one entry; errors still name the
file, the line and the element.

The golden files ``many.tbx`` (TBX v2) and ``many.tbx3.tbx`` (v3) are 144 entries of
the built-in term base (with a few odd v2 entries added by hand: an ``ntig``, a language
section tagged ``xx``, an id that is no XML name); their ``.expected.json`` files hold
what the reader and validator that parsed a whole tree returned for them and for the
broken copies :data:`BREAK_V2` and :data:`BREAK_V3` make (written once by that code, not
by what is tested here). ``testdata.expected.json`` is the same for every file in
../shared/tbx/testdata.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from glossary.cli import app
from glossary.formats import get_format, read, read_file, usable_ids
from glossary.formats._xml import iter_elements
from glossary.formats.validate import check_file_text, validate_tbx

from .conftest import FIXTURES, script_or_skip
from .tbx_official import SHARED_TBX
from .test_formats import LAUGHS, XXE

HERE = FIXTURES / "formats"
runner = CliRunner()

#: (what, replaced by, how many times): each breaks a rule validate-tbx checks in v2.
BREAK_V2 = [
    ("preferredTerm-admn-sts", "bestTerm", 1),
    ('target="', 'target="nowhere-', 1),
    ("    <termEntry", "    <p>stray</p>\n    <termEntry", 1),
    ("    </termEntry>", "      <note>late</note>\n    </termEntry>", 1),
    ('<langSet xml:lang="zh-Hans">', "<langSet>", 1),
    (
        "<tig>\n          <term>",
        '<tig>\n          <termNote type="termType">fullForm</termNote><term>',
        1,
    ),
    ('<descrip type="subjectField">', '<descrip type="topic">', 1),
    (
        "</termNote>\n        </tig>",
        '</termNote>\n<descrip type="definition">x</descrip>\n        </tig>',
        1,
    ),
    (
        "</body>",
        '<termEntry id="empty"><note>x</note></termEntry>\n<p>tail</p>\n<div><termEntry '
        'id="nested"><langSet xml:lang="en"><tig><term>N</term></tig></langSet></termEntry>'
        "</div>\n</body>",
        1,
    ),
    ("<title>", '<title id="1bad">', 1),
    ('<martif type="TBX-Basic" xml:lang="en">', '<martif type="TBX-Basic">', 1),
    (
        "<body>",
        '<termEntry id="outside"><langSet xml:lang="en"><tig><term>O</term></tig></langSet>'
        "</termEntry>\n<body>",
        1,
    ),
    (
        '<termNote type="partOfSpeech">properNoun</termNote>',
        '<termNote type="partOfSpeech">propernoun</termNote>',
        2,
    ),
    ('<admin type="source">', "<admin>", 1),
]

#: The same for v3.
BREAK_V3 = [
    ('style="dca"', 'style="dct"', 1),
    ("    <conceptEntry", '    <x:foo xmlns:x="urn:x"/>\n    <conceptEntry', 1),
    ('<conceptEntry id="', '<conceptEntry data-id="', 1),
    (
        '<langSec xml:lang="en">',
        '<langSec xml:lang="en"><termNote type="termType">fullForm</termNote>',
        1,
    ),
    (
        '<langSec xml:lang="zh-Hant">',
        '<langSec xml:lang="zh-Hant"><ref type="crossReference" target="https://example.org">'
        "x</ref>",
        1,
    ),
    ("</termSec>", '<ref type="crossReference" target="nowhere">n</ref></termSec>', 1),
    ("<termSec>", '<termSec><x:y xmlns:x="urn:x"/>', 1),
    (
        "</body>",
        '<conceptEntry id="dup"><langSec xml:lang="en"><termSec><term>A</term></termSec>'
        '</langSec></conceptEntry><conceptEntry id="dup"><langSec xml:lang="en"><termSec>'
        "<term>B</term><term>C</term></termSec></langSec></conceptEntry></body>",
        1,
    ),
]

GOLDEN = [
    pytest.param("many.tbx", BREAK_V2, id="v2"),
    pytest.param("many.tbx3.tbx", BREAK_V3, id="v3"),
]


def broken(text: str, rules: list[tuple[str, str, int]]) -> str:
    for old, new, count in rules:
        assert old in text, old
        text = text.replace(old, new, count)
    return text


def expected(name: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((HERE / f"{name}.expected.json").read_text("utf-8"))
    return result


def by_line(problems: list[str]) -> list[str]:
    """Problems in the order of their lines (``path:line: message``), the order kept
    within a line."""
    return sorted(problems, key=lambda p: int(p.split(":")[1]))


@pytest.mark.parametrize(("name", "rules"), GOLDEN)
def test_stream_reads_the_entries_the_tree_reader_read(name: str, rules: Any) -> None:
    """The text, its bytes, an open file and the file by its name all give the entries
    and warnings the tree-walking reader gave (field for field, in order)."""
    want = expected(name)
    path = HERE / name
    stream = get_format("tbx").stream
    assert stream is not None
    with path.open("rb") as handle:
        results = [
            read(path.read_text("utf-8"), "tbx", path=name),
            usable_ids(stream(io.BytesIO(path.read_bytes()), name), name),
            usable_ids(stream(handle, name), name),
            read_file(path)[1],
        ]
    for imported in results:  # read_file names the file as given: the whole path
        entries = [e.to_dict() for e in imported.entries]
        for entry in entries:
            entry["source"] = entry["source"].replace(str(path), name)
        assert entries == want["entries"]
        warnings = [w.replace(str(path), name) for w in imported.warnings]
        assert warnings == want["warnings"]


@pytest.mark.parametrize(("name", "rules"), GOLDEN)
def test_import_of_a_file_lists_the_entries_the_tree_reader_read(name: str, rules: Any) -> None:
    """`glossary import --json` of the file: the same entries as the tree reader."""
    want = expected(name)
    result = runner.invoke(app, ["--no-builtin", "import", str(HERE / name), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["entries"] == len(want["entries"])
    added = [dict(e, source=e["source"].replace(str(HERE / name), name)) for e in payload["added"]]
    assert added == want["entries"]
    assert payload["warnings"] == [w.replace(name, str(HERE / name), 1) for w in want["warnings"]]


@pytest.mark.parametrize(("name", "rules"), GOLDEN)
def test_stream_validation_finds_what_the_tree_validation_found(name: str, rules: Any) -> None:
    """On the valid file, on a copy broken in many ways, and on that copy on one line,
    the streaming validator reports the problems the tree walk reported, in the order of
    their lines (the tree walk reported a parent's problems with its children before
    the children's own)."""
    want = expected(name)
    text = (HERE / name).read_text("utf-8")
    assert validate_tbx(text, name) == want["problems"]
    bad = broken(text, rules)
    assert validate_tbx(bad, name) == by_line(want["broken"])
    assert len(want["broken"]) > 10
    one_line = validate_tbx(bad.replace("\n", " "), name)
    assert sorted(one_line) == sorted(want["broken_one_line"])


def test_stream_validation_agrees_on_the_official_test_files() -> None:
    """Every file of ../shared/tbx/testdata: the problems the tree walk found."""
    if not SHARED_TBX.is_dir():
        pytest.skip("../shared/tbx is not beside the checkout")
    want = expected("testdata")
    got = {}
    for path in sorted((SHARED_TBX / "testdata").rglob("*.tbx")):
        text = path.read_bytes().decode("utf-8-sig")
        problems = check_file_text(text, str(path))
        got[str(path.relative_to(SHARED_TBX / "testdata"))] = [
            p.replace(str(path), "FILE") for p in problems
        ]
    assert got.keys() == want.keys()
    for name, problems in want.items():
        assert got[name] == by_line(problems), name


def test_the_parse_holds_one_entry_at_a_time() -> None:
    """While a file of 144 entries is read, no entry read before stays in the tree lxml
    builds but the emptied one just before (libxml2 parses a block ahead, so the tree
    also holds the next few): memory is bounded by a block, not by the file."""
    source = (HERE / "many.tbx3.tbx").read_bytes()
    behind, ahead = [], []
    for event, element in iter_elements(source, "many.tbx3.tbx", ("conceptEntry",)):
        if event == "end":
            behind.append(sum(1 for _ in element.itersiblings(preceding=True)))
            ahead.append(sum(1 for _ in element.itersiblings()))
            assert len(element) > 0  # still whole while the caller reads it
    assert len(behind) == 144
    assert max(behind) == 1
    assert max(ahead) < 72


def _errors_of(command: str, path: Path) -> tuple[int, str]:
    """Exit status and the one line a command reports for a broken TBX file (import on
    stderr, as an error; validate-tbx on stdout, as the file's problem)."""
    result = runner.invoke(app, ["--no-builtin", command, str(path)])
    out = result.stderr if command == "import" else result.stdout
    lines = out.splitlines()
    assert len(lines) == 1, out
    return result.exit_code, lines[0]


MALFORMED = [
    pytest.param(
        lambda b: b[: len(b) // 2],
        "not well-formed XML: ",
        id="truncated",
    ),
    pytest.param(
        lambda b: b.replace(b"</tig>", b"</tog>", 1),
        "not well-formed XML: Opening and ending tag mismatch: tig line 24 and tog",
        id="tag-mismatch",
    ),
    pytest.param(
        lambda b: b.replace(b"Gaoxiong", b"Gaox\xe9ong", 1),
        "not well-formed XML: Invalid bytes in character encoding",
        id="not-utf-8",
    ),
]


@pytest.mark.parametrize(("breaking", "message"), MALFORMED)
@pytest.mark.parametrize("command", ["import", "validate-tbx"])
def test_malformed_tbx_is_one_line_naming_file_line_and_element(
    tmp_path: Path, command: str, breaking: Any, message: str
) -> None:
    """A broken TBX is one line: the file, the line the parse stopped at and what
    libxml2 says of it (the element, where it names one); never a traceback."""
    good = (HERE / "terms.tbx").read_bytes()
    path = tmp_path / "broken.tbx"
    path.write_bytes(breaking(good))
    code, line = _errors_of(command, path)
    assert code == 1
    prefix = "glossary: error: " if command == "import" else ""
    assert line.startswith(f"{prefix}{path}:")
    where = int(line[len(prefix) + len(str(path)) + 1 :].split(":")[0])
    assert where > 1
    assert message in line


def _entries(path: Path) -> list[dict[str, Any]]:
    result = runner.invoke(app, ["--no-builtin", "import", str(path), "--json"])
    assert result.exit_code == 0, result.output
    added: list[dict[str, Any]] = json.loads(result.stdout)["added"]
    for entry in added:
        entry.pop("source")  # names the file (imported from PATH)
    return added


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda t: t.encode("utf-16"), id="utf-16-bom"),
        pytest.param(lambda t: b"\xef\xbb\xbf" + t.encode(), id="utf-8-bom"),
        pytest.param(
            lambda t: t.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"),
            id="utf-16-declared-no-bom",
        ),
    ],
)
def test_tbx_in_another_encoding_reads_the_same(tmp_path: Path, encode: Any) -> None:
    """The parser reads the file's bytes in the encoding its byte-order mark or XML
    declaration names: UTF-16 and UTF-8 with a BOM give the entries UTF-8 gives."""
    text = (HERE / "terms.tbx").read_text("utf-8")
    path = tmp_path / "other.tbx"
    path.write_bytes(encode(text))
    assert _entries(path) == _entries(HERE / "terms.tbx")


def test_tbx_declared_latin_1_is_read_in_latin_1(tmp_path: Path) -> None:
    """A file that declares ISO-8859-1 is decoded as it says (é is one byte, 0xe9)."""
    text = (HERE / "terms.tbx").read_text("utf-8")
    text = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("Gaoxiong", "Gaoxéong")
    path = tmp_path / "latin.tbx"
    path.write_bytes(text.encode("latin-1", errors="xmlcharrefreplace"))
    assert b"Gaox\xe9ong" in path.read_bytes()
    terms = {t["term"] for e in _entries(path) for t in e["en"]}
    assert "Gaoxéong" in terms
    assert "Gaoxiong" not in terms


def test_import_reads_a_tbx_fifo_as_it_comes(tmp_path: Path) -> None:
    """A FIFO (no size, no seeking) of a TBX file: its format is recognised from its
    first bytes, which are then parsed with the rest; the same entries as the file."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    data = (HERE / "many.tbx").read_bytes()

    def feed() -> None:
        with fifo.open("wb") as handle:
            handle.write(data)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    got = _entries(fifo)
    writer.join(timeout=60)
    assert got == _entries(HERE / "many.tbx")
    assert len(got) == len(expected("many.tbx")["entries"])


def test_installed_validate_tbx_of_a_broken_file(tmp_path: Path) -> None:
    """The installed script streams the broken v3 file: the tree walk's problems."""

    bad = tmp_path / "bad.tbx"
    bad.write_text(broken((HERE / "many.tbx3.tbx").read_text("utf-8"), BREAK_V3), "utf-8")
    done = subprocess.run(
        [str(script_or_skip()), "validate-tbx", str(bad)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (1, "")
    want = [p.replace("many.tbx3.tbx", str(bad), 1) for p in expected("many.tbx3.tbx")["broken"]]
    assert done.stdout.splitlines() == by_line(want)


@pytest.mark.parametrize("count", [0, 1, 3])
def test_import_json_is_written_as_json_dumps_writes_it(count: int) -> None:
    """`import --json` writes the added entries one at a time, in the very text
    ``json.dumps(..., indent=2)`` gives for the whole report."""
    from glossary.cli.exchange import _LATER, _json_with_list

    items = [{"id": f"e{i}", "zh": [{"term": "西屯區"}], "note": "a\nb"} for i in range(count)]
    payload = {"file": "x.tbx", "added": _LATER, "changed": [{"id": "a", "notes": []}], "n": 1}
    lines = list(_json_with_list(payload, iter(items)))
    assert "\n".join(lines) == json.dumps(dict(payload, added=items), ensure_ascii=False, indent=2)


@pytest.mark.parametrize("batch", [7, 4096])
def test_import_report_of_many_entries(monkeypatch: pytest.MonkeyPatch, batch: int) -> None:
    """The report of an import, printed a batch of lines at a time, is every line."""
    import glossary.cli.exchange

    monkeypatch.setattr(glossary.cli.exchange, "_BATCH", batch)
    result = runner.invoke(app, ["--no-builtin", "import", str(HERE / "many.tbx")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    count = len(expected("many.tbx")["entries"])
    assert lines[0] == f"{HERE / 'many.tbx'} (tbx): {count} entries"
    assert len(lines) == count + 2
    assert all(line.startswith("+ ") for line in lines[1:-1])
    assert lines[-1] == f"{count} to add, 0 to change, 0 in conflict (never written), 0 unchanged"


HOSTILE = [
    pytest.param(XXE, "declares XML entities", id="xxe"),
    pytest.param(LAUGHS, "declares XML entities", id="billion-laughs"),
    pytest.param(
        '<martif type="TBX-Basic" xml:lang="en"><text><body>'
        + "<termEntry>" * 5000
        + "</termEntry>" * 5000
        + "</body></text></martif>",
        "Excessive depth in document: 256",
        id="deep-nesting",
    ),
    pytest.param(
        '<martif type="TBX-Basic" xml:lang="en"><text><body><termEntry><note>'
        + "x" * 11_000_000
        + "</note></termEntry></body></text></martif>",
        "Text node too long",
        id="huge-text-node",
    ),
]


@pytest.mark.parametrize(("content", "message"), HOSTILE)
@pytest.mark.parametrize("command", ["import", "validate-tbx"])
def test_hostile_tbx_is_refused_by_the_stream(
    tmp_path: Path, command: str, content: str, message: str
) -> None:
    """The streaming parse keeps the protections of the tree parse: entities declared
    (XXE, billion laughs) are refused before anything is read from them, libxml2's
    limits on depth and on a text's size hold (no huge_tree); one line each."""
    path = tmp_path / "hostile.tbx"
    path.write_text(content, encoding="utf-8")
    code, line = _errors_of(command, path)
    assert code == 1
    assert message in line
    assert "passwd" not in line


def test_limited_reader_peeks_and_stops_at_the_limit(tmp_path: Path) -> None:
    """What peek() returns, read() returns again (a FIFO cannot seek back); a regular
    file over the limit is refused on opening, a device when reading passes the limit."""
    from glossary import GlossaryError
    from glossary._fsutil import open_limited

    data = bytes(range(100))
    path = tmp_path / "data.bin"
    path.write_bytes(data)
    with open_limited(path, 100) as reader:
        assert reader.peek(10) == data[:10]
        assert reader.peek(20) == data[:20]
        assert reader.read(4) == data[:4]
        assert reader.read() == data[4:]
        assert reader.read(5) == b""
    with (
        pytest.raises(GlossaryError, match="file is 100 bytes; the limit is 99 bytes"),
        open_limited(path, 99),
    ):
        pytest.fail("opened")
    zero = Path("/dev/zero")
    if zero.exists():
        with open_limited(zero, 1000) as reader:
            assert reader.read(600) == bytes(600)
            with pytest.raises(GlossaryError, match="larger than 1,000 bytes; refused"):
                reader.read(600)
