"""Texts in, for `glossary annotate` and `glossary normalize`: files, directories and stdin,
decoded and cut into pieces of bounded size, annotated on one core or several, in order.

A text of any size streams through: it is read in blocks, decoded incrementally and cut
into pieces of about :data:`PIECE_SIZE` characters, each ending at a blank line (past twice
that, at any line end; on a single line longer than four times that, after a sentence;
past eight times, at a space), so a name is never cut in two (no name runs across a blank
line) and memory stays bounded: a piece is at most sixteen times :data:`PIECE_SIZE`.
Offsets into a piece plus the length of the pieces before it index the whole text.

Input is UTF-8 (a byte-order mark is dropped), or UTF-16/UTF-32 with a byte-order mark.
A file with NUL bytes near its start is refused as binary; bytes that are not valid in
the encoding are an error naming the line, unless ``errors="replace"``.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

from glossary._errors import GlossaryError

if TYPE_CHECKING:
    from glossary._glossary import Glossary
    from glossary._model import Span

#: About how many characters make a piece.
PIECE_SIZE = 256 * 1024

#: How many bytes are read at a time.
BLOCK_SIZE = 64 * 1024

#: How far into a file NUL bytes mark it as binary (as git and grep look).
SNIFF_SIZE = 8000

Errors = Literal["strict", "replace"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE_END = re.compile(r"\n")
_SENTENCE_END = re.compile(r"[.!?。！？][\"')\]’”」』）]*\s+|[。！？]")
_SPACE = re.compile(r"\s+")


def decode(data: bytes, path: str, *, errors: Errors = "strict") -> str:
    """A whole file's bytes as text: UTF-8 (a byte-order mark dropped), or UTF-16/UTF-32
    with a byte-order mark; bytes that are not valid are a GlossaryError naming the line
    (with ``errors="replace"``, U+FFFD: for a look at a file's first bytes, which may end
    inside a character)."""
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    try:
        return data.decode(encoding, errors)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1 if encoding.startswith("utf-8") else 0
        shown = encoding.upper().replace("-SIG", "")
        message = f"not valid {shown} (byte 0x{data[exc.start]:02x})"
        raise GlossaryError(message, path=path, line=line) from None


def refuse_binary(head: bytes, path: str) -> str:
    """The encoding a text starting with ``head`` is in (by its byte-order mark, else
    UTF-8); a GlossaryError if, without a byte-order mark, it has a NUL byte within
    :data:`SNIFF_SIZE` bytes: a binary file (or ``/dev/zero``), not text."""
    encoding = next((name for bom, name in _BOMS if head.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\0" in head[:SNIFF_SIZE]:
        at = head.index(b"\0")
        message = (
            f"looks like a binary file (a NUL byte at byte {at}); glossary reads UTF-8 "
            "text, or UTF-16 with a byte-order mark"
        )
        raise GlossaryError(message, path=path)
    return encoding


@dataclass(frozen=True)
class Source:
    """One text to read: a file, or stdin (``path == "-"``).

    Attributes:
        path: The file as given or found, or ``"-"``.
        relative: Where its output goes under an output directory.
        size: Its size in bytes, when known (for the progress bar).
    """

    path: str
    relative: PurePath
    size: int | None = None

    @property
    def name(self) -> str:
        """How messages name it: the path (bytes that are not UTF-8 as ``\\xff``), or
        ``<stdin>``."""
        return "<stdin>" if self.path == "-" else display(self.path)


def sources(arguments: Sequence[str], pattern: str = "*.txt") -> list[Source]:
    """The texts named by the command line: files, every file matching ``pattern`` under a
    directory (recursively, in sorted order, hidden files and folders skipped), and ``-``
    for stdin. No arguments means stdin.

    Raises:
        GlossaryError: A path does not exist, a directory holds no matching file, or stdin
            is named twice.
    """
    found: list[Source] = []
    for argument in arguments or ["-"]:
        if argument == "-":
            if any(s.path == "-" for s in found):
                raise GlossaryError("stdin ('-') is named twice")
            found.append(Source("-", PurePath("stdin.txt")))
            continue
        path = Path(argument)
        if path.is_dir():
            inside = _files_under(path, pattern)
            if not inside:
                raise GlossaryError(f"no files matching {pattern!r} (see --glob)", path=argument)
            found.extend(Source(str(p), p.relative_to(path), p.stat().st_size) for p in inside)
        elif path.exists():
            found.append(Source(argument, PurePath(path.name), path.stat().st_size))
        else:
            raise GlossaryError("no such file or directory", path=argument)
    return found


def _files_under(directory: Path, pattern: str) -> list[Path]:
    """The files under ``directory`` whose names match ``pattern``, sorted, hidden files and
    folders left out. A folder that cannot be read is an error naming it (a glob would skip
    it, and its files, without a word)."""
    import fnmatch

    def refuse(exc: OSError) -> None:
        where = exc.filename if exc.filename is not None else directory
        raise GlossaryError(f"cannot read: {exc.strerror or exc}", path=display(os.fsdecode(where)))

    found: list[Path] = []
    for root, folders, files in os.walk(directory, onerror=refuse):
        folders[:] = [f for f in folders if not f.startswith(".")]
        for name in files:
            if not name.startswith(".") and fnmatch.fnmatch(name, pattern):
                file = Path(root, name)
                if file.is_file():
                    found.append(file)
    return sorted(found)


def display(name: str) -> str:
    r"""A file name as messages and JSON show it: bytes that were not UTF-8 (kept by Python
    as lone surrogates, which cannot be written as UTF-8) shown as ``\xe9``.

    >>> display("caf\udce9.txt")
    'caf\\xe9.txt'
    """
    if name.isascii():
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


class Reader:
    """The text of one source in pieces; :attr:`bytes_read` says how far it has got.

    >>> import io, sys
    >>> reader = Reader(Source("-", PurePath("x")), size=8)
    >>> reader._handle = io.BytesIO("Situn\\n\\nXitun\\n".encode())
    >>> list(reader)
    ['Situn\\n\\nXitun\\n']
    """

    def __init__(self, source: Source, *, size: int | None = None, errors: Errors = "strict"):
        self.source = source
        self.size = size or PIECE_SIZE
        self.errors = errors
        self.bytes_read = 0
        self._handle: BinaryIO | None = None
        self._ended = False

    def __iter__(self) -> Iterator[str]:
        self._ended = False
        handle = self._handle or self._open()
        try:
            yield from self._pieces(handle)
        finally:
            if handle is not sys.stdin.buffer and self._handle is None:
                handle.close()

    def _open(self) -> BinaryIO:
        where = self.source.name
        if self.source.path == "-":
            return sys.stdin.buffer
        try:
            return Path(self.source.path).open("rb")
        except FileNotFoundError:
            raise GlossaryError("no such file", path=where) from None
        except IsADirectoryError:
            raise GlossaryError("is a directory, not a text file", path=where) from None
        except OSError as exc:
            raise GlossaryError(exc.strerror or str(exc), path=where) from None

    def _read(self, handle: BinaryIO) -> bytes:
        # A terminal reports its end (Ctrl-D) once, to one read: read() would swallow it
        # while filling its buffer, and asking again after it would wait for another.
        if self._ended:
            return b""
        read = getattr(handle, "read1", handle.read) if handle.isatty() else handle.read
        try:
            block = read(BLOCK_SIZE)
        except OSError as exc:
            raise GlossaryError(exc.strerror or str(exc), path=self.source.name) from None
        self.bytes_read += len(block)
        self._ended = not block
        return block

    def _decoder(self, head: bytes) -> codecs.IncrementalDecoder:
        encoding = refuse_binary(head, self.source.name)
        return codecs.getincrementaldecoder(encoding)(self.errors)

    def _pieces(self, handle: BinaryIO) -> Iterator[str]:
        head = self._read(handle)
        while len(head) < SNIFF_SIZE:  # a pipe may deliver less than asked
            more = self._read(handle)
            if not more:
                break
            head += more
        decoder = self._decoder(head)
        pending = ""
        lines = 0  # line ends in the text before `pending`
        searched = 0  # how far into `pending` a cut has been looked for
        block = head
        while True:
            final = not block
            try:
                pending += decoder.decode(block, final)
            except UnicodeDecodeError as exc:
                data = exc.object
                line = lines + pending.count("\n") + data[: exc.start].count(b"\n") + 1
                bad = f"byte 0x{data[exc.start]:02x}" if exc.start < len(data) else "the end"
                message = f"not valid {decoder_name(decoder)} ({bad}); --errors replace reads on"
                raise GlossaryError(message, path=self.source.name, line=line) from None
            while True:
                cut = _cut(pending, self.size, searched)
                if cut is None:
                    searched = max(0, len(pending) - 256)
                    break
                piece, pending, searched = pending[:cut], pending[cut:], 0
                lines += piece.count("\n")
                yield piece
            if final:
                break
            block = self._read(handle)
        if pending:
            yield pending


def decoder_name(decoder: codecs.IncrementalDecoder) -> str:
    """'UTF-8', 'UTF-16'... for messages."""
    name = type(decoder).__module__.rsplit(".", 1)[-1]
    return {"utf_8": "UTF-8", "utf_8_sig": "UTF-8", "utf_16": "UTF-16", "utf_32": "UTF-32"}.get(
        name, name
    )


def _cut(text: str, size: int, searched: int) -> int | None:
    """Where to end a piece of ``text``, or None to read on: after the first blank line
    past ``size`` characters; failing that, the first line end past twice ``size``; the
    first sentence end past four times (one very long line); the first space past eight
    times; or, in a text with none of these, at sixteen times (the memory a piece takes to
    annotate grows with its length: a 4M-character line took 480 MB). ``searched``: no cut lies
    before this offset (so a long line is not searched again for each block)."""
    levels = (
        (size, _BLANK_LINE),
        (2 * size, _LINE_END),
        (4 * size, _SENTENCE_END),
        (8 * size, _SPACE),
    )
    for threshold, pattern in levels:
        if len(text) < threshold:
            return None
        found = pattern.search(text, max(threshold - 1, searched))
        if found and found.end() < len(text):  # a match at the very end may grow
            return found.end()
    return 16 * size if len(text) >= 16 * size else None


# -- annotating on several cores ------------------------------------------------------------

_worker: Glossary | None = None

#: What a worker makes of one piece: (glossary, text, offset of the piece, spans) -> result.
Transform = Callable[["Glossary", str, int, "list[Span]"], Any]


def _start_worker(pickled: bytes) -> None:
    import pickle

    global _worker
    _worker = pickle.loads(pickled)


def _in_worker(transform: Transform, text: str, offset: int, options: dict[str, Any]) -> Any:
    assert _worker is not None, "the worker was not started"
    return transform(_worker, text, offset, _worker.annotate(text, **options))


def spans_only(glossary: Glossary, text: str, offset: int, spans: list[Span]) -> list[Span]:
    """The :data:`Transform` that keeps the spans as they are."""
    return spans


def annotated(
    glossary: Glossary,
    pieces: Iterable[tuple[Any, str, int]],
    *,
    transform: Transform = spans_only,
    jobs: int = 1,
    **options: Any,
) -> Iterator[tuple[Any, str, Any]]:
    """``(key, text, result)`` for each ``(key, text, offset)`` of ``pieces``, in order,
    where ``result`` is ``transform(glossary, text, offset, glossary.annotate(text))``.

    With ``jobs > 1`` the pieces are annotated and transformed (rendered, say) by that
    many worker processes, each with its own copy of the glossary (unpickled, so it opens
    the index itself); at most two pieces per worker are in flight, so memory stays
    bounded whatever the input's length. ``transform`` must pickle (a module-level
    function or a :func:`functools.partial` of one). ``options`` go to
    :meth:`Glossary.annotate`.
    """
    if jobs <= 1:
        for key, text, offset in pieces:
            spans = glossary.annotate(text, **options)
            yield key, text, transform(glossary, text, offset, spans)
        return
    import multiprocessing
    import pickle
    from concurrent.futures import Future, ProcessPoolExecutor

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    window: deque[tuple[Any, str, Future[Any]]] = deque()
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start_worker, initargs=(pickle.dumps(glossary),)
    ) as pool:
        for key, text, offset in pieces:
            future = pool.submit(_in_worker, transform, text, offset, options)
            window.append((key, text, future))
            if len(window) >= 2 * jobs:
                key, text, future = window.popleft()
                yield key, text, future.result()
        while window:
            key, text, future = window.popleft()
            yield key, text, future.result()


def default_jobs(jobs: int) -> int:
    """``jobs``, or the number of cores this process may use when it is 0."""
    if jobs > 0:
        return jobs
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# -- progress --------------------------------------------------------------------------------


class Progress:
    """A progress bar on stderr, by bytes read, for long inputs on a terminal.

    Silent when ``enabled`` is false (``--quiet``, stderr not a terminal, or a short
    input); ``rich`` is imported only when a bar is shown.
    """

    #: Inputs shorter than this finish before a bar would help.
    THRESHOLD = 4 * 1024 * 1024

    def __init__(self, total: int | None, *, enabled: bool, stream: Any = None) -> None:
        self.enabled = enabled and (total is None or total >= self.THRESHOLD)
        self._bar: Any = None
        self._task: Any = None
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                DownloadColumn,
                TimeRemainingColumn,
                TransferSpeedColumn,
            )
            from rich.progress import Progress as Bar

            console = Console(file=stream or sys.stderr)
            self._bar = Bar(
                "[progress.description]{task.description}",
                BarColumn(),
                DownloadColumn(),
                TransferSpeedColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )
            self._task = self._bar.add_task("annotating", total=total)

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def update(self, done: int, description: str | None = None) -> None:
        """Show ``done`` bytes read in all (and, if given, what is being read)."""
        if self._bar is not None:
            fields = {"description": description} if description else {}
            self._bar.update(self._task, completed=done, **fields)


def show_progress(quiet: bool, stream: Any = None) -> bool:
    """Whether a progress bar may be drawn: not ``--quiet`` and stderr is a terminal."""
    stream = stream or sys.stderr
    isatty: Callable[[], bool] | None = getattr(stream, "isatty", None)
    return not quiet and bool(isatty and isatty())
