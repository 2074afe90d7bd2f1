"""The content hash of the term base files, remembered by what ``stat`` says of them.

The index is named by a hash of the term base files' bytes (see :mod:`glossary._index`).
Reading and hashing them is most of a warm start with a large term base (about 20 ms for
the 9 MB of a 50,000-entry user file over the built-in one), so the hash is remembered
in a small *stamp* file in the cache directory, under the files' identity and state:
for each file its absolute path and layer, device, inode, size, modification time and
status-change time (``st_ctime_ns``: set by the kernel on every write or rename, and not
settable by ``touch`` or ``cp -p``). A later process whose files stat the same takes the
hash from the stamp and reads no file; any difference and it reads and hashes them again,
as before. The index itself is still keyed by content: a stamp only saves the reading.

A stale stamp would be a correctness bug (the index of the old content used for the new
one), so a stamp is written only when it can be trusted:

- Every file's modification and status-change times must be older than :data:`SETTLED_NS`
  (2 s) before the files were read. A file written again within the same clock tick as
  the one before keeps its times; if the stamp were taken inside that tick, the second
  write would go unseen (git calls this the "racy clean" problem). With the times two
  seconds old, any later write carries a later time, even on a file system counting
  whole seconds (ext3, HFS+) or two (FAT). So a file saved within two seconds is hashed
  on every run until it settles.
- The files must stat the same after they were read as before (no write while reading),
  and every file must be a regular file that was read without an issue.

What remains trusted is that a file's content does not change without its times changing:
a clock set back to rewrite a file, or a disk written underneath the file system, could
make a stamp lie. Two platforms trust less: on Windows ``st_ctime`` is the creation time,
so there a rewrite that puts the modification time back (``touch -r``) goes unseen; on NFS
``stat`` may answer from the client's attribute cache (up to a minute by default), so an
edit made on another machine may be seen that much later. Without a cache directory
(``cache_dir=None``, ``GLOSSARY_CACHE_DIR=``) nothing is remembered.

A stamp file is named by a CRC of its key and holds the key in full, so two keys sharing
a name only cost a rehash. Stamps are written atomically, like the index, and the cache
keeps the newest :data:`KEEP_STAMPS`.
"""

from __future__ import annotations

import contextlib
import stat
import time
import zlib
from collections.abc import Sequence
from pathlib import Path

from glossary._errors import GlossaryError
from glossary._fsutil import atomic_write

__all__ = ["SETTLED_NS", "lookup", "now_ns", "remember", "stat_key"]

#: How old every file's times must be, when the files are read, for a stamp to be written.
SETTLED_NS = 2_000_000_000

#: How many stamp files the cache directory keeps (the newest; older ones are removed).
KEEP_STAMPS = 64

_PREFIX = "stamp-"
_SUFFIX = ".txt"


def stat_key(layers: Sequence[Sequence[Path]], *salt: str) -> tuple[str, int] | None:
    """What ``stat`` says of the files of ``layers``, as one text, and the newest of their
    modification and status-change times (ns); None if a file cannot be stat'ed or is not
    a regular file (it is then read, and the reading reports it)."""
    lines = [repr(part) for part in salt]
    newest = 0
    for number, layer in enumerate(layers):
        for path in layer:
            try:
                info = path.stat()
            except (OSError, ValueError):
                return None
            if not stat.S_ISREG(info.st_mode):
                return None
            newest = max(newest, info.st_mtime_ns, info.st_ctime_ns)
            lines.append(
                f"{number} {info.st_dev} {info.st_ino} {info.st_size} {info.st_mtime_ns} "
                f"{info.st_ctime_ns} {str(path.absolute())!r}"
            )
    return "\n".join(lines), newest


def now_ns() -> int:
    """The wall clock, as file times count it."""
    return time.time_ns()


def _stamp_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"{_PREFIX}{zlib.crc32(key.encode()):08x}{_SUFFIX}"


def lookup(cache_dir: Path, key: str) -> str | None:
    """The content hash remembered for ``key``, or None."""
    try:
        text = _stamp_path(cache_dir, key).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    stored, _, digest = text.rpartition("\n")
    if stored != key or len(digest) != 64:
        return None  # another key under the same name, or a torn file
    return digest


def remember(cache_dir: Path, key: str, newest: int, read_at: int, digest: str) -> bool:
    """Write the stamp ``key`` -> ``digest`` if the files had settled when they were read
    (``newest`` at least :data:`SETTLED_NS` before ``read_at``). Whether it was written;
    a cache that cannot be written is no error (the files are hashed next time)."""
    if newest > read_at - SETTLED_NS:
        return False
    target = _stamp_path(cache_dir, key)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with atomic_write(target) as out:
            out.write(f"{key}\n{digest}".encode())
    except (OSError, GlossaryError):
        return False
    _prune(cache_dir, target)
    return True


def _prune(cache_dir: Path, keep: Path) -> None:
    """Remove all but the newest :data:`KEEP_STAMPS` stamps, and the temp files of writes
    that were killed (older than a minute: a live one is renamed in milliseconds)."""
    with contextlib.suppress(OSError):
        stamps = sorted(
            cache_dir.glob(f"{_PREFIX}*{_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in stamps[KEEP_STAMPS:]:
            if old != keep:
                old.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        for stale in cache_dir.glob(f".{_PREFIX}*{_SUFFIX}.*.tmp"):
            if stale.stat().st_mtime < time.time() - 60:
                stale.unlink(missing_ok=True)
