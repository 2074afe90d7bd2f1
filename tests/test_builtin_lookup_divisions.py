"""Lookups the built-in divisions layer must answer (issue 12's "Done means" for places):
older spellings, customary forms, both forms of 臺, the South China Sea island groups,
元長's two spellings and the prominence that orders homonyms."""

from __future__ import annotations

import pytest

from glossary import AmbiguousTerm, Glossary, Kind, Status, System


@pytest.mark.parametrize(
    ("query", "ident", "chinese", "english"),
    [
        ("Banciao", "new-taipei-city-banqiao", "板橋區", "Banqiao District"),
        ("Panchiao", "new-taipei-city-banqiao", "板橋區", "Banqiao District"),
        ("Jhongli", "taoyuan-city-zhongli", "中壢區", "Zhongli District"),
        ("Chungli", "taoyuan-city-zhongli", "中壢區", "Zhongli District"),
        ("Sinjhuang", "new-taipei-city-xinzhuang", "新莊區", "Xinzhuang District"),
        ("Hsinchuang", "new-taipei-city-xinzhuang", "新莊區", "Xinzhuang District"),
        ("Tamsui", "new-taipei-city-tamsui", "淡水區", "Tamsui District"),
        ("Danshui", "new-taipei-city-tamsui", "淡水區", "Tamsui District"),
        ("Keelung", "keelung-city", "基隆市", "Keelung City"),
        ("台北", "taipei-city", "臺北市", "Taipei City"),
        ("臺北", "taipei-city", "臺北市", "Taipei City"),
        ("高雄", "kaohsiung-city", "高雄市", "Kaohsiung City"),
        ("Pratas", "dongsha-islands", "東沙群島", "Dongsha Islands"),
        ("Pratas Islands", "dongsha-islands", "東沙群島", "Dongsha Islands"),
        ("Spratly Islands", "nansha-islands", "南沙群島", "Nansha Islands"),
        ("南沙", "nansha-islands", "南沙群島", "Nansha Islands"),
    ],
    ids=lambda v: str(v),
)
def test_finds_the_right_entry(
    glossary: Glossary, query: str, ident: str, chinese: str, english: str
) -> None:
    """The name finds its entry first, with the expected Chinese and English."""
    hit = glossary.lookup(query)[0]
    assert (hit.entry.id, hit.entry.chinese, hit.entry.english) == (ident, chinese, english)


@pytest.mark.parametrize(
    ("ident", "spelling", "system"),
    [
        ("new-taipei-city-banqiao", "Banciao District", System.TONGYONG),
        ("new-taipei-city-banqiao", "Pan-chiao District", System.WADE_GILES),
        ("taoyuan-city-zhongli", "Jhongli District", System.TONGYONG),
        ("new-taipei-city-xinzhuang", "Sinjhuang District", System.TONGYONG),
        ("new-taipei-city-xinzhuang", "Hsin-chuang District", System.WADE_GILES),
        ("kaohsiung-city-qianzhen", "Cianjhen District", System.TONGYONG),
        ("taoyuan-city-bade", "Pa-teh District", System.LEGACY),
    ],
)
def test_older_spellings_are_admitted_terms(
    glossary: Glossary, ident: str, spelling: str, system: System
) -> None:
    """Attested older spellings are admitted terms with their system, never preferred."""
    [term] = [t for t in glossary[ident].en if t.text == spelling]
    assert (term.status, term.system) == (Status.ADMITTED, system)
    assert glossary[ident].english_for(("tongyong",)).system in (System.TONGYONG, System.HANYU)


def test_house_style_can_prefer_tongyong(glossary: Glossary) -> None:
    """--prefer tongyong shows Banciao District, official English elsewhere."""
    tongyong = Glossary(prefer=("tongyong", "official"))
    assert tongyong.english(glossary["new-taipei-city-banqiao"]) == "Banciao District"
    assert tongyong.english(glossary["taipei-city-daan"]) == "Da'an District"


def test_unattested_spellings_are_derived_not_typed_in(glossary: Glossary) -> None:
    """A township no source gives an older spelling for has only its official English, and
    its Tongyong spelling is still found (derived from the reading)."""
    assert [t.text for t in glossary["hsinchu-county-xinfeng"].en] == ["Xinfeng Township"]
    assert glossary.lookup("Sinfong")[0].entry.id == "hsinchu-county-xinfeng"


def test_yuanzhang_is_preferred_and_yuanchang_admitted(glossary: Glossary) -> None:
    """元長: Yuanzhang (the local reading, the post office's newest form) is preferred;
    Yuanchang, the Hanyu Pinyin of the other reading, is admitted as Hanyu."""
    entry = glossary["yunlin-county-yuanchang"]
    assert [(t.text, t.status, t.system) for t in entry.en] == [
        ("Yuanzhang Township", Status.PREFERRED, System.HANYU),
        ("Yuanchang Township", Status.ADMITTED, System.HANYU),
    ]
    assert glossary.get("Yuanchang") == glossary.get("元長") == entry


def test_island_groups_belong_to_cijin(glossary: Glossary) -> None:
    """The Dongsha and Nansha Islands are islands under Kaohsiung's Cijin District."""
    for ident in ("dongsha-islands", "nansha-islands"):
        entry = glossary[ident]
        assert entry.kind is Kind.ISLAND
        assert entry.parent == "kaohsiung-city-qijin"
        assert glossary.parent_of(entry).parent == "kaohsiung-city"  # type: ignore[union-attr]


def test_prominence_follows_the_level(glossary: Glossary) -> None:
    """Municipalities above counties above townships; mountain indigenous districts below
    the other districts of their city."""
    level = {
        ident: glossary[ident].prominence
        for ident in (
            "taoyuan-city",
            "yilan-county",
            "hsinchu-county-zhubei",
            "taoyuan-city-taoyuan",
            "kaohsiung-city-taoyuan",
            "keelung-city-xinyi",
            "yilan-county-datong",
            "yilan-county-jiaoxi",
        )
    }
    assert level["taoyuan-city"] > level["yilan-county"] > level["hsinchu-county-zhubei"]
    assert level["taoyuan-city-taoyuan"] > level["keelung-city-xinyi"]
    assert level["taoyuan-city-taoyuan"] > level["kaohsiung-city-taoyuan"]  # 桃源區
    assert level["yilan-county-jiaoxi"] > level["yilan-county-datong"]  # 大同鄉: mountain


def test_taoyuan_district_prefers_taoyuan_city_but_stays_ambiguous(glossary: Glossary) -> None:
    """Taoyuan District names 桃園區 and 桃源區: lookup lists 桃園區 first, and get() still
    refuses to choose (prominence orders homonyms, it never hides them)."""
    hits = glossary.lookup("Taoyuan District")
    assert [h.entry.id for h in hits[:2]] == ["taoyuan-city-taoyuan", "kaohsiung-city-taoyuan"]
    assert hits[0].score == hits[1].score
    with pytest.raises(AmbiguousTerm):
        glossary.get("Taoyuan District")
    assert glossary.lookup("Taoyuan")[0].entry.id == "taoyuan-city"


def test_every_mountain_indigenous_township_is_below_its_peers(glossary: Glossary) -> None:
    """The 30 mountain indigenous districts and townships have the lowest township
    prominence, each naming the Local Government Act in its source."""
    levels = (Kind.DISTRICT, Kind.TOWNSHIP)
    mountain = [e for e in glossary if e.kind in levels and "mountain indigenous" in e.source]
    assert len(mountain) == 30
    others = [e.prominence for e in glossary if e.kind in levels and e not in mountain and e.parent]
    assert max(e.prominence for e in mountain) < min(others)


def test_deepl_keeps_the_more_prominent_target(glossary: Glossary) -> None:
    """A DeepL glossary takes one target per source: Taoyuan District keeps 桃園區, and
    the dropped 桃源區 is named in a warning (nothing is hidden)."""
    from glossary.formats import export

    text, warnings = export(glossary, "deepl", kinds=["district"])
    assert "Taoyuan District\t桃園區" in text.splitlines()
    assert "Taoyuan District\t桃源區" not in text.splitlines()
    assert any("kaohsiung-city-taoyuan (桃源區) dropped" in w for w in warnings)
