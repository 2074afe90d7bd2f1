"""`glossary terms validate`."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import BUILTIN_ENTRIES, BUILTIN_FILES, FIXTURES

from .helpers import installed, run


def test_validate_builtin_ok() -> None:
    """`glossary terms validate` on the built-in term base: one summary line, exit 0."""
    code, out, err = run("terms", "validate")
    assert code == 0
    assert out == f"{BUILTIN_FILES} files, {BUILTIN_ENTRIES} entries: 0 errors, 0 warnings\n"
    assert err == ""


def test_validate_ten_mistakes() -> None:
    """The ten-mistakes file prints ten located errors and exits 1."""
    bad = FIXTURES / "termbase" / "ten_mistakes.yaml"
    code, out, err = run("terms", "validate", str(bad))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 10
    assert all(line.startswith(f"{bad}:") for line in lines)
    assert "10 errors, 0 warnings" in err


def test_validate_strict_fails_on_warnings(tmp_path: Path) -> None:
    """--strict turns warnings into a failure."""
    twice = tmp_path / "twice.yaml"
    twice.write_text(
        "".join(
            f"- id: r{i}\n  kind: road\n  zh: [路{'一二'[i]}]\n  en: [Same Rd.]\n  source: t\n"
            for i in range(2)
        ),
        encoding="utf-8",
    )
    assert run("terms", "validate", str(twice))[0] == 0
    code, out, _ = run("terms", "validate", "--strict", str(twice))
    assert code == 1
    assert "warning: en[0]: 'Same Rd.' also names 'r0'" in out


def test_validate_json() -> None:
    """--json: the counts and each issue with its path, line, column, field and severity;
    exit 1 on errors as without it."""
    bad = FIXTURES / "termbase" / "ten_mistakes.yaml"
    code, out, err = run("terms", "validate", str(bad), "--json")
    assert (code, err) == (1, "")
    payload = json.loads(out)
    assert payload["errors"] == 10
    assert payload["warnings"] == 0
    assert len(payload["issues"]) == 10
    text = run("terms", "validate", str(bad))[1].splitlines()
    for issue, line in zip(payload["issues"], text, strict=True):
        assert issue["severity"] == "error"
        assert line.startswith(f"{issue['path']}:{issue['line']}:")
        assert line.endswith(issue["message"])


def test_validate_json_builtin_ok() -> None:
    code, out, _ = run("terms", "validate", "--json")
    assert code == 0
    payload = json.loads(out)
    assert (payload["errors"], payload["entries"], payload["issues"]) == (0, BUILTIN_ENTRIES, [])


def test_installed_validate_json() -> None:
    result = installed("terms", "validate", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["errors"] == 0
