"""Running `glossary annotate` and `glossary normalize` over many texts of any size.

The sources (files, directories, stdin) are read in pieces (:mod:`glossary._stream`),
annotated on one core or several, and each piece's result is written as soon as the pieces
before it are: to stdout, or to a file of the same relative name under an output
directory, written to a temp file and renamed into place when complete.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Literal

from glossary._errors import GlossaryError
from glossary._stream import (
    Errors,
    Progress,
    Reader,
    Source,
    Transform,
    annotated,
    show_progress,
    spans_only,
)

if TYPE_CHECKING:
    from glossary._fsutil import Output
    from glossary._glossary import Glossary
    from glossary._model import Span

#: The output formats of :func:`annotate_files` (the choices of `glossary annotate --format`).
ANNOTATE_FORMATS = ("gloss", "json", "jsonl", "html")

#: What each format adds to a file's name under --output-dir.
SUFFIXES = {"gloss": "", "json": ".json", "jsonl": ".jsonl", "html": ".html", "text": ""}


class Sink:
    """Where one source's output goes: stdout, or a file replaced atomically at the end."""

    def __init__(self, target: Path | None) -> None:
        self.target = target
        self._stack = contextlib.ExitStack()
        self._handle: Output | None = None

    def __enter__(self) -> Sink:
        if self.target is not None:
            from glossary._fsutil import atomic_write, write_error

            try:
                self.target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise write_error(exc, str(self.target)) from None
            self._handle = self._stack.enter_context(atomic_write(self.target))
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.__exit__(*exc)  # type: ignore[arg-type]

    def write(self, text: str) -> None:
        if not text:
            return
        if self._handle is not None:
            self._handle.write(text.encode("utf-8"))
        else:
            write_stdout(text)


def write_stdout(text: str) -> None:
    """Write UTF-8 to stdout whatever its text encoding (a Windows console's is not UTF-8),
    with line ends as they are (CRLF stays CRLF, LF is not made CRLF). On a terminal,
    control characters of the text (an ESC sequence) are shown as escapes, not obeyed."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    from glossary._fsutil import write_all, write_error

    if _TERMINAL_UNSAFE.search(text) and _to_terminal():
        text = _TERMINAL_UNSAFE.sub(_escaped, text)
    try:
        sys.stdout.flush()  # anything already written through the text layer goes first
        write_all(buffer, text.encode("utf-8"))
    except BrokenPipeError:
        raise  # the reader has gone: the command line ends quietly
    except OSError as exc:  # /dev/full, a disk full under a redirection
        raise write_error(exc, "<stdout>") from None


#: What a terminal would act on rather than show: C0 controls but tab, line feed and
#: carriage return (ESC sequences recolour or retitle it), DEL, C1 controls, bidi overrides.
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _to_terminal() -> bool:
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty())


def _escaped(found: re.Match[str]) -> str:
    """A character a terminal would act on, shown as its escape (``\\x1b``)."""
    return found.group().encode("unicode_escape").decode("ascii")


def targets(sources: Sequence[Source], output_dir: Path | None, suffix: str) -> list[Path | None]:
    """The file each source's output goes to (None: stdout), refusing to write over an input
    or to write two inputs to one file (a.txt and sub/a.txt given as files)."""
    if output_dir is None:
        return [None] * len(sources)
    out: list[Path | None] = []
    inputs = {Path(s.path).resolve() for s in sources if s.path != "-"}
    seen: dict[Path, str] = {}
    for source in sources:
        target = output_dir / source.relative
        target = target.with_name(target.name + suffix)
        if target.resolve() in inputs:
            raise GlossaryError(
                f"--output-dir would write over the input {target}; choose another directory",
                path=source.name,
            )
        if target in seen:
            message = f"would be written to {target} as {seen[target]} is"
            raise GlossaryError(message, path=source.name)
        seen[target] = source.name
        out.append(target)
    return out


def _pieces(readers: Sequence[Reader]) -> Iterator[tuple[int, str, int]]:
    """``(source number, piece, offset of the piece in its text)`` for every piece."""
    for number, reader in enumerate(readers):
        offset = 0
        for piece in reader:
            yield number, piece, offset
            offset += len(piece)
        if not offset:  # an empty input still gets its (empty) output
            yield number, "", 0


def _results(
    glossary: Glossary,
    sources: Sequence[Source],
    transform: Transform,
    *,
    errors: Errors,
    jobs: int,
    quiet: bool,
    options: dict[str, Any],
    doubts: bool = False,
) -> Iterator[tuple[int, str, Any]]:
    """Each piece of each source with ``transform``'s result; with ``doubts``, every
    doubt of its spans printed on stderr as it comes (see :func:`_report_line`)."""
    readers = [Reader(s, errors=errors) for s in sources]
    sizes = [s.size for s in sources]
    total = None if any(size is None for size in sizes) else sum(s or 0 for s in sizes)
    if doubts:
        transform = partial(_with_doubts, inner=transform)
    where = _Position()
    current = -1
    with Progress(total, enabled=show_progress(quiet)) as progress:
        for number, text, result in annotated(
            glossary, _pieces(readers), transform=transform, jobs=jobs, **options
        ):
            if doubts:
                if number != current:
                    current, where = number, _Position()
                result, found = result
                name = sources[number].name
                lines = [_report_line(name, *where.at(text, i), *d) for i, *d in found]
                if lines:
                    sys.stderr.write("".join(lines))
                    sys.stderr.flush()
                where.advance(text)
            yield number, text, result
            progress.update(sum(r.bytes_read for r in readers), sources[number].name)


def _with_doubts(
    glossary: Glossary, text: str, offset: int, spans: list[Span], *, inner: Transform
) -> tuple[Any, list[tuple[int, str, str, str, str | None]]]:
    """``inner``'s result and the doubts of the spans: (start in the piece, kind, the
    span's text, message, suggestion)."""
    found = [
        (s.start, d.kind.value, s.text, d.message, d.suggestion) for s in spans for d in s.doubts
    ]
    return inner(glossary, text, offset, spans), found


def _report_line(
    name: str, line: int, column: int, kind: str, text: str, message: str, suggestion: str | None
) -> str:
    """One doubt for --report: ``FILE:line:col: kind: text -> suggestion`` (or ``kind:
    text: message`` when there is nothing to write instead)."""
    shown = " ".join(text.split())
    tail = f" -> {suggestion}" if suggestion else f": {message}"
    return f"{name}:{line}:{column}: {kind}: {shown}{tail}\n"


class _Position:
    """Line and column (1-based) of offsets in a text read in pieces."""

    def __init__(self) -> None:
        self.line = 1
        self.column = 0  # of the current piece's first character, 0-based

    def at(self, piece: str, i: int) -> tuple[int, int]:
        """Where offset ``i`` of the current piece is."""
        breaks = piece.count("\n", 0, i)
        if breaks:
            return self.line + breaks, i - piece.rfind("\n", 0, i)
        return self.line, self.column + i + 1

    def advance(self, piece: str) -> None:
        """Move past the current piece."""
        breaks = piece.count("\n")
        if breaks:
            self.line += breaks
            self.column = len(piece) - piece.rfind("\n") - 1
        else:
            self.column += len(piece)


# What the workers make of each piece (module level, so that they pickle).


def _json_spans(glossary: Glossary, text: str, offset: int, spans: list[Span]) -> list[str]:
    """Each span as one line of JSON, offsets into the whole text."""
    from glossary.render import span_dicts

    lines = []
    for item in span_dicts(spans, glossary):
        item["start"] += offset
        item["end"] += offset
        lines.append(json.dumps(item, ensure_ascii=False))
    return lines


def _html(
    glossary: Glossary, text: str, offset: int, spans: list[Span]
) -> tuple[str, dict[str, str]]:
    """The piece marked up, and its list of names (keyed by entry, to merge pieces')."""
    from glossary.render import _html_names, html_body

    return html_body(text, spans, glossary), _html_names(spans, glossary)


def _normalized(
    glossary: Glossary,
    text: str,
    offset: int,
    spans: list[Span],
    *,
    to: str,
    tai: str | None,
    quotations: bool = False,
) -> str:
    from glossary.render import normalize

    return normalize(text, spans, glossary, to=to, tai=tai, quotations=quotations)


class _Outputs:
    """Opens one sink per source as its first result arrives and closes it after its last."""

    def __init__(self, paths: Sequence[Path | None]) -> None:
        self.paths = paths
        self.stack = contextlib.ExitStack()
        self.current = -1
        self.sink = Sink(None)

    def switch(self, number: int) -> bool:
        """Make ``number`` the current source; True if it just started."""
        if number == self.current:
            return False
        self.current = number
        self.sink = self.stack.enter_context(Sink(self.paths[number]))
        return True

    def close(self) -> None:
        self.stack.close()


def annotate_files(
    glossary: Glossary,
    sources: Sequence[Source],
    *,
    output: str,
    output_dir: Path | None,
    every: bool,
    errors: Errors,
    jobs: int,
    quiet: bool,
    options: dict[str, Any],
    style: dict[str, Any] | None = None,
    doubts: bool = False,
    folder: bool = False,
) -> None:
    """Annotate every source and write the result in ``output`` format (``style``: the
    house-style options of :func:`glossary.render.gloss`); with ``doubts``, print every
    doubt on stderr. JSON and JSON lines name each span's file when there are several
    sources or the sources came from a ``folder`` (however many it held)."""
    from glossary.render import gloss, html_foot, html_head, page_lang

    several = len(sources) > 1
    if several and output_dir is None and output in ("gloss", "html"):
        raise GlossaryError(
            f"{len(sources)} inputs: write them to a folder with --output-dir DIR, "
            "or use --format json or jsonl"
        )
    outputs = _Outputs(targets(sources, output_dir, SUFFIXES[output]))
    several = several or folder
    bundle = several and output == "json" and output_dir is None  # one JSON on stdout
    transform: Transform = spans_only
    if output == "html":
        transform = _html
    elif output in ("json", "jsonl"):
        transform = _json_spans

    names = [json.dumps(s.name, ensure_ascii=False) for s in sources]
    seen: set[str] = set()
    length = 0
    # json: each span is written as soon as it is found ("spans" first, "length" last,
    # when it is known), so memory does not grow with the input
    written = 0
    between = ", " if bundle else ",\n    "

    listed: dict[str, str] = {}  # html: each entry's item in the list of names found

    def start(number: int, text: str) -> None:
        sink = outputs.sink
        if output == "html":
            source = sources[number]
            title = "" if source.path == "-" else PurePath(source.name).name
            sink.write(html_head(title, lang=page_lang(text)))  # the first piece's language
        elif output == "json":
            if bundle:
                sink.write(f'{", " if number else ""}{{"file": {names[number]}, "spans": [')
            else:
                sink.write('{\n  "spans": [')

    def finish() -> None:
        sink = outputs.sink
        if output == "html":
            sink.write(html_foot(list(listed.values())))
        elif output == "json":
            if bundle:
                sink.write(f'], "length": {length}}}')
            else:
                close = "\n  ]" if written else "]"
                sink.write(f'{close},\n  "length": {length}\n}}\n')
        outputs.close()

    if bundle:
        write_stdout('{"files": [')
    with outputs.stack:
        for number, text, result in _results(
            glossary,
            sources,
            transform,
            errors=errors,
            jobs=jobs,
            quiet=quiet,
            options=options,
            doubts=doubts,
        ):
            if number != outputs.current:
                if outputs.current >= 0:
                    finish()
                outputs.switch(number)
                seen, length, written = set(), 0, 0
                listed.clear()
                start(number, text)
            sink = outputs.sink
            if output == "gloss":
                sink.write(gloss(text, result, glossary, every=every, seen=seen, **(style or {})))
            elif output == "html":
                body, found = result
                sink.write(body)
                for key, item in found.items():
                    listed.setdefault(key, item)
            elif output == "jsonl":
                if several:  # which file the span is in comes first
                    result = [f'{{"file": {names[number]}, {line[1:]}' for line in result]
                sink.write("".join(line + "\n" for line in result))
            elif result:
                lead = between if written else ("" if bundle else "\n    ")
                sink.write(lead + between.join(result))
                written += len(result)
            length += len(text)
        if outputs.current >= 0:
            finish()
    if bundle:
        write_stdout("]}\n")


def normalize_files(
    glossary: Glossary,
    sources: Sequence[Source],
    *,
    output_dir: Path | None,
    in_place: bool,
    diff: bool,
    errors: Errors,
    jobs: int,
    quiet: bool,
    to: str,
    tai: str | None,
    quotations: bool = False,
    report: Literal["text", "check", "json"] = "text",
    doubts: bool = False,
) -> int:
    """Rewrite every name of every source to one form; or, with ``diff``, show the change;
    with ``report="check"``, say on stderr which sources would change; with
    ``report="json"``, print every name that would change as JSON. Returns how many
    sources would change (or did)."""
    import difflib

    if in_place:
        if any(s.path == "-" for s in sources):
            raise GlossaryError("--in-place needs files, not stdin")
        paths: list[Path | None] = [Path(s.path) for s in sources]
    else:
        if len(sources) > 1 and output_dir is None and not diff and report == "text":
            raise GlossaryError(
                f"{len(sources)} inputs: write them to a folder with --output-dir DIR, "
                "rewrite them with --in-place, or show the changes with --diff"
            )
        paths = targets(sources, output_dir, SUFFIXES["text"])
    if report != "text":
        return _normalize_report(
            glossary, sources, report, errors, jobs, quiet, to, tai, quotations, doubts=doubts
        )
    outputs = _Outputs([None] * len(sources) if diff else paths)
    before: list[str] = []
    after: list[str] = []
    changed: set[int] = set()

    def finish() -> None:
        if diff:
            name = sources[outputs.current].name
            lines = difflib.unified_diff(
                "".join(before).splitlines(keepends=True),
                "".join(after).splitlines(keepends=True),
                fromfile=name,
                tofile=f"{name} (normalized)",
            )
            outputs.sink.write("".join(lines))
        outputs.close()

    with outputs.stack:
        for number, text, result in _results(
            glossary,
            sources,
            partial(_normalized, to=to, tai=tai, quotations=quotations),
            errors=errors,
            jobs=jobs,
            quiet=quiet,
            options={},
            doubts=doubts,
        ):
            if number != outputs.current:
                if outputs.current >= 0:
                    finish()
                outputs.switch(number)
                before, after = [], []
            if result != text:
                changed.add(number)
            if diff:  # a diff needs the whole text (and so memory for it)
                before.append(text)
                after.append(result)
            else:
                outputs.sink.write(result)
        if outputs.current >= 0:
            finish()
    return len(changed)


def _rewritten(
    glossary: Glossary,
    text: str,
    offset: int,
    spans: list[Span],
    *,
    to: str,
    tai: str | None,
    quotations: bool = False,
) -> list[dict[str, Any]]:
    """Each name normalize would change, offsets into the whole text."""
    from glossary.render import rewrites

    return [
        {
            "start": span.start + offset,
            "end": span.end + offset,
            "text": span.text,
            "to": form,
            "ids": [e.id for e in span.entries],
        }
        for span, form in rewrites(
            spans, glossary, to=to, tai=tai, text=text, quotations=quotations
        )
        if form != span.text
    ]


def _normalize_report(
    glossary: Glossary,
    sources: Sequence[Source],
    report: Literal["check", "json"],
    errors: Errors,
    jobs: int,
    quiet: bool,
    to: str,
    tai: str | None,
    quotations: bool = False,
    *,
    doubts: bool = False,
) -> int:
    """``normalize --check`` (which sources would change, on stderr) or ``--json`` (every
    name that would change, on stdout)."""
    found: list[list[dict[str, Any]]] = [[] for _ in sources]
    for number, _text, result in _results(
        glossary,
        sources,
        partial(_rewritten, to=to, tai=tai, quotations=quotations),
        errors=errors,
        jobs=jobs,
        quiet=quiet,
        options={},
        doubts=doubts,
    ):
        found[number].extend(result)
    changed = sum(bool(names) for names in found)
    if report == "json":
        files = [
            {"file": s.name, "changes": names} for s, names in zip(sources, found, strict=True)
        ]
        write_stdout(json.dumps({"files": files, "changed": changed}, ensure_ascii=False, indent=2))
        write_stdout("\n")
        return changed
    for source, names in zip(sources, found, strict=True):
        if names:
            count = f"{len(names)} name{'s' * (len(names) != 1)}"
            print(f"would normalize {source.name} ({count})", file=sys.stderr)
    inputs = f"{len(sources)} input{'s' * (len(sources) != 1)}"
    print(f"{changed} of {inputs} would change", file=sys.stderr)
    return changed
