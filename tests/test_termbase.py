"""Loading, validating and layering term base files."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from glossary import Severity, TermBase, TermBaseError, _sources, validate

from .conftest import FIXTURES, ROAD

Write = Callable[[str, str], Path]

GOOD = ROAD

#: The one entry of the built-in term base GOOD needs (its parent), standing alone: a layer
#: under the file being checked, read in an instant where the whole built-in term base is
#: read and checked in a good part of a second.
PARENT = """\
- id: taichung-city-xitun
  kind: district
  zh: [西屯區]
  en: [Xitun District]
  source: test fixture
"""


def errors_of(*paths: Path, builtin: bool = False) -> list[str]:
    return [str(i) for i in validate(paths, builtin=builtin).errors]


@pytest.fixture
def parent(tmp_path: Path) -> Path:
    """A term base file holding GOOD's parent, to layer under a file instead of the
    built-in term base."""
    path = tmp_path / "parent" / "xitun.yaml"
    path.parent.mkdir()
    path.write_text(PARENT, encoding="utf-8")
    return path


def test_ten_mistakes_give_ten_located_errors() -> None:
    """Each of the ten mistakes in the fixture is reported once, with line and field."""
    path = FIXTURES / "termbase" / "ten_mistakes.yaml"
    report = validate([path], builtin=False)
    messages = [str(i) for i in report.errors]
    assert len(messages) == 10, "\n".join(messages)
    expected = [
        ("parent", "unknown parent id 'nowhere-city'"),
        ("en[0].status", "unknown status 'favourite'"),
        ("kind", "unknown kind 'galaxy'"),
        ("zh[0]", "non-CJK text in a Chinese field"),
        ("en[0]", "CJK characters in a Latin-script field"),
        ("colour", "unknown field"),
        ("source", "missing required field"),
        ("id", "duplicate id 'kappa'"),
        ("parent", "parents form a cycle"),
        ("kind", "duplicate key"),
    ]
    for fieldname, text in expected:
        assert any(
            f": {fieldname}: " in m and text in m and m.startswith(str(path)) for m in messages
        ), (fieldname, text, messages)
    for issue in report.errors:
        assert issue.line > 0


def test_duplicate_id_names_both_places(write: Write) -> None:
    """A duplicate id names the file and line of both entries."""
    a = write("a.yaml", GOOD)
    b = write("b.yaml", GOOD)
    [message] = [str(i) for i in validate([a.parent], builtin=True).errors]
    assert f"{a}:1" in message
    assert f"{b}:1" in message


@pytest.mark.parametrize(
    ("text", "fieldname", "needle"),
    [
        ("- id: a\n  kind: [x\n", "", "YAML syntax error"),
        ("- id: a\n  id: b\n", "id", "duplicate key (first at line 1)"),
        ("- &x id: a\n", "", "anchors are not allowed"),
        ("- id: a\n  kind: district\n  zh: [甲]\n  en: *x\n", "", "aliases are not allowed"),
        ("id: a\n", "", "a YAML list of entries"),
        ("- just a string\n", "", "each entry is a mapping"),
        ("- {}\n---\n- {}\n", "", "one YAML document"),
        (GOOD.replace("road", "rood"), "kind", "unknown kind 'rood'"),
        (GOOD.replace("taichung-city-xitun-road", "Xitun Road"), "id", "is not a valid id"),
        (GOOD.replace("[Xitun Rd.]", "[]"), "en", "non-empty list"),
        (GOOD.replace("[Xitun Rd.]", "Xitun Rd."), "en", "non-empty list"),
        (GOOD + "  since: last year\n", "since", "is not a date"),
        (GOOD.replace("[西屯路]", "[{term: 西屯路, system: hanyu}]"), "zh[0].system", "English"),
        (GOOD.replace("[Xitun Rd.]", "[{term: X, official: yes}]"), "en[0].official", "true"),
        (
            GOOD.replace(
                "[Xitun Rd.]", "[{term: A, status: preferred}, {term: B, status: preferred}]"
            ),
            "en",
            "more than one preferred",
        ),
        (GOOD.replace("[西屯路]", "[{status: preferred}]"), "zh[0].term", "missing required"),
        (GOOD.replace("[西屯路]", "[{term: 西屯路, lang: zh}]"), "zh[0].lang", "unknown field"),
        (GOOD.replace("source: test fixture", "source: ''"), "source", "must not be empty"),
        (GOOD.replace("[西屯路]", "[西屯A路]"), "zh[0]", "non-CJK text"),
        (GOOD.replace("[西屯路]", "['2024']"), "zh[0]", "non-CJK text"),
    ],
    ids=[
        "syntax",
        "duplicate-key",
        "anchor",
        "alias",
        "not-a-list",
        "entry-not-mapping",
        "two-documents",
        "bad-kind",
        "bad-id",
        "empty-en",
        "en-not-list",
        "bad-date",
        "system-on-chinese",
        "official-not-bool",
        "two-preferred",
        "term-missing",
        "unknown-term-field",
        "empty-source",
        "latin-in-chinese",
        "digits-only-chinese",
    ],
)
def test_each_mistake_is_located(
    write: Write, parent: Path, text: str, fieldname: str, needle: str
) -> None:
    """Each kind of mistake gives a located error naming its field."""
    path = write("t.yaml", text)
    messages = errors_of(parent, path)
    assert messages, "expected an error"
    assert any(needle in m for m in messages), messages
    located = next(m for m in messages if needle in m)
    assert located.startswith(f"{path}:")
    if fieldname:
        assert f": {fieldname}: " in located


def test_unsorted_entries_name_both(write: Write, parent: Path) -> None:
    """An entry out of order says which id it should come before."""
    second = GOOD.replace("taichung-city-xitun-road", "aaa-road")
    path = write("t.yaml", GOOD + "\n" + second)
    [message] = errors_of(parent, path)
    assert "'aaa-road' should come before 'taichung-city-xitun-road' (line 1)" in message
    assert message.startswith(f"{path}:8:")


def test_same_english_on_two_entries_is_a_warning(write: Write) -> None:
    """Two entries sharing an English term, kind and parent give a warning, not an error."""
    second = GOOD.replace("taichung-city-xitun-road", "taichung-city-xitun-road-2").replace(
        "[西屯路]", "[西屯二路]"
    )
    path = write("t.yaml", GOOD + second)
    report = validate([path])
    assert report.ok
    [warning] = report.warnings
    assert warning.severity is Severity.WARNING
    assert "'Xitun Rd.' also names 'taichung-city-xitun-road'" in str(warning)


def test_same_english_with_different_parents_is_fine() -> None:
    """信義區 of Taipei and of Keelung share 'Xinyi District' without a warning."""
    assert validate().warnings == []


def test_invalid_utf8_is_located(write: Write, tmp_path: Path) -> None:
    """Invalid UTF-8 is an error at the line and column of the bad byte."""
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"- id: a\n  kind: \xff\n")
    [message] = errors_of(path)
    assert message.startswith(f"{path}:2:9: ")
    assert "invalid UTF-8" in message


def test_digits_are_allowed_in_chinese(write: Write) -> None:
    """Section numbers and route numbers are part of Chinese names: 西屯路2段, 台64線."""
    path = write("t.yaml", GOOD.replace("[西屯路]", "[西屯路２段, 台64線]"))
    assert validate([path]).ok


def test_bom_is_accepted(tmp_path: Path) -> None:
    """A UTF-8 byte order mark at the start of a file is fine."""
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert validate([path]).ok


def test_oversized_file_is_refused(write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file over the size limit is refused before it is parsed."""
    monkeypatch.setattr(_sources, "MAX_FILE_BYTES", 100)
    path = write("big.yaml", GOOD + "# padding\n" * 20)
    [message] = errors_of(path)
    assert "the limit is 100" in message


def test_billion_laughs_is_refused_quickly(write: Write) -> None:
    """A billion-laughs file is refused at its first anchor, in no time."""
    lines = ["- &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"- &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = write("lol.yaml", "\n".join(lines) + "\n")
    start = time.perf_counter()
    [message] = errors_of(path)
    assert time.perf_counter() - start < 5
    assert "anchors are not allowed" in message


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    """A path that does not exist is reported, not raised."""
    missing = tmp_path / "nope.yaml"
    assert errors_of(missing) == [f"{missing}: no such file or directory"]


def test_later_layer_wins_by_id(write: Write) -> None:
    """An entry in a later layer replaces the built-in entry with the same id."""
    override = """\
- id: taichung-city-xitun
  kind: district
  parent: taichung-city
  zh: [西屯區]
  en: [Situn District, Xitun District]
  source: house style
"""
    path = write("house.yaml", override)
    tb = TermBase.load([path])
    assert tb["taichung-city-xitun"].english == "Situn District"
    assert tb["taichung-city-xitun"].source == "house style"
    assert len(tb) == len(TermBase.load())


def test_load_raises_with_every_issue(write: Write) -> None:
    """TermBase.load raises TermBaseError carrying every error, first one in the message."""
    path = write("t.yaml", "- id: a\n  kind: nope\n")
    with pytest.raises(TermBaseError) as info:
        TermBase.load([path], builtin=False)
    assert len(info.value.issues) == 4  # bad kind; zh, en and source missing
    assert str(info.value).startswith(f"{path}:")
    assert "and 3 more errors" in str(info.value)


def test_directory_layer_reads_yaml_files_recursively(write: Write, tmp_path: Path) -> None:
    """A directory layer reads every .yaml and .yml file below it, in path order."""
    write("sub/a.yaml", GOOD)
    write("sub/deeper/b.yml", GOOD.replace("taichung-city-xitun-road", "zzz-road"))
    write("sub/notes.txt", "not yaml")
    tb = TermBase.load([tmp_path / "sub"])
    assert "zzz-road" in tb
    assert "taichung-city-xitun-road" in tb


def test_empty_file_is_fine(write: Write) -> None:
    """An empty file (or only comments) holds no entries and no errors."""
    path = write("empty.yaml", "# nothing yet\n")
    report = validate([path], builtin=False)
    assert report.ok
    assert report.entries == 0
    assert report.files == 1
