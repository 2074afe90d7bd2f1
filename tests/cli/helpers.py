"""Running the command line in tests: through typer's CliRunner, or as the installed script."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from glossary.cli import app
from tests.conftest import script_or_skip

runner = CliRunner()


def run(
    *args: str, env: dict[str, str] | None = None, input: str | None = None
) -> tuple[int, str, str]:
    """``glossary ARGS`` through CliRunner: (exit code, stdout, stderr)."""
    result = runner.invoke(app, list(args), env=env, input=input, prog_name="glossary")
    return result.exit_code, result.stdout, result.stderr


def installed(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    input: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """``glossary ARGS`` as the installed console script (skips if it is not installed)."""
    return subprocess.run(
        [str(script_or_skip()), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        input=input,
        check=False,
    )
