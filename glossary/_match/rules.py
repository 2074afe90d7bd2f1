"""The matching rules, each written once: every path of the scanner (the leftmost-longest
pass on the folded text, the eager pass for overlapping spans, the exact matcher and the
typo pass) calls these, so a rule cannot drift between copies.

1. **Word boundary** (:func:`cut_off`, :func:`cut_off_folded`; :func:`cut_off_maps` reads
   the latter off a whole ASCII text at once): a Latin key starts and ends on word
   boundaries: the character before it and after it does not continue a word
   (:func:`continues_word`): Situn's, (Situn) and Taichung-based are hits, Pasitun is not.
   A prefix key (``match: prefix``) needs the boundary before it only (Formosa in
   Formosan). Chinese keys need none: Han text has no spaces.
2. **Capital letter** (:func:`capitalised`): a bare name (without its generic word) or a
   romanized reading starts with a capital: Bade, not "she bade him farewell".
3. **Everyday word**: a bare name that is an everyday English word or a common English
   given name or surname (east, hoping, Darren) is a name only with its generic word
   (:func:`glossary._match.facts.everyday_words`, a derived list); so is a
   foreign place's bare name or reading (:func:`glossary._index.names_in_text`). A
   foreign place's bare Chinese name that is an everyday word (合作 of 合作市, 中方 of
   中方縣: :func:`glossary._index.everyday_chinese_keys`) is no name in text at all.
4. **Marks** (:func:`marks_ok`): the full stops and commas inside a span (full-width ones
   too) are those of one of the key's terms, in order; a key written one way must have
   exactly its own. So a name never runs across a sentence break (Xitun. District
   officials..., 西，屯區).
5. **Paragraphs** (:func:`crosses_paragraph`): a name may wrap across one line break,
   never across a blank line or a paragraph separator.
6. **Generic word** (:func:`generic_end`): a bare name takes the generic word that follows
   it (Hsi-t'un District, Situn Dist.) when one of its entries' English names ends with it.
7. **As written** (:func:`as_written_ok`): a case-sensitive term matches only as written
   (MAC, never mac or Mac).
8. **Full stop**: a term that ends with a full stop (Dist., Rd.) takes the one after it in
   the text, which the fold dropped (part of :func:`check`).
9. **Longer name** (:func:`in_longer_name`): a Latin name that capitalised words continue
   into a longer proper name, one of them a word that ends such names (Times, Bank,
   Temple, University, Office: ``glossary/data/longer_names.txt``), is no hit: "The
   Taipei Times", "Taichung Bank", "Dajia Jenn Lann Temple", "Taipei District
   Prosecutors' Office"; nor is one after such a word and "of" ("Bank of Taiwan"). A
   place's own bodies too ("Xitun District Office", "Taipei City Government"): a gloss
   inside a name is one an editor has to move. An entry for the whole name is a longer
   key and wins (Taoyuan International Airport).
10. **Chinese words** (:class:`glossary._match.segment.Words`): a Chinese name starts and
    ends on the segmenter's word boundaries (中正 is no district in 中正路), and a place
    followed by a title or a name made from it is not the place alone (高雄市長, 中正紀念堂).
11. **Kind** (:func:`contradicted`): a generic word after a name that fits none of its
    entries' kinds (:data:`glossary._vocab.GENERIC_KINDS`) says it names something
    else: "Anping County in Hebei" is not Tainan's Anping District, "Zhongshan Road" is
    no Zhongshan District (a road entry for it is a longer key and wins).

:func:`check` applies rules 2 to 11 to one hit; word boundaries are checked before it, on
the folded text where its edges show them, else on the original.
"""

from __future__ import annotations

import re
from functools import cache

from glossary._data import data_text
from glossary._match.facts import KeyFacts
from glossary._match.segment import Words
from glossary._text import is_cjk
from glossary._vocab import (
    ASCII_MARKS,
    GENERIC_ALTERNATION,
    GENERIC_IN_TEXT,
    GENERIC_KINDS,
    MARKS,
)

__all__ = [
    "NO_BOUND",
    "PREFIX",
    "WORD",
    "as_written_ok",
    "capitalised",
    "check",
    "continues_word",
    "contradicted",
    "crosses_paragraph",
    "cut_off",
    "cut_off_folded",
    "cut_off_maps",
    "generic_end",
    "in_longer_name",
    "longer_name_words",
    "marks_ok",
]

#: What a key needs around it: nothing (Chinese), word boundaries on both sides (a Latin
#: word), or one before it only (a Latin prefix).
NO_BOUND, WORD, PREFIX = 0, 1, 2


#: A generic word after a bare name: spaces, at most one line break, or a hyphen between.
_GENERIC_AFTER = re.compile(
    rf"[ \t\r\n\u00a0-]+({GENERIC_ALTERNATION})(?!\w)",
    re.IGNORECASE,
)
#: The word after a name (spaces, line breaks or a hyphen between) and a full stop after
#: it, for :data:`GENERIC_KINDS` (a dictionary lookup: an alternation of its 33 words,
#: tried after every name, cost twice as much).
_WORD_AFTER = re.compile(r"[ \t\r\n\u00a0-]+([A-Za-z]+)(\.?)(?![0-9A-Za-z\u00c0-\u024f_])")
#: What may come between a name and the next word (a cheap test before the regexes).
_SPACE_AFTER = frozenset(" \t\r\n\u00a0-")
#: A capitalised word after a name: spaces or one line break between.
_NEXT_WORD = re.compile(
    r"(?:[ \t\u00a0]+|[ \t\u00a0]*\r?\n[ \t\u00a0]*)([A-Z][0-9A-Za-z\u00c0-\u024f&'’.-]*)"
)  # Latin letters only: a Han character ends the word (and the run: only spaces continue it)
#: A capitalised word and "of" (and "the") right before a name: "Bank of Taiwan".
_WORD_OF = re.compile(
    r"(?<![\w'’.-])([A-Z][\w&'’-]*)[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?\Z"
)
#: How many capitalised words after a name may continue it (Kaohsiung Chang Gung
#: Memorial Hospital: four).
_LONGER_NAME_WORDS = 5
#: A blank line (two line breaks with only spaces between) or a paragraph separator.
_PARAGRAPH = re.compile("(?>\r\n|\r|\n)[ \t\f\v\u00a0\u3000]*(?>\r\n|\r|\n)|\u2029")


def continues_word(char: str) -> bool:
    """Whether a character next to a Latin name makes the name part of a longer word: a
    letter or digit, but not a Han character (市長Ko Wen-je表示: Chinese text around a Latin
    name has no spaces, and is no part of it).

    >>> continues_word("a"), continues_word("9"), continues_word("'"), continues_word(" ")
    (True, True, False, False)
    >>> continues_word("市"), continues_word("é")
    (False, True)
    """
    return char.isalnum() and not ("\u3400" <= char <= "\u9fff" or is_cjk(char))


def cut_off(text: str, start: int, end: int, bound: int) -> bool:
    """Whether ``text[start:end]`` fails the word-boundary rule for a key of this ``bound``.

    >>> cut_off("Pasitun", 2, 7, WORD), cut_off("(Situn)", 1, 6, WORD)
    (True, False)
    >>> cut_off("Formosan", 0, 7, PREFIX), cut_off("西屯區", 0, 2, NO_BOUND)
    (False, False)
    """
    if not bound:
        return False
    if start and continues_word(text[start - 1]):
        return True
    return bound == WORD and end < len(text) and continues_word(text[end])


def cut_off_folded(ftext: str, edges: bytes, fstart: int, fend: int, bound: int) -> bool:
    """:func:`cut_off`, read on the folded text: a folded neighbour is the original one
    (folded) unless a dropped character came between (``edges``, see
    :class:`~glossary._match.fold.Folded`), and then there is a boundary."""
    if not bound:
        return False
    if fstart and not edges[fstart] and continues_word(ftext[fstart - 1]):
        return True
    return bound == WORD and fend < len(ftext) and not edges[fend] and continues_word(ftext[fend])


#: ASCII byte → 1 if the character continues a word (:func:`continues_word`), else 0;
#: bytes outside ASCII → 0 (a text's ASCII bytes never hold one).
_CONTINUES = bytes(int(b < 0x80 and continues_word(chr(b))) for b in range(256))
#: Byte → 1 if it is not 0 (an edge of :class:`~glossary._match.fold.Folded`).
_NONZERO = bytes(int(b != 0) for b in range(256))


def cut_off_maps(ascii: bytes, edges: bytes) -> tuple[bytes, bytes]:
    """:func:`cut_off_folded` for every place of a folded text that is all ASCII
    (``ascii``, its bytes), worked out at once by C-level bytes and integer operations (a
    call for each of the automaton's hundreds of thousands of matches cost more than the
    automaton): a byte per start that is 1 where no key with a bound may start, and a byte
    per end (one more than the text's length) that is 1 where no word key may end. So a
    match ``fstart:fend`` of a key with ``bound`` is cut off if and only if ``bound and
    (starts[fstart] or (bound == WORD and ends[fend]))``.

    >>> starts, ends = cut_off_maps(b"pasitun (situn)", bytes(15))
    >>> starts[2], ends[7], starts[9], ends[14]
    (1, 0, 0, 0)
    """
    length = len(ascii)
    word = int.from_bytes(ascii.translate(_CONTINUES), "little")
    free = ~int.from_bytes(edges.translate(_NONZERO), "little")
    # Before a start, the character at fstart - 1; after an end, the one at fend
    starts = ((word << 8) & free).to_bytes(length + 1, "little")[:length]
    ends = (word & free).to_bytes(length + 1, "little")
    return starts, ends


def capitalised(text: str, start: int) -> bool:
    """Whether the name at ``start`` begins with a capital letter (a bare name must)."""
    return text[start].isupper()


def marks_ok(text: str, start: int, end: int, marks: frozenset[str]) -> bool:
    """Whether the full stops and commas in ``text[start:end]`` fit a key's ``marks`` (those
    of each of its terms, in order): a key written one way must have exactly its own; a key
    written several ways, one of them or none.

    >>> marks_ok("Xitun. District", 0, 15, frozenset({""}))
    False
    >>> marks_ok("Sec. 1, Bade Rd", 0, 15, frozenset({".,"}))
    True
    """
    if MARKS.search(text, start, end) is None:
        found = ""
    else:
        found = "".join(MARKS.findall(text, start, end)).translate(ASCII_MARKS)
    if len(marks) == 1:
        return found in marks
    return not found or found in marks


def crosses_paragraph(text: str, start: int, end: int) -> bool:
    r"""Whether ``text[start:end]`` runs across a blank line (a paragraph break).

    >>> crosses_paragraph("Situn\nDistrict", 0, 14), crosses_paragraph("Situn\n\nDistrict", 0, 15)
    (False, True)
    """
    if text.find("\n", start, end) < 0 and text.find("\r", start, end) < 0:
        return "\u2029" in text[start:end]
    return _PARAGRAPH.search(text, start, end) is not None


@cache
def longer_name_words() -> frozenset[str]:
    """The words that end a longer proper name (``glossary/data/longer_names.txt``).

    >>> {"Times", "Bank", "Temple"} <= longer_name_words()
    True
    """
    text = data_text("longer_names.txt")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


def in_longer_name(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is part of a longer proper name: capitalised
    words follow it (spaces or one line break between), one of them a word that ends such
    names (:func:`longer_name_words`, with a possessive or full stop after it), or one of
    those words and "of" come right before it.

    >>> in_longer_name("The Taipei Times", 4, 10), in_longer_name("Dajia Jenn Lann Temple", 0, 5)
    (True, True)
    >>> in_longer_name("Bank of Taiwan", 8, 14), in_longer_name("Taipei Mayor Chiang said", 0, 6)
    (True, False)
    >>> in_longer_name("in Taipei. Bank staff", 3, 9), in_longer_name("Taipei bank", 0, 6)
    (False, False)
    """
    after = end + 1  # most names are followed by a lower-case word: no regex for them
    if (
        after < len(text)
        and text[end] in _SPACE_AFTER
        and text[end] != "-"
        and (text[after] in _SPACE_AFTER or "A" <= text[after] <= "Z")
    ):
        words = longer_name_words()
        at = end
        for _ in range(_LONGER_NAME_WORDS):
            match = _NEXT_WORD.match(text, at)
            if match is None:
                break
            word = match.group(1).rstrip(".")
            if word.endswith(("'s", "’s")):
                word = word[:-2]
            if word.rstrip("'’") in words:
                return True
            at = match.end()
    if start > 3 and (text.endswith("of ", 0, start) or text.endswith("the ", 0, start)):
        before = _WORD_OF.search(text[max(0, start - 40) : start])
        return before is not None and before.group(1) in longer_name_words()
    return False


def contradicted(text: str, end: int, kinds: frozenset[str], generics: frozenset[str]) -> bool:
    r"""Whether the generic word after a name ending at ``end`` fits none of its entries'
    ``kinds`` (:class:`~glossary.Kind` values) nor its English names' generic words
    (``generics``): the name is then another thing's (a road's, a county's).

    >>> contradicted("Zhongshan Road", 9, frozenset({"district"}), frozenset({"district"}))
    True
    >>> contradicted("Banqiao City", 7, frozenset({"district"}), frozenset({"district"}))
    False
    >>> contradicted("Anping\n\nCounty officials", 6, frozenset({"district"}), frozenset())
    False
    """
    if end >= len(text) or text[end] not in _SPACE_AFTER:
        return False
    match = _WORD_AFTER.match(text, end)
    if match is None:
        return False
    word = match.group(1).lower()
    fits = GENERIC_KINDS.get(word + match.group(2)) if match.group(2) else None
    if fits is None:
        fits = GENERIC_KINDS.get(word)
        if fits is None:
            return False
    else:
        word += "."
    if not fits.isdisjoint(kinds) or GENERIC_IN_TEXT.get(word) in generics:
        return False
    return not crosses_paragraph(text, end, match.start(1))


def as_written_ok(text: str, start: int, end: int, facts: KeyFacts) -> bool:
    """Whether a key whose terms are all case-sensitive (MAC) is written as one of them."""
    return not facts.as_written or text[start:end] in facts.as_written


def generic_end(text: str, end: int, generics: frozenset[str]) -> int:
    """Past the generic word that follows a bare name or reading (Hsi-t'un District), if
    one of ``generics`` (the full words its entries end with); else ``end``."""
    match = _GENERIC_AFTER.match(text, end)
    if match is None:
        return end
    if GENERIC_IN_TEXT[match.group(1).casefold()] not in generics:
        return end
    if crosses_paragraph(text, end, match.start(1)):
        return end
    return match.end()


def check(
    text: str, facts: KeyFacts, start: int, end: int, words: Words | None = None
) -> int | None:
    """Where a hit of a key at ``start:end`` ends (past a full stop or generic word it
    takes), or None if the rules say it is no hit. Word boundaries are checked already
    (Chinese ones here, by ``words``)."""
    if facts.full_stop and text.startswith(".", end):
        end += 1  # Situn Dist. ends with its full stop
    if not marks_ok(text, start, end, facts.marks) or crosses_paragraph(text, start, end):
        return None
    if not facts.latin:
        if facts.foreign:
            return None  # 合作 (co-operation) is no 合作市 of Gansu
        return end if words is None or words.keeps(text, start, end, facts.entries) else None
    if not as_written_ok(text, start, end, facts):
        return None
    if facts.bare:
        if not capitalised(text, start):
            return None
        extended = generic_end(text, end, facts.generics)
        if extended == end and (facts.common or facts.foreign):
            return None  # "Hoping" alone is a word; "Hoping District" is a place
        end = extended
    if contradicted(text, end, facts.kinds, facts.generics) or in_longer_name(text, start, end):
        return None
    return end
