"""Traditional/Simplified conversion, loaded only when first needed.

OpenCC (``opencc-python-reimplemented``) reads its dictionaries when a converter is made,
so converters are made on first use and kept. Conversion here is applied to names only:
over running text OpenCC damages surnames (范 → 範, 余 → 餘, 于 → 於).
"""

from __future__ import annotations

import threading
from functools import cache
from typing import Protocol


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


_lock = threading.Lock()


@cache
def _converter(config: str) -> _Converter:
    with _lock:
        import opencc

        converter: _Converter = opencc.OpenCC(config)
        return converter


def to_simplified(text: str) -> str:
    """Convert Traditional Chinese (as used in Taiwan) to Simplified.

    >>> to_simplified("西屯區")
    '西屯区'
    """
    return _converter("t2s").convert(text)


def to_traditional(text: str) -> str:
    """Convert Simplified Chinese to Traditional.

    >>> to_traditional("西屯区")
    '西屯區'
    """
    return _converter("s2t").convert(text)
