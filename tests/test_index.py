"""The compiled index and its on-disk cache."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from glossary import Glossary, TermBaseError
from glossary._index import KEEP_FILES, everyday_chinese_keys
from glossary._vocab import strip_generic_en, strip_generic_zh

from .conftest import ROAD

#: The one-entry term base standing alone (no parent in the built-in term base): the cache
#: mechanics are the same for it as for the built-in term base, and it builds in an instant.
ALONE = ROAD.replace("  parent: taichung-city-xitun\n", "")


def _index_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("index-*.sqlite"))


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A one-entry term base file, to be used with ``builtin=False``."""
    path = tmp_path / "roads.yaml"
    path.write_text(ALONE, encoding="utf-8")
    return path


def test_built_once_then_read_from_cache(tmp_path: Path, small: Path) -> None:
    """The first Glossary builds and caches the index; the next one reads it."""
    cache = tmp_path / "cache"
    first = Glossary([small], builtin=False, cache_dir=cache)
    assert first.index_info.built
    [cached] = _index_files(cache)
    second = Glossary([small], builtin=False, cache_dir=cache)
    assert not second.index_info.built
    assert second.index_info.path == cached
    assert second.get("Xitun Rd.") == first.get("Xitun Rd.")
    assert second.get("Xitun Rd.") is not None


def test_changed_term_base_gets_a_new_index(tmp_path: Path, small: Path) -> None:
    """Editing a term base file changes the hash, so the stale index is not used."""
    termbase = small
    cache = tmp_path / "cache"
    assert Glossary([termbase], builtin=False, cache_dir=cache).get("Xitun Rd.") is not None
    termbase.write_text(ALONE.replace("Xitun Rd.", "Xitun Road"), encoding="utf-8")
    g = Glossary([termbase], builtin=False, cache_dir=cache)
    assert g.index_info.built
    assert g.get("Xitun Rd.") is None
    assert g.get("Xitun Road") is not None


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 200],
    ids=["empty", "garbage", "truncated"],
)
def test_corrupt_cache_is_rebuilt(tmp_path: Path, small: Path, damage: bytes) -> None:
    """A corrupt cache file is replaced by a good one, with one warning."""
    cache = tmp_path / "cache"
    Glossary([small], builtin=False, cache_dir=cache)._index  # noqa: B018 - builds it
    [path] = _index_files(cache)
    path.write_bytes(damage)
    g = Glossary([small], builtin=False, cache_dir=cache)
    with pytest.warns(RuntimeWarning, match="rebuilt it") as caught:
        assert g.index_info.built
    assert len(caught) == 1
    assert g.get("Xitun Rd.") is not None
    assert Glossary([small], builtin=False, cache_dir=cache).index_info.built is False


def test_wrong_hash_in_file_is_ignored(tmp_path: Path, small: Path) -> None:
    """An index whose recorded hash differs from its name is treated as stale."""
    cache = tmp_path / "cache"
    Glossary([small], builtin=False, cache_dir=cache)._index  # noqa: B018
    [path] = _index_files(cache)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = 'x' WHERE key = 'hash'")
    assert Glossary([small], builtin=False, cache_dir=cache).index_info.built


def test_unwritable_cache_falls_back_to_memory(tmp_path: Path, small: Path) -> None:
    """If the cache directory cannot be created, the index is built in memory."""
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    g = Glossary([small], builtin=False, cache_dir=blocker / "cache")
    assert g.get("Xitun Rd.") is not None
    assert g.index_info.path is None


def test_no_cache(monkeypatch: pytest.MonkeyPatch, small: Path) -> None:
    """cache_dir=None, or GLOSSARY_CACHE_DIR set empty, keeps the index in memory."""
    assert Glossary([small], builtin=False, cache_dir=None).index_info.path is None
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", "")
    g = Glossary([small], builtin=False)
    assert g.index_info.path is None
    assert g.get("Xitun Rd.") is not None


def test_old_index_files_are_pruned(tmp_path: Path, small: Path) -> None:
    """Only the most recent index files are kept in the cache directory."""
    cache = tmp_path / "cache"
    cache.mkdir()
    for i in range(KEEP_FILES + 3):
        (cache / f"index-old{i:02d}.sqlite").write_bytes(b"old")
    Glossary([small], builtin=False, cache_dir=cache)._index  # noqa: B018
    assert len(_index_files(cache)) == KEEP_FILES


def test_invalid_term_base_raises_and_caches_nothing(tmp_path: Path) -> None:
    """A term base with errors raises TermBaseError and leaves no index behind."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: x\n", encoding="utf-8")
    cache = tmp_path / "cache"
    with pytest.raises(TermBaseError):
        Glossary([bad], cache_dir=cache)._index  # noqa: B018
    assert not cache.exists() or _index_files(cache) == []


def _build_in_child(cache: str, termbase: str, queue: multiprocessing.Queue[str]) -> None:
    g = Glossary([termbase], builtin=False, cache_dir=cache)
    entry = g.get("Xitun Rd.")
    queue.put(entry.id if entry else "none")


def test_processes_racing_to_build_both_succeed(tmp_path: Path, small: Path) -> None:
    """Several processes building the same index at once all succeed, leaving one file."""
    termbase = small
    cache = tmp_path / "cache"
    ctx = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[str] = ctx.Queue()
    children = [
        ctx.Process(target=_build_in_child, args=(str(cache), str(termbase), queue))
        for _ in range(4)
    ]
    for child in children:
        child.start()
    for child in children:
        child.join(120)
        assert child.exitcode == 0
    assert sorted(queue.get(timeout=10) for _ in children) == ["taichung-city-xitun-road"] * 4
    assert len(_index_files(cache)) == 1
    assert not list(cache.glob("*.tmp"))


@pytest.mark.parametrize(
    ("term", "bare"),
    [
        ("Situn District", "Situn"),
        ("Xitun Dist.", "Xitun"),
        ("Hsinchu County", "Hsinchu"),
        ("Diaoyutai Islands", "Diaoyutai"),
        ("Liu Shyh-fang", None),
        ("District", None),
    ],
)
def test_strip_generic_en(term: str, bare: str | None) -> None:
    """The generic word comes off a place name, never leaving nothing."""
    assert strip_generic_en(term) == bare


@pytest.mark.parametrize(
    ("term", "bare"),
    [("西屯區", "西屯"), ("臺中市", "臺中"), ("東區", None), ("劉世芳", None), ("竹北市", "竹北")],
)
def test_strip_generic_zh(term: str, bare: str | None) -> None:
    """The Chinese suffix comes off only when two characters remain."""
    assert strip_generic_zh(term) == bare


def test_reading_keys_in_every_system(glossary: Glossary) -> None:
    """西屯's readings are keys in all six Latin systems, each row naming its system."""
    index = glossary._index
    found = {}
    for key in ("xitun", "hsitun", "situn", "shituen", "shitwen", "syitwun"):
        rows = [r for r in index.rows(key) if r.match == "pinyin"]
        found[key] = {(index.entry(r.n).id, r.system) for r in rows}
    assert found["hsitun"] == {("taichung-city-xitun", "wade-giles")}
    assert found["shituen"] == {("taichung-city-xitun", "mps2")}
    assert found["shitwen"] == {("taichung-city-xitun", "gwoyeu")}
    # The Hanyu reading is also the English term's key; the index keeps the better row.
    assert {index.entry(r.n).id for r in index.rows("xitun")} == {"taichung-city-xitun"}


def test_fuzzy_choices_leave_out_other_systems(glossary: Glossary) -> None:
    """Near misses are scored against English terms and Hanyu readings, not every system."""
    latin = set(glossary._index.fuzzy_choices()[0])
    assert {"xitun", "situndistrict"} <= latin
    assert not {"hsitun", "shituen", "shitwen"} & latin


def test_rows_of_many_keys_at_once_are_the_rows_of_each(session_cache: Path) -> None:
    """load_rows (a statement for hundreds of keys) fills the cache with exactly what rows()
    finds one key at a time, keys with no rows included."""
    # two Index objects over the session's built-in index (only read, never changed)
    one = Glossary(cache_dir=str(session_cache))._index
    many = Glossary(cache_dir=str(session_cache))._index
    keys = [*one.keys()[::7], "no such key", "situn", "西屯"]
    many.load_rows(keys * 2)
    for key in keys:
        assert many._rows[key] == one.rows(key), key
    assert many.rows("no such key") == []


def test_the_stored_key_list_is_every_distinct_key_in_order(session_cache: Path) -> None:
    """Index.keys() reads the list stored when the index was built: the keys table's
    distinct keys that can name something in text, in SQLite's order, none of them empty
    or holding the separator. A foreign place's bare names and readings are left out (its
    bare Chinese names too where they are everyday words: 合作 of 合作市)."""
    index = Glossary(cache_dir=str(session_cache))._index
    rows = index._conn.execute(
        'SELECT k.key, k.match, instr(e.data, \'"kind":"foreign-place"\') > 0'
        " FROM keys AS k JOIN entries AS e ON e.n = k.n ORDER BY k.key"
    ).fetchall()
    everyday = everyday_chinese_keys()
    named = [
        key
        for key, match, foreign in rows
        if not foreign or match == "term" or (not key.isascii() and key not in everyday)
    ]
    keys = index.keys()
    assert keys == list(dict.fromkeys(named))
    assert "aba" not in keys  # 阿壩縣's bare Aba
    assert "合作" not in keys
    assert "合作市" in keys
    assert "abacounty" in keys
    assert len(keys) > 1000
    assert all(key and "\n" not in key for key in keys)
