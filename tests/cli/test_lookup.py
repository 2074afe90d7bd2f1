"""`glossary lookup`: every spelling and script, JSON, misses."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import script_or_skip

from .helpers import run


def test_lookup_prints_entry() -> None:
    """`glossary lookup Situn` prints the house name, Chinese, id and how it matched."""
    code, out, err = run("lookup", "Situn")
    assert code == 0, err
    assert out.splitlines()[0] == "Xitun District (西屯區)  [taichung-city-xitun]"
    assert "district in Taichung City" in out
    assert "matched 'Situn District' by variant (tongyong), score 95" in out
    assert err == ""


@pytest.mark.parametrize(
    ("query", "ident"),
    [
        ("Situn", "taichung-city-xitun"),
        ("西屯", "taichung-city-xitun"),
        ("西屯区", "taichung-city-xitun"),
        ("xitun", "taichung-city-xitun"),
        ("liu shyh-fang", "liu-shyh-fang"),
        ("Shidng", "new-taipei-city-shiding"),
    ],
)
def test_lookup_done_means(query: str, ident: str) -> None:
    """Each lookup named in the foundation issue prints the right entry first."""
    code, out, _ = run("lookup", query)
    assert code == 0
    assert out.splitlines()[0].endswith(f"[{ident}]")


def test_lookup_json() -> None:
    """--json prints id, Chinese, English terms with statuses, match kind and score."""
    code, out, _ = run("lookup", "西屯区", "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["query"] == "西屯区"
    [hit] = payload["hits"]
    assert hit["id"] == "taichung-city-xitun"
    assert hit["chinese"] == "西屯區"
    assert hit["english"] == "Xitun District"
    assert hit["parent_english"] == "Taichung City"
    assert {"term": "Situn District", "status": "admitted"}.items() <= hit["en"][1].items()
    assert hit["match"] == "script"
    assert hit["score"] == 98


def test_lookup_ambiguous_lists_candidates() -> None:
    """An ambiguous name says so and lists every candidate with its parent."""
    code, out, _ = run("lookup", "信義區")
    assert code == 0
    assert out.startswith("'信義區' is ambiguous: 2 entries match.")
    assert "district in Keelung City" in out
    assert "district in Taipei City" in out


def test_lookup_miss_exits_1_with_suggestions() -> None:
    """No match: exit 1, one line on stderr naming the query and the closest entries."""
    code, out, err = run("lookup", "Shidingg Distric", "--cutoff", "99")
    assert code == 1
    assert out == ""
    assert err.startswith("glossary: error: no entry matches 'Shidingg Distric'; closest: ")
    assert "Shiding District (石碇區)" in err
    assert err.count("\n") == 1


def test_lookup_miss_json() -> None:
    """With --json a miss still prints valid JSON (no hits, suggestions) and exits 1."""
    code, out, _ = run("lookup", "Shidingg Distric", "--cutoff", "99", "--json")
    assert code == 1
    payload = json.loads(out)
    assert payload["hits"] == []
    assert payload["suggestions"][0]["id"] == "new-taipei-city-shiding"


def test_lookup_empty_query_is_an_error() -> None:
    """An empty query is a one-line error, exit 1."""
    code, _, err = run("lookup", "  ")
    assert code == 1
    assert err == "glossary: error: the query is empty\n"


def test_installed_script_from_another_directory(tmp_path: Path) -> None:
    """The installed `glossary` script finds its built-in term base from any directory."""
    result = subprocess.run(
        [str(script_or_skip()), "lookup", "Situn"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Xitun District (西屯區)  [taichung-city-xitun]")


ROMANIZED_LOOKUPS = [
    ("Hsi-t'un", "taichung-city-xitun", "wade-giles"),
    ("Shituen", "taichung-city-xitun", "mps2"),
    ("Liu Shih-fang", "liu-shyh-fang", "wade-giles"),
    ("Wang Jin-pyng", "wang-jin-pyng", None),
    ("Ma Ying-jeou", "ma-ying-jeou", None),
]


@pytest.mark.parametrize(("query", "ident", "system"), ROMANIZED_LOOKUPS)
def test_lookup_in_any_system(query: str, ident: str, system: str | None) -> None:
    """Spellings nobody typed into the YAML find their entry, and say which system matched."""
    code, out, err = run("lookup", query)
    assert code == 0, err
    assert out.splitlines()[0].endswith(f"[{ident}]")
    if system is not None:
        assert f"matched the {system} reading of" in out


@pytest.mark.parametrize(
    ("query", "match", "system"),
    [
        ("Hsin-chuang", "variant", "wade-giles"),  # admitted terms: typed in, sourced
        ("Sinjhuang", "variant", "tongyong"),
        ("Shinjuang", "pinyin", "mps2"),  # derived from the reading
    ],
)
def test_lookup_json_names_the_system(query: str, match: str, system: str) -> None:
    code, out, _ = run("lookup", query, "--json")
    assert code == 0
    [hit] = json.loads(out)["hits"]
    assert (hit["id"], hit["match"], hit["matched_system"]) == (
        "new-taipei-city-xinzhuang",
        match,
        system,
    )


def test_lookup_mixed_spelling_reads_it() -> None:
    """A spelling in no single system (Hanyu zhong + Wade-Giles ho) is read syllable by syllable."""
    code, out, _ = run("lookup", "Zhongho")
    assert code == 0
    assert out.splitlines()[0].endswith("[new-taipei-city-zhonghe]")
    assert "matched the mixed-system reading of 中和" in out


@pytest.mark.parametrize(("query", "ident", "system"), ROMANIZED_LOOKUPS)
def test_installed_script_finds_romanized_names(
    query: str, ident: str, system: str | None, tmp_path: Path
) -> None:
    """The five lookups of the romanization issue, through the installed script."""
    result = subprocess.run(
        [str(script_or_skip()), "lookup", query],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith(f"[{ident}]")
