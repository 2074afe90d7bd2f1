"""The ``glossary`` command: a thin typer shell over the library.

Every command parses its arguments, calls the library and prints. Data goes to stdout,
diagnostics to stderr. Exit codes: 0 ok, 1 a domain error (bad term base, no match), 2 a
usage error. A :class:`~glossary.GlossaryError` never shows a traceback: it becomes one line,
``glossary: error: ...``.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from typer.core import TyperGroup

from glossary import __version__
from glossary._errors import AmbiguousTerm, GlossaryError, TermNotFound
from glossary._glossary import Glossary
from glossary._model import Entry, Hit, Kind, MatchKind
from glossary._text import has_cjk


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
terms_app = typer.Typer(no_args_is_help=True, help="Check term base files.")
app.add_typer(terms_app, name="terms")


@dataclass
class Options:
    """Global options, shared by every command through the click context."""

    termbases: list[Path] = field(default_factory=list)
    builtin: bool = True
    prefer: tuple[str, ...] = ("preferred",)

    def glossary(self) -> Glossary:
        return Glossary(self.termbases, builtin=self.builtin, prefer=self.prefer)


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


def _options(ctx: typer.Context) -> Options:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Options) else Options()


def _describe(glossary: Glossary, entry: Entry) -> str:
    """'district in Taichung City' for a district; 'person' for a person."""
    parent = glossary.parent_of(entry)
    kind = str(entry.kind).replace("-", " ")
    return f"{kind} in {glossary.english(parent)}" if parent else kind


def _hit_text(glossary: Glossary, hit: Hit) -> str:
    entry = hit.entry
    lines = [f"{glossary.english(entry)} ({entry.chinese})  [{entry.id}]"]
    lines.append(f"  {_describe(glossary, entry)}")
    if hit.match is MatchKind.PINYIN:
        system = hit.system.value if hit.system is not None else "mixed-system"
        how = f"  matched the {system} reading of {hit.matched}"
    else:
        how = f"  matched {hit.matched!r} by {hit.match.value}"
        if hit.system is not None:
            how += f" ({hit.system.value})"
    lines.append(f"{how}, score {hit.score:.0f}")
    for term in entry.en:
        tags = [term.status.value]
        if term.system is not None:
            tags.append(term.system.value)
        if term.official:
            tags.append("official")
        lines.append(f"  en  {term.text}  ({', '.join(tags)})")
    for term in entry.zh:
        lines.append(f"  zh  {term.text}  ({term.status.value})")
    if entry.gloss:
        lines.append(f"  gloss  {entry.gloss}")
    if entry.note:
        lines.append(f"  note  {entry.note}")
    return "\n".join(lines)


def _hit_json(glossary: Glossary, hit: Hit) -> dict[str, Any]:
    out = hit.to_dict()
    out["english"] = glossary.english(hit.entry)
    out["chinese"] = hit.entry.chinese
    parent = glossary.parent_of(hit.entry)
    if parent is not None:
        out["parent_english"] = glossary.english(parent)
    return out


@app.command()
def lookup(
    ctx: typer.Context,
    query: Annotated[
        str,
        typer.Argument(
            help="A name in English, Chinese or any romanization (Hsi-t'un, Shituen), or an id."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
    limit: Annotated[int, typer.Option(min=1, help="At most this many entries.")] = 10,
    fuzzy: Annotated[
        bool, typer.Option("--fuzzy/--no-fuzzy", help="Try near misses if nothing matches.")
    ] = True,
    cutoff: Annotated[
        float, typer.Option(min=0, max=100, help="Lowest fuzzy score to accept (0-100).")
    ] = 75.0,
) -> None:
    """Find the entries a name could mean, in any spelling or script.

    Examples: glossary lookup Situn; glossary lookup 西屯区; glossary lookup xi1tun2;
    glossary lookup "Hsi-t'un"; glossary lookup "liu shyh-fang"; glossary lookup Shidng
    (a typo).
    """
    glossary = _options(ctx).glossary()
    try:
        hits = glossary.lookup(query, limit=limit, fuzzy=fuzzy, score_cutoff=cutoff)
    except TermNotFound as exc:
        if as_json:
            suggestions = [_hit_json(glossary, h) for h in exc.suggestions]
            payload = {"query": query, "hits": [], "suggestions": suggestions}
            typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        message = f"glossary: error: {exc}"
        if exc.suggestions:
            names = ", ".join(
                f"{glossary.english(h.entry)} ({h.entry.chinese})" for h in exc.suggestions
            )
            message += f"; closest: {names}"
        typer.echo(message, err=True)
        raise typer.Exit(1) from None
    if as_json:
        payload = {"query": query, "hits": [_hit_json(glossary, h) for h in hits]}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if len(hits) > 1 and hits[0].score == hits[1].score:
        typer.echo(f"{query!r} is ambiguous: {len(hits)} entries match.\n")
    typer.echo("\n\n".join(_hit_text(glossary, h) for h in hits))


class AnnotateFormat(StrEnum):
    """Output formats of `glossary annotate`."""

    gloss = "gloss"
    json = "json"
    jsonl = "jsonl"
    html = "html"


class InputErrors(StrEnum):
    """What --errors accepts."""

    strict = "strict"
    substitute = "replace"


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
    InputErrors,
    typer.Option(
        "--errors",
        help="strict: stop at bytes that are not valid UTF-8; replace: read them as U+FFFD.",
    ),
]
JobsOption = Annotated[
    int,
    typer.Option(
        "--jobs", "-j", min=0, help="Worker processes for long or many texts (0: all cores)."
    ),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar (none is drawn on a pipe).")
]


@app.command()
def annotate(
    ctx: typer.Context,
    files: FilesArgument = None,
    output: Annotated[
        AnnotateFormat,
        typer.Option(
            "--format",
            "-f",
            help="gloss: the text with each name glossed; json: the spans; jsonl: one span "
            "per line; html: a page with the names highlighted.",
        ),
    ] = AnnotateFormat.gloss,
    every: Annotated[
        bool, typer.Option("--every", help="Gloss every mention, not only the first.")
    ] = False,
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
    output_dir: OutputDirOption = None,
    glob: GlobOption = "*.txt",
    errors: ErrorsOption = InputErrors.strict,
    jobs: JobsOption = 1,
    quiet: QuietOption = False,
) -> None:
    """Find every Taiwan name in a text, in any spelling or script, and gloss it.

    English names get their Chinese after the first mention, the way the Taipei Times
    writes them: Situn District (西屯), Liu Shyh-fang (劉世芳), "Pa Chiung" (八炯). Chinese
    names get their English: 西屯區 (Xitun District). Names already glossed are left alone.

    Texts of any size stream through in pieces. Input is UTF-8 (or UTF-16 with a
    byte-order mark); output is UTF-8.

    Examples: echo "The rally in Situn District was attended by Liu Shyh-fang." | glossary
    annotate · glossary annotate story.txt -f html > story.html · glossary annotate
    corpus/ -f jsonl -j 0 > spans.jsonl · glossary annotate corpus/ -o glossed/
    """
    from glossary._batch import annotate_files
    from glossary._stream import default_jobs, sources

    if exact and overlapping:
        raise typer.BadParameter("gives leftmost-longest spans only", param_hint="--exact")
    found = sources(files or [], glob)
    glossary = _options(ctx).glossary()
    annotate_files(
        glossary,
        found,
        output=output.value,
        output_dir=output_dir,
        every=every,
        errors="replace" if errors is InputErrors.substitute else "strict",
        jobs=default_jobs(jobs),
        quiet=quiet,
        options={
            "overlapping": overlapping and output in (AnnotateFormat.json, AnnotateFormat.jsonl),
            "fuzzy": fuzzy,
            "score_cutoff": cutoff,
            "exact": exact,
        },
    )


class NormalForm(StrEnum):
    """What `glossary normalize --to` accepts."""

    house = "house"
    official = "official"
    hanyu = "hanyu"
    tongyong = "tongyong"
    wade_giles = "wade-giles"
    mps2 = "mps2"
    gwoyeu = "gwoyeu"
    yale = "yale"


@app.command()
def normalize(
    ctx: typer.Context,
    files: FilesArgument = None,
    to: Annotated[
        NormalForm,
        typer.Option(
            "--to",
            help="house: the --prefer choice; official: the government's form; or a "
            "romanization system to write every name in.",
        ),
    ] = NormalForm.house,
    tai: Annotated[
        str, typer.Option("--tai", help="Write 臺 (official) or 台 in Chinese names.")
    ] = "臺",
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Print a unified diff instead of the text (whole files)."),
    ] = False,
    in_place: Annotated[
        bool, typer.Option("--in-place", "-i", help="Rewrite the files themselves.")
    ] = False,
    output_dir: OutputDirOption = None,
    glob: GlobOption = "*.txt",
    errors: ErrorsOption = InputErrors.strict,
    jobs: JobsOption = 1,
    quiet: QuietOption = False,
) -> None:
    """Rewrite every name to one form: Situn, Hsi-t'un and Xitun all become Xitun.

    Only names are touched: Chinese names become Traditional (西屯区 → 西屯區), but the rest
    of the text is never converted (OpenCC over running text damages surnames: 范 → 範).

    Examples: glossary normalize story.txt --diff · glossary normalize --to wade-giles ·
    glossary normalize corpus/ -o normalized/ · glossary normalize -i story.txt
    """
    from glossary._batch import normalize_files
    from glossary._stream import default_jobs, sources

    if tai not in ("臺", "台"):
        raise typer.BadParameter("must be 臺 or 台", param_hint="--tai")
    chosen = [name for name, on in (("--diff", diff), ("--in-place", in_place)) if on]
    if output_dir is not None:
        chosen.append("--output-dir")
    if len(chosen) > 1:
        raise typer.BadParameter(f"choose one of {' and '.join(chosen)}")
    found = sources(files or [], glob)
    glossary = _options(ctx).glossary()
    normalize_files(
        glossary,
        found,
        output_dir=output_dir,
        in_place=in_place,
        diff=diff,
        errors="replace" if errors is InputErrors.substitute else "strict",
        jobs=default_jobs(jobs),
        quiet=quiet,
        to=to.value,
        tai=tai,
    )


def _format_names(kind: str) -> list[str]:
    from glossary.formats import formats

    attribute = "write" if kind == "export" else "read"
    return [name for name, fmt in formats().items() if getattr(fmt, attribute) is not None]


def _complete_format(incomplete: str) -> list[str]:
    return [n for n in _format_names("export") if n.startswith(incomplete)]


@app.command()
def export(
    ctx: typer.Context,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="tbx (TBX v2), tbx3, memoq-csv, csv (bilingual), omegat, deepl, deepl-csv, "
            "google-csv, google-pairs or json. 'glossary export --list' describes each.",
            autocompletion=_complete_format,
        ),
    ] = "tbx",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (atomically: a failed export leaves the old file "
            "as it was). Default: stdout.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    source: Annotated[str, typer.Option(help="Source language: en, zh-Hant, zh-TW...")] = "en",
    target: Annotated[
        str, typer.Option(help="Target language: zh-Hant, zh-TW, zh-Hans, zh-CN or en.")
    ] = "zh-Hant",
    english: Annotated[
        str,
        typer.Option(
            help="Which English terms go out: preferred (the house form only), admitted "
            "(every usable one) or all (deprecated and forbidden too, marked).",
        ),
    ] = "all",
    simplified: Annotated[
        bool,
        typer.Option("--simplified", help="Add Simplified Chinese (zh-Hans) in TBX and CSV."),
    ] = False,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", help="Only entries of this kind (repeatable).", show_default=False),
    ] = None,
    parent: Annotated[
        list[str] | None,
        typer.Option(
            "--parent",
            help="Only this entry and what lies under it, by id (repeatable).",
            show_default=False,
        ),
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            help="Only entries with an English term of this status (repeatable).",
            show_default=False,
        ),
    ] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", help="Only entries with this tag (repeatable).", show_default=False),
    ] = None,
    separator: Annotated[
        str, typer.Option(help="Between synonyms in one CSV cell (memoq-csv).")
    ] = ";",
    bom: Annotated[
        bool, typer.Option("--bom", help="Start CSV with a UTF-8 byte-order mark (for Excel).")
    ] = False,
    check: Annotated[
        bool,
        typer.Option("--check", help="Validate TBX output against TBX-Basic before writing it."),
    ] = False,
    list_formats: Annotated[
        bool, typer.Option("--list", help="Describe every format and what it loses.")
    ] = False,
) -> None:
    """Write the glossary in a format translators' tools and MT engines load.

    Examples: glossary export > taiwan.tbx · glossary export -f tbx3 -o taiwan.tbx ·
    glossary export -f memoq-csv --bom -o taiwan.csv · glossary export -f omegat -o
    taiwan.utf8 · glossary export -f deepl --english preferred > deepl.tsv · glossary
    export -f google-csv --kind district --parent taipei-city
    """
    from glossary.formats import ExportOptions, formats, get_format
    from glossary.formats import export as write_out

    if list_formats:
        for name, fmt in formats().items():
            ways = "/".join(w for w, f in (("export", fmt.write), ("import", fmt.read)) if f)
            typer.echo(f"{name:<13} {fmt.summary} [{ways}]\n{'':<13} loses: {fmt.loses}")
        return
    if english not in ("preferred", "admitted", "all"):
        raise typer.BadParameter("must be preferred, admitted or all", param_hint="--english")
    try:
        get_format(output_format)
    except GlossaryError as exc:
        raise typer.BadParameter(exc.message, param_hint="--format") from None
    from glossary._model import Kind, Status

    for value, enum, hint in ((kind, Kind, "--kind"), (status, Status, "--status")):
        for item in value or []:
            if item not in {m.value for m in enum}:
                choices = ", ".join(m.value for m in enum)
                raise typer.BadParameter(f"{item!r} is not one of {choices}", param_hint=hint)
    glossary = _options(ctx).glossary()
    options = ExportOptions(
        source=source,
        target=target,
        english=english,  # type: ignore[arg-type]
        simplified=simplified,
        prefer=glossary.prefer,
        separator=separator,
        bom=bom,
    )
    text, warnings = write_out(
        glossary,
        output_format,
        options,
        kinds=kind or [],
        parents=parent or [],
        statuses=status or [],
        tags=tag or [],
    )
    if check and output_format in ("tbx", "tbx3"):
        from glossary.formats.validate import validate_tbx

        problems = validate_tbx(text, "<export>")
        if problems:
            for problem in problems[:20]:
                typer.echo(f"glossary: error: {problem}", err=True)
            raise typer.Exit(1)
    for warning in warnings:
        typer.echo(f"glossary: warning: {warning}", err=True)
    if output is None:
        from glossary._batch import write_stdout

        write_stdout(text)
        return
    from glossary._fsutil import atomic_write

    try:
        with atomic_write(output) as handle:
            handle.write(text.encode("utf-8"))
    except OSError as exc:
        raise GlossaryError(exc.strerror or str(exc), path=str(output)) from None


def _sniff_format(path: Path, text: str) -> str:
    """The format of an import file, from its content and name."""
    head = text.lstrip("\ufeff \t\r\n")[:200]
    suffix = path.suffix.lower()
    if head.startswith("<"):
        return "tbx"
    if head.startswith(("{", "[")) or suffix == ".json":
        return "json"
    if suffix in (".utf8", ".tab"):
        return "omegat"
    first = head.splitlines()[0].lower() if head else ""
    cells = [c.strip() for c in first.replace("\t", ",").split(",")]
    if "id" in cells or ("en" in cells and len(cells) > 2) or "english" in cells:
        return "memoq-csv"
    if "source" in cells and "target" in cells:
        return "csv"
    if len(cells) == 2 and cells[0].split("-")[0] == "en" and cells[1].startswith("zh"):
        return "google-csv"
    return "deepl" if "\t" in first else "deepl-csv"


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The glossary file to read.", dir_okay=False)],
    input_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="auto (from the content and name), or tbx, tbx3, memoq-csv, csv, omegat, "
            "deepl, deepl-csv, google-csv, google-pairs, json.",
        ),
    ] = "auto",
    column: Annotated[
        list[str] | None,
        typer.Option(
            "--column",
            help="CSV/TSV: which header holds a field, as FIELD=HEADER (en=Source, "
            "zh-Hant=Target, note=Comment...). Repeatable.",
            show_default=False,
        ),
    ] = None,
    separator: Annotated[str, typer.Option(help="CSV: what separates synonyms in one cell.")] = ";",
    write: Annotated[
        Path | None,
        typer.Option(
            "--write",
            help="Merge what is new into this YAML term base file (created if missing), "
            "keeping its comments and layout. Without it, only show what would change.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Read a glossary file back: show what it would add, change or conflict with.

    Matches each entry of FILE to the term base by id, else by its Chinese. New entries
    are added; new spellings and empty fields filled in are changes; anything that
    contradicts the term base (another preferred English for the same Chinese, another
    status, kind or parent) is a conflict, reported and never written. Exit 1 if there
    are conflicts.

    Examples: glossary import taiwan.tbx · glossary import edits.csv --write terms/mine.yaml
    · glossary import deepl.tsv --column en=Source --column zh-Hant=Target
    """
    from glossary.formats import get_format
    from glossary.formats import read as read_format
    from glossary.formats.merge import plan

    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise GlossaryError("no such file", path=str(file)) from None
    except OSError as exc:
        raise GlossaryError(exc.strerror or str(exc), path=str(file)) from None
    from glossary._stream import decode

    text = decode(data, str(file))
    if input_format != "auto":
        try:
            get_format(input_format)
        except GlossaryError as exc:
            raise typer.BadParameter(exc.message, param_hint="--format") from None
    name = _sniff_format(file, text) if input_format == "auto" else input_format
    mapping = {}
    for item in column or []:
        field_name, sep, header = item.partition("=")
        if not sep or not field_name or not header:
            raise typer.BadParameter(f"{item!r} is not FIELD=HEADER", param_hint="--column")
        mapping[field_name.strip()] = header.strip()
    if mapping or separator != ";":  # only the CAT-tool CSV reader takes these
        name = "memoq-csv"
        from glossary.formats import usable_ids
        from glossary.formats.cat_csv import read as read_csv

        imported = usable_ids(
            read_csv(text, str(file), columns=mapping, separator=separator), str(file)
        )
    else:
        imported = read_format(text, name, path=str(file))
    for warning in imported.warnings:
        typer.echo(f"glossary: warning: {warning}", err=True)
    options = _options(ctx)
    glossary = options.glossary()
    result = plan(glossary, imported.entries)
    typer.echo(f"{file} ({name}): {len(imported.entries)} entries")
    typer.echo("\n".join(result.report()))
    if write is not None:
        _write_import(options, write, [c.entry for c in result.added + result.changed])
    if result.conflicts:
        raise typer.Exit(1)


def _write_import(options: Options, path: Path, entries: list[Entry]) -> None:
    """Merge ``entries`` into ``path``, check the result as a term base, and only then
    rename it into place."""
    from glossary._fsutil import temp_path_beside
    from glossary._termbase import validate
    from glossary.formats.yaml_merge import write_merged

    if not entries:
        typer.echo(f"{path}: nothing to write")
        return
    new_text = write_merged(path, entries)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path_beside(path.with_suffix(".yaml"))
    try:
        tmp.write_text(new_text, encoding="utf-8")
        if path.exists():
            tmp.chmod(path.stat().st_mode & 0o7777)
        layers = [p for p in options.termbases if p.resolve() != path.resolve()]
        report = validate([*layers, tmp], builtin=options.builtin)
        if not report.ok:
            for issue in report.errors[:20]:
                typer.echo(f"glossary: error: {str(issue).replace(str(tmp), str(path))}", err=True)
            typer.echo(f"glossary: error: {path} left as it was", err=True)
            raise typer.Exit(1)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    typer.echo(f"{path}: wrote {len(entries)} entries")


@app.command("validate-tbx")
def validate_tbx(
    files: Annotated[list[Path], typer.Argument(help="TBX files (v2 or v3) to check.")],
) -> None:
    """Check TBX files against TBX-Basic: structure, data categories, levels, picklists.

    The rules are built in; no schema named in a file is ever fetched. Prints each
    problem as path:line: message; exit 1 if there are any.
    """
    from glossary._stream import decode
    from glossary.formats.validate import check_file_text

    problems = 0
    for path in files:
        try:
            text = decode(path.read_bytes(), str(path))
        except OSError as exc:
            raise GlossaryError(exc.strerror or str(exc), path=str(path)) from None
        found = check_file_text(text, str(path))
        problems += len(found)
        for problem in found:
            typer.echo(problem)
        if not found:
            typer.echo(f"{path}: valid TBX-Basic")
    if problems:
        raise typer.Exit(1)


class ToneStyle(StrEnum):
    """How tones are written (the choices of --tones)."""

    none = "none"
    marks = "marks"
    numbers = "numbers"


def _entry_brief(glossary: Glossary, entry: Entry) -> str:
    return f"{glossary.english(entry)} ({entry.chinese}) [{entry.id}]"


@app.command()
def romanize(
    ctx: typer.Context,
    text: Annotated[
        str, typer.Argument(help="Chinese (西屯) to romanize, or a romanized name to read.")
    ],
    system: Annotated[
        list[str] | None,
        typer.Option(
            "--system",
            "-s",
            help="Only this system (repeatable): hanyu, tongyong, wade-giles, mps2, gwoyeu, "
            "yale, zhuyin.",
            show_default=False,
        ),
    ] = None,
    person: Annotated[
        bool | None,
        typer.Option(
            "--person/--place",
            help="Write a person's name (Liu Shih-fang) or a place name (Hsi-t'un). "
            "Default: a person's name if the term base says the Chinese is a person.",
            show_default=False,
        ),
    ] = None,
    tones: Annotated[
        ToneStyle, typer.Option(help="Write tones as marks, numbers, or not at all.")
    ] = ToneStyle.none,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
    limit: Annotated[int, typer.Option(min=1, help="At most this many readings.")] = 10,
) -> None:
    """Write Chinese in every romanization system, or read a romanized name back.

    Chinese in: the name in Hanyu Pinyin, Tongyong Pinyin, Wade-Giles, MPS II, Gwoyeu
    Romatzyh, Yale and Zhuyin, for each way Taiwan reads it. Anything else: the Hanyu
    syllables it may stand for, the systems that could have written it, and the term base
    entries that read that way; exit 1 if it is not romanized Mandarin.

    Examples: glossary romanize 西屯; glossary romanize 劉世芳 --system wade-giles;
    glossary romanize "Hsi-t'un"; glossary romanize "Ma Ying-jeou" --json.
    """
    from glossary import romanize as engine

    schemes = [_scheme(name) for name in system or [s.value for s in engine.Scheme]]
    glossary = _options(ctx).glossary()
    if has_cjk(text):
        _romanize_chinese(glossary, text, schemes, person, tones.value, as_json, limit)
    else:
        _read_romanized(glossary, text, schemes, as_json, limit)


def _scheme(name: str) -> Any:
    from glossary.romanize import Scheme

    try:
        return Scheme(name.strip().lower())
    except ValueError:
        choices = ", ".join(s.value for s in Scheme)
        message = f"{name!r} is not one of {choices}"
        raise typer.BadParameter(message, param_hint="--system") from None


def _romanize_chinese(
    glossary: Glossary,
    text: str,
    schemes: list[Any],
    person: bool | None,
    tones: Any,
    as_json: bool,
    limit: int,
) -> None:
    from glossary.romanize import readings, render

    try:
        entry = glossary.get(text)
        entries = [entry] if entry is not None else []
    except AmbiguousTerm as exc:  # 信義區: one in Taipei, one in Keelung
        entries = list(exc.candidates)
    as_person = person if person is not None else any(e.kind is Kind.PERSON for e in entries)
    style: Literal["person", "place"] = "person" if as_person else "place"
    found = readings(text, person=as_person)[:limit]
    rows = [{s.value: render(r, s, style=style, tones=tones) for s in schemes} for r in found]
    if as_json:
        payload = {
            "text": text,
            "style": style,
            "readings": [
                {"hanyu": r.numbered, "spellings": spelled}
                for r, spelled in zip(found, rows, strict=True)
            ],
            "entries": [_entry_json(glossary, e) for e in entries],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    width = max(len(s.value) for s in schemes)
    blocks = []
    for number, (reading, spelled) in enumerate(zip(found, rows, strict=True)):
        title = f"{text}  {reading.numbered}"
        if len(found) > 1:
            title += "  (most likely)" if number == 0 else "  (also read)"
        lines = [title] + [f"  {name:<{width}}  {value}" for name, value in spelled.items()]
        blocks.append("\n".join(lines))
    typer.echo("\n\n".join(blocks))
    for e in entries:
        typer.echo(f"\nIn the term base: {_entry_brief(glossary, e)}")


def _read_romanized(
    glossary: Glossary, text: str, schemes: list[Any], as_json: bool, limit: int
) -> None:
    from glossary.romanize import parse

    parsed = parse(text)
    if not parsed:
        if as_json:
            typer.echo(json.dumps({"text": text, "candidates": [], "reason": parsed.reason}))
        typer.echo(f"glossary: error: {parsed.reason}", err=True)
        raise typer.Exit(1)
    wanted = {s.value for s in schemes}
    fewest = len(parsed.candidates[0].syllables)
    shown = [
        c
        for c in parsed.candidates
        if len(c.syllables) <= fewest + 1  # ma ying jiu, not ma ying re e wu
        and (c.systems & wanted or all(per & wanted for per in c.syllable_systems))
    ][:limit]
    if not shown:
        names = ", ".join(sorted(wanted))
        typer.echo(f"glossary: error: {text!r} cannot be read as {names}", err=True)
        raise typer.Exit(1)
    matches = [glossary.by_reading(c.syllables) for c in shown]
    if as_json:
        payload = {
            "text": text,
            "candidates": [
                {
                    "syllables": list(c.syllables),
                    "systems": sorted(c.systems),
                    "syllable_systems": [sorted(per) for per in c.syllable_systems],
                    "exact": c.exact,
                    "entries": [_entry_json(glossary, e) for e in found],
                }
                for c, found in zip(shown, matches, strict=True)
            ],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    more = len(parsed.candidates) - len(shown)
    typer.echo(
        f"{text} may read as:" + (f" (first {len(shown)}; --limit for more)" if more else "")
    )
    width = max(len(c.hanyu) for c in shown)
    for candidate, found in zip(shown, matches, strict=True):
        systems = _systems_text(candidate)
        if not candidate.exact:
            systems += "; assumes a dropped apostrophe or diaeresis"
        typer.echo(f"  {candidate.hanyu:<{width}}  ({systems})")
        for entry in found:
            typer.echo(f"  {'':<{width}}    = {_entry_brief(glossary, entry)}")


def _systems_text(candidate: Any) -> str:
    """'wade-giles' or, for a mixed spelling, 'hanyu, with jiu in gwoyeu'."""
    from glossary.romanize import LATIN, Scheme

    order = [s.value for s in (*LATIN, Scheme.ZHUYIN)]
    if candidate.systems:
        return ", ".join(s for s in order if s in candidate.systems)
    per = candidate.syllable_systems
    main = max(order, key=lambda s: (sum(s in p for p in per), -order.index(s)))
    odd = [
        f"{syllable} in {next(s for s in order if s in systems)}"
        for syllable, systems in zip(candidate.syllables, per, strict=True)
        if main not in systems
    ]
    return f"mixed: {main}, with {', '.join(odd)}"


def _entry_json(glossary: Glossary, entry: Entry) -> dict[str, Any]:
    return {"id": entry.id, "english": glossary.english(entry), "chinese": entry.chinese}


@terms_app.command("validate")
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

    options = _options(ctx)
    report = validate([*options.termbases, *(paths or [])], builtin=options.builtin)
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


def main() -> None:
    """Run the command line (the ``glossary`` console script)."""
    try:
        app()
    except BrokenPipeError:  # e.g. `glossary lookup ... | head -1`
        sys.stderr.close()
        sys.exit(0)
