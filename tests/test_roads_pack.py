"""The roads pack (terms/packs/roads.yaml): generated faithfully, optional, and reachable
from the library and the command line (--pack roads)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from glossary import Glossary, Kind, TermBase, validate
from glossary._builtin import builtin_dir
from glossary._sources import available_packs

from .cli.helpers import installed, run
from .conftest import FIXTURES, ROOT, SHARED_DATA

ROADS = builtin_dir() / "packs" / "roads.yaml"


@pytest.fixture(scope="module")
def roads() -> TermBase:
    """The built-in term base with the roads pack."""
    return TermBase.load(packs=["roads"])


def test_roads_is_a_pack() -> None:
    """The built-in term base has a roads pack."""
    assert ROADS.is_file()
    assert "roads" in available_packs()


def test_pack_validates_with_the_builtin_term_base() -> None:
    """Loaded with the built-in term base, the pack has no errors or warnings: its ids do
    not clash with the built-in ones and its parents exist."""
    report = validate(packs=["roads"])
    assert report.issues == []


def test_about_eleven_hundred_roads_each_under_a_place(roads: TermBase) -> None:
    """One entry per sectioned road per county or city, each a road under a place."""
    pack = [e for e in roads if e.kind is Kind.ROAD]
    assert 1000 <= len(pack) <= 1200
    for entry in pack:
        assert entry.parent in roads, entry.id
        assert roads[entry.parent].kind is not Kind.ROAD
        assert entry.prominence < roads[entry.parent].prominence, entry.id


def test_roads_are_not_in_the_default_term_base(glossary: Glossary) -> None:
    """Without the pack, no road is loaded and a road's name finds no road."""
    assert not any(e.kind is Kind.ROAD for e in glossary)
    assert glossary.get("Roosevelt Road") is None


def test_a_road_with_the_pack(roads: TermBase) -> None:
    """羅斯福路: the house form spelled out, the post office's form admitted and official."""
    road = roads["taipei-city-roosevelt-road"]
    assert road.chinese == "羅斯福路"
    assert [(t.text, t.status.value, t.official) for t in road.en] == [
        ("Roosevelt Road", "preferred", False),
        ("Roosevelt Rd.", "admitted", True),
    ]
    assert road.parent == "taipei-city"  # it runs through several districts
    assert "Chunghwa Post" in road.source


def test_directions_are_spelled_out(roads: TermBase) -> None:
    """Zhongshan N. Rd. (中山北路) is Zhongshan North Road, Hanyu Pinyin."""
    road = roads["taipei-city-zhongshan-north-road"]
    assert [t.text for t in road.en] == ["Zhongshan North Road", "Zhongshan N. Rd."]
    assert {t.system.value for t in road.en if t.system} == {"hanyu"}


def test_one_english_name_for_two_roads_is_told_apart_by_district(roads: TermBase) -> None:
    """中原路 and 中園路 of Taoyuan are both Zhongyuan Rd.: their ids name their districts."""
    chinese = {
        roads[i].chinese
        for i in ("taoyuan-city-zhongli-zhongyuan-road", "taoyuan-city-longtan-zhongyuan-road")
    }
    assert chinese == {"中原路", "中園路"}


def test_annotate_finds_a_road_with_the_pack() -> None:
    """With the pack, an address's road is found and its city decides between homonyms."""
    spans = Glossary(packs=("roads",)).annotate("He lives on Sec. 2, Bade Rd., in Taipei.")
    assert [(s.text, s.entry.id if s.entry else None) for s in spans] == [
        ("Bade Rd.", "taipei-city-bade-road"),
        ("Taipei", "taipei-city"),
    ]


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is not beside the checkout")
def test_generated_file_is_current() -> None:
    """terms/packs/roads.yaml is exactly what scripts/gen_roads.py writes."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_roads.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


# -- the command line --------------------------------------------------------------------------


def test_cli_pack_option_loads_the_pack() -> None:
    """glossary --pack roads lookup finds a road; without it, the road is not there."""
    code, out, err = run("--pack", "roads", "lookup", "Roosevelt Rd.", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["hits"][0]["id"] == "taipei-city-roosevelt-road"
    code, out, _ = run("lookup", "羅斯福路", "--json")
    assert code == 1 or all(h["kind"] != "road" for h in json.loads(out)["hits"])


def test_cli_pack_option_after_the_subcommand() -> None:
    """--pack is a global option: it may follow the subcommand too."""
    code, out, err = run("lookup", "羅斯福路", "--pack", "roads")
    assert (code, err) == (0, "")
    assert out.startswith("Roosevelt Road (羅斯福路)  [taipei-city-roosevelt-road]")


def test_cli_unknown_pack_is_a_usage_error() -> None:
    """An unknown pack name is one line on stderr and exit 2, naming the packs there are."""
    code, out, err = run("--pack", "rods", "lookup", "Situn")
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "'rods' is not a pack; the packs are: roads" in err


def test_cli_terms_validate_with_the_pack() -> None:
    """glossary --pack roads terms validate checks the pack with the built-in term base."""
    code, _, err = run("--pack", "roads", "terms", "validate")
    assert code == 0
    assert " 0 errors, 0 warnings" in err or err == ""


def test_installed_script_loads_the_pack() -> None:
    """The installed glossary script, run from another directory, finds the pack."""
    done = installed("--pack", "roads", "lookup", "八德路", "--json", cwd=FIXTURES)
    assert done.returncode == 0, done.stderr
    assert {h["kind"] for h in json.loads(done.stdout)["hits"]} == {"road"}


def test_cli_export_leaves_foreign_places_out_unless_asked() -> None:
    """glossary export leaves foreign-place entries out; --include-foreign keeps them."""
    base = ("--no-builtin", "-t", str(FIXTURES / "termbase" / "people_roles.yaml"), "export")
    code, out, err = run(*base, "-f", "json")
    assert (code, err) == (0, "")
    assert "heping-district-tianjin" not in {e["id"] for e in json.loads(out)["entries"]}
    code, out, err = run(*base, "-f", "json", "--include-foreign")
    assert (code, err) == (0, "")
    assert "heping-district-tianjin" in {e["id"] for e in json.loads(out)["entries"]}
