"""The compiled index: every key a lookup needs, in an SQLite file cached on disk.

Building reads the YAML, computes the derived forms (Simplified Chinese, names without
their generic word, the readings of the Chinese in every romanization system) and writes
one row per (key, entry). The file is
named by a hash of the term base files' bytes, the package version and the index format, so
a changed term base gets a new file and a stale one is never read. It is written to a temp
file and renamed into place, so a reader never sees half of one and two processes building
at once both end with a good file. A lookup opens it read-only and asks for one key: its
cost does not grow with the term base.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import warnings
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from glossary import _stamps
from glossary._errors import CacheError, Issue, RomanizationError
from glossary._fsutil import temp_path_beside
from glossary._model import Entry, Kind
from glossary._sources import SourceFile, content_hash, read_layers
from glossary._text import chinese_key, latin_key
from glossary._vocab import GENERIC_WORDS, strip_generic_en, strip_generic_zh

#: Bump when the schema or the way keys are derived changes.
FORMAT_VERSION = "12"

#: Scores of the kinds of keys; a lookup turns "term" into exact (100) or variant.
SCORE_TERM = 100.0
SCORE_SCRIPT = 98.0
SCORE_VARIANT = 95.0
SCORE_PINYIN = 90.0

#: How many keys' rows an open index keeps in memory.
ROWS_CACHE_SIZE = 65536

#: How many index files to keep in the cache directory (older ones are removed).
KEEP_FILES = 8


class KeyRow(NamedTuple):
    """One row of the keys table: a key and the entry (by number) it leads to."""

    key: str
    n: int
    match: str  # "term", "variant", "script" or "pinyin"
    score: float
    term: str
    system: str | None


def names_in_text(kind: Kind, row: KeyRow) -> bool:
    """Whether a key's row may name its entry in running text (lookups use every row).

    A place outside Taiwan is there to tell homonyms apart, not to gloss ordinary English:
    in text its English counts as its terms are written (Heping District, Guangdong
    Province), never bare (Beijing, which the news writes for China's government; You for
    攸縣, an English word) nor read in another system (Sui-te for 綏德 folds to "suite").
    Its Chinese counts as any entry's.
    """
    return kind is not Kind.FOREIGN_PLACE or row.match == "term" or not row.key.isascii()


def entry_keys(entry: Entry, n: int) -> Iterator[KeyRow]:
    """Every key under which ``entry`` (numbered ``n``) can be found."""
    from glossary._script import to_simplified

    for term in entry.en:
        system = str(term.system) if term.system else None
        yield KeyRow(latin_key(term.text), n, "term", SCORE_TERM, term.text, system)
        bare = strip_generic_en(term.text)
        if bare:
            yield KeyRow(latin_key(bare), n, "variant", SCORE_VARIANT, term.text, system)
            generic = term.text[len(bare) :].strip()
            if (short_word := GENERIC_WORDS.get(generic)) is not None:
                short = f"{bare} {short_word}"
                yield KeyRow(latin_key(short), n, "variant", SCORE_VARIANT, short, system)
    chinese = [t.text for t in entry.zh]
    forms: list[tuple[str, str, float]] = [(t, "term", SCORE_TERM) for t in chinese]
    for text in chinese:
        bare = strip_generic_zh(text)
        if bare:
            forms.append((bare, "variant", SCORE_VARIANT))
    if entry.gloss:
        forms.append((entry.gloss, "variant", SCORE_VARIANT))
    person = entry.kind is Kind.PERSON
    for text, match, score in forms:
        yield KeyRow(chinese_key(text), n, match, score, text, None)
        simplified = to_simplified(text)
        if simplified != text:
            yield KeyRow(chinese_key(simplified), n, "script", score - 2, text, None)
        yield from _reading_keys(text, n, SCORE_PINYIN - (SCORE_TERM - score), person=person)


def _reading_keys(text: str, n: int, score: float, *, person: bool) -> Iterator[KeyRow]:
    """Keys for the readings of a Chinese term in every Latin system (Hanyu first).

    Alternative readings (元長: Yuanzhang or Yuanchang) score one less each. A term with
    characters that have no reading (digits in road names) gets no reading keys.
    """
    from glossary.romanize import readings, system_keys

    try:
        found = readings(text, person=person)
    except RomanizationError:
        return
    for rank, reading in enumerate(found):
        for system, key in system_keys(reading):
            yield KeyRow(key, n, "pinyin", score - rank, text, system.value)


_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE entries(n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
CREATE TABLE keys(
    key TEXT NOT NULL, n INTEGER NOT NULL, match TEXT NOT NULL, score REAL NOT NULL,
    term TEXT NOT NULL, system TEXT,
    PRIMARY KEY (key, n)
) WITHOUT ROWID;
CREATE TABLE typos(h INTEGER NOT NULL, key TEXT NOT NULL, PRIMARY KEY (h, key)) WITHOUT ROWID;
"""

#: Folded generic words a fuzzy key may end with: the typo table holds the neighbourhood of
#: the key's bare part, the name without them.
_FOLDED_GENERICS = tuple(
    sorted(
        {latin_key(w) for w in GENERIC_WORDS} | {latin_key(a) for a in GENERIC_WORDS.values() if a},
        key=len,
        reverse=True,
    )
)
#: Bare parts shorter than this are left out of the typo table: a typo of a three-letter
#: name is another name.
TYPO_MIN_LENGTH = 4


def bare_key(key: str) -> str:
    """A folded key without the generic word it ends with, or the key itself.

    >>> bare_key("shidingdistrict"), bare_key("liushyhfang")
    ('shiding', 'liushyhfang')
    """
    for word in _FOLDED_GENERICS:
        if key.endswith(word) and len(key) > len(word):
            return key[: -len(word)]
    return key


def typo_neighbours(bare: str) -> set[int]:
    """Hashes of a bare key and of every string one deletion away from it: two names one
    substitution, insertion, deletion or transposition apart share at least one.

    >>> bool(typo_neighbours("shidng") & typo_neighbours("shiding"))
    True
    >>> bool(typo_neighbours("shiding") & typo_neighbours("banqiao"))
    False
    """
    forms = {bare, *(bare[:i] + bare[i + 1 :] for i in range(len(bare)))}
    return {_typo_hash(form) for form in forms}


def _typo_hash(text: str) -> int:
    # Stable across processes (str's own hash is not); a collision only adds a candidate,
    # which rapidfuzz then scores low.
    return zlib.crc32(text.encode())


def _typo_rows(keys: Iterable[str]) -> Iterator[tuple[int, str]]:
    for key in keys:
        if not key.isascii():
            continue
        bare = bare_key(key)
        if len(bare) < TYPO_MIN_LENGTH:
            continue
        for h in typo_neighbours(bare):
            yield (h, key)


def _fill(conn: sqlite3.Connection, entries: Sequence[Entry], digest: str) -> None:
    conn.executescript(_SCHEMA)
    conn.executemany(
        "INSERT INTO entries(n, id, data) VALUES (?, ?, ?)",
        (
            (n, e.id, json.dumps(e.to_dict(), ensure_ascii=False, separators=(",", ":")))
            for n, e in enumerate(entries)
        ),
    )
    best: dict[tuple[str, int], KeyRow] = {}
    for n, entry in enumerate(entries):
        for row in entry_keys(entry, n):
            if not row.key:
                continue
            old = best.get((row.key, n))
            if old is None or row.score > old.score:
                best[(row.key, n)] = row
    conn.executemany("INSERT INTO keys VALUES (?, ?, ?, ?, ?, ?)", sorted(best.values()))
    kinds = [e.kind for e in entries]
    # The typo table: the one-deletion neighbourhood of every fuzzy key's bare part, so that
    # a near miss is scored against the few keys that can be near it, not against all. A
    # place outside Taiwan is found as written, never as a typo (Baqiao for Banqiao).
    fuzzy = {row.key for (_, n), row in best.items() if _is_fuzzy(row, kinds[n])}
    conn.executemany("INSERT OR IGNORE INTO typos VALUES (?, ?)", sorted(_typo_rows(fuzzy)))
    # Every distinct key that can name something in text, in order, in one row: what a text
    # scanner is built from, read in milliseconds (a SELECT DISTINCT walks every row of the
    # keys table: 0.3 s for 29k roads). A foreign place's bare names and readings are left
    # out (names_in_text): they find it in lookups, never in text.
    keys = sorted({key for (key, n), row in best.items() if names_in_text(kinds[n], row)})
    distinct = "\n".join(keys)
    prefixes = sorted(
        {latin_key(t.text) for e in entries for t in e.en if t.match == "prefix"} - {""}
    )
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("format", FORMAT_VERSION),
            ("hash", digest),
            ("entries", str(len(entries))),
            ("keys", distinct),
            ("key_count", str(len(keys))),
            ("longest_key", str(max(map(len, keys), default=0))),
            ("prefix_keys", "\n".join(prefixes)),
        ],
    )
    conn.commit()


@dataclass(frozen=True, slots=True)
class IndexInfo:
    """Where an index lives and what it holds."""

    path: Path | None  # None when built in memory
    digest: str
    entries: int
    built: bool  # True if this process built it, False if read from the cache


def _is_fuzzy(row: KeyRow, kind: Kind) -> bool:
    """Whether near misses are scored against this row (of an entry of this ``kind``):
    English terms and their variants and Hanyu readings (the readings in five more systems
    would triple the keys, for typos of spellings that exact and parsed lookups already
    find), of Taiwan's names only (a place outside Taiwan is found as written: a typo of
    Banqiao is not Xi'an's Baqiao). _FUZZY_SQL says the same in SQL."""
    return (
        kind is not Kind.FOREIGN_PLACE
        and row.match != "script"
        and (row.match != "pinyin" or row.system == "hanyu")
    )


#: The rows near misses are scored against, as _is_fuzzy says.
_FUZZY_SQL = (
    "SELECT key, n FROM keys WHERE match != 'script' AND (match != 'pinyin' OR system = 'hanyu')"
    ' AND n NOT IN (SELECT n FROM entries WHERE instr(data, \'"kind":"foreign-place"\') > 0)'
)

_ROWS_SQL = (
    "SELECT k.n, k.match, k.score, k.term, k.system, e.data"
    " FROM keys AS k JOIN entries AS e ON e.n = k.n WHERE k.key = ? ORDER BY k.n"
)
_MANY_ROWS_SQL = (
    "SELECT k.key, k.n, k.match, k.score, k.term, k.system, e.data"
    " FROM keys AS k JOIN entries AS e ON e.n = k.n WHERE k.key IN ({})"
    " ORDER BY k.key, k.n"
)
#: Keys per statement (SQLite allows 999 parameters in older builds).
_CHUNK = 500


class Index:
    """A read-only view of a compiled index."""

    def __init__(
        self, conn: _Connection, info: IndexInfo, meta: dict[str, str] | None = None
    ) -> None:
        self._conn = conn
        self.info = info
        self._meta = meta
        self._entries: dict[int, Entry] = {}
        self._rows: dict[str, list[KeyRow]] = {}
        self._numbers: dict[str, int | None] = {}
        self._fuzzy: tuple[list[str], list[int], list[str], list[int]] | None = None

    def rows(self, key: str) -> list[KeyRow]:
        """The rows stored under ``key`` (kept in a bounded cache: texts repeat names)."""
        rows = self._rows.get(key)
        if rows is None:
            # One statement brings the rows and their entries: a name looked up for the
            # first time costs one B-tree search, not one per entry.
            cursor = self._conn.execute(_ROWS_SQL, (key,))
            rows = []
            entries = self._entries
            for n, match, score, term, system, data in cursor.fetchall():
                rows.append(KeyRow(key, n, match, score, term, system))
                if n not in entries:
                    entries[n] = Entry.from_dict(json.loads(data))
            if len(self._rows) >= ROWS_CACHE_SIZE:
                self._rows.clear()
            self._rows[key] = rows
        return rows

    def load_rows(self, keys: Iterable[str]) -> None:
        """Bring the rows of many keys into the cache :meth:`rows` reads, a few hundred
        keys a statement (a text's first annotation asks for thousands)."""
        wanted = [key for key in dict.fromkeys(keys) if key not in self._rows]
        entries = self._entries
        for i in range(0, len(wanted), _CHUNK):
            chunk = wanted[i : i + _CHUNK]
            found: dict[str, list[KeyRow]] = {key: [] for key in chunk}
            sql = _MANY_ROWS_SQL.format(",".join("?" * len(chunk)))
            for key, n, match, score, term, system, data in self._conn.execute(sql, chunk):
                found[key].append(KeyRow(key, n, match, score, term, system))
                if n not in entries:
                    entries[n] = Entry.from_dict(json.loads(data))
            if len(self._rows) + len(found) > ROWS_CACHE_SIZE:
                self._rows.clear()
            self._rows.update(found)

    def entry(self, n: int) -> Entry:
        """The entry numbered ``n`` (decoded once, then kept)."""
        entry = self._entries.get(n)
        if entry is None:
            row = self._conn.execute("SELECT data FROM entries WHERE n = ?", (n,)).fetchone()
            entry = Entry.from_dict(json.loads(row[0]))
            self._entries[n] = entry
        return entry

    def number(self, ident: str) -> int | None:
        """The number of the entry with id ``ident``, or None (remembered: parents are
        asked for again and again when homonyms are decided)."""
        if ident in self._numbers:
            return self._numbers[ident]
        row = self._conn.execute("SELECT n FROM entries WHERE id = ?", (ident,)).fetchone()
        n = None if row is None else int(row[0])
        if len(self._numbers) < 100_000:
            self._numbers[ident] = n
        return n

    def parent(self, entry: Entry) -> Entry | None:
        """The entry's parent entry, if the index has it."""
        if entry.parent is None:
            return None
        n = self.number(entry.parent)
        return None if n is None else self.entry(n)

    def ancestors(self, entry: Entry) -> list[str]:
        """The ids of the entry's parent, its parent's parent..., nearest first (a cycle,
        which validation refuses, ends the walk)."""
        out: list[str] = []
        current: Entry | None = entry
        while current is not None and current.parent and current.parent not in out:
            out.append(current.parent)
            current = self.parent(current)
        return out

    def __len__(self) -> int:
        return self.info.entries

    def __iter__(self) -> Iterator[Entry]:
        for n in range(self.info.entries):
            yield self.entry(n)

    def fuzzy_choices(self) -> tuple[list[str], list[int], list[str], list[int]]:
        """All keys for fuzzy matching: (latin keys, their entries, Chinese keys, theirs)."""
        if self._fuzzy is None:
            latin: list[str] = []
            latin_n: list[int] = []
            cjk: list[str] = []
            cjk_n: list[int] = []
            # Near misses are scored against English terms and Hanyu readings only: the
            # readings in five more systems would triple the keys and the time of every
            # fuzzy lookup, for typos of spellings that exact and parsed lookups already find.
            for key, n in self._conn.execute(_FUZZY_SQL):
                if key.isascii():
                    latin.append(key)
                    latin_n.append(n)
                else:
                    cjk.append(key)
                    cjk_n.append(n)
            self._fuzzy = (latin, latin_n, cjk, cjk_n)
        return self._fuzzy

    def typo_candidates(self, bare: str) -> list[str]:
        """The fuzzy keys whose bare part is within one deletion (each side) of ``bare``:
        the only keys a near miss of a name with this bare part can score well against.
        One indexed query, whatever the term base's size."""
        hashes = sorted(typo_neighbours(bare))
        marks = ",".join("?" * len(hashes))
        sql = f"SELECT DISTINCT key FROM typos WHERE h IN ({marks}) ORDER BY key"
        return [str(key) for (key,) in self._conn.execute(sql, hashes)]

    def fuzzy_rows(self, key: str) -> list[KeyRow]:
        """The rows of ``key`` that near misses are scored against (see _is_fuzzy)."""
        return [row for row in self.rows(key) if _is_fuzzy(row, self.entry(row.n).kind)]

    def entries_mentioning(self, fragment: str) -> list[Entry]:
        """The entries whose stored JSON contains ``fragment`` (a quick filter, e.g. for
        the few terms with matching controls)."""
        rows = self._conn.execute("SELECT n FROM entries WHERE instr(data, ?) > 0", (fragment,))
        return [self.entry(n) for (n,) in rows.fetchall()]

    def terms(self) -> list[tuple[str, int, str | None]]:
        """Every term as the term base writes it: (term, entry number, system)."""
        rows = self._conn.execute("SELECT term, n, system FROM keys WHERE match = 'term'")
        return [(str(t), int(n), s) for t, n, s in rows.fetchall()]

    def meta(self, name: str) -> str:
        """A value stored with the index when it was built (key_count, longest_key,
        prefix_keys...), or "" if there is none. The list of every key is :meth:`keys`."""
        if self._meta is None:
            self._meta = _read_meta(self._conn)
        return self._meta.get(name, "")

    def present(self, keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` the index holds: a short text's names are found by asking for
        its substrings, where building an automaton of every key would take longer."""
        wanted = list(dict.fromkeys(keys))
        out: set[str] = set()
        for i in range(0, len(wanted), _CHUNK):
            chunk = wanted[i : i + _CHUNK]
            sql = f"SELECT DISTINCT key FROM keys WHERE key IN ({','.join('?' * len(chunk))})"
            out.update(str(k) for (k,) in self._conn.execute(sql, chunk))
        return out

    def keys(self) -> list[str]:
        """Every distinct key, in key order (what a text scanner searches for)."""
        (joined,) = self._conn.execute("SELECT value FROM meta WHERE key = 'keys'").fetchone()
        return str(joined).split("\n") if joined else []

    def close(self) -> None:
        self._conn.close()


class _Rows(list[tuple[Any, ...]]):
    """A statement's rows, all fetched: a damaged file fails in :meth:`_Connection.execute`,
    where it can be rebuilt, not half-way through a loop over a cursor."""

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self

    def fetchone(self) -> Any:
        return self[0] if self else None


class _Connection:
    """The index's SQLite connection. A database error on a cached file (a damaged disk
    image, an I/O error) discards the file and rebuilds the index once, with one warning;
    the statement is then run again on the new one. The entries and their numbers are the
    same in the new index (the term base is), so what was read before stays right."""

    __slots__ = ("_conn", "_lock", "_rebuild")

    def __init__(
        self, conn: sqlite3.Connection, rebuild: Callable[[], sqlite3.Connection] | None = None
    ) -> None:
        self._conn = conn
        self._rebuild = rebuild
        self._lock = threading.Lock()

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> _Rows:
        conn = self._conn
        try:
            return _Rows(conn.execute(sql, parameters).fetchall())
        except sqlite3.DatabaseError as exc:
            with self._lock:  # threads sharing a Glossary: one rebuilds, the others wait
                if self._conn is conn:
                    # once: a fresh index that fails is a bug, not damage
                    rebuild, self._rebuild = self._rebuild, None
                    if rebuild is None:
                        raise
                    with contextlib.suppress(sqlite3.Error):
                        conn.close()
                    self._conn = rebuild()
                    _warn_damaged(exc)
            return _Rows(self._conn.execute(sql, parameters).fetchall())

    def close(self) -> None:
        self._conn.close()


def _warn_damaged(exc: BaseException) -> None:
    warnings.warn(
        f"the cached index could not be read ({exc}); rebuilt it", RuntimeWarning, stacklevel=2
    )


def _read_meta(conn: sqlite3.Connection | _Connection) -> dict[str, str]:
    """The meta table but its list of every key, in one pass. Never ``WHERE key = ?``: a
    search of the table's B-tree that meets the row of the list (megabytes on overflow
    pages) reads all of it to compare keys, 5-15 ms for 50,000 entries; a scan does not."""
    rows = conn.execute("SELECT key, value FROM meta WHERE key != 'keys'").fetchall()
    return {str(key): str(value) for key, value in rows}


def _open_cached(path: Path, digest: str) -> tuple[sqlite3.Connection, dict[str, str]] | None:
    """A cached index opened read-only and its meta table, or None if it is missing or
    stale. A file that is there but is not a readable index (damaged) is removed, with a
    warning, for a rebuild.

    Raises:
        OSError: The cache directory cannot be looked into (the caller builds in memory).
    """
    if not path.is_file():
        return None
    try:
        # immutable=1: an index file is never changed once renamed into place (a changed
        # term base gets a new file), so SQLite may skip locking and change detection,
        # which otherwise cost more than the B-tree search of a lookup.
        conn = sqlite3.connect(
            f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
        )
    except sqlite3.Error:
        return None
    try:
        meta = _read_meta(conn)
        if meta.get("format") == FORMAT_VERSION and meta.get("hash") == digest:
            int(meta["entries"])
            return conn, meta
        conn.close()
        return None  # another version's file under this name: replaced by the build
    except (sqlite3.DatabaseError, KeyError, ValueError) as exc:
        conn.close()
        _warn_damaged(exc)
        with contextlib.suppress(OSError):
            path.unlink()
        return None


def _index_of(
    conn: sqlite3.Connection,
    meta: dict[str, str],
    path: Path | None,
    digest: str,
    *,
    built: bool,
    rebuild: Callable[[], sqlite3.Connection] | None = None,
) -> Index:
    info = IndexInfo(path, digest, int(meta["entries"]), built=built)
    return Index(_Connection(conn, rebuild), info, meta)


#: Temp files of builds, in the cache directory (see :func:`temp_path_beside`).
_TEMP_GLOB = ".index-*.tmp"


def _prune(directory: Path, keep: Path) -> None:
    """Remove all but the newest :data:`KEEP_FILES` index files, and the temp files of
    builds that were killed. Called with the build lock held: no other build is running,
    so every temp file there is left over."""
    with contextlib.suppress(OSError):
        files = sorted(
            directory.glob("index-*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in files[KEEP_FILES:]:
            if old != keep:
                old.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        for stale in directory.glob(_TEMP_GLOB):
            stale.unlink(missing_ok=True)


@contextlib.contextmanager
def _build_lock(directory: Path) -> Iterator[bool]:
    """Hold the cache directory's build lock (waiting for it): one process builds an
    index, and the others racing for the same one wait and then read it. Yields False,
    holding nothing, where the lock cannot be taken (no fcntl, as on Windows, or a cache
    directory that cannot be written): builds may then race, each ending with a good file."""
    fd = _lock_file(directory)
    if fd is None:
        yield False
        return
    try:
        yield _locked(fd)
    finally:
        os.close(fd)  # releases the lock


def _lock_file(directory: Path) -> int | None:
    try:
        import fcntl  # noqa: F401 (only where it exists)
    except ImportError:  # pragma: no cover (Windows)
        return None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        return os.open(directory / ".build.lock", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return None


def _locked(fd: int) -> bool:
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError:  # a file system without locks
        return False
    return True


def open_index(layers: Sequence[Sequence[Path]], *, cache_dir: Path | None, version: str) -> Index:
    """The index for the term base files of ``layers`` (see :func:`discover`): from the
    cache if there, else read, built and cached.

    A warm start reads no term base file: the content hash that names the index is taken
    from a stamp of what ``stat`` says of the files (:mod:`glossary._stamps`, which says
    when one is written and why it can be trusted), and the files are read only when they
    stat differently, or the index is not in the cache.

    Raises:
        TermBaseError: if the files do not validate.
    """
    salt = (FORMAT_VERSION, version)
    stamp = _stamps.stat_key(layers, *salt) if cache_dir is not None else None
    if cache_dir is not None and stamp is not None:
        digest = _stamps.lookup(cache_dir, stamp[0])
        if digest is not None:
            path = _index_path(cache_dir, digest)
            try:
                cached = _open_cached(path, digest)
            except OSError:
                cached = None
            if cached is not None:

                def reread() -> sqlite3.Connection:
                    files, issues = read_layers(layers)
                    digest = content_hash(files, *salt, *map(str, issues))
                    return _rebuild(path, files, issues, digest)

                return _index_of(*cached, path, digest, built=False, rebuild=reread)
    read_at = _stamps.now_ns()
    files, issues = read_layers(layers)
    index = load_index(files, issues, cache_dir=cache_dir, version=version)
    if (
        cache_dir is not None
        and stamp is not None
        and not issues
        and index.info.path is not None
        and _stamps.stat_key(layers, *salt) == stamp  # not written while being read
    ):
        _stamps.remember(cache_dir, stamp[0], stamp[1], read_at, index.info.digest)
    return index


def _index_path(cache_dir: Path, digest: str) -> Path:
    return cache_dir / f"index-{digest[:32]}.sqlite"


def _rebuild(
    path: Path, files: Sequence[SourceFile], read_issues: Sequence[Issue], digest: str
) -> sqlite3.Connection:
    """A new index in place of the damaged file at ``path``."""
    with contextlib.suppress(OSError):
        path.unlink()
    return _build(path, files, read_issues, digest)[0]


def load_index(
    files: Sequence[SourceFile],
    read_issues: Sequence[Issue],
    *,
    cache_dir: Path | None,
    version: str,
) -> Index:
    """The index for these files: from the cache if there, else built (and cached).

    A cache that cannot be used (a directory that cannot be read or written, a full disk)
    is no reason to fail: the index is then built in memory. A cached file that turns out
    to be damaged is removed and rebuilt, with one warning (a :class:`RuntimeWarning`).

    Raises:
        TermBaseError: if the files do not validate.
    """
    digest = content_hash(files, FORMAT_VERSION, version, *(str(i) for i in read_issues))
    path = _index_path(cache_dir, digest) if cache_dir is not None else None

    def rebuild() -> sqlite3.Connection:
        assert path is not None
        return _rebuild(path, files, read_issues, digest)

    if path is not None:
        try:
            cached = _open_cached(path, digest)
        except OSError:
            cached = None
        if cached is not None:
            return _index_of(*cached, path, digest, built=False, rebuild=rebuild)
    conn, meta, where, built = _build(path, files, read_issues, digest)
    return _index_of(conn, meta, where, digest, built=built, rebuild=rebuild if where else None)


def _build(
    path: Path | None, files: Sequence[SourceFile], read_issues: Sequence[Issue], digest: str
) -> tuple[sqlite3.Connection, dict[str, str], Path | None, bool]:
    """Build the index into ``path`` (the cache) under the build lock, or read it there if
    another process built it while this one waited; in memory when the cache cannot be
    used. Returns the connection, its meta table, the file it reads (None: memory) and
    whether this process built it."""
    from glossary._termbase import TermBase

    entries: list[Entry] | None = None
    if path is not None:
        try:
            with _build_lock(path.parent):
                cached = _open_cached(path, digest)
                if cached is not None:
                    return *cached, path, False
                entries = list(TermBase.from_files(files, read_issues))
                return *_build_file(path, entries, digest), path, True
        except (OSError, sqlite3.Error, CacheError):
            pass  # an unwritable cache is no reason to fail: build in memory instead
    if entries is None:
        entries = list(TermBase.from_files(files, read_issues))
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    _fill(conn, entries, digest)
    return conn, _read_meta(conn), None, True


def _build_file(
    path: Path, entries: Sequence[Entry], digest: str
) -> tuple[sqlite3.Connection, dict[str, str]]:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path_beside(path)
    try:
        tmp.unlink()
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            _fill(conn, entries, digest)
        finally:
            conn.close()
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _prune(path.parent, path)
    written = _open_cached(path, digest)
    if written is None:
        raise CacheError(f"the index just written could not be read back: {path}")
    return written
