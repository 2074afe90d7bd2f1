"""The command line, through typer's CliRunner and as the installed `glossary` script."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary import __version__
from glossary.cli import app

from .conftest import BUILTIN_ENTRIES, FIXTURES, script_or_skip

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


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


def test_prefer_changes_the_english_shown() -> None:
    """--prefer tongyong shows Situn District."""
    code, out, _ = run("--prefer", "tongyong,official", "lookup", "西屯")
    assert code == 0
    assert out.startswith("Situn District (西屯區)")


def test_termbase_layer_and_env(tmp_path: Path) -> None:
    """--termbase and GLOSSARY_TERMBASE layer user files over the built-in term base."""
    road = tmp_path / "roads.yaml"
    road.write_text(
        "- id: taichung-city-xitun-fuxing-rd\n  kind: road\n  parent: taichung-city-xitun\n"
        "  zh: [福星路]\n  en: [Fuxing Rd.]\n  source: test fixture\n",
        encoding="utf-8",
    )
    code, out, _ = run("--termbase", str(road), "lookup", "Fuxing Rd")
    assert code == 0
    assert "[taichung-city-xitun-fuxing-rd]" in out
    code, out, _ = run("lookup", "福星路", env={"GLOSSARY_TERMBASE": str(road)})
    assert code == 0
    assert "road in Xitun District" in out


def test_bad_termbase_is_one_line() -> None:
    """A broken --termbase file gives one located line on stderr, exit 1, no traceback."""
    bad = FIXTURES / "termbase" / "ten_mistakes.yaml"
    code, out, err = run("--termbase", str(bad), "lookup", "Situn")
    assert code == 1
    assert out == ""
    assert err.startswith(f"glossary: error: {bad}:")
    assert "and 9 more errors; run 'glossary terms validate'" in err
    assert "Traceback" not in err


def test_validate_builtin_ok() -> None:
    """`glossary terms validate` on the built-in term base: one summary line, exit 0."""
    code, out, err = run("terms", "validate")
    assert code == 0
    assert out == f"2 files, {BUILTIN_ENTRIES} entries: 0 errors, 0 warnings\n"
    assert err == ""


def test_validate_ten_mistakes() -> None:
    """The ten-mistakes file prints ten located errors and exits 1."""
    bad = FIXTURES / "termbase" / "ten_mistakes.yaml"
    code, out, err = run("terms", "validate", str(bad))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 10
    assert all(line.startswith(f"{bad}:") for line in lines)
    assert "10 errors, 0 warnings" in err


def test_validate_strict_fails_on_warnings(tmp_path: Path) -> None:
    """--strict turns warnings into a failure."""
    twice = tmp_path / "twice.yaml"
    twice.write_text(
        "".join(
            f"- id: r{i}\n  kind: road\n  zh: [路{'一二'[i]}]\n  en: [Same Rd.]\n  source: t\n"
            for i in range(2)
        ),
        encoding="utf-8",
    )
    assert run("terms", "validate", str(twice))[0] == 0
    code, out, _ = run("terms", "validate", "--strict", str(twice))
    assert code == 1
    assert "warning: en[0]: 'Same Rd.' also names 'r0'" in out


def test_no_builtin() -> None:
    """--no-builtin leaves the built-in term base out."""
    code, _, err = run("--no-builtin", "lookup", "Situn")
    assert code == 1
    assert "no entry matches 'Situn'" in err


def test_version_and_help() -> None:
    """--version prints the version; no arguments print help (exit 2, usage)."""
    assert run("--version")[1] == f"glossary {__version__}\n"
    code, out, _ = run("--help")
    assert code == 0
    assert "lookup" in out
    assert "terms" in out


def test_usage_error_exits_2() -> None:
    """An unknown option is a usage error: exit 2."""
    assert run("lookup", "--no-such-option", "x")[0] == 2


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


def test_installed_help_needs_no_cache(tmp_path: Path) -> None:
    """`glossary --help` works, and builds no index, with an empty cache directory."""
    import os

    cache = tmp_path / "cache"
    env = {**os.environ, "GLOSSARY_CACHE_DIR": str(cache)}
    result = subprocess.run(
        [str(script_or_skip()), "--help"], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0
    assert "lookup" in result.stdout
    assert not cache.exists()


# -- romanization (issue 3) ---------------------------------------------------------------------

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
    ("query", "system"),
    [("Hsin-chuang", "wade-giles"), ("Sinjhuang", "tongyong"), ("Shinjuang", "mps2")],
)
def test_lookup_json_names_the_system(query: str, system: str) -> None:
    code, out, _ = run("lookup", query, "--json")
    assert code == 0
    [hit] = json.loads(out)["hits"]
    assert (hit["id"], hit["match"], hit["matched_system"]) == (
        "new-taipei-city-xinzhuang",
        "pinyin",
        system,
    )


def test_lookup_mixed_spelling_reads_it() -> None:
    """A spelling in no single system (Hanyu zhong + Wade-Giles ho) is read syllable by syllable."""
    code, out, _ = run("lookup", "Zhongho")
    assert code == 0
    assert out.splitlines()[0].endswith("[new-taipei-city-zhonghe]")
    assert "matched the mixed-system reading of 中和" in out


def test_romanize_chinese_table() -> None:
    code, out, err = run("romanize", "西屯")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "西屯  xi1 tun2"
    assert "  wade-giles  Hsi-t'un" in lines
    assert "  mps2        Shituen" in lines
    assert "  tongyong    Situn" in lines
    assert lines[-1] == "In the term base: Xitun District (西屯區) [taichung-city-xitun]"


def test_romanize_person_from_term_base() -> None:
    """The term base says 劉世芳 is a person: surname first, given name hyphenated."""
    code, out, _ = run("romanize", "劉世芳", "--system", "wade-giles")
    assert code == 0
    assert "  wade-giles  Liu Shih-fang" in out.splitlines()
    code, out, _ = run("romanize", "劉世芳", "--system", "wade-giles", "--place")
    assert "  wade-giles  Liu-shih-fang" in out.splitlines()


def test_romanize_alternative_readings() -> None:
    code, out, _ = run("romanize", "元長", "-s", "hanyu")
    assert code == 0
    assert "元長  yuan2 zhang3  (most likely)" in out
    assert "元長  yuan2 chang2  (also read)" in out


def test_romanize_json() -> None:
    code, out, _ = run("romanize", "王金平", "--json", "--system", "gwoyeu", "--tones", "marks")
    assert code == 0
    payload = json.loads(out)
    assert payload["style"] == "person"
    assert payload["readings"] == [
        {"hanyu": "wang2 jin1 ping2", "spellings": {"gwoyeu": "Wang Jin-pyng"}}
    ]
    assert payload["entries"][0]["id"] == "wang-jin-pyng"


def test_romanize_parses_latin() -> None:
    code, out, _ = run("romanize", "Hsi-t'un")
    assert code == 0
    assert out.splitlines()[1].split() == ["xi", "tun", "(wade-giles)"]
    assert "= Xitun District (西屯區) [taichung-city-xitun]" in out


def test_romanize_parses_latin_json() -> None:
    code, out, _ = run("romanize", "Ma Ying-jeou", "--json")
    assert code == 0
    best = json.loads(out)["candidates"][0]
    assert best["syllables"] == ["ma", "ying", "jiu"]
    assert best["systems"] == []
    assert "gwoyeu" in best["syllable_systems"][2]
    assert best["entries"][0]["id"] == "ma-ying-jeou"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Bi-khim", "no syllable in any system spells 'khim'"),
        ("Tamsui", "'Tamsui' is not romanized Mandarin"),
        ("西屯2路", "'西屯2路' is not all Chinese characters: '2'"),
        ("ＡＢＣ", "is not romanized Mandarin"),
        ("", "empty"),
    ],
)
def test_romanize_bad_input_is_one_line(text: str, message: str) -> None:
    code, out, err = run("romanize", text)
    assert code == 1
    assert out == ""
    assert err.startswith("glossary: error: ")
    assert message in err
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err


def test_romanize_unknown_system_is_a_usage_error() -> None:
    code, _, err = run("romanize", "西屯", "--system", "klingon")
    assert code == 2
    assert "'klingon' is not one of hanyu" in err


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


def test_romanize_name_of_several_entries() -> None:
    """信義區 is a district of Taipei and of Keelung: both are listed, no error."""
    code, out, err = run("romanize", "信義區", "-s", "hanyu")
    assert code == 0, err
    assert "  hanyu  Xinyiqu" in out.splitlines()
    assert "[taipei-city-xinyi]" in out
    assert "[keelung-city-xinyi]" in out
