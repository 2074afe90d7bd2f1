"""Finding names in text: one Aho-Corasick pass over a folded copy, offsets into the original.

The text is folded the way index keys are (case, diacritics, spaces, hyphens, apostrophes and
full stops dropped; NFKC and 台/臺 folded), with a way back from each folded character to the
original one it came from (:class:`Folded`). One automaton holds every key of the index,
English and Chinese; it reports every occurrence, and each is then checked against the
original text:

- a Latin key must start and end on word boundaries (Situn's, (Situn) and Taichung-based
  are hits; Pasitun is not);
- a name without its generic word, or a romanized reading, must start with a capital
  letter (Bade District, Bade; but not "she bade him farewell");
- a bare name that is an everyday English word (east, hoping, Bali) needs its generic word;
- full stops and commas inside the span must be ones the term has (Sec. 1, Bade Rd.),
  so that a name does not run across a sentence break (Xitun. District officials...).

Overlaps are resolved leftmost-longest (Xitun District beats Xitun), or all are kept.
Typos are tried afterwards, with rapidfuzz, only on capitalised words followed by a generic
word that the exact pass left open (Shidng District). A name several entries share is
decided by context: the entry whose parent (or any ancestor) is also named in the text
wins; otherwise the span lists every candidate.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from glossary._index import KeyRow
from glossary._model import Entry, Kind, MatchKind, Span, Status, System, Term
from glossary._text import _VARIANTS, CHINESE_PUNCTUATION, has_cjk, latin_key
from glossary._util import gc_paused

if TYPE_CHECKING:
    from glossary._glossary import Glossary

#: Characters dropped from the folded text, as latin_key and chinese_key drop them.
_DROPPED = (
    frozenset(" \t\n\r\f\v\u00a0\u3000-‐‑‒–—'’‘ʼ`´′._,/")
    | frozenset("－．／＿，＇｀")  # full-width forms of the same
    | CHINESE_PUNCTUATION
)
#: Dropped characters outside ASCII, replaced by a space before anything else.
_DROPPED_WIDE = sorted(c for c in _DROPPED if not c.isascii())
#: ASCII dropped characters, deleted from the text's UTF-8 bytes.
_DROPPED_ASCII = "".join(sorted(c for c in _DROPPED if c.isascii())).encode()
#: Latin-1 byte → 1 if the character is dropped, else 0.
_MASK = bytes(int(chr(b) in _DROPPED) for b in range(256))
_ASCII_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
_ASCII = bytes(range(128))
#: Punctuation a term must itself contain for a span to run across it.
_MARK = re.compile("[.,]")
#: A blank line: the end of a paragraph, which no name runs across (one line break may
#: fall inside a name a text wraps; two are a paragraph break).
_BLANK_LINE = re.compile("\n[ \t\r\f\v\u00a0\u3000]*\n")

#: Generic words that may follow a name, full or abbreviated (Situn District, Situn Dist.).
_GENERIC_AFTER = re.compile(
    r"[ \t\r\n\u00a0-]+(district|dist\.|township|twp\.|city|county|co\.)(?![\w])",
    re.IGNORECASE,
)
_GENERIC_FULL = {"dist.": "district", "twp.": "township", "co.": "county"}

#: A stretch fuzzy matching tries: capitalised words right before a generic word. The
#: generic words (District, Dist., Township, Twp., City, County) are found by substring
#: searches, a stem and the endings that make a word of it (a regex alternation is tried
#: at every capital letter of the text, three times slower); the words before by a regex.
_GENERIC_STEMS = (
    ("Dist", ("rict", ".")),
    ("Township", ("",)),
    ("Twp.", ("",)),
    ("City", ("",)),
    ("County", ("",)),
)
_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*[ \t]+){1,4}\Z")
_WINDOW = 80
_WORD = re.compile(r"[A-Z][\w'’-]*")
#: A Taiwanese person's name in English: surname, then a hyphenated given name.
_PERSON_SHAPE = re.compile(r"[A-Z][a-z]{1,6} [A-Z][a-z]{1,6}-[a-z]{1,6}(?![\w'’-])")
#: Its beginning, up to the hyphen (at most 16 characters), to search for back from one.
_PERSON_HEAD = re.compile(r"[A-Z][a-z]{1,6} [A-Z][a-z]{1,6}-\Z")
_GENERIC_WORDS = ("district", "township", "city", "county")

#: Where the names found so far start, in order, and the furthest end reached by each and
#: those before it (a stretch ``a:b`` overlaps one if, for the last start before ``b``,
#: that reach is past ``a``).
_Found = tuple[list[int], list[int]]

#: Bare names and readings that are everyday English words: they name a place only with
#: their generic word (Hoping District, East District), never alone ("I am hoping", "east
#: of the river"). Found by checking every bare key of the built-in term base against
#: English word frequencies (wordfreq, Zipf 3 or more), plus the other compass points.
COMMON_WORDS = frozenset(
    {
        "east",
        "west",
        "south",
        "north",
        "central",
        "westcentral",
        "hoping",
        "alien",
        "render",
        "bali",
        "darren",
    }
)

_KINDS = {
    "variant": MatchKind.VARIANT,
    "script": MatchKind.SCRIPT,
    "pinyin": MatchKind.PINYIN,
}


#: Original characters per block of the way back from folded offsets (a power of two).
_BLOCK = 128


class Folded:
    """A folded copy of a text, and the way back from its offsets to the original's.

    The way back, for a text that folds character for character, is the byte mask of the
    dropped characters and how many characters were kept before each block of ``_BLOCK``
    original ones: a search among the blocks, then a few ``bytes.count`` calls inside one
    (computed in C; a list of every dropped character's place took three times as long to
    build as the block counts and the lookups together).
    """

    __slots__ = ("_blocks", "_mask", "_where", "ascii", "edges", "text")

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
        self._mask = mask
        self._blocks = _block_counts(mask)
        self._where = where
        #: For each folded character, non-zero if a dropped character came right before it
        #: in the original (so the folded character before it was not its neighbour); None
        #: when some character folds into one that differs in being a letter or digit (Ⓐ).
        self.edges = edges

    def original(self, index: int) -> int:
        """The offset in the original text of the folded character at ``index``."""
        if self._where is not None:
            return self._where[index]
        blocks = self._blocks
        block = bisect.bisect_right(blocks, index) - 1
        return _kept(self._mask, block * _BLOCK, index - blocks[block])


def _block_counts(mask: bytes) -> list[int]:
    """How many characters were kept before each block of ``_BLOCK`` (0 before the first)."""
    starts = range(0, len(mask) + _BLOCK, _BLOCK)
    dropped = map(mask.count, itertools.repeat(1), starts, starts[1:])
    return list(map(operator.sub, starts, itertools.accumulate(dropped, initial=0)))


def _kept(mask: bytes, begin: int, k: int) -> int:
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
        # deleted (a regex finding them took several times as long)
        for char in set(utf8.translate(None, _ASCII).decode()):
            folded = _fold_char(char)
            if len(folded) != 1 or folded in _DROPPED:
                return _fold_slowly(text)
            if folded != char:
                table[ord(char)] = folded
                if folded.isalnum() != char.isalnum():
                    edges = None
        if len(table) <= 16:  # a few characters: one C-level pass each beats translate
            for code, folded in table.items():
                kept = kept.replace(chr(code), folded)
        else:
            kept = kept.translate(table)
        return Folded(kept, mask=mask, edges=edges)
    return Folded(kept, mask=mask, edges=edges, ascii=utf8)


def _generic_words(text: str) -> list[tuple[int, int]]:
    """Where generic words (District, Dist., County...) stand in ``text``, in order."""
    out: list[tuple[int, int]] = []
    length = len(text)
    for stem, endings in _GENERIC_STEMS:
        i = text.find(stem)
        while i >= 0:
            end = i + len(stem)
            for ending in endings:
                if text.startswith(ending, end):
                    end += len(ending)
                    if end == length or not (text[end].isalnum() or text[end] == "_"):
                        out.append((i, end))
                    break
            i = text.find(stem, end)
    out.sort()
    return out


def _person_shapes(text: str, names: _Found | None = None) -> Iterator[re.Match[str]]:
    """Stretches shaped like a Taiwanese name (_PERSON_SHAPE), found from their hyphens:
    substring searches for "-" and a regex only near each, not one tried at every capital.
    A hyphen inside one of the ``names`` found already is passed over (a stretch around it
    would overlap that name)."""
    starts, reach = names or ([], [])
    done = 0
    hyphen = text.find("-")
    while hyphen >= 0:
        i = bisect.bisect_right(starts, hyphen) - 1
        if i >= 0 and reach[i] > hyphen:
            hyphen = text.find("-", reach[i])
            continue
        head = _PERSON_HEAD.search(text, max(done, hyphen - 15), hyphen + 1)
        if head is not None:
            found = _PERSON_SHAPE.match(text, head.start())
            if found is not None:
                yield found
                done = found.end()
        hyphen = text.find("-", hyphen + 1)


def _inside_word(text: str, start: int, also: str = "") -> bool:
    """Whether ``start`` continues a word (a letter, digit, underscore or one of ``also``
    comes right before it)."""
    if not start:
        return False
    before = text[start - 1]
    return before.isalnum() or before == "_" or before in also


def _fold_char(char: str) -> str:
    piece = unicodedata.normalize("NFKC", char)
    piece = "".join(c for c in unicodedata.normalize("NFD", piece) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", piece).lower().translate(_VARIANTS)


def _fold_slowly(text: str) -> Folded:
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        if char in _DROPPED:
            continue
        for folded_char in char.lower() if char.isascii() else _fold_char(char):
            if folded_char not in _DROPPED:
                out.append(folded_char)
                where.append(i)
    return Folded("".join(out), where=where)


class Matcher:
    """Every key of a glossary's index in an automaton (over bytes for a text that folds to
    ASCII, over strings for any other), each built on first use."""

    def __init__(self, glossary: Glossary) -> None:
        import ahocorasick_rs

        self.glossary = glossary
        self.keys = glossary.index.keys()
        self._infos: list[_Key | None] = [None] * len(self.keys)
        self._generics: dict[int, frozenset[str]] = {}  # per entry: see _Key.generics
        prefixes = {
            latin_key(term.text)
            for entry in glossary.index.entries_mentioning('"match":"prefix"')
            for term in entry.en
            if term.match == "prefix"
        }
        #: Per key: 0 for Chinese (no word boundaries), 1 for a whole Latin word, 2 for a
        #: Latin prefix (a word boundary before it only).
        self._bounds = [(2 if key in prefixes else 1) if key.isascii() else 0 for key in self.keys]
        self._people_cache: tuple[list[str], list[Entry]] | None = None
        # Two automatons over the same keys, each built when first needed: one scans the
        # bytes of a text that folds to ASCII (most English; 10-15% faster than scanning
        # the string, which maps every match's byte offsets back to characters), the
        # other any text.
        self._bytes_automaton: ahocorasick_rs.BytesAhoCorasick | None = None
        self._text_automaton: ahocorasick_rs.AhoCorasick | None = None

    def find(
        self, text: str, *, overlapping: bool = False, fuzzy: bool = True, cutoff: float = 88.0
    ) -> list[Span]:
        """The names in ``text``, in order; leftmost-longest unless ``overlapping``.

        With ``fuzzy``, typos in names followed by their generic word (Shidng District)
        are matched too, scoring at least ``cutoff`` (0-100).
        """
        with gc_paused():
            return self._find(text, overlapping=overlapping, fuzzy=fuzzy, cutoff=cutoff)

    def _find(self, text: str, *, overlapping: bool, fuzzy: bool, cutoff: float) -> list[Span]:
        folded = fold(text)
        if overlapping or folded.edges is None:
            found = sorted(self._every_hit(text, folded))
            if overlapping:  # one span per stretch of text: the best key for it
                first: dict[tuple[int, int], _Hit] = {}
                for f in found:
                    first.setdefault((f[0], f[4]), f)
                found = list(first.values())
            else:
                found = _leftmost_longest(found)
        else:
            found = self._leftmost_longest_hits(text, folded)
        infos = self._infos
        spans: list[Span] = []
        add = spans.append
        exact = MatchKind.EXACT
        for start, _, _, _, end, pattern, _ in found:  # Span made here: a call each costs
            info = infos[pattern] or self._prepare(pattern)
            span_text = text[start:end]
            match = info.match
            if (
                match is exact
                and span_text != info.term
                and span_text.casefold() != info.folded_term
            ):
                match = MatchKind.VARIANT if info.latin else MatchKind.SCRIPT
            add(
                Span(
                    start,
                    end,
                    span_text,
                    info.entries,
                    match,
                    info.score,
                    info.term,
                    info.system,
                    info.status,
                )
            )
        if fuzzy and (near := self._near_misses(text, spans, cutoff)):
            spans = sorted(spans + near, key=lambda s: s.start)
        return _decide(spans, self.glossary)

    def _candidates(self, folded: Folded) -> list[_Candidate]:
        """The automaton's matches in the folded text, those inside a word left out where
        the folded text shows it (``Folded.edges``), in the order they are sorted in."""
        ftext, edges = folded.text, folded.edges
        raw = self._matches(folded)
        if edges is None:
            return [(fstart, fstart - fend, fend, pattern) for pattern, fstart, fend in raw]
        bounds, flength = self._bounds, len(ftext)
        return [
            (fstart, fstart - fend, fend, pattern)
            for pattern, fstart, fend in raw
            if not bounds[pattern]
            or not (
                (fstart and not edges[fstart] and ftext[fstart - 1].isalnum())
                or (
                    fend < flength
                    and not edges[fend]
                    and ftext[fend].isalnum()
                    and bounds[pattern] == 1
                )
            )
        ]

    def _matches(self, folded: Folded) -> list[tuple[int, int, int]]:
        """Every occurrence of every key in the folded text: (key, start, end)."""
        import ahocorasick_rs

        standard = ahocorasick_rs.MatchKind.Standard
        if folded.ascii is not None:
            if self._bytes_automaton is None:
                keys = [key.encode() for key in self.keys]
                self._bytes_automaton = ahocorasick_rs.BytesAhoCorasick(keys, matchkind=standard)
            return self._bytes_automaton.find_matches_as_indexes(folded.ascii, overlapping=True)
        if self._text_automaton is None:
            self._text_automaton = ahocorasick_rs.AhoCorasick(self.keys, matchkind=standard)
        return self._text_automaton.find_matches_as_indexes(folded.text, overlapping=True)

    def _every_hit(self, text: str, folded: Folded) -> list[_Hit]:
        """Every hit, checked in the original text (for overlapping hits, and for texts whose
        folded copy cannot show word boundaries)."""
        found: list[_Hit] = []
        infos, bounds = self._infos, self._bounds
        length = len(text)
        found_raw = self._candidates(folded)
        self._prepare_all(found_raw)
        for fstart, _, fend, pattern in found_raw:
            info = infos[pattern] or self._prepare(pattern)
            start, end = folded.original(fstart), folded.original(fend - 1) + 1
            if not _one_paragraph(text, start, end):
                continue
            if info.latin and (
                (start and text[start - 1].isalnum())
                or (end < length and text[end].isalnum() and bounds[pattern] != 2)
            ):
                continue
            if not info.simple or not _no_marks(text, start, end):
                checked = self._check(text, info, start, end)
                if checked is None:
                    continue
                end = checked
            found.append((start, start - end, -info.score, -info.size, end, pattern, 0))
        return found

    def _leftmost_longest_hits(self, text: str, folded: Folded) -> list[_Hit]:
        """The leftmost-longest hits, worked out on the folded text: a candidate inside a
        hit already taken is never taken back to the original text nor checked there.
        All candidates at one start are checked before one is taken (a generic word that
        a bare name takes can make it the longest there)."""
        infos = self._infos
        candidates = self._candidates(folded)
        self._prepare_all(candidates)
        # By start, then longest first: the order the candidates at a start are tried in
        # does not matter (the best of them is taken), so no score is needed to sort.
        candidates.sort()
        mask, blocks, edges = folded._mask, folded._blocks, folded.edges
        assert edges is not None
        right, count, gaps_in, check = bisect.bisect_right, mask.count, edges.count, self._check
        out: list[_Hit] = []
        reach = -1  # in the folded text
        at = -1  # the start of the candidates being tried
        skip = False
        best: _Hit | None = None
        start = 0
        for fstart, _, fend, pattern in candidates:
            if fstart != at:  # a new start: take the best hit at the one before
                if best is not None:
                    out.append(best)
                    reach = best[6]
                    best = None
                at = fstart
                skip = fstart < reach
                if skip:
                    continue
                block = right(blocks, fstart) - 1  # Folded.original
                start = _kept(mask, block * _BLOCK, fstart - blocks[block])
            elif skip:
                continue
            info = infos[pattern] or self._prepare(pattern)
            # Its end: past as many dropped characters as there are gaps inside it, unless
            # some gap is longer than one character (". " in Sec. 3, Bade Rd.)
            gaps = gaps_in(2, fstart + 1, fend)
            end = start + fend - fstart + gaps
            if gaps and count(1, start, end) != gaps:
                end = _kept(mask, start, fend - 1 - fstart) + 1
            if gaps and not _one_paragraph(text, start, end):
                continue
            if info.counted:  # the common case: what _check would do, without the call
                hit_end = end + 1 if info.full_stop and text.startswith(".", end) else end
                if not _marks_counted(text, info, start, hit_end):
                    continue
            else:
                checked = check(text, info, start, end)
                if checked is None:
                    continue
                hit_end = checked
            if hit_end != end:  # the folded reach: the key's end, and what it took after
                fend += hit_end - end - count(1, end, hit_end)
            hit = (start, start - hit_end, -info.score, -info.size, hit_end, pattern, fend)
            if best is None or hit < best:
                best = hit
        if best is not None:
            out.append(best)
        return out

    def _near_misses(self, text: str, spans: Sequence[Span], cutoff: float) -> list[Span]:
        """Typos in names the exact pass left open: capitalised words and a generic word.

        Only a stretch that ends with a generic word (Shidng District, Bnaqiao Dist.) is
        tried, so an ordinary English word is never taken for a name; of its words, the
        last one to three are scored against the index's English terms and Hanyu readings
        with rapidfuzz, and the best score at or above ``cutoff`` wins.
        """
        starts = [s.start for s in spans]
        reach = list(itertools.accumulate((s.end for s in spans), max))  # spans are sorted
        out: list[Span] = []
        for begin, end in _generic_words(text):
            i = bisect.bisect_left(starts, end) - 1
            if i >= 0 and reach[i] > begin:
                continue  # the exact pass found a name here: the common case, first
            if _inside_word(text, begin):
                continue
            window = max(0, begin - _WINDOW)
            words = _WORDS_BEFORE.search(text, window, begin)
            if words is None:
                continue
            if i >= 0 and reach[i] > words.start():
                continue  # the exact pass found a name here
            # Only now, with a stretch to score: rapidfuzz and the keys cost ~30 ms to load.
            from rapidfuzz import fuzz, process

            choices, numbers = self.glossary.index.fuzzy_choices()[:2]
            best: tuple[float, int, int] | None = None
            found_words = [  # the regex may start inside a word (xSitun): not that one
                word
                for word in _WORD.finditer(text, words.start(), words.end())
                if not _inside_word(text, word.start(), "'’-")
            ]
            for first in found_words[-3:]:
                phrase = text[first.start() : end]
                found = process.extractOne(
                    latin_key(phrase), choices, scorer=fuzz.ratio, score_cutoff=cutoff
                )
                if found is not None and (best is None or found[1] > best[0]):
                    best = (float(found[1]), found[2], first.start())
            if best is None:
                continue
            score, position, start = best
            key = choices[position]
            if _no_fuzzy(key, self.glossary, numbers, choices):
                continue
            entries = tuple(
                self.glossary.index.entry(n)
                for n in sorted({n for k, n in zip(choices, numbers, strict=True) if k == key})
            )
            terms = [t.text for t in entries[0].en if latin_key(t.text) == key]
            matched = terms[0] if terms else entries[0].english
            out.append(Span(start, end, text[start:end], entries, MatchKind.FUZZY, score, matched))
        return out + self._person_misses(text, (starts, reach), cutoff)

    def _person_misses(self, text: str, spans: _Found, cutoff: float) -> list[Span]:
        """Typos in people's names, which have no generic word: only a stretch shaped like a
        Taiwanese name in English (a capitalised surname and a hyphenated given name: Liu
        Shyh-fnag, Ko Wen-jee) is tried, and only against the names of people."""
        starts, reach = spans
        out: list[Span] = []
        people: tuple[list[str], list[Entry]] | None = None
        for found in _person_shapes(text, spans):
            if _inside_word(text, found.start(), "'’-"):
                continue
            i = bisect.bisect_left(starts, found.end()) - 1
            if i >= 0 and reach[i] > found.start():
                continue  # the exact pass found a name here
            if people is None:
                from rapidfuzz import fuzz, process

                people = self._people()
            if not people[0]:
                break
            best = process.extractOne(
                latin_key(found.group()), people[0], scorer=fuzz.ratio, score_cutoff=cutoff
            )
            if best is None:
                continue
            entry = people[1][best[2]]
            term = next(t for t in entry.en if latin_key(t.text) == best[0])
            if not term.fuzzy:
                continue
            out.append(
                Span(
                    found.start(),
                    found.end(),
                    found.group(),
                    (entry,),
                    MatchKind.FUZZY,
                    float(best[1]),
                    term.text,
                )
            )
        return out

    def _people(self) -> tuple[list[str], list[Entry]]:
        """The folded English names of every person in the term base, and their entries."""
        if self._people_cache is None:
            keys: list[str] = []
            entries: list[Entry] = []
            for entry in self.glossary.index.entries_mentioning('"kind":"person"'):
                if entry.kind is not Kind.PERSON:
                    continue
                for term in entry.en:
                    keys.append(latin_key(term.text))
                    entries.append(entry)
            self._people_cache = (keys, entries)
        return self._people_cache

    def _prepare(self, pattern: int) -> _Key:
        """What a key stands for, worked out once per key."""
        key = self.keys[pattern]
        info = self._infos[pattern] = _Key.of(key, self.glossary, self._generics)
        return info

    def _prepare_all(self, found: list[_Candidate]) -> None:
        """Work out every key among ``found`` not worked out yet, their index rows fetched
        together (a first text names thousands of keys: one statement each took longer
        than the scan)."""
        infos = self._infos
        new = {pattern for _, _, _, pattern in found if infos[pattern] is None}
        self.glossary.index.load_rows(self.keys[pattern] for pattern in new)
        for pattern in new:
            self._prepare(pattern)

    def _check(self, text: str, info: _Key, start: int, end: int) -> int | None:
        """Where a hit of a key at ``start:end`` ends (past a generic word or full stop it
        takes), or None if it is no hit. Word boundaries are already checked."""
        if not info.latin:  # Chinese: no word boundaries in Han text
            if not _punctuation_ok(text[start:end], info.marks):
                return None
            return end
        if info.full_stop and text[end : end + 1] == ".":
            end += 1  # Situn Dist. ends with its full stop
        if info.dots >= 0:  # one way to write its full stops and commas: count them
            if not _marks_counted(text, info, start, end):
                return None
        elif not _punctuation_ok(text[start:end], info.marks):
            return None
        if info.as_written and text[start:end] not in info.as_written:
            return None  # a case-sensitive term matches as written: MAC, never mac or Mac
        if info.bare:
            if not text[start].isupper():
                return None  # a bare name or a reading needs its capital: Bade, not bade
            extended = self._generic_end(text, end, info)
            if extended == end and info.common:
                return None  # "Hoping" alone is a word; "Hoping District" is a place
            end = extended
        return end

    def _generic_end(self, text: str, end: int, info: _Key) -> int:
        """Past the generic word that follows a bare name or reading (Hsi-t'un District)."""
        match = _GENERIC_AFTER.match(text, end)
        if match is None or not _one_paragraph(text, end, match.start(1)):
            return end
        word = match.group(1).casefold()
        if _GENERIC_FULL.get(word, word) in info.generics:
            return match.end()
        return end


class _Key(NamedTuple):
    """Everything the matcher needs to know about one key, from its rows in the index.

    A NamedTuple, not a dataclass: the CLI imports this module on every run of
    `glossary annotate`, and generating a frozen dataclass costs milliseconds.
    """

    latin: bool
    score: float  # the best row's
    bare: bool  # only bare names and readings: needs a capital letter
    full_stop: bool  # a term ends with "." (Dist.)
    marks: frozenset[str]  # the full stops and commas of its terms, in order
    generics: frozenset[str]  # generic words its entries' English names end with
    entries: tuple[Entry, ...]  # the entries of the best rows
    match: MatchKind
    term: str
    system: System | None
    status: Status | None
    as_written: frozenset[str]  # when every term of the key is case-sensitive: its spellings
    size: int  # the key's length: of two keys over one stretch, the longer wins
    folded_term: str  # ``term``, case-folded
    common: bool  # an everyday English word (COMMON_WORDS)
    simple: bool  # only word boundaries, full stops and commas to check
    dots: int  # with one way of writing its marks: its full stops, else -1
    commas: int  # and its commas
    counted: bool  # all there is to check is its full stops and commas (``dots`` >= 0)

    @classmethod
    def of(cls, key: str, glossary: Glossary, generics_of: dict[int, frozenset[str]]) -> _Key:
        """What ``key`` stands for; ``generics_of`` remembers each entry's generic words."""
        index = glossary.index
        rows = index.rows(key)
        best: dict[int, KeyRow] = {}
        for row in rows:
            old = best.get(row.n)
            if old is None or row.score > old.score:
                best[row.n] = row
        top = max(r.score for r in best.values())
        chosen = [r for r in best.values() if r.score == top]
        if len(chosen) > 1:
            chosen.sort(key=lambda r: index.entry(r.n).id)
        entries = tuple(index.entry(r.n) for r in chosen)
        row = chosen[0]
        terms = [_term_of(index.entry(r.n), r) for r in rows]
        generics: set[str] = set()
        for r in rows:
            words = generics_of.get(r.n)
            if words is None:
                words = generics_of[r.n] = frozenset(
                    word
                    for t in index.entry(r.n).en
                    for word in _GENERIC_WORDS
                    if t.text.casefold().endswith(" " + word)
                )
            generics |= words
        bare = all(r.match != "term" for r in rows)
        full_stop = any(r.term.endswith(".") for r in rows)
        marks = frozenset("".join(_MARK.findall(r.term)) for r in rows)
        as_written = (
            frozenset(t.text for t in terms if t is not None)
            if terms and all(t is not None and t.case_sensitive for t in terms)
            else frozenset()
        )
        return cls(
            latin=key.isascii(),
            score=top,
            bare=bare,
            full_stop=full_stop,
            marks=marks,
            generics=frozenset(generics),
            entries=entries,
            match=_KINDS.get(row.match, MatchKind.EXACT),
            term=row.term,
            system=System(row.system) if row.system else None,
            status=_status(entries[0], row.term) if len(entries) == 1 else None,
            as_written=as_written,
            size=len(key),
            folded_term=row.term.casefold(),
            common=key in COMMON_WORDS,
            simple=not (bare or full_stop or as_written) and marks == _NO_MARKS,
            dots=next(iter(marks)).count(".") if len(marks) == 1 else -1,
            commas=next(iter(marks)).count(",") if len(marks) == 1 else -1,
            counted=len(marks) == 1 and not (bare or as_written),
        )


def _no_fuzzy(key: str, glossary: Glossary, numbers: Sequence[int], choices: Sequence[str]) -> bool:
    """Whether the term behind a fuzzy key has asked not to be matched by near misses."""
    from glossary._index import strip_generic_en

    for k, n in zip(choices, numbers, strict=True):
        if k != key:
            continue
        for term in glossary.index.entry(n).en:
            if not term.fuzzy and key in (
                latin_key(term.text),
                latin_key(strip_generic_en(term.text) or ""),
            ):
                return True
    return False


def _term_of(entry: Entry, row: KeyRow) -> Term | None:
    """The English term a row of the index stands for, when it is one written as is."""
    if row.match != "term":
        return None
    return next((t for t in entry.en if t.text == row.term), None)


def _status(entry: Entry, term: str) -> Status | None:
    for t in (*entry.en, *entry.zh):
        if t.text == term:
            return t.status
    return None


_NO_MARKS = frozenset({""})


def _no_marks(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has no full stop or comma."""
    return text.find(".", start, end) < 0 and text.find(",", start, end) < 0


def _one_paragraph(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies within one paragraph (has no blank line): a name
    may wrap across a line break, never across a paragraph break."""
    return text.find("\n", start, end) < 0 or _BLANK_LINE.search(text, start, end) is None


def _marks_counted(text: str, info: _Key, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has the full stops and commas of a key with one way of
    writing them (``info.dots`` >= 0): counted, and in order only if it has both."""
    return (
        text.count(".", start, end) == info.dots
        and text.count(",", start, end) == info.commas
        and not (info.dots and info.commas and not _punctuation_ok(text[start:end], info.marks))
    )


def _punctuation_ok(span: str, marks: frozenset[str]) -> bool:
    if "." not in span and "," not in span:
        return True
    return "".join(_MARK.findall(span)) in marks


#: A match of a key in the folded text: its start, minus its length, its end, the key.
_Candidate = tuple[int, int, int, int]

#: A hit: start, -length, -score, -key length, end, key, and (where it is worked out on the
#: folded text) its end there. Sorted, the leftmost comes first, then the longest, the best.
_Hit = tuple[int, int, float, int, int, int, int]


def _leftmost_longest(found: list[_Hit]) -> list[_Hit]:
    out: list[_Hit] = []
    end = -1
    for f in found:  # sorted by start, longest first, best first
        if f[0] >= end:
            out.append(f)
            end = f[4]
    return out


def _decide(spans: list[Span], glossary: Glossary) -> list[Span]:
    """Resolve ambiguous spans by the other names in the text (a parent or ancestor)."""
    if all(len(s.entries) == 1 for s in spans):
        return spans
    named = {s.entries[0].id for s in spans if len(s.entries) == 1}
    out: list[Span] = []
    lines: dict[str, set[str]] = {}  # an entry's ancestors, worked out once per text
    for span in spans:
        if len(span.entries) > 1:
            fitting = []
            for e in span.entries:
                line = lines.get(e.id)
                if line is None:
                    line = lines[e.id] = _ancestors(glossary, e)
                if named & line:
                    fitting.append(e)
            if len(fitting) == 1:
                entry = fitting[0]
                span = Span(
                    span.start,
                    span.end,
                    span.text,
                    (entry,),
                    span.match,
                    span.score,
                    span.matched,
                    span.system,
                    _status(entry, span.matched),
                )
        out.append(span)
    return out


def _ancestors(glossary: Glossary, entry: Entry) -> set[str]:
    out: set[str] = set()
    current: Entry | None = entry
    while current is not None and current.parent and current.parent not in out:
        out.add(current.parent)
        current = glossary.parent_of(current)
    return out


class _Exact(NamedTuple):
    """What a key of the exact matcher stands for."""

    entries: tuple[Entry, ...]
    term: Term
    system: System | None
    sensitive: bool  # some term under it is matched only as written


class ExactMatcher:
    """Only the terms as the term base writes them, case-insensitively (acronyms and terms
    marked ``case: sensitive`` as written), whole words for Latin terms, leftmost-longest:
    the job flashtext or an Aho-Corasick automaton does, with the same spans out. Fast
    (the text is only lower-cased, not folded), but blind to other spellings, scripts and
    typos: ``Glossary.annotate(text, exact=True)``, ``glossary annotate --exact``.
    """

    def __init__(self, glossary: Glossary) -> None:
        import ahocorasick_rs

        self.glossary = glossary
        by_key: dict[str, list[tuple[int, str, str | None]]] = {}
        for term, n, system in glossary.index.terms():
            by_key.setdefault(term.lower(), []).append((n, term, system))
        self._keys = list(by_key)
        self._rows = [by_key[k] for k in self._keys]
        self._latin = [not has_cjk(k) for k in self._keys]
        self._terms: dict[tuple[int, str], Term] = {}
        self._info: dict[int, _Exact] = {}
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._keys, matchkind=ahocorasick_rs.MatchKind.Standard
        )

    def find(self, text: str) -> list[Span]:
        """The terms in ``text``, in order, leftmost-longest among whole-word matches
        (a longer match cut off by a letter does not hide a shorter one inside it)."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a character that lower-cases to two (İ): keep 1:1
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        length = len(text)
        latin = self._latin
        matches = [
            (start, end, pattern)
            for pattern, start, end in self._automaton.find_matches_as_indexes(
                lowered, overlapping=True
            )
            if not latin[pattern]
            or not (
                (start and lowered[start - 1].isalnum())
                or (end < length and lowered[end].isalnum())
            )
        ]
        matches.sort(key=lambda m: (m[0], m[0] - m[1]))
        spans: list[Span] = []
        last = -1
        for start, end, pattern in matches:
            if start < last:
                continue
            found = text[start:end]
            info: _Exact | None = self._info.get(pattern) or self._prepare(pattern)
            if info is not None and info.sensitive:  # some term only as written (MAC)
                info = self._as_written(pattern, found)
            if info is None:
                continue
            last = end
            spans.append(
                Span(
                    start,
                    end,
                    found,
                    info.entries,
                    MatchKind.EXACT,
                    100.0,
                    info.term.text,
                    info.system,
                    info.term.status,
                )
            )
        return _decide(spans, self.glossary)

    def _prepare(self, pattern: int) -> _Exact:
        info = self._hits(self._rows[pattern])
        assert info is not None  # every key has a row
        self._info[pattern] = info
        return info

    def _as_written(self, pattern: int, found: str) -> _Exact | None:
        rows = [
            row
            for row in self._rows[pattern]
            if not self._term(row[0], row[1]).case_sensitive or found == row[1]
        ]
        return self._hits(rows)

    def _hits(self, rows: list[tuple[int, str, str | None]]) -> _Exact | None:
        if not rows:
            return None
        numbers = list(dict.fromkeys(n for n, _, _ in rows))
        n, written, system = rows[0]
        term = self._term(n, written)
        return _Exact(
            tuple(self.glossary.index.entry(m) for m in numbers),
            term,
            System(system) if system else None,
            any(self._term(m, w).case_sensitive for m, w, _ in rows),
        )

    def _term(self, n: int, written: str) -> Term:
        term = self._terms.get((n, written))
        if term is None:
            entry = self.glossary.index.entry(n)
            term = next(t for t in (*entry.en, *entry.zh) if t.text == written)
            self._terms[(n, written)] = term
        return term
