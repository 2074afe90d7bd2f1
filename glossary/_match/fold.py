"""Folding a text the way keys are folded, and the way back to the original's offsets.

The folded copy is what the automaton scans: every character folded by
:func:`glossary._vocab.fold_char` (the function keys are made with), the characters of
:data:`glossary._vocab.DROPPED` gone. :class:`Folded` maps each folded offset back to the
original character it came from, so spans always index the original text.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re

from glossary._vocab import DROPPED, VARIANTS, fold_char

__all__ = ["BLOCK", "PLAIN_HAN", "Folded", "fold", "fold_slowly", "kept_at"]

#: Dropped characters outside ASCII, replaced by a space before anything else.
_DROPPED_WIDE = sorted(c for c in DROPPED if not c.isascii())
#: ASCII dropped characters, deleted from the text's UTF-8 bytes.
_DROPPED_ASCII = "".join(sorted(c for c in DROPPED if c.isascii())).encode()
#: Latin-1 byte → 1 if the character is dropped, else 0.
_MASK = bytes(int(chr(b) in DROPPED) for b in range(256))
_ASCII_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
_ASCII = bytes(range(128))

#: Original characters per block of the way back from folded offsets (a power of two).
BLOCK = 128


def _plain_han() -> re.Pattern[str]:
    """The characters of the basic Han block (U+4E00 to U+9FFF) that fold into themselves:
    all but the variants (台), for NFKC, case folding and diacritics leave that block alone.
    A Chinese text is mostly these: leaving them out before its distinct characters are
    collected saves most of the fold's time (a set of 1.7M characters took 55 ms)."""
    folded = sorted(chr(code) for code in VARIANTS if 0x4E00 <= code <= 0x9FFF)
    ranges, low = [], "\u4e00"
    for char in folded:
        if low < char:
            ranges.append(f"{low}-{chr(ord(char) - 1)}")
        low = chr(ord(char) + 1)
    ranges.append(f"{low}-\u9fff")
    return re.compile(f"[{''.join(ranges)}]+")


#: Runs of Han characters the fold leaves as they are.
PLAIN_HAN = _plain_han()


class Folded:
    """A folded copy of a text, and the way back from its offsets to the original's.

    The way back, for a text that folds character for character, is the byte mask of the
    dropped characters and how many characters were kept before each block of ``BLOCK``
    original ones: a search among the blocks, then a few ``bytes.count`` calls inside one
    (computed in C; a list of every dropped character's place took three times as long to
    build as the block counts and the lookups together).
    """

    __slots__ = ("_where", "ascii", "blocks", "edges", "mask", "text")

    def __init__(
        self,
        text: str,
        *,
        mask: bytes = b"",
        where: list[int] | None = None,
        edges: bytes | None = None,
        ascii: bytes | None = None,
    ):
        self.text = text
        #: The folded text's bytes when it is all ASCII (most English folds to ASCII).
        self.ascii = ascii
        #: One byte per original character: 1 if it was dropped.
        self.mask = mask
        #: How many characters were kept before each block of ``BLOCK`` original ones.
        self.blocks = _block_counts(mask)
        self._where = where
        #: For each folded character, non-zero if a dropped character came right before it
        #: in the original (so the folded character before it was not its neighbour); None
        #: when some character folds into one that differs in being a letter or digit (Ⓐ).
        self.edges = edges

    def original(self, index: int) -> int:
        """The offset in the original text of the folded character at ``index``."""
        if self._where is not None:
            return self._where[index]
        blocks = self.blocks
        block = bisect.bisect_right(blocks, index) - 1
        return kept_at(self.mask, block * BLOCK, index - blocks[block])


def _block_counts(mask: bytes) -> list[int]:
    """How many characters were kept before each block of ``BLOCK`` (0 before the first)."""
    starts = range(0, len(mask) + BLOCK, BLOCK)
    dropped = map(mask.count, itertools.repeat(1), starts, starts[1:])
    return list(map(operator.sub, starts, itertools.accumulate(dropped, initial=0)))


def kept_at(mask: bytes, begin: int, k: int) -> int:
    """The offset of the ``k``-th (from 0) kept character at or after ``begin``, which is
    kept or the start of a block: the least ``o`` with ``o = begin + k + (characters
    dropped in begin..o)``, reached from below in a step or two (a word has few)."""
    at = begin + k
    while True:
        further = begin + k + mask.count(1, begin, at + 1)
        if further == at:
            return at
        at = further


def fold(text: str) -> Folded:
    """Fold a text as index keys are folded, remembering where each character came from.

    Most texts fold character for character (case, diacritics, NFKC, 台/臺 change one
    character into one), so the folded copy is made by C-level string and bytes methods
    (the ASCII characters lower-cased and dropped in one ``bytes.translate`` of the UTF-8
    text, then the few distinct other characters replaced) and the way back is a byte mask
    of the dropped characters (see :class:`Folded`); a text with a character that folds
    into several (ligatures such as ﬁ) takes a slower path, one character at a time.

    >>> folded = fold("Hsi-T’un Dist.")
    >>> folded.text, [folded.original(i) for i in range(4)]
    ('hsitundist', [0, 1, 2, 4])
    """
    spaced = text
    if not text.isascii():
        for char in _DROPPED_WIDE:  # every dropped character becomes a one-byte one
            if char in spaced:
                spaced = spaced.replace(char, " ")
    mask = spaced.encode("latin-1", "replace").translate(_MASK)  # one byte a character
    edges: bytes | None = mask.replace(b"\x01\x00", b"\x01\x02").translate(None, b"\x01")
    utf8 = spaced.encode().translate(_ASCII_LOWER, _DROPPED_ASCII)
    kept = utf8.decode()
    if not kept.isascii():
        table: dict[int, str] = {}
        # The distinct characters outside ASCII: what is left of the UTF-8 once ASCII is
        # deleted (a regex finding them took several times as long), Han characters that
        # fold into themselves aside
        for char in set(PLAIN_HAN.sub("", utf8.translate(None, _ASCII).decode())):
            folded = fold_char(char)
            if len(folded) != 1 or folded in DROPPED:
                return fold_slowly(text)
            if folded != char:
                table[ord(char)] = folded
                if folded.isalnum() != char.isalnum():
                    edges = None
        if len(table) <= 16:  # a few characters: one C-level pass each beats translate
            for code, folded in table.items():
                kept = kept.replace(chr(code), folded)
        else:
            kept = kept.translate(table)
        # Diacritics and full-width forms fold into ASCII (Lü, Ｔａｉｐｅｉ): the bytes scan
        return Folded(kept, mask=mask, edges=edges, ascii=kept.encode() if kept.isascii() else None)
    return Folded(kept, mask=mask, edges=edges, ascii=utf8)


def fold_slowly(text: str) -> Folded:
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        if char in DROPPED:
            continue
        for folded_char in char.lower() if char.isascii() else fold_char(char):
            if folded_char not in DROPPED:
                out.append(folded_char)
                where.append(i)
    return Folded("".join(out), where=where)
