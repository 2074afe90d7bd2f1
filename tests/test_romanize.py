"""The romanization engine: the syllable table, Taiwan's readings, rendering and parsing."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import RomanizationError
from glossary._syllables import INTERJECTIONS, SYSTEMS, table, toneless
from glossary._text import latin_key
from glossary.romanize import (
    COMMON_SURNAMES,
    CUSTOMARY,
    LATIN,
    Reading,
    Scheme,
    hanyu,
    looks_like_person,
    parse,
    readings,
    render,
    romanize,
    spell,
    system_keys,
)

from .conftest import FIXTURES, ROOT, SHARED_DATA

GOLDEN_SYSTEMS = ("hanyu", "tongyong", "wade-giles", "mps2", "gwoyeu")

#: For the tests that read the reference data beside the checkout (absent in a lone clone).
needs_shared = pytest.mark.skipif(
    not SHARED_DATA.is_dir(), reason=f"the reference data is not beside the checkout: {SHARED_DATA}"
)


def _golden() -> list[dict[str, str]]:
    path = FIXTURES / "golden_names.tsv"
    lines = [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


GOLDEN = _golden()


# -- the table -------------------------------------------------------------------------------


@needs_shared
def test_table_is_generated_and_fresh() -> None:
    """The packaged table is what scripts/gen_syllables.py writes from ../shared/data."""
    script = ROOT / "scripts" / "gen_syllables.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check", "--data", str(SHARED_DATA)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def test_table_has_every_syllable_once() -> None:
    """419 syllables: the crosswalk's, four added (diang, nia, sei, shong), four dropped."""
    syllables = table().syllables
    assert len(syllables) == len(set(syllables)) == 419
    assert {"diang", "nia", "sei", "shong", "lü", "nüe"} <= set(syllables)
    assert not {"lv", "lue", "lvan", "hm", "hng"} & set(syllables)


@pytest.mark.parametrize(
    ("syllable", "system", "spelling"),
    [
        ("yan", "wade-giles", "yen"),  # the crosswalk's slip: yan
        ("e", "wade-giles", "o"),  # the crosswalk's slip: e
        ("ge", "wade-giles", "ko"),
        ("lü", "wade-giles", "lü"),  # ü, never v
        ("si", "wade-giles", "ssu"),
        ("zhi", "tongyong", "jhih"),
        ("xi", "tongyong", "si"),
        ("feng", "tongyong", "fong"),
        ("tun", "mps2", "tuen"),
        ("qiao", "mps2", "chiau"),
        ("zhi", "zhuyin", "ㄓ"),
    ],
)
def test_table_spellings(syllable: str, system: str, spelling: str) -> None:
    """Spot checks against each system's published tables, including the fixed slips."""
    assert spell(syllable, 1, system) == spelling


def test_gwoyeu_spells_tones() -> None:
    """Gwoyeu Romatzyh writes the tone in the letters: ma, mha (sonorant, tone 1), maa, mah."""
    assert [spell("ma", t, "gwoyeu") for t in (1, 2, 3, 4)] == ["mha", "ma", "maa", "mah"]
    assert [spell("jiu", t, "gwoyeu") for t in (1, 3)] == ["jiou", "jeou"]


# -- every syllable, every system ---------------------------------------------------------------


def _round_trip_cases() -> list[tuple[str, str]]:
    return [
        (syllable, system)
        for syllable in table().syllables
        for system in SYSTEMS
        if system == "zhuyin" or syllable not in INTERJECTIONS
    ]


def test_every_syllable_renders_and_parses_back_in_every_system() -> None:
    """The whole table: each syllable, in each system and tone, parses back to itself."""
    failures = []
    cases = _round_trip_cases()
    for syllable, system in cases:
        for tone in (1, 2, 3, 4, 5):
            for tones in ("none", "marks", "numbers"):
                spelled = spell(syllable, tone, system, tones)  # type: ignore[arg-type]
                found = parse(spelled)
                if not any(
                    c.syllables == (syllable,) and system in c.syllable_systems[0]
                    for c in found.candidates
                ):
                    failures.append(f"{syllable}{tone} {system} {spelled!r}")
    assert failures == []
    assert len(cases) > 2800


@pytest.mark.parametrize("system", ["gwoyeu", "yale"])
def test_every_neutral_tone_parses_back_inside_a_word(system: str) -> None:
    """After a syllable in one word (Woo.men), each neutral-tone spelling still reads back."""
    failures = []
    for syllable in SYLLABLES:
        reading = Reading(("wo", syllable), (3, 5))
        for style in ("place", "person", "syllables"):
            text = render(reading, system, style=style)  # type: ignore[arg-type]
            if ("wo", syllable) not in [c.syllables for c in parse(text).candidates]:
                failures.append(text)
    assert failures == []


def test_interjections_are_not_parsed_from_latin_text() -> None:
    """m, n, ng are syllables, but "Tamsui" must not read as ta-m-sui."""
    assert not parse("Tamsui")
    assert parse("ㄇ").candidates[0].syllables == ("m",)


SYLLABLES = [s for s in table().syllables if s not in INTERJECTIONS]


@st.composite
def spellings(draw: st.DrawFn) -> tuple[tuple[str, ...], str]:
    """A random name in a random system and style, with random case and separators."""
    syllables = tuple(draw(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=3)))
    tones = tuple(draw(st.lists(st.integers(1, 5), min_size=len(syllables), max_size=3)))
    system = draw(st.sampled_from(LATIN))
    style = draw(st.sampled_from(["place", "person", "syllables"]))
    marks = draw(st.sampled_from(["none", "numbers", "marks"]))
    text = render(Reading(syllables, tones[: len(syllables)]), system, style=style, tones=marks)
    case = draw(st.sampled_from([str, str.upper, str.lower, str.title]))
    text = case(text)
    hyphen = draw(st.sampled_from(["-", " ", "‐", "–"]))
    text = text.replace("-", hyphen)
    apostrophe = draw(st.sampled_from(["'", "’", "‘", "ʼ", "`"]))
    text = text.replace("'", apostrophe)
    return syllables, text


@settings(max_examples=400, deadline=None)
@given(spellings())
def test_any_rendering_parses_back(case: tuple[tuple[str, ...], str]) -> None:
    """Random syllables, rendered in any system and style, mangled, still parse back."""
    syllables, text = case
    found = parse(text)
    assert syllables in [c.syllables for c in found.candidates], text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(SYLLABLES), min_size=2, max_size=3), st.data())
def test_dropped_separators_still_parse(syllables: list[str], data: st.DataObject) -> None:
    """Wade-Giles without its hyphens and apostrophes (Hsitun) still reads back."""
    system = data.draw(st.sampled_from(LATIN))
    text = render(Reading(tuple(syllables), (1,) * len(syllables)), system, style="syllables")
    squashed = text.replace(" ", "").replace("'", "")
    assert tuple(syllables) in [c.syllables for c in parse(squashed).candidates], squashed


# -- the golden table ---------------------------------------------------------------------------


def test_golden_table_has_forty_names() -> None:
    assert len(GOLDEN) >= 40
    assert {row["kind"] for row in GOLDEN} == {"place", "person"}


@pytest.mark.parametrize("row", GOLDEN, ids=[row["chinese"] for row in GOLDEN])
def test_golden_rendering(row: dict[str, str]) -> None:
    """Each name is written as each system's rules write it."""
    person = row["kind"] == "person"
    got = {s: romanize(row["chinese"], s, person=person) for s in GOLDEN_SYSTEMS}
    assert got == {s: row[s] for s in GOLDEN_SYSTEMS}


@pytest.mark.parametrize("row", GOLDEN, ids=[row["chinese"] for row in GOLDEN])
def test_golden_parsing(row: dict[str, str]) -> None:
    """Each spelling reads back to the name's syllables, and says which system wrote it."""
    reading = readings(row["chinese"], person=row["kind"] == "person")[0].syllables
    for system in GOLDEN_SYSTEMS:
        found = parse(row[system])
        systems = [c.systems for c in found.candidates if c.syllables == reading]
        assert systems, (system, row[system])
        assert system in systems[0], (system, row[system])


# -- Taiwan's readings: the bugs pypinyin has ---------------------------------------------------


@pytest.mark.parametrize(
    ("chinese", "expected"),
    [
        ("長治", ["chang2 zhi4"]),  # pypinyin: zhang zhi
        ("長濱", ["chang2 bin1"]),  # pypinyin: zhang bin
        ("茄萣", ["qie2 ding4"]),  # pypinyin: jia ding
        ("大埔", ["da4 pu3"]),  # pypinyin: da bu
        ("元長", ["yuan2 zhang3", "yuan2 chang2"]),  # both in official use
        ("澎湖", ["peng2 hu2"]),  # pypinyin: peng1
        ("斗六", ["dou3 liu4"]),  # pypinyin: dou4
        ("乾安縣", ["qian2 an1 xian4"]),  # pypinyin: gan4, the reading of 干
        ("銀行", ["yin2 hang2"]),  # Traditional text keeps the phrase reading
        ("重慶", ["chong2 qing4"]),
        ("長沙", ["chang2 sha1"]),
        ("游錫堃", ["you2 xi2 kun1"]),  # Taiwan reads 錫 xí
        ("液體", ["yi4 ti3"]),  # Taiwan reads 液 yì
    ],
)
def test_taiwan_readings(chinese: str, expected: list[str]) -> None:
    assert [r.numbered for r in readings(chinese)] == expected


@pytest.mark.parametrize(
    ("chinese", "system", "expected"),
    [
        ("賴", "wade-giles", "Lai"),  # pypinyin's Wade-Giles: lei
        ("火", "wade-giles", "Huo"),  # pypinyin's Wade-Giles: ho
        ("呂", "wade-giles", "Lü"),  # pypinyin writes ü as v
        ("呂", "hanyu", "Lü"),
        ("綠島", "hanyu", "Lüdao"),
    ],
)
def test_pypinyin_wade_giles_bugs_are_not_ours(chinese: str, system: str, expected: str) -> None:
    assert romanize(chinese, system) == expected


def test_surnames_read_as_surnames() -> None:
    """曾 is Zeng as a surname (pypinyin: ceng); compound surnames stay one word."""
    assert romanize("曾國藩", person=True) == "Zeng Guofan"
    assert romanize("曾國藩") == "Cengguofan"
    assert romanize("歐陽娜娜", "wade-giles", person=True) == "Ou-yang Na-na"
    assert readings("歐陽娜娜", person=True)[0].surname == 2


@needs_shared
def test_township_readings_match_official_english() -> None:
    """Every township in ../shared/data reads to its official Hanyu English, legacy aside."""
    data = json.loads((SHARED_DATA / "tw_city_county_township_en.json").read_text("utf-8"))
    legacy = {"淡水區", "彰化市", "鹿港鎮", "屏東市", "臺東市", "花蓮市"}
    compass = ("East", "West", "South", "North", "Central", "West Central")
    checked, mismatched = 0, []
    for city in data:
        for area in city["AreaList"]:
            chinese, english = area["AreaName"], area["AreaEngName"]
            if city["CityName"] in {"釣魚臺", "南海島"} or chinese in {
                "東沙群島",
                "南沙群島",
                "釣魚臺",
            }:
                continue
            bare = english.rsplit(" ", 1)[0]
            if chinese in legacy or bare in compass:
                continue
            checked += 1
            keys = {latin_key("".join(r.syllables)) for r in readings(chinese[:-1])}
            if latin_key(bare) not in keys:
                mismatched.append(f"{chinese} {english} {sorted(keys)}")
    assert mismatched == []
    assert checked == 368 - len(legacy) - 13  # 13 districts named by compass point


# -- rendering styles -----------------------------------------------------------------------------


def test_hanyu_apostrophes_at_ambiguous_boundaries() -> None:
    assert romanize("西安") == "Xi'an"
    assert romanize("大安") == "Da'an"
    assert romanize("仁愛") == "Ren'ai"
    assert romanize("新安") == "Xin'an"
    assert romanize("西屯") == "Xitun"


def test_tone_styles() -> None:
    reading = readings("西屯")[0]
    assert render(reading, tones="marks") == "Xītún"
    assert render(reading, tones="numbers") == "Xi1tun2"
    assert render(reading, "wade-giles", tones="marks") == "Hsi¹-t'un²"
    assert render(reading, "zhuyin", style="syllables", tones="marks") == "ㄒㄧ ㄊㄨㄣˊ"


def test_every_system_is_a_scheme() -> None:
    assert [s.value for s in Scheme] == list(SYSTEMS)
    assert toneless("ㄊㄨㄣˊ") == "ㄊㄨㄣ"


# -- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("西屯2路", "'2'"),
        ("ＡＢＣ", "'A', 'B', 'C'"),
        ("西\U00030000", r"U\+30000"),
    ],
)
def test_chinese_that_cannot_be_read(text: str, message: str) -> None:
    with pytest.raises(RomanizationError, match=message):
        readings(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Bi-khim", "'khim'"),  # Hokkien
        ("Tamsui", "'msui'"),  # a legacy spelling
        ("the", "'the'"),
        ("Xitun 2", "'2'"),
        ("", "empty"),
    ],
)
def test_strings_that_are_not_romanized_mandarin(text: str, message: str) -> None:
    found = parse(text)
    assert not found
    assert message in found.reason


def test_ambiguity_is_kept() -> None:
    """A spelling maps to every syllable it may stand for, never one guess."""
    assert {c.syllables for c in parse("ju").candidates} >= {("ju",), ("ru",), ("zhu",)}
    assert {c.syllables for c in parse("chih").candidates} >= {("zhi",), ("chi",), ("qi",)}


def test_mixed_systems() -> None:
    """Ma Ying-jeou: Wade-Giles (or Hanyu) with Gwoyeu Romatzyh's jeou."""
    best = parse("Ma Ying-jeou").candidates[0]
    assert best.syllables == ("ma", "ying", "jiu")
    assert best.mixed
    assert "gwoyeu" in best.syllable_systems[2]


@pytest.mark.parametrize("text", ["Lü", "Lv", "Lu:", "lü3", "LǙ", "Lyu"])
def test_u_umlaut_spellings(text: str) -> None:
    assert ("lü",) in [c.syllables for c in parse(text).candidates]


def test_hanyu_helpers() -> None:
    assert hanyu("石碇") == "shiding"
    assert hanyu("綠島") == "lüdao"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(table().syllables), min_size=1, max_size=4),
    st.lists(st.integers(1, 5), min_size=4, max_size=4),
)
def test_system_keys_are_latin_keys_of_renderings(syllables: list[str], tones: list[int]) -> None:
    """The index's fast keys equal the folded display forms, in every system."""
    reading = Reading(tuple(syllables), tuple(tones[: len(syllables)]))
    expected = [(s, latin_key(render(reading, s))) for s in LATIN]
    assert system_keys(reading) == expected


# -- issue 13: the reference tables' corrections --------------------------------------------------
#
# Gwoyeu Romatzyh follows the tonal spelling rules of Y. R. Chao's Mandarin Primer (1948), as
# charted at pinyin.info/romanization/gwoyeu_romatzyh/spelling.html; Yale follows Yale's
# finals table (as charted for S. Y. Jenner's CUNY Mandarin course: -un after an initial is
# -wun); Wade-Giles its syllable table (Giles, Chinese-English Dictionary, 1912).

GWOYEU_FIXED = [
    ("den", 1, "den"),  # d is not a sonorant: no h (the crosswalk: dhen)
    ("den", 2, "dern"),  # row a, tone 2: add r (the crosswalk: den)
    ("tei", 1, "tei"),
    ("tei", 2, "teir"),
    ("nun", 1, "nhuen"),  # sonorant: h in tone 1, as lun lhuen
    ("nun", 2, "nuen"),  # and the basic form in tone 2 (the crosswalk: nwen)
    ("dia", 2, "dya"),  # row i, tone 2: medial i -> y, as jia jya
    ("dia", 3, "dea"),  # tone 3: medial i -> e, as jia jea
    ("wa", 3, "woa"),  # tone 3: medial u -> o, as wo woo, wan woan
    ("lo", 1, "lho"),
    ("lo", 2, "lo"),
    ("me", 1, "mhe"),
    ("me", 2, "me"),
]


@pytest.mark.parametrize(
    ("syllable", "tone", "spelling"), GWOYEU_FIXED, ids=[f"{s}{t}" for s, t, _ in GWOYEU_FIXED]
)
def test_gwoyeu_corrections(syllable: str, tone: int, spelling: str) -> None:
    """The 13 syllable-tones the crosswalk gets wrong follow Chao's tonal spelling rules."""
    assert spell(syllable, tone, "gwoyeu") == spelling
    found = parse(spelling)
    assert any(c.syllables == (syllable,) and "gwoyeu" in c.systems for c in found.candidates)


#: Gwoyeu Romatzyh spellings of the Zhuyin initials.
GWOYEU_INITIALS = dict(zip("ㄅㄆㄇㄈㄉㄊㄋㄌㄍㄎㄏㄐㄑㄒㄓㄔㄕㄖㄗㄘㄙ", [
    "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h",
    "j", "ch", "sh", "j", "ch", "sh", "r", "tz", "ts", "s",
], strict=True))  # fmt: skip


def _gwoyeu_rule_breaks(syllable: str) -> list[str]:
    """What in a syllable's Gwoyeu Romatzyh row breaks Chao's tonal spelling rules."""
    data = table()
    zhuyin = data.plain[(syllable, "zhuyin")]
    spelled = {tone: data.toned[(syllable, tone, "gwoyeu")] for tone in (1, 2, 3, 4, 5)}
    initial = GWOYEU_INITIALS.get(zhuyin[:1], "")
    sonorant = zhuyin[:1] in ("ㄇ", "ㄋ", "ㄌ", "ㄖ")
    breaks = []
    if sonorant and not spelled[1].startswith(initial + "h"):
        breaks.append(f"tone 1 {spelled[1]!r}: a sonorant's tone 1 inserts h")
    if sonorant and spelled[2].startswith(initial + "h"):
        breaks.append(f"tone 2 {spelled[2]!r}: a sonorant's tone 2 is the basic form")
    if not sonorant and initial and spelled[1][len(initial) :].startswith("h"):
        breaks.append(f"tone 1 {spelled[1]!r}: only sonorants take the h")
    basic = spelled[1].replace(initial + "h", initial, 1) if sonorant else spelled[1]
    if spelled[5] != "." + basic:
        breaks.append(f"tone 5 {spelled[5]!r}: the neutral tone is .{basic}")
    if not spelled[4].endswith(("h", "y", "w", "nn", "nq", "ll")):
        breaks.append(f"tone 4 {spelled[4]!r}: tone 4 ends in h, y, w, nn, nq or ll")
    if len({spelled[1], spelled[2], spelled[3], spelled[4]}) != 4:
        breaks.append(f"tones 1-4 {[spelled[t] for t in (1, 2, 3, 4)]}: not four spellings")
    return breaks


def test_gwoyeu_rows_follow_the_tonal_spelling_rules() -> None:
    """Every syllable: the sonorant h, the neutral tone's basic form, tone 4's endings (Chao)."""
    broken = {
        syllable: _gwoyeu_rule_breaks(syllable)
        for syllable in table().syllables
        if syllable not in INTERJECTIONS
    }
    assert {s: b for s, b in broken.items() if b} == {}


@pytest.mark.parametrize(
    ("syllable", "spelling"),
    [
        ("den", ".den"),
        ("tei", ".tei"),
        ("le", ".le"),
        ("ma", ".ma"),
        ("men", ".men"),
        ("ne", ".ne"),
        ("ri", ".ry"),
        ("de", ".de"),
    ],
)
def test_gwoyeu_neutral_tone(syllable: str, spelling: str) -> None:
    """The neutral tone is a dot and the basic form, without the sonorant's tone-1 h (Chao)."""
    assert spell(syllable, 5, "gwoyeu") == spelling


def test_gwoyeu_neutral_tone_dot_is_written_and_read() -> None:
    """我們 is Woo.men in Gwoyeu Romatzyh; parse() reads the dot as a syllable boundary."""
    reading = Reading.from_numbered("wo3 men5")
    assert render(reading, "gwoyeu") == "Woo.men"
    assert render(reading, "gwoyeu", style="syllables") == "woo .men"
    best = parse("Woo.men").candidates[0]
    assert best.syllables == ("wo", "men")
    assert best.systems == {"gwoyeu"}


@pytest.mark.parametrize("system", ["gwoyeu", "yale", "hanyu", "zhuyin", "tongyong"])
def test_tonal_spellings_tell_every_tone_apart(system: str) -> None:
    """Each syllable-tone has its own spelling, so the tone can be read back from it."""
    spellings: dict[str, str] = {}
    clashes = []
    for syllable in table().syllables:
        for tone in (1, 2, 3, 4, 5):
            spelled = spell(syllable, tone, system, "marks")
            if spelled in spellings:
                clashes.append(f"{spelled}: {spellings[spelled]} and {syllable}{tone}")
            spellings[spelled] = f"{syllable}{tone}"
    assert clashes == []


WUN = ["chun", "cun", "dun", "gun", "hun", "kun", "lun", "nun", "run", "shun", "sun", "tun"]


@pytest.mark.parametrize("syllable", [*WUN, "zhun", "zun"])
def test_yale_spells_uen_after_an_initial_wun(syllable: str) -> None:
    """Yale ㄨㄣ after an initial is -wun (dwun, twun, lwun), standalone wen (Yale's table)."""
    spelled = spell(syllable, 1, "yale")
    assert spelled.endswith("wun")
    assert (syllable,) in [c.syllables for c in parse(spelled).candidates]


def test_yale_wen_stands_alone() -> None:
    assert spell("wen", 1, "yale") == "wen"
    assert romanize("西屯", "yale") == "Syitwun"


@pytest.mark.parametrize(
    ("chinese", "marked", "plain"),
    [
        ("大安", "Dà'ān", "Da'an"),
        ("西安", "Xī'ān", "Xi'an"),
        ("天安門", "Tiān'ānmén", "Tian'anmen"),
        ("歡愛", "Huān'ài", "Huan'ai"),
    ],
)
def test_hanyu_apostrophe_with_tone_marks(chinese: str, marked: str, plain: str) -> None:
    """The apostrophe goes before a syllable starting with a, o or e, tone mark or not (Basic
    Rules of Hanyu Pinyin Orthography, GB/T 16159: Xī'ān, Tiān'ānmén)."""
    assert romanize(chinese, tones="marks") == marked
    assert romanize(chinese) == plain


@pytest.mark.parametrize(
    ("chinese", "wade_giles", "hanyu_pinyin"),
    [
        ("司馬遷", "Ssu-ma Ch'ien", "Sima Qian"),
        ("歐陽修", "Ou-yang Hsiu", "Ouyang Xiu"),
        ("諸葛亮", "Chu-ko Liang", "Zhuge Liang"),
    ],
)
def test_wade_giles_hyphenates_compound_surnames(
    chinese: str, wade_giles: str, hanyu_pinyin: str
) -> None:
    """Wade-Giles hyphenates a compound surname like a given name: the Library of Congress's
    Wade-Giles name headings (before its 2000 change to pinyin) are Ssu-ma, Ch'ien;
    Ou-yang, Hsiu; Chu-ko, Liang."""
    assert romanize(chinese, "wade-giles", person=True) == wade_giles
    assert romanize(chinese, person=True) == hanyu_pinyin
    assert parse(wade_giles).candidates[0].systems >= {"wade-giles"}


# -- issue 13: parse ranking -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("xīān", ("xi", "an")),  # two marked vowels: two syllables
        ("xi1an1", ("xi", "an")),  # tone numbers end syllables
        ("Xī'ān", ("xi", "an")),
        ("xiān", ("xian",)),
        ("tēi", ("tei",)),  # marks are Hanyu's, not Wade-Giles's (dei)
        ("tei", ("tei",)),  # a tie goes to the first system listed (Hanyu), not the alphabet
        ("Hsi¹-t'un²", ("xi", "tun")),
    ],
)
def test_parse_ranks_by_tone_marks(text: str, best: tuple[str, ...]) -> None:
    """A syllable carries one tone mark (Hanyu Pinyin and Yale mark the main vowel), so xīān
    is two syllables; a tone-marked string reads in a system that marks tones first."""
    assert parse(text).candidates[0].syllables == best


@pytest.mark.parametrize(
    ("text", "syllable"),
    [("kê", "ge"), ("k'ê", "ke"), ("hê", "he"), ("KE", "ge"), ("ke", "ge"), ("yi", "yi")],
)
def test_wade_giles_variants(text: str, syllable: str) -> None:
    """Wade-Giles writes the final ê/o as ê after k, k', h too, and yi as i or yi."""
    found = parse(text)
    assert any(
        c.syllables == (syllable,) and "wade-giles" in c.systems for c in found.candidates
    ), [(c.hanyu, sorted(c.systems)) for c in found.candidates]


def test_yu_without_its_umlaut_is_yu_or_you() -> None:
    """Wade-Giles yü with the umlaut dropped is yu (ü), a reading of its own; yu is you."""
    found = [(c.syllables, c.systems, c.exact) for c in parse("yu").candidates]
    assert found[0][0] == ("yu",)  # Hanyu first on a tie
    assert (("you",), {"wade-giles"}, True) in found
    assert (("yu",), {"wade-giles"}, False) in found


# -- issue 13: readings ------------------------------------------------------------------------


def test_a_name_keeps_the_tone_a_word_drops() -> None:
    """孔子 is Kǒngzǐ (Ministry of Education dictionary), though 子 is neutral in 桌子."""
    assert [r.numbered for r in readings("孔子")] == ["kong3 zi3"]
    assert romanize("孔子", tones="marks") == "Kǒngzǐ"
    assert romanize("孟子", "gwoyeu") == "Menqtzyy"


def test_a_character_with_no_full_tone_stays_neutral() -> None:
    """了 has no toned reading le (its others are liǎo, liào), so it stays le."""
    assert readings("了")[0].tones == (5,)


def test_a_surname_alone_reads_as_a_surname() -> None:
    """曾 alone, as a person, is Zeng (the README's example); as a place it is Ceng."""
    assert romanize("曾", person=True) == "Zeng"
    assert romanize("曾") == "Ceng"
    assert romanize("歐陽", "wade-giles", person=True) == "Ou-yang"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("蔡英文", True),  # the example
        ("王金平", True),
        ("柯文哲", True),
        ("歐陽娜娜", True),  # compound surname and two characters
        ("張簡", True),  # a compound surname alone, or 張 and a given name: the shape says person
        ("林", False),
        ("西屯", False),  # 西 is no common surname
        ("中華民國", False),  # four characters, no compound surname
        ("陳水扁總統", False),  # too long
        ("Tsai", False),
    ],
)
def test_looks_like_person(text: str, expected: bool) -> None:
    """A common surname (the Ministry of the Interior's 100) and one or two characters."""
    assert looks_like_person(text) is expected


def test_common_surnames_are_the_hundred_and_three_compound() -> None:
    single = {s for s in COMMON_SURNAMES if len(s) == 1}
    assert len(single) == 100
    assert {"陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊"} <= single  # 2018's top ten
    assert {s for s in COMMON_SURNAMES if len(s) == 2} == {"張簡", "歐陽", "范姜"}


@pytest.mark.parametrize(
    ("text", "syllable"),
    [("Lee", "li"), ("Soong", "song"), ("Koo", "gu"), ("Siew", "xiao")],
)
def test_customary_surname_spellings(text: str, syllable: str) -> None:
    """Lee (Lee Teng-hui), Soong (James Soong), Koo (Koo Chen-fu), Siew (Vincent Siew)."""
    best = parse(text).candidates[0]
    assert best.syllables == (syllable,)
    assert CUSTOMARY in best.systems  # Soong is also Gwoyeu Romatzyh's song3


def test_lee_teng_hui_reads_lee_as_li() -> None:
    """The customary spelling of 李, not Gwoyeu Romatzyh's lee (le3)."""
    found = parse("Lee Teng-hui").candidates
    assert found[0].syllables[0] == "li"
    assert ("li", "deng", "hui") in [c.syllables for c in found]
    assert found[0].syllable_systems[0] == {CUSTOMARY}


def test_customary_spellings_are_whole_words_only() -> None:
    """Lee inside a longer word is not the surname: Leeyang reads as le yang."""
    assert all(c.syllables[0] != "li" for c in parse("Leeyang").candidates)
