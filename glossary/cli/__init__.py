"""The ``glossary`` command: a thin typer shell over the library.

Every command parses its arguments, calls the library and prints. Data goes to stdout,
diagnostics to stderr. Exit codes: 0 ok, 1 a domain error (bad term base, no match), 2 a
usage error. Neither shows a traceback or a box: each becomes one line on stderr,
``glossary: error: ...``. ``-h`` and ``--help`` work on every command, and the global
options (``--termbase``, ``--no-builtin``, ``--prefer``) go before or after the subcommand.

The commands live one group to a module: ``lookup``, ``annotate`` (annotate and normalize),
``exchange`` (export, import, validate-tbx), ``romanize`` and ``terms`` (a sub-app). Each
module's functions are plain typer callbacks; this module registers them on :data:`app`, in
the order ``glossary --help`` lists them.
"""

# No `from __future__ import annotations`: typer would eval() each annotation string on every
# run, about 9 ms of each command's start-up (docs/benchmarks.md).

import copy
import errno
import io
import os
import sys
import warnings
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup, TyperOption

from glossary._errors import GlossaryError
from glossary._version import __version__
from glossary.cli import annotate, exchange, lookup, romanize, terms
from glossary.cli._options import GLOBAL_OPTIONS, Options, check_packs, check_prefer, click

__all__ = ["GlossaryGroup", "app", "main"]


class GlossaryGroup(TyperGroup):
    """The root command group.

    It turns a library error into one line and exit code 1, a usage error into one line
    and exit code 2, and gives every subcommand a copy of the global options, so that
    they are accepted after the subcommand's name too.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        shared = [p for p in self.params if p.name in GLOBAL_OPTIONS]
        _share_options(self, shared)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.exceptions.NoArgsIsHelpError:
            raise  # `glossary` alone: the help, as asked
        except click.ClickException as exc:
            raise typer.Exit(_error_line(exc)) from None

    def invoke(self, ctx: Any) -> Any:  # a click Context; where click lives varies by typer version
        with warnings.catch_warnings():
            warnings.simplefilter("default")  # each shown once, as one line
            warnings.showwarning = _warning_line
            return self._invoke(ctx)

    def _invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except GlossaryError as exc:
            typer.echo(f"glossary: error: {exc}", err=True)
            raise typer.Exit(1) from None
        except BrokenPipeError:  # `glossary ... | head -1`: the reader has gone
            _quiet_stdout()
            raise typer.Exit(1) from None
        except OSError as exc:  # stdout on a full disk or /dev/full, say: one line
            typer.echo(f"glossary: error: {_os_error(exc)}", err=True)
            raise typer.Exit(1) from None
        except click.exceptions.NoArgsIsHelpError:
            raise  # `glossary terms` alone
        except click.ClickException as exc:
            raise typer.Exit(_error_line(exc)) from None


def _warning_line(message: Warning | str, *args: object, **kwargs: object) -> None:
    """Show a warning of the library (a damaged cache rebuilt) as one line on stderr."""
    typer.echo(f"glossary: warning: {message}", err=True)


def _error_line(exc: click.ClickException) -> int:
    """Print ``exc`` as one line (click would draw a box with the usage); its exit code."""
    message = exc.format_message().rstrip(".")
    if message[:1].isupper() and not message[1:2].isupper():
        message = message[0].lower() + message[1:]  # "No such option" -> "no such option"
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.exceptions.UsageError) and ctx is not None:
        message += f" (see '{ctx.command_path} -h')"
    typer.echo(f"glossary: error: {message}", err=True)
    return exc.exit_code


def _share_options(group: TyperGroup, shared: list[click.Parameter]) -> None:
    """Add a copy of each of ``shared`` to every command under ``group`` (unless the
    command has an option of that name itself)."""
    for command in group.commands.values():
        taken = {opt for p in command.params for opt in p.opts}
        for param in shared:
            if not taken & set(param.opts):
                command.params.append(_after_subcommand(param))
        if isinstance(command, TyperGroup):
            _share_options(command, shared)


def _after_subcommand(param: click.Parameter) -> click.Parameter:
    """A copy of the root option ``param`` for a subcommand: given there, it updates the
    root's value (a repeatable option adds to it) and so the global options."""
    late = copy.copy(param)
    late.expose_value = False
    late.envvar = None  # read once, by the root option
    if isinstance(late, TyperOption):
        late.show_default = False
        late.show_envvar = False
    setattr(late, "rich_help_panel", "Global options")  # noqa: B010 (typer's own attribute)
    check = param.callback

    def merge(ctx: click.Context, this: click.Parameter, value: Any) -> Any:
        if check is not None:
            value = check(ctx, this, value)
        assert this.name is not None
        if ctx.get_parameter_source(this.name) is not click.core.ParameterSource.COMMANDLINE:
            return value
        root = ctx.find_root()
        if this.multiple:
            value = (*(root.params.get(this.name) or ()), *value)
        root.params[this.name] = value
        root.obj = Options.of(**{name: root.params.get(name) for name in GLOBAL_OPTIONS})
        return value

    late.callback = merge
    return late


app = typer.Typer(
    cls=GlossaryGroup,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
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
    pack: Annotated[
        list[str] | None,
        typer.Option(
            "--pack",
            callback=check_packs,
            help="Load an optional pack of the built-in term base too (repeatable): "
            "'roads' is the sectioned arterial roads of the cities.",
            show_default=False,
        ),
    ] = None,
    prefer: Annotated[
        str,
        typer.Option(
            "--prefer",
            callback=check_prefer,
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
    ctx.obj = Options.of(termbase=termbase, no_builtin=no_builtin, prefer=prefer, pack=pack)


app.command()(lookup.lookup)
app.command()(annotate.annotate)
app.command()(annotate.normalize)
app.command()(exchange.export)
app.command("import")(exchange.import_)
app.command("validate-tbx")(exchange.validate_tbx)
app.command()(romanize.romanize)
app.add_typer(terms.app, name="terms")


def main() -> None:
    """Run the command line (the ``glossary`` console script).

    A broken pipe (``glossary export | head -1``) ends every command the same way:
    quietly, exit status 1 (as click does). Output still buffered is flushed here, so a
    full disk under a redirection is one error line, not a message at interpreter exit.
    """
    code: int | str | None = 0
    try:
        app()
    except SystemExit as exc:
        code = exc.code
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(1)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
        code = 1
    except OSError as exc:
        _quiet_stdout()
        sys.stderr.write(f"glossary: error: {_os_error(exc)}\n")
        code = 1
    sys.exit(code)


def _os_error(exc: OSError) -> str:
    """One line for an OSError no command turned into a GlossaryError."""
    if exc.filename is None and exc.errno in _WRITE_ERRNOS:
        return f"<stdout>: cannot write: {exc.strerror}"
    where = f"{os.fsdecode(exc.filename)}: " if exc.filename is not None else ""
    return f"{where}{exc.strerror or exc}"


#: What a failed write to stdout says.
_WRITE_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that nothing more is written to a closed pipe or full
    disk (Python would report the failed flush at exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass  # no file descriptor (a test's captured stdout)
