"""The shared vocabulary of names: one source for what keys, the text fold, the matcher and
the renderers agree on.

- **Generic words**: the words a place name is written with or without (Situn District,
  Situn), their abbreviations (Dist., Twp., Co.) and their Chinese counterparts (區, 鄉...).
- **Dropped characters**: what a reader ignores between the parts of a name (spaces, hyphens,
  apostrophes, full stops, commas, slashes, middle dots), dropped from keys and from the
  folded text alike.
- **Case and character folding**: one function, :func:`fold_char`, says what a character of
  a name becomes in a key (NFKC, diacritics dropped, case folded, 台 → 臺); keys are built
  with it and the matcher folds text with it, so that a term is found in text exactly when
  its key is.

Nothing here imports anything of the package: it is the bottom of the import graph.
"""

from __future__ import annotations

import re
import unicodedata

#: Generic words of English place names, longest first among those sharing a stem, each
#: with the abbreviation Chunghwa Post and street signs write (or None).
GENERIC_WORDS: dict[str, str | None] = {
    "District": "Dist.",
    "Township": "Twp.",
    "County": "Co.",
    "City": None,
    "Islands": None,
    "Island": None,
}
#: Abbreviation → the generic word it stands for (Dist. → District).
ABBREVIATIONS: dict[str, str] = {short: word for word, short in GENERIC_WORDS.items() if short}
#: The generic words a bare name takes in text after it (Situn District, Situn Dist.),
#: case-folded, each mapped to the full word it stands for.
GENERIC_IN_TEXT: dict[str, str] = {
    "district": "district",
    "dist.": "district",
    "township": "township",
    "twp.": "township",
    "city": "city",
    "county": "county",
    "co.": "county",
}
#: What the word after a name says it names: each generic word (case-folded) that can
#: follow a name in text, with the kinds of entry (:class:`glossary.Kind` values) it fits.
#: A name followed by one that fits none of its entries' kinds is another thing's name:
#: Anping County (Hebei's) is not Tainan's Anping District, Zhongshan Road is a road, not
#: Zhongshan District. City and Township fit a district too: the districts of the
#: municipalities were cities and townships until 2010-2014 (Banqiao City, Dajia
#: Township); County fits counties only (Taipei County was New Taipei, not Taipei).
GENERIC_KINDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("district", "dist."), frozenset({"district"})),
    **dict.fromkeys(("township", "twp."), frozenset({"township", "urban-township", "district"})),
    "city": frozenset({"municipality", "city", "county-city", "district"}),
    **dict.fromkeys(("county", "co."), frozenset({"county"})),
    **dict.fromkeys(
        (
            "road",
            "rd.",
            "street",
            "st.",
            "avenue",
            "ave.",
            "boulevard",
            "blvd.",
            "lane",
            "ln.",
            "alley",
            "expressway",
            "freeway",
            "highway",
        ),
        frozenset({"road"}),
    ),
    **dict.fromkeys(("river", "creek", "stream"), frozenset({"river"})),
    **dict.fromkeys(("mountain", "mountains"), frozenset({"mountain"})),
    "lake": frozenset({"lake"}),
    **dict.fromkeys(("island", "islands", "islet"), frozenset({"island"})),
    "village": frozenset({"village"}),
}
#: A regular-expression alternation of :data:`GENERIC_IN_TEXT` (match it ignoring case).
GENERIC_ALTERNATION = "|".join(re.escape(word) for word in GENERIC_IN_TEXT)
#: The generic words a term's bare form is made by stripping (Situn for Situn District,
#: Situn Dist.): not Twp. and Co., which end company names as often as places.
GENERIC_STRIPPED = ("District", "Dist.", "Township", "City", "County", "Islands", "Island")
#: Chinese suffixes of the same kind (西屯 for 西屯區), longest first.
GENERIC_ZH = ("列嶼", "群島", "區", "鄉", "鎮", "市", "縣")

#: Every character for which ``str.isspace`` is true.
WHITESPACE = frozenset(
    "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
#: The middle dots between the parts of indigenous and foreign names (馬躍·比吼): allowed
#: in Chinese terms, dropped from keys.
CHINESE_PUNCTUATION = frozenset("·‧・•")
#: Characters dropped from keys and from the folded text: whitespace, hyphens and dashes,
#: apostrophes, full stops, commas, slashes, underscores (and their full-width forms), the
#: middle dots.
DROPPED = (
    WHITESPACE | frozenset("-‐‑‒–—'’‘ʼ`´′._,/") | frozenset("－．／＿，＇｀") | CHINESE_PUNCTUATION
)

#: Full stops and commas, full-width ones too (the fold drops both): a name runs across
#: one only where its term has it. ``MARKS.findall(text)`` joined and translated by
#: ``ASCII_MARKS`` is how a text or a term writes them (西，屯區 has ",", 西屯區 none).
MARKS = re.compile("[.,．，]")
ASCII_MARKS = str.maketrans("．，", ".,")

#: Variant characters folded to one form in keys. Only true variants belong here,
#: characters that name the same thing in every place name (台/臺); never characters that
#: Simplified/Traditional conversion would get wrong.
VARIANTS = str.maketrans({"台": "臺", "峯": "峰", "嶴": "澳", "羣": "群", "鷄": "雞"})

_DROPPED_CLASS = re.compile("[" + re.escape("".join(sorted(DROPPED))) + "]+")


def fold_char(char: str) -> str:
    """What one character of a name becomes in a key: NFKC, diacritics dropped, case folded
    (``str.casefold``: ß → ss), variants folded (台 → 臺). May be several characters or
    none; dropped characters are not removed here.

    >>> fold_char("Ü"), fold_char("ß"), fold_char("台"), fold_char("Ａ")
    ('u', 'ss', '臺', 'a')
    """
    if char.isascii():
        return char.lower()
    piece = unicodedata.normalize("NFKC", char)
    piece = "".join(c for c in unicodedata.normalize("NFD", piece) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", piece).casefold().translate(VARIANTS)


def fold(text: str) -> str:
    """A name's key: every character folded (:func:`fold_char`), dropped characters gone.

    >>> fold("Hsi-t’un"), fold("LIU Shyh-fang"), fold("Da'an Dist."), fold("Große Straße")
    ('hsitun', 'liushyhfang', 'daandist', 'grossestrasse')
    """
    if text.isascii():
        return _DROPPED_CLASS.sub("", text.lower())
    return _DROPPED_CLASS.sub("", "".join(map(fold_char, text)))


def strip_generic_en(term: str) -> str | None:
    """``Situn`` for ``Situn District``; None if the term has no generic word.

    >>> strip_generic_en("Situn District"), strip_generic_en("Liu Shyh-fang")
    ('Situn', None)
    """
    for word in GENERIC_STRIPPED:
        if term.endswith(" " + word) and len(term) > len(word) + 2:
            return term[: -len(word) - 1].rstrip()
    return None


def strip_generic_zh(term: str) -> str | None:
    """``西屯`` for ``西屯區``; None if no suffix or fewer than two characters would remain.

    >>> strip_generic_zh("西屯區"), strip_generic_zh("東區")
    ('西屯', None)
    """
    for suffix in GENERIC_ZH:
        if term.endswith(suffix) and len(term) - len(suffix) >= 2:
            return term[: -len(suffix)]
    return None
