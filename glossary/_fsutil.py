"""The one place output files are written (``-o``, ``-i``, ``--write``, ``--output-dir``),
and where input files are read with a bound (:func:`open_limited`, :func:`read_limited`).

What a target is decides how it is written:

- a regular file, a path that does not exist yet, or a symlink to either: the output goes
  to a temp file beside the real file (the symlink's target, not the link), is fsynced and
  renamed over it, so a reader sees the old file or the new one, never half of one; on any
  failure the temp file is removed and the target is left as it was. The new file keeps
  the old one's permissions.
- a regular file with several hard links: the output is first written whole to a temp file
  as above, then copied into the file itself, so that every name of it sees the new
  content (a rename would leave the other names on the old file). Only that last copy is
  not atomic.
- ``-``: stdout.
- a FIFO or a character device (``/dev/null``, ``/dev/stdout``, a terminal): written to
  directly, never replaced (a rename would turn ``/dev/null`` into a regular file, and a
  FIFO's reader would get nothing).
- anything else (a directory, a socket, a block device): refused with one line.

Errors (no space left, no permission, a refused target) are a
:class:`~glossary.GlossaryError` naming the target, never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from glossary._errors import GlossaryError

#: The target that means stdout.
STDOUT = "-"


class Output:
    """A binary handle whose write errors name the target (and are a GlossaryError)."""

    __slots__ = ("_handle", "name")

    def __init__(self, handle: BinaryIO, name: str) -> None:
        self._handle = handle
        self.name = name

    def write(self, data: bytes) -> int:
        """Write ``data``; a failure (no space left, say) is a GlossaryError naming the target."""
        with _named(self.name):
            return write_all(self._handle, data)

    def flush(self) -> None:
        """Flush what is buffered, errors as :meth:`write`'s."""
        with _named(self.name):
            self._handle.flush()


def write_all(handle: BinaryIO, data: bytes) -> int:
    """Write every byte of ``data``. A buffered write that fails part of the way (a pipe
    whose reader has gone, a disk that fills) returns how much it wrote instead of raising;
    writing the rest raises the error, which is then not lost."""
    view = memoryview(data)
    while view:
        written = handle.write(view)
        if written is None:  # pragma: no cover (only non-blocking files return None)
            continue
        view = view[written:]
    return len(data)


def write_error(exc: OSError, name: str) -> GlossaryError:
    """The one-line error for a failed write to ``name``."""
    return GlossaryError(f"cannot write: {exc.strerror or exc}", path=name)


@contextlib.contextmanager
def atomic_write(
    target: str | Path, *, check: Callable[[Path], None] | None = None
) -> Iterator[Output]:
    """Open ``target`` for writing, the way its file type calls for (see the module).

    Args:
        target: A path, or ``"-"`` for stdout.
        check: Called with the path of the complete temp file before it replaces the
            target; raising leaves the target as it was. A target without a temp file
            (stdout, a FIFO, a device) is then refused.

    Raises:
        GlossaryError: The target cannot be written, or is of a kind that is refused.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_write(path) as handle:
    ...     _ = handle.write(b"Situn District")
    >>> path.read_bytes()
    b'Situn District'
    """
    name = str(target)
    if name == STDOUT:
        if check is not None:
            raise GlossaryError("needs a file to check before writing, not stdout", path=name)
        sys.stdout.flush()  # what was written through the text layer goes first
        out = Output(sys.stdout.buffer, "<stdout>")
        yield out
        out.flush()
        return
    real = Path(os.path.realpath(target))  # a symlink is written through
    info = _stat(real, name)
    if info is not None and not stat.S_ISREG(info.st_mode):
        if check is None and (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
            with _direct(real, name) as out:
                yield out
            return
        raise GlossaryError(f"{_refused(info.st_mode)}; give a file path", path=name)
    with _named(name):
        tmp = temp_path_beside(real)
    try:
        with _named(name):
            handle = tmp.open("wb")
        with handle:
            out = Output(handle, name)
            with _named(name):
                tmp.chmod(_mode_for(info))
            yield out  # what the caller raises goes on as it is
            out.flush()
            with _named(name):
                os.fsync(handle.fileno())
        if check is not None:
            check(tmp)
        with _named(name):
            if info is not None and info.st_nlink > 1:
                _copy_into(tmp, real)  # every hard link sees the new content
            else:
                tmp.replace(real)
                _sync_directory(real.parent)
    finally:
        tmp.unlink(missing_ok=True)


@contextlib.contextmanager
def _named(name: str) -> Iterator[None]:
    """Turn an OSError of the block into a GlossaryError naming the target."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise write_error(exc, name) from None


def _stat(real: Path, name: str) -> os.stat_result | None:
    """The target's file status, or None if it does not exist yet."""
    try:
        return real.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise write_error(exc, name) from None


def _refused(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    if stat.S_ISBLK(mode):
        return "is a block device, not a file"
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return "is not a regular file, and this output is checked in a file before writing"
    return "is not a regular file"


@contextlib.contextmanager
def _direct(real: Path, name: str) -> Iterator[Output]:
    """Write straight into a FIFO or character device (opened without creating or
    truncating anything, and checked again once open)."""
    try:
        fd = os.open(real, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise write_error(exc, name) from None
    with os.fdopen(fd, "wb") as handle:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):  # changed since it was looked at
            raise GlossaryError("changed while it was opened; not written", path=name)
        out = Output(handle, name)
        yield out
        out.flush()


def _copy_into(tmp: Path, real: Path) -> None:
    """Copy ``tmp``'s bytes into ``real`` in place (its inode, and so its links, kept)."""
    import shutil

    with tmp.open("rb") as source, real.open("r+b") as handle:
        shutil.copyfileobj(source, handle, 1024 * 1024)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def _sync_directory(directory: Path) -> None:
    """Make the rename durable (where directories can be opened and synced)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _mode_for(info: os.stat_result | None) -> int:
    """The permissions the new file gets: the old file's, or what the umask allows (a temp
    file is created private, 0600, which a user's output should not stay)."""
    if info is not None:
        return info.st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def temp_path_beside(target: Path) -> Path:
    """A fresh, unused path in ``target``'s directory for a file to be renamed onto it."""
    import tempfile  # not at module level: a lookup in a cached index writes nothing

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    return Path(tmp)


#: How many bytes are read at a time by :func:`read_limited`.
_READ_BLOCK = 1024 * 1024


class Readable(Protocol):
    """What a stream is read from: a binary file, or a :class:`LimitedReader`."""

    def read(self, size: int = -1, /) -> bytes:
        """Up to ``size`` bytes; all the rest if negative; b"" at the end."""
        ...


class LimitedReader:
    """A binary file read with a byte limit, whatever the file is (see :func:`open_limited`):
    :meth:`read` raises a GlossaryError naming the file as soon as more than ``limit``
    bytes have come, so an endless FIFO or device costs at most one block past the limit.
    Read errors are a GlossaryError too. lxml's ``iterparse`` reads from it as from a file.
    """

    __slots__ = ("_handle", "_head", "limit", "name", "total", "what")

    def __init__(self, handle: BinaryIO, limit: int, name: str, what: str) -> None:
        self._handle = handle
        self._head = b""  # what peek() read and read() has not returned yet
        self.limit = limit
        self.name = name
        self.what = what
        self.total = 0

    @property
    def shown(self) -> str:
        """The limit, as messages show it."""
        limit = self.limit
        return f"{limit // 2**20} MiB" if limit % 2**20 == 0 else f"{limit:,} bytes"

    def _read(self, size: int) -> bytes:
        try:
            block = self._handle.read(min(size, self.limit + 1 - self.total))
        except OSError as exc:
            raise GlossaryError(f"cannot read: {exc.strerror or exc}", path=self.name) from None
        self.total += len(block)
        if self.total > self.limit:
            message = f"{self.what} is larger than {self.shown}; refused"
            raise GlossaryError(message, path=self.name)
        return block

    def peek(self, size: int) -> bytes:
        """Up to ``size`` bytes from the start, which :meth:`read` then returns again (for
        telling a format from a file's first bytes, even where it cannot seek: a FIFO)."""
        while len(self._head) < size and (block := self._read(size - len(self._head))):
            self._head += block
        return self._head[:size]

    def read(self, size: int = -1, /) -> bytes:
        """Up to ``size`` bytes (all the rest if ``size`` is negative)."""
        if size < 0:
            blocks = [self._head]
            self._head = b""
            while block := self._read(_READ_BLOCK):
                blocks.append(block)
            return b"".join(blocks)
        if self._head:
            block, self._head = self._head[:size], self._head[size:]
            return block
        return self._read(size)


@contextlib.contextmanager
def open_limited(path: str | Path, limit: int, *, what: str = "file") -> Iterator[LimitedReader]:
    """Open ``path`` to be read with a limit of ``limit`` bytes, whatever the file is.

    A regular file's size is checked first (refused without reading it); a FIFO, a
    device (``/dev/zero``, ``/dev/urandom``) or anything else whose size is not known is
    refused as soon as reading it passes the limit, so memory stays bounded.

    Raises:
        GlossaryError: Too large, missing, a directory, or unreadable (naming the path).
            Every OSError is turned into one.
    """
    name = str(path)
    with contextlib.ExitStack() as stack:  # only opening is in the try: not the caller's block
        try:
            handle = stack.enter_context(Path(path).open("rb"))
        except FileNotFoundError:
            raise GlossaryError("no such file or directory", path=name) from None
        except IsADirectoryError:
            raise GlossaryError("is a directory, not a file", path=name) from None
        except OSError as exc:
            raise GlossaryError(f"cannot read: {exc.strerror or exc}", path=name) from None
        reader = LimitedReader(handle, limit, name, what)
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):  # pragma: no cover (open fails first on Linux)
            raise GlossaryError("is a directory", path=name)
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            message = f"{what} is {info.st_size:,} bytes; the limit is {reader.shown}; refused"
            raise GlossaryError(message, path=name)
        yield reader


def read_limited(path: str | Path, limit: int, *, what: str = "file") -> bytes:
    """The bytes of ``path``, refused past ``limit`` bytes, whatever the file is (see
    :func:`open_limited`).

    Raises:
        GlossaryError: Too large, missing, a directory, or unreadable (naming the path).
        OSError: Never: every OSError is turned into a GlossaryError.
    """
    with open_limited(path, limit, what=what) as reader:
        return reader.read()
