#!/usr/bin/env python3
"""Generate terms/divisions.yaml: Taiwan's 22 counties and cities and 368 townships.

Reads Chunghwa Post's 縣市鄉鎮中英對照 (dataset 6.1) from ../shared/data and writes one entry
per county, city and township with its official English, kind, parent and gloss form.

Each English name is checked against the Hanyu Pinyin reading of its Chinese; a name that
does not follow Hanyu must be listed in LEGACY below with the reason, or the script stops.
Entries curated by hand in terms/seed.yaml are left out here.

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
from glossary.romanize import hanyu  # noqa: E402

OUT = ROOT / "terms" / "divisions.yaml"
SEED = ROOT / "terms" / "seed.yaml"
DATA_FILE = "tw_city_county_township_en.json"

SOURCE = "Chunghwa Post, 縣市鄉鎮中英對照 (open data 6.1, 2020 copy)"

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

# English names that translate rather than transliterate (East District for 東區).
TRANSLATED = {"東區", "西區", "南區", "北區", "中區", "中西區"}

# Where the data's spelling is not the preferred one. Chinese -> (preferred, admitted, note).
RESPELLED = {
    "元長鄉": (
        "Yuanzhang Township",
        "Yuanchang Township",
        "元長 reads Yuánzhǎng; Chunghwa Post's newer list spells it Yuanzhang, its 2020 list "
        "and the township office Yuanchang (see ../shared/data/README.md; Wikipedia, "
        "'Yuanchang, Yunlin').",
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


def seed_ids() -> set[str]:
    return set(re.findall(r"^- id: (\S+)", SEED.read_text(encoding="utf-8"), re.MULTILINE))


def entry_yaml(fields: dict[str, object]) -> str:
    lines = [f"- id: {fields['id']}", f"  kind: {fields['kind']}"]
    if fields.get("parent"):
        lines.append(f"  parent: {fields['parent']}")
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
            if zh in RESPELLED:
                preferred, admitted, note = RESPELLED[zh]
                terms = [
                    {
                        "term": preferred,
                        "status": "preferred",
                        "system": "hanyu",
                        "official": True,
                        "note": note,
                    },
                    {"term": admitted, "status": "admitted", "system": "legacy"},
                ]
            else:
                terms = [
                    {
                        "term": full,
                        "status": "preferred",
                        "system": system_for(zh, stem, base),
                        "official": True,
                    }
                ]
            fields: dict[str, object] = {
                "id": ident,
                "kind": SUFFIX_KIND[zh[-1]],
                "parent": city_id,
                "zh": zh,
                "gloss": stem if len(stem) >= 2 else "",
                "en": terms,
                "source": SOURCE,
            }
            if ident in skip:
                skipped.append(ident)
            else:
                entries.append(fields)
    if townships != 368 or len([e for e in entries if "parent" not in e]) != 22:
        raise SystemExit(f"expected 22 counties and cities and 368 townships, got {townships}")
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
        "# (Taiwan Government Open Data Licence v1; attribution: 中華郵政股份有限公司).\n"
        "# Do not edit by hand: change the script and run it again. Entries curated by hand\n"
        f"# ({', '.join(sorted(skipped))}) live in seed.yaml.\n#\n"
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
