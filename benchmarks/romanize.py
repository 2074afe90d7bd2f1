"""Benchmarks for the romanization engine, on the road names of ../shared/data.

Run through benchmarks/run.py (one command for every table), or alone:
python benchmarks/romanize.py. Baselines are measured in the same run on the same names:
calling pypinyin directly (Hanyu with tone numbers, and its own Wade-Giles style), which is
what a user would pick instead.
"""

from __future__ import annotations

import sys
import timeit
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.roads import road_names
from glossary._errors import RomanizationError
from glossary._index import _reading_keys
from glossary._text import is_cjk
from glossary.romanize import LATIN, Reading, parse, readings, render


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """Minimum wall time of ``fn()`` over ``repeat`` runs, in seconds."""
    return min(timeit.repeat(fn, number=1, repeat=repeat))


def report() -> list[str]:
    """The romanization table, as Markdown lines."""
    from pypinyin import Style, lazy_pinyin

    candidates = sorted({zh for _, _, zh, _ in road_names() if all(is_cjk(c) for c in zh)})
    names = []
    unreadable = []
    for name in candidates:
        try:
            readings(name)
            names.append(name)
        except RomanizationError:
            unreadable.append(name)
    found: list[Reading] = []

    def read_all() -> None:
        found.clear()
        found.extend(readings(name)[0] for name in names)

    read_all()  # warm up: pypinyin's and OpenCC's dictionaries load on first use
    syllables = sum(len(r.syllables) for r in found)
    read_s = best_of(read_all)
    pypinyin_s = best_of(lambda: [lazy_pinyin(n, style=Style.TONE3) for n in names])
    pypinyin_wg_s = best_of(lambda: [lazy_pinyin(n, style=Style.WADEGILES) for n in names])

    render_s = best_of(lambda: [render(r, s) for r in found for s in LATIN])
    rendered = [render(r, "wade-giles") for r in found]
    parse_s = best_of(lambda: [parse(text) for text in rendered])
    parsed = sum(
        any(c.syllables == r.syllables for c in parse(text).candidates)
        for text, r in zip(rendered, found, strict=True)
    )

    keys_s = best_of(lambda: [list(_reading_keys(name, 0, 90.0, person=False)) for name in names])
    rate = syllables / 1000

    def per_syllable(seconds: float, factor: int = 1) -> str:
        return f"{rate * factor / seconds:,.0f}k syllables/s"

    n = len(names)
    return [
        f"{n:,} distinct road names of all-Chinese characters ({syllables:,} syllables) "
        "from ../shared/data; road names with digits (八德路1段) get no reading keys, nor "
        f"do {len(unreadable)} with a character pypinyin cannot read "
        f"({', '.join(unreadable[:3])}).",
        "",
        "| question | glossary | baseline (same run) | ratio |",
        "| --- | --- | --- | --- |",
        f"| read Chinese: `readings(name)` | {read_s:.2f} s, {per_syllable(read_s)} | "
        f"`pypinyin.lazy_pinyin(name, style=TONE3)` {pypinyin_s:.2f} s | "
        f"{read_s / pypinyin_s:.2f}x |",
        f"| render a reading in all 6 Latin systems | {render_s:.2f} s, "
        f"{per_syllable(render_s, len(LATIN))} | pypinyin's Wade-Giles alone, from Chinese: "
        f"{pypinyin_wg_s:.2f} s, {per_syllable(pypinyin_wg_s)} | "
        f"{render_s / len(LATIN) / pypinyin_wg_s:.2f}x per system |",
        f"| parse the Wade-Giles spellings back (`parse`) | {parse_s:.2f} s, "
        f"{per_syllable(parse_s)}; {parsed:,} of {n:,} read back | pypinyin has no parser | |",
        f"| index build: reading keys in 6 systems for every name | {keys_s:.2f} s | "
        f"`lazy_pinyin` alone {pypinyin_s:.2f} s | {keys_s / pypinyin_s:.2f}x |",
    ]


if __name__ == "__main__":
    print("\n".join(report()))
