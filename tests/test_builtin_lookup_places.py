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
    assert len(ids) >= 300
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


#: Places added for issue 12 beyond the first layer: query -> (entry id, canonical Chinese,
#: preferred English). Official names, other attested spellings, Chinese short forms.
MORE_LOOKUPS = {
    "Port of Keelung": ("port-of-keelung", "基隆港", "Port of Keelung"),
    "Taipei Port": ("port-of-taipei", "臺北港", "Port of Taipei"),
    "小港機場": (
        "kaohsiung-international-airport",
        "高雄國際機場",
        "Kaohsiung International Airport",
    ),
    "Shang Yi Airport": ("kinmen-airport", "金門機場", "Kinmen Airport"),
    "Aowanda National Forest Recreation Area": (
        "aowanda-national-forest-recreation-area",
        "奧萬大國家森林遊樂區",
        "Aowanda National Forest Recreation Area",
    ),
    "太平山森林遊樂區": (
        "taipingshan-national-forest-recreation-area",
        "太平山國家森林遊樂區",
        "Taipingshan National Forest Recreation Area",
    ),
    "Kaoping River": ("gaoping-river", "高屏溪", "Gaoping River"),
    "Shimen Reservoir": ("shihmen-reservoir", "石門水庫", "Shihmen Reservoir"),
    "翡翠水庫": ("feitsui-reservoir", "翡翠水庫", "Feitsui Reservoir"),
    "Mount Hehuan": ("hehuanshan", "合歡山", "Hehuanshan"),
    "Seven Star Mountain": ("qixing-mountain", "七星山", "Qixing Mountain"),
    "Shoushan National Nature Park": (
        "shoushan-national-nature-park",
        "壽山國家自然公園",
        "Shoushan National Nature Park",
    ),
    "National Sun Yat-sen University": (
        "national-sun-yat-sen-university",
        "國立中山大學",
        "National Sun Yat-sen University",
    ),
    "臺中榮總": (
        "taichung-veterans-general-hospital",
        "臺中榮民總醫院",
        "Taichung Veterans General Hospital",
    ),
    "Liouhe Night Market": ("liuhe-night-market", "六合夜市", "Liuhe Night Market"),
    "小巨蛋": ("taipei-arena", "臺北小巨蛋", "Taipei Arena"),
    "Farglory Dome": ("taipei-dome", "臺北大巨蛋", "Taipei Dome"),
    "Weiwuying": (
        "national-kaohsiung-center-for-the-arts",
        "衛武營國家藝術文化中心",
        "National Kaohsiung Center for the Arts",
    ),
    "大天后宮": ("grand-matsu-temple", "大天后宮", "Grand Matsu Temple"),
    "紅毛城": ("fort-san-domingo", "紅毛城", "Fort San Domingo"),
    "Tainan Science Park": ("tainan-science-park", "臺南園區", "Tainan Science Park"),
    "南竿機場": ("matsu-nangan-airport", "馬祖南竿機場", "Matsu Nangan Airport"),
    "水上機場": ("chiayi-airport", "嘉義航空站", "Chiayi Airport"),
    "Budai Port": ("port-of-budai", "布袋港", "Port of Budai"),
    "彰化師大": (
        "national-changhua-university-of-education",
        "國立彰化師範大學",
        "National Changhua University of Education",
    ),
    "嘉基醫院": ("chiayi-christian-hospital", "嘉義基督教醫院", "Chiayi Christian Hospital"),
    "Gueishan Island": ("guishan-island", "龜山島", "Guishan Island"),
    "Yingge Ceramics Museum": (
        "yingge-ceramics-museum",
        "新北市立鶯歌陶瓷博物館",
        "New Taipei City Yingge Ceramics Museum",
    ),
    "十分瀑布": ("shifen-waterfall", "十分大瀑布", "Shifen Waterfall"),
    "Tamsui Second Fishing Harbor": (
        "tamsui-fishermans-wharf",
        "淡水漁人碼頭",
        "Tamsui Fisherman's Wharf",
    ),
}


@pytest.mark.parametrize(("query", "expected"), MORE_LOOKUPS.items(), ids=list(MORE_LOOKUPS))
def test_lookup_finds_the_added_places(
    glossary: Glossary, query: str, expected: tuple[str, ...]
) -> None:
    """Each added place is found by its official name, another attested spelling or a
    Chinese short form, with its canonical Chinese and preferred English."""
    entry = glossary.lookup(query)[0].entry
    assert (entry.id, entry.chinese, entry.english) == expected


def test_renamed_science_park_keeps_its_old_name(glossary: Glossary) -> None:
    """Luzhu Science Park, the Kaohsiung park's name until 2004, finds it as a deprecated
    term with the date of the change."""
    entry = glossary.get("Luzhu Science Park")
    assert entry is not None
    assert entry.id == "kaohsiung-science-park"
    assert "science-park" in entry.tags
    (term,) = [t for t in entry.en if t.text == "Luzhu Science Park"]
    assert term.status is Status.DEPRECATED
    assert "2004" in term.note


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("她墜入愛河，婚禮下個月舉行。", []),
        ("She stayed at a grand hotel in Paris.", []),
        (
            "The Grand Hotel Taipei hosted the banquet.",
            [("Grand Hotel Taipei", "grand-hotel-taipei")],
        ),
        ("A turtle island floated in the pond.", []),
        ("Boats left for Turtle Island (Guishan Island).", [("Guishan Island", "guishan-island")]),
        (
            "Kaohsiung Medical University in Kaohsiung",
            [
                ("Kaohsiung Medical University", "kaohsiung-medical-university"),
                ("Kaohsiung", "kaohsiung-city"),
            ],
        ),
    ],
    ids=[
        "fall-in-love",
        "a-grand-hotel",
        "grand-hotel-taipei",
        "a-turtle-island",
        "guishan-island",
        "university-and-city",
    ],
)
def test_everyday_words_do_not_gloss_as_places(
    glossary: Glossary, text: str, found: list[tuple[str, str]]
) -> None:
    """Names that are also everyday words are kept in their longer, unmistakable forms, or
    left out: 墜入愛河 (to fall in love) is no river (the Love River has no entry: the bare
    愛河 is derived from 高雄愛河), "a grand hotel" and Turtle Island (also a name for North
    America) are not places; a university named for its city is one name, the city another."""
    assert [(s.text, s.entries[0].id) for s in glossary.annotate(text)] == found


def test_cli_lookup_of_a_reservoir() -> None:
    """`glossary lookup 翡翠水庫` prints the reservoir with its English, through typer's runner."""
    result = CliRunner().invoke(app, ["lookup", "翡翠水庫"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Feitsui Reservoir (翡翠水庫)  [feitsui-reservoir]"
    assert result.stderr == ""


def test_installed_script_finds_a_port() -> None:
    """The installed `glossary` finds the Port of Kaohsiung by its short English form."""
    script = script_or_skip()
    result = subprocess.run(
        [str(script), "lookup", "Kaohsiung Port", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert '"id": "port-of-kaohsiung"' in result.stdout
