"""``glossary terms``: commands about the term base files themselves."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from glossary.cli._options import global_options

app = typer.Typer(no_args_is_help=True, help="Check term base files.")


@app.command("validate")
def terms_validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or directories to check, layered over the built-in term base. "
            "Without any, the built-in term base (and --termbase files) are checked.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
) -> None:
    """Check term base files and report every problem as path:line:col: field: message."""
    from glossary._termbase import validate

    options = global_options(ctx)
    report = validate(
        [*options.termbases, *(paths or [])], builtin=options.builtin, packs=options.packs
    )
    for issue in report.issues:
        typer.echo(str(issue))
    errors, warnings = len(report.errors), len(report.warnings)
    summary = (
        f"{report.files} files, {report.entries} entries: "
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    )
    typer.echo(summary, err=bool(report.issues))
    if errors or (strict and warnings):
        raise typer.Exit(1)
