#!/usr/bin/env python3
"""Generate terms/foreign.yaml: mainland China's divisions, for telling homonyms apart.

Reads the division list (code, Simplified name) that the cpca package ships
(cpca/resources/adcodes.csv, from the Ministry of Civil Affairs' administrative division
codes) and writes one entry per province-level, prefecture-level and county-level division
with kind foreign-place and its parent within the layer. cpca is not a dependency of
glossary: install it where this script runs (``pip install --no-deps cpca==0.5.5``); the
script reads the CSV from the installed package without importing it (cpca imports pandas).

Chinese: the Traditional form (OpenCC s2tw, with the names OpenCC gets wrong corrected in
TRADITIONAL_FIXES), the Simplified as the data writes it in the entry's note. English: the
Hanyu Pinyin of the name, from glossary's romanization engine (readings corrected in
READING_FIXES), plus the generic word (Heping District, Taishan City, Guangdong Province).

Left out: Taiwan (code 71, the PRC's claim, not a foreign place), Hong Kong and Macau (81, 82:
not in the cpca data beyond their own rows), Sansha (4603: the PRC's city for the South China
Sea islands, which Taiwan claims too: 南沙群島 is a Taiwan division here), the names in
UNSETTLED, and the data's placeholder rows (市辖区, 省直辖县级行政区划, 县) whose children go
under the province.

Usage: python scripts/gen_foreign.py [--cpca SITE_PACKAGES] [--check]
  --cpca    where cpca is installed, if not in this Python (a throwaway venv's site-packages)
  --check   exit 1 if terms/foreign.yaml is not what this script would write
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import importlib.util
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import opencc
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary._fsutil import atomic_write  # noqa: E402
from glossary.romanize import hanyu_syllables  # noqa: E402

OUT = ROOT / "terms" / "foreign.yaml"
HEADER = ROOT / "scripts" / "termbase_header.txt"

#: Every foreign place ranks below every Taiwan place (docs/termbase.md, Prominence).
PROMINENCE = 5

#: What each level is tagged (a subset can be chosen: --tag county-level).
LEVEL_TAGS = ("province-level", "prefecture-level", "county-level")

#: Code prefixes left out (see the module docstring).
LEFT_OUT = ("71", "81", "82", "4603")
#: Rows that stand for no division of their own.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

#: Generic words, longest first: Simplified suffix -> English word, by level.
GENERIC_PROVINCE = [("自治区", "Autonomous Region"), ("省", "Province"), ("市", "Municipality")]
GENERIC_CITY = [
    ("自治州", "Autonomous Prefecture"),
    ("地区", "Prefecture"),
    ("盟", "League"),
    ("市", "City"),
]
GENERIC_COUNTY = [
    ("自治县", "Autonomous County"),
    ("自治旗", "Autonomous Banner"),
    ("特区", "Special District"),
    ("县", "County"),
    ("旗", "Banner"),
    ("区", "District"),
    ("市", "City"),
]

#: English names the PRC itself uses for five province-level divisions whose names are not
#: their plain Hanyu Pinyin: Shaanxi (spelled apart from Shanxi 山西), and the autonomous
#: regions (Inner Mongolia, Tibet, and the people named in the other three).
PROVINCE_ENGLISH = {
    "陕西省": ("Shaanxi Province", [("Shaanxi", "legacy")]),
    "内蒙古自治区": (
        "Inner Mongolia Autonomous Region",
        [("Inner Mongolia", "translation"), ("Nei Mongol", "legacy")],
    ),
    "西藏自治区": (
        "Tibet Autonomous Region",
        [("Tibet", "legacy"), ("Xizang Autonomous Region", "hanyu")],
    ),
    "广西壮族自治区": ("Guangxi Zhuang Autonomous Region", [("Guangxi", "legacy")]),
    "宁夏回族自治区": ("Ningxia Hui Autonomous Region", [("Ningxia", "legacy")]),
    "新疆维吾尔自治区": ("Xinjiang Uygur Autonomous Region", [("Xinjiang", "legacy")]),
}

#: Traditional forms OpenCC s2tw gets wrong in these names (it reads 范 and 余 as the words
#: 範 and 餘, 钟 as 鐘 where the place is written 鍾): Simplified name -> Traditional name.
TRADITIONAL_FIXES: dict[str, str] = {
    "范县": "范縣",
    "苏仙区": "蘇仙區",
    "徐汇区": "徐匯區",
    "江干区": "江干區",
    "浮梁县": "浮梁縣",
    "石拐区": "石拐區",
    "凌河区": "凌河區",
    "湾里区": "灣里區",
    "沈北新区": "瀋北新區",
    "云城区": "雲城區",
    "云溪区": "雲溪區",
    "紫云苗族布依族自治县": "紫雲苗族布依族自治縣",
    "云岩区": "雲岩區",
    "安岳县": "安岳縣",
    "岳塘区": "岳塘區",
    "岳普湖县": "岳普湖縣",
    "岳池县": "岳池縣",
    "岳西县": "岳西縣",
    "巨野县": "巨野縣",
    "巨鹿县": "巨鹿縣",
    # OpenCC's place-name phrases give the old forms (慈谿, 蘭谿, 霑化, 澂江) that the
    # names no longer use, and 湖裡, 穀城 for 湖里, 谷城.
    "湖里区": "湖里區",
    "竹溪县": "竹溪縣",
    "谷城县": "谷城縣",
    "辰溪县": "辰溪縣",
    "资溪县": "資溪縣",
    "沾化区": "沾化區",
    "沾益区": "沾益區",
    "澄江县": "澄江縣",
    "兰溪市": "蘭溪市",
    "慈溪市": "慈溪市",
}

#: Names whose Traditional form could not be settled (a character simplified from a rarer
#: one: 大余 was 大庾, 新干 was 新淦, 浚 stands for 濬): left out rather than written wrong.
UNSETTLED = {"大余县", "扶余市", "新干县", "钟山区", "新余市", "浚县"}

#: Readings the engine gets wrong for these places (pypinyin's first reading of a
#: character with several): Simplified name without generic word -> Hanyu syllables.
READING_FIXES: dict[str, tuple[str, ...]] = {
    "大埔": ("da", "bu"),  # Guangdong's Dabu County (Taiwan's 大埔 reads Dapu)
    "乾安": ("qian", "an"),
    "马尾": ("ma", "wei"),
    "单": ("shan",),  # Shan County, Shandong
    "朝阳": ("chao", "yang"),
    "南乐": ("nan", "le"),
    "民乐": ("min", "le"),
    "乐陵": ("lao", "ling"),
    "洪洞": ("hong", "tong"),
    "繁峙": ("fan", "shi"),
    "浚": ("xun",),
    "涡阳": ("guo", "yang"),
    "蚌山": ("beng", "shan"),
    "荥经": ("ying", "jing"),
    "六合": ("lu", "he"),
    "龙圩": ("long", "xu"),
    "费": ("bi",),
    "召陵": ("shao", "ling"),
    "曾都": ("zeng", "du"),
    "万柏林": ("wan", "bai", "lin"),
}

#: Readings of single characters in every name here (pypinyin reads 長 zhang and 都 dou in
#: many names it has no phrase for: 長豐 Changfeng, 寧都 Ningdu). Names in READING_FIXES
#: and CHAR_EXCEPTIONS are left as they are.
CHAR_READINGS = {"长": "chang", "都": "du", "什": "shi", "卡": "ka", "勒": "le"}
CHAR_EXCEPTIONS = {"长子"}  # Zhangzi County, Shanxi


@dataclass
class Division:
    code: str
    zh_s: str
    level: int  # 0 province, 1 prefecture, 2 county
    parent: Division | None = None
    ident: str = ""
    zh_t: str = ""
    english: str = ""
    admitted: list[tuple[str, str]] = field(default_factory=list)  # (term, system)
    system: str = "hanyu"
    corrected: str = ""  # the note of a Hanyu reading the engine does not give


def cpca_csv(where: str | None) -> tuple[Path, str]:
    if where:
        sys.path.insert(0, where)
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("cpca is not installed: pip install --no-deps cpca==0.5.5")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"
    return path, importlib.metadata.version("cpca")


#: Generic words that only these names end with (万柏林区 is Wanbailin District).
GENERIC_ONLY = {
    "神农架林区": ("神农架", "Forestry District"),
    "浦东新区": ("浦东", "New Area"),
    "滨海新区": ("滨海", "New Area"),
    "沈北新区": ("沈北", "New District"),
}


def split_generic(name: str, table: list[tuple[str, str]]) -> tuple[str, str]:
    if name in GENERIC_ONLY:
        return GENERIC_ONLY[name]
    for suffix, english in table:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], english
    raise SystemExit(f"no generic word in {name!r}")


def pinyin(zh_t: str, stem_s: str, peoples: tuple[str, ...] = ()) -> str:
    """'Heping' for 和平區, "Xi'an" for 西安市 (the apostrophe before a, o or e).

    The whole name is read, then its generic word dropped: pypinyin reads 天長市 tian chang
    shi but 天長 alone tian zhang. A people named in the name is a word of its own
    (甘孜藏族 Ganzi Zangzu), as the PRC's place-name spelling rules write it.
    """
    syllables = READING_FIXES.get(stem_s)
    if syllables is None:
        whole = hanyu_syllables(zh_t)
        if len(whole) != len(zh_t):
            raise SystemExit(f"{zh_t}: {len(whole)} syllables for {len(zh_t)} characters")
        syllables = whole[: len(stem_s)]
        if stem_s not in CHAR_EXCEPTIONS:
            syllables = tuple(
                CHAR_READINGS.get(char, syllable)
                for char, syllable in zip(stem_s, syllables, strict=True)
            )
    words, start = [], 0
    for length in (len(stem_s) - sum(map(len, peoples)), *map(len, peoples)):
        words.append(join(syllables[start : start + length]))
        start += length
    return " ".join(words)


def join(syllables: tuple[str, ...]) -> str:
    word = syllables[0]
    for syllable in syllables[1:]:
        word += ("'" if syllable[0] in "aoe" else "") + syllable
    return word.capitalize()


def peoples_in(stem: str, generic: str, nations: list[str]) -> tuple[str, ...]:
    """The peoples an autonomous division names, in order.

    ('藏族',) for 甘孜藏族, ('黎族', '苗族') for 保亭黎族苗族; a people named without 族 only
    right before the generic word (察布查尔锡伯自治县), so that 彭水苗族 keeps its 水 and 长白
    its 白.
    """
    if "Autonomous" not in generic and not stem.endswith("族"):
        return ()
    found: list[str] = []
    while True:
        for nation in nations:
            bare = not nation.endswith("族")
            if bare and found:
                continue
            if stem.endswith(nation) and len(stem) > len(nation):
                found.insert(0, nation)
                stem = stem[: -len(nation)]
                break
        else:
            return tuple(found)
        if bare:
            return tuple(found)


def slug(text: str) -> str:
    text = text.lower().replace("'", "").replace("ü", "u")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def load(path: Path) -> list[Division]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_code: dict[str, Division] = {}
    for row in rows:
        code = row["adcode"][:6]
        if code.startswith(LEFT_OUT) or row["name"] in PLACEHOLDERS | UNSETTLED:
            continue
        level = 0 if code.endswith("0000") else 1 if code.endswith("00") else 2
        by_code[code] = Division(code, row["name"], level)
    for division in by_code.values():
        if division.level == 1:
            division.parent = by_code[division.code[:2] + "0000"]
        elif division.level == 2:
            division.parent = (
                by_code.get(division.code[:4] + "00") or by_code[division.code[:2] + "0000"]
            )
    return sorted(by_code.values(), key=lambda d: d.code)


def name(division: Division, s2tw: opencc.OpenCC, nations: list[str]) -> None:
    zh_s = division.zh_s
    division.zh_t = TRADITIONAL_FIXES.get(zh_s) or s2tw.convert(zh_s)
    if zh_s in PROVINCE_ENGLISH:
        division.english, division.admitted = PROVINCE_ENGLISH[zh_s]
        division.system = "translation"
        stem = split_generic(zh_s, GENERIC_PROVINCE)[0]
    else:
        table = [GENERIC_PROVINCE, GENERIC_CITY, GENERIC_COUNTY][division.level]
        stem, generic = split_generic(zh_s, table)
        peoples = peoples_in(stem, generic, nations)
        division.english = f"{pinyin(division.zh_t, stem, peoples)} {generic}"
        ours = re.sub("[^a-zü]", "", division.english.removesuffix(generic).lower())
        engine = "".join(hanyu_syllables(division.zh_t)[: len(stem)])
        if ours != engine:
            division.corrected = (
                "Hanyu Pinyin, the reading corrected in scripts/gen_foreign.py: "
                f"the engine reads {engine}."
            )
    parent = division.parent
    if zh_s in PROVINCE_ENGLISH:
        own = slug(division.admitted[0][0])  # cn-tibet, cn-inner-mongolia
    else:
        own = slug(division.english.removesuffix(generic))
    division.ident = f"{parent.ident}-{own}" if parent else f"cn-{own}"


def scalar(value: str) -> str:
    dumped: str = yaml.safe_dump([value], allow_unicode=True, width=1000)
    return dumped[2:].rstrip("\n")


def entry_yaml(division: Division, source: str) -> str:
    lines = [f"- id: {division.ident}", "  kind: foreign-place"]
    if division.parent:
        lines.append(f"  parent: {division.parent.ident}")
    lines.append(f"  prominence: {PROMINENCE}")
    lines += ["  zh:", f"    - term: {division.zh_t}", "  en:"]
    # matched only as written, capitals and all: folded, Anda City would be "and a city"
    lines += [f"    - term: {scalar(division.english)}", "      case: sensitive"]
    if division.corrected:  # Hanyu all the same, but the engine cannot confirm it: no claim
        lines.append(f"      note: {scalar(division.corrected)}")
    else:
        lines.append(f"      system: {division.system}")
    for term, system in division.admitted:
        lines += [
            f"    - term: {scalar(term)}",
            "      status: admitted",
            f"      system: {system}",
        ]
    lines.append(f"  note: {scalar(f'Simplified {division.zh_s}; division code {division.code}.')}")
    lines.append(f"  tags: [{LEVEL_TAGS[division.level]}]")
    lines.append(f"  source: {scalar(source)}")
    return "\n".join(lines)


def build(where: str | None = None) -> str:
    path, version = cpca_csv(where)
    divisions = load(path)
    s2tw = opencc.OpenCC("s2tw")
    with (path.parent / "56_nations.csv").open(encoding="utf-8") as handle:
        named = [line.strip() for line in handle if line.strip()]
    # 甘孜藏族自治州 names the people with 族, 察布查尔锡伯自治县 without it; longest first
    nations = sorted(
        {*named, *(n.removesuffix("族") for n in named), "各族"}, key=len, reverse=True
    )
    for division in divisions:  # sorted by code: parents before children
        name(division, s2tw, nations)
    seen: dict[str, Division] = {}
    for division in divisions:
        if division.ident in seen:  # two of one parent that read alike: 临夏市, 临夏县
            division.ident += "-" + slug(division.english.rsplit(" ", 1)[-1])
        seen[division.ident] = division
    source = (
        f"cpca {version}, https://pypi.org/project/cpca/{version}/ "
        "(https://github.com/DQinYuan/chinese_province_city_area_mapper), "
        "resources/adcodes.csv, from the PRC Ministry of Civil Affairs' administrative "
        "division codes; English derived (Hanyu Pinyin plus the generic word)"
    )
    header = (
        "# Generated by scripts/gen_foreign.py from the cpca package's division list; do not\n"
        "# edit by hand: change the script and run it again. Mainland China's provinces,\n"
        "# prefecture-level and county-level divisions (kind foreign-place, prominence 5),\n"
        "# kept so that context can tell a foreign homonym from a Taiwan name (Tianjin's\n"
        "# 和平區 from Taichung's, Guangdong's 台山 from New Taipei's 泰山). Chinese:\n"
        "# Traditional by OpenCC s2tw with corrections, the Simplified in each note. English:\n"
        "# Hanyu Pinyin by glossary's romanization engine plus the generic word; the\n"
        "# names of Mongolian, Uygur and Tibetan origin are given in pinyin too (Huhehaote,\n"
        "# not Hohhot). Data: cpca (MIT licence), from the Ministry of Civil Affairs'\n"
        "# division codes. Left out of exports by default.\n#\n"
    )
    body = "\n\n".join(entry_yaml(d, source) for d in sorted(divisions, key=lambda d: d.ident))
    return header + HEADER.read_text(encoding="utf-8") + "\n" + body + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--cpca", metavar="DIR", help="a site-packages folder holding cpca")
    args = parser.parse_args()
    text = build(args.cpca)
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run scripts/gen_foreign.py", file=sys.stderr)
            return 1
        return 0
    with atomic_write(OUT) as handle:
        handle.write(text.encode("utf-8"))
    print(f"wrote {OUT} ({text.count(chr(10) + '- id: ')} entries)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
