"""Romanization: Chinese → Hanyu Pinyin readings, right for Taiwan's names.

pypinyin is imported only when a reading is first computed (it costs about 0.2 s and 60 MB),
and a small table of Taiwan readings wins over it where it misreads a place name.

This module is the seed of the romanization engine: other systems (Tongyong, Wade-Giles,
MPS II, Gwoyeu Romatzyh) and parsing romanized strings build on these readings.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cache

__all__ = ["hanyu", "hanyu_syllables"]

#: Readings of place names that pypinyin gets wrong, as Taiwan reads them (the official
#: English names of the townships confirm each: Changzhi, Changbin, Qieding, Dapu).
TAIWAN_READINGS: dict[str, tuple[str, ...]] = {
    "長治": ("chang", "zhi"),
    "長濱": ("chang", "bin"),
    "茄萣": ("qie", "ding"),
    "大埔": ("da", "pu"),
}

_lock = threading.Lock()


@cache
def _pypinyin() -> Callable[[str], list[str]]:
    with _lock:
        from pypinyin import Style, lazy_pinyin

    def read(text: str) -> list[str]:
        result: list[str] = lazy_pinyin(text, style=Style.NORMAL, v_to_u=True, errors="default")
        return result

    return read


def hanyu_syllables(text: str) -> tuple[str, ...]:
    """The Hanyu Pinyin syllables of a Chinese name, without tones, in lower case.

    Taiwan's readings of place names win over pypinyin's. Characters pypinyin cannot read
    come back unchanged.

    >>> hanyu_syllables("西屯")
    ('xi', 'tun')
    >>> hanyu_syllables("長治鄉")
    ('chang', 'zhi', 'xiang')
    """
    out: list[str] = []
    read = _pypinyin()
    i = 0
    while i < len(text):
        for length in (3, 2):
            chunk = text[i : i + length]
            if len(chunk) == length and chunk in TAIWAN_READINGS:
                out.extend(TAIWAN_READINGS[chunk])
                i += length
                break
        else:
            j = i + 1
            while j < len(text) and not any(text[j : j + n] in TAIWAN_READINGS for n in (2, 3)):
                j += 1
            out.extend(read(text[i:j]))
            i = j
    return tuple(out)


def hanyu(text: str) -> str:
    """The Hanyu Pinyin of a Chinese name as one toneless, lower-case word.

    >>> hanyu("石碇")
    'shiding'
    """
    return "".join(hanyu_syllables(text))
