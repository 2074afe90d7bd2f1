"""`glossary terms validate`."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import BUILTIN_ENTRIES, BUILTIN_FILES, FIXTURES

from .helpers import run


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
