"""``glossary annotate`` and ``glossary normalize``: names found in text, glossed or rewritten."""

# No `from __future__ import annotations`: typer would eval() each annotation string on every
# run, about 9 ms of each command's start-up (docs/benchmarks.md).

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, cast

import typer

from glossary.cli._options import (
    RegistryChoice,
    annotate_formats,
    global_options,
    input_errors,
    normal_forms,
    usage_error,
)

if TYPE_CHECKING:
    from glossary._stream import Errors, Source


# Arguments and options annotate and normalize share.
FilesArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files or folders to read ('-' or nothing: stdin). Folders are searched for "
        "--glob files.",
        show_default=False,
    ),
]
OutputDirOption = Annotated[
    Path | None,
    typer.Option(
        "--output-dir",
        "-o",
        help="Write each result to a file of the same name (and relative path) in this "
        "folder, instead of stdout.",
        file_okay=False,
        show_default=False,
    ),
]
GlobOption = Annotated[str, typer.Option("--glob", help="Which files to read inside a folder.")]
ErrorsOption = Annotated[
    str,
    typer.Option(
        "--errors",
        click_type=RegistryChoice(input_errors),
        help="strict: stop at bytes that are not valid UTF-8; replace: read them as U+FFFD.",
    ),
]
JobsOption = Annotated[
    int,
    typer.Option(
        "--jobs", "-j", min=0, help="Worker processes for long or many texts (0: all cores)."
    ),
]
ReportOption = Annotated[
    bool,
    typer.Option(
        "--report",
        help="Also print every doubt on stderr, one a line: FILE:line:col: kind: text -> "
        "suggestion (typo, non-house, deprecated, forbidden, simplified, ambiguous, "
        "prominence, foreign). The exit code is unchanged.",
    ),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar (none is drawn on a pipe).")
]
QuotationsOption = Annotated[
    bool,
    typer.Option(
        "--quotations",
        help='Touch names inside direct quotations too (“...”, "...", 「...」): by default '
        "a quotation is left as it was said.",
    ),
]


def annotate(
    ctx: typer.Context,
    files: FilesArgument = None,
    output: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            click_type=RegistryChoice(annotate_formats),
            help="gloss: the text with each name glossed; json: the spans; jsonl: one span "
            "per line; html: a page with the names highlighted.",
        ),
    ] = "gloss",
    every: Annotated[
        bool, typer.Option("--every", help="Gloss every mention, not only the first.")
    ] = False,
    long_gloss: Annotated[
        bool,
        typer.Option(
            "--long-gloss",
            help="Gloss places with their full Chinese name, suffix and all: Taipei "
            "(臺北市), not Taipei (台北).",
        ),
    ] = False,
    gloss_tai: Annotated[
        str,
        typer.Option(
            "--tai",
            click_type=RegistryChoice(lambda: ("台", "臺")),
            help="How glosses write 臺/台: 台, as Taiwan's English-language papers print "
            "it, or 臺, the official form.",
        ),
    ] = "台",
    quotations: QuotationsOption = False,
    overlapping: Annotated[
        bool,
        typer.Option(
            "--overlapping",
            help="Report overlapping names too (json, jsonl), not only the longest.",
        ),
    ] = False,
    fuzzy: Annotated[
        bool,
        typer.Option(
            "--fuzzy/--no-fuzzy",
            help="Match typos in names written with their generic word (Shidng District).",
        ),
    ] = True,
    cutoff: Annotated[
        float, typer.Option(min=0, max=100, help="Lowest fuzzy score to accept (0-100).")
    ] = 88.0,
    exact: Annotated[
        bool,
        typer.Option(
            "--exact",
            help="Only the terms as the term base writes them (case aside): several times "
            "faster, blind to other spellings, scripts and typos.",
        ),
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the spans as JSON (the same as -f json).")
    ] = False,
    output_dir: OutputDirOption = None,
    glob: GlobOption = "*.txt",
    errors: ErrorsOption = "strict",
    jobs: JobsOption = 1,
    quiet: QuietOption = False,
    report: ReportOption = False,
) -> None:
    """Find every Taiwan name in a text, in any spelling or script, and gloss it.

    English names get their Chinese after the first mention, the way the Taipei Times
    writes them: Situn District (西屯), Taipei (台北), Liu Shyh-fang (劉世芳), "Pa Chiung"
    (八炯). Chinese names get their English: 西屯區 (Xitun District). A bracket right after
    a name is never doubled (an acronym takes the gloss in: Mainland Affairs Council (MAC,
    陸委會)); names in direct quotations and datelines (TAIPEI —) are left alone.

    Texts of any size stream through in pieces. Input is UTF-8 (or UTF-16 with a
    byte-order mark); output is UTF-8.

    Examples: echo "The rally in Situn District was attended by Liu Shyh-fang." | glossary
    annotate · glossary annotate story.txt -f html > story.html · glossary annotate
    corpus/ -f jsonl -j 0 > spans.jsonl · glossary annotate corpus/ -o glossed/
    """
    from glossary._batch import annotate_files
    from glossary._stream import default_jobs, sources

    if as_json:
        if output != "json" and _given(ctx, "output"):
            raise usage_error(f"choose one of --json and --format {output}")
        output = "json"
    if exact and overlapping:
        raise typer.BadParameter("gives leftmost-longest spans only", param_hint="--exact")
    found = sources(files or [], glob)
    _hint_if_terminal(found)
    glossary = global_options(ctx).glossary()
    annotate_files(
        glossary,
        found,
        output=output,
        output_dir=output_dir,
        every=every,
        style={"long": long_gloss, "tai": gloss_tai, "quotations": quotations},
        errors=cast("Errors", errors),
        jobs=default_jobs(jobs),
        quiet=quiet,
        doubts=report,
        folder=any(Path(f).is_dir() for f in files or []),
        options={
            "overlapping": overlapping and output in ("json", "jsonl"),
            "fuzzy": fuzzy,
            "score_cutoff": cutoff,
            "exact": exact,
        },
    )


def normalize(
    ctx: typer.Context,
    files: FilesArgument = None,
    to: Annotated[
        str,
        typer.Option(
            "--to",
            click_type=RegistryChoice(normal_forms),
            help="house: the --prefer choice; official: the government's form; or a "
            "romanization system to write every name in.",
        ),
    ] = "house",
    tai: Annotated[
        str,
        typer.Option(
            "--tai",
            click_type=RegistryChoice(lambda: ("keep", "臺", "台")),
            help="How Chinese names write 臺/台: keep the one the text has, or write 臺 "
            "(official) or 台 in every name.",
        ),
    ] = "keep",
    quotations: QuotationsOption = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="Print a unified diff instead of the text (whole files); exit 1 if "
            "anything would change.",
        ),
    ] = False,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Print nothing but which inputs would change (on stderr); exit 1 if any would.",
        ),
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print every name that would change, with its offsets and new form, as JSON.",
        ),
    ] = False,
    in_place: Annotated[
        bool, typer.Option("--in-place", "-i", help="Rewrite the files themselves.")
    ] = False,
    output_dir: OutputDirOption = None,
    glob: GlobOption = "*.txt",
    errors: ErrorsOption = "strict",
    jobs: JobsOption = 1,
    quiet: QuietOption = False,
    report: ReportOption = False,
) -> None:
    """Rewrite every name to one form: Situn, Hsi-t'un and Xitun all become Xitun.

    Only names are touched: Chinese names become Traditional in the shape they had
    (西屯区 → 西屯區, 台北 stays 台北), but the rest of the text is never converted (OpenCC
    over running text damages surnames: 范 → 範). Direct quotations, datelines and
    acronyms (MAC) are left as they are.

    With --diff or --check it gates a CI job, as black --check does: exit 1 if any name
    would change, 0 if none would.

    Examples: glossary normalize story.txt --diff · glossary normalize --to wade-giles ·
    glossary normalize corpus/ -o normalized/ · glossary normalize -i story.txt ·
    glossary normalize --check corpus/
    """
    from glossary._batch import normalize_files
    from glossary._stream import default_jobs, sources

    ways = (
        ("--diff", diff),
        ("--check", check),
        ("--json", as_json),
        ("--in-place", in_place),
        ("--output-dir", output_dir is not None),
    )
    chosen = [name for name, on in ways if on]
    if len(chosen) > 1:
        raise usage_error(f"choose one of {' and '.join(chosen)}")
    found = sources(files or [], glob)
    _hint_if_terminal(found)
    glossary = global_options(ctx).glossary()
    changed = normalize_files(
        glossary,
        found,
        output_dir=output_dir,
        in_place=in_place,
        diff=diff,
        errors=cast("Errors", errors),
        jobs=default_jobs(jobs),
        quiet=quiet,
        to=to,
        tai=None if tai == "keep" else tai,
        quotations=quotations,
        report="check" if check else "json" if as_json else "text",
        doubts=report,
    )
    if changed and (diff or check):
        raise typer.Exit(1)


def _given(ctx: typer.Context, name: str) -> bool:
    """True if the option ``name`` was given on the command line (not left at its default)."""
    source = ctx.get_parameter_source(name)
    return source is not None and source.name in ("COMMANDLINE", "ENVIRONMENT")


def _hint_if_terminal(found: "list[Source]") -> None:
    """One line on stderr when stdin is a terminal: else the command seems to hang."""
    if any(s.path == "-" for s in found) and sys.stdin.isatty():
        end = "Ctrl-Z then Enter" if sys.platform == "win32" else "Ctrl-D"
        typer.echo(
            f"glossary: reading text from the terminal; end it with {end} "
            "(or name a file, or pipe text in)",
            err=True,
        )
