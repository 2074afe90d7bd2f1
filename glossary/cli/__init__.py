"""The ``glossary`` command: a thin typer shell over the library.

Every command parses its arguments, calls the library and prints. Data goes to stdout,
diagnostics to stderr. Exit codes: 0 ok, 1 a domain error (bad term base, no match), 2 a
usage error. A :class:`~glossary.GlossaryError` never shows a traceback: it becomes one line,
``glossary: error: ...``.

The commands live one group to a module: ``lookup``, ``annotate`` (annotate and normalize),
``exchange`` (export, import, validate-tbx), ``romanize`` and ``terms`` (a sub-app). Each
module's functions are plain typer callbacks; this module registers them on :data:`app`, in
the order ``glossary --help`` lists them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from glossary._errors import GlossaryError
from glossary._version import __version__
from glossary.cli import annotate, exchange, lookup, romanize, terms
from glossary.cli._options import Options

__all__ = ["GlossaryGroup", "app", "main"]


class GlossaryGroup(TyperGroup):
    """The root command group: turns library errors into one line and exit code 1."""

    def invoke(self, ctx: Any) -> Any:  # a click Context; where click lives varies by typer version
        try:
            return super().invoke(ctx)
        except GlossaryError as exc:
            typer.echo(f"glossary: error: {exc}", err=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=GlossaryGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="markdown",
    help="A bilingual English-Chinese term base for text about Taiwan: look up names in "
    "any spelling, romanize them in every system, annotate and normalize text, export "
    "glossaries for translators' tools and import them back, check term base files.",
    epilog="Examples: glossary lookup Situn · glossary lookup 西屯区 · glossary romanize 西屯 · "
    "glossary annotate story.txt · glossary export -f tbx > taiwan.tbx · "
    "glossary import edits.csv · glossary terms validate",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"glossary {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    termbase: Annotated[
        list[Path] | None,
        typer.Option(
            "--termbase",
            "-t",
            envvar="GLOSSARY_TERMBASE",
            help="A YAML file or directory layered over the built-in term base (repeatable; "
            "later files win by id). GLOSSARY_TERMBASE may list several, separated by ':'.",
            show_default=False,
        ),
    ] = None,
    no_builtin: Annotated[
        bool, typer.Option("--no-builtin", help="Leave out the built-in term base.")
    ] = False,
    prefer: Annotated[
        str,
        typer.Option(
            "--prefer",
            help="House style: which English form to show, as a comma-separated list of "
            "statuses, systems or 'official', tried in order (e.g. 'tongyong,official').",
        ),
    ] = "preferred",
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Look up Taiwan names in English or Chinese, in any spelling."""
    ctx.obj = Options(
        termbases=list(termbase or []),
        builtin=not no_builtin,
        prefer=tuple(p.strip() for p in prefer.split(",") if p.strip()),
    )


app.command()(lookup.lookup)
app.command()(annotate.annotate)
app.command()(annotate.normalize)
app.command()(exchange.export)
app.command("import")(exchange.import_)
app.command("validate-tbx")(exchange.validate_tbx)
app.command()(romanize.romanize)
app.add_typer(terms.app, name="terms")


def main() -> None:
    """Run the command line (the ``glossary`` console script)."""
    try:
        app()
    except BrokenPipeError:  # e.g. `glossary lookup ... | head -1`
        sys.stderr.close()
        sys.exit(0)
