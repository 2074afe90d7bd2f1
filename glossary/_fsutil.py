"""Atomic file writes: a temp file in the target's directory, fsync, then rename.

A reader sees the old file or the new one, never half of one; on any failure the temp file
is removed and the target is left as it was.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_write(target: str | Path) -> Iterator[BinaryIO]:
    """Open a binary temp file that replaces ``target`` when the block ends without error.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_write(path) as handle:
    ...     _ = handle.write(b"Situn District")
    >>> path.read_bytes()
    b'Situn District'
    """
    target = Path(target)
    tmp = temp_path_beside(target)
    try:
        tmp.chmod(_mode_for(target))
        with tmp.open("wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The permissions the new file gets: the old file's, or what the umask allows (a temp
    file is created private, 0600, which a user's output should not stay)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def temp_path_beside(target: Path) -> Path:
    """A fresh, unused path in ``target``'s directory for a file to be renamed onto it."""
    import tempfile  # not at module level: a lookup in a cached index writes nothing

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    return Path(tmp)
