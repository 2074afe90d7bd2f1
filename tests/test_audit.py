"""glossary terms audit and glossary terms stats: every audit rule on a fixture term base
with one mistake of each kind, the built-in term base audited clean, and the counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary import Severity
from glossary._audit import audit, name_parts, simplified_characters, spelling_systems, stats

from .cli.helpers import installed, run
from .conftest import FIXTURES, ROAD

MISTAKES = FIXTURES / "termbase" / "audit_mistakes.yaml"
LINES = MISTAKES.read_text(encoding="utf-8").splitlines()


def line_of(text: str, after: str = "") -> int:
    """The 1-based line of the first line containing ``text`` (after the line holding
    ``after``)."""
    start = next(i for i, line in enumerate(LINES) if after in line) if after else 0
    return next(i for i, line in enumerate(LINES) if i >= start and text in line) + 1


@pytest.fixture(scope="module")
def findings() -> list[tuple[int, str, str, str]]:
    report = audit([MISTAKES], builtin=False)
    return [(i.line, i.field, i.severity.value, i.message) for i in report.issues]


EXPECTED = [
    ("Sitan District", "", "en[0].system", "error", "'Sitan District' is not the hanyu"),
    (
        "Banqiao Township",
        "",
        "en[0].system",
        "error",
        "not the tongyong spelling of 板橋鄉 (it is hanyu)",
    ),
    ("Sun Moon Lake", "", "en[0].system", "warning", "follows no romanization of 日月潭"),
    ("Heping District", "e-homonym-two", "en[0]", "error", "also names 'd-homonym-one'"),
    ("- id: f-no-address", "", "source", "warning", "names no address (URL)"),
    (
        "- id: g-simplified",
        "",
        "zh[0]",
        "error",
        "Simplified characters in a Traditional field: 区",
    ),
    ("term: MAC", "", "en[1]", "warning", "'mac' is also an English word"),
    ("since: 1987-13", "", "since", "error", "'1987-13' has no month 13"),
    (
        "Lai Ching-te",
        "",
        "en[0].system",
        "error",
        "not the hanyu spelling of 賴清德 (it is wade-giles)",
    ),
    (
        "- id: j-person",
        "",
        "roles[0].zh",
        "error",
        "Simplified characters in a Traditional field: 总",
    ),
]


@pytest.mark.parametrize(
    ("text", "after", "field", "severity", "needle"),
    EXPECTED,
    ids=[
        "hanyu-misspelt",
        "wrong-system",
        "no-system",
        "homonym",
        "no-address",
        "simplified-zh",
        "english-word-abbreviation",
        "bad-date",
        "person-system",
        "simplified-role",
    ],
)
def test_each_mistake_is_found_and_located(
    findings: list[tuple[int, str, str, str]],
    text: str,
    after: str,
    field: str,
    severity: str,
    needle: str,
) -> None:
    """Each kind of mistake gives one finding at its line, naming its field."""
    line = line_of(text, after)
    matching = [f for f in findings if f[0] == line and f[1] == field and needle in f[3]]
    assert [f[2] for f in matching] == [severity], findings


def test_nothing_else_is_found(findings: list[tuple[int, str, str, str]]) -> None:
    """The entries without a mistake (k-good, Lai Qingde, MAC's own system) give nothing."""
    assert len(findings) == len(EXPECTED), "\n".join(map(str, findings))


def test_homonyms_told_apart_by_parent_are_fine(write: object) -> None:
    """One English term on two entries with different parents is no finding."""
    assert callable(write)
    text = (
        "- id: a\n  kind: city\n  zh: [甲市]\n  en: [{term: Jia City, system: hanyu}]\n"
        "  source: x https://example.org\n"
        "- id: b\n  kind: city\n  zh: [乙市]\n  en: [{term: Yi City, system: hanyu}]\n"
        "  source: x https://example.org\n"
        + ROAD.replace("parent: taichung-city-xitun", "parent: a").replace(
            "source: test fixture", "source: x https://example.org"
        )
        + ROAD.replace("taichung-city-xitun-road", "zz-road")
        .replace("parent: taichung-city-xitun", "parent: b")
        .replace("source: test fixture", "source: x https://example.org")
    )
    path = write("t.yaml", text)
    report = audit([path], builtin=False)
    assert report.errors == [], report.errors


def test_rules_in_one_place() -> None:
    """The helpers the audit and the generators share behave as documented."""
    assert name_parts("Banciao District", "板橋區")[-1] == ("Banciao", "板橋")
    assert spelling_systems("Hsin-chuang District", ["新莊區"]) == {"wade-giles"}
    assert "hanyu" in spelling_systems("Yuanchang Township", ["元長鄉"])  # 長 cháng
    assert spelling_systems("Zhongshan North Road", ["中山北路"]) == {"hanyu"}
    assert simplified_characters("陳冲") == ""  # Sean Chen writes his name so
    assert simplified_characters("台湾") == "湾"


def test_builtin_term_base_audits_without_errors() -> None:
    """The built-in term base, with every pack, has no audit error (CI runs the same)."""
    report = audit(packs=["roads"])
    assert report.errors == [], "\n".join(str(i) for i in report.errors[:20])
    assert all(i.severity is Severity.WARNING for i in report.issues)


# -- the command line --------------------------------------------------------------------------


def test_cli_audit_prints_one_line_per_finding_and_exits_1() -> None:
    """glossary terms audit FILE: path:line: field: message lines, a summary, exit 1."""
    code, out, err = run("--no-builtin", "terms", "audit", str(MISTAKES))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == len(EXPECTED)
    assert all(line.startswith(f"{MISTAKES}:") for line in lines)
    line = line_of("Sitan District")
    assert f"{MISTAKES}:{line}: en[0].system: 'Sitan District' is not the hanyu" in out
    assert err.strip() == "1 files, 10 entries: 7 errors, 3 warnings"


def test_cli_audit_json() -> None:
    """--json gives the same findings as objects, with the counts."""
    code, out, _ = run("--no-builtin", "terms", "audit", str(MISTAKES), "--json")
    assert code == 1
    payload = json.loads(out)
    assert (payload["errors"], payload["warnings"], payload["entries"]) == (7, 3, 10)
    first = payload["findings"][0]
    assert set(first) == {"path", "line", "field", "severity", "message"}
    assert first["field"] == "en[0].system"


def test_cli_audit_of_a_clean_file_exits_0(write: object) -> None:
    """A file without mistakes audits clean: exit 0, nothing on stdout; --strict fails on
    a warning."""
    assert callable(write)
    good = ROAD.replace("  parent: taichung-city-xitun\n", "").replace(
        "[Xitun Rd.]", "[{term: Xitun Rd., system: hanyu}]"
    )
    path = write("good.yaml", good.replace("test fixture", "x, https://example.org"))
    code, out, err = run("--no-builtin", "terms", "audit", str(path))
    assert (code, out) == (0, "")
    assert "0 errors, 0 warnings" in err
    path = write("warn.yaml", good)  # no address in the source
    assert run("--no-builtin", "terms", "audit", str(path))[0] == 0
    assert run("--no-builtin", "terms", "audit", str(path), "--strict")[0] == 1


def test_cli_audit_of_a_file_reports_that_file_only(write: object) -> None:
    """terms audit FILE reports FILE's findings (and counts FILE's entries), not those of
    the layers beneath it (here a --termbase file with a finding of its own), which are
    still read (FILE's parent is there); --all reports every layer's."""
    assert callable(write)
    base = write("base.yaml", ROAD.replace("  parent: taichung-city-xitun\n", ""))
    mine = write(
        "mine.yaml",
        ROAD.replace("taichung-city-xitun-road", "xitun-second-road")
        .replace("parent: taichung-city-xitun", "parent: taichung-city-xitun-road")
        .replace("西屯路", "西屯二路")
        .replace("Xitun Rd.", "Xitun 2nd Rd."),
    )
    layers = ["--no-builtin", "-t", str(base), "terms", "audit"]
    code, out, err = run(*layers, str(mine))
    assert code == 0
    assert out.splitlines()
    assert all(line.startswith(f"{mine}:") for line in out.splitlines()), out
    assert err == f"1 files, 1 entries: 0 errors, {len(out.splitlines())} warning" + (
        "s\n" if len(out.splitlines()) != 1 else "\n"
    )
    code, every, err = run(*layers, str(mine), "--all")
    assert any(line.startswith(f"{base}:") for line in every.splitlines()), every
    assert set(out.splitlines()) < set(every.splitlines())
    report = audit([base, mine], builtin=False)
    assert every.splitlines() == [str(i) for i in report.issues]
    assert "2 files, 2 entries" in err


def test_cli_audit_of_a_file_leaves_the_builtin_term_base_out(write: object) -> None:
    """Over the built-in term base too (the bug: its warnings came with FILE's)."""
    assert callable(write)
    mine = write("mine.yaml", ROAD)
    code, out, err = run("terms", "audit", str(mine))
    assert code == 0
    assert out == f"{mine}:1: warning: source: names no address (URL) that says the facts\n"
    assert err == "1 files, 1 entries: 0 errors, 1 warning\n"


def test_installed_script_audits_the_builtin_term_base(tmp_path: Path) -> None:
    """The installed glossary script audits the built-in term base (and the roads pack)
    with exit 0, from any directory."""
    done = installed("--pack", "roads", "terms", "audit", cwd=tmp_path)
    assert done.returncode == 0, done.stdout[-2000:]
    assert " 0 errors" in done.stderr


# -- stats -------------------------------------------------------------------------------------


def test_stats_counts_by_kind_file_and_layer() -> None:
    """stats() counts the layered entries by kind, file and layer; the totals agree."""
    counts, report = stats([MISTAKES], builtin=False)
    assert report.errors  # the bad month
    assert counts["total"] == 10
    assert counts["kinds"] == {
        "district": 6,
        "agency": 1,
        "landmark": 1,
        "person": 1,
        "township": 1,
    }
    assert counts["files"] == {str(MISTAKES): 10}
    assert counts["layers"] == {str(MISTAKES): 10}


def test_stats_of_the_builtin_term_base_with_a_pack() -> None:
    """The roads pack counts as a layer of its own and a file under packs/."""
    plain, _ = stats()
    counts, report = stats(packs=["roads"])
    assert report.errors == []
    layers = counts["layers"]
    assert isinstance(layers, dict)
    assert layers["builtin"] == plain["total"]
    assert layers["pack roads"] >= 1000
    files = counts["files"]
    assert isinstance(files, dict)
    assert files["packs/roads.yaml"] == layers["pack roads"]
    assert files["divisions.yaml"] >= 390
    assert counts["total"] == plain["total"] + layers["pack roads"]  # type: ignore[operator]


def test_cli_stats_text_and_json() -> None:
    """glossary terms stats prints the three tables and the total; --json the same data."""
    code, out, err = run("terms", "stats")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "entries by kind:"
    assert "entries by file:" in out
    assert "entries by layer:" in out
    code, data, _ = run("terms", "stats", "--json")
    payload = json.loads(data)
    assert out.splitlines()[-1] == f"total: {payload['total']}"
    assert payload["layers"] == {"builtin": payload["total"]}


def test_cli_stats_with_errors_exits_1() -> None:
    """Counts of a term base with errors still print, then one error line and exit 1."""
    code, out, err = run("--no-builtin", "terms", "stats", str(MISTAKES), "--json")
    assert code == 1
    assert json.loads(out)["total"] == 10
    assert err.startswith("glossary: error: 1 errors in the files")


def test_installed_script_prints_stats() -> None:
    """The installed script prints the stats as JSON."""
    done = installed("terms", "stats", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["total"] > 390
