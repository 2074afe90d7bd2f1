#!/usr/bin/env python3
"""Generate terms/stations.yaml: the stations of Taiwan's railways and metros, and their operators.

Reads the transport ministry's TDX station lists (../shared/data/tdx_stations, one file per
operator, as saved in 2022) and writes one entry per station and operator: the same
Chinese name at two operators (板橋 of the railway, the high-speed rail and the Taipei
Metro) is two entries, each with its operator as parent. Lines of one operator share a
station: 台北車站 on two Taipei Metro lines is one entry.

A station's terms are its name with the word for station: 板橋站 and "Banqiao Station",
never the bare 板橋 or "Banqiao", which name the district (Banqiao District) far more
often. The railways' stations are also 車站 (板橋車站). The English is the operator's, as
TDX gives it (Kaohsiung's metro keeps its Tongyong spellings: Sizihwan), with the slips
listed in SLIPS corrected. The operators, with their official English, are in OPERATORS.

Usage: python scripts/gen_stations.py [--data ../shared/data] [--check]
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import termgen

OUT = termgen.ROOT / "terms" / "stations.yaml"

TDX = (
    "Ministry of Transportation and Communications, TDX (Transport Data eXchange) station "
    "lists, https://tdx.transportdata.tw, as saved by boggyjan/tdx-tra-transfers "
    "(https://github.com/boggyjan/tdx-tra-transfers, commit c01b22a, 2022-11-21), file {file}"
)

#: TDX file prefix -> (id prefix of its stations, operator id, railway?: its stations are 車站).
FILES = {
    "TRA": ("tra", "taiwan-railway-corporation", True),
    "THSR": ("thsr", "taiwan-high-speed-rail-corporation", True),
    "TRTC": ("taipei-metro", "taipei-rapid-transit-corporation", False),
    "TRTCMG": ("maokong-gondola", "maokong-gondola", False),
    "KRTC": ("kaohsiung-metro", "kaohsiung-rapid-transit-corporation", False),
    "KLRT": ("kaohsiung-lrt", "kaohsiung-rapid-transit-corporation", False),
    "TYMC": ("taoyuan-metro", "taoyuan-metro-corporation", False),
    "TMRT": ("taichung-metro", "taichung-mass-rapid-transit-corporation", False),
    "NTDLRT": ("danhai-lrt", "new-taipei-metro-corporation", False),
}

#: Prominence of a station, by its system: it orders the stations one name gives at several
#: operators (板橋站: the railway's, the high-speed rail's, the metro's) when nothing in a
#: text decides; it is below a district's (50), which a bare name means.
PROMINENCE = {
    "tra": 40,
    "thsr": 40,
    "taipei-metro": 35,
    "kaohsiung-metro": 30,
    "taoyuan-metro": 30,
    "taichung-metro": 30,
    "kaohsiung-lrt": 20,
    "danhai-lrt": 20,
    "maokong-gondola": 20,
}

#: Slips in the TDX English: (file prefix, Chinese) -> (English, why).
SLIPS = {
    ("TRTC", "徐匯中學"): (
        "St. Ignatius High School",
        "TDX prints 'St.lgnatius High School' (a lower-case L, no space)",
    ),
    ("KRTC", "世運"): (
        "World Games",
        "TDX prints 'World Game'; the station is named for the World Games",
    ),
}

#: Rows that are not stations: (file prefix, StationID) -> why.
NOT_STATIONS = {
    ("TRA", "1001"): "臺北-環島 'Taipei Surround Island', a second code for Taipei (1000)",
}

OPERATORS: list[dict[str, Any]] = [
    {
        "id": "maokong-gondola",
        "kind": "other",
        "parent": "taipei-rapid-transit-corporation",
        "zh": ["貓空纜車"],
        "en": [{"term": "Maokong Gondola", "official": True}],
        "definition": "The gondola lift from Taipei Zoo up to Maokong.",
        "source": (
            "Wikipedia, 'Maokong Gondola', https://en.wikipedia.org/wiki/Maokong_Gondola (the "
            "Maokong Gondola (貓空纜車), operated by the Taipei Rapid Transit Corporation; "
            "stations 動物園, 動物園南, 指南宮, 貓空)."
        ),
    },
    {
        "id": "kaohsiung-rapid-transit-corporation",
        "kind": "organization",
        "zh": ["高雄捷運公司", {"term": "高雄捷運", "note": "the system it runs"}],
        "en": [
            {"term": "Kaohsiung Rapid Transit Corporation", "official": True},
            {"term": "KRTC", "note": "abbreviation"},
            {"term": "Kaohsiung Metro", "note": "the system it runs"},
        ],
        "definition": "The company that runs the Kaohsiung Metro and its Circular light rail.",
        "source": (
            "Wikipedia, 'Kaohsiung Metro' (copy at "
            "https://review.clateway.com/wiki/view_html.php?lang=en&q=Kaohsiung_Metro): "
            "Kaohsiung Metro (高雄捷運) is operated by the Kaohsiung Rapid Transit Corporation "
            "(KRTC; 高雄捷運公司); Wikipedia, 'Circular light rail', "
            "https://en.wikipedia.org/wiki/Circular_light_rail (operated by the Kaohsiung "
            "Rapid Transit Corporation)."
        ),
    },
    {
        "id": "new-taipei-metro-corporation",
        "kind": "organization",
        "zh": ["新北捷運公司", {"term": "新北捷運", "note": "the system it runs"}],
        "en": [
            {"term": "New Taipei Metro Corp", "official": True},
            {"term": "New Taipei Metro", "note": "the system it runs"},
        ],
        "definition": "The company that runs New Taipei's Danhai and Ankeng light rail.",
        "source": (
            "Taipei Times, 2020-11-15, "
            "https://www.taipeitimes.com/News/taiwan/archives/2020/11/15/2003746956 (New "
            "Taipei Metro Corp, the Danhai Light Rail Transit system); United Daily News / CNA, "
            "2025-12-25, https://udn.com/news/story/7323/9225770 (新北捷運公司, 淡海輕軌); "
            "Wikipedia, 'New Taipei Metro', https://en.wikipedia.org/wiki/New_Taipei_Metro."
        ),
    },
    {
        "id": "taichung-mass-rapid-transit-corporation",
        "kind": "organization",
        "zh": ["臺中捷運公司", {"term": "臺中捷運", "note": "the system it runs"}],
        "en": [
            {"term": "Taichung Mass Rapid Transit Corporation", "official": True},
            {"term": "Taichung MRT", "note": "the system it runs"},
            {"term": "Taichung Metro", "note": "the system it runs"},
        ],
        "definition": "The company that runs the Taichung MRT.",
        "source": (
            "Taichung MRT, 'Company Profile', https://www.tmrt.com.tw/eng/about (台中捷運公司); "
            "Wikipedia, 'Taichung MRT', https://en.wikipedia.org/wiki/Taichung_MRT (operator: "
            "Taichung Mass Rapid Transit Corporation; also called Taichung Metro); Wikipedia "
            "copy at https://en.wanweibaike.com/wiki-Taichung_Metro (Taichung Metro, 臺中捷運)."
        ),
    },
    {
        "id": "taipei-rapid-transit-corporation",
        "kind": "organization",
        "zh": ["臺北捷運公司", {"term": "臺北捷運", "note": "the system it runs"}],
        "en": [
            {"term": "Taipei Rapid Transit Corporation", "official": True},
            {"term": "TRTC", "note": "abbreviation"},
            {"term": "Taipei Metro", "note": "the system it runs"},
        ],
        "definition": "The company that runs the Taipei Metro and the Maokong Gondola.",
        "source": (
            "Maokong Gondola, news, https://english.gondola.taipei/News_Content.aspx"
            "?n=BD46B52536C680CD&sms=DFFA119D1FD5602C&s=82FF73B0CE8BC50B (Taipei Rapid Transit "
            "Corporation (TRTC), Taipei Metro); Wikipedia, 'Maokong Gondola', "
            "https://en.wikipedia.org/wiki/Maokong_Gondola (operated by the Taipei Rapid "
            "Transit Corporation); Guide to Taiwan, "
            "https://guidetotaiwan.com/ko/transit/taipei-mrt-rapid-transit-subway (Taipei "
            "Metro, 台北捷運); United Daily News / CNA, 2025-12-25, "
            "https://udn.com/news/story/7323/9225770 (台北捷運公司)."
        ),
    },
    {
        "id": "taiwan-high-speed-rail-corporation",
        "kind": "organization",
        "zh": [
            "台灣高速鐵路股份有限公司",
            {"term": "台灣高鐵", "note": "the railway it runs"},
            {"term": "台灣高速鐵路", "note": "the railway it runs"},
        ],
        "en": [
            {"term": "Taiwan High Speed Rail Corporation", "official": True},
            {"term": "THSRC", "note": "abbreviation"},
            {"term": "Taiwan High Speed Rail", "note": "the railway it runs"},
            {"term": "THSR", "note": "abbreviation of the railway"},
        ],
        "definition": "The company that built and runs Taiwan's high-speed railway.",
        "source": (
            "Wikipedia, 'Taiwan High Speed Rail', "
            "https://en.wikipedia.org/wiki/Taiwan_High_Speed_Rail (Taiwan High Speed Rail "
            "(THSR), operated by the Taiwan High Speed Rail Corporation (THSRC); 台灣高速鐵路, "
            "台灣高鐵); the company's rules, 台灣高速鐵路股份有限公司旅客運送實施要點, "
            "as listed at "
            "https://gobizplace.com/rel-%E5%8F%B0%E7%81%A3%E9%AB%98%E9%80%9F%E9%90%B5%E8%B7%AF"
            "%E8%82%A1%E4%BB%BD%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8%E6%97%85%E5%AE%A2%E9%81%8B"
            "%E9%80%81%E5%AF%A6%E6%96%BD%E8%A6%81%E9%BB%9E%E7%AC%AC40%E9%BB%9E-1."
        ),
    },
    {
        "id": "taiwan-railway-corporation",
        "kind": "organization",
        "since": "2024-01-01",
        "zh": [
            "國營臺灣鐵路股份有限公司",
            {
                "term": "交通部臺灣鐵路管理局",
                "status": "deprecated",
                "note": "2024-01-01 改制為國營臺灣鐵路股份有限公司",
            },
            {
                "term": "臺灣鐵路管理局",
                "status": "deprecated",
                "note": "2024-01-01 改制為國營臺灣鐵路股份有限公司",
            },
        ],
        "en": [
            {"term": "Taiwan Railway Corporation", "official": True},
            {"term": "Taiwan Railway Corp", "note": "as the Taipei Times writes it"},
            {"term": "TRC", "note": "abbreviation"},
            {
                "term": "Taiwan Railways Administration",
                "status": "deprecated",
                "note": (
                    "the government agency corporatized as Taiwan Railway Corporation on 2024-01-01"
                ),
            },
            {
                "term": "TRA",
                "status": "deprecated",
                "note": "the Taiwan Railways Administration, before 2024-01-01",
            },
        ],
        "definition": "The state-owned company that runs Taiwan's conventional railway.",
        "source": (
            "Taipei Times, 2024-01-02, "
            "https://www.taipeitimes.com/News/taiwan/archives/2024/01/02/2003811495 (the Taiwan "
            "Railways Administration (TRA) yesterday officially became the state-run Taiwan "
            "Railway Corp (TRC)); International Railway Journal, "
            "https://www.railjournal.com/policy/tra-becomes-taiwan-railway-corporation/ "
            "(Taiwan Railway Corporation (TRC), January 1); MOJ, 國營臺灣鐵路股份有限公司設置條例, "
            "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=K0000198, and "
            "交通部臺灣鐵路管理局組織條例, https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=K0000106."
        ),
    },
    {
        "id": "taoyuan-metro-corporation",
        "kind": "organization",
        "zh": ["桃園大眾捷運股份有限公司", {"term": "桃園捷運", "note": "the system it runs"}],
        "en": [
            {"term": "Taoyuan Metro Corporation", "official": True},
            {"term": "Taoyuan Metro", "note": "the system it runs"},
        ],
        "definition": "The company that runs the Taoyuan Airport MRT.",
        "source": (
            "Taoyuan Metro, 'About Taoyuan Metro', "
            "https://www.tymetro.com.tw/tymetro-new/en/_pages/about/index.html (Taoyuan Metro "
            "Corporation was established on 6 July 2010); Wikipedia (de) copy, 'Taoyuan Metro', "
            "https://de.zxc.wiki/wiki/Taoyuan_Metro (Taoyuan Metro - 桃園捷運; Taoyuan Metro "
            "Corporation - 桃園大眾捷運股份有限公司)."
        ),
    },
]


def _terms_of_operator(entry: dict[str, Any]) -> dict[str, Any]:
    """Operator entries: English names of companies match only as written."""
    out = dict(entry)
    en = []
    for number, term in enumerate(entry["en"]):
        term = {"term": term} if isinstance(term, str) else dict(term)
        term.setdefault("status", "preferred" if number == 0 else "admitted")
        term.setdefault("system", "translation")
        term["case"] = "sensitive"
        en.append(term)
    out["en"] = en
    return out


def _load(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    lines = data["StationOfLines"] if isinstance(data, dict) else data
    stations = []
    for item in lines:
        line = item.get("LineID")
        for station in item.get("Stations", [item]):
            stations.append({**station, "line": line})
    return stations


def _english_system(zh: str, base: str) -> str:
    """The system an operator's English follows, checked against the Chinese reading."""
    from glossary._errors import RomanizationError
    from glossary._text import latin_key
    from glossary.romanize import romanize

    key = latin_key(base)
    for system in ("hanyu", "tongyong", "wade-giles", "mps2"):
        try:
            if latin_key(romanize(zh, system)) == key:
                return system
        except RomanizationError:  # digits or a slash in the name: 台北101/世貿
            break
    return "translation"


def build(data: Path) -> str:
    folder = data / "tdx_stations"
    entries: dict[str, dict[str, Any]] = {}
    seen: dict[tuple[str, str], str] = {}
    used_slips = set()
    for path in sorted(folder.glob("*.json")):
        prefix = re.match(r"[A-Z]+", path.name).group(0)  # type: ignore[union-attr]
        if prefix not in FILES:
            raise SystemExit(f"{path.name}: no operator for {prefix!r} in FILES")
        id_prefix, operator, railway = FILES[prefix]
        for station in _load(path):
            if (prefix, station["StationID"]) in NOT_STATIONS:
                continue
            zh = station["StationName"]["Zh_tw"].strip()
            en = " ".join(station["StationName"]["En"].split())
            if (operator, zh) in seen:
                continue  # one station on two lines of one operator
            note = None
            if (prefix, zh) in SLIPS:
                en, note = SLIPS[prefix, zh]
                used_slips.add((prefix, zh))
            base_zh = zh.removesuffix("站").removesuffix("車")
            name = en.removesuffix(" Station")
            english = en if en.endswith(" Station") else f"{en} Station"
            chinese = zh if zh.endswith("站") else f"{zh}站"
            ident = f"{id_prefix}-{termgen.slug(name)}"
            if ident in entries:
                raise SystemExit(f"{path.name}: two stations make the id {ident}")
            seen[operator, zh] = ident
            system = _english_system(base_zh, name)
            en_terms: list[dict[str, Any]] = [
                {
                    "term": english,
                    "status": "preferred",
                    "system": system,
                    "official": True,
                    "case": "sensitive",
                    "note": note,
                }
            ]
            zh_terms: list[Any] = [chinese]
            if "/" in zh:
                # A term holds CJK and digits only: 台北101/世貿 is kept as its two halves.
                zh_terms = [
                    {"term": f"{half}站", "note": f"the station is named {zh}"}
                    for half in zh.split("/")
                ]
                chinese = zh_terms[0]["term"]
            if railway and not zh.endswith("站"):
                zh_terms.append(f"{zh}車站")
            printed = station["StationName"]["En"]
            entries[ident] = {
                "id": ident,
                "kind": "station",
                "parent": operator,
                "zh": zh_terms,
                "gloss": chinese,
                "en": en_terms,
                "tags": [id_prefix],
                "prominence": PROMINENCE[id_prefix],
                "source": (
                    TDX.format(file=path.name)
                    + f": station {station['StationID']}, {zh} / {printed}."
                ),
            }
    unused = set(SLIPS) - used_slips
    if unused:
        raise SystemExit(f"slips not found in the data: {sorted(unused)}")
    if len(entries) < 450:
        raise SystemExit(f"only {len(entries)} stations: is the data complete?")
    all_entries = list(entries.values()) + [_terms_of_operator(o) for o in OPERATORS]
    intro = """\
Generated by scripts/gen_stations.py: do not edit by hand; change the script and run it
again. The stations of Taiwan's railways, metros and the Maokong Gondola, from the
transport ministry's TDX station lists (government open data) as saved by
boggyjan/tdx-tra-transfers (commit c01b22a, 2022-11-21): stations opened or renamed since
are missing. Each station's parent is its operator; the operators, with their official
English and sources, are curated in the script. A station is named with the word for
station (板橋站, Banqiao Station), never by its bare name, which is the district's. English
names match in text only as written. Prominence orders one name's stations: railway and
high-speed rail 40, Taipei Metro 35, the other metros 30, light rail and gondola 20.
"""
    return termgen.render(intro, all_entries)


if __name__ == "__main__":
    raise SystemExit(termgen.main(OUT, build, __doc__ or ""))
