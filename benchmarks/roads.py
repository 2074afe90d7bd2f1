"""A real-world term base of ~29k entries: the road names of ../shared/data.

Each distinct (Chinese, English) road name becomes one entry under the township it is listed
in first. Written as YAML in the same format as terms/, for scale tests and benchmarks.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import yaml

from glossary import TermBase

ROOT = Path(__file__).resolve().parent.parent
ROADS = ROOT.parent / "shared" / "data" / "tw_city_county_township_roads_en.json"


def road_names() -> list[tuple[str, str, str, str]]:
    """(city, township, road Chinese, road English), distinct by road name pair."""
    cities = json.loads(ROADS.read_text(encoding="utf-8"))
    seen: set[tuple[str, str]] = set()
    out = []
    for city in cities:
        for area in city["AreaList"]:
            for road in area.get("RoadList", []):
                zh = unicodedata.normalize("NFKC", road["RoadName"]).strip()
                en = road["RoadEngName"].strip()
                if not zh or not en or (zh, en) in seen:
                    continue
                seen.add((zh, en))
                out.append((city["CityName"], area["AreaName"], zh, en))
    return out


def write_termbase(path: Path) -> int:
    """Write the road term base to ``path``; return the number of entries."""
    builtin = TermBase.load()
    parents = {}
    for entry in builtin:
        if entry.parent and entry.parent in builtin:
            parents[(builtin[entry.parent].chinese, entry.chinese)] = entry.id
    rows = road_names()
    chunks = []
    for i, (city, area, zh, en) in enumerate(rows):
        entry = {"id": f"road-{i:05d}", "kind": "road", "zh": [zh], "en": [en]}
        parent = parents.get((city, area))
        if parent:
            entry["parent"] = parent
        entry["source"] = "Chunghwa Post road list (open data 6.5)"
        chunks.append(yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=1000))
    path.write_text("".join(chunks), encoding="utf-8")
    return len(rows)
