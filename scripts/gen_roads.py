#!/usr/bin/env python3
"""Generate terms/packs/roads.yaml: the sectioned arterial roads of Taiwan's cities and counties.

Reads Chunghwa Post's road list (縣市鄉鎮路名中英對照, dataset 6.5, the 2016 copy in
../shared/data/tw_city_county_township_roads_en.json) and writes one entry per road per
county or city for every road the post office lists in sections (八德路1段 ... "Sec. 1,
Bade Rd."): about 1,100 roads. The parent is the district or township when every section
lies in one, else the county or city. The pack is optional (Glossary(packs=("roads",)),
glossary --pack roads): 29k road names in the default term base would make everyday words
into false hits.

Each road has two English terms: the post office's form, official ("Zhongshan N. Rd."),
and the same with its abbreviations spelled out, preferred ("Zhongshan North Road"): Rd.
Road, St. Street, Blvd. Boulevard, N. S. E. W. North South East West. The system is
what the romanization engine confirms for the name without its generic word and
direction and ordinal (hanyu, or tongyong for the data's Tongyong leftovers); names with
an English word are labelled translation (Civic Blvd., Roosevelt Rd.), the rest legacy (a
reading or spelling of their own: Jiading Rd. for 茄萣路). Roads whose sections carry
names of their own (中豐路南勢1段, "Nanshi Sec. 1, Zhongfeng Rd.") are left out.

Usage: python scripts/gen_roads.py [--data ../shared/data] [--check]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary._audit import spelling_systems  # noqa: E402
from glossary._fsutil import atomic_write  # noqa: E402
from glossary.romanize import parse  # noqa: E402

OUT = ROOT / "terms" / "packs" / "roads.yaml"
DIVISIONS = ROOT / "terms" / "divisions.yaml"
DATA_FILE = "tw_city_county_township_roads_en.json"
SOURCE = (
    "Chunghwa Post, 縣市鄉鎮路名中英對照 (open data 6.5), the 2016 copy at "
    "https://github.com/donma/TaiwanAddressCityAreaRoadChineseEnglishJSON (AllData.json)"
)
PROMINENCE = 10  # below every place it is named after (docs/termbase.md)

SECTION_ZH = re.compile(r"(?P<road>.+?)(?P<n>\d+)段")
SECTION_EN = re.compile(r"Sec\. (?P<n>\d+), (?P<road>.+)")
GENERICS = {
    "Rd.": "Road",
    "St.": "Street",
    "Blvd.": "Boulevard",
    "Road": "Road",
    "Highway": "Highway",
}
DIRECTIONS = {"N.": "North", "S.": "South", "E.": "East", "W.": "West"}


CLASHES: list[str] = []


def slug(text: str) -> str:
    text = re.sub(r"['’]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def scalar(value: str) -> str:
    import yaml

    dumped: str = yaml.safe_dump([value], allow_unicode=True, width=1000)
    return dumped[2:].rstrip("\n")


def division_ids() -> dict[tuple[str, str], str]:
    """(county or city Chinese, township Chinese) -> id, from terms/divisions.yaml."""
    import yaml

    entries = yaml.safe_load(DIVISIONS.read_text(encoding="utf-8"))
    by_id = {e["id"]: e for e in entries}
    out: dict[tuple[str, str], str] = {}
    for entry in entries:
        zh = entry["zh"][0]["term"]
        parent = by_id.get(entry.get("parent", ""))
        out[(parent["zh"][0]["term"] if parent else "", zh)] = entry["id"]
    return out


def full_english(postal: str) -> str:
    """'Zhongshan North Road' from 'Zhongshan N. Rd.'."""
    words = postal.split()
    words[-1] = GENERICS[words[-1]]
    return " ".join(DIRECTIONS.get(w, w) for w in words)


def system_of(zh: str, postal: str) -> str:
    """The system of a road's name: hanyu or tongyong where the engine writes the name so
    (the audit's rule: its generic word, direction and ordinal aside, N. for 北, 6th for
    六); translation where a word is English (Civic Blvd.); else legacy (a reading or
    spelling of its own: Jiading Rd. for 茄萣路)."""
    systems = spelling_systems(postal, [zh])
    for system in ("hanyu", "tongyong"):
        if system in systems:
            return system
    words = postal.split()[:-1]
    if any(not parse(word) for word in words if word not in DIRECTIONS):
        return "translation"
    return "legacy"


def sections_note(numbers: set[int]) -> str:
    ordered = sorted(numbers)
    if ordered == list(range(1, len(ordered) + 1)):
        if len(ordered) == 1:
            return "Section 1 only."
        if len(ordered) == 2:
            return "Sections 1 and 2."
        return f"Sections 1 to {ordered[-1]}."
    return "Sections " + ", ".join(str(n) for n in ordered) + "."


def build(data_dir: Path) -> str:
    cities = json.loads((data_dir / DATA_FILE).read_text(encoding="utf-8"))
    ids = division_ids()
    areas: dict[tuple[str, str], set[str]] = defaultdict(set)
    english: dict[tuple[str, str], set[str]] = defaultdict(set)
    sections: dict[tuple[str, str], set[int]] = defaultdict(set)
    skipped = 0
    for city in cities:
        zh_city = city["CityName"]
        if (("", zh_city)) not in ids:
            continue  # the pseudo-cities of the island groups
        for area in city["AreaList"]:
            for road in area.get("RoadList", []):
                zh = unicodedata.normalize("NFKC", road["RoadName"])
                en = unicodedata.normalize("NFKC", road["RoadEngName"]).replace("’", "'")
                zh_match = SECTION_ZH.fullmatch(zh)
                if not zh_match:
                    continue
                en_match = SECTION_EN.fullmatch(en)
                if not en_match or en_match["road"].split()[-1] not in GENERICS:
                    skipped += 1
                    continue
                key = (zh_city, zh_match["road"])
                areas[key].add(area["AreaName"])
                english[key].add(en_match["road"])
                sections[key].add(int(zh_match["n"]))
    entries = []
    seen: dict[str, tuple[str, str]] = {}
    # Two roads of one city with one English name (中原路, 中園路: Zhongyuan Rd.) are told
    # apart by their district in the id.
    city_ids = [f"{ids[('', k[0])]}-{slug(full_english(next(iter(english[k]))))}" for k in english]
    shared = {i for i in city_ids if city_ids.count(i) > 1}
    for key in sorted(english):
        zh_city, zh = key
        if len(english[key]) != 1:
            raise SystemExit(f"{zh_city}{zh}: several English names {sorted(english[key])}")
        (postal,) = english[key]
        city_id = ids[("", zh_city)]
        (area,) = areas[key] if len(areas[key]) == 1 else ("",)
        parent = ids.get((zh_city, area), city_id) if area else city_id
        full = full_english(postal)
        ident = f"{city_id}-{slug(full)}"
        if ident in shared:
            ident = f"{parent}-{slug(full)}"
        if ident in seen:
            CLASHES.append(f"{ident}: {seen[ident]} and {key}")
        seen[ident] = key
        entries.append(
            {
                "id": ident,
                "parent": parent,
                "zh": zh,
                "full": full,
                "postal": postal,
                "system": system_of(zh, postal),
                "note": sections_note(sections[key]),
            }
        )
    if CLASHES:
        raise SystemExit("\n".join(CLASHES))
    entries.sort(key=lambda e: str(e["id"]))
    header = (ROOT / "scripts" / "termbase_header.txt").read_text(encoding="utf-8")
    intro = (
        "# Generated by scripts/gen_roads.py from Chunghwa Post's 縣市鄉鎮路名中英對照\n"
        "# (Taiwan Government Open Data Licence v1; attribution: 中華郵政股份有限公司):\n"
        f"# the {len(entries)} roads the post office lists in sections (段), one entry per road\n"
        "# per county or city. Do not edit by hand: change the script and run it again.\n"
        "# An optional pack, not loaded by default: Glossary(packs=('roads',)) or\n"
        "# glossary --pack roads. Preferred English: the post office's form with its\n"
        "# abbreviations spelled out (Zhongshan North Road); the post office's own form\n"
        "# (Zhongshan N. Rd.) is admitted and official. system: what the romanization\n"
        "# engine confirms for the name (hanyu, tongyong), translation where a word is\n"
        "# English (Civic Blvd.), else legacy (a reading of its own: Jiading Rd., 茄萣路).\n"
        f"# Left out: {skipped} road sections with names of their own (Nanshi Sec. 1).\n#\n"
    )
    body = "\n\n".join(entry_yaml(e) for e in entries)
    return intro + header + "\n" + body + "\n"


def entry_yaml(e: dict[str, object]) -> str:
    full, postal, system = str(e["full"]), str(e["postal"]), str(e["system"])
    lines = [
        f"- id: {e['id']}",
        "  kind: road",
        f"  parent: {e['parent']}",
        f"  prominence: {PROMINENCE}",
        f"  zh: [{scalar(str(e['zh']))}]",
        "  en:",
        f"    - term: {scalar(full)}",
        f"      system: {system}",
    ]
    if postal != full:
        lines += [
            f"    - term: {scalar(postal)}",
            "      status: admitted",
            f"      system: {system}",
            "      official: true",
        ]
    else:
        lines.append("      official: true")
    lines += [f"  note: {scalar(str(e['note']))}", f"  source: {scalar(SOURCE)}"]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--check", action="store_true", help="fail if the output is stale")
    args = parser.parse_args()
    text = build(args.data)
    if args.check:
        if not OUT.is_file() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale: run scripts/gen_roads.py", file=sys.stderr)
            return 1
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(OUT) as handle:
        handle.write(text.encode("utf-8"))
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
