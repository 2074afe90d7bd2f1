"""Stamps: the content hash of the term base files remembered by what ``stat`` says of them,
so that a warm start reads no term base file, and never a stale index."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from glossary import Glossary, _index, _stamps

from .test_index import ALONE

#: How far ahead the clock is made to run, so that files just written count as settled.
LATER = 10 * _stamps.SETTLED_NS


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A one-entry term base file, to be used with ``builtin=False``."""
    path = tmp_path / "roads.yaml"
    path.write_text(ALONE, encoding="utf-8")
    return path


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files just written count as settled: the clock the stamps read runs ahead."""
    monkeypatch.setattr(_stamps, "now_ns", lambda: time.time_ns() + LATER)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the term base files are read (one item a reading)."""
    count: list[int] = []
    real = _index.read_layers

    def counting(layers: object) -> object:
        count.append(1)
        return real(layers)  # type: ignore[arg-type]

    monkeypatch.setattr(_index, "read_layers", counting)
    return count


def _stamp_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("stamp-*.txt"))


@pytest.mark.usefixtures("settled")
def test_warm_start_reads_no_term_base_file(tmp_path: Path, small: Path, reads: list[int]) -> None:
    """Once a stamp is written, a later Glossary finds its index without reading a file."""
    cache = tmp_path / "cache"
    first = Glossary([small], builtin=False, cache_dir=cache)
    assert first.index_info.built
    assert len(reads) == 1
    assert len(_stamp_files(cache)) == 1
    second = Glossary([small], builtin=False, cache_dir=cache)
    assert not second.index_info.built
    assert second.index_info.digest == first.index_info.digest
    assert second.get("Xitun Rd.") == first.get("Xitun Rd.")
    assert len(reads) == 1


@pytest.mark.usefixtures("settled")
def test_a_rewrite_with_the_same_size_and_mtime_is_seen(tmp_path: Path, small: Path) -> None:
    """Content changed in place, same size, modification time put back (as ``cp -p`` or
    ``touch -r`` can): the status-change time differs, so the files are read again."""
    cache = tmp_path / "cache"
    assert Glossary([small], builtin=False, cache_dir=cache).get("Xitun Rd.") is not None
    before = small.stat()
    time.sleep(0.05)  # past the file system's clock tick
    small.write_text(ALONE.replace("Xitun Rd.", "Xitun Rx."), encoding="utf-8")
    os.utime(small, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert small.stat().st_size == before.st_size
    assert small.stat().st_mtime_ns == before.st_mtime_ns
    if small.stat().st_ctime_ns == before.st_ctime_ns:  # pragma: no cover
        pytest.skip("this file system's clock ticks slower than 50 ms")
    g = Glossary([small], builtin=False, cache_dir=cache)
    assert g.index_info.built
    assert g.get("Xitun Rd.") is None
    assert g.get("Xitun Rx.") is not None


@pytest.mark.usefixtures("settled")
def test_a_replaced_file_is_seen(tmp_path: Path, small: Path) -> None:
    """An editor's save (a new file renamed over the old one) is a new inode: read again."""
    cache = tmp_path / "cache"
    Glossary([small], builtin=False, cache_dir=cache)._index  # noqa: B018 - builds it
    new = tmp_path / "new.yaml"
    new.write_text(ALONE.replace("Xitun Rd.", "Xitun Rx."), encoding="utf-8")
    new.replace(small)
    assert Glossary([small], builtin=False, cache_dir=cache).get("Xitun Rx.") is not None


def test_files_written_just_now_are_hashed_every_time(
    tmp_path: Path, small: Path, reads: list[int]
) -> None:
    """A file written within SETTLED_NS of its reading could be written again within the
    same clock tick, unseen by stat: no stamp is written for it, and it is read each time."""
    cache = tmp_path / "cache"
    Glossary([small], builtin=False, cache_dir=cache)._index  # noqa: B018
    assert _stamp_files(cache) == []
    small.write_text(ALONE.replace("Xitun Rd.", "Xitun Rx."), encoding="utf-8")  # same tick
    g = Glossary([small], builtin=False, cache_dir=cache)
    assert g.get("Xitun Rx.") is not None
    assert len(reads) == 2


def test_a_settled_file_is_stamped_with_the_real_clock(tmp_path: Path, small: Path) -> None:
    """With the real clock, a file whose times are older than SETTLED_NS gets its stamp."""
    cache = tmp_path / "cache"
    old = time.time_ns() - 2 * _stamps.SETTLED_NS
    os.utime(small, ns=(old, old))  # sets the mtime; the ctime is now
    Glossary([small], builtin=False, cache_dir=cache)._index  # noqa: B018
    assert _stamp_files(cache) == []  # the status change was just now
    key = _stamps.stat_key([[small]], "x")
    assert key is not None
    read_at = key[1] + _stamps.SETTLED_NS + 1
    assert _stamps.remember(cache, key[0], key[1], read_at, "0" * 64)
    assert not _stamps.remember(cache, key[0], key[1], read_at - 2, "0" * 64)
    assert _stamps.lookup(cache, key[0]) == "0" * 64


@pytest.mark.usefixtures("settled")
def test_a_file_written_while_read_gets_no_stamp(
    tmp_path: Path, small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files that stat differently after reading than before are not stamped."""
    cache = tmp_path / "cache"
    real = _index.read_layers

    def writing(layers: object) -> object:
        out = real(layers)  # type: ignore[arg-type]
        small.write_text(ALONE.replace("Xitun Rd.", "Xitun Road"), encoding="utf-8")
        return out

    monkeypatch.setattr(_index, "read_layers", writing)
    Glossary([small], builtin=False, cache_dir=cache)._index  # noqa: B018
    assert _stamp_files(cache) == []
    monkeypatch.setattr(_index, "read_layers", real)
    assert Glossary([small], builtin=False, cache_dir=cache).get("Xitun Road") is not None


@pytest.mark.usefixtures("settled")
@pytest.mark.parametrize(
    "stamp",
    ["", "torn", "another key\n" + "0" * 64, "{key}\n" + "0" * 10],
    ids=["empty", "torn", "other-key", "short-hash"],
)
def test_a_bad_stamp_is_ignored(tmp_path: Path, small: Path, stamp: str) -> None:
    """A stamp that is empty, torn, of another key (a CRC shared) or without a whole hash
    is no hit: the files are read, and the index is the right one."""
    cache = tmp_path / "cache"
    good = Glossary([small], builtin=False, cache_dir=cache).index_info.digest
    [path] = _stamp_files(cache)
    key = path.read_text(encoding="utf-8").rpartition("\n")[0]
    path.write_text(stamp.replace("{key}", key), encoding="utf-8")
    g = Glossary([small], builtin=False, cache_dir=cache)
    assert g.index_info.digest == good
    assert g.get("Xitun Rd.") is not None


@pytest.mark.usefixtures("settled")
def test_a_stamp_naming_a_pruned_index_reads_the_files(tmp_path: Path, small: Path) -> None:
    """The stamp's index gone from the cache: the files are read and the index built."""
    cache = tmp_path / "cache"
    first = Glossary([small], builtin=False, cache_dir=cache).index_info
    assert first.path is not None
    first.path.unlink()
    g = Glossary([small], builtin=False, cache_dir=cache)
    assert g.index_info.built
    assert g.index_info.digest == first.digest


@pytest.mark.usefixtures("settled")
def test_a_damaged_index_found_by_stamp_is_rebuilt(tmp_path: Path, small: Path) -> None:
    """A damaged index reached through a stamp is rebuilt from the files, with a warning."""
    cache = tmp_path / "cache"
    info = Glossary([small], builtin=False, cache_dir=cache).index_info
    assert info.path is not None
    g = Glossary([small], builtin=False, cache_dir=cache)
    assert not g.index_info.built
    with info.path.open("r+b") as handle:  # the pages after the first: queries fail
        handle.seek(4096)
        handle.write(b"\xff" * (info.path.stat().st_size - 4096))
    with pytest.warns(RuntimeWarning, match="rebuilt it"):
        assert g.get("Xitun Rd.") is not None


@pytest.mark.usefixtures("settled")
def test_missing_file_and_no_cache_write_no_stamp(tmp_path: Path, small: Path) -> None:
    """A layer naming a missing file is read (and reported) as before; without a cache
    directory nothing is remembered."""
    cache = tmp_path / "cache"
    with pytest.raises(Exception, match="no such file"):
        Glossary([small, tmp_path / "gone.yaml"], builtin=False, cache_dir=cache)._index  # noqa: B018
    assert _stamp_files(cache) == []
    assert Glossary([small], builtin=False, cache_dir=None).index_info.path is None
    assert _stamp_files(cache) == []


@pytest.mark.usefixtures("settled")
def test_old_stamps_are_pruned(tmp_path: Path, small: Path) -> None:
    """Only the newest KEEP_STAMPS stamps stay in the cache directory."""
    cache = tmp_path / "cache"
    cache.mkdir()
    for i in range(_stamps.KEEP_STAMPS + 3):
        old = cache / f"stamp-{i:08x}.txt"
        old.write_text("old", encoding="utf-8")
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    Glossary([small], builtin=False, cache_dir=cache)._index  # noqa: B018
    stamps = _stamp_files(cache)
    assert len(stamps) == _stamps.KEEP_STAMPS
    assert cache / f"stamp-{0:08x}.txt" not in stamps  # the oldest went first


def test_the_key_changes_with_layers_paths_and_versions(tmp_path: Path, small: Path) -> None:
    """The same file in another layer, under another path, or with another format or
    package version is another key."""
    link = tmp_path / "link.yaml"
    link.symlink_to(small)
    keys = {
        _stamps.stat_key([[small]], "12", "0.1.0"),
        _stamps.stat_key([[], [small]], "12", "0.1.0"),
        _stamps.stat_key([[link]], "12", "0.1.0"),
        _stamps.stat_key([[small]], "13", "0.1.0"),
        _stamps.stat_key([[small]], "12", "0.2.0"),
    }
    assert len({key[0] for key in keys if key is not None}) == 5
    assert _stamps.stat_key([[tmp_path]], "12") is None  # a directory: read, and refused
    assert _stamps.stat_key([[tmp_path / "gone.yaml"]], "12") is None
