"""Traditional/Simplified conversion of names, loaded only when first needed.

OpenCC (the ``opencc`` wheels: the upstream C++ library and its dictionaries) reads its
dictionaries when a converter is made, so converters are made on first use and kept.
Conversion here is applied to names only: over running text OpenCC damages surnames
(范 → 範, 余 → 餘, 于 → 於).

Names keep the characters that Simplified Chinese keeps for names
(:data:`NAME_CHARACTERS`: 甯, 昇, 甦, 陞, 氾, 祕, 脩, each a standard character of the 2013
Table of General Standard Chinese Characters beside the one it used to be merged into):
张钧甯, not 张钧宁, is how Simplified text writes 張鈞甯.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from typing import Protocol


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


#: Characters a name keeps in Simplified: OpenCC's character table folds them into 宁, 升,
#: 苏, 升, 泛, 秘, 修, which is right for words (祕書 秘书) and wrong for names (張鈞甯).
NAME_CHARACTERS = frozenset("甯昇甦陞氾祕脩")
_KEPT = re.compile(f"([{''.join(sorted(NAME_CHARACTERS))}])")

_lock = threading.Lock()


@cache
def _converter(config: str) -> _Converter:
    with _lock:
        import opencc

        converter: _Converter = opencc.OpenCC(config)
        return converter


def to_simplified(text: str) -> str:
    """Convert a Traditional Chinese name (as written in Taiwan) to Simplified.

    >>> to_simplified("西屯區")
    '西屯区'
    >>> to_simplified("張鈞甯")
    '张钧甯'
    """
    converted = _converter("t2s").convert(text)
    if NAME_CHARACTERS.isdisjoint(text):
        return converted
    if len(converted) == len(text):  # OpenCC's t2s maps character for character
        return "".join(
            old if old in NAME_CHARACTERS else new for old, new in zip(text, converted, strict=True)
        )
    # A phrase changed length: convert the stretches between the kept characters.
    pieces = _KEPT.split(text)
    return "".join(piece if piece in NAME_CHARACTERS else _t2s(piece) for piece in pieces)


def _t2s(text: str) -> str:
    return _converter("t2s").convert(text) if text else text


def to_traditional(text: str) -> str:
    """Convert Simplified Chinese to Traditional.

    >>> to_traditional("西屯区")
    '西屯區'
    >>> to_traditional("张钧甯")
    '張鈞甯'
    """
    return _converter("s2t").convert(text)
