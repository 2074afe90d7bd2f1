"""``glossary terms``: commands about the term base files themselves."""

# No `from __future__ import annotations`: typer would eval() each annotation string on every
# run, about 9 ms of each command's start-up (docs/benchmarks.md).

import json
from pathlib import Path
from typing import Annotated

import typer

from glossary.cli._options import global_options

app = typer.Typer(no_args_is_help=True, help="Check, audit and count term base files.")


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
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", help="Print the counts and every problem (path, line, field...) as JSON."
        ),
    ] = False,
) -> None:
    """Check term base files and report every problem as path:line:col: field: message."""
    from glossary._termbase import validate

    options = global_options(ctx)
    report = validate(
        [*options.termbases, *(paths or [])], builtin=options.builtin, packs=options.packs
    )
    errors, warnings = len(report.errors), len(report.warnings)
    if as_json:
        payload = {
            "files": report.files,
            "entries": report.entries,
            "errors": errors,
            "warnings": warnings,
            "issues": [
                {
                    "path": i.path,
                    "line": i.line,
                    "column": i.col,
                    "field": i.field,
                    "severity": i.severity.value,
                    "message": i.message,
                }
                for i in report.issues
            ],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for issue in report.issues:
            typer.echo(str(issue))
        summary = (
            f"{report.files} files, {report.entries} entries: "
            f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        )
        typer.echo(summary, err=bool(report.issues))
    if errors or (strict and warnings):
        raise typer.Exit(1)


_PATHS_HELP = (
    "Files or directories layered over the built-in term base. Without any, the built-in "
    "term base (with --pack and --termbase files)."
)


@app.command("audit")
def terms_audit(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None, typer.Argument(help=_PATHS_HELP, show_default=False)
    ] = None,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the findings as JSON.")
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    everything: Annotated[
        bool,
        typer.Option(
            "--all",
            help="With FILE: also report the findings of the layers beneath it (the "
            "built-in term base, --pack and --termbase files), not FILE's alone.",
        ),
    ] = False,
) -> None:
    """Audit term base files: the validator's checks, plus each English term's system
    against its Chinese (the romanization engine checks), English terms two entries share,
    sources, dates, Simplified characters in Traditional fields, and case-sensitive
    abbreviations that are English words. One line per finding (path:line: field:
    message); exit 1 on an error.

    Given FILEs, only their findings are reported (the layers beneath are read, for
    parents and shared names, but not audited; --all reports them too); without any,
    the built-in term base and --termbase files are audited."""
    from glossary._audit import audit

    options = global_options(ctx)
    report = audit(
        [*options.termbases, *(paths or [])],
        builtin=options.builtin,
        packs=options.packs,
        only=paths if paths and not everything else None,
    )
    errors, warnings = len(report.errors), len(report.warnings)
    if json_output:
        findings = [
            {
                "path": i.path,
                "line": i.line,
                "field": i.field,
                "severity": i.severity.value,
                "message": i.message,
            }
            for i in report.issues
        ]
        payload = {
            "files": report.files,
            "entries": report.entries,
            "errors": errors,
            "warnings": warnings,
            "findings": findings,
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for issue in report.issues:
            typer.echo(str(issue))
        typer.echo(
            f"{report.files} files, {report.entries} entries: "
            f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}",
            err=True,
        )
    if errors or (strict and warnings):
        raise typer.Exit(1)


@app.command("stats")
def terms_stats(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None, typer.Argument(help=_PATHS_HELP, show_default=False)
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Count the entries of the term base: by kind, by file, by layer, and the total.
    Exit 1 (after the counts) if the files have errors: run glossary terms validate."""
    from glossary._audit import stats

    options = global_options(ctx)
    counts, report = stats(
        [*options.termbases, *(paths or [])], builtin=options.builtin, packs=options.packs
    )
    if json_output:
        typer.echo(json.dumps(counts, ensure_ascii=False, indent=2))
    else:
        for title, key in (("kind", "kinds"), ("file", "files"), ("layer", "layers")):
            table = counts[key]
            assert isinstance(table, dict)
            typer.echo(f"entries by {title}:")
            width = max((len(name) for name in table), default=0)
            for name, count in table.items():
                typer.echo(f"  {name:<{width}}  {count:>6}")
        typer.echo(f"total: {counts['total']}")
    if report.errors:
        typer.echo(
            f"glossary: error: {len(report.errors)} errors in the files; the counts leave "
            "out what did not load (see glossary terms validate)",
            err=True,
        )
        raise typer.Exit(1)
