"""Text folding shared by the index and the lookups.

A *key* is what two spellings of one name have in common once the differences a reader
ignores are gone. Latin keys drop case, diacritics, spaces, hyphens, apostrophes (any of
' ’ ‘ ʼ ` ´) and full stops (glossary._vocab says which: one list for keys and for the text
the matcher folds); Chinese keys are NFKC-normalized (full-width forms) with variant
characters mapped to one form (台 → 臺).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from glossary._vocab import CHINESE_PUNCTUATION, VARIANTS, fold

# Ranges of the CJK unified ideographs and their extensions, compatibility ideographs, and
# the iteration mark 々 and 〇 which appear in names.
_CJK_RANGES = (
    (0x3005, 0x3007),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2EBEF),
    (0x30000, 0x3134F),
)


__all__ = [
    "CHINESE_PUNCTUATION",
    "chinese_key",
    "has_cjk",
    "is_cjk",
    "latin_key",
    "strip_diacritics",
    "strip_tone_numbers",
]


@cache
def _cjk() -> re.Pattern[str]:
    # Compiled on first use: a class of 35,000 code points takes the regular expression
    # compiler about 2 ms, which a lookup of an English name never needs.
    return re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _CJK_RANGES) + "]")


def is_cjk(char: str) -> bool:
    """Whether ``char`` is a CJK ideograph.

    >>> is_cjk("臺"), is_cjk("A"), is_cjk("、")
    (True, False, False)
    """
    return not char.isascii() and _cjk().fullmatch(char) is not None


def has_cjk(text: str) -> bool:
    """Whether ``text`` contains at least one CJK ideograph.

    >>> has_cjk("Situn District (西屯)"), has_cjk("Situn")
    (True, False)
    """
    return not text.isascii() and _cjk().search(text) is not None


def strip_diacritics(text: str) -> str:
    """Remove combining marks: ``xītún`` → ``xitun``, ``Lü`` → ``Lu``.

    >>> strip_diacritics("Xītún Qū")
    'Xitun Qu'
    """
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def latin_key(text: str) -> str:
    """Fold a Latin-script name to its key.

    >>> latin_key("Hsi-t’un"), latin_key("LIU Shyh-fang"), latin_key("Da'an Dist.")
    ('hsitun', 'liushyhfang', 'daandist')
    """
    return fold(text)


_TONE_DIGITS = re.compile(r"(?<=[a-z])[1-5]")


def strip_tone_numbers(key: str) -> str:
    """Remove tone numbers written after syllables: ``xi1tun2`` → ``xitun``.

    >>> strip_tone_numbers("xi1tun2")
    'xitun'
    """
    return _TONE_DIGITS.sub("", key)


def chinese_key(text: str) -> str:
    """Fold a Chinese name to its key: NFKC, variants folded, spaces and dots dropped.

    >>> chinese_key("台中市"), chinese_key("臺中市")
    ('臺中市', '臺中市')
    """
    folded = unicodedata.normalize("NFKC", text).translate(VARIANTS)
    kept = "".join(c for c in folded if not c.isspace() and c not in CHINESE_PUNCTUATION)
    # Dropping a space can leave a combining mark next to a letter: normalize once more.
    return unicodedata.normalize("NFKC", kept).translate(VARIANTS)
