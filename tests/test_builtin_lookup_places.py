"""The places and Indigenous peoples layers: the names of the day's news found, each right.

Each lookup runs on the built-in term base alone and checks the entry found, its Chinese and
its English. The layers' own rules (kinds, parents, tags, prominence, sources) are checked on
every entry.
"""

from __future__ import annotations

import subprocess

import pytest
from typer.testing import CliRunner

from glossary import Glossary, Kind, Status, TermBase
from glossary.cli import app

from .conftest import ROOT, script_or_skip

PLACE_KINDS = {
    Kind.ISLAND,
    Kind.MOUNTAIN,
    Kind.RIVER,
    Kind.LAKE,
    Kind.PARK,
    Kind.TEMPLE,
    Kind.AIRPORT,
    Kind.PORT,
    Kind.SCHOOL,
    Kind.HOSPITAL,
    Kind.LANDMARK,
    Kind.ROAD,
}


@pytest.fixture(scope="module")
def termbase() -> TermBase:
    return TermBase.load()


#: query -> (entry id, canonical Chinese, preferred English).
LOOKUPS = {
    "Sun Moon Lake": ("sun-moon-lake", "日月潭", "Sun Moon Lake"),
    "日月潭": ("sun-moon-lake", "日月潭", "Sun Moon Lake"),
    "Amis": ("amis", "阿美族", "Amis"),
    "阿美族": ("amis", "阿美族", "Amis"),
    "Pangcah": ("amis", "阿美族", "Amis"),
    "Tao": ("yami", "雅美族", "Yami"),
    "達悟族": ("yami", "雅美族", "Yami"),
    "Seediq": ("sediq", "賽德克族", "Sediq"),
    "Puyuma": ("pinuyumayan", "卑南族", "Pinuyumayan"),
    "Taipei 101": ("taipei-101", "臺北101", "Taipei 101"),
    "台北101": ("taipei-101", "臺北101", "Taipei 101"),
    "Jenn Lann Temple": ("dajia-jenn-lann-temple", "大甲鎮瀾宮", "Dajia Jenn Lann Temple"),
    "Taoyuan International Airport": (
        "taiwan-taoyuan-international-airport",
        "臺灣桃園國際機場",
        "Taiwan Taoyuan International Airport",
    ),
    "Green Island": ("green-island", "綠島", "Green Island"),
    "綠島": ("green-island", "綠島", "Green Island"),
    "Orchid Island": ("orchid-island", "蘭嶼", "Orchid Island"),
    "Matsu": ("matsu-islands", "馬祖列島", "Matsu Islands"),
    "Pratas Island": ("pratas-island", "東沙島", "Pratas Island"),
    "太平島": ("taiping-island", "太平島", "Taiping Island"),
    "Jade Mountain": ("yushan", "玉山", "Yushan"),
    "Lamay Island": ("xiaoliuqiu", "小琉球", "Xiaoliuqiu"),
    "Kenting National Park": ("kenting-national-park", "墾丁國家公園", "Kenting National Park"),
    "Longshan Temple": ("bangka-lungshan-temple", "艋舺龍山寺", "Bangka Lungshan Temple"),
    "Chiang Kai-shek Memorial Hall": (
        "national-chiang-kai-shek-memorial-hall",
        "國立中正紀念堂",
        "National Chiang Kai-shek Memorial Hall",
    ),
    "Hsinchu Science Park": ("hsinchu-science-park", "新竹科學園區", "Hsinchu Science Park"),
}


@pytest.mark.parametrize(("query", "expected"), LOOKUPS.items(), ids=list(LOOKUPS))
def test_lookup_finds_the_entry(glossary: Glossary, query: str, expected: tuple[str, ...]) -> None:
    """The best hit is the expected entry, with its canonical Chinese and preferred English."""
    entry = glossary.lookup(query)[0].entry
    assert (entry.id, entry.chinese, entry.english) == expected


def test_pratas_alone_is_still_the_island_group(glossary: Glossary) -> None:
    """Pratas Island ranks below the Dongsha (Pratas) Islands that hold it: "Pratas" is the
    group, and the island stays among the candidates."""
    hits = [h.entry.id for h in glossary.lookup("Pratas")]
    assert hits[:2] == ["dongsha-islands", "pratas-island"]


def test_former_names_are_deprecated(glossary: Glossary) -> None:
    """The airport's name until 2006 finds it, as a deprecated term."""
    entry = glossary.get("Chiang Kai-shek International Airport")
    assert entry is not None
    assert entry.id == "taiwan-taoyuan-international-airport"
    (term,) = [t for t in entry.en if t.text == "Chiang Kai-shek International Airport"]
    assert term.status is Status.DEPRECATED
    assert "2006" in term.note


def test_sixteen_recognized_peoples(termbase: TermBase) -> None:
    """indigenous.yaml holds the 16 recognized peoples, each a 族 with its own name."""
    peoples = [e for e in termbase if e.kind is Kind.ETHNIC_GROUP]
    assert len(peoples) == 16
    assert all(e.chinese.endswith("族") for e in peoples)
    assert all(e.en[0].official for e in peoples)


def test_places_layer_rules(termbase: TermBase) -> None:
    """Every entry of places.yaml is a place kind, has a parent that is a division or
    island group when it has one, a prominence from the header's scale, and sources."""
    text = (ROOT / "terms" / "places.yaml").read_text(encoding="utf-8")
    ids = [line[6:] for line in text.splitlines() if line.startswith("- id: ")]
    assert len(ids) >= 80
    for ident in ids:
        entry = termbase[ident]
        assert entry.kind in PLACE_KINDS, ident
        assert entry.prominence in (20, 40, 60), ident
        assert "http" in entry.source, ident
        if entry.parent:
            assert termbase[entry.parent].kind not in PLACE_KINDS - {Kind.ISLAND}, ident
    tags = {tag for ident in ids for tag in termbase[ident].tags}
    assert {"night-market", "science-park"} <= tags


def test_green_alone_is_not_green_island(glossary: Glossary) -> None:
    """Green and Orchid are everyday words: alone they are not the islands."""
    text = "The Green Party bought an orchid; Green Island and Orchid Island were calm."
    assert [(s.text, s.entries[0].id) for s in glossary.annotate(text)] == [
        ("Green Island", "green-island"),
        ("Orchid Island", "orchid-island"),
    ]


def test_cli_lookup_of_a_landmark() -> None:
    """`glossary lookup 日月潭` prints the lake with its English, through typer's runner."""
    result = CliRunner().invoke(app, ["lookup", "日月潭"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Sun Moon Lake (日月潭)  [sun-moon-lake]"
    assert result.stderr == ""


def test_installed_script_finds_a_people() -> None:
    """The installed `glossary` finds the Amis by their own name, Pangcah."""
    script = script_or_skip()
    result = subprocess.run(
        [str(script), "lookup", "Pangcah", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert '"id": "amis"' in result.stdout
    assert '"matched": "Pangcah"' in result.stdout
