"""``glossary export``, ``import`` and ``validate-tbx``: glossaries for translators' tools."""

# No `from __future__ import annotations`: typer would eval() each annotation string on every
# run, about 9 ms of each command's start-up (docs/benchmarks.md).

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from glossary._model import Entry
from glossary.cli._options import (
    Options,
    RegistryChoice,
    english_forms,
    export_formats,
    global_options,
    import_formats,
    kinds,
    languages,
    statuses,
)


def export(
    ctx: typer.Context,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            click_type=RegistryChoice(export_formats),
            help="The format to write; 'glossary export --list' describes each.",
        ),
    ] = "tbx",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (atomically: a failed export leaves the old file "
            "as it was; a symlink is written through, a FIFO or device written to "
            "directly). Default, or '-': stdout.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    source: Annotated[
        str, typer.Option(click_type=RegistryChoice(languages), help="Source language.")
    ] = "en",
    target: Annotated[
        str,
        typer.Option(
            click_type=RegistryChoice(languages),
            help="Target language (zh-Hans and zh-CN: converted to Simplified).",
        ),
    ] = "zh-Hant",
    english: Annotated[
        str,
        typer.Option(
            click_type=RegistryChoice(english_forms),
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
        typer.Option(
            "--kind",
            click_type=RegistryChoice(kinds, metavar="kind"),
            help="Only entries of this kind (repeatable): district, road, person... (a "
            "wrong one lists them all).",
            show_default=False,
        ),
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
            click_type=RegistryChoice(statuses),
            help="Only entries with an English term of this status (repeatable).",
            show_default=False,
        ),
    ] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", help="Only entries with this tag (repeatable).", show_default=False),
    ] = None,
    foreign: Annotated[
        bool,
        typer.Option(
            "--include-foreign",
            help="Include places outside Taiwan (kind foreign-place), which are there to "
            "tell homonyms apart and are left out by default.",
        ),
    ] = False,
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
    from glossary.formats import ExportOptions, formats
    from glossary.formats import export as write_out

    if list_formats:
        for name, fmt in formats().items():
            ways = "/".join(w for w, f in (("export", fmt.write), ("import", fmt.read)) if f)
            typer.echo(f"{name:<13} {fmt.summary} [{ways}]\n{'':<13} loses: {fmt.loses}")
        return
    glossary = global_options(ctx).glossary()
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
        foreign=foreign,
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

    with atomic_write(output) as handle:
        handle.write(text.encode("utf-8"))


def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The glossary file to read.", dir_okay=False)],
    input_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            click_type=RegistryChoice(import_formats),
            help="The file's format; auto: recognised from its content and name.",
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
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print the plan as JSON: entries to add (in full), to change and in "
            "conflict (with notes), warnings, and what --write wrote.",
        ),
    ] = False,
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
    from glossary.formats import read_file
    from glossary.formats.merge import plan

    mapping = {}
    for item in column or []:
        field_name, sep, header = item.partition("=")
        if not sep or not field_name or not header:
            raise typer.BadParameter(f"{item!r} is not FIELD=HEADER", param_hint="--column")
        mapping[field_name.strip()] = header.strip()
    if mapping or separator != ";":  # only the CAT-tool CSV reader takes these
        name = "memoq-csv"
        from glossary.formats import read_text_file, usable_ids
        from glossary.formats.cat_csv import read as read_csv

        text = read_text_file(file)  # /dev/zero, a FIFO: bounded
        imported = usable_ids(
            read_csv(text, str(file), columns=mapping, separator=separator), str(file)
        )
    else:  # TBX is parsed as it is read; every file is read with a bound
        name, imported = read_file(file, input_format)
    if not as_json:
        for warning in imported.warnings:
            typer.echo(f"glossary: warning: {warning}", err=True)
    options = global_options(ctx)
    result = plan(options.glossary(), imported.entries)
    to_write = [c.entry for c in result.added + result.changed]
    if write is not None and to_write:
        _merge(options, write, to_write)
    written = len(to_write) if write is not None else 0
    if as_json:
        payload = {
            "file": str(file),
            "format": name,
            "entries": len(imported.entries),
            "added": _LATER,
            "changed": [{"id": c.entry.id, "notes": c.notes} for c in result.changed],
            "conflicts": [{"id": c.entry.id, "notes": c.notes} for c in result.conflicts],
            "unchanged": len(result.unchanged),
            "warnings": [str(w) for w in imported.warnings],
            "written": {"path": str(write), "entries": written} if write is not None else None,
        }
        _echo_lines(_json_with_list(payload, (c.entry.to_dict() for c in result.added)))
    else:
        typer.echo(f"{file} ({name}): {len(imported.entries)} entries")
        _echo_lines(result.lines())
        if write is not None:
            typer.echo(
                f"{write}: wrote {written} entries" if written else f"{write}: nothing to write"
            )
    if result.conflicts:
        raise typer.Exit(1)


#: Where :func:`_json_with_list` puts the list it writes an item at a time.
_LATER = "\0later\0"


def _json_with_list(payload: dict[str, object], items: Iterator[object]) -> Iterator[str]:
    """The lines of ``json.dumps(payload, indent=2)`` with ``items`` as the value that is
    :data:`_LATER`, each item made into JSON only when its turn comes (the entries a
    large import adds are never all JSON at once)."""
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    before, after = text.split(json.dumps(_LATER), 1)
    first = next(items, None)
    if first is None:
        yield from f"{before}[]{after}".splitlines()
        return
    yield before + "["
    item: object = first
    for following in items:
        yield _indented(item, ",")
        item = following
    yield _indented(item, "")
    yield from f"  ]{after}".splitlines()


def _indented(item: object, end: str) -> str:
    """One item of a list that is the value of a top-level key, as indent=2 puts it."""
    body = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
    return f"    {body}{end}"


#: How many lines :func:`_echo_lines` prints at a time.
_BATCH = 4096


def _echo_lines(lines: Iterable[str]) -> None:
    """Print lines a batch at a time: a report of 100k lines is never one string."""
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) == _BATCH:
            typer.echo("\n".join(chunk))
            chunk.clear()
    if chunk:
        typer.echo("\n".join(chunk))


def _merge(options: Options, path: Path, entries: list[Entry]) -> None:
    """Merge ``entries`` into ``path``; if the result would not load, say why, exit 1."""
    from glossary._errors import TermBaseError
    from glossary.formats._merge_file import merge_into_file

    try:
        merge_into_file(
            path, entries, layers=options.termbases, builtin=options.builtin, packs=options.packs
        )
    except TermBaseError as exc:
        for issue in exc.issues[:20]:
            typer.echo(f"glossary: error: {issue}", err=True)
        typer.echo(f"glossary: error: {path} left as it was", err=True)
        raise typer.Exit(1) from None


def validate_tbx(
    files: Annotated[list[Path], typer.Argument(help="TBX files (v2 or v3) to check.")],
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print each file's problems (line, message) as JSON."),
    ] = False,
) -> None:
    """Check TBX files against TBX-Basic: structure, data categories, levels, picklists.

    The rules are built in; no schema named in a file is ever fetched. Each file is
    parsed as it is read, one entry at a time, so any size (up to 512 MiB) is checked in
    bounded memory, with the same checks at every size; cross-references are checked
    against every id in the file once it is read. Prints each problem as path:line:
    message, in the order of their lines; exit 1 if there are any.
    """
    from glossary._fsutil import open_limited
    from glossary.formats import FormatError, _xml
    from glossary.formats.validate import check

    problems = 0
    report = []
    for path in files:
        try:
            with open_limited(path, _xml.MAX_SIZE) as reader:  # parsed as it is read
                found = check(reader, str(path))
            lines = [f"{path}:{line}: {message}" for line, message in found]
        except FormatError as exc:  # not XML, or refused as unsafe
            found, lines = [(exc.line, exc.message)], [str(exc)]
        problems += len(found)
        report.append(
            {
                "file": str(path),
                "valid": not found,
                "problems": [{"line": line, "message": message} for line, message in found],
            }
        )
        if not as_json:
            typer.echo("\n".join(lines or [f"{path}: valid TBX-Basic"]))
    if as_json:
        typer.echo(json.dumps({"files": report}, ensure_ascii=False, indent=2))
    if problems:
        raise typer.Exit(1)
