#!/usr/bin/env python3
"""Generate terms/divisions.yaml: Taiwan's 22 counties and cities and 368 townships.

Reads Chunghwa Post's 縣市鄉鎮中英對照 (dataset 6.1) from ../shared/data and writes one entry
per county, city and township with its official English, kind, parent and gloss form.

Each English name is checked against the Hanyu Pinyin reading of its Chinese; a name that
does not follow Hanyu must be listed in LEGACY below with the reason, or the script stops.
Entries curated by hand in terms/seed.yaml are left out here.

Older spellings still printed (ATTESTED below) become admitted terms: the romanization
engine derives each township's Tongyong Pinyin and Wade-Giles spelling, and a spelling is
kept only where a source listed in SOURCES attests it and it is what the engine writes for
the system it is labelled with (a customary form that follows no system, Pa-teh, is
labelled legacy). The rest are not typed in: the index derives them for lookups.

Prominence (docs/termbase.md) is set by level: municipalities 90, counties and provincial
cities 80, county-cities 60, districts of municipalities 50, districts of provincial
cities and urban townships 45, rural townships 40, the mountain indigenous districts and
townships (MOUNTAIN_INDIGENOUS) 35, the Dongsha and Nansha Islands 30.

Usage: python scripts/gen_divisions.py [--data ../shared/data] [--check]
  --check   exit 1 if terms/divisions.yaml is not what this script would write
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary._fsutil import atomic_write  # noqa: E402
from glossary._text import latin_key  # noqa: E402
from glossary.romanize import hanyu, readings, render, romanize  # noqa: E402

OUT = ROOT / "terms" / "divisions.yaml"
SEED = ROOT / "terms" / "seed.yaml"
DATA_FILE = "tw_city_county_township_en.json"

SOURCE = (
    "Chunghwa Post, 縣市鄉鎮中英對照 (open data 6.1), the 2020 copy at "
    "https://github.com/donma/TaiwanAddressCityAreaRoadChineseEnglishJSON (CityCountyData.json)"
)

# Not counties: the data's pseudo-cities for islands Taiwan claims or administers elsewhere.
PSEUDO_CITIES = {"釣魚臺", "南海島"}
# Listed among townships by the post office but not townships: the Dongsha and Nansha
# islands (under Kaohsiung) and the Diaoyutai Islands (under Yilan; see seed.yaml).
NOT_TOWNSHIPS = {"東沙群島", "南沙群島", "釣魚臺"}

MUNICIPALITIES = {"臺北市", "新北市", "桃園市", "臺中市", "臺南市", "高雄市"}
PROVINCIAL_CITIES = {"基隆市", "新竹市", "嘉義市"}

SUFFIX_KIND = {"區": "district", "鄉": "township", "鎮": "urban-township", "市": "county-city"}
GENERIC_EN = {"Dist.": "District", "Township": "Township", "City": "City", "County": "County"}

# English names that do not follow Hanyu Pinyin, with the system they follow. Checked by hand
# against the reading; anything else that differs stops the script.
LEGACY: dict[str, str] = {
    # Counties and cities keep their postal-era (Wade-Giles based) spellings.
    "臺北市": "legacy",
    "新北市": "legacy",
    "基隆市": "legacy",
    "新竹市": "legacy",
    "新竹縣": "legacy",
    "臺中市": "legacy",
    "彰化縣": "legacy",
    "嘉義市": "legacy",
    "嘉義縣": "legacy",
    "高雄市": "legacy",
    "屏東縣": "legacy",
    "臺東縣": "legacy",
    "花蓮縣": "legacy",
    "金門縣": "legacy",
    "連江縣": "legacy",
    # Townships with customary spellings.
    "淡水區": "legacy",  # Tamsui
    "鹿港鎮": "legacy",  # Lukang
    "臺東市": "legacy",  # Taitung City
    "屏東市": "legacy",  # Pingtung City
    "花蓮市": "legacy",  # Hualien City
    "彰化市": "legacy",  # Changhua City
}

# The sources of the older spellings in ATTESTED.
SOURCES = {
    "postal": (
        "Wikipedia, 'List of postal codes in the Republic of China', the Tongyong Pinyin "
        "era's list (Taipei County: Banciao City ...; Kaohsiung City: Sinsing District ...), "
        "as mirrored at https://en-academic.com/dic.nsf/enwiki/1180696"
    ),
    "tailingua": (
        "Tailingua, 'Taiwanese place names' (column 'Other spellings'), "
        "https://tailingua.com/resources/reference/places.php"
    ),
}

# Older spellings of townships that sources attest: (city, township) -> [(spelling without
# the generic word, system, source key)]. Tongyong Pinyin was the national standard from
# 2002 to 2008; Wade-Giles and the postal spellings before it.
ATTESTED: dict[tuple[str, str], list[tuple[str, str, str]]] = {
    ("新北市", "板橋區"): [
        ("Banciao", "tongyong", "postal"),
        ("Pan-chiao", "wade-giles", "tailingua"),
    ],
    ("新北市", "中和區"): [
        ("Jhonghe", "tongyong", "postal"),
        ("Chung-ho", "wade-giles", "tailingua"),
    ],
    ("新北市", "永和區"): [("Yung-ho", "wade-giles", "tailingua")],
    ("新北市", "蘆洲區"): [
        ("Lujhou", "tongyong", "postal"),
        ("Lu-chou", "wade-giles", "tailingua"),
    ],
    ("新北市", "三重區"): [("Sanch'ung", "wade-giles", "tailingua")],
    ("新北市", "汐止區"): [
        ("Sijhih", "tongyong", "postal"),
        ("Hsi-chih", "wade-giles", "tailingua"),
    ],
    ("新北市", "新店區"): [
        ("Sindian", "tongyong", "postal"),
        ("Hsintien", "wade-giles", "tailingua"),
    ],
    ("新北市", "新莊區"): [
        ("Sinjhuang", "tongyong", "postal"),
        ("Hsin-chuang", "wade-giles", "tailingua"),
    ],
    ("新北市", "淡水區"): [
        ("Danshuei", "tongyong", "postal"),
        ("Tanshui", "wade-giles", "tailingua"),
    ],
    ("新北市", "瑞芳區"): [("Rueifang", "tongyong", "postal")],
    ("新北市", "三峽區"): [("Sansia", "tongyong", "postal")],
    ("桃園市", "八德區"): [("Pa-teh", "legacy", "tailingua")],
    ("桃園市", "平鎮區"): [("Pingjhen", "tongyong", "tailingua")],
    ("桃園市", "中壢區"): [
        ("Jhongli", "tongyong", "tailingua"),
        ("Chung-li", "wade-giles", "tailingua"),
    ],
    ("新竹縣", "竹北市"): [
        ("Jhubei", "tongyong", "tailingua"),
        ("Chu-pei", "wade-giles", "tailingua"),
    ],
    ("臺中市", "豐原區"): [("Fongyuan", "tongyong", "tailingua")],
    ("雲林縣", "斗六市"): [("Douliou", "tongyong", "tailingua")],
    ("臺南市", "新營區"): [
        ("Sinying", "tongyong", "tailingua"),
        ("Hsin-ying", "wade-giles", "tailingua"),
    ],
    ("臺南市", "永康區"): [("Yung-kang", "wade-giles", "tailingua")],
    ("高雄市", "新興區"): [("Sinsing", "tongyong", "postal")],
    ("高雄市", "前金區"): [("Cianjin", "tongyong", "postal")],
    ("高雄市", "旗津區"): [("Cijin", "tongyong", "postal")],
    ("高雄市", "前鎮區"): [("Cianjhen", "tongyong", "postal")],
    ("高雄市", "楠梓區"): [("Nanzih", "tongyong", "postal")],
    ("高雄市", "小港區"): [("Siaogang", "tongyong", "postal")],
}

SYSTEM_NOTES = {
    "tongyong": "Tongyong Pinyin, the national standard from 2002 to 2008.",
    "wade-giles": "A Wade-Giles spelling, as the source writes it.",
    "legacy": "A customary spelling that follows no one system.",
}

# The mountain indigenous townships (山地鄉) and the municipalities' mountain indigenous
# districts (山地原住民區, Local Government Act as amended 2014-01-14): 24 + 6.
MOUNTAIN_INDIGENOUS = {
    ("新北市", "烏來區"),
    ("桃園市", "復興區"),
    ("臺中市", "和平區"),
    ("高雄市", "那瑪夏區"),
    ("高雄市", "桃源區"),
    ("高雄市", "茂林區"),
    ("宜蘭縣", "大同鄉"),
    ("宜蘭縣", "南澳鄉"),
    ("新竹縣", "尖石鄉"),
    ("新竹縣", "五峰鄉"),
    ("苗栗縣", "泰安鄉"),
    ("南投縣", "信義鄉"),
    ("南投縣", "仁愛鄉"),
    ("嘉義縣", "阿里山鄉"),
    ("屏東縣", "三地門鄉"),
    ("屏東縣", "霧臺鄉"),
    ("屏東縣", "瑪家鄉"),
    ("屏東縣", "泰武鄉"),
    ("屏東縣", "來義鄉"),
    ("屏東縣", "春日鄉"),
    ("屏東縣", "獅子鄉"),
    ("屏東縣", "牡丹鄉"),
    ("臺東縣", "延平鄉"),
    ("臺東縣", "海端鄉"),
    ("臺東縣", "達仁鄉"),
    ("臺東縣", "金峰鄉"),
    ("臺東縣", "蘭嶼鄉"),
    ("花蓮縣", "秀林鄉"),
    ("花蓮縣", "萬榮鄉"),
    ("花蓮縣", "卓溪鄉"),
}
MOUNTAIN_SOURCE = (
    "mountain indigenous district or township: Local Government Act (地方制度法), "
    "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=A0040003; Wikipedia (zh), "
    "直轄市山地原住民區, https://zh.wikipedia.org/zh-hant/直轄市山地原住民區"
)

PROMINENCE = {
    "municipality": 90,
    "county": 80,
    "city": 80,
    "county-city": 60,
    "district": 50,
    "urban-township": 45,
    "township": 40,
}
PROMINENCE_CITY_DISTRICT = 45  # a district of a provincial city (Keelung's Xinyi District)
PROMINENCE_MOUNTAIN = 35
PROMINENCE_ISLANDS = 30

# The island groups the post office lists under Kaohsiung; under Taiwanese law they are
# administered by Cijin District (its Zhongxing Village, since 1999-07-01).
ISLANDS = [
    {
        "id": "dongsha-islands",
        "kind": "island",
        "parent": "kaohsiung-city-qijin",
        "prominence": PROMINENCE_ISLANDS,
        "zh": "東沙群島",
        "gloss": "東沙",
        "en": [
            {"term": "Dongsha Islands", "status": "preferred", "system": "hanyu", "official": True},
            {
                "term": "Pratas Islands",
                "status": "admitted",
                "system": "legacy",
                "note": "The English name; Chunghwa Post's older list gave it in brackets.",
            },
            {
                "term": "Dong-Sha Islands",
                "status": "admitted",
                "system": "hanyu",
                "note": "Chunghwa Post's spelling in the Tongyong Pinyin era.",
            },
        ],
        "source": (
            "Chunghwa Post, 縣市鄉鎮中英對照 (open data 6.1, 2020 copy: 高雄市 東沙群島, "
            "Dongsha Islands, zip 817); Wikipedia, 'List of postal codes in the Republic of "
            "China', https://en-academic.com/dic.nsf/enwiki/1180696 ('Dong-Sha Islands "
            "(Pratas Islands) (東沙) 817'); Wikipedia (zh), 中興里 (旗津區), "
            "https://wikim.kfd.me/zh-hant/中興里_(旗津區) (東沙群島 and 南沙群島太平島 "
            "under Zhongxing Village, Cijin District, since 1999-07-01)"
        ),
    },
    {
        "id": "nansha-islands",
        "kind": "island",
        "parent": "kaohsiung-city-qijin",
        "prominence": PROMINENCE_ISLANDS,
        "zh": "南沙群島",
        "gloss": "南沙",
        "en": [
            {"term": "Nansha Islands", "status": "preferred", "system": "hanyu", "official": True},
            {
                "term": "Spratly Islands",
                "status": "admitted",
                "system": "legacy",
                "note": "The English name; Chunghwa Post's older list gave it in brackets.",
            },
            {
                "term": "Nan-Sha Islands",
                "status": "admitted",
                "system": "hanyu",
                "note": "Chunghwa Post's spelling in the Tongyong Pinyin era.",
            },
        ],
        "note": "Taiwan administers Taiping Island (太平島) among them, under Cijin District.",
        "source": (
            "Chunghwa Post, 縣市鄉鎮中英對照 (open data 6.1, 2020 copy: 高雄市 南沙群島, "
            "Nansha Islands, zip 819); Wikipedia, 'List of postal codes in the Republic of "
            "China', https://en-academic.com/dic.nsf/enwiki/1180696 ('Nan-Sha Islands "
            "(Spratly Islands) (南沙) 819'); Wikipedia (zh), 中興里 (旗津區), "
            "https://wikim.kfd.me/zh-hant/中興里_(旗津區) (南沙群島太平島 under Zhongxing "
            "Village, Cijin District, since 1999-07-01)"
        ),
    },
]

# English names that translate rather than transliterate (East District for 東區).
TRANSLATED = {"東區", "西區", "南區", "北區", "中區", "中西區"}

# Where the data's spelling is not the preferred one. Chinese -> (preferred, its note,
# admitted, its note, source).
RESPELLED = {
    "元長鄉": (
        "Yuanzhang Township",
        "Preferred: the Hanyu Pinyin of the name as the township says it, 長 read zhǎng (the "
        "name honours the settler 傅元掌), and Chunghwa Post's newest spelling.",
        "Yuanchang Township",
        "Hanyu Pinyin of the other reading of 長 (cháng); the township office's own form "
        "(Yuan-Chang), Chunghwa Post's 2020 list and English Wikipedia's.",
        "Wikipedia (zh), 元長鄉, https://wikiwand.com/zh-mo/articles/元長鄉 (named for 傅元掌; "
        "長 read 掌; Yuanzhang Township, Yuanchang Township); Yuan-Chang Township Office, "
        "https://www.yuanchang.gov.tw/eng/content/index.aspx?Parser=1,14,118 (Yuan-Chang); "
        "Wikipedia, 'Yuanchang, Yunlin', https://en.wikipedia.org/wiki/Yuanchang,_Yunlin; "
        "../shared/data/README.md (the newest Chunghwa Post sheet says Yuanzhang)",
    ),
}


def slug(english: str) -> str:
    """taichung-city from 'Taichung City'; renai from 'Ren’ai'."""
    text = re.sub(r"['’]", "", english.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def scalar(value: str) -> str:
    """A YAML scalar, quoted only where YAML needs it."""
    dumped: str = yaml.safe_dump([value], allow_unicode=True, width=1000)
    return dumped[2:].rstrip("\n")


def english_name(raw: str) -> tuple[str, str]:
    """('Xitun District', 'Xitun') from 'Xitun Dist.'; the curly apostrophe becomes '."""
    raw = raw.replace("’", "'")
    for short, full in GENERIC_EN.items():
        if raw.endswith(" " + short):
            base = raw[: -len(short) - 1]
            return f"{base} {full}", base
    raise SystemExit(f"no generic word in {raw!r}")


def system_for(chinese: str, base_zh: str, base_en: str) -> str:
    if chinese in LEGACY:
        if latin_key(base_en) == latin_key(hanyu(base_zh)):
            MISMATCHES.append(f"{chinese}: {base_en!r} is listed in LEGACY but follows Hanyu")
        return LEGACY[chinese]
    if chinese in TRANSLATED:
        return "translation"
    if latin_key(base_en) == latin_key(hanyu(base_zh)):
        return "hanyu"
    MISMATCHES.append(f"{chinese}: {base_en!r} is not Hanyu Pinyin {hanyu(base_zh)!r}")
    return "?"


MISMATCHES: list[str] = []
MOUNTAIN_SEEN: set[tuple[str, str]] = set()


def check_attested(chinese: str, stem: str, spelling: str, system: str) -> None:
    """An attested spelling must be what the engine writes in its system (any reading)."""
    if system == "legacy":
        return
    written = {latin_key(render(reading, system)) for reading in readings(stem)}
    if latin_key(spelling) not in written:
        MISMATCHES.append(f"{chinese}: {spelling!r} is not {system} {romanize(stem, system)!r}")


def seed_ids() -> set[str]:
    return set(re.findall(r"^- id: (\S+)", SEED.read_text(encoding="utf-8"), re.MULTILINE))


def entry_yaml(fields: dict[str, object]) -> str:
    lines = [f"- id: {fields['id']}", f"  kind: {fields['kind']}"]
    if fields.get("parent"):
        lines.append(f"  parent: {fields['parent']}")
    if fields.get("prominence"):
        lines.append(f"  prominence: {fields['prominence']}")
    lines.append("  zh:")
    lines.append(f"    - term: {scalar(str(fields['zh']))}")
    if fields.get("gloss"):
        lines.append(f"  gloss: {scalar(str(fields['gloss']))}")
    lines.append("  en:")
    terms = fields["en"]
    assert isinstance(terms, list)
    for term in terms:
        lines.append(f"    - term: {scalar(term['term'])}")
        for key in ("status", "system", "official", "note"):
            if key in term:
                value = term[key]
                text = "true" if value is True else scalar(str(value))
                lines.append(f"      {key}: {text}")
    if fields.get("note"):
        lines.append(f"  note: {scalar(str(fields['note']))}")
    lines.append(f"  source: {scalar(str(fields['source']))}")
    return "\n".join(lines)


def build(data_dir: Path) -> str:
    cities = json.loads((data_dir / DATA_FILE).read_text(encoding="utf-8"))
    skip = seed_ids()
    entries: list[dict[str, object]] = []
    townships = 0
    skipped: list[str] = []
    for city in cities:
        zh_city = city["CityName"]
        if zh_city in PSEUDO_CITIES:
            continue
        en_city = city["CityEngName"]
        city_id = slug(en_city)
        kind = (
            "municipality"
            if zh_city in MUNICIPALITIES
            else "city"
            if zh_city in PROVINCIAL_CITIES
            else "county"
        )
        full, base = english_name(en_city)
        entries.append(
            {
                "id": city_id,
                "kind": kind,
                "prominence": PROMINENCE[kind],
                "zh": zh_city,
                "en": [
                    {
                        "term": full,
                        "status": "preferred",
                        "system": system_for(zh_city, zh_city[:-1], base),
                        "official": True,
                    }
                ],
                "source": SOURCE,
            }
        )
        for area in city["AreaList"]:
            zh = area["AreaName"]
            if zh in NOT_TOWNSHIPS:
                continue
            townships += 1
            full, base = english_name(area["AreaEngName"])
            ident = f"{city_id}-{slug(base)}"
            stem = zh[:-1]
            terms: list[dict[str, object]]
            source = SOURCE
            if zh in RESPELLED:
                preferred, note, admitted, admitted_note, source = RESPELLED[zh]
                terms = [
                    {
                        "term": preferred,
                        "status": "preferred",
                        "system": "hanyu",
                        "official": True,
                        "note": note,
                    },
                    {
                        "term": admitted,
                        "status": "admitted",
                        "system": "hanyu",
                        "note": admitted_note,
                    },
                ]
                source = f"{SOURCE}; {source}"
            else:
                terms = [
                    {
                        "term": full,
                        "status": "preferred",
                        "system": system_for(zh, stem, base),
                        "official": True,
                    }
                ]
            generic = full[len(base) :]
            cited: list[str] = []
            for spelling, system, key in ATTESTED.pop((zh_city, zh), []):
                check_attested(zh, stem, spelling, system)
                terms.append(
                    {
                        "term": spelling + generic,
                        "status": "admitted",
                        "system": system,
                        "note": SYSTEM_NOTES[system],
                    }
                )
                if SOURCES[key] not in cited:
                    cited.append(SOURCES[key])
            if cited:
                source += " (official English); older spellings: " + "; ".join(cited)
            township_kind = SUFFIX_KIND[zh[-1]]
            if (zh_city, zh) in MOUNTAIN_INDIGENOUS:
                prominence = PROMINENCE_MOUNTAIN
                source += "; " + MOUNTAIN_SOURCE
                MOUNTAIN_SEEN.add((zh_city, zh))
            elif township_kind == "district" and kind == "city":
                prominence = PROMINENCE_CITY_DISTRICT
            else:
                prominence = PROMINENCE[township_kind]
            fields: dict[str, object] = {
                "id": ident,
                "kind": township_kind,
                "parent": city_id,
                "prominence": prominence,
                "zh": zh,
                "gloss": stem if len(stem) >= 2 else "",
                "en": terms,
                "source": source,
            }
            if ident in skip:
                skipped.append(ident)
            else:
                entries.append(fields)
    if townships != 368 or len([e for e in entries if "parent" not in e]) != 22:
        raise SystemExit(f"expected 22 counties and cities and 368 townships, got {townships}")
    if ATTESTED:
        raise SystemExit(f"attested spellings of townships not in the data: {sorted(ATTESTED)}")
    if MOUNTAIN_SEEN != MOUNTAIN_INDIGENOUS:
        missing = sorted(MOUNTAIN_INDIGENOUS - MOUNTAIN_SEEN)
        raise SystemExit(f"mountain indigenous townships not in the data: {missing}")
    entries.extend(dict(island) for island in ISLANDS if island["id"] not in skip)
    if MISMATCHES:
        raise SystemExit(
            "names that do not follow Hanyu Pinyin; check each and list it in LEGACY or "
            "TRANSLATED:\n  " + "\n  ".join(MISMATCHES)
        )
    entries.sort(key=lambda e: str(e["id"]))
    ids = [e["id"] for e in entries]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate ids")
    header = (ROOT / "scripts" / "termbase_header.txt").read_text(encoding="utf-8")
    intro = (
        "# Generated by scripts/gen_divisions.py from Chunghwa Post's 縣市鄉鎮中英對照\n"
        "# (Taiwan Government Open Data Licence v1; attribution: 中華郵政股份有限公司):\n"
        "# the 22 counties and cities, the 368 townships and the Dongsha and Nansha Islands.\n"
        "# Do not edit by hand: change the script and run it again. Entries curated by hand\n"
        f"# ({', '.join(sorted(skipped))}) live in seed.yaml.\n"
        "#\n"
        "# Older spellings (Tongyong Pinyin, 2002-2008, and Wade-Giles or postal forms) are\n"
        "# admitted terms only where a source attests them (each entry's source names it)\n"
        "# and the romanization engine confirms the spelling is its Chinese in the system\n"
        "# it is labelled with; the script derives every candidate and stops on a mismatch.\n"
        "# Spellings no source gives are not typed in: the index derives them for lookups.\n"
        "# Prominence by level: municipalities 90, counties and provincial cities 80,\n"
        "# county-cities 60, districts 50 (45 in a provincial city), urban townships 45,\n"
        "# rural townships 40, mountain indigenous districts and townships 35 (Local\n"
        "# Government Act), the Dongsha and Nansha Islands 30. 元長: Yuanzhang preferred\n"
        "# (the local reading of 長, zhǎng), Yuanchang admitted (Hanyu of cháng).\n#\n"
    )
    return intro + header + "\n" + "\n\n".join(entry_yaml(e) for e in entries) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--check", action="store_true", help="fail if the output is stale")
    args = parser.parse_args()
    text = build(args.data)
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale: run scripts/gen_divisions.py", file=sys.stderr)
            return 1
        return 0
    with atomic_write(OUT) as handle:
        handle.write(text.encode("utf-8"))
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
